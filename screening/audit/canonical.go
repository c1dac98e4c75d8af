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
	"time"
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

// parseJSON parses exactly one JSON value from data. It rejects duplicate
// object keys, invalid UTF-8, nesting deeper than maxDepth and trailing data.
func parseJSON(data []byte) (jvalue, error) {
	if !utf8.Valid(data) {
		return jvalue{}, errors.New("invalid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := parseValue(dec, 0)
	if err != nil {
		return jvalue{}, fmt.Errorf("byte %d: %w", dec.InputOffset(), err)
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = errors.New("data after the JSON value")
		}
		return jvalue{}, fmt.Errorf("byte %d: %w", dec.InputOffset(), err)
	}
	return v, nil
}

func parseValue(dec *json.Decoder, depth int) (jvalue, error) {
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return jvalue{}, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= maxDepth {
			return jvalue{}, fmt.Errorf("nested deeper than %d", maxDepth)
		}
		switch t {
		case '{':
			v := jvalue{kind: 'o'}
			var seen map[string]struct{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return jvalue{}, err
				}
				key, ok := kt.(string)
				if !ok {
					return jvalue{}, fmt.Errorf("object key is %T, not a string", kt)
				}
				if seen == nil {
					seen = make(map[string]struct{})
				}
				if _, dup := seen[key]; dup {
					return jvalue{}, fmt.Errorf("duplicate key %q", key)
				}
				seen[key] = struct{}{}
				val, err := parseValue(dec, depth+1)
				if err != nil {
					return jvalue{}, err
				}
				v.members = append(v.members, jmember{key, val})
			}
			if _, err := dec.Token(); err != nil { // '}'
				return jvalue{}, err
			}
			return v, nil
		case '[':
			v := jvalue{kind: 'a'}
			for dec.More() {
				val, err := parseValue(dec, depth+1)
				if err != nil {
					return jvalue{}, err
				}
				v.elems = append(v.elems, val)
			}
			if _, err := dec.Token(); err != nil { // ']'
				return jvalue{}, err
			}
			return v, nil
		}
		return jvalue{}, fmt.Errorf("unexpected %v", t)
	case string:
		return jvalue{kind: 's', str: t}, nil
	case json.Number:
		return jvalue{kind: 'n', str: string(t)}, nil
	case bool:
		if t {
			return jvalue{kind: 't'}, nil
		}
		return jvalue{kind: 'f'}, nil
	case nil:
		return jvalue{kind: 'z'}, nil
	}
	return jvalue{}, fmt.Errorf("unexpected token %T", tok)
}

// appendCanonical appends the canonical encoding of v to dst (see the
// package documentation for the definition).
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
func appendString(dst []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\f':
			dst = append(dst, '\\', 'f')
		case '\r':
			dst = append(dst, '\\', 'r')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
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
// else goes through json.Marshal.
func encodeBody(body any, red *Redactor) ([]byte, error) {
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
	if len(raw) > MaxRecordSize {
		return nil, fmt.Errorf("audit: body is %d bytes, more than MaxRecordSize (%d)", len(raw), MaxRecordSize)
	}
	v, err := parseJSON(raw)
	if err != nil {
		return nil, fmt.Errorf("audit: body: %w", err)
	}
	if red != nil {
		red.redact(&v, false)
	}
	out := v.appendCanonical(make([]byte, 0, len(raw)))
	if len(out) > MaxRecordSize {
		return nil, fmt.Errorf("audit: body is %d bytes once encoded, more than MaxRecordSize (%d)", len(out), MaxRecordSize)
	}
	return out, nil
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
