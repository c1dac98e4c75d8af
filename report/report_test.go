package report

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/payments"
	"github.com/freezeguard/freezeguard/screening"
)

func TestFlexID(t *testing.T) {
	for in, want := range map[string]string{`{"id":"c-1"}`: "c-1", `{"id":12345678901234567890}`: "12345678901234567890", `{"id":1.5}`: "1.5"} {
		var v struct {
			ID FlexID `json:"id"`
		}
		if err := json.Unmarshal([]byte(in), &v); err != nil || string(v.ID) != want {
			t.Errorf("%s: %q, %v", in, v.ID, err)
		}
	}
	var v struct {
		ID FlexID `json:"id"`
	}
	if err := json.Unmarshal([]byte(`{"id":{"a":1}}`), &v); err == nil {
		t.Error("an object id accepted")
	}
}

func TestHits(t *testing.T) {
	hs := Hits([]screening.Hit{
		{EntityID: "ofac:1", PrimaryName: "ACME BANK", MatchedName: "ACME BANK LTD", Score: 0.97, Outcome: screening.Hold,
			Programs: []lists.Program{{Code: "SDGT"}}, Flags: []screening.Flag{{Code: screening.FlagFuzzyMatchOnly}}},
		{EntityID: "ofac:2", PrimaryName: "SHIP ONE", Score: 1, Outcome: screening.Freeze},
	})
	if hs[0].Name != "ACME BANK LTD" || hs[0].MatchedOn != "name" || hs[0].Programs[0] != "SDGT" || hs[0].Flags[0] != "FUZZY_MATCH_ONLY" {
		t.Errorf("name hit: %+v", hs[0])
	}
	// A hit on an identifier alone names the entity by its primary name.
	if hs[1].Name != "SHIP ONE" || hs[1].MatchedOn != "identifier" || hs[1].Programs == nil || hs[1].Flags == nil {
		t.Errorf("identifier hit: %+v", hs[1])
	}
}

func TestCompare(t *testing.T) {
	if o := Compare(CompareInput{Name1: "Putin", Name2: " "}); o.Error == "" {
		t.Error("an empty name scored")
	}
	if o := Compare(CompareInput{Name1: "a", Name2: "b", Kind: "dragon"}); o.Error == "" {
		t.Error("an unknown kind scored")
	}
	if o := Compare(CompareInput{ID: "x", Name1: "Vladimir Putin", Name2: "PUTIN, Vladimir"}); !o.Match || o.ID != "x" || o.Explanation == nil {
		t.Errorf("%+v", o)
	}
}

func TestFromResult(t *testing.T) {
	res := payments.Result{Outcome: screening.Hold, ParseErr: errors.New("line 3: bad tag"), Unreadable: 1,
		Decisions: []screening.Decision{{ID: "d1", PaymentID: "p1", Parties: []screening.PartyResult{
			{Party: screening.Party{BIC: "DEUTDEFF"}, Outcome: screening.Hold, Flags: []screening.Flag{{Code: screening.FlagUnreadableInput, Reason: "cut"}}},
		}}}}
	m := FromResult("f.xml", res)
	if m.Outcome != "HOLD" || m.Error != "line 3: bad tag" || m.Decisions[0] != "d1" || m.Parties[0].Role != "unknown" ||
		m.Parties[0].Flags[0] != "UNREADABLE_INPUT: cut" || m.Parties[0].Hits == nil || m.Unreadable != 1 {
		t.Errorf("%+v", m)
	}
}
