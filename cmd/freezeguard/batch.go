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
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/report"
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

// flexID, batchHit and batchOutput are the shapes shared with the
// screening service, in package report.
type (
	flexID      = report.FlexID
	batchHit    = report.Hit
	batchOutput = report.Line
)

// hitsOut converts hits to the output shape.
func hitsOut(hs []screening.Hit) []batchHit { return report.Hits(hs) }

func (e *env) batch(ctx context.Context, args []string) error {
	fs := e.newFlags("batch", `batch [--in FILE] [--out FILE] [--audit LOG] [--workers N] [--lists PATH] [--jurisdiction J]

Screens one party per input line: JSON Lines {"id","name","kind","dob","country"}
(keys exactly so, each once) or CSV with a header of those names, one record
per line. dob as written (1969-07-16, 1969-7-16, 16/07/1969, 16.07.1969,
16 Jul 1969, July 16, 1969, 1969-07, 1969; 04/05/1970 is read both ways);
country an ISO 3166 code or a country name (Iraq, Russian Federation, UK).
A dob, country or kind that cannot be read is flagged INPUT_FIELD_INVALID
and left out; the name is screened all the same.

Writes one JSON object per input line, in input order: id, line, outcome
(FREEZE, HOLD or CLEAR), decision, hits (best first: entity, name,
matched_on, primary, name_type, quality, score, outcome, programs, flags),
flags about the line itself, and error. A line that cannot be read
completely (invalid JSON or CSV, a quoted field spanning lines, a line over
1 MiB, no name) is held: outcome HOLD, flag UNREADABLE_INPUT, the reason in
error, logged as a decision. The totals are checked and printed on stderr; the exit status is 1
when any line could not be screened. A progress bar is drawn on stderr
when it is a terminal.`)
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
		// The output holds the same personal data as the audit log, and
		// gets the same mode.
		f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
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
	line int   // 1-based physical line number
	end  int64 // input byte offset after the line, for progress
	in   batchInput
	err  error // the line could not be read completely
	done chan batchOutput
}

// lineStats counts the physical input lines, so that the run can show
// that every one of them is accounted for.
type lineStats struct {
	lines  int // physical lines read
	header int // the CSV header line (0 or 1)
	blank  int // blank lines, skipped
}

// batchTally counts what was written.
type batchTally struct {
	written    int
	outcomes   map[string]int
	unreadable int // lines held because they could not be read or screened completely
	flagged    int // lines with a field not read (INPUT_FIELD_INVALID)
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
	type readResult struct {
		st  lineStats
		err error
	}
	readDone := make(chan readResult, 1)
	go func() {
		defer close(pending)
		defer close(jobs)
		st, err := readBatch(r, func(j *job) bool {
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
		readDone <- readResult{st, err}
	}()
	t := batchTally{outcomes: map[string]int{}}
	reported := 0
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
			reported++
			prog.clear()
			switch {
			case reported <= maxReported:
				fmt.Fprintf(e.stderr, "freezeguard: batch: %s\n", o.Error)
			case reported == maxReported+1:
				fmt.Fprintf(e.stderr, "freezeguard: batch: more lines have errors; they are reported in the output only\n")
			}
		}
		if err := enc.Encode(o); err != nil {
			werr = fmt.Errorf("batch: writing output: %w", err)
			cancel()
			break loop
		}
		t.count(&o)
		prog.update(t.written, j.end)
		if o.Outcome != "" {
			continue
		}
		// Every decision before this line was logged; if this one failed
		// because the log did, none after it can be.
		if err := logErr(); err != nil {
			werr = fmt.Errorf("batch: stopped at line %d: the audit log failed: %w", j.line, err)
			cancel()
			break loop
		}
		werr = fmt.Errorf("batch: stopped at line %d: %s", j.line, o.Error)
		cancel()
		break loop
	}
	prog.done(t.written)
	if err := bw.Flush(); werr == nil && err != nil {
		werr = fmt.Errorf("batch: writing output: %w", err)
	}
	if werr != nil {
		return werr
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("batch: stopped after %d lines: %w", t.written, err)
	}
	wg.Wait()
	rd := <-readDone
	if rd.err != nil {
		return fmt.Errorf("batch: reading input: %w", rd.err)
	}
	return e.batchTotals(rd.st, &t)
}

