package audit

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func openPG(tb testing.TB, dsn string, opts ...Option) *PostgresLog {
	tb.Helper()
	l, err := OpenPostgres(ctx, dsn, opts...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { l.Close() })
	return l
}

// TestPostgresAppendVerify appends real decisions from several goroutines,
// then checks the chain, the index columns, that the rows are file-log
// lines (exported, they verify as a file), and that a reopened log goes on
// with the same chain.
func TestPostgresAppendVerify(t *testing.T) {
	dsn := pgTestSchema(t)
	l := openPG(t, dsn)
	if !l.OpenReport().Created {
		t.Error("OpenReport().Created is false for an empty table")
	}
	ds := pgDecisions(t, 60)
	var wg sync.WaitGroup
	errs := make(chan error, len(ds))
	for g := range 8 {
		wg.Go(func() {
			for i := g; i < len(ds); i += 8 {
				if _, err := l.Append(ctx, TypeDecision, ds[i]); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	rv, err := l.Append(ctx, TypeReview, map[string]any{"decision_id": ds[0].ID, "status": "resolved", "outcome": "FREEZE",
		"step": map[string]string{"reviewer": "ana", "action": "confirm", "reason": "same date of birth"}})
	if err != nil {
		t.Fatal(err)
	}
	if rv.Seq != 61 {
		t.Fatalf("review has seq %d, want 61", rv.Seq)
	}
	// A NUL in a string is valid JSON but not PostgreSQL text: the record
	// is logged all the same (the index columns get U+FFFD).
	nul := ds[7]
	nul.ID, nul.Parties = "nul\x00id", []pgParty{{}}
	nul.Parties[0].Party.Name = "A\x00B"
	if _, err := l.Append(ctx, TypeDecision, nul); err != nil {
		t.Fatalf("append with a NUL character: %v", err)
	}
	rep, err := VerifyPostgres(ctx, dsn, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 62 || rep.Head.Prev != rv.Hash {
		t.Fatalf("verify: %d records, head after %s; want 62 after the review %s", rep.Records, rep.Head.Prev, rv.Hash)
	}
	rv = rep.Head
	if seq, hash := l.Head(); seq != 62 || hash != rv.Hash {
		t.Fatalf("Head() = %d %s", seq, hash)
	}
	if seq, hash, err := PostgresHead(ctx, dsn); err != nil || seq != 62 || hash != rv.Hash {
		t.Fatalf("PostgresHead = %d %s %v", seq, hash, err)
	}

	// The rows are file-log lines: written out, they verify as a file.
	var buf bytes.Buffer
	for r, err := range PostgresRecords(ctx, dsn) {
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(appendLine(nil, &r))
	}
	frep, err := Verify(&buf)
	if err != nil || frep.Records != 62 || frep.Head.Hash != rv.Hash {
		t.Fatalf("exported rows as a file: %+v, %v", frep.Head, err)
	}

	// The index columns answer the compliance questions.
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	entity := ds[5].Parties[0].Hits[0].EntityID
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM audit_decisions WHERE entity_ids @> ARRAY[$1]`, entity).Scan(&n); err != nil || n < 1 {
		t.Fatalf("decisions on %s: %d, %v", entity, n, err)
	}
	name := strings.ToLower(ds[5].Parties[0].Party.Name)
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE party_names @> ARRAY[$1]`, name).Scan(&n); err != nil || n < 1 {
		t.Fatalf("decisions on party %q: %d, %v", name, n, err)
	}
	// 20 HOLDs (every third decision), one of them resolved by the review.
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM audit_open_holds`).Scan(&n); err != nil || n != 19 {
		t.Fatalf("open holds: %d, %v; want 19", n, err)
	}
	// 21 FREEZE decisions due 2026-12-16 (one the NUL one) and one
	// confirmed HOLD, none reported; late is judged against now(), so
	// count them all.
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM audit_freezes WHERE reported_at IS NULL`).Scan(&n); err != nil || n != 22 {
		t.Fatalf("freezes: %d, %v; want 22", n, err)
	}

	// The trigger refuses changes made the ordinary way.
	if _, err := conn.Exec(ctx, `UPDATE audit_log SET outcome = 'CLEAR' WHERE seq = 2`); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Fatalf("UPDATE on audit_log: %v, want the append-only trigger's refusal", err)
	}
	if _, err := conn.Exec(ctx, `DELETE FROM audit_log WHERE seq = 2`); err == nil {
		t.Fatal("DELETE on audit_log allowed")
	}

	// Reopened (head only), the log continues the chain.
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Append(ctx, TypeDecision, ds[0]); !errors.Is(err, ErrClosed) {
		t.Fatalf("Append after Close: %v", err)
	}
	l2 := openPG(t, dsn, WithVerifyOnOpen(false))
	if r := l2.OpenReport(); r.Created || r.Records != 62 || r.Head.Hash != rv.Hash {
		t.Fatalf("reopen: %+v", r)
	}
	r, err := l2.Append(ctx, TypeDecision, ds[1])
	if err != nil || r.Seq != 63 || r.Prev != rv.Hash {
		t.Fatalf("append after reopen: seq %d prev %s, %v", r.Seq, r.Prev, err)
	}
	if _, err := l2.Verify(ctx, 62, rv.Hash); err != nil {
		t.Fatal(err)
	}
}

// TestPostgresConcurrentFirstOpen opens an empty schema from several
// connections at once: the migration runs once and all of them append to
// one chain.
func TestPostgresConcurrentFirstOpen(t *testing.T) {
	dsn := pgTestSchema(t)
	ds := pgDecisions(t, 6)
	var wg sync.WaitGroup
	errs := make(chan error, len(ds))
	for i := range ds {
		wg.Go(func() {
			l, err := OpenPostgres(ctx, dsn)
			if err != nil {
				errs <- err
				return
			}
			defer l.Close()
			if _, err := l.Append(ctx, TypeDecision, ds[i]); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	rep, err := VerifyPostgres(ctx, dsn, 0, "")
	if err != nil || rep.Records != 6 {
		t.Fatalf("%d records, %v", rep.Records, err)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM audit_schema_version`).Scan(&n); err != nil || n != len(pgMigrations) {
		t.Fatalf("schema versions: %d, %v", n, err)
	}
}

// TestPostgresTamper changes the table as an administrator who bypasses
// the trigger could, and checks that Verify names the first bad seq.
func TestPostgresTamper(t *testing.T) {
	cases := []struct {
		name    string
		tamper  func(t *testing.T, dsn string, recs []Record)
		seq     uint64
		problem Problem
	}{
		{"change record", func(t *testing.T, dsn string, _ []Record) {
			pgExec(t, dsn, `UPDATE audit_log SET record = replace(record, '"outcome":"HOLD"', '"outcome":"CLEAR"') WHERE seq = 4`)
		}, 4, ProblemHash},
		{"change index column", func(t *testing.T, dsn string, _ []Record) {
			pgExec(t, dsn, `UPDATE audit_log SET outcome = 'CLEAR' WHERE seq = 4`)
		}, 4, ProblemColumn},
		{"change and rehash", func(t *testing.T, dsn string, recs []Record) {
			r := recs[3]
			r.Body = bytes.Replace(r.Body, []byte(`"outcome":"HOLD"`), []byte(`"outcome":"CLEAR"`), 1)
			r.Hash, _ = hashRecord(&r, nil)
			line := appendLine(nil, &r)
			pgExec(t, dsn, `UPDATE audit_log SET record = $1, hash = $2, outcome = 'CLEAR' WHERE seq = 4`, string(line[:len(line)-1]), r.Hash)
		}, 5, ProblemPrev},
		{"delete", func(t *testing.T, dsn string, _ []Record) {
			pgExec(t, dsn, `DELETE FROM audit_log WHERE seq = 6`)
		}, 7, ProblemSeq},
		{"insert", func(t *testing.T, dsn string, recs []Record) {
			// Move seq 5.. up by one and put a well-formed record with a
			// valid hash, chained to seq 4, in the gap.
			pgExec(t, dsn, `UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 5`)
			pgExec(t, dsn, `UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1005`)
			c := chain{seq: 4, head: recs[3].Hash, last: recs[3].Time}
			r, _ := c.seal(recs[3].Time, TypeDecision, []byte(`{"id":"forged","outcome":"CLEAR"}`), nil)
			line := appendLine(nil, &r)
			pgExec(t, dsn, `INSERT INTO audit_log (seq, time, type, record, hash, prev_hash, decision_id, outcome)
				VALUES (5, $1, 'decision', $2, $3, $4, 'forged', 'CLEAR')`, r.Time, string(line[:len(line)-1]), r.Hash, r.Prev)
		}, 6, ProblemColumn},
		{"reorder", func(t *testing.T, dsn string, _ []Record) {
			pgExec(t, dsn, `UPDATE audit_log SET seq = 1000 WHERE seq = 3`)
			pgExec(t, dsn, `UPDATE audit_log SET seq = 3 WHERE seq = 4`)
			pgExec(t, dsn, `UPDATE audit_log SET seq = 4 WHERE seq = 1000`)
		}, 3, ProblemColumn},
		{"reorder records", func(t *testing.T, dsn string, _ []Record) {
			// Swap whole rows but keep the seq column in order: the
			// records' own seqs are then out of order.
			pgExec(t, dsn, `UPDATE audit_log SET seq = 1000 WHERE seq = 3`)
			pgExec(t, dsn, `UPDATE audit_log SET seq = 3 WHERE seq = 4`)
			pgExec(t, dsn, `UPDATE audit_log SET seq = 4 WHERE seq = 1000`)
			pgExec(t, dsn, `UPDATE audit_log SET record = replace(record, '"seq":3,', '"seq":4,') WHERE seq = 4`)
		}, 3, ProblemColumn},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dsn := pgTestSchema(t)
			l := openPG(t, dsn, WithGroupCommit(false))
			var recs []Record
			for _, d := range pgDecisions(t, 10) {
				r, err := l.Append(ctx, TypeDecision, d)
				if err != nil {
					t.Fatal(err)
				}
				recs = append(recs, r)
			}
			l.Close()
			tc.tamper(t, dsn, recs)
			_, err := VerifyPostgres(ctx, dsn, 0, "")
			var te *TamperError
			if !errors.As(err, &te) || !errors.Is(err, ErrTampered) {
				t.Fatalf("Verify after %s: %v, want a TamperError", tc.name, err)
			}
			if te.Seq != tc.seq || te.Problem != tc.problem {
				t.Fatalf("Verify after %s: seq %d %s, want seq %d %s (%v)", tc.name, te.Seq, te.Problem, tc.seq, tc.problem, err)
			}
			if !strings.Contains(err.Error(), fmt.Sprintf("seq %d", tc.seq)) {
				t.Fatalf("error does not name seq %d: %v", tc.seq, err)
			}
			// A log that does not verify is not extended.
			if _, err := OpenPostgres(ctx, dsn); !errors.Is(err, ErrTampered) {
				t.Fatalf("OpenPostgres on a tampered table: %v", err)
			}
		})
	}
}

// TestPostgresAnchor: records cut off the end keep a valid chain, and only
// the anchor shows it.
func TestPostgresAnchor(t *testing.T) {
	dsn := pgTestSchema(t)
	l := openPG(t, dsn)
	for _, d := range pgDecisions(t, 10) {
		if _, err := l.Append(ctx, TypeDecision, d); err != nil {
			t.Fatal(err)
		}
	}
	seq, hash := l.Head()
	l.Close()
	if _, err := VerifyPostgres(ctx, dsn, seq, hash); err != nil {
		t.Fatal(err)
	}
	pgExec(t, dsn, `DELETE FROM audit_log WHERE seq > 7`)
	if _, err := VerifyPostgres(ctx, dsn, 0, ""); err != nil {
		t.Fatalf("a cut chain is still a valid chain: %v", err)
	}
	_, err := VerifyPostgres(ctx, dsn, seq, hash)
	if !errors.Is(err, ErrAnchorMismatch) || !strings.Contains(err.Error(), "ends at seq 7") {
		t.Fatalf("verify against anchor %d after the cut: %v", seq, err)
	}
	if _, err := VerifyPostgres(ctx, dsn, 5, strings.Repeat("0", 64)); !errors.Is(err, ErrAnchorMismatch) {
		t.Fatalf("verify against a wrong anchor hash: %v", err)
	}
}

const pgHelperEnv = "FREEZEGUARD_AUDIT_PG_HELPER"

// TestPostgresHelperProcess is the child of the multi-process tests and
// benchmarks: when pgHelperEnv is set to "DSN|N[|W|wait]" it appends N
// decisions (N < 0: until killed) from W goroutines (default 8), printing
// "ack SEQ HASH" once each Append has returned. With "wait" it prints
// "ready" once connected and waits for a line on stdin before it starts,
// and prints only "done" at the end. Run directly, it does nothing.
func TestPostgresHelperProcess(t *testing.T) {
	spec := os.Getenv(pgHelperEnv)
	if spec == "" {
		return
	}
	f := strings.Split(spec, "|")
	dsn := f[0]
	n, _ := strconv.Atoi(f[1])
	writers, wait := 8, false
	if len(f) > 2 {
		writers, _ = strconv.Atoi(f[2])
	}
	if len(f) > 3 {
		wait = f[3] == "wait"
	}
	l, err := OpenPostgres(ctx, dsn, WithVerifyOnOpen(false))
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(2)
	}
	ds := pgDecisions(t, 200)
	if wait {
		fmt.Println("ready")
		bufio.NewReader(os.Stdin).ReadString('\n')
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	var next atomic.Int64
	for range writers {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if n >= 0 && i >= int64(n) {
					return
				}
				r, err := l.Append(ctx, TypeDecision, ds[i%int64(len(ds))])
				if err != nil {
					fmt.Fprintln(os.Stderr, "helper:", err)
					os.Exit(3)
				}
				if !wait {
					mu.Lock()
					os.Stdout.WriteString("ack " + strconv.FormatUint(r.Seq, 10) + " " + r.Hash + "\n")
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if err := l.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(4)
	}
	if wait {
		fmt.Println("done")
	}
	os.Exit(0)
}

// pgChild starts the helper process appending n records to dsn and
// returns it with a channel of the (seq, hash) pairs it acknowledges.
func pgChild(t *testing.T, dsn string, n int) (*exec.Cmd, <-chan [2]string) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestPostgresHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), pgHelperEnv+"="+dsn+"|"+strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acks := make(chan [2]string, 64)
	go func() {
		defer close(acks)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if f := strings.Fields(sc.Text()); len(f) == 3 && f[0] == "ack" {
				acks <- [2]string{f[1], f[2]}
			}
		}
	}()
	return cmd, acks
}

// TestPostgresTwoProcesses: two OS processes appending at once to one
// table keep one chain, with every acknowledged record in it.
func TestPostgresTwoProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dsn := pgTestSchema(t)
	// Create the schema first, so that the children race only on appends
	// (concurrent first opens have their own test).
	openPG(t, dsn).Close()
	const n = 400
	acked := make(map[string]string)
	var mu sync.Mutex
	var wg sync.WaitGroup
	var cmds []*exec.Cmd
	for range 2 {
		cmd, acks := pgChild(t, dsn, n)
		cmds = append(cmds, cmd)
		wg.Go(func() {
			for a := range acks {
				mu.Lock()
				if _, dup := acked[a[0]]; dup {
					t.Errorf("seq %s acknowledged twice", a[0])
				}
				acked[a[0]] = a[1]
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("child: %v", err)
		}
	}
	if len(acked) != 2*n {
		t.Fatalf("%d acknowledgements, want %d", len(acked), 2*n)
	}
	rep, err := VerifyPostgres(ctx, dsn, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 2*n {
		t.Fatalf("table holds %d records, want %d", rep.Records, 2*n)
	}
	for r, err := range PostgresRecords(ctx, dsn) {
		if err != nil {
			t.Fatal(err)
		}
		if h := acked[strconv.FormatUint(r.Seq, 10)]; h != r.Hash {
			t.Fatalf("seq %d: hash %s, acknowledged as %q", r.Seq, r.Hash, h)
		}
	}
}

// TestPostgresQueries answers the compliance questions through
// QueryPostgres: decisions on an entity and a party, open HOLDs, and
// freezes reported late, on time or not at all.
func TestPostgresQueries(t *testing.T) {
	dsn := pgTestSchema(t)
	l := openPG(t, dsn)
	ds := pgDecisions(t, 6) // outcomes HOLD, FREEZE, CLEAR, HOLD, FREEZE, CLEAR
	past := time.Date(2020, 1, 6, 0, 0, 0, 0, time.UTC)
	future := time.Now().AddDate(1, 0, 0).UTC()
	ds[1].ReportBy = past   // FREEZE, never reported: overdue
	ds[4].ReportBy = future // FREEZE, reported in time
	ds[3].ReportBy = past   // HOLD, confirmed by review, reported late
	for _, d := range ds {
		if _, err := l.Append(ctx, TypeDecision, d); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		typ  string
		body any
	}{
		{TypeReview, map[string]any{"decision_id": ds[3].ID, "status": "resolved", "outcome": "FREEZE"}},
		{TypeReport, map[string]any{"decision_id": ds[3].ID, "authority": "OFAC", "reference": "R-3"}},
		{TypeReport, map[string]any{"decision_id": ds[4].ID, "authority": "OFAC", "reference": "R-4"}},
	}
	for _, s := range steps {
		if _, err := l.Append(ctx, s.typ, s.body); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(q Query) []string {
		t.Helper()
		fs, err := QueryPostgres(ctx, dsn, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range fs {
			out = append(out, f.DecisionID)
		}
		return out
	}
	eq := func(what string, got []string, want ...string) {
		t.Helper()
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: %v, want %v", what, got, want)
		}
	}
	eq("entity", ids(Query{EntityID: ds[2].Parties[0].Hits[0].EntityID}), ds[2].ID)
	eq("party (any case)", ids(Query{Party: strings.ToUpper(ds[5].Parties[0].Party.Name)}), ds[5].ID)
	eq("open holds", ids(Query{OpenHolds: true}), ds[0].ID)
	eq("late freezes", ids(Query{LateFreezes: true}), ds[1].ID, ds[3].ID)
	eq("decision", ids(Query{DecisionID: ds[3].ID}), ds[3].ID, ds[3].ID, ds[3].ID)
	eq("outcome in range", ids(Query{Outcome: "CLEAR", From: time.Now().Add(-time.Hour), To: time.Now().Add(time.Hour)}), ds[2].ID, ds[5].ID)
	if _, err := QueryPostgres(ctx, dsn, Query{OpenHolds: true, LateFreezes: true}); err == nil {
		t.Error("two questions at once: no error")
	}
}

// TestPostgresNoSchema: a search_path naming no existing schema is a clear
// error, not a table created somewhere else.
func TestPostgresNoSchema(t *testing.T) {
	dsn := withParam(t, pgTestSchema(t), "search_path", "fg_test_no_such_schema")
	_, err := OpenPostgres(ctx, dsn)
	if err == nil || !strings.Contains(err.Error(), "no schema") {
		t.Fatalf("OpenPostgres with a missing schema: %v", err)
	}
	if _, err := VerifyPostgres(ctx, dsn, 0, ""); err == nil {
		t.Fatal("VerifyPostgres without a table: no error")
	}
}

// TestPostgresInterleaved: two logs on one table take turns, so each
// finds the head moved by the other since its last commit; the chain
// stays whole.
func TestPostgresInterleaved(t *testing.T) {
	dsn := pgTestSchema(t)
	a, b := openPG(t, dsn), openPG(t, dsn)
	ds := pgDecisions(t, 20)
	for i, d := range ds {
		l := a
		if i%2 == 1 {
			l = b
		}
		r, err := l.Append(ctx, TypeDecision, d)
		if err != nil {
			t.Fatal(err)
		}
		if r.Seq != uint64(i+1) {
			t.Fatalf("append %d got seq %d", i, r.Seq)
		}
	}
	if rep, err := VerifyPostgres(ctx, dsn, 0, ""); err != nil || rep.Records != 20 {
		t.Fatalf("%d records, %v", rep.Records, err)
	}
}

// TestPostgresLeastPrivilege: a writer's role with only SELECT and INSERT
// on audit_log (and SELECT on audit_schema_version) opens the store,
// appends to the chain and verifies it, and cannot change a row.
func TestPostgresLeastPrivilege(t *testing.T) {
	dsn := pgTestSchema(t)
	openPG(t, dsn).Close() // the owner creates the schema
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	schema := u.Query().Get("search_path")
	role := "fg_writer_" + schema[len("fg_test_"):]
	pgExec(t, dsn, "CREATE ROLE "+role+" LOGIN")
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close(ctx)
		conn.Exec(ctx, "DROP OWNED BY "+role)
		conn.Exec(ctx, "DROP ROLE "+role)
	})
	pgExec(t, dsn, "GRANT USAGE ON SCHEMA "+schema+" TO "+role)
	pgExec(t, dsn, "GRANT SELECT, INSERT ON audit_log TO "+role)
	pgExec(t, dsn, "GRANT SELECT ON audit_schema_version TO "+role)
	u.User = url.User(role)
	wdsn := u.String()

	l := openPG(t, wdsn)
	for _, d := range pgDecisions(t, 5) {
		if _, err := l.Append(ctx, TypeDecision, d); err != nil {
			t.Fatalf("append as %s: %v", role, err)
		}
	}
	if rep, err := VerifyPostgres(ctx, wdsn, 0, ""); err != nil || rep.Records != 5 {
		t.Fatalf("verify as %s: %d records, %v", role, rep.Records, err)
	}
	conn, err := pgx.Connect(ctx, wdsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `UPDATE audit_log SET outcome = 'CLEAR' WHERE seq = 1`); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Fatalf("UPDATE as %s: %v, want permission denied", role, err)
	}
}
