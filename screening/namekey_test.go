package screening

import "testing"

// TestNameKeyFolds: the exact-name key folds accents and the Latin
// letters without an ASCII base the way the matcher does (package fold).
func TestNameKeyFolds(t *testing.T) {
	for in, want := range map[string]string{
		"ZAMBADA GARCÍA, Ismael": "garcia ismael zambada",
		"Łukasz STRAUß":          "lukasz strauss",
		"Həsənov, Əli":           "eli hesenov",
		"Владимир Путин":         "владимир путин",
	} {
		if got := nameKey(in); got != want {
			t.Errorf("nameKey(%q) = %q, want %q", in, got, want)
		}
	}
}
