package ofac

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// head returns the first n lines of a real file, for fuzz seeds.
func head(t testing.TB, rel string, n int) []byte {
	t.Helper()
	b, err := os.ReadFile(td + "/" + rel)
	if err != nil {
		t.Fatal(err)
	}
	off := 0
	for i := 0; i < n; i++ {
		j := bytes.IndexByte(b[off:], '\n')
		if j < 0 {
			return b
		}
		off += j + 1
	}
	return b[:off]
}

// grepLines returns the lines of a real file that contain sub, up to n.
func grepLines(t testing.TB, rel, sub string, n int) []byte {
	t.Helper()
	b, err := os.ReadFile(td + "/" + rel)
	if err != nil {
		t.Fatal(err)
	}
	var out []byte
	for _, l := range bytes.SplitAfter(b, []byte("\n")) {
		if bytes.Contains(l, []byte(sub)) && n > 0 {
			out = append(out, l...)
			n--
		}
	}
	return out
}

func FuzzParseCSV(f *testing.F) {
	d := "csv_set_2021-07/"
	f.Add(head(f, d+"sdn.csv", 40), head(f, d+"alt.csv", 20), head(f, d+"add.csv", 20), head(f, d+"sdn_comments.csv", 3))
	f.Add(grepLines(f, "sdn_csv_2024-07-02/sdn.csv", "Passport", 20), []byte(nil), []byte(nil), []byte(nil))
	f.Add(grepLines(f, "sdn_csv_2024-07-02/sdn.csv", "Digital Currency", 5), []byte(nil), []byte(nil), []byte(nil))
	f.Add(grepLines(f, "sdn_csv_2024-07-02/sdn.csv", "\"vessel\"", 5), []byte(nil), []byte(nil), []byte(nil))
	f.Add(grepLines(f, "sdn_csv_2024-07-02/sdn.csv", "DOB circa", 5), []byte(nil), []byte(nil), []byte(nil))
	f.Add([]byte(row1+row2+"\x1a"), []byte("306,1,\"fka\",\"X, Y\",-0- \r\n"), []byte("306,2,-0- ,\"Havana\",\"Cuba\",-0- \r\n"), []byte("306,\"; DOB 1960\"\r\n"))
	f.Fuzz(func(t *testing.T, sdn, alt, add, comments []byte) {
		ents, prov, err := ParseCSV(bytes.NewReader(sdn), bytes.NewReader(add), bytes.NewReader(alt), bytes.NewReader(comments))
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a *ParseError: %v", err)
			}
			if ents != nil {
				t.Fatalf("entities returned with error %v", err)
			}
			return
		}
		if len(ents) == 0 || prov.Records != len(ents) {
			t.Fatalf("%d entities, %d records", len(ents), prov.Records)
		}
		for i := range ents {
			if ents[i].ID == "" || len(ents[i].Names) == 0 || ents[i].Names[0].Full == "" {
				t.Fatalf("entity %d incomplete: %+v", i, ents[i])
			}
		}
	})
}

func FuzzParseXML(f *testing.F) {
	b, err := os.ReadFile(td + "/sdn_xml_excerpt_2020-10-29/sdn.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	c, err := os.ReadFile(td + "/cons_xml_2025-03-28/consolidated.xml")
	if err != nil {
		f.Fatal(err)
	}
	// The head of the consolidated list up to the end of its third entry,
	// then one with an idList and vessel-like ids, closed properly.
	n, off := 0, 0
	for n < 3 {
		i := bytes.Index(c[off:], []byte("</sdnEntry>"))
		off += i + len("</sdnEntry>")
		n++
	}
	f.Add(append(append([]byte{}, c[:off]...), "</sdnList>"...))
	i := bytes.Index(c, []byte("<idType>SWIFT/BIC"))
	s := bytes.LastIndex(c[:i], []byte("<sdnEntry>"))
	e := bytes.Index(c[i:], []byte("</sdnEntry>")) + i + len("</sdnEntry>")
	f.Add(append(append([]byte(xmlHead), c[s:e]...), "</sdnList>"...))
	f.Add([]byte(xmlHead + xmlEntry + `</sdnList>`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		ents, prov, err := ParseXML(bytes.NewReader(doc))
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a *ParseError: %v", err)
			}
			var rc *RecordCountError
			if ents != nil && !errors.As(err, &rc) {
				t.Fatalf("entities returned with error %v", err)
			}
			return
		}
		if len(ents) == 0 || prov.Records != len(ents) {
			t.Fatalf("%d entities, %d records", len(ents), prov.Records)
		}
		for i := range ents {
			if ents[i].ID == "" || len(ents[i].Names) == 0 || ents[i].Names[0].Full == "" {
				t.Fatalf("entity %d incomplete: %+v", i, ents[i])
			}
		}
	})
}

// FuzzRemarks checks that no remarks text makes the grammar panic and that
// what it extracts is well formed.
func FuzzRemarks(f *testing.F) {
	for _, l := range bytes.Split(grepLines(f, "sdn_csv_2024-07-02/sdn.csv", "; ", 60), []byte("\n")) {
		if i := bytes.LastIndex(l, []byte(",\"")); i >= 0 {
			f.Add(string(l[i+2:]))
		}
	}
	f.Add("Passport A1 (Iraq) issued 01 Jan 2000 expires 31 Dec 2005 (fraudulent); alt. DOB circa 1958-1962")
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range []string{"person", "vessel", "organization"} {
			e := newEntityKind(k)
			applyRemarks(&e, s)
			for _, d := range e.Documents {
				if d.Number == "" {
					t.Fatalf("document without number from %q", s)
				}
			}
			for _, c := range e.Crypto {
				if c.Currency == "" || c.Address == "" {
					t.Fatalf("bad crypto %+v from %q", c, s)
				}
			}
		}
	})
}
