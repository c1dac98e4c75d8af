package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
)

// batchInput is one party to screen, from a JSON Lines or CSV line.
type batchInput struct {
	ID      flexID `json:"id"`
	Name    string `json:"name"`
	Kind    string `json:"kind,omitempty"`
	DOB     string `json:"dob,omitempty"`
	Country string `json:"country,omitempty"`
}

// flexID is an input id given as a JSON string or number (customer
// numbers often come as numbers); it is output as a string.
type flexID string

func (id *flexID) UnmarshalJSON(b []byte) error {
	var n json.Number
	if err := json.Unmarshal(b, &n); err == nil {
		*id = flexID(n)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("id: want a string or a number, got %s", b)
	}
	*id = flexID(s)
	return nil
}

// batchHit is a hit in batch, payment and compare output: the fields a
// downstream system keys on.
type batchHit struct {
	Entity string `json:"entity"`
	// Name is the listed name matched; for a hit on an identifier alone
	// (a BIC, IMO number, ...), where no name was compared, the entity's
	// primary name, and MatchedOn says so.
	Name      string   `json:"name"`
	MatchedOn string   `json:"matched_on"` // "name" or "identifier"
	Primary   string   `json:"primary"`    // the entity's primary name
	NameType  string   `json:"name_type,omitempty"`
	Quality   string   `json:"quality,omitempty"`
	Score     float64  `json:"score"`
	Outcome   string   `json:"outcome"`
	Programs  []string `json:"programs"`
	Flags     []string `json:"flags"`
}

// batchOutput is one output line; Error is set (and Outcome empty) when the
// input line could not be screened.
type batchOutput struct {
	ID       string     `json:"id"`
	Line     int        `json:"line"`
	Outcome  string     `json:"outcome,omitempty"`
	Decision string     `json:"decision,omitempty"` // decision id in the audit log
	Hits     []batchHit `json:"hits"`
	Error    string     `json:"error,omitempty"`
}

func hitsOut(hs []screening.Hit) []batchHit {
	out := make([]batchHit, 0, len(hs))
	for _, h := range hs {
		bh := batchHit{Entity: h.EntityID, Name: h.MatchedName, MatchedOn: "name", Primary: h.PrimaryName,
			NameType: string(h.NameType), Quality: string(h.Quality), Score: h.Score, Outcome: string(h.Outcome),
			Programs: []string{}, Flags: []string{}}
		if h.MatchedName == "" {
			bh.Name, bh.MatchedOn = h.PrimaryName, "identifier"
		}
		for _, p := range h.Programs {
			bh.Programs = append(bh.Programs, p.Code)
		}
		for _, f := range h.Flags {
			bh.Flags = append(bh.Flags, string(f.Code))
		}
		out = append(out, bh)
	}
	return out
}

func (e *env) batch(ctx context.Context, args []string) error {
	fs := e.newFlags("batch", `batch [--in FILE] [--out FILE] [--audit LOG] [--workers N] [--lists PATH] [--jurisdiction J]

Screens one party per input line: JSON Lines {"id","name","kind","dob","country"}
or CSV with a header of those names (dob YYYY, YYYY-MM or YYYY-MM-DD;
country ISO 3166 alpha-2). Writes one JSON object per input line, in input
order: id, line, outcome (FREEZE, HOLD or CLEAR), decision, hits (best
first: entity, name, matched_on, primary, name_type, quality, score,
outcome, programs, flags), or error for a line that could not be screened.
A progress bar is drawn on stderr when it is a terminal.`)
	sf := addScreenerFlags(fs)
	in := fs.String("in", "", "input `FILE`: JSON Lines ({\"id\",\"name\",\"kind\",\"dob\",\"country\"}) or CSV with that header; default stdin")
	out := fs.String("out", "", "output `FILE` (JSON Lines, one line per input line, in input order); default stdout")
	workers := fs.Int("workers", defaultWorkers(), "screen with `N` goroutines; the default is one per core")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usageError(fs, "batch: unexpected argument %q (the input is --in FILE or stdin)", pos[0])
	}
	if *workers < 1 {
		return usageError(fs, "batch: --workers must be at least 1")
	}
	r, w := e.stdin, e.stdout
	if *in == "" && isTerminal(r) {
		fmt.Fprintln(e.stderr, "freezeguard: batch: reading JSON Lines or CSV from the terminal; end with Ctrl-D (or use --in FILE)")
	}
	if *in != "" {
		f, err := os.Open(*in)
		if err != nil {
			return fmt.Errorf("batch: %w", err)
		}
		defer f.Close()
		r = f
	}
	return e.withScreener(ctx, sf, func(ss session) error {
		if *out == "" {
			return e.runBatch(ctx, ss.s, ss.log.Err, r, w, *workers)
		}
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("batch: %w", err)
		}
		err = e.runBatch(ctx, ss.s, ss.log.Err, r, f, *workers)
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("batch: writing output: %w", cerr)
		}
		return err
	})
}

