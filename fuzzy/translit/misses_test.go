package translit_test

import (
	"context"
	"flag"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/fuzzy/translit"
	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/embedded"
)

var showMisses = flag.Bool("translit.misses", false, "print the UN original-script names that an OFAC-only fuzzy index does not rank first at or above the threshold")

// TestUNScriptMisses is a helper for work on Variants, run on demand:
//
//	go test ./fuzzy/translit -run UNScriptMisses -translit.misses -v
//
// It queries the NAME_ORIGINAL_SCRIPT names of UN individuals against a
// fuzzy index of the OFAC names (as the bench's dev set a does, linking a
// UN and an OFAC entity by a shared normalised Latin name, without the
// bench's date-of-birth check) and prints each miss with the query's
// renderings and the best comparison with the right entity, so that what
// transliteration gets wrong (a letter value, a missing table entry) can
// be told from what scoring does.
func TestUNScriptMisses(t *testing.T) {
	if !*showMisses {
		t.Skip("run with -translit.misses")
	}
	snap, err := embedded.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var recs []fuzzy.Record
	var ents []int
	byKey := map[string][]int{}
	for ei := range snap.Entities {
		e := &snap.Entities[ei]
		if e.Source != lists.OFAC {
			continue
		}
		kind := fuzzy.KindUnknown
		if e.Kind == lists.Person {
			kind = fuzzy.KindPerson
		}
		for _, n := range e.Names {
			recs = append(recs, fuzzy.Record{ID: uint32(len(ents)), Name: n.Full, Kind: kind})
			ents = append(ents, ei)
			byKey[latinKey(n.Full)] = append(byKey[latinKey(n.Full)], ei)
		}
	}
	ix := fuzzy.Build(recs)
	n, at1, found := 0, 0, 0
	for ei := range snap.Entities {
		e := &snap.Entities[ei]
		if e.Source != lists.UN || e.Kind != lists.Person {
			continue
		}
		targets := map[int]bool{}
		for _, nm := range e.Names {
			if isLatin(nm.Full) {
				for _, t := range byKey[latinKey(nm.Full)] {
					targets[t] = true
				}
			}
		}
		if len(targets) == 0 {
			continue
		}
		for _, nm := range e.Names {
			if isLatin(nm.Full) || !strings.Contains(nm.Note, "original script") {
				continue
			}
			n++
			ms := ix.Search(nm.Full, fuzzy.KindPerson, 50, 0.3, nil)
			rank, score := -1, 0.0
			for i, m := range ms {
				if targets[ents[m.ID]] {
					rank, score = i, m.Score
					break
				}
			}
			first := rank == 0 || rank > 0 && ms[rank].Score == ms[0].Score
			if first {
				at1++
			}
			if score >= fuzzy.Threshold {
				found++
			}
			if first && score >= fuzzy.Threshold {
				continue
			}
			var best fuzzy.Explanation
			for t := range targets {
				for _, tn := range snap.Entities[t].Names {
					if ex := fuzzy.Compare(nm.Full, tn.Full, fuzzy.KindPerson); ex.Score > best.Score {
						best = ex
					}
				}
			}
			top := ""
			if len(ms) > 0 {
				top = recs[ms[0].ID].Name
			}
			t.Logf("%s (%s): rank %d, score %.2f; top %q\n\trenderings %q\n\tbest pair %q ~ %q, unmatched %v",
				nm.Full, e.ID, rank, score, top, fuzzyRenderings(nm.Full), best.Query, best.Candidate, best.Unmatched)
		}
	}
	t.Logf("%d names: ranked first %d, at or above the threshold %d", n, at1, found)
}

// fuzzyRenderings are the renderings package fuzzy searches a query under.
func fuzzyRenderings(s string) []string { return translit.Variants(s, 2) }

// latinKey is a name's tokens, upper-cased and sorted.
func latinKey(s string) string {
	ts := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	sort.Strings(ts)
	return strings.Join(ts, " ")
}

func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}
