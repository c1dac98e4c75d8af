package ofac

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

// TestXMLRefusesDoctype: a DOCTYPE (or any other <!...> directive) is
// refused wherever it appears, as the EU, UN and payment parsers refuse it,
// even though encoding/xml would not expand its entities. The real files
// carry none.
func TestXMLRefusesDoctype(t *testing.T) {
	real, err := os.ReadFile(td + "/sdn_xml_excerpt_2020-10-29/sdn.xml")
	if err != nil {
		t.Fatal(err)
	}
	// The excerpt states the whole list's Record_Count: that is its only fault.
	var rc *RecordCountError
	if ents, _, err := ParseXML(strings.NewReader(string(real))); len(ents) != 2 || !errors.As(err, &rc) {
		t.Fatalf("the real excerpt: %d entities, %v", len(ents), err)
	}
	decl := `<?xml version="1.0"?>`
	body := strings.TrimPrefix(xmlHead, decl) + xmlEntry + `</sdnList>`
	realBody := string(real)
	if i := strings.Index(realBody, "?>"); strings.HasPrefix(realBody, "<?xml") && i >= 0 {
		realBody = realBody[i+2:]
	}
	for _, c := range []struct{ name, doc string }{
		{"entity declarations", decl + `<!DOCTYPE sdnList [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>` + body},
		{"external entity", decl + `<!DOCTYPE sdnList [<!ENTITY e SYSTEM "file:///etc/passwd">]>` + body},
		{"bare doctype", decl + `<!DOCTYPE sdnList>` + body},
		{"doctype before the real excerpt", decl + `<!DOCTYPE sdnList [<!ENTITY a "x">]>` + realBody},
		{"directive inside the list", decl + strings.Replace(body, "<sdnEntry>", `<!ENTITY a "x"><sdnEntry>`, 1)},
	} {
		t.Run(c.name, func(t *testing.T) {
			ents, _, err := ParseXML(strings.NewReader(c.doc))
			if err == nil {
				t.Fatalf("accepted (%d entities)", len(ents))
			}
			if ents != nil {
				t.Errorf("entities returned with the error")
			}
			if !errors.Is(err, lists.ErrDoctype) || !errors.Is(err, ErrDoctype) {
				t.Errorf("err = %v, want lists.ErrDoctype and its deprecated alias", err)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Offset <= 0 || !strings.Contains(err.Error(), "DOCTYPE") {
				t.Errorf("err = %v, want a located *ParseError naming DOCTYPE", err)
			}
		})
	}
	// Comments and processing instructions are not directives: still fine.
	ok := decl + `<!-- a comment --><?pi data?>` + body
	if _, _, err := ParseXML(strings.NewReader(ok)); err != nil {
		t.Errorf("comment and PI: %v", err)
	}
}
