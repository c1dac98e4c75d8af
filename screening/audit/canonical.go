package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth bounds the nesting of arrays and objects in a record, so that a
// hostile line cannot make the parser recurse without limit.
const maxDepth = 256

// jvalue is a parsed JSON value that keeps numbers as written and object
// members in input order (duplicate keys are rejected while parsing).
type jvalue struct {
	kind    byte // 'o' object, 'a' array, 's' string, 'n' number, 't' true, 'f' false, 'z' null
	str     string
	members []jmember
	elems   []jvalue
}

type jmember struct {
	key string
	val jvalue
}

// parseJSON parses exactly one JSON value (RFC 8259) from data. It rejects
// duplicate object keys, invalid UTF-8, nesting deeper than maxDepth and
// trailing data. String escapes are decoded as encoding/json does (a lone
// surrogate becomes U+FFFD).
func parseJSON(data []byte) (jvalue, error) {
	if !utf8.Valid(data) {
		return jvalue{}, errors.New("invalid UTF-8")
	}
	p := parser{data: data}
	v, err := p.value(0)
	if err == nil {
		p.ws()
		if p.pos < len(p.data) {
			err = errors.New("data after the JSON value")
		}
	}
	if err != nil {
		return jvalue{}, fmt.Errorf("byte %d: %w", p.pos, err)
	}
	return v, nil
}

type parser struct {
	data []byte
	pos  int
}

func (p *parser) ws() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value(depth int) (jvalue, error) {
	p.ws()
	if p.pos >= len(p.data) {
		return jvalue{}, io.ErrUnexpectedEOF
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		if depth >= maxDepth {
			return jvalue{}, fmt.Errorf("nested deeper than %d", maxDepth)
		}
		p.pos++
		v := jvalue{kind: 'o'}
		p.ws()
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			return v, nil
		}
		var seen map[string]struct{}
		for {
			p.ws()
			if p.pos >= len(p.data) || p.data[p.pos] != '"' {
				return jvalue{}, errors.New("want an object key")
			}
			key, err := p.str()
			if err != nil {
				return jvalue{}, err
			}
			if len(v.members) < 16 {
				for _, m := range v.members {
					if m.key == key {
						return jvalue{}, fmt.Errorf("duplicate key %q", key)
					}
				}
			} else {
				if seen == nil {
					seen = make(map[string]struct{}, 2*len(v.members))
					for _, m := range v.members {
						seen[m.key] = struct{}{}
					}
				}
				if _, dup := seen[key]; dup {
					return jvalue{}, fmt.Errorf("duplicate key %q", key)
				}
				seen[key] = struct{}{}
			}
			p.ws()
			if p.pos >= len(p.data) || p.data[p.pos] != ':' {
				return jvalue{}, errors.New("want ':' after an object key")
			}
			p.pos++
			val, err := p.value(depth + 1)
			if err != nil {
				return jvalue{}, err
			}
			v.members = append(v.members, jmember{key, val})
			p.ws()
			if p.pos >= len(p.data) {
				return jvalue{}, io.ErrUnexpectedEOF
			}
			switch p.data[p.pos] {
			case ',':
				p.pos++
			case '}':
				p.pos++
				return v, nil
			default:
				return jvalue{}, errors.New("want ',' or '}' in an object")
			}
		}
	case c == '[':
		if depth >= maxDepth {
			return jvalue{}, fmt.Errorf("nested deeper than %d", maxDepth)
		}
		p.pos++
		v := jvalue{kind: 'a'}
		p.ws()
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			return v, nil
		}
		for {
			val, err := p.value(depth + 1)
			if err != nil {
				return jvalue{}, err
			}
			v.elems = append(v.elems, val)
			p.ws()
			if p.pos >= len(p.data) {
				return jvalue{}, io.ErrUnexpectedEOF
			}
			switch p.data[p.pos] {
			case ',':
				p.pos++
			case ']':
				p.pos++
				return v, nil
			default:
				return jvalue{}, errors.New("want ',' or ']' in an array")
			}
		}
	case c == '"':
		s, err := p.str()
		return jvalue{kind: 's', str: s}, err
	case c == '-' || '0' <= c && c <= '9':
		n, err := p.number()
		return jvalue{kind: 'n', str: n}, err
	case c == 't':
		return jvalue{kind: 't'}, p.literal("true")
	case c == 'f':
		return jvalue{kind: 'f'}, p.literal("false")
	case c == 'n':
		return jvalue{kind: 'z'}, p.literal("null")
	default:
		return jvalue{}, fmt.Errorf("unexpected %q", c)
	}
}

