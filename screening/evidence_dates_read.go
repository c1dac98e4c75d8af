package screening

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/freezeguard/freezeguard/internal/fold"
)

// Dates of birth as banks' records and payment messages write them. A
// party's date of birth is only evidence for or against a listed person,
// so a date that cannot be read is not a reason to stop screening: the
// party is screened on its name and the field is flagged
// (FlagInputFieldInvalid). Reading a date wrongly would be worse than not
// reading it, so only unambiguous forms are read as one date, day/month
// orders that could be either are read both ways, and anything else is
// refused with the reason.
//
// Read:
//
//	1969-07-16, 1969-7-16, 1969/07/16, 1969.07.16, 19690716 (year first)
//	16/07/1969, 16-07-1969, 07/16/1969 (day or month first: a part over 12
//	                     is the day; 04/05/1970 is read both ways)
//	16.07.1969           (dots: day first, the European and Russian use)
//	16 Jul 1969, 16-JUL-1969, 16th July 1969, July 16, 1969, Jul 16 1969,
//	16 de julio de 1969  (month names and abbreviations in English, French,
//	                     German, Spanish, Italian, Portuguese and Dutch)
//	1969-07, 07/1969, July 1969, 1969
//	1969-07-16T00:00:00Z, 1969-07-16 00:00 (the time is ignored)
//	1969-07-00, 1969-00-00 (a zero day or month: not known, as some
//	                     systems write it)
//
// Refused: doubled separators (1952--09-07), two-digit years (16/07/69: which century?), impossible days
// and months (1974-02-31, 1968-13-30, 1974-01-32), signs and other
// characters (1952-+9-07), years before 1800 or after 2200, and a date
// after the decision (checked by the caller, which knows the time).

// birthReadings is a party's date of birth as read: one date, or two when
// the day and month order is ambiguous ("04/05/1970": 4 May or 5 April).
// The second reading has Year 0 when there is only one.
type birthReadings [2]partialDate

// one reports whether there is exactly one reading.
func (r birthReadings) one() bool { return r[1].Year == 0 }

// maxBirthDateBytes bounds the text parseBirthDate reads.
const maxBirthDateBytes = 64

// parseBirthDate reads a date of birth in the forms listed above.
func parseBirthDate(s string) (birthReadings, error) {
	var r birthReadings
	s = strings.TrimSpace(s)
	if s == "" {
		return r, fmt.Errorf("empty")
	}
	if len(s) > maxBirthDateBytes {
		return r, fmt.Errorf("%d bytes, too long for a date", len(s))
	}
	toks, err := dateTokens(stripTime(s))
	if err != nil {
		return r, err
	}
	var nums []dateToken
	month := 0
	for _, t := range toks {
		if t.num {
			nums = append(nums, t)
			continue
		}
		m, ok := monthNames[t.text]
		if !ok {
			return r, fmt.Errorf("%q is not a month name", t.text)
		}
		if month != 0 {
			return r, fmt.Errorf("two month names")
		}
		month = m
	}
	if month != 0 {
		return withMonthName(nums, month)
	}
	return numeric(nums, toks)
}

