package ofac_test

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/freezeguard/freezeguard/lists/ofac"
)

// Two real rows of sdn.csv and their alt.csv aliases, as OFAC publishes
// them: no header, CRLF, "-0- " for null, 0x1A at the end.
func ExampleParseCSV() {
	sdn := strings.NewReader("7843,\"AL-TIKRITI, Saddam Hussein\",\"individual\",\"IRAQ2\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ," +
		"\"DOB 28 Apr 1937; POB al-Awja, near Tikrit, Iraq; nationality Iraq; named in UNSCR 1483; President since 1979; a.k.a. 'ABU ALI'.\"\r\n" +
		"7226,\"ZAMBADA GARCIA, Ismael\",\"individual\",\"SDNTK] [ILLICIT-DRUGS-EO14059\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ," +
		"\"DOB 1948; POB Sinaloa, Mexico; nationality Mexico; Gender Male; a.k.a. 'El Mayo'; a.k.a. 'Mayo'.\"\r\n\x1a")
	alt := strings.NewReader("7843,5644,\"aka\",\"HUSAYN, Saddam\",-0- \r\n\x1a")

	ents, prov, err := ofac.ParseCSV(sdn, nil, alt, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(prov.Format, prov.Records)
	for _, e := range ents {
		fmt.Println(e.ID, e.Kind, e.BirthDates[0].Year)
		for _, n := range e.Names {
			fmt.Printf("  %-26s %-7s %s\n", n.Full, n.Type, n.Quality)
		}
		for _, p := range e.Programs {
			fmt.Println("  programme", p.Code)
		}
	}
	// Output:
	// ofac-csv 2
	// ofac:7843 person 1937
	//   AL-TIKRITI, Saddam Hussein primary strong
	//   HUSAYN, Saddam             aka     strong
	//   ABU ALI                    aka     weak
	//   programme IRAQ2
	// ofac:7226 person 1948
	//   ZAMBADA GARCIA, Ismael     primary strong
	//   El Mayo                    aka     weak
	//   Mayo                       aka     weak
	//   programme SDNTK
	//   programme ILLICIT-DRUGS-EO14059
}

// The real two-entry excerpt of SDN.XML states the full list's record
// count; a caller that knows it holds an excerpt accepts the mismatch.
func ExampleParseXML() {
	f, err := os.Open("../../testdata/ofac/sdn_xml_excerpt_2020-10-29/sdn.xml")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()

	ents, prov, err := ofac.ParseXML(f)
	var rc *ofac.RecordCountError
	if errors.As(err, &rc) {
		fmt.Println("excerpt:", err)
	} else if err != nil {
		log.Fatal(err)
	}
	fmt.Println(prov.Format, prov.Published.Format("2006-01-02"), prov.Records)
	for _, e := range ents {
		fmt.Println(e.ID, e.Names[0].Full, "/", e.Names[1].Full, "/", e.Addresses[0].City)
	}
	// Output:
	// excerpt: ofac: sdnList XML byte offset 1723: Record_Count says 8497 records, file holds 2
	// ofac-sdnlist-xml 2020-10-29 2
	// ofac:36 AEROCARIBBEAN AIRLINES / AERO-CARIBBEAN / Havana
	// ofac:173 ANGLO-CARIBBEAN CO., LTD. / AVIA IMPORT / London
}
