package fulltext_test

import (
	"context"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/freezeguard/freezeguard/fulltext"
	"github.com/freezeguard/freezeguard/fuzzy/translit"
	"github.com/freezeguard/freezeguard/lists/loader"
)

var markRE = regexp.MustCompile(`<mark>(.*?)</mark>`)

// editDistance is the optimal string alignment distance on runes:
// insertions, deletions, substitutions and transpositions of neighbours,
// the edits bleve's fuzzy matching counts ("la" is one edit from "al").
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

var plainRE = regexp.MustCompile(`^[A-Za-z0-9]+$`)

// renderings are the Latin words a text stands for, word by word, as the
// index renders them.
func renderings(s string) []string {
	var out []string
	words := strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) && !strings.ContainsRune("'’ʼʻ‘`´", r) })
	for _, w := range words {
		if plainRE.MatchString(w) {
			out = append(out, strings.ToLower(w))
			continue
		}
		for _, v := range translit.Variants(w, 1) {
			out = append(out, strings.Fields(v)...)
		}
	}
	if len(out) == 0 {
		out = []string{strings.ToLower(s)}
	}
	return out
}

// checkFragments checks every highlighted fragment of every hit: valid
// UTF-8, and each <mark> encloses one whole word of the original text whose
// Latin rendering is within the query's fuzziness (1 edit) of a query word.
// It returns the marked words.
func checkFragments(t *testing.T, hits []fulltext.Hit, q string) []string {
	t.Helper()
	qwords := renderings(q)
	var marked []string
	for _, h := range hits {
		for field, frags := range h.Fragments {
			for _, f := range frags {
				if !utf8.ValidString(f) {
					t.Errorf("%s %s: fragment is not valid UTF-8: %q", h.ID, field, f)
					continue
				}
				for _, m := range markRE.FindAllStringSubmatchIndex(f, -1) {
					word := html.UnescapeString(f[m[2]:m[3]])
					marked = append(marked, word)
					before, _ := utf8.DecodeLastRuneInString(html.UnescapeString(f[:m[0]]))
					after, _ := utf8.DecodeRuneInString(html.UnescapeString(f[m[1]:]))
					if isWordRune(before) || isWordRune(after) {
						t.Errorf("%s %s: mark %q cuts a word: %q", h.ID, field, word, f)
					}
					ok := false
					for _, w := range renderings(word) {
						for _, qw := range qwords {
							if editDistance(w, qw) <= 1 {
								ok = true
							}
						}
					}
					if !ok {
						t.Errorf("%s %s: marked %q (%v) is not a query word %v: %q", h.ID, field, word, renderings(word), qwords, f)
					}
				}
			}
		}
	}
	return marked
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

func containsFold(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// TestHighlightOriginalText: highlights mark the matched words of the
// original text, in whatever script, never a slice of it shifted by the
// transliteration (the bug: "<mark>Ив</mark>ан Щерб<mark>ак</mark>ов").
func TestHighlightOriginalText(t *testing.T) {
	ctx := context.Background()
	snap, err := loader.Load(ctx, "../testdata/eu/eu_fsf_excerpt_2018-12-21.xml")
	if err != nil {
		t.Fatal(err)
	}
	eu, err := fulltext.Build(ctx, t.TempDir()+"/eu", snap)
	if err != nil {
		t.Fatal(err)
	}
	defer eu.Close()
	un := buildUN(t)

	for _, c := range []struct {
		ix   *fulltext.Index
		q    string
		mode fulltext.Mode
		id   string
		want []string // among the marked words
	}{
		// IBDA-C's aliases: Bulgarian Cyrillic, Greek (with a micro sign
		// for mu), Turkish and Czech diacritics.
		{eu, "velikite islyamski", fulltext.Match, "eu:207", []string{"великите", "ислямски"}},
		{eu, "Metopo Anatolis", fulltext.Match, "eu:207", []string{"Μέτωπο", "Ανατολής"}},
		{eu, "Islamiko", fulltext.Match, "eu:207", []string{"Ισλαµικό"}},
		{eu, "Buyuk Dogu Akincilar", fulltext.Match, "eu:207", []string{"Büyük", "Doğu", "Akıncılar"}},
		{eu, "islamskych", fulltext.Match, "eu:207", []string{"islámských"}},
		{eu, "фронт", fulltext.Match, "eu:207", []string{"Front"}}, // a Cyrillic query marks the Latin words
		// UN: Arabic original-script names beside the Latin ones.
		{un, "Saddam Hussein", fulltext.Match, "un:IQi.001", []string{"صدام", "حسين", "Saddam", "Hussein"}},
		{un, "Tikriti", fulltext.Match, "un:IQi.001", []string{"التكريتي"}},
		{un, "صدام حسين", fulltext.Match, "un:IQi.001", []string{"صدام", "حسين", "Saddam", "Hussein"}},
		{un, "Hussein al-Tikriti", fulltext.Phrase, "un:IQi.001", []string{"Hussein"}},
	} {
		hits, err := c.ix.Search(ctx, c.q, c.mode, 5)
		if err != nil {
			t.Fatalf("%q: %v", c.q, err)
		}
		var hit *fulltext.Hit
		for i := range hits {
			if hits[i].ID == c.id {
				hit = &hits[i]
			}
		}
		if hit == nil {
			t.Errorf("%q: %s not among %d hits", c.q, c.id, len(hits))
			continue
		}
		marked := checkFragments(t, hits, c.q)
		for _, w := range c.want {
			if !containsFold(marked, w) {
				t.Errorf("%q: %q not marked; marked %q in %v", c.q, w, marked, hit.Fragments)
			}
		}
	}
}

// TestSearchLimit: a limit below 1 is an error, not a silent empty answer.
func TestSearchLimit(t *testing.T) {
	ix := buildUN(t)
	ctx := context.Background()
	for _, n := range []int{0, -1} {
		hits, err := ix.Search(ctx, "Saddam", fulltext.Match, n)
		if err == nil || len(hits) != 0 {
			t.Errorf("limit %d: %d hits, err %v; want an error", n, len(hits), err)
		}
	}
	if hits, err := ix.Search(ctx, "Saddam", fulltext.Match, 1); err != nil || len(hits) != 1 {
		t.Errorf("limit 1: %d hits, %v", len(hits), err)
	}
}

// TestHighlightUNOriginalScript searches every UN entry that has an
// original-script name by its primary Latin name and checks every
// fragment of every hit (see checkFragments).
func TestHighlightUNOriginalScript(t *testing.T) {
	ctx := context.Background()
	snap, err := loader.Load(ctx, "../testdata/un/consolidated_2026-08-01.xml")
	if err != nil {
		t.Fatal(err)
	}
	ix := buildUN(t)
	n := 0
	for i := range snap.Entities {
		e := &snap.Entities[i]
		original := ""
		for _, nm := range e.Names {
			if s := translit.Script(nm.Full); s != "Latn" && s != "Zyyy" {
				original = nm.Full
			}
		}
		if original == "" {
			continue
		}
		n++
		q := e.PrimaryName()
		hits, err := ix.Search(ctx, q, fulltext.Match, 3)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		checkFragments(t, hits, q)
		// and by the original-script name itself
		hits, err = ix.Search(ctx, original, fulltext.Match, 3)
		if err != nil {
			t.Fatalf("%q: %v", original, err)
		}
		checkFragments(t, hits, original)
	}
	if n < 300 {
		t.Fatalf("only %d entries with an original-script name", n)
	}
}
