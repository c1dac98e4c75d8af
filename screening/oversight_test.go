package screening

import (
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

// Every curated row must cite its source. Whether a programme is
// crime-based is the taxonomy's call; a crime_based row only supplies the
// citation, so each must name a programme the taxonomy calls crime-based
// (a row that does not would be a citation never quoted, or a sign the two
// have drifted apart).
func TestOversightTables(t *testing.T) {
	if len(tables.CrimeBased) == 0 || len(tables.BlockingStatute) == 0 || len(tables.ReviewCycles) == 0 || len(tables.deathPenalty) == 0 {
		t.Fatal("empty curated table")
	}
	for _, r := range tables.CrimeBased {
		var p lists.Program
		switch r.Source {
		case lists.OFAC:
			p = lists.OFACProgram(r.Code)
		case lists.EU:
			p = lists.EUProgram(r.Code, r.TitleContains)
		default:
			t.Errorf("crime_based row %s %s: no taxonomy for the source", r.Source, r.Code)
			continue
		}
		if !p.Class.CrimeBased() {
			t.Errorf("crime_based row %s %s %s: the taxonomy says %s", r.Source, r.Code, r.TitleContains, p.Class)
		}
	}
	for _, r := range tables.ReviewCycles {
		if r.Months <= 0 {
			t.Errorf("review cycle %s %s: months %d", r.Source, r.Code, r.Months)
		}
	}
	for _, bad := range []string{
		`{`,
		`{"crime_based":[{"source":"OFAC","code":"SDNTK"}],"death_penalty":{"citation":"x"}}`,
		`{"review_cycles":[{"source":"EU","code":"TUN","citation":"x","renewals":["13-01"]}],"death_penalty":{"citation":"x"}}`,
		`{"death_penalty":{"citation":"x","countries":["USA"]}}`,
		`{"death_penalty":{}}`,
		`{"crime_based":[{"source":"EU","code":"UKR","title_contain":"208/2014","citation":"x"}],"death_penalty":{"citation":"x"}}`,
		`{"crime_based":[{"source":"OFAC","code":"SDNTK","class":"crime:narcotics","citation":"x"}],"death_penalty":{"citation":"x"}}`,
		`{"death_penalty":{"citation":"x"}} {}`,
	} {
		if _, err := parseOversight([]byte(bad)); err == nil || !strings.Contains(err.Error(), "oversight.json") {
			t.Errorf("parseOversight(%.40s): error %v", bad, err)
		}
	}
}

// A regulation number in a row is matched whole, as the taxonomy matches
// it (lists.HasRegulation): "208/2014" is not in "2208/2014".
func TestProgramRowRegulationNumber(t *testing.T) {
	r := programRow{Source: lists.EU, Code: "UKR", TitleContains: "208/2014", Citation: "x"}
	for _, tc := range []struct {
		title, basis string
		want         bool
	}{
		{"208/2014 (OJ L66)", "", true},
		{"Council Regulation (EU) No 208/2014", "", true},
		{"2015/138 (OJ L24)", "Reg. (EU) No 208/2014", true}, // an amending act: the taxonomy's legal basis names the regime
		{"2208/2014 (OJ L1)", "", false},
		{"208/20145", "", false},
		{"269/2014 (OJ L78)", "Reg. (EU) No 269/2014", false},
	} {
		if got := r.matches(lists.EU, lists.Program{Code: "ukr", Title: tc.title, LegalBasis: tc.basis}); got != tc.want {
			t.Errorf("UKR 208/2014 row matches title %q basis %q: %v, want %v", tc.title, tc.basis, got, tc.want)
		}
	}
	if r.matches(lists.OFAC, lists.Program{Code: "UKR", Title: "208/2014"}) {
		t.Error("an EU row matches an OFAC programme")
	}
}

// GENERATED FIXTURE: invented names and numbers under real EU programme
// codes and regulation numbers, plus one number that only looks like one
// (2208/2014), as a parser would build them but without a class, so that
// the class comes from the taxonomy here.
func generatedOversightSnapshot() *lists.Snapshot {
	eu := func(id, name, code, title string) lists.Entity {
		return lists.Entity{
			ID: "eu:" + id, Source: lists.EU, Kind: lists.Person,
			Names:      []lists.Name{{Full: name, Type: lists.Primary, Quality: lists.Strong}},
			Programs:   []lists.Program{{Code: code, Title: title, Body: lists.BodyEU}},
			BirthDates: []lists.Date{{Kind: lists.DateExact, Year: 1958, Month: 2, Day: 17}},
		}
	}
	ents := []lists.Entity{
		eu("9101", "Taras Hrankivsky", "UKR", "2208/2014 (OJ L1)"),
		eu("9102", "Mykola Zaporizhets", "UKR", "2015/138 (OJ L24)"),
		eu("9103", "Karim Exemplaire", "EGY", "270/2011 (OJ L76)"),
		eu("9104", "Dariush Namuneh", "IRN", "359/2011 (OJ L100)"),
		eu("9105", "Parviz Namunei", "IRN", "267/2012 (OJ L88)"),
	}
	src := []lists.Provenance{{Source: lists.EU, Format: "generated", Published: decisionTime.AddDate(0, 0, -2), SHA256: strings.Repeat("2", 64)}}
	return lists.NewSnapshot(ents, src, decisionTime)
}

// CRIME_BASED_PROGRAM follows the taxonomy: a crime-based programme with no
// curated citation (EGY, IRN human rights) is flagged with its legal
// basis, a foreign-policy one (IRN 267/2012) is not, an amending act of
// 208/2014 is the misappropriation regime, and a number that merely ends
// in 208/2014 is not it.
func TestCrimeBasedFromTaxonomy(t *testing.T) {
	s, _, _ := newScreener(t, generatedOversightSnapshot(), DefaultPolicy(JurisdictionEU))
	for _, tc := range []struct {
		name, entity string
		flags        map[FlagCode]string // flag -> substring of its reason
		noFlags      []FlagCode
	}{
		{"Taras Hrankivsky", "eu:9101", map[FlagCode]string{FlagReviewDue: "every 6 months"},
			[]FlagCode{FlagCrimeBased, FlagForeignProceedings, FlagPolitical}},
		{"Mykola Zaporizhets", "eu:9102", map[FlagCode]string{
			FlagCrimeBased: "Council Regulation (EU) No 208/2014", FlagForeignProceedings: "C-530/17 P", FlagPolitical: "Azarov", FlagReviewDue: "every 12 months"}, nil},
		{"Karim Exemplaire", "eu:9103", map[FlagCode]string{
			FlagCrimeBased: "EGY (crime:corruption-human-rights): crime-based programme, assets frozen without a conviction (Reg. (EU) No 270/2011)", FlagForeignProceedings: "Ezz"}, nil},
		{"Dariush Namuneh", "eu:9104", map[FlagCode]string{FlagCrimeBased: "359/2011"}, nil},
		{"Parviz Namunei", "eu:9105", nil, []FlagCode{FlagCrimeBased, FlagPolitical}},
	} {
		d, err := s.Screen(ctx, Party{Name: tc.name, BirthDate: "1958-02-17"})
		if err != nil {
			t.Fatal(err)
		}
		h := hitFor(&d, tc.entity)
		if h == nil {
			t.Fatalf("%s: no hit", tc.name)
		}
		for f, want := range tc.flags {
			if r := flagReason(h, f); !strings.Contains(r, want) {
				t.Errorf("%s: flag %s reason %q, want it to contain %q", tc.name, f, r, want)
			}
		}
		for _, f := range tc.noFlags {
			if h.HasFlag(f) {
				t.Errorf("%s: unexpected %s: %s", tc.name, f, flagReason(h, f))
			}
		}
	}
}

// The EU reporting article is chosen by the regulation number, matched
// whole like every other regulation-number rule.
func TestEUReportingRegulationNumber(t *testing.T) {
	s, _, _ := newScreener(t, generatedSnapshot(), DefaultPolicy(JurisdictionEU))
	for _, tc := range []struct {
		title string
		want  bool
	}{
		{"269/2014 (OJ L78)", true},
		{"Council Regulation (EU) No 269/2014", true},
		{"1269/2014 (OJ L1)", false},
		{"269/20145", false},
	} {
		h := &Hit{Body: lists.BodyEU, Programs: []lists.Program{{Code: "UKR", Title: tc.title}}}
		r := s.regimeFor(lists.EU, []*Hit{h}, decisionTime)
		if got := strings.Contains(r.Reporting, "269/2014 Art. 8"); got != tc.want {
			t.Errorf("title %q: reporting %q, want Art. 8 of 269/2014: %v", tc.title, r.Reporting, tc.want)
		}
	}
}

// The UN regime of a listing comes from the taxonomy, so every regime on
// the real list is named: IRi.001 (Iran, res. 1737, reinstated 2025) had
// an empty one when screening kept its own table without Iran.
func TestUNRegimeFromTaxonomy(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionEU))
	for _, tc := range []struct {
		party  Party
		entity string
		want   string
	}{
		{Party{Name: "Fereidoun Abbasi-Davani", Kind: lists.Person, BirthDate: "1958"}, "un:IRi.001", "UNSCR 1737 (2006)"},
		{Party{Name: "Emraan Ali", BirthDate: "1967-07-04"}, "un:QDi.430", "UNSCR 1267 (1999)"},
	} {
		d, err := s.Screen(ctx, tc.party)
		if err != nil {
			t.Fatal(err)
		}
		h := hitFor(&d, tc.entity)
		if h == nil {
			t.Fatalf("no hit on %s: %s", tc.entity, d.Explanation)
		}
		if r := flagReason(h, FlagMultilateral); !strings.Contains(r, tc.want) {
			t.Errorf("%s: %s reason %q, want %q", tc.entity, FlagMultilateral, r, tc.want)
		}
		if len(d.Regimes) == 0 || !strings.Contains(d.Regimes[0].Law, tc.want) {
			t.Errorf("%s: regimes %+v, want the law to name %q", tc.entity, d.Regimes, tc.want)
		}
	}
	for _, ref := range []string{"QDi.001", "TAi.004", "KPi.001", "IRi.001", "LYi.001", "IQi.001", "CDi.001", "SDi.001", "SOi.001", "GBi.001", "CFi.001", "YEi.001", "SSi.001", "HTi.001"} {
		if unRegime(ref) == "" {
			t.Errorf("%s: no UN regime", ref)
		}
	}
	if got := unRegime("ZZi.001"); got != "" {
		t.Errorf("unknown prefix: %q", got)
	}
}
