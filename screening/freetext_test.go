package screening

import (
	"slices"
	"testing"
)

// TestFreeText: the examples are held with the listed entity, as a
// remittance party; ordinary remittance texts, bare surnames, weak
// aliases and vessel names in a sentence are not; SkipFreeText turns it
// off.
func TestFreeText(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	decide := func(s *Screener, text string) Decision {
		t.Helper()
		d, err := s.Decide(ctx, Payment{ID: "ft", Parties: []PaymentParty{{Role: Remittance, Path: "RmtInf/Ustrd[1]", Party: Party{Name: text}}}})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for text, want := range map[string]string{
		"/BNF/ BANK ROSSIYA ST PETERSBURG":   "ofac:16681",
		"Payment to Vladimir Putin":          "ofac:35096",
		"PAYMENT TO VLADIMIR PUTIN INV 2231": "ofac:35096",
		"Invoice 2024-113 office supplies":   "",
		"Salary for Maria Gonzalez":          "", // MARIA is a weak alias and a vessel
		"payment for goods to Sevastopol":    "", // SEVASTOPOL is a vessel (the embargo is another check)
		"Gift for Putin":                     "", // a bare surname in a sentence
		"Rent March 2026 flat 3B Berlin":     "",
		"Rechnung Nr. 4471 vom 02.03.2026":   "",
	} {
		d := decide(s, text)
		var got []string
		for _, h := range d.Hits() {
			got = append(got, h.EntityID)
		}
		switch {
		case want != "" && (d.Outcome != Hold || !slices.Contains(got, want) || d.Parties[0].Role != Remittance):
			t.Errorf("%q: %s, hits %v; want HOLD on %s", text, d.Outcome, got, want)
		case want == "" && len(got) > 0:
			t.Errorf("%q: hits %v; want none", text, got)
		}
		for _, h := range d.Hits() {
			if h.Outcome == Freeze {
				t.Errorf("%q: a free-text hit froze", text)
			}
		}
	}
	pol := DefaultPolicy(JurisdictionUS)
	pol.SkipFreeText = true
	off, _, _ := newScreener(t, realSnapshot(t), pol)
	if d := decide(off, "Payment to Vladimir Putin"); d.Outcome != Clear {
		t.Errorf("SkipFreeText: %s", d.Outcome)
	}
}

func TestTextWindows(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	st := s.cur.Load()
	ws := textWindows(st, "payment for ROSNEFT crude oil, invoice 4471")
	if !slices.Contains(ws, "ROSNEFT") || slices.ContainsFunc(ws, func(w string) bool { return w == "payment" || w == "oil" || w == "4471" }) {
		t.Errorf("windows %q", ws)
	}
	for _, w := range textWindows(st, "AL-QAIDA O'NEIL") {
		if w == "QAIDA" || w == "NEIL" {
			t.Errorf("inner hyphen or apostrophe split a word: %q", w)
		}
	}
}
