package server

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync"
)

// Problem is an RFC 9457 problem details object, the body of every error
// answer (Content-Type application/problem+json). Extra members carry
// what a client needs to act: the held decisions of an unreadable
// message, the request id to quote.
type Problem struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail,omitempty"`
	Instance  string `json:"instance,omitempty"`
	RequestID string `json:"request_id,omitempty"`
	// Result is the screening result when the input was screened in part
	// (a message that could not be read completely: held, logged, with a
	// review case): never a reason to release the payment.
	Result any `json:"result,omitempty"`
}

// problem types, relative URIs documented in the OpenAPI document.
const (
	probMalformed    = "/problems/malformed-json"
	probInvalid      = "/problems/invalid-content"
	probTooLarge     = "/problems/body-too-large"
	probUnauth       = "/problems/unauthorized"
	probForbidden    = "/problems/forbidden"
	probNotFound     = "/problems/not-found"
	probConflict     = "/problems/conflict"
	probUnavailable  = "/problems/unavailable"
	probInternal     = "/problems/internal"
	probUnsupported  = "/problems/unsupported-media-type"
	probReloadFailed = "/problems/reload-failed"
)

// apiError is an error answered as a problem.
type apiError struct {
	status int
	typ    string
	detail string
	result any
}

func (e *apiError) Error() string { return e.detail }

func errorf(status int, typ, format string, a ...any) *apiError {
	return &apiError{status: status, typ: typ, detail: fmt.Sprintf(format, a...)}
}

func writeProblem(w http.ResponseWriter, r *http.Request, e *apiError) {
	p := Problem{Type: e.typ, Title: http.StatusText(e.status), Status: e.status, Detail: e.detail, Instance: r.URL.Path, Result: e.result}
	if info := infoOf(r); info != nil {
		p.RequestID = info.id
		info.problem = e.detail
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	if e.status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="freezeguard"`)
	}
	w.WriteHeader(e.status)
	_ = json.NewEncoder(w).Encode(p)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// readBody reads a request body of at most limit bytes: 413 when longer.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, *apiError) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return nil, errorf(http.StatusRequestEntityTooLarge, probTooLarge, "the body is longer than the %d bytes allowed here", limit)
	case err != nil:
		return nil, errorf(http.StatusBadRequest, probMalformed, "reading the body: %v", err)
	}
	return body, nil
}

// decodeJSON reads one JSON value into v. JSON that does not parse is a
// 400; JSON that parses but cannot be taken as v is a 422: an unknown key,
// a key written in another case than documented ("NAME" would otherwise
// be read as "name"), a key given twice (encoding/json would let the last
// one win, screening a name other than the one a reader sees first), a
// value of the wrong type.
func decodeJSON(body []byte, v any) *apiError {
	if len(bytes.TrimSpace(body)) == 0 {
		return errorf(http.StatusBadRequest, probMalformed, "empty body: want a JSON object")
	}
	if !json.Valid(body) {
		var x any
		err := json.Unmarshal(body, &x)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return errorf(http.StatusBadRequest, probMalformed, "malformed JSON at byte %d: %v", se.Offset, se)
		}
		if err == nil {
			err = errors.New("more than one JSON value")
		}
		return errorf(http.StatusBadRequest, probMalformed, "malformed JSON: %v", err)
	}
	if err := checkKeys(&keyScanner{data: body}, reflect.TypeOf(v), 0); err != nil {
		return errorf(http.StatusUnprocessableEntity, probInvalid, "%v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errorf(http.StatusUnprocessableEntity, probInvalid, "%v", strings.TrimPrefix(err.Error(), "json: "))
	}
	return nil
}

// maxDepth bounds the nesting checkKeys follows; the request types are
// shallow, deeper input is refused.
const maxDepth = 32

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
var textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()

// checkKeys reads one JSON value from s (already known to be valid JSON)
// and checks the keys of its objects against t, the Go type it will be
// decoded into (nil: any keys, checked for duplicates only).
func checkKeys(s *keyScanner, t reflect.Type, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("%s: nested deeper than %d levels", where(s.pathText()), maxDepth)
	}
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t != nil && (reflect.PointerTo(t).Implements(unmarshalerType) || reflect.PointerTo(t).Implements(textUnmarshalerType)) {
		t = nil // decoded by its own rules
	}
	switch s.ws() {
	case '{':
		s.pos++
		var fields map[string]reflect.Type
		var elem reflect.Type
		if t != nil {
			switch t.Kind() {
			case reflect.Struct:
				fields = jsonFields(t)
			case reflect.Map:
				elem = t.Elem()
			}
		}
		seen := s.newKeySet()
		for {
			switch s.ws() {
			case '}':
				s.pos++
				s.dropKeySet(seen)
				return nil
			case ',':
				s.pos++
				s.ws()
			}
			k := s.key()
			s.ws()
			s.pos++ // ':'
			if s.addKey(&seen, k) {
				return fmt.Errorf("%s: key %q given twice", where(s.pathText()), clip(string(k), 32))
			}
			ft := elem
			if fields != nil {
				var ok bool
				if ft, ok = fields[string(k)]; !ok {
					for name := range fields {
						if strings.EqualFold(name, string(k)) {
							return fmt.Errorf("%s: key %q: write it %q (keys are matched exactly)", where(s.pathText()), clip(string(k), 32), name)
						}
					}
					return fmt.Errorf("%s: unknown key %q", where(s.pathText()), clip(string(k), 32))
				}
			}
			s.path = append(s.path, pathStep{key: k})
			if err := checkKeys(s, ft, depth+1); err != nil {
				return err
			}
			s.path = s.path[:len(s.path)-1]
		}
	case '[':
		s.pos++
		var elem reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			elem = t.Elem()
		}
		for i := 0; ; i++ {
			switch s.ws() {
			case ']':
				s.pos++
				return nil
			case ',':
				s.pos++
			}
			s.path = append(s.path, pathStep{index: i, elem: true})
			if err := checkKeys(s, elem, depth+1); err != nil {
				return err
			}
			s.path = s.path[:len(s.path)-1]
		}
	}
	return s.skipScalar()
}

func where(path string) string {
	if path == "" {
		return "body"
	}
	return strings.TrimPrefix(path, ".")
}

var fieldCache sync.Map // reflect.Type -> map[string]reflect.Type

// jsonFields maps the JSON keys of a struct type (as encoding/json names
// them, embedded structs flattened) to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]reflect.Type)
	}
	m := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				for k, v := range jsonFields(ft) {
					m[k] = v
				}
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = f.Type
	}
	fieldCache.Store(t, m)
	return m
}
