package xmlscan

import (
	"fmt"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/internal/listtext"
)

// Fields reads the text fields of one decoded record within a size cap. It
// keeps the first failure rather than returning one per call, so that a
// mapping reads every field in turn and checks Err once at the end.
type Fields struct {
	// Max caps one field, in bytes; it must be set (a zero Fields refuses
	// every non-empty field).
	Max int
	err error
}

// Text returns s with runs of white space (line breaks and indentation
// included) squashed to one space and the ends trimmed, as names and codes
// need. A field over Max is an error naming the field, and reads as "".
func (f *Fields) Text(name, s string) string {
	if len(s) > f.Max {
		f.fail(name, s)
		return ""
	}
	return listtext.Squash(s)
}

// Raw is Text for free prose (remarks, comments): trimmed, inner line
// breaks kept.
func (f *Fields) Raw(name, s string) string {
	if len(s) > f.Max {
		f.fail(name, s)
		return ""
	}
	return strings.TrimSpace(s)
}

// Err returns the first field over Max, wrapping lists.ErrTooLarge, or nil.
func (f *Fields) Err() error { return f.err }

func (f *Fields) fail(name, s string) {
	if f.err == nil {
		f.err = fmt.Errorf("%w: %s is %d bytes, over %d", lists.ErrTooLarge, name, len(s), f.Max)
	}
}
