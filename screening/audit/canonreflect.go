package audit

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The canonWriter also encodes Go values directly, walking them as
// json.Marshal does but writing what the canonical encoding of its output
// would be: struct fields in sorted order, strings unescaped. This spares
// the service the JSON text it would otherwise write only to read again
// (issue 13). It covers the types records are made of; anything else (an
// embedded struct, a ",string" option, a TextMarshaler, an error) makes it
// give up, and encodeBody takes json.Marshal and the parser, so that rare
// cases and errors have one implementation. The tests compare the two on
// real decisions and generated hostile values.

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	isZeroerType      = reflect.TypeFor[interface{ IsZero() bool }]()
	numberType        = reflect.TypeFor[json.Number]()
)

// reflectDepth bounds the walk; deeper values go to json.Marshal (which
// reports cycles) and the parser (which bounds nesting).
const reflectDepth = 100

// typeInfo is what the walk asks of a type at every value, asked once.
type typeInfo struct {
	addrMarshaler bool // not a pointer, and *T is a json.Marshaler: used when addressable
	marshaler     bool // T is a json.Marshaler
	text          bool // T or *T is an encoding.TextMarshaler: left to json.Marshal
}

var typeInfos sync.Map // reflect.Type -> *typeInfo

func infoOf(t reflect.Type) *typeInfo {
	if i, ok := typeInfos.Load(t); ok {
		return i.(*typeInfo)
	}
	pt := reflect.PointerTo(t)
	i := &typeInfo{
		addrMarshaler: t.Kind() != reflect.Pointer && pt.Implements(marshalerType),
		marshaler:     t.Implements(marshalerType),
		text:          t.Implements(textMarshalerType) || t.Kind() != reflect.Pointer && pt.Implements(textMarshalerType),
	}
	typeInfos.Store(t, i)
	return i
}

// structPlan is how the canonWriter encodes a struct type: its fields in
// canonical key order, or ok false for one it leaves to json.Marshal.
type structPlan struct {
	fields []fieldPlan
	ok     bool
}

type fieldPlan struct {
	index     int
	info      *typeInfo
	key       string // `"name":`
	omitEmpty bool
	omitZero  bool
	isZero    func(reflect.Value) bool // nil: reflect.Value.IsZero
}

var structPlans sync.Map // reflect.Type -> *structPlan

func planOf(t reflect.Type) *structPlan {
	if p, ok := structPlans.Load(t); ok {
		return p.(*structPlan)
	}
	p := makePlan(t)
	structPlans.Store(t, p)
	return p
}

// makePlan follows encoding/json's typeFields for structs without
// embedded fields.
func makePlan(t reflect.Type) *structPlan {
	p := &structPlan{}
	names := map[string]bool{}
	var order []string
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Anonymous {
			return p
		}
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if !isValidTag(name) {
			name = ""
		}
		if name == "" {
			name = sf.Name
		}
		f := fieldPlan{index: i, info: infoOf(sf.Type), key: string(appendString(nil, name)) + ":"}
		for o := range strings.SplitSeq(opts, ",") {
			switch o {
			case "omitempty":
				f.omitEmpty = true
			case "omitzero":
				f.omitZero = true
			case "string":
				return p
			}
		}
		if f.omitZero {
			ft := sf.Type
			switch {
			case ft.Kind() == reflect.Interface || ft.Kind() == reflect.Pointer:
				if ft.Implements(isZeroerType) {
					return p
				}
			case ft.Implements(isZeroerType):
				f.isZero = func(v reflect.Value) bool { return v.Interface().(interface{ IsZero() bool }).IsZero() }
			case reflect.PointerTo(ft).Implements(isZeroerType):
				return p
			}
		}
		if names[name] {
			return p // encoding/json's rules for clashing names
		}
		names[name] = true
		order = append(order, name)
		p.fields = append(p.fields, f)
	}
	// Sort by name, as the canonical form orders keys.
	idx := make([]int, len(order))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return strings.Compare(order[a], order[b]) })
	sorted := make([]fieldPlan, len(idx))
	for i, j := range idx {
		sorted[i] = p.fields[j]
	}
	p.fields, p.ok = sorted, true
	return p
}

