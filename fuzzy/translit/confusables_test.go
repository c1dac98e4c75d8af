package translit

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// readConfusables parses the committed copy of confusables.txt the tables
// are generated from: source rune to prototype, and the version line.
func readConfusables(t *testing.T) (map[rune][]rune, string) {
	t.Helper()
	f, err := os.Open("testdata/confusables-17.0.0.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	proto := map[rune][]rune{}
	version := ""
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "# Version: "); ok {
			version = strings.TrimSpace(v)
		}
		line, _, _ = strings.Cut(line, "#")
		f := strings.Split(line, ";")
		if len(f) != 3 {
			continue
		}
		src, err := strconv.ParseUint(strings.TrimSpace(f[0]), 16, 32)
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		var p []rune
		for _, h := range strings.Fields(f[1]) {
			v, err := strconv.ParseUint(h, 16, 32)
			if err != nil {
				t.Fatalf("%q: %v", line, err)
			}
			p = append(p, rune(v))
		}
		proto[rune(src)] = p
	}
	if len(proto) < 6000 {
		t.Fatalf("confusables.txt: %d mappings, want the whole file", len(proto))
	}
	return proto, version
}

// skel is the TR39 skeleton of s (NFD, prototypes, NFD), without marks
// unless keepMarks.
func skel(proto map[rune][]rune, s string, keepMarks bool) string {
	var b []rune
	for _, r := range norm.NFD.String(s) {
		if p, ok := proto[r]; ok {
			b = append(b, p...)
		} else {
			b = append(b, r)
		}
	}
	var out []rune
	for _, r := range norm.NFD.String(string(b)) {
		if keepMarks || !unicode.Is(unicode.Mn, r) {
			out = append(out, r)
		}
	}
	return string(out)
}

// The generated tables agree with the Unicode data they cite: every pair
// has the same skeleton, every look-alike letter of the three alphabets is
// there, and the tables are sorted for their binary searches.
func TestConfusablesTablesMatchSource(t *testing.T) {
	proto, version := readConfusables(t)
	if version != confusablesVersion {
		t.Fatalf("testdata is confusables.txt %s, tables say %s: run go generate", version, confusablesVersion)
	}
	inTable := map[rune]bool{}
	for i, e := range toLatinTab {
		if i > 0 && toLatinTab[i-1].r >= e.r {
			t.Fatalf("toLatinTab not sorted at %U", e.r)
		}
		inTable[e.r] = true
		if skel(proto, string(e.r), false) != skel(proto, string(rune(e.l)), false) {
			t.Errorf("%c (%U) -> %c: skeletons differ", e.r, e.r, e.l)
		}
	}
	latin := map[string]bool{}
	for c := 'A'; c <= 'z'; c++ {
		if unicode.IsLetter(c) {
			latin[skel(proto, string(c), false)] = true
		}
	}
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if unicode.IsLetter(r) && (unicode.Is(unicode.Cyrillic, r) || unicode.Is(unicode.Greek, r) || unicode.Is(unicode.Armenian, r)) &&
			latin[skel(proto, string(r), false)] && !inTable[r] {
			t.Errorf("%c (%U) looks like a Latin letter but is not in toLatinTab", r, r)
		}
	}
	for sc, tab := range fromLatinTab {
		for c, r := range tab {
			if r != 0 && skel(proto, string(r), true) != skel(proto, string(rune(c)), true) {
				t.Errorf("fromLatinTab[%d][%c] = %c: skeletons differ", sc, c, r)
			}
		}
	}
	for i, e := range compatTab {
		if e.lo > e.hi || i > 0 && compatTab[i-1].hi >= e.lo {
			t.Fatalf("compatTab not sorted or overlapping at %U", e.lo)
		}
		for r := e.lo; r <= e.hi; r++ {
			if got, want := string(e.to+r-e.lo), norm.NFKC.String(string(r)); got != want {
				t.Errorf("compatTab: %c (%U) -> %q, NFKC %q", r, r, got, want)
			}
		}
	}
	// The look-alikes everyone knows.
	for _, p := range []struct {
		r rune
		l byte
	}{{'а', 'a'}, {'е', 'e'}, {'о', 'o'}, {'р', 'p'}, {'с', 'c'}, {'у', 'y'}, {'х', 'x'}, {'І', 'I'}, {'і', 'i'},
		{'А', 'A'}, {'В', 'B'}, {'Н', 'H'}, {'К', 'K'}, {'М', 'M'}, {'Т', 'T'}, {'Ο', 'O'}, {'ο', 'o'}, {'Ι', 'I'},
		{'ι', 'i'}, {'ν', 'v'}, {'Α', 'A'}, {'Ρ', 'P'}, {'օ', 'o'}, {'Օ', 'O'}, {'ս', 'u'}} {
		if got := latinLookAlike(p.r); got != p.l {
			t.Errorf("latinLookAlike(%c) = %q, want %q", p.r, got, p.l)
		}
	}
	for _, p := range [][2]rune{{'Ｖ', 'V'}, {'ｖ', 'v'}, {'𝐕', 'V'}, {'𝕍', 'V'}, {'𝔳', 'v'}, {'Ⓥ', 'V'}, {'ℎ', 'h'}, {'𝟗', '9'}, {'V', 'V'}, {'в', 'в'}} {
		if got := compatFold(p[0]); got != p[1] {
			t.Errorf("compatFold(%c) = %c, want %c", p[0], got, p[1])
		}
	}
}

