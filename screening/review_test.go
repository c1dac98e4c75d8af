package screening

import (
	"bytes"
	"errors"
	"slices"
	"testing"
	"time"

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

// The store hands out and takes in copies: a caller that edits a case it
// got from Get, Cases or Review, or one it gave to Put, changes nothing in
// the store. Before the fix, editing the returned case's pending reviewer
// let the first reviewer approve again as the "second".
func TestReviewStoreSharesNoMemory(t *testing.T) {
	s, _, rv := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	d, err := s.Screen(ctx, Party{Name: "ZAMBADA GARCIA, Ismael"}) // SDNTK: confirming needs two
	if err != nil {
		t.Fatal(err)
	}
	returned, err := rv.Review(ctx, d.ID, "alice", Confirm, "DOB on file matches 1948")
	if err != nil || returned.Pending == nil {
		t.Fatalf("first confirm: %+v, %v", returned, err)
	}
	got, _, _ := rv.Case(ctx, d.ID)
	store := rv.store.(*MemoryReviewStore)
	listed := store.Cases()
	for _, c := range []*ReviewCase{&returned, &got, &listed[0]} {
		c.Pending.Reviewer = "bob"
		c.Steps[0].Reviewer = "mallory"
		c.Steps = append(c.Steps[:1], ReviewStep{Reviewer: "bob", Action: Confirm, Reason: "forged"})
	}
	if _, err := rv.Review(ctx, d.ID, "alice", Confirm, "again"); !errors.Is(err, ErrSameReviewer) {
		t.Fatalf("alice approving twice after a caller edited a returned case: %v, want ErrSameReviewer", err)
	}
	c, _, _ := rv.Case(ctx, d.ID)
	if c.Pending == nil || c.Pending.Reviewer != "alice" || len(c.Steps) != 1 || c.Steps[0].Reviewer != "alice" {
		t.Fatalf("stored case changed through a returned copy: %+v", c)
	}

	// Put takes a copy too.
	mine := ReviewCase{DecisionID: "put-1", Opened: decisionTime, Status: StatusAwaitingSecond, Outcome: Hold,
		Pending: &ReviewStep{Reviewer: "carol", Action: Dismiss, Reason: "r"}, Steps: []ReviewStep{{Reviewer: "carol", Action: Dismiss, Reason: "r"}}}
	if err := store.Put(ctx, mine); err != nil {
		t.Fatal(err)
	}
	mine.Pending.Reviewer, mine.Steps[0].Reviewer = "dave", "dave"
	if c, _, _ := store.Get(ctx, "put-1"); c.Pending.Reviewer != "carol" || c.Steps[0].Reviewer != "carol" {
		t.Errorf("stored case changed through the caller's copy after Put: %+v", c)
	}
}

// Cases lists by opening time, then decision id, whatever the map order.
func TestReviewCasesOrder(t *testing.T) {
	st := NewMemoryReviewStore()
	t0 := decisionTime
	for _, c := range []ReviewCase{
		{DecisionID: "c", Opened: t0.Add(time.Minute)},
		{DecisionID: "b", Opened: t0},
		{DecisionID: "d", Opened: t0.Add(-time.Hour)},
		{DecisionID: "a", Opened: t0},
		{DecisionID: "e", Opened: t0.Add(time.Minute)},
	} {
		if err := st.Put(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"d", "a", "b", "c", "e"}
	for range 20 { // map order varies from call to call
		var got []string
		for _, c := range st.Cases() {
			got = append(got, c.DecisionID)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("Cases order %v, want %v", got, want)
		}
	}
}
