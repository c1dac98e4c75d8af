package eu

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
)

const excerptFile = "../../testdata/eu/eu_fsf_excerpt_2018-12-21.xml"

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseRealExcerpt(t *testing.T) {
	ents, prov, err := Parse(bytes.NewReader(readFile(t, excerptFile)))
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2018, 12, 21, 14, 39, 54, 511e6, time.FixedZone("", 3600))
	if len(ents) != 2 || prov.Records != 2 || prov.Source != lists.EU || prov.Format != Format || !prov.Published.Equal(want) {
		t.Fatalf("%d entities, provenance %+v", len(ents), prov)
	}

	m := ents[0]
	if m.ID != "eu:1" || m.Kind != lists.Person || m.EUReference != "EU.36.64" || m.UNReference != "" || m.Gender != "male" {
		t.Errorf("Mugabe: %+v", m)
	}
	if n := m.Names[0]; len(m.Names) != 1 || n.Full != "Robert Gabriel Mugabe" || n.First != "Robert" || n.Middle != "Gabriel" || n.Last != "Mugabe" || n.Type != lists.Primary || n.Script != "Latn" {
		t.Errorf("Mugabe names %+v", m.Names)
	}
	if len(m.Titles) != 1 || m.Titles[0] != "Former President" {
		t.Errorf("Mugabe titles %q", m.Titles)
	}
	if len(m.BirthDates) != 1 || m.BirthDates[0].Year != 1924 || m.BirthDates[0].Month != 2 || m.BirthDates[0].Day != 21 || m.BirthDates[0].Kind != lists.DateExact {
		t.Errorf("Mugabe birth dates %+v", m.BirthDates)
	}
	if len(m.BirthPlaces) != 0 { // countryIso2Code="00", countryDescription="UNKNOWN", nothing else
		t.Errorf("Mugabe birth places %+v", m.BirthPlaces)
	}
	if len(m.Documents) != 1 || m.Documents[0] != (lists.Document{Type: "National passport", Number: "AD001095", Note: "(passport)"}) {
		t.Errorf("Mugabe documents %+v", m.Documents)
	}
	p := m.Programs[0]
	if len(m.Programs) != 1 || p.Code != "ZWE" || p.Body != lists.BodyEU || p.Title != "2018/223 (OJ L43)" ||
		p.URL != "http://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32018R0223&from=EN" ||
		!p.Published.Equal(time.Date(2018, 2, 16, 0, 0, 0, 0, time.UTC)) || !p.InForce.Equal(time.Date(2018, 2, 16, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Mugabe programme %+v", p)
	}

	e := ents[1]
	if e.ID != "eu:207" || e.Kind != lists.Organization || e.EUReference != "EU.3523.13" || len(e.Names) != 19 { // the primary name and 18 aliases
		t.Fatalf("IBDA-C: %s %s %s, %d names", e.ID, e.Kind, e.EUReference, len(e.Names))
	}
	if e.Names[0].Full != "İslami Büyük Doğu Akıncılar Cephesi" || e.Names[0].Type != lists.Primary {
		t.Errorf("IBDA-C primary %+v", e.Names[0])
	}
	if p := e.Programs[0]; p.Code != "TERR" || p.Title != "2018/468 (OJ L79)" || !p.InForce.Equal(time.Date(2018, 3, 23, 0, 0, 0, 0, time.UTC)) ||
		!strings.Contains(p.URL, "qid=1521740406834&from=EN") {
		t.Errorf("IBDA-C programme %+v", p)
	}
	scripts := map[string]string{}
	langs := map[string]string{}
	for _, n := range e.Names[1:] {
		if n.Type != lists.AKA || n.Quality != lists.Strong {
			t.Errorf("alias %+v", n)
		}
		scripts[n.Full], langs[n.Full] = n.Script, n.Lang
	}
	for name, want := range map[string]string{
		"Фронт на великите ислямски източни воини":         "Cyrl",
		"Μέγα Ισλαµικό Μέτωπο των Πολεµιστών της Ανατολής": "Grek",
		"Lielā Islāma Austrumu cīnītāju fronte":            "Latn",
		"IBDA-C": "Latn",
	} {
		if scripts[name] != want {
			t.Errorf("%q: script %q, want %q", name, scripts[name], want)
		}
	}
	if langs["Фронт на великите ислямски източни воини"] != "bg" || langs["Μέγα Ισλαµικό Μέτωπο των Πολεµιστών της Ανατολής"] != "el" || langs["IBDA-C"] != "" {
		t.Errorf("languages %v", langs)
	}
}

