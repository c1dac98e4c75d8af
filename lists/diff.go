package lists

import (
	"encoding/json"
	"reflect"
	"slices"
	"sort"
)

// Changes is what changed between two snapshots, by entity id. A bank
// needs it twice: to re-screen its customer base against what was added or
// changed (a new designation must freeze "without delay"), and to release
// what was removed (a delisted person's funds must not stay frozen).
type Changes struct {
	Added   []string `json:"added"`   // ids only in the new snapshot, sorted
	Removed []string `json:"removed"` // ids only in the old snapshot, sorted
	Changed []Change `json:"changed"` // ids in both whose data differ, sorted by id
}

// Change names one entity present in both snapshots and the fields that
// differ, by their JSON names ("names", "programs", "documents", ...).
type Change struct {
	ID     string   `json:"id"`
	Fields []string `json:"fields"`
}

// Empty reports whether nothing changed.
func (c Changes) Empty() bool {
	return len(c.Added) == 0 && len(c.Removed) == 0 && len(c.Changed) == 0
}

// entityFields lists the compared fields: JSON name and accessor. ID and
// Source are the identity, not compared.
var entityFields = []struct {
	name string
	get  func(*Entity) any
}{
	{"kind", func(e *Entity) any { return e.Kind }},
	{"names", func(e *Entity) any { return e.Names }},
	{"programs", func(e *Entity) any { return e.Programs }},
	{"gender", func(e *Entity) any { return e.Gender }},
	{"birth_dates", func(e *Entity) any { return e.BirthDates }},
	{"birth_places", func(e *Entity) any { return e.BirthPlaces }},
	{"nationalities", func(e *Entity) any { return e.Nationalities }},
	{"citizenships", func(e *Entity) any { return e.Citizenships }},
	{"documents", func(e *Entity) any { return e.Documents }},
	{"addresses", func(e *Entity) any { return e.Addresses }},
	{"titles", func(e *Entity) any { return e.Titles }},
	{"listed", func(e *Entity) any { return e.Listed }},
	{"remarks", func(e *Entity) any { return e.Remarks }},
	{"vessel", func(e *Entity) any { return e.Vessel }},
	{"crypto", func(e *Entity) any { return e.Crypto }},
	{"bics", func(e *Entity) any { return e.BICs }},
	{"emails", func(e *Entity) any { return e.Emails }},
	{"websites", func(e *Entity) any { return e.Websites }},
	{"linked_to", func(e *Entity) any { return e.LinkedTo }},
	{"established", func(e *Entity) any { return e.Established }},
	{"un_reference", func(e *Entity) any { return e.UNReference }},
	{"eu_reference", func(e *Entity) any { return e.EUReference }},
	{"list_type", func(e *Entity) any { return e.ListType }},
}

// Diff compares two snapshots by entity id. Lists reorder aliases,
// programmes and addresses between editions without meaning anything by
// it, so slices are compared as multisets, except that a different primary
// name (Names[0]) is a change of "names". A nil snapshot counts as empty.
func Diff(before, after *Snapshot) Changes {
	var c Changes
	oldIdx := indexOf(before)
	newIdx := indexOf(after)
	for id, j := range newIdx {
		i, ok := oldIdx[id]
		if !ok {
			c.Added = append(c.Added, id)
			continue
		}
		if f := changedFields(&before.Entities[i], &after.Entities[j]); len(f) > 0 {
			c.Changed = append(c.Changed, Change{ID: id, Fields: f})
		}
	}
	for id := range oldIdx {
		if _, ok := newIdx[id]; !ok {
			c.Removed = append(c.Removed, id)
		}
	}
	sort.Strings(c.Added)
	sort.Strings(c.Removed)
	slices.SortFunc(c.Changed, func(a, b Change) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
	return c
}

// indexOf maps ids to positions; it does not rely on Snapshot.byID so a
// snapshot built as a literal (without NewSnapshot) works too.
func indexOf(s *Snapshot) map[string]int {
	if s == nil {
		return nil
	}
	m := make(map[string]int, len(s.Entities))
	for i := range s.Entities {
		m[s.Entities[i].ID] = i
	}
	return m
}

func changedFields(a, b *Entity) []string {
	var out []string
	for _, f := range entityFields {
		x, y := f.get(a), f.get(b)
		if reflect.DeepEqual(x, y) {
			continue
		}
		if f.name == "names" && a.PrimaryName() != b.PrimaryName() {
			out = append(out, f.name)
			continue
		}
		if !sameMultiset(x, y) {
			out = append(out, f.name)
		}
	}
	return out
}

// sameMultiset reports whether x and y (slices, pointers or values) hold
// the same elements in any order. Elements are compared by their JSON
// encoding, which is exactly what an audit record or API would show; nil
// and empty are equal.
func sameMultiset(x, y any) bool {
	vx, vy := reflect.ValueOf(x), reflect.ValueOf(y)
	if vx.Kind() != reflect.Slice {
		return jsonKey(x) == jsonKey(y)
	}
	if vx.Len() != vy.Len() {
		return false
	}
	kx := make([]string, vx.Len())
	ky := make([]string, vy.Len())
	for i := range kx {
		kx[i] = jsonKey(vx.Index(i).Interface())
		ky[i] = jsonKey(vy.Index(i).Interface())
	}
	sort.Strings(kx)
	sort.Strings(ky)
	return slices.Equal(kx, ky)
}

func jsonKey(v any) string {
	b, err := json.Marshal(v)
	if err != nil { // not reachable for the entity model; fall back to inequality
		return "\x00" + err.Error()
	}
	return string(b)
}
