package main

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/internal/pgtest"
	"github.com/jackc/pgx/v5"
)

// pgSchema returns a DSN for a fresh schema of the test's own on the test
// PostgreSQL server (internal/pgtest).
func pgSchema(t *testing.T) string { return pgtest.Schema(t, "fg_cli_") }

// TestAuditPostgresCLI runs the fleet's commands on one PostgreSQL store:
// a batch and a screen write to it, verify checks it, query finds the
// open HOLDs, review resolves one with four eyes, report logs a freeze
// report, and a changed row makes verify exit 1 naming the seq.
func TestAuditPostgresCLI(t *testing.T) {
	dsn := pgSchema(t)
	in := `{"id":"c1","name":"Saddam Hussein Al-Tikriti","dob":"1937-04-28"}
{"id":"c2","name":"Anna Schmidt"}
{"id":"c3","name":"Vladimir Putin"}
`
	mustCLI(t, in, "batch", "--audit", dsn, "--jurisdiction", "EU", "--lists", unNew)
	mustCLI(t, "", "screen", "Saddam Hussein Al-Tikriti", "--audit", dsn, "--lists", unNew)
	out := mustOut(t, "audit", "verify", dsn)
	// Two lists-loaded records (one per command) and four decisions.
	if !strings.Contains(out, "intact: 6 records") {
		t.Fatalf("verify: %q", out)
	}

	// The open HOLDs.
	out = mustOut(t, "audit", "query", dsn, "--open-holds", "--json")
	var holds []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var f map[string]any
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("query line %q: %v", line, err)
		}
		holds = append(holds, f)
	}
	if len(holds) == 0 {
		t.Fatalf("no open HOLDs in %q", out)
	}
	id := holds[0]["decision_id"].(string)
	entity := holds[0]["entity_ids"].([]any)[0].(string)
	if out := mustOut(t, "audit", "query", dsn, "--entity", entity); !strings.Contains(out, id) {
		t.Fatalf("query --entity %s does not list %s:\n%s", entity, id, out)
	}

	// Four eyes: the same reviewer cannot give both approvals of a
	// dismissal of a strong hit; a second one resolves it.
	out = mustOut(t, "audit", "review", dsn, "--decision", id, "--reviewer", "ana", "--dismiss", "--reason", "different person: other date of birth")
	if !strings.Contains(out, "awaiting-second") {
		t.Fatalf("first dismissal: %q", out)
	}
	if _, errOut, code := cli(t, "", "audit", "review", dsn, "--decision", id, "--reviewer", "ANA", "--dismiss", "--reason", "again"); code == 0 || !strings.Contains(errOut, "four eyes") {
		t.Fatalf("same reviewer twice: exit %d, %q", code, errOut)
	}
	out = mustOut(t, "audit", "review", dsn, "--decision", id, "--reviewer", "ben", "--dismiss", "--reason", "agree: not the listed person")
	if !strings.Contains(out, "resolved, outcome CLEAR") {
		t.Fatalf("second dismissal: %q", out)
	}
	if out := mustOut(t, "audit", "query", dsn, "--open-holds"); strings.Contains(out, id) {
		t.Fatalf("resolved %s still an open HOLD:\n%s", id, out)
	}
	// Not frozen: a report is refused.
	if _, errOut, code := cli(t, "", "audit", "report", dsn, "--decision", id, "--authority", "OFAC", "--reference", "R-1"); code == 0 || !strings.Contains(errOut, "not frozen") {
		t.Fatalf("report of a cleared decision: exit %d, %q", code, errOut)
	}
	// The EU batch froze c1: report it.
	out = mustOut(t, "audit", "query", dsn, "--outcome", "freeze", "--json")
	var fz struct {
		Seq        int    `json:"seq"`
		DecisionID string `json:"decision_id"`
	}
	if err := json.Unmarshal([]byte(strings.Split(out, "\n")[0]), &fz); err != nil || fz.DecisionID == "" {
		t.Fatalf("no FREEZE found: %q, %v", out, err)
	}
	mustCLI(t, "", "audit", "report", dsn, "--decision", fz.DecisionID, "--authority", "BaFin", "--reference", "2026-0001")
	out = mustOut(t, "audit", "verify", dsn)
	m := regexp.MustCompile(`intact: (\d+) records, head seq (\d+) hash ([0-9a-f]{64})`).FindStringSubmatch(out)
	if m == nil || m[1] != "9" {
		t.Fatalf("verify after reviews and report: %q", out)
	}

	// Tampering with a row, bypassing the trigger as an administrator can.
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), `SET session_replication_role = replica`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(context.Background(), `UPDATE audit_log SET record = replace(record, '"outcome":"FREEZE"', '"outcome":"CLEAR"') WHERE seq = $1`, fz.Seq); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := cli(t, "", "audit", "verify", dsn)
	if code != 1 || !strings.Contains(errOut, "TAMPERED") || !strings.Contains(errOut, fmt.Sprintf("seq %d:", fz.Seq)) {
		t.Fatalf("verify of a changed row: exit %d, %q", code, errOut)
	}
}
