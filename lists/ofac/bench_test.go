package ofac

import (
	"bytes"
	"os"
	"testing"
)

func benchFile(b *testing.B, rel string, parse func([]byte) error) {
	data, err := os.ReadFile(td + "/" + rel)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseCSV parses the complete 2024-07-02 sdn.csv (15,443 rows).
func BenchmarkParseCSV(b *testing.B) {
	benchFile(b, "sdn_csv_2024-07-02/sdn.csv", func(d []byte) error {
		_, _, err := ParseCSV(bytes.NewReader(d), nil, nil, nil)
		return err
	})
}

// BenchmarkParseXML parses the 2025-03-28 consolidated list (443 entries).
func BenchmarkParseXML(b *testing.B) {
	benchFile(b, "cons_xml_2025-03-28/consolidated.xml", func(d []byte) error {
		_, _, err := ParseXML(bytes.NewReader(d))
		return err
	})
}
