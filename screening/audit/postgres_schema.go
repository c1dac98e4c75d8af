package audit

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// TypeReport is the record type of a report to an authority about a frozen
// decision (body: decision_id, authority, reference). The PostgreSQL views
// use it to find freezes reported late.
const TypeReport = "report"

// pgMigrations are the versioned schema changes of the PostgreSQL store, in
// order; migration i brings the schema to version i+1. Applied migrations
// are never edited: a change is a new entry.
//
// The table holds one row per record. record is the record's canonical JSON
// (exactly a file-log line without its newline), so that rows can be
// exported to a file and verified there; seq, time, type, hash and
// prev_hash repeat what is in it, and the columns after prev_hash are taken
// from its body for the compliance queries. Verify checks every column
// against record, so none of them can be changed unnoticed.
var pgMigrations = []string{
	// 1: the log, its indexes, the append-only trigger and the views.
	`
CREATE TABLE audit_log (
	seq         bigint      PRIMARY KEY CHECK (seq > 0),
	time        timestamptz NOT NULL,
	type        text        NOT NULL,
	record      text        NOT NULL,
	hash        text        NOT NULL UNIQUE,
	prev_hash   text        NOT NULL,
	decision_id text,
	payment_id  text,
	outcome     text,
	status      text,
	party_names text[],
	entity_ids  text[],
	report_by   timestamptz
);
CREATE INDEX audit_log_decision_id ON audit_log (decision_id) WHERE decision_id IS NOT NULL;
CREATE INDEX audit_log_payment_id ON audit_log (payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX audit_log_outcome_time ON audit_log (outcome, time);
CREATE INDEX audit_log_time ON audit_log (time);
CREATE INDEX audit_log_party_names ON audit_log USING gin (party_names);
CREATE INDEX audit_log_entity_ids ON audit_log USING gin (entity_ids);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE VIEW audit_decisions AS
	SELECT seq, time, decision_id, payment_id, outcome, party_names, entity_ids, report_by, record
	FROM audit_log WHERE type = 'decision';

CREATE VIEW audit_open_holds AS
	SELECT d.seq, d.time, d.decision_id, d.payment_id, d.party_names, d.entity_ids, d.report_by,
		coalesce(r.status, 'open') AS status, r.steps, r.time AS last_review
	FROM audit_log d
	LEFT JOIN LATERAL (
		SELECT (array_agg(x.status ORDER BY x.seq DESC))[1] AS status, count(*) AS steps, max(x.time) AS time
		FROM audit_log x WHERE x.type = 'review' AND x.decision_id = d.decision_id
		HAVING count(*) > 0
	) r ON true
	WHERE d.type = 'decision' AND d.outcome = 'HOLD' AND coalesce(r.status, 'open') <> 'resolved';

CREATE VIEW audit_freezes AS
	SELECT f.*,
		(coalesce(f.reported_at, now()) >= date_trunc('day', f.deadline, 'UTC') + interval '1 day') AS late
	FROM (
		SELECT d.seq, d.decision_id, d.payment_id, d.party_names, d.entity_ids,
			coalesce(rv.time, d.time) AS frozen_at,
			d.report_by + (coalesce(rv.time, d.time) - d.time) AS deadline,
			rp.time AS reported_at
		FROM audit_log d
		LEFT JOIN LATERAL (
			SELECT min(x.time) AS time FROM audit_log x
			WHERE x.type = 'review' AND x.decision_id = d.decision_id AND x.status = 'resolved' AND x.outcome = 'FREEZE'
		) rv ON true
		LEFT JOIN LATERAL (
			SELECT min(x.time) AS time FROM audit_log x
			WHERE x.type = 'report' AND x.decision_id = d.decision_id
		) rp ON true
		WHERE d.type = 'decision' AND d.report_by IS NOT NULL AND (d.outcome = 'FREEZE' OR rv.time IS NOT NULL)
	) f;
`,
}

// pgMigrateLock is the first key of the advisory lock taken while the
// schema is migrated (the second is the schema's name), so that processes
// opening an empty database at once create it once.
const pgMigrateLock = 0x46474155 // "FGAU"

// migrate brings the schema in the connection's current schema to the
// latest version, in one transaction under an advisory lock.
func migrate(ctx context.Context, conn *pgx.Conn) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fmt.Errorf("audit: postgres: migrate: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))`, int32(pgMigrateLock)); err != nil {
		return fmt.Errorf("audit: postgres: migrate: lock: %w", err)
	}
	var schema *string
	if err := tx.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return fmt.Errorf("audit: postgres: migrate: %w", err)
	}
	if schema == nil {
		return fmt.Errorf("audit: postgres: no schema to create audit_log in: the search_path names no existing schema")
	}
	// Only create what is missing: a writer's role need not be allowed to
	// create anything in the schema once it exists.
	var exists bool
	if err := tx.QueryRow(ctx, `SELECT to_regclass('audit_schema_version') IS NOT NULL`).Scan(&exists); err != nil {
		return fmt.Errorf("audit: postgres: migrate: %w", err)
	}
	if !exists {
		if _, err := tx.Exec(ctx, `CREATE TABLE audit_schema_version (
			version int PRIMARY KEY,
			applied timestamptz NOT NULL DEFAULT now())`); err != nil {
			return fmt.Errorf("audit: postgres: migrate: %w", err)
		}
	}
	var have int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM audit_schema_version`).Scan(&have); err != nil {
		return fmt.Errorf("audit: postgres: migrate: %w", err)
	}
	if have > len(pgMigrations) {
		return fmt.Errorf("audit: postgres: schema %s is at version %d, newer than this program knows (%d): upgrade freezeguard", *schema, have, len(pgMigrations))
	}
	for v := have + 1; v <= len(pgMigrations); v++ {
		if _, err := tx.Exec(ctx, pgMigrations[v-1]); err != nil {
			return fmt.Errorf("audit: postgres: migrate schema %s to version %d: %w", *schema, v, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO audit_schema_version (version) VALUES ($1)`, v); err != nil {
			return fmt.Errorf("audit: postgres: migrate schema %s to version %d: %w", *schema, v, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("audit: postgres: migrate: commit: %w", err)
	}
	return nil
}
