package audit

import (
	"errors"
	"fmt"
	"log/slog"
	"time"
	"unicode"
	"unicode/utf8"
)

// ErrClosed is returned by Append after Close.
var ErrClosed = errors.New("audit: log closed")

// FsyncPolicy says when the file log forces its writes to stable storage.
type FsyncPolicy int

const (
	// FsyncAlways (the default) calls File.Sync after every batch and
	// before Append returns: an acknowledged record survives a crash of the
	// process or of the machine.
	FsyncAlways FsyncPolicy = iota
	// FsyncNever never syncs until Close. UNSAFE: acknowledged records can
	// be lost if the machine crashes or loses power (a killed process loses
	// nothing, the data is in the kernel). Only for tests and benchmarks.
	FsyncNever
)

// String returns "always" or "never".
func (p FsyncPolicy) String() string {
	switch p {
	case FsyncAlways:
		return "always"
	case FsyncNever:
		return "never"
	}
	return fmt.Sprintf("FsyncPolicy(%d)", int(p))
}

// An Option configures a log made by Open or NewMemory.
type Option func(*config)

type config struct {
	groupCommit bool
	fsync       FsyncPolicy
	redactor    *Redactor
	logger      *slog.Logger
	now         func() time.Time
	maxBatch    int
	verify      bool
}

func newConfig(opts []Option) (config, error) {
	c := config{
		groupCommit: true,
		fsync:       FsyncAlways,
		logger:      slog.Default(),
		now:         time.Now,
		maxBatch:    4096,
		verify:      true,
	}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	if c.fsync != FsyncAlways && c.fsync != FsyncNever {
		return c, fmt.Errorf("audit: unknown fsync policy %d", int(c.fsync))
	}
	if c.logger == nil {
		c.logger = slog.Default()
	}
	if c.now == nil {
		return c, errors.New("audit: WithClock(nil)")
	}
	return c, nil
}

// WithGroupCommit turns group commit on (the default) or off. With it on,
// records appended concurrently while a write is in progress are written and
// fsynced together by the next write, so many appenders share one fsync.
// With it off, every record gets its own write and fsync; that exists to
// measure what group commit buys.
func WithGroupCommit(on bool) Option {
	return func(c *config) { c.groupCommit = on }
}

// WithFsync sets the fsync policy; the default is FsyncAlways. FsyncNever
// is unsafe outside tests and benchmarks.
func WithFsync(p FsyncPolicy) Option {
	return func(c *config) { c.fsync = p }
}

// WithRedactor makes the log replace personal data in every body with keyed
// hashes before the body is hashed and written, so that the original never
// reaches the log. See Redactor.
func WithRedactor(r *Redactor) Option {
	return func(c *config) { c.redactor = r }
}

// WithVerifyOnOpen(false) makes Open read only the log's last line (and
// any torn tail after it) instead of verifying the whole file: startup no
// longer grows with the log, but tampering before the last record goes
// unnoticed until the next Verify. Use it for large logs that are verified
// on a schedule (e.g. the CLI's audit verify). The default is true.
func WithVerifyOnOpen(full bool) Option {
	return func(c *config) { c.verify = full }
}

// WithLogger sets where the log reports recovery and permission warnings;
// the default is slog.Default().
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}

// WithClock sets the clock that stamps records, for reproducible tests and
// examples; the default is time.Now. Record times never go backwards: a
// clock reading earlier than the previous record's time is replaced by it.
func WithClock(now func() time.Time) Option {
	return func(c *config) { c.now = now }
}

// checkType rejects record types that could not be read back or would be
// confusing in a review: empty, over 64 bytes, invalid UTF-8 or holding
// control characters.
func checkType(typ string) error {
	if typ == "" || len(typ) > 64 || !utf8.ValidString(typ) {
		return fmt.Errorf("audit: invalid record type %q", typ)
	}
	for _, r := range typ {
		if unicode.IsControl(r) {
			return fmt.Errorf("audit: invalid record type %q", typ)
		}
	}
	return nil
}

// chain is the state that links records: the last seq, its hash and time.
// It is copied before a batch is sealed and committed only once the batch
// is durable.
type chain struct {
	seq  uint64
	head string
	last time.Time
}

// seal makes the next record of the chain and advances the chain.
func (c *chain) seal(now time.Time, typ string, body []byte, scratch []byte) (Record, []byte) {
	t := now.UTC().Round(0)
	if t.Before(c.last) {
		t = c.last
	}
	r := Record{Seq: c.seq + 1, Time: t, Type: typ, Body: body, Prev: c.head}
	r.Hash, scratch = hashRecord(&r, scratch)
	c.seq, c.head, c.last = r.Seq, r.Hash, t
	return r, scratch
}
