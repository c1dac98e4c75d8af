package eu

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

// No full FSF file could be had, so this generator writes one that follows
// the XSD (testdata/schemas/eu_fsf_20171012-FULL-schema-1_1.xsd) element by
// element and uses every element and attribute kind, in the shapes the real
// excerpt shows. It also returns what the parser must make of each entity,
// so tests can check the mapping at volume. Written to disk, its files are
// named generated_eu_fsf_<n>.xml.

var writeGenerated = flag.String("eu.generate", "", "write generated_eu_fsf_<n>.xml files into this directory")

// genWant is what the parser should produce for one generated entity.
type genWant struct {
	id                          string
	kind                        lists.Kind
	names, weak                 int
	primary                     string
	scripts                     map[string]string // name -> script
	dates, places, docs, addrs  int
	citizenships                []string
	falseDocs, emails, websites int
	program, un                 string
}

var genNames = []struct{ lang, whole string }{
	{"", "Ivan Petrovich Sidorov"},
	{"RU", "Иван Петрович Сидоров"},
	{"BG", "Иван Петрович Сидоров"},
	{"UK", "Іван Петрович Сидоров"},
	{"EL", "Ιβάν Πέτροβιτς Σιντόροφ"},
	{"AR", "إيفان بتروفيتش سيدوروف"},
	{"ZH", "伊万·彼得罗维奇·西多罗夫"},
	{"DE", "Iwan Petrowitsch Sidorow"},
	{"FR", "Ivan Petrovitch Sidorov"},
	{"", "صدام حسين"},
	{"", "김정은"},
}

var genProgrammes = []struct{ code, title string }{
	{"UKR", "269/2014 (OJ L78)"}, {"UKR", "208/2014 (OJ L66)"}, {"TERR", "2018/468 (OJ L79)"},
	{"PRK", "2017/1509 (OJ L224)"}, {"TUN", "101/2011 (OJ L31)"}, {"HR", "2020/1998 (OJ L410I)"},
	{"CYB", "2019/796 (OJ L129I)"}, {"SYR", "36/2012 (OJ L16)"}, {"IRQ", "1210/2003 (OJ L169)"},
}

func x(s string) string {
	var b strings.Builder
	xmlEscape(&b, s)
	return b.String()
}

func xmlEscape(b *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
}

const regSummary = `<regulationSummary regulationType="amendment" publicationDate="2014-03-17" numberTitle="269/2014 (OJ L78)" publicationUrl="http://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32014R0269&amp;from=EN"/>`

