package fulltext_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/freezeguard/freezeguard/fulltext"
	"github.com/freezeguard/freezeguard/lists/loader"
)

// Build an index over a real EU list excerpt once, then search it by
// passport number and by a misspelt name.
func Example() {
	ctx := context.Background()
	snap, err := loader.Load(ctx, "../testdata/eu/eu_fsf_excerpt_2018-12-21.xml")
	if err != nil {
		log.Fatal(err)
	}
	tmp, err := os.MkdirTemp("", "fulltext-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)

	ix, err := fulltext.Build(ctx, filepath.Join(tmp, "idx"), snap)
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []struct {
		text string
		mode fulltext.Mode
	}{
		{"ids:AD001095", fulltext.QueryString},
		{"Robert Mugabi", fulltext.Match},
	} {
		hits, err := ix.Search(ctx, q.text, q.mode, 1)
		if err != nil {
			log.Fatal(err)
		}
		for _, h := range hits {
			fmt.Printf("%s: %s %s\n", q.text, h.ID, h.Name)
		}
	}
	// Output:
	// ids:AD001095: eu:1 Robert Gabriel Mugabe
	// Robert Mugabi: eu:1 Robert Gabriel Mugabe
}
