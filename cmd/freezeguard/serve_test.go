package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/report"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
	"github.com/freezeguard/freezeguard/server"
)

// TestServeEqualsBatch: over the real embedded lists, POST /v1/screen
// gives every input line the decision `batch` gives it: same outcome,
// hits (entity, name, score, programmes, flags), flags and error. Lines
// batch holds for having no name at all are refused by the service (422)
// by design, and are not in the set.
func TestServeEqualsBatch(t *testing.T) {
	snap, err := embedded.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{
		`{"id":"1","name":"Saddam Hussein Al-Tikriti","dob":"1937-04-28"}`,
		`{"id":"2","name":"Saddam Hussein Al-Tikriti"}`,
		`{"id":3,"name":"Vladimir Putin","dob":"07.10.1952","country":"Russia"}`,
		`{"id":"4","name":"Anna Schmidt","country":"DE"}`,
		`{"id":"5","name":"Jean Dupont","dob":"16 juillet 1969","country":"France"}`,
		`{"id":"6","name":"Vlаdimir Putin"}`,
		`{"id":"7","name":"Saddam Hussein","dob":"1937-02-31","country":"XX"}`,
		`{"id":"8","name":"!!! ???"}`,
		`{"id":"9","name":"Acme Trading GmbH","kind":"organization"}`,
		`{"id":"10","name":"Osama bin Laden","kind":"dragon"}`,
		`{"id":"11","name":"Kim Jong Un","country":"Korea, DPR"}`,
		`{"id":"12","name":"Bank Melli Iran","kind":"organization","country":"IR"}`,
	}
	// And a sample of every listed kind of name, as written in the lists.
	for i := 0; i < len(snap.Entities); i += 211 {
		e := &snap.Entities[i]
		b, _ := json.Marshal(map[string]string{"id": e.ID, "name": e.PrimaryName(), "kind": string(e.Kind)})
		lines = append(lines, string(b))
	}
	in := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := cli(t, "", "batch", "--in", in)
	if code != 1 || !strings.Contains(stderr, "1 of ") { // line 8 is held as unreadable
		t.Fatalf("batch: exit %d: %s", code, stderr)
	}
	var want []report.Line
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l report.Line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		want = append(want, l)
	}
	if len(want) != len(lines) {
		t.Fatalf("batch wrote %d lines for %d", len(want), len(lines))
	}

	srv, err := server.New(context.Background(), server.Options{Snapshot: snap, Log: audit.NewMemory()})
	if err != nil {
		t.Fatal(err)
	}
	outcomes := map[string]int{}
	for i, line := range lines {
		req := httptest.NewRequest("POST", "/v1/screen", strings.NewReader(line))
		w := httptest.NewRecorder()
		srv.Handler().ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", line, w.Code, w.Body.String())
		}
		var got server.ScreenResponse
		if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		b := want[i]
		prefix := fmt.Sprintf("line %d: ", b.Line)
		if got.ID != b.ID || got.Outcome != b.Outcome || got.Error != strings.ReplaceAll(b.Error, prefix, "") {
			t.Errorf("%s:\n http  %s %s %q\n batch %s %s %q", line, got.ID, got.Outcome, got.Error, b.ID, b.Outcome, b.Error)
		}
		gh, _ := json.Marshal(got.Hits)
		bh, _ := json.Marshal(b.Hits)
		if !bytes.Equal(gh, bh) {
			t.Errorf("%s: hits differ:\n http  %s\n batch %s", line, gh, bh)
		}
		gf, _ := json.Marshal(got.Flags)
		bf, _ := json.Marshal(b.Flags)
		if !bytes.Equal(gf, bf) {
			t.Errorf("%s: flags differ:\n http  %s\n batch %s", line, gf, bf)
		}
		outcomes[got.Outcome]++
	}
	if outcomes["FREEZE"] == 0 || outcomes["HOLD"] == 0 || outcomes["CLEAR"] == 0 {
		t.Errorf("the set does not cover every outcome: %v", outcomes)
	}
	t.Logf("%d lines, outcomes %v", len(lines), outcomes)
}