// stripTime drops a time of day after a date: "1969-07-16T00:00:00Z",
// "1969-07-16 00:00". A time is a space or "T" after the date followed by
// hh:mm.
func stripTime(s string) string {
	for i := 8; i < len(s); i++ {
		if (s[i] == 'T' || s[i] == ' ') && i+3 < len(s) && isDigit(s[i+1]) && isDigit(s[i+2]) && s[i+3] == ':' && isDigit(s[i-1]) {
			return s[:i]
		}
	}
	return s
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// dateToken is a run of digits or of letters, with the separator that
// came before it.
type dateToken struct {
	text string
	num  bool
	sep  byte // ' ', '-', '/', '.', ',' or 0 for none (the first token)
}

// fillers are words that may stand between the parts of a written date:
// "16th of July", "16 de julio de 1969", "le 16 juillet".
var fillers = map[string]bool{"of": true, "the": true, "de": true, "del": true, "le": true, "den": true, "am": true}

// ordinals are the suffixes of "16th", "1st", "2nd", "3rd", "1er", "1re".
var ordinals = map[string]bool{"st": true, "nd": true, "rd": true, "th": true, "er": true, "re": true}

// dateTokens splits s into numbers and words, folding accents and case
// ([fold.String]), dropping ordinal suffixes and filler words. Any
// character other than a letter, a digit, a space or one of - / . , is an
// error: "1952-+9-07" is not a date.
func dateTokens(s string) ([]dateToken, error) {
	var toks []dateToken
	var sep byte
	s = fold.String(s)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			toks = append(toks, dateToken{text: s[i:j], num: true, sep: sep})
			sep, i = 0, j
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r, w := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += w
			}
			word := s[i:j]
			switch {
			case ordinals[word] && len(toks) > 0 && toks[len(toks)-1].num && i > 0 && isDigit(s[i-1]):
			case fillers[word]:
			default:
				toks = append(toks, dateToken{text: word, sep: sep})
				sep = 0
			}
			i = j
		case r == ' ':
			if sep == 0 {
				sep = ' '
			}
			i += w
		case r == '-' || r == '/' || r == '.' || r == ',':
			// One mark between two parts, with spaces around it or not
			// ("July 16, 1969": the comma counts, not the space).
			if sep != 0 && sep != ' ' {
				return nil, fmt.Errorf("%q after %q", r, sep)
			}
			sep = byte(r)
			i += w
		default:
			return nil, fmt.Errorf("%q is not part of a date", r)
		}
	}
	if len(toks) == 0 {
		return nil, fmt.Errorf("no digits or month name")
	}
	return toks, nil
}

// withMonthName reads a date with its month written as a word: the
// number of four digits is the year, one of one or two digits the day.
func withMonthName(nums []dateToken, month int) (birthReadings, error) {
	var r birthReadings
	year, day := 0, 0
	for _, t := range nums {
		switch {
		case len(t.text) == 4 && year == 0:
			year = atoi(t.text)
		case len(t.text) <= 2 && day == 0:
			day = atoi(t.text)
		default:
			return r, fmt.Errorf("%q is neither a four-digit year nor a day", t.text)
		}
	}
	if year == 0 {
		return r, fmt.Errorf("no four-digit year")
	}
	d, err := checkDate(year, month, day)
	r[0] = d
	return r, err
}

// numeric reads an all-digit date.
func numeric(nums []dateToken, toks []dateToken) (birthReadings, error) {
	var r birthReadings
	for i, t := range toks {
		if i > 0 && t.sep == 0 {
			return r, fmt.Errorf("parts not separated")
		}
	}
	lens := make([]int, len(nums))
	for i, t := range nums {
		lens[i] = len(t.text)
	}
	var err error
	switch {
	case len(nums) == 1 && lens[0] == 4: // 1969
		r[0], err = checkDate(atoi(nums[0].text), 0, 0)
	case len(nums) == 1 && lens[0] == 8: // 19690716
		t := nums[0].text
		r[0], err = checkDate(atoi(t[:4]), atoi(t[4:6]), atoi(t[6:]))
	case len(nums) == 2 && lens[0] == 4 && lens[1] <= 2: // 1969-07
		r[0], err = checkDate(atoi(nums[0].text), atoi(nums[1].text), 0)
	case len(nums) == 2 && lens[0] <= 2 && lens[1] == 4: // 07/1969
		r[0], err = checkDate(atoi(nums[1].text), atoi(nums[0].text), 0)
	case len(nums) == 3 && lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2: // 1969-07-16
		r[0], err = checkDate(atoi(nums[0].text), atoi(nums[1].text), atoi(nums[2].text))
	case len(nums) == 3 && lens[0] <= 2 && lens[1] <= 2 && lens[2] == 4:
		return dayMonth(nums)
	case len(nums) == 3 && lens[2] <= 2 && lens[0] <= 2:
		return r, fmt.Errorf("two-digit year: the century is not known")
	default:
		return r, fmt.Errorf("not a date form known (want e.g. 1969-07-16, 16/07/1969, 16 Jul 1969)")
	}
	return r, err
}

