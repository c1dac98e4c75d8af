package screening

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

// A Subset says yes to every party a full screen hits on one of its
// entities, and names the entity: by name (the listed names of every 7th entity, as listed and
// given name first, against a Subset of every 3rd), by identifier alone,
// and by owner.
func TestSubsetNeverMisses(t *testing.T) {
	snap := realSnapshot(t)
	s, _, _ := newScreener(t, snap, DefaultPolicy(JurisdictionEU))
	var ents []lists.Entity
	in := map[string]bool{}
	for i := 0; i < len(snap.Entities); i += 3 {
		ents = append(ents, snap.Entities[i])
		in[snap.Entities[i].ID] = true
	}
	sub := s.Subset(ents)
	if sub.Len() != len(ents) {
		t.Fatalf("Len %d, want %d", sub.Len(), len(ents))
	}
	var parties []Party
	for i := 0; i < len(snap.Entities); i += 7 {
		e := &snap.Entities[i]
		name := e.PrimaryName()
		parties = append(parties, Party{Name: name})
		if last, first, ok := strings.Cut(name, ","); ok && e.Kind == lists.Person {
			parties = append(parties, Party{Name: strings.TrimSpace(first) + " " + strings.TrimSpace(last), Kind: lists.Person})
		}
		for _, d := range e.Documents {
			if len(normNumber(d.Number)) >= minIdentifierLn {
				parties = append(parties, Party{Documents: []Document{{Number: d.Number}}})
			}
		}
		for _, b := range e.BICs {
			parties = append(parties, Party{BIC: b})
		}
	}
	parties = append(parties, Party{Name: "Zq Nobody Co", Owned: []string{ents[0].ID}})
	candidates, hitsInSubset := 0, 0
	for _, p := range parties {
		pr, err := sub.Probe(p)
		if err != nil {
			t.Fatalf("%+v: %v", p, err)
		}
		if pr.Candidate {
			candidates++
		}
		d, err := s.Screen(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range d.Parties[0].Hits {
			if in[h.EntityID] {
				hitsInSubset++
				if !pr.Candidate || !slices.Contains(pr.Entities, h.EntityID) {
					t.Errorf("%+v: a full screen hits %s, in the Subset, but Probe did not find it (%v)", p, h.EntityID, pr.Entities)
				}
			}
		}
	}
	if hitsInSubset == 0 || candidates == len(parties) {
		t.Fatalf("%d parties, %d candidates, %d hits in the Subset: the test proves nothing", len(parties), candidates, hitsInSubset)
	}
	t.Logf("%d parties, %d candidates, %d hits on entities of the Subset", len(parties), candidates, hitsInSubset)

	if pr, _ := s.Subset(nil).Probe(Party{Name: snap.Entities[0].PrimaryName()}); pr.Candidate {
		t.Error("an empty Subset found a candidate")
	}
	pr, err := sub.Probe(Party{Name: "Anna Schmidt", BirthDate: "1974-01-32", Country: "XX"})
	if err != nil || len(pr.Flags) != 2 {
		t.Errorf("fields not read: flags %v, err %v", pr.Flags, err)
	}
	if pr, _ := sub.Probe(Party{Name: "!!!"}); pr.Unreadable == "" {
		t.Error("a name with no letter is not reported unreadable")
	}
}

// Related gives the entities resolved across lists, as a hit's Related.
func TestRelated(t *testing.T) {
	snap := realSnapshot(t)
	s, _, _ := newScreener(t, snap, DefaultPolicy(JurisdictionEU))
	found := 0
	for i := range snap.Entities {
		e := &snap.Entities[i]
		rel := s.Related(e.ID)
		if len(rel) == 0 {
			continue
		}
		found++
		if !slices.IsSorted(rel) || slices.Contains(rel, e.ID) {
			t.Fatalf("Related(%s) = %v: want sorted, without itself", e.ID, rel)
		}
		for _, o := range rel {
			if !slices.Contains(s.Related(o), e.ID) {
				t.Errorf("%s relates to %s but not back", e.ID, o)
			}
		}
	}
	if found == 0 {
		t.Fatal("no entity of OFAC and UN resolved across the lists")
	}
	if s.Related("ofac:no-such") != nil {
		t.Error("Related of an unknown id")
	}
}
