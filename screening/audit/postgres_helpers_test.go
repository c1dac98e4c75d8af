package audit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// The PostgreSQL tests run on the real server: FREEZEGUARD_TEST_PG names it
// (default: the project machines' server, 127.0.0.1:5432, database test,
// trust auth). Each test gets a schema of its own with a random name,
// dropped at the end, so parallel runs never collide. Without a server the
// tests skip, saying why, unless FREEZEGUARD_REQUIRE_PG is set (as .ci/run
// does), when they fail.

const defaultTestPG = "postgres://root@127.0.0.1:5432/test?sslmode=disable"

func testPGBase() string {
	if s := os.Getenv("FREEZEGUARD_TEST_PG"); s != "" {
		return s
	}
	return defaultTestPG
}

// pgTestSchema creates a schema with a random name and returns a DSN whose
// search_path is that schema; the schema is dropped when the test ends.
func pgTestSchema(tb testing.TB) string {
	tb.Helper()
	base := testPGBase()
	cctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(cctx, base)
	if err != nil {
		if os.Getenv("FREEZEGUARD_REQUIRE_PG") != "" {
			tb.Fatalf("PostgreSQL at %s: %v", base, err)
		}
		tb.Skipf("PostgreSQL not reachable at %s (%v): start it (pg_ctlcluster --skip-systemctl-redirect VERSION main start) or set FREEZEGUARD_TEST_PG", base, err)
	}
	defer conn.Close(context.Background())
	var b [8]byte
	rand.Read(b[:])
	schema := "fg_test_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(cctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), base)
		if err != nil {
			tb.Errorf("dropping schema %s: %v", schema, err)
			return
		}
		defer c.Close(context.Background())
		if _, err := c.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Errorf("dropping schema %s: %v", schema, err)
		}
	})
	return withParam(tb, base, "search_path", schema)
}

func withParam(tb testing.TB, dsn, key, value string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatalf("FREEZEGUARD_TEST_PG must be a postgres:// URL: %v", err)
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String()
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
