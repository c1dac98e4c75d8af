package screening

import (
	"strings"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
)

// GENERATED FIXTURE: a hand-built snapshot for the flags that need EU
// Financial Sanctions File data (no whole EU file is in testdata and the EU
// parser is still landing) and an OFAC programme newer than the 2024 SDN
// file (ICC-EO14203, 2025). The names and numbers are invented; the
// programme codes and regulation titles are the real ones.
func generatedSnapshot() *lists.Snapshot {
	eu := func(id, name, code, title string) lists.Entity {
		return lists.Entity{
			ID: "eu:" + id, Source: lists.EU, Kind: lists.Person,
			Names:      []lists.Name{{Full: name, Type: lists.Primary, Quality: lists.Strong}},
			Programs:   []lists.Program{{Code: code, Title: title, Body: lists.BodyEU}},
			BirthDates: []lists.Date{{Kind: lists.DateExact, Year: 1961, Month: 5, Day: 9}},
		}
	}
	ents := []lists.Entity{
		eu("9001", "Oleksandr Testenko", "UKR", "208/2014 (OJ L66)"),
		eu("9002", "Hedi Ben Exemple", "TUN", "101/2011 (OJ L31)"),
		eu("9003", "Viktor Probov", "UKR", "269/2014 (OJ L78)"),
		eu("9004", "Ahmad Samplezai", "TERR", "2580/2001 (OJ L344)"),
		eu("9005", "Nadia Cyberova", "CYB", "2019/796 (OJ L129I)"),
		{
			ID: "ofac:99001", Source: lists.OFAC, Kind: lists.Person,
			Names:    []lists.Name{{Full: "JUDGE, Example", Type: lists.Primary, Quality: lists.Strong}},
			Programs: []lists.Program{{Code: "ICC-EO14203", Body: lists.BodyOFAC}},
		},
	}
	ents[3].UNReference = "QDi.999"
	src := []lists.Provenance{
		{Source: lists.EU, Format: "generated", Published: time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC), SHA256: strings.Repeat("0", 64)},
		{Source: lists.OFAC, Format: "generated", Published: time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC), SHA256: strings.Repeat("1", 64)},
	}
	return lists.NewSnapshot(ents, src, decisionTime)
}

