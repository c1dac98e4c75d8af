package audit

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// checkFast compares the one-pass canonWriter with the parser on data:
// whatever the writer accepts it encodes exactly as the parser does, and
// it leaves to the parser only errors and surrogate escapes.
func checkFast(t *testing.T, data []byte) (fell bool) {
	t.Helper()
	fast, ok := appendCanonicalFast([]byte("prefix"), data)
	slow, err := Canonical(data)
	switch {
	case ok && err != nil:
		t.Fatalf("canonWriter accepts what the parser refuses (%v): %q", err, data)
	case ok && !bytes.Equal(fast[len("prefix"):], slow):
		t.Fatalf("canonWriter %q, parser %q, for %q", fast[len("prefix"):], slow, data)
	case !ok && err == nil && !maySurrogate(data):
		t.Fatalf("canonWriter refuses what the parser takes: %q", data)
	}
	return !ok
}

// maySurrogate reports whether data may hold a \uD800-\uDFFF escape.
func maySurrogate(data []byte) bool {
	return bytes.Contains(bytes.ToLower(data), []byte(`\ud`))
}

func TestCanonicalFast(t *testing.T) {
	fell := 0
	bodies := goldenBodies(t)
	for _, b := range bodies {
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		if checkFast(t, raw) {
			fell++
		}
		// The same through encodeBody, as Append takes it.
		got, err1 := encodeBody(b, nil)
		want, _, err2 := canonicalBody(raw, nil)
		if !bytes.Equal(got, want) || (err1 == nil) != (err2 == nil) || err1 != nil && err1.Error() != err2.Error() {
			t.Fatalf("encodeBody %q, %v; parser %q, %v", got, err1, want, err2)
		}
	}
	t.Logf("%d of %d bodies fell back to the parser", fell, len(bodies))
	// Records with a surrogate pair in a RawMessage, and the duplicate
	// keys encoding/json makes of invalid UTF-8 keys, take the parser.
	if fell > len(bodies)/5 {
		t.Errorf("%d of %d bodies fell back to the parser", fell, len(bodies))
	}
	for _, s := range []string{
		`{"b":[1.0,-0,1E+2,"\u00e9\ud83d\ude00\u2028<>&"],"a":{"":null}}`, `{"a":1,"a":2}`, `{"a":1,"b":{"a":1,"a":2}}`,
		`{"\u0061":1,"a":2}`, `{"\u00e9":1,"é":2}`, `{"\n":1,"\\":2,"\"":3," ":4,"":5}`, ` [ 1 , { } , [ ] , "" ] `,
		`"\ud83d"`, `"\u00"`, `"\x"`, "\"a\tb\"", `[1,2`, `{"a" 1}`, `-`, `-01`, `1.`, `1e`, `1e+`, `0.5E-7`,
		`tru`, `nul`, `{"a":1,}`, `{"a":1}x`, "\"\xff\"", `"\u001f\u0000\u007f\u2028\u2029\u003c\/"`,
		strings.Repeat("[", maxDepth) + strings.Repeat("]", maxDepth),
		strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1),
		strings.Repeat(`{"a":`, maxDepth) + "1" + strings.Repeat("}", maxDepth),
		strings.Repeat(`{"a":`, maxDepth+1) + "1" + strings.Repeat("}", maxDepth+1),
	} {
		checkFast(t, []byte(s))
	}
	// Objects with more members than the parser checks by scanning.
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		m := map[string]int{}
		for i := range 40 {
			m[genString(r)] = i
		}
		raw, _ := json.Marshal(m)
		checkFast(t, raw)
		checkFast(t, bytes.Replace(raw, []byte(`,`), []byte(`,"":0,`), 1))
	}
}

// FuzzCanonicalFast checks the canonWriter against the parser on any
// input, and on the canonical encoding of what the parser takes.
func FuzzCanonicalFast(f *testing.F) {
	for _, l := range bytes.SplitAfter(fuzzSeedLog(f), []byte("\n")) {
		f.Add(l)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		raw, _ := json.Marshal(genValue(r, 3))
		f.Add(raw)
	}
	f.Add([]byte(`{"b":[1.0,-0,1E+2,"\u00e9\ud83d\ude00\u2028<>&"],"a":{"":null}}`))
	f.Add([]byte(`{"a":1,"a":2}`))
	f.Add([]byte("{\"\\u003c\":\"\xff\",\"<\":0}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFast(t, data)
		if out, err := Canonical(data); err == nil {
			checkFast(t, out)
		}
	})
}
