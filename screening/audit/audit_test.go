package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var ctx = context.Background()

// fixedClock returns a clock that advances by one millisecond per reading,
// starting at a fixed time, so that logs are reproducible.
func fixedClock() func() time.Time {
	var mu sync.Mutex
	t := time.Date(2026, 11, 27, 23, 36, 30, 123456789, time.UTC)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Millisecond)
		return t
	}
}

func openT(t *testing.T, path string, opts ...Option) *FileLog {
	t.Helper()
	l, err := Open(path, opts...)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func readLines(t *testing.T, path string) [][]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func sameRecord(t *testing.T, got, want Record) {
	t.Helper()
	if got.Seq != want.Seq || !got.Time.Equal(want.Time) || got.Type != want.Type ||
		!bytes.Equal(got.Body, want.Body) || got.Prev != want.Prev || got.Hash != want.Hash {
		t.Errorf("record differs:\n got %+v\nwant %+v", got, want)
	}
}

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	l := openT(t, path)
	if !l.OpenReport().Created {
		t.Error("OpenReport().Created = false for a new file")
	}
	types := []string{TypeListsLoaded, TypeDecision, TypeDecision, TypeReview}
	var appended []Record
	for i, d := range realDecisions(t, 40) {
		r, err := l.Append(ctx, types[i%len(types)], d)
		if err != nil {
			t.Fatalf("Append %d: %v", i, err)
		}
		if r.Seq != uint64(i+1) {
			t.Fatalf("Append %d: seq %d", i, r.Seq)
		}
		if r.Time.Location() != time.UTC {
			t.Errorf("seq %d: time %v not UTC", r.Seq, r.Time)
		}
		if i > 0 && r.Prev != appended[i-1].Hash {
			t.Errorf("seq %d: prev %s, want %s", r.Seq, r.Prev, appended[i-1].Hash)
		}
		appended = append(appended, r)
	}
	if seq, hash := l.Head(); seq != 40 || hash != appended[39].Hash {
		t.Errorf("Head() = %d %s", seq, hash)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}

	rep, err := VerifyFile(path)
	if err != nil {
		t.Fatalf("VerifyFile: %v", err)
	}
	if rep.Records != 40 || rep.Torn != nil || rep.Head.Hash != appended[39].Hash {
		t.Errorf("report %+v", rep)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	i := 0
	for r, err := range Records(f) {
		if err != nil {
			t.Fatal(err)
		}
		sameRecord(t, r, appended[i])
		i++
	}
	if i != 40 {
		t.Errorf("read %d records back", i)
	}
	f.Seek(0, io.SeekStart)
	r, err := FindSeq(f, 17)
	if err != nil {
		t.Fatal(err)
	}
	sameRecord(t, r, appended[16])
	f.Seek(0, io.SeekStart)
	if _, err := FindSeq(f, 41); !errors.Is(err, io.EOF) {
		t.Errorf("FindSeq(41) = %v, want io.EOF", err)
	}

	// Reopening continues the chain.
	l2 := openT(t, path)
	if rep := l2.OpenReport(); rep.Created || rep.Records != 40 || rep.Torn != nil {
		t.Errorf("OpenReport %+v", rep)
	}
	r, err = l2.Append(ctx, TypeReview, map[string]string{"decision": "E2E-x", "reviewer": "alice"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Seq != 41 || r.Prev != appended[39].Hash {
		t.Errorf("after reopen: seq %d prev %s", r.Seq, r.Prev)
	}
	l2.Close()
	if rep, err := VerifyFile(path); err != nil || rep.Records != 41 {
		t.Errorf("VerifyFile after reopen: %+v, %v", rep, err)
	}
}

// TestHashDefinition recomputes a record hash from the definition in
// docs/audit.md, independently of the package's encoder.
func TestHashDefinition(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	m := NewMemory(WithClock(func() time.Time { return now }))
	body := json.RawMessage(`{ "z": [1.50, "<é>\u0001\"\\/"], "a": {"y": null, "b": true} }`)
	r, err := m.Append(ctx, TypeDecision, body)
	if err != nil {
		t.Fatal(err)
	}
	wantBody := `{"a":{"b":true,"y":null},"z":[1.50,"<é>\u0001\"\\/"]}`
	if string(r.Body) != wantBody {
		t.Errorf("body %s\nwant %s", r.Body, wantBody)
	}
	in := `{"body":` + wantBody + `,"prev":"","seq":1,"time":"2026-01-02T03:04:05Z","type":"decision"}`
	sum := sha256.Sum256([]byte(in))
	if want := hex.EncodeToString(sum[:]); r.Hash != want {
		t.Errorf("hash %s, want %s", r.Hash, want)
	}
	if h, err := r.ComputeHash(); err != nil || h != r.Hash {
		t.Errorf("ComputeHash = %s, %v", h, err)
	}
	var b bytes.Buffer
	m.WriteTo(&b)
	wantLine := `{"body":` + wantBody + `,"hash":"` + r.Hash + `","prev":"","seq":1,"time":"2026-01-02T03:04:05Z","type":"decision"}` + "\n"
	if b.String() != wantLine {
		t.Errorf("line %s\nwant %s", b.String(), wantLine)
	}
}

func TestCanonical(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"b":1,"a":2}`, `{"a":2,"b":1}`},
		{" [ 1 , 2.0 , -0 , 1E+5 ] ", `[1,2.0,-0,1E+5]`},
		{`"\u00e9\u2028\u003c\/\ud83d\ude00"`, "\"é\u2028</😀\""},
		{`"\u001f\u007f\b\f\n\r\t"`, "\"\\u001f\x7f\\b\\f\\n\\r\\t\""},
		{`{"é":1,"z":2,"Z":3,"":4}`, `{"":4,"Z":3,"z":2,"é":1}`},
		{`null`, `null`},
	} {
		got, err := Canonical([]byte(c.in))
		if err != nil || string(got) != c.want {
			t.Errorf("Canonical(%s) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{
		``, `{`, `{"a":1,"a":2}`, `[1] [2]`, `{"a":1}x`, "\"\xff\"", `01`, `[1,]`,
		strings.Repeat("[", 300) + strings.Repeat("]", 300),
	} {
		if got, err := Canonical([]byte(bad)); err == nil {
			t.Errorf("Canonical(%.40q) = %s, want an error", bad, got)
		}
	}
}

// TestBodyRedecoded: a body struct, the same body decoded into
// map[string]any, and a re-indented copy of its JSON hash the same.
func TestBodyRedecoded(t *testing.T) {
	clock := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	for i, d := range realDecisions(t, 200) {
		d.Amount = 1<<62 + int64(i) // beyond float64 precision
		a := NewMemory(WithClock(func() time.Time { return clock }))
		ra, err := a.Append(ctx, TypeDecision, d)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		dec := json.NewDecoder(bytes.NewReader(ra.Body))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		indented, _ := json.MarshalIndent(d, "", "\t")
		for _, body := range []any{m, json.RawMessage(indented)} {
			b := NewMemory(WithClock(func() time.Time { return clock }))
			rb, err := b.Append(ctx, TypeDecision, body)
			if err != nil {
				t.Fatal(err)
			}
			if rb.Hash != ra.Hash || !bytes.Equal(rb.Body, ra.Body) {
				t.Fatalf("%s: struct and %T bodies differ:\n%s\n%s", d.ID, body, ra.Body, rb.Body)
			}
		}
	}
}

// tamperCase edits the lines of a clean 10-record log.
type tamperCase struct {
	name    string
	edit    func(lines [][]byte) [][]byte
	problem Problem
	line    int
	seq     uint64
	records uint64 // valid records before the bad one
}

func cleanLog(t *testing.T, n int, clock func() time.Time) (*MemoryLog, [][]byte) {
	t.Helper()
	m := NewMemory(WithClock(clock))
	for _, d := range realDecisions(t, n) {
		if _, err := m.Append(ctx, TypeDecision, d); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	m.WriteTo(&b)
	return m, bytes.SplitAfter(b.Bytes(), []byte("\n"))[:n]
}

func TestTamper(t *testing.T) {
	_, orig := cleanLog(t, 10, fixedClock())
	// A second log over other people, for records with valid hashes that
	// do not belong to this chain.
	m2 := NewMemory(WithClock(fixedClock()))
	for _, d := range realDecisions(t, 20)[10:] {
		m2.Append(ctx, TypeDecision, d)
	}
	var b2 bytes.Buffer
	m2.WriteTo(&b2)
	other := bytes.SplitAfter(b2.Bytes(), []byte("\n"))

	clone := func(lines [][]byte) [][]byte {
		out := make([][]byte, len(lines))
		for i := range lines {
			out[i] = bytes.Clone(lines[i])
		}
		return out
	}
	// rehash recomputes line i's hash after an edit, as a forger would.
	rehash := func(line []byte) []byte {
		rec, err := decodeRecord(bytes.TrimSuffix(line, []byte("\n")))
		if err != nil {
			t.Fatal(err)
		}
		rec.Hash, _ = hashRecord(&rec, nil)
		return appendLine(nil, &rec)
	}
	cases := []tamperCase{
		{"edit a byte in a body", func(l [][]byte) [][]byte {
			i := bytes.Index(l[3], []byte(`"name":"`)) + len(`"name":"`)
			l[3][i] ^= 0x20 // change the case of the name's first letter
			return l
		}, ProblemHash, 4, 4, 3},
		{"edit a digit in the score", func(l [][]byte) [][]byte {
			i := bytes.Index(l[6], []byte(`"score":0.`)) + len(`"score":0.`)
			l[6][i] = '1'
			return l
		}, ProblemHash, 7, 7, 6},
		{"delete a line", func(l [][]byte) [][]byte {
			return append(l[:4], l[5:]...)
		}, ProblemSeq, 5, 6, 4},
		{"delete the first line", func(l [][]byte) [][]byte {
			return l[1:]
		}, ProblemSeq, 1, 2, 0},
		{"insert a copy of a line", func(l [][]byte) [][]byte {
			return append(l[:6], append([][]byte{bytes.Clone(l[1])}, l[6:]...)...)
		}, ProblemSeq, 7, 2, 6},
		{"insert a forged record", func(l [][]byte) [][]byte {
			return append(l[:6], append([][]byte{other[6]}, l[6:]...)...)
		}, ProblemPrev, 7, 7, 6},
		{"replace a record with a rehashed edit", func(l [][]byte) [][]byte {
			l[2] = rehash(bytes.Replace(l[2], []byte(`"outcome":"hold"`), []byte(`"outcome":"pass"`), 1))
			return l
		}, ProblemPrev, 4, 4, 3},
		{"swap two lines", func(l [][]byte) [][]byte {
			l[2], l[3] = l[3], l[2]
			return l
		}, ProblemSeq, 3, 4, 2},
		{"change a seq", func(l [][]byte) [][]byte {
			l[4] = bytes.Replace(l[4], []byte(`"seq":5,`), []byte(`"seq":6,`), 1)
			return l
		}, ProblemHash, 5, 6, 4},
		{"change a seq and rehash", func(l [][]byte) [][]byte {
			l[4] = rehash(bytes.Replace(l[4], []byte(`"seq":5,`), []byte(`"seq":6,`), 1))
			return l
		}, ProblemSeq, 5, 6, 4},
		{"change a time", func(l [][]byte) [][]byte {
			l[8] = bytes.Replace(l[8], []byte(`"time":"2026-11-27T23`), []byte(`"time":"2026-11-26T23`), 1)
			return l
		}, ProblemHash, 9, 9, 8},
		{"break the JSON", func(l [][]byte) [][]byte {
			l[5] = l[5][10:]
			return l
		}, ProblemMalformed, 6, 0, 5},
		{"empty line", func(l [][]byte) [][]byte {
			return append(l[:2], append([][]byte{[]byte("\n")}, l[2:]...)...)
		}, ProblemMalformed, 3, 0, 2},
		{"extra field", func(l [][]byte) [][]byte {
			l[1] = bytes.Replace(l[1], []byte(`{"body":`), []byte(`{"note":"x","body":`), 1)
			return l
		}, ProblemMalformed, 2, 2, 1},
		{"duplicate field", func(l [][]byte) [][]byte {
			l[1] = bytes.Replace(l[1], []byte(`{"body":`), []byte(`{"type":"review","body":`), 1)
			return l
		}, ProblemMalformed, 2, 0, 1},
		{"time not UTC", func(l [][]byte) [][]byte {
			i := bytes.Index(l[0], []byte(`Z","type"`))
			l[0] = append(append(bytes.Clone(l[0][:i]), `+00:00`...), l[0][i+1:]...)
			return l
		}, ProblemMalformed, 1, 1, 0},
		{"invalid UTF-8", func(l [][]byte) [][]byte {
			i := bytes.Index(l[9], []byte(`"name":"`)) + len(`"name":"`)
			l[9][i] = 0xff
			return l
		}, ProblemMalformed, 10, 0, 9},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := bytes.Join(c.edit(clone(orig)), nil)
			rep, err := Verify(bytes.NewReader(data))
			var te *TamperError
			if !errors.As(err, &te) || !errors.Is(err, ErrTampered) {
				t.Fatalf("Verify = %v, want a *TamperError", err)
			}
			if te.Problem != c.problem || te.Line != c.line || te.Seq != c.seq || rep.Records != c.records {
				t.Errorf("got %s at line %d seq %d after %d records; want %s at line %d seq %d after %d\n%v",
					te.Problem, te.Line, te.Seq, rep.Records, c.problem, c.line, c.seq, c.records, err)
			}
			var off int64
			for _, l := range orig[:c.line-1] {
				off += int64(len(l))
			}
			if c.name != "empty line" && c.name != "delete the first line" && c.name != "delete a line" && te.Offset != off {
				t.Errorf("offset %d, want %d", te.Offset, off)
			}
		})
	}

	// Re-encoding a line without changing any value is not tampering.
	lines := clone(orig)
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(lines[4]))
	dec.UseNumber()
	dec.Decode(&m)
	re, _ := json.Marshal(m) // other key order, HTML escapes
	lines[4] = append(re, '\n')
	if rep, err := Verify(bytes.NewReader(bytes.Join(lines, nil))); err != nil || rep.Records != 10 {
		t.Errorf("re-encoded line: %+v, %v", rep, err)
	}

	// Cutting records off the end is invisible to the chain; the anchored
	// head shows it.
	rep, err := Verify(bytes.NewReader(bytes.Join(orig[:8], nil)))
	if err != nil || rep.Records != 8 {
		t.Fatalf("truncated log: %+v, %v", rep, err)
	}
	full, _ := Verify(bytes.NewReader(bytes.Join(orig, nil)))
	if rep.Head.Hash == full.Head.Hash {
		t.Error("head of truncated log equals head of full log")
	}
}

func TestTornTail(t *testing.T) {
	for _, cut := range []struct {
		name string
		keep func(last []byte) int // bytes of the last line to keep
	}{
		{"mid-line", func(last []byte) int { return len(last) / 2 }},
		{"one byte", func(last []byte) int { return 1 }},
		{"only the newline missing", func(last []byte) int { return len(last) - 1 }},
	} {
		t.Run(cut.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "audit.jsonl")
			l := openT(t, path)
			var recs []Record
			for _, d := range realDecisions(t, 20) {
				r, err := l.Append(ctx, TypeDecision, d)
				if err != nil {
					t.Fatal(err)
				}
				recs = append(recs, r)
			}
			l.Close()
			lines := readLines(t, path)
			last := lines[19]
			var good int64
			for _, line := range lines[:19] {
				good += int64(len(line))
			}
			keep := cut.keep(last)
			if err := os.Truncate(path, good+int64(keep)); err != nil {
				t.Fatal(err)
			}

			rep, err := VerifyFile(path)
			if err != nil {
				t.Fatalf("VerifyFile: %v", err)
			}
			if rep.Records != 19 || rep.Torn == nil || rep.Torn.Line != 20 || rep.Torn.Offset != good || rep.Torn.Size != int64(keep) || rep.Size != good {
				t.Fatalf("report %+v torn %+v", rep, rep.Torn)
			}

			var logBuf bytes.Buffer
			l2 := openT(t, path, WithLogger(slog.New(slog.NewTextHandler(&logBuf, nil))))
			orep := l2.OpenReport()
			if orep.Torn == nil || orep.Records != 19 || orep.TornPath == "" {
				t.Fatalf("OpenReport %+v", orep)
			}
			saved, err := os.ReadFile(orep.TornPath)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(saved, last[:keep]) {
				t.Errorf("saved torn bytes %q, want %q", saved, last[:keep])
			}
			if fi, _ := os.Stat(orep.TornPath); fi.Mode().Perm() != 0o600 {
				t.Errorf("torn file mode %v", fi.Mode().Perm())
			}
			if !strings.Contains(logBuf.String(), "torn") {
				t.Errorf("no warning logged: %q", logBuf.String())
			}
			r, err := l2.Append(ctx, TypeDecision, map[string]string{"id": "after-crash"})
			if err != nil {
				t.Fatal(err)
			}
			if r.Seq != 20 || r.Prev != recs[18].Hash {
				t.Errorf("after recovery: seq %d prev %.8s, want 20 %.8s", r.Seq, r.Prev, recs[18].Hash)
			}
			l2.Close()
			rep, err = VerifyFile(path)
			if err != nil || rep.Records != 20 || rep.Torn != nil {
				t.Errorf("after recovery: %+v, %v", rep, err)
			}
			for i, line := range readLines(t, path)[:19] {
				if !bytes.Equal(line, lines[i]) {
					t.Errorf("line %d changed by recovery", i+1)
				}
			}
		})
	}
}

func TestOpenRefusesTamperedLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	_, lines := cleanLog(t, 5, fixedClock())
	lines[1], lines[2] = lines[2], lines[1]
	data := bytes.Join(lines, nil)
	os.WriteFile(path, data, 0o600)
	_, err := Open(path)
	var te *TamperError
	if !errors.As(err, &te) || te.Line != 2 {
		t.Fatalf("Open = %v, want a TamperError at line 2", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
		t.Error("Open changed a tampered file")
	}
}

func TestFileMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.jsonl")
	l := openT(t, path)
	l.Append(ctx, TypeDecision, map[string]int{"n": 1})
	l.Close()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("new log mode %v, want 0600", fi.Mode().Perm())
	}

	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	var logBuf bytes.Buffer
	l = openT(t, path, WithLogger(slog.New(slog.NewTextHandler(&logBuf, nil))))
	if got := l.OpenReport().OldMode; got != 0o644 {
		t.Errorf("OldMode %v", got)
	}
	if !strings.Contains(logBuf.String(), "0600") {
		t.Errorf("no warning: %q", logBuf.String())
	}
	l.Close()
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after Open %v, want 0600", fi.Mode().Perm())
	}
}

func TestLockAndClose(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	l := openT(t, path)
	if _, err := Open(path); !errors.Is(err, ErrLocked) {
		t.Errorf("second Open = %v, want ErrLocked", err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
	if _, err := l.Append(ctx, TypeDecision, 1); !errors.Is(err, ErrClosed) {
		t.Errorf("Append after Close = %v", err)
	}
	l2 := openT(t, path)
	l2.Close()
}

func TestAppendErrors(t *testing.T) {
	l := openT(t, filepath.Join(t.TempDir(), "audit.jsonl"), WithFsync(FsyncNever))
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := l.Append(cctx, TypeDecision, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled ctx: %v", err)
	}
	for _, typ := range []string{"", "a\nb", strings.Repeat("x", 65), "\xff"} {
		if _, err := l.Append(ctx, typ, 1); err == nil {
			t.Errorf("type %q accepted", typ)
		}
	}
	if _, err := l.Append(ctx, TypeDecision, func() {}); err == nil {
		t.Error("unencodable body accepted")
	}
	if _, err := l.Append(ctx, TypeDecision, json.RawMessage(`{"a":1,"a":2}`)); err == nil {
		t.Error("duplicate keys accepted")
	}
	if _, err := l.Append(ctx, TypeDecision, strings.Repeat("x", MaxRecordSize)); err == nil {
		t.Error("oversized body accepted")
	}
	if seq, _ := l.Head(); seq != 0 {
		t.Errorf("failed appends wrote %d records", seq)
	}
}

// TestCancelWhilePending withdraws a record that is waiting for the writer:
// it must not be written, and the chain must not have a gap.
func TestCancelWhilePending(t *testing.T) {
	block := make(chan struct{})
	entered := make(chan struct{}, 10)
	clock := func() time.Time {
		entered <- struct{}{}
		<-block
		return time.Now()
	}
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	l := openT(t, path, WithClock(clock), WithFsync(FsyncNever))
	first := make(chan error)
	go func() {
		_, err := l.Append(ctx, TypeDecision, "first")
		first <- err
	}()
	<-entered // the writer is sealing "first" and stalls
	cctx, cancel := context.WithCancel(ctx)
	second := make(chan error)
	go func() {
		_, err := l.Append(cctx, TypeDecision, "withdrawn")
		second <- err
	}()
	for { // wait until "withdrawn" is queued
		l.mu.Lock()
		n := len(l.pending)
		l.mu.Unlock()
		if n == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-second; !errors.Is(err, context.Canceled) {
		t.Errorf("withdrawn append: %v", err)
	}
	close(block)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	r, err := l.Append(ctx, TypeDecision, "third")
	if err != nil || r.Seq != 2 {
		t.Fatalf("third: seq %d, %v", r.Seq, err)
	}
	l.Close()
	data, _ := os.ReadFile(path)
	if bytes.Contains(data, []byte("withdrawn")) {
		t.Error("withdrawn record was written")
	}
	if rep, err := VerifyFile(path); err != nil || rep.Records != 2 {
		t.Errorf("%+v, %v", rep, err)
	}
}

func TestConcurrentAppend(t *testing.T) {
	for _, c := range []struct {
		name       string
		group      bool
		fsync      FsyncPolicy
		goroutines int
		each       int
	}{
		{"group commit, fsync", true, FsyncAlways, 32, 40},
		{"no group commit, fsync", false, FsyncAlways, 8, 10},
		{"group commit, no fsync", true, FsyncNever, 64, 50},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "audit.jsonl")
			l := openT(t, path, WithGroupCommit(c.group), WithFsync(c.fsync))
			bodies := realDecisions(t, c.goroutines*c.each)
			got := make([][]Record, c.goroutines)
			var wg sync.WaitGroup
			for g := range c.goroutines {
				wg.Go(func() {
					for i := range c.each {
						r, err := l.Append(ctx, TypeDecision, bodies[g*c.each+i])
						if err != nil {
							t.Error(err)
							return
						}
						got[g] = append(got[g], r)
					}
				})
			}
			wg.Wait()
			l.Close()
			n := c.goroutines * c.each
			bySeq := make(map[uint64]Record, n)
			for _, rs := range got {
				for i, r := range rs {
					if _, dup := bySeq[r.Seq]; dup {
						t.Fatalf("seq %d returned twice", r.Seq)
					}
					if i > 0 && r.Seq <= rs[i-1].Seq {
						t.Errorf("one goroutine's seqs not increasing: %d after %d", r.Seq, rs[i-1].Seq)
					}
					bySeq[r.Seq] = r
				}
			}
			for s := uint64(1); s <= uint64(n); s++ {
				if _, ok := bySeq[s]; !ok {
					t.Fatalf("seq %d missing among %d", s, n)
				}
			}
			rep, err := VerifyFile(path)
			if err != nil || rep.Records != uint64(n) {
				t.Fatalf("VerifyFile: %+v, %v", rep, err)
			}
			f, _ := os.Open(path)
			defer f.Close()
			var prev time.Time
			for r, err := range Records(f) {
				if err != nil {
					t.Fatal(err)
				}
				sameRecord(t, r, bySeq[r.Seq])
				if r.Time.Before(prev) {
					t.Errorf("seq %d: time went backwards", r.Seq)
				}
				prev = r.Time
			}
		})
	}
}