func (t *batchTally) count(o *batchOutput) {
	t.written++
	t.outcomes[o.Outcome]++
	if slices.ContainsFunc(o.Flags, func(f screening.Flag) bool { return f.Code == screening.FlagUnreadableInput }) {
		t.unreadable++
	}
	if slices.ContainsFunc(o.Flags, func(f screening.Flag) bool { return f.Code == screening.FlagInputFieldInvalid }) {
		t.flagged++
	}
}

// batchTotals prints the totals on stderr and checks that every physical
// input line is accounted for: the header, a blank line or an output line.
// The run fails (exit 1) when any line could not be screened, and with an
// error when the totals do not add up.
func (e *env) batchTotals(st lineStats, t *batchTally) error {
	fmt.Fprintf(e.stderr, "freezeguard: batch: %d input lines: %d header, %d blank, %d written (%d FREEZE, %d HOLD, %d CLEAR)",
		st.lines, st.header, st.blank, t.written, t.outcomes[string(screening.Freeze)], t.outcomes[string(screening.Hold)], t.outcomes[string(screening.Clear)])
	if t.flagged > 0 {
		fmt.Fprintf(e.stderr, "; %d with a field not read (%s)", t.flagged, screening.FlagInputFieldInvalid)
	}
	fmt.Fprintln(e.stderr)
	if st.header+st.blank+t.written != st.lines {
		return fmt.Errorf("batch: %d input lines but %d accounted for: output incomplete", st.lines, st.header+st.blank+t.written)
	}
	if t.unreadable > 0 {
		fmt.Fprintf(e.stderr, "freezeguard: batch: %d of %d lines could not be screened completely: held (HOLD, %s; see their \"error\" fields)\n", t.unreadable, t.written, screening.FlagUnreadableInput)
		return exitError{1}
	}
	return nil
}

func screenOne(ctx context.Context, s *screening.Screener, j *job) batchOutput {
	// kind, dob and country are secondary fields: one that cannot be read
	// is flagged by screening and left out, and the name is screened.
	o, _ := report.ScreenParty(ctx, s, report.Input{
		ID: string(j.in.ID), Line: j.line, Where: fmt.Sprintf("line %d", j.line), Ref: fmt.Sprintf("batch input line %d", j.line),
		Party: screening.Party{Name: j.in.Name, Kind: lists.Kind(j.in.Kind), BirthDate: j.in.DOB, Country: j.in.Country},
		Err:   j.err,
	})
	return o
}

// clipText shortens s to at most n bytes for a message.
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// maxReported bounds the bad lines reported on stderr; every one is in
// the output with its error.
const maxReported = 100

// maxLine bounds one input line, and so the memory a bad input can take.
const maxLine = 1 << 20

// maxField bounds one CSV field: no id, name, kind, date or country is
// this long, so a longer field is a quote gone wrong.
const maxField = 4 << 10

// readBatch reads JSON Lines or, when the first byte is not '{', CSV with a
// header row naming the columns, one physical line at a time: every line
// but the header and blank lines becomes a job, and a line that cannot be
// read becomes a job carrying its error, so the run goes on and the output
// keeps one line per input line. The counts are returned for the totals.
func readBatch(r io.Reader, emit func(*job) bool) (lineStats, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(512)
	var parse func(text []byte) (batchInput, error)
	var st lineStats
	csvMode := false
	if first := bytes.TrimLeft(head, " \t\r\n\ufeff"); len(first) > 0 && first[0] != '{' {
		csvMode = true
	} else {
		parse = parseJSONLine
	}
	var off int64
	for line := 1; ; line++ {
		text, n, tooLong, err := readLine(br, maxLine)
		off += n
		if err != nil && err != io.EOF {
			return st, fmt.Errorf("line %d: %w", line, err)
		}
		if n == 0 && err == io.EOF {
			return st, nil
		}
		st.lines++
		if line == 1 {
			text = bytes.TrimPrefix(text, []byte("\ufeff"))
		}
		text = bytes.TrimRight(text, "\r")
		switch {
		case !tooLong && len(bytes.TrimSpace(text)) == 0:
			st.blank++
		case csvMode && parse == nil && !tooLong:
			p, herr := csvHeader(text)
			if herr != nil {
				return st, fmt.Errorf("line %d: %w", line, herr)
			}
			parse, st.header = p, 1
		case csvMode && parse == nil:
			return st, fmt.Errorf("line %d: CSV header longer than %d bytes", line, maxLine)
		default:
			j := &job{line: line, end: off}
			if tooLong {
				j.err = fmt.Errorf("line longer than %d bytes", maxLine)
			} else {
				j.in, j.err = parse(text)
			}
			if !emit(j) {
				return st, nil
			}
		}
		if err == io.EOF {
			return st, nil
		}
	}
}