func TestPrimaryIsFirstStrongAlias(t *testing.T) {
	in := strings.Replace(string(readFile(t, excerptFile)), `wholeName="İslami Büyük Doğu Akıncılar Cephesi" function="" title="" nameLanguage="" strong="true"`,
		`wholeName="İslami Büyük Doğu Akıncılar Cephesi" function="" title="" nameLanguage="" strong="false"`, 1)
	ents, _, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	n := ents[1].Names
	if n[0].Full != "Great Islamic Eastern Warriors Front" || n[0].Type != lists.Primary ||
		n[1].Full != "İslami Büyük Doğu Akıncılar Cephesi" || n[1].Quality != lists.Weak || n[1].Type != lists.AKA || len(n) != 19 {
		t.Errorf("names %+v", n[:3])
	}
}

func TestAllElements(t *testing.T) {
	in := `<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-01-02T03:04:05" globalFileId="1">
<sanctionEntity designationDetails="details" unitedNationId="QDi.001" euReferenceNumber="EU.1.2" logicalId="9" designationDate="2011-02-03" delistingDate="2030-01-01">
 <remark>first remark</remark><remark>second</remark><additionalInformation key="k" value="v"/>
 <regulation regulationType="amendment" organisationType="council" publicationDate="2019-01-01" entryIntoForceDate="2019-01-02" numberTitle="208/2014 (OJ L66)" programme="UKR" logicalId="1"><publicationUrl>u</publicationUrl></regulation>
 <regulation regulationType="amendment" organisationType="council" publicationDate="2019-01-01" entryIntoForceDate="2019-01-02" numberTitle="269/2014 (OJ L78)" programme="UKR" logicalId="2"/>
 <subjectType code="person" classificationCode="P"/>
 <nameAlias wholeName="" firstName="Viktor" middleName="F." lastName="Yanukovych" title="Mr" function="President of Ukraine" gender="M" strong="true" regulationLanguage="en" logicalId="3"/>
 <nameAlias wholeName="Віктор Федорович Янукович" nameLanguage="UK" strong="true" regulationLanguage="en" logicalId="4"><remark>Ukrainian</remark></nameAlias>
 <nameAlias wholeName="" regulationLanguage="en" logicalId="5"/>
 <citizenship countryIso2Code="ua" countryDescription="UKRAINE" regulationLanguage="en" logicalId="6"/>
 <citizenship countryIso2Code="00" countryDescription="UNKNOWN" regulationLanguage="en" logicalId="7"/>
 <birthdate circa="true" calendarType="GREGORIAN" dayOfMonth="9" monthOfYear="7" year="1950" place="Zhukovka" city="" countryIso2Code="RU" countryDescription="RUSSIA" regulationLanguage="en" logicalId="8"/>
 <birthdate calendarType="GREGORIAN" yearRangeFrom="1949" yearRangeTo="1951" countryIso2Code="00" countryDescription="UNKNOWN" regulationLanguage="en" logicalId="9"/>
 <address street="Main 1" poBox="12" city="Rostov" zipCode="344000" region="Rostov Oblast" place="" asAtListingTime="true" countryIso2Code="RU" countryDescription="RUSSIA" regulationLanguage="en" logicalId="10"><contactInfo key="EMAIL" value="a@b.c"/><contactInfo key="WEB" value="http://b.c"/><contactInfo key="PHONE" value="123"/></address>
 <identification knownExpired="true" knownFalse="true" diplomatic="true" number="" latinNumber="EK 123" issueDate="2005-05-05" validTo="2015-05-05" issuedBy="MFA" nameOnDocument="V. Yanukovych" identificationTypeCode="passport" identificationTypeDescription="" countryIso2Code="00" countryDescription="UKRAINE" regulationLanguage="en" logicalId="11"><remark>seen in 2014</remark></identification>
</sanctionEntity></export>`
	ents, prov, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if !prov.Published.Equal(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)) {
		t.Errorf("published %v", prov.Published)
	}
	e := ents[0]
	if e.ID != "eu:9" || e.UNReference != "QDi.001" || e.EUReference != "EU.1.2" || e.Listed == nil || e.Listed.Year != 2011 || e.Gender != "male" {
		t.Errorf("%+v", e)
	}
	if len(e.Programs) != 2 || e.Programs[0].Title != "208/2014 (OJ L66)" || e.Programs[0].URL != "u" || e.Programs[1].Title != "269/2014 (OJ L78)" {
		t.Errorf("programmes %+v", e.Programs)
	}
	if len(e.Names) != 2 || e.Names[0].Full != "Viktor F. Yanukovych" || e.Names[0].Title != "Mr" || e.Names[1].Script != "Cyrl" || e.Names[1].Lang != "uk" || e.Names[1].Note != "Ukrainian" {
		t.Errorf("names %+v", e.Names)
	}
	if strings.Join(e.Titles, "|") != "Mr|President of Ukraine" || strings.Join(e.Citizenships, "|") != "UA" {
		t.Errorf("titles %q citizenships %q", e.Titles, e.Citizenships)
	}
	if len(e.BirthDates) != 2 || e.BirthDates[0] != (lists.Date{Kind: lists.DateCirca, Year: 1950, Month: 7, Day: 9, Text: "circa 1950-07-09"}) ||
		e.BirthDates[1] != (lists.Date{Kind: lists.DateRange, Year: 1949, ToYear: 1951, Text: "1949-1951"}) {
		t.Errorf("birth dates %+v", e.BirthDates)
	}
	if len(e.BirthPlaces) != 1 || e.BirthPlaces[0] != (lists.Place{Text: "Zhukovka, RUSSIA", Country: "RU"}) {
		t.Errorf("birth places %+v", e.BirthPlaces)
	}
	a := e.Addresses[0]
	if a.Street != "Main 1, PO Box 12" || a.State != "Rostov Oblast" || a.Country != "RU" || a.Note != "phone 123; address at listing time" ||
		strings.Join(e.Emails, "") != "a@b.c" || strings.Join(e.Websites, "") != "http://b.c" {
		t.Errorf("address %+v emails %q websites %q", a, e.Emails, e.Websites)
	}
	d := e.Documents[0]
	if d.Type != "passport" || d.Number != "EK 123" || !d.KnownFalse || d.Country != "" || d.Issued.Year != 2005 || d.Expires.Year != 2015 ||
		d.Note != "known expired; diplomatic; issued by MFA; name on document V. Yanukovych; country UKRAINE; seen in 2014" {
		t.Errorf("document %+v", d)
	}
	if e.Remarks != "first remark\nsecond\nk: v\nDesignation details: details\nDelisting date: 2030-01-01" {
		t.Errorf("remarks %q", e.Remarks)
	}
}

