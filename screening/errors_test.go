package screening

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// Bad input wraps ErrInvalidParty (and, in a payment, ErrInvalidPayment);
// it never looks like an audit failure.
func TestInvalidInputErrors(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	for _, tc := range []struct {
		name  string
		party Party
		want  string // in the message
	}{
		{"empty", Party{}, "no name and no identifier"},
		{"blank name, blank document", Party{Name: "  ", Documents: []Document{{Type: "passport", Number: " "}}}, "no name and no identifier"},
		{"country only", Party{Country: "MX"}, "no name and no identifier"},
		{"name too long", Party{Name: strings.Repeat("a", maxQueryBytes+1)}, "bytes, more than"},
		{"too many documents", Party{Name: "x", Documents: make([]Document, maxDocuments+1)}, "documents"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Screen(ctx, tc.party)
			if !errors.Is(err, ErrInvalidParty) || errors.Is(err, ErrAuditLog) || errors.Is(err, ErrInvalidPayment) {
				t.Fatalf("error %v, want ErrInvalidParty only", err)
			}
			if !strings.Contains(err.Error(), tc.want) || len(err.Error()) > 300 {
				t.Errorf("error %q, want it to contain %q (and be short)", err, tc.want)
			}
		})
	}
	for _, p := range []Party{
		{Name: "Ismael Zambada Garcia", Country: "mx"},
		{Name: "Ismael Zambada Garcia", Country: " MX "},
		{Documents: []Document{{Type: "passport", Number: "035-74"}}},
		{BIC: "DEUTDEFF"},
		{Owned: []string{"ofac:7226"}},
	} {
		if _, err := s.Screen(ctx, p); err != nil {
			t.Errorf("Screen(%+v): %v", p, err)
		}
	}
}

func TestInvalidPaymentErrors(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	pay := Payment{ID: "E2E-1", Parties: []PaymentParty{
		{Role: Debtor, Path: "Dbtr/Nm", Party: Party{Name: "Jane Ordinary Customer", Country: "DE"}},
		// A message may name a party only by its address: kept, not an error.
		{Role: UltimateCreditor, Path: "UltmtCdtr/PstlAdr", Party: Party{Address: "Hauptstrasse 1, Berlin", Country: "DE"}},
	}}
	if _, err := s.Decide(ctx, pay); err != nil {
		t.Fatalf("valid payment: %v", err)
	}

	pay.Parties = []PaymentParty{{Role: Debtor, Path: "Dbtr", Party: Party{}}}
	_, err := s.Decide(ctx, pay)
	if !errors.Is(err, ErrInvalidPayment) || !errors.Is(err, ErrInvalidParty) || errors.Is(err, ErrAuditLog) {
		t.Fatalf("a party with nothing at all: %v, want ErrInvalidPayment and ErrInvalidParty", err)
	}
	if !strings.Contains(err.Error(), "party 0 (Dbtr)") {
		t.Errorf("error %q does not name the party", err)
	}

	pay.Parties = make([]PaymentParty, maxParties+1)
	for i := range pay.Parties {
		pay.Parties[i].Party.Name = "x"
	}
	if _, err := s.Decide(ctx, pay); !errors.Is(err, ErrInvalidPayment) || errors.Is(err, ErrInvalidParty) {
		t.Errorf("too many parties: %v, want ErrInvalidPayment only", err)
	}
}

// failingLog accepts appends until fail is set, then refuses them.
type failingLog struct {
	audit.Log
	fail atomic.Bool
}

var errDiskFull = errors.New("write audit.jsonl: no space left on device")

func (l *failingLog) Append(ctx context.Context, typ string, body any) (audit.Record, error) {
	if l.fail.Load() {
		return audit.Record{}, errDiskFull
	}
	return l.Log.Append(ctx, typ, body)
}

