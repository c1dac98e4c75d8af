package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// reviewPostgres is audit review on a PostgreSQL store: under a lock on
// the decision (other instances reviewing at the same time wait), the
// decision's review state is rebuilt from its records and the step is
// appended to the shared chain.
func (e *env) reviewPostgres(ctx context.Context, dsn, id, reviewer string, confirm bool, reason string, asJSON bool) (err error) {
	unlock, err := audit.LockPostgresDecision(ctx, dsn, id)
	if err != nil {
		return err
	}
	defer func() {
		if uerr := unlock(); uerr != nil && err == nil {
			err = fmt.Errorf("audit review: unlocking decision %s: %w", id, uerr)
		}
	}()
	// The whole chain is not re-verified for one review (run audit
	// verify for that); the decision's own records are checked as read.
	log, err := audit.OpenPostgres(ctx, dsn, audit.WithVerifyOnOpen(false))
	if err != nil {
		return err
	}
	defer log.Close()
	store, err := screening.ReplayReviews(ctx, audit.PostgresDecisionRecords(ctx, dsn, id))
	if err != nil {
		return err
	}
	action := screening.Dismiss
	if confirm {
		action = screening.Confirm
	}
	c, err := screening.NewReviews(store, log, nil).Review(ctx, id, reviewer, action, reason)
	if err != nil {
		return err
	}
	if err := log.Close(); err != nil {
		return fmt.Errorf("audit review: closing %s: %w", audit.DisplaySpec(dsn), err)
	}
	return e.printCase(c, asJSON)
}

