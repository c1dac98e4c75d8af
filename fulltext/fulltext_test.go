package fulltext_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/freezeguard/freezeguard/fulltext"
	"github.com/freezeguard/freezeguard/lists/loader"
)

func buildUN(t testing.TB) *fulltext.Index {
	t.Helper()
	ctx := context.Background()
	snap, err := loader.Load(ctx, "../testdata/un/consolidated_2026-08-01.xml")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := fulltext.Build(ctx, filepath.Join(t.TempDir(), "idx"), snap)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func TestSearchRealUNList(t *testing.T) {
	ix := buildUN(t)
	n, err := ix.Count()
	if err != nil || n != 736+275 {
		t.Fatalf("Count = %d, %v; want 1011", n, err)
	}
	ctx := context.Background()
	cases := []struct {
		q    string
		mode fulltext.Mode
		want string
	}{
		{"Saddam Hussein al-Tikriti", fulltext.Match, "un:IQi.001"},
		{"Sadam Husein", fulltext.Match, "un:IQi.001"},        // one edit per word
		{"صدام حسين", fulltext.Match, "un:IQi.001"},           // Arabic query, transliterated
		{"Hussein al-Tikriti", fulltext.Phrase, "un:IQi.001"}, // phrase
		{"ids:IQi.001", fulltext.QueryString, "un:IQi.001"},
	}
	for _, c := range cases {
		hits, err := ix.Search(ctx, c.q, c.mode, 10)
		if err != nil {
			t.Fatalf("%q: %v", c.q, err)
		}
		found := false
		for _, h := range hits {
			if h.ID == c.want {
				found = true
			}
		}
		if !found {
			t.Errorf("%q (mode %d): %s not among %d hits %+v", c.q, c.mode, c.want, len(hits), hits)
		}
	}
	if _, err := ix.Search(ctx, "  ", fulltext.Match, 10); err == nil {
		t.Error("empty query: want error")
	}
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	snap, err := loader.Load(ctx, "../testdata/eu/eu_fsf_excerpt_2018-12-21.xml")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := fulltext.Build(ctx, dir, snap)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ix, err = fulltext.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.Count(); n != 2 {
		t.Fatalf("reopened Count = %d, want 2", n)
	}
	if _, err := fulltext.Open(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Fatal("Open of a missing index: want error")
	}
}

func BenchmarkSearchFuzzy(b *testing.B) {
	ix := buildUN(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ix.Search(ctx, "Sadam Husein Tikriti", fulltext.Match, 10); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBuildAtomic checks that an interrupted build leaves nothing at the
// target path (nor its temporary directory), so a later Open cannot find a
// half-built index, and that Build refuses an existing path.
func TestBuildAtomic(t *testing.T) {
	snap, err := loader.Load(context.Background(), "../testdata/un/consolidated_2026-08-01.xml")
	if err != nil {
		t.Fatal(err)
	}
	parent := t.TempDir()
	dir := filepath.Join(parent, "idx")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := fulltext.Build(ctx, dir, snap); !errors.Is(err, context.Canceled) {
		t.Fatalf("Build with a cancelled context: err = %v, want context.Canceled", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("after a failed build, %s: %v; want it absent", dir, err)
	}
	if _, err := fulltext.Open(dir); err == nil {
		t.Fatal("Open after a failed build: want error")
	}
	if left, _ := os.ReadDir(parent); len(left) != 0 {
		t.Fatalf("failed build left %d entries in the parent, e.g. %s", len(left), left[0].Name())
	}

	ix, err := fulltext.Build(context.Background(), dir, snap)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := ix.Count(); err != nil || n != uint64(len(snap.Entities)) {
		t.Fatalf("Count = %d, %v; want %d", n, err, len(snap.Entities))
	}
	if left, _ := os.ReadDir(parent); len(left) != 1 || left[0].Name() != "idx" {
		t.Fatalf("parent holds %v, want only idx", left)
	}
	ix.Close()
	if _, err := fulltext.Build(context.Background(), dir, snap); !errors.Is(err, fulltext.ErrExists) {
		t.Fatalf("Build over an existing index: err = %v, want ErrExists", err)
	}
	ix, err = fulltext.Open(dir)
	if err != nil {
		t.Fatalf("the existing index must still open: %v", err)
	}
	ix.Close()
}

// BenchmarkBuild measures building the index over the real UN list
// (1,011 entities), atomic rename included.
func BenchmarkBuild(b *testing.B) {
	ctx := context.Background()
	snap, err := loader.Load(ctx, "../testdata/un/consolidated_2026-08-01.xml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		ix, err := fulltext.Build(ctx, filepath.Join(b.TempDir(), "idx"), snap)
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
	b.ReportMetric(float64(len(snap.Entities)*b.N)/b.Elapsed().Seconds(), "entities/s")
}
