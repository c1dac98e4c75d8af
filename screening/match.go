package screening

import (
	"slices"
	"strings"
	"unicode"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/internal/fold"
	"github.com/freezeguard/freezeguard/lists"
)

// Entity-level matching: the fuzzy name score is only the start. Secondary
// facts (date of birth, country, gender, kind, identifiers) move it up or
// down, and each one leaves an evidence line for the reviewer.

// Evidence weights, added to the name score (docs/decisions.md states them
// for a compliance officer). They are sized against the thresholds: a hit
// needs 0.80 (fuzzy.Threshold), a near-miss is kept from 0.70, and a name
// missing one of its tokens scores about 0.90 to 0.96.
//
// A date of birth that conflicts with every listed date by more than a
// couple of years, or a full date that differs from a full listed date,
// weighs wDOBConflict: enough to take any partial name match (below 1)
// under the hold threshold to a near-miss, not enough to clear an exact
// one (see the near-exact floor in evaluate: lists carry wrong dates, so a
// person decides). A nearer miss (a year or two off, a month that differs)
// weighs wDOBYearOff: lists often give an approximate year.
//
// A kind mismatch weighs by how far apart the kinds are: a vessel or an
// aircraft is not a person (wKindFar: an exact name drops to a
// near-miss), but a person and an organisation are often confused when the
// kind is guessed from a payment message's structure (an organisation id
// next to a person's name), so that mismatch (wKindNear) leaves an exact
// name held. Both block FREEZE.
const (
	wDOBExact      = 0.10
	wDOBYear       = 0.04
	wDOBApprox     = 0.03
	wDOBConflict   = -0.25
	wDOBYearOff    = -0.10
	wCountryAgree  = 0.03
	wCountryDiffer = -0.05
	wGenderDiffer  = -0.10
	wKindFar       = -0.30
	wKindNear      = -0.10
	wKindOther     = -0.15
	wWeakAliasAlso = 0.02

	// dobFarYears is how many years a listed date may be off before a
	// party's full date of birth is strong evidence against the listing.
	dobFarYears = 2
	// dobCircaYears is the slack a "circa" listed year has.
	dobCircaYears = 2

	maxQueryBytes   = 1024 // longest name or free-text line screened
	maxDocuments    = 64   // most documents or owners per party
	maxParties      = 1024 // most parties and text lines per payment
	minIdentifierLn = 5
)

// nameKey normalises a name for exact lookup: accents folded (fold.String:
// compatibility decomposition, marks removed, lower case), punctuation to
// spaces, tokens sorted (so "ZAMBADA GARCIA, Ismael" and "Ismael Zambada
// Garcia" meet).
func nameKey(s string) string {
	toks := strings.FieldsFunc(fold.String(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	slices.Sort(toks)
	return strings.Join(toks, " ")
}

// MatchKind is the fuzzy kind a list kind is matched as: the one mapping
// between the two models, used wherever list data meets the matcher.
func MatchKind(k lists.Kind) fuzzy.Kind {
	switch k {
	case lists.Person:
		return fuzzy.KindPerson
	case lists.Organization:
		return fuzzy.KindOrganization
	case lists.Vessel:
		return fuzzy.KindVessel
	case lists.Aircraft:
		return fuzzy.KindAircraft
	}
	return fuzzy.KindUnknown
}

func clamp01(x float64) float64 {
	return max(0, min(1, x))
}
