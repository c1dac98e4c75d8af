package payments

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/freezeguard/freezeguard/lists"
)

// MaxSize is the largest input, in bytes, that the parsers accept: a single
// ISO 20022 document or a whole MT/RJE file. Real messages are a few
// kilobytes; the cap keeps memory bounded when a caller hands over
// something else.
const MaxSize = 10 << 20

// maxErrors bounds the errors reported for one input, and so the work
// spent on an input that is mostly garbage.
const maxErrors = 100

// Errors that callers can test for with errors.Is. A *MessageError wraps
// one of them (or a lower-level cause) with the message and place; input
// over a size cap wraps [lists.ErrTooLarge] and an XML DOCTYPE
// [lists.ErrDoctype], as in the list parsers.
var (
	// ErrInvalidUTF8 means the input is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrUnknownFormat means the input is neither XML nor SWIFT FIN.
	ErrUnknownFormat = errors.New("not an ISO 20022 or SWIFT FIN message")
	// ErrUnsupported means a well-formed message of a type this package
	// does not read (e.g. pacs.002, MT940).
	ErrUnsupported = errors.New("unsupported message type")
	// ErrMissing means a mandatory element or field is absent.
	ErrMissing = errors.New("missing mandatory element")
	// ErrSyntax means the message is malformed (XML or FIN syntax).
	ErrSyntax = errors.New("syntax error")
)

// ErrTooLarge is the cause when the input exceeds MaxSize or an XML
// document holds more elements than the parser reads.
//
// Deprecated: use [lists.ErrTooLarge], the same value.
var ErrTooLarge = lists.ErrTooLarge

// ErrDoctype is the cause when an XML document carries a DOCTYPE or
// another directive.
//
// Deprecated: use [lists.ErrDoctype], the same value.
var ErrDoctype = lists.ErrDoctype

// MessageError reports bad input: which message, where in it, and why.
// Offsets and lines are counted from the start of the input given to the
// parser; they are -1 / 0 when unknown.
type MessageError struct {
	Message string // e.g. "pacs.008.001.08", "MT103[3]", "input"
	Field   string // element path or FIN field tag, e.g. "CdtTrfTxInf[2]/Cdtr", ":32A:"
	Offset  int64  // byte offset in the input, -1 if unknown
	Line    int    // 1-based line, 0 if unknown
	Err     error  // the cause; often wraps one of the Err* sentinels
}

// Error formats the error as "payments: MSG field F at byte N (line L): cause".
func (e *MessageError) Error() string {
	var b strings.Builder
	b.WriteString("payments: ")
	b.WriteString(e.Message)
	if e.Field != "" {
		b.WriteString(" ")
		b.WriteString(e.Field)
	}
	if e.Offset >= 0 {
		fmt.Fprintf(&b, " at byte %d", e.Offset)
		if e.Line > 0 {
			fmt.Fprintf(&b, " (line %d)", e.Line)
		}
	}
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *MessageError) Unwrap() error { return e.Err }

// readInput reads all of r up to MaxSize and checks it is UTF-8. A leading
// byte-order mark is dropped (offsets then count from after it).
func readInput(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, &MessageError{Message: "input", Offset: -1, Err: fmt.Errorf("read: %w", err)}
	}
	if len(data) > MaxSize {
		return nil, &MessageError{Message: "input", Offset: MaxSize, Err: fmt.Errorf("%w: input is larger than MaxSize (%d bytes)", lists.ErrTooLarge, MaxSize)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		off := invalidUTF8At(data)
		return nil, &MessageError{Message: "input", Offset: int64(off), Line: lineAt(data, off), Err: ErrInvalidUTF8}
	}
	return data, nil
}

// invalidUTF8At returns the offset of the first invalid UTF-8 sequence.
func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// lineAt returns the 1-based line of byte offset off.
func lineAt(b []byte, off int) int {
	if off > len(b) {
		off = len(b)
	}
	if off < 0 {
		return 0
	}
	return bytes.Count(b[:off], []byte{'\n'}) + 1
}
