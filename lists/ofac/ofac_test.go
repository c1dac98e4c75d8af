package ofac

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
)

const td = "../../testdata/ofac"

func open(t testing.TB, rel string) io.Reader {
	t.Helper()
	f, err := os.Open(filepath.Join(td, rel))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func byID(t testing.TB, ents []lists.Entity, id string) *lists.Entity {
	t.Helper()
	for i := range ents {
		if ents[i].ID == id {
			return &ents[i]
		}
	}
	t.Fatalf("%s not found", id)
	return nil
}

func hasName(e *lists.Entity, full string, typ lists.NameType, q lists.Quality) bool {
	for _, n := range e.Names {
		if n.Full == full && n.Type == typ && n.Quality == q {
			return true
		}
	}
	return false
}

func codes(ps []lists.Program) []string {
	var c []string
	for _, p := range ps {
		c = append(c, p.Code)
	}
	return c
}

func parseSDN(t testing.TB, date string) []lists.Entity {
	t.Helper()
	ents, prov, err := ParseCSV(open(t, "sdn_csv_"+date+"/sdn.csv"), nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if prov.Source != lists.OFAC || prov.Format != FormatCSV || prov.Records != len(ents) || !prov.Published.IsZero() {
		t.Errorf("provenance %+v", prov)
	}
	return ents
}

func TestSDNCSV20240702(t *testing.T) {
	ents := parseSDN(t, "2024-07-02")
	if len(ents) != 15443 {
		t.Fatalf("got %d entities, want 15443", len(ents))
	}
	kinds := map[lists.Kind]int{}
	for i := range ents {
		e := &ents[i]
		kinds[e.Kind]++
		if e.Source != lists.OFAC || e.Names[0].Type != lists.Primary || len(e.Programs) == 0 {
			t.Fatalf("%s: bad entity %+v", e.ID, e)
		}
	}
	want := map[lists.Kind]int{lists.Person: 6927, lists.Vessel: 872, lists.Aircraft: 374, lists.Organization: 7270}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%s: got %d, want %d", k, kinds[k], n)
		}
	}

	// Saddam Hussein: name split, DOB, POB, weak a.k.a. from the remarks.
	e := byID(t, ents, "ofac:7843")
	if n := e.Names[0]; n.Full != "AL-TIKRITI, Saddam Hussein" || n.Last != "AL-TIKRITI" || n.First != "Saddam Hussein" {
		t.Errorf("7843 name %+v", n)
	}
	if len(e.BirthDates) != 1 || e.BirthDates[0].Year != 1937 || e.BirthDates[0].Month != 4 || e.BirthDates[0].Day != 28 || e.BirthDates[0].Kind != lists.DateExact {
		t.Errorf("7843 DOB %+v", e.BirthDates)
	}
	if len(e.BirthPlaces) != 1 || e.BirthPlaces[0].Text != "al-Awja, near Tikrit, Iraq" {
		t.Errorf("7843 POB %+v", e.BirthPlaces)
	}
	if !hasName(e, "ABU ALI", lists.AKA, lists.Weak) {
		t.Errorf("7843 lacks weak a.k.a. ABU ALI: %+v", e.Names)
	}
	if !slices.Equal(codes(e.Programs), []string{"IRAQ2"}) || e.Remarks == "" {
		t.Errorf("7843 programs %v remarks %q", codes(e.Programs), e.Remarks)
	}

	// Putin: programme, gender, title.
	e = byID(t, ents, "ofac:35096")
	if !slices.Equal(codes(e.Programs), []string{"RUSSIA-EO14024"}) || e.Programs[0].Body != lists.BodyOFAC {
		t.Errorf("35096 programs %+v", e.Programs)
	}
	if e.Gender != "male" || !slices.Contains(e.Titles, "President of the Russian Federation") {
		t.Errorf("35096 gender %q titles %q", e.Gender, e.Titles)
	}

	// Both narcotics tags kept, in order.
	e = byID(t, ents, "ofac:7226")
	if !slices.Equal(codes(e.Programs), []string{"SDNTK", "ILLICIT-DRUGS-EO14059"}) {
		t.Errorf("7226 programs %v", codes(e.Programs))
	}
	if !hasName(e, "El Mayo", lists.AKA, lists.Weak) {
		t.Errorf("7226 names %+v", e.Names)
	}

	// A vessel with IMO, MMSI and the vessel columns.
	e = byID(t, ents, "ofac:15036")
	if e.Kind != lists.Vessel || e.Vessel == nil || e.Vessel.IMO != "9187629" || e.Vessel.MMSI != "572469210" ||
		e.Vessel.CallSign != "T2EU4" || e.Vessel.Type != "Crude/Oil Products Tanker" || e.Vessel.Tonnage != "99,144" || e.Vessel.GRT != "56,068" {
		t.Errorf("15036 vessel %+v", e.Vessel)
	}

	// Digital currency addresses.
	e = byID(t, ents, "ofac:27307")
	if len(e.Crypto) < 4 || e.Crypto[0] != (lists.CryptoAddress{Currency: "ETH", Address: "0x098B716B8Aaf21512996dC57EB0615e2383E2f96"}) {
		t.Errorf("27307 crypto %+v", e.Crypto)
	}

	// SWIFT/BIC, websites, a company number with its country.
	e = byID(t, ents, "ofac:906")
	if !slices.Equal(e.BICs, []string{"HAVIGB2L"}) || !slices.Equal(e.Websites, []string{"www.havanaintbank.co.uk", "www.hib.uk.com"}) {
		t.Errorf("906 bics %v websites %v", e.BICs, e.Websites)
	}
	if len(e.Documents) != 1 || e.Documents[0].Type != "Company Number" || e.Documents[0].Number != "01074897" {
		t.Errorf("906 documents %+v", e.Documents)
	}
	if cc := lists.CountryCode("United Kingdom"); e.Documents[0].Country != cc {
		t.Errorf("906 document country %q, CountryCode gives %q", e.Documents[0].Country, cc)
	}

	// A passport with issue and expiry dates, after a second DOB.
	e = byID(t, ents, "ofac:6944")
	if len(e.BirthDates) != 3 {
		t.Errorf("6944 DOBs %+v", e.BirthDates)
	}
	var found bool
	for _, d := range e.Documents {
		if d.Type == "Passport" && d.Number == "G 649385" {
			found = d.Issued != nil && *d.Issued == (lists.Date{Kind: lists.DateExact, Year: 2006, Month: 9, Day: 8, Text: "08 Sep 2006"}) &&
				d.Expires != nil && d.Expires.Year == 2011 && d.Expires.Month == 7 && d.Expires.Day == 17
		}
	}
	if !found {
		t.Errorf("6944 documents %+v", e.Documents)
	}

	// An aircraft.
	e = byID(t, ents, "ofac:15432")
	if e.Kind != lists.Aircraft || e.Vessel == nil || e.Vessel.Model != "IL-76TD" || e.Vessel.SerialNumber != "1013409297" || !slices.Contains(e.LinkedTo, "POUYA AIR") {
		t.Errorf("15432 %+v %+v", e.Vessel, e.LinkedTo)
	}

	// Circa dates.
	e = byID(t, ents, "ofac:7782")
	if len(e.BirthDates) != 1 || e.BirthDates[0].Kind != lists.DateCirca || e.BirthDates[0].Year != 1951 {
		t.Errorf("7782 DOB %+v", e.BirthDates)
	}
}

