package ofac

import (
	"strings"
	"testing"
)

// Birth places (remark clauses in the real files' wording) whose country is in the lists' inverted form must
// still resolve: "Congo, Democratic Republic of the" is one country, not
// "Democratic Republic of the".
func TestBirthPlaceCountryInvertedForms(t *testing.T) {
	for _, c := range []struct{ remark, want string }{
		{"POB Kaziba, Congo, Democratic Republic of the", "CD"},
		{"POB Korea, North", "KP"},
		{"POB Baghdad, Iraq", "IQ"},
	} {
		ents, _, err := ParseCSV(strings.NewReader("1,\"TEST, Person\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\""+c.remark+".\"\r\n\x1a"), nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := ents[0].BirthPlaces; len(got) != 1 || got[0].Country != c.want {
			t.Errorf("%s: birth places %+v, want country %s", c.remark, got, c.want)
		}
	}
}
