package un

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
)

const (
	file0801 = "../../testdata/un/consolidated_2026-08-01.xml"
	file0227 = "../../testdata/un/consolidated_2026-02-27.xml"
)

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func parseFile(t testing.TB, name string) ([]lists.Entity, lists.Provenance) {
	t.Helper()
	ents, prov, err := Parse(bytes.NewReader(readFile(t, name)))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return ents, prov
}

func byID(ents []lists.Entity) map[string]*lists.Entity {
	m := make(map[string]*lists.Entity, len(ents))
	for i := range ents {
		m[ents[i].ID] = &ents[i]
	}
	return m
}

func TestParseRealCounts(t *testing.T) {
	for _, tc := range []struct {
		file          string
		persons, orgs int
		published     string
	}{
		{file0801, 736, 275, "2026-08-01T23:00:03.110Z"},
		{file0227, 730, 273, ""},
	} {
		t.Run(tc.file, func(t *testing.T) {
			ents, prov := parseFile(t, tc.file)
			var persons, orgs int
			ids := map[string]bool{}
			for i := range ents {
				e := &ents[i]
				switch e.Kind {
				case lists.Person:
					persons++
				case lists.Organization:
					orgs++
				default:
					t.Errorf("%s: kind %q", e.ID, e.Kind)
				}
				if ids[e.ID] {
					t.Errorf("duplicate id %s", e.ID)
				}
				ids[e.ID] = true
				if !strings.HasPrefix(e.ID, "un:") || e.ID != "un:"+e.UNReference {
					t.Errorf("id %q, UNReference %q", e.ID, e.UNReference)
				}
				if e.Source != lists.UN || len(e.Names) == 0 || e.Names[0].Type != lists.Primary || e.Names[0].Full == "" {
					t.Errorf("%s: source %q names %+v", e.ID, e.Source, e.Names)
				}
				if len(e.Programs) != 1 || e.ListType == "" {
					t.Errorf("%s: programs %+v list type %q", e.ID, e.Programs, e.ListType)
				}
				for _, n := range e.Names {
					if n.Full == "" || n.Full != strings.Join(strings.Fields(n.Full), " ") {
						t.Errorf("%s: name not squashed: %q", e.ID, n.Full)
					}
				}
				if e.Listed == nil || e.Listed.Year < 1999 {
					t.Errorf("%s: listed %+v", e.ID, e.Listed)
				}
			}
			if persons != tc.persons || orgs != tc.orgs {
				t.Errorf("got %d individuals + %d entities, want %d + %d", persons, orgs, tc.persons, tc.orgs)
			}
			if prov.Source != lists.UN || prov.Format != Format || prov.Records != len(ents) || prov.Published.IsZero() {
				t.Errorf("provenance %+v", prov)
			}
			if tc.published != "" {
				want, _ := time.Parse(time.RFC3339Nano, tc.published)
				if !prov.Published.Equal(want) {
					t.Errorf("Published = %v, want %v", prov.Published, want)
				}
			}
		})
	}
}

// rawRecord decodes one record of a real file without mapping it, so that
// tests can compare the model with the source text.
func rawRecord(t *testing.T, file, ref string) record {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(readFile(t, file)))
	for {
		tok, err := d.Token()
		if err != nil {
			t.Fatalf("record %s not found: %v", ref, err)
		}
		if se, ok := tok.(xml.StartElement); ok && (se.Name.Local == "INDIVIDUAL" || se.Name.Local == "ENTITY") {
			var r record
			if err := d.DecodeElement(&r, &se); err != nil {
				t.Fatal(err)
			}
			if r.Ref == ref {
				return r
			}
		}
	}
}

