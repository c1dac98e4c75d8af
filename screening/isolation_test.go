package screening

import (
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
)

// csvSet is a whole real OFAC CSV set (sdn.csv with add.csv, alt.csv and
// sdn_comments.csv), whose provenance has Parts: the deepest slice a
// decision carries.
const csvSet = "../testdata/ofac/csv_set_2021-07"

// A returned Decision is the caller's: editing its policy, a hit's
// programmes or the snapshot provenance must change nothing for the next
// decision, for Screener.Policy or for the snapshot. Before the fix,
// d.Policy.Binding[0] = lists.EU turned the next exact SDN name and date of
// birth from FREEZE into CLEAR. Run under -race: the second goroutine
// screens while the first edits, so any memory still shared is a race.
func TestDecisionSharesNoMemory(t *testing.T) {
	snap, err := loader.Load(ctx, csvSet)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Sources) == 0 || len(snap.Sources[0].Parts) == 0 {
		t.Fatalf("the CSV set's provenance has no parts: %+v", snap.Sources)
	}
	wantSources := cloneSources(snap.Sources)
	s, _, _ := newScreener(t, snap, DefaultPolicy(JurisdictionUS))
	wantPolicy := DefaultPolicy(JurisdictionUS)
	zambada := Party{Name: "Ismael Zambada Garcia", Kind: lists.Person, BirthDate: "1948", Country: "MX"}

	screen := func() (Decision, *Hit) {
		t.Helper()
		d, err := s.Screen(ctx, zambada)
		if err != nil {
			t.Error(err)
			return d, nil
		}
		return d, hitFor(&d, "ofac:7226")
	}
	first, h := screen()
	if h == nil || first.Outcome != Freeze || len(h.Programs) == 0 {
		t.Fatalf("baseline: outcome %s, hit %+v; want FREEZE on ofac:7226", first.Outcome, h)
	}
	wantPrograms := slices.Clone(h.Programs)

	var wg sync.WaitGroup
	wg.Go(func() { // the caller edits everything it was handed
		for range 20 {
			d, h := screen()
			if h == nil {
				return
			}
			d.Policy.Binding[0] = lists.EU
			d.Policy.Risk[0] = lists.OFAC
			h.Programs[0].Code, h.Programs[0].Class = "EDITED", lists.ClassForeignPolicy
			d.Snapshot.Sources[0].SHA256 = "edited"
			d.Snapshot.Sources[0].Parts[0].SHA256 = "edited"
			pol := s.Policy()
			pol.Binding[0] = lists.UN
		}
	})
	wg.Go(func() { // while others keep screening
		for range 20 {
			if d, h := screen(); h == nil || d.Outcome != Freeze {
				t.Errorf("outcome %s while another decision was edited, want FREEZE", d.Outcome)
				return
			}
		}
	})
	wg.Wait()

	last, h := screen()
	if h == nil || last.Outcome != Freeze {
		t.Fatalf("after editing returned decisions: outcome %s, want FREEZE", last.Outcome)
	}
	if !slices.Equal(h.Programs, wantPrograms) {
		t.Errorf("programmes %+v, want %+v", h.Programs, wantPrograms)
	}
	if got := s.Policy(); !slices.Equal(got.Binding, wantPolicy.Binding) || !slices.Equal(got.Risk, wantPolicy.Risk) {
		t.Errorf("Screener.Policy() binding %v risk %v, want %v %v", got.Binding, got.Risk, wantPolicy.Binding, wantPolicy.Risk)
	}
	if !slices.Equal(last.Policy.Binding, wantPolicy.Binding) {
		t.Errorf("decision policy binding %v, want %v", last.Policy.Binding, wantPolicy.Binding)
	}
	for _, got := range [][]lists.Provenance{s.Snapshot().Sources, last.Snapshot.Sources} {
		if !equalSources(got, wantSources) {
			t.Errorf("sources %+v, want %+v", got, wantSources)
		}
	}
	for i := range s.Snapshot().Entities {
		if e := &s.Snapshot().Entities[i]; e.ID == "ofac:7226" && !slices.Equal(e.Programs, wantPrograms) {
			t.Errorf("snapshot entity programmes %+v, want %+v", e.Programs, wantPrograms)
		}
	}
}

func cloneSources(ps []lists.Provenance) []lists.Provenance {
	out := slices.Clone(ps)
	for i := range out {
		out[i].Parts = slices.Clone(out[i].Parts)
	}
	return out
}

func equalSources(a, b []lists.Provenance) bool { return reflect.DeepEqual(a, b) }
