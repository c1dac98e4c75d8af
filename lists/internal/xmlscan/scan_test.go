package xmlscan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
)

// testError is what NewError builds in these tests.
type testError struct {
	Offset int64
	Line   int
	Record string
	Err    error
}

func (e *testError) Error() string { return Message("t", e.Offset, e.Line, e.Record, e.Err) }
func (e *testError) Unwrap() error { return e.Err }

func newTestError(offset int64, line int, record string, err error) error {
	return &testError{offset, line, record, err}
}

// testFormat is a two-level outline like the UN list's: <list
// made="..."><group><rec>...</rec></group></list>.
func testFormat() *Format {
	return &Format{
		Root: "list", Name: "a test list", Published: "made",
		RecordDepth: 2, Records: []string{"rec", "other"},
		MaxFileBytes: 1 << 20, MaxRecordBytes: 4 << 10, MaxDepth: 6,
		NewError: newTestError,
	}
}

type rec struct {
	ID   string `xml:"id,attr"`
	Name string `xml:"name"`
}

// scan reads every record of in and returns their ids, or the first error.
func scan(f *Format, in string) ([]string, time.Time, error) {
	s := New(strings.NewReader(in), f)
	var ids []string
	for s.Next() {
		var r rec
		if err := s.Decode(&r, "rec "+r.ID); err != nil {
			return ids, s.Published(), err
		}
		ids = append(ids, s.Element().Name.Local+":"+r.ID)
	}
	return ids, s.Published(), s.Err()
}

func TestScanOutline(t *testing.T) {
	in := `<?xml version="1.0"?>
<!-- comment before the root -->
<list made="2026-08-01T23:00:03.110Z">
  <group><rec id="1"><name>A</name><rec id="nested"/></rec><note>text</note><rec id="2"/></group>
  <rec id="too-shallow"/>
  <group><sub><rec id="too-deep"/></sub><other id="3"/></group>
</list>
`
	ids, pub, err := scan(testFormat(), in)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids, " "); got != "rec:1 rec:2 other:3" {
		t.Errorf("records %q, want only those at depth 2", got)
	}
	if want := time.Date(2026, 8, 1, 23, 0, 3, 110e6, time.UTC); !pub.Equal(want) {
		t.Errorf("published %v, want %v", pub, want)
	}
}

func TestScanOffsets(t *testing.T) {
	in := `<list made="2026-01-01T00:00:00Z"><g><rec id="1"/><rec id="2"/></g></list>`
	s := New(strings.NewReader(in), testFormat())
	var offs []int64
	for s.Next() {
		offs = append(offs, s.Offset())
		if err := s.Decode(new(rec), ""); err != nil {
			t.Fatal(err)
		}
	}
	if s.Err() != nil || len(offs) != 2 || offs[0] != int64(strings.Index(in, `<rec id="1"`)) || offs[1] != int64(strings.Index(in, `<rec id="2"`)) {
		t.Errorf("offsets %v, err %v", offs, s.Err())
	}
	if s.Next() {
		t.Error("Next after the end returned true")
	}
}

// A record the caller passes over is walked into like a container, under
// the depth cap.
func TestScanWithoutDecode(t *testing.T) {
	f := testFormat()
	in := `<list made="2026-01-01T00:00:00Z"><g><rec id="1"><x><y/></x></rec><rec id="2"/></g></list>`
	s := New(strings.NewReader(in), f)
	n := 0
	for s.Next() {
		n++
	}
	if s.Err() != nil || n != 2 {
		t.Errorf("%d records, err %v", n, s.Err())
	}
	deep := `<list made="2026-01-01T00:00:00Z"><g><rec>` + strings.Repeat("<x>", 10) + strings.Repeat("</x>", 10) + `</rec></g></list>`
	s = New(strings.NewReader(deep), f)
	for s.Next() {
	}
	if !errors.Is(s.Err(), lists.ErrTooLarge) || !strings.Contains(s.Err().Error(), "nested deeper than 6") {
		t.Errorf("error %v", s.Err())
	}
}

func TestDecodeWithoutNext(t *testing.T) {
	s := New(strings.NewReader(`<list made="2026-01-01T00:00:00Z"/>`), testFormat())
	if err := s.Decode(new(rec), ""); err == nil {
		t.Fatal("Decode before Next succeeded")
	}
	if s.Next() || s.Err() != nil {
		t.Errorf("empty list: err %v", s.Err())
	}
}

