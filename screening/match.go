package screening

import (
	"fmt"
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

// Evidence weights, added to the name score (the package doc states them
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

// normNumber normalises a document or registration number: letters and
// digits only, upper case; "IMO 9187629" and "9187629" are the same ship.
func normNumber(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	n := b.String()
	if len(n) == 10 && strings.HasPrefix(n, "IMO") {
		n = n[3:]
	}
	return n
}

// normBIC reduces a BIC to its 8-character institution code; a BIC11 with
// any branch names the same bank.
func normBIC(s string) string {
	n := normNumber(s)
	if len(n) != 8 && len(n) != 11 {
		return ""
	}
	return n[:8]
}

// normCrypto normalises a wallet address: spaces stripped, lower case.
func normCrypto(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// partialDate is a party's date of birth: Month and Day are zero when unknown.
type partialDate struct{ Year, Month, Day int }

func (d partialDate) full() bool { return d.Day != 0 }

func (d partialDate) String() string {
	switch {
	case d.Day != 0:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case d.Month != 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d", d.Year)
}

// dobPrecision describes the party's date of birth without its value:
// evidence lines name only the listed dates, so a redacting audit log can
// hide the party's date of birth.
func dobPrecision(d partialDate) string {
	switch {
	case d.Day != 0:
		return "full date of birth"
	case d.Month != 0:
		return "month of birth"
	}
	return "year of birth"
}

// dobEvidence compares a party's date of birth with the listed ones. Any
// listed date that agrees wins (lists give several alternatives); a
// conflict is reported only when all of them disagree. A date read two
// ways (an ambiguous day/month order) takes the better of its readings:
// the party wrote one of them, and which one is not known.
func dobEvidence(br birthReadings, dates []lists.Date) (Evidence, bool) {
	best, ok := dobEvidenceOne(br[0], dates)
	if br.one() {
		return best, ok
	}
	if alt, altOK := dobEvidenceOne(br[1], dates); altOK && (!ok || alt.Weight > best.Weight) {
		best, ok = alt, true
	}
	if ok {
		best.Detail += " (one of two readings of an ambiguous day/month order)"
	}
	return best, ok
}

func dobEvidenceOne(pd partialDate, dates []lists.Date) (Evidence, bool) {
	if pd.Year == 0 || len(dates) == 0 {
		return Evidence{}, false
	}
	best := Evidence{Fact: "dob", Effect: "against", Weight: 1}
	for _, ld := range dates {
		e := compareDate(pd, ld)
		if e.Effect == "neutral" {
			continue
		}
		if best.Weight == 1 || e.Weight > best.Weight {
			best = e
		}
	}
	if best.Weight == 1 {
		return Evidence{}, false
	}
	if best.Effect == "against" {
		texts := make([]string, len(dates))
		for i, ld := range dates {
			texts[i] = dateText(ld)
		}
		best.Detail = fmt.Sprintf("%s conflicts with every listed date (%s)", dobPrecision(pd), strings.Join(texts, "; "))
	}
	return best, true
}

func dateText(d lists.Date) string {
	if d.Text != "" {
		return d.Text
	}
	s := partialDate{d.Year, d.Month, d.Day}.String()
	switch d.Kind {
	case lists.DateCirca:
		return "circa " + s
	case lists.DateRange:
		return s + " to " + partialDate{d.ToYear, d.ToMonth, d.ToDay}.String()
	}
	return s
}

// compareDate compares a party's date of birth with one listed date. A
// conflict is strong (wDOBConflict, blocks FREEZE) when the party gives a
// full date and the listed date either is a full date that differs or is
// more than dobFarYears off (beyond its own slack for circa dates and
// ranges); any other conflict is weak (wDOBYearOff).
func compareDate(pd partialDate, ld lists.Date) Evidence {
	if ld.Year == 0 {
		return Evidence{Fact: "dob", Effect: "neutral"}
	}
	lt := dateText(ld)
	against := func(off int, detail string) Evidence {
		if pd.full() && off > dobFarYears {
			return Evidence{Fact: "dob", Effect: "against", Strong: true, Weight: wDOBConflict, Detail: detail}
		}
		return Evidence{Fact: "dob", Effect: "against", Weight: wDOBYearOff, Detail: detail}
	}
	switch ld.Kind {
	case lists.DateRange:
		to := ld.ToYear
		if to == 0 {
			to = ld.Year
		}
		lo, hi := min(ld.Year, to), max(ld.Year, to)
		if pd.Year >= lo && pd.Year <= hi {
			return Evidence{Fact: "dob", Effect: "for", Weight: wDOBYear, Detail: "year of birth within listed range " + lt}
		}
		return against(max(lo-pd.Year, pd.Year-hi), "year of birth outside listed range "+lt)
	case lists.DateCirca:
		off := abs(pd.Year - ld.Year)
		if off <= dobCircaYears {
			return Evidence{Fact: "dob", Effect: "for", Weight: wDOBApprox, Detail: "year of birth within two years of listed " + lt}
		}
		return against(off-dobCircaYears, "year of birth more than two years from listed "+lt)
	}
	// Exact, at whatever precision both sides have.
	bothFull := pd.full() && ld.Day != 0
	conflict := fmt.Sprintf("%s conflicts with listed %s", dobPrecision(pd), lt)
	if pd.Year != ld.Year {
		if bothFull {
			return Evidence{Fact: "dob", Effect: "against", Strong: true, Weight: wDOBConflict, Detail: conflict}
		}
		return against(abs(pd.Year-ld.Year), "year of birth differs from listed "+lt)
	}
	if pd.Month != 0 && ld.Month != 0 && pd.Month != ld.Month || pd.Day != 0 && ld.Day != 0 && pd.Day != ld.Day {
		if bothFull {
			return Evidence{Fact: "dob", Effect: "against", Strong: true, Weight: wDOBConflict, Detail: conflict}
		}
		return Evidence{Fact: "dob", Effect: "against", Weight: wDOBYearOff, Detail: conflict}
	}
	if bothFull {
		return Evidence{Fact: "dob", Effect: "for", Weight: wDOBExact, Detail: "full date of birth equals listed " + lt}
	}
	return Evidence{Fact: "dob", Effect: "for", Weight: wDOBYear, Detail: fmt.Sprintf("%s agrees with listed %s", dobPrecision(pd), lt)}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// entityCountries returns every country an entity is tied to.
func entityCountries(e *lists.Entity) []string {
	var cs []string
	add := func(c string) {
		c = strings.ToUpper(strings.TrimSpace(c))
		if len(c) == 2 && !slices.Contains(cs, c) {
			cs = append(cs, c)
		}
	}
	for _, c := range e.Nationalities {
		add(c)
	}
	for _, c := range e.Citizenships {
		add(c)
	}
	for _, p := range e.BirthPlaces {
		add(p.Country)
	}
	for _, a := range e.Addresses {
		add(a.Country)
	}
	if e.Vessel != nil {
		add(e.Vessel.Flag)
	}
	return cs
}

// Evidence details name the listed facts, not the party's: the party is
// recorded once, under keys a redacting audit log hides (name, dob,
// documents, ...), and details are not redacted.

func countryEvidence(country string, e *lists.Entity) (Evidence, bool) {
	c := strings.ToUpper(strings.TrimSpace(country))
	if c == "" {
		return Evidence{}, false
	}
	cs := entityCountries(e)
	if len(cs) == 0 {
		return Evidence{}, false
	}
	if slices.Contains(cs, c) {
		return Evidence{Fact: "country", Effect: "for", Weight: wCountryAgree, Detail: fmt.Sprintf("the party's country is among the listed nationalities, addresses and places of birth (%s)", strings.Join(cs, ", "))}, true
	}
	// A former state and its successors are compatible: born in the USSR
	// (SU) and living in Russia is not a disagreement (nor a confirmation).
	for _, l := range cs {
		if slices.Contains(lists.CountrySuccessors(l), c) || slices.Contains(lists.CountrySuccessors(c), l) {
			return Evidence{Fact: "country", Effect: "neutral", Detail: fmt.Sprintf("the party's country %s and the listed %s are a former state and its successor", c, l)}, true
		}
	}
	return Evidence{Fact: "country", Effect: "against", Weight: wCountryDiffer, Detail: fmt.Sprintf("the party's country is not among the listed countries (%s)", strings.Join(cs, ", "))}, true
}

func genderEvidence(g string, e *lists.Entity) (Evidence, bool) {
	g = strings.ToLower(strings.TrimSpace(g))
	if g == "m" {
		g = "male"
	} else if g == "f" {
		g = "female"
	}
	if g == "" || e.Gender == "" || e.Kind != lists.Person {
		return Evidence{}, false
	}
	if strings.EqualFold(g, e.Gender) {
		return Evidence{Fact: "gender", Effect: "neutral", Detail: "the party's gender agrees with the listed one"}, true
	}
	return Evidence{Fact: "gender", Effect: "against", Strong: true, Weight: wGenderDiffer, Detail: "the party's gender differs from listed " + e.Gender}, true
}

// kindEvidence weighs a party's kind against the listed one. A person and
// a vessel or aircraft cannot be the same (wKindFar); a person and an
// organisation are confused often enough, by banks and by the message
// structure a payment party's kind is read from, that the mismatch only
// weighs wKindNear; an organisation and a vessel or aircraft (ships are
// often named after their owners) weigh wKindOther. Every mismatch blocks
// FREEZE.
func kindEvidence(k lists.Kind, e *lists.Entity) (Evidence, bool) {
	if k == "" || k == lists.UnknownKind || e.Kind == "" || e.Kind == lists.UnknownKind || k == e.Kind {
		return Evidence{}, false
	}
	craft := func(k lists.Kind) bool { return k == lists.Vessel || k == lists.Aircraft }
	ev := Evidence{Fact: "kind", Effect: "against", Strong: true, Weight: wKindOther, Detail: fmt.Sprintf("screened as %s, listed as %s", k, e.Kind)}
	switch {
	case (k == lists.Person) != (e.Kind == lists.Person) && (craft(k) || craft(e.Kind)), craft(k) && craft(e.Kind):
		ev.Weight, ev.Detail = wKindFar, fmt.Sprintf("%s %s is not %s %s", article(k), k, article(e.Kind), e.Kind)
	case k == lists.Person || e.Kind == lists.Person:
		ev.Weight, ev.Detail = wKindNear, fmt.Sprintf("screened as %s, listed as %s: person and organisation are often confused, the name decides", k, e.Kind)
	}
	return ev, true
}

func article(k lists.Kind) string {
	if k == lists.Organization || k == lists.Aircraft {
		return "an"
	}
	return "a"
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