func TestSaddamHussein(t *testing.T) {
	ents, _ := parseFile(t, file0801)
	e := byID(ents)["un:IQi.001"]
	if e == nil {
		t.Fatal("un:IQi.001 missing")
	}
	p := e.Names[0]
	if p.Full != "SADDAM HUSSEIN AL-TIKRITI" || p.First != "SADDAM" || p.Middle != "HUSSEIN" || p.Last != "AL-TIKRITI" || p.Script != "Latn" {
		t.Errorf("primary name %+v", p)
	}
	if e.Kind != lists.Person || e.ListType != "Iraq" || e.UNReference != "IQi.001" {
		t.Errorf("kind %q list type %q ref %q", e.Kind, e.ListType, e.UNReference)
	}
	var arabic, abuAli bool
	for _, n := range e.Names[1:] {
		switch n.Full {
		case "صدام حسين التكريتي":
			arabic = n.Script == "Arab" && n.Type == lists.AKA && strings.Contains(n.Note, "original script")
		case "Abu Ali":
			abuAli = n.Quality == lists.Weak && n.Type == lists.AKA
		}
	}
	if !arabic || !abuAli {
		t.Errorf("Arabic original-script name ok=%v, Low alias Abu Ali weak=%v: %+v", arabic, abuAli, e.Names)
	}
	want := lists.Date{Kind: lists.DateExact, Year: 1937, Month: 4, Day: 28}
	if len(e.BirthDates) != 1 || e.BirthDates[0].Kind != want.Kind || e.BirthDates[0].Year != 1937 || e.BirthDates[0].Month != 4 || e.BirthDates[0].Day != 28 {
		t.Errorf("birth dates %+v, want %+v", e.BirthDates, want)
	}
	if len(e.BirthPlaces) != 1 || e.BirthPlaces[0].Text != "al-Awja, near Tikrit, Iraq" {
		t.Errorf("birth places %+v", e.BirthPlaces)
	}
	if e.Listed == nil || e.Listed.Year != 2003 || e.Listed.Month != 6 || e.Listed.Day != 27 {
		t.Errorf("listed %+v", e.Listed)
	}
	// Nationality: the source says Iraq; the model holds ISO codes, which
	// come from lists.CountryCode once its table is filled.
	if raw := rawRecord(t, file0801, "IQi.001"); len(raw.Nationality) != 1 || squash(raw.Nationality[0]) != "Iraq" {
		t.Errorf("raw NATIONALITY %q", raw.Nationality)
	}
	if code := lists.CountryCode("Iraq"); code != "" {
		if len(e.Nationalities) != 1 || e.Nationalities[0] != code {
			t.Errorf("nationalities %q, want [%s]", e.Nationalities, code)
		}
	} else if len(e.Nationalities) != 0 {
		t.Errorf("nationalities %q while CountryCode resolves nothing", e.Nationalities)
	}
}

