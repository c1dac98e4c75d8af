package fuzzy

import (
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// Real list files, relative to this package.
const (
	sdnCSV  = "../testdata/ofac/sdn_csv_2024-07-02/sdn.csv"
	consXML = "../testdata/ofac/cons_xml_2025-03-28/consolidated.xml"
	unXML   = "../testdata/un/consolidated_2026-08-01.xml"
)

// listed is one listed name read from the real files, with the entity it
// belongs to ("ofac:35096", "un:KPi.033").
type listed struct {
	Entity string
	Name   string
	Kind   Kind
}

var (
	listedOnce sync.Once
	listedAll  []listed
	listedErr  error
)

// realNames returns every name on the real lists in testdata: SDN primary
// names and their remarks' weak aliases (a.k.a. 'X'), the consolidated
// non-SDN names and aliases, and the UN names, aliases and names in
// original script. It reads the files itself (encoding/csv, encoding/xml):
// the fuzzy package does not depend on the lists package.
func realNames(tb testing.TB) []listed {
	tb.Helper()
	listedOnce.Do(func() {
		var out []listed
		var err error
		if out, err = readSDN(out); err != nil {
			listedErr = err
			return
		}
		if out, err = readCons(out); err != nil {
			listedErr = err
			return
		}
		if out, err = readUN(out); err != nil {
			listedErr = err
			return
		}
		listedAll = out
	})
	if listedErr != nil {
		tb.Fatal(listedErr)
	}
	return listedAll
}

func records(ls []listed) []Record {
	recs := make([]Record, len(ls))
	for i, l := range ls {
		recs[i] = Record{ID: uint32(i), Name: l.Name, Kind: l.Kind}
	}
	return recs
}

var akaRe = regexp.MustCompile(`a\.k\.a\. '([^']+)'`)

func readSDN(out []listed) ([]listed, error) {
	f, err := os.Open(sdnCSV)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(row) < 3 {
			continue
		}
		ent := "ofac:" + strings.TrimSpace(row[0])
		kind := KindOrganization
		switch strings.TrimSpace(row[2]) {
		case "individual":
			kind = KindPerson
		case "vessel":
			kind = KindVessel
		case "aircraft":
			kind = KindAircraft
		}
		out = append(out, listed{ent, strings.TrimSpace(row[1]), kind})
		if len(row) > 11 {
			for _, m := range akaRe.FindAllStringSubmatch(row[11], -1) {
				out = append(out, listed{ent, m[1], kind})
			}
		}
	}
	return out, nil
}

func readCons(out []listed) ([]listed, error) {
	f, err := os.Open(consXML)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	type aka struct {
		First string `xml:"firstName"`
		Last  string `xml:"lastName"`
	}
	type entry struct {
		UID   string `xml:"uid"`
		First string `xml:"firstName"`
		Last  string `xml:"lastName"`
		Type  string `xml:"sdnType"`
		AKAs  []aka  `xml:"akaList>aka"`
	}
	join := func(last, first string) string {
		if first == "" {
			return last
		}
		return last + ", " + first
	}
	d := xml.NewDecoder(f)
	for {
		t, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		se, ok := t.(xml.StartElement)
		if !ok || se.Name.Local != "sdnEntry" {
			continue
		}
		var e entry
		if err := d.DecodeElement(&e, &se); err != nil {
			return nil, err
		}
		kind := KindOrganization
		switch e.Type {
		case "Individual":
			kind = KindPerson
		case "Vessel":
			kind = KindVessel
		case "Aircraft":
			kind = KindAircraft
		}
		ent := "ofac:" + e.UID
		out = append(out, listed{ent, join(e.Last, e.First), kind})
		for _, a := range e.AKAs {
			out = append(out, listed{ent, join(a.Last, a.First), kind})
		}
	}
	return out, nil
}

func readUN(out []listed) ([]listed, error) {
	f, err := os.Open(unXML)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	type alias struct {
		Name string `xml:"ALIAS_NAME"`
	}
	type party struct {
		Ref      string  `xml:"REFERENCE_NUMBER"`
		First    string  `xml:"FIRST_NAME"`
		Second   string  `xml:"SECOND_NAME"`
		Third    string  `xml:"THIRD_NAME"`
		Fourth   string  `xml:"FOURTH_NAME"`
		Original string  `xml:"NAME_ORIGINAL_SCRIPT"`
		IndAlias []alias `xml:"INDIVIDUAL_ALIAS"`
		EntAlias []alias `xml:"ENTITY_ALIAS"`
	}
	d := xml.NewDecoder(f)
	for {
		t, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		se, ok := t.(xml.StartElement)
		if !ok || se.Name.Local != "INDIVIDUAL" && se.Name.Local != "ENTITY" {
			continue
		}
		var p party
		if err := d.DecodeElement(&p, &se); err != nil {
			return nil, err
		}
		kind := KindPerson
		if se.Name.Local == "ENTITY" {
			kind = KindOrganization
		}
		ent := "un:" + strings.TrimSpace(p.Ref)
		var parts []string
		for _, s := range []string{p.First, p.Second, p.Third, p.Fourth} {
			if s = strings.TrimSpace(s); s != "" {
				parts = append(parts, s)
			}
		}
		out = append(out, listed{ent, strings.Join(parts, " "), kind})
		if s := strings.TrimSpace(p.Original); s != "" {
			out = append(out, listed{ent, s, kind})
		}
		for _, a := range append(p.IndAlias, p.EntAlias...) {
			if s := strings.TrimSpace(a.Name); s != "" {
				out = append(out, listed{ent, s, kind})
			}
		}
	}
	return out, nil
}

