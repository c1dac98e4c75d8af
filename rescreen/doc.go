// Package rescreen screens a bank's customer book against what changed
// between two snapshots of the sanctions lists, and reports only the
// customers whose result changed.
//
//	r, err := rescreen.New(ctx, old, cur, rescreen.Options{Policy: pol, Log: alog})
//	if err != nil {
//		return err
//	}
//	_, err = r.Run(ctx, customers, workers, func(res rescreen.Result) error {
//		// res.Change: NewHit, Changed or Delisted; res.Hits say which
//		// entities; res.Decision is the new decision, already logged.
//		return out.Encode(res)
//	})
//
// A [Rescreener] indexes only the delta between the snapshots: entities
// added or removed, and both versions of those whose change can move a
// decision ([Material]). A customer costs one probe of that index; the few
// that may hit a delta entity are screened in full against both snapshots
// by ordinary Screeners, so every reported decision is the one a full
// screen gives. A customer is reported as [NewHit], [Changed] or
// [Delisted] (a candidate for release, which needs a review).
// [Rescreener.Check] rescreens one customer. Each reported
// customer's decision is followed in the audit log by a [RecordType]
// record naming the change, its hits and both snapshots ([Record]). The
// result depends only on the snapshots, the policy and the customer, so a
// book can be split into shards run by separate processes.
//
// Why the delta is indexed on both sides and how the changes are told
// apart is in docs/design.md.
package rescreen
