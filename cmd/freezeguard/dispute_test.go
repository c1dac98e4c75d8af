package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// audit review: two reviewers who disagree leave the case disputed; only
// --role admin settles it (issue 12's four-eyes fix, from the command line).
func TestAuditReviewDisputed(t *testing.T) {
	log := filepath.Join(t.TempDir(), "a.log")
	out, _ := mustCLI(t, "", "screen", "Saddam Hussein Al-Tikriti", "--json", "--audit", log, "--lists", unNew)
	var d struct {
		ID      string `json:"id"`
		Outcome string `json:"outcome"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil || d.Outcome != "HOLD" {
		t.Fatalf("screen: %v %+v", err, d)
	}
	id := d.ID
	mustOut(t, "audit", "review", log, "--decision", id, "--reviewer", "ana", "--dismiss", "--reason", "other date of birth")
	out = mustOut(t, "audit", "review", log, "--decision", id, "--reviewer", "ben", "--confirm", "--reason", "same father's name")
	if strings.Contains(out, "resolved") {
		t.Fatalf("reviewers disagree, yet: %q", out)
	}
	if _, errOut, code := cli(t, "", "audit", "review", log, "--decision", id, "--reviewer", "cem", "--confirm", "--reason", "me too"); code == 0 {
		t.Fatalf("a third reviewer settled a disputed case: %q", errOut)
	}
	out = mustOut(t, "audit", "review", log, "--decision", id, "--reviewer", "dora", "--role", "admin", "--confirm", "--reason", "the father's name settles it")
	if !strings.Contains(out, "resolved") {
		t.Fatalf("admin: %q", out)
	}
}
