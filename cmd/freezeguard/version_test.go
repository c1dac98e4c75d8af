package main

import (
	"bytes"
	"context"
	"encoding/json"
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
