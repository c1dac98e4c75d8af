package loader

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
)

// TestRealFilesDigest pins everything the loader makes of each real list
// file in testdata (every field of every entity, and the provenance) to a
// digest, so that a change to the parsers' plumbing cannot change what
// screening sees unnoticed. A deliberate change of a mapping updates the
// digests, and says why in its commit.
func TestRealFilesDigest(t *testing.T) {
	for _, c := range []struct {
		path   string
		n      int
		digest string
	}{
		{"eu/eu_fsf_excerpt_2018-12-21.xml", 2, "ab608c2168577d69a8981318113983d7f83106414a983484456eec6077a9e836"},
		{"un/consolidated_2026-02-27.xml", 1003, "3b3d8684d47a04f4d4ad10e53a4ebb291e8c7338767d4cf6914dca699efdbfd0"},
		{"un/consolidated_2026-08-01.xml", 1011, "ad6554ff2f214112dac5ac55d1fabd3e6878160942055d39ee2579df6bbf7371"},
		{"ofac/sdn_xml_excerpt_2020-10-29", 2, "2afcffd9e92ba22eb09dd6a38b8f8f11c46669dfff88e5c1de72aa8285eb239e"},
		{"ofac/cons_xml_2023-03-08", 445, "28a43ba45e69b0f2c7c890187a444bd4a577b1ccc711c1bb7434f35a2144a7ca"},
		{"ofac/cons_xml_2025-03-28", 443, "b5bdc7eb4faaeee9ae8145b1326f50a37135c40e7170faaa974952c5e6dfc19f"},
		{"ofac/csv_set_2021-07", 8976, "1baca1f3c3d9d315c669efc44506f5edd33b477c90968f976d66dc58bf8de2e9"},
		{"ofac/cons_csv_2025-12", 442, "4068d671f7405a5ae5c6bfb3ffb2991b9df89790f36459984884618da31a0c04"},
		{"ofac/sdn_csv_2024-05-03", 14965, "d9ddbd309a9fba65ce95279c53e605412f595d527910e7c21d2f4af5e15fae43"},
		{"ofac/sdn_csv_2024-07-02", 15443, "a05bee9b2635f4179c1417befd30f36b3b7e6749c58fd581d94f5d360eb16a41"},
	} {
		l := Loader{AllowExcerpts: true, Logger: quiet()}
		snap, err := l.Load(context.Background(), filepath.Join(td, c.path))
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		b, err := json.Marshal(struct{ E, S any }{snap.Entities, snap.Sources})
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprintf("%x", sha256.Sum256(b))
		if len(snap.Entities) != c.n || got != c.digest {
			t.Errorf("%s: %d entities, digest %s; want %d, %s", c.path, len(snap.Entities), got, c.n, c.digest)
		}
	}
}
