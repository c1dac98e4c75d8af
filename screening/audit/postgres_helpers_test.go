package audit

import (
	"fmt"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/internal/pgtest"
	"github.com/jackc/pgx/v5"
)

// The PostgreSQL tests run on the real server, each in a schema of its
// own (internal/pgtest).

func pgTestSchema(tb testing.TB) string { return pgtest.Schema(tb, "fg_test_") }

func withParam(tb testing.TB, dsn, key, value string) string {
	return pgtest.WithParam(tb, dsn, key, value)
}

// pgExec runs SQL on the test schema as an administrator would, with the
// append-only trigger bypassed (session_replication_role = replica, which
// needs a superuser, as the test server's role is).
func pgExec(tb testing.TB, dsn string, sql string, args ...any) {
	tb.Helper()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "SET session_replication_role = replica"); err != nil {
		tb.Fatal(err)
	}
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
}

// pgDecision is a decision body shaped as package screening logs one (the
// fields the store indexes), built from a real UN listing.
type pgDecision struct {
	ID        string     `json:"id"`
	PaymentID string     `json:"payment_id,omitempty"`
	Outcome   string     `json:"outcome"`
	Parties   []pgParty  `json:"parties"`
	ReportBy  time.Time  `json:"report_by,omitzero"`
	Extra     testParty  `json:"input"`
	Hits      []testHit  `json:"hits"`
	Note      string     `json:"note,omitempty"`
	Nested    [][]string `json:"nested,omitempty"`
}

type pgParty struct {
	Party struct {
		Name string `json:"name"`
	} `json:"party"`
	Hits []struct {
		EntityID string `json:"entity_id"`
	} `json:"hits"`
}

func pgDecisions(tb testing.TB, n int) []pgDecision {
	src := realDecisions(tb, n)
	out := make([]pgDecision, n)
	outcomes := []string{"HOLD", "FREEZE", "CLEAR"}
	for i, d := range src {
		var p pgParty
		p.Party.Name = d.Party.Name
		p.Hits = append(p.Hits, struct {
			EntityID string `json:"entity_id"`
		}{d.Hits[0].EntityID})
		out[i] = pgDecision{
			ID:        fmt.Sprintf("%s-%d", d.ID, i),
			PaymentID: fmt.Sprintf("PAY-%d", i),
			Outcome:   outcomes[i%3],
			Parties:   []pgParty{p},
			ReportBy:  time.Date(2026, 12, 16, 0, 0, 0, 0, time.UTC),
			Extra:     d.Party,
			Hits:      d.Hits,
			Note:      d.Note,
		}
	}
	return out
}