// generate writes a schema-conformant FSF file of n sanctionEntity
// elements, deterministic for a seed, and returns what each should parse to.
func generate(w io.Writer, n int, seed uint64) ([]genWant, error) {
	rng := rand.New(rand.NewPCG(seed, 1))
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-05-03T10:11:12.345+02:00" globalFileId="%d">`+"\n", 100000+seed)
	wants := make([]genWant, 0, n)
	for i := range n {
		var b strings.Builder
		id := 1000 + i*7
		person := i%3 != 2
		want := genWant{id: fmt.Sprintf("eu:%d", id), kind: lists.Organization, scripts: map[string]string{}}
		if person {
			want.kind = lists.Person
		}
		prog := genProgrammes[i%len(genProgrammes)]
		want.program = prog.code
		un := ""
		if i%5 == 0 {
			un = fmt.Sprintf("QDi.%03d", i%1000)
			want.un = un
		}
		fmt.Fprintf(&b, `  <sanctionEntity designationDetails="%s" unitedNationId="%s" euReferenceNumber="EU.%d.%d" logicalId="%d"`,
			x(map[bool]string{true: "Listed by the Council & the UN", false: ""}[i%4 == 0]), un, i, i%97, id)
		if i%2 == 0 {
			fmt.Fprintf(&b, ` designationDate="20%02d-%02d-%02d"`, 10+i%14, 1+i%12, 1+i%28)
		}
		b.WriteString(">\n")
		if i%3 == 0 {
			fmt.Fprintf(&b, "    <remark>Remark %d: associated with entity %d &lt;see annex&gt;.</remark>\n", i, id-7)
		}
		if i%4 == 1 {
			b.WriteString(`    <additionalInformation key="note" value="added by generator"/>` + "\n")
		}
		fmt.Fprintf(&b, `    <regulation regulationType="amendment" organisationType="council" publicationDate="2019-0%d-1%d" entryIntoForceDate="2019-0%d-2%d" numberTitle="%s" programme="%s" logicalId="%d">`+"\n",
			1+i%9, i%9, 1+i%9, i%9, x(prog.title), prog.code, 500000+i)
		if i%6 == 0 {
			b.WriteString("      <remark>regulation remark</remark>\n")
		}
		fmt.Fprintf(&b, "      <publicationUrl>http://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:3%d&amp;from=EN</publicationUrl>\n", id)
		if i%7 == 0 {
			b.WriteString(`      <corrigendum regulationType="corrigendum" publicationDate="2019-02-01" numberTitle="2019/1 (OJ L1)" publicationUrl="http://eur-lex.europa.eu/x"/>` + "\n")
		}
		b.WriteString("    </regulation>\n")
		if person {
			b.WriteString(`    <subjectType code="person" classificationCode="P"/>` + "\n")
		} else {
			b.WriteString(`    <subjectType code="enterprise" classificationCode="E"/>` + "\n")
		}
		// Names: 1..11 aliases; the first may be weak, then the primary is
		// the first strong one.
		k := 1 + rng.IntN(len(genNames))
		firstStrong := -1
		for j := range k {
			g := genNames[(i+j)%len(genNames)]
			whole := g.whole
			if j > 0 {
				whole = fmt.Sprintf("%s %d", g.whole, j) // distinct names
			}
			strong := !(j == 0 && i%8 == 3) && !(j > 0 && rng.IntN(4) == 0)
			if !strong {
				want.weak++
			} else if firstStrong < 0 {
				firstStrong = j
				want.primary = whole
			}
			want.names++
			script := map[string]string{"RU": "Cyrl", "BG": "Cyrl", "UK": "Cyrl", "EL": "Grek", "AR": "Arab", "ZH": "Hani"}[g.lang]
			if script == "" {
				script = detectScript(whole)
			}
			want.scripts[whole] = script
			first, last, gender, function, title := "", "", "", "", ""
			if person && g.lang == "" && j == 0 {
				parts := strings.Fields(g.whole)
				first, last = parts[0], parts[len(parts)-1]
				gender = "M"
				function = "Minister of Things"
				title = "General"
			}
			fmt.Fprintf(&b, `    <nameAlias firstName="%s" middleName="" lastName="%s" wholeName="%s" function="%s"`, x(first), x(last), x(whole), function)
			if gender != "" {
				fmt.Fprintf(&b, ` gender="%s"`, gender)
			}
			fmt.Fprintf(&b, ` title="%s" nameLanguage="%s" strong="%t" regulationLanguage="en" logicalId="%d">`+"\n", title, g.lang, strong, id*100+j)
			if j == 1 && i%5 == 1 {
				b.WriteString("      <remark>alias remark</remark>\n")
			}
			b.WriteString("      " + regSummary + "\n    </nameAlias>\n")
		}
		if firstStrong < 0 {
			want.primary = genNames[i%len(genNames)].whole
		}
		if person {
			// citizenship: sometimes two, sometimes unknown ("00").
			for j, c := range []string{"RU", "UA", "00"}[:i%4%3+1] {
				fmt.Fprintf(&b, `    <citizenship region="" countryIso2Code="%s" countryDescription="%s" regulationLanguage="en" logicalId="%d">`+"\n      "+regSummary+"\n    </citizenship>\n",
					c, map[string]string{"RU": "RUSSIA", "UA": "UKRAINE", "00": "UNKNOWN"}[c], id*10+j)
				if c != "00" {
					want.citizenships = append(want.citizenships, c)
				}
			}
			// birthdates: full date, year only + circa, range, Islamic calendar, place only.
			switch i % 5 {
			case 0:
				fmt.Fprintf(&b, `    <birthdate circa="false" calendarType="GREGORIAN" city="Moscow" zipCode="" birthdate="19%02d-0%d-1%d" dayOfMonth="1%d" monthOfYear="%d" year="19%02d" region="" place="" countryIso2Code="RU" countryDescription="RUSSIA" regulationLanguage="en" logicalId="%d">`,
					40+i%60, 1+i%9, i%10, i%10, 1+i%9, 40+i%60, id)
				want.dates, want.places = 1, 1
			case 1:
				fmt.Fprintf(&b, `    <birthdate circa="true" calendarType="GREGORIAN" year="1960" countryIso2Code="00" countryDescription="UNKNOWN" regulationLanguage="en" logicalId="%d">`, id)
				want.dates = 1
			case 2:
				fmt.Fprintf(&b, `    <birthdate calendarType="GREGORIAN" yearRangeFrom="1958" yearRangeTo="1962" place="near Donetsk" countryIso2Code="UA" countryDescription="UKRAINE" regulationLanguage="en" logicalId="%d">`, id)
				want.dates, want.places = 1, 1
			case 3:
				fmt.Fprintf(&b, `    <birthdate calendarType="ISLAMIC" year="1380" countryIso2Code="00" countryDescription="UNKNOWN" regulationLanguage="en" logicalId="%d">`, id)
				want.dates = 1
			case 4:
				fmt.Fprintf(&b, `    <birthdate calendarType="GREGORIAN" city="Kyiv" countryIso2Code="UA" countryDescription="UKRAINE" regulationLanguage="en" logicalId="%d">`, id)
				want.places = 1
			}
			b.WriteString("\n      " + regSummary + "\n    </birthdate>\n")
		}
		if i%2 == 1 {
			fmt.Fprintf(&b, `    <address city="Moscow" street="Tverskaya %d" poBox="%d" zipCode="1250%02d" region="" place="" asAtListingTime="%t" countryIso2Code="RU" countryDescription="RUSSIA" regulationLanguage="en" logicalId="%d">`+"\n",
				i, i, i%100, i%4 == 1, id)
			b.WriteString("      <remark>office</remark>\n      " + regSummary + "\n")
			if !person {
				fmt.Fprintf(&b, `      <contactInfo key="EMAIL" value="info%d@example.org"/>`+"\n", i)
				fmt.Fprintf(&b, `      <contactInfo key="WEB" value="https://example.org/%d"/>`+"\n", i)
				b.WriteString(`      <contactInfo key="PHONE" value="+7 495 000 00 00"/>` + "\n")
				want.emails, want.websites = 1, 1
			}
			b.WriteString("    </address>\n")
			want.addrs = 1
		}
		if person && i%3 == 0 {
			for j := range 2 {
				fals := j == 1 && i%9 == 0
				if fals {
					want.falseDocs++
				}
				fmt.Fprintf(&b, `    <identification diplomatic="false" knownExpired="%t" knownFalse="%t" reportedLost="false" revokedByIssuer="false" issueDate="2010-01-0%d" issuedBy="" latinNumber="" nameOnDocument="" number="%d%05d" region="" countryIso2Code="%s" countryDescription="x" identificationTypeCode="passport" identificationTypeDescription="National passport" regulationLanguage="en" logicalId="%d">`+"\n",
					j == 0, fals, 1+j, j, id, []string{"RU", "00"}[j], id*10+j)
				b.WriteString("      " + regSummary + "\n    </identification>\n")
				want.docs++
			}
		}
		b.WriteString("  </sanctionEntity>\n")
		if _, err := bw.WriteString(b.String()); err != nil {
			return nil, err
		}
		wants = append(wants, want)
	}
	bw.WriteString("</export>\n")
	return wants, bw.Flush()
}

