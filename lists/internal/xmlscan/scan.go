// Package xmlscan is the streaming XML reader under the EU and UN list
// parsers (lists/eu, lists/un). Both files have the same outline: one root
// element with a generation time, and record elements a fixed depth below
// it. A parser describes its outline in a [Format] and calls [Read] with its
// record type and the mapping of a record to the model:
//
//	ents, published, err := xmlscan.Read(r, &format, (*record).entity)
//
// Read walks the outline with a [Scanner], decodes each record whole and
// refuses duplicate ids and files without records.
//
// Input is untrusted. Every read is bounded: the whole input by
// Format.MaxFileBytes, every token between records and every record by
// Format.MaxRecordBytes, nesting outside records by Format.MaxDepth, and a
// record's text fields by Fields.Max; each cap's error wraps
// lists.ErrTooLarge. DOCTYPE and other directives are refused, so there is
// no entity expansion. Every failure is built by Format.NewError from the
// byte offset, the line and the record being read, so each parser keeps
// its own ParseError type; [Message] gives them one wording.
package xmlscan

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/lists"
)

// ReadAhead is slack for the decoder's internal buffer (bufio, 4 KiB), which
// reads ahead of Decoder.InputOffset: a step may read this much past its cap
// before the cap is reported.
const ReadAhead = 8 << 10

// Format describes one list's XML outline and caps. The parsers keep one as
// a package variable and copy it for each parse.
type Format struct {
	// Root is the local name of the root element ("export").
	Root string
	// Name says what the file should be, for the error on a wrong root
	// ("an EU FSF file").
	Name string
	// Source and Provenance are the Provenance.Source and .Format that
	// Read reports (lists.EU, "eu-fsf-xml").
	Source     lists.Source
	Provenance string
	// Published is the root attribute holding the generation time, an
	// xs:dateTime ("generationDate"). It is required.
	Published string
	// RecordDepth is how many elements enclose a record, the root included
	// (1 for children of the root).
	RecordDepth int
	// Records are the local names of record elements at RecordDepth.
	// Other elements there are walked into like any container.
	Records []string
	// IDName is what the file calls a record's id ("logicalId"), for
	// the error on a duplicate.
	IDName string
	// IDAttr is the record element's attribute holding its id, quoted
	// in errors about the record; "" when the id is not an attribute.
	IDAttr string

	// MaxFileBytes caps the whole input.
	MaxFileBytes int64
	// MaxRecordBytes caps one record element, and any single token between
	// records.
	MaxRecordBytes int64
	// MaxDepth caps element nesting outside records; inside a record,
	// MaxRecordBytes bounds it.
	MaxDepth int

	// NewError builds the parser's error for a failure at a byte offset and
	// line (0 when unknown) inside a record ("" outside records).
	NewError func(offset int64, line int, record string, err error) error
}

// Message is the one-line text of a parse error, the same for every parser
// so that operators read one shape: "eu: byte 5034 (line 80),
// sanctionEntity #3 at byte 4900: cause". The line and record parts are
// left out when unknown.
func Message(prefix string, offset int64, line int, record string, err error) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: byte %d", prefix, offset)
	if line > 0 {
		fmt.Fprintf(&b, " (line %d)", line)
	}
	if record != "" {
		b.WriteString(", ")
		b.WriteString(record)
	}
	b.WriteString(": ")
	b.WriteString(err.Error())
	return b.String()
}

// A Scanner reads one list file. Call Next until it returns false, Decode
// each record it stops at, then check Err.
type Scanner struct {
	f *Format
	d *xml.Decoder
	g guard

	depth     int  // elements open outside records
	rootDone  bool // the root element has closed
	published time.Time

	elem  xml.StartElement // the record Next stopped at
	start int64            // its byte offset
	open  bool             // Next stopped at elem and Decode has not read it
	done  bool             // the input ended
	err   error
}

// New returns a Scanner reading r as described by f, which it keeps.
func New(r io.Reader, f *Format) *Scanner {
	s := &Scanner{f: f, g: guard{r: r, fileCap: f.MaxFileBytes, stepCap: f.MaxRecordBytes}}
	s.d = xml.NewDecoder(&s.g)
	return s
}

