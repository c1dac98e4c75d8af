package screening

import (
	"fmt"
	"slices"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
)

// Country evidence: the party's country against every country the
// listing ties the entity to.

// entityCountries returns every country an entity is tied to.
func entityCountries(e *lists.Entity) []string {
	var cs []string
	add := func(c string) {
		c = strings.ToUpper(strings.TrimSpace(c))
		if len(c) == 2 && !slices.Contains(cs, c) {
			cs = append(cs, c)
		}
	}
	for _, c := range e.Nationalities {
		add(c)
	}
	for _, c := range e.Citizenships {
		add(c)
	}
	for _, p := range e.BirthPlaces {
		add(p.Country)
	}
	for _, a := range e.Addresses {
		add(a.Country)
	}
	if e.Vessel != nil {
		add(e.Vessel.Flag)
	}
	return cs
}

// Evidence details name the listed facts, not the party's: the party is
// recorded once, under keys a redacting audit log hides (name, dob,
// documents, ...), and details are not redacted.

func countryEvidence(country string, e *lists.Entity) (Evidence, bool) {
	c := strings.ToUpper(strings.TrimSpace(country))
	if c == "" {
		return Evidence{}, false
	}
	cs := entityCountries(e)
	if len(cs) == 0 {
		return Evidence{}, false
	}
	if slices.Contains(cs, c) {
		return Evidence{Fact: "country", Effect: "for", Weight: wCountryAgree, Detail: fmt.Sprintf("the party's country is among the listed nationalities, addresses and places of birth (%s)", strings.Join(cs, ", "))}, true
	}
	// A former state and its successors are compatible: born in the USSR
	// (SU) and living in Russia is not a disagreement (nor a confirmation).
	for _, l := range cs {
		if slices.Contains(lists.CountrySuccessors(l), c) || slices.Contains(lists.CountrySuccessors(c), l) {
			return Evidence{Fact: "country", Effect: "neutral", Detail: fmt.Sprintf("the party's country %s and the listed %s are a former state and its successor", c, l)}, true
		}
	}
	return Evidence{Fact: "country", Effect: "against", Weight: wCountryDiffer, Detail: fmt.Sprintf("the party's country is not among the listed countries (%s)", strings.Join(cs, ", "))}, true
}
