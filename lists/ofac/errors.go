package ofac

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
)

// Limits on what the parsers accept. They bound memory and time on hostile
// or broken input while leaving wide headroom over the real files (the 2024
// sdn.csv is 3.9 MB with 15,443 rows and remarks of at most 1,000 bytes;
// SDN.XML is about 30 MB).
const (
	// MaxFileBytes caps each input file. Reading stops with an error past it.
	MaxFileBytes = 512 << 20
	// MaxFieldBytes caps one CSV field or one XML element's text.
	MaxFieldBytes = 1 << 20
	// MaxEntities caps the number of entities (sdn.csv rows or sdnEntry
	// elements) in one parse; about 60 times the current SDN list.
	MaxEntities = 1 << 20
	// MaxRows caps the rows of each auxiliary CSV file (add, alt, comments).
	MaxRows = 4 << 20
	// MaxDepth caps XML element nesting; sdnList needs 5 levels.
	MaxDepth = 32
)

// Errors a ParseError can wrap; test for them with errors.Is. The caps
// (ErrFieldTooLong, ErrTooMany, ErrTooDeep) wrap [lists.ErrTooLarge], so
// one test covers every cap of every parser.
var (
	ErrNotASCII      = errors.New("byte is not printable ASCII")
	ErrTrailingData  = errors.New("data after the 0x1A end-of-file marker")
	ErrNoEndMarker   = errors.New("file ends without OFAC's 0x1A end-of-file marker: cut short (the format states no record count, so a cut at a line end shows only here)")
	ErrFieldTooLong  = fmt.Errorf("%w: field longer than MaxFieldBytes", lists.ErrTooLarge)
	ErrFieldCount    = errors.New("wrong number of fields")
	ErrBadEntNum     = errors.New("ent_num is not a positive integer")
	ErrDuplicate     = errors.New("duplicate ent_num")
	ErrUnknownEntNum = errors.New("ent_num not in the primary file")
	ErrTooMany       = fmt.Errorf("%w: too many records", lists.ErrTooLarge)
	ErrNotSDNList    = errors.New("not an sdnList document")
	ErrTooDeep       = fmt.Errorf("%w: elements nested deeper than MaxDepth", lists.ErrTooLarge)
	ErrBadValue      = errors.New("bad value")
)

// Deprecated aliases of the module-wide causes; errors.Is holds for either
// name.
var (
	// Deprecated: use [lists.ErrTooLarge].
	ErrFileTooLarge = lists.ErrTooLarge
	// Deprecated: use [lists.ErrNoRecords].
	ErrEmpty = lists.ErrNoRecords
	// Deprecated: use [lists.ErrDoctype].
	ErrDoctype = lists.ErrDoctype
)

// errFileTooLarge is the cause for input past MaxFileBytes, in either format.
var errFileTooLarge = fmt.Errorf("%w: file is larger than MaxFileBytes (%d bytes)", lists.ErrTooLarge, MaxFileBytes)

// ParseError says what went wrong and where: which file of the set, which
// line (CSV) or byte offset (XML), and which record. A bank's operator must
// be able to find the broken record in the official file from the message
// alone.
type ParseError struct {
	File   string // the role of the input: "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv" or "sdnList XML"
	Line   int    // 1-based line for CSV input; 0 when not known
	Offset int64  // byte offset for XML input (xml.Decoder.InputOffset); -1 for CSV
	EntNum string // the record's ent_num (CSV) or uid (XML), when known
	Err    error  // the cause
}

// Error formats the location and the cause:
// "ofac: sdn.csv line 12 (ent_num 306): wrong number of fields: got 11, want 12".
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString("ofac: ")
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(" line ")
		b.WriteString(strconv.Itoa(e.Line))
	}
	if e.Offset >= 0 {
		b.WriteString(" byte offset ")
		b.WriteString(strconv.FormatInt(e.Offset, 10))
	}
	if e.EntNum != "" {
		b.WriteString(" (ent_num ")
		b.WriteString(e.EntNum)
		b.WriteString(")")
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the cause, so errors.Is and errors.As see through.
func (e *ParseError) Unwrap() error { return e.Err }

// RecordCountError reports that an sdnList file holds a different number of
// sdnEntry elements than its publshInformation/Record_Count states: the file
// is truncated, padded or an excerpt. ParseXML returns it together with the
// entities it read, so a caller can deliberately accept an excerpt.
type RecordCountError struct {
	Stated int // Record_Count in the file; -1 when the file states none
	Read   int // sdnEntry elements read
}

// Error says both numbers.
func (e *RecordCountError) Error() string {
	if e.Stated < 0 {
		return fmt.Sprintf("no Record_Count in publshInformation: %d records read, but nothing shows the file is complete", e.Read)
	}
	return fmt.Sprintf("Record_Count says %d records, file holds %d", e.Stated, e.Read)
}
