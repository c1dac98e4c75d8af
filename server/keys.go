package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// keyScanner walks JSON text that json.Valid accepted, for checkKeys: it
// reads keys without the allocation json.Decoder.Token makes for every
// token, which was most of the cost of decoding a request.
type keyScanner struct {
	data []byte
	pos  int
	path []pathStep // to the value being read
	keys [][]byte   // of the open objects, for keySet
}

// ws skips white space and returns the byte that follows (0 at the end).
func (s *keyScanner) ws() byte {
	for ; s.pos < len(s.data); s.pos++ {
		switch c := s.data[s.pos]; c {
		case ' ', '\t', '\n', '\r':
		default:
			return c
		}
	}
	return 0
}

// key reads the string at pos and returns its value: the text itself when
// it is plain ASCII, else decoded as encoding/json decodes it.
func (s *keyScanner) key() []byte {
	start := s.pos
	if s.skipString() {
		return s.data[start+1 : s.pos-1]
	}
	var k string
	_ = json.Unmarshal(s.data[start:s.pos], &k) // valid JSON
	return []byte(k)
}

// skipString moves past the string at pos and reports whether it is plain
// ASCII without escapes.
func (s *keyScanner) skipString() (plain bool) {
	plain = true
	for s.pos++; s.pos < len(s.data); s.pos++ {
		switch c := s.data[s.pos]; {
		case c == '\\':
			plain = false
			s.pos++
		case c == '"':
			s.pos++
			return plain
		case c >= 0x80:
			plain = false
		}
	}
	return plain
}

// skipScalar skips a string, number or literal. A number out of float64's
// range is an error, worded as json.Decoder.Token words it (it reads
// numbers as float64).
func (s *keyScanner) skipScalar() error {
	if s.pos < len(s.data) && s.data[s.pos] == '"' {
		s.skipString()
		return nil
	}
	start := s.pos
	for ; s.pos < len(s.data); s.pos++ {
		switch s.data[s.pos] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return checkNumber(s.data[start:s.pos])
		}
	}
	return checkNumber(s.data[start:])
}

func checkNumber(b []byte) error {
	if c := b[0]; c != '-' && (c < '0' || c > '9') {
		return nil // a literal
	}
	if _, err := strconv.ParseFloat(string(b), 64); err == nil {
		return nil
	}
	var x any
	return json.Unmarshal(b, &x)
}

// keySet is the keys of one object seen so far: the scanner's keys from
// first on while they are few, a map past that, so that an object with
// many keys costs no more per key than one with few.
type keySet struct {
	first int
	m     map[string]struct{}
}

func (s *keyScanner) newKeySet() keySet { return keySet{first: len(s.keys)} }

func (s *keyScanner) dropKeySet(ks keySet) { s.keys = s.keys[:ks.first] }

// addKey adds k to ks and reports whether it was there already.
func (s *keyScanner) addKey(ks *keySet, k []byte) bool {
	if list := s.keys[ks.first:]; ks.m == nil && len(list) < 16 {
		for _, o := range list {
			if bytes.Equal(o, k) {
				return true
			}
		}
		s.keys = append(s.keys, k)
		return false
	}
	if ks.m == nil {
		ks.m = make(map[string]struct{}, 2*(len(s.keys)-ks.first))
		for _, o := range s.keys[ks.first:] {
			ks.m[string(o)] = struct{}{}
		}
	}
	if _, dup := ks.m[string(k)]; dup {
		return true
	}
	ks.m[string(k)] = struct{}{}
	return false
}

// pathStep is one step of the path to a value: an object's key or an
// array's index.
type pathStep struct {
	key   []byte
	index int
	elem  bool // an array element: index, not key
}

// pathText spells out the path to the value being read as checkKeys
// reports it (".a.b[2]"), for an error message.
func (s *keyScanner) pathText() string {
	var b strings.Builder
	for _, p := range s.path {
		if p.elem {
			fmt.Fprintf(&b, "[%d]", p.index)
		} else {
			b.WriteByte('.')
			b.Write(p.key)
		}
	}
	return b.String()
}
