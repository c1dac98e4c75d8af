package audit

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/jackc/pgx/v5"
)

// pgSelect is the row every reader of the table scans, in scanRow's order.
const pgSelect = `SELECT seq, time, type, record, hash, prev_hash, decision_id, payment_id,
	outcome, status, party_names, entity_ids, report_by FROM audit_log`

// pgRow is one row of audit_log as stored.
type pgRow struct {
	seq        int64
	time       time.Time
	typ        string
	record     string
	hash, prev string
	idx        pgIndex
}

func scanRow(rows pgx.Rows) (pgRow, error) {
	var r pgRow
	var did, pid, out, st *string
	var rb *time.Time
	err := rows.Scan(&r.seq, &r.time, &r.typ, &r.record, &r.hash, &r.prev, &did, &pid, &out, &st,
		&r.idx.partyNames, &r.idx.entityIDs, &rb)
	deref := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	r.idx.decisionID, r.idx.paymentID, r.idx.outcome, r.idx.status = deref(did), deref(pid), deref(out), deref(st)
	if rb != nil {
		r.idx.reportBy = rb.UTC()
	}
	if len(r.idx.partyNames) == 0 {
		r.idx.partyNames = nil
	}
	if len(r.idx.entityIDs) == 0 {
		r.idx.entityIDs = nil
	}
	return r, err
}

// check returns the record a row holds, after checking the record's own
// hash and that every column agrees with it. It does not check the chain.
func (r *pgRow) check(scratch []byte) (Record, []byte, error) {
	bad := func(seq uint64, p Problem, detail string, cause error) error {
		return &TamperError{Where: "table audit_log", Seq: seq, Problem: p, Detail: detail, Err: cause}
	}
	seq := uint64(max(r.seq, 0))
	rec, err := decodeRecord([]byte(r.record))
	if err != nil {
		return rec, scratch, bad(seq, ProblemMalformed, "record column is not a record", err)
	}
	var want string
	want, scratch = hashRecord(&rec, scratch)
	if rec.Hash != want {
		return rec, scratch, bad(seq, ProblemHash, fmt.Sprintf("hash is %s, content hashes to %s", rec.Hash, want), nil)
	}
	col := func(name string, have, in any) error {
		return bad(seq, ProblemColumn, fmt.Sprintf("column %s is %v, the record holds %v", name, have, in), nil)
	}
	switch {
	case r.seq < 0 || uint64(r.seq) != rec.Seq:
		return rec, scratch, col("seq", r.seq, rec.Seq)
	case r.hash != rec.Hash:
		return rec, scratch, col("hash", r.hash, rec.Hash)
	case r.prev != rec.Prev:
		return rec, scratch, col("prev_hash", r.prev, rec.Prev)
	case r.typ != rec.Type:
		return rec, scratch, col("type", r.typ, rec.Type)
	case !r.time.Equal(rec.Time):
		return rec, scratch, col("time", formatTime(r.time), formatTime(rec.Time))
	}
	body, err := parseJSON(rec.Body)
	if err != nil { // cannot happen: decodeRecord parsed it
		return rec, scratch, bad(seq, ProblemMalformed, "body", err)
	}
	want2 := indexOf(rec.Type, &body)
	if name, ok := r.idx.equal(&want2); !ok {
		return rec, scratch, bad(seq, ProblemColumn, fmt.Sprintf("column %s disagrees with the record's body", name), nil)
	}
	return rec, scratch, nil
}

// pgChain checks that records follow each other: seq 1, 2, 3, ... and each
// prev the previous hash.
type pgChain struct {
	seq  uint64
	head string
}

func (c *pgChain) next(rec *Record) error {
	switch {
	case rec.Seq != c.seq+1:
		detail := fmt.Sprintf("want seq %d after seq %d", c.seq+1, c.seq)
		if rec.Seq > c.seq+1 {
			detail += fmt.Sprintf(": seq %d to %d missing", c.seq+1, rec.Seq-1)
		}
		return &TamperError{Where: "table audit_log", Seq: rec.Seq, Problem: ProblemSeq, Detail: detail}
	case rec.Prev != c.head:
		return &TamperError{Where: "table audit_log", Seq: rec.Seq, Problem: ProblemPrev,
			Detail: fmt.Sprintf("prev is %s, previous record's hash is %s", rec.Prev, c.head)}
	}
	c.seq, c.head = rec.Seq, rec.Hash
	return nil
}

// pgRecords streams the table in seq order, checking every row and the
// chain, and ends after the first error.
func pgRecords(ctx context.Context, conn *pgx.Conn) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		rows, err := conn.Query(ctx, pgSelect+` ORDER BY seq`)
		if err != nil {
			yield(Record{}, fmt.Errorf("audit: postgres: read audit_log: %w", err))
			return
		}
		defer rows.Close()
		var c pgChain
		var scratch []byte
		for rows.Next() {
			row, err := scanRow(rows)
			if err != nil {
				yield(Record{}, fmt.Errorf("audit: postgres: read audit_log after seq %d: %w", c.seq, err))
				return
			}
			var rec Record
			rec, scratch, err = row.check(scratch)
			if err == nil {
				err = c.next(&rec)
			}
			if !yield(rec, err) || err != nil {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(Record{}, fmt.Errorf("audit: postgres: read audit_log after seq %d: %w", c.seq, err))
		}
	}
}

