package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/screening/audit"
)

// The UN change of 2026-02-27 → 2026-08-01 through the command: the
// generated book of the rescreen tests, with bad lines mixed in.
func TestRescreenCLI(t *testing.T) {
	book, err := os.ReadFile("../../rescreen/testdata/generated_customers_un_2026-02-27_2026-08-01.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Join([]string{
		`not json`,
		`{"id":"b2","name":"!!!"}`,
		`{"id":"b3","name":"Anna Schmidt","dob":"1974-01-32"}`,
		`{"id":"b4","name":"","country":"DE"}`,
		`{"id":"b5","NAME":"x"}`,
		``,
	}, "\n")
	dir := t.TempDir()
	in := filepath.Join(dir, "customers.jsonl")
	// The book's first line (JSON Lines, not CSV), the bad lines, then
	// the rest of the book: the run goes on after them.
	first, rest, _ := strings.Cut(string(book), "\n")
	if err := os.WriteFile(in, []byte(first+"\n"+bad+"\n"+rest), 0o600); err != nil {
		t.Fatal(err)
	}
	out, logPath := filepath.Join(dir, "out.jsonl"), filepath.Join(dir, "audit.log")
	_, stderr, code := cli(t, "", "rescreen", "--old", unOld, "--new", unNew, "--in", in, "--out", out, "--audit", logPath, "--workers", "2")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (lines could not be read)\n%s", code, stderr)
	}
	for _, want := range []string{"16 added, 8 removed, 156 changed", "1120 customers read", "new-hit", "4 held (could not be read), 1 with a field not read"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("output mode: %v %v", fi.Mode(), err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	changes := map[string]int{}
	prev := 0
	for _, l := range lines {
		var o rescreenOutput
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		if o.Line <= prev {
			t.Errorf("line %d after %d: not in input order", o.Line, prev)
		}
		prev = o.Line
		switch {
		case o.Change != "":
			changes[o.Change]++
			if o.Decision == "" || o.Outcome == "" || len(o.Hits) == 0 {
				t.Errorf("change without decision, outcome or hits: %s", l)
			}
			for _, h := range o.Hits {
				if h.Entity == "" || h.Change == "" || h.Flags == nil {
					t.Errorf("hit without entity, change or flags: %s", l)
				}
				if h.Change == "delisted" && (h.OldOutcome == "" || h.NewOutcome != "") {
					t.Errorf("delisted hit must carry the old outcome only: %s", l)
				}
			}
			if strings.Contains(o.ID, "/clean/") {
				t.Errorf("a person on no list reported: %s", l)
			}
		case o.Error == "":
			t.Errorf("a line with neither change nor error: %s", l)
		}
	}
	if changes["new-hit"] == 0 || changes["delisted"] != 8 {
		t.Errorf("changes %v: want new-hits and the 8 delisted", changes)
	}
	for _, want := range []string{`"line":2,"outcome":"HOLD"`, `"id":"b2","line":3,"outcome":"HOLD"`, `"id":"b3","line":4,"hits":[],"flags":[{"code":"INPUT_FIELD_INVALID"`, `"id":"b4","line":5,"outcome":"HOLD"`, `"line":6,"outcome":"HOLD"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("output lacks %s", want)
		}
	}
	rep, err := audit.VerifyFile(logPath)
	if err != nil {
		t.Fatalf("audit log: %v (%+v)", err, rep)
	}
}

func TestRescreenCLIRefuses(t *testing.T) {
	_, stderr, code := cli(t, "", "rescreen", "--old", unOld, "--new", sdnCSV, "--in", "/dev/null")
	if code != 2 || !strings.Contains(stderr, "not of the same lists: old holds UN, new holds OFAC") {
		t.Errorf("UN against OFAC: exit %d\n%s", code, stderr)
	}
	_, stderr, code = cli(t, "", "rescreen", "--new", unNew)
	if code != 2 || !strings.Contains(stderr, "--old and --new are required") {
		t.Errorf("no --old: exit %d\n%s", code, stderr)
	}
}

// Three shards of a book give, together, what the whole book gives: the
// output is a pure function of the snapshots and the customer.
func TestRescreenShards(t *testing.T) {
	in := "../../rescreen/testdata/generated_customers_un_2026-02-27_2026-08-01.jsonl"
	key := func(out string) []string {
		var ks []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var o rescreenOutput
			if err := json.Unmarshal([]byte(l), &o); err != nil {
				t.Fatalf("%s: %v", l, err)
			}
			k := o.ID + " " + o.Change + " " + o.Outcome
			for _, h := range o.Hits {
				k += " " + h.Entity + "=" + h.Change
			}
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	whole, _ := mustCLI(t, "", "rescreen", "--old", unOld, "--new", unNew, "--in", in)
	var parts []string
	for k := range 3 {
		out, stderr := mustCLI(t, "", "rescreen", "--old", unOld, "--new", unNew, "--in", in, "--shard", fmt.Sprintf("%d/3", k))
		if !strings.Contains(stderr, fmt.Sprintf("shard %d/3:", k)) {
			t.Errorf("shard %d: stderr does not name it:\n%s", k, stderr)
		}
		parts = append(parts, strings.TrimSpace(out))
	}
	if w, p := key(whole), key(strings.Join(parts, "\n")); !slices.Equal(w, p) || len(w) == 0 {
		t.Errorf("shards give %d lines, the whole book %d:\n%v\n%v", len(p), len(w), p, w)
	}
	for _, bad := range []string{"3/3", "1", "-1/2", "a/b", "1/0"} {
		if _, stderr, code := cli(t, "", "rescreen", "--old", unOld, "--new", unNew, "--shard", bad); code != 2 || !strings.Contains(stderr, "--shard") {
			t.Errorf("--shard %s: exit %d\n%s", bad, code, stderr)
		}
	}
}
