package screening

import (
	"strings"
	"testing"
)

// TestParseBirthDate: the forms banks' records carry (issue 11 item 5,
// issue 9 item 10).
func TestParseBirthDate(t *testing.T) {
	d := func(y, m, dd int) partialDate { return partialDate{y, m, dd} }
	tests := []struct {
		in   string
		want birthReadings // zero with bad: refused
		bad  string        // in the error
	}{
		{in: "1969-07-16", want: birthReadings{d(1969, 7, 16)}},
		{in: "1969-7-16", want: birthReadings{d(1969, 7, 16)}},
		{in: "1969/07/16", want: birthReadings{d(1969, 7, 16)}},
		{in: "1969.07.16", want: birthReadings{d(1969, 7, 16)}},
		{in: "19690716", want: birthReadings{d(1969, 7, 16)}},
		{in: "16/07/1969", want: birthReadings{d(1969, 7, 16)}},
		{in: "16-07-1969", want: birthReadings{d(1969, 7, 16)}},
		{in: "07/16/1969", want: birthReadings{d(1969, 7, 16)}},
		{in: "16.07.1969", want: birthReadings{d(1969, 7, 16)}},
		{in: "04.05.1970", want: birthReadings{d(1970, 5, 4)}}, // dots: day first
		{in: "28/04/1937", want: birthReadings{d(1937, 4, 28)}},
		{in: "04/05/1970", want: birthReadings{d(1970, 5, 4), d(1970, 4, 5)}},
		{in: "4/5/1970", want: birthReadings{d(1970, 5, 4), d(1970, 4, 5)}},
		{in: "05/05/1970", want: birthReadings{d(1970, 5, 5)}},
		{in: "16 Jul 1969", want: birthReadings{d(1969, 7, 16)}},
		{in: "16 July 1969", want: birthReadings{d(1969, 7, 16)}},
		{in: "16-JUL-1969", want: birthReadings{d(1969, 7, 16)}},
		{in: "16th July 1969", want: birthReadings{d(1969, 7, 16)}},
		{in: "16th of July, 1969", want: birthReadings{d(1969, 7, 16)}},
		{in: "July 16, 1969", want: birthReadings{d(1969, 7, 16)}},
		{in: "Jul. 16 1969", want: birthReadings{d(1969, 7, 16)}},
		{in: "1 Sept. 1950", want: birthReadings{d(1950, 9, 1)}},
		{in: "16 juillet 1969", want: birthReadings{d(1969, 7, 16)}},
		{in: "1er août 1969", want: birthReadings{d(1969, 8, 1)}},
		{in: "16. März 1969", want: birthReadings{d(1969, 3, 16)}},
		{in: "16 de julio de 1969", want: birthReadings{d(1969, 7, 16)}},
		{in: "16 luglio 1969", want: birthReadings{d(1969, 7, 16)}},
		{in: "16 maart 1969", want: birthReadings{d(1969, 3, 16)}},
		{in: "1969", want: birthReadings{d(1969, 0, 0)}},
		{in: " 1969 ", want: birthReadings{d(1969, 0, 0)}},
		{in: "1969-07", want: birthReadings{d(1969, 7, 0)}},
		{in: "07/1969", want: birthReadings{d(1969, 7, 0)}},
		{in: "July 1969", want: birthReadings{d(1969, 7, 0)}},
		{in: "1969-07-16T00:00:00Z", want: birthReadings{d(1969, 7, 16)}},
		{in: "1969-07-16 00:00", want: birthReadings{d(1969, 7, 16)}},
		{in: "2000-02-29", want: birthReadings{d(2000, 2, 29)}},

		{in: "1974-01-32", bad: "day 32"},
		{in: "1968-13-30", bad: "month 13"},
		{in: "1974-02-31", bad: "February 1974 has 28 days"},
		{in: "1900-02-29", bad: "February 1900 has 28 days"},
		{in: "31/04/1970", bad: "April 1970 has 30 days"},
		{in: "1952-+9-07", bad: `'+'`},
		{in: "1952--09-07", bad: `'-' after '-'`},
		{in: "1952-/09-07", bad: `'/' after '-'`},
		{in: "1948-13", bad: "month 13"},
		{in: "16/07/69", bad: "two-digit year"},
		{in: "1799", bad: "out of range"},
		{in: "0000-00-00", bad: "out of range"},
		{in: "1969-00-16", bad: "day without a month"},
		{in: "1969-07-00", want: birthReadings{d(1969, 7, 0)}},
		{in: "1969-00-00", want: birthReadings{d(1969, 0, 0)}},
		{in: "Smarch 16 1969", bad: "not a month name"},
		{in: "July August 1969", bad: "two month names"},
		{in: "July 16", bad: "no four-digit year"},
		{in: "196907", bad: "not a date form"},
		{in: "1969 07 16 12", bad: "not a date form"},
		{in: "-", bad: "no digits"},
		{in: "", bad: "empty"},
		{in: strings.Repeat("1", 100), bad: "too long"},
		{in: "1969\x00-07-16", bad: "not part of a date"},
		{in: "١٩٦٩", bad: ""}, // Arabic-Indic digits are not read (yet): refused, not misread
	}
	for _, tt := range tests {
		got, err := parseBirthDate(tt.in)
		if tt.want != (birthReadings{}) {
			if err != nil || got != tt.want {
				t.Errorf("parseBirthDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.bad) {
			t.Errorf("parseBirthDate(%q) = %v, %v; want an error containing %q", tt.in, got, err, tt.bad)
		}
	}
}

// checkBirthDate asserts what holds for every input: a date read is a
// real date, every reading's canonical form reads back as that one
// reading, and two readings differ.
func checkBirthDate(t *testing.T, s string) {
	t.Helper()
	br, err := parseBirthDate(s)
	if err != nil {
		if br[1] != (partialDate{}) {
			t.Errorf("parseBirthDate(%q) failed with a second reading %v", s, br)
		}
		return
	}
	for i, d := range br {
		if i == 1 && d.Year == 0 {
			break
		}
		if _, err := checkDate(d.Year, d.Month, d.Day); err != nil {
			t.Errorf("parseBirthDate(%q) reading %v is not a date: %v", s, d, err)
		}
		if back, err := parseBirthDate(d.String()); err != nil || back != (birthReadings{d}) {
			t.Errorf("parseBirthDate(%q) reading %v does not round-trip: %v, %v", s, d, back, err)
		}
	}
	if !br.one() && br[0] == br[1] {
		t.Errorf("parseBirthDate(%q) gives the same reading twice", s)
	}
}

func FuzzBirthDate(f *testing.F) {
	for _, s := range []string{"1969-07-16", "1969-7-16", "16/07/1969", "04/05/1970", "16.07.1969", "16 Jul 1969",
		"July 16, 1969", "1969", "1969-07", "1974-01-32", "1968-13-30", "1974-02-31", "1952-+9-07", "16th of July, 1969",
		"1er août 1969", "1969-07-16T00:00:00Z", "19690716", "07/1969"} {
		f.Add(s)
	}
	f.Fuzz(checkBirthDate)
}
