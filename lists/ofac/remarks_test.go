package ofac

import (
	"reflect"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want lists.Date
		ok   bool
	}{
		{"28 Apr 1937", lists.Date{Kind: lists.DateExact, Year: 1937, Month: 4, Day: 28}, true},
		{"Apr 1960", lists.Date{Kind: lists.DateExact, Year: 1960, Month: 4}, true},
		{"1960", lists.Date{Kind: lists.DateExact, Year: 1960}, true},
		{"circa 1960", lists.Date{Kind: lists.DateCirca, Year: 1960}, true},
		{"circa 15 Jul 1960", lists.Date{Kind: lists.DateCirca, Year: 1960, Month: 7, Day: 15}, true},
		{"1958 to 1962", lists.Date{Kind: lists.DateRange, Year: 1958, ToYear: 1962}, true},
		{"01 Jan 1960 to 31 Dec 1962", lists.Date{Kind: lists.DateRange, Year: 1960, Month: 1, Day: 1, ToYear: 1962, ToMonth: 12, ToDay: 31}, true},
		{"Mar 1960 to Feb 1961", lists.Date{Kind: lists.DateRange, Year: 1960, Month: 3, ToYear: 1961, ToMonth: 2}, true},
		{"circa 1958-1962", lists.Date{Kind: lists.DateRange, Year: 1958, ToYear: 1962}, true},
		{"12 September 1993", lists.Date{Kind: lists.DateExact, Year: 1993, Month: 9, Day: 12}, true},
		{"1937-04-28", lists.Date{Kind: lists.DateExact, Year: 1937, Month: 4, Day: 28}, true},
		{"30 Feb 1960", lists.Date{}, false},
		{"Foo 1960", lists.Date{}, false},
		{"", lists.Date{}, false},
		{"1960 to", lists.Date{}, false},
		{"99999", lists.Date{}, false},
	} {
		got, ok := parseDate(c.in)
		got.Text = ""
		if ok != c.ok || got != c.want {
			t.Errorf("parseDate(%q) = %+v, %v; want %+v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestRemarks(t *testing.T) {
	e := lists.Entity{Kind: lists.Person, Names: []lists.Name{{Full: "DOE, John", Type: lists.Primary}}}
	applyRemarks(&e, "DOB 1958 to 1962; alt. DOB circa 1960; POB Baghdad, Iraq; nationality Iraq; citizen Jordan; "+
		"Gender Female; Passport A1234567 (Iraq) issued 01 Jan 2000 expires 31 Dec 2005 (fraudulent); "+
		"alt. Passport B 765 issued 02 Feb 2001; National ID No. 99-1 (Jordan); C.U.R.P. AAAA010101HDFRRR01 (Mexico); "+
		"Kenyan ID No. 12773667; a.k.a. 'ABU X'; f.k.a. 'AL QA'IDA'; Email Address x@example.org; "+
		"Website www.example.org; Digital Currency Address - XMR 4abc; alt. Digital Currency Address - USDT TXyz; "+
		"SWIFT/BIC ABCDEF12; Linked To: GRUPO X, S.A. DE C.V.; Linked To: HAMAS.; Major General; "+
		"Additional Sanctions Information - Subject to Secondary Sanctions; something nobody knows; Tax ID No. 123.")
	want := lists.Entity{
		Kind: lists.Person,
		Names: []lists.Name{{Full: "DOE, John", Type: lists.Primary},
			{Full: "ABU X", Type: lists.AKA, Quality: lists.Weak, Script: "Latn"},
			{Full: "AL QA'IDA", Type: lists.FKA, Quality: lists.Weak, Script: "Latn"}},
		Gender: "female",
		BirthDates: []lists.Date{{Kind: lists.DateRange, Year: 1958, ToYear: 1962, Text: "1958 to 1962"},
			{Kind: lists.DateCirca, Year: 1960, Text: "circa 1960"}},
		BirthPlaces:   []lists.Place{{Text: "Baghdad, Iraq", Country: lists.CountryCode("Iraq")}},
		Nationalities: nonEmpty(lists.CountryCode("Iraq")),
		Citizenships:  nonEmpty(lists.CountryCode("Jordan")),
		Documents: []lists.Document{
			{Type: "Passport", Number: "A1234567", Country: lists.CountryCode("Iraq"), KnownFalse: true, Note: "fraudulent",
				Issued:  &lists.Date{Kind: lists.DateExact, Year: 2000, Month: 1, Day: 1, Text: "01 Jan 2000"},
				Expires: &lists.Date{Kind: lists.DateExact, Year: 2005, Month: 12, Day: 31, Text: "31 Dec 2005"}},
			{Type: "Passport", Number: "B 765", Issued: &lists.Date{Kind: lists.DateExact, Year: 2001, Month: 2, Day: 2, Text: "02 Feb 2001"}},
			{Type: "National ID No.", Number: "99-1", Country: lists.CountryCode("Jordan")},
			{Type: "C.U.R.P.", Number: "AAAA010101HDFRRR01", Country: lists.CountryCode("Mexico")},
			{Type: "Kenyan ID No.", Number: "12773667"},
			{Type: "Tax ID No.", Number: "123"},
		},
		Emails:   []string{"x@example.org"},
		Websites: []string{"www.example.org"},
		Crypto:   []lists.CryptoAddress{{Currency: "XMR", Address: "4abc"}, {Currency: "USDT", Address: "TXyz"}},
		BICs:     []string{"ABCDEF12"},
		LinkedTo: []string{"GRUPO X, S.A. DE C.V.", "HAMAS"},
		Titles:   []string{"Major General"},
	}
	if !reflect.DeepEqual(e, want) {
		t.Errorf("got\n%+v\nwant\n%+v", e, want)
		for i := range e.Documents {
			t.Logf("doc %+v issued %+v expires %+v", e.Documents[i], e.Documents[i].Issued, e.Documents[i].Expires)
		}
	}
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func TestRemarksVessel(t *testing.T) {
	e := lists.Entity{Kind: lists.Vessel}
	applyRemarks(&e, "Vessel Registration Identification IMO 9187629; MMSI 572469210; Former Vessel Flag Malta; Linked To: NATIONAL IRANIAN TANKER COMPANY.")
	if e.Vessel == nil || e.Vessel.IMO != "9187629" || e.Vessel.MMSI != "572469210" || len(e.LinkedTo) != 1 || e.LinkedTo[0] != "NATIONAL IRANIAN TANKER COMPANY" || len(e.Documents) != 0 {
		t.Errorf("%+v %+v", e, e.Vessel)
	}
	// A company's IMO number is a document, not a vessel's.
	o := lists.Entity{Kind: lists.Organization}
	applyRemarks(&o, "Identification Number IMO 5342883; Organization Established Date 12 Mar 1999; Nationality of Registration Iran")
	if o.Vessel != nil || len(o.Documents) != 1 || o.Documents[0] != (lists.Document{Type: "IMO", Number: "5342883"}) ||
		o.Established == nil || o.Established.Year != 1999 || o.Established.Day != 12 {
		t.Errorf("%+v", o)
	}
}

func TestLinkedName(t *testing.T) {
	for in, want := range map[string]string{
		"HAMAS.":                             "HAMAS",
		"R D I S.A.":                         "R D I S.A.",
		"FUJIAN CO., LTD.":                   "FUJIAN CO., LTD.",
		"PRIGOZHIN, Yevgeniy Viktorovich.":   "PRIGOZHIN, Yevgeniy Viktorovich",
		"EVIL CORP":                          "EVIL CORP",
		"CONSORCIO LUNALO, S.A. DE C.V.":     "CONSORCIO LUNALO, S.A. DE C.V.",
		"PRIVATE MILITARY COMPANY 'WAGNER'.": "PRIVATE MILITARY COMPANY 'WAGNER'",
	} {
		if got := linkedName(in); got != want {
			t.Errorf("linkedName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPrograms(t *testing.T) {
	got := codes(programs("SDGT] [SYRIA] [IRGC] [IFSR", programCache{}))
	if want := []string{"SDGT", "SYRIA", "IRGC", "IFSR"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v", got)
	}
	if got := codes(programs("[CAATSA - RUSSIA]", programCache{})); !reflect.DeepEqual(got, []string{"CAATSA - RUSSIA"}) {
		t.Errorf("got %v", got)
	}
}

func newEntityKind(k string) lists.Entity {
	return lists.Entity{Kind: lists.Kind(k), Names: []lists.Name{{Full: "X", Type: lists.Primary}}}
}

func TestPositions(t *testing.T) {
	for s, want := range map[string]bool{
		"President of the Russian Federation":                       true,
		"Major General":                                             true,
		"Korea Daesong Bank Representative":                         true,
		"Scientific Studies and Research Center Contracts Director": true,
		"Managing Director of Kavian Petrochemical Company":         true,
		"wife of Izzat Ibrahim Al-Duri":                             false,
		"ICTY indictee at large":                                    false,
		"all offices worldwide":                                     false,
	} {
		if got := looksLikePosition(s); got != want {
			t.Errorf("looksLikePosition(%q) = %v", s, got)
		}
	}
}

func TestSplitCityLine(t *testing.T) {
	for in, want := range map[string][3]string{
		"Havana":                                 {"Havana", "", ""},
		"London EC3N 1DY":                        {"London", "", "EC3N 1DY"},
		"Richardson, TX 75081":                   {"Richardson", "TX", "75081"},
		"Montreal, Quebec H2L 1K3":               {"Montreal", "Quebec", "H2L 1K3"},
		"Genaro Estrada, Sinaloa, Sinaloa 81960": {"Genaro Estrada", "Sinaloa, Sinaloa", "81960"},
		"438864":                                 {"", "", "438864"},
		"Polotsk, 211412":                        {"Polotsk", "", "211412"},
		"Rotterdam 3022 TH":                      {"Rotterdam 3022 TH", "", ""},
		"":                                       {"", "", ""},
	} {
		c, s, p := splitCityLine(in)
		if [3]string{c, s, p} != want {
			t.Errorf("splitCityLine(%q) = %q, %q, %q; want %q", in, c, s, p, want)
		}
	}
}
