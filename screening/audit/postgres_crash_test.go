package audit_test

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// TestPostgresCrash runs on a PostgreSQL instance of its own. A child
// process and this process append at once; the child is killed (SIGKILL)
// mid-run, then the server is stopped with pg_ctl stop -m immediate while
// this process is still appending. While the server is down, appends fail
// and Decide returns an error (the payment is not released); once it is
// back the same log appends again without being reopened. In the end the
// chain verifies and holds every record that was acknowledged, unchanged.
func TestPostgresCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL instance and child processes")
	}
	ctx := context.Background()
	pg := newPGInstance(t)
	dsn := pg.dsn()

	// The failures while the server is down are expected: not logged.
	l, err := audit.OpenPostgres(ctx, dsn, audit.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	snap, err := embedded.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s, err := screening.New(ctx, snap, screening.Options{Policy: screening.DefaultPolicy(screening.JurisdictionEU), Log: l})
	if err != nil {
		t.Fatal(err)
	}
	pay := screening.Payment{ID: "E2E-CRASH-1", Amount: "25000.00", Currency: "EUR",
		Parties: []screening.PaymentParty{
			{Role: screening.Debtor, Party: screening.Party{Name: "Anna Schmidt", Country: "DE"}},
			{Role: screening.Creditor, Party: screening.Party{Name: "Saddam Hussein Al-Tikriti", BirthDate: "1937-04-28"}},
		}}
	if _, err := s.Decide(ctx, pay); err != nil {
		t.Fatalf("Decide with the server up: %v", err)
	}

	var mu sync.Mutex
	acked := make(map[uint64]string)
	ack := func(seq uint64, hash string) {
		mu.Lock()
		defer mu.Unlock()
		if h, dup := acked[seq]; dup && h != hash {
			t.Errorf("seq %d acknowledged twice, as %s and %s", seq, h, hash)
		}
		acked[seq] = hash
	}

	// The child appends until killed.
	child, acks := audit.PGChild(t, dsn, -1)
	childAcks := 0
	for a := range acks {
		seq, _ := strconv.ParseUint(a[0], 10, 64)
		ack(seq, a[1])
		if childAcks++; childAcks == 300 {
			child.Process.Kill()
			break
		}
	}
	for a := range acks { // what it printed before it died
		seq, _ := strconv.ParseUint(a[0], 10, 64)
		ack(seq, a[1])
	}
	child.Wait()

	// This process appends from 4 goroutines through the crash.
	bodies := audit.PGDecisions(t, 50)
	var stop atomic.Bool
	var okBefore, failed atomic.Int64
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g; !stop.Load(); i += 4 {
				r, err := l.Append(ctx, audit.TypeDecision, bodies[i%len(bodies)])
				if err != nil {
					failed.Add(1)
					time.Sleep(time.Millisecond)
					continue
				}
				ack(r.Seq, r.Hash)
				okBefore.Add(1)
			}
		})
	}
	for okBefore.Load() < 100 {
		time.Sleep(time.Millisecond)
	}
	pg.crash(t)
	for failed.Load() < 4 {
		time.Sleep(time.Millisecond)
	}
	stop.Store(true)
	wg.Wait()

	// Down: appends and decisions fail; the payment is not released.
	if _, err := l.Append(ctx, audit.TypeDecision, bodies[0]); err == nil {
		t.Fatal("Append succeeded with the server down")
	}
	if d, err := s.Decide(ctx, pay); err == nil || !errors.Is(err, screening.ErrAuditLog) {
		t.Fatalf("Decide with the server down: outcome %s, error %v; want an ErrAuditLog error", d.Outcome, err)
	} else {
		t.Logf("Decide with the server down: %v", err)
	}

	// Back: the same log appends again.
	pg.start(t)
	d, err := s.Decide(ctx, pay)
	if err != nil {
		t.Fatalf("Decide once the server is back: %v", err)
	}
	ack(d.AuditSeq, d.AuditHash)

	rep, err := audit.VerifyPostgres(ctx, dsn, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for r, err := range audit.PostgresRecords(ctx, dsn) {
		if err != nil {
			t.Fatal(err)
		}
		if h, ok := acked[r.Seq]; ok {
			if h != r.Hash {
				t.Fatalf("seq %d: hash %s, acknowledged as %s", r.Seq, r.Hash, h)
			}
			found++
		}
	}
	if found != len(acked) {
		t.Fatalf("%d of %d acknowledged records in the table (%d records)", found, len(acked), rep.Records)
	}
	t.Logf("%d records; all %d acknowledged kept (child %d, this process %d before the crash); %d appends failed while down",
		rep.Records, len(acked), childAcks, okBefore.Load(), failed.Load())
}
