package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
)

// smallConfig runs every section on a small subset, so the harness is
// checked end to end in seconds. No wall-clock figure is asserted.
func smallConfig() Config {
	c := defaultConfig()
	c.Runs, c.Queries, c.Duration, c.Brute, c.Clean, c.PerVariant = 1, 300, 100*time.Millisecond, 2, 200, 4
	return c
}

func TestHarnessAllSections(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the real lists and builds several indexes")
	}
	rep, err := run(context.Background(), smallConfig(), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"load", "build", "latency", "throughput", "brute", "serve",
		"quality: OFAC parity", "quality: Putin variants", "quality: a. original script",
		"quality: b. altered listed names", "quality: c. people on no list", "quality: d. hard pairs",
		"quality: e. listed companies as payments write them", "quality: f. well-known companies on no list",
		"quality: g. look-alike letters", "quality: h. full names vs short listed names", "quality: i. free text (remittance information)", "quality: j. Arabic compounds respelt", "quality: k. Arabic names in French spelling"}
	var got []string
	for _, s := range rep.Sections {
		got = append(got, s.Name)
		if len(s.Rows) == 0 {
			t.Errorf("section %q has no rows", s.Name)
		}
		for _, r := range s.Rows {
			if r.Unit == "ratio" && !(r.Value >= 0 && r.Value <= 1) {
				t.Errorf("%s / %s = %v, not in [0,1]", s.Name, r.Metric, r.Value)
			}
			if r.Text == "" {
				t.Errorf("%s / %s has no display text", s.Name, r.Metric)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("sections\n got %q\nwant %q", got, want)
	}

	// Figures that must be there and be sane, whatever the matcher does.
	lat := rep.Section("latency")
	for _, m := range []string{"Index.Search p50", "Index.Search p99", "Screener.Screen p50", "Index.Search allocs/query"} {
		if r, ok := lat.find(m); !ok || r.Value <= 0 {
			t.Errorf("latency %q = %+v, %v; want > 0", m, r, ok)
		}
	}
	p50, _ := lat.find("Index.Search p50")
	p99, _ := lat.find("Index.Search p99")
	if p99.Value < p50.Value {
		t.Errorf("p99 %v < p50 %v", p99.Value, p50.Value)
	}
	if r, ok := rep.Section("build").find("fuzzy.Build"); !ok || !strings.Contains(r.Note, "names of") {
		t.Errorf("build row: %+v", r)
	}
	if r, ok := rep.Section("quality: OFAC parity").find("rows / labelled true"); !ok || r.Value != 170 {
		t.Errorf("parity rows = %+v, want 170", r)
	}
	if r, ok := rep.Section("quality: Putin variants").find("found ofac:35096"); !ok || !strings.HasSuffix(r.Text, "/81)") {
		t.Errorf("Putin row = %+v, want a share of 81", r)
	}
	if r, ok := rep.Section("quality: g. look-alike letters").find("recall >= threshold, all kinds"); !ok || !strings.HasSuffix(r.Text, "/16)") {
		t.Errorf("look-alike row = %+v, want a share of 4 kinds x 4 names", r)
	}
	if r, ok := rep.Section("quality: d. hard pairs").find("pairs"); !ok || r.Value < 150 {
		t.Errorf("hard pairs = %+v, want >= 150", r)
	}

	var tab, js bytes.Buffer
	if err := rep.WriteTable(&tab); err != nil {
		t.Fatal(err)
	}
	for _, s := range append([]string{"GOMAXPROCS", "go1"}, want...) {
		if !strings.Contains(tab.String(), s) {
			t.Errorf("table lacks %q", s)
		}
	}
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatalf("JSON does not decode: %v", err)
	}
	if len(back.Sections) != len(rep.Sections) || back.Machine.NumCPU == 0 {
		t.Errorf("JSON round trip: %d sections, machine %+v", len(back.Sections), back.Machine)
	}
}

