package audit

import (
	"encoding/xml"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// The test bodies are decisions about real people on the UN consolidated
// list (testdata), so names, scripts and documents are real data.

type testDoc struct {
	Type    string `json:"type,omitempty"`
	Number  string `json:"number"`
	Country string `json:"country,omitempty"`
}

type testParty struct {
	Name      string    `json:"name"`
	Original  string    `json:"name_original,omitempty"`
	BirthDate string    `json:"dob,omitempty"`
	Address   string    `json:"address,omitempty"`
	Documents []testDoc `json:"documents,omitempty"`
}

type testHit struct {
	EntityID string  `json:"entity_id"`
	Name     string  `json:"matched_name"`
	Score    float64 `json:"score"`
	Programs []string
}

type testDecision struct {
	ID        string    `json:"id"`
	Party     testParty `json:"party"`
	Hits      []testHit `json:"hits"`
	Outcome   string    `json:"outcome"`
	Amount    int64     `json:"amount_minor"`
	Retention time.Time `json:"retain_until"`
	Note      string    `json:"note,omitempty"`
}

type unIndividual struct {
	Ref      string `xml:"REFERENCE_NUMBER"`
	First    string `xml:"FIRST_NAME"`
	Second   string `xml:"SECOND_NAME"`
	Third    string `xml:"THIRD_NAME"`
	Original string `xml:"NAME_ORIGINAL_SCRIPT"`
	List     string `xml:"UN_LIST_TYPE"`
	Comments string `xml:"COMMENTS1"`
	DOB      []struct {
		Date string `xml:"DATE"`
		Year string `xml:"YEAR"`
	} `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
	Addr []struct {
		City    string `xml:"CITY"`
		Country string `xml:"COUNTRY"`
	} `xml:"INDIVIDUAL_ADDRESS"`
	Docs []struct {
		Type    string `xml:"TYPE_OF_DOCUMENT"`
		Number  string `xml:"NUMBER"`
		Country string `xml:"ISSUING_COUNTRY"`
	} `xml:"INDIVIDUAL_DOCUMENT"`
}

var (
	unOnce   sync.Once
	unPeople []unIndividual
	unErr    error
)

const unFile = "../../testdata/un/consolidated_2026-08-01.xml"

func loadUN() ([]unIndividual, error) {
	unOnce.Do(func() {
		f, err := os.Open(unFile)
		if err != nil {
			unErr = err
			return
		}
		defer f.Close()
		dec := xml.NewDecoder(f)
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				unErr = err
				return
			}
			se, ok := tok.(xml.StartElement)
			if !ok || se.Name.Local != "INDIVIDUAL" {
				continue
			}
			var p unIndividual
			if err := dec.DecodeElement(&p, &se); err != nil {
				unErr = err
				return
			}
			unPeople = append(unPeople, p)
		}
	})
	return unPeople, unErr
}

// realDecisions returns n decision bodies built from the UN list, cycling
// through its individuals.
func realDecisions(tb testing.TB, n int) []testDecision {
	tb.Helper()
	people, err := loadUN()
	if err != nil {
		tb.Fatalf("loading %s: %v", unFile, err)
	}
	if len(people) < 700 {
		tb.Fatalf("%s: %d individuals, want the full list", unFile, len(people))
	}
	out := make([]testDecision, n)
	for i := range out {
		p := people[i%len(people)]
		name := strings.Join(strings.Fields(p.First+" "+p.Second+" "+p.Third), " ")
		d := testDecision{
			ID:        "E2E-" + p.Ref,
			Party:     testParty{Name: name, Original: p.Original},
			Hits:      []testHit{{EntityID: "un:" + p.Ref, Name: name, Score: 0.97 - float64(i%7)/100, Programs: []string{p.List}}},
			Outcome:   "hold",
			Amount:    int64(i) * 1000003,
			Retention: time.Date(2036, 11, 27, 0, 0, 0, 0, time.UTC),
			Note:      p.Comments,
		}
		if len(p.DOB) > 0 {
			d.Party.BirthDate = p.DOB[0].Date + p.DOB[0].Year
		}
		if len(p.Addr) > 0 {
			d.Party.Address = strings.TrimSpace(p.Addr[0].City + " " + p.Addr[0].Country)
		}
		for _, doc := range p.Docs {
			d.Party.Documents = append(d.Party.Documents, testDoc{doc.Type, doc.Number, doc.Country})
		}
		out[i] = d
	}
	return out
}
