// Package audit is freezeguard's decision log: append-only JSON Lines, each
// record hash-chained to the one before, so that any changed, deleted,
// inserted or reordered record is detected by Verify.
//
// # Records
//
// Each line of a log is one Record: seq (1, 2, 3, ... with no gaps), time
// (UTC), type (decision, review, lists-loaded), body (the caller's JSON),
// prev (the previous record's hash, "" for seq 1) and hash. The file log
// (Open) makes Append durable before it returns, with group commit so that
// concurrent appenders share one fsync; MemoryLog (NewMemory) seals records
// the same way for tests. Reader, Records and FindSeq read a log back;
// Verify and VerifyFile check it.
//
// # Hash
//
// hash is the lower-case hex SHA-256 of the canonical encoding of the
// record without its hash member, that is of the bytes
//
//	{"body":B,"prev":P,"seq":S,"time":T,"type":Y}
//
// with the members in that (sorted) order, where B is the canonical encoding
// of the body, P and Y are canonical JSON strings, S is the seq in decimal
// without leading zeros, and T is the time as a JSON string in RFC 3339 UTC
// form with nanoseconds and no trailing zeros in the fraction (Go's
// time.RFC3339Nano, e.g. "2026-11-27T23:36:30.123456789Z" or
// "2026-11-27T23:36:30Z").
//
// The canonical encoding of a JSON value is UTF-8 with no insignificant
// whitespace; object members sorted by key in byte order of their UTF-8
// encoding (which is Unicode code point order); duplicate keys are an
// error; strings written with only '"', '\' and U+0000 to U+001F escaped
// (as \" \\ \b \t \n \f \r, the rest as \u00xx in lower-case hex), every
// other character as itself (no \u escapes, no HTML escaping); numbers
// exactly as written in the input (so 1, 1.0 and 1e0 are three different
// values); true, false and null as themselves. Canonical computes it.
//
// A body is encoded with encoding/json and then canonicalised, so a Go
// struct and the same data decoded into map[string]any (with
// json.Decoder.UseNumber, so that large integers keep their digits) give
// the same body and the same hash. (Append writes the canonical form of
// common Go values directly, without the JSON text in between; the bytes
// are the same.)
//
// The file log writes each line in exactly this canonical form, with
// "hash" in its sorted place after "body". Verify checks meaning rather
// than bytes: a line re-encoded without changing a value (whitespace,
// member order, string escapes) still verifies, any changed value is
// detected. Lines must be valid UTF-8 and have exactly the six members.
//
// # What the chain proves
//
// Verify detects any record changed, deleted, inserted or moved relative to
// the others, and names the first bad one (line, byte offset, seq). It
// cannot see records cut off the end, or a log rewritten from scratch with
// fresh hashes by someone who can write the file: for that, periodically
// store the head hash (FileLog.Head) where the log's writer cannot change
// it (a WORM store, a ticket, a signed e-mail) and check the log against
// it with VerifyAnchor.
//
// # Crashes
//
// A crash during a write can leave a partial last line. Verify reports it
// as a torn tail (Report.Torn), not as tampering; no acknowledged record
// can be in it, since Append returns only after the fsync. Open saves the
// torn bytes to "<path>.torn-<time>", cuts them off and continues the chain.
// Other damage is not repaired automatically: Open refuses the log and
// names the first bad record. If that is damage at the end (e.g. blocks of
// NUL bytes after a power loss), an operator can move the end aside with
// CutTail and reopen.
//
// # PostgreSQL
//
// OpenPostgres keeps the same records in a PostgreSQL table, audit_log,
// that any number of processes append to as one chain: each process
// group-commits its appends in one transaction, which locks the table
// against other writers, continues the chain from the last row and returns
// only after COMMIT with synchronous_commit on. A row's record column is
// the record's file-log line, so records move between the two stores and
// both Verify functions check them. VerifyPostgres also checks every
// column against its record, so it does not rely on the table's
// append-only trigger. QueryPostgres answers the compliance questions
// (decisions on an entity or a party, open HOLDs, late freezes) from
// indexed columns; OpenSpec opens a file or a store from one string.
//
// # Personal data
//
// The log holds the inputs screened, which are personal data. Files are
// created with mode 0600 (and looser existing files are tightened), and a
// Redactor (WithRedactor) can replace names, dates of birth, addresses and
// document numbers by keyed hashes that the bank can still search.
// Retention dates are set by package screening in the body; this package
// never deletes a record.
package audit