// job is one input line on its way through the workers; results are
// written in input order whatever order the workers finish in.
type job struct {
	line int   // 1-based line number of the record's first line
	end  int64 // input byte offset after the record, for progress
	in   batchInput
	err  error
	done chan batchOutput
}

// runBatch screens every line of r with workers goroutines and writes the
// results to w in input order. logErr reports a failed audit log, which
// stops the run: no decision after it could be acknowledged.
func (e *env) runBatch(ctx context.Context, s *screening.Screener, logErr func() error, r io.Reader, w io.Writer, workers int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	prog := newProgress(e.stderr, inputSize(r))

	jobs := make(chan *job, workers*4)
	pending := make(chan *job, workers*64) // bounds memory: the reader waits for the writer
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.done <- screenOne(ctx, s, j)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(pending)
		defer close(jobs)
		readErr <- readBatch(r, func(j *job) bool {
			j.done = make(chan batchOutput, 1)
			select {
			case pending <- j:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				// Queued for the writer but no worker will take it.
				j.done <- batchOutput{ID: string(j.in.ID), Line: j.line, Hits: []batchHit{}, Error: ctx.Err().Error()}
				return false
			}
			return true
		})
	}()
	var n, failed int
	var werr error
	// Write results in input order until the input is done, or until an
	// interrupt or a write error: then stop at once, without waiting for
	// a reader that may be blocked on a terminal or a pipe.
loop:
	for {
		var j *job
		select {
		case j = <-pending:
		case <-ctx.Done():
			break loop
		}
		if j == nil {
			break loop // pending closed: all input read
		}
		var o batchOutput
		select {
		case o = <-j.done:
		case <-ctx.Done():
			break loop
		}
		if o.Error != "" {
			failed++
			prog.clear()
			switch {
			case failed <= maxReported:
				fmt.Fprintf(e.stderr, "freezeguard: batch: %s\n", o.Error)
			case failed == maxReported+1:
				fmt.Fprintf(e.stderr, "freezeguard: batch: more lines have errors; they are reported in the output only\n")
			}
		}
		if err := enc.Encode(o); err != nil {
			werr = fmt.Errorf("batch: writing output: %w", err)
			cancel()
			break loop
		}
		n++
		prog.update(n, j.end)
		if o.Error == "" {
			continue
		}
		// Every decision before this line was logged; if this one failed
		// because the log did, none after it can be.
		if err := logErr(); err != nil {
			werr = fmt.Errorf("batch: stopped at line %d: the audit log failed: %w", j.line, err)
			cancel()
			break loop
		}
	}
	prog.done(n)
	if err := bw.Flush(); werr == nil && err != nil {
		werr = fmt.Errorf("batch: writing output: %w", err)
	}
	if werr != nil {
		return werr
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("batch: stopped after %d lines: %w", n, err)
	}
	wg.Wait()
	if err := <-readErr; err != nil {
		return fmt.Errorf("batch: reading input: %w", err)
	}
	if failed > 0 {
		fmt.Fprintf(e.stderr, "freezeguard: batch: %d of %d lines had errors (see their \"error\" fields)\n", failed, n)
	}
	return nil
}

func screenOne(ctx context.Context, s *screening.Screener, j *job) batchOutput {
	o := batchOutput{ID: string(j.in.ID), Line: j.line, Hits: []batchHit{}}
	fail := func(err error) batchOutput {
		o.Error = fmt.Sprintf("line %d: %v", j.line, err)
		return o
	}
	if j.err != nil {
		return fail(j.err)
	}
	k, err := lists.ParseKind(j.in.Kind)
	if err != nil {
		return fail(err)
	}
	country, err := parseCountry(j.in.Country)
	if err != nil {
		return fail(err)
	}
	if strings.TrimSpace(j.in.Name) == "" {
		return fail(errors.New("empty name"))
	}
	d, err := s.Screen(ctx, screening.Party{Name: j.in.Name, Kind: k, BirthDate: j.in.DOB, Country: country})
	if err != nil {
		return fail(err)
	}
	o.Outcome, o.Decision = string(d.Outcome), d.ID
	if len(d.Parties) > 0 {
		o.Hits = hitsOut(d.Parties[0].Hits)
	}
	return o
}

// maxReported bounds the bad lines reported on stderr; every one is in
// the output with its error.
const maxReported = 100

// maxLine bounds one input line, and so the memory a bad input can take.
const maxLine = 1 << 20

