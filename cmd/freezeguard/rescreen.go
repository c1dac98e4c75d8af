package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
	"github.com/freezeguard/freezeguard/rescreen"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// rescreenHit is a hit in rescreen output: batch's hit with the change it
// stands for and the outcomes on each side.
type rescreenHit struct {
	batchHit
	Change     string `json:"change"`
	OldOutcome string `json:"old_outcome,omitempty"` // none: no hit in the old snapshot
	NewOutcome string `json:"new_outcome,omitempty"` // none: no hit in the new snapshot
}

// rescreenOutput is one output line: a customer whose result changed, one
// that was held because it could not be read, or one with a field that
// could not be read (error set, no change).
type rescreenOutput struct {
	ID       string           `json:"id"`
	Line     int              `json:"line"`
	Change   string           `json:"change,omitempty"`
	Outcome  string           `json:"outcome,omitempty"`
	Decision string           `json:"decision,omitempty"`
	Hits     []rescreenHit    `json:"hits"`
	Flags    []screening.Flag `json:"flags,omitempty"`
	Error    string           `json:"error,omitempty"`
}

func (e *env) rescreen(ctx context.Context, args []string) error {
	fs := e.newFlags("rescreen", `rescreen --old DIR --new DIR [--in FILE] [--out FILE] [--audit LOG] [--workers N] [--jurisdiction J]

Rescreens a customer book against what changed between two snapshots of
the lists, and writes only the customers whose result changed, in input
order: {"id","line","change","outcome","decision","hits"}, change being
new-hit (a hit on an added entity, or a new hit on a changed one),
changed (same entity, the outcome moved) or delisted (the old hit's
entity was removed: hits holds the old hit; a release needs a review).
outcome is the customer's new decision over the whole new snapshot.

Customers are read as batch reads them: JSON Lines {"id","name","kind",
"dob","country"} or CSV with that header. A line that cannot be read, or
a name with no letter or digit, is held (HOLD, UNREADABLE_INPUT, logged)
and written with its error; a dob, country or kind that cannot be read
is written with its flags and error, and the name is screened without
it. Each change's decision, and a rescreen record, go to the audit log.
Both snapshots must hold the same lists. A summary is printed on stderr;
the exit status is 1 when any line could not be read.

--shard K/N rescreens only the customers of shard K (0 <= K < N): those
whose id hashes (FNV-1a 64) to K modulo N, or, without an id, whose line
number does. N processes given the same input and shards 0..N-1 cover
the book once.`)
	oldDir := fs.String("old", "", "the old lists: `PATH` (file or directory), as --lists")
	newDir := fs.String("new", "", "the new lists: `PATH` (file or directory), as --lists")
	in := fs.String("in", "", "customers `FILE`: JSON Lines or CSV, as batch reads; default stdin")
	out := fs.String("out", "", "output `FILE` (JSON Lines, changed customers only); default stdout")
	auditPath := fs.String("audit", "", "append decisions and rescreen records to the audit `LOG`; default: in memory only")
	jur := fs.String("jurisdiction", "US", "the bank's jurisdiction: US, EU, UK or other (decides which lists bind)")
	workers := fs.Int("workers", defaultWorkers(), "rescreen with `N` goroutines; the default is one per core")
	shardFlag := fs.String("shard", "", "rescreen only shard `K/N` of the customers (by a hash of the id)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) != 0:
		return usageError(fs, "rescreen: unexpected argument %q (the customers are --in FILE or stdin)", pos[0])
	case *oldDir == "" || *newDir == "":
		return usageError(fs, "rescreen: --old and --new are required")
	case *workers < 1:
		return usageError(fs, "rescreen: --workers must be at least 1")
	}
	sh, err := parseShard(*shardFlag)
	if err != nil {
		return usageError(fs, "rescreen: --shard: %v", err)
	}
	j, err := screening.ParseJurisdiction(*jur)
	if err != nil {
		return err
	}
	pol := screening.DefaultPolicy(j)
	r := e.stdin
	if *in != "" {
		f, err := os.Open(*in)
		if err != nil {
			return fmt.Errorf("rescreen: %w", err)
		}
		defer f.Close()
		r = f
	}
	old, err := loader.Load(ctx, *oldDir)
	if err != nil {
		return fmt.Errorf("rescreen: --old: %w", err)
	}
	cur, err := loader.Load(ctx, *newDir)
	if err != nil {
		return fmt.Errorf("rescreen: --new: %w", err)
	}
	var lg audit.Log = &forgetfulLog{}
	if *auditPath != "" {
		fl, err := openAudit(ctx, *auditPath)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := fl.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("audit log %s: %w", audit.DisplaySpec(*auditPath), cerr)
			}
		}()
		lg = fl
	}
	var known *screening.KnownGoods
	if *auditPath != "" {
		if known, err = screening.LoadKnownGoods(ctx, audit.RecordsSpec(ctx, *auditPath)); err != nil {
			return fmt.Errorf("rescreen: known-good records in %s: %w", audit.DisplaySpec(*auditPath), err)
		}
	}
	rs, err := rescreen.New(ctx, old, cur, rescreen.Options{Policy: pol, Log: lg, KnownGoods: known})
	if err != nil {
		return err
	}
	d := rs.Delta()
	nOld, nNew := rs.Indexed()
	fmt.Fprintf(e.stderr, "freezeguard: rescreen: %s -> %s: %d added, %d removed, %d changed (%d can move a decision, %d relinked across lists); indexed %d old and %d new entities\n",
		describe(old), describe(cur), len(d.Added), len(d.Removed), len(d.Changed), len(d.Material), len(d.Relinked), nOld, nNew)
	if *out != "" {
		// Personal data, as in the audit log: the same mode.
		f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			return fmt.Errorf("rescreen: %w", err)
		}
		err = e.runRescreen(ctx, rs, r, f, *workers, sh)
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("rescreen: writing output: %w", cerr)
		}
		return err
	}
	return e.runRescreen(ctx, rs, r, e.stdout, *workers, sh)
}

