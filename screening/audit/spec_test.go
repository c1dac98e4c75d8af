package audit

import (
	"path/filepath"
	"testing"
)

// TestOpenSpec: one string names a file or a PostgreSQL store, and
// messages never show a store's password.
func TestOpenSpec(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	l, err := OpenSpec(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := l.(*FileLog); !ok {
		t.Fatalf("OpenSpec(%q) is a %T", path, l)
	}
	if _, err := l.Append(ctx, TypeDecision, map[string]string{"id": "d1"}); err != nil {
		t.Fatal(err)
	}
	l.Close()
	if rep, err := VerifySpec(ctx, path, 1, ""); err == nil || rep.Records != 1 {
		t.Fatalf("VerifySpec with a wrong anchor hash: %d records, %v", rep.Records, err)
	}

	dsn := pgTestSchema(t)
	p, err := OpenSpec(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if _, ok := p.(*PostgresLog); !ok {
		t.Fatalf("OpenSpec(DSN) is a %T", p)
	}
	r, err := p.Append(ctx, TypeDecision, map[string]string{"id": "d1"})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := VerifySpec(ctx, dsn, r.Seq, r.Hash); err != nil || rep.Records != 1 {
		t.Fatalf("VerifySpec(DSN): %d records, %v", rep.Records, err)
	}
	n := 0
	for _, err := range RecordsSpec(ctx, dsn) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 1 {
		t.Fatalf("RecordsSpec(DSN): %d records", n)
	}

	for spec, want := range map[string]string{
		"postgres://fg:s3cret@db:5432/x?sslmode=disable": "postgres://fg:xxxxx@db:5432/x?sslmode=disable",
		"postgresql://db/x":    "postgresql://db/x",
		"/var/log/audit.jsonl": "/var/log/audit.jsonl",
	} {
		if got := DisplaySpec(spec); got != want {
			t.Errorf("DisplaySpec(%q) = %q, want %q", spec, got, want)
		}
	}
}
