package listtext

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/freezeguard/freezeguard/lists"
)

func TestSquash(t *testing.T) {
	for in, want := range map[string]string{
		"":      "",
		"  a  ": "a",
		"National Identification\n        Number": "National Identification Number",
		"a\tb":    "a b",
		"ok name": "ok name",
		"é  x":    "é x",
	} {
		if got := Squash(in); got != want {
			t.Errorf("Squash(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSquashKeepsCleanText(t *testing.T) {
	s := "SADDAM HUSSEIN AL-TIKRITI"
	if n := testing.AllocsPerRun(100, func() { Squash(s) }); n != 0 {
		t.Errorf("Squash of clean ASCII allocates %v times", n)
	}
}

func TestScript(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Однорукий", "Cyrl"}, {"김정은", "Hang"}, {"金正恩", "Hani"}, {"Μέγα Ισλαµικό", "Grek"},
		{"Haji Gulab Gul (حاجی گلاب گل ولد حاجی حضرت گل )", "Arab"}, {"123 -", ""}, {"Ali", "Latn"},
	} {
		if got := Script(tc.in); got != tc.want {
			t.Errorf("Script(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDate(t *testing.T) {
	for in, want := range map[string][3]int{
		"1937-04-28": {1937, 4, 28}, "1984": {1984, 0, 0}, "1984-05": {1984, 5, 0},
		"2018-02-16+01:00": {2018, 2, 16}, "1960-13-01": {}, "abc": {}, "19-1-1": {}, "0000": {}, "1960-00-05": {},
	} {
		d := Date(in, lists.DateExact)
		if [3]int{d.Year, d.Month, d.Day} != want || d.Text != in {
			t.Errorf("Date(%q) = %+v, want %v", in, d, want)
		}
	}
	if d := Date("1966", lists.DateCirca); d.Kind != lists.DateCirca || d.Year != 1966 {
		t.Errorf("Date keeps the kind: %+v", d)
	}
}

func TestJoin(t *testing.T) {
	for _, tc := range []struct {
		sep  string
		xs   []string
		want string
	}{
		{", ", nil, ""},
		{", ", []string{"", ""}, ""},
		{", ", []string{"al-Awja", "", "near Tikrit", "Iraq"}, "al-Awja, near Tikrit, Iraq"},
		{"; ", []string{"", "x"}, "x"},
	} {
		if got := Join(tc.sep, tc.xs...); got != tc.want {
			t.Errorf("Join(%q, %q) = %q, want %q", tc.sep, tc.xs, got, tc.want)
		}
	}
}

// realText pulls names and dates out of the real list files, to seed the
// fuzzer with the text the helpers meet in production.
func realText(f *testing.F) []string {
	var out []string
	for _, src := range []struct{ file, re string }{
		{"../../../testdata/un/consolidated_2026-08-01.xml", `<(?:FIRST_NAME|SECOND_NAME|NAME_ORIGINAL_SCRIPT|ALIAS_NAME|TYPE_OF_DOCUMENT|DATE|LISTED_ON)>([^<]*)<`},
		{"../../../testdata/eu/eu_fsf_excerpt_2018-12-21.xml", `(?:wholeName|birthdate|issueDate)="([^"]*)"`},
	} {
		b, err := os.ReadFile(src.file)
		if err != nil {
			f.Fatal(err)
		}
		for i, m := range regexp.MustCompile(src.re).FindAllSubmatch(b, -1) {
			if i%37 == 0 || !utf8.Valid(m[1]) || strings.ContainsAny(string(m[1]), "\n\t") {
				out = append(out, string(m[1]))
			}
		}
	}
	if len(out) < 20 {
		f.Fatalf("only %d seeds from the real files", len(out))
	}
	return out
}

func FuzzText(f *testing.F) {
	for _, s := range realText(f) {
		f.Add(s)
	}
	codes := map[string]bool{"": true}
	for _, sc := range scripts {
		codes[sc.code] = true
	}
	f.Fuzz(func(t *testing.T, s string) {
		sq := Squash(s)
		if want := strings.Join(strings.Fields(s), " "); sq != want {
			t.Fatalf("Squash(%q) = %q, want %q", s, sq, want)
		}
		if Squash(sq) != sq {
			t.Fatalf("Squash not idempotent on %q", s)
		}
		if sc := Script(s); !codes[sc] {
			t.Fatalf("Script(%q) = %q", s, sc)
		}
		d := Date(s, lists.DateExact)
		if d.Text != s || d.Kind != lists.DateExact {
			t.Fatalf("Date(%q) = %+v", s, d)
		}
		if d.Year != 0 && (d.Year > 9999 || d.Month > 12 || d.Day > 31 || (d.Month == 0 && d.Day != 0)) {
			t.Fatalf("Date(%q) = %+v", s, d)
		}
	})
}