func TestCuratedFlagsEU(t *testing.T) {
	s, _, _ := newScreener(t, generatedSnapshot(), DefaultPolicy(JurisdictionEU))
	for _, tc := range []struct {
		name    string
		entity  string
		outcome Outcome
		flags   map[FlagCode]string // flag -> substring of its reason
		noFlags []FlagCode
	}{
		{"Oleksandr Testenko", "eu:9001", Freeze, map[FlagCode]string{
			FlagForeignProceedings: "C-530/17 P", FlagPolitical: "Azarov", FlagCrimeBased: "208/2014",
			FlagReviewDue: "2027-03-06", FlagDelistingRoute: "Art. 263 TFEU"}, []FlagCode{FlagMultilateral}},
		{"Hedi Ben Exemple", "eu:9002", Freeze, map[FlagCode]string{
			FlagForeignProceedings: "T-256/11", FlagCrimeBased: "101/2011", FlagReviewDue: "2027-01-31"}, nil},
		{"Viktor Probov", "eu:9003", Freeze, map[FlagCode]string{FlagReviewDue: "2026-09-15"},
			[]FlagCode{FlagForeignProceedings, FlagCrimeBased, FlagPolitical}},
		{"Ahmad Samplezai", "eu:9004", Freeze, map[FlagCode]string{FlagMultilateral: "QDi.999", FlagReviewDue: "six months"}, nil},
		{"Nadia Cyberova", "eu:9005", Freeze, map[FlagCode]string{FlagCrimeBased: "2019/796"}, nil},
		{"Example Judge", "ofac:99001", Hold, map[FlagCode]string{FlagPolitical: "E.O. 14203", FlagUnilateral: "no UN or EU counterpart"}, nil},
	} {
		d, err := s.Screen(ctx, Party{Name: tc.name, BirthDate: "1961-05-09"})
		if err != nil {
			t.Fatal(err)
		}
		h := hitFor(&d, tc.entity)
		if h == nil {
			t.Fatalf("%s: no hit", tc.name)
		}
		if h.Outcome != tc.outcome {
			t.Errorf("%s: %s, want %s (%s)", tc.name, h.Outcome, tc.outcome, h.Reason)
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
		if tc.outcome == Freeze && h.Source == lists.EU {
			if len(d.Regimes) != 1 || !d.ReportBy.Equal(decisionTime) || !strings.Contains(d.Regimes[0].Reporting, "without delay") {
				t.Errorf("%s: EU regime %+v, want immediate reporting", tc.name, d.Regimes)
			}
			if got := d.RetainUntil.Format(time.DateOnly); got != "2031-07-02" {
				t.Errorf("%s: retain until %s, want 5 years", tc.name, got)
			}
		}
	}
}

// Four eyes for a politically flagged listing: confirming needs two.
func TestFourEyesPolitical(t *testing.T) {
	s, _, rv := newScreener(t, generatedSnapshot(), DefaultPolicy(JurisdictionEU))
	d, err := s.Screen(ctx, Party{Name: "Example Judge"})
	if err != nil {
		t.Fatal(err)
	}
	c, _, _ := rv.Case(ctx, d.ID)
	if !strings.Contains(c.ConfirmNeedsSecond, "political") {
		t.Fatalf("case %+v does not need a second reviewer to confirm", c)
	}
}

// TestResolveRules checks each cross-list resolution rule on generated
// entities: shared UN reference, shared document, same strong name with an
// agreeing date of birth; and that a conflicting date of birth, a weak
// alias or a single-token name does not resolve.
func TestResolveRules(t *testing.T) {
	person := func(id string, src lists.Source, name string, q lists.Quality, year int) lists.Entity {
		e := lists.Entity{ID: id, Source: src, Kind: lists.Person, Names: []lists.Name{{Full: name, Type: lists.Primary, Quality: q}}}
		if year != 0 {
			e.BirthDates = []lists.Date{{Kind: lists.DateExact, Year: year, Month: 1, Day: 2}}
		}
		return e
	}
	ents := []lists.Entity{
		person("ofac:1", lists.OFAC, "DOE, John Example", lists.Strong, 1970),
		person("un:QDi.900", lists.UN, "JOHN EXAMPLE DOE", lists.Strong, 1970), // same name and DOB
		person("ofac:2", lists.OFAC, "ROE, Richard Sample", lists.Strong, 1960),
		person("eu:2", lists.EU, "Richard Sample Roe", lists.Strong, 1961), // DOB conflicts
		person("ofac:3", lists.OFAC, "Unrelated Name One", lists.Strong, 0),
		person("eu:3", lists.EU, "Other Name Two", lists.Strong, 0), // shared passport below
		person("ofac:4", lists.OFAC, "Weak Alias Person", lists.Weak, 1950),
		person("eu:4", lists.EU, "Weak Alias Person", lists.Strong, 1950), // only a weak name on one side
		person("ofac:5", lists.OFAC, "Mononym", lists.Strong, 1955),
		person("eu:5", lists.EU, "Mononym", lists.Strong, 1955), // single token
		person("eu:6", lists.EU, "Anyone Else", lists.Strong, 0),
	}
	ents[4].Documents = []lists.Document{{Type: "Passport", Number: "AB 123456"}}
	ents[5].Documents = []lists.Document{{Type: "Passport", Number: "ab-123456"}}
	ents[10].UNReference = "QDi.900" // EU transposition of the UN listing
	st := buildState(lists.NewSnapshot(ents, nil, decisionTime), 1)
	same := func(a, b string) bool {
		for _, r := range st.related(st.byID[a]) {
			if r == st.byID[b] {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"ofac:1", "un:QDi.900", true},
		{"eu:6", "un:QDi.900", true},
		{"ofac:3", "eu:3", true},
		{"ofac:2", "eu:2", false},
		{"ofac:4", "eu:4", false},
		{"ofac:5", "eu:5", false},
		{"ofac:1", "ofac:2", false},
	} {
		if got := same(tc.a, tc.b); got != tc.want {
			t.Errorf("%s ~ %s = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
