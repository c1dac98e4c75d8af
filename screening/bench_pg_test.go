package screening

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/internal/pgtest"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// benchPayment is the payment BenchmarkDecide decides: two parties on no
// list, the common case of a payment switch.
var benchPayment = Payment{ID: "bench", Parties: []PaymentParty{
	{Role: Debtor, Path: "Dbtr/Nm", Party: Party{Name: "Margaret Eleanor Whitfield", Country: "GB"}},
	{Role: Creditor, Path: "Cdtr/Nm", Party: Party{Name: "Northwind Trading GmbH", Country: "DE"}},
}}

// decideLoop decides n payments from 64 goroutines: the payment threads
// of a busy switch, whose concurrent decisions share one commit.
func decideLoop(s *Screener, n int) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	var first atomic.Pointer[error]
	for range 64 {
		wg.Go(func() {
			for next.Add(1) <= int64(n) {
				if _, err := s.Decide(context.Background(), benchPayment); err != nil {
					first.CompareAndSwap(nil, &err)
					return
				}
			}
		})
	}
	wg.Wait()
	if p := first.Load(); p != nil {
		return *p
	}
	return nil
}

const decideHelperEnv = "FREEZEGUARD_DECIDE_PG_HELPER"

// TestDecidePostgresHelper is the child of BenchmarkDecidePostgres: with
// decideHelperEnv set to "DSN|N" it builds a Screener logging to the
// PostgreSQL store, prints "ready", waits for a line on stdin, decides N
// payments and prints "done". Run directly, it does nothing.
func TestDecidePostgresHelper(t *testing.T) {
	spec := os.Getenv(decideHelperEnv)
	if spec == "" {
		return
	}
	dsn, nStr, _ := strings.Cut(spec, "|")
	n, _ := strconv.Atoi(nStr)
	log, err := audit.OpenPostgres(context.Background(), dsn, audit.WithVerifyOnOpen(false))
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(2)
	}
	s, err := New(context.Background(), realSnapshot(t), Options{Policy: DefaultPolicy(JurisdictionUS), Log: log, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(2)
	}
	fmt.Println("ready")
	bufio.NewReader(os.Stdin).ReadString('\n')
	if err := decideLoop(s, n); err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(3)
	}
	if err := log.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(4)
	}
	fmt.Println("done")
	os.Exit(0)
}

// BenchmarkDecidePostgres: whole decisions (screening, the decision
// record, the durable append) per second, from 64 goroutines per process:
// into the file log (fsync, group commit) in this process, and into one
// PostgreSQL chain from 1 and from 4 processes (synchronous_commit on).
//
// Run: go test -run '^$' -bench DecidePostgres -benchtime 20000x ./screening/
func BenchmarkDecidePostgres(b *testing.B) {
	b.Run("file/procs=1", func(b *testing.B) {
		log, err := audit.Open(filepath.Join(b.TempDir(), "audit.jsonl"), audit.WithLogger(slog.New(slog.DiscardHandler)))
		if err != nil {
			b.Fatal(err)
		}
		defer log.Close()
		s, err := New(context.Background(), realSnapshot(b), Options{Policy: DefaultPolicy(JurisdictionUS), Log: log, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		start := time.Now()
		if err := decideLoop(s, b.N); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "decisions/s")
	})
	for _, procs := range []int{1, 4} {
		b.Run(fmt.Sprintf("postgres/procs=%d", procs), func(b *testing.B) {
			dsn := pgtest.Schema(b, "fg_bench_")
			l, err := audit.OpenPostgres(context.Background(), dsn)
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
				cmd := exec.Command(os.Args[0], "-test.run=^TestDecidePostgresHelper$", "-test.count=1")
				cmd.Env = append(os.Environ(), decideHelperEnv+"="+dsn+"|"+strconv.Itoa(n))
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
			rep, err := audit.VerifyPostgres(context.Background(), dsn, 0, "")
			if err != nil {
				b.Fatal(err)
			}
			// One lists-loaded record per process, then the decisions.
			if want := uint64(b.N + procs); rep.Records != want {
				b.Fatalf("chain holds %d records, want %d", rep.Records, want)
			}
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "decisions/s")
		})
	}
}
