package screening

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// go test -run '^$' -bench . -benchtime 2s ./screening/

func BenchmarkScreen(b *testing.B) {
	snap := realSnapshot(b)
	s, _, _ := newScreener(b, snap, DefaultPolicy(JurisdictionUS))
	for _, bc := range []struct {
		name  string
		party Party
	}{
		{"clean", Party{Name: "Margaret Eleanor Whitfield", BirthDate: "1971-03-12", Country: "GB"}},
		{"listed", Party{Name: "Ismael Zambada Garcia", BirthDate: "1948", Country: "MX"}},
		// A listed name shared in part by a listed family: one hit, the
		// relatives (dates of birth conflict) near-misses.
		{"family", Party{Name: "Saddam Hussein Al-Tikriti", BirthDate: "1937-04-28"}},
		// A common name: many candidates, none kept as a hit.
		{"common", Party{Name: "Mohammed Ahmed", Kind: lists.Person, BirthDate: "1990-06-15", Country: "GB"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Screen(ctx, bc.party); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "decisions/s")
		})
	}
}

// BenchmarkDecide decides payments in parallel with the audit file log
// fsyncing every record, with and without group commit.
func BenchmarkDecide(b *testing.B) {
	snap := realSnapshot(b)
	pay := Payment{ID: "bench", Parties: []PaymentParty{
		{Role: Debtor, Path: "Dbtr/Nm", Party: Party{Name: "Margaret Eleanor Whitfield", Country: "GB"}},
		{Role: Creditor, Path: "Cdtr/Nm", Party: Party{Name: "Northwind Trading GmbH", Country: "DE"}},
	}}
	for _, group := range []bool{true, false} {
		b.Run(fmt.Sprintf("fsync/group-commit=%v", group), func(b *testing.B) {
			log, err := audit.Open(filepath.Join(b.TempDir(), "audit.jsonl"), audit.WithGroupCommit(group), audit.WithLogger(slog.New(slog.DiscardHandler)))
			if err != nil {
				b.Fatal(err)
			}
			defer log.Close()
			s, err := New(context.Background(), snap, Options{Policy: DefaultPolicy(JurisdictionUS), Log: log, Logger: slog.New(slog.DiscardHandler)})
			if err != nil {
				b.Fatal(err)
			}
			b.SetParallelism(8) // many payment threads share the log
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := s.Decide(ctx, pay); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "decisions/s")
		})
	}
}
