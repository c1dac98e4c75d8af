package ofac

import (
	"strings"

	"github.com/freezeguard/freezeguard/lists"
)

var monthNames = [...]string{"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"}

// parseMonth reads "Apr", "April" or "Sept" (any case) as 4, 4 and 9; 0
// means not a month.
func parseMonth(s string) int {
	if len(s) < 3 || len(s) > 9 {
		return 0
	}
	l := strings.ToLower(s)
	for i, m := range monthNames {
		if l == m || l == m[:3] || (i == 8 && l == "sept") {
			return i + 1
		}
	}
	return 0
}

// atoi parses a short run of ASCII digits; ok is false for anything else.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// parsePoint reads one point in time as OFAC writes it: "28 Apr 1937",
// "Apr 1937", "1937", also "28 April 1937" and "1937-04-28".
func parsePoint(s string) (y, m, d int, ok bool) {
	var fa [3]string
	n, ok := fields3(s, &fa)
	if !ok {
		return 0, 0, 0, false
	}
	f := fa[:n]
	switch len(f) {
	case 1:
		if y, ok = atoi(f[0]); ok && len(f[0]) == 4 {
			return y, 0, 0, true
		}
		// ISO 1937-04-28
		if p := strings.Split(f[0], "-"); len(p) == 3 && len(p[0]) == 4 {
			y, ok1 := atoi(p[0])
			m, ok2 := atoi(p[1])
			d, ok3 := atoi(p[2])
			if ok1 && ok2 && ok3 && validDay(y, m, d) {
				return y, m, d, true
			}
		}
	case 2:
		m = parseMonth(f[0])
		y, ok = atoi(f[1])
		if m > 0 && ok && len(f[1]) == 4 {
			return y, m, 0, true
		}
	case 3:
		d, ok1 := atoi(f[0])
		m = parseMonth(f[1])
		y, ok2 := atoi(f[2])
		if ok1 && ok2 && len(f[2]) == 4 && validDay(y, m, d) {
			return y, m, d, true
		}
	}
	return 0, 0, 0, false
}

func validDay(y, m, d int) bool {
	if y < 1000 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	return d <= days[m-1]
}

// parseDate reads a partial date as the OFAC lists write them: "28 Apr 1937",
// "Apr 1960", "1960", "circa 1960", "circa 28 Jan 1960", "1958 to 1962",
// "01 Jan 1960 to 31 Dec 1962", "circa 1958-1962". The source text is kept
// in Text. ok is false when s is not a date in one of these shapes.
func parseDate(s string) (lists.Date, bool) {
	text := strings.TrimSpace(s)
	s = strings.TrimSuffix(text, ".")
	dt := lists.Date{Kind: lists.DateExact, Text: text}
	if rest, found := cutPrefixFold(s, "circa "); found {
		dt.Kind = lists.DateCirca
		s = strings.TrimSpace(rest)
	} else if rest, found := cutPrefixFold(s, "approximately "); found {
		dt.Kind = lists.DateCirca
		s = strings.TrimSpace(rest)
	}
	from, to, isRange := strings.Cut(s, " to ")
	if !isRange {
		// "1958-1962"
		if a, b, ok := strings.Cut(s, "-"); ok && len(a) == 4 && len(b) == 4 {
			from, to, isRange = a, b, true
		}
	}
	y, m, d, ok := parsePoint(from)
	if !ok {
		return lists.Date{}, false
	}
	dt.Year, dt.Month, dt.Day = y, m, d
	if isRange {
		ty, tm, td, ok := parsePoint(to)
		if !ok {
			return lists.Date{}, false
		}
		dt.Kind = lists.DateRange
		dt.ToYear, dt.ToMonth, dt.ToDay = ty, tm, td
	}
	return dt, true
}

// cutPrefixFold is strings.CutPrefix ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// fields3 splits s at spaces into at most three words without allocating;
// ok is false when s has more.
func fields3(s string, f *[3]string) (n int, ok bool) {
	for {
		for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
			s = s[1:]
		}
		if s == "" {
			return n, true
		}
		if n == 3 {
			return 0, false
		}
		i := 0
		for i < len(s) && s[i] != ' ' && s[i] != '\t' {
			i++
		}
		f[n], s = s[:i], s[i:]
		n++
	}
}
