package screening

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// TestKnownGoodEndToEnd: HOLD → two reviewers dismiss, recording "this
// customer is not X" → the next screening is CLEAR with
// KNOWN_FALSE_POSITIVE and the reference → the listed entity gains an
// alias → HOLD again. The record is in the audit log and another Screener
// reading the log honours it.
func TestKnownGoodEndToEnd(t *testing.T) {
	snap := realSnapshot(t)
	s, log, rv := newScreener(t, snap, DefaultPolicy(JurisdictionUS))
	party := Party{Name: "Noel Timothy Heath", CustomerID: "CUST-20991", Country: "GB"}
	d, err := s.Screen(ctx, party)
	if err != nil || d.Outcome != Hold || len(d.Hits()) == 0 {
		t.Fatalf("first screening: %s, %v", d.Outcome, err)
	}
	entity := d.Hits()[0].EntityID
	if _, err := rv.Review(ctx, d.ID, "alice", Dismiss, "our customer is a British teacher born 1988"); err != nil {
		t.Fatal(err)
	}
	if c, err := rv.Review(ctx, d.ID, "bob", Dismiss, "agree: passport copy on file"); err != nil || c.Outcome != Clear {
		t.Fatalf("dismissal: %+v, %v", c, err)
	}
	exp := decisionTime.AddDate(0, 6, 0)
	held, _ := s.Screen(ctx, party)
	if _, err := s.RecordKnownGood(ctx, KnownGood{CustomerID: "CUST-20991", EntityID: entity, Reviewer: "bob", Reason: "x", DecisionID: held.ID, Expires: exp}); !errors.Is(err, ErrKnownGoodInvalid) {
		t.Errorf("record from an undismissed case: %v, want ErrKnownGoodInvalid", err)
	}
	kg, err := s.RecordKnownGood(ctx, KnownGood{CustomerID: "CUST-20991", EntityID: entity, Reviewer: "bob", Reason: "British teacher born 1988, passport on file", DecisionID: d.ID, Expires: exp})
	if err != nil || kg.ID == "" || kg.Fingerprint == "" {
		t.Fatalf("record: %+v, %v", kg, err)
	}

	d2, err := s.Screen(ctx, party)
	if err != nil {
		t.Fatal(err)
	}
	h := hitFor(&d2, entity)
	if d2.Outcome != Clear || !d2.HasFlag(FlagKnownFalsePositive) || h == nil || !h.HasFlag(FlagKnownFalsePositive) || !bytes.Contains([]byte(flagReason(h, FlagKnownFalsePositive)), []byte(kg.ID)) {
		t.Fatalf("after the record: %s, flags %v; want CLEAR with %s naming %s", d2.Outcome, d2.Flags, FlagKnownFalsePositive, kg.ID)
	}
	// Another customer of the same name is still held.
	if d3, _ := s.Screen(ctx, Party{Name: party.Name, CustomerID: "CUST-1"}); d3.Outcome != Hold {
		t.Errorf("other customer: %s, want HOLD", d3.Outcome)
	}

	// Another instance reading the log honours the record.
	var buf bytes.Buffer
	if _, err := log.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := audit.Verify(bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	kgs, err := LoadKnownGoods(ctx, audit.Records(bytes.NewReader(buf.Bytes())))
	if err != nil || len(kgs.All()) != 1 {
		t.Fatalf("load: %v, %d records", err, len(kgs.All()))
	}
	other, err := New(ctx, snap, Options{Log: audit.NewMemory(), KnownGoods: kgs, Now: func() time.Time { return decisionTime.AddDate(0, 1, 0) }, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	if d4, _ := other.Screen(ctx, party); d4.Outcome != Clear || !d4.HasFlag(FlagKnownFalsePositive) {
		t.Errorf("other instance: %s", d4.Outcome)
	}
	// Past its expiry the record no longer applies.
	late, _ := New(ctx, snap, Options{Log: audit.NewMemory(), KnownGoods: kgs, Now: func() time.Time { return exp.Add(time.Hour) }, Logger: slog.New(slog.DiscardHandler)})
	if d5, _ := late.Screen(ctx, party); d5.Outcome != Hold {
		t.Errorf("after expiry: %s, want HOLD", d5.Outcome)
	}

	// The listed entity gains an alias: the record is void, HOLD again.
	ents := slices.Clone(snap.Entities)
	ei := slices.IndexFunc(ents, func(e lists.Entity) bool { return e.ID == entity })
	ents[ei].Names = append(slices.Clone(ents[ei].Names), lists.Name{Full: "HEATH, Tim", Type: lists.AKA, Quality: lists.Strong})
	if err := s.Reload(ctx, lists.NewSnapshot(ents, snap.Sources, snap.Loaded)); err != nil {
		t.Fatal(err)
	}
	d6, err := s.Screen(ctx, party)
	if err != nil || d6.Outcome != Hold || d6.HasFlag(FlagKnownFalsePositive) {
		t.Fatalf("after the entity changed: %s, flags %v; want HOLD", d6.Outcome, d6.Flags)
	}
}

// TestKnownGoodByNameAndDOB: without a customer id the record names the
// party by its exact normalised name and date of birth.
func TestKnownGoodByNameAndDOB(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	p := Party{Name: "Noel Timothy Heath", BirthDate: "1988-03-02"}
	d, _ := s.Screen(ctx, p)
	if d.Outcome != Hold {
		t.Fatalf("%s", d.Outcome)
	}
	ent := d.Hits()[0].EntityID
	exp := decisionTime.AddDate(0, 3, 0)
	if _, err := s.RecordKnownGood(ctx, KnownGood{Name: "NOEL TIMOTHY HEATH", BirthDate: "1988-03-02", EntityID: ent, Reviewer: "carol", Reason: "DOB differs", Expires: exp}); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.Screen(ctx, Party{Name: "noel timothy  heath", BirthDate: "1988-03-02"}); d.Outcome != Clear {
		t.Errorf("same name and DOB: %s", d.Outcome)
	}
	if d, _ := s.Screen(ctx, Party{Name: "Noel Timothy Heath", BirthDate: "1970-01-01"}); d.Outcome == Clear {
		t.Errorf("other DOB cleared")
	}
	for _, bad := range []KnownGood{
		{Name: "X", EntityID: ent, Reviewer: "r", Reason: "x", Expires: exp},                                 // no DOB
		{CustomerID: "C", EntityID: ent, Reason: "x", Expires: exp},                                          // no reviewer
		{CustomerID: "C", EntityID: "ofac:0", Reviewer: "r", Reason: "x", Expires: exp},                      // unknown entity
		{CustomerID: "C", EntityID: ent, Reviewer: "r", Reason: "x", Expires: decisionTime.AddDate(2, 0, 0)}, // too long
		{CustomerID: "C", EntityID: ent, Reviewer: "r", Reason: "x", Expires: decisionTime.Add(-time.Hour)},  // expired
	} {
		if _, err := s.RecordKnownGood(context.Background(), bad); !errors.Is(err, ErrKnownGoodInvalid) {
			t.Errorf("%+v: %v, want ErrKnownGoodInvalid", bad, err)
		}
	}
}

// TestKnownGoodFromFileLog: a Screener over a file log honours the
// known-good records already in it (the CLI's batch and payment with
// --audit, a restarted service).
func TestKnownGoodFromFileLog(t *testing.T) {
	path := t.TempDir() + "/screening.log"
	open := func() (*Screener, *audit.FileLog) {
		l, err := audit.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		s, err := New(ctx, realSnapshot(t), Options{Log: l, Now: func() time.Time { return decisionTime }, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		return s, l
	}
	s, l := open()
	party := Party{Name: "Noel Timothy Heath", CustomerID: "C-7"}
	d, _ := s.Screen(ctx, party)
	if d.Outcome != Hold {
		t.Fatalf("%s", d.Outcome)
	}
	if _, err := s.RecordKnownGood(ctx, KnownGood{CustomerID: "C-7", EntityID: d.Hits()[0].EntityID, Reviewer: "r", Reason: "not him", Expires: decisionTime.AddDate(0, 1, 0)}); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	s2, l2 := open()
	defer l2.Close()
	if d, _ := s2.Screen(ctx, party); d.Outcome != Clear || !d.HasFlag(FlagKnownFalsePositive) {
		t.Errorf("after reopening the log: %s", d.Outcome)
	}
}
