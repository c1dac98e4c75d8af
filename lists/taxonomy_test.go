package lists

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestOFACProgram(t *testing.T) {
	tests := []struct {
		code  string
		class Class
		basis string
	}{
		{"SDNTK", ClassNarcotics, "Kingpin Act"},
		{"[SDNT]", ClassNarcotics, "E.O. 12978"},
		{"BPI-SDNTK", ClassNarcotics, "Kingpin"},
		{" ILLICIT-DRUGS-EO14059 ", ClassNarcotics, "E.O. 14059"},
		{"TCO", ClassOrganised, "E.O. 13581"},
		{"CYBER", ClassCyber, "E.O. 13694"},
		{"CYBER2", ClassCyber, "E.O. 13757"},
		{"CYBER3", ClassCyber, "E.O. 13694"},
		{"CYBER4", ClassCyber, "E.O. 13694"},
		{"GLOMAG", ClassCorruptionHR, "E.O. 13818"},
		{"MAGNIT", ClassCorruptionHR, "Magnitsky"},
		{"UHRPA", ClassCorruptionHR, "Uyghur"},
		{"HRIT-IR", ClassCorruptionHR, "E.O. 13606"},
		{"HRIT-SY", ClassCorruptionHR, "E.O. 13606"},
		{"IRAN-HR", ClassCorruptionHR, "E.O. 13553"},
		{"NICARAGUA-NHRAA", ClassCorruptionHR, "Nicaragua"},
		{"SDGT", ClassTerrorism, "E.O. 13224"},
		{"FTO", ClassTerrorism, "219"},
		{"HIFPAA", ClassTerrorism, "Hizballah"},
		{"SDT", ClassTerrorism, "E.O. 12947"},
		{"NPWMD", ClassProliferation, "E.O. 13382"},
		{"IFCA", ClassProliferation, "Counter-Proliferation"},
		{"DPRK", ClassProliferation, "E.O."},
		{"DPRK2", ClassProliferation, "E.O. 13687"},
		{"DPRK3", ClassProliferation, "E.O. 13722"},
		{"DPRK4", ClassProliferation, "E.O. 13810"},
		{"DPRK-NKSPEA", ClassProliferation, "Enhancement Act"},
		{"RUSSIA-EO14024", ClassForeignPolicy, "E.O. 14024"},
		{"UKRAINE-EO13662", ClassForeignPolicy, "E.O. 13662"},
		{"caatsa -  russia", ClassForeignPolicy, "CAATSA"},
		{"561-Related", ClassForeignPolicy, "561"},
		{"ICC-EO14203", ClassForeignPolicy, "E.O. 14203"},
		{"CUBA", ClassForeignPolicy, "515"},
		// unknown: never a panic, class unknown, EO suffix kept as basis
		{"FOO-EO14999", ClassUnknown, "E.O. 14999"},
		{"BPI-TCO", ClassOrganised, "E.O. 13581"},
		{"", ClassUnknown, ""},
		{"[]", ClassUnknown, ""},
		{"NOT-A-TAG", ClassUnknown, ""},
	}
	for _, tt := range tests {
		p := OFACProgram(tt.code)
		if p.Class != tt.class || !strings.Contains(p.LegalBasis, tt.basis) || p.Body != BodyOFAC {
			t.Errorf("OFACProgram(%q) = %+v; want class %s, basis containing %q", tt.code, p, tt.class, tt.basis)
		}
	}
	if got := OFACProgram("[sdntk]").Code; got != "SDNTK" {
		t.Errorf("code of [sdntk] = %q, want SDNTK", got)
	}
	if got := OFACProgram(" NEW  TAG ").Code; got != "NEW TAG" {
		t.Errorf("unknown code kept as %q, want %q", got, "NEW TAG")
	}
}

func TestEUProgram(t *testing.T) {
	tests := []struct {
		code, title string
		class       Class
		basis       string
	}{
		{"TUN", "101/2011 (OJ L31)", ClassCorruptionHR, "101/2011"},
		{"UKR", "208/2014 (OJ L66)", ClassCorruptionHR, "208/2014"},
		{"UKR", "2019/352 (OJ L64)", ClassCorruptionHR, "208/2014"},
		{"UKR", "269/2014 (OJ L78)", ClassForeignPolicy, "269/2014"},
		{"UKR", "2022/330 (OJ L51)", ClassForeignPolicy, "269/2014 (presumed)"},
		{"UKR", "2015/1381 (OJ L99)", ClassForeignPolicy, "presumed"}, // not 2015/138
		{"UKR", "", ClassForeignPolicy, "presumed"},
		{"HR", "2020/1998 (OJ L410I)", ClassCorruptionHR, "2020/1998"},
		{"CYB", "2020/1125 (OJ L246)", ClassCyber, "2019/796"},
		{"TERR", "2018/468 (OJ L79)", ClassTerrorism, "2580/2001"},
		{"TAQA", "", ClassTerrorism, "881/2002"},
		{"EUAQ", "", ClassTerrorism, "2016/1686"},
		{"HAM", "", ClassTerrorism, "2024/386"},
		{"PRK", "", ClassProliferation, "2017/1509"},
		{"IRN", "267/2012 (OJ L88)", ClassProliferation, "267/2012"},
		{"IRN", "359/2011 (OJ L100)", ClassCorruptionHR, "359/2011"},
		{"CHEM", "", ClassProliferation, "2018/1542"},
		{"UNLI", "", ClassUnknown, "not yet transposed"},
		{"ZWE", "898/2005 (OJ L153)", ClassForeignPolicy, "314/2004"},
		{"syr", "", ClassForeignPolicy, "36/2012"},
		{"XYZ", "1/2099", ClassUnknown, ""},
	}
	for _, tt := range tests {
		p := EUProgram(tt.code, tt.title)
		if p.Class != tt.class || !strings.Contains(p.LegalBasis, tt.basis) || p.Body != BodyEU || p.Title != tt.title && tt.title != "" {
			t.Errorf("EUProgram(%q, %q) = %+v; want class %s, basis containing %q", tt.code, tt.title, p, tt.class, tt.basis)
		}
	}
}