func TestRealSpotChecks(t *testing.T) {
	ents, _ := parseFile(t, file0801)
	m := byID(ents)

	// A QD (ISIL/Al-Qaida) individual with four name parts and two dates of birth.
	e := m["un:QDi.001"]
	if e == nil || e.Names[0].Full != "MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE" || e.ListType != "Al-Qaida" ||
		e.Names[0].First != "MOHAMMED" || e.Names[0].Last != "ZIDANE" || e.Names[0].Middle != "SALAHALDIN ABD EL HALIM" {
		t.Fatalf("QDi.001: %+v", e)
	}
	if len(e.BirthDates) != 2 || e.BirthDates[0].Year != 1963 || e.BirthDates[1].Year != 1960 {
		t.Errorf("QDi.001 birth dates %+v", e.BirthDates)
	}
	if e.Programs[0].Body != lists.BodyUNSC || e.Remarks == "" || !strings.HasPrefix(e.Remarks, "Responsible for Usama bin Laden") {
		t.Errorf("QDi.001 programme %+v remarks %.40q", e.Programs, e.Remarks)
	}
	if got := e.Names[len(e.Names)-1]; got.Full != "Seif al Adel" || got.Quality != lists.Weak {
		t.Errorf("QDi.001 last alias %+v", got)
	}

	// A QD entity: ENTITY_ALIAS a.k.a. is a strong AKA; no person name parts.
	e = m["un:QDe.001"]
	if e == nil || e.Kind != lists.Organization || e.Names[0].Full != "ABU SAYYAF GROUP" || e.Names[0].First != "" {
		t.Fatalf("QDe.001: %+v", e)
	}
	if len(e.Names) != 2 || e.Names[1] != (lists.Name{Full: "Al Harakat Al Islamiyya", Type: lists.AKA, Quality: lists.Strong, Script: "Latn"}) {
		t.Errorf("QDe.001 names %+v", e.Names)
	}
	if len(e.Addresses) != 1 || e.Addresses[0].CountryName != "Philippines" {
		t.Errorf("QDe.001 addresses %+v", e.Addresses)
	}

	// f.k.a. aliases.
	e = m["un:CDe.001"]
	var fka int
	for _, n := range e.Names {
		if n.Type == lists.FKA {
			fka++
		}
	}
	if fka != 3 {
		t.Errorf("CDe.001: %d f.k.a. names, want 3: %+v", fka, e.Names)
	}

	// Empty alias elements are skipped: CDi.001 has only <ALIAS_NAME/>.
	if e = m["un:CDi.001"]; len(e.Names) != 1 {
		t.Errorf("CDi.001 names %+v", e.Names)
	}
	if e.Gender != "male" || len(e.BirthDates) != 1 || e.BirthDates[0].Year != 1971 || e.BirthDates[0].Month != 0 {
		t.Errorf("CDi.001 gender %q dob %+v", e.Gender, e.BirthDates)
	}

	// BETWEEN and APPROXIMATELY dates of birth.
	e = m["un:CDi.030"]
	if len(e.BirthDates) != 1 || e.BirthDates[0].Kind != lists.DateRange || e.BirthDates[0].Year != 1973 || e.BirthDates[0].ToYear != 1974 {
		t.Errorf("CDi.030 BETWEEN dob %+v", e.BirthDates)
	}
	e = m["un:CDi.014"]
	if len(e.BirthDates) != 2 || e.BirthDates[1].Kind != lists.DateCirca || e.BirthDates[1].Year != 1966 || e.BirthDates[0].Kind != lists.DateExact {
		t.Errorf("CDi.014 APPROXIMATELY dob %+v", e.BirthDates)
	}
	if len(e.Titles) != 2 || e.Titles[0] != "FDLR-FOCA Chief of Staff" {
		t.Errorf("CDi.014 titles %q", e.Titles)
	}

	// A document whose TYPE_OF_DOCUMENT has an embedded newline.
	raw := rawRecord(t, file0801, "QDi.426")
	var rawNL bool
	for _, d := range raw.Documents {
		rawNL = rawNL || strings.Contains(d.Type, "\n")
	}
	if !rawNL {
		t.Fatal("QDi.426: no document type with a newline in the source any more")
	}
	e = m["un:QDi.426"]
	var found bool
	for _, d := range e.Documents {
		if d.Type == "National Identification Number" && d.Number == "00278640" && d.Issued != nil && d.Issued.Year == 2012 {
			found = true
		}
		if strings.ContainsAny(d.Type+d.Number, "\n\t") {
			t.Errorf("QDi.426 document not squashed: %+v", d)
		}
	}
	if !found {
		t.Errorf("QDi.426 documents %+v", e.Documents)
	}
	e = m["un:QDi.289"]
	if len(e.Documents) != 3 || e.Documents[2].Number != "281020505755" || !strings.HasPrefix(e.Documents[2].Note, "Civil Identification number") {
		t.Errorf("QDi.289 documents %+v", e.Documents)
	}
	// An alias carrying its own date of birth adds it to the entity.
	if !hasDate(e.BirthDates, 1972, 1, 1) {
		t.Errorf("QDi.289 alias date of birth missing: %+v", e.BirthDates)
	}

	// A document noted as fraudulently obtained is KnownFalse.
	var falseDocs int
	for i := range ents {
		for _, d := range ents[i].Documents {
			if d.KnownFalse {
				falseDocs++
				if !regexp.MustCompile(`(?i)fals|fraud`).MatchString(d.Note) {
					t.Errorf("%s: KnownFalse without a note saying so: %+v", ents[i].ID, d)
				}
			}
		}
	}
	if falseDocs == 0 {
		t.Error("no document marked KnownFalse (TAi.174's passport was fraudulently obtained)")
	}
}

