// Package screening decides whether a party or a payment may go through:
// FREEZE, HOLD or CLEAR, with the legal regime, the reporting deadline and
// the judicial-oversight flags behind it, each decision logged before it is
// returned.
//
//	s, err := screening.New(ctx, snap, screening.Options{
//		Policy:  screening.DefaultPolicy(screening.JurisdictionEU),
//		Log:     alog, // an audit.Log: every decision is appended to it
//		Reviews: screening.NewReviews(screening.NewMemoryReviewStore(), alog, nil),
//	})
//	if err != nil {
//		return err
//	}
//	d, err := s.Decide(ctx, payment)
//	if err != nil {
//		return err // no decision: the payment must not go through
//	}
//	switch d.Outcome {
//	case screening.Freeze: // block the funds, report by d.ReportBy
//	case screening.Hold: // a reviewer confirms or dismisses (Reviews)
//	case screening.Clear: // release
//	}
//
// A [Screener] is built once from a [lists.Snapshot] under a [Policy] and
// shared: it is safe for concurrent use, and [Screener.Reload] swaps the
// lists atomically. [Screener.Screen] screens one [Party];
// [Screener.Decide] screens every party and the free text of a [Payment]
// and takes the most severe outcome. A [Decision] lists each party's
// [Hit] values with their [Evidence] and [Flag] values.
//
// FREEZE needs a near-exact match of a strong name on a binding list,
// corroborated and with nothing strong against it, or an exact identifier
// match; every other hit is a HOLD for [Reviews], the four-eyes workflow,
// and [Screener.RecordKnownGood] records a reviewer's "this party is not
// that entity". The rules, the evidence weights and the flags with their
// legal sources are in docs/decisions.md.
//
// Errors wrap [ErrInvalidParty] or [ErrInvalidPayment] when the input is at
// fault and [ErrAuditLog] when the log refused the record. A returned
// [Decision], [Policy] or [ReviewCase] shares no memory with the
// [Screener], its snapshot or the review store.
package screening
