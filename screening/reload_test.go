package screening

import (
	"errors"
	"slices"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

// TestReloadRefusesShrunkSnapshot: a list cut short (issue 9: 5,593 of
// 15,443 OFAC entities) or missing a source replaced the complete one on
// Reload. It is refused unless ReloadForce.
func TestReloadRefusesShrunkSnapshot(t *testing.T) {
	full := realSnapshot(t)
	s, _, _ := newScreener(t, full, DefaultPolicy(JurisdictionUS))
	keep := func(f func(i int, e *lists.Entity) bool) *lists.Snapshot {
		var ents []lists.Entity
		for i := range full.Entities {
			if f(i, &full.Entities[i]) {
				ents = append(ents, full.Entities[i])
			}
		}
		return lists.NewSnapshot(ents, slices.Clone(full.Sources), full.Loaded)
	}
	noUN := keep(func(_ int, e *lists.Entity) bool { return e.Source != lists.UN })
	cutOFAC := keep(func(i int, e *lists.Entity) bool { return e.Source != lists.OFAC || i < 5593 })
	fewDelisted := keep(func(i int, e *lists.Entity) bool { return i%100 != 7 }) // 1 % fewer
	for name, snap := range map[string]*lists.Snapshot{"UN missing": noUN, "OFAC cut": cutOFAC} {
		if err := s.Reload(ctx, snap); !errors.Is(err, ErrListShrunk) {
			t.Errorf("%s: Reload = %v", name, err)
		}
	}
	if s.Generation() != 1 {
		t.Fatalf("generation %d after refused reloads", s.Generation())
	}
	if err := s.Reload(ctx, fewDelisted); err != nil {
		t.Errorf("1 %% fewer: %v", err)
	}
	if err := s.ReloadForce(ctx, cutOFAC); err != nil || s.Generation() != 3 {
		t.Errorf("ReloadForce: %v, generation %d", err, s.Generation())
	}
}