func TestUNProgram(t *testing.T) {
	tests := []struct {
		ref, listType string
		code          string
		class         Class
		basis         string
	}{
		{"QDi.001", "Al-Qaida", "QD", ClassTerrorism, "1267"},
		{"QDe.004", "Al-Qaida", "QD", ClassTerrorism, "2253"},
		{"TAi.002", "Taliban", "TA", ClassTerrorism, "1988"},
		{"KPe.001", "DPRK", "KP", ClassProliferation, "1718"},
		{"IRi.001", "Iran", "IR", ClassProliferation, "1737"},
		{"LYi.001", "Libya", "LY", ClassForeignPolicy, "1970"},
		{"IQe.001", "Iraq", "IQ", ClassForeignPolicy, "1518"},
		{"CDi.001", "DRC", "CD", ClassForeignPolicy, "1533"},
		{"SDi.001", "Sudan", "SD", ClassForeignPolicy, "1591"},
		{"SOi.001", "Somalia", "SO", ClassForeignPolicy, "751"},
		{"GBi.001", "GB", "GB", ClassForeignPolicy, "2048"},
		{"CFi.001", "CAR", "CF", ClassForeignPolicy, "2127"},
		{"YEi.001", "Yemen", "YE", ClassForeignPolicy, "2140"},
		{"SSi.001", "SouthSudan", "SS", ClassForeignPolicy, "2206"},
		{"HTi.001", "Haiti", "HT", ClassOrganised, "2653"},
		{"", "Al-Qaida", "QD", ClassTerrorism, "1267"}, // fallback on list type
		{"qdi.001", "", "QD", ClassTerrorism, "1267"},
		{"ZZi.001", "Martian", "Martian", ClassUnknown, ""},
		{"", "", "", ClassUnknown, ""},
		{"Q", "", "", ClassUnknown, ""},
	}
	for _, tt := range tests {
		p := UNProgram(tt.ref, tt.listType)
		if p.Code != tt.code || p.Class != tt.class || !strings.Contains(p.LegalBasis, tt.basis) || p.Body != BodyUNSC {
			t.Errorf("UNProgram(%q, %q) = %+v; want code %s class %s basis containing %q", tt.ref, tt.listType, p, tt.code, tt.class, tt.basis)
		}
	}
}

func TestProgramTable(t *testing.T) {
	rows := ProgramTable()
	if len(rows) < 100 {
		t.Fatalf("ProgramTable has %d rows; want the full curated table", len(rows))
	}
	bodies := map[Body]int{}
	for _, r := range rows {
		bodies[r.Body]++
		if r.Code == "" || r.Source == "" || r.Title == "" {
			t.Errorf("row %+v lacks code, title or source citation", r)
		}
		if r.Class != ClassUnknown && r.LegalBasis == "" {
			t.Errorf("row %s/%s classified without a legal basis", r.Body, r.Code)
		}
	}
	for _, b := range []Body{BodyOFAC, BodyEU, BodyUNSC} {
		if bodies[b] == 0 {
			t.Errorf("no rows for %s", b)
		}
	}
	// a copy: changing it must not change the library's view
	rows[0].Class = ClassUnknown
	if ProgramTable()[0].Class == ClassUnknown {
		t.Error("ProgramTable returned the internal table, not a copy")
	}
	// the crime classes are all represented, and CrimeBased agrees
	crime := map[Class]bool{}
	for _, r := range rows {
		if r.Class.CrimeBased() {
			crime[r.Class] = true
		}
	}
	if len(crime) != 4 {
		t.Errorf("crime classes in table: %v, want all four", crime)
	}
}

