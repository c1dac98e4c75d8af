package un_test

import (
	"fmt"
	"log"
	"os"

	"github.com/freezeguard/freezeguard/lists/un"
)

func ExampleParse() {
	f, err := os.Open("../../testdata/un/consolidated_2026-08-01.xml")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	ents, prov, err := un.Parse(f)
	if err != nil {
		log.Fatal(err) // a *un.ParseError says at which byte and record
	}
	fmt.Println(prov.Format, prov.Published.Format("2006-01-02"), prov.Records)
	for _, e := range ents {
		if e.ID == "un:IQi.001" {
			fmt.Println(e.Kind, e.Names[0].Full, e.BirthDates[0].Text)
			fmt.Println(e.Names[1].Script, e.Names[1].Full)
		}
	}
	// Output:
	// un-consolidated-xml 2026-08-01 1011
	// person SADDAM HUSSEIN AL-TIKRITI EXACT 1937-04-28
	// Arab صدام حسين التكريتي
}
