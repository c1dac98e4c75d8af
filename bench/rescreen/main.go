// Command rescreen measures rescreening a customer book against a list
// change: N generated customers (by default one in a hundred named after
// an entity of the change, the rest people on no list) streamed through a
// rescreen.Rescreener over the delta, and the same customers against the
// whole new list for comparison.
//
//	go run ./bench/rescreen                  # 1,000,000 customers, OFAC SDN 2024-05-03 → 2024-07-02
//	go run ./bench/rescreen -n 100000 -whole=false
//	go run ./bench/rescreen -write FILE      # write the book as JSON Lines for freezeguard rescreen
//
// Run it from the repository root. Figures are wall-clock and CPU time of
// the run after start-up (lists loaded, indexes built); the machine's
// load average is printed beside them, since other jobs share the cores.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"iter"
	"log/slog"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/internal/namegen"
	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
	"github.com/freezeguard/freezeguard/rescreen"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

func main() {
	n := flag.Int("n", 1_000_000, "customers")
	oldPath := flag.String("old", "testdata/ofac/sdn_csv_2024-05-03", "old lists")
	newPath := flag.String("new", "testdata/ofac/sdn_csv_2024-07-02", "new lists")
	book := flag.String("book", "rescreen/testdata/generated_customers_ofac_2024-05-03_2024-07-02.jsonl", "customers named after the change's entities, mixed in one in a hundred")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "goroutines")
	whole := flag.Bool("whole", true, "also run against the whole new list")
	every := flag.Int("every", 100, "one customer in `N` is named after an entity of the change (0: none)")
	write := flag.String("write", "", "write the generated book to `FILE` as JSON Lines and exit")
	flag.Parse()
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err := run(*n, *oldPath, *newPath, *book, *every, *workers, *whole, *write); err != nil {
		fmt.Fprintln(os.Stderr, "bench/rescreen:", err)
		os.Exit(1)
	}
}

func run(n int, oldPath, newPath, bookPath string, every, workers int, whole bool, write string) error {
	ctx := context.Background()
	gen, err := newGenerator(bookPath)
	if err != nil {
		return err
	}
	gen.every = every
	if write != "" {
		return gen.write(write, n)
	}
	t0 := time.Now()
	old, err := loader.Load(ctx, oldPath)
	if err != nil {
		return err
	}
	cur, err := loader.Load(ctx, newPath)
	if err != nil {
		return err
	}
	load := time.Since(t0)

	// The generator alone, so its cost can be told from the run's.
	t0 = time.Now()
	k := 0
	for range gen.customers(n) {
		k++
	}
	genRate := float64(k) / time.Since(t0).Seconds()

	fmt.Printf("rescreen benchmark: %d customers (1 in %d named after an entity of the change), %d workers, GOMAXPROCS %d, %s\n",
		n, every, workers, runtime.GOMAXPROCS(0), runtime.Version())
	fmt.Printf("lists loaded in %s; generating customers alone: %.0f/s\n", load.Round(time.Millisecond), genRate)
	fmt.Printf("%-12s %10s %8s %8s %12s %12s %10s %10s %9s %9s %s\n", "run", "start-up", "indexed", "wall", "customers/s", "CPU µs/cust", "screened", "reported", "heap MiB", "RSS MiB", "load avg")

	delta, err := measure(ctx, "delta", old, cur, gen, n, workers)
	if err != nil {
		return err
	}
	if !whole {
		return nil
	}
	// The whole list: the same Rescreener with an empty old snapshot of
	// the same sources, so every entity of the new one is "added" and
	// indexed.
	empty := lists.NewSnapshot(nil, cur.Sources, cur.Loaded)
	full, err := measure(ctx, "whole list", empty, cur, gen, n, workers)
	if err != nil {
		return err
	}
	fmt.Printf("delta / whole list: %.1fx the customers per second, %.1fx less CPU per customer\n", delta.rate/full.rate, full.cpuPer/delta.cpuPer)
	return nil
}

type figures struct {
	rate, cpuPer float64
}

