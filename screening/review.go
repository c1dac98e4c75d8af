package screening

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/freezeguard/freezeguard/screening/audit"
)

// Four-eyes review of held decisions. A HOLD is resolved by a reviewer who
// confirms it (FREEZE) or dismisses it (CLEAR), with a reason. Confirming a
// freeze resting on a crime-based or politically flagged listing, and
// dismissing a hit scored at or above the freeze threshold, need a second,
// different reviewer who agrees. When the two disagree the case stays
// open, marked disputed, and only a reviewer with the admin role (who took
// no side in the dispute) may decide it; that decision is final. Every
// step is logged before it takes effect, and the review state can be
// rebuilt from the log.

// ReviewAction is what a reviewer decides.
type ReviewAction string

// Review actions.
const (
	Confirm ReviewAction = "confirm" // the hit is the listed party: freeze
	Dismiss ReviewAction = "dismiss" // the hit is a false positive: release
)

// ReviewStatus is where a case stands.
type ReviewStatus string

// Review statuses.
const (
	StatusOpen           ReviewStatus = "open"            // waiting for a first reviewer
	StatusAwaitingSecond ReviewStatus = "awaiting-second" // one approval given, a different reviewer must agree
	StatusResolved       ReviewStatus = "resolved"
)

// RoleAdmin is the reviewer role that may decide a disputed case. The bank
// authenticates reviewers and says which role each has (ReviewAs).
const RoleAdmin = "admin"

// Review errors, for errors.Is.
var (
	ErrAdminRequired  = errors.New("screening: four eyes: the reviewers disagree, only an admin may decide this case")
	ErrReviewNotFound = errors.New("screening: no open review for this decision")
	ErrReviewResolved = errors.New("screening: review already resolved")
	ErrSameReviewer   = errors.New("screening: four eyes: the second approval must come from a different reviewer")
	ErrReviewInvalid  = errors.New("screening: invalid review step")
)

// ReviewStep is one reviewer's decision on a case.
type ReviewStep struct {
	Reviewer string       `json:"reviewer"`
	Action   ReviewAction `json:"action"`
	Reason   string       `json:"reason"`
	Time     time.Time    `json:"time"`
	// Role is the reviewer's role as the bank vouches for it (RoleAdmin
	// may decide a disputed case); empty for an ordinary reviewer.
	Role string `json:"role,omitempty"`
}

// ReviewCase is the review state of one held decision.
type ReviewCase struct {
	DecisionID string       `json:"decision_id"`
	Opened     time.Time    `json:"opened"`
	Status     ReviewStatus `json:"status"`
	Outcome    Outcome      `json:"outcome"` // HOLD until resolved, then FREEZE or CLEAR

	// ConfirmNeedsSecond and DismissNeedsSecond say which action needs a
	// second reviewer, and why.
	ConfirmNeedsSecond string `json:"confirm_needs_second,omitempty"`
	DismissNeedsSecond string `json:"dismiss_needs_second,omitempty"`

	// Disputed says two reviewers disagreed (one confirmed, the other
	// dismissed): the case stays open until an admin decides it.
	Disputed bool `json:"disputed,omitempty"`

	Pending *ReviewStep  `json:"pending,omitempty"` // the first approval awaiting a second
	Steps   []ReviewStep `json:"steps,omitempty"`   // every step, in order
}

// ReviewRecord is the body of an audit TypeReview record: one step and the
// state it led to.
type ReviewRecord struct {
	DecisionID string       `json:"decision_id"`
	Step       ReviewStep   `json:"step"`
	Status     ReviewStatus `json:"status"`
	Outcome    Outcome      `json:"outcome"`
	Disputed   bool         `json:"disputed,omitempty"`
}

// ReviewStore keeps review cases. A bank may back it with its case system;
// MemoryReviewStore is the in-memory implementation.
type ReviewStore interface {
	Get(ctx context.Context, decisionID string) (ReviewCase, bool, error)
	Put(ctx context.Context, c ReviewCase) error
}

