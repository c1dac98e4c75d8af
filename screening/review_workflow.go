package screening

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/freezeguard/freezeguard/screening/audit"
)

// The four-eyes workflow over a store (see review.go).

// Reviews runs the four-eyes workflow over a store, logging every step.
type Reviews struct {
	store ReviewStore
	log   audit.Log
	now   func() time.Time
	mu    sync.Mutex // serialises read-modify-write of cases
}

var _ ReviewQueue = (*Reviews)(nil)

// NewReviews returns a workflow over store that logs to log. now may be nil
// (time.Now).
func NewReviews(store ReviewStore, log audit.Log, now func() time.Time) *Reviews {
	if now == nil {
		now = time.Now
	}
	return &Reviews{store: store, log: log, now: now}
}

// Open registers a HOLD decision for review. The Screener calls it when
// Options.Reviews is set; other decisions are ignored.
func (r *Reviews) Open(ctx context.Context, d *Decision) error {
	if d.Outcome != Hold {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.store.Put(ctx, newCase(d))
}

// Review records one reviewer's decision on a held decision and returns the
// case as it now stands. It refuses a second approval by the reviewer who
// gave the first (ErrSameReviewer). The step is logged (audit TypeReview)
// before the store is updated; if the log refuses it, the error wraps
// ErrAuditLog and the case is unchanged.
func (r *Reviews) Review(ctx context.Context, decisionID, reviewer string, action ReviewAction, reason string) (ReviewCase, error) {
	return r.ReviewAs(ctx, decisionID, reviewer, "", action, reason)
}

// ReviewAs is Review by a reviewer with a role the bank vouches for: a
// disputed case (two reviewers disagreed) can only be decided by a
// reviewer with RoleAdmin who took no part in the dispute (else
// ErrAdminRequired or ErrSameReviewer), and that decision is final.
func (r *Reviews) ReviewAs(ctx context.Context, decisionID, reviewer, role string, action ReviewAction, reason string) (ReviewCase, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	c, ok, err := r.store.Get(ctx, decisionID)
	if err != nil {
		return ReviewCase{}, fmt.Errorf("screening: review %s: %w", decisionID, err)
	}
	if !ok {
		return ReviewCase{}, fmt.Errorf("%w: %s", ErrReviewNotFound, decisionID)
	}
	c = c.clone() // a store may hand out memory it keeps
	step := ReviewStep{Reviewer: strings.TrimSpace(reviewer), Action: action, Reason: strings.TrimSpace(reason), Time: r.now().UTC(), Role: strings.TrimSpace(role)}
	if err := c.apply(step); err != nil {
		return c, err
	}
	if _, err := r.log.Append(ctx, audit.TypeReview, ReviewRecord{DecisionID: decisionID, Step: step, Status: c.Status, Outcome: c.Outcome, Disputed: c.Disputed}); err != nil {
		return ReviewCase{}, notLogged(ctx, "review "+decisionID, err)
	}
	if err := r.store.Put(ctx, c); err != nil {
		return ReviewCase{}, fmt.Errorf("screening: review %s logged (step by %s) but not stored: %w", decisionID, reviewer, err)
	}
	return c, nil
}

// Case returns the review case of a decision.
func (r *Reviews) Case(ctx context.Context, decisionID string) (ReviewCase, bool, error) {
	return r.store.Get(ctx, decisionID)
}