// describe names a snapshot's sources and dates for the summary.
func describe(s *lists.Snapshot) string {
	var parts []string
	for _, p := range s.Sources {
		d := p.File + " sha256 " + p.SHA256[:min(12, len(p.SHA256))]
		if !p.Published.IsZero() {
			d = p.Published.Format("2006-01-02")
		}
		parts = append(parts, fmt.Sprintf("%s %s", p.Source, d))
	}
	return strings.Join(parts, "+")
}

// runRescreen streams the customers of r through rs and writes the
// reportable ones to w, with the summary on stderr.
func (e *env) runRescreen(ctx context.Context, rs *rescreen.Rescreener, r io.Reader, w io.Writer, workers int, sh shard) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	var pmu sync.Mutex // the reader and the writer both touch the progress line
	prog := newProgress(e.stderr, inputSize(r))
	var lines lineStats
	var rerr error
	read, skipped := 0, 0
	customers := func(yield func(rescreen.Customer) bool) {
		lines, rerr = readBatch(r, func(j *job) bool {
			if !sh.has(string(j.in.ID), j.line) {
				skipped++
				return true
			}
			c := rescreen.Customer{ID: string(j.in.ID), Seq: int64(j.line),
				Party: screening.Party{Name: j.in.Name, Kind: lists.Kind(j.in.Kind), BirthDate: j.in.DOB, Country: j.in.Country}}
			if j.err != nil {
				c.Party = screening.Party{Name: j.in.Name}
				c.Unreadable = fmt.Sprintf("line %d: %v", j.line, j.err)
			}
			read++
			if read%4096 == 0 {
				pmu.Lock()
				prog.update(read, j.end)
				pmu.Unlock()
			}
			return yield(c)
		})
	}
	reported := 0
	st, err := rs.Run(ctx, customers, workers, func(res rescreen.Result) error {
		o := rescreenOut(&res)
		if o.Error != "" && o.Change == "" {
			reported++
			pmu.Lock()
			prog.clear()
			switch {
			case reported <= maxReported:
				fmt.Fprintf(e.stderr, "freezeguard: rescreen: %s\n", o.Error)
			case reported == maxReported+1:
				fmt.Fprintf(e.stderr, "freezeguard: rescreen: more lines have errors; they are reported in the output only\n")
			}
			pmu.Unlock()
		}
		if err := enc.Encode(o); err != nil {
			return fmt.Errorf("rescreen: writing output: %w", err)
		}
		return nil
	})
	pmu.Lock()
	prog.done(st.Customers)
	pmu.Unlock()
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("rescreen: writing output: %w", ferr)
	}
	if err != nil {
		return fmt.Errorf("rescreen: stopped after %d customers: %w", st.Customers, err)
	}
	if rerr != nil {
		return fmt.Errorf("rescreen: reading input: %w", rerr)
	}
	rate := 0.0
	if s := st.Elapsed.Seconds(); s > 0 {
		rate = float64(st.Customers) / s
	}
	fmt.Fprintf(e.stderr, "freezeguard: rescreen: %d customers read, %d screened in full; %d changed: %d new-hit, %d changed, %d delisted; %d held (could not be read), %d with a field not read; %s (%.0f customers/s)\n",
		st.Customers, st.Candidates, st.Changes[rescreen.NewHit]+st.Changes[rescreen.Changed]+st.Changes[rescreen.Delisted],
		st.Changes[rescreen.NewHit], st.Changes[rescreen.Changed], st.Changes[rescreen.Delisted],
		st.Unreadable, st.Flagged, st.Elapsed.Round(1e6), rate)
	if sh.n > 1 {
		fmt.Fprintf(e.stderr, "freezeguard: rescreen: shard %d/%d: %d customers of other shards skipped\n", sh.k, sh.n, skipped)
	}
	if n := lines.header + lines.blank + skipped + st.Customers; n != lines.lines {
		return fmt.Errorf("rescreen: %d input lines but %d accounted for: output incomplete", lines.lines, n)
	}
	if st.Unreadable > 0 {
		fmt.Fprintf(e.stderr, "freezeguard: rescreen: %d lines could not be read: held (HOLD, %s; see their \"error\" fields)\n", st.Unreadable, screening.FlagUnreadableInput)
		return exitError{1}
	}
	return nil
}

