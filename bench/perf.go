package main

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/lists/loader"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// realFiles are the repository copies of the embedded files (same bytes,
// checked by SHA-256 against embedded.Files), loaded one at a time.
var realFiles = []struct{ name, path string }{
	{"OFAC SDN sdn.csv 2024-07-02", "testdata/ofac/sdn_csv_2024-07-02/sdn.csv"},
	{"OFAC consolidated XML 2025-03-28", "testdata/ofac/cons_xml_2025-03-28/consolidated.xml"},
	{"UN consolidated 2026-08-01", "testdata/un/consolidated_2026-08-01.xml"},
	{"EU FSF excerpt 2018-12-21", "testdata/eu/eu_fsf_excerpt_2018-12-21.xml"},
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

func timeRuns(runs int, f func() error) (time.Duration, error) {
	ds := make([]time.Duration, 0, runs)
	for range max(runs, 1) {
		t0 := time.Now()
		if err := f(); err != nil {
			return 0, err
		}
		ds = append(ds, time.Since(t0))
	}
	return median(ds), nil
}

// secLoad: parse time of each list file and of the whole embedded set.
func secLoad(ctx context.Context, cfg Config) (*Section, error) {
	s := &Section{Name: "load"}
	want := map[string]bool{}
	for _, f := range embedded.Files() {
		want[f.SHA256] = true
	}
	for _, f := range realFiles {
		p := filepath.Join(cfg.Root, f.path)
		var snap *lists.Snapshot
		d, err := timeRuns(cfg.Runs, func() error {
			var err error
			snap, err = loader.Load(ctx, p)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", p, err)
		}
		note := fmt.Sprintf("%d entities", len(snap.Entities))
		if len(snap.Sources) == 1 && !want[snap.Sources[0].SHA256] {
			note += "; NOT the embedded bytes"
		}
		s.dur("parse "+f.name, d, note)
	}
	var snap *lists.Snapshot
	d, err := timeRuns(cfg.Runs, func() error {
		var err error
		snap, err = embedded.Load(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	by := map[lists.Source]int{}
	for _, e := range snap.Entities {
		by[e.Source]++
	}
	s.dur("embedded.Load (all 4, gunzip+parse+merge)", d, fmt.Sprintf("%d entities: OFAC %d, UN %d, EU %d", len(snap.Entities), by[lists.OFAC], by[lists.UN], by[lists.EU]))
	s.notef("times are medians of %d runs; per-file rows parse the repository copies of the embedded files with lists/loader", cfg.Runs)
	return s, nil
}

// heap returns HeapInuse and HeapAlloc after a full GC.
func heap() (inuse, alloc uint64) {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse, m.HeapAlloc
}

// secBuild: index build and Screener construction time and memory.
func secBuild(ctx context.Context, cfg Config, w *world) (*Section, error) {
	s := &Section{Name: "build"}
	var ix *fuzzy.Index
	d, _ := timeRuns(cfg.Runs, func() error { ix = fuzzy.Build(w.recs); return nil })
	s.dur("fuzzy.Build", d, fmt.Sprintf("%d names of %d entities indexed", ix.Len(), len(w.snap.Entities)))
	ix = nil
	in0, al0 := heap()
	ix = fuzzy.Build(w.recs)
	in1, al1 := heap()
	s.add("heap held by the index (HeapAlloc delta)", float64(al1-min(al0, al1)), "bytes", fmt.Sprintf("HeapInuse delta %.1f MiB", float64(in1-min(in0, in1))/(1<<20)))
	runtime.KeepAlive(ix)
	ix = nil

	var sc *screening.Screener
	d, err := timeRuns(cfg.Runs, func() error {
		var err error
		sc, err = screening.New(ctx, w.snap, screening.Options{Policy: screening.DefaultPolicy(screening.JurisdictionUS), Log: audit.NewMemory()})
		return err
	})
	if err != nil {
		return nil, err
	}
	s.dur("screening.New (index + exact keys + identifiers + cross-list links)", d, "")
	sc = nil
	in0, al0 = heap()
	sc, err = screening.New(ctx, w.snap, screening.Options{Policy: screening.DefaultPolicy(screening.JurisdictionUS), Log: audit.NewMemory()})
	if err != nil {
		return nil, err
	}
	in1, al1 = heap()
	s.add("heap held by a Screener (HeapAlloc delta)", float64(al1-min(al0, al1)), "bytes", fmt.Sprintf("HeapInuse delta %.1f MiB", float64(in1-min(in0, in1))/(1<<20)))
	runtime.KeepAlive(sc)
	in, al := heap()
	s.add("process heap after build: HeapInuse", float64(in), "bytes", fmt.Sprintf("HeapAlloc %.1f MiB (snapshot + harness index + Screener)", float64(al)/(1<<20)))
	return s, nil
}

// query is one name of the realistic mix.
type query struct {
	Name   string
	Listed bool // an altered listed name (the ~5 %), not a clean one
}

// makeMix interleaves clean and listed names: share listed of n, seeded.
func makeMix(seed uint64, n int, listed float64, clean []cleanName, alts []altered, script []string) []query {
	r := newRand(seed, "mix")
	var pool []string
	for _, a := range alts {
		pool = append(pool, a.Query)
	}
	pool = append(pool, script...)
	qs := make([]query, 0, n)
	for range n {
		if len(pool) > 0 && r.Float64() < listed {
			qs = append(qs, query{pool[r.IntN(len(pool))], true})
		} else if len(clean) > 0 {
			qs = append(qs, query{clean[r.IntN(len(clean))].Name, false})
		}
	}
	return qs
}

// percentiles adds p50/p90/p99/max and the mean of ds (sorting it), and
// the CPU time per query when cpu > 0.
func percentiles(s *Section, what string, ds []time.Duration, cpu time.Duration, note string) {
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	slices.Sort(ds)
	at := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
	s.dur(what+" p50", at(0.50), note)
	s.dur(what+" p90", at(0.90), "")
	s.dur(what+" p99", at(0.99), "")
	s.dur(what+" max", ds[len(ds)-1], "")
	s.dur(what+" mean", sum/time.Duration(len(ds)), "wall clock")
	if cpu > 0 {
		s.dur(what+" CPU/query (mean)", cpu/time.Duration(len(ds)), "CPU time of the measuring thread: work done, without waiting for a core; GC by other threads not included")
	}
}

// slowest returns the k slowest queries as text.
func slowest(mix []query, ds []time.Duration, k int) string {
	idx := make([]int, len(ds))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return int(ds[b] - ds[a]) })
	var out []string
	for _, i := range idx[:min(k, len(idx))] {
		out = append(out, fmt.Sprintf("%q %s", mix[i].Name, ds[i].Round(time.Microsecond)))
	}
	return strings.Join(out, "; ")
}

// threadCPU runs f on one locked OS thread and returns its CPU time (0 if
// not measurable here).
func threadCPU(f func() error) (time.Duration, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	c0, ok0 := cpuTime(true)
	err := f()
	c1, ok1 := cpuTime(true)
	if !ok0 || !ok1 {
		return 0, err
	}
	return c1 - c0, err
}

func newScreener(ctx context.Context, snap *lists.Snapshot) (*screening.Screener, error) {
	return screening.New(ctx, snap, screening.Options{Policy: screening.DefaultPolicy(screening.JurisdictionUS), Log: audit.NewMemory()})
}

// secLatency: one goroutine, per-name latency over the mix.
func secLatency(ctx context.Context, cfg Config, w *world, mix []query) (*Section, error) {
	s := &Section{Name: "latency"}
	pol := screening.DefaultPolicy(screening.JurisdictionUS)
	dst := make([]fuzzy.Match, 0, 64)
	// warm up pools and caches
	for _, q := range mix[:min(len(mix), 500)] {
		dst = w.ix.Search(q.Name, fuzzy.KindUnknown, pol.Candidates, pol.NearMissThreshold, dst[:0])
	}
	var listedN int
	for _, q := range mix {
		if q.Listed {
			listedN++
		}
	}
	ds := make([]time.Duration, len(mix))
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	cpu, _ := threadCPU(func() error {
		for i, q := range mix {
			t0 := time.Now()
			dst = w.ix.Search(q.Name, fuzzy.KindUnknown, pol.Candidates, pol.NearMissThreshold, dst[:0])
			ds[i] = time.Since(t0)
		}
		return nil
	})
	runtime.ReadMemStats(&m1)
	s.notef("slowest Index.Search (wall): %s", slowest(mix, ds, 5))
	percentiles(s, "Index.Search", ds, cpu, fmt.Sprintf("%d names, %d altered listed (%.1f %%)", len(mix), listedN, 100*float64(listedN)/float64(len(mix))))
	s.add("Index.Search allocs/query", float64(m1.Mallocs-m0.Mallocs)/float64(len(mix)), "allocs", fmt.Sprintf("%.0f B/query", float64(m1.TotalAlloc-m0.TotalAlloc)/float64(len(mix))))

	sc, err := newScreener(ctx, w.snap)
	if err != nil {
		return nil, err
	}
	ctx = context.WithoutCancel(ctx)
	for _, q := range mix[:min(len(mix), 200)] {
		if _, err := sc.Screen(ctx, screening.Party{Name: q.Name}); err != nil {
			return nil, fmt.Errorf("Screen(%q): %w", q.Name, err)
		}
	}
	n := min(len(mix), max(cfg.Queries/2, 1))
	ds = ds[:n]
	var outcomes [3]int
	runtime.GC()
	runtime.ReadMemStats(&m0)
	cpu, err = threadCPU(func() error {
		for i, q := range mix[:n] {
			t0 := time.Now()
			d, err := sc.Screen(ctx, screening.Party{Name: q.Name})
			ds[i] = time.Since(t0)
			if err != nil {
				return fmt.Errorf("Screen(%q): %w", q.Name, err)
			}
			outcomes[d.Outcome.Severity()]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	runtime.ReadMemStats(&m1)
	s.notef("slowest Screener.Screen (wall): %s", slowest(mix[:n], ds, 5))
	percentiles(s, "Screener.Screen", ds, cpu, fmt.Sprintf("first %d names of the mix; in-memory audit log; outcomes CLEAR %d, HOLD %d, FREEZE %d", n, outcomes[0], outcomes[1], outcomes[2]))
	s.add("Screener.Screen allocs/query", float64(m1.Mallocs-m0.Mallocs)/float64(n), "allocs", fmt.Sprintf("%.0f B/query (includes the decision record kept by the memory log)", float64(m1.TotalAlloc-m0.TotalAlloc)/float64(n)))
	s.notef("Search is called as screening calls it: kind unknown, limit %d, min score %.2f", pol.Candidates, pol.NearMissThreshold)
	return s, nil
}

// parallel runs f over the mix from g goroutines for d and returns names
// per wall-clock second and per second of process CPU time (0 if not
// measurable).
func parallel(g int, d time.Duration, mix []query, f func(q string, dst []fuzzy.Match) ([]fuzzy.Match, error)) (rate, perCPU float64, err error) {
	var next, done atomic.Int64
	var firstErr atomic.Value
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	c0, ok0 := cpuTime(false)
	t0 := time.Now()
	for range g {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dst := make([]fuzzy.Match, 0, 64)
			for k := 0; ; k++ {
				if k%64 == 0 && time.Now().After(deadline) {
					return
				}
				i := next.Add(1) - 1
				var err error
				dst, err = f(mix[int(i)%len(mix)].Name, dst[:0])
				if err != nil {
					firstErr.CompareAndSwap(nil, err)
					return
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	el := time.Since(t0)
	c1, ok1 := cpuTime(false)
	if e, ok := firstErr.Load().(error); ok {
		return 0, 0, e
	}
	if ok0 && ok1 && c1 > c0 {
		perCPU = float64(done.Load()) / (c1 - c0).Seconds()
	}
	return float64(done.Load()) / el.Seconds(), perCPU, nil
}

// secThroughput: names per second with all cores.
func secThroughput(ctx context.Context, cfg Config, w *world, mix []query) (*Section, error) {
	s := &Section{Name: "throughput"}
	pol := screening.DefaultPolicy(screening.JurisdictionUS)
	g := runtime.GOMAXPROCS(0)
	search := func(q string, dst []fuzzy.Match) ([]fuzzy.Match, error) {
		return w.ix.Search(q, fuzzy.KindUnknown, pol.Candidates, pol.NearMissThreshold, dst), nil
	}
	sc, err := newScreener(ctx, w.snap)
	if err != nil {
		return nil, err
	}
	screen := func(q string, dst []fuzzy.Match) ([]fuzzy.Match, error) {
		_, err := sc.Screen(ctx, screening.Party{Name: q})
		return dst, err
	}
	for _, c := range []struct {
		what string
		f    func(string, []fuzzy.Match) ([]fuzzy.Match, error)
		g    int
	}{{"Index.Search", search, 1}, {"Index.Search", search, g}, {"Screener.Screen", screen, 1}, {"Screener.Screen", screen, g}} {
		rate, perCPU, err := parallel(c.g, cfg.Duration, mix, c.f)
		if err != nil {
			return nil, err
		}
		note := fmt.Sprintf("%s wall clock", cfg.Duration)
		if perCPU > 0 {
			note += fmt.Sprintf("; %.0f names per CPU-second of the process (incl. GC)", perCPU)
		}
		if c.what == "Screener.Screen" {
			note += "; one shared in-memory audit log"
		}
		s.add(fmt.Sprintf("%s names/s, %d goroutine(s)", c.what, c.g), rate, "/s", note)
	}
	s.notef("names/s on a shared machine (see loadavg at the top) understate an idle one; names per CPU-second times the cores estimates the capacity")
	return s, nil
}

// secBrute: score every listed name per query with fuzzy.Compare.
func secBrute(ctx context.Context, cfg Config, w *world, mix []query) (*Section, error) {
	s := &Section{Name: "brute"}
	n := min(cfg.Brute, len(mix))
	// A third altered listed names, the rest clean, so that agreement with
	// exhaustive scoring is measured on hits too (the cost per query hardly
	// depends on which it is).
	var sub []query
	for _, q := range mix {
		if q.Listed && len(sub) < (n+2)/3 {
			sub = append(sub, q)
		}
	}
	for _, q := range mix {
		if !q.Listed && len(sub) < n {
			sub = append(sub, q)
		}
	}
	pol := screening.DefaultPolicy(screening.JurisdictionUS)
	var bds, ids []time.Duration
	agree, bruteHits, missed := 0, 0, 0
	var missedEx []string
	for _, q := range sub {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t0 := time.Now()
		best, bestID := -1.0, uint32(0)
		for _, r := range w.recs {
			if sc := fuzzy.Compare(q.Name, r.Name, fuzzy.KindUnknown).Score; sc > best {
				best, bestID = sc, r.ID
			}
		}
		bds = append(bds, time.Since(t0))
		t0 = time.Now()
		ms := w.ix.Search(q.Name, fuzzy.KindUnknown, pol.Candidates, pol.NearMissThreshold, nil)
		ids = append(ids, time.Since(t0))
		ixBest := 0.0
		if len(ms) > 0 {
			ixBest = ms[0].Score
		}
		if best >= fuzzy.Threshold {
			bruteHits++
			found := false
			for _, m := range ms {
				if w.entityOf(m.ID) == w.entityOf(bestID) && m.Score >= fuzzy.Threshold {
					found = true
				}
			}
			if !found {
				missed++
				missedEx = append(missedEx, fmt.Sprintf("%q: brute force %.3f for %q, index best %.3f", q.Name, best, w.recs[bestID].Name, ixBest))
			}
		}
		if (best >= fuzzy.Threshold) == (ixBest >= fuzzy.Threshold) {
			agree++
		}
	}
	bm, im := median(bds), median(ids)
	s.dur("brute force per query (median)", bm, fmt.Sprintf("fuzzy.Compare against all %d names; %d queries of the mix, a third altered listed names", len(w.recs), len(sub)))
	s.dur("index per query (median, same queries)", im, "")
	if im > 0 {
		s.add("brute force / index", float64(bm)/float64(im), "x", "")
	}
	s.rate("same above/below-threshold verdict", agree, len(sub), "index vs exhaustive scoring")
	s.rate("brute-force hits the index missed", missed, bruteHits, "entity of the best brute-force name not returned >= threshold")
	for _, m := range missedEx {
		s.notef("index missed: %s", m)
	}
	s.notef("fuzzy.Compare parses both names on every call; the index parses listed names once, so part of the ratio is parsing, not retrieval")
	return s, nil
}
