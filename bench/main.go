// Command bench is freezeguard's benchmark and evaluation harness: load and
// build times, memory, per-name latency and throughput of the fuzzy index
// and of whole screening decisions, a brute-force baseline, and match
// quality on every labelled set (OFAC's own search tool, Putin's name in 81
// renderings, development sets generated from the real lists, and hand-written
// hard pairs). It prints one table, with the machine at the top, so that the
// figures can be quoted; -json writes the same figures as JSON.
//
// Usage:
//
//	go run ./bench                         # everything
//	go run ./bench -only latency,quality   # a subset
//	go run ./bench -json bench.json        # also write JSON
//
// Sections: load, build, latency, throughput, brute, serve, quality (or its parts
// parity, putin, script, variants, clean, pairs). See bench/README.md for
// what each figure means.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"time"
)

// Config selects what the harness measures and how much.
type Config struct {
	Only       []string      `json:"only"`        // sections to run; all if empty
	Root       string        `json:"root"`        // module root (testdata/ lives there)
	Seed       uint64        `json:"seed"`        // for every generated set and the query mix
	Runs       int           `json:"runs"`        // repetitions for load/build medians
	Queries    int           `json:"queries"`     // names in the latency mix
	Listed     float64       `json:"listed"`      // share of listed (altered) names in the mix
	Duration   time.Duration `json:"duration"`    // per throughput measurement
	Brute      int           `json:"brute"`       // queries for the brute-force baseline
	Clean      int           `json:"clean"`       // generated people on no list (dev set c)
	PerVariant int           `json:"per_variant"` // altered listed names per alteration kind (dev set b)
	Misses     int           `json:"-"`           // misses and false alerts listed per kind in the notes
}

// String is the configuration line printed under the machine line: every
// size and seed, so a run can be repeated exactly.
func (c Config) String() string {
	only := "all"
	if len(c.Only) > 0 {
		only = strings.Join(c.Only, ",")
	}
	return fmt.Sprintf("only=%s seed=%d runs=%d queries=%d listed=%.0f%% duration=%s brute=%d clean=%d per_variant=%d",
		only, c.Seed, c.Runs, c.Queries, 100*c.Listed, c.Duration, c.Brute, c.Clean, c.PerVariant)
}

// sections in table order; quality parts expand "quality".
var (
	perfSections    = []string{"load", "build", "latency", "throughput", "brute", "serve"}
	qualitySections = []string{"parity", "putin", "script", "variants", "clean", "pairs", "orgs", "unlisted", "lookalike", "fullnames", "freetext", "compounds", "french"}
)

func (c Config) want(name string) bool {
	if len(c.Only) == 0 {
		return true
	}
	if slices.Contains(c.Only, name) {
		return true
	}
	return slices.Contains(qualitySections, name) && slices.Contains(c.Only, "quality")
}

func defaultConfig() Config {
	return Config{Seed: 20260801, Runs: 5, Queries: 20000, Listed: 0.05, Duration: 3 * time.Second, Brute: 30, Clean: 6000, PerVariant: 300, Misses: 3}
}

func main() {
	cfg := defaultConfig()
	only := flag.String("only", "", "comma-separated sections: "+strings.Join(perfSections, ",")+",quality (= "+strings.Join(qualitySections, ",")+")")
	jsonPath := flag.String("json", "", "also write the figures as JSON to this file (- for stdout)")
	flag.StringVar(&cfg.Root, "root", "", "module root holding testdata/ (found from the working directory if empty)")
	flag.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "seed for generated sets and the query mix")
	flag.IntVar(&cfg.Runs, "runs", cfg.Runs, "repetitions for load and build medians")
	flag.IntVar(&cfg.Queries, "queries", cfg.Queries, "names in the latency mix")
	flag.Float64Var(&cfg.Listed, "listed", cfg.Listed, "share of altered listed names in the latency mix")
	flag.DurationVar(&cfg.Duration, "duration", cfg.Duration, "length of each throughput measurement")
	flag.IntVar(&cfg.Brute, "brute", cfg.Brute, "queries for the brute-force baseline")
	flag.IntVar(&cfg.Clean, "clean", cfg.Clean, "generated people on no list (dev set c)")
	flag.IntVar(&cfg.PerVariant, "per-variant", cfg.PerVariant, "altered listed names per alteration kind (dev set b)")
	flag.IntVar(&cfg.Misses, "misses", cfg.Misses, "misses and false alerts listed per set in the notes (at least 12 false alerts)")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this `FILE` (go tool pprof)")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(2)
		}
		defer pprof.StopCPUProfile()
	}
	if *only != "" {
		for _, s := range strings.Split(*only, ",") {
			s = strings.TrimSpace(s)
			if s != "quality" && !slices.Contains(perfSections, s) && !slices.Contains(qualitySections, s) {
				fmt.Fprintf(os.Stderr, "bench: unknown section %q\n", s)
				os.Exit(2)
			}
			cfg.Only = append(cfg.Only, s)
		}
	}
	// The library logs each snapshot load at Info; keep the table clean.
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))

	ctx := context.Background()
	rep, err := run(ctx, cfg, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	if err := rep.WriteTable(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	if *jsonPath != "" {
		if err := writeJSON(rep, *jsonPath); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
	}
}

// writeJSON writes the report to path, or to stdout for "-".
func writeJSON(rep *Report, path string) error {
	if path == "-" {
		return rep.WriteJSON(os.Stdout)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := rep.WriteJSON(f); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Close()
}