// Next reads on to the next record element and reports whether there is
// one. It returns false at the end of the input or on an error (see Err).
// A record that the caller does not Decode is walked into like a container.
func (s *Scanner) Next() bool {
	if s.err != nil || s.done {
		return false
	}
	if s.open {
		s.open = false
		s.depth++
	}
	for {
		start := s.d.InputOffset()
		s.g.arm(start, s.f.MaxRecordBytes)
		tok, err := s.d.Token()
		if err == io.EOF {
			s.done = true
			if !s.rootDone {
				s.err = s.Fail("", fmt.Errorf("no complete <%s> element: %w", s.f.Root, io.ErrUnexpectedEOF))
			}
			return false
		}
		if err != nil {
			s.err = s.Fail("", s.g.cause(err))
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if s.rootDone {
				s.err = s.Fail("", fmt.Errorf("element <%s> after the root element closed", t.Name.Local))
				return false
			}
			if s.depth >= s.f.MaxDepth {
				s.err = s.Fail("", fmt.Errorf("%w: elements nested deeper than %d", lists.ErrTooLarge, s.f.MaxDepth))
				return false
			}
			switch {
			case s.depth == 0:
				if t.Name.Local != s.f.Root {
					s.err = s.Fail("", fmt.Errorf("not %s: root element is <%s>, want <%s>", s.f.Name, t.Name.Local, s.f.Root))
					return false
				}
				if s.published, err = s.rootTime(t); err != nil {
					s.err = s.Fail("", err)
					return false
				}
			case s.depth == s.f.RecordDepth && slices.Contains(s.f.Records, t.Name.Local):
				s.elem, s.start, s.open = t, start, true
				return true
			}
			s.depth++
		case xml.EndElement:
			s.depth-- // the decoder checks that tags match
			if s.depth == 0 {
				s.rootDone = true
			}
		case xml.CharData:
			if s.depth == 0 && len(strings.TrimSpace(string(t))) > 0 {
				s.err = s.Fail("", errors.New("text outside the root element"))
				return false
			}
		case xml.Directive:
			s.err = s.Fail("", lists.ErrDoctype)
			return false
		}
	}
}

// Element returns the record element Next stopped at, with its attributes.
func (s *Scanner) Element() xml.StartElement { return s.elem }

// Offset returns the byte offset where that element starts.
func (s *Scanner) Offset() int64 { return s.start }

// Decode reads the record element Next stopped at, end tag included, into
// v as xml.Decoder.DecodeElement does, within MaxRecordBytes. A failure
// names record (how the caller identifies it, e.g. "ENTITY #3 at byte
// 5034") and ends the scan.
func (s *Scanner) Decode(v any, record string) error {
	if !s.open {
		return errors.New("xmlscan: Decode without a record from Next")
	}
	s.open = false
	s.g.arm(s.start, s.f.MaxRecordBytes)
	if err := s.d.DecodeElement(v, &s.elem); err != nil {
		s.err = s.Fail(record, s.g.cause(err))
		return s.err
	}
	if size := s.d.InputOffset() - s.start; size > s.f.MaxRecordBytes {
		s.err = s.Fail(record, fmt.Errorf("%w: record is larger than %d bytes", lists.ErrTooLarge, s.f.MaxRecordBytes))
		return s.err
	}
	return nil
}

// Err returns the error that stopped Next, or nil at a clean end.
func (s *Scanner) Err() error { return s.err }

// Published returns the root's generation time, once Next has read the root.
func (s *Scanner) Published() time.Time { return s.published }

// Fail returns Format.NewError for err at the decoder's current position,
// for checks the caller makes between records or at the end ("no record").
func (s *Scanner) Fail(record string, err error) error {
	line, _ := s.d.InputPos()
	return s.f.NewError(s.d.InputOffset(), line, record, err)
}

// rootTime reads the root's Published attribute.
func (s *Scanner) rootTime(t xml.StartElement) (time.Time, error) {
	for _, a := range t.Attr {
		if a.Name.Local == s.f.Published {
			ts, err := parseDateTime(a.Value)
			if err != nil {
				return time.Time{}, fmt.Errorf("%s %q: %w", s.f.Published, a.Value, err)
			}
			return ts, nil
		}
	}
	return time.Time{}, fmt.Errorf("<%s> has no %s attribute", s.f.Root, s.f.Published)
}

// parseDateTime parses an xs:dateTime, as list files stamp their
// generation time; one without a time zone is taken as UTC.
func parseDateTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	return time.Parse("2006-01-02T15:04:05.999999999", s)
}

// guard bounds what the decoder may read: fileCap in all, and at most a
// step's worth past the point where the current token or record began.
type guard struct {
	r       io.Reader
	fileCap int64 // cap on the whole input
	stepCap int64 // cap on one step, for the error text
	n       int64 // bytes handed to the decoder
	limit   int64 // n may not pass this during the current step
	over    error // the cap that stopped reading, if any
}

var errStep = errors.New("step limit")

// arm allows the decoder to read step bytes past offset.
func (g *guard) arm(offset, step int64) { g.limit = offset + step + ReadAhead }

func (g *guard) Read(b []byte) (int, error) {
	if g.n > g.fileCap {
		g.over = fmt.Errorf("%w: file is larger than %d bytes", lists.ErrTooLarge, g.fileCap)
		return 0, errStep
	}
	if g.n >= g.limit {
		g.over = fmt.Errorf("%w: record or token is larger than %d bytes", lists.ErrTooLarge, g.stepCap)
		return 0, errStep
	}
	room := min(g.limit-g.n, g.fileCap+1-g.n)
	if int64(len(b)) > room {
		b = b[:room]
	}
	k, err := g.r.Read(b)
	g.n += int64(k)
	return k, err
}

// cause replaces the guard's internal error with the cap that was hit.
func (g *guard) cause(err error) error {
	if errors.Is(err, errStep) && g.over != nil {
		return g.over
	}
	return err
}