func TestMemoryLog(t *testing.T) {
	m := NewMemory()
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for i := range 25 {
				if _, err := m.Append(ctx, TypeDecision, map[string]int{"g": g, "i": i}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	rep, err := m.Verify()
	if err != nil || rep.Records != 400 {
		t.Fatalf("%+v, %v", rep, err)
	}
	if seq, hash := m.Head(); seq != 400 || hash != rep.Head.Hash {
		t.Errorf("Head %d %s", seq, hash)
	}
	if rs := m.Records(); len(rs) != 400 || rs[399].Seq != 400 {
		t.Errorf("Records: %d", len(rs))
	}
}

// TestMemoryMatchesFile: the memory log and the file log write the same
// bytes for the same records.
func TestMemoryMatchesFile(t *testing.T) {
	at := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return at }
	m := NewMemory(WithClock(clock))
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	l := openT(t, path, WithClock(clock), WithFsync(FsyncNever))
	for _, d := range realDecisions(t, 30) {
		rm, err1 := m.Append(ctx, TypeDecision, d)
		rf, err2 := l.Append(ctx, TypeDecision, d)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		sameRecord(t, rf, rm)
	}
	l.Close()
	var b bytes.Buffer
	m.WriteTo(&b)
	data, _ := os.ReadFile(path)
	if !bytes.Equal(b.Bytes(), data) {
		t.Error("memory and file logs differ")
	}
}

func TestClockBackwards(t *testing.T) {
	times := []time.Time{
		time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC),
		time.Date(2026, 1, 1, 11, 0, 0, 0, time.UTC), // clock stepped back
		time.Date(2026, 1, 1, 13, 0, 0, 0, time.FixedZone("CET", 3600)),
	}
	i := 0
	m := NewMemory(WithClock(func() time.Time { i++; return times[i-1] }))
	var got []time.Time
	for range times {
		r, _ := m.Append(ctx, TypeDecision, nil)
		got = append(got, r.Time)
	}
	if !got[1].Equal(got[0]) || !got[2].Equal(times[2]) || got[2].Location() != time.UTC {
		t.Errorf("times %v", got)
	}
}

