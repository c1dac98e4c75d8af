package server

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/report"
	"github.com/freezeguard/freezeguard/screening"
)

// refCheckKeys is checkKeys as it was on json.Decoder.Token, kept to check
// the scanner against: the same bodies must give the same answers.
func refCheckKeys(dec *json.Decoder, t reflect.Type, path string, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("%s: nested deeper than %d levels", where(path), maxDepth)
	}
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t != nil && (reflect.PointerTo(t).Implements(unmarshalerType) || reflect.PointerTo(t).Implements(textUnmarshalerType)) {
		t = nil // decoded by its own rules
	}
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
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
		seen := map[string]bool{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return err
			}
			k := kt.(string)
			if seen[k] {
				return fmt.Errorf("%s: key %q given twice", where(path), clip(k, 32))
			}
			seen[k] = true
			ft := elem
			if fields != nil {
				var ok bool
				if ft, ok = fields[k]; !ok {
					for name := range fields {
						if strings.EqualFold(name, k) {
							return fmt.Errorf("%s: key %q: write it %q (keys are matched exactly)", where(path), clip(k, 32), name)
						}
					}
					return fmt.Errorf("%s: unknown key %q", where(path), clip(k, 32))
				}
			}
			if err := refCheckKeys(dec, ft, path+"."+k, depth+1); err != nil {
				return err
			}
		}
		_, err := dec.Token() // '}'
		return err
	case json.Delim('['):
		var elem reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			elem = t.Elem()
		}
		for i := 0; dec.More(); i++ {
			if err := refCheckKeys(dec, elem, fmt.Sprintf("%s[%d]", path, i), depth+1); err != nil {
				return err
			}
		}
		_, err := dec.Token() // ']'
		return err
	}
	return nil
}

// checkKeysBoth runs both on body (valid JSON) into a value of type t.
func checkKeysBoth(t *testing.T, typ reflect.Type, body []byte) {
	t.Helper()
	want := refCheckKeys(json.NewDecoder(strings.NewReader(string(body))), typ, "", 0)
	got := checkKeys(&keyScanner{data: body}, typ, 0)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("checkKeys %v, Token-based %v, for %s", got, want, body)
	}
}

var checkKeysTypes = []reflect.Type{
	reflect.TypeFor[*ScreenRequest](), reflect.TypeFor[*BatchRequest](), reflect.TypeFor[*screening.Payment](),
	reflect.TypeFor[*report.CompareInput](), reflect.TypeFor[*ReviewRequest](), nil,
}

var checkKeysSeeds = []string{
	`{"id":"c1","name":"Saddam Hussein Al-Tikriti","dob":"1937-04-28"}`,
	`{"name":"Anna Schmidt","country":"DE","ids":[{"type":"passport","number":"X1"},{"type":"id","Number":"2"}]}`,
	`{"name":"!!!"}`, `{"NAME":"x"}`, `{"name":"a","name":"b"}`, `{"n\u0061me":"a","name":"b"}`, `[]`, `null`, `"x"`, `1`,
	`{"parties":[{"name":"Anna"},{"name":"Vladimir Putin","dob":"7.10.1952"},{"name":"x","bogus":1}]}`,
	`{"id":"p","parties":[{"role":"debtor","party":{"name":"Anna","bic":"DEUTDEFF"}}],"text":["for Saddam Hussein"]}`,
	`{"name1":"Putin","name2":"PUTIN, Vladimir","kind":"person"}`, ` { "id" : 7 , "owned" : [ "a" , "b" ] } `,
	`{"ids":[[[[]]]],"id":{"a":{"a":1,"a":2}}}`, `{"é":1}`, `{"\u00e9":1,"é":2}`, "{\"a\xffb\":1}",
	`{"id":{"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k17":17,"k3":0}}`,
	strings.Repeat(`{"a":`, 40) + "1" + strings.Repeat("}", 40),
	`{"ids":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`,
	`{"ids":[{"type":"passport","number":"X1","type":"Y"}]}`, `{"parties":[{},{"name":"a","Name":"b"}]}`,
	`{"id":1e400}`, `[1e999,-1e999,1e308]`, `{"owned":[1,2.5,-0,1E+2]}`,
}

// TestCheckKeysAsBefore: the scanner answers as the json.Decoder-based
// walk did, on the seeds and on random JSON made of their pieces.
func TestCheckKeysAsBefore(t *testing.T) {
	for _, s := range checkKeysSeeds {
		for _, typ := range checkKeysTypes {
			checkKeysBoth(t, typ, []byte(s))
		}
	}
	r := rand.New(rand.NewPCG(13, 5))
	keys := []string{"id", "name", "Name", "ids", "type", "number", "parties", "party", "role", "text", "owned", "x", "é", `\u0069d`, "kind", "name1", "name2"}
	var gen func(depth int) string
	gen = func(depth int) string {
		switch r.IntN(5) {
		case 0, 1:
			if depth > 0 {
				var b strings.Builder
				b.WriteString("{")
				for i := range r.IntN(5) {
					if i > 0 {
						b.WriteString(" ,")
					}
					fmt.Fprintf(&b, "%q:%s", keys[r.IntN(len(keys))], gen(depth-1))
				}
				b.WriteString("}")
				return strings.ReplaceAll(b.String(), `"\\u0069d"`, `"\u0069d"`)
			}
		case 2:
			if depth > 0 {
				var parts []string
				for range r.IntN(4) {
					parts = append(parts, gen(depth-1))
				}
				return "[" + strings.Join(parts, ",") + "]"
			}
		case 3:
			return `"s"`
		}
		return []string{"1", "-2.5e3", "true", "null", `"a\"b"`}[r.IntN(5)]
	}
	for range 20000 {
		body := gen(4)
		if !json.Valid([]byte(body)) {
			t.Fatalf("generator made invalid JSON: %s", body)
		}
		checkKeysBoth(t, checkKeysTypes[r.IntN(len(checkKeysTypes))], []byte(body))
	}
}

func FuzzCheckKeys(f *testing.F) {
	for _, s := range checkKeysSeeds {
		f.Add(uint8(0), []byte(s))
	}
	f.Fuzz(func(t *testing.T, ti uint8, body []byte) {
		if !json.Valid(body) {
			return
		}
		checkKeysBoth(t, checkKeysTypes[int(ti)%len(checkKeysTypes)], body)
	})
}
