package fuzzy

import (
	"strings"
	"testing"
)

// Stray initials padded before a listed name must not hide it: single
// letters carry almost no identifying information (see maxStrayInitials).
// The index here holds real listed names (OFAC SDN spellings), so the
// padded query competes with names it could also resemble.
func TestStrayInitialsDoNotHideName(t *testing.T) {
	ix := Build([]Record{
		{ID: 1, Name: "HIZBALLAH", Kind: KindOrganization},
		{ID: 2, Name: "HAMAS", Kind: KindOrganization},
		{ID: 3, Name: "PUTIN, Vladimir Vladimirovich", Kind: KindPerson},
		{ID: 4, Name: "BIN LADIN, Usama bin Muhammad bin Awad", Kind: KindPerson},
		{ID: 5, Name: "AL-QA'IDA", Kind: KindOrganization},
	})
	long := strings.Join(strings.Split("ABCDEFGHIJKLMNOP", ""), " ") + " HIZBALLAH"
	for _, kind := range []Kind{KindUnknown, KindOrganization, KindPerson} {
		for _, q := range []string{"A B C HIZBALLAH", "X HIZBALLAH", long, "HIZBALLAH A B C", "A. B. C. HIZBALLAH", "Q Q HIZBALLAH Q Q"} {
			if got := Compare(q, "HIZBALLAH", kind).Score; got < Threshold {
				t.Errorf("Compare(%q, HIZBALLAH, %v) = %.3f, want >= %.2f", q, kind, got, Threshold)
			}
			var found bool
			for _, m := range ix.Search(q, kind, 5, Threshold, nil) {
				if m.ID == 1 {
					found = true
					if ex := ix.Explain(q, kind, 1); ex.Score != m.Score {
						t.Errorf("%q: Explain scores %.3f, Search %.3f", q, ex.Score, m.Score)
					}
				}
			}
			if !found {
				t.Errorf("Search(%q, %v) misses HIZBALLAH at %.2f", q, kind, Threshold)
			}
		}
	}
	// One stray initial still costs its whole weight, as before.
	if got := Compare("X HIZBALLAH", "HIZBALLAH", KindUnknown).Score; got > 0.91 {
		t.Errorf("Compare(X HIZBALLAH) = %.3f, want at most 0.91 (unchanged)", got)
	}
}

// An unmatched full token still costs its weight: "John" is a name the
// listed HIZBALLAH lacks, and the initial beside it changes little.
func TestStrayInitialsKeepFullTokenCost(t *testing.T) {
	const before = 0.747 // score before maxStrayInitials
	got := Compare("John Q HIZBALLAH", "HIZBALLAH", KindUnknown).Score
	if got > before+0.02 {
		t.Errorf("Compare(John Q HIZBALLAH) = %.3f, want at most %.3f", got, before+0.02)
	}
	if got >= Threshold {
		t.Errorf("Compare(John Q HIZBALLAH) = %.3f, want below %.2f", got, Threshold)
	}
	// Many initials beside a full token cost no more than a few.
	few := Compare("A B John HIZBALLAH", "HIZBALLAH", KindUnknown).Score
	many := Compare("A B C D E F John HIZBALLAH", "HIZBALLAH", KindUnknown).Score
	if many < few-0.001 {
		t.Errorf("six initials score %.3f, two %.3f: stray initials must be capped", many, few)
	}
}