func hasDate(ds []lists.Date, y, m, d int) bool {
	for _, x := range ds {
		if x.Year == y && x.Month == m && x.Day == d {
			return true
		}
	}
	return false
}

func TestScripts(t *testing.T) {
	ents, _ := parseFile(t, file0801)
	seen := map[string]int{}
	for i := range ents {
		for _, n := range ents[i].Names {
			seen[n.Script]++
		}
	}
	for _, s := range []string{"Latn", "Arab", "Cyrl", "Hani"} {
		if seen[s] == 0 {
			t.Errorf("no %s name detected; scripts seen: %v", s, seen)
		}
	}
}

// small builds a minimal valid list around the given records.
func small(records string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-08-01T23:00:03.110Z"><INDIVIDUALS>` + records + `</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>`
}

const oneRecord = `<INDIVIDUAL><FIRST_NAME>A</FIRST_NAME><UN_LIST_TYPE>Iraq</UN_LIST_TYPE><REFERENCE_NUMBER>IQi.900</REFERENCE_NUMBER><LISTED_ON>2003-06-27</LISTED_ON></INDIVIDUAL>`

func TestBadInput(t *testing.T) {
	real := readFile(t, file0801)
	deep := small(strings.Repeat("<X>", MaxDepth+5) + strings.Repeat("</X>", MaxDepth+5))
	huge := small(`<INDIVIDUAL><FIRST_NAME>` + strings.Repeat("A", MaxRecordBytes+1) + `</FIRST_NAME></INDIVIDUAL>`)
	field := small(`<INDIVIDUAL><FIRST_NAME>` + strings.Repeat("A", MaxFieldBytes+1) + `</FIRST_NAME><REFERENCE_NUMBER>X</REFERENCE_NUMBER></INDIVIDUAL>`)
	for _, tc := range []struct {
		name, in string
		want     string // in the message
		is       error
	}{
		{"empty", "", "no complete", io.ErrUnexpectedEOF},
		{"garbage", "\x00\x01garbage{}", "", nil},
		{"not xml", "hello world", "text outside", nil},
		{"truncated header", string(real[:300]), "", nil},
		{"truncated mid record", string(real[:len(real)/2]), "unexpected EOF", nil},
		{"truncated before root end", string(real[:len(real)-25]), "unexpected EOF", nil},
		{"invalid utf8 in name", small(`<INDIVIDUAL><FIRST_NAME>A` + "\xff\xfe" + `</FIRST_NAME><REFERENCE_NUMBER>X</REFERENCE_NUMBER></INDIVIDUAL>`), "INDIVIDUAL #1", nil},
		{"invalid utf8 outside", small(oneRecord) + "\xff", "", nil},
		{"doctype billion laughs", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><CONSOLIDATED_LIST dateGenerated="2026-08-01T00:00:00Z"><INDIVIDUALS>` + oneRecord + `</INDIVIDUALS></CONSOLIDATED_LIST>`, "DOCTYPE", lists.ErrDoctype},
		{"undefined entity", small(`<INDIVIDUAL><FIRST_NAME>&lol2;</FIRST_NAME></INDIVIDUAL>`), "INDIVIDUAL #1", nil},
		{"external entity", `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><CONSOLIDATED_LIST/>`, "DOCTYPE", lists.ErrDoctype},
		{"deep nesting", deep, "nested deeper", lists.ErrTooLarge},
		{"deep nesting in record", small(`<INDIVIDUAL>` + strings.Repeat("<X>", 200000) + `</INDIVIDUAL>`), "INDIVIDUAL #1", nil},
		{"huge record", huge, "larger than", lists.ErrTooLarge},
		{"huge field", field, "FIRST_NAME is", lists.ErrTooLarge},
		{"huge text between records", small(oneRecord + strings.Repeat(" ", MaxRecordBytes+readAhead+10)), "larger than", lists.ErrTooLarge},
		{"wrong root", `<sdnList/>`, "root element is <sdnList>", nil},
		{"no date", `<CONSOLIDATED_LIST><INDIVIDUALS>` + oneRecord + `</INDIVIDUALS></CONSOLIDATED_LIST>`, "dateGenerated", nil},
		{"bad date", `<CONSOLIDATED_LIST dateGenerated="yesterday"/>`, "dateGenerated", nil},
		{"no records", small(""), "no INDIVIDUAL", lists.ErrNoRecords},
		{"no reference", small(`<INDIVIDUAL><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL>`), "no REFERENCE_NUMBER", nil},
		{"no name", small(`<INDIVIDUAL><REFERENCE_NUMBER>IQi.9</REFERENCE_NUMBER></INDIVIDUAL>`), "has no name", nil},
		{"duplicate", small(oneRecord + oneRecord), "duplicate REFERENCE_NUMBER", nil},
		{"second root", small(oneRecord) + `<CONSOLIDATED_LIST/>`, "after the root", nil},
		{"mismatched tags", small(`<INDIVIDUAL><FIRST_NAME>A</SECOND_NAME></INDIVIDUAL>`), "INDIVIDUAL #1", nil},
		{"latin1 declared", `<?xml version="1.0" encoding="ISO-8859-1"?><CONSOLIDATED_LIST/>`, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ents, _, err := Parse(strings.NewReader(tc.in))
			if err == nil {
				t.Fatalf("no error; %d entities", len(ents))
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not a *ParseError: %v", err, err)
			}
			if !strings.HasPrefix(err.Error(), "un: byte ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not name the byte offset and %q", err, tc.want)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			if (tc.is == lists.ErrTooLarge && !errors.Is(err, ErrTooLarge)) || (tc.is == lists.ErrNoRecords && !errors.Is(err, ErrNoRecord)) || (tc.is == lists.ErrDoctype && !errors.Is(err, ErrDoctype)) {
				t.Errorf("error %v is not its deprecated alias", err)
			}
			if ents != nil {
				t.Errorf("entities returned with an error")
			}
		})
	}
}

func TestErrorNamesRecord(t *testing.T) {
	real := readFile(t, file0801)
	// Corrupt the record after IQi.001 and check the error says where.
	i := bytes.Index(real, []byte("<REFERENCE_NUMBER>IQi.001</REFERENCE_NUMBER>"))
	j := i + bytes.Index(real[i:], []byte("<FIRST_NAME>")) // the next record's name
	bad := append(append(append([]byte{}, real[:j]...), []byte("<FIRST_NAME>\xff")...), real[j+len("<FIRST_NAME>"):]...)
	_, _, err := Parse(bytes.NewReader(bad))
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v", err)
	}
	if !strings.Contains(pe.Record, "after un:IQi.001") || pe.Offset < int64(j) || pe.Line == 0 {
		t.Errorf("error %q: Record %q Offset %d (corruption at %d) Line %d", err, pe.Record, pe.Offset, j, pe.Line)
	}
}

func TestFileCap(t *testing.T) {
	defer func(c int64) { fileCap = c }(fileCap)
	fileCap = 100 << 10
	_, _, err := Parse(bytes.NewReader(readFile(t, file0801)))
	if !errors.Is(err, lists.ErrTooLarge) || !strings.Contains(err.Error(), "file is larger than") {
		t.Fatalf("error %v", err)
	}
}

// endless never ends: the caps must stop the parser, not EOF.
type endless struct {
	b   []byte
	off int
}

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		k := copy(p[n:], e.b[e.off:])
		n += k
		e.off = (e.off + k) % len(e.b)
	}
	return n, nil
}

// records yields distinct valid records forever.
type records struct {
	n   int
	buf []byte
}

func (r *records) Read(p []byte) (int, error) {
	if len(r.buf) == 0 {
		r.n++
		r.buf = fmt.Appendf(nil, "<INDIVIDUAL><FIRST_NAME>A</FIRST_NAME><REFERENCE_NUMBER>IQi.%d</REFERENCE_NUMBER></INDIVIDUAL>\n", r.n)
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

func TestEndlessInput(t *testing.T) {
	defer func(c int64) { fileCap = c }(fileCap)
	fileCap = 2 << 20 // above MaxRecordBytes, so that valid records forever stop quickly
	for _, tc := range []struct {
		name string
		r    io.Reader
		want string
	}{
		{"spaces", &endless{b: []byte(" ")}, "token is larger"},
		{"nesting", &endless{b: []byte("<X>")}, "nested deeper"},
		{"record", &records{}, "file is larger"},
		{"open record", io.MultiReader(strings.NewReader("<INDIVIDUAL>"), &endless{b: []byte("<A>aaaaaaaa</A>")}), "record or token is larger"},
	} {
		r := io.MultiReader(strings.NewReader(`<CONSOLIDATED_LIST dateGenerated="2026-08-01T00:00:00Z"><INDIVIDUALS>`), tc.r)
		_, _, err := Parse(r)
		if !errors.Is(err, lists.ErrTooLarge) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s forever: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestParseEntityWithAllElements(t *testing.T) {
	in := `<CONSOLIDATED_LIST dateGenerated="2026-08-01T23:00:03"><INDIVIDUALS/><ENTITIES><ENTITY>
<FIRST_NAME>ACME
   TRADING</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.999</REFERENCE_NUMBER>
<LISTED_ON>2017-01-02</LISTED_ON><NAME_ORIGINAL_SCRIPT>조선 무역</NAME_ORIGINAL_SCRIPT><COMMENTS1> note </COMMENTS1>
<ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>Old  Name</ALIAS_NAME></ENTITY_ALIAS>
<ENTITY_ALIAS/>
<ENTITY_ADDRESS><STREET>1 Main St</STREET><CITY>Pyongyang</CITY><ZIP_CODE>1</ZIP_CODE><COUNTRY>DPRK</COUNTRY></ENTITY_ADDRESS>
<ENTITY_ADDRESS/><DELISTED_ON>2020-01-01</DELISTED_ON></ENTITY></ENTITIES></CONSOLIDATED_LIST>`
	ents, prov, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if !prov.Published.Equal(time.Date(2026, 8, 1, 23, 0, 3, 0, time.UTC)) {
		t.Errorf("published %v", prov.Published)
	}
	e := ents[0]
	if e.ID != "un:KPe.999" || e.Kind != lists.Organization || e.Names[0].Full != "ACME TRADING" {
		t.Errorf("%+v", e)
	}
	if len(e.Names) != 3 || e.Names[1].Script != "Hang" || e.Names[2].Type != lists.FKA || e.Names[2].Full != "Old Name" {
		t.Errorf("names %+v", e.Names)
	}
	if len(e.Addresses) != 1 || e.Addresses[0].Street != "1 Main St" || e.Addresses[0].PostalCode != "1" {
		t.Errorf("addresses %+v", e.Addresses)
	}
	if e.Remarks != "note\nDELISTED_ON 2020-01-01" {
		t.Errorf("remarks %q", e.Remarks)
	}
}

func BenchmarkParse(b *testing.B) {
	data := readFile(b, file0801)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := Parse(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