// isValidTag is encoding/json's test of a tag name.
func isValidTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// appendCanonicalValue appends the canonical encoding of json.Marshal's
// text of v to dst, or reports false if it leaves v to them.
func appendCanonicalValue(dst []byte, v any) ([]byte, bool) {
	w := canonWriters.Get().(*canonWriter)
	w.out = dst
	ok := w.reflect(reflect.ValueOf(v), nil, 0)
	out := w.out
	w.release()
	return out, ok
}

// encodeValue is appendCanonicalValue into a new slice of at most limit
// bytes, written in a buffer the pool keeps.
func encodeValue(v any, limit int) ([]byte, bool) {
	w := canonWriters.Get().(*canonWriter)
	w.out = w.buf[:0]
	ok := w.reflect(reflect.ValueOf(v), nil, 0) && len(w.out) <= limit
	var out []byte
	if ok {
		out = bytes.Clone(w.out)
	}
	if cap(w.out) <= 1<<16 {
		w.buf = w.out[:0]
	}
	w.release()
	return out, ok
}

// marshalJSON writes the canonical encoding of a Marshaler's output.
func (w *canonWriter) marshalJSON(m json.Marshaler, depth int) bool {
	b, err := m.MarshalJSON()
	if err != nil || !utf8.Valid(b) {
		return false
	}
	data, pos := w.data, w.pos
	w.data, w.pos = b, 0
	ok := w.value(depth)
	if ok {
		w.ws()
		ok = w.pos == len(b)
	}
	w.data, w.pos = data, pos
	return ok
}

