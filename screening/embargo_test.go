package screening

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// screenerAt builds a Screener deciding at t over the first 200 entities
// of the real lists: embargoes do not depend on the lists, and a small
// index keeps the -race run short.
func screenerAt(t *testing.T, pol Policy, at time.Time) *Screener {
	t.Helper()
	snap := realSnapshot(t)
	small := lists.NewSnapshot(snap.Entities[:200], snap.Sources, snap.Loaded)
	s, err := New(context.Background(), small, Options{Policy: pol, Log: audit.NewMemory(), Now: func() time.Time { return at }, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func regimesOf(d Decision) map[string]Outcome {
	m := map[string]Outcome{}
	for _, e := range d.Embargoes {
		if e.Outcome.Severity() >= m[e.Regime].Severity() {
			m[e.Regime] = e.Outcome
		}
	}
	return m
}

func TestEmbargoTable(t *testing.T) {
	rs := EmbargoRegimes()
	ids := map[string]bool{}
	for _, r := range rs {
		if ids[r.ID] {
			t.Errorf("regime %s twice", r.ID)
		}
		ids[r.ID] = true
	}
	for _, id := range []string{"US-CUBA", "US-IRAN", "US-DPRK", "US-CRIMEA", "US-DNR-LNR", "US-SYRIA", "EU-CRIMEA", "EU-NGCA", "UK-CRIMEA", "UN-DPRK-ARMS", "UN-DPRK-OIL"} {
		if !ids[id] {
			t.Errorf("regime %s missing", id)
		}
	}
	if _, err := parseEmbargo([]byte("id\tauthority\tkind\tcountry\tregions\tfrom\tuntil\tmeasure\tsource\nX\tOFAC\tcomprehensive\tXX\t\t2020-01-01\t\tm\ts\n"), nil); err == nil {
		t.Error("unknown country accepted")
	}
	if _, err := parseEmbargo([]byte("id\tauthority\tkind\tcountry\tregions\tfrom\tuntil\tmeasure\tsource\nX\tOFAC\tterritorial\tUA\t\t2020-01-01\t\tm\ts\n"), nil); err == nil {
		t.Error("territorial regime without region accepted")
	}
}

// TestEmbargoDates: the decision date decides; Syria's US programme ended
// on 1 July 2025 (E.O. 14312), the EU's economic measures on 28 May 2025.
func TestEmbargoDates(t *testing.T) {
	pay := Payment{ID: "sy", Parties: []PaymentParty{{Role: Creditor, Party: Party{Name: "Omar Haddad", Address: "Baghdad Street 4, Damascus"}}}}
	for _, c := range []struct {
		at   time.Time
		want Outcome
	}{
		{time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC), Hold},
		{time.Date(2025, 7, 1, 12, 0, 0, 0, time.UTC), Clear},
		{time.Date(2010, 1, 1, 12, 0, 0, 0, time.UTC), Clear},
	} {
		d, err := screenerAt(t, DefaultPolicy(JurisdictionUS), c.at).Decide(ctx, pay)
		if err != nil {
			t.Fatal(err)
		}
		if d.Outcome != c.want || (c.want == Hold) != (regimesOf(d)["US-SYRIA"] == Hold) {
			t.Errorf("%s: %s, regimes %v; want %s", c.at.Format(time.DateOnly), d.Outcome, regimesOf(d), c.want)
		}
	}
}

// TestEmbargoPolicy: which regimes bind depends on the jurisdiction;
// FREEZE by policy; a general licence relaxes; UN measures on goods and
// non-binding regimes are flagged only; SkipEmbargo turns it off.
func TestEmbargoPolicy(t *testing.T) {
	at := time.Date(2026, 7, 2, 12, 0, 0, 0, time.UTC)
	cuba := Payment{ID: "cu", Parties: []PaymentParty{{Role: Creditor, Party: Party{Name: "Ana Perez", Country: "CU"}}}}
	crimea := Payment{ID: "cr", Parties: []PaymentParty{{Role: Creditor, Party: Party{Name: "Ivan Petrov", Address: "ул. Ленина 5, Симферополь"}}}}
	libya := Payment{ID: "ly", Parties: []PaymentParty{{Role: Creditor, Party: Party{Name: "Maria Rossi", Country: "LY"}}}}
	decide := func(pol Policy, p Payment) Decision {
		t.Helper()
		d, err := screenerAt(t, pol, at).Decide(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	us, eu := DefaultPolicy(JurisdictionUS), DefaultPolicy(JurisdictionEU)
	if d := decide(us, cuba); d.Outcome != Hold || !d.HasFlag(FlagEmbargoed) || d.Parties[0].Outcome != Hold {
		t.Errorf("US bank, Cuba: %s %v", d.Outcome, d.Flags)
	}
	if d := decide(eu, cuba); d.Outcome != Clear || !d.HasFlag(FlagEmbargoed) || regimesOf(d)["US-CUBA"] != Clear {
		t.Errorf("EU bank, Cuba (US regime only, not binding): %s %v", d.Outcome, regimesOf(d))
	}
	if d := decide(eu, crimea); d.Outcome != Hold || regimesOf(d)["EU-CRIMEA"] != Hold {
		t.Errorf("EU bank, Crimea: %s %v", d.Outcome, regimesOf(d))
	}
	frz := us
	frz.EmbargoOutcome = Freeze
	if d := decide(frz, cuba); d.Outcome != Freeze || d.ReportBy.IsZero() {
		t.Errorf("US bank, FREEZE policy: %s, report by %v", d.Outcome, d.ReportBy)
	}
	lic := us
	lic.GeneralLicences = []GeneralLicence{{Regime: "US-CUBA", Name: "31 CFR 515.570 (remittances to Cuban nationals)"}}
	if d := decide(lic, cuba); d.Outcome != Clear || !d.HasFlag(FlagEmbargoed) || d.Embargoes[0].Licence == "" {
		t.Errorf("US bank, licensed: %s %+v", d.Outcome, d.Embargoes)
	}
	expired := us
	expired.GeneralLicences = []GeneralLicence{{Regime: "US-CUBA", Name: "expired licence", Until: at.AddDate(0, 0, -1)}}
	if d := decide(expired, cuba); d.Outcome != Hold {
		t.Errorf("US bank, expired licence: %s", d.Outcome)
	}
	if d := decide(us, libya); d.Outcome != Clear || regimesOf(d)["UN-LIBYA-ARMS"] != Clear || !d.HasFlag(FlagEmbargoed) {
		t.Errorf("Libya (UN arms/oil, flagged only): %s %v", d.Outcome, regimesOf(d))
	}
	off := us
	off.SkipEmbargo = true
	if d := decide(off, cuba); d.Outcome != Clear || len(d.Embargoes) > 0 {
		t.Errorf("SkipEmbargo: %s %v", d.Outcome, d.Embargoes)
	}
	bad := us
	bad.GeneralLicences = []GeneralLicence{{Regime: "NOPE", Name: "x"}}
	if err := bad.Validate(); err == nil {
		t.Error("licence for an unknown regime accepted")
	}
	bad = us
	bad.EmbargoOutcome = "CLEAR"
	if err := bad.Validate(); err == nil {
		t.Error("embargo outcome CLEAR accepted")
	}
}

func TestIBANCountry(t *testing.T) {
	for s, want := range map[string]string{
		"DE89 3704 0044 0532 0130 00": "DE", "GB82WEST12345698765432": "GB", "/IR062960000000100324200001": "IR",
		"DE89370400440532013001": "", "12345678901234567": "", "XX00": "",
	} {
		if got, _ := ibanCountry(s); got != want {
			t.Errorf("ibanCountry(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzPartyLoci: the embargo readers and the free-text word splitter
// never panic, whatever the text.
func FuzzPartyLoci(f *testing.F) {
	for _, s := range []string{"Havana, Illinois", "ул. Ленина 5, Севастополь", "+98 21 1234 5678", "00850 2 381", "IR062960000000100324200001", "تهران"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = partyLoci(&PaymentParty{Role: Creditor, Party: Party{Address: s, Phone: s, Account: s, Country: s, BIC: s}})
		_ = partyLoci(&PaymentParty{Role: Remittance, Party: Party{Name: s}})
		for _, w := range textWords(s) {
			if w.raw == "" {
				t.Fatalf("empty word in %q", s)
			}
		}
	})
}