// A refused append wraps ErrAuditLog and the log's own error, for a
// decision, a reload and a review step; it is never taken for bad input.
func TestAuditLogErrors(t *testing.T) {
	log := &failingLog{Log: audit.NewMemory()}
	rv := NewReviews(NewMemoryReviewStore(), log, nil)
	snap := realSnapshot(t)
	s, err := New(ctx, snap, Options{Log: log, Reviews: rv, Now: func() time.Time { return decisionTime }, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	held, err := s.Screen(ctx, Party{Name: "ZAMBADA GARCIA, Ismael"})
	if err != nil || held.Outcome != Hold {
		t.Fatalf("before the failure: %s, %v", held.Outcome, err)
	}
	log.fail.Store(true)

	check := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, ErrAuditLog) || !errors.Is(err, errDiskFull) || errors.Is(err, ErrInvalidParty) || errors.Is(err, ErrInvalidPayment) {
			t.Errorf("%s: %v, want ErrAuditLog wrapping the log's error", what, err)
		}
	}
	_, err = s.Screen(ctx, Party{Name: "Ismael Zambada Garcia", Kind: lists.Person})
	check("Screen", err)
	_, err = s.Decide(ctx, Payment{ID: "E2E-2", Parties: []PaymentParty{{Role: Debtor, Party: Party{Name: "Jane Ordinary Customer"}}}})
	check("Decide", err)
	check("Reload", s.Reload(ctx, snap))
	if g := s.Generation(); g != 1 {
		t.Errorf("generation %d after a reload that was not logged, want 1", g)
	}
	_, err = rv.Review(ctx, held.ID, "alice", Dismiss, "not him")
	check("Review", err)
	if c, _, _ := rv.Case(ctx, held.ID); len(c.Steps) != 0 {
		t.Errorf("a review step that was not logged was stored: %+v", c)
	}

	// Bad input is reported as such even while the log is down.
	if _, err := s.Screen(ctx, Party{}); !errors.Is(err, ErrInvalidParty) || errors.Is(err, ErrAuditLog) {
		t.Errorf("bad input with the log down: %v", err)
	}
	// A done context is the context's error, not the log's fault.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := notLogged(cctx, "decision x", context.Canceled); errors.Is(err, ErrAuditLog) || !errors.Is(err, context.Canceled) {
		t.Errorf("append cut short by the context: %v", err)
	}
}

// A Screener not made by New answers ErrNoScreener or zero values; it
// never panics.
func TestZeroScreener(t *testing.T) {
	ctx := context.Background()
	for _, s := range []*Screener{{}, nil} {
		if _, err := s.Screen(ctx, Party{Name: "Vladimir Putin"}); !errors.Is(err, ErrNoScreener) {
			t.Errorf("Screen: %v, want ErrNoScreener", err)
		}
		if _, err := s.Decide(ctx, Payment{Parties: []PaymentParty{{Party: Party{Name: "x"}}}}); !errors.Is(err, ErrNoScreener) {
			t.Errorf("Decide: %v", err)
		}
		if _, err := s.Unreadable(ctx, "r", Party{Name: "x"}, "why"); !errors.Is(err, ErrNoScreener) {
			t.Errorf("Unreadable: %v", err)
		}
		if err := s.Reload(ctx, lists.NewSnapshot(nil, nil, time.Time{})); !errors.Is(err, ErrNoScreener) {
			t.Errorf("Reload: %v", err)
		}
		if _, err := s.RecordKnownGood(ctx, KnownGood{}); !errors.Is(err, ErrNoScreener) {
			t.Errorf("RecordKnownGood: %v", err)
		}
		if _, err := s.Subset(nil).Probe(Party{Name: "x"}); !errors.Is(err, ErrNoScreener) {
			t.Errorf("Subset.Probe: %v", err)
		}
		if s.Snapshot() != nil || s.Generation() != 0 || s.Related("ofac:1") != nil {
			t.Error("zero Screener reports a snapshot")
		}
	}
}
