package screening

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/screening/audit"
)

// loggedDecision returns the decision record with id from the log.
func loggedDecision(t *testing.T, log *audit.MemoryLog, id string) Decision {
	t.Helper()
	for _, r := range log.Records() {
		if r.Type != audit.TypeDecision {
			continue
		}
		var d Decision
		if err := json.Unmarshal(r.Body, &d); err != nil {
			t.Fatal(err)
		}
		if d.ID == id {
			return d
		}
	}
	t.Fatalf("decision %s not in the audit log", id)
	return Decision{}
}

// checkUnreadable asserts the fail-closed contract: HOLD (or worse), the
// flag on the decision, the same in the audit log, and a review case.
func checkUnreadable(t *testing.T, d Decision, log *audit.MemoryLog, rv *Reviews) {
	t.Helper()
	if d.Outcome == Clear {
		t.Fatalf("outcome CLEAR for unreadable input: %s", d.Explanation)
	}
	if !d.HasFlag(FlagUnreadableInput) {
		t.Fatalf("decision lacks %s: flags %v", FlagUnreadableInput, d.Flags)
	}
	if d.Reason == "" || !strings.Contains(d.Explanation, "UNREADABLE") && !strings.Contains(d.Explanation, "read") {
		t.Errorf("reason %q / explanation %q do not say the input was unreadable", d.Reason, d.Explanation)
	}
	got := loggedDecision(t, log, d.ID)
	if got.Outcome != d.Outcome || !got.HasFlag(FlagUnreadableInput) {
		t.Errorf("logged decision: outcome %s flags %v", got.Outcome, got.Flags)
	}
	if d.Outcome == Hold {
		if _, ok, err := rv.Case(ctx, d.ID); err != nil || !ok {
			t.Errorf("no review case for held unreadable decision %s (err %v)", d.ID, err)
		}
	}
}

// TestNameWithoutLetterIsHeld: a name that normalises to nothing (no letter
// or digit) was CLEARed; it is now UNREADABLE_INPUT, held, logged and
// opened for review, in Screen and in Decide.
func TestNameWithoutLetterIsHeld(t *testing.T) {
	s, log, rv := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionEU))
	for _, name := range []string{"\u200b", "!!!", "\x00", "\u200f\u200e", "\u202e\u2066", " - . , ", "\u0301\u0301", "\xff\xfe"} {
		d, err := s.Screen(ctx, Party{Name: name})
		if err != nil {
			t.Fatalf("Screen(%+q): %v", name, err)
		}
		checkUnreadable(t, d, log, rv)
		if d.Outcome != Hold || !partyUnreadable(&d.Parties[0]) {
			t.Errorf("Screen(%+q): outcome %s, party flags %v", name, d.Outcome, d.Parties[0].Flags)
		}

		d, err = s.Decide(ctx, Payment{ID: "p1", Parties: []PaymentParty{
			{Role: Debtor, Path: "Dbtr/Nm", Party: Party{Name: "Anna Schmidt"}},
			{Role: Creditor, Path: "Cdtr/Nm", Party: Party{Name: name}},
		}})
		if err != nil {
			t.Fatalf("Decide with creditor %+q: %v", name, err)
		}
		checkUnreadable(t, d, log, rv)
		if d.Parties[0].Outcome != Clear || d.Parties[1].Outcome != Hold {
			t.Errorf("Decide with creditor %+q: parties %s, %s", name, d.Parties[0].Outcome, d.Parties[1].Outcome)
		}
		if !strings.Contains(d.Reason, "Cdtr/Nm") {
			t.Errorf("reason %q does not name the party's path", d.Reason)
		}
	}
	// A readable name is still screened and cleared.
	d, err := s.Screen(ctx, Party{Name: "Anna Schmidt"})
	if err != nil || d.Outcome != Clear || d.HasFlag(FlagUnreadableInput) {
		t.Fatalf("Anna Schmidt: %s %v err %v", d.Outcome, d.Flags, err)
	}
}

