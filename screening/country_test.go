package screening

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"
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

// The policy in an audit record says its list age as a duration, and an
// older record's nanoseconds still read (issue 16).
func TestPolicyMaxListAgeJSON(t *testing.T) {
	p := DefaultPolicy(JurisdictionUS)
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"max_list_age":"168h0m0s"`) {
		t.Errorf("policy JSON: %s", b)
	}
	var back Policy
	if err := json.Unmarshal(b, &back); err != nil || back.MaxListAge != p.MaxListAge || back.Jurisdiction != p.Jurisdiction {
		t.Errorf("round trip: %v %+v", err, back)
	}
	old := strings.Replace(string(b), `"max_list_age":"168h0m0s"`, `"max_list_age":604800000000000`, 1)
	if err := json.Unmarshal([]byte(old), &back); err != nil || back.MaxListAge != 168*time.Hour {
		t.Errorf("nanoseconds: %v %v", err, back.MaxListAge)
	}
}