func TestScanErrors(t *testing.T) {
	big := strings.Repeat("a", 5<<10)              // over the cap, within the read-ahead slack
	huge := strings.Repeat("a", 4<<10+ReadAhead+1) // past the slack too
	for _, tc := range []struct {
		name, in, want string
		is             error
	}{
		{"empty", "", "t: byte 0 (line 1): no complete <list> element: unexpected EOF", io.ErrUnexpectedEOF},
		{"wrong root", `<export/>`, "t: byte 9 (line 1): not a test list: root element is <export>, want <list>", nil},
		{"no date", `<list/>`, "t: byte 7 (line 1): <list> has no made attribute", nil},
		{"bad date", `<list made="soon"/>`, `t: byte 19 (line 1): made "soon": parsing time`, nil},
		{"doctype", `<!DOCTYPE list><list made="2026-01-01T00:00:00Z"/>`, "t: byte 15 (line 1): DOCTYPE", lists.ErrDoctype},
		{"text outside", `hello`, "text outside the root element", nil},
		{"second root", `<list made="2026-01-01T00:00:00Z"/><list/>`, "element <list> after the root element closed", nil},
		{"record too big", `<list made="2026-01-01T00:00:00Z"><g><rec id="1"><name>` + big + `</name></rec></g></list>`, "rec : input exceeds a size cap: record is larger than 4096 bytes", lists.ErrTooLarge},
		{"record far too big", `<list made="2026-01-01T00:00:00Z"><g><rec id="1"><name>` + huge + `</name></rec></g></list>`, "rec : input exceeds a size cap: record or token is larger than 4096 bytes", lists.ErrTooLarge},
		{"token too big", `<list made="2026-01-01T00:00:00Z"><g>` + huge + `</g></list>`, "input exceeds a size cap: record or token is larger than 4096 bytes", lists.ErrTooLarge},
		{"bad record", `<list made="2026-01-01T00:00:00Z"><g><rec><name>x</nome></rec></g></list>`, "(line 1), rec : XML syntax error", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := scan(testFormat(), tc.in)
			var te *testError
			if !errors.As(err, &te) {
				t.Fatalf("error %T %v, want a *testError", err, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want %q", err, tc.want)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
		})
	}
}

// A record just under the cap passes even though the decoder's buffer has
// read ahead of it; one byte over, it fails.
func TestRecordCapIsExact(t *testing.T) {
	f := testFormat()
	head := `<list made="2026-01-01T00:00:00Z"><g>`
	for _, tc := range []struct {
		extra int
		ok    bool
	}{{0, true}, {1, false}} {
		open, close := `<rec id="1"><name>`, `</name></rec>`
		pad := int(f.MaxRecordBytes) - len(open) - len(close) + tc.extra
		in := head + open + strings.Repeat("a", pad) + close + `</g></list>`
		_, _, err := scan(f, in)
		if (err == nil) != tc.ok {
			t.Errorf("record of %d bytes: error %v", f.MaxRecordBytes+int64(tc.extra), err)
		}
	}
}

func TestFileCap(t *testing.T) {
	f := testFormat()
	f.MaxFileBytes = 10 << 10
	var b strings.Builder
	b.WriteString(`<list made="2026-01-01T00:00:00Z"><g>`)
	for i := 0; b.Len() < 20<<10; i++ {
		fmt.Fprintf(&b, `<rec id="%d"><name>n</name></rec>`, i)
	}
	b.WriteString(`</g></list>`)
	cr := &countReader{r: strings.NewReader(b.String())}
	s := New(cr, f)
	for s.Next() {
		if err := s.Decode(new(rec), ""); err != nil {
			break
		}
	}
	err := s.Err()
	if !errors.Is(err, lists.ErrTooLarge) || !strings.Contains(err.Error(), "file is larger than 10240 bytes") {
		t.Errorf("error %v", err)
	}
	if cr.n > f.MaxFileBytes+1 {
		t.Errorf("read %d bytes, cap %d", cr.n, f.MaxFileBytes)
	}
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n += int64(k)
	return k, err
}

func TestMessage(t *testing.T) {
	cause := errors.New("cause")
	for _, tc := range []struct {
		line   int
		record string
		want   string
	}{
		{0, "", "eu: byte 12: cause"},
		{3, "", "eu: byte 12 (line 3): cause"},
		{3, "sanctionEntity #1 at byte 5", "eu: byte 12 (line 3), sanctionEntity #1 at byte 5: cause"},
		{0, "INDIVIDUAL #2", "eu: byte 12, INDIVIDUAL #2: cause"},
	} {
		if got := Message("eu", 12, tc.line, tc.record, cause); got != tc.want {
			t.Errorf("Message = %q, want %q", got, tc.want)
		}
	}
}

func TestParseDateTime(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2018-12-21T14:39:54.511+01:00", time.Date(2018, 12, 21, 14, 39, 54, 511e6, time.FixedZone("", 3600)), true},
		{" 2026-08-01T23:00:03.110Z ", time.Date(2026, 8, 1, 23, 0, 3, 110e6, time.UTC), true},
		{"2024-01-02T03:04:05", time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), true},
		{"2024-01-02", time.Time{}, false},
		{"yesterday", time.Time{}, false},
	} {
		got, err := parseDateTime(tc.in)
		if (err == nil) != tc.ok || !got.Equal(tc.want) {
			t.Errorf("parseDateTime(%q) = %v, %v", tc.in, got, err)
		}
	}
}