// TestUnreadableNameWithListedParty: a listed party next to an unreadable
// one keeps its own outcome and the decision says both.
func TestUnreadableNameWithListedParty(t *testing.T) {
	s, log, rv := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	d, err := s.Decide(ctx, Payment{ID: "p2", Parties: []PaymentParty{
		{Role: Debtor, Path: "Dbtr/Nm", Party: Party{Name: "!!!"}},
		{Role: Creditor, Path: "Cdtr/Nm", Party: Party{Name: "Saddam Hussein Al-Tikriti", BirthDate: "1937-04-28"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	checkUnreadable(t, d, log, rv)
	if len(d.Parties[1].Hits) == 0 {
		t.Fatal("listed creditor not hit")
	}
	if !strings.Contains(d.Explanation, string(FlagUnreadableInput)) {
		t.Errorf("explanation does not mention the unreadable debtor: %s", d.Explanation)
	}
}

// TestUnreadable records input that could not be read, with or without a
// party, and screens what was read.
func TestUnreadable(t *testing.T) {
	s, log, rv := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))

	d, err := s.Unreadable(ctx, "x.fin", Party{}, "block 1 service id 02 is not a payment")
	if err != nil {
		t.Fatal(err)
	}
	checkUnreadable(t, d, log, rv)
	if d.Outcome != Hold || d.PaymentID != "x.fin" || !strings.Contains(d.Reason, "service id 02") {
		t.Errorf("outcome %s payment id %q reason %q", d.Outcome, d.PaymentID, d.Reason)
	}

	// What was read is screened: a listed name still hits.
	d, err = s.Unreadable(ctx, "line 7", Party{Name: "Saddam Hussein Al-Tikriti"}, "the line was cut short")
	if err != nil {
		t.Fatal(err)
	}
	checkUnreadable(t, d, log, rv)
	if len(d.Parties) != 1 || len(d.Parties[0].Hits) == 0 {
		t.Errorf("the readable name was not screened: %+v", d.Parties)
	}

	// A party Screen would refuse is recorded, clipped, not an error.
	d, err = s.Unreadable(ctx, "line 8", Party{Name: strings.Repeat("x", 5000), BirthDate: "1974-02-31", Country: "ZZ"}, "over-long field")
	if err != nil {
		t.Fatal(err)
	}
	checkUnreadable(t, d, log, rv)
	if n := len(d.Parties[0].Party.Name); n > maxQueryBytes+3 {
		t.Errorf("recorded name is %d bytes", n)
	}

	if _, err := s.Unreadable(ctx, "x", Party{}, " "); err == nil {
		t.Error("Unreadable without a reason: no error")
	}

	// A payment read in part: what was read is screened, the rest noted.
	d, err = s.UnreadablePayment(ctx, Payment{ID: "m1", Message: "pacs.008", Parties: []PaymentParty{
		{Role: Creditor, Path: "Cdtr/Nm", Party: Party{Name: "Anna Schmidt"}},
		{Role: Debtor, Path: "Dbtr", Party: Party{}},
	}}, "a second message element in Document was not understood")
	if err != nil {
		t.Fatal(err)
	}
	checkUnreadable(t, d, log, rv)
	if len(d.Parties) != 2 || d.Parties[1].Outcome != Hold {
		t.Errorf("parties: %+v", d.Parties)
	}

	// Too many parties: the first maxParties are kept, the reason says so.
	many := make([]PaymentParty, maxParties+5)
	for i := range many {
		many[i] = PaymentParty{Role: Creditor, Party: Party{Name: "Anna Schmidt"}}
	}
	d, err = s.UnreadablePayment(ctx, Payment{ID: "m2", Parties: many}, "too big")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Parties) != maxParties || !strings.Contains(d.Reason, "only the first") {
		t.Errorf("%d parties recorded, reason %q", len(d.Parties), d.Reason)
	}
}

// TestUnreadableAuditFailure: when the log refuses, the caller learns it.
func TestUnreadableAuditFailure(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Unreadable(cctx, "x", Party{}, "cut"); !errors.Is(err, cctx.Err()) {
		t.Errorf("done context: err %v", err)
	}
}

// TestPunctuationFreeTextIsNotUnreadable: remittance text of punctuation
// names no one; it is not held.
func TestPunctuationFreeTextIsNotUnreadable(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionEU))
	d, err := s.Decide(ctx, Payment{ID: "p3", Parties: []PaymentParty{{Role: Debtor, Party: Party{Name: "Anna Schmidt"}}}, Text: []string{"///", "-"}})
	if err != nil || d.Outcome != Clear || d.HasFlag(FlagUnreadableInput) {
		t.Errorf("punctuation free text: %s %v %v", d.Outcome, d.Flags, err)
	}
}