func TestRedaction(t *testing.T) {
	key := []byte("bank-supplied key, 32 bytes long")
	red, err := NewRedactor(key, "name", "name_original", "matched_name", "dob", "address", "documents", "number")
	if err != nil {
		t.Fatal(err)
	}
	m := NewMemory(WithRedactor(red))
	var withDocs int
	for _, d := range realDecisions(t, 300) {
		d.Note = "" // public list remarks, which name places and people
		r, err := m.Append(ctx, TypeDecision, d)
		if err != nil {
			t.Fatal(err)
		}
		secrets := []string{d.Party.Name, d.Party.Original, d.Party.BirthDate, d.Party.Address}
		for _, doc := range d.Party.Documents {
			secrets = append(secrets, doc.Number)
			withDocs++
		}
		for _, s := range secrets {
			if s != "" && !bytes.Contains(r.Body, []byte(`"`+red.Token(s)+`"`)) {
				t.Errorf("%s: no token for %q in %s", d.ID, s, r.Body)
			}
		}
		var got struct {
			Party map[string]any `json:"party"`
			Hits  []struct {
				Name string `json:"matched_name"`
			} `json:"hits"`
		}
		json.Unmarshal(r.Body, &got)
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case string:
				if v != "" && !isToken(v) {
					t.Errorf("%s: %q readable in party: %s", d.ID, v, r.Body)
				}
			case []any:
				for _, e := range v {
					walk(e)
				}
			case map[string]any:
				for _, e := range v {
					walk(e)
				}
			}
		}
		walk(got.Party)
		if len(got.Hits) != 1 || !isToken(got.Hits[0].Name) {
			t.Errorf("%s: matched name not redacted: %s", d.ID, r.Body)
		}
		if !bytes.Contains(r.Body, []byte(`"name":"`+red.Token(d.Party.Name)+`"`)) {
			t.Errorf("%s: name token for %q not found: %s", d.ID, d.Party.Name, r.Body)
		}
		if !bytes.Contains(r.Body, []byte(`"id":"`+d.ID+`"`)) || !bytes.Contains(r.Body, []byte(`"outcome":"hold"`)) {
			t.Errorf("%s: non-personal fields changed: %s", d.ID, r.Body)
		}
		again, err := red.Redact(r.Body)
		if err != nil || !bytes.Equal(again, r.Body) {
			t.Errorf("redacting twice changed the body")
		}
	}
	if withDocs == 0 {
		t.Error("no test decision had documents")
	}
	if _, err := m.Verify(); err != nil {
		t.Error(err)
	}

	out, _ := red.Redact([]byte(`{"Number":12345,"x":{"NAME":["a",true,null]}}`))
	want := fmt.Sprintf(`{"Number":%q,"x":{"NAME":[%q,true,null]}}`, red.Token("12345"), red.Token("a"))
	if string(out) != want {
		t.Errorf("got %s\nwant %s", out, want)
	}
	other, _ := NewRedactor([]byte("another bank's key of 32 bytes.."))
	if other.Token("x") == red.Token("x") {
		t.Error("different keys, same token")
	}
	if _, err := NewRedactor([]byte("short")); err == nil {
		t.Error("short key accepted")
	}
}