func TestServeFlagsFromEnv(t *testing.T) {
	e := &env{stdout: io.Discard, stderr: io.Discard}
	fs := e.newFlags("serve", "")
	sf := addScreenerFlags(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "")
	age := fs.Duration("max-list-age", -1, "")
	envv := map[string]string{
		"FREEZEGUARD_ADDR": "127.0.0.1:9999", "FREEZEGUARD_MAX_LIST_AGE": "48h",
		"FREEZEGUARD_LISTS": "/a" + string(os.PathListSeparator) + "/b", "FREEZEGUARD_JURISDICTION": "EU",
	}
	if err := envFlags(fs, func(k string) (string, bool) { v, ok := envv[k]; return v, ok }); err != nil {
		t.Fatal(err)
	}
	if _, err := parse(fs, []string{"--jurisdiction", "UK"}); err != nil {
		t.Fatal(err)
	}
	if *addr != "127.0.0.1:9999" || *age != 48*time.Hour || strings.Join(*sf.lists, ",") != "/a,/b" || *sf.jurisdiction != "UK" {
		t.Fatalf("addr %s age %s lists %v jurisdiction %s", *addr, *age, *sf.lists, *sf.jurisdiction)
	}
	envv = map[string]string{"FREEZEGUARD_MAX_LIST_AGE": "a week"}
	if err := envFlags(fs, func(k string) (string, bool) { v, ok := envv[k]; return v, ok }); err == nil {
		t.Fatal("a bad duration in the environment was accepted")
	}
}

