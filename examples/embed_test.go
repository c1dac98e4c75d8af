package examples_test

import (
	"context"
	"fmt"
	"log"

	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// Example is the code sample in the README: build one Screener at start-up,
// share it across the payment flow's goroutines, and act on each decision.
func Example() {
	ctx := context.Background()

	// At start-up: the lists (here the embedded demonstration copy; in
	// production loader.Load(ctx, dir) on freshly fetched official files),
	// an audit log, and a policy for the bank's jurisdiction.
	snap, err := embedded.Load(ctx)
	if err != nil {
		log.Fatal(err)
	}
	alog := audit.NewMemory() // production: audit.Open("/var/lib/bank/screening.log")
	s, err := screening.New(ctx, snap, screening.Options{
		Policy: screening.DefaultPolicy(screening.JurisdictionEU),
		Log:    alog,
	})
	if err != nil {
		log.Fatal(err)
	}

	// Per payment: screen every party; the payment takes the most severe outcome.
	d, err := s.Decide(ctx, screening.Payment{
		ID: "E2E-2026-0001", Amount: "25000.00", Currency: "EUR",
		Parties: []screening.PaymentParty{
			{Role: screening.Debtor, Party: screening.Party{Name: "Anna Schmidt", Country: "DE"}},
			{Role: screening.Creditor, Party: screening.Party{Name: "Saddam Hussein Al-Tikriti", BirthDate: "1937-04-28"}},
		},
	})
	if err != nil {
		log.Fatal(err) // no valid decision: the payment must not go through
	}
	switch d.Outcome {
	case screening.Freeze: // block the funds, report by d.ReportBy
	case screening.Hold: // queue for a reviewer
	case screening.Clear: // release
	}
	fmt.Println(d.Outcome)
	for _, p := range d.Parties {
		for _, h := range p.Hits {
			if h.Outcome == screening.Freeze { // OFAC hits are HOLD: under an EU policy OFAC is screened as risk
				fmt.Println(p.Role, h.EntityID, h.MatchedName)
			}
		}
	}
	// Output:
	// FREEZE
	// creditor un:IQi.001 SADDAM HUSSEIN AL-TIKRITI
}
