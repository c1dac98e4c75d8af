package screening

import (
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

// Every curated row must cite its source, and every OFAC crime tag the
// taxonomy calls crime-based must be in the table (and vice versa), so the
// two curated sources cannot drift apart silently.
func TestOversightTables(t *testing.T) {
	if len(tables.CrimeBased) == 0 || len(tables.BlockingStatute) == 0 || len(tables.ReviewCycles) == 0 || len(tables.deathPenalty) == 0 {
		t.Fatal("empty curated table")
	}
	for _, r := range tables.CrimeBased {
		if !r.Class.CrimeBased() {
			t.Errorf("crime_based row %s %s has non-crime class %q", r.Source, r.Code, r.Class)
		}
		if r.Source == lists.OFAC {
			if p := lists.OFACProgram(r.Code); p.Class != lists.ClassUnknown && !p.Class.CrimeBased() {
				t.Errorf("%s: table says crime-based, lists taxonomy says %s", r.Code, p.Class)
			}
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
	} {
		if _, err := parseOversight([]byte(bad)); err == nil || !strings.Contains(err.Error(), "oversight.json") {
			t.Errorf("parseOversight(%.40s): error %v", bad, err)
		}
	}
}
