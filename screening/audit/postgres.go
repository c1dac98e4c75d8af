package audit

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// PostgresLog is a Log kept in a PostgreSQL table, audit_log, that any
// number of processes append to at once: one hash chain, the same records
// and hashes as the file log (a row's record column is a file-log line), so
// records can be moved between the two and checked by either Verify.
//
// Appends from one process are group-committed, as in FileLog: one writer
// goroutine takes every record waiting and writes them in one transaction.
// That transaction takes the table's writer lock (a transaction-scoped
// advisory lock keyed by the table, which readers never wait for and which
// needs no privilege beyond INSERT and SELECT), reads the last
// row and continues the chain from it, so writers in several processes
// never fork the chain or leave a gap in seq. Append returns once the
// transaction has committed with synchronous_commit on: the record is in
// the server's write-ahead log on disk.
//
// If a transaction fails (the server is down, the connection broke) its
// appenders get the error and the connection is dropped; the next batch
// connects again and re-reads the head, so the log recovers by itself when
// the server is back. A failure while committing leaves it unknown whether
// the records were written: they are reported as not written (the caller
// treats the decision as failed), and if they were, they are simply part
// of the chain.
//
// A PostgresLog is safe for concurrent use.
type PostgresLog struct {
	cfg     config
	connCfg *pgx.ConnConfig
	rep     OpenReport

	mu      sync.Mutex
	cond    sync.Cond
	pending []*request
	closed  bool
	headSeq uint64
	head    string

	// owned by the writer goroutine
	conn    *pgx.Conn
	scratch []byte
	batches uint64 // transactions committed, for benchmarks; read after Close

	exited    chan struct{}
	closeOnce sync.Once
	closeErr  error
}

var _ Log = (*PostgresLog)(nil)

// pgWriterLock serialises the writers of one audit_log table, in every
// process, until their transaction ends: an advisory lock keyed by the
// table's oid (unique in the database) in the high word "FGLK". LOCK
// TABLE would do too, but needs UPDATE or DELETE rights, which writers
// should not have.
const pgWriterLock = `SELECT pg_advisory_xact_lock((x'46474c4b'::bigint << 32) | 'audit_log'::regclass::oid::bigint)`

// pgBatchTimeout bounds one append transaction, so that a server that
// stops answering fails the appends instead of blocking them for ever.
const pgBatchTimeout = 30 * time.Second

// IsPostgres reports whether an audit log spec names a PostgreSQL database
// (postgres:// or postgresql:// URL) rather than a file.
func IsPostgres(spec string) bool {
	return strings.HasPrefix(spec, "postgres://") || strings.HasPrefix(spec, "postgresql://")
}

// pgConfig parses a DSN and sets what every connection of the store needs:
// synchronous_commit on, whatever the server's or the DSN's default, so
// that a commit is durable when it is acknowledged.
func pgConfig(dsn string) (*pgx.ConnConfig, error) {
	cc, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("audit: postgres: %w", err)
	}
	cc.RuntimeParams["synchronous_commit"] = "on"
	if cc.RuntimeParams["application_name"] == "" {
		cc.RuntimeParams["application_name"] = "freezeguard-audit"
	}
	return cc, nil
}

// OpenPostgres connects to the database named by dsn (a postgres:// URL or
// key=value string, as pgx reads it) and returns a log appending to the
// table audit_log in the connection's current schema (the first schema of
// its search_path that exists; set it with ?search_path=NAME).
//
// On first use it creates the table, its indexes, an append-only trigger
// and the compliance views (a versioned migration, under an advisory lock,
// so processes opening an empty database at once create it once). Then it
// verifies the chain, the whole table as Verify does by default, or only
// the last record's hash with WithVerifyOnOpen(false), and refuses a
// broken chain.
//
// Options: WithGroupCommit, WithRedactor, WithClock, WithLogger and
// WithVerifyOnOpen apply; WithFsync does not (the server's WAL and
// synchronous_commit make a commit durable). Record times are kept to the
// microsecond, the precision of a timestamptz column.
func OpenPostgres(ctx context.Context, dsn string, opts ...Option) (*PostgresLog, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	cc, err := pgConfig(dsn)
	if err != nil {
		return nil, err
	}
	l := &PostgresLog{cfg: cfg, connCfg: cc, exited: make(chan struct{})}
	l.cond.L = &l.mu
	conn, err := pgx.ConnectConfig(ctx, cc)
	if err != nil {
		return nil, fmt.Errorf("audit: postgres: connect: %w", err)
	}
	if err := migrate(ctx, conn); err != nil {
		conn.Close(ctx)
		return nil, err
	}
	var rep Report
	if cfg.verify {
		rep, err = verifyConn(ctx, conn, 0, "")
	} else {
		rep, err = lastRecord(ctx, conn)
	}
	if err != nil {
		conn.Close(ctx)
		return nil, fmt.Errorf("audit: postgres: open: %w", err)
	}
	l.rep.Created = rep.Records == 0
	l.rep.Records, l.rep.Head = rep.Records, rep.Head
	l.headSeq, l.head = rep.Head.Seq, rep.Head.Hash
	l.conn = conn
	go l.run()
	return l, nil
}

// OpenReport says what OpenPostgres found: the records and the head of the
// chain at the time (Created when the table was empty).
func (l *PostgresLog) OpenReport() OpenReport { return l.rep }

// Head returns the seq and hash of the last record this process appended
// (or found on open): a record of the chain that can serve as an anchor.
// Other processes may have appended after it; PostgresHead reads the
// table's head.
func (l *PostgresLog) Head() (seq uint64, hash string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.headSeq, l.head
}

