package loader

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestDetectRealFiles(t *testing.T) {
	want := map[string]Format{
		"un/consolidated_2026-08-01.xml":            FormatUNXML,
		"eu/eu_fsf_excerpt_2018-12-21.xml":          FormatEUXML,
		"ofac/cons_xml_2023-03-08/consolidated.xml": FormatOFACXML,
		"ofac/cons_xml_2025-03-28/consolidated.xml": FormatOFACXML,
		"ofac/sdn_xml_excerpt_2020-10-29/sdn.xml":   FormatOFACXML,
		"ofac/csv_set_2021-07/sdn.csv":              FormatOFACPrimary,
		"ofac/csv_set_2021-07/add.csv":              FormatOFACAddress,
		"ofac/csv_set_2021-07/alt.csv":              FormatOFACAlias,
		"ofac/csv_set_2021-07/sdn_comments.csv":     FormatOFACComments,
		"ofac/cons_csv_2025-12/cons_prim.csv":       FormatOFACPrimary,
		"ofac/cons_csv_2025-12/cons_add.csv":        FormatOFACAddress,
		"ofac/cons_csv_2025-12/cons_alt.csv":        FormatOFACAlias,
		"ofac/cons_csv_2025-12/cons_comments.csv":   FormatOFACComments,
		"ofac/sdn_csv_2024-07-02/sdn.csv":           FormatOFACPrimary,
	}
	for p, f := range want {
		b, err := os.ReadFile(filepath.Join(td, p))
		if err != nil {
			t.Fatal(err)
		}
		if len(b) > SniffLen {
			b = b[:SniffLen]
		}
		got, err := Detect(b)
		if got != f || err != nil {
			t.Errorf("Detect(%s) = %q, %v; want %q", p, got, err, f)
		}
	}
	// payments and schemas are XML, but not lists
	for _, p := range []string{"payments/iso20022_prowide-iso20022/pacs.008.001.07.xml", "schemas/un_sc-sanctions.xsd", "eval/ofac_sls_parity.csv"} {
		b, err := os.ReadFile(filepath.Join(td, p))
		if err != nil {
			t.Fatal(err)
		}
		if f, err := Detect(b); !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("Detect(%s) = %q, %v; want ErrUnknownFormat", p, f, err)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{"\xef\xbb\xbf<?xml version=\"1.1\"?>\n<!-- c --><export xmlns=\"x\">", FormatEUXML},
		{"<?xml version=\"1.0\"?><!DOCTYPE x><ns:sdnList xmlns:ns=\"y\">", FormatOFACXML},
		{"  \r\n<CONSOLIDATED_LIST/>", FormatUNXML},
		{"36,\"X\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", FormatOFACPrimary},
		{"36,\"X\",\"vessel\",\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ", FormatOFACPrimary},
		{"36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n", FormatOFACAlias},
		{"36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n", FormatOFACAddress},
		{"17014,\"r 1027700342890 (Russia); continued\"\r\n", FormatOFACComments},
		{"", FormatUnknown},
		{"   ", FormatUnknown},
		{"<html><body>502 Bad Gateway</body></html>", FormatUnknown},
		{"<?xml version=\"1.0\"", FormatUnknown},
		{"<!-- never closed", FormatUnknown},
		{"<", FormatUnknown},
		{"<:>", FormatUnknown},
		{"36,12,\"xyz\",\"A\",-0- ", FormatUnknown},
		{"36,\"X\",\"person\",\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ", FormatUnknown},
		{"3x,1", FormatUnknown},
		{"1,2,3", FormatUnknown},
		{"\x1f\x8b\x08", FormatUnknown},
		{"{\"a\":1}", FormatUnknown},
	}
	for _, tt := range tests {
		got, err := Detect([]byte(tt.in))
		if got != tt.want || (tt.want == FormatUnknown) != errors.Is(err, ErrUnknownFormat) {
			t.Errorf("Detect(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func FuzzDetect(f *testing.F) {
	for _, p := range []string{"un/consolidated_2026-02-27.xml", "eu/eu_fsf_excerpt_2018-12-21.xml", "ofac/sdn_xml_excerpt_2020-10-29/sdn.xml", "ofac/csv_set_2021-07/sdn.csv", "ofac/csv_set_2021-07/add.csv", "ofac/csv_set_2021-07/alt.csv", "ofac/csv_set_2021-07/sdn_comments.csv"} {
		b, err := os.ReadFile(filepath.Join(td, p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b[:min(len(b), 2048)])
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := Detect(b)
		if (got == FormatUnknown) != (err != nil) {
			t.Fatalf("Detect = %q, %v: format and error disagree", got, err)
		}
	})
}
