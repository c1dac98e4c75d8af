package un

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

// excerpt cuts a small valid list from a real file: its header and the
// records whose REFERENCE_NUMBER is given, so the fuzzer starts from real
// structure without the cost of a 2 MiB seed.
func excerpt(real []byte, refs ...string) []byte {
	var b bytes.Buffer
	b.Write(real[:bytes.Index(real, []byte("<INDIVIDUALS>"))])
	b.WriteString("<INDIVIDUALS>")
	var ents bytes.Buffer
	for _, ref := range refs {
		i := bytes.Index(real, []byte("<REFERENCE_NUMBER>"+ref+"<"))
		if i < 0 {
			continue
		}
		tag := "INDIVIDUAL"
		if strings.Contains(ref, "e.") {
			tag = "ENTITY"
		}
		start := bytes.LastIndex(real[:i], []byte("<"+tag+">"))
		end := i + bytes.Index(real[i:], []byte("</"+tag+">")) + len(tag) + 3
		if tag == "ENTITY" {
			ents.Write(real[start:end])
		} else {
			b.Write(real[start:end])
		}
	}
	b.WriteString("</INDIVIDUALS><ENTITIES>")
	b.Write(ents.Bytes())
	b.WriteString("</ENTITIES></CONSOLIDATED_LIST>")
	return b.Bytes()
}

func FuzzParse(f *testing.F) {
	real := readFile(f, file0801)
	for _, refs := range [][]string{
		{"IQi.001"},
		{"CDi.001", "CDi.030", "QDe.001"},
		{"QDi.001", "QDi.426", "CDe.001"},
		{"QDi.289", "QDi.295", "CDi.014"},
	} {
		f.Add(excerpt(real, refs...))
	}
	f.Add([]byte(small(oneRecord)))
	f.Add(real[:4096])
	f.Fuzz(func(t *testing.T, data []byte) {
		ents, prov, err := Parse(bytes.NewReader(data))
		if err != nil {
			var pe *ParseError
			if ents != nil || !asParseError(err, &pe) {
				t.Fatalf("error %T %v with %d entities", err, err, len(ents))
			}
			return
		}
		if prov.Records != len(ents) || len(ents) == 0 || prov.Source != lists.UN {
			t.Fatalf("provenance %+v for %d entities", prov, len(ents))
		}
		seen := map[string]bool{}
		for _, e := range ents {
			if e.ID == "un:" || seen[e.ID] || len(e.Names) == 0 || e.Names[0].Full == "" || e.Names[0].Type != lists.Primary {
				t.Fatalf("bad entity %+v", e)
			}
			seen[e.ID] = true
			for _, n := range e.Names {
				if n.Full == "" || len(n.Full) > MaxFieldBytes || n.Full != squash(n.Full) {
					t.Fatalf("%s: bad name %q", e.ID, n.Full)
				}
			}
		}
	})
}

func asParseError(err error, pe **ParseError) bool {
	var p *ParseError
	ok := errors.As(err, &p)
	*pe = p
	return ok
}
