package rescreen

import (
	"context"
	"sync"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

var (
	fuzzOnce sync.Once
	fuzzR    *Rescreener
	fuzzO    *oracle
)

// FuzzCheck rescreens arbitrary customers against the UN change. It never
// fails on a customer, and it never misses one: whenever a full screen
// of the new or the old snapshot hits a delta entity, the delta index
// found a candidate and the customer was screened in full.
func FuzzCheck(f *testing.F) {
	for _, c := range readCustomers(f, realChanges[1].fixture())[:40] {
		f.Add(c.Party.Name, c.Party.BirthDate, c.Party.Country, string(c.Party.Kind))
	}
	for _, s := range []string{"", " ", "!!!", "\x00", "Ваня Иванов", "محمد", "A", "1974-01-32", "ХХ"} {
		f.Add(s, s, s, s)
	}
	fuzzOnce.Do(func() {
		l := load(f, realChanges[1])
		var err error
		if fuzzR, err = New(context.Background(), l.old, l.cur, Options{Log: audit.NewMemory(), Now: fixedNow}); err != nil {
			f.Fatal(err)
		}
		fuzzO = newOracle(f, l)
	})
	f.Fuzz(func(t *testing.T, name, dob, country, kind string) {
		p := screening.Party{Name: name, BirthDate: dob, Country: country, Kind: lists.Kind(kind)}
		res, err := fuzzR.Check(context.Background(), Customer{ID: "fuzz", Party: p})
		if err != nil {
			t.Fatalf("Check(%q): %v", name, err)
		}
		if res.Unreadable != "" {
			if res.Decision == nil || res.Outcome != screening.Hold {
				t.Fatalf("held customer %q without a logged HOLD", name)
			}
			return
		}
		if res.Screened {
			return
		}
		for _, scr := range []*screening.Screener{fuzzO.cur, fuzzO.old} {
			d, err := scr.Screen(context.Background(), p)
			if err != nil {
				t.Fatalf("full screen of %q failed where Check did not: %v", name, err)
			}
			for _, h := range d.Parties[0].Hits {
				if fuzzO.added[h.EntityID] || fuzzO.removed[h.EntityID] || fuzzR.both[h.EntityID] {
					t.Fatalf("%q: the full screen hits delta entity %s, the delta index found no candidate", name, h.EntityID)
				}
			}
		}
	})
}