// verifyConn verifies the table as VerifyPostgres does; anchorSeq 0 means
// no anchor.
func verifyConn(ctx context.Context, conn *pgx.Conn, anchorSeq uint64, anchorHash string) (Report, error) {
	var rep Report
	found := false
	for rec, err := range pgRecords(ctx, conn) {
		if err != nil {
			return rep, err
		}
		rep.Records++
		rep.Head = rec
		if anchorSeq > 0 && rec.Seq == anchorSeq {
			if rec.Hash != anchorHash {
				return rep, fmt.Errorf("%w: seq %d has hash %s, anchor says %s", ErrAnchorMismatch, anchorSeq, rec.Hash, anchorHash)
			}
			found = true
		}
	}
	if anchorSeq > 0 && !found {
		return rep, fmt.Errorf("%w: anchor is seq %d but the table ends at seq %d: records were cut off the end",
			ErrAnchorMismatch, anchorSeq, rep.Records)
	}
	return rep, nil
}

// lastRecord returns a Report with the table's last record, after checking
// that record alone (its hash and columns): what WithVerifyOnOpen(false)
// checks.
func lastRecord(ctx context.Context, conn *pgx.Conn) (Report, error) {
	rows, err := conn.Query(ctx, pgSelect+` ORDER BY seq DESC LIMIT 1`)
	if err != nil {
		return Report{}, fmt.Errorf("audit: postgres: read head: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		return Report{}, rows.Err()
	}
	row, err := scanRow(rows)
	if err != nil {
		return Report{}, fmt.Errorf("audit: postgres: read head: %w", err)
	}
	rec, _, err := row.check(nil)
	if err != nil {
		return Report{}, err
	}
	return Report{Records: rec.Seq, Head: rec}, nil
}

// connect opens one connection for reading.
func connect(ctx context.Context, dsn string) (*pgx.Conn, error) {
	cc, err := pgConfig(dsn)
	if err != nil {
		return nil, err
	}
	conn, err := pgx.ConnectConfig(ctx, cc)
	if err != nil {
		return nil, fmt.Errorf("audit: postgres: connect: %w", err)
	}
	return conn, nil
}

// VerifyPostgres reads the whole audit_log table in seq order, streaming,
// and checks it as Verify checks a file: every record's hash, seqs 1, 2, 3,
// ... without gaps, each prev_hash the previous hash; and also that every
// column of a row (seq, hash, prev_hash, time, type and the index columns)
// agrees with the record it holds. It does not rely on the append-only
// trigger: rows changed, deleted, inserted or reordered by someone who
// bypassed it give a *TamperError (errors.Is ErrTampered) naming the first
// bad seq.
//
// With anchorSeq > 0 it also checks the table against an anchor taken
// earlier (PostgresHead, PostgresLog.Head), as VerifyAnchor does: records
// cut off the end or a table rewritten with fresh hashes wrap
// ErrAnchorMismatch. It creates nothing: a database without the table is
// an error.
func VerifyPostgres(ctx context.Context, dsn string, anchorSeq uint64, anchorHash string) (Report, error) {
	conn, err := connect(ctx, dsn)
	if err != nil {
		return Report{}, err
	}
	defer conn.Close(context.Background())
	return verifyConn(ctx, conn, anchorSeq, anchorHash)
}

// Verify runs VerifyPostgres on the log's database, on a connection of its
// own.
func (l *PostgresLog) Verify(ctx context.Context, anchorSeq uint64, anchorHash string) (Report, error) {
	conn, err := pgx.ConnectConfig(ctx, l.connCfg)
	if err != nil {
		return Report{}, fmt.Errorf("audit: postgres: connect: %w", err)
	}
	defer conn.Close(context.Background())
	return verifyConn(ctx, conn, anchorSeq, anchorHash)
}

// PostgresRecords iterates over the records of the audit_log table in seq
// order, checking each row and the chain as VerifyPostgres does. The
// iteration ends after the first error.
func PostgresRecords(ctx context.Context, dsn string) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		conn, err := connect(ctx, dsn)
		if err != nil {
			yield(Record{}, err)
			return
		}
		defer conn.Close(context.Background())
		for rec, err := range pgRecords(ctx, conn) {
			if !yield(rec, err) || err != nil {
				return
			}
		}
	}
}

// PostgresDecisionRecords iterates over the records about one decision
// (the decision, its reviews and reports), in seq order, found through the
// decision_id index. Each row is checked on its own (hash and columns) but
// not the chain between them: it is for rebuilding one decision's review
// state quickly (screening.ReplayReviews); VerifyPostgres checks the chain.
func PostgresDecisionRecords(ctx context.Context, dsn, decisionID string) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		conn, err := connect(ctx, dsn)
		if err != nil {
			yield(Record{}, err)
			return
		}
		defer conn.Close(context.Background())
		rows, err := conn.Query(ctx, pgSelect+` WHERE decision_id = $1 ORDER BY seq`, decisionID)
		if err != nil {
			yield(Record{}, fmt.Errorf("audit: postgres: read decision %s: %w", decisionID, err))
			return
		}
		defer rows.Close()
		var scratch []byte
		for rows.Next() {
			row, err := scanRow(rows)
			if err != nil {
				yield(Record{}, fmt.Errorf("audit: postgres: read decision %s: %w", decisionID, err))
				return
			}
			var rec Record
			rec, scratch, err = row.check(scratch)
			if !yield(rec, err) || err != nil {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(Record{}, fmt.Errorf("audit: postgres: read decision %s: %w", decisionID, err))
		}
	}
}

// PostgresHead returns the seq and hash of the last record in the table
// (0 and "" when it is empty), after checking that record's own hash. Keep
// them where the log's writers cannot change them, and pass them to
// VerifyPostgres later as an anchor.
func PostgresHead(ctx context.Context, dsn string) (seq uint64, hash string, err error) {
	conn, err := connect(ctx, dsn)
	if err != nil {
		return 0, "", err
	}
	defer conn.Close(context.Background())
	rep, err := lastRecord(ctx, conn)
	if err != nil {
		return 0, "", err
	}
	return rep.Head.Seq, rep.Head.Hash, nil
}
