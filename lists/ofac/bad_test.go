package ofac

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

const row1 = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
const row2 = "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'.\"\r\n"

func TestBadCSV(t *testing.T) {
	big := strings.Repeat("x", MaxFieldBytes+1)
	for _, c := range []struct {
		name          string
		sdn, alt      string
		want          error
		line          int
		ent, file, in string
	}{
		{name: "non-ASCII", sdn: row1 + strings.Replace(row2, "NACIONAL", "NACI\xd3NAL", 1) + "\x1a", want: ErrNotASCII, line: 2, ent: "306", file: "sdn.csv"},
		{name: "control byte", sdn: row1 + "\x00" + row2, want: ErrNotASCII, line: 2},
		{name: "too few columns", sdn: row1 + "306,\"BANCO\",-0- ,\"CUBA\"\r\n", want: ErrFieldCount, line: 2, ent: "306"},
		{name: "too many columns", sdn: row1 + strings.TrimSuffix(row2, "\r\n") + ",x\r\n", want: ErrFieldCount, line: 2, ent: "306"},
		{name: "data after 0x1A", sdn: row1 + "\x1a" + row2, want: ErrTrailingData, line: 2},
		{name: "duplicate", sdn: row1 + row1, want: ErrDuplicate, line: 2, ent: "36"},
		{name: "bad ent_num", sdn: row1 + strings.Replace(row2, "306", "3x6", 1), want: ErrBadEntNum, line: 2, ent: "3x6"},
		{name: "bad type", sdn: row1 + strings.Replace(row2, "-0- ,\"CUBA\"", "\"robot\",\"CUBA\"", 1), want: ErrBadValue, line: 2, ent: "306"},
		{name: "huge field", sdn: row1 + strings.Replace(row2, "a.k.a. 'BNC'.", big, 1), want: ErrFieldTooLong, line: 2, ent: "306"},
		{name: "huge line", sdn: row1 + "306,\"" + strings.Repeat("y", MaxLineBytes+1), want: ErrFieldTooLong, line: 2, ent: "306"},
		{name: "empty", sdn: "", want: ErrNoEndMarker, line: 1},
		{name: "only marker", sdn: "\x1a", want: lists.ErrNoRecords},
		{name: "unknown alt ent_num", sdn: row1 + "\x1a", alt: "99,12,\"aka\",\"X\",-0- \r\n\x1a", want: ErrUnknownEntNum, line: 1, ent: "99", file: "alt.csv"},
		{name: "bad alt type", sdn: row1 + "\x1a", alt: "36,12,\"xyz\",\"X\",-0- \r\n\x1a", want: ErrBadValue, line: 1, ent: "36", file: "alt.csv"},
		{name: "truncated in quote", sdn: row1 + row2[:20], want: ErrNoEndMarker, line: 2, ent: "306"},
		{name: "cut at a line end", sdn: row1 + row2, want: ErrNoEndMarker, line: 3},
		{name: "alt cut at a line end", sdn: row1 + "\x1a", alt: "36,12,\"aka\",\"X\",-0- \r\n", want: ErrNoEndMarker, line: 2, file: "alt.csv"},
		{name: "garbage", sdn: "\x89PNG\r\n\x1a\n\x00\x00", want: ErrNotASCII, line: 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			var alt *strings.Reader
			if c.alt != "" {
				alt = strings.NewReader(c.alt)
			}
			var err error
			if alt != nil {
				_, _, err = ParseCSV(strings.NewReader(c.sdn), nil, alt, nil)
			} else {
				_, _, err = ParseCSV(strings.NewReader(c.sdn), nil, nil, nil)
			}
			if err == nil {
				t.Fatal("no error")
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("not a *ParseError: %v", err)
			}
			if c.want != nil && !errors.Is(err, c.want) {
				t.Errorf("got %v, want %v", err, c.want)
			}
			if c.in != "" && !strings.Contains(err.Error(), c.in) {
				t.Errorf("%q does not say %q", err, c.in)
			}
			if pe.Line != c.line || pe.EntNum != c.ent || (c.file != "" && pe.File != c.file) {
				t.Errorf("located at %s line %d ent %q; want line %d ent %q: %v", pe.File, pe.Line, pe.EntNum, c.line, c.ent, err)
			}
			if len(err.Error()) > 500 {
				t.Errorf("error too long: %d bytes", len(err.Error()))
			}
		})
	}
}

