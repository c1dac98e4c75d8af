// Package screening turns sanctions-list candidates into decisions a bank
// can act on and defend: FREEZE, HOLD or CLEAR, each with the legal regime,
// the reporting deadline, the retention date and the judicial-oversight
// facts (DOMAIN.md §5) behind it.
//
// A Screener is built from a lists.Snapshot under a Policy (which lists bind
// the bank by law, which it screens as risk, thresholds, four-eyes rules).
// It indexes every name of every entity for fuzzy search, plus exact-name
// and identifier lookups, and resolves the same person across the OFAC, EU
// and UN lists at build time. Screen weighs the name score against the
// party's secondary facts (date of birth, country, gender, kind,
// identifiers); Decide does so for every party of a payment and takes the
// most severe outcome.
//
// FREEZE needs strong evidence: a near-exact match (score at or above
// Policy.FreezeThreshold with no name token left unmatched) on a strong name
// of a binding list, corroborated by a secondary fact, and nothing strong
// against it; or an exact identifier match. Uncertain matches are held for review (Reviews, four eyes), never
// frozen automatically, and near-misses are logged with clean decisions.
// Every decision is appended to the audit log before Decide returns.
package screening