func TestServeRefusals(t *testing.T) {
	for _, addr := range []string{"127.0.0.1:8080", "[::1]:8080", "localhost:80"} {
		if err := loopbackOnly(addr); err != nil {
			t.Errorf("%s: %v", addr, err)
		}
	}
	for _, addr := range []string{":8080", "0.0.0.0:8080", "10.1.2.3:8080", "example.com:80"} {
		if loopbackOnly(addr) == nil {
			t.Errorf("%s accepted without tokens", addr)
		}
	}
	_, stderr, code := cli(t, "", "serve", "--addr", "0.0.0.0:0", "--audit", filepath.Join(t.TempDir(), "a.log"))
	if code != 2 || !strings.Contains(stderr, "loopback") {
		t.Errorf("serve on all interfaces without tokens: exit %d: %s", code, stderr)
	}
	_, stderr, code = cli(t, "", "serve")
	if code != 2 || !strings.Contains(stderr, "--audit") {
		t.Errorf("serve without --audit: exit %d: %s", code, stderr)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's logger and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeProcess runs `serve` on a loopback port with a file audit log
// and tokens, screens over real HTTP, stops it and checks that the log's
// chain holds every decision answered and that a restart rebuilds the
// review cases from it.
func TestServeProcess(t *testing.T) {
	dir := t.TempDir()
	logPath := filepath.Join(dir, "audit.log")
	tokens := filepath.Join(dir, "tokens")
	if err := os.WriteFile(tokens, []byte(server.HashToken("s3cret")+" admin ops team\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	start := func() (string, context.CancelFunc, chan error, *syncBuffer) {
		ctx, cancel := context.WithCancel(context.Background())
		stderr := &syncBuffer{}
		done := make(chan error, 1)
		go func() {
			done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--audit", logPath, "--tokens", tokens, "--max-list-age", "0",
				"--lists", filepath.Join("..", "..", "testdata", "un", "consolidated_2026-08-01.xml")}, strings.NewReader(""), io.Discard, stderr)
		}()
		re := regexp.MustCompile(`listening on (http://[0-9.:]+)`)
		for i := 0; i < 600; i++ {
			if m := re.FindStringSubmatch(stderr.String()); m != nil {
				return m[1], cancel, done, stderr
			}
			select {
			case err := <-done:
				t.Fatalf("serve stopped: %v: %s", err, stderr.String())
			case <-time.After(50 * time.Millisecond):
			}
		}
		t.Fatalf("serve did not start: %s", stderr.String())
		return "", nil, nil, nil
	}
	url, stop, done, stderr := start()
	post := func(path, body string) (int, []byte) {
		req, _ := http.NewRequest("POST", url+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer s3cret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	code, body := post("/v1/screen", `{"name":"Saddam Hussein Al-Tikriti"}`)
	var d server.ScreenResponse
	if code != 200 || json.Unmarshal(body, &d) != nil || d.Outcome != "HOLD" {
		t.Fatalf("%d %s", code, body)
	}
	if code, body := post("/v1/decisions/"+d.DecisionID+"/reviews", `{"action":"dismiss","reason":"not him"}`); code != 200 {
		t.Fatalf("review: %d %s", code, body)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatalf("serve: %v", err)
	}
	if !strings.Contains(stderr.String(), "every request in flight was answered") {
		t.Errorf("no graceful stop logged: %s", stderr.String())
	}
	rep, err := audit.VerifyFile(logPath)
	if err != nil || rep.Records < 3 {
		t.Fatalf("audit log: %d records, %v", rep.Records, err)
	}
	// Restarted, the server knows the case and its first step.
	url, stop, done, _ = start()
	req, _ := http.NewRequest("GET", url+"/v1/decisions/"+d.DecisionID, nil)
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var got server.DecisionResponse
	err = json.NewDecoder(resp.Body).Decode(&got)
	resp.Body.Close()
	if err != nil || got.Review == nil || len(got.Review.Steps) != 1 || got.Review.Steps[0].Reviewer != "ops team" {
		t.Fatalf("after restart: %v %+v", err, got.Review)
	}
	if got.Review.Status != screening.StatusAwaitingSecond {
		t.Errorf("status %s", got.Review.Status)
	}
	// SIGHUP reloads the lists: generation 2 is served.
	err = hup()
	for i := 0; err == nil; i++ {
		req, _ := http.NewRequest("GET", url+"/v1/lists", nil)
		req.Header.Set("Authorization", "Bearer s3cret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var l server.ListsResponse
		err = json.NewDecoder(resp.Body).Decode(&l)
		resp.Body.Close()
		if err == nil && l.Generation == 2 {
			break
		}
		if i == 600 {
			t.Fatalf("no reload after SIGHUP: generation %d, %v", l.Generation, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil && !errors.Is(err, errors.ErrUnsupported) {
		t.Fatal(err)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// TestServeTLS: with --tls-cert and --tls-key the service answers HTTPS
// only.
func TestServeTLS(t *testing.T) {
	dir := t.TempDir()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(key)
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)

	ctx, cancel := context.WithCancel(context.Background())
	stderr := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--audit", filepath.Join(dir, "audit.log"), "--max-list-age", "0",
			"--tls-cert", certFile, "--tls-key", keyFile, "--lists", filepath.Join("..", "..", "testdata", "un", "consolidated_2026-08-01.xml")},
			strings.NewReader(""), io.Discard, stderr)
	}()
	re := regexp.MustCompile(`listens on loopback only: (https://[0-9.:]+)`)
	var url string
	for i := 0; url == ""; i++ {
		if m := re.FindStringSubmatch(stderr.String()); m != nil {
			url = m[1]
		} else if i == 600 {
			t.Fatalf("serve did not start: %s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	resp, err := client.Post(url+"/v1/screen", "application/json", strings.NewReader(`{"name":"Anna Schmidt"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.TLS == nil {
		t.Fatalf("HTTPS: %d", resp.StatusCode)
	}
	if resp, err := http.Get(strings.Replace(url, "https:", "http:", 1) + "/healthz"); err == nil {
		resp.Body.Close()
		if resp.StatusCode == 200 {
			t.Error("plain HTTP answered 200 on the TLS port")
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
