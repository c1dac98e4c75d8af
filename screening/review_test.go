package screening

import (
	"bytes"
	"errors"
	"testing"

	"github.com/freezeguard/freezeguard/screening/audit"
)

func TestFourEyes(t *testing.T) {
	s, log, rv := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))

	// An exact name on an SDNTK (crime-based) listing with nothing to
	// corroborate it: HOLD, and confirming needs two reviewers.
	crime, err := s.Screen(ctx, Party{Name: "ZAMBADA GARCIA, Ismael"})
	if err != nil {
		t.Fatal(err)
	}
	if crime.Outcome != Hold {
		t.Fatalf("outcome %s, want HOLD", crime.Outcome)
	}
	c, err := rv.Review(ctx, crime.ID, "alice", Confirm, "DOB on file matches 1948")
	if err != nil || c.Status != StatusAwaitingSecond || c.Outcome != Hold {
		t.Fatalf("first confirm: %+v, %v", c, err)
	}
	if _, err := rv.Review(ctx, crime.ID, "Alice ", Confirm, "again"); !errors.Is(err, ErrSameReviewer) {
		t.Fatalf("second approval by the same reviewer: %v, want ErrSameReviewer", err)
	}
	c, err = rv.Review(ctx, crime.ID, "bob", Confirm, "agree: passport copy matches")
	if err != nil || c.Status != StatusResolved || c.Outcome != Freeze || len(c.Steps) != 2 {
		t.Fatalf("second confirm: %+v, %v", c, err)
	}
	if _, err := rv.Review(ctx, crime.ID, "carol", Dismiss, "late"); !errors.Is(err, ErrReviewResolved) {
		t.Fatalf("review after resolution: %v", err)
	}

	// A weak-alias HOLD scored below the freeze threshold: one reviewer
	// may dismiss it.
	weak, err := s.Screen(ctx, Party{Name: "El Mayo", BirthDate: "1990"})
	if err != nil {
		t.Fatal(err)
	}
	if weak.Outcome != Hold {
		t.Fatalf("weak alias: %s", weak.Outcome)
	}
	c, err = rv.Review(ctx, weak.ID, "alice", Dismiss, "customer born 1990, Dutch national")
	if err != nil || c.Outcome != Clear || c.Status != StatusResolved {
		t.Fatalf("single dismiss: %+v, %v", c, err)
	}

	// Dismissing an exact-name hit (score 1.00) needs a second reviewer;
	// a disagreeing second reviewer sends the case back to open.
	strong, err := s.Screen(ctx, Party{Name: "Noel Timothy Heath"})
	if err != nil {
		t.Fatal(err)
	}
	c, _ = rv.Review(ctx, strong.ID, "alice", Dismiss, "different person")
	if c.Status != StatusAwaitingSecond || c.DismissNeedsSecond == "" {
		t.Fatalf("dismiss of a strong hit resolved by one reviewer: %+v", c)
	}
	c, _ = rv.Review(ctx, strong.ID, "bob", Confirm, "I think it is him")
	if c.Status != StatusOpen || c.Outcome != Hold {
		t.Fatalf("disagreement: %+v", c)
	}
	if _, err := rv.Review(ctx, "nope", "alice", Confirm, "x"); !errors.Is(err, ErrReviewNotFound) {
		t.Errorf("unknown decision: %v", err)
	}
	if _, err := rv.Review(ctx, strong.ID, "alice", "maybe", "x"); !errors.Is(err, ErrReviewInvalid) {
		t.Errorf("bad action: %v", err)
	}
	if _, err := rv.Review(ctx, strong.ID, "alice", Confirm, " "); !errors.Is(err, ErrReviewInvalid) {
		t.Errorf("no reason: %v", err)
	}

	// The review state is rebuilt from the log, through a file-format
	// round trip, and matches the live state.
	var buf bytes.Buffer
	if _, err := log.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := audit.Verify(bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatalf("log does not verify: %v", err)
	}
	replayed, err := ReplayReviews(ctx, audit.Records(bytes.NewReader(buf.Bytes())))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{crime.ID, weak.ID, strong.ID} {
		live, _, _ := rv.Case(ctx, id)
		got, ok, _ := replayed.Get(ctx, id)
		if !ok || got.Status != live.Status || got.Outcome != live.Outcome || len(got.Steps) != len(live.Steps) {
			t.Errorf("replayed %s: %+v, live %+v", id, got, live)
		}
	}
}

func TestReplayRejectsForgedSecondApproval(t *testing.T) {
	s, log, rv := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	d, err := s.Screen(ctx, Party{Name: "ZAMBADA GARCIA, Ismael"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rv.Review(ctx, d.ID, "alice", Confirm, "first"); err != nil {
		t.Fatal(err)
	}
	// A record appended behind the API's back: the same reviewer approving
	// twice. Replay must refuse it.
	forged := ReviewRecord{DecisionID: d.ID, Step: ReviewStep{Reviewer: "alice", Action: Confirm, Reason: "second"}, Status: StatusResolved, Outcome: Freeze}
	if _, err := log.Append(ctx, audit.TypeReview, forged); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	log.WriteTo(&buf)
	if _, err := ReplayReviews(ctx, audit.Records(&buf)); !errors.Is(err, ErrSameReviewer) {
		t.Fatalf("replay of a forged same-reviewer approval: %v", err)
	}
}
