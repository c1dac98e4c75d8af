// Package un parses the UN Security Council consolidated list XML
// (CONSOLIDATED_LIST, schema sc-sanctions.xsd) into freezeguard entities.
//
// The parser streams: it walks the file with xml.Decoder.Token and decodes
// one INDIVIDUAL or ENTITY element at a time, so memory grows with the
// entities kept, not with the size of any one token. Input is untrusted:
// every read is bounded (see MaxFileBytes, MaxRecordBytes, MaxFieldBytes,
// MaxDepth), DOCTYPE declarations are refused (so no entity-expansion
// tricks), and every failure is a *ParseError naming the byte offset and the
// record it happened in.
//
// A file that parses but yields no record is an error too: an empty list
// loaded by mistake would silently stop all UN screening.
package un

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/lists"
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

// Sentinel causes, for errors.Is on a *ParseError.
var (
	ErrTooLarge = errors.New("input exceeds a size cap")
	ErrDoctype  = errors.New("DOCTYPE and other XML directives are not allowed")
	ErrNoRecord = errors.New("no INDIVIDUAL or ENTITY record")
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
	var b strings.Builder
	fmt.Fprintf(&b, "un: byte %d", e.Offset)
	if e.Line > 0 {
		fmt.Fprintf(&b, " (line %d)", e.Line)
	}
	if e.Record != "" {
		b.WriteString(", ")
		b.WriteString(e.Record)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }

// CONTRACT: the loader calls Parse. It fills Source, Format, Published and
// Records of the Provenance; the loader fills File and SHA256.

// Parse parses a UN consolidated list XML file. Entities come back in file
// order (individuals, then entities), with ids "un:<REFERENCE_NUMBER>".
// Provenance.Published is the root's dateGenerated.
func Parse(r io.Reader) ([]lists.Entity, lists.Provenance, error) {
	g := &guard{r: r}
	p := &parser{g: g, d: xml.NewDecoder(g), ids: make(map[string]bool)}
	ents, pub, err := p.run()
	if err != nil {
		return nil, lists.Provenance{}, err
	}
	return ents, lists.Provenance{Source: lists.UN, Format: Format, Published: pub, Records: len(ents)}, nil
}

type parser struct {
	g     *guard
	d     *xml.Decoder
	ids   map[string]bool
	n     int    // records started
	last  string // id of the last good record, for error context
	stack []string
}

func (p *parser) fail(record string, err error) error {
	line, _ := p.d.InputPos()
	return &ParseError{Offset: p.d.InputOffset(), Line: line, Record: record, Err: err}
}

func (p *parser) run() ([]lists.Entity, time.Time, error) {
	var (
		out       []lists.Entity
		published time.Time
		rootDone  bool
	)
	for {
		start := p.d.InputOffset()
		p.g.arm(start, MaxRecordBytes)
		tok, err := p.d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, published, p.fail("", p.g.cause(err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if rootDone {
				return nil, published, p.fail("", fmt.Errorf("element <%s> after the root element closed", t.Name.Local))
			}
			if len(p.stack) >= MaxDepth {
				return nil, published, p.fail("", fmt.Errorf("%w: elements nested deeper than %d", ErrTooLarge, MaxDepth))
			}
			switch len(p.stack) {
			case 0:
				if t.Name.Local != "CONSOLIDATED_LIST" {
					return nil, published, p.fail("", fmt.Errorf("not a UN consolidated list: root element is <%s>, want <CONSOLIDATED_LIST>", t.Name.Local))
				}
				published, err = dateGenerated(t)
				if err != nil {
					return nil, published, p.fail("", err)
				}
			case 2:
				var kind lists.Kind
				switch t.Name.Local {
				case "INDIVIDUAL":
					kind = lists.Person
				case "ENTITY":
					kind = lists.Organization
				}
				if kind != "" {
					e, err := p.record(t, kind, start)
					if err != nil {
						return nil, published, err
					}
					out = append(out, e)
					continue // DecodeElement consumed the end tag
				}
			}
			p.stack = append(p.stack, t.Name.Local)
		case xml.EndElement:
			p.stack = p.stack[:len(p.stack)-1] // the decoder checks that tags match
			if len(p.stack) == 0 {
				rootDone = true
			}
		case xml.CharData:
			if len(p.stack) == 0 && len(strings.TrimSpace(string(t))) > 0 {
				return nil, published, p.fail("", errors.New("text outside the root element"))
			}
		case xml.Directive:
			return nil, published, p.fail("", ErrDoctype)
		}
	}
	if !rootDone {
		return nil, published, p.fail("", fmt.Errorf("no complete <CONSOLIDATED_LIST> element: %w", io.ErrUnexpectedEOF))
	}
	if len(out) == 0 {
		return nil, published, p.fail("", ErrNoRecord)
	}
	return out, published, nil
}

// record decodes and maps one INDIVIDUAL or ENTITY element.
func (p *parser) record(t xml.StartElement, kind lists.Kind, start int64) (lists.Entity, error) {
	p.n++
	where := fmt.Sprintf("%s #%d at byte %d", t.Name.Local, p.n, start)
	if p.last != "" {
		where += " (after " + p.last + ")"
	}
	p.g.arm(start, MaxRecordBytes)
	var rec record
	if err := p.d.DecodeElement(&rec, &t); err != nil {
		return lists.Entity{}, p.fail(where, p.g.cause(err))
	}
	if size := p.d.InputOffset() - start; size > MaxRecordBytes {
		return lists.Entity{}, p.fail(where, fmt.Errorf("%w: record is larger than %d bytes", ErrTooLarge, MaxRecordBytes))
	}
	e, err := rec.entity(kind)
	if err != nil {
		return lists.Entity{}, &ParseError{Offset: start, Record: where, Err: err}
	}
	if p.ids[e.ID] {
		return lists.Entity{}, &ParseError{Offset: start, Record: where, Err: fmt.Errorf("duplicate REFERENCE_NUMBER %q", rec.Ref)}
	}
	p.ids[e.ID] = true
	p.last = e.ID
	return e, nil
}

// dateGenerated reads the root's dateGenerated attribute (xs:dateTime).
func dateGenerated(t xml.StartElement) (time.Time, error) {
	for _, a := range t.Attr {
		if a.Name.Local == "dateGenerated" {
			ts, err := parseDateTime(a.Value)
			if err != nil {
				return time.Time{}, fmt.Errorf("dateGenerated %q: %w", a.Value, err)
			}
			return ts, nil
		}
	}
	return time.Time{}, errors.New("<CONSOLIDATED_LIST> has no dateGenerated attribute")
}

// parseDateTime parses an xs:dateTime; one without a time zone is taken as UTC.
func parseDateTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	return time.Parse("2006-01-02T15:04:05.999999999", s)
}

// guard bounds what the decoder may read: MaxFileBytes in all, and at most
// a step's worth past the point where the current token or record began.
type guard struct {
	r     io.Reader
	n     int64 // bytes handed to the decoder
	limit int64 // n may not pass this during the current step
	over  error // the cap that stopped reading, if any
}

// fileCap is MaxFileBytes; tests lower it.
var fileCap int64 = MaxFileBytes

// readAhead is slack for the decoder's internal buffer (bufio, 4 KiB), which
// reads ahead of Decoder.InputOffset.
const readAhead = 8 << 10

var errStep = errors.New("step limit")

// arm allows the decoder to read step bytes past offset.
func (g *guard) arm(offset, step int64) { g.limit = offset + step + readAhead }

func (g *guard) Read(b []byte) (int, error) {
	if g.n > fileCap {
		g.over = fmt.Errorf("%w: file is larger than %d bytes", ErrTooLarge, fileCap)
		return 0, errStep
	}
	if g.n >= g.limit {
		g.over = fmt.Errorf("%w: record or token is larger than %d bytes", ErrTooLarge, MaxRecordBytes)
		return 0, errStep
	}
	room := min(g.limit-g.n, fileCap+1-g.n)
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
