// Package un parses the UN Security Council consolidated list XML
// (CONSOLIDATED_LIST) into [lists.Entity] values with ids
// "un:<REFERENCE_NUMBER>".
//
//	ents, prov, err := un.Parse(f) // f: an open consolidated.xml
//
// The parser streams one INDIVIDUAL or ENTITY at a time and trusts nothing:
// a cap ([MaxFileBytes] and the other Max constants) wraps
// [lists.ErrTooLarge], a DOCTYPE is refused ([lists.ErrDoctype]), a file without
// records is [lists.ErrNoRecords], and every failure is a [*ParseError]
// naming the byte offset and the record. docs/lists.md describes the
// format.
package un

import (
	"io"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/internal/xmlscan"
)

// Format is the Provenance.Format this parser reports.
const Format = "un-consolidated-xml"

// Caps on untrusted input. The real 2026 list is about 2 MiB, its largest
// record about 9 KiB and its longest field about 3 KiB; the caps leave
// ample room while keeping a hostile file from exhausting memory.
const (
	// MaxFileBytes caps the whole input.
	MaxFileBytes = 256 << 20
	// MaxRecordBytes caps one INDIVIDUAL or ENTITY element, and any single
	// token between records.
	MaxRecordBytes = 1 << 20
	// MaxFieldBytes caps one text field of a record.
	MaxFieldBytes = 64 << 10
	// MaxDepth caps element nesting outside records (the list is three
	// levels deep); inside a record, MaxRecordBytes bounds it.
	MaxDepth = 16
)

// Deprecated aliases of the module-wide causes; errors.Is holds for either
// name.
var (
	// Deprecated: use [lists.ErrTooLarge].
	ErrTooLarge = lists.ErrTooLarge
	// Deprecated: use [lists.ErrNoRecords].
	ErrNoRecord = lists.ErrNoRecords
	// Deprecated: use [lists.ErrDoctype].
	ErrDoctype = lists.ErrDoctype
)

// ParseError reports where a UN file failed to parse. Loaders log it as is
// and can test its cause with errors.Is / errors.As.
type ParseError struct {
	Offset int64  // byte offset in the input where the problem was found
	Line   int    // line of Offset (1-based), 0 when unknown
	Record string // the record being read, e.g. `INDIVIDUAL #12 at byte 5034 (after un:CDi.011)`; "" outside records
	Err    error  // the cause
}

// Error says where (byte, line, record) and why, on one line.
func (e *ParseError) Error() string {
	return xmlscan.Message("un", e.Offset, e.Line, e.Record, e.Err)
}

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }

// format is the consolidated list's outline:
// CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL and CONSOLIDATED_LIST/ENTITIES/ENTITY.
var format = xmlscan.Format{
	Root:           "CONSOLIDATED_LIST",
	Name:           "a UN consolidated list",
	Source:         lists.UN,
	Provenance:     Format,
	Published:      "dateGenerated",
	RecordDepth:    2,
	Records:        []string{"INDIVIDUAL", "ENTITY"},
	IDName:         "REFERENCE_NUMBER",
	MaxFileBytes:   MaxFileBytes,
	MaxRecordBytes: MaxRecordBytes,
	MaxDepth:       MaxDepth,
	NewError: func(offset int64, line int, record string, err error) error {
		return &ParseError{Offset: offset, Line: line, Record: record, Err: err}
	},
}

// fileCap is MaxFileBytes; tests lower it.
var fileCap int64 = MaxFileBytes

// Parse parses a UN consolidated list XML file. Entities come back in file
// order (individuals, then entities), with ids "un:<REFERENCE_NUMBER>";
// Provenance.Published is the root's dateGenerated. The loader, which has
// the file, fills Provenance.File and SHA256.
func Parse(r io.Reader) ([]lists.Entity, lists.Provenance, error) {
	f := format
	f.MaxFileBytes = fileCap
	return xmlscan.Read(r, &f, (*record).entity)
}
