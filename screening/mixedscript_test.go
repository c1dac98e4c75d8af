package screening

import (
	"context"
	"testing"
)

// Issue 9 item 2: a look-alike letter from another alphabet no longer
// clears a listed name, and the hit says the name mixed alphabets.
func TestMixedScriptNameFlagged(t *testing.T) {
	s, _, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionEU))
	for _, c := range []struct {
		name  string
		mixed bool
	}{
		{"Vl\u0430dimir Vladimirovich Putin", true}, // Cyrillic а
		{"Vladimir Vladimirovich \u03A1UTIN", true}, // Greek Ρ
		{"V\U0001D425adimir Vladimirovich Putin", true},
		{"Vladimir Vladimirovich Putin", false},
		{"\u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440 \u041f\u0443\u0442\u0438\u043d", false}, // Владимир Путин
	} {
		d, err := s.Screen(context.Background(), Party{Name: c.name})
		if err != nil {
			t.Fatal(err)
		}
		h := hitFor(&d, "ofac:35096")
		if d.Outcome == Clear || h == nil {
			t.Errorf("%q: %s, no hit on Putin", c.name, d.Outcome)
			continue
		}
		if got := h.HasFlag(FlagMixedScriptName); got != c.mixed {
			t.Errorf("%q: %s = %v, want %v", c.name, FlagMixedScriptName, got, c.mixed)
		}
	}
}