func small(records string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2018-12-21T14:39:54.511+01:00" globalFileId="1">` + records + `</export>`
}

const oneRecord = `<sanctionEntity logicalId="5"><regulation programme="TERR" numberTitle="t"/><subjectType code="person"/><nameAlias wholeName="A"/></sanctionEntity>`

func TestBadInput(t *testing.T) {
	real := readFile(t, excerptFile)
	for _, tc := range []struct {
		name, in, want string
		is             error
	}{
		{"empty", "", "no complete", io.ErrUnexpectedEOF},
		{"garbage", "\x00\x01garbage{}", "", nil},
		{"truncated", string(real[:len(real)/2]), "unexpected EOF", nil},
		{"truncated end", string(real[:len(real)-10]), "unexpected EOF", nil},
		{"invalid utf8 in attribute", small(strings.Replace(oneRecord, `"A"`, "\"A\xff\"", 1)), `sanctionEntity #1 logicalId="5"`, nil},
		{"doctype", `<!DOCTYPE export [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>` + small(oneRecord), "DOCTYPE", lists.ErrDoctype},
		{"undefined entity", small(strings.Replace(oneRecord, `"A"`, `"&b;"`, 1)), "sanctionEntity #1", nil},
		{"deep nesting", small(strings.Repeat("<x>", MaxDepth+1)), "nested deeper", lists.ErrTooLarge},
		{"huge record", small(`<sanctionEntity logicalId="1"><remark>` + strings.Repeat("a", MaxRecordBytes) + `</remark></sanctionEntity>`), "larger than", lists.ErrTooLarge},
		{"huge field", small(strings.Replace(oneRecord, `"A"`, `"`+strings.Repeat("a", MaxFieldBytes+1)+`"`, 1)), "wholeName is", lists.ErrTooLarge},
		{"wrong root", `<CONSOLIDATED_LIST/>`, "root element is <CONSOLIDATED_LIST>", nil},
		{"no date", `<export>` + oneRecord + `</export>`, "generationDate", nil},
		{"no records", small(""), "no sanctionEntity", lists.ErrNoRecords},
		{"bad logicalId", small(strings.Replace(oneRecord, `"5"`, `"x"`, 1)), "not an integer", nil},
		{"no regulation", small(`<sanctionEntity logicalId="5"><nameAlias wholeName="A"/></sanctionEntity>`), "no regulation", nil},
		{"no name", small(`<sanctionEntity logicalId="5"><regulation programme="TERR"/><nameAlias wholeName=" "/></sanctionEntity>`), "no name", nil},
		{"duplicate", small(oneRecord + oneRecord), "duplicate logicalId", nil},
		{"second root", small(oneRecord) + "<export/>", "after the root", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ents, _, err := Parse(strings.NewReader(tc.in))
			var pe *ParseError
			if err == nil || !errors.As(err, &pe) {
				t.Fatalf("error %v (%d entities), want a *ParseError", err, len(ents))
			}
			if !strings.HasPrefix(err.Error(), "eu: byte ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not name the byte offset and %q", err, tc.want)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			if (tc.is == lists.ErrTooLarge && !errors.Is(err, ErrTooLarge)) || (tc.is == lists.ErrNoRecords && !errors.Is(err, ErrNoRecord)) || (tc.is == lists.ErrDoctype && !errors.Is(err, ErrDoctype)) {
				t.Errorf("error %v is not its deprecated alias", err)
			}
		})
	}
}