func TestLongLine(t *testing.T) {
	_, lines := cleanLog(t, 3, fixedClock())
	long := append([]byte(`{"body":"`), bytes.Repeat([]byte("x"), MaxRecordSize+10)...)
	data := bytes.Join([][]byte{lines[0], lines[1], long, []byte("\"}\n"), lines[2]}, nil)
	_, err := Verify(bytes.NewReader(data))
	var te *TamperError
	if !errors.As(err, &te) || te.Line != 3 || te.Problem != ProblemMalformed {
		t.Errorf("Verify = %v", err)
	}
	// No record is longer than MaxRecordSize, so neither is a torn write
	// of one: such a tail was appended, not torn.
	rep, err := Verify(bytes.NewReader(data[:len(lines[0])+len(lines[1])+len(long)]))
	if !errors.As(err, &te) || te.Line != 3 || rep.Records != 2 || rep.Torn != nil {
		t.Errorf("long unterminated tail: %+v, %v", rep.Records, err)
	}
}

// TestWriteFailure: after a failed write the log refuses appends instead of
// acknowledging records it may not have kept, and a reopen recovers.
func TestWriteFailure(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	var logBuf bytes.Buffer
	l, err := Open(path, WithLogger(slog.New(slog.NewTextHandler(&logBuf, nil))))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Append(ctx, TypeDecision, "kept"); err != nil {
		t.Fatal(err)
	}
	l.f.Close() // the disk goes away
	if _, err := l.Append(ctx, TypeDecision, "lost"); err == nil {
		t.Fatal("Append succeeded on a closed file")
	}
	_, err = l.Append(ctx, TypeDecision, "refused")
	if err == nil || !strings.Contains(err.Error(), "write") {
		t.Fatalf("Append after failure = %v", err)
	}
	if !strings.Contains(logBuf.String(), "write failed") {
		t.Errorf("failure not logged: %q", logBuf.String())
	}
	if seq, _ := l.Head(); seq != 1 {
		t.Errorf("Head seq %d after failure", seq)
	}
	l.Close()
	l2 := openT(t, path)
	r, err := l2.Append(ctx, TypeDecision, "after reopen")
	if err != nil || r.Seq != 2 {
		t.Fatalf("after reopen: %d, %v", r.Seq, err)
	}
}

