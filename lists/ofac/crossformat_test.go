package ofac

import (
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

// TestCSVMatchesXML reads the consolidated list in both formats (CSV of
// December 2025, XML of March 2025) and compares what each parser extracts
// for the entities in both: the two code paths must agree.
func TestCSVMatchesXML(t *testing.T) {
	d := "cons_csv_2025-12/"
	ents, _, _ := ParseConsCSV(open(t, d+"cons_prim.csv"), open(t, d+"cons_add.csv"), open(t, d+"cons_alt.csv"), open(t, d+"cons_comments.csv"))
	xents, _, _ := ParseXML(open(t, "cons_xml_2025-03-28/consolidated.xml"))
	x := map[string]*lists.Entity{}
	for i := range xents {
		x[xents[i].ID] = &xents[i]
	}
	diffs := map[string]int{}
	addrs, sameAddr := 0, 0
	shown := map[string]int{}
	for i := range ents {
		c := &ents[i]
		e, ok := x[c.ID]
		if !ok {
			continue
		}
		cmp := func(field string, a, b any) {
			if !reflect.DeepEqual(a, b) {
				diffs[field]++
				if shown[field] < 3 {
					shown[field]++
					t.Logf("%s %s:\n csv %v\n xml %v", c.ID, field, a, b)
				}
			}
		}
		docs := func(e *lists.Entity) []string {
			var s []string
			for _, d := range e.Documents {
				s = append(s, fmt.Sprintf("%s|%s|%s|%v", d.Type, d.Number, d.Country, d.KnownFalse))
			}
			sort.Strings(s)
			return s
		}
		names := func(e *lists.Entity) []string {
			var s []string
			for _, n := range e.Names {
				s = append(s, fmt.Sprintf("%s|%s|%s|%s|%s", n.Full, n.Type, n.Quality, n.First, n.Last))
			}
			sort.Strings(s)
			return s
		}
		cmp("docs", docs(c), docs(e))
		cmp("names", names(c), names(e))
		cmp("dob", c.BirthDates, e.BirthDates)
		cmp("pob", c.BirthPlaces, e.BirthPlaces)
		cmp("nat", c.Nationalities, e.Nationalities)
		cmp("cit", c.Citizenships, e.Citizenships)
		cmp("gender", c.Gender, e.Gender)
		cmp("emails", c.Emails, e.Emails)
		cmp("web", c.Websites, e.Websites)
		cmp("bic", c.BICs, e.BICs)
		cmp("crypto", c.Crypto, e.Crypto)
		cmp("linked", c.LinkedTo, e.LinkedTo)
		cmp("est", c.Established, e.Established)
		cmp("vessel", c.Vessel, e.Vessel)
		cmp("titles", c.Titles, e.Titles)
		cmp("programs", codes(c.Programs), codes(e.Programs))
		cmp("naddr", len(c.Addresses), len(e.Addresses))
		var ca []lists.Address
		for _, a := range c.Addresses {
			if a != (lists.Address{Country: a.Country, CountryName: a.CountryName}) {
				ca = append(ca, a)
			}
		}
		if len(ca) == len(e.Addresses) {
			for k := range ca {
				addrs++
				if ca[k] == e.Addresses[k] {
					sameAddr++
				} else if shown["addr"] < 5 {
					shown["addr"]++
					t.Logf("%s address:\n csv %+v\n xml %+v", c.ID, ca[k], e.Addresses[k])
				}
			}
		}
	}
	// Allowed differences, each checked by hand: OFAC changed some
	// entries between the two dates (new aliases, documents, a typo
	// "GovernmentGazette" in the CSV), the programme order differs between
	// the formats, and the CSV has address rows with every field null
	// where the XML has no address element.
	// The CSV joins city, state and postal code in one column; split again
	// they must give the XML's fields for nearly every address.
	t.Logf("%d of %d addresses the same in CSV and XML", sameAddr, addrs)
	if addrs < 300 || sameAddr < addrs*95/100 {
		t.Errorf("%d of %d addresses the same in CSV and XML", sameAddr, addrs)
	}
	allowed := map[string]int{"docs": 11, "names": 8, "programs": 19, "naddr": 56}
	for f, n := range diffs {
		if n > allowed[f] {
			t.Errorf("%s differs for %d entities, at most %d expected", f, n, allowed[f])
		}
	}
}
