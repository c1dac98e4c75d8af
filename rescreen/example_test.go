package rescreen_test

import (
	"context"
	"fmt"
	"log"
	"slices"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
	"github.com/freezeguard/freezeguard/rescreen"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// Rescreen three customers against the UN list's change from 2026-02-27
// to 2026-08-01: one named after a person added, one after a person
// removed (frozen before, a release to review now), one on no list (not
// reported).
func Example() {
	ctx := context.Background()
	old, err := loader.Load(ctx, "../testdata/un/consolidated_2026-02-27.xml")
	if err != nil {
		log.Fatal(err)
	}
	cur, err := loader.Load(ctx, "../testdata/un/consolidated_2026-08-01.xml")
	if err != nil {
		log.Fatal(err)
	}
	r, err := rescreen.New(ctx, old, cur, rescreen.Options{
		Policy: screening.DefaultPolicy(screening.JurisdictionEU),
		Log:    audit.NewMemory(), // production: the bank's audit log
	})
	if err != nil {
		log.Fatal(err)
	}
	book := []rescreen.Customer{
		{ID: "C-1", Party: screening.Party{Name: "Sami Jasim Muhammad Jaata Al-Jaburi", Kind: lists.Person, BirthDate: "01/07/1974"}},
		{ID: "C-2", Party: screening.Party{Name: "Anna Schmidt", Kind: lists.Person, Country: "DE"}},
		{ID: "C-3", Party: screening.Party{Name: "Aamir Ali Chaudhry", Kind: lists.Person, BirthDate: "03/08/1986"}},
	}
	_, err = r.Run(ctx, slices.Values(book), 2, func(res rescreen.Result) error {
		h := res.Hits[0]
		fmt.Printf("%s %s %s (%s → %s), now %s\n", res.ID, res.Change, h.Hit.EntityID, orNone(h.OldOutcome), orNone(h.NewOutcome), res.Outcome)
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// C-1 new-hit un:QDi.437 (none → FREEZE), now FREEZE
	// C-3 delisted un:QDi.312 (FREEZE → none), now CLEAR
}

func orNone(o screening.Outcome) string {
	if o == "" {
		return "none"
	}
	return string(o)
}
