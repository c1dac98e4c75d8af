package eu

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// TestParseDigest pins everything Parse makes of the real excerpt and of a
// generated file (every field of every entity, and the provenance) to a
// digest, so that a change to the parser's plumbing cannot change its
// output unnoticed. A deliberate change of the mapping updates the digests.
func TestParseDigest(t *testing.T) {
	real, err := os.ReadFile(excerptFile)
	if err != nil {
		t.Fatal(err)
	}
	var gen bytes.Buffer
	if _, err := generate(&gen, 2000, 7); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		in   []byte
		n    int
		want string
	}{
		{"excerpt", real, 2, "e973c6aa1fa9e68f65d91470907edd560cc267e151394cc84bbdde0091ce45a8"},
		{"generated", gen.Bytes(), 2000, "5791a4b814f75f1f640e8e8d7410f7f1d176938b248f713e15114d124de687e2"},
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