// rescreenOut turns a result into its output line.
func rescreenOut(res *rescreen.Result) rescreenOutput {
	o := rescreenOutput{ID: res.ID, Line: int(res.Seq), Change: string(res.Change), Outcome: string(res.Outcome), Hits: []rescreenHit{}, Flags: res.Flags}
	if res.Decision != nil {
		o.Decision = res.Decision.ID
	}
	for _, hc := range res.Hits {
		bh := hitsOut([]screening.Hit{hc.Hit})[0]
		o.Hits = append(o.Hits, rescreenHit{batchHit: bh, Change: string(hc.Change), OldOutcome: string(hc.OldOutcome), NewOutcome: string(hc.NewOutcome)})
	}
	switch {
	case res.Unreadable != "":
		o.Error = res.Unreadable
		if !strings.HasPrefix(o.Error, "line ") {
			o.Error = fmt.Sprintf("line %d: %s", o.Line, o.Error)
		}
		o.Flags = withoutDup(o.Flags, screening.Flag{Code: screening.FlagUnreadableInput, Reason: res.Unreadable})
	case len(res.Flags) > 0:
		var why []string
		for _, f := range res.Flags {
			why = append(why, f.Reason)
		}
		o.Error = fmt.Sprintf("line %d: %s", o.Line, strings.Join(why, "; "))
	}
	return o
}

func withoutDup(fs []screening.Flag, f screening.Flag) []screening.Flag {
	for _, x := range fs {
		if x.Code == f.Code {
			return fs
		}
	}
	return append(fs, f)
}

// shard is a part of the customer book: K of N.
type shard struct{ k, n uint64 }

func parseShard(s string) (shard, error) {
	if s == "" {
		return shard{0, 1}, nil
	}
	var sh shard
	if _, err := fmt.Sscanf(s, "%d/%d", &sh.k, &sh.n); err != nil || sh.n == 0 || sh.k >= sh.n || fmt.Sprintf("%d/%d", sh.k, sh.n) != s {
		return shard{}, fmt.Errorf("%q: want K/N with 0 <= K < N, e.g. 0/4", s)
	}
	return sh, nil
}

// has reports whether the customer with this id (or, without one, on this
// line) is in the shard: a pure function of the id, so the same customer
// falls in the same shard in every run.
func (sh shard) has(id string, line int) bool {
	if sh.n <= 1 {
		return true
	}
	if id == "" {
		return uint64(line)%sh.n == sh.k
	}
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()%sh.n == sh.k
}
