// Package eu parses the EU Financial Sanctions File (FSF), XML 1.1
// (schema 20171012-FULL-schema-1_1.xsd: export/sanctionEntity), into
// freezeguard entities.
//
// The parser streams: it walks the file with xml.Decoder.Token and decodes
// one sanctionEntity at a time. Input is untrusted: every read is bounded
// (see MaxFileBytes, MaxRecordBytes, MaxFieldBytes, MaxDepth), DOCTYPE
// declarations are refused (so no entity-expansion tricks), and every
// failure is a *ParseError naming the byte offset and the record.
//
// A file that parses but yields no sanctionEntity is an error: the schema
// allows it, but an empty list loaded by mistake would silently stop all
// EU screening.
package eu

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

// Sentinel causes, for errors.Is on a *ParseError.
var (
	ErrTooLarge = errors.New("input exceeds a size cap")
	ErrDoctype  = errors.New("DOCTYPE and other XML directives are not allowed")
	ErrNoRecord = errors.New("no sanctionEntity record")
)

// ParseError reports where an EU file failed to parse. Loaders log it as is
// and can test its cause with errors.Is / errors.As.
type ParseError struct {
	Offset int64  // byte offset in the input where the problem was found
	Line   int    // line of Offset (1-based), 0 when unknown
	Record string // the record being read, e.g. `sanctionEntity #3 logicalId=207 at byte 5034`; "" outside records
	Err    error  // the cause
}

// Error says where (byte, line, record) and why, on one line.
func (e *ParseError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "eu: byte %d", e.Offset)
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

// Parse parses an EU FSF XML 1.1 file. Entities come back in file order,
// with ids "eu:<logicalId>". Provenance.Published is the root's
// generationDate.
func Parse(r io.Reader) ([]lists.Entity, lists.Provenance, error) {
	g := &guard{r: r}
	p := &parser{g: g, d: xml.NewDecoder(g), ids: make(map[string]bool)}
	ents, pub, err := p.run()
	if err != nil {
		return nil, lists.Provenance{}, err
	}
	return ents, lists.Provenance{Source: lists.EU, Format: Format, Published: pub, Records: len(ents)}, nil
}

type parser struct {
	g     *guard
	d     *xml.Decoder
	ids   map[string]bool
	n     int // records started
	depth int
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
			if p.depth >= MaxDepth {
				return nil, published, p.fail("", fmt.Errorf("%w: elements nested deeper than %d", ErrTooLarge, MaxDepth))
			}
			switch {
			case p.depth == 0:
				if t.Name.Local != "export" {
					return nil, published, p.fail("", fmt.Errorf("not an EU FSF file: root element is <%s>, want <export>", t.Name.Local))
				}
				published, err = generationDate(t)
				if err != nil {
					return nil, published, p.fail("", err)
				}
			case p.depth == 1 && t.Name.Local == "sanctionEntity":
				e, err := p.record(t, start)
				if err != nil {
					return nil, published, err
				}
				out = append(out, e)
				continue // DecodeElement consumed the end tag
			}
			p.depth++
		case xml.EndElement:
			p.depth-- // the decoder checks that tags match
			if p.depth == 0 {
				rootDone = true
			}
		case xml.CharData:
			if p.depth == 0 && len(strings.TrimSpace(string(t))) > 0 {
				return nil, published, p.fail("", errors.New("text outside the root element"))
			}
		case xml.Directive:
			return nil, published, p.fail("", ErrDoctype)
		}
	}
	if !rootDone {
		return nil, published, p.fail("", fmt.Errorf("no complete <export> element: %w", io.ErrUnexpectedEOF))
	}
	if len(out) == 0 {
		return nil, published, p.fail("", ErrNoRecord)
	}
	return out, published, nil
}

// record decodes and maps one sanctionEntity element.
func (p *parser) record(t xml.StartElement, start int64) (lists.Entity, error) {
	p.n++
	where := fmt.Sprintf("sanctionEntity #%d", p.n)
	for _, a := range t.Attr {
		if a.Name.Local == "logicalId" {
			id := a.Value
			if len(id) > 32 {
				id = id[:32] + "..."
			}
			where += fmt.Sprintf(" logicalId=%q", id)
		}
	}
	where += fmt.Sprintf(" at byte %d", start)
	p.g.arm(start, MaxRecordBytes)
	var rec sanctionEntity
	if err := p.d.DecodeElement(&rec, &t); err != nil {
		return lists.Entity{}, p.fail(where, p.g.cause(err))
	}
	if size := p.d.InputOffset() - start; size > MaxRecordBytes {
		return lists.Entity{}, p.fail(where, fmt.Errorf("%w: record is larger than %d bytes", ErrTooLarge, MaxRecordBytes))
	}
	e, err := rec.entity()
	if err != nil {
		return lists.Entity{}, &ParseError{Offset: start, Record: where, Err: err}
	}
	if p.ids[e.ID] {
		return lists.Entity{}, &ParseError{Offset: start, Record: where, Err: fmt.Errorf("duplicate logicalId %s", rec.LogicalID)}
	}
	p.ids[e.ID] = true
	return e, nil
}

// generationDate reads the root's generationDate attribute (xs:dateTime).
func generationDate(t xml.StartElement) (time.Time, error) {
	for _, a := range t.Attr {
		if a.Name.Local == "generationDate" {
			ts, err := parseDateTime(a.Value)
			if err != nil {
				return time.Time{}, fmt.Errorf("generationDate %q: %w", a.Value, err)
			}
			return ts, nil
		}
	}
	return time.Time{}, errors.New("<export> has no generationDate attribute")
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