// TestCloseWhileAppending: every Append that succeeded before or during
// Close is in the file; the others got ErrClosed.
func TestCloseWhileAppending(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	l := openT(t, path)
	var ok, closed atomic.Int64
	var wg sync.WaitGroup
	started := make(chan struct{}, 16)
	for g := range 16 {
		wg.Go(func() {
			for i := 0; ; i++ {
				_, err := l.Append(ctx, TypeDecision, map[string]int{"g": g, "i": i})
				switch {
				case err == nil:
					ok.Add(1)
					if i == 0 {
						started <- struct{}{}
					}
				case errors.Is(err, ErrClosed):
					closed.Add(1)
					return
				default:
					t.Error(err)
					return
				}
			}
		})
	}
	for range 16 {
		<-started
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	rep, err := VerifyFile(path)
	if err != nil || rep.Torn != nil {
		t.Fatalf("%+v, %v", rep, err)
	}
	if rep.Records != uint64(ok.Load()) || closed.Load() != 16 {
		t.Errorf("%d acknowledged, %d in the file, %d goroutines saw ErrClosed", ok.Load(), rep.Records, closed.Load())
	}
}

func TestRecordsTornTail(t *testing.T) {
	_, lines := cleanLog(t, 3, fixedClock())
	data := bytes.Join(lines, nil)
	data = data[:len(data)-5]
	var n int
	var last error
	for _, err := range Records(bytes.NewReader(data)) {
		if err != nil {
			last = err
			break
		}
		n++
	}
	var torn *TornTailError
	if n != 2 || !errors.As(last, &torn) || !errors.Is(last, ErrTornTail) || torn.Line != 3 {
		t.Errorf("%d records, then %v", n, last)
	}
}

func TestOpenNotRegular(t *testing.T) {
	if _, err := Open(t.TempDir()); err == nil {
		t.Error("Open of a directory succeeded")
	}
	if _, err := Open(filepath.Join(t.TempDir(), "missing", "audit.jsonl")); err == nil {
		t.Error("Open in a missing directory succeeded")
	}
}

// TestBodySizeLimit: the largest body Append takes, with the longest type,
// still makes a line the Reader accepts.
func TestBodySizeLimit(t *testing.T) {
	typ := strings.Repeat(`"`, 64) // escaped to 128 bytes
	m := NewMemory()
	big := strings.Repeat("x", maxBodySize-2) // plus quotes: maxBodySize
	if _, err := m.Append(ctx, typ, big); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Append(ctx, typ, big+"x"); err == nil {
		t.Fatal("body over the limit accepted")
	}
	if rep, err := m.Verify(); err != nil || rep.Records != 1 {
		t.Fatalf("%+v, %v", rep, err)
	}
}

// TestQuickOpen: WithVerifyOnOpen(false) finds the same head and torn tail
// as a full verification, from the end of the file alone.
func TestQuickOpen(t *testing.T) {
	_, lines := cleanLog(t, 12, fixedClock())
	clean := bytes.Join(lines, nil)
	last := len(clean) - len(lines[11])
	for name, data := range map[string][]byte{
		"empty":          {},
		"clean":          clean,
		"torn":           clean[:len(clean)-9],
		"no newline":     clean[:len(clean)-1],
		"torn first":     lines[0][:40],
		"one record":     lines[0],
		"torn after one": append(bytes.Clone(lines[0]), lines[1][:3]...),
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			full, quick := filepath.Join(dir, "full"), filepath.Join(dir, "quick")
			os.WriteFile(full, data, 0o600)
			os.WriteFile(quick, data, 0o600)
			discard := WithLogger(slog.New(slog.DiscardHandler))
			lf := openT(t, full, discard)
			lq := openT(t, quick, discard, WithVerifyOnOpen(false))
			rf, rq := lf.OpenReport(), lq.OpenReport()
			if rf.Records != rq.Records || rf.Head.Hash != rq.Head.Hash || (rf.Torn == nil) != (rq.Torn == nil) {
				t.Fatalf("full %+v\nquick %+v", rf, rq)
			}
			if rf.Torn != nil && *rf.Torn != *rq.Torn {
				t.Errorf("torn: full %+v, quick %+v", rf.Torn, rq.Torn)
			}
			a, err1 := lf.Append(ctx, TypeDecision, "next")
			b, err2 := lq.Append(ctx, TypeDecision, "next")
			if err1 != nil || err2 != nil || a.Seq != b.Seq || a.Prev != b.Prev {
				t.Errorf("next record: %+v %v / %+v %v", a, err1, b, err2)
			}
		})
	}

	// A tampered last record is caught; tampering further back is left to
	// Verify.
	dir := t.TempDir()
	path := filepath.Join(dir, "a")
	edited := bytes.Clone(clean)
	i := last + bytes.Index(lines[11], []byte(`"outcome":"hold"`)) + len(`"outcome":"`)
	edited[i] = 'H'
	os.WriteFile(path, edited, 0o600)
	if _, err := Open(path, WithVerifyOnOpen(false)); !errors.Is(err, ErrTampered) {
		t.Errorf("tampered last record: %v", err)
	}
	swapped := bytes.Join([][]byte{lines[1], lines[0], bytes.Join(lines[2:], nil)}, nil)
	os.WriteFile(path, swapped, 0o600)
	l, err := Open(path, WithVerifyOnOpen(false))
	if err != nil {
		t.Fatalf("quick open of a log tampered early: %v", err)
	}
	l.Close()
	if _, err := VerifyFile(path); !errors.Is(err, ErrTampered) {
		t.Errorf("VerifyFile: %v", err)
	}
}

