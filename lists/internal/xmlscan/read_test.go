package xmlscan

import (
	"errors"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

// toEntity maps the test record: id "t:<id>", and an error for a record
// without a name.
func (r *rec) toEntity() (lists.Entity, error) {
	if r.Name == "" {
		return lists.Entity{}, errors.New("no name")
	}
	return lists.Entity{ID: "t:" + r.ID, Names: []lists.Name{{Full: r.Name}}}, nil
}

func TestRead(t *testing.T) {
	f := testFormat()
	f.IDName, f.IDAttr = "id", "id"
	f.Source, f.Provenance = lists.EU, "test"
	head := `<list made="2026-08-01T23:00:03Z"><g>`
	ents, prov, err := Read(strings.NewReader(head+`<rec id="1"><name>A</name></rec><other id="2"><name>B</name></other></g></list>`), f, (*rec).toEntity)
	if err != nil || len(ents) != 2 || ents[0].ID != "t:1" || ents[1].Names[0].Full != "B" || prov.Published.Year() != 2026 || prov.Records != 2 || prov.Source != lists.EU || prov.Format != "test" {
		t.Fatalf("Read = %v, %+v, %v", ents, prov, err)
	}
	for _, c := range []struct {
		name, in, want string
		is             error
	}{
		{"no records", head + `</g></list>`, "no records: no rec or other element", lists.ErrNoRecords},
		{"mapping", head + `<rec id="1"><name>A</name></rec><rec id="2"/></g></list>`, `rec #2 id="2" at byte 69 (after t:1): no name`, nil},
		{"duplicate", head + `<rec id="1"><name>A</name></rec><rec id="1"><name>B</name></rec></g></list>`, `rec #2 id="1" at byte 69 (after t:1): duplicate id "1"`, nil},
		{"decode", head + `<rec id="1"><name>A</name></rec><rec id="2">` + strings.Repeat("x", 5<<10) + `</rec></g></list>`, `rec #2 id="2" at byte 69 (after t:1): input exceeds a size cap`, lists.ErrTooLarge},
	} {
		ents, _, err := Read(strings.NewReader(c.in), f, (*rec).toEntity)
		var te *testError
		if ents != nil || !errors.As(err, &te) || !strings.Contains(err.Error(), c.want) || (c.is != nil && !errors.Is(err, c.is)) {
			t.Errorf("%s: Read = %d entities, %v; want a *testError saying %q", c.name, len(ents), err, c.want)
		}
	}
}