// readBatch reads JSON Lines or, when the first byte is not '{', CSV with a
// header row naming the columns. A bad line becomes a job carrying its
// error, so the run goes on and the output keeps one line per input line.
// Blank lines are skipped.
func readBatch(r io.Reader, emit func(*job) bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(512)
	if first := bytes.TrimLeft(head, " \t\r\n\ufeff"); len(first) > 0 && first[0] != '{' {
		return readCSV(br, emit)
	}
	var off int64
	for line := 1; ; line++ {
		text, n, tooLong, err := readLine(br, maxLine)
		off += n
		if err != nil && err != io.EOF {
			return fmt.Errorf("line %d: %w", line, err)
		}
		if line == 1 {
			text = bytes.TrimPrefix(text, []byte("\ufeff"))
		}
		text = bytes.TrimSpace(text)
		if len(text) > 0 || tooLong {
			j := &job{line: line, end: off}
			if tooLong {
				j.err = fmt.Errorf("line longer than %d bytes", maxLine)
			} else {
				dec := json.NewDecoder(bytes.NewReader(text))
				dec.DisallowUnknownFields()
				if derr := dec.Decode(&j.in); derr != nil {
					j.err = fmt.Errorf("invalid JSON: %w", derr)
				} else if dec.More() {
					j.err = errors.New("invalid JSON: more than one value on the line")
				}
			}
			if !emit(j) {
				return nil
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line of at most max bytes (without the newline); a
// longer line is consumed whole and reported as tooLong, not kept. n is the
// number of bytes consumed.
func readLine(br *bufio.Reader, max int) (line []byte, n int64, tooLong bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		n += int64(len(frag))
		if !tooLong {
			if len(line)+len(frag) > max+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimSuffix(line, []byte("\n")), n, tooLong, err
	}
}

func readCSV(r io.Reader, emit func(*job) bool) error {
	cr := csv.NewReader(&lineCap{r: r, max: maxLine})
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("CSV header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	if _, ok := col["name"]; !ok {
		return fmt.Errorf("CSV header %q has no \"name\" column", header)
	}
	get := func(rec []string, k string) string {
		if i, ok := col[k]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		j := &job{end: cr.InputOffset()}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return err
			}
			j.line, j.err = pe.StartLine, fmt.Errorf("invalid CSV: %w", pe.Err)
		} else {
			j.line, _ = cr.FieldPos(0)
			j.in = batchInput{ID: flexID(get(rec, "id")), Name: get(rec, "name"), Kind: get(rec, "kind"), DOB: get(rec, "dob"), Country: get(rec, "country")}
		}
		if !emit(j) {
			return nil
		}
	}
}

// lineCap fails a read once a line grows past max bytes, which bounds
// the memory encoding/csv takes for one record line.
type lineCap struct {
	r    io.Reader
	max  int
	cur  int // bytes since the last newline
	line int // completed lines
}

func (l *lineCap) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, b := range p[:n] {
		if b == '\n' {
			l.cur = 0
			l.line++
			continue
		}
		if l.cur++; l.cur > l.max {
			return 0, fmt.Errorf("line %d: longer than %d bytes", l.line+1, l.max)
		}
	}
	return n, err
}

// inputSize is the size of the input when it is a regular file (--in FILE
// or stdin redirected from one), or 0 when unknown (a pipe).
func inputSize(r io.Reader) int64 {
	f, ok := r.(*os.File)
	if !ok {
		return 0
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return 0
	}
	return fi.Size()
}

// isTerminal reports whether f (stderr, stdin) is a terminal, where a
// progress bar belongs.
func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress draws a progress line on stderr when it is a terminal: a bar
// with the percentage of input bytes done when the input size is known,
// a counter otherwise; at most ten redraws a second.
type progress struct {
	w          io.Writer
	on         bool
	total      int64 // input bytes, 0 if unknown
	start      time.Time
	last       time.Time
	every      time.Duration
	lastOffset int64
}

func newProgress(w io.Writer, total int64) *progress {
	now := time.Now()
	return &progress{w: w, on: isTerminal(w), total: total, start: now, every: 100 * time.Millisecond}
}

// update records that n lines are written, up to input offset off.
func (p *progress) update(n int, off int64) {
	if !p.on {
		return
	}
	p.lastOffset = off
	if now := time.Now(); now.Sub(p.last) >= p.every {
		p.last = now
		p.draw(n, off, now)
	}
}

// clear erases the progress line, so that a message can be printed.
func (p *progress) clear() {
	if p.on {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.last = time.Time{} // redraw at the next update
	}
}

// done draws the final state and ends the line.
func (p *progress) done(n int) {
	if !p.on {
		return
	}
	p.draw(n, p.lastOffset, time.Now())
	fmt.Fprintln(p.w)
}

func (p *progress) draw(n int, off int64, now time.Time) {
	rate := 0.0
	if el := now.Sub(p.start).Seconds(); el > 0 {
		rate = float64(n) / el
	}
	if p.total <= 0 {
		fmt.Fprintf(p.w, "\rscreened %d lines (%.0f/s)\x1b[K", n, rate)
		return
	}
	frac := min(max(float64(off)/float64(p.total), 0), 1)
	const width = 30
	full := int(frac * width)
	bar := strings.Repeat("=", full)
	if full < width {
		bar += ">" + strings.Repeat(" ", width-full-1)
	}
	fmt.Fprintf(p.w, "\r[%s] %5.1f%%  %d lines  %.0f/s\x1b[K", bar, frac*100, n, rate)
}

// defaultWorkers uses every core the process may run on.
func defaultWorkers() int { return runtime.GOMAXPROCS(0) }
