package rescreen

import (
	"context"
	"iter"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// A customer a reviewer has recorded as "not entity X" is not reported as
// a new hit on X when X is added (issue 12: rescreens honour known-good
// records).
func TestKnownGoodHonoured(t *testing.T) {
	ctx := context.Background()
	l := load(t, realChanges[1]) // UN 2026-02 -> 2026-08
	var added *lists.Entity
	for _, id := range lists.Diff(l.old, l.cur).Added {
		if e, ok := l.cur.Entity(id); ok && e.Kind == lists.Person {
			added = e
			break
		}
	}
	if added == nil {
		t.Fatal("no person added between the UN lists")
	}
	now := time.Date(2026, 8, 15, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	c := Customer{ID: "C1", Party: screening.Party{Name: added.Names[0].Full, Kind: lists.Person, CustomerID: "C1"}}
	check := func(known *screening.KnownGoods) Result {
		t.Helper()
		r, err := New(ctx, l.old, l.cur, Options{Log: audit.NewMemory(), Now: clock, KnownGoods: known})
		if err != nil {
			t.Fatal(err)
		}
		res, err := r.Check(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if res := check(nil); res.Change != NewHit {
		t.Fatalf("%q without a known-good record: change %q, want %q", c.Party.Name, res.Change, NewHit)
	}
	mem := audit.NewMemory()
	sc, err := screening.New(ctx, l.cur, screening.Options{Log: mem, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sc.RecordKnownGood(ctx, screening.KnownGood{CustomerID: "C1", EntityID: added.ID, Reviewer: "ana", Reason: "our customer since 1990, other date of birth", Expires: now.AddDate(0, 6, 0)}); err != nil {
		t.Fatal(err)
	}
	records := func(yield func(audit.Record, error) bool) {
		for _, r := range mem.Records() {
			if !yield(r, nil) {
				return
			}
		}
	}
	known, err := screening.LoadKnownGoods(ctx, iter.Seq2[audit.Record, error](records))
	if err != nil {
		t.Fatal(err)
	}
	if res := check(known); res.Change == NewHit || res.Outcome != "" && res.Outcome != screening.Clear {
		t.Errorf("%q with a known-good record: change %q, outcome %q", c.Party.Name, res.Change, res.Outcome)
	}
}