func TestFields(t *testing.T) {
	f := Fields{Max: 12}
	if got := f.Text("a", " x \n  y "); got != "x y" {
		t.Errorf("Text = %q", got)
	}
	if got := f.Raw("b", " line\nbreak "); got != "line\nbreak" {
		t.Errorf("Raw = %q", got)
	}
	if f.Err() != nil {
		t.Fatal(f.Err())
	}
	if got := f.Raw("first", strings.Repeat("r", 13)); got != "" {
		t.Errorf("Raw over Max = %q", got)
	}
	if got := f.Text("second", strings.Repeat("t", 14)); got != "" {
		t.Errorf("Text over Max = %q", got)
	}
	if err := f.Err(); !errors.Is(err, lists.ErrTooLarge) || err.Error() != "input exceeds a size cap: first is 13 bytes, over 12" {
		t.Errorf("Err = %v, want the first field over Max", err)
	}
	if got := f.Text("c", "still read"); got != "still read" {
		t.Errorf("Text after a failure = %q", got)
	}
}

func ExampleScanner() {
	in := `<list made="2026-08-01T23:00:03Z"><people>
  <person id="1"><name>Ali  Hassan</name></person>
  <person id="2"><name>Иван Петров</name></person>
</people></list>`
	format := &Format{
		Root: "list", Name: "a people list", Published: "made",
		RecordDepth: 2, Records: []string{"person"},
		MaxFileBytes: 1 << 20, MaxRecordBytes: 64 << 10, MaxDepth: 8,
		NewError: func(offset int64, line int, record string, err error) error {
			return errors.New(Message("people", offset, line, record, err))
		},
	}
	s := New(strings.NewReader(in), format)
	for s.Next() {
		var p struct {
			ID   string `xml:"id,attr"`
			Name string `xml:"name"`
		}
		if err := s.Decode(&p, fmt.Sprintf("person at byte %d", s.Offset())); err != nil {
			fmt.Println(err)
			return
		}
		f := Fields{Max: 100}
		fmt.Println(p.ID, f.Text("name", p.Name))
	}
	if err := s.Err(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Published().Format(time.DateOnly))
	// Output:
	// 1 Ali Hassan
	// 2 Иван Петров
	// 2026-08-01
}

// FuzzScanner runs the scanner with small caps, so that the fuzzer reaches
// every cap, over excerpts of the real UN list.
func FuzzScanner(f *testing.F) {
	real, err := os.ReadFile("../../../testdata/un/consolidated_2026-08-01.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(real[:6000])
	i := bytes.Index(real, []byte("<ENTITIES>"))
	f.Add(append(append([]byte{}, real[:300]...), real[i:i+4000]...))
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY a "aaaa">]><CONSOLIDATED_LIST dateGenerated="2026-08-01T00:00:00Z"/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		format := &Format{
			Root: "CONSOLIDATED_LIST", Name: "a UN list", Published: "dateGenerated",
			RecordDepth: 2, Records: []string{"INDIVIDUAL", "ENTITY"},
			MaxFileBytes: 16 << 10, MaxRecordBytes: 2 << 10, MaxDepth: 5,
			NewError: newTestError,
		}
		cr := &countReader{r: bytes.NewReader(data)}
		s := New(cr, format)
		last := int64(-1)
		for s.Next() {
			off := s.Offset()
			if off <= last || off > int64(len(data)) {
				t.Fatalf("record at %d after one at %d (input %d bytes)", off, last, len(data))
			}
			last = off
			var r struct {
				Ref   string   `xml:"REFERENCE_NUMBER"`
				Names []string `xml:"INDIVIDUAL_ALIAS>ALIAS_NAME"`
			}
			if err := s.Decode(&r, "record"); err != nil {
				break
			}
			if s.d.InputOffset()-off > format.MaxRecordBytes {
				t.Fatalf("record of %d bytes decoded", s.d.InputOffset()-off)
			}
		}
		if err := s.Err(); err != nil {
			var te *testError
			if !errors.As(err, &te) || te.Offset < 0 {
				t.Fatalf("error %T %v", err, err)
			}
		}
		if cr.n > format.MaxFileBytes+1 {
			t.Fatalf("read %d bytes past the file cap", cr.n)
		}
	})
}
