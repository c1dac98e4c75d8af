package eu_test

import (
	"fmt"
	"log"
	"os"

	"github.com/freezeguard/freezeguard/lists/eu"
)

func ExampleParse() {
	f, err := os.Open("../../testdata/eu/eu_fsf_excerpt_2018-12-21.xml")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	ents, prov, err := eu.Parse(f)
	if err != nil {
		log.Fatal(err) // an *eu.ParseError says at which byte and record
	}
	fmt.Println(prov.Format, prov.Published.Format("2006-01-02"), prov.Records)
	for _, e := range ents {
		fmt.Println(e.ID, e.Kind, e.Programs[0].Code, e.Names[0].Full, len(e.Names))
	}
	greek := ents[1].Names[14]
	fmt.Println(greek.Lang, greek.Script, greek.Full)
	// Output:
	// eu-fsf-xml 2018-12-21 2
	// eu:1 person ZWE Robert Gabriel Mugabe 1
	// eu:207 organization TERR İslami Büyük Doğu Akıncılar Cephesi 19
	// el Grek Μέγα Ισλαµικό Μέτωπο των Πολεµιστών της Ανατολής
}
