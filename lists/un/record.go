package un

import (
	"encoding/xml"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/internal/listtext"
	"github.com/freezeguard/freezeguard/lists/internal/xmlscan"
)

// record is one INDIVIDUAL or ENTITY element as the schema lays it out.
// Elements the model has no place for (DATAID, VERSIONNUM, SORT_KEY, ...)
// are skipped by the decoder.
type record struct {
	XMLName      xml.Name   // INDIVIDUAL or ENTITY
	First        string     `xml:"FIRST_NAME"`
	Second       string     `xml:"SECOND_NAME"`
	Third        string     `xml:"THIRD_NAME"`
	Fourth       string     `xml:"FOURTH_NAME"`
	ListType     string     `xml:"UN_LIST_TYPE"`
	Ref          string     `xml:"REFERENCE_NUMBER"`
	ListedOn     string     `xml:"LISTED_ON"`
	Gender       string     `xml:"GENDER"`
	Original     string     `xml:"NAME_ORIGINAL_SCRIPT"`
	Comments     string     `xml:"COMMENTS1"`
	Titles       []string   `xml:"TITLE>VALUE"`
	Designations []string   `xml:"DESIGNATION>VALUE"`
	Nationality  []string   `xml:"NATIONALITY>VALUE"`
	DelistedOn   string     `xml:"DELISTED_ON"`
	Aliases      []alias    `xml:"INDIVIDUAL_ALIAS"`
	EntAliases   []alias    `xml:"ENTITY_ALIAS"`
	Addresses    []address  `xml:"INDIVIDUAL_ADDRESS"`
	EntAddresses []address  `xml:"ENTITY_ADDRESS"`
	DOBs         []dob      `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
	POBs         []place    `xml:"INDIVIDUAL_PLACE_OF_BIRTH"`
	Documents    []document `xml:"INDIVIDUAL_DOCUMENT"`
}

type alias struct {
	Quality string `xml:"QUALITY"`
	Name    string `xml:"ALIAS_NAME"`
	DOB     string `xml:"DATE_OF_BIRTH"`
	City    string `xml:"CITY_OF_BIRTH"`
	Country string `xml:"COUNTRY_OF_BIRTH"`
	Note    string `xml:"NOTE"`
}

type address struct {
	Street  string `xml:"STREET"`
	City    string `xml:"CITY"`
	State   string `xml:"STATE_PROVINCE"`
	Zip     string `xml:"ZIP_CODE"`
	Country string `xml:"COUNTRY"`
	Note    string `xml:"NOTE"`
}

type dob struct {
	Type string `xml:"TYPE_OF_DATE"`
	Note string `xml:"NOTE"`
	Date string `xml:"DATE"`
	Year string `xml:"YEAR"`
	From string `xml:"FROM_YEAR"`
	To   string `xml:"TO_YEAR"`
}

type place struct {
	City    string `xml:"CITY"`
	State   string `xml:"STATE_PROVINCE"`
	Country string `xml:"COUNTRY"`
	Note    string `xml:"NOTE"`
}

type document struct {
	Type       string `xml:"TYPE_OF_DOCUMENT"`
	Type2      string `xml:"TYPE_OF_DOCUMENT2"`
	Number     string `xml:"NUMBER"`
	Issuer     string `xml:"ISSUING_COUNTRY"`
	Issued     string `xml:"DATE_OF_ISSUE"`
	City       string `xml:"CITY_OF_ISSUE"`
	CountryIss string `xml:"COUNTRY_OF_ISSUE"`
	Expires    string `xml:"DATE_OF_EXPIRY"` // not in the 2011 schema, but in the 2026 files
	Note       string `xml:"NOTE"`
}

// entity maps a decoded record to the model.
func (r *record) entity() (lists.Entity, error) {
	kind := lists.Person
	if r.XMLName.Local == "ENTITY" {
		kind = lists.Organization
	}
	f := xmlscan.Fields{Max: MaxFieldBytes}
	ref := f.Text("REFERENCE_NUMBER", r.Ref)
	if ref == "" && f.Err() == nil {
		return lists.Entity{}, errors.New("record has no REFERENCE_NUMBER")
	}
	listType := f.Text("UN_LIST_TYPE", r.ListType)
	e := lists.Entity{
		ID:          "un:" + ref,
		Source:      lists.UN,
		Kind:        kind,
		Programs:    []lists.Program{lists.UNProgram(ref, listType)},
		UNReference: ref,
		ListType:    listType,
		Remarks:     f.Raw("COMMENTS1", r.Comments),
	}

	// Primary name: FIRST..FOURTH_NAME in the order given. The UN writes
	// given names first for most people, but not for all (many Korean and
	// Chinese names start with the family name), so Full is authoritative
	// and the parts are a best guess.
	var parts []string
	for i, s := range []string{r.First, r.Second, r.Third, r.Fourth} {
		if s = f.Text(nameTags[i], s); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 && f.Err() == nil {
		return lists.Entity{}, fmt.Errorf("%s has no name", e.ID)
	}
	primary := lists.Name{Full: strings.Join(parts, " "), Type: lists.Primary, Quality: lists.Strong}
	primary.Script = listtext.Script(primary.Full)
	if kind == lists.Person && len(parts) > 1 {
		primary.First = parts[0]
		primary.Middle = strings.Join(parts[1:len(parts)-1], " ")
		primary.Last = parts[len(parts)-1]
	}
	for _, t := range r.Titles {
		if t = f.Text("TITLE", t); t != "" {
			e.Titles = append(e.Titles, t)
			if primary.Title != "" {
				primary.Title += ", "
			}
			primary.Title += t
		}
	}
	for _, t := range r.Designations {
		if t = f.Text("DESIGNATION", t); t != "" {
			e.Titles = append(e.Titles, t)
		}
	}
	e.Names = append(e.Names, primary)

	if s := f.Text("NAME_ORIGINAL_SCRIPT", r.Original); s != "" {
		e.Names = append(e.Names, lists.Name{Full: s, Type: lists.AKA, Quality: lists.Strong,
			Script: listtext.Script(s), Note: "name in original script"})
	}
	aliases := r.Aliases
	if kind == lists.Organization {
		aliases = append(aliases, r.EntAliases...)
	}
	for _, a := range aliases {
		name := f.Text("ALIAS_NAME", a.Name)
		if name == "" {
			continue // the UN writes <ALIAS_NAME/> for "no alias"
		}
		n := lists.Name{Full: name, Type: lists.AKA, Quality: lists.Strong, Script: listtext.Script(name)}
		switch strings.ToLower(f.Text("QUALITY", a.Quality)) {
		case "low":
			n.Quality = lists.Weak
		case "f.k.a.", "fka":
			n.Type = lists.FKA
		}
		// An alias may carry its own birth data: keep it on the name and
		// as a birth date / place of the entity.
		var note []string
		if s := f.Text("DATE_OF_BIRTH", a.DOB); s != "" {
			note = append(note, "date of birth "+s)
			d := listtext.Date(s, lists.DateExact)
			e.BirthDates = addDate(e.BirthDates, d)
		}
		city, country := f.Text("CITY_OF_BIRTH", a.City), f.Text("COUNTRY_OF_BIRTH", a.Country)
		if pl := listtext.Join(", ", city, country); pl != "" {
			note = append(note, "place of birth "+pl)
			e.BirthPlaces = addPlace(e.BirthPlaces, lists.Place{Text: pl, Country: lists.CountryCode(country)})
		}
		if s := f.Text("NOTE", a.Note); s != "" {
			note = append(note, s)
		}
		n.Note = strings.Join(note, "; ")
		e.Names = append(e.Names, n)
	}

	switch strings.ToLower(f.Text("GENDER", r.Gender)) {
	case "male":
		e.Gender = "male"
	case "female":
		e.Gender = "female"
	}
	for _, v := range r.Nationality {
		if c := lists.CountryCode(f.Text("NATIONALITY", v)); c != "" && !slices.Contains(e.Nationalities, c) {
			e.Nationalities = append(e.Nationalities, c)
		}
	}
	for _, b := range r.DOBs {
		if d, ok := b.date(&f); ok {
			e.BirthDates = addDate(e.BirthDates, d)
		}
	}
	for _, b := range r.POBs {
		country := f.Text("COUNTRY", b.Country)
		text := listtext.Join(", ", f.Text("CITY", b.City), f.Text("STATE_PROVINCE", b.State), country)
		if note := f.Text("NOTE", b.Note); note != "" {
			text = listtext.Join(" ", text, "("+note+")")
		}
		if text != "" {
			e.BirthPlaces = addPlace(e.BirthPlaces, lists.Place{Text: text, Country: lists.CountryCode(country)})
		}
	}
	for _, d := range r.Documents {
		if doc, ok := d.document(&f); ok {
			e.Documents = append(e.Documents, doc)
		}
	}
	addrs := r.Addresses
	if kind == lists.Organization {
		addrs = append(addrs, r.EntAddresses...)
	}
	for _, a := range addrs {
		ad := lists.Address{
			Street:      f.Text("STREET", a.Street),
			City:        f.Text("CITY", a.City),
			State:       f.Text("STATE_PROVINCE", a.State),
			PostalCode:  f.Text("ZIP_CODE", a.Zip),
			CountryName: f.Text("COUNTRY", a.Country),
			Note:        f.Text("NOTE", a.Note),
		}
		ad.Country = lists.CountryCode(ad.CountryName)
		if ad != (lists.Address{}) {
			e.Addresses = append(e.Addresses, ad)
		}
	}
	if s := f.Text("LISTED_ON", r.ListedOn); s != "" {
		d := listtext.Date(s, lists.DateExact)
		e.Listed = &d
	}
	if s := f.Text("DELISTED_ON", r.DelistedOn); s != "" {
		// The consolidated list should not carry delisted records; if one
		// does, keep it visible rather than drop it silently.
		e.Remarks = listtext.Join("\n", e.Remarks, "DELISTED_ON "+s)
	}
	if err := f.Err(); err != nil {
		return lists.Entity{}, fmt.Errorf("%s: %w", e.ID, err)
	}
	return e, nil
}

var nameTags = [...]string{"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}

// date maps an INDIVIDUAL_DATE_OF_BIRTH: TYPE_OF_DATE EXACT, APPROXIMATELY
// or BETWEEN, with DATE, YEAR or FROM_YEAR/TO_YEAR. Empty elements give no date.
func (b dob) date(f *xmlscan.Fields) (lists.Date, bool) {
	typ := strings.ToUpper(f.Text("TYPE_OF_DATE", b.Type))
	note := f.Text("NOTE", b.Note)
	date, year := f.Text("DATE", b.Date), f.Text("YEAR", b.Year)
	from, to := f.Text("FROM_YEAR", b.From), f.Text("TO_YEAR", b.To)
	kind := lists.DateExact
	if typ == "APPROXIMATELY" {
		kind = lists.DateCirca
	}
	var d lists.Date
	switch {
	case from != "" || to != "":
		d = lists.Date{Kind: lists.DateRange, Year: yearOf(from), ToYear: yearOf(to)}
		d.Text = listtext.Join(" ", typ, from, "-", to)
	case date != "":
		d = listtext.Date(date, kind)
		d.Text = listtext.Join(" ", typ, date)
	case year != "":
		d = listtext.Date(year, kind)
		d.Text = listtext.Join(" ", typ, year)
	case note != "":
		d = lists.Date{Kind: kind, Text: typ}
	default:
		return lists.Date{}, false
	}
	if note != "" {
		d.Text = listtext.Join(" ", d.Text, "("+note+")")
	}
	return d, true
}

// falseDoc spots a document the UN notes as false or fraudulent.
var falseDoc = regexp.MustCompile(`(?i)\b(false|falsified|fraudulent(ly)?|forged|fake|counterfeit)\b`)

// document maps an INDIVIDUAL_DOCUMENT; an empty one gives nothing.
func (d document) document(f *xmlscan.Fields) (lists.Document, bool) {
	typ, typ2 := f.Text("TYPE_OF_DOCUMENT", d.Type), f.Text("TYPE_OF_DOCUMENT2", d.Type2)
	doc := lists.Document{Type: typ, Number: f.Text("NUMBER", d.Number)}
	var note []string
	if doc.Type == "" {
		doc.Type = typ2
	} else if typ2 != "" {
		note = append(note, typ2)
	}
	issuer := f.Text("ISSUING_COUNTRY", d.Issuer)
	if issuer == "" {
		issuer = f.Text("COUNTRY_OF_ISSUE", d.CountryIss)
	}
	if issuer != "" {
		doc.Country = lists.CountryCode(issuer)
		if doc.Country == "" {
			note = append(note, "issued by "+issuer) // keep what could not be resolved
		}
	}
	if s := f.Text("CITY_OF_ISSUE", d.City); s != "" {
		note = append(note, "issued in "+s)
	}
	if s := f.Text("DATE_OF_ISSUE", d.Issued); s != "" {
		dt := listtext.Date(s, lists.DateExact)
		doc.Issued = &dt
	}
	if s := f.Text("DATE_OF_EXPIRY", d.Expires); s != "" {
		dt := listtext.Date(s, lists.DateExact)
		doc.Expires = &dt
	}
	if s := f.Text("NOTE", d.Note); s != "" {
		note = append(note, s)
		doc.KnownFalse = falseDoc.MatchString(s)
	}
	doc.Note = strings.Join(note, "; ")
	if doc.Type == "" && doc.Number == "" && doc.Note == "" {
		return doc, false
	}
	return doc, true
}

func yearOf(s string) int {
	if y := listtext.Date(s, lists.DateExact); y.Month == 0 {
		return y.Year
	}
	return 0
}

// addDate appends d unless an equal date is there already (aliases repeat
// the entity's own date of birth).
func addDate(ds []lists.Date, d lists.Date) []lists.Date {
	for _, x := range ds {
		if x.Kind == d.Kind && x.Year == d.Year && x.Month == d.Month && x.Day == d.Day && x.ToYear == d.ToYear && (x.Year != 0 || x.Text == d.Text) {
			return ds
		}
	}
	return append(ds, d)
}

func addPlace(ps []lists.Place, p lists.Place) []lists.Place {
	for _, x := range ps {
		if strings.EqualFold(x.Text, p.Text) {
			return ps
		}
	}
	return append(ps, p)
}