func TestOnlySelects(t *testing.T) {
	c := Config{Only: []string{"quality"}}
	if c.want("latency") || !c.want("parity") || !c.want("pairs") {
		t.Error("-only quality must select the quality parts and nothing else")
	}
	c = Config{Only: []string{"latency", "putin"}}
	if !c.want("latency") || !c.want("putin") || c.want("parity") || c.want("load") {
		t.Error("-only latency,putin selects exactly those")
	}
	if !(Config{}).want("brute") {
		t.Error("no -only selects everything")
	}
}

func TestLabelFiles(t *testing.T) {
	root, err := findRoot()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := loadParity(root)
	if err != nil {
		t.Fatal(err)
	}
	nTrue := 0
	for _, r := range rows {
		if r.True {
			nTrue++
		}
		if r.Why == "" {
			t.Errorf("%q -> %q: no justification", r.Query, r.Result)
		}
		if !r.True && len(r.Entities) > 0 {
			t.Errorf("%q -> %q: false row names entities %v", r.Query, r.Result, r.Entities)
		}
		if r.Query == "GEORGE BUSH" && r.True {
			t.Errorf("George Bush is on no list, but %q is labelled true", r.Result)
		}
	}
	if nTrue == 0 || nTrue == len(rows) {
		t.Errorf("%d of %d rows true", nTrue, len(rows))
	}
	ps, err := loadPairs()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	seen := map[[2]string]bool{}
	for _, p := range ps {
		kinds[p.Kind]++
		k := [2]string{p.A, p.B}
		if seen[k] {
			t.Errorf("pair %q duplicated", k)
		}
		seen[k] = true
	}
	if len(ps) < 150 || kinds["person"] == 0 || kinds["company"] == 0 || kinds["vessel"] == 0 {
		t.Errorf("%d pairs, kinds %v", len(ps), kinds)
	}
}

func TestGenerators(t *testing.T) {
	cs, err := loadCultures()
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) < 14 {
		t.Errorf("%d cultures, want at least 14", len(cs))
	}
	listed := map[string]bool{normKey("Patricia Smith"): true}
	a, exA := genClean(7, 5000, cs, listed)
	b, _ := genClean(7, 5000, cs, listed)
	if len(a) < 5000 || !slices.Equal(a, b) {
		t.Fatalf("genClean: %d names, deterministic %v", len(a), slices.Equal(a, b))
	}
	for _, c := range a {
		if listed[normKey(c.Name)] {
			t.Errorf("listed name %q kept", c.Name)
		}
	}
	for _, c := range exA {
		if !listed[normKey(c.Name)] {
			t.Errorf("%q excluded but not listed", c.Name)
		}
	}
	if normKey("PUTIN, Vladimir") != normKey("Vladimir  Putín") {
		t.Error("normKey must ignore order, case, marks and punctuation")
	}

	r := newRand(1, "t")
	for _, k := range alterations {
		got, ok := alter(r, "Vladimir Vladimirovich Putin", k, true)
		if k == altRoman {
			got, ok = alter(r, "Mohammed Ali Hassan", k, true)
		}
		if !ok || got == "" {
			t.Errorf("%s: no alteration (%q)", k, got)
		}
	}
	if _, ok := alter(r, "Putin", altDropMid, true); ok {
		t.Error("dropping a middle part of a one-token name must not apply")
	}
	if got := naturalOrder("PUTIN, Vladimir Vladimirovich", lists.Person); got != "Vladimir Vladimirovich PUTIN" {
		t.Errorf("naturalOrder = %q", got)
	}
}

func TestRankOf(t *testing.T) {
	rs := []entScore{{1, 0.95}, {2, 0.95}, {3, 0.7}}
	is := func(e int32) func(int32) bool { return func(x int32) bool { return x == e } }
	if f, first := rankOf(rs, is(2)); !f || !first {
		t.Error("a tie at the top counts as found and first")
	}
	if f, first := rankOf(rs, is(3)); f || first {
		t.Error("below threshold and not first")
	}
	if f, first := rankOf(rs, is(9)); f || first {
		t.Error("absent")
	}
}