func measure(ctx context.Context, name string, old, cur *lists.Snapshot, gen *generator, n, workers int) (figures, error) {
	runtime.GC()
	t0 := time.Now()
	r, err := rescreen.New(ctx, old, cur, rescreen.Options{Log: discard{}})
	if err != nil {
		return figures{}, err
	}
	start := time.Since(t0)
	_, nNew := r.Indexed()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	heap := float64(ms.HeapAlloc) / (1 << 20)
	cpu0 := cpuTime()
	t0 = time.Now()
	reported := 0
	st, err := r.Run(ctx, gen.customers(n), workers, func(res rescreen.Result) error {
		if res.Change != "" {
			reported++
		}
		return nil
	})
	if err != nil {
		return figures{}, err
	}
	wall := time.Since(t0)
	cpu := cpuTime() - cpu0
	f := figures{rate: float64(st.Customers) / wall.Seconds(), cpuPer: float64(cpu.Microseconds()) / float64(st.Customers)}
	fmt.Printf("%-12s %10s %8d %8s %12.0f %12.2f %10d %10d %9.0f %9.0f %s\n", name, start.Round(time.Millisecond), nNew, wall.Round(time.Millisecond),
		f.rate, f.cpuPer, st.Candidates, reported, heap, maxRSS(), loadAvg())
	return f, nil
}

// generator makes a deterministic customer book: people on no list from
// the bench's generated name tables, and one customer in a hundred from
// the rescreen tests' generated book of the change.
type generator struct {
	cultures []namegen.Culture
	listed   []rescreen.Customer
	every    int // one customer in every is from listed; 0: none
}

func newGenerator(bookPath string) (*generator, error) {
	g := &generator{}
	cs, err := namegen.Load(os.DirFS("bench/testdata"))
	if err != nil {
		return nil, fmt.Errorf("name tables in bench/testdata (run from the repository root): %w", err)
	}
	g.cultures = cs
	f, err := os.Open(bookPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l struct{ ID, Name, Kind, DOB, Country string }
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("%s: %w", bookPath, err)
		}
		if strings.Contains(l.ID, "/clean/") {
			continue
		}
		g.listed = append(g.listed, rescreen.Customer{ID: l.ID, Party: screening.Party{Name: l.Name, Kind: lists.Kind(l.Kind), BirthDate: l.DOB, Country: l.Country}})
	}
	return g, sc.Err()
}

func (g *generator) customers(n int) iter.Seq[rescreen.Customer] {
	return func(yield func(rescreen.Customer) bool) {
		h := fnv.New64a()
		h.Write([]byte("rescreen-bench"))
		r := rand.New(rand.NewPCG(20261202, h.Sum64()))
		for i := range n {
			var c rescreen.Customer
			if g.every > 0 && i%g.every == g.every/2 && len(g.listed) > 0 {
				c = g.listed[(i/g.every)%len(g.listed)]
			} else {
				cu := &g.cultures[r.IntN(len(g.cultures))]
				pat := cu.Patterns[r.IntN(len(cu.Patterns))]
				name := cu.Spell(pat, func(_ int, ns []string) string { return ns[r.IntN(len(ns))] })
				c.Party = screening.Party{Name: name, Kind: lists.Person}
			}
			c.ID = fmt.Sprintf("C%09d", i+1)
			c.Seq = int64(i + 1)
			if !yield(c) {
				return
			}
		}
	}
}

// write writes the book as JSON Lines, as freezeguard rescreen reads it.
func (g *generator) write(path string, n int) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	for c := range g.customers(n) {
		l := struct {
			ID      string `json:"id"`
			Name    string `json:"name"`
			Kind    string `json:"kind,omitempty"`
			DOB     string `json:"dob,omitempty"`
			Country string `json:"country,omitempty"`
		}{c.ID, c.Party.Name, string(c.Party.Kind), c.Party.BirthDate, c.Party.Country}
		if err := enc.Encode(l); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// discard is the audit log of the benchmark: what is measured is the
// rescreen, not a log (an in-memory log would hold every decision).
type discard struct{}

func (discard) Append(context.Context, string, any) (audit.Record, error) {
	return audit.Record{}, nil
}
