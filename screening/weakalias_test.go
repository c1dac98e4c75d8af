package screening

import (
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

// ofac:10901 (GONZALEZ POLANCO, Hermagoras; SDNTK) is listed with the weak
// a.k.a. "EL GORDO BAEZ", born 19 Oct 1962, Venezuela and Colombia.
const gordoID, gordoWeak = "ofac:10901", "EL GORDO BAEZ"

// A weak alias that scores below the hold threshold by itself but is lifted
// into a hit by an agreeing date of birth and country is still a hit that
// rests on a weak alias: WEAK_ALIAS_ONLY and the weak-alias reason must
// follow (before the fix it read "plausible name match", unflagged). The
// party's name carries one to three extra tokens: the matcher's exact
// figures move as it improves, and at least one of them must land between
// the near-miss and hold thresholds for the test to mean anything.
func TestWeakAliasLiftedByEvidence(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	lifted := 0
	for _, name := range []string{"Gordo Baez Ramirez", "Gordo Baez Ramirez Lopez", "Carlos Gordo Baez Ramirez Lopez"} {
		d, err := s.Screen(ctx, Party{Name: name, Kind: lists.Person, BirthDate: "1962-10-19", Country: "CO"})
		if err != nil {
			t.Fatal(err)
		}
		h := hitFor(&d, gordoID)
		if h == nil {
			continue
		}
		if h.MatchedName != gordoWeak || h.Quality != lists.Weak {
			t.Fatalf("%q: hit rests on %q (%s), want the weak alias %q", name, h.MatchedName, h.Quality, gordoWeak)
		}
		if h.NameScore < s.pol.HoldThreshold {
			lifted++
		}
		checkWeakOnly(t, h)
	}
	if lifted == 0 {
		t.Fatalf("no party name scored %q below the hold threshold and was lifted into a hit: pick further variants", gordoWeak)
	}
}

// The same rule on the evaluation itself, with the candidate scores set by
// hand so that it does not depend on the matcher's exact figures: whenever
// the weak alias is the name picked, the hit is weak-alias-only; when a
// strong name scores higher, it is not.
func TestWeakAliasPick(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	st := s.cur.Load()
	ent, ok := st.byID[gordoID]
	if !ok {
		t.Fatalf("%s not in the snapshot", gordoID)
	}
	weak, strong := int32(-1), int32(-1)
	for id, r := range st.names {
		if r.ent != ent {
			continue
		}
		switch n := &st.snap.Entities[ent].Names[r.name]; {
		case n.Full == gordoWeak && n.Quality == lists.Weak:
			weak = int32(id)
		case n.Type == lists.Primary:
			strong = int32(id)
		}
	}
	if weak < 0 || strong < 0 {
		t.Fatalf("%s: weak alias record %d, primary name record %d", gordoID, weak, strong)
	}
	pp := PaymentParty{Party: Party{Name: "Gordo Baez Ramirez", Kind: lists.Person, BirthDate: "1962-10-19", Country: "CO"}}
	in, err := checkParty(&pp.Party, false, decisionTime)
	if err != nil || len(in.flags) > 0 {
		t.Fatal(err, in.flags)
	}
	hold := s.pol.HoldThreshold
	for _, tc := range []struct {
		name                    string
		strongScore, weakScore  float64
		wantWeakOnly, wantMatch bool
	}{
		{"weak alias alone at the hold threshold", 0, hold, true, true},
		{"weak alias below, lifted by evidence", 0, hold - 0.08, true, true},
		{"weak alias beats a lower strong name, lifted", hold - 0.20, hold - 0.08, true, true},
		{"strong name beats the weak alias", hold - 0.07, hold - 0.08, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := candidate{ent: ent, strong: -1, fka: -1, weak: weak, weakScore: tc.weakScore}
			if tc.strongScore > 0 {
				c.strong, c.strongScore = strong, tc.strongScore
			}
			h, isHit := s.evaluate(st, &pp, nameKey(pp.Party.Name), &in, &c, decisionTime)
			if !isHit {
				t.Fatalf("not a hit: score %.3f (%s)", h.Score, h.Reason)
			}
			if tc.wantWeakOnly {
				checkWeakOnly(t, &h)
			} else if h.HasFlag(FlagWeakAliasOnly) || h.Quality == lists.Weak {
				t.Errorf("strong name picked, yet %q (%s) flagged %v", h.MatchedName, h.Quality, h.Flags)
			}
		})
	}
}

// checkWeakOnly checks a hit that rests on a weak alias: flag, reason and
// never FREEZE.
func checkWeakOnly(t *testing.T, h *Hit) {
	t.Helper()
	if !h.HasFlag(FlagWeakAliasOnly) {
		t.Errorf("hit on weak alias %q (name %.3f, score %.3f) without %s; flags %v", h.MatchedName, h.NameScore, h.Score, FlagWeakAliasOnly, h.Flags)
	}
	if !strings.Contains(h.Reason, "only a weak alias matches") {
		t.Errorf("reason %q, want the weak-alias reason", h.Reason)
	}
	if h.Outcome != Hold {
		t.Errorf("outcome %s, want HOLD", h.Outcome)
	}
}