// A real file with its last line cut loses the record count: OFAC's CSV has
// none. Cut inside a quoted field it is an error with the line.
func TestTruncatedRealCSV(t *testing.T) {
	b, err := os.ReadFile(td + "/sdn_csv_2024-07-02/sdn.csv")
	if err != nil {
		t.Fatal(err)
	}
	cut := bytes.LastIndex(b, []byte("Linked To: MINISTRY"))
	_, _, err = ParseCSV(bytes.NewReader(b[:cut]), nil, nil, nil)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 15443 {
		t.Fatalf("got %v", err)
	}
}

const xmlHead = `<?xml version="1.0"?><sdnList xmlns="http://tempuri.org/sdnList.xsd"><publshInformation><Publish_Date>10/29/2020</Publish_Date><Record_Count>1</Record_Count></publshInformation>`
const xmlEntry = `<sdnEntry><uid>36</uid><lastName>AEROCARIBBEAN AIRLINES</lastName><sdnType>Entity</sdnType><programList><program>CUBA</program></programList></sdnEntry>`

func TestBadXML(t *testing.T) {
	if ents, _, err := ParseXML(strings.NewReader(xmlHead + xmlEntry + `</sdnList>`)); err != nil || len(ents) != 1 {
		t.Fatalf("minimal document: %v", err)
	}
	for _, c := range []struct {
		name, doc string
		want      error
		in        string
	}{
		{"truncated", xmlHead + xmlEntry[:60], nil, "unexpected EOF"},
		{"invalid UTF-8", xmlHead + strings.Replace(xmlEntry, "AIRLINES", "AIR\xffLINES", 1) + `</sdnList>`, nil, "UTF-8"},
		{"deep", xmlHead + strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100) + `</sdnList>`, ErrTooDeep, ""},
		{"deep in entry", xmlHead + `<sdnEntry><uid>1</uid>` + strings.Repeat("<a>", 100), ErrTooDeep, ""},
		{"wrong root", `<html><body/></html>`, ErrNotSDNList, ""},
		{"empty", ``, ErrNotSDNList, ""},
		{"garbage", "\x00\x01\x02garbage", nil, "ofac: sdnList XML byte offset"},
		{"no entries", xmlHead + `</sdnList>`, lists.ErrNoRecords, ""},
		{"count", strings.Replace(xmlHead, ">1<", ">2<", 1) + xmlEntry + `</sdnList>`, nil, "Record_Count says 2 records, file holds 1"},
		{"bad count", strings.Replace(xmlHead, ">1<", ">x<", 1) + xmlEntry + `</sdnList>`, ErrBadValue, ""},
		{"bad date", strings.Replace(xmlHead, "10/29/2020", "2020-10-29", 1) + xmlEntry + `</sdnList>`, ErrBadValue, ""},
		{"duplicate uid", strings.Replace(xmlHead, ">1<", ">2<", 1) + xmlEntry + xmlEntry + `</sdnList>`, ErrDuplicate, "(ent_num 36)"},
		{"no uid", xmlHead + strings.Replace(xmlEntry, "<uid>36</uid>", "", 1) + `</sdnList>`, ErrBadValue, ""},
		{"bad uid", xmlHead + strings.Replace(xmlEntry, "<uid>36</uid>", "<uid>-3</uid>", 1) + `</sdnList>`, ErrBadEntNum, ""},
		{"bad type", xmlHead + strings.Replace(xmlEntry, "Entity", "Robot", 1) + `</sdnList>`, ErrBadValue, "(ent_num 36)"},
		{"huge text", xmlHead + strings.Replace(xmlEntry, "AEROCARIBBEAN", strings.Repeat("A", MaxFieldBytes+1), 1) + `</sdnList>`, ErrFieldTooLong, ""},
		{"mismatched tags", xmlHead + `<sdnEntry><uid>1</sdnEntry>`, nil, "byte offset"},
		{"other encoding", `<?xml version="1.0" encoding="ISO-8859-1"?><sdnList/>`, nil, "encoding"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ParseXML(strings.NewReader(c.doc))
			if err == nil {
				t.Fatal("no error")
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Offset < 0 {
				t.Fatalf("not a located *ParseError: %v", err)
			}
			if c.want != nil && !errors.Is(err, c.want) {
				t.Errorf("got %v, want %v", err, c.want)
			}
			if c.in != "" && !strings.Contains(err.Error(), c.in) {
				t.Errorf("%q does not say %q", err, c.in)
			}
		})
	}
}