func TestVerifyAnchor(t *testing.T) {
	m, lines := cleanLog(t, 10, fixedClock())
	seq, hash := m.Head()
	full := bytes.Join(lines, nil)
	if rep, err := VerifyAnchor(bytes.NewReader(full), seq, hash); err != nil || rep.Records != 10 {
		t.Errorf("intact: %+v, %v", rep, err)
	}
	// An older anchor still holds as the log grows.
	rec7, _ := FindSeq(bytes.NewReader(full), 7)
	if _, err := VerifyAnchor(bytes.NewReader(full), 7, rec7.Hash); err != nil {
		t.Errorf("older anchor: %v", err)
	}
	// Cut off the end: the chain is fine, the anchor is not.
	if _, err := VerifyAnchor(bytes.NewReader(bytes.Join(lines[:8], nil)), seq, hash); !errors.Is(err, ErrAnchorMismatch) {
		t.Errorf("truncated: %v", err)
	}
	// Rewritten from scratch with fresh hashes (here: another clock).
	_, other := cleanLog(t, 10, func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) })
	rewritten := bytes.Join(other, nil)
	if _, err := Verify(bytes.NewReader(rewritten)); err != nil {
		t.Fatal(err)
	}
	if _, err := VerifyAnchor(bytes.NewReader(rewritten), seq, hash); !errors.Is(err, ErrAnchorMismatch) {
		t.Errorf("rewritten: %v", err)
	}
	// Tampering is still reported as tampering.
	lines[2], lines[3] = lines[3], lines[2]
	if _, err := VerifyAnchor(bytes.NewReader(bytes.Join(lines, nil)), seq, hash); !errors.Is(err, ErrTampered) {
		t.Errorf("swapped: %v", err)
	}
}

// TestVerifyWhileAppending: a reader verifying the log while it is being
// written sees at most a torn tail, never tampering.
func TestVerifyWhileAppending(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	l := openT(t, path, WithFsync(FsyncNever))
	bodies := realDecisions(t, 400)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < len(bodies); i += 4 {
				if _, err := l.Append(ctx, TypeDecision, bodies[i]); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	var checks, torn int
	for running := true; running; checks++ {
		select {
		case <-done:
			running = false
		default:
		}
		rep, err := VerifyFile(path)
		if err != nil {
			t.Fatalf("check %d: %v", checks, err)
		}
		if rep.Torn != nil {
			torn++
		}
	}
	t.Logf("%d checks while appending, %d saw a torn tail", checks, torn)
}

// TestCutTail: a log whose last write came back as zeros (a power loss on
// some file systems) is refused by Open with the offset of the damage;
// CutTail there lets Open continue the chain.
func TestCutTail(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	_, lines := cleanLog(t, 6, fixedClock())
	good := bytes.Join(lines[:4], nil)
	zeros := make([]byte, 4096)
	damaged := append(append(append(bytes.Clone(good), zeros[:100]...), '\n'), bytes.Join(lines[5:], nil)...)
	os.WriteFile(path, damaged, 0o600)

	_, err := Open(path)
	var te *TamperError
	if !errors.As(err, &te) || te.Offset != int64(len(good)) || !strings.Contains(te.Detail, "NUL") {
		t.Fatalf("Open = %v", err)
	}
	if _, err := CutTail(path, te.Offset+1); err == nil {
		t.Error("CutTail mid-line succeeded")
	}
	if _, err := CutTail(path, int64(len(lines[0]))+10); err == nil {
		t.Error("CutTail inside a good record succeeded")
	}
	l := openT(t, filepath.Join(t.TempDir(), "other.jsonl"))
	if _, err := CutTail(l.Path(), 0); err == nil {
		t.Error("CutTail of an open (or empty) log succeeded")
	}
	saved, err := CutTail(path, te.Offset)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(saved); !bytes.Equal(b, damaged[len(good):]) {
		t.Error("cut bytes not kept")
	}
	l2 := openT(t, path)
	r, err := l2.Append(ctx, TypeDecision, "after repair")
	if err != nil || r.Seq != 5 {
		t.Fatalf("after CutTail: seq %d, %v", r.Seq, err)
	}
	l2.Close()
	if rep, err := VerifyFile(path); err != nil || rep.Records != 5 {
		t.Errorf("%+v, %v", rep, err)
	}
}

func TestCutTailLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	l := openT(t, path, WithFsync(FsyncNever))
	l.Append(ctx, TypeDecision, 1)
	l.Append(ctx, TypeDecision, 2)
	if _, err := CutTail(path, 10); !errors.Is(err, ErrLocked) {
		t.Errorf("CutTail while open: %v", err)
	}
}

