package serveclient

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/screening/audit"
	"github.com/freezeguard/freezeguard/server"
)

// request is one curl line of requests.sh.
type request struct {
	line   int
	expect int
	method string
	url    string // with $URL and $VAR references
	body   string // -d '...'
	file   string // --data-binary @file
	setVar string // VAR=$(curl ... | sed: the response's decision_id goes into VAR
}

var (
	expectRe = regexp.MustCompile(`^# expect (\d{3})`)
	methodRe = regexp.MustCompile(`-X (\w+)`)
	urlRe    = regexp.MustCompile(`"(\$URL[^"]*)"`)
	bodyRe   = regexp.MustCompile(` -d '([^']*)'`)
	fileRe   = regexp.MustCompile(`--data-binary @(\S+)`)
	assignRe = regexp.MustCompile(`^(\w+)=\$\(curl `)
)

// parseScript reads the curl requests of requests.sh.
func parseScript(t *testing.T) []request {
	f, err := os.Open("requests.sh")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var reqs []request
	expect := 0
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if m := expectRe.FindStringSubmatch(line); m != nil {
			expect, _ = strconv.Atoi(m[1])
			continue
		}
		if !strings.Contains(line, "curl ") || strings.HasPrefix(line, "#") {
			continue
		}
		r := request{line: n, expect: expect, method: "GET"}
		if expect == 0 {
			t.Fatalf("requests.sh:%d: no '# expect STATUS' line before the request", n)
		}
		expect = 0
		if m := methodRe.FindStringSubmatch(line); m != nil {
			r.method = m[1]
		}
		m := urlRe.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("requests.sh:%d: no \"$URL...\"", n)
		}
		r.url = m[1]
		if m := bodyRe.FindStringSubmatch(line); m != nil {
			r.body = m[1]
		}
		if m := fileRe.FindStringSubmatch(line); m != nil {
			r.file = m[1]
		}
		if m := assignRe.FindStringSubmatch(line); m != nil {
			r.setVar = m[1]
		}
		reqs = append(reqs, r)
	}
	return reqs
}

// TestCurlScript runs every request of requests.sh against the service
// over the real embedded lists, as curl would send it, and checks the
// status the script expects.
func TestCurlScript(t *testing.T) {
	reqs := parseScript(t)
	if len(reqs) < 12 {
		t.Fatalf("%d requests parsed from requests.sh", len(reqs))
	}
	snap, err := embedded.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	const token = "example-token"
	tokens, err := server.ParseTokens(strings.NewReader(server.HashToken(token) + " admin example\n"))
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(context.Background(), server.Options{Snapshot: snap, Log: audit.NewMemory(), Tokens: tokens})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	vars := map[string]string{"URL": hs.URL}
	for _, r := range reqs {
		url := os.Expand(r.url, func(k string) string { return vars[k] })
		var body io.Reader
		switch {
		case r.file != "":
			f, err := os.Open(filepath.Join("..", "..", r.file))
			if err != nil {
				t.Fatalf("requests.sh:%d: %v", r.line, err)
			}
			defer f.Close()
			body = f
		case r.body != "":
			body = strings.NewReader(r.body)
		}
		req, err := http.NewRequest(r.method, url, body)
		if err != nil {
			t.Fatalf("requests.sh:%d: %v", r.line, err)
		}
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("requests.sh:%d: %v", r.line, err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != r.expect {
			t.Errorf("requests.sh:%d: %s %s: status %d, the script expects %d: %s", r.line, r.method, url, resp.StatusCode, r.expect, got)
		}
		if r.setVar != "" {
			var v struct {
				DecisionID string `json:"decision_id"`
			}
			if json.Unmarshal(got, &v) != nil || v.DecisionID == "" {
				t.Fatalf("requests.sh:%d: no decision_id in %s", r.line, got)
			}
			vars[r.setVar] = v.DecisionID
		}
	}
}
