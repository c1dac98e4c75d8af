package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// screenerFlags are the flags of every command that builds a Screener.
type screenerFlags struct {
	lists        *multiFlag
	jurisdiction *string
	auditPath    *string
}

func addScreenerFlags(fs *flag.FlagSet) screenerFlags {
	return screenerFlags{
		lists:        listFlags(fs),
		jurisdiction: fs.String("jurisdiction", "US", "the bank's jurisdiction `J`: US, EU, UK or other, in any case (decides which lists bind)"),
		auditPath:    fs.String("audit", "", "append every decision to the audit `LOG`: a file (JSON Lines, hash-chained, fsynced) or a PostgreSQL store (postgres://...); default: in memory only"),
	}
}

// session is a Screener and the audit log it writes to.
type session struct {
	s   *screening.Screener
	log *watchedLog
}

// withScreener loads the lists, builds a Screener logging to the audit
// file (or, without --audit, to a log that keeps nothing), runs fn and
// closes the log.
func (e *env) withScreener(ctx context.Context, f screenerFlags, fn func(session) error) (err error) {
	j, err := screening.ParseJurisdiction(*f.jurisdiction)
	if err != nil {
		return err
	}
	pol := screening.DefaultPolicy(j)
	snap, err := e.loadLists(ctx, *f.lists)
	if err != nil {
		return err
	}
	var lg audit.Log = &forgetfulLog{}
	if *f.auditPath != "" {
		fl, err := openAudit(ctx, *f.auditPath)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := fl.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("audit log %s: %w", audit.DisplaySpec(*f.auditPath), cerr)
			}
		}()
		lg = fl
	}
	w := &watchedLog{Log: lg}
	s, err := screening.New(ctx, snap, screening.Options{Policy: pol, Log: w})
	if err != nil {
		return err
	}
	return fn(session{s: s, log: w})
}

// forgetfulLog is the audit log when no --audit file is given: it numbers
// records and keeps none, so that a long batch runs in bounded memory. The
// decisions are then in the command's output only.
type forgetfulLog struct{ seq atomic.Uint64 }

func (l *forgetfulLog) Append(ctx context.Context, typ string, _ any) (audit.Record, error) {
	if err := ctx.Err(); err != nil {
		return audit.Record{}, err
	}
	return audit.Record{Seq: l.seq.Add(1), Time: time.Now().UTC(), Type: typ}, nil
}

// watchedLog remembers the first failed append (a full disk, a failed
// fsync), so that a batch stops instead of carrying "not logged" on every
// line that follows.
type watchedLog struct {
	audit.Log
	failed atomic.Pointer[error]
}

func (w *watchedLog) Append(ctx context.Context, typ string, body any) (audit.Record, error) {
	rec, err := w.Log.Append(ctx, typ, body)
	if err != nil && ctx.Err() == nil {
		w.failed.CompareAndSwap(nil, &err)
	}
	return rec, err
}

// Err is the first append error, or nil.
func (w *watchedLog) Err() error {
	if p := w.failed.Load(); p != nil {
		return *p
	}
	return nil
}

func (e *env) screen(ctx context.Context, args []string) error {
	fs := e.newFlags("screen", "screen NAME [--dob D] [--country CC] [--kind K] [--json] [--lists PATH] [--jurisdiction J] [--audit LOG]")
	sf := addScreenerFlags(fs)
	dob := fs.String("dob", "", "date of birth as written: 1969-07-16, 16/07/1969, 16.07.1969, 16 Jul 1969, July 16, 1969, 1969-07, 1969 (unreadable: flagged, not used)")
	country := fs.String("country", "", "nationality or country: ISO 3166 code or name (RU, Russian Federation, Iraq; unreadable: flagged, not used)")
	kind := fs.String("kind", "", "person, organization, vessel, aircraft or unknown")
	asJSON := fs.Bool("json", false, "print the whole decision as JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError(fs, "screen: want a NAME")
	}
	k, err := lists.ParseKind(*kind)
	if err != nil {
		return fmt.Errorf("screen: --kind: %w", err)
	}
	return e.withScreener(ctx, sf, func(ss session) error {
		d, err := ss.s.Screen(ctx, screening.Party{Name: strings.Join(pos, " "), Kind: k, BirthDate: *dob, Country: *country})
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(e.stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(d)
		}
		printDecision(e.stdout, &d, *sf.auditPath != "")
		return nil
	})
}

