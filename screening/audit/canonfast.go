package audit

import (
	"bytes"
	"slices"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// canonWriter writes the canonical encoding of JSON text in one pass,
// without the tree parseJSON builds: the cost of sealing a record in the
// service (issue 13) was mostly that tree. It is a shortcut, not a second
// definition: whenever the input is anything but plain valid JSON (an
// error, a duplicate key, a surrogate escape, nesting at the limit) it
// gives up and the caller takes the parseJSON path, so that errors and the
// rare cases have one implementation. On what it accepts its output is
// byte for byte that of parseJSON and appendCanonical (the fuzz target
// FuzzCanonicalFast checks it).
//
// Objects are written in input order, each member's value at once, then
// reordered in place when the object closes: every level costs a copy of
// its bytes, which for records a few levels deep is far cheaper than a
// string per key and value.
type canonWriter struct {
	data []byte
	pos  int
	out  []byte
	keys []byte    // decoded keys of the open objects' members, end to end
	mems []cmember // members of the open objects, innermost last
	tmp  []byte    // an object's members while it is reordered
	buf  []byte    // encodeValue's output, kept for the next
}

// cmember is a member of an open object: its decoded key in keys and its
// canonical value in out.
type cmember struct {
	key0, key1 int
	val0, val1 int
}

var canonWriters = sync.Pool{New: func() any { return new(canonWriter) }}

// appendCanonicalFast appends the canonical encoding of data to dst, or
// reports false (dst unspecified past its length) if data needs the full
// parser: see canonWriter.
func appendCanonicalFast(dst, data []byte) ([]byte, bool) {
	if !utf8.Valid(data) {
		return dst, false
	}
	w := canonWriters.Get().(*canonWriter)
	w.data, w.pos, w.out = data, 0, dst
	ok := w.value(0)
	if ok {
		w.ws()
		ok = w.pos == len(data)
	}
	out := w.out
	w.release()
	return out, ok
}

// release returns w to the pool, unless it grew large.
func (w *canonWriter) release() {
	w.data, w.out = nil, nil
	w.keys, w.mems, w.tmp = w.keys[:0], w.mems[:0], w.tmp[:0]
	if cap(w.tmp) <= 1<<16 && cap(w.keys) <= 1<<16 {
		canonWriters.Put(w)
	}
}

func (w *canonWriter) ws() {
	for w.pos < len(w.data) {
		switch w.data[w.pos] {
		case ' ', '\t', '\n', '\r':
			w.pos++
		default:
			return
		}
	}
}

func (w *canonWriter) value(depth int) bool {
	w.ws()
	if w.pos >= len(w.data) {
		return false
	}
	switch c := w.data[w.pos]; {
	case c == '{':
		return depth < maxDepth && w.object(depth)
	case c == '[':
		return depth < maxDepth && w.array(depth)
	case c == '"':
		return w.str(false)
	case c == '-' || '0' <= c && c <= '9':
		start := w.pos
		if !w.number() {
			return false
		}
		w.out = append(w.out, w.data[start:w.pos]...)
		return true
	case c == 't':
		return w.literal("true")
	case c == 'f':
		return w.literal("false")
	case c == 'n':
		return w.literal("null")
	}
	return false
}

func (w *canonWriter) literal(word string) bool {
	if !bytes.HasPrefix(w.data[w.pos:], []byte(word)) {
		return false
	}
	w.pos += len(word)
	w.out = append(w.out, word...)
	return true
}

func (w *canonWriter) object(depth int) bool {
	w.pos++ // '{'
	w.ws()
	if w.pos < len(w.data) && w.data[w.pos] == '}' {
		w.pos++
		w.out = append(w.out, '{', '}')
		return true
	}
	base, keysBase, start := len(w.mems), len(w.keys), len(w.out)
	for {
		w.ws()
		if w.pos >= len(w.data) || w.data[w.pos] != '"' {
			return false
		}
		key0 := len(w.keys)
		if !w.str(true) {
			return false
		}
		key1 := len(w.keys)
		w.ws()
		if w.pos >= len(w.data) || w.data[w.pos] != ':' {
			return false
		}
		w.pos++
		val0 := len(w.out)
		if !w.value(depth + 1) {
			return false
		}
		w.mems = append(w.mems, cmember{key0, key1, val0, len(w.out)})
		w.ws()
		if w.pos >= len(w.data) {
			return false
		}
		c := w.data[w.pos]
		w.pos++
		if c == '}' {
			break
		}
		if c != ',' {
			return false
		}
	}
	return w.closeObject(base, keysBase, start)
}

// closeObject writes the object whose members are w.mems[base:], keys
// decoded on w.keys from keysBase, values canonical on w.out from start:
// it sorts them and rewrites w.out from start as the canonical object.
func (w *canonWriter) closeObject(base, keysBase, start int) bool {
	ms := w.mems[base:]
	keys := w.keys
	slices.SortFunc(ms, func(a, b cmember) int { return bytes.Compare(keys[a.key0:a.key1], keys[b.key0:b.key1]) })
	for i := 1; i < len(ms); i++ {
		if bytes.Equal(keys[ms[i-1].key0:ms[i-1].key1], keys[ms[i].key0:ms[i].key1]) {
			return false // duplicate key: parseJSON words the error
		}
	}
	w.tmp = append(w.tmp[:0], w.out[start:]...)
	w.out = append(w.out[:start], '{')
	for i, m := range ms {
		if i > 0 {
			w.out = append(w.out, ',')
		}
		w.out = appendString(w.out, keys[m.key0:m.key1])
		w.out = append(w.out, ':')
		w.out = append(w.out, w.tmp[m.val0-start:m.val1-start]...)
	}
	w.out = append(w.out, '}')
	w.mems, w.keys = w.mems[:base], w.keys[:keysBase]
	return true
}

func (w *canonWriter) array(depth int) bool {
	w.pos++ // '['
	w.out = append(w.out, '[')
	w.ws()
	if w.pos < len(w.data) && w.data[w.pos] == ']' {
		w.pos++
		w.out = append(w.out, ']')
		return true
	}
	for {
		if !w.value(depth + 1) {
			return false
		}
		w.ws()
		if w.pos >= len(w.data) {
			return false
		}
		c := w.data[w.pos]
		w.pos++
		switch c {
		case ']':
			w.out = append(w.out, ']')
			return true
		case ',':
			w.out = append(w.out, ',')
		default:
			return false
		}
	}
}

func (w *canonWriter) number() bool {
	end, err := scanNumber(w.data, w.pos)
	w.pos = end
	return err == nil
}

// str scans the string at pos. A key is decoded onto w.keys; a value is
// written to w.out canonically: its bytes as they are, and each escape
// as appendString writes the character it stands for.
func (w *canonWriter) str(key bool) bool {
	d := w.data
	w.pos++ // '"'
	dst := w.out
	if key {
		dst = w.keys
	} else {
		dst = append(dst, '"')
	}
	start := w.pos
	for {
		if w.pos >= len(d) {
			return false
		}
		c := d[w.pos]
		if c >= 0x20 && c != '"' && c != '\\' {
			w.pos++
			continue
		}
		dst = append(dst, d[start:w.pos]...)
		if c == '"' {
			w.pos++
			break
		}
		if c < 0x20 || w.pos+1 >= len(d) {
			return false
		}
		e := d[w.pos+1]
		w.pos += 2
		var r rune
		switch e {
		case '"', '\\', '/':
			r = rune(e)
		case 'b':
			r = '\b'
		case 'f':
			r = '\f'
		case 'n':
			r = '\n'
		case 'r':
			r = '\r'
		case 't':
			r = '\t'
		case 'u':
			r = hex4At(d, w.pos)
			w.pos += 4
			if r < 0 || utf16.IsSurrogate(r) {
				return false // surrogates: parseJSON's rules
			}
		default:
			return false
		}
		if key || r >= 0x20 && r != '"' && r != '\\' {
			dst = utf8.AppendRune(dst, r)
		} else {
			dst = appendEscaped(dst, byte(r))
		}
		start = w.pos
	}
	if key {
		w.keys = dst
	} else {
		w.out = append(dst, '"')
	}
	return true
}
