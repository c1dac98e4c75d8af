package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

const auditUsage = `Usage:
  freezeguard audit verify LOG [--anchor SEQ:HASH]
  freezeguard audit review LOG [--json]
  freezeguard audit review LOG --decision ID --reviewer NAME (--confirm|--dismiss) --reason TEXT [--json]
  freezeguard audit query DSN (--entity ID|--party NAME|--decision ID|--outcome O|--open-holds|--late-freezes) [--from T] [--to T] [--json]
  freezeguard audit report LOG --decision ID --authority NAME --reference REF

LOG is a file or a PostgreSQL store (postgres://...); DSN a PostgreSQL store.

Run 'freezeguard audit COMMAND -h' for a command's flags.
`

func (e *env) audit(ctx context.Context, args []string) error {
	return e.subcommand(ctx, "audit", auditUsage, args, map[string]func(context.Context, []string) error{
		"verify": e.auditVerify,
		"review": e.auditReview,
		"query":  e.auditQuery,
		"report": e.auditReport,
	})
}

// auditVerify exits 0 when the log's chain is intact (a torn last line, the
// trace of a crash mid-write, is reported but is not tampering) and 1 with
// the first bad record named on stderr otherwise.
func (e *env) auditVerify(ctx context.Context, args []string) error {
	fs := e.newFlags("audit verify", `audit verify LOG [--anchor SEQ:HASH]

Checks the log's hash chain. Exit status 0 when it is intact (a torn last
line, the trace of a crash mid-write, is reported but is not tampering),
1 with the first bad record named on stderr otherwise. The chain cannot
show records cut off the end or a log rewritten whole: for that, keep the
head seq and hash this command prints somewhere the log's writer cannot
change, and pass them later as --anchor SEQ:HASH.`)
	anchor := fs.String("anchor", "", "the `SEQ:HASH` of a record printed by an earlier verify: the log must still hold it")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError(fs, "audit verify: want exactly one LOG file")
	}
	var aSeq uint64
	var aHash string
	if *anchor != "" {
		seq, hash, ok := strings.Cut(*anchor, ":")
		n, perr := strconv.ParseUint(seq, 10, 64)
		if !ok || perr != nil || n == 0 || len(hash) != 64 {
			return usageError(fs, "audit verify: --anchor %q: want SEQ:HASH, e.g. 42:%s", *anchor, strings.Repeat("0", 64))
		}
		aSeq, aHash = n, strings.ToLower(hash)
	}
	name := audit.DisplaySpec(pos[0])
	rep, err := audit.VerifySpec(ctx, pos[0], aSeq, aHash)
	if errors.Is(err, audit.ErrTampered) || errors.Is(err, audit.ErrAnchorMismatch) {
		fmt.Fprintf(e.stderr, "freezeguard: %s: TAMPERED or corrupt after %d good records: %v\n", name, rep.Records, err)
		return exitError{1}
	}
	if err != nil {
		return fmt.Errorf("audit verify %s: %w", name, err)
	}
	fmt.Fprintf(e.stdout, "%s: intact: %d records", name, rep.Records)
	if rep.Records > 0 {
		fmt.Fprintf(e.stdout, ", head seq %d hash %s", rep.Head.Seq, rep.Head.Hash)
	}
	if aSeq > 0 {
		fmt.Fprintf(e.stdout, ", holds anchor seq %d", aSeq)
	}
	fmt.Fprintln(e.stdout)
	if rep.Torn != nil {
		fmt.Fprintf(e.stdout, "%s: torn tail (a crash mid-write, not tampering): %v\n", name, rep.Torn)
	}
	return nil
}

