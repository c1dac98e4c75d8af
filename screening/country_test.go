package screening

import (
	"context"
	"testing"
)

// A listed birthplace in a former state (GARIYEV, Denis Valiullovich, born
// in the Khabarovsk Region, USSR) is compatible with a party in any of its
// successors: Ukraine is not evidence against the match, France is.
func TestCountrySuccessorStates(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	country := func(cc string) *Evidence {
		t.Helper()
		d, err := s.Screen(context.Background(), Party{Name: "Denis Valiullovich GARIYEV", Country: cc})
		if err != nil {
			t.Fatal(err)
		}
		h := hitFor(&d, "ofac:28705")
		if h == nil {
			t.Fatalf("%s: no hit on ofac:28705", cc)
		}
		for i := range h.Evidence {
			if h.Evidence[i].Fact == "country" {
				return &h.Evidence[i]
			}
		}
		t.Fatalf("%s: no country evidence", cc)
		return nil
	}
	if ev := country("UA"); ev.Effect != "neutral" {
		t.Errorf("UA vs a USSR birthplace: %s (%s)", ev.Effect, ev.Detail)
	}
	if ev := country("RU"); ev.Effect != "for" {
		t.Errorf("RU vs a Russian national: %s (%s)", ev.Effect, ev.Detail)
	}
	if ev := country("FR"); ev.Effect != "against" {
		t.Errorf("FR: %s (%s)", ev.Effect, ev.Detail)
	}
}

func TestParseJurisdiction(t *testing.T) {
	for in, want := range map[string]Jurisdiction{"US": JurisdictionUS, "uk": JurisdictionUK, " Eu ": JurisdictionEU, "OTHER": JurisdictionOther} {
		if got, err := ParseJurisdiction(in); err != nil || got != want {
			t.Errorf("ParseJurisdiction(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseJurisdiction("mars"); err == nil {
		t.Error("ParseJurisdiction(mars): no error")
	}
}