// MemoryReviewStore is an in-memory ReviewStore, safe for concurrent use.
type MemoryReviewStore struct {
	mu sync.RWMutex
	m  map[string]ReviewCase
}

// NewMemoryReviewStore returns an empty store.
func NewMemoryReviewStore() *MemoryReviewStore {
	return &MemoryReviewStore{m: make(map[string]ReviewCase)}
}

// Get returns a copy of the case for a decision: editing it changes
// nothing in the store.
func (s *MemoryReviewStore) Get(_ context.Context, id string) (ReviewCase, bool, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.m[id]
	return c.clone(), ok, nil
}

// Put stores a copy of a case, replacing any earlier state: the caller's
// case shares no memory with the stored one afterwards.
func (s *MemoryReviewStore) Put(_ context.Context, c ReviewCase) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[c.DecisionID] = c.clone()
	return nil
}

// Cases returns a copy of every case, in the order they were opened
// (ties by decision id), for reports.
func (s *MemoryReviewStore) Cases() []ReviewCase {
	s.mu.RLock()
	cs := make([]ReviewCase, 0, len(s.m))
	for _, c := range s.m {
		cs = append(cs, c.clone())
	}
	s.mu.RUnlock()
	slices.SortFunc(cs, func(a, b ReviewCase) int {
		if c := a.Opened.Compare(b.Opened); c != 0 {
			return c
		}
		return strings.Compare(a.DecisionID, b.DecisionID)
	})
	return cs
}

// clone returns a copy of c that shares no memory with it (Steps and the
// Pending approval), so that the stored state the four-eyes check compares
// against can only change through Reviews.
func (c ReviewCase) clone() ReviewCase {
	c.Steps = slices.Clone(c.Steps)
	if c.Pending != nil {
		p := *c.Pending
		c.Pending = &p
	}
	return c
}

// Reviews runs the four-eyes workflow over a store, logging every step.
type Reviews struct {
	store ReviewStore
	log   audit.Log
	now   func() time.Time
	mu    sync.Mutex // serialises read-modify-write of cases
}

// NewReviews returns a workflow over store that logs to log. now may be nil
// (time.Now).
func NewReviews(store ReviewStore, log audit.Log, now func() time.Time) *Reviews {
	if now == nil {
		now = time.Now
	}
	return &Reviews{store: store, log: log, now: now}
}

// newCase opens a case for a HOLD decision, working out which actions need
// a second reviewer under the decision's policy.
func newCase(d *Decision) ReviewCase {
	c := ReviewCase{DecisionID: d.ID, Opened: d.Time, Status: StatusOpen, Outcome: Hold}
	var confirm, dismiss []string
	for _, h := range d.Hits() {
		if h.Outcome != Hold {
			continue
		}
		if d.Policy.FourEyesCrimeBased && h.HasFlag(FlagCrimeBased) {
			confirm = append(confirm, h.EntityID+" is listed under a crime-based programme")
		}
		if d.Policy.FourEyesPolitical && h.HasFlag(FlagPolitical) {
			confirm = append(confirm, h.EntityID+" is listed under a politically flagged programme")
		}
		if d.Policy.FourEyesDismissStrong && h.Score >= d.Policy.FreezeThreshold {
			dismiss = append(dismiss, fmt.Sprintf("%s scored %.2f, at or above the freeze threshold %.2f", h.EntityID, h.Score, d.Policy.FreezeThreshold))
		}
	}
	c.ConfirmNeedsSecond = strings.Join(confirm, "; ")
	c.DismissNeedsSecond = strings.Join(dismiss, "; ")
	return c
}

