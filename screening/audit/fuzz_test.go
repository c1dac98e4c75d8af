package audit

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"testing"
)

// fuzzSeedLog returns a clean log of real decisions plus the raw text of a
// real SWIFT MT101 message, for seeding the fuzzers.
func fuzzSeedLog(f *testing.F) []byte {
	mt, err := os.ReadFile("../../testdata/payments/swift_mt_prowide-core/MT101.fin")
	if err != nil {
		f.Fatal(err)
	}
	m := NewMemory(WithClock(fixedClock()))
	for _, d := range realDecisions(f, 4) {
		d.Note = "" // long remarks make inputs slow to minimise
		m.Append(ctx, TypeDecision, d)
	}
	m.Append(ctx, TypeListsLoaded, map[string]any{"message": string(mt), "sources": []string{"un"}})
	m.Append(ctx, TypeReview, json.RawMessage(`{"decision":3,"by":"alice","ok":true,"n":1e3}`))
	var b bytes.Buffer
	m.WriteTo(&b)
	return b.Bytes()
}

func FuzzVerify(f *testing.F) {
	log := fuzzSeedLog(f)
	lines := bytes.SplitAfter(log, []byte("\n"))
	f.Add(log)
	f.Add(log[:len(log)-7])                                            // torn
	f.Add(bytes.Join(append([][]byte{lines[1]}, lines[0]), nil))       // swapped
	f.Add(bytes.Replace(log, []byte(`"seq":3`), []byte(`"seq":4`), 1)) // seq edit
	f.Add([]byte("\n\n{}\n"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := Verify(bytes.NewReader(data))
		if rep.Size > int64(len(data)) {
			t.Fatalf("Size %d > %d", rep.Size, len(data))
		}
		if err != nil {
			var te *TamperError
			if !errors.As(err, &te) {
				t.Fatalf("error is not a TamperError: %v", err)
			}
			if te.Offset != rep.Size || te.Line != int(rep.Records)+1 {
				t.Fatalf("first bad record at line %d byte %d, but %d good records end at %d", te.Line, te.Offset, rep.Records, rep.Size)
			}
			return
		}
		if rep.Torn == nil && rep.Size != int64(len(data)) {
			t.Fatalf("clean log of %d bytes, valid prefix %d", len(data), rep.Size)
		}
		if rep.Torn != nil && rep.Torn.Offset+rep.Torn.Size != int64(len(data)) {
			t.Fatalf("torn tail %+v does not end the %d bytes", rep.Torn, len(data))
		}
		// Reading only the tail finds the same head and torn tail.
		tail, err := readTail(bytes.NewReader(data), int64(len(data)))
		if err != nil || tail.Records != rep.Records || tail.Head.Hash != rep.Head.Hash || tail.Size != rep.Size ||
			(tail.Torn == nil) != (rep.Torn == nil) || (tail.Torn != nil && *tail.Torn != *rep.Torn) {
			t.Fatalf("readTail %+v, %v; Verify %+v", tail, err, rep)
		}
		// The valid prefix verifies on its own, to the same head.
		again, err := Verify(bytes.NewReader(data[:rep.Size]))
		if err != nil || again.Torn != nil || again.Records != rep.Records || again.Head.Hash != rep.Head.Hash {
			t.Fatalf("prefix: %+v, %v; full: %+v", again, err, rep)
		}
		// Every record read back re-encodes to a line that verifies.
		var b []byte
		for r, err := range Records(bytes.NewReader(data[:rep.Size])) {
			if err != nil {
				t.Fatal(err)
			}
			b = appendLine(b, &r)
		}
		if rep2, err := Verify(bytes.NewReader(b)); err != nil || rep2.Head.Hash != rep.Head.Hash {
			t.Fatalf("re-encoded: %+v, %v", rep2, err)
		}
	})
}

func FuzzCanonical(f *testing.F) {
	for _, l := range bytes.SplitAfter(fuzzSeedLog(f), []byte("\n")) {
		f.Add(l)
	}
	f.Add([]byte(`{"b":[1.0,-0,1E+2,"\u00e9\ud83d\ude00\u2028<>&"],"a":{"":null}}`))
	f.Add([]byte(`{"a":1,"a":2}`))
	red, err := NewRedactor([]byte("0123456789abcdef"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := Canonical(data)
		if err != nil {
			return
		}
		if !json.Valid(out) {
			t.Fatalf("invalid JSON out: %q", out)
		}
		again, err := Canonical(out)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("not idempotent: %q -> %q (%v)", out, again, err)
		}
		var a, b any
		da := json.NewDecoder(bytes.NewReader(data))
		da.UseNumber()
		db := json.NewDecoder(bytes.NewReader(out))
		db.UseNumber()
		if da.Decode(&a) != nil || db.Decode(&b) != nil || !reflect.DeepEqual(a, b) {
			t.Fatalf("meaning changed: %q -> %q", data, out)
		}
		r1, err := red.Redact(out)
		if err != nil {
			t.Fatal(err)
		}
		r2, err := red.Redact(r1)
		if err != nil || !bytes.Equal(r1, r2) {
			t.Fatalf("redaction not idempotent: %q -> %q", r1, r2)
		}
	})
}

// FuzzParseJSON checks the package's JSON parser against refParseJSON,
// which is built on encoding/json's tokenizer: both must accept the same
// inputs and give the same canonical encoding.
func FuzzParseJSON(f *testing.F) {
	for _, l := range bytes.SplitAfter(fuzzSeedLog(f), []byte("\n")) {
		f.Add(l)
	}
	for _, s := range []string{
		`"\ud83d\ude00"`, `"\ud83d"`, `"\ud83d\u0041"`, `"\ude00\ud83d"`, `"\ud83d\ud83d\ude00"`,
		`"\u00"`, `"\x"`, "\"a\tb\"", `[1,2`, `{"a" 1}`, `-`, `-01`, `1.`, `1e`, `1e+`, `0.5E-7`,
		`tru`, `nul`, `{"a":1,}`, ` {"":{"":[]}} `, `"\/"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err1 := parseJSON(data)
		want, err2 := refParseJSON(data)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("parseJSON error %v, encoding/json-based error %v, for %q", err1, err2, data)
		}
		if err1 != nil {
			return
		}
		if g, w := got.appendCanonical(nil), want.appendCanonical(nil); !bytes.Equal(g, w) {
			t.Fatalf("canonical %q, reference %q, for %q", g, w, data)
		}
	})
}
