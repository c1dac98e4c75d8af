package eu

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"testing"
)

// TestParseDigest pins everything Parse makes of a generated file, which
// uses every part of the schema (every field of every entity, and the
// provenance), to a digest, so that a change to the parser's plumbing
// cannot change its output unnoticed; the loader's TestRealFilesDigest does
// the same for the real files. A deliberate change of the mapping updates
// the digest.
func TestParseDigest(t *testing.T) {
	var gen bytes.Buffer
	if _, err := generate(&gen, 2000, 7); err != nil {
		t.Fatal(err)
	}
	ents, prov, err := Parse(&gen)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(struct{ E, P any }{ents, prov})
	if err != nil {
		t.Fatal(err)
	}
	const want = "5791a4b814f75f1f640e8e8d7410f7f1d176938b248f713e15114d124de687e2"
	if got := fmt.Sprintf("%x", sha256.Sum256(b)); len(ents) != 2000 || got != want {
		t.Errorf("%d entities, digest %s; want 2000, %s", len(ents), got, want)
	}
}
