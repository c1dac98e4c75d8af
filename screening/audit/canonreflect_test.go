package audit

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"
	"time"
	"unicode/utf8"
)

// Types with every feature of encoding/json the canonWriter follows, and
// some it leaves to json.Marshal.

type textKey string

type zText struct{ S string }

func (z zText) MarshalText() ([]byte, error) { return []byte(z.S), nil }

type ptrMarsh struct{ N int }

func (p *ptrMarsh) MarshalJSON() ([]byte, error) {
	return []byte(` { "n" : ` + strconv.Itoa(p.N) + ` , "a":[ 1 ,"<&>\u2028"] } `), nil
}

type valMarsh int

func (v valMarsh) MarshalJSON() ([]byte, error) {
	switch {
	case v < 0:
		return nil, errors.New("negative")
	case v == 7:
		return []byte(`{"a":1,"a":2}`), nil
	case v == 8:
		return []byte(`"\ud83d\ude00"`), nil
	case v == 9:
		return []byte("\"\xff\""), nil
	}
	return []byte(strconv.Itoa(int(v))), nil
}

type zeroer struct{ A int }

func (z zeroer) IsZero() bool { return z.A == 42 }

type ptrZeroer struct{ A int }

func (z *ptrZeroer) IsZero() bool { return z.A == 42 }

type inner struct {
	X int  `json:"x,omitempty"`
	Y *int `json:"y,omitempty"`
}

type embeds struct {
	inner
	Z int
}

type stringOpt struct {
	N int `json:"n,string"`
}

type clash struct {
	A int
	B int `json:"A"`
}

type rich struct {
	B        bool              `json:"b,omitempty"`
	I8       int8              `json:",omitempty"`
	U16      uint16            `json:"u16"`
	F32      float32           `json:"f32"`
	F64      float64           `json:"f64,omitempty"`
	S        string            `json:"s,omitempty"`
	P        *string           `json:"p,omitempty"`
	PP       **int             `json:"pp"`
	Any      any               `json:"any,omitempty"`
	Sl       []int             `json:"sl,omitempty"`
	Bs       []byte            `json:"bs"`
	Arr      [2]string         `json:"arr"`
	ArrB     [3]byte           `json:"arrb"`
	M        map[string]any    `json:"m,omitempty"`
	MI       map[int]string    `json:"mi"`
	MU       map[uint8]bool    `json:"mu,omitzero"`
	MT       map[textKey]int   `json:"mt,omitempty"`
	T        time.Time         `json:"t,omitzero"`
	TP       *time.Time        `json:"tp,omitempty"`
	Z        zeroer            `json:"z,omitzero"`
	PM       ptrMarsh          `json:"pm"`
	PMP      *ptrMarsh         `json:"pmp"`
	VM       valMarsh          `json:"vm"`
	VMS      []valMarsh        `json:"vms,omitempty"`
	Num      json.Number       `json:"num,omitempty"`
	Raw      json.RawMessage   `json:"raw,omitempty"`
	Weird    int               `json:"a\"b,omitempty"`
	Uni      int               `json:"ünï,omitempty"`
	Amp      string            `json:"x&y<z>"`
	Dash     int               `json:"-"`
	DashName int               `json:"-,"`
	Nested   *rich             `json:"nested,omitempty"`
	Structs  []rich            `json:"structs,omitempty"`
	ByName   map[string]rich   `json:"by_name,omitempty"`
	Odd      any               `json:"odd,omitempty"`
	Ptrs     map[string]*inner `json:"ptrs,omitempty"`
	hidden   int
}