// reflect writes v, of the type info describes (nil: look it up).
func (w *canonWriter) reflect(v reflect.Value, info *typeInfo, depth int) bool {
	if depth > reflectDepth {
		return false
	}
	if !v.IsValid() {
		w.out = append(w.out, "null"...)
		return true
	}
	t := v.Type()
	if info == nil {
		info = infoOf(t)
	}
	if info.addrMarshaler && v.CanAddr() {
		return w.marshalJSON(v.Addr().Interface().(json.Marshaler), depth)
	}
	if info.marshaler {
		if t.Kind() == reflect.Pointer && v.IsNil() {
			w.out = append(w.out, "null"...)
			return true
		}
		m, ok := v.Interface().(json.Marshaler)
		if !ok {
			w.out = append(w.out, "null"...)
			return true
		}
		return w.marshalJSON(m, depth)
	}
	if info.text {
		return false
	}
	switch t.Kind() {
	case reflect.Bool:
		if v.Bool() {
			w.out = append(w.out, "true"...)
		} else {
			w.out = append(w.out, "false"...)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.out = strconv.AppendInt(w.out, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.out = strconv.AppendUint(w.out, v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		return w.float(v.Float(), t.Bits())
	case reflect.String:
		if t == numberType {
			n := v.String()
			if n == "" {
				n = "0"
			}
			if end, err := scanNumber([]byte(n), 0); err != nil || end != len(n) {
				return false
			}
			w.out = append(w.out, n...)
			return true
		}
		w.goString(v.String())
	case reflect.Interface:
		if v.IsNil() {
			w.out = append(w.out, "null"...)
			return true
		}
		return w.reflect(v.Elem(), nil, depth+1)
	case reflect.Pointer:
		if v.IsNil() {
			w.out = append(w.out, "null"...)
			return true
		}
		return w.reflect(v.Elem(), nil, depth+1)
	case reflect.Struct:
		return w.structValue(v, depth)
	case reflect.Map:
		return w.mapValue(v, depth)
	case reflect.Slice:
		if v.IsNil() {
			w.out = append(w.out, "null"...)
			return true
		}
		if et := t.Elem(); et.Kind() == reflect.Uint8 {
			p := reflect.PointerTo(et)
			if !p.Implements(marshalerType) && !p.Implements(textMarshalerType) {
				w.out = append(w.out, '"')
				w.out = base64.StdEncoding.AppendEncode(w.out, v.Bytes())
				w.out = append(w.out, '"')
				return true
			}
		}
		return w.sequence(v, depth)
	case reflect.Array:
		return w.sequence(v, depth)
	default:
		return false
	}
	return true
}

// float writes f as encoding/json does (ES6 number formatting).
func (w *canonWriter) float(f float64, bits int) bool {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return false
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b := strconv.AppendFloat(w.out, f, format, -1, bits)
	if format == 'e' {
		// e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	w.out = b
	return true
}

// goString writes s as the canonical form of encoding/json's text of it:
// each byte of invalid UTF-8 becomes U+FFFD.
func (w *canonWriter) goString(s string) {
	if utf8.ValidString(s) {
		w.out = appendString(w.out, s)
		return
	}
	w.out = append(w.out, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' {
				w.out = appendEscaped(w.out, c)
			} else {
				w.out = append(w.out, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			w.out = append(w.out, "\ufffd"...)
		} else {
			w.out = append(w.out, s[i:i+size]...)
		}
		i += size
	}
	w.out = append(w.out, '"')
}

func (w *canonWriter) sequence(v reflect.Value, depth int) bool {
	w.out = append(w.out, '[')
	info := infoOf(v.Type().Elem())
	for i := range v.Len() {
		if i > 0 {
			w.out = append(w.out, ',')
		}
		if !w.reflect(v.Index(i), info, depth+1) {
			return false
		}
	}
	w.out = append(w.out, ']')
	return true
}

func (w *canonWriter) structValue(v reflect.Value, depth int) bool {
	p := planOf(v.Type())
	if !p.ok {
		return false
	}
	w.out = append(w.out, '{')
	first := true
	for i := range p.fields {
		f := &p.fields[i]
		fv := v.Field(f.index)
		if f.omitEmpty && isEmptyValue(fv) ||
			f.omitZero && (f.isZero == nil && fv.IsZero() || f.isZero != nil && f.isZero(fv)) {
			continue
		}
		if !first {
			w.out = append(w.out, ',')
		}
		first = false
		w.out = append(w.out, f.key...)
		if !w.reflect(fv, f.info, depth+1) {
			return false
		}
	}
	w.out = append(w.out, '}')
	return true
}

// isEmptyValue is encoding/json's test for omitempty.
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64,
		reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// mapValue writes a map with string keys (valid UTF-8) or integer keys,
// members sorted as canonWriter.object sorts them.
func (w *canonWriter) mapValue(v reflect.Value, depth int) bool {
	if v.IsNil() {
		w.out = append(w.out, "null"...)
		return true
	}
	kt := v.Type().Key()
	switch kt.Kind() {
	case reflect.String:
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if kt.Implements(textMarshalerType) {
			return false
		}
	default:
		return false
	}
	if v.Len() == 0 {
		w.out = append(w.out, '{', '}')
		return true
	}
	base, keysBase, start := len(w.mems), len(w.keys), len(w.out)
	info := infoOf(v.Type().Elem())
	for it := v.MapRange(); it.Next(); {
		k := it.Key()
		key0 := len(w.keys)
		switch k.Kind() {
		case reflect.String:
			if !utf8.ValidString(k.String()) {
				return false
			}
			w.keys = append(w.keys, k.String()...)
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			w.keys = strconv.AppendInt(w.keys, k.Int(), 10)
		default:
			w.keys = strconv.AppendUint(w.keys, k.Uint(), 10)
		}
		val0 := len(w.out)
		if !w.reflect(it.Value(), info, depth+1) {
			return false
		}
		w.mems = append(w.mems, cmember{key0, len(w.keys), val0, len(w.out)})
	}
	return w.closeObject(base, keysBase, start)
}
