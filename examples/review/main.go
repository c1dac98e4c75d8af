// Command review walks through the four-eyes review of a held decision:
// a name on a crime-based (narcotics) listing is screened and held; a first
// reviewer confirms; the same reviewer cannot give the second approval; a
// second reviewer confirms and the decision becomes a freeze; the audit log
// is verified and the review state rebuilt from it.
//
//	go run ./examples/review
//
// It runs offline on the embedded lists (old snapshots: demonstration only).
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// Walkthrough runs the review story against an audit log at logPath and
// returns the final case.
func Walkthrough(ctx context.Context, logPath string, say func(format string, args ...any)) (screening.ReviewCase, error) {
	snap, err := embedded.Load(ctx)
	if err != nil {
		return screening.ReviewCase{}, err
	}
	alog, err := audit.Open(logPath)
	if err != nil {
		return screening.ReviewCase{}, err
	}
	defer alog.Close()
	reviews := screening.NewReviews(screening.NewMemoryReviewStore(), alog, nil)
	s, err := screening.New(ctx, snap, screening.Options{Policy: screening.DefaultPolicy(screening.JurisdictionUS), Log: alog, Reviews: reviews})
	if err != nil {
		return screening.ReviewCase{}, err
	}

	// No date of birth: the name alone cannot freeze, so it is held.
	d, err := s.Screen(ctx, screening.Party{Name: "Ismael Zambada Garcia"})
	if err != nil {
		return screening.ReviewCase{}, err
	}
	say("screened %q: %s (%s)", "Ismael Zambada Garcia", d.Outcome, d.Reason)
	if d.Outcome != screening.Hold {
		return screening.ReviewCase{}, fmt.Errorf("expected a HOLD, got %s", d.Outcome)
	}
	c, err := reviews.Review(ctx, d.ID, "alice", screening.Confirm, "DOB 1948 and Sinaloa address confirmed from KYC file")
	if err != nil {
		return c, err
	}
	say("alice confirms: case %s (%s)", c.Status, c.ConfirmNeedsSecond)
	if _, err := reviews.Review(ctx, d.ID, "alice", screening.Confirm, "confirming again"); !errors.Is(err, screening.ErrSameReviewer) {
		return c, fmt.Errorf("the same reviewer's second approval was not refused: %v", err)
	}
	say("alice again: refused (%v)", screening.ErrSameReviewer)
	c, err = reviews.Review(ctx, d.ID, "bob", screening.Confirm, "agree: same person, SDNTK listing")
	if err != nil {
		return c, err
	}
	say("bob confirms: case %s, outcome %s", c.Status, c.Outcome)
	return c, nil
}

func main() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "freezeguard-review-")
	if err != nil {
		log.Fatal(err)
	}
	logPath := filepath.Join(dir, "audit.log")
	say := func(format string, args ...any) { fmt.Printf(format+"\n", args...) }
	if _, err := Walkthrough(ctx, logPath, say); err != nil {
		log.Fatal(err)
	}
	rep, err := audit.VerifyFile(logPath)
	if err != nil {
		log.Fatal(err)
	}
	say("audit log %s verifies: %d records, head %s", logPath, rep.Records, rep.Head.Hash[:16])
	f, err := os.Open(logPath)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	store, err := screening.ReplayReviews(ctx, audit.Records(f))
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range store.Cases() {
		say("rebuilt from the log: decision %s %s %s after %d steps", c.DecisionID, c.Status, c.Outcome, len(c.Steps))
	}
}
