package fuzzy

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

//go:generate go test . -run ^TestFreqCurrent$ -genfreq

var genFreq = flag.Bool("genfreq", false, "rewrite freq.tsv from the real lists in testdata")

// TestFreqCurrent regenerates the token frequency table from the real lists
// in testdata and checks that freq.tsv holds the same bytes: a change to the
// normaliser or the lists must come with a regenerated table (go generate).
func TestFreqCurrent(t *testing.T) {
	for _, f := range []string{sdnCSV, consXML, unXML} {
		if _, err := os.Stat(f); err != nil {
			t.Skipf("no real lists: %v", err)
		}
	}
	want := freqTable(t)
	if *genFreq {
		if err := os.WriteFile("freq.tsv", want, 0o644); err != nil {
			t.Fatal(err)
		}
		freqData = string(want)
	}
	if freqData != string(want) {
		t.Error("freq.tsv is out of date: run go generate ./fuzzy")
	}
}

// freqTable writes the table from the real lists: for each token, the
// number of distinct listed names (all renderings of a name counted once)
// that hold it. Tokens held by one name only are left out: they get the
// rarity of an unseen token anyway.
func freqTable(t *testing.T) []byte {
	seen := map[string]bool{}
	df := map[string]int{}
	docs := 0
	var p parser
	for _, l := range realNames(t) {
		if seen[l.Name] {
			continue
		}
		seen[l.Name] = true
		docs++
		p.reset()
		p.parse(l.Name, l.Kind)
		inName := map[string]bool{}
		for _, nm := range p.names {
			for _, tk := range nm.toks {
				inName[strings.Clone(tk.text)] = true
			}
		}
		for tk := range inName {
			df[tk]++
		}
	}
	var keys []string
	for k, n := range df {
		if n >= 2 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b bytes.Buffer
	fmt.Fprintf(&b, "#docs\t%d\n", docs)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t%d\n", k, df[k])
	}
	return b.Bytes()
}

// BenchmarkLoadFreq measures parsing the embedded table, paid once per
// process on the first score.
func BenchmarkLoadFreq(b *testing.B) {
	for b.Loop() {
		loadFreq()
	}
}
