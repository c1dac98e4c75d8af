package ofac

import (
	"bytes"
	"errors"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// cutAtLine returns the first n lines of b: a cut at a line end, which no
// CSV syntax check can see.
func cutAtLine(b []byte, n int) []byte {
	off := 0
	for i := 0; i < n; i++ {
		off += bytes.IndexByte(b[off:], '\n') + 1
	}
	return b[:off]
}

// TestCutCSVRefused: a real sdn.csv or alt.csv cut at a line end loaded as
// a shorter list (issue 9: Putin gone after 792 lines; 9,800 aliases gone
// from a cut alt.csv). OFAC ends those files with 0x1A; without it the set
// is refused.
func TestCutCSVRefused(t *testing.T) {
	sdn, err := os.ReadFile(td + "/csv_set_2021-07/sdn.csv")
	if err != nil {
		t.Fatal(err)
	}
	alt, err := os.ReadFile(td + "/csv_set_2021-07/alt.csv")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := ParseCSV(bytes.NewReader(sdn), nil, bytes.NewReader(alt), nil); err != nil {
		t.Fatalf("whole files: %v", err)
	}
	_, _, err = ParseCSV(bytes.NewReader(cutAtLine(sdn, 792)), nil, nil, nil)
	var pe *ParseError
	if !errors.Is(err, ErrNoEndMarker) || !errors.As(err, &pe) || pe.File != "sdn.csv" || pe.Line != 793 {
		t.Errorf("sdn.csv cut after 792 lines: %v", err)
	}
	_, _, err = ParseCSV(bytes.NewReader(sdn), nil, bytes.NewReader(cutAtLine(alt, 1000)), nil)
	if !errors.Is(err, ErrNoEndMarker) || !errors.As(err, &pe) || pe.File != "alt.csv" {
		t.Errorf("alt.csv cut after 1000 lines: %v", err)
	}
	// The consolidated twins carry the marker too.
	prim, err := os.ReadFile(td + "/cons_csv_2025-12/cons_prim.csv")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := ParseConsCSV(bytes.NewReader(cutAtLine(prim, 100)), nil, nil, nil); !errors.Is(err, ErrNoEndMarker) {
		t.Errorf("cons_prim.csv cut: %v", err)
	}
}

// TestCommentsWithoutMarkerWarns: the real sdn_comments.csv of 2021-07 has
// no 0x1A; it loads, with a warning in the provenance.
func TestCommentsWithoutMarkerWarns(t *testing.T) {
	open := func(n string) *os.File {
		f, err := os.Open(td + "/csv_set_2021-07/" + n)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	_, prov, err := ParseCSV(open("sdn.csv"), open("add.csv"), open("alt.csv"), open("sdn_comments.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(prov.Warnings) != 1 || !strings.Contains(prov.Warnings[0], "sdn_comments.csv") || !strings.Contains(prov.Warnings[0], "0x1A") {
		t.Errorf("warnings %q", prov.Warnings)
	}
	_, prov, err = ParseCSV(open("sdn.csv"), nil, nil, nil)
	if err != nil || len(prov.Warnings) != 0 {
		t.Errorf("sdn.csv alone: %v, warnings %q", err, prov.Warnings)
	}
}

// TestXMLWithoutRecordCount: an sdnList without Record_Count cannot show it
// is complete: it is a RecordCountError (Stated -1), which a caller may
// accept as an excerpt, never loaded as complete by default.
func TestXMLWithoutRecordCount(t *testing.T) {
	b, err := os.ReadFile(td + "/cons_xml_2025-03-28/consolidated.xml")
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(b, []byte("<Record_Count>")), bytes.Index(b, []byte("</Record_Count>"))
	if i < 0 || j < i {
		t.Fatal("no Record_Count in the real file")
	}
	cut := append(append([]byte(nil), b[:i]...), b[j+len("</Record_Count>"):]...)
	ents, _, err := ParseXML(bytes.NewReader(cut))
	var rc *RecordCountError
	if !errors.As(err, &rc) || rc.Stated != -1 || rc.Read != 443 || len(ents) != 443 || !strings.Contains(err.Error(), "no Record_Count") {
		t.Errorf("without Record_Count: %d entities, %v", len(ents), err)
	}
}

// repeatReader yields n bytes of c without holding them.
type repeatReader struct {
	c byte
	n int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), r.n)]
	for i := range p {
		p[i] = r.c
	}
	r.n -= int64(len(p))
	return len(p), nil
}

// TestXMLHugeTextNode: a 300 MB text node was held whole (13-20 s, ~1 GB);
// it is refused after MaxFieldBytes plus a little read-ahead.
func TestXMLHugeTextNode(t *testing.T) {
	head := "<sdnList><publshInformation><Record_Count>1</Record_Count></publshInformation><sdnEntry><uid>1</uid><lastName>"
	src := &repeatReader{c: 'A', n: 300 << 20}
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	start := time.Now()
	_, _, err := ParseXML(io.MultiReader(strings.NewReader(head), src))
	took := time.Since(start)
	runtime.ReadMemStats(&ms1)
	if !errors.Is(err, ErrFieldTooLong) || !strings.Contains(err.Error(), "lastName") {
		t.Fatalf("err %v", err)
	}
	if read := (300 << 20) - src.n; read > 4*MaxFieldBytes {
		t.Errorf("read %d bytes of the text node before refusing it", read)
	}
	if alloc := ms1.TotalAlloc - ms0.TotalAlloc; alloc > 64<<20 {
		t.Errorf("allocated %d MiB", alloc>>20)
	}
	t.Logf("refused in %v", took)
}
