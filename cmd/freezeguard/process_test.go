package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestListsFetch downloads from a local server standing in for the
// official sites: a good file is put in place and loads; a garbled one
// fails (exit 2) and leaves the last good copy as it was.
func TestListsFetch(t *testing.T) {
	good, err := os.ReadFile(unNew)
	if err != nil {
		t.Fatal(err)
	}
	body := good
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(body)
	}))
	defer srv.Close()
	dir := t.TempDir()
	src := "un.xml=" + srv.URL + "/consolidated.xml"

	out, _ := mustCLI(t, "", "lists", "fetch", dir, "--source", src, "--timeout", "1m")
	if !strings.Contains(out, "un.xml") || !strings.Contains(out, "updated") || !strings.Contains(out, "2026-08-01") || !strings.Contains(out, "1011") {
		t.Fatalf("fetch:\n%s", out)
	}
	got, err := os.ReadFile(filepath.Join(dir, "un.xml"))
	if err != nil || !bytes.Equal(got, good) {
		t.Fatalf("fetched file: %v, %d bytes, want %d", err, len(got), len(good))
	}
	info, _ := mustCLI(t, "", "lists", "info", "--lists", dir)
	if !strings.Contains(info, "un.xml") || !strings.Contains(info, "1011") {
		t.Errorf("lists info on the fetched directory:\n%s", info)
	}

	out, _ = mustCLI(t, "", "lists", "fetch", dir, "--source", src, "--force")
	if !strings.Contains(out, "unchanged") {
		t.Errorf("the same file again:\n%s", out)
	}

	body = good[:len(good)/2] // a truncated download
	out, errOut, code := cli(t, "", "lists", "fetch", dir, "--source", src, "--json", "--force")
	if code != 2 || !strings.Contains(out, `"status":"failed"`) || !strings.Contains(errOut, "un.xml") {
		t.Errorf("truncated download: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "un.xml")); !bytes.Equal(got, good) {
		t.Error("a failed download altered the last good copy")
	}
}

// TestBinary builds the command and runs it as a user would, for what only
// a real process shows: exit statuses and what goes to stderr.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool, err = exec.LookPath(filepath.Join(runtime.GOROOT(), "bin", "go"))
	}
	if err != nil {
		t.Skipf("no go tool: %v", err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "freezeguard")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	log := filepath.Join(dir, "audit.log")
	tampered := filepath.Join(dir, "tampered.log")
	garbage := filepath.Join(dir, "garbage.xml")
	os.WriteFile(garbage, []byte("<Document><FIToFICstmrCdtTrf>"), 0o600)

	type result struct {
		stdout, stderr string
		code           int
	}
	exe := func(stdin string, args ...string) result {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, args...)
		var out, errb bytes.Buffer
		cmd.Stdin, cmd.Stdout, cmd.Stderr = strings.NewReader(stdin), &out, &errb
		err := cmd.Run()
		var ee *exec.ExitError
		code := 0
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		return result{out.String(), errb.String(), code}
	}

	for _, c := range []struct {
		stdin  string
		args   []string
		code   int
		stdout string // expected in stdout
		stderr string // expected in stderr
	}{
		{"", nil, 2, "", "Exit status:"},
		{"", []string{"-h"}, 0, "Exit status:", ""},
		{"", []string{"batch", "-h"}, 0, "Usage: freezeguard batch", ""},
		{"", []string{"frobnicate"}, 2, "", `freezeguard: unknown command "frobnicate"`},
		{"", []string{"screen"}, 2, "", "want a NAME"},
		{"", []string{"screen", "--lists", unNew, "--kind", "bogus", "x"}, 2, "", `freezeguard: screen: --kind: unknown kind "bogus"`},
		{"", []string{"screen", "Saddam Hussein al-Tikriti"}, 0, "un:IQi.001", "days old"},
		{"", []string{"screen", "--lists", unNew, "--audit", log, "Saddam Hussein al-Tikriti"}, 0, "un:IQi.001", ""},
		{"", []string{"audit", "verify", log}, 0, "intact: 2 records", ""},
		{"", []string{"payment", "--lists", unNew, garbage}, 1, "HOLD", "garbage.xml"},
		{`{"id":"1","name":"Saddam Hussein al-Tikriti"}` + "\nbad\n", []string{"batch", "--lists", unNew}, 1, `"entity":"un:IQi.001"`, "1 of 2 lines could not be screened"},
		{"", []string{"compare", "Putin", "Путин", "--json"}, 0, `"match": true`, ""},
	} {
		r := exe(c.stdin, c.args...)
		if r.code != c.code || !strings.Contains(r.stdout, c.stdout) || !strings.Contains(r.stderr, c.stderr) {
			t.Errorf("freezeguard %q: exit %d, stdout %.300q, stderr %.300q; want exit %d, %q on stdout, %q on stderr",
				c.args, r.code, r.stdout, r.stderr, c.code, c.stdout, c.stderr)
		}
	}

	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(tampered, bytes.Replace(data, []byte(`"seq":2`), []byte(`"seq":3`), 1), 0o600)
	if r := exe("", "audit", "verify", tampered); r.code != 1 || !strings.Contains(r.stderr, "TAMPERED") || !strings.Contains(r.stderr, "line 2") {
		t.Errorf("tampered log: exit %d, stderr %q", r.code, r.stderr)
	}
}
