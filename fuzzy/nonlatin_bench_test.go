package fuzzy

import (
	"bufio"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/fuzzy/translit"
)

// nonLatinQueries returns real non-Latin names by script: the listed names
// in their original script and the renderings of Putin's name.
func nonLatinQueries(tb testing.TB) map[string][]string {
	tb.Helper()
	by := map[string][]string{}
	add := func(s string) {
		if sc := translit.Script(s); sc != "Latn" && sc != "Zyyy" {
			by[sc] = append(by[sc], s)
		}
	}
	for _, l := range realNames(tb) {
		add(l.Name)
	}
	f, err := os.Open("../testdata/eval/putin_name_variants.txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		add(strings.TrimSpace(sc.Text()))
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return by
}

// BenchmarkSearchScript searches real names of one script at a time, to
// show per script what a non-Latin query costs, allocations included
// (the target is 0 in the steady state).
func BenchmarkSearchScript(b *testing.B) {
	ix, _ := benchIndex(b)
	by := nonLatinQueries(b)
	scripts := []string{"Arab", "Cyrl", "Grek", "Hang", "Hani", "Hebr", "Jpan", "Geor", "Armn", "Deva"}
	for _, sc := range scripts {
		qs := by[sc]
		if len(qs) == 0 {
			continue
		}
		b.Run(sc, func(b *testing.B) {
			dst := make([]Match, 0, 64)
			for _, q := range qs { // warm the pool's buffers
				dst = ix.Search(q, KindUnknown, 10, Threshold, dst[:0])
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				dst = ix.Search(qs[i%len(qs)], KindUnknown, 10, Threshold, dst[:0])
				i++
			}
			b.ReportMetric(float64(len(qs)), "names")
		})
	}
}

// TestSearchNonLatinNoAlloc pins zero allocations per query, once warm,
// for the real names of every non-Latin script at hand.
func TestSearchNonLatinNoAlloc(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts mean nothing under the race detector")
	}
	if testing.Short() {
		t.Skip("builds the index over all listed names")
	}
	ix, _ := benchIndex(t)
	by := nonLatinQueries(t)
	if len(by) < 8 {
		t.Fatalf("real names in only %d scripts", len(by))
	}
	scripts := slices.Sorted(maps.Keys(by))
	for _, sc := range scripts {
		qs := slices.Clip(by[sc])
		dst := make([]Match, 0, 64)
		for _, q := range qs {
			dst = ix.Search(q, KindUnknown, 10, Threshold, dst[:0])
		}
		i := 0
		n := testing.AllocsPerRun(3*len(qs), func() {
			dst = ix.Search(qs[i%len(qs)], KindUnknown, 10, Threshold, dst[:0])
			i++
		})
		if n != 0 {
			t.Errorf("%s: %.2f allocations per query, want 0", sc, n)
		}
	}
}
