package un

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// TestParseDigest pins everything Parse makes of the two real lists (every field of every entity, and the provenance) to a
// digest, so that a change to the parser's plumbing cannot change its
// output unnoticed. A deliberate change of the mapping updates the digests.
func TestParseDigest(t *testing.T) {
	f0801, err := os.ReadFile(file0801)
	if err != nil {
		t.Fatal(err)
	}
	f0227, err := os.ReadFile(file0227)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		in   []byte
		n    int
		want string
	}{
		{"2026-08-01", f0801, 1011, "bc2686bb85246c6faf7753d368181654c911a3a9c60c04a4f0544ffe347be5e9"},
		{"2026-02-27", f0227, 1003, "173ad21e5b6e4359ac17ffb26934e5554aad57c9417ce31b3a22a8cbda991bba"},
	} {
		ents, prov, err := Parse(bytes.NewReader(c.in))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		b, err := json.Marshal(struct {
			E any
			P any
		}{ents, prov})
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprintf("%x", sha256.Sum256(b))
		if len(ents) != c.n || got != c.want {
			t.Errorf("%s: %d entities, digest %s; want %d, %s", c.name, len(ents), got, c.n, c.want)
		}
	}
}
