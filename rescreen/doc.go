// Package rescreen screens a bank's customer book against what changed
// between two snapshots of the sanctions lists, and reports only the
// customers whose result changed.
//
// When OFAC, the EU or the UN publish a change, every customer must be
// checked against what was added or changed at once, and customers whose
// listed match was removed must be considered for release. Screening the
// whole book against the whole list on every change is slow and brings
// back alerts reviewers have already dismissed. A Rescreener indexes only
// the delta, on both sides:
//
//   - the new side: entities added, and entities in both snapshots whose
//     change can move a decision (names, programmes, dates of birth,
//     identifiers, countries, ...; see Material) or whose cross-list
//     counterparts changed;
//   - the old side: entities removed, and the same changed entities as
//     they were.
//
// Each customer is probed once against one small index of both sides
// (screening.Subset);
// the few that may have a hit on a delta entity are screened in full
// against the old and the new snapshot by ordinary Screeners, so every
// decision is the one a full screen gives, with the same scorer,
// thresholds and cross-list resolution. Token rarity, the only statistic
// in scoring, is a static table in package fuzzy and does not depend on
// what is indexed. A customer is reported as
//
//   - new-hit: a hit on an added entity, or on a changed entity it did not
//     hit before (a new alias, date of birth, identifier or name);
//   - changed: a hit on a changed entity whose outcome moved (a new
//     programme makes a HOLD a FREEZE), or that is gone (HOLD to CLEAR);
//   - delisted: a hit in the old snapshot on an entity that was removed:
//     a candidate for release, which needs a review too.
//
// A reported customer's new decision is written to the audit log as a
// decision record, followed by a rescreen record (RecordType) that names
// the change, the entity hits behind it (the old hits of delisted
// entities included) and both snapshots. The result is a pure function of
// the two snapshots, the policy and the customer, so a book can be split
// into shards screened by separate processes.
package rescreen
