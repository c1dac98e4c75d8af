package audit

import (
	"bytes"
	"context"
	"io"
	"sync"
)

// MemoryLog is a Log kept in memory, for tests and examples. It seals
// records exactly as the file log does (same seq, time, prev and hash
// rules), so what it holds can be written out with WriteTo and checked with
// Verify. It is safe for concurrent use; nothing is durable.
type MemoryLog struct {
	cfg     config
	mu      sync.Mutex
	chain   chain
	records []Record
	scratch []byte
}

var _ Log = (*MemoryLog)(nil)

// NewMemory returns an empty MemoryLog. WithRedactor and WithClock apply;
// fsync and group-commit options are ignored. Invalid options panic, as they
// are programming errors in a test.
func NewMemory(opts ...Option) *MemoryLog {
	cfg, err := newConfig(opts)
	if err != nil {
		panic(err)
	}
	return &MemoryLog{cfg: cfg}
}

// Append seals body as the next record and keeps it.
func (m *MemoryLog) Append(ctx context.Context, typ string, body any) (Record, error) {
	if err := ctx.Err(); err != nil {
		return Record{}, err
	}
	if err := checkType(typ); err != nil {
		return Record{}, err
	}
	b, err := encodeBody(body, m.cfg.redactor)
	if err != nil {
		return Record{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	var r Record
	r, m.scratch = m.chain.seal(m.cfg.now(), typ, b, m.scratch)
	m.records = append(m.records, r)
	return r, nil
}

// Records returns a copy of the records, in seq order.
func (m *MemoryLog) Records() []Record {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Record(nil), m.records...)
}

// Head returns the seq and hash of the last record (0 and "" when empty).
func (m *MemoryLog) Head() (seq uint64, hash string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.chain.seq, m.chain.head
}

// WriteTo writes the log in JSON Lines form, byte for byte what a file log
// with the same records holds.
func (m *MemoryLog) WriteTo(w io.Writer) (int64, error) {
	m.mu.Lock()
	var buf []byte
	for i := range m.records {
		buf = appendLine(buf, &m.records[i])
	}
	m.mu.Unlock()
	n, err := w.Write(buf)
	return int64(n), err
}

// Verify checks the log's chain as Verify does for a file.
func (m *MemoryLog) Verify() (Report, error) {
	var b bytes.Buffer
	m.WriteTo(&b)
	return Verify(&b)
}