func TestTruncatedRealXML(t *testing.T) {
	b, err := os.ReadFile(td + "/cons_xml_2025-03-28/consolidated.xml")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{100, len(b) / 2, len(b) - 20} {
		_, _, err := ParseXML(bytes.NewReader(b[:n]))
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Offset <= 0 {
			t.Errorf("cut at %d: %v", n, err)
		}
	}
}

func TestXMLWithBOM(t *testing.T) {
	entry := strings.Replace(xmlEntry, "AEROCARIBBEAN AIRLINES", "\n   AEROCARIBBEAN\n   AIRLINES  ", 1)
	ents, _, err := ParseXML(strings.NewReader("\xef\xbb\xbf" + xmlHead + "\n  " + entry + "\n</sdnList>\n"))
	if err != nil || len(ents) != 1 || ents[0].Names[0].Full != "AEROCARIBBEAN AIRLINES" {
		t.Fatalf("%+v, %v", ents, err)
	}
}

// errReader fails after its data, as a capped or cancelled reader does.
type errReader struct {
	data string
	err  error
}

func (r *errReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestReadErrorsWrapped(t *testing.T) {
	cause := errors.New("disk on fire")
	_, _, err := ParseCSV(&errReader{row1 + row2, cause}, nil, nil, nil)
	if !errors.Is(err, cause) {
		t.Errorf("CSV: %v does not wrap the cause", err)
	}
	_, _, err = ParseXML(&errReader{xmlHead + xmlEntry, cause})
	if !errors.Is(err, cause) {
		t.Errorf("XML: %v does not wrap the cause", err)
	}
}

// TestSharedCauses checks that every cap is lists.ErrTooLarge and an empty
// file lists.ErrNoRecords, under the old names too.
func TestSharedCauses(t *testing.T) {
	for _, err := range []error{ErrFieldTooLong, ErrTooMany, ErrTooDeep, errFileTooLarge} {
		if !errors.Is(err, lists.ErrTooLarge) {
			t.Errorf("%v is not lists.ErrTooLarge", err)
		}
	}
	if !errors.Is(errFileTooLarge, ErrFileTooLarge) || !strings.Contains(errFileTooLarge.Error(), "MaxFileBytes (536870912 bytes)") {
		t.Errorf("%v: not ErrFileTooLarge naming the cap and its size", errFileTooLarge)
	}
	_, _, csvErr := ParseCSV(strings.NewReader("\x1a"), nil, nil, nil)
	_, _, xmlErr := ParseXML(strings.NewReader(xmlHead + `</sdnList>`))
	for _, err := range []error{csvErr, xmlErr} {
		if !errors.Is(err, lists.ErrNoRecords) || !errors.Is(err, ErrEmpty) {
			t.Errorf("%v: not lists.ErrNoRecords and ErrEmpty", err)
		}
	}
}
