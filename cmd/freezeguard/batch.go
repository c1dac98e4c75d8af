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

	"github.com/freezeguard/freezeguard/screening"
)

// batchInput is one party to screen, from a JSON Lines or CSV line.
type batchInput struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Kind    string `json:"kind,omitempty"`
	DOB     string `json:"dob,omitempty"`
	Country string `json:"country,omitempty"`
}

// batchHit is a hit in batch output: the fields a downstream system keys on.
type batchHit struct {
	Entity   string   `json:"entity"`
	Name     string   `json:"name"`    // the listed name matched
	Primary  string   `json:"primary"` // the entity's primary name
	NameType string   `json:"name_type"`
	Quality  string   `json:"quality"`
	Score    float64  `json:"score"`
	Programs []string `json:"programs"`
	Flags    []string `json:"flags"`
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
		bh := batchHit{Entity: h.EntityID, Name: h.MatchedName, Primary: h.PrimaryName, NameType: string(h.NameType), Quality: string(h.Quality), Score: h.Score, Programs: []string{}, Flags: []string{}}
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
	fs := e.newFlags("batch", "batch [--in FILE] [--out FILE] [--audit LOG] [--workers N] [--lists PATH] [--jurisdiction J]")
	sf := addScreenerFlags(fs)
	in := fs.String("in", "", "input `FILE`: JSON Lines ({\"id\",\"name\",\"kind\",\"dob\",\"country\"}) or CSV with that header; default stdin")
	out := fs.String("out", "", "output `FILE` (JSON Lines, in input order); default stdout")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "screen with `N` goroutines")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *workers < 1 {
		return fmt.Errorf("batch: --workers must be at least 1")
	}
	r, w := e.stdin, e.stdout
	if *in != "" {
		f, err := os.Open(*in)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	s, closeLog, err := e.screener(ctx, sf)
	if err != nil {
		return err
	}
	defer closeLog()
	return e.runBatch(ctx, s, r, w, *workers)
}

// job is one input line on its way through the workers; results are
// written in input order whatever order the workers finish in.
type job struct {
	line int
	in   batchInput
	err  error
	done chan batchOutput
}

func (e *env) runBatch(ctx context.Context, s *screening.Screener, r io.Reader, w io.Writer, workers int) error {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	enc := json.NewEncoder(bw)
	prog := newProgress(e.stderr)

	jobs := make(chan *job, workers*4)
	pending := make(chan *job, workers*64) // bounds memory: readers wait for the writer
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
				return false
			}
			return true
		})
	}()
	var n, failed int
	var werr error
	for j := range pending {
		o := <-j.done
		if o.Error != "" {
			failed++
			fmt.Fprintf(e.stderr, "freezeguard: batch: line %d: %s\n", o.Line, o.Error)
		}
		if werr == nil {
			werr = enc.Encode(o)
		}
		n++
		prog.update(n)
	}
	wg.Wait()
	prog.done(n)
	if err := <-readErr; err != nil {
		return fmt.Errorf("batch: reading input: %w", err)
	}
	if werr != nil {
		return fmt.Errorf("batch: writing output: %w", werr)
	}
	if failed > 0 {
		fmt.Fprintf(e.stderr, "freezeguard: batch: %d of %d lines had errors (see their \"error\" fields)\n", failed, n)
	}
	return ctx.Err()
}

func screenOne(ctx context.Context, s *screening.Screener, j *job) batchOutput {
	o := batchOutput{ID: j.in.ID, Line: j.line, Hits: []batchHit{}}
	if j.err != nil {
		o.Error = j.err.Error()
		return o
	}
	k, err := parseKind(j.in.Kind)
	if err != nil {
		o.Error = err.Error()
		return o
	}
	if strings.TrimSpace(j.in.Name) == "" {
		o.Error = "empty name"
		return o
	}
	d, err := s.Screen(ctx, screening.Party{Name: j.in.Name, Kind: k, BirthDate: j.in.DOB, Country: strings.ToUpper(j.in.Country)})
	if err != nil {
		o.Error = err.Error()
		return o
	}
	o.Outcome, o.Decision = string(d.Outcome), d.ID
	if len(d.Parties) > 0 {
		o.Hits = hitsOut(d.Parties[0].Hits)
	}
	return o
}

// readBatch reads JSON Lines or, when the first byte is not '{', CSV with a
// header row naming the columns. A bad line becomes a job carrying its
// error, so the run goes on and the output keeps one line per input line.
func readBatch(r io.Reader, emit func(*job) bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(512)
	if first := bytes.TrimLeft(head, " \t\r\n\ufeff"); len(first) > 0 && first[0] != '{' {
		return readCSV(br, emit)
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		j := &job{line: line}
		dec := json.NewDecoder(bytes.NewReader(text))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&j.in); err != nil {
			j.err = fmt.Errorf("invalid JSON: %w", err)
		}
		if !emit(j) {
			return nil
		}
	}
	return sc.Err()
}

func readCSV(r io.Reader, emit func(*job) bool) error {
	cr := csv.NewReader(r)
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
		return errors.New("CSV header has no \"name\" column")
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
		line, _ := cr.FieldPos(0)
		j := &job{line: line}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return err
			}
			j.line, j.err = pe.Line, err
		} else {
			j.in = batchInput{ID: get(rec, "id"), Name: get(rec, "name"), Kind: get(rec, "kind"), DOB: get(rec, "dob"), Country: get(rec, "country")}
		}
		if !emit(j) {
			return nil
		}
	}
}

// progress draws a one-line progress counter on stderr when it is a
// terminal, and nothing otherwise.
type progress struct {
	w  io.Writer
	on bool
}

func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok {
		return &progress{}
	}
	fi, err := f.Stat()
	return &progress{w: w, on: err == nil && fi.Mode()&os.ModeCharDevice != 0}
}

func (p *progress) update(n int) {
	if p.on && n%500 == 0 {
		fmt.Fprintf(p.w, "\rscreened %d", n)
	}
}

func (p *progress) done(n int) {
	if p.on {
		fmt.Fprintf(p.w, "\rscreened %d\n", n)
	}
}
