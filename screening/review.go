package screening

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
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
//
// The workflow is this file set, review*.go, and needs nothing else of the
// package but the Decision it reviews and ErrAuditLog:
//
//	review.go           the case, its steps and the rules (apply): one
//	                    state machine for live review and for replay
//	review_workflow.go  Reviews: Open, Review, ReviewAs and Case, each step
//	                    logged before it is stored
//	review_store.go     ReviewStore, where cases live, and MemoryReviewStore
//	review_replay.go    ReplayReviews: the cases rebuilt from an audit log
//
// Of a Decision it reads the id, time and outcome, the policy's four-eyes
// settings and freeze threshold, and the held hits' scores and CRIME_BASED
// and POLITICAL flags. The rest of the package reaches the workflow only
// through ReviewQueue. A service or a shared (PostgreSQL) audit store uses
// it without a Screener: ReplayReviews over the store's records, then
// NewReviews over the cases it returns.

// ReviewQueue is what the Screener needs of the review workflow: it opens a
// case for every HOLD decision (Options.Reviews), and RecordKnownGood asks
// whether the decision a known-good record cites was dismissed. *Reviews
// implements it; a bank with its own case system may too.
type ReviewQueue interface {
	Open(ctx context.Context, d *Decision) error
	Case(ctx context.Context, decisionID string) (ReviewCase, bool, error)
}

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