// auditQuery answers the compliance questions from a PostgreSQL store.
func (e *env) auditQuery(ctx context.Context, args []string) error {
	fs := e.newFlags("audit query", `audit query DSN (--entity ID|--party NAME|--decision ID|--outcome O|--open-holds|--late-freezes) [--from T] [--to T] [--limit N] [--json]

Answers one compliance question from a PostgreSQL audit store, through its
index columns and views (see the README): every decision on a listed
entity or a party, one decision and its reviews and reports, every
decision with an outcome, every HOLD not yet resolved by review, every
freeze reported late (or overdue and not reported). Rows are read as they
are: run audit verify to know they are the chain's.`)
	var q audit.Query
	fs.StringVar(&q.EntityID, "entity", "", "every decision with a hit on the listed entity `ID` (e.g. ofac:7843)")
	fs.StringVar(&q.Party, "party", "", "every decision screening a party named `NAME` (any case, whole name)")
	fs.StringVar(&q.DecisionID, "decision", "", "the decision `ID` and every record about it")
	fs.StringVar(&q.Outcome, "outcome", "", "every decision with outcome `O` (FREEZE, HOLD, CLEAR)")
	fs.BoolVar(&q.OpenHolds, "open-holds", false, "every HOLD not yet resolved by review")
	fs.BoolVar(&q.LateFreezes, "late-freezes", false, "every freeze reported after its deadline, or overdue and not reported")
	from := fs.String("from", "", "only records at or after `T` (2026-12-01 or RFC 3339)")
	to := fs.String("to", "", "only records before `T`")
	fs.IntVar(&q.Limit, "limit", 0, "at most `N` rows")
	asJSON := fs.Bool("json", false, "print one JSON object per row")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || !audit.IsPostgres(pos[0]) {
		return usageError(fs, "audit query: want exactly one DSN (postgres://...)")
	}
	for _, t := range []struct {
		s   string
		dst *time.Time
	}{{*from, &q.From}, {*to, &q.To}} {
		if t.s == "" {
			continue
		}
		v, err := time.Parse(time.RFC3339Nano, t.s)
		if err != nil {
			v, err = time.Parse(time.DateOnly, t.s)
		}
		if err != nil {
			return usageError(fs, "audit query: time %q: want 2026-12-01 or RFC 3339", t.s)
		}
		*t.dst = v
	}
	if q.Outcome != "" {
		q.Outcome = strings.ToUpper(q.Outcome)
	}
	fds, err := audit.QueryPostgres(ctx, pos[0], q)
	if err != nil {
		if strings.Contains(err.Error(), "want exactly one") {
			return usageError(fs, "audit query: want exactly one of --entity, --party, --decision, --outcome, --open-holds, --late-freezes")
		}
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		for _, f := range fds {
			if err := enc.Encode(f); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	if q.LateFreezes {
		fmt.Fprintln(tw, "SEQ\tDECISION\tFROZEN\tDEADLINE\tREPORTED\tPARTIES\tENTITIES")
	} else {
		fmt.Fprintln(tw, "SEQ\tTIME\tTYPE\tDECISION\tOUTCOME\tSTATUS\tPARTIES\tENTITIES")
	}
	day := func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return t.Format("2006-01-02 15:04Z")
	}
	for _, f := range fds {
		if q.LateFreezes {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", f.Seq, f.DecisionID, day(f.FrozenAt), day(f.Deadline), day(f.ReportedAt),
				strings.Join(f.PartyNames, "; "), strings.Join(f.EntityIDs, " "))
			continue
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f.Seq, day(f.Time), f.Type, f.DecisionID, f.Outcome, f.Status,
			strings.Join(f.PartyNames, "; "), strings.Join(f.EntityIDs, " "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%d rows\n", len(fds))
	return nil
}

// reportRecord is the body of an audit TypeReport record.
type reportRecord struct {
	DecisionID string `json:"decision_id"`
	Authority  string `json:"authority"`
	Reference  string `json:"reference"`
}

// auditReport logs that a frozen decision was reported to an authority, so
// that the late-freezes query can tell reported freezes from overdue ones.
func (e *env) auditReport(ctx context.Context, args []string) error {
	fs := e.newFlags("audit report", `audit report LOG --decision ID --authority NAME --reference REF

Logs that the freeze of decision ID was reported to an authority (e.g.
OFAC, a national competent authority) under the authority's reference.
The decision must be in the log and frozen: a FREEZE, or a HOLD confirmed
by review.`)
	id := fs.String("decision", "", "the frozen decision's `ID`")
	authority := fs.String("authority", "", "who it was reported to (`NAME`)")
	ref := fs.String("reference", "", "the report's reference (`REF`) at the authority")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError(fs, "audit report: want exactly one LOG")
	}
	if strings.TrimSpace(*id) == "" || strings.TrimSpace(*authority) == "" || strings.TrimSpace(*ref) == "" {
		return usageError(fs, "audit report: want --decision, --authority and --reference")
	}
	recs := audit.RecordsSpec(ctx, pos[0])
	if audit.IsPostgres(pos[0]) {
		recs = audit.PostgresDecisionRecords(ctx, pos[0], *id)
	}
	frozen, found := false, false
	for r, err := range recs {
		if err != nil {
			return err
		}
		switch r.Type {
		case audit.TypeDecision:
			var d struct {
				ID      string            `json:"id"`
				Outcome screening.Outcome `json:"outcome"`
			}
			if json.Unmarshal(r.Body, &d) == nil && d.ID == *id {
				found, frozen = true, frozen || d.Outcome == screening.Freeze
			}
		case audit.TypeReview:
			var rr screening.ReviewRecord
			if json.Unmarshal(r.Body, &rr) == nil && rr.DecisionID == *id && rr.Outcome == screening.Freeze {
				frozen = true
			}
		}
	}
	switch {
	case !found:
		return fmt.Errorf("audit report: decision %s is not in %s", *id, audit.DisplaySpec(pos[0]))
	case !frozen:
		return errors.New("audit report: decision " + *id + " is not frozen (neither a FREEZE nor a HOLD confirmed by review)")
	}
	log, err := openAudit(ctx, pos[0])
	if err != nil {
		return err
	}
	defer log.Close()
	rec, err := log.Append(ctx, audit.TypeReport, reportRecord{DecisionID: *id, Authority: strings.TrimSpace(*authority), Reference: strings.TrimSpace(*ref)})
	if err != nil {
		return err
	}
	if err := log.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "decision %s: reported to %s (%s), logged as seq %d\n", *id, *authority, *ref, rec.Seq)
	return nil
}