func TestTamperErrorText(t *testing.T) {
	for _, c := range []struct {
		e    TamperError
		want string
	}{
		{TamperError{Line: 3, Offset: 120, Seq: 4, Problem: ProblemSeq, Detail: "want seq 3 after seq 2"},
			"audit: line 3, byte 120, seq 4: seq mismatch: want seq 3 after seq 2"},
		{TamperError{Offset: 99, Problem: ProblemMalformed, Detail: "last record: not a record", Err: errors.New("byte 0: unexpected 'x'")},
			"audit: byte 99: malformed: last record: not a record: byte 0: unexpected 'x'"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

// TestDefaultRedaction runs the default fields over a body shaped like
// package screening's decision (party, explanation, payment text).
func TestDefaultRedaction(t *testing.T) {
	red, err := NewRedactor([]byte("bank-supplied key, 32 bytes long"))
	if err != nil {
		t.Fatal(err)
	}
	people, err := loadUN()
	if err != nil {
		t.Fatal(err)
	}
	p := people[2]
	name := p.First + " " + p.Second
	body := map[string]any{
		"id": "E2E-1",
		"payment": map[string]any{
			"id":   "E2E-1",
			"text": []string{"invoice for " + name},
			"parties": []any{map[string]any{
				"role": "debtor",
				"party": map[string]any{
					"name": name, "dob": "1948", "address": "Musanze District",
					"documents": []any{map[string]string{"type": "passport", "number": "PC123"}},
					"crypto":    "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh",
				},
			}},
		},
		"parties": []any{map[string]any{
			"hits": []any{map[string]any{
				"entity_id": "un:" + p.Ref,
				"explanation": map[string]any{
					"query":     strings.ToLower(name),
					"tokens":    []any{map[string]string{"query": strings.ToLower(p.First), "candidate": strings.ToLower(p.First)}},
					"unmatched": []string{strings.ToLower(p.Second)},
				},
			}},
		}},
	}
	out, err := red.Redact(must(json.Marshal(body)))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{name, strings.ToLower(name), strings.ToLower(p.Second), "PC123", "Musanze", "bc1q"} {
		if bytes.Contains(out, []byte(s)) {
			t.Errorf("%q readable: %s", s, out)
		}
	}
	for _, s := range []string{`"role":"debtor"`, `"entity_id":"un:` + p.Ref + `"`, `"candidate":"` + strings.ToLower(p.First) + `"`} {
		if !bytes.Contains(out, []byte(s)) {
			t.Errorf("%s missing: %s", s, out)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestOptionsAndTexts(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(filepath.Join(dir, "a"), WithFsync(FsyncPolicy(7))); err == nil {
		t.Error("unknown fsync policy accepted")
	}
	if _, err := Open(filepath.Join(dir, "b"), WithClock(nil)); err == nil {
		t.Error("nil clock accepted")
	}
	if _, err := os.Stat(filepath.Join(dir, "a")); !errors.Is(err, os.ErrNotExist) {
		t.Error("Open with bad options created the file")
	}
	if FsyncAlways.String() != "always" || FsyncNever.String() != "never" || FsyncPolicy(7).String() != "FsyncPolicy(7)" {
		t.Error("FsyncPolicy.String")
	}
	e := &TornTailError{Line: 20, Offset: 9000, Size: 17}
	if got, want := e.Error(), "audit: torn tail: line 20 at byte 9000: 17 bytes without a newline"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if _, err := NewRedactor([]byte("0123456789abcdef"), "name", ""); err == nil {
		t.Error("empty field name accepted")
	}
}

// TestAppendedGarbageIsNotTorn: bytes appended without a newline passed as
// a harmless torn tail (issue 9), also under VerifyAnchor. Only a prefix of
// a record, or NUL bytes from a power loss, is a torn write.
func TestAppendedGarbageIsNotTorn(t *testing.T) {
	_, lines := cleanLog(t, 4, fixedClock())
	clean := bytes.Join(lines, nil)
	var head Record
	for rec := range Records(bytes.NewReader(clean)) {
		head = rec
	}
	for name, tail := range map[string]string{
		"text":          "garbage",
		"json":          `{"seq":5,"hash":"x"}`,
		"record start":  `{"body":{"x":1}` + "\x01",
		"almost start":  `{"bod`[:3] + "X",
		"binary":        "\x89PNG\r",
		"record copied": string(lines[3][:len(lines[3])-1]) + "x\x00",
	} {
		data := append(bytes.Clone(clean), tail...)
		_, err := Verify(bytes.NewReader(data))
		var te *TamperError
		if !errors.As(err, &te) || te.Problem != ProblemMalformed || te.Offset != int64(len(clean)) {
			t.Errorf("%s: Verify = %v", name, err)
		}
		if _, err := VerifyAnchor(bytes.NewReader(data), head.Seq, head.Hash); !errors.Is(err, ErrTampered) {
			t.Errorf("%s: VerifyAnchor = %v", name, err)
		}
		if _, err := readTail(bytes.NewReader(data), int64(len(data))); !errors.Is(err, ErrTampered) {
			t.Errorf("%s: quick tail read = %v", name, err)
		}
	}
	for name, tail := range map[string][]byte{
		"record prefix": lines[3][:30],
		"start only":    []byte(`{"bo`),
		"power loss":    make([]byte, 512),
	} {
		data := append(bytes.Clone(lines[0]), tail...)
		rep, err := Verify(bytes.NewReader(data))
		if err != nil || rep.Torn == nil {
			t.Errorf("%s: Verify = %+v, %v; want a torn tail", name, rep.Torn, err)
		}
	}
}

// TestMismatchPrintsFullHashes: 16-character prefixes can be equal while
// the hashes differ; the messages print the whole hashes.
func TestMismatchPrintsFullHashes(t *testing.T) {
	_, lines := cleanLog(t, 3, fixedClock())
	var recs []Record
	for rec := range Records(bytes.NewReader(bytes.Join(lines, nil))) {
		recs = append(recs, rec)
	}
	bad := bytes.Replace(lines[1], []byte(recs[0].Hash), []byte(recs[0].Hash[:63]+"0"), 1)
	if recs[0].Hash[63] == '0' {
		bad = bytes.Replace(lines[1], []byte(recs[0].Hash), []byte(recs[0].Hash[:63]+"1"), 1)
	}
	_, err := Verify(bytes.NewReader(bytes.Join([][]byte{lines[0], bad, lines[2]}, nil)))
	if err == nil || !strings.Contains(err.Error(), recs[0].Hash) && !strings.Contains(err.Error(), recs[1].Hash) {
		t.Errorf("error does not show a full hash: %v", err)
	}
}
