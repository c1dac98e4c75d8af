package audit

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const crashEnv = "FREEZEGUARD_AUDIT_CRASH_LOG"

// TestHelperProcess is the child of TestCrash: when crashEnv names a log it
// appends real decisions from 8 goroutines until it is killed, printing
// "ack <seq> <hash>" for each record after Append has returned. Run
// directly, it does nothing.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		return
	}
	l, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(2)
	}
	bodies := realDecisions(t, 500)
	var mu sync.Mutex
	for g := range 8 {
		go func() {
			for i := g; ; i += 8 {
				r, err := l.Append(ctx, TypeDecision, bodies[i%len(bodies)])
				if err != nil {
					fmt.Fprintln(os.Stderr, "helper:", err)
					os.Exit(3)
				}
				mu.Lock()
				os.Stdout.WriteString("ack " + strconv.FormatUint(r.Seq, 10) + " " + r.Hash + "\n")
				mu.Unlock()
			}
		}()
	}
	select {} // until killed
}

// TestCrash kills a child process that is appending with SIGKILL at a
// random moment, several times over the same log. After each kill the log
// must verify (up to a possibly torn tail) and hold every record the child
// acknowledged, unchanged; the next child must recover and continue.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	acked := make(map[uint64]string)
	torn := 0
	for round := range 6 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+path)
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			defer close(lines)
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
		}()
		var first bool
		var kill <-chan time.Time
		timeout := time.After(60 * time.Second)
		n := 0
	read:
		for {
			select {
			case line, ok := <-lines:
				if !ok {
					break read
				}
				f := strings.Fields(line)
				if len(f) != 3 || f[0] != "ack" {
					continue
				}
				seq, err := strconv.ParseUint(f[1], 10, 64)
				if err != nil {
					t.Fatalf("child printed %q", line)
				}
				acked[seq] = f[2]
				n++
				if !first {
					first = true
					kill = time.After(time.Duration(rand.N(200)) * time.Millisecond)
				}
			case <-kill:
				cmd.Process.Kill() // SIGKILL
				kill = nil
			case <-timeout:
				cmd.Process.Kill()
				t.Fatal("child acknowledged nothing within 60s")
			}
		}
		err = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(interface{ Signaled() bool }); !ok || !ws.Signaled() {
			t.Fatalf("round %d: child ended on its own: %v", round, err)
		}

		rep, err := VerifyFile(path)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if rep.Torn != nil {
			torn++
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		for r, err := range Records(f) {
			if err != nil {
				if rep.Torn == nil {
					t.Fatal(err)
				}
				break
			}
			if h, ok := acked[r.Seq]; ok && h != r.Hash {
				t.Fatalf("round %d: seq %d: hash %s, child was told %s", round, r.Seq, r.Hash, h)
			}
		}
		f.Close()
		for seq := range acked {
			if seq > rep.Records {
				t.Fatalf("round %d: acknowledged seq %d lost: log has %d records", round, seq, rep.Records)
			}
		}
		t.Logf("round %d: %d acks, log has %d records, torn tail: %v", round, n, rep.Records, rep.Torn != nil)
	}
	t.Logf("%d acknowledged records kept over 6 kills; %d torn tails recovered", len(acked), torn)
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	if rep, err := VerifyFile(path); err != nil || rep.Torn != nil {
		t.Fatalf("after final recovery: %+v, %v", rep, err)
	}
}
