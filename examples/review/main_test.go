package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

func TestWalkthrough(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "audit.log")
	c, err := Walkthrough(ctx, path, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != screening.StatusResolved || c.Outcome != screening.Freeze || len(c.Steps) != 2 {
		t.Fatalf("final case %+v, want resolved FREEZE after two steps", c)
	}
	if _, err := audit.VerifyFile(path); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	store, err := screening.ReplayReviews(ctx, audit.Records(f))
	if err != nil {
		t.Fatal(err)
	}
	rc, ok, _ := store.Get(ctx, c.DecisionID)
	if !ok || rc.Status != c.Status || rc.Outcome != c.Outcome {
		t.Fatalf("replayed case %+v, want %+v", rc, c)
	}
}