func TestOversizedFile(t *testing.T) {
	defer func(c int64) { fileCap = c }(fileCap)
	fileCap = 1 << 20
	var b bytes.Buffer
	if _, err := generate(&b, 1000, 1); err != nil {
		t.Fatal(err)
	}
	_, _, err := Parse(&b)
	if !errors.Is(err, lists.ErrTooLarge) || !strings.Contains(err.Error(), "file is larger") {
		t.Fatalf("error %v", err)
	}
}

func BenchmarkParse(b *testing.B) {
	var buf bytes.Buffer
	if _, err := generate(&buf, 5000, 7); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	b.ReportMetric(5000, "entities/op")
	for b.Loop() {
		if _, _, err := Parse(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(readFile(f, excerptFile))
	var b bytes.Buffer
	if _, err := generate(&b, 6, 3); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte(small(oneRecord)))
	f.Fuzz(func(t *testing.T, data []byte) {
		ents, prov, err := Parse(bytes.NewReader(data))
		if err != nil {
			var pe *ParseError
			if ents != nil || !errors.As(err, &pe) {
				t.Fatalf("error %T %v with %d entities", err, err, len(ents))
			}
			return
		}
		if prov.Records != len(ents) || len(ents) == 0 || prov.Source != lists.EU {
			t.Fatalf("provenance %+v for %d entities", prov, len(ents))
		}
		seen := map[string]bool{}
		for _, e := range ents {
			if seen[e.ID] || len(e.Names) == 0 || e.Names[0].Type != lists.Primary || len(e.Programs) == 0 {
				t.Fatalf("bad entity %+v", e)
			}
			seen[e.ID] = true
			for i, n := range e.Names {
				if n.Full == "" || n.Full != squash(n.Full) || (i > 0 && n.Type == lists.Primary) {
					t.Fatalf("%s: bad name %+v", e.ID, n)
				}
			}
		}
	})
}
