package lists_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
)

func load(t testing.TB, path string) *lists.Snapshot {
	t.Helper()
	s, err := loader.Load(context.Background(), "../testdata/"+path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDiffUN(t *testing.T) {
	old := load(t, "un/consolidated_2026-02-27.xml")
	cur := load(t, "un/consolidated_2026-08-01.xml")
	c := lists.Diff(old, cur)
	t.Logf("UN 2026-02-27 -> 2026-08-01: added %d, removed %d, changed %d", len(c.Added), len(c.Removed), len(c.Changed))
	// 1003 -> 1011 records; by reference prefix CDi +6, CDe +2, LYe +1,
	// SDi +4 (13 at least added) and QDi -4, QDe -1 (5 at least removed).
	if len(c.Added)-len(c.Removed) != len(cur.Entities)-len(old.Entities) {
		t.Errorf("added-removed = %d, want %d", len(c.Added)-len(c.Removed), len(cur.Entities)-len(old.Entities))
	}
	if len(c.Added) < 13 || len(c.Removed) < 5 {
		t.Errorf("added %d (want >= 13), removed %d (want >= 5)", len(c.Added), len(c.Removed))
	}
	for _, id := range c.Added {
		if _, ok := old.Entity(id); ok {
			t.Errorf("%s reported added but is in the old list", id)
		}
	}
	for _, id := range c.Removed {
		if _, ok := cur.Entity(id); ok {
			t.Errorf("%s reported removed but is in the new list", id)
		}
	}
	if len(c.Changed) == 0 {
		t.Error("no entity changed in six months of UN amendments")
	}
	for _, ch := range c.Changed {
		if len(ch.Fields) == 0 {
			t.Errorf("%s changed without fields", ch.ID)
		}
	}
	if !slices.IsSorted(c.Added) || !slices.IsSorted(c.Removed) {
		t.Error("ids not sorted")
	}
	// the diff is antisymmetric
	r := lists.Diff(cur, old)
	if !slices.Equal(r.Added, c.Removed) || !slices.Equal(r.Removed, c.Added) || len(r.Changed) != len(c.Changed) {
		t.Error("Diff(new, old) is not the mirror of Diff(old, new)")
	}
	if !lists.Diff(cur, cur).Empty() {
		t.Error("a snapshot differs from itself")
	}
}

func TestDiffOFAC(t *testing.T) {
	old := load(t, "ofac/sdn_csv_2024-05-03")
	cur := load(t, "ofac/sdn_csv_2024-07-02")
	c := lists.Diff(old, cur)
	t.Logf("OFAC SDN 2024-05-03 -> 2024-07-02: added %d, removed %d, changed %d", len(c.Added), len(c.Removed), len(c.Changed))
	// 14,965 -> 15,443 rows: at least 478 added
	if len(c.Added) < 478 {
		t.Errorf("added %d, want >= 478", len(c.Added))
	}
	if len(c.Added)-len(c.Removed) != 15443-14965 {
		t.Errorf("added-removed = %d, want 478", len(c.Added)-len(c.Removed))
	}
	fields := map[string]int{}
	for _, ch := range c.Changed {
		for _, f := range ch.Fields {
			fields[f]++
		}
	}
	t.Logf("changed fields: %v", fields)
	if fields["programs"] == 0 && fields["remarks"] == 0 {
		t.Error("no programme or remarks change in two months of OFAC actions")
	}
}

func TestDiffFields(t *testing.T) {
	base := func() lists.Entity {
		return lists.Entity{
			ID: "x:1", Source: lists.OFAC, Kind: lists.Person,
			Names:    []lists.Name{{Full: "A", Type: lists.Primary}, {Full: "B", Type: lists.AKA}, {Full: "C", Type: lists.AKA}},
			Programs: []lists.Program{lists.OFACProgram("SDGT"), lists.OFACProgram("IRGC")},
		}
	}
	snap := func(es ...lists.Entity) *lists.Snapshot { return lists.NewSnapshot(es, nil, time.Time{}) }

	reordered := base()
	reordered.Names[1], reordered.Names[2] = reordered.Names[2], reordered.Names[1]
	reordered.Programs[0], reordered.Programs[1] = reordered.Programs[1], reordered.Programs[0]
	if c := lists.Diff(snap(base()), snap(reordered)); !c.Empty() {
		t.Errorf("alias/programme order counted as a change: %+v", c)
	}

	renamed := base()
	renamed.Names[0], renamed.Names[1] = renamed.Names[1], renamed.Names[0]
	renamed.Programs = append(renamed.Programs, lists.OFACProgram("SDNTK"))
	renamed.Nationalities = []string{"IR"}
	c := lists.Diff(snap(base()), snap(renamed))
	if len(c.Changed) != 1 || strings.Join(c.Changed[0].Fields, ",") != "names,programs,nationalities" {
		t.Errorf("changes = %+v", c)
	}

	empty := base()
	empty.Titles = []string{}
	if c := lists.Diff(snap(base()), snap(empty)); !c.Empty() {
		t.Errorf("nil vs empty slice counted as a change: %+v", c)
	}
	if c := lists.Diff(nil, snap(base())); len(c.Added) != 1 {
		t.Errorf("nil old snapshot: %+v", c)
	}
}

func BenchmarkDiffOFAC(b *testing.B) {
	old := load(b, "ofac/sdn_csv_2024-05-03")
	cur := load(b, "ofac/sdn_csv_2024-07-02")
	b.ReportAllocs()
	for b.Loop() {
		lists.Diff(old, cur)
	}
}

func ExampleDiff() {
	old, _ := loader.Load(context.Background(), "../testdata/un/consolidated_2026-02-27.xml")
	cur, _ := loader.Load(context.Background(), "../testdata/un/consolidated_2026-08-01.xml")
	c := lists.Diff(old, cur)
	fmt.Println(len(c.Added)-len(c.Removed), "more entities")
	// Output: 8 more entities
}