func TestAppendFoldConfusables(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// Untouched: ASCII, Latin with accents, one alphabet per word.
		{"Vladimir Putin", ""},
		{"José Müller-Lüdenscheidt", ""},
		{"Владимир Путин", ""},
		{"Vladimir Путин", ""},
		{"Γιώργος Παπαδόπουλος", ""},
		{"Հովհաննիսյան", ""},
		{"田中さくら", ""},
		{"محمد", ""},
		// Mostly Latin: folded to Latin.
		{"Vl\u0430dimir Vladimirovich Putin", "Vladimir Vladimirovich Putin"},
		{"V\u043b\u0430dimir", "V\u043badimir"}, // л has no Latin look-alike: stays
		{"KORE\u0391 OC\u0395AN", "KOREA OCEAN"},
		{"H\u0585vhannisyan", "Hovhannisyan"},
		{"F\u0451dorov", "Fedorov"},       // ё: the mark goes with the letter
		{"F\u0435\u0308dorov", "Fedorov"}, // е + combining diaeresis
		{"Vl\u200b\u0430dimir", "Vl\u200badimir"},
		{"CIMEX, \u0405.A.", "CIMEX, S.A."}, // dotted initials are one word
		// Mostly Cyrillic or Greek: folded into that alphabet.
		{"\u0413o\u0440\u0431\u0430\u0447\u0451\u0432", "Горбачёв"},
		{"\u041f\u0443\u0442\u0438\u043d Vlаdimir", "Путин Vladimir"},
		{"Παπαδoπουλος", "Παπαδοπουλος"},
		// All letters look alike both ways: the name's alphabet decides.
		{"\u0410l\u0456 Hassan", "Ali Hassan"},
		{"\u0410l\u0456 \u041f\u0443\u0442\u0438\u043d", "\u0410\u0406\u0456 \u041f\u0443\u0442\u0438\u043d"},
		// Compatibility letters fold everywhere, in any word.
		{"ＰＵＴＩＮ Vladimir", "PUTIN Vladimir"},
		{"V\U0001D425adimir \U0001D4DFutin", "Vladimir Putin"},
		{"Ⓟutin", "Putin"},
		{"ＡＲＭＡＮ １１４", "ARMAN 114"},
		// Invalid UTF-8 is a word break, as in the rest of the package.
		{"Vl\u0430d\xffimir", "Vlad imir"},
	} {
		got, ok := AppendFoldConfusables(nil, c.in)
		if c.want == "" {
			if ok {
				t.Errorf("%q: folded to %q, want untouched", c.in, got)
			}
			continue
		}
		if !ok || string(got) != c.want {
			t.Errorf("%q: got %q (%v), want %q", c.in, got, ok, c.want)
		}
		if FoldConfusables(c.in) != c.want {
			t.Errorf("FoldConfusables(%q) = %q", c.in, FoldConfusables(c.in))
		}
	}
	// dst is appended to.
	if got, _ := AppendFoldConfusables([]byte("x:"), "Vl\u0430d"); string(got) != "x:Vlad" {
		t.Errorf("append: %q", got)
	}
}

