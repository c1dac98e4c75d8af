package audit

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// benchDir is where the benchmark logs go: $FREEZEGUARD_AUDIT_BENCH_DIR if
// set (to measure a particular disk), else a temporary directory.
func benchDir(b *testing.B) string {
	if d := os.Getenv("FREEZEGUARD_AUDIT_BENCH_DIR"); d != "" {
		d, err := os.MkdirTemp(d, "auditbench")
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { os.RemoveAll(d) })
		return d
	}
	return b.TempDir()
}

// BenchmarkAppend appends real decision bodies from a fixed number of
// goroutines and reports records/s and records per write (per fsync with
// FsyncAlways).
func BenchmarkAppend(b *testing.B) {
	bodies := realDecisions(b, 256)
	for _, c := range []struct {
		fsync FsyncPolicy
		group bool
	}{
		{FsyncAlways, true},
		{FsyncAlways, false},
		{FsyncNever, true},
		{FsyncNever, false},
	} {
		for _, writers := range []int{1, 8, 64} {
			name := fmt.Sprintf("fsync=%v/group=%v/writers=%d", c.fsync, c.group, writers)
			b.Run(name, func(b *testing.B) {
				l, err := Open(filepath.Join(benchDir(b), "audit.jsonl"), WithFsync(c.fsync), WithGroupCommit(c.group))
				if err != nil {
					b.Fatal(err)
				}
				var next atomic.Int64
				var wg sync.WaitGroup
				b.ResetTimer()
				start := time.Now()
				for range writers {
					wg.Go(func() {
						for {
							i := next.Add(1)
							if i > int64(b.N) {
								return
							}
							if _, err := l.Append(ctx, TypeDecision, bodies[i%int64(len(bodies))]); err != nil {
								b.Error(err)
								return
							}
						}
					})
				}
				wg.Wait()
				elapsed := time.Since(start)
				b.StopTimer()
				if err := l.Close(); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(b.N)/elapsed.Seconds(), "records/s")
				b.ReportMetric(float64(b.N)/float64(l.batches), "records/write")
			})
		}
	}
}

// BenchmarkMemoryAppend is the cost of sealing alone: encoding,
// canonicalising and hashing a real decision body.
func BenchmarkMemoryAppend(b *testing.B) {
	bodies := realDecisions(b, 256)
	m := NewMemory()
	b.ResetTimer()
	for i := range b.N {
		if _, err := m.Append(ctx, TypeDecision, bodies[i%len(bodies)]); err != nil {
			b.Fatal(err)
		}
		if i%10000 == 9999 {
			m = NewMemory()
		}
	}
}

// BenchmarkVerify checks a 10,000-record log of real decisions.
func BenchmarkVerify(b *testing.B) {
	m := NewMemory()
	for _, d := range realDecisions(b, 10000) {
		m.Append(ctx, TypeDecision, d)
	}
	var buf bytes.Buffer
	m.WriteTo(&buf)
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		rep, err := Verify(bytes.NewReader(data))
		if err != nil || rep.Records != 10000 {
			b.Fatal(rep, err)
		}
	}
	b.ReportMetric(float64(b.N)*10000/b.Elapsed().Seconds(), "records/s")
}