// apply moves a case by one step, or says why the step is refused. It is
// the one state machine both live review and replay use.
func (c *ReviewCase) apply(s ReviewStep) error {
	if c.Status == StatusResolved {
		return fmt.Errorf("%w: decision %s is %s", ErrReviewResolved, c.DecisionID, c.Outcome)
	}
	if strings.TrimSpace(s.Reviewer) == "" || strings.TrimSpace(s.Reason) == "" {
		return fmt.Errorf("%w: reviewer and reason are required", ErrReviewInvalid)
	}
	if s.Action != Confirm && s.Action != Dismiss {
		return fmt.Errorf("%w: action %q (want confirm or dismiss)", ErrReviewInvalid, s.Action)
	}
	resolve := func() {
		c.Status, c.Pending, c.Disputed = StatusResolved, nil, false
		if s.Action == Confirm {
			c.Outcome = Freeze
		} else {
			c.Outcome = Clear
		}
	}
	same := func(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }
	switch {
	case c.Disputed && s.Role != RoleAdmin:
		return fmt.Errorf("%w: decision %s (reviewer %s has role %q)", ErrAdminRequired, c.DecisionID, s.Reviewer, s.Role)
	case c.Disputed:
		// The admin's decision is final, but must come from outside the
		// dispute: a party to it cannot settle it.
		for _, p := range c.Steps {
			if same(p.Reviewer, s.Reviewer) {
				return fmt.Errorf("%w: %s took part in the dispute on decision %s", ErrSameReviewer, s.Reviewer, c.DecisionID)
			}
		}
		resolve()
	case c.Pending != nil && strings.EqualFold(strings.TrimSpace(c.Pending.Reviewer), strings.TrimSpace(s.Reviewer)):
		return fmt.Errorf("%w: %s already approved %s of decision %s", ErrSameReviewer, s.Reviewer, c.Pending.Action, c.DecisionID)
	case c.Pending != nil && c.Pending.Action == s.Action:
		resolve()
	case c.Pending != nil:
		// The second reviewer disagrees: the case stays open and held,
		// marked disputed, until an admin decides it.
		c.Status, c.Pending, c.Disputed = StatusOpen, nil, true
	case s.Action == Confirm && c.ConfirmNeedsSecond != "" || s.Action == Dismiss && c.DismissNeedsSecond != "":
		st := s
		c.Status, c.Pending = StatusAwaitingSecond, &st
	default:
		resolve()
	}
	c.Steps = append(c.Steps, s)
	return nil
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

// ReplayReviews rebuilds review state from an audit log's records: every
// HOLD decision opens a case and every review record replays its step
// through the same rules. A step the rules refuse, a review of an unknown
// decision, or a logged state that differs from the replayed one is an
// error naming the record's sequence number.
func ReplayReviews(ctx context.Context, recs iter.Seq2[audit.Record, error]) (*MemoryReviewStore, error) {
	st := NewMemoryReviewStore()
	for rec, err := range recs {
		if err != nil {
			return nil, fmt.Errorf("screening: replaying reviews: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		switch rec.Type {
		case audit.TypeDecision:
			var d Decision
			if err := json.Unmarshal(rec.Body, &d); err != nil {
				return nil, fmt.Errorf("screening: replaying reviews: record %d: decision body: %w", rec.Seq, err)
			}
			if d.Outcome == Hold {
				st.m[d.ID] = newCase(&d)
			}
		case audit.TypeReview:
			var rr ReviewRecord
			if err := json.Unmarshal(rec.Body, &rr); err != nil {
				return nil, fmt.Errorf("screening: replaying reviews: record %d: review body: %w", rec.Seq, err)
			}
			c, ok := st.m[rr.DecisionID]
			if !ok {
				return nil, fmt.Errorf("screening: replaying reviews: record %d: %w: %s", rec.Seq, ErrReviewNotFound, rr.DecisionID)
			}
			if err := c.apply(rr.Step); err != nil {
				return nil, fmt.Errorf("screening: replaying reviews: record %d: %w", rec.Seq, err)
			}
			// A logged dispute must replay as one; records written before
			// disputes were recorded carry no mark, so its absence is not
			// checked.
			if c.Status != rr.Status || c.Outcome != rr.Outcome || rr.Disputed && !c.Disputed {
				return nil, fmt.Errorf("screening: replaying reviews: record %d: logged state %s/%s, replay gives %s/%s", rec.Seq, rr.Status, rr.Outcome, c.Status, c.Outcome)
			}
			st.m[rr.DecisionID] = c
		}
	}
	return st, nil
}