// Append seals body as the next record of the table's chain and returns it
// once its transaction has committed. Body is encoded, redacted and
// canonicalised as by FileLog.Append; ctx bounds the wait for a place in a
// transaction as there.
func (l *PostgresLog) Append(ctx context.Context, typ string, body any) (Record, error) {
	if err := ctx.Err(); err != nil {
		return Record{}, err
	}
	if err := checkType(typ); err != nil {
		return Record{}, err
	}
	b, v, err := encodeIndexed(body, l.cfg.redactor)
	if err != nil {
		return Record{}, err
	}
	req := &request{typ: typ, body: b, idx: indexOf(typ, &v), done: make(chan struct{})}
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return Record{}, ErrClosed
	}
	l.pending = append(l.pending, req)
	l.cond.Signal()
	l.mu.Unlock()

	return awaitAppend(ctx, &l.mu, &l.pending, req)
}

// run is the writer goroutine: it takes the pending records in batches and
// commits each batch in one transaction.
func (l *PostgresLog) run() {
	defer close(l.exited)
	for {
		l.mu.Lock()
		for len(l.pending) == 0 && !l.closed {
			l.cond.Wait()
		}
		if len(l.pending) == 0 {
			l.mu.Unlock()
			return
		}
		batch := takeBatch(&l.pending, l.cfg.maxBatch, l.cfg.groupCommit)
		l.mu.Unlock()

		ctx, cancel := context.WithTimeout(context.Background(), pgBatchTimeout)
		err := l.commit(ctx, batch)
		cancel()
		if err != nil {
			l.cfg.logger.Error("audit: postgres append failed; the records are not acknowledged",
				slog.Int("records", len(batch)), slog.Any("err", err))
			if l.conn != nil {
				cctx, cancel := context.WithTimeout(context.Background(), time.Second)
				l.conn.Close(cctx)
				cancel()
				l.conn = nil
			}
			for _, r := range batch {
				r.rec, r.err = Record{}, err
				close(r.done)
			}
			continue
		}
		for _, r := range batch {
			close(r.done)
		}
	}
}

// pgColumns are the columns an append writes, in CopyFrom order.
var pgColumns = []string{"seq", "time", "type", "record", "hash", "prev_hash",
	"decision_id", "payment_id", "outcome", "status", "party_names", "entity_ids", "report_by"}

// commit writes one batch in one transaction: lock the table, read the
// head, seal the records after it, copy them in, commit.
func (l *PostgresLog) commit(ctx context.Context, batch []*request) error {
	if l.conn == nil || l.conn.IsClosed() {
		conn, err := pgx.ConnectConfig(ctx, l.connCfg)
		if err != nil {
			return fmt.Errorf("audit: postgres: connect: %w", err)
		}
		l.conn = conn
	}
	// BEGIN, the lock and the head read go in one round trip.
	var b pgx.Batch
	b.Queue(`BEGIN`)
	b.Queue(pgWriterLock)
	b.Queue(`SELECT seq, hash, time FROM audit_log ORDER BY seq DESC LIMIT 1`)
	br := l.conn.SendBatch(ctx, &b)
	_, err := br.Exec()
	if err == nil {
		_, err = br.Exec()
	}
	var c chain
	var seq int64
	if err == nil {
		err = br.QueryRow().Scan(&seq, &c.head, &c.last)
		if errors.Is(err, pgx.ErrNoRows) {
			err = nil
		} else if err == nil {
			c.seq = uint64(seq)
		}
	}
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	// A failed transaction is rolled back; the caller drops the
	// connection on any error anyway.
	defer func() {
		if l.conn.PgConn().TxStatus() != 'I' {
			l.conn.Exec(ctx, `ROLLBACK`)
		}
	}()
	if err != nil {
		return fmt.Errorf("audit: postgres: lock audit_log and read its head: %w", err)
	}
	now := l.cfg.now().Truncate(time.Microsecond)
	rows := make([][]any, len(batch))
	var line []byte
	for i, r := range batch {
		r.rec, l.scratch = c.seal(now, r.typ, r.body, l.scratch)
		line = appendLine(line[:0], &r.rec)
		rows[i] = r.idx.row(&r.rec, string(line[:len(line)-1]))
	}
	if len(rows) == 1 {
		_, err = l.conn.Exec(ctx, `INSERT INTO audit_log (seq, time, type, record, hash, prev_hash,
			decision_id, payment_id, outcome, status, party_names, entity_ids, report_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, rows[0]...)
	} else {
		_, err = l.conn.CopyFrom(ctx, pgx.Identifier{"audit_log"}, pgColumns, pgx.CopyFromRows(rows))
	}
	if err != nil {
		return fmt.Errorf("audit: postgres: insert seq %d to %d: %w", batch[0].rec.Seq, c.seq, err)
	}
	tag, err := l.conn.Exec(ctx, `COMMIT`)
	if err != nil {
		return fmt.Errorf("audit: postgres: commit seq %d to %d (outcome unknown, not acknowledged): %w", batch[0].rec.Seq, c.seq, err)
	}
	if tag.String() != "COMMIT" { // an aborted transaction answers COMMIT with ROLLBACK
		return fmt.Errorf("audit: postgres: commit seq %d to %d: the server rolled the transaction back (%s)", batch[0].rec.Seq, c.seq, tag)
	}
	l.batches++
	l.mu.Lock()
	l.headSeq, l.head = c.seq, c.head
	l.mu.Unlock()
	return nil
}

// Close waits for the records already appended to be committed (or to
// fail) and closes the connection. Append after Close returns ErrClosed.
func (l *PostgresLog) Close() error {
	l.closeOnce.Do(func() {
		l.mu.Lock()
		l.closed = true
		l.cond.Broadcast()
		l.mu.Unlock()
		<-l.exited
		if l.conn != nil {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			l.closeErr = l.conn.Close(ctx)
			cancel()
		}
	})
	return l.closeErr
}
