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
