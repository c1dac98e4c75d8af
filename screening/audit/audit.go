package audit

import (
	"context"
	"encoding/json"
	"time"
)

// The types below are what package screening writes to: Record, the
// record types and Log. Stores (the file log, PostgreSQL, memory) add their
// own options and functions around them.

// Record types.
const (
	TypeDecision    = "decision"
	TypeReview      = "review"
	TypeListsLoaded = "lists-loaded"
)

// Record is one line of the log.
type Record struct {
	Seq  uint64          `json:"seq"`  // 1, 2, 3, ... with no gaps
	Time time.Time       `json:"time"` // UTC
	Type string          `json:"type"` // decision, review, lists-loaded
	Body json.RawMessage `json:"body"` // the record's contents (canonical JSON)
	Prev string          `json:"prev"` // hex SHA-256 of the previous record ("" for the first)
	Hash string          `json:"hash"` // hex SHA-256 over the canonical encoding of this record without Hash
}

// Log is where records go. Append returns only once the record is durable
// (for the file log: fsynced), so an acknowledged record is never lost. A
// bank may implement Log to send records to its own store.
type Log interface {
	Append(ctx context.Context, typ string, body any) (Record, error)
}
