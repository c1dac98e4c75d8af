package audit

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// BenchmarkPostgresAppend measures durable decisions/s: into PostgreSQL
// (synchronous_commit on, so each commit waits for the server's WAL
// flush) from 1 and from 4 OS processes of 64 appenders each, all on one
// chain, beside the file log (FsyncAlways, group commit, 64 appenders: a
// file has one writing process). The bodies are real decisions (UN list
// people). It reports records/s and records per commit (per fsync).
//
// Run: go test -run '^$' -bench PostgresAppend -benchtime 20000x ./screening/audit/
func BenchmarkPostgresAppend(b *testing.B) {
	b.Run("file/procs=1", func(b *testing.B) {
		bodies := pgDecisions(b, 200)
		l, err := Open(filepath.Join(benchDir(b), "audit.jsonl"))
		if err != nil {
			b.Fatal(err)
		}
		var next atomic.Int64
		var wg sync.WaitGroup
		b.ResetTimer()
		start := time.Now()
		for range 64 {
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
		b.ReportMetric(float64(b.N)/float64(l.batches), "records/commit")
	})
	for _, procs := range []int{1, 4} {
		b.Run(fmt.Sprintf("postgres/procs=%d", procs), func(b *testing.B) {
			dsn := pgTestSchema(b)
			l, err := OpenPostgres(ctx, dsn)
			if err != nil {
				b.Fatal(err)
			}
			l.Close()
			type child struct {
				cmd   *exec.Cmd
				stdin io.WriteCloser
				lines *bufio.Scanner
			}
			var cs []child
			for p := range procs {
				n := b.N / procs
				if p < b.N%procs {
					n++
				}
				cmd := exec.Command(os.Args[0], "-test.run=^TestPostgresHelperProcess$", "-test.count=1")
				cmd.Env = append(os.Environ(), pgHelperEnv+"="+dsn+"|"+strconv.Itoa(max(n, 0))+"|64|wait")
				cmd.Stderr = os.Stderr
				in, _ := cmd.StdinPipe()
				out, _ := cmd.StdoutPipe()
				if err := cmd.Start(); err != nil {
					b.Fatal(err)
				}
				c := child{cmd, in, bufio.NewScanner(out)}
				if !c.lines.Scan() || c.lines.Text() != "ready" {
					b.Fatalf("child %d did not get ready: %q", p, c.lines.Text())
				}
				cs = append(cs, c)
			}
			b.ResetTimer()
			start := time.Now()
			for _, c := range cs {
				io.WriteString(c.stdin, "go\n")
			}
			for p, c := range cs {
				if !c.lines.Scan() || c.lines.Text() != "done" {
					b.Fatalf("child %d: %q", p, c.lines.Text())
				}
				if err := c.cmd.Wait(); err != nil {
					b.Fatalf("child %d: %v", p, err)
				}
			}
			elapsed := time.Since(start)
			b.StopTimer()
			conn, err := pgx.Connect(ctx, dsn)
			if err != nil {
				b.Fatal(err)
			}
			defer conn.Close(ctx)
			var rows, txs int64
			if err := conn.QueryRow(ctx, `SELECT count(*), count(DISTINCT xmin::text) FROM audit_log`).Scan(&rows, &txs); err != nil {
				b.Fatal(err)
			}
			if rows != int64(b.N) {
				b.Fatalf("table holds %d records, want %d", rows, b.N)
			}
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "records/s")
			b.ReportMetric(float64(rows)/float64(txs), "records/commit")
		})
	}
}
