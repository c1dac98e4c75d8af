// Package audit is freezeguard's decision log: append-only records, each
// hash-chained to the one before, so that any record changed, deleted,
// inserted or moved is detected by [Verify].
//
//	l, err := audit.OpenSpec(ctx, "/var/lib/bank/decisions.jsonl") // or a postgres:// URL
//	if err != nil {
//		return err
//	}
//	defer l.Close()
//	if _, err := l.Append(ctx, audit.TypeDecision, decision); err != nil {
//		return err // no durable record: the payment must not be released
//	}
//
//	rep, err := audit.VerifyFile("/var/lib/bank/decisions.jsonl")
//	// err wraps ErrTampered and names the first bad record; rep.Torn is a
//	// partial last line left by a crash, not tampering.
//
// A [Record] carries seq, time, type, body, prev and hash, the SHA-256 of
// the record's [Canonical] encoding without its hash. docs/audit.md is the
// normative specification of the record format and the hash, enough to
// verify a log in another language.
//
// [Open] returns a [FileLog] of JSON Lines whose Append returns only once
// the record is fsynced, with group commit so that concurrent appenders
// share one fsync; [OpenPostgres] keeps the same records in a PostgreSQL
// table that many processes append to as one chain, and [QueryPostgres]
// answers compliance questions from it; [NewMemory] is for tests; [OpenSpec]
// opens a file or a PostgreSQL store from one string. [Reader], [Records]
// and [FindSeq] read a log back, checking the chain as they go.
//
// The chain cannot show records cut off the end, or a log rewritten with
// fresh hashes: keep [FileLog.Head] where the log's writer cannot change it
// and check the log against it with [VerifyAnchor]. [Open] repairs a torn
// last line but refuses any other damage; [CutTail] is the operator's tool
// for damage at the end.
//
// The log holds the inputs screened, which are personal data: files are
// created with mode 0600, and a [Redactor] ([WithRedactor]) replaces names,
// dates of birth, addresses and document numbers by keyed hashes that the
// bank can still search. This package never deletes a record.
package audit