// dayMonth reads D/M/YYYY or M/D/YYYY: a part over 12 is the day; with
// dots the day comes first (no country writes month.day.year); otherwise
// both readings are kept, unless they are the same date.
func dayMonth(nums []dateToken) (birthReadings, error) {
	var r birthReadings
	a, b, y := atoi(nums[0].text), atoi(nums[1].text), atoi(nums[2].text)
	dmy, errD := checkDate(y, b, a)
	mdy, errM := checkDate(y, a, b)
	switch {
	case nums[1].sep == '.' || a > 12 || a == b:
		r[0] = dmy
		return r, errD
	case b > 12:
		r[0] = mdy
		return r, errM
	case errD != nil:
		return r, errD
	case errM != nil:
		return r, errM
	}
	r[0], r[1] = dmy, mdy
	return r, nil
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// checkDate validates a partial date: month 0 and day 0 are unknown.
func checkDate(y, m, d int) (partialDate, error) {
	pd := partialDate{y, m, d}
	switch {
	case y < 1800 || y > 2200:
		return pd, fmt.Errorf("year %d out of range", y)
	case m < 0 || m > 12:
		return pd, fmt.Errorf("month %d does not exist", m)
	case m == 0 && d != 0:
		return pd, fmt.Errorf("a day without a month")
	case d < 0 || d > 31:
		return pd, fmt.Errorf("day %d does not exist", d)
	case d > 0 && d > daysIn(y, m):
		return pd, fmt.Errorf("%s %d has %d days", time.Month(m), y, daysIn(y, m))
	}
	return pd, nil
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// monthNames are month names and their usual abbreviations, accents
// folded, in English, French, German, Spanish, Italian, Portuguese and
// Dutch: the languages of the month names banks' records carry. No word
// means two different months in any of them.
var monthNames = func() map[string]int {
	m := map[string]int{}
	for i, names := range [12]string{
		"january jan janvier janv januar janner jaenner enero ene gennaio gen janeiro januari",
		"february feb febr fevrier fevr fev februar febrero febbraio fevereiro februari",
		"march mar mars marz maerz mrz marzo marco maart mrt",
		"april apr avril avr abril abr aprile",
		"may mai mayo maggio mag maio mei",
		"june jun juin juni junio giugno giu junho",
		"july jul juillet juil juli julio luglio lug julho",
		"august aug aout agosto ago augustus",
		"september sep sept septembre septiembre setiembre settembre set setembro",
		"october oct octobre oktober okt octubre ottobre ott outubro out",
		"november nov novembre noviembre novembro",
		"december dec decembre dezember dez diciembre dic dicembre dezembro",
	} {
		for _, w := range strings.Fields(names) {
			if _, dup := m[w]; dup {
				panic("screening: month name " + w + " listed twice")
			}
			m[w] = i + 1
		}
	}
	return m
}()

// readBirthDate reads a date of birth and drops readings after now: a
// person is not born after the payment. An ambiguous date with one reading
// in the future keeps the other.
func readBirthDate(s string, now time.Time) (birthReadings, error) {
	br, err := parseBirthDate(s)
	if err != nil {
		return br, err
	}
	today := partialDate{now.Year(), int(now.Month()), now.Day()}
	future := func(d partialDate) bool { return d.Year != 0 && laterThan(d, today) }
	switch {
	case future(br[0]) && (br.one() || future(br[1])):
		return birthReadings{}, fmt.Errorf("after the decision date %s", now.Format(time.DateOnly))
	case future(br[0]):
		br = birthReadings{br[1]}
	case !br.one() && future(br[1]):
		br[1] = partialDate{}
	}
	return br, nil
}

// laterThan reports whether d starts after t (a year or month only starts
// with its first day).
func laterThan(d, t partialDate) bool {
	if d.Year != t.Year {
		return d.Year > t.Year
	}
	if d.Month == 0 || d.Month != t.Month {
		return d.Month > t.Month
	}
	return d.Day > t.Day
}
