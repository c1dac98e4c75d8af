package screening_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/un"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// A bank's payment flow: build a Screener once, decide every payment, act
// on the outcome, and route HOLDs to reviewers.
func Example() {
	ctx := context.Background()

	// Load the lists (here: the real UN consolidated list of 2026-08-01).
	f, err := os.Open("../testdata/un/consolidated_2026-08-01.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	ents, prov, err := un.Parse(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	snap := lists.NewSnapshot(ents, []lists.Provenance{prov}, time.Now())

	// An EU bank: EU and UN lists bind it; decisions go to the audit log.
	log := audit.NewMemory()
	reviews := screening.NewReviews(screening.NewMemoryReviewStore(), log, nil)
	s, err := screening.New(ctx, snap, screening.Options{
		Policy:  screening.DefaultPolicy(screening.JurisdictionEU),
		Log:     log,
		Reviews: reviews,
		Now:     func() time.Time { return time.Date(2026, 8, 3, 10, 0, 0, 0, time.UTC) },
		Logger:  slog.New(slog.DiscardHandler),
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	pay := screening.Payment{
		ID: "E2E-0001", Message: "pacs.008.001.08", Amount: "2500.00", Currency: "EUR",
		Parties: []screening.PaymentParty{
			{Role: screening.Debtor, Path: "Dbtr/Nm", Party: screening.Party{Name: "Jane Ordinary", Country: "NL"}},
			{Role: screening.Creditor, Path: "Cdtr/Nm", Party: screening.Party{
				Name: "Emraan Ali", Kind: lists.Person, BirthDate: "1967-07-04", Country: "TT",
			}},
		},
	}
	d, err := s.Decide(ctx, pay)
	if err != nil {
		fmt.Println("cannot decide, do not execute the payment:", err)
		return
	}
	switch d.Outcome {
	case screening.Freeze:
		h := d.Parties[1].Hits[0]
		fmt.Println("FREEZE", h.EntityID, "report by", d.ReportBy.Format(time.DateOnly))
		for _, fl := range h.Flags {
			fmt.Println(" ", fl.Code)
		}
	case screening.Hold:
		fmt.Println("HOLD: route to review", d.ID)
	default:
		fmt.Println("CLEAR: execute")
	}
	// Output:
	// FREEZE un:QDi.430 report by 2026-08-03
	//   MULTILATERAL_BASIS
	//   DELISTING_ROUTE
}
