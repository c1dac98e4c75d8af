// Package eu parses the EU Financial Sanctions File (FSF), XML 1.1
// (export/sanctionEntity), into [lists.Entity] values with ids
// "eu:<logicalId>".
//
//	ents, prov, err := eu.Parse(f) // f: an open FSF XML file
//
// The parser streams one sanctionEntity at a time and trusts nothing: a cap
// ([MaxFileBytes] and the other Max constants) wraps [lists.ErrTooLarge], a
// DOCTYPE is refused ([lists.ErrDoctype]), a file without entities is
// [lists.ErrNoRecords], and every failure is a [*ParseError] naming the
// byte offset and the record. docs/lists.md describes the format.
package eu

import (
	"io"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/internal/xmlscan"
)

// Format is the Provenance.Format this parser reports.
const Format = "eu-fsf-xml"

// Caps on untrusted input. The full FSF file is some tens of MiB and its
// largest sanctionEntity (many aliases, each in two dozen languages, each
// with a regulationSummary) some hundreds of KiB.
const (
	// MaxFileBytes caps the whole input.
	MaxFileBytes = 256 << 20
	// MaxRecordBytes caps one sanctionEntity element, and any single token
	// between records.
	MaxRecordBytes = 4 << 20
	// MaxFieldBytes caps one attribute or text field of a record.
	MaxFieldBytes = 64 << 10
	// MaxDepth caps element nesting outside records (the file is two levels
	// deep); inside a record, MaxRecordBytes bounds it.
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

// ParseError reports where an EU file failed to parse. Loaders log it as is
// and can test its cause with errors.Is / errors.As.
type ParseError struct {
	Offset int64  // byte offset in the input where the problem was found
	Line   int    // line of Offset (1-based), 0 when unknown
	Record string // the record being read, e.g. `sanctionEntity #3 logicalId="207" at byte 5034 (after eu:13)`; "" outside records
	Err    error  // the cause
}

// Error says where (byte, line, record) and why, on one line.
func (e *ParseError) Error() string {
	return xmlscan.Message("eu", e.Offset, e.Line, e.Record, e.Err)
}

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }

// format is the FSF outline: export/sanctionEntity.
var format = xmlscan.Format{
	Root:           "export",
	Name:           "an EU FSF file",
	Source:         lists.EU,
	Provenance:     Format,
	Published:      "generationDate",
	RecordDepth:    1,
	Records:        []string{"sanctionEntity"},
	IDName:         "logicalId",
	IDAttr:         "logicalId",
	MaxFileBytes:   MaxFileBytes,
	MaxRecordBytes: MaxRecordBytes,
	MaxDepth:       MaxDepth,
	NewError: func(offset int64, line int, record string, err error) error {
		return &ParseError{Offset: offset, Line: line, Record: record, Err: err}
	},
}

// fileCap is MaxFileBytes; tests lower it.
var fileCap int64 = MaxFileBytes

// Parse parses an EU FSF XML 1.1 file. Entities come back in file order,
// with ids "eu:<logicalId>"; Provenance.Published is the root's
// generationDate. The loader, which has the file, fills Provenance.File
// and SHA256.
func Parse(r io.Reader) ([]lists.Entity, lists.Provenance, error) {
	f := format
	f.MaxFileBytes = fileCap
	return xmlscan.Read(r, &f, (*sanctionEntity).entity)
}