var awkward = []func(r *rand.Rand) any{
	func(*rand.Rand) any { return embeds{inner{1, nil}, 2} },
	func(*rand.Rand) any { return stringOpt{3} },
	func(*rand.Rand) any { return clash{1, 2} },
	func(*rand.Rand) any { return zText{"<t>"} },
	func(*rand.Rand) any { return &ptrZeroer{42} },
	func(*rand.Rand) any {
		return struct {
			P ptrZeroer `json:"p,omitzero"`
		}{ptrZeroer{42}}
	},
	func(*rand.Rand) any { return math.NaN() },
	func(*rand.Rand) any { return float32(math.Inf(1)) },
	func(*rand.Rand) any { return json.Number("1.") },
	func(*rand.Rand) any { return json.Number("") },
	func(*rand.Rand) any { return make(chan int) },
	func(*rand.Rand) any { return map[string]int{"\xff": 1, "\ufffd": 2} },
	func(*rand.Rand) any { return map[bool]int{true: 1} },
	func(*rand.Rand) any { return map[float64]int{1: 1} },
	func(*rand.Rand) any { return json.RawMessage(nil) },
	func(*rand.Rand) any { return [0]int{} },
	func(*rand.Rand) any { var p *ptrMarsh; return p },
	func(*rand.Rand) any { var m json.Marshaler; return []any{m} },
	func(*rand.Rand) any { return time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC) },
	func(r *rand.Rand) any { return genValue(r, 3) },
}

func genRich(r *rand.Rand, depth int) *rich {
	x := &rich{
		B: r.IntN(2) == 0, I8: int8(r.IntN(256) - 128), U16: uint16(r.Uint32()),
		F32: float32(r.NormFloat64() * math.Pow(10, float64(r.IntN(80)-40))),
		F64: hostileFloat(r), S: genString(r), Amp: genString(r),
		Arr: [2]string{genString(r), genString(r)}, ArrB: [3]byte{1, '<', 255},
		PM: ptrMarsh{r.IntN(100)}, VM: valMarsh(r.IntN(7)), Dash: 1, DashName: 2, hidden: 3,
		Weird: r.IntN(2), Uni: r.IntN(2), Z: zeroer{40 + r.IntN(4)},
	}
	if r.IntN(2) == 0 {
		s := genString(r)
		x.P = &s
	}
	if r.IntN(3) == 0 {
		n := r.IntN(3)
		p := &n
		x.PP = &p
	}
	if r.IntN(3) > 0 {
		x.Any = genValue(r, depth-1)
	}
	if r.IntN(2) == 0 {
		x.Sl = make([]int, r.IntN(3))
	}
	if r.IntN(2) == 0 {
		x.Bs = []byte(genString(r))
	}
	if r.IntN(2) == 0 {
		x.M = map[string]any{keyString(r): genValue(r, depth-1), "k": genValue(r, depth-1)}
	}
	if r.IntN(2) == 0 {
		x.MI = map[int]string{-r.IntN(20): genString(r), r.IntN(20): "b"}
	}
	if r.IntN(2) == 0 {
		x.MU = map[uint8]bool{}
		if r.IntN(2) == 0 {
			x.MU[uint8(r.IntN(256))] = true
		}
	}
	if r.IntN(4) == 0 {
		x.MT = map[textKey]int{textKey(keyString(r)): 1}
	}
	if r.IntN(2) == 0 {
		x.T = time.Unix(r.Int64N(1<<35), r.Int64N(1e9)).In(time.FixedZone("", 60*(r.IntN(41)-20)))
	}
	if r.IntN(3) == 0 {
		t := time.Unix(r.Int64N(1<<35), 0)
		x.TP = &t
	}
	if r.IntN(3) == 0 {
		x.PMP = &ptrMarsh{r.IntN(5)}
	}
	if r.IntN(10) == 0 {
		x.VMS = []valMarsh{valMarsh(r.IntN(11) - 1), valMarsh(r.IntN(11))} // errors, duplicates, surrogates
	}
	if r.IntN(3) == 0 {
		x.Num = []json.Number{"0", "-1.5e+300", "123456789012345678901234567890", "1e999"}[r.IntN(4)]
	}
	switch r.IntN(10) {
	case 0:
		x.Raw = json.RawMessage(` {"b" : [ 1 ], "a":"\u003c\ud83d\ude00"} `)
	case 1, 2:
		x.Raw = json.RawMessage(` {"b" : [ 1, -0.0E+1 ], "a":"\u003c\u2028\/"} `)
	}
	if depth > 0 {
		if r.IntN(3) == 0 {
			x.Nested = genRich(r, depth-1)
		}
		if r.IntN(3) == 0 {
			x.Structs = []rich{*genRich(r, depth-1)}
		}
		if r.IntN(3) == 0 {
			x.ByName = map[string]rich{keyString(r): *genRich(r, depth-1)}
		}
		if r.IntN(3) == 0 {
			x.Ptrs = map[string]*inner{"a": {X: r.IntN(2)}, "b": nil}
		}
	}
	if r.IntN(8) == 0 {
		x.Odd = awkward[r.IntN(len(awkward))](r)
	}
	return x
}