// auditReview resolves a held decision found in the log: the review state is
// rebuilt from the log, the step is applied under the four-eyes rules and
// appended to the same log.
func (e *env) auditReview(ctx context.Context, args []string) error {
	fs := e.newFlags("audit review", "audit review LOG --decision ID --reviewer NAME [--role admin] (--confirm|--dismiss) --reason TEXT")
	id := fs.String("decision", "", "the held decision's `ID`")
	reviewer := fs.String("reviewer", "", "who reviews (`NAME`)")
	role := fs.String("role", "", "the reviewer's `ROLE`: admin decides a case two reviewers disagree on (DISPUTED)")
	confirm := fs.Bool("confirm", false, "confirm the hit: the party is the listed one (freeze)")
	dismiss := fs.Bool("dismiss", false, "dismiss the hit as a false positive (clear)")
	reason := fs.String("reason", "", "why (`TEXT`), for the record")
	asJSON := fs.Bool("json", false, "print the case as JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError(fs, "audit review: want exactly one LOG file")
	}
	if *id == "" && *reviewer == "" && *reason == "" && !*confirm && !*dismiss {
		return e.listCases(ctx, pos[0], *asJSON)
	}
	if *id == "" || *reviewer == "" || *reason == "" || *confirm == *dismiss {
		return usageError(fs, "audit review: want --decision, --reviewer, --reason and one of --confirm or --dismiss")
	}
	if audit.IsPostgres(pos[0]) {
		return e.reviewPostgres(ctx, pos[0], *id, *reviewer, *confirm, *reason, *asJSON)
	}
	// The log must exist (audit.Open would create it), and is locked
	// before the cases are rebuilt from it, so that no other writer can
	// add a review between the replay and this step.
	if _, err := os.Stat(pos[0]); err != nil {
		return fmt.Errorf("audit review: %w", err)
	}
	log, err := audit.Open(pos[0])
	if err != nil {
		return err
	}
	defer log.Close()
	store, err := replay(ctx, pos[0])
	if err != nil {
		return err
	}
	action := screening.Dismiss
	if *confirm {
		action = screening.Confirm
	}
	if *role != "" && *role != screening.RoleAdmin {
		return usageError(fs, "audit review: --role must be admin (or left out)")
	}
	c, err := screening.NewReviews(store, log, nil).ReviewAs(ctx, *id, *reviewer, *role, action, *reason)
	if err != nil {
		return err
	}
	// The step is already fsynced; a failing Close still means something
	// is wrong with the log file, and the reviewer must hear of it.
	if err := log.Close(); err != nil {
		return fmt.Errorf("audit review: closing %s: %w", pos[0], err)
	}
	return e.printCase(c, *asJSON)
}

func replay(ctx context.Context, spec string) (*screening.MemoryReviewStore, error) {
	return screening.ReplayReviews(ctx, audit.RecordsSpec(ctx, spec))
}

// listCases prints every review case in the log, open ones first.
func (e *env) listCases(ctx context.Context, path string, asJSON bool) error {
	store, err := replay(ctx, path)
	if err != nil {
		return err
	}
	cases := store.Cases()
	if len(cases) == 0 && !asJSON {
		fmt.Fprintf(e.stdout, "%s: no held decisions\n", audit.DisplaySpec(path))
	}
	// Open cases first, then awaiting a second reviewer, then resolved;
	// oldest first within each.
	rank := map[screening.ReviewStatus]int{screening.StatusOpen: 0, screening.StatusAwaitingSecond: 1, screening.StatusResolved: 2}
	slices.SortFunc(cases, func(a, b screening.ReviewCase) int {
		if c := cmp.Compare(rank[a.Status], rank[b.Status]); c != 0 {
			return c
		}
		if c := a.Opened.Compare(b.Opened); c != 0 {
			return c
		}
		return strings.Compare(a.DecisionID, b.DecisionID)
	})
	for _, c := range cases {
		if err := e.printCase(c, asJSON); err != nil {
			return err
		}
	}
	return nil
}

func (e *env) printCase(c screening.ReviewCase, asJSON bool) error {
	if asJSON {
		return json.NewEncoder(e.stdout).Encode(c)
	}
	fmt.Fprintf(e.stdout, "decision %s: %s, outcome %s\n", c.DecisionID, c.Status, c.Outcome)
	if c.ConfirmNeedsSecond != "" {
		fmt.Fprintf(e.stdout, "  confirming needs a second reviewer: %s\n", c.ConfirmNeedsSecond)
	}
	if c.DismissNeedsSecond != "" {
		fmt.Fprintf(e.stdout, "  dismissing needs a second reviewer: %s\n", c.DismissNeedsSecond)
	}
	for _, s := range c.Steps {
		fmt.Fprintf(e.stdout, "  %s %s by %s: %s\n", s.Time.Format("2006-01-02 15:04:05Z"), s.Action, s.Reviewer, s.Reason)
	}
	return nil
}
