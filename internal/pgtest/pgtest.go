// Package pgtest gives tests a PostgreSQL schema of their own on the real
// server, so that parallel runs never collide. It is for tests only.
//
// The server is FREEZEGUARD_TEST_PG (default: the project machines'
// server, 127.0.0.1:5432, user root, database test, trust auth). Without a
// reachable server the test skips, saying why, unless
// FREEZEGUARD_REQUIRE_PG is set (as .ci/run does), when it fails.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DefaultDSN is the server the tests use when FREEZEGUARD_TEST_PG is not
// set.
const DefaultDSN = "postgres://root@127.0.0.1:5432/test?sslmode=disable"

// Base returns the test server's DSN.
func Base() string {
	if s := os.Getenv("FREEZEGUARD_TEST_PG"); s != "" {
		return s
	}
	return DefaultDSN
}

// Schema creates a schema with a random name (prefix, then 16 hex digits)
// and returns a DSN whose search_path is that schema; the schema is
// dropped, with everything in it, when the test ends.
func Schema(tb testing.TB, prefix string) string {
	tb.Helper()
	base := Base()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		if os.Getenv("FREEZEGUARD_REQUIRE_PG") != "" {
			tb.Fatalf("PostgreSQL at %s: %v", base, err)
		}
		tb.Skipf("PostgreSQL not reachable at %s (%v): start it (pg_ctlcluster --skip-systemctl-redirect VERSION main start) or set FREEZEGUARD_TEST_PG", base, err)
	}
	defer conn.Close(context.Background())
	var b [8]byte
	rand.Read(b[:])
	schema := prefix + hex.EncodeToString(b[:])
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
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
	return WithParam(tb, base, "search_path", schema)
}

// WithParam returns dsn (a URL) with a query parameter set.
func WithParam(tb testing.TB, dsn, key, value string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatalf("FREEZEGUARD_TEST_PG must be a postgres:// URL: %v", err)
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String()
}
