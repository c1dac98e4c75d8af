package screening

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"

	"github.com/freezeguard/freezeguard/screening/audit"
)

// Review state rebuilt from the audit log (see review.go).

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