// Every SDN primary name finds itself: a listed name that its own exact
// spelling cannot find would never be screened. Names made only of
// generic words, initials and legal forms (GENERAL TECHNOLOGY LIMITED,
// I.P.C. INTERNATIONAL LIMITED, BM BANK JSC) included.
func TestEverySDNNameFindsItself(t *testing.T) {
	ix, ls := realIndex(t)
	sdn, err := readSDN(nil)
	if err != nil {
		t.Fatal(err)
	}
	n, missed := 0, 0
	for i, l := range sdn {
		if i > 0 && sdn[i-1].Entity == l.Entity {
			continue // an alias from the remarks; primary names only
		}
		n++
		if ls[i] != l {
			t.Fatalf("record %d is %v, want %v", i, ls[i], l)
		}
		found := false
		for _, m := range ix.Search(l.Name, l.Kind, 500, Threshold, nil) {
			found = found || m.ID == uint32(i)
		}
		if !found {
			missed++
			ex := ix.Explain(l.Name, l.Kind, uint32(i))
			t.Errorf("%s %q (kind %d) does not find itself: Explain %.3f %v", l.Entity, l.Name, l.Kind, ex.Score, ex.Notes)
		}
	}
	t.Logf("%d of %d SDN primary names find themselves at or above Threshold", n-missed, n)
	if n < 15000 {
		t.Errorf("only %d SDN primary names read", n)
	}
}

// A query with no identifying token but by promotion (generic words,
// titles, particles, short tokens) finds only listed names of the very same
// tokens, never the longer names that hold them.
func TestPromotedNamesMatchOnlyThemselves(t *testing.T) {
	ix, ls := realIndex(t)
	for _, q := range []string{"President", "International Bank", "The International Bank", "Bin", "Industrial",
		"Investment", "General Technology", "BM Bank", "Industrial Bank JSC", "RG Holdings", "Lady", "Sheikh Al",
		"Technology and Development", "Air", "Bank"} {
		for _, m := range ix.Search(q, KindUnknown, 20, Threshold, nil) {
			if core(ls[m.ID].Name) != core(q) {
				t.Errorf("%q matched %q (%.3f)", q, ls[m.ID].Name, m.Score)
			}
		}
	}
	if ex := Compare("CORP", "CORP", KindOrganization); ex.Score != 0 {
		t.Errorf("CORP/CORP: %.3f", ex.Score)
	}
}

// core returns a name's letters but its legal forms, in order, without
// spaces: "BM Bank", "BMBANK JSC" and "BM BANK PUBLIC JOINT STOCK COMPANY"
// have the same core.
func core(s string) string {
	var b strings.Builder
	var p parser
	p.parse(s, KindOrganization)
	if len(p.names) > 0 {
		for _, t := range p.names[0].toks {
			if t.cls != clsLegal {
				b.WriteString(t.text)
			}
		}
	}
	return b.String()
}

// Search at a higher minScore returns every record it returns at a lower
// one with a score above the higher: the admission bound counts on the
// discount a listed name that lacks the query's middle names gets
// (Ahmad, Abu Bar / ABU AHMAD was lost at 0.70, found at 0.50).
func TestSearchMinScoreMonotone(t *testing.T) {
	ix, ls := realIndex(t)
	qs := append([]string{"Ahmad, Abu Bar", "Ali Layla Nasser", "أحمد فاطمة شامي"}, benchQueries(ls, 800, true)...)
	// All scripts: abjad queries' joins, listed joins by abjad key and
	// initials that match what retrieval did not find (جماعة نصرة الإسلام
	// والمسلمين is JNIM at 0.739).
	qs = append(qs, benchQueries(ls, 3000, false)...)
	// Joins with a legal form, and a one-letter word as an initial.
	qs = append(qs, "INKOP DOOCUPRIJA", "NOUR HOLDINGSAL", "AONPO AVTOMATIKI", "I JE GLOBAL DMCC")
	for _, q := range qs {
		low := ix.Search(q, KindUnknown, 1000, 0.5, nil)
		for _, min := range []float64{0.7, Threshold} {
			got := map[uint32]bool{}
			for _, m := range ix.Search(q, KindUnknown, 1000, min, nil) {
				got[m.ID] = true
			}
			for _, m := range low {
				if m.Score >= min && !got[m.ID] {
					t.Errorf("%q: %q (%.3f) found at min 0.5, not at %.2f", q, ls[m.ID].Name, m.Score, min)
				}
			}
		}
	}
}