func TestMixedScript(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"Vladimir Putin", false},
		{"Владимир Путин", false},
		{"Vladimir Путин", false},
		{"José Müller", false},
		{"ＰＵＴＩＮ", false}, // one kind of letter throughout
		{"\U0001D40F\U0001D414\U0001D413\U0001D408\U0001D40D", false},
		{"田中さくら", false},
		{"Vl\u0430dimir", true},
		{"\u0413o\u0440\u0431\u0430\u0447\u0451\u0432", true},
		{"KORE\u0391", true},
		{"ＰＵＴIN", true},
		{"V\U0001D425adimir", true},
		{"Vl\u200b\u0430dimir", true},
		{"\u0405.A.", true},
		{"", false},
		{"\xff\xfe", false},
	} {
		if got := MixedScript(c.in); got != c.want {
			t.Errorf("MixedScript(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestAppendFoldConfusablesAllocs(t *testing.T) {
	dst := make([]byte, 0, 256)
	for _, s := range []string{"Vladimir Putin", "Владимир Путин", "Vl\u0430dimir Vladimirovich Putin", "ＰＵＴＩＮ"} {
		if n := testing.AllocsPerRun(100, func() { dst, _ = AppendFoldConfusables(dst[:0], s) }); n != 0 {
			t.Errorf("%q: %v allocations", s, n)
		}
		if n := testing.AllocsPerRun(100, func() { MixedScript(s) }); n != 0 {
			t.Errorf("MixedScript(%q): %v allocations", s, n)
		}
	}
}

func FuzzFoldConfusables(f *testing.F) {
	for _, s := range []string{"Vl\u0430dimir Vladimirovich Putin", "Владимир Путин", "\u0413oрбачёв", "ＰＵＴＩＮ",
		"V\U0001D425adimir", "\u0405.A.", "F\u0435\u0308dorov", "Vl\u200b\u0430dimir", "a\xffа", ".", "\u0410l\u0456"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, ok := AppendFoldConfusables(nil, s)
		if !ok {
			if out != nil {
				t.Fatalf("%q: nothing folded but %q written", s, out)
			}
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("%q: invalid UTF-8 %q", s, out)
		}
		if len(out) > 2*len(s) {
			t.Fatalf("%q: %d bytes out of %d", s, len(out), len(s))
		}
		if utf8.RuneCount(out) > utf8.RuneCountInString(s) {
			t.Fatalf("%q: more runes out (%q)", s, out)
		}
		if ascii(s) {
			t.Fatalf("ASCII %q folded", s)
		}
	})
}

// BenchmarkAppendFoldConfusables: the cost the fold adds to every name
// package fuzzy parses (ASCII: a byte scan; one alphabet: a rune scan).
func BenchmarkAppendFoldConfusables(b *testing.B) {
	for _, c := range []struct{ name, s string }{
		{"ascii", "Vladimir Vladimirovich PUTIN"},
		{"latin-accents", "José María Müller-Lüdenscheidt"},
		{"cyrillic", "Владимир Владимирович Путин"},
		{"mixed", "Vl\u0430dimir Vladimirovich Putin"},
	} {
		b.Run(c.name, func(b *testing.B) {
			dst := make([]byte, 0, 128)
			b.ReportAllocs()
			for b.Loop() {
				dst, _ = AppendFoldConfusables(dst[:0], c.s)
			}
		})
	}
}

// scriptOf's shortcuts by block agree with the Unicode script tables.
func TestScriptOfAgreesWithUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := scriptNone
		switch {
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Latin, r):
			want = scriptLatn
		case unicode.Is(unicode.Cyrillic, r):
			want = scriptCyrl
		case unicode.Is(unicode.Greek, r):
			want = scriptGrek
		case unicode.Is(unicode.Armenian, r):
			want = scriptArmn
		}
		if got := scriptOf(r); got != want {
			t.Fatalf("scriptOf(%U) = %d, want %d", r, got, want)
		}
	}
}