// writeGeneratedFile writes generated_eu_fsf_<n>.xml into dir.
func writeGeneratedFile(t testing.TB, dir string, n int) (string, []genWant) {
	t.Helper()
	path := filepath.Join(dir, fmt.Sprintf("generated_eu_fsf_%d.xml", n))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	wants, err := generate(f, n, 42)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	return path, wants
}

func TestGeneratedFile(t *testing.T) {
	dir := t.TempDir()
	if *writeGenerated != "" {
		dir = *writeGenerated
	}
	const n = 3000
	path, wants := writeGeneratedFile(t, dir, n)

	// When xmllint is installed, prove the generator follows the schema.
	if xmllint, err := exec.LookPath("xmllint"); err == nil {
		small, _ := writeGeneratedFile(t, t.TempDir(), 60)
		out, err := exec.Command(xmllint, "--noout", "--schema", "../../testdata/schemas/eu_fsf_20171012-FULL-schema-1_1.xsd", small).CombinedOutput()
		if err != nil {
			t.Fatalf("generated file does not validate against the XSD: %v\n%s", err, out)
		}
	} else {
		t.Log("xmllint not installed: schema validation of the generator skipped")
	}

	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ents, prov, err := Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != n || prov.Records != n || prov.Published.Year() != 2024 {
		t.Fatalf("%d entities, provenance %+v", len(ents), prov)
	}
	for i, w := range wants {
		e := &ents[i]
		got := genWant{id: e.ID, kind: e.Kind, names: len(e.Names), primary: e.Names[0].Full,
			dates: len(e.BirthDates), places: len(e.BirthPlaces), docs: len(e.Documents), addrs: len(e.Addresses),
			citizenships: e.Citizenships, emails: len(e.Emails), websites: len(e.Websites), un: e.UNReference}
		for _, nm := range e.Names {
			if nm.Quality == lists.Weak {
				got.weak++
			}
		}
		for _, d := range e.Documents {
			if d.KnownFalse {
				got.falseDocs++
			}
		}
		if len(e.Programs) == 1 {
			got.program = e.Programs[0].Code
		}
		if fmt.Sprint(got.id, got.kind, got.names, got.weak, got.primary, got.dates, got.places, got.docs, got.addrs, got.citizenships, got.falseDocs, got.emails, got.websites, got.program, got.un) !=
			fmt.Sprint(w.id, w.kind, w.names, w.weak, w.primary, w.dates, w.places, w.docs, w.addrs, w.citizenships, w.falseDocs, w.emails, w.websites, w.program, w.un) {
			t.Fatalf("entity %d:\n got %+v\nwant %+v", i, got, w)
		}
		if e.Names[0].Type != lists.Primary {
			t.Fatalf("%s: Names[0] is %+v", e.ID, e.Names[0])
		}
		for _, nm := range e.Names {
			if want := w.scripts[nm.Full]; nm.Script != want {
				t.Fatalf("%s: name %q script %q, want %q", e.ID, nm.Full, nm.Script, want)
			}
		}
		p := e.Programs[0]
		if p.URL == "" || p.Published.IsZero() || p.InForce.IsZero() || p.Body != lists.BodyEU {
			t.Fatalf("%s: programme %+v", e.ID, p)
		}
	}
}
