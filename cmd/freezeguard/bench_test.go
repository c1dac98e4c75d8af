package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/screening"
)

// BenchmarkBatch screens 1,000 JSON Lines (every fifth a listed UN name,
// the others clean names) through runBatch, with 1 worker and with all
// cores, and reports lines per second. The audit log keeps nothing, as
// without --audit (see the screening/audit benchmarks for the file log).
func BenchmarkBatch(b *testing.B) {
	snap := loadUN(b)
	ctx := context.Background()
	s, err := screening.New(ctx, snap, screening.Options{Log: &forgetfulLog{}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	clean := []string{"Ingrid Bergstrom", "Maximilian Oberholzer", "Beatrix Lindqvist", "John Smith", "Maria Garcia Lopez"}
	var in strings.Builder
	const lines = 1000
	for i := range lines {
		name := clean[i%len(clean)]
		if i%5 == 0 {
			name = snap.Entities[i%len(snap.Entities)].PrimaryName()
		}
		fmt.Fprintf(&in, "{\"id\":\"%d\",\"name\":%q}\n", i, name)
	}
	for _, workers := range []int{1, 0} {
		name := fmt.Sprintf("workers=%d", workers)
		if workers == 0 {
			name = "workers=all"
		}
		b.Run(name, func(b *testing.B) {
			e := &env{stdout: io.Discard, stderr: io.Discard}
			w := workers
			if w == 0 {
				w = defaultWorkers()
			}
			for b.Loop() {
				if err := e.runBatch(ctx, s, func() error { return nil }, strings.NewReader(in.String()), io.Discard, w); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(lines*b.N)/b.Elapsed().Seconds(), "lines/s")
		})
	}
}
