package fulltext_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

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

// Search marks the matched words of the original text, whatever its
// script: here a query typed without diacritics finds the Turkish name,
// and a Latin query the Greek alias.
func ExampleIndex_Search() {
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

	hits, err := ix.Search(ctx, "Buyuk Dogu", fulltext.Match, 1)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(hits[0].ID, hits[0].Fragments["name"][0])

	hits, err = ix.Search(ctx, "Metopo", fulltext.Match, 1)
	if err != nil {
		log.Fatal(err)
	}
	for _, line := range strings.Split(hits[0].Fragments["names"][0], "\n") {
		if strings.Contains(line, "<mark>") {
			fmt.Println(hits[0].ID, line)
		}
	}
	// Output:
	// eu:207 İslami <mark>Büyük</mark> <mark>Doğu</mark> Akıncılar Cephesi
	// eu:207 Μέγα Ισλαµικό <mark>Μέτωπο</mark> των Πολεµιστών της Ανατολής
}
