package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

func TestBatchScreenGeneratedCustomers(t *testing.T) {
	ctx := context.Background()
	f, err := os.Open("generated_customers.csv")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := ReadCustomers(f)
	f.Close()
	if err != nil || len(cs) != 12 {
		t.Fatalf("ReadCustomers: %d customers, %v", len(cs), err)
	}
	snap, err := embedded.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "audit.log")
	alog, err := audit.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := screening.New(ctx, snap, screening.Options{Policy: screening.DefaultPolicy(screening.JurisdictionUS), Log: alog})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]screening.Outcome{}
	for _, r := range ScreenAll(ctx, s, cs) {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Customer.ID, r.Err)
		}
		got[r.Customer.ID] = r.Decision.Outcome
	}
	alog.Close()
	// Listed on the OFAC SDN list with matching date of birth: frozen.
	if got["c007"] != screening.Freeze {
		t.Errorf("Saddam Hussein Al-Tikriti with his listed DOB: %s, want FREEZE", got["c007"])
	}
	// Listed (SDNTK) and the year of birth agrees: at least held.
	if got["c006"] == screening.Clear {
		t.Errorf("Ismael Zambada Garcia: CLEAR, want HOLD or FREEZE")
	}
	if got["c009"] == screening.Clear {
		t.Errorf("Banco Nacional de Cuba (OFAC CUBA programme): CLEAR, want a hit")
	}
	for _, id := range []string{"c001", "c002", "c008"} {
		if got[id] != screening.Clear {
			t.Errorf("%s: %s, want CLEAR", id, got[id])
		}
	}
	rep, err := audit.VerifyFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != uint64(len(cs))+1 { // one lists-loaded record, one per decision
		t.Errorf("audit log has %d records, want %d", rep.Records, len(cs)+1)
	}
}
