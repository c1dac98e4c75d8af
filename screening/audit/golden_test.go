package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// hostileRecord has keys encoding/json escapes (its tags allow '&', '<'
// and '>'), fields it leaves out and fields it encodes specially.
type hostileRecord struct {
	Amp     string          `json:"a&b"`
	Lt      any             `json:"<x>,omitempty"`
	Zed     float64         `json:"zed"`
	Alpha   []any           `json:"alpha"`
	Raw     json.RawMessage `json:"raw,omitempty"`
	Bytes   []byte          `json:"bytes,omitempty"`
	When    time.Time       `json:"when"`
	Big     uint64          `json:"big,string"`
	Skipped string          `json:"-"`
	Nested  *hostileRecord  `json:"nested,omitempty"`
	Map     map[string]any  `json:"map,omitempty"`
}

// hostileStrings are the pieces genString joins: what encoding/json and
// the canonical form escape differently, and what they must agree on.
var hostileStrings = []string{
	"", "a", "Zürich", "Müller & Söhne <GmbH>", "\u2028", "\u2029", "<", ">", "&", `"`, `\`, "/",
	"\x00", "\x01", "\x1f", "\x7f", "\b\f\n\r\t", "\xff", "\xed\xa0\x80", "\xc3", "\xe2\x80", "\ufffd",
	"😀", "محمد", "Ли Вэй", "金正恩", "\u0000\u2028<\\u003c>", `\u003c`, "hmac-sha256:" + strings.Repeat("a", 64),
}

func genString(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(4) {
		b.WriteString(hostileStrings[r.IntN(len(hostileStrings))])
	}
	return b.String()
}

var hostileNumbers = []any{
	0, -1, math.MaxInt64, math.MinInt64, uint64(math.MaxUint64), 0.1, -0.0, 1e20, 1e21, 1e-6, 1e-7, 1e300, -1e-300,
	math.MaxFloat64, math.SmallestNonzeroFloat64, float32(3.4e38), float32(0.1), 123456789.125,
	json.Number("123456789012345678901234567890"), json.Number("-0.000e+00"), json.Number("1E400"),
}

// genValue returns a random JSON-able value at most depth levels deep.
func genValue(r *rand.Rand, depth int) any {
	n := 8
	if depth <= 0 {
		n = 5
	}
	switch r.IntN(n) {
	case 0:
		return genString(r)
	case 1:
		return hostileNumbers[r.IntN(len(hostileNumbers))]
	case 2:
		return r.IntN(2) == 0
	case 3:
		return nil
	case 4:
		return r.NormFloat64() * math.Pow(10, float64(r.IntN(40)-20))
	case 5:
		a := make([]any, r.IntN(4))
		for i := range a {
			a[i] = genValue(r, depth-1)
		}
		return a
	case 6:
		m := map[string]any{}
		for range r.IntN(6) {
			m[genString(r)] = genValue(r, depth-1)
		}
		return m
	default:
		return genHostile(r, depth-1)
	}
}

func genHostile(r *rand.Rand, depth int) *hostileRecord {
	h := &hostileRecord{
		Amp:     genString(r),
		Zed:     r.Float64(),
		When:    time.Unix(r.Int64N(1<<37), r.Int64N(1e9)).In(time.FixedZone("x", 3600*(r.IntN(25)-12))),
		Big:     r.Uint64(),
		Skipped: "never",
	}
	if r.IntN(2) == 0 {
		h.Lt = genValue(r, depth-1)
	}
	for range r.IntN(3) {
		h.Alpha = append(h.Alpha, genValue(r, depth-1))
	}
	switch r.IntN(4) {
	case 0:
		h.Raw = json.RawMessage(" {\"z\" : [1, 2.50, -0] ,\n\"a\":\"\\u00e9\\/\\ud83d\\ude00<\"} ")
	case 1:
		h.Raw = json.RawMessage(`"\u2028\u0026"`)
	}
	if r.IntN(3) == 0 {
		h.Bytes = []byte(genString(r))
	}
	if depth > 0 && r.IntN(3) == 0 {
		h.Nested = genHostile(r, depth-1)
	}
	if r.IntN(2) == 0 {
		h.Map = map[string]any{genString(r): genValue(r, depth-1), "Map": 1}
	}
	return h
}

// goldenBodies are the bodies of the golden log: real decisions and
// generated hostile values, the same on every run.
func goldenBodies(tb testing.TB) []any {
	var out []any
	for _, d := range realDecisions(tb, 300) {
		out = append(out, d)
	}
	r := rand.New(rand.NewPCG(13, 2026))
	for range 3000 {
		out = append(out, genValue(r, 4))
	}
	return out
}

// goldenLogHash is the SHA-256 of the golden log as the parser-based
// encoder (before the one-pass canonWriter) wrote it.
const goldenLogHash = "92c0596f93653c5f902942c99557a26dd5b3a481728910c63f9c771a59c4b934"

// TestEncodingUnchanged: the bytes of a log of real and hostile records
// are exactly what they were when records were encoded by parsing, so
// existing logs keep verifying and new ones hash the same way.
func TestEncodingUnchanged(t *testing.T) {
	m := NewMemory(WithClock(fixedClock()))
	var errs bytes.Buffer
	for i, b := range goldenBodies(t) {
		if _, err := m.Append(ctx, TypeDecision, b); err != nil {
			fmt.Fprintf(&errs, "%d: %v\n", i, err) // duplicate keys after encoding/json's coercion to UTF-8
		}
	}
	var buf bytes.Buffer
	m.WriteTo(&buf)
	n := buf.Len()
	buf.Write(errs.Bytes())
	sum := sha256.Sum256(buf.Bytes())
	if got := hex.EncodeToString(sum[:]); got != goldenLogHash {
		t.Fatalf("log of %d bytes and %d bytes of errors hash to %s, want %s", n, errs.Len(), got, goldenLogHash)
	}
}
