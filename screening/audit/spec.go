package audit

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"os"
)

// ClosableLog is a Log that must be closed: what OpenSpec returns, a
// *FileLog or a *PostgresLog.
type ClosableLog interface {
	Log
	Close() error
}

// OpenSpec opens the log a command line or a configuration names: a
// postgres:// or postgresql:// URL is a PostgreSQL store (OpenPostgres),
// anything else a file (Open). It is the one place programs turn an
// --audit value into a log, so that every command takes both.
func OpenSpec(ctx context.Context, spec string, opts ...Option) (ClosableLog, error) {
	if IsPostgres(spec) {
		return OpenPostgres(ctx, spec, opts...)
	}
	return Open(spec, opts...)
}

// VerifySpec verifies the log spec names, a file or a PostgreSQL store,
// against an anchor when anchorSeq > 0 (VerifyAnchor, VerifyPostgres).
func VerifySpec(ctx context.Context, spec string, anchorSeq uint64, anchorHash string) (Report, error) {
	if IsPostgres(spec) {
		return VerifyPostgres(ctx, spec, anchorSeq, anchorHash)
	}
	f, err := os.Open(spec)
	if err != nil {
		return Report{}, fmt.Errorf("audit: verify: %w", err)
	}
	defer f.Close()
	if anchorSeq > 0 {
		return VerifyAnchor(f, anchorSeq, anchorHash)
	}
	return Verify(f)
}

// RecordsSpec iterates over the records of the log spec names, checking
// the chain as it goes (Records, PostgresRecords).
func RecordsSpec(ctx context.Context, spec string) iter.Seq2[Record, error] {
	if IsPostgres(spec) {
		return PostgresRecords(ctx, spec)
	}
	return func(yield func(Record, error) bool) {
		f, err := os.Open(spec)
		if err != nil {
			yield(Record{}, fmt.Errorf("audit: %w", err))
			return
		}
		defer f.Close()
		for r, err := range Records(f) {
			if !yield(r, err) {
				return
			}
		}
	}
}

// DisplaySpec returns spec fit for messages and logs: a PostgreSQL URL
// with its password replaced by "xxxxx", a file name as it is.
func DisplaySpec(spec string) string {
	if !IsPostgres(spec) {
		return spec
	}
	u, err := url.Parse(spec)
	if err != nil {
		return "postgres://(unparsable URL)"
	}
	return u.Redacted()
}
