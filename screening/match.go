package screening

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/lists"
)

// Entity-level matching: the fuzzy name score is only the start. Secondary
// facts (date of birth, country, gender, kind, identifiers) move it up or
// down, and each one leaves an evidence line for the reviewer.

// Evidence weights. A conflicting full date of birth or a kind mismatch
// (a vessel is not a person) is strong evidence against and blocks FREEZE.
const (
	wDOBExact       = 0.10
	wDOBYear        = 0.04
	wDOBApprox      = 0.03
	wDOBConflict    = -0.15
	wDOBYearOff     = -0.10
	wCountryAgree   = 0.03
	wCountryDiffer  = -0.05
	wGenderDiffer   = -0.10
	wKindMismatch   = -0.30
	wKindDiffer     = -0.15
	wWeakAliasAlso  = 0.02
	maxQueryBytes   = 1024 // longest name or free-text line screened
	maxDocuments    = 64   // most documents or owners per party
	maxParties      = 1024 // most parties and text lines per payment
	minIdentifierLn = 5
)

// nameKey normalises a name for exact lookup: compatibility decomposition,
// marks removed, lower case, punctuation to spaces, tokens sorted (so
// "ZAMBADA GARCIA, Ismael" and "Ismael Zambada Garcia" meet).
func nameKey(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	toks := strings.Fields(b.String())
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

// parseBirthDate parses YYYY, YYYY-MM or YYYY-MM-DD.
func parseBirthDate(s string) (partialDate, error) {
	var d partialDate
	parts := strings.Split(strings.TrimSpace(s), "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return d, fmt.Errorf("date of birth %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	vals := make([]int, len(parts))
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || p == "" {
			return d, fmt.Errorf("date of birth %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return d, fmt.Errorf("date of birth %q: %q is not a number", s, p)
		}
		vals[i] = v
	}
	d.Year = vals[0]
	if d.Year < 1800 || d.Year > 2200 {
		return d, fmt.Errorf("date of birth %q: year out of range", s)
	}
	if len(vals) > 1 {
		d.Month = vals[1]
		if d.Month < 1 || d.Month > 12 {
			return d, fmt.Errorf("date of birth %q: month out of range", s)
		}
	}
	if len(vals) > 2 {
		d.Day = vals[2]
		if d.Day < 1 || d.Day > 31 {
			return d, fmt.Errorf("date of birth %q: day out of range", s)
		}
	}
	return d, nil
}

// dobEvidence compares a party's date of birth with the listed ones. Any
// listed date that agrees wins (lists give several alternatives); a
// conflict is reported only when all of them disagree.
func dobEvidence(pd partialDate, dates []lists.Date) (Evidence, bool) {
	if pd.Year == 0 || len(dates) == 0 {
		return Evidence{}, false
	}
	best := Evidence{Fact: "dob", Effect: "against", Weight: 1}
	var texts []string
	for _, ld := range dates {
		texts = append(texts, dateText(ld))
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

func compareDate(pd partialDate, ld lists.Date) Evidence {
	e := Evidence{Fact: "dob"}
	if ld.Year == 0 {
		e.Effect = "neutral"
		return e
	}
	lt := dateText(ld)
	switch ld.Kind {
	case lists.DateRange:
		to := ld.ToYear
		if to == 0 {
			to = ld.Year
		}
		if pd.Year >= ld.Year && pd.Year <= to {
			return Evidence{Fact: "dob", Effect: "for", Weight: wDOBYear, Detail: "year of birth within listed range " + lt}
		}
		return Evidence{Fact: "dob", Effect: "against", Weight: wDOBYearOff, Detail: "year of birth outside listed range " + lt}
	case lists.DateCirca:
		if abs(pd.Year-ld.Year) <= 2 {
			return Evidence{Fact: "dob", Effect: "for", Weight: wDOBApprox, Detail: "year of birth within two years of listed " + lt}
		}
		return Evidence{Fact: "dob", Effect: "against", Weight: wDOBYearOff, Detail: "year of birth more than two years from listed " + lt}
	}
	// Exact, at whatever precision both sides have.
	if pd.Year != ld.Year {
		if pd.full() && ld.Day != 0 {
			return Evidence{Fact: "dob", Effect: "against", Strong: true, Weight: wDOBConflict, Detail: fmt.Sprintf("%s conflicts with listed %s", dobPrecision(pd), lt)}
		}
		return Evidence{Fact: "dob", Effect: "against", Weight: wDOBYearOff, Detail: "year of birth differs from listed " + lt}
	}
	if pd.Month != 0 && ld.Month != 0 && pd.Month != ld.Month || pd.Day != 0 && ld.Day != 0 && pd.Day != ld.Day {
		return Evidence{Fact: "dob", Effect: "against", Strong: pd.full() && ld.Day != 0, Weight: wDOBConflict, Detail: fmt.Sprintf("%s conflicts with listed %s", dobPrecision(pd), lt)}
	}
	if pd.full() && ld.Day != 0 {
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
		return Evidence{Fact: "country", Effect: "for", Weight: wCountryAgree, Detail: fmt.Sprintf("country %s matches listed nationality, address or place of birth", c)}, true
	}
	return Evidence{Fact: "country", Effect: "against", Weight: wCountryDiffer, Detail: fmt.Sprintf("country %s not among listed countries %s", c, strings.Join(cs, ", "))}, true
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
		return Evidence{Fact: "gender", Effect: "neutral", Detail: "gender " + g + " agrees"}, true
	}
	return Evidence{Fact: "gender", Effect: "against", Strong: true, Weight: wGenderDiffer, Detail: fmt.Sprintf("gender %s differs from listed %s", g, e.Gender)}, true
}

func kindEvidence(k lists.Kind, e *lists.Entity) (Evidence, bool) {
	if k == "" || k == lists.UnknownKind || e.Kind == "" || e.Kind == lists.UnknownKind || k == e.Kind {
		return Evidence{}, false
	}
	if k == lists.Person || e.Kind == lists.Person {
		return Evidence{Fact: "kind", Effect: "against", Strong: true, Weight: wKindMismatch, Detail: fmt.Sprintf("a %s is not a %s", k, e.Kind)}, true
	}
	return Evidence{Fact: "kind", Effect: "against", Weight: wKindDiffer, Detail: fmt.Sprintf("screened as %s, listed as %s", k, e.Kind)}, true
}

func fuzzyKind(k lists.Kind) fuzzy.Kind {
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