func (p *parser) literal(word string) error {
	if !bytes.HasPrefix(p.data[p.pos:], []byte(word)) {
		return fmt.Errorf("invalid literal, want %s", word)
	}
	p.pos += len(word)
	return nil
}

// number scans -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? and returns
// it as written.
func (p *parser) number() (string, error) {
	start := p.pos
	end, err := scanNumber(p.data, p.pos)
	p.pos = end
	if err != nil {
		return "", err
	}
	return string(p.data[start:end]), nil
}

// scanNumber returns the end of the number that starts at d[pos].
func scanNumber(d []byte, pos int) (int, error) {
	digits := func() int {
		n := 0
		for pos < len(d) && '0' <= d[pos] && d[pos] <= '9' {
			pos++
			n++
		}
		return n
	}
	if d[pos] == '-' {
		pos++
	}
	switch {
	case pos < len(d) && d[pos] == '0':
		pos++
	case digits() == 0:
		return pos, errors.New("invalid number")
	}
	if pos < len(d) && d[pos] == '.' {
		pos++
		if digits() == 0 {
			return pos, errors.New("invalid number: no digits after '.'")
		}
	}
	if pos < len(d) && (d[pos] == 'e' || d[pos] == 'E') {
		pos++
		if pos < len(d) && (d[pos] == '+' || d[pos] == '-') {
			pos++
		}
		if digits() == 0 {
			return pos, errors.New("invalid number: no digits in exponent")
		}
	}
	return pos, nil
}

// str scans a string starting at the opening quote and returns its
// decoded value.
func (p *parser) str() (string, error) {
	d := p.data
	p.pos++ // '"'
	start := p.pos
	// Fast path: no escapes.
	for p.pos < len(d) {
		c := d[p.pos]
		if c == '"' {
			s := string(d[start:p.pos])
			p.pos++
			return s, nil
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", errors.New("control character in string")
		}
		p.pos++
	}
	buf := append([]byte(nil), d[start:p.pos]...)
	for p.pos < len(d) {
		c := d[p.pos]
		switch {
		case c == '"':
			p.pos++
			return string(buf), nil
		case c < 0x20:
			return "", errors.New("control character in string")
		case c != '\\':
			buf = append(buf, c)
			p.pos++
			continue
		}
		if p.pos+1 >= len(d) {
			break
		}
		e := d[p.pos+1]
		p.pos += 2
		switch e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r := p.hex4()
			if r < 0 {
				return "", errors.New("invalid \\u escape")
			}
			if utf16.IsSurrogate(r) {
				// A valid pair is consumed whole; otherwise U+FFFD, and
				// what follows is read on its own (as encoding/json does).
				save := p.pos
				r2 := rune(-1)
				if p.pos+1 < len(d) && d[p.pos] == '\\' && d[p.pos+1] == 'u' {
					p.pos += 2
					r2 = p.hex4()
				}
				if dec := utf16.DecodeRune(r, r2); r2 >= 0 && dec != unicode.ReplacementChar {
					r = dec
				} else {
					p.pos = save
					r = unicode.ReplacementChar
				}
			}
			buf = utf8.AppendRune(buf, r)
		default:
			return "", fmt.Errorf("invalid escape \\%c", e)
		}
	}
	return "", errors.New("unterminated string")
}

// hex4 reads four hex digits, or returns -1 (leaving pos unspecified).
func (p *parser) hex4() rune {
	r := hex4At(p.data, p.pos)
	if r >= 0 {
		p.pos += 4
	}
	return r
}