// TestOFACTagsInTestdataAreKnown extracts every programme tag from the real
// OFAC files in testdata (CSV programme column, XML <program>) and checks
// the taxonomy knows each one: a new tag in a new file must be added to the
// table by a person, and this test names it.
func TestOFACTagsInTestdataAreKnown(t *testing.T) {
	tags, err := ofacTagsInTestdata("../testdata/ofac")
	if err != nil {
		t.Fatal(err)
	}
	if len(tags) < 70 {
		t.Fatalf("found only %d distinct tags in testdata; extraction broken?", len(tags))
	}
	var unknown []string
	for tag, n := range tags {
		if OFACProgram(tag).Class == ClassUnknown {
			unknown = append(unknown, fmt.Sprintf("%s (%d)", tag, n))
		}
	}
	sort.Strings(unknown)
	if len(unknown) > 0 {
		t.Errorf("%d of %d OFAC tags in testdata are not in the taxonomy: %v", len(unknown), len(tags), unknown)
	}
}

var xmlProgram = regexp.MustCompile(`<program>([^<]*)</program>`)

func ofacTagsInTestdata(root string) (map[string]int, error) {
	tags := map[string]int{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		base := filepath.Base(path)
		switch {
		case base == "sdn.csv" || base == "cons_prim.csv":
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			r := csv.NewReader(bufio.NewReader(f))
			r.FieldsPerRecord = -1
			r.LazyQuotes = true
			for {
				rec, err := r.Read()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
				if len(rec) < 4 || strings.TrimSpace(rec[3]) == "-0-" {
					continue
				}
				for _, tag := range strings.Split(rec[3], "] [") {
					tags[cleanCode(tag)]++
				}
			}
		case strings.HasSuffix(base, ".xml"):
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range xmlProgram.FindAllSubmatch(b, -1) {
				tags[cleanCode(string(m[1]))]++
			}
		}
		return nil
	})
	return tags, err
}

func TestContainsRegNumber(t *testing.T) {
	tests := []struct {
		title, num string
		want       bool
	}{
		{"208/2014 (OJ L66)", "208/2014", true},
		{"1208/2014", "208/2014", false},
		{"2015/1381 (OJ L1)", "2015/138", false},
		{"see 2015/138 and", "2015/138", true},
		{"x 2015/1381; 2015/138", "2015/138", true},
		{"", "208/2014", false},
	}
	for _, tt := range tests {
		if got := containsRegNumber(tt.title, tt.num); got != tt.want {
			t.Errorf("containsRegNumber(%q, %q) = %v", tt.title, tt.num, got)
		}
	}
}

func ExampleOFACProgram() {
	p := OFACProgram("ILLICIT-DRUGS-EO14059")
	fmt.Println(p.Class, p.Class.CrimeBased(), p.LegalBasis)
	// Output: crime:narcotics true E.O. 14059
}

func ExampleEUProgram() {
	for _, title := range []string{"208/2014 (OJ L66)", "269/2014 (OJ L78)"} {
		p := EUProgram("UKR", title)
		fmt.Println(p.Class, p.LegalBasis)
	}
	// Output:
	// crime:corruption-human-rights Reg. (EU) No 208/2014
	// foreign-policy Reg. (EU) No 269/2014
}

func ExampleUNProgram() {
	p := UNProgram("QDi.001", "Al-Qaida")
	fmt.Println(p.Code, p.Class, p.LegalBasis)
	// Output: QD terrorism UNSCR 1267 (1999), 1989 (2011), 2253 (2015)
}

//go:generate go test . -run ^TestProgramsDoc$ -update

var update = flag.Bool("update", false, "rewrite PROGRAMS.md from the taxonomy")

// TestProgramsDoc keeps PROGRAMS.md, the human-readable taxonomy, in step
// with the tables: go test ./lists -run ProgramsDoc -update rewrites it.
func TestProgramsDoc(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("# Programme taxonomy\n\nGenerated from lists/taxonomy.go by `go test ./lists -run ProgramsDoc -update`; do not edit.\n")
	b.WriteString("Which sanctions programmes freezeguard treats as crime-based, who designates under them and on what legal basis (docs/lists.md).\n")
	b.WriteString("A code not in this table is classified `unknown` and needs a person.\n\n")
	if err := WriteProgramTable(&b); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("PROGRAMS.md", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("PROGRAMS.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, b.Bytes()) {
		t.Error("PROGRAMS.md is out of date: go test ./lists -run ProgramsDoc -update")
	}
	if n := strings.Count(b.String(), "\n| "); n != len(ProgramTable())+1 {
		t.Errorf("table has %d rows, want %d", n, len(ProgramTable())+1)
	}
}

func FuzzPrograms(f *testing.F) {
	for _, s := range []string{"SDNTK", "[ILLICIT-DRUGS-EO14059]", "BPI-SDNTK", "CAATSA - RUSSIA", "UKR", "QDi.001", "HTe.001", "FOO-EO12345", "BPI-", "[]", "Q"} {
		f.Add(s, "208/2014 (OJ L66)")
	}
	f.Fuzz(func(t *testing.T, code, title string) {
		for _, p := range []Program{OFACProgram(code), EUProgram(code, title), UNProgram(code, title)} {
			if p.Class == "" || p.Body == "" {
				t.Fatalf("%q/%q: empty class or body: %+v", code, title, p)
			}
			if p.Class != ClassUnknown && p.LegalBasis == "" {
				t.Fatalf("%q/%q: classified without legal basis: %+v", code, title, p)
			}
		}
	})
}
