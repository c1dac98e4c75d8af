package audit

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Query is one of the questions compliance asks of the PostgreSQL store;
// set exactly one of EntityID, Party, DecisionID, Outcome, OpenHolds and
// LateFreezes. From and To, when set, bound the record time (From
// inclusive, To exclusive).
type Query struct {
	EntityID    string // every decision with a hit on this listed entity (e.g. ofac:7843)
	Party       string // every decision screening a party of this name (any case)
	DecisionID  string // the decision and every record about it (reviews, reports)
	Outcome     string // every decision with this outcome (FREEZE, HOLD, CLEAR)
	OpenHolds   bool   // every HOLD not yet resolved by review (view audit_open_holds)
	LateFreezes bool   // every freeze reported late or overdue (view audit_freezes)
	From, To    time.Time
	Limit       int // at most this many rows (0: no limit)
}

// Finding is one row a Query returns. The columns a query does not give
// are zero.
type Finding struct {
	Seq        uint64    `json:"seq"`
	Time       time.Time `json:"time"`
	Type       string    `json:"type"`
	DecisionID string    `json:"decision_id,omitempty"`
	PaymentID  string    `json:"payment_id,omitempty"`
	Outcome    string    `json:"outcome,omitempty"`
	Status     string    `json:"status,omitempty"` // review status (OpenHolds: open or awaiting-second)
	PartyNames []string  `json:"party_names,omitempty"`
	EntityIDs  []string  `json:"entity_ids,omitempty"`
	ReportBy   time.Time `json:"report_by,omitzero"`
	// For LateFreezes: when the funds were frozen (the decision, or the
	// review that confirmed it), the deadline that follows from it, and
	// the first report (zero: none yet).
	FrozenAt   time.Time `json:"frozen_at,omitzero"`
	Deadline   time.Time `json:"deadline,omitzero"`
	ReportedAt time.Time `json:"reported_at,omitzero"`
}

// QueryPostgres answers q from the store's index columns and views. It
// reads the rows as they are: run VerifyPostgres to know that they are the
// chain's.
func QueryPostgres(ctx context.Context, dsn string, q Query) ([]Finding, error) {
	n := 0
	for _, set := range []bool{q.EntityID != "", q.Party != "", q.DecisionID != "", q.Outcome != "", q.OpenHolds, q.LateFreezes} {
		if set {
			n++
		}
	}
	if n != 1 {
		return nil, errors.New("audit: query: want exactly one of entity, party, decision, outcome, open holds, late freezes")
	}
	const cols = `seq, time, type, coalesce(decision_id, ''), coalesce(payment_id, ''), coalesce(outcome, ''),
		coalesce(status, ''), coalesce(party_names, '{}'), coalesce(entity_ids, '{}'), report_by`
	var sql string
	var args []any
	switch {
	case q.EntityID != "":
		sql, args = `SELECT `+cols+` FROM audit_log WHERE type = 'decision' AND entity_ids @> ARRAY[$1]`, []any{q.EntityID}
	case q.Party != "":
		sql, args = `SELECT `+cols+` FROM audit_log WHERE type = 'decision' AND party_names @> ARRAY[lower($1)]`, []any{q.Party}
	case q.DecisionID != "":
		sql, args = `SELECT `+cols+` FROM audit_log WHERE decision_id = $1`, []any{q.DecisionID}
	case q.Outcome != "":
		sql, args = `SELECT `+cols+` FROM audit_log WHERE type = 'decision' AND outcome = $1`, []any{q.Outcome}
	case q.OpenHolds:
		sql = `SELECT seq, time, 'decision', decision_id, coalesce(payment_id, ''), 'HOLD', status,
			coalesce(party_names, '{}'), coalesce(entity_ids, '{}'), report_by FROM audit_open_holds WHERE true`
	case q.LateFreezes:
		sql = `SELECT seq, frozen_at, 'decision', decision_id, coalesce(payment_id, ''), 'FREEZE', '',
			coalesce(party_names, '{}'), coalesce(entity_ids, '{}'), deadline, frozen_at, deadline, reported_at
			FROM audit_freezes WHERE late`
	}
	timeCol := "time"
	if q.LateFreezes {
		timeCol = "frozen_at"
	}
	if !q.From.IsZero() {
		args = append(args, q.From)
		sql += fmt.Sprintf(" AND %s >= $%d", timeCol, len(args))
	}
	if !q.To.IsZero() {
		args = append(args, q.To)
		sql += fmt.Sprintf(" AND %s < $%d", timeCol, len(args))
	}
	sql += " ORDER BY seq"
	if q.Limit > 0 {
		sql += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	conn, err := connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer conn.Close(context.Background())
	rows, err := conn.Query(ctx, sql, args...)
	if err != nil {
		return nil, fmt.Errorf("audit: query: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (Finding, error) {
		var f Finding
		var seq int64
		var rb, frozen, deadline, reported *time.Time
		dst := []any{&seq, &f.Time, &f.Type, &f.DecisionID, &f.PaymentID, &f.Outcome, &f.Status, &f.PartyNames, &f.EntityIDs, &rb}
		if q.LateFreezes {
			dst = append(dst, &frozen, &deadline, &reported)
		}
		if err := row.Scan(dst...); err != nil {
			return f, fmt.Errorf("audit: query: %w", err)
		}
		f.Seq = uint64(seq)
		for _, p := range []struct {
			src *time.Time
			dst *time.Time
		}{{rb, &f.ReportBy}, {frozen, &f.FrozenAt}, {deadline, &f.Deadline}, {reported, &f.ReportedAt}} {
			if p.src != nil {
				*p.dst = p.src.UTC()
			}
		}
		f.Time = f.Time.UTC()
		return f, nil
	})
}

// pgReviewLock is the first key of the advisory lock that serialises
// reviews of one decision across processes (the second is a hash of the
// schema and the decision id).
const pgReviewLock = 0x46475256 // "FGRV"

// LockPostgresDecision takes a lock on one decision in the store, held
// until unlock is called, on a connection of its own. Every program that
// reviews decisions in a shared store takes it around rebuilding the
// decision's review state and appending the step, so that two reviewers
// in different processes cannot both act on the same stale state (e.g.
// both give the second approval).
func LockPostgresDecision(ctx context.Context, dsn, decisionID string) (unlock func() error, err error) {
	conn, err := connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	const key = `$1::int, hashtext(current_schema() || ':' || $2)`
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(`+key+`)`, int32(pgReviewLock), decisionID); err != nil {
		conn.Close(context.Background())
		return nil, fmt.Errorf("audit: postgres: lock decision %s: %w", decisionID, err)
	}
	return func() error {
		// Closing the session releases the lock in any case.
		_, err := conn.Exec(context.Background(), `SELECT pg_advisory_unlock(`+key+`)`, int32(pgReviewLock), decisionID)
		if cerr := conn.Close(context.Background()); err == nil {
			err = cerr
		}
		return err
	}, nil
}