func TestSDNCSV20240503(t *testing.T) {
	if n := len(parseSDN(t, "2024-05-03")); n != 14965 {
		t.Fatalf("got %d entities, want 14965", n)
	}
}

func TestCSVSet2021(t *testing.T) {
	d := "csv_set_2021-07/"
	ents, prov, err := ParseCSV(open(t, d+"sdn.csv"), open(t, d+"add.csv"), open(t, d+"alt.csv"), open(t, d+"sdn_comments.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 8976 || prov.Records != 8976 {
		t.Fatalf("got %d entities (%d in provenance), want 8976", len(ents), prov.Records)
	}
	var strong, addrs int
	for i := range ents {
		for _, n := range ents[i].Names[1:] {
			if n.Quality == lists.Strong {
				strong++
			}
		}
		addrs += len(ents[i].Addresses)
	}
	if strong != 11910 || addrs != 13837 {
		t.Errorf("got %d strong aliases and %d addresses, want 11910 and 13837", strong, addrs)
	}

	// Strong aliases from alt.csv, split for people.
	e := byID(t, ents, "ofac:7843")
	for _, n := range []string{"HUSAYN, Saddam", "HUSSAIN, Saddam", "HUSSEIN, Saddam"} {
		if !hasName(e, n, lists.AKA, lists.Strong) {
			t.Errorf("7843 lacks %q", n)
		}
	}
	if n := e.Names[1]; n.Last != "HUSAYN" || n.First != "Saddam" {
		t.Errorf("7843 alias split %+v", n)
	}

	// Remarks continued in sdn_comments.csv, joined mid-word.
	e = byID(t, ents, "ofac:28264")
	if !slices.Contains(e.LinkedTo, "LAZARUS GROUP") || !hasName(e, "blackjack1987", lists.AKA, lists.Weak) {
		t.Errorf("28264 continuation not parsed: linked %v names %+v", e.LinkedTo, e.Names)
	}
	if want := "510.210; Phone Number 8613314257947;"; !contains(e.Remarks, want) {
		t.Errorf("28264 remarks not joined: %q", e.Remarks)
	}
	if len(e.Crypto) != 12 {
		t.Errorf("28264 crypto %d", len(e.Crypto))
	}
	var doc bool
	for _, d := range e.Documents {
		doc = doc || d.Type == "Identification Number" && d.Number == "210302198701102136"
	}
	if !doc {
		t.Errorf("28264 documents %+v", e.Documents)
	}
	// Addresses, fka/nka types.
	e = byID(t, ents, "ofac:173")
	if len(e.Addresses) != 1 || e.Addresses[0].Street != "Ibex House, The Minories" || e.Addresses[0].City != "London" || e.Addresses[0].PostalCode != "EC3N 1DY" || e.Addresses[0].CountryName != "United Kingdom" {
		t.Errorf("173 addresses %+v", e.Addresses)
	}
	types := map[lists.NameType]int{}
	for i := range ents {
		for _, n := range ents[i].Names {
			types[n.Type]++
		}
	}
	if types[lists.FKA] == 0 || types[lists.NKA] == 0 || types[lists.Primary] != 8976 {
		t.Errorf("name types %v", types)
	}
}

func contains(s, sub string) bool { return len(sub) == 0 || indexOf(s, sub) >= 0 }

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestConsCSV(t *testing.T) {
	d := "cons_csv_2025-12/"
	ents, prov, err := ParseConsCSV(open(t, d+"cons_prim.csv"), open(t, d+"cons_add.csv"), open(t, d+"cons_alt.csv"), open(t, d+"cons_comments.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 442 || prov.Format != FormatConsCSV {
		t.Fatalf("got %d entities, format %q", len(ents), prov.Format)
	}
	// 17016's remarks are continued in cons_comments.csv.
	e := byID(t, ents, "ofac:17016")
	var tax bool
	for _, d := range e.Documents {
		tax = tax || d.Type == "Tax ID No." && d.Number == "7744001497"
	}
	if !tax {
		t.Errorf("17016 documents %+v", e.Documents)
	}

	// The same list as XML, nine months older: most primary names agree.
	xents, _, err := ParseXML(open(t, "cons_xml_2025-03-28/consolidated.xml"))
	if err != nil {
		t.Fatal(err)
	}
	xml := map[string]*lists.Entity{}
	for i := range xents {
		xml[xents[i].ID] = &xents[i]
	}
	shared, same, sameKind := 0, 0, 0
	for i := range ents {
		x, ok := xml[ents[i].ID]
		if !ok {
			continue
		}
		shared++
		if x.Names[0].Full == ents[i].Names[0].Full {
			same++
		}
		if x.Kind == ents[i].Kind {
			sameKind++
		}
	}
	if shared < 400 || same < shared*95/100 || sameKind != shared {
		t.Errorf("CSV vs XML: %d shared ids, %d same primary name, %d same kind", shared, same, sameKind)
	}
}

func TestXML(t *testing.T) {
	for _, c := range []struct {
		file      string
		n         int
		published time.Time
	}{
		{"cons_xml_2025-03-28/consolidated.xml", 443, time.Date(2025, 3, 28, 0, 0, 0, 0, time.UTC)},
		{"cons_xml_2023-03-08/consolidated.xml", 445, time.Date(2023, 3, 8, 0, 0, 0, 0, time.UTC)},
	} {
		ents, prov, err := ParseXML(open(t, c.file))
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		if len(ents) != c.n || prov.Records != c.n || !prov.Published.Equal(c.published) || prov.Format != FormatXML || prov.Source != lists.OFAC {
			t.Errorf("%s: %d entities, provenance %+v", c.file, len(ents), prov)
		}
		var weak, fka, bic, web, docs int
		for i := range ents {
			e := &ents[i]
			if e.Names[0].Type != lists.Primary || len(e.Programs) == 0 {
				t.Fatalf("%s: %s bad entity", c.file, e.ID)
			}
			for _, n := range e.Names {
				if n.Quality == lists.Weak {
					weak++
				}
				if n.Type == lists.FKA {
					fka++
				}
			}
			bic += len(e.BICs)
			web += len(e.Websites)
			docs += len(e.Documents)
		}
		// Counted with grep on the files: <category>weak, <type>f.k.a.,
		// <idType>SWIFT/BIC, <idType>Website.
		want := map[string][4]int{"cons_xml_2025-03-28/consolidated.xml": {70, 144, 33, 176}, "cons_xml_2023-03-08/consolidated.xml": {59, 142, 34, 181}}[c.file]
		if weak != want[0] || fka != want[1] || bic != want[2] || web != want[3] || docs < 500 {
			t.Errorf("%s: weak %d fka %d bic %d web %d docs %d, want %v", c.file, weak, fka, bic, web, docs, want)
		}
	}

	ents, _, err := ParseXML(open(t, "cons_xml_2025-03-28/consolidated.xml"))
	if err != nil {
		t.Fatal(err)
	}
	e := byID(t, ents, "ofac:9639")
	if n := e.Names[0]; n.Full != "HANIYA, Ismail Abdul Salah" || n.Last != "HANIYA" || n.First != "Ismail Abdul Salah" || e.Kind != lists.Person {
		t.Errorf("9639 %+v", e.Names[0])
	}
	if len(e.BirthDates) != 1 || e.BirthDates[0].Year != 1962 || len(e.BirthPlaces) != 1 || e.BirthPlaces[0].Text != "Shati" || !hasName(e, "HANIYYA, Ismaeel", lists.AKA, lists.Strong) {
		t.Errorf("9639 %+v", e)
	}
	e = byID(t, ents, "ofac:18274")
	if !slices.Equal(e.Emails, []string{"info@vankoroil.ru"}) || !slices.Contains(e.LinkedTo, "OPEN JOINT-STOCK COMPANY ROSNEFT OIL COMPANY") ||
		!contains(e.Remarks, "Executive Order 13662 Directive Determination - Subject to Directive 2") {
		t.Errorf("18274 %+v", e)
	}
}

func TestXMLExcerpt(t *testing.T) {
	ents, prov, err := ParseXML(open(t, "sdn_xml_excerpt_2020-10-29/sdn.xml"))
	var rc *RecordCountError
	if !errors.As(err, &rc) || rc.Stated != 8497 || rc.Read != 2 {
		t.Fatalf("want a record count error 8497 vs 2, got %v", err)
	}
	if len(ents) != 2 || prov.Records != 2 || !prov.Published.Equal(time.Date(2020, 10, 29, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("%d entities, provenance %+v", len(ents), prov)
	}
	e := ents[1]
	if e.ID != "ofac:173" || e.Kind != lists.Organization || e.Names[0].Full != "ANGLO-CARIBBEAN CO., LTD." || e.Names[0].Last != "" ||
		!hasName(&e, "AVIA IMPORT", lists.AKA, lists.Strong) || len(e.Addresses) != 1 ||
		e.Addresses[0] != (lists.Address{Street: "Ibex House, The Minories", City: "London", PostalCode: "EC3N 1DY", CountryName: "United Kingdom", Country: lists.CountryCode("United Kingdom")}) {
		t.Errorf("173 %+v", e)
	}
	for _, s := range []string{"8497", "2"} {
		if !contains(err.Error(), s) {
			t.Errorf("error %q does not say %s", err, s)
		}
	}
}