// keyString is a map key: mostly valid UTF-8 (encoding/json makes U+FFFD of
// invalid bytes, and so may make two keys one).
func keyString(r *rand.Rand) string {
	s := genString(r)
	if r.IntN(10) > 0 && !utf8.ValidString(s) {
		return "invalid"
	}
	return s
}

func hostileFloat(r *rand.Rand) float64 {
	switch r.IntN(4) {
	case 0:
		return []float64{0, math.Copysign(0, -1), 1e21, 1e-6, 1e-7, 9.999999e20, math.MaxFloat64, math.SmallestNonzeroFloat64, 5e-324}[r.IntN(9)]
	case 1:
		return float64(r.Int64())
	}
	return r.NormFloat64() * math.Pow(10, float64(r.IntN(60)-30))
}

// checkValue compares the canonWriter's direct encoding of v with the
// canonical form of json.Marshal's text, and encodeBody with the parser.
func checkValue(t *testing.T, v any) (direct bool) {
	t.Helper()
	out, ok := appendCanonicalValue([]byte("prefix"), v)
	raw, err := json.Marshal(v)
	if ok {
		if err != nil {
			t.Fatalf("direct encoding of what json.Marshal refuses (%v): %#v", err, v)
		}
		want, err := Canonical(raw)
		if err != nil || !bytes.Equal(out[len("prefix"):], want) {
			t.Fatalf("direct %q, canonical json.Marshal %q (%v)", out[len("prefix"):], want, err)
		}
	}
	// encodeBodyValue is the parser's way, as encodeBody was before.
	got, err1 := encodeBody(v, nil)
	want, _, err2 := encodeBodyValue(v, nil)
	if !bytes.Equal(got, want) || (err1 == nil) != (err2 == nil) || err1 != nil && err1.Error() != err2.Error() {
		t.Fatalf("encodeBody %q, %v; json.Marshal and the parser %q, %v", got, err1, want, err2)
	}
	// The PostgreSQL log's way: the same bytes and index columns.
	gotB, gotV, err1 := encodeIndexed(v, nil)
	wantB, wantV, err2 := encodeBodyValue(v, nil)
	if !bytes.Equal(gotB, wantB) || (err1 == nil) != (err2 == nil) || err1 != nil && err1.Error() != err2.Error() ||
		!reflect.DeepEqual(indexOf(TypeDecision, &gotV), indexOf(TypeDecision, &wantV)) {
		t.Fatalf("encodeIndexed %q, %v; encodeBodyValue %q, %v", gotB, err1, wantB, err2)
	}
	return ok
}

func TestEncodeValue(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 2026))
	direct, n := 0, 0
	for range 3000 {
		x := genRich(r, 2)
		for _, v := range []any{x, *x, []any{*x}, map[string]rich{"k": *x}} {
			n++
			if checkValue(t, v) {
				direct++
			}
		}
	}
	for _, f := range awkward {
		checkValue(t, f(r))
	}
	for _, d := range realDecisions(t, 300) {
		n++
		if !checkValue(t, d) {
			t.Errorf("a real decision body was not encoded directly: %+v", d)
		}
	}
	for _, d := range pgDecisions(t, 100) {
		n++
		if !checkValue(t, d) {
			t.Errorf("a decision body for PostgreSQL was not encoded directly: %+v", d)
		}
	}
	t.Logf("%d of %d values encoded directly", direct, n)
	if direct < n/3 {
		t.Errorf("only %d of %d values encoded directly", direct, n)
	}
}

// FuzzEncodeValue checks generated values, the generator driven by the
// fuzzer's seeds.
func FuzzEncodeValue(f *testing.F) {
	f.Add(uint64(1), uint64(2))
	f.Add(uint64(13), uint64(2026))
	f.Fuzz(func(t *testing.T, s1, s2 uint64) {
		r := rand.New(rand.NewPCG(s1, s2))
		x := genRich(r, 3)
		checkValue(t, x)
		checkValue(t, *x)
	})
}
