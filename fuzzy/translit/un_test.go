package translit

import (
	"encoding/xml"
	"os"
	"strings"
	"testing"
)

// unPair is one UN record's name in its original script and the Latin
// spellings the same record gives (primary name and good aliases).
type unPair struct {
	Original string
	Latin    []string // [0] is the primary name
	Script   string
}

// unPairs reads the individuals of the UN consolidated list that carry a
// NAME_ORIGINAL_SCRIPT. It is the development set for Variants: real
// names, romanised by the UN itself.
func unPairs(t testing.TB) []unPair {
	t.Helper()
	f, err := os.Open("../../testdata/un/consolidated_2026-08-01.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type alias struct {
		Quality string `xml:"QUALITY"`
		Name    string `xml:"ALIAS_NAME"`
	}
	type individual struct {
		First    string  `xml:"FIRST_NAME"`
		Second   string  `xml:"SECOND_NAME"`
		Third    string  `xml:"THIRD_NAME"`
		Fourth   string  `xml:"FOURTH_NAME"`
		Original string  `xml:"NAME_ORIGINAL_SCRIPT"`
		Aliases  []alias `xml:"INDIVIDUAL_ALIAS"`
	}
	var out []unPair
	dec := xml.NewDecoder(f)
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "INDIVIDUAL" {
			continue
		}
		var ind individual
		if err := dec.DecodeElement(&ind, &se); err != nil {
			t.Fatalf("UN list: %v", err)
		}
		orig := strings.TrimSpace(ind.Original)
		if orig == "" {
			continue
		}
		p := unPair{Original: orig, Script: Script(orig)}
		p.Latin = append(p.Latin, strings.Join(strings.Fields(strings.Join([]string{ind.First, ind.Second, ind.Third, ind.Fourth}, " ")), " "))
		for _, a := range ind.Aliases {
			if a.Name != "" && a.Quality == "Good" {
				p.Latin = append(p.Latin, a.Name)
			}
		}
		out = append(out, p)
	}
	if len(out) < 100 {
		t.Fatalf("UN list: only %d names in original script", len(out))
	}
	return out
}

// latinTokens splits a Latin name into lower-case ASCII tokens as
// Variants would (hyphens, apostrophes and punctuation handled alike).
func latinTokens(s string) []string {
	vs := Variants(s, 1)
	if len(vs) == 0 {
		return nil
	}
	return strings.Fields(vs[0])
}

// weakToken says whether a token carries little evidence on its own:
// articles and particles.
func weakToken(tok string) bool {
	switch tok {
	case "al", "el", "ad", "ar", "as", "ash", "at", "an", "az", "bin", "ben", "ibn", "abu", "abd", "bint", "o", "de", "ul", "ud", "e":
		return true
	}
	return len(tok) < 2
}

// TestUNOriginalScript measures Variants on the UN dev set: for each Latin
// token of a record's names (primary and good aliases), is there a token
// in one of the original-script name's variants with the same Fold key,
// or at least the same Skeleton? Tokens joined or split differently
// ("abdul salam" / "abdulsalam") count when the joined forms meet.
func TestUNOriginalScript(t *testing.T) {
	pairs := unPairs(t)
	for _, max := range []int{4, DefaultMax} {
		t.Run("max"+string(rune('0'+max)), func(t *testing.T) { measureUN(t, pairs, max) })
	}
}

func measureUN(t *testing.T, pairs []unPair, max int) {
	type tally struct{ tokens, fold, skel, recAll, recs int }
	by := map[string]*tally{}
	total := &tally{}
	var misses []string
	for _, p := range pairs {
		vs := Variants(p.Original, max)
		folds, skels := map[string]bool{}, map[string]bool{}
		for _, v := range vs {
			f := strings.Fields(v)
			for i := range f {
				folds[Fold(f[i])] = true
				skels[Skeleton(f[i])] = true
				if i+1 < len(f) { // joined neighbours: abdul salam → abdulsalam
					folds[Fold(f[i]+f[i+1])] = true
					skels[Skeleton(f[i]+f[i+1])] = true
				}
			}
		}
		tl := by[p.Script]
		if tl == nil {
			tl = &tally{}
			by[p.Script] = tl
		}
		tl.recs++
		total.recs++
		all := true
		// A Latin token counts once, matched by any spelling of the record.
		primary := latinTokens(p.Latin[0])
		for _, tok := range primary {
			if weakToken(tok) {
				continue
			}
			tl.tokens++
			total.tokens++
			ok := false
			switch {
			case folds[Fold(tok)]:
				tl.fold++
				total.fold++
				ok = true
			case skels[Skeleton(tok)] && len(Skeleton(tok)) >= 2:
				tl.skel++
				total.skel++
				ok = true
			}
			if !ok {
				all = false
				if len(misses) < 120 {
					misses = append(misses, tok+" ← "+p.Original+" → "+strings.Join(vs[:min(3, len(vs))], " | "))
				}
			}
		}
		if all {
			tl.recAll++
			total.recAll++
		}
	}
	for sc, tl := range by {
		t.Logf("%s: %d records, %d tokens: fold %d (%.0f%%), skeleton only %d, fold or skeleton %.0f%%; records with every token %d (%.0f%%)",
			sc, tl.recs, tl.tokens, tl.fold, pct(tl.fold, tl.tokens), tl.skel, pct(tl.fold+tl.skel, tl.tokens), tl.recAll, pct(tl.recAll, tl.recs))
	}
	t.Logf("all: %d records, %d tokens: fold %.1f%%, fold or skeleton %.1f%%; records with every token %.1f%%",
		total.recs, total.tokens, pct(total.fold, total.tokens), pct(total.fold+total.skel, total.tokens), pct(total.recAll, total.recs))
	if testing.Verbose() {
		for _, m := range misses {
			t.Log("miss:", m)
		}
	}
	// Floors set a little below what this version measures, so that a
	// regression fails the test.
	if r := pct(total.fold+total.skel, total.tokens); r < 90 {
		t.Errorf("max %d: fold-or-skeleton token rate %.1f%%, want at least 90%%", max, r)
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
