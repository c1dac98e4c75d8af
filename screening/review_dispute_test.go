package screening

import (
	"bytes"
	"errors"
	"testing"

	"github.com/freezeguard/freezeguard/screening/audit"
)

// TestFourEyesDisputed: where four eyes are needed, two different
// reviewers who agree resolve the case; two who disagree leave it open and
// DISPUTED until an admin who took no side decides, and that is final.
func TestFourEyesDisputed(t *testing.T) {
	s, log, rv := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	hold := func(name string) string {
		t.Helper()
		d, err := s.Screen(ctx, Party{Name: name})
		if err != nil || d.Outcome != Hold {
			t.Fatalf("%s: %s, %v; want HOLD", name, d.Outcome, err)
		}
		return d.ID
	}

	// Dismiss then confirm on a crime-based exact-name hit (both actions
	// need a second reviewer): disputed, open, held.
	id := hold("ZAMBADA GARCIA, Ismael")
	if c, err := rv.Review(ctx, id, "alice", Dismiss, "customer is a Dutch teacher"); err != nil || c.Status != StatusAwaitingSecond {
		t.Fatalf("first dismiss: %+v, %v", c, err)
	}
	c, err := rv.Review(ctx, id, "bob", Confirm, "the photo matches")
	if err != nil || c.Status != StatusOpen || !c.Disputed || c.Outcome != Hold || c.Pending != nil {
		t.Fatalf("disagreement: %+v, %v; want open, disputed, HOLD", c, err)
	}
	// Ordinary reviewers cannot settle it, agreeing or not.
	for _, who := range []string{"carol", "alice", "bob"} {
		if _, err := rv.Review(ctx, id, who, Confirm, "I decide"); !errors.Is(err, ErrAdminRequired) {
			t.Errorf("%s without admin role: %v; want ErrAdminRequired", who, err)
		}
	}
	// An admin who took a side cannot either.
	if _, err := rv.ReviewAs(ctx, id, "Bob", RoleAdmin, Confirm, "I decide"); !errors.Is(err, ErrSameReviewer) {
		t.Errorf("admin party to the dispute: %v; want ErrSameReviewer", err)
	}
	c, err = rv.ReviewAs(ctx, id, "dora", RoleAdmin, Dismiss, "KYC file: different date of birth and nationality")
	if err != nil || c.Status != StatusResolved || c.Outcome != Clear || c.Disputed || len(c.Steps) != 3 || c.Steps[2].Role != RoleAdmin {
		t.Fatalf("admin decision: %+v, %v; want resolved CLEAR", c, err)
	}
	if _, err := rv.ReviewAs(ctx, id, "erin", RoleAdmin, Confirm, "second thoughts"); !errors.Is(err, ErrReviewResolved) {
		t.Errorf("after the admin's decision: %v; want ErrReviewResolved (final)", err)
	}

	// Two different reviewers who agree resolve it.
	id2 := hold("ZAMBADA GARCIA, Ismael")
	if _, err := rv.Review(ctx, id2, "alice", Dismiss, "different person"); err != nil {
		t.Fatal(err)
	}
	if c, err := rv.Review(ctx, id2, "bob", Dismiss, "agree, passport differs"); err != nil || c.Status != StatusResolved || c.Outcome != Clear || c.Disputed {
		t.Fatalf("agreeing dismissals: %+v, %v", c, err)
	}

	// The admin role means nothing on an undisputed case: four eyes still.
	id3 := hold("ZAMBADA GARCIA, Ismael")
	if c, err := rv.ReviewAs(ctx, id3, "dora", RoleAdmin, Confirm, "listed"); err != nil || c.Status != StatusAwaitingSecond {
		t.Fatalf("admin first approval: %+v, %v; want awaiting a second", c, err)
	}

	// Replay from the log rebuilds the same states, disputes included.
	var buf bytes.Buffer
	if _, err := log.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	st, err := ReplayReviews(ctx, audit.Records(bytes.NewReader(buf.Bytes())))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{id, id2, id3} {
		live, _, _ := rv.Case(ctx, d)
		got, ok, _ := st.Get(ctx, d)
		if !ok || got.Status != live.Status || got.Outcome != live.Outcome || got.Disputed != live.Disputed || len(got.Steps) != len(live.Steps) {
			t.Errorf("replay of %s: %+v, live %+v", d, got, live)
		}
	}
}
