package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"version", "--json"}, strings.NewReader(""), &out, &errb); err != nil {
		t.Fatalf("version --json: %v (%s)", err, errb.String())
	}
	var v versionInfo
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatalf("version --json output: %v\n%s", err, out.String())
	}
	if v.Module != "github.com/freezeguard/freezeguard" || v.Go == "" || v.Version == "" {
		t.Errorf("version: %+v", v)
	}
	if len(v.Embedded) < 3 {
		t.Errorf("embedded lists: %+v", v.Embedded)
	}
	out.Reset()
	if err := run(context.Background(), []string{"version"}, strings.NewReader(""), &out, &errb); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "freezeguard ") || !strings.Contains(out.String(), "published 2024-07-02") {
		t.Errorf("version: %q", out.String())
	}
	if err := run(context.Background(), []string{"version", "extra"}, strings.NewReader(""), &out, &errb); err == nil {
		t.Error("version with an argument: no error")
	}
}

// The flags are written --name in the help, as the usage lines and the
// README write them, and --jurisdiction takes any case (issue 16).
func TestFlagsAsWritten(t *testing.T) {
	out, _ := mustCLI(t, "", "batch", "-h")
	if !strings.Contains(out, "\n  --audit LOG") || strings.Contains(out, "\n  -audit") {
		t.Errorf("batch -h does not write --audit:\n%s", out)
	}
	for _, j := range []string{"uk", "Eu", "OTHER", "us"} {
		if _, errOut, code := cli(t, "", "screen", "Anna Schmidt", "--jurisdiction", j, "--lists", unNew); code != 0 {
			t.Errorf("--jurisdiction %s: exit %d: %s", j, code, errOut)
		}
	}
	if _, errOut, code := cli(t, "", "screen", "Anna Schmidt", "--jurisdiction", "mars", "--lists", unNew); code != 2 || !strings.Contains(errOut, "want US, EU, UK or other") {
		t.Errorf("--jurisdiction mars: exit %d: %s", code, errOut)
	}
}

// A HOLD's deadline is a review-by time (reporting starts when a freeze is
// confirmed), and a decision without --audit does not claim a retention
// date nobody keeps (issue 16).
func TestScreenTextDeadlines(t *testing.T) {
	out, _ := mustCLI(t, "", "screen", "Saddam Hussein Al-Tikriti", "--lists", unNew, "--jurisdiction", "EU")
	if !strings.HasPrefix(out, "HOLD") || !strings.Contains(out, "\nreview by ") || strings.Contains(out, "\nreport by ") {
		t.Errorf("a HOLD's deadline:\n%s", out)
	}
	if strings.Contains(out, "Keep this record until") || !strings.Contains(out, "Not logged (no --audit)") {
		t.Errorf("without --audit:\n%s", out)
	}
	out, _ = mustCLI(t, "", "screen", "Saddam Hussein Al-Tikriti", "--lists", unNew, "--jurisdiction", "EU", "--audit", filepath.Join(t.TempDir(), "a.log"))
	if !strings.Contains(out, "Keep this record until") {
		t.Errorf("with --audit:\n%s", out)
	}
}

// compare speaks text to a person by default, JSON with --json (issue 16).
func TestCompareText(t *testing.T) {
	out, _ := mustCLI(t, "", "compare", "Mohammed Al-Rashid", "AL-RASHID, Muhammad")
	if !strings.HasPrefix(out, "MATCH  ") || !strings.Contains(out, "transliterated") || strings.Contains(out, "{") {
		t.Errorf("compare text:\n%s", out)
	}
	out, _ = mustCLI(t, "", "compare", "John Smith", "Vladimir Putin")
	if !strings.HasPrefix(out, "NO MATCH  ") {
		t.Errorf("compare text, no match:\n%s", out)
	}
}
