package screening

import (
	"fmt"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
)

// Date-of-birth evidence: a party's date of birth (read by
// parseBirthDate) against the listed dates.

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
