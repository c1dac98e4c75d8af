package fuzzy

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
)

// Token rarity. A name token's weight is its inverse document frequency
// (IDF) among the names on the real OFAC and UN lists: "putin" is rare and
// says a lot, "mohammed" is common and says little. The frequencies are a
// static table (freq.tsv, regenerated from testdata by `go generate`, see
// freq_test.go), not the index's own counts, so
// that Compare, Explain and Search score a pair identically whatever else
// is indexed; token frequency among sanctioned names is a property of the
// names of the world far more than of one day's list. The clamp
// (minRarity, maxRarity) and knownDF are with the other knobs (knobs.go).

// freqData is freq.tsv: a "#docs<TAB>N" line with the number of distinct
// listed names, then one "token<TAB>count" line per token held by two or
// more of them, sorted by token.
//
//go:embed freq.tsv
var freqData string

var (
	freqOnce sync.Once
	freqTab  map[string]uint32
	freqN    float64
)

func loadFreq() {
	freqTab = make(map[string]uint32, 1<<14)
	for ln := range strings.Lines(freqData) {
		tok, n, ok := strings.Cut(strings.TrimSuffix(ln, "\n"), "\t")
		if !ok {
			continue
		}
		v, err := strconv.Atoi(n)
		if err != nil {
			continue
		}
		if tok == "#docs" {
			freqN = float64(v)
			continue
		}
		freqTab[tok] = uint32(v)
	}
	if freqN == 0 {
		freqN = 1
	}
}

// rarity returns the weight of a content token: ln((N+1)/(df+0.5)),
// clamped to [minRarity, maxRarity].
func rarity(t string) float32 {
	w, _ := contentStats(t)
	return w
}

// contentStats returns rarity(t) and knownName(t) at the cost of one.
func contentStats(t string) (float32, bool) {
	freqOnce.Do(loadFreq)
	n := freqTab[t]
	w := math.Log((freqN + 1) / (float64(n) + 0.5))
	common := isCommonName(t)
	if common {
		w = min(w, commonWeight) // common in the world, if not on lists
	}
	return float32(min(max(w, minRarity), maxRarity)), n >= knownDF || common
}

// knownName reports whether t is an established name in its own right:
// held by several listed names, or in the table of names common in the
// world (common.go). Two different established names are different names,
// not a typo of each other: Khalid is not Khalil, Maria is not Marina, Yang
// is not Kang.
func knownName(t string) bool {
	_, known := contentStats(t)
	return known
}
