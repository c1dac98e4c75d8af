package audit_test

import (
	"context"
	"fmt"
	"log"

	"github.com/freezeguard/freezeguard/screening/audit"
)

// Every instance of a fleet opens the same store; their appends form one
// chain. (Compiled, not run: it needs a PostgreSQL server; the tests run
// the same calls on a real one.)
func ExampleOpenPostgres() {
	ctx := context.Background()
	dsn := "postgres://screening@db.bank.internal:5432/compliance?search_path=freezeguard"
	alog, err := audit.OpenPostgres(ctx, dsn) // creates audit_log on first use
	if err != nil {
		log.Fatal(err)
	}
	defer alog.Close()
	rec, err := alog.Append(ctx, audit.TypeDecision, decision{ID: "D-1", Name: "Anna Schmidt", Outcome: "CLEAR"})
	if err != nil {
		log.Fatal(err) // not committed: the payment must not go through
	}
	fmt.Println("committed as seq", rec.Seq)

	// Later, from anywhere: check the whole chain against an anchor kept
	// outside the database.
	seq, hash := alog.Head()
	if _, err := audit.VerifyPostgres(ctx, dsn, seq, hash); err != nil {
		log.Fatal(err) // names the first bad seq
	}
}