// hex4At reads the four hex digits at d[pos], or returns -1.
func hex4At(d []byte, pos int) rune {
	if pos+4 > len(d) {
		return -1
	}
	var r rune
	for _, c := range d[pos : pos+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// appendCanonical appends the canonical encoding of v to dst (defined in
// docs/audit.md).
func (v *jvalue) appendCanonical(dst []byte) []byte {
	switch v.kind {
	case 'o':
		ms := slices.Clone(v.members)
		slices.SortFunc(ms, func(a, b jmember) int { return strings.Compare(a.key, b.key) })
		dst = append(dst, '{')
		for i := range ms {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, ms[i].key)
			dst = append(dst, ':')
			dst = ms[i].val.appendCanonical(dst)
		}
		return append(dst, '}')
	case 'a':
		dst = append(dst, '[')
		for i := range v.elems {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = v.elems[i].appendCanonical(dst)
		}
		return append(dst, ']')
	case 's':
		return appendString(dst, v.str)
	case 'n':
		return append(dst, v.str...)
	case 't':
		return append(dst, "true"...)
	case 'f':
		return append(dst, "false"...)
	default:
		return append(dst, "null"...)
	}
}

// appendString appends s as a canonical JSON string: only '"', '\\' and the
// control characters U+0000 to U+001F are escaped (\b \t \n \f \r, otherwise
// \u00xx in lower-case hex); every other character is written as UTF-8.
func appendString[S string | []byte](dst []byte, s S) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = appendEscaped(dst, c)
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendEscaped appends the canonical escape of c, which is '"', '\\' or a
// control character.
func appendEscaped(dst []byte, c byte) []byte {
	const hexDigits = "0123456789abcdef"
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\b':
		return append(dst, '\\', 'b')
	case '\t':
		return append(dst, '\\', 't')
	case '\n':
		return append(dst, '\\', 'n')
	case '\f':
		return append(dst, '\\', 'f')
	case '\r':
		return append(dst, '\\', 'r')
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
}

// Canonical returns the canonical encoding of the single JSON value in data:
// object members sorted by key, no insignificant whitespace, strings escaped
// minimally, numbers exactly as written. It fails on invalid JSON, invalid
// UTF-8, duplicate object keys and nesting deeper than 256 levels. Banks
// that store records elsewhere use it to recompute hashes.
func Canonical(data []byte) ([]byte, error) {
	v, err := parseJSON(data)
	if err != nil {
		return nil, fmt.Errorf("audit: canonical JSON: %w", err)
	}
	return v.appendCanonical(nil), nil
}

// encodeBody turns an Append body into canonical JSON, redacting it first
// when red is not nil. A json.RawMessage is taken as JSON text; anything
// else goes through json.Marshal. Without a redactor it takes shortcuts
// that give the same bytes: the canonWriter encodes the value directly
// or, failing that, json.Marshal's text in one pass; errors, limits and
// what those leave to the parser take the parser, with the messages they
// always had.
func encodeBody(body any, red *Redactor) ([]byte, error) {
	if red != nil {
		out, _, err := encodeBodyValue(body, red)
		return out, err
	}
	var raw []byte
	if b, ok := body.(json.RawMessage); ok {
		raw = b
	} else {
		// json.Marshal's text is at most 6 times as long as its canonical
		// form ("<" is "\u003c"), so within this it is within the limit.
		if out, ok := encodeValue(body, maxBodySize/6); ok {
			return out, nil
		}
		buf := encodeBuffers.Get().(*bytes.Buffer)
		defer func() {
			if buf.Cap() <= 1<<16 {
				encodeBuffers.Put(buf)
			}
		}()
		buf.Reset()
		raw = encodeJSON(buf, body)
	}
	if raw != nil && len(raw) <= maxBodySize {
		if out, ok := appendCanonicalFast(make([]byte, 0, len(raw)), raw); ok && len(out) <= maxBodySize {
			return out, nil
		}
	}
	out, _, err := encodeBodyValue(body, nil)
	return out, err
}

var encodeBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// encodeJSON is json.Marshal's text of body but for '<', '>' and '&' in
// strings, which it leaves as they are: the canonical encoding does, so
// escaping them only to decode them again is wasted. It returns nil on an
// error, or when the text may be longer than maxBodySize with them
// escaped, for encodeBodyValue to tell.
func encodeJSON(buf *bytes.Buffer, body any) []byte {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if enc.Encode(body) != nil || buf.Len() > maxBodySize/6 {
		return nil
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// marshalBody is the JSON text of an Append body, within maxBodySize.
func marshalBody(body any) ([]byte, error) {
	var raw []byte
	switch b := body.(type) {
	case json.RawMessage:
		raw = b
	default:
		var err error
		raw, err = json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("audit: encode body: %w", err)
		}
	}
	if len(raw) > maxBodySize {
		return nil, fmt.Errorf("audit: body is %d bytes, more than the limit of %d", len(raw), maxBodySize)
	}
	return raw, nil
}

// encodeBodyValue is encodeBody that also returns the parsed (and redacted)
// body, so that a store can index fields of it without parsing it again.
func encodeBodyValue(body any, red *Redactor) ([]byte, jvalue, error) {
	raw, err := marshalBody(body)
	if err != nil {
		return nil, jvalue{}, err
	}
	return canonicalBody(raw, red)
}

// encodeIndexed is encodeBodyValue by encodeBody's shortcuts: without a
// redactor it parses the canonical bytes, which is cheaper than encoding
// the body through the parser.
func encodeIndexed(body any, red *Redactor) ([]byte, jvalue, error) {
	if red != nil {
		return encodeBodyValue(body, red)
	}
	b, err := encodeBody(body, nil)
	if err != nil {
		return nil, jvalue{}, err
	}
	v, err := parseJSON(b)
	if err != nil {
		return nil, jvalue{}, fmt.Errorf("audit: body: %w", err)
	}
	return b, v, nil
}

// canonicalBody parses raw, redacts it when red is not nil and encodes it
// canonically.
func canonicalBody(raw []byte, red *Redactor) ([]byte, jvalue, error) {
	v, err := parseJSON(raw)
	if err != nil {
		return nil, jvalue{}, fmt.Errorf("audit: body: %w", err)
	}
	if red != nil {
		red.redact(&v, false)
	}
	out := v.appendCanonical(make([]byte, 0, len(raw)))
	if len(out) > maxBodySize {
		return nil, jvalue{}, fmt.Errorf("audit: body is %d bytes once encoded, more than the limit of %d", len(out), maxBodySize)
	}
	return out, v, nil
}

// formatTime is the one text form of a record time: RFC 3339 in UTC with
// nanoseconds and trailing zeros dropped (Go's time.RFC3339Nano), as written
// by time.Time's MarshalJSON.
func formatTime(t time.Time) string {
	return t.UTC().Format(time.RFC3339Nano)
}

// appendHashInput appends the canonical encoding of r without its Hash:
// {"body":B,"prev":P,"seq":S,"time":T,"type":Y}, keys in sorted order.
// r.Body must already be canonical.
func appendHashInput(dst []byte, r *Record) []byte {
	dst = append(dst, `{"body":`...)
	dst = append(dst, r.Body...)
	dst = append(dst, `,"prev":`...)
	dst = appendString(dst, r.Prev)
	dst = append(dst, `,"seq":`...)
	dst = strconv.AppendUint(dst, r.Seq, 10)
	dst = append(dst, `,"time":`...)
	dst = appendString(dst, formatTime(r.Time))
	dst = append(dst, `,"type":`...)
	dst = appendString(dst, r.Type)
	return append(dst, '}')
}

// appendLine appends r as one line of the log: its canonical encoding with
// the hash in its sorted place, then '\n'. r.Body must already be canonical.
func appendLine(dst []byte, r *Record) []byte {
	dst = append(dst, `{"body":`...)
	dst = append(dst, r.Body...)
	dst = append(dst, `,"hash":`...)
	dst = appendString(dst, r.Hash)
	dst = append(dst, `,"prev":`...)
	dst = appendString(dst, r.Prev)
	dst = append(dst, `,"seq":`...)
	dst = strconv.AppendUint(dst, r.Seq, 10)
	dst = append(dst, `,"time":`...)
	dst = appendString(dst, formatTime(r.Time))
	dst = append(dst, `,"type":`...)
	dst = appendString(dst, r.Type)
	return append(dst, '}', '\n')
}

// hashRecord returns the hex SHA-256 of r's hash input; r.Body must be
// canonical.
func hashRecord(r *Record, scratch []byte) (string, []byte) {
	scratch = appendHashInput(scratch[:0], r)
	sum := sha256.Sum256(scratch)
	return hex.EncodeToString(sum[:]), scratch
}

// ComputeHash returns what r.Hash should be: the hex SHA-256 of the
// canonical encoding of r without Hash. It canonicalises r.Body first, so a
// record whose body was re-encoded (whitespace, key order) gives the same
// hash; it fails if r.Body is not valid JSON.
func (r Record) ComputeHash() (string, error) {
	body, err := Canonical(r.Body)
	if err != nil {
		return "", err
	}
	r.Body = body
	h, _ := hashRecord(&r, nil)
	return h, nil
}
