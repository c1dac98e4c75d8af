package screening_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// A bank's payment flow: build a Screener once, decide every payment, act
// on the outcome, and route HOLDs to reviewers.
func Example() {
	ctx := context.Background()

	// Load the lists (here: the real UN consolidated list of 2026-08-01;
	// lists/embedded.Load gives a snapshot that works offline).
	snap, err := loader.Load(ctx, "../testdata/un/consolidated_2026-08-01.xml")
	if err != nil {
		fmt.Println(err)
		return
	}

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

// Four eyes: a HOLD on a crime-based listing needs two different reviewers
// to confirm a freeze; the same reviewer cannot approve twice.
func ExampleReviews() {
	ctx := context.Background()
	snap, err := loader.Load(ctx, "../testdata/ofac/sdn_csv_2024-07-02/sdn.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	log := audit.NewMemory()
	reviews := screening.NewReviews(screening.NewMemoryReviewStore(), log, nil)
	s, err := screening.New(ctx, snap, screening.Options{
		Policy: screening.DefaultPolicy(screening.JurisdictionUS), Log: log, Reviews: reviews,
		Logger: slog.New(slog.DiscardHandler),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	// A name alone, nothing to corroborate it: HOLD.
	d, _ := s.Screen(ctx, screening.Party{Name: "ZAMBADA GARCIA, Ismael"})
	fmt.Println(d.Outcome)

	c, _ := reviews.Review(ctx, d.ID, "alice", screening.Confirm, "date of birth on file: 1948")
	fmt.Println(c.Status)
	_, err = reviews.Review(ctx, d.ID, "alice", screening.Confirm, "me again")
	fmt.Println(errors.Is(err, screening.ErrSameReviewer))
	c, _ = reviews.Review(ctx, d.ID, "bob", screening.Confirm, "agree")
	fmt.Println(c.Status, c.Outcome)
	// Output:
	// HOLD
	// awaiting-second
	// true
	// resolved FREEZE
}

// Telling bad input from a failed audit log: reject the one, stop on the
// other (an unlogged decision is no decision).
func ExampleScreener_Screen_errors() {
	ctx := context.Background()
	snap, err := loader.Load(ctx, "../testdata/un/consolidated_2026-08-01.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := screening.New(ctx, snap, screening.Options{
		Policy: screening.DefaultPolicy(screening.JurisdictionEU), Log: audit.NewMemory(),
		Logger: slog.New(slog.DiscardHandler),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range []screening.Party{
		{Documents: []screening.Document{{Type: "passport"}}},
		{Name: "Emraan Ali", BirthDate: "04.07.1967", Country: "Trinidad and Tobago"},
		{Name: "Emraan Ali", BirthDate: "1967-02-31"},
	} {
		d, err := s.Screen(ctx, p)
		switch {
		case errors.Is(err, screening.ErrInvalidParty):
			fmt.Println("reject the input:", err)
		case errors.Is(err, screening.ErrAuditLog):
			fmt.Println("stop: the audit log is failing:", err)
		case err != nil:
			fmt.Println(err)
		default:
			// A date of birth or country that cannot be read is flagged,
			// not weighed; the name is screened all the same.
			fmt.Println(d.Outcome)
			for _, f := range d.Parties[0].Flags {
				fmt.Println(" ", f.Code, f.Reason)
			}
		}
	}
	// Output:
	// reject the input: screening: invalid party: no name and no identifier (document, BIC, digital-currency address or owner) to screen
	// FREEZE
	// HOLD
	//   INPUT_FIELD_INVALID dob "1967-02-31" not read (February 1967 has 28 days): not used as evidence; the name is screened without it
}