// batchKeys are the keys of a JSON line, written exactly so.
var batchKeys = []string{"id", "name", "kind", "dob", "country"}

// parseJSONLine reads one JSON object. Keys must be the known ones, in
// lower case, each once: encoding/json would match "NAME" to name and let
// the last of two keys win, screening a name other than the one a reader
// of the line sees first.
func parseJSONLine(text []byte) (batchInput, error) {
	var in batchInput
	if err := checkKeys(text); err != nil {
		return in, fmt.Errorf("invalid JSON: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return in, fmt.Errorf("invalid JSON: %w", err)
	}
	if dec.More() {
		return in, errors.New("invalid JSON: more than one value on the line")
	}
	return in, nil
}

// checkKeys rejects an object with a key given twice or not written as
// one of batchKeys. Syntax errors are left to the decoder.
func checkKeys(text []byte) error {
	dec := json.NewDecoder(bytes.NewReader(text))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		k, _ := tok.(string)
		switch {
		case seen[k]:
			return fmt.Errorf("key %q given twice", clipText(k, 32))
		case !slices.Contains(batchKeys, k):
			for _, want := range batchKeys {
				if strings.EqualFold(k, want) {
					return fmt.Errorf("key %q: write it %q (keys are matched exactly)", clipText(k, 32), want)
				}
			}
		}
		seen[k] = true
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil
		}
	}
	return nil
}

// csvHeader reads the CSV header line and returns the parser of the
// record lines under it. Column names are matched without regard to case,
// but each once.
func csvHeader(text []byte) (func([]byte) (batchInput, error), error) {
	header, err := csvLine(text)
	if err != nil {
		return nil, fmt.Errorf("CSV header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		k := strings.ToLower(strings.TrimSpace(h))
		if _, dup := col[k]; dup && k != "" {
			return nil, fmt.Errorf("CSV header %q names column %q twice", header, k)
		}
		col[k] = i
	}
	if _, ok := col["name"]; !ok {
		return nil, fmt.Errorf("CSV header %q has no \"name\" column", header)
	}
	return func(text []byte) (batchInput, error) {
		rec, err := csvLine(text)
		get := func(k string) string {
			if i, ok := col[k]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if err != nil {
			// The line is held as unreadable; its id, read leniently,
			// lets the sender find it, and its name is screened with it.
			rec = lenientCSV(text)
			return batchInput{ID: flexID(clipText(get("id"), 64)), Name: clipText(get("name"), maxField)}, err
		}
		if len(rec) > len(header) {
			return batchInput{ID: flexID(clipText(get("id"), 64)), Name: get("name")}, fmt.Errorf("invalid CSV: %d fields, the header has %d (an unquoted comma in a name?)", len(rec), len(header))
		}
		return batchInput{ID: flexID(get("id")), Name: get("name"), Kind: get("kind"), DOB: get("dob"), Country: get("country")}, nil
	}, nil
}

// lenientCSV reads a line that is not valid CSV as best it can (stray
// quotes kept as text): the id and name of a line held as unreadable.
func lenientCSV(text []byte) []string {
	cr := csv.NewReader(bytes.NewReader(text))
	cr.FieldsPerRecord, cr.LazyQuotes = -1, true
	rec, _ := cr.Read()
	return rec
}

// csvLine parses one physical line as one CSV record. A record may not
// span lines: a quoted field left open at the end of the line is an
// error for this line, and the next line is read as a record of its own,
// so that one stray quote cannot swallow the rows after it.
func csvLine(text []byte) ([]string, error) {
	cr := csv.NewReader(bytes.NewReader(text))
	cr.FieldsPerRecord = -1
	rec, err := cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrQuote) && bytes.Count(text, []byte{'"'})%2 == 1 {
			return nil, fmt.Errorf("invalid CSV: column %d: a quoted field is not closed on this line (a field may not span lines)", pe.Column)
		}
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("invalid CSV: column %d: %w", pe.Column, pe.Err)
		}
		return nil, fmt.Errorf("invalid CSV: %w", err)
	}
	for i, f := range rec {
		if len(f) > maxField {
			return nil, fmt.Errorf("invalid CSV: field %d is %d bytes, more than the %d a field may have", i+1, len(f), maxField)
		}
	}
	return rec, nil
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
