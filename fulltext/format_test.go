package fulltext

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/freezeguard/freezeguard/lists/loader"
)

// TestOpenRefusesOtherFormat: an index that does not record this
// FormatVersion (format 1 recorded none) is refused with ErrFormat, not
// searched with an analysis it was not built with.
func TestOpenRefusesOtherFormat(t *testing.T) {
	ctx := context.Background()
	snap, err := loader.Load(ctx, "../testdata/eu/eu_fsf_excerpt_2018-12-21.xml")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := Build(ctx, dir, snap)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	for _, c := range []struct {
		name string
		set  func(bleve.Index) error
		want string
	}{
		{"none recorded", func(bi bleve.Index) error { return bi.DeleteInternal(formatKey) }, `format "1"`},
		{"a later one", func(bi bleve.Index) error { return bi.SetInternal(formatKey, []byte("99")) }, `format "99"`},
	} {
		bi, err := bleve.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.set(bi); err != nil {
			t.Fatal(err)
		}
		bi.Close()
		_, err = Open(dir)
		if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "build it again") {
			t.Errorf("%s: Open err = %v, want ErrFormat saying %s", c.name, err, c.want)
		}
	}
}