// printDecision writes a decision for a person to read: outcome, reason,
// a table of hits and the explanation of the best one. logged says whether
// the decision went to an audit log (--audit): a record nobody keeps has
// no retention date to tell.
func printDecision(w io.Writer, d *screening.Decision, logged bool) {
	fmt.Fprintf(w, "%s  %s\n", d.Outcome, d.Reason)
	switch {
	case d.ReportBy.IsZero():
	case d.Outcome == screening.Hold:
		// Reporting starts when a reviewer confirms the hit: review by
		// then, and a confirmed freeze is reported by the same time.
		fmt.Fprintf(w, "review by %s (if the hit is confirmed, the freeze is reported by then)\n", d.ReportBy.Format("2006-01-02 15:04 MST"))
	default:
		fmt.Fprintf(w, "report by %s\n", d.ReportBy.Format("2006-01-02 15:04 MST"))
	}
	for _, p := range d.Parties {
		if p.Role != "" {
			fmt.Fprintf(w, "\nparty %s %q (%s): %s\n", p.Role, p.Party.Name, p.Path, p.Outcome)
		}
		for _, f := range p.Flags {
			fmt.Fprintf(w, "%s: %s\n", f.Code, f.Reason)
		}
		hits := p.Hits
		label := "HITS"
		if len(hits) == 0 {
			hits, label = p.NearMisses, "NEAR MISSES (below the hold threshold)"
		}
		if len(hits) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", label)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ENTITY\tMATCHED NAME\tTYPE/QUALITY\tSCORE\tPROGRAMMES\tFLAGS")
		for _, h := range hits {
			var progs, flags []string
			for _, pr := range h.Programs {
				progs = append(progs, pr.Code)
			}
			for _, f := range h.Flags {
				flags = append(flags, string(f.Code))
			}
			matched, typ := h.MatchedName, string(h.NameType)+"/"+string(h.Quality)
			if matched == "" {
				matched, typ = h.PrimaryName, "(identifier)"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%.3f\t%s\t%s\n", h.EntityID, matched, typ, h.Score, strings.Join(progs, " "), strings.Join(flags, " "))
		}
		tw.Flush()
	}
	if best := bestHit(d); best != nil {
		fmt.Fprintf(w, "\nWHY %s (%s, %s)\n", best.EntityID, best.PrimaryName, best.Body)
		for _, t := range best.Explanation.Tokens {
			fmt.Fprintf(w, "  %-20q ~ %-20q %-14s sim %.2f weight %.2f\n", t.Query, t.Candidate, t.How, t.Sim, t.Weight)
		}
		if len(best.Explanation.Unmatched) > 0 {
			fmt.Fprintf(w, "  unmatched: %s\n", strings.Join(best.Explanation.Unmatched, ", "))
		}
		for _, n := range best.Explanation.Notes {
			fmt.Fprintf(w, "  note: %s\n", n)
		}
		for _, ev := range best.Evidence {
			fmt.Fprintf(w, "  evidence %s (%s): %s\n", ev.Fact, ev.Effect, ev.Detail)
		}
		for _, f := range best.Flags {
			fmt.Fprintf(w, "  %s: %s\n", f.Code, f.Reason)
		}
	}
	if d.Explanation != "" {
		ex := d.Explanation
		if !logged {
			if i := strings.LastIndex(ex, " Keep this record until "); i >= 0 {
				ex = ex[:i] + " Not logged (no --audit): nothing keeps this record."
			}
		}
		fmt.Fprintf(w, "\n%s\n", ex)
	}
}

// bestHit is the highest-scoring hit of any party, or the best near-miss.
func bestHit(d *screening.Decision) *screening.Hit {
	var best *screening.Hit
	for i := range d.Parties {
		p := &d.Parties[i]
		for _, hs := range [][]screening.Hit{p.Hits, p.NearMisses} {
			for j := range hs {
				if best == nil || hs[j].Score > best.Score {
					best = &hs[j]
				}
			}
			if len(p.Hits) > 0 {
				break // near-misses don't beat a hit
			}
		}
	}
	return best
}
