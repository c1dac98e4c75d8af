package lists

import "testing"

func TestParseKind(t *testing.T) {
	for in, want := range map[string]Kind{
		"": UnknownKind, "person": Person, " Individual ": Person, "ORGANIZATION": Organization,
		"organisation": Organization, "company": Organization, "entity": Organization,
		"vessel": Vessel, "aircraft": Aircraft, "unknown": UnknownKind,
	} {
		if got, err := ParseKind(in); err != nil || got != want {
			t.Errorf("ParseKind(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"ship", "per son", "\x00"} {
		if _, err := ParseKind(bad); err == nil {
			t.Errorf("ParseKind(%q): want an error", bad)
		}
	}
}
