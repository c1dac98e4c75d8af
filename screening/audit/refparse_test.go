package audit

// refParseJSON is the first implementation of parseJSON, on top of
// encoding/json's tokenizer. It is slower but obviously follows
// encoding/json; FuzzParseJSON checks that parseJSON agrees with it.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// parseJSON parses exactly one JSON value from data. It rejects duplicate
// object keys, invalid UTF-8, nesting deeper than maxDepth and trailing data.
func refParseJSON(data []byte) (jvalue, error) {
	if !utf8.Valid(data) {
		return jvalue{}, errors.New("invalid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := refParseValue(dec, 0)
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

func refParseValue(dec *json.Decoder, depth int) (jvalue, error) {
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
				val, err := refParseValue(dec, depth+1)
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
				val, err := refParseValue(dec, depth+1)
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
