// Package screening turns sanctions-list candidates into decisions a bank
// can act on and defend: FREEZE, HOLD or CLEAR, each with the legal regime,
// the reporting deadline, the retention date and the judicial-oversight
// facts (docs/decisions.md) behind it.
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
// against it; or an exact identifier match. Uncertain matches are held for
// review (Reviews, four eyes), never frozen automatically, and near-misses
// are logged with clean decisions. Every decision is appended to the audit
// log before Decide returns.
//
// Beyond names, Decide reads a payment as a compliance officer does: free
// text (remittance information, narrative fields, address lines) is
// searched for listed names as word windows (freetext.go); every country
// code, address, town, BIC, IBAN, phone number and the currency are
// checked against curated, cited embargo tables (embargo.go,
// EMBARGOED_JURISDICTION); and a reviewer's "this party is not that
// entity" record (RecordKnownGood) clears later hits of that party on that
// entity until the entity's data changes (KNOWN_FALSE_POSITIVE).
//
// # How a decision is made
//
// Each listed name scores from 0 to 1 against the party's name (1: the
// same name after case, accents, punctuation, word order and
// transliteration; a name with one token missing scores about 0.90 to
// 0.96). The best current strong name of each listed entity counts;
// former names (f.k.a.) and weak aliases count only when no strong name
// reaches the hold threshold. The party's other facts then add to or take
// from the name score:
//
//	date of birth   equal full date +0.10; same year (or month) +0.04;
//	                within a listed "circa" or range +0.03 or +0.04;
//	                a full date that differs from a full listed date, or
//	                is more than 2 years from every listed date: -0.25
//	                (strong); any nearer miss -0.10
//	country         among the listed nationalities, addresses, places of
//	                birth +0.03; not among them -0.05
//	gender          differs from the listed one -0.10 (strong)
//	kind            vessel or aircraft vs person, vessel vs aircraft -0.30;
//	                organisation vs vessel or aircraft -0.15; person vs
//	                organisation -0.10
//	                (a payment's kind is often guessed from its structure);
//	                every mismatch is strong
//	weak alias      also matches, beside a strong name: +0.02
//	identifier      a listed document, registration, IMO, BIC or wallet
//	                number: the score is 1
//
// With the default policy a candidate scoring 0.80 or more (HoldThreshold)
// is a hit, and one from 0.70 (NearMissThreshold) is kept as a near-miss
// (the best three per party). A hit is FROZEN only with a name score of
// 0.95 or more (FreezeThreshold), no name token unmatched, a strong name,
// a binding list, an agreeing date of birth or country, and no strong
// evidence against; or on an identifier match with nothing strong against.
// Every other hit is HELD for a reviewer. Two rules keep the weights
// honest: a conflicting date of birth takes any partial name under the
// hold threshold, yet lists carry wrong dates, so date of birth, country
// and gender alone never take a near-exact whole name below the hold
// threshold (the score stops at 0.80 and the hit is held, never frozen);
// only a kind mismatch can. The same person on several
// lists is found by a shared UN reference or identifier; a shared name with
// an agreeing date of birth (or nationality, when a list gives no date)
// links two entries only when no other entry of either list has that name
// and agrees as well, and such links never chain, so that common names are
// not merged into one person. A hit that rests on a weak alias, whether
// the alias reaches the hold threshold alone or the party's facts lift it
// there, carries WEAK_ALIAS_ONLY and is held, never frozen (OFAC FAQs
// 122-125).
//
// A date of birth or country that cannot be read (1974-02-31, "XX") is
// not evidence and not an error: the party is screened on its name, the
// field is flagged FlagInputFieldInvalid on the party and on each of its
// hits, and a party with hits is held as any other. Dates are read in
// the usual forms (1969-7-16, 16/07/1969, 16.07.1969, 16 Jul 1969, July
// 16, 1969, 1969-07, 1969), an ambiguous day/month order (04/05/1970)
// both ways; countries as ISO codes in any case or as names
// (lists.ParseCountry).
//
// # Oversight flags
//
// Whether a programme is crime-based is the lists taxonomy's call
// (lists.Program.Class); oversight.json holds only what the taxonomy does
// not know: the citations the flags quote, the programmes resting on
// foreign proceedings, under the EU blocking statute or open to political
// use, review cycles and renewal dates, and the death-penalty states. A row
// keyed on a regulation number matches it whole (lists.HasRegulation), as
// the taxonomy does.
//
// # Errors and sharing
//
// Screen, Decide, Reload and Reviews.Review wrap ErrInvalidParty or
// ErrInvalidPayment when the input is at fault and ErrAuditLog when the
// audit log refused the record, so that a caller can reject the input in
// one case and stop in the other. A returned Decision, Policy or
// ReviewCase is the caller's: it shares no memory with the Screener, its
// snapshot or the review store.
package screening
