package eu

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/internal/listtext"
	"github.com/freezeguard/freezeguard/lists/internal/xmlscan"
)

// The element types below follow the XSD; attributes the model has no
// place for (regulationLanguage, regulationSummary, ...) are skipped.

type sanctionEntity struct {
	LogicalID          string           `xml:"logicalId,attr"`
	DesignationDate    string           `xml:"designationDate,attr"`
	DesignationDetails string           `xml:"designationDetails,attr"`
	UNID               string           `xml:"unitedNationId,attr"`
	EURef              string           `xml:"euReferenceNumber,attr"`
	DelistingDate      string           `xml:"delistingDate,attr"`
	Remarks            []string         `xml:"remark"`
	Info               []keyValue       `xml:"additionalInformation"`
	Regulations        []regulation     `xml:"regulation"`
	Subject            subjectType      `xml:"subjectType"`
	Names              []nameAlias      `xml:"nameAlias"`
	Citizenships       []citizenship    `xml:"citizenship"`
	Birthdates         []birthdate      `xml:"birthdate"`
	Addresses          []address        `xml:"address"`
	IDs                []identification `xml:"identification"`
}

type keyValue struct {
	Key   string `xml:"key,attr"`
	Value string `xml:"value,attr"`
}

type regulation struct {
	Type        string   `xml:"regulationType,attr"`
	OrgType     string   `xml:"organisationType,attr"`
	Published   string   `xml:"publicationDate,attr"`
	InForce     string   `xml:"entryIntoForceDate,attr"`
	NumberTitle string   `xml:"numberTitle,attr"`
	Programme   string   `xml:"programme,attr"`
	URL         string   `xml:"publicationUrl"`
	Remarks     []string `xml:"remark"`
}

type subjectType struct {
	Code           string `xml:"code,attr"`
	Classification string `xml:"classificationCode,attr"`
}

type nameAlias struct {
	First    string   `xml:"firstName,attr"`
	Middle   string   `xml:"middleName,attr"`
	Last     string   `xml:"lastName,attr"`
	Whole    string   `xml:"wholeName,attr"`
	Function string   `xml:"function,attr"`
	Gender   string   `xml:"gender,attr"`
	Title    string   `xml:"title,attr"`
	Lang     string   `xml:"nameLanguage,attr"`
	Strong   string   `xml:"strong,attr"`
	Remarks  []string `xml:"remark"`
}

type citizenship struct {
	Country string   `xml:"countryIso2Code,attr"`
	Desc    string   `xml:"countryDescription,attr"`
	Region  string   `xml:"region,attr"`
	Remarks []string `xml:"remark"`
}

type birthdate struct {
	Circa     string   `xml:"circa,attr"`
	Calendar  string   `xml:"calendarType,attr"`
	City      string   `xml:"city,attr"`
	Zip       string   `xml:"zipCode,attr"`
	Birthdate string   `xml:"birthdate,attr"`
	Day       string   `xml:"dayOfMonth,attr"`
	Month     string   `xml:"monthOfYear,attr"`
	Year      string   `xml:"year,attr"`
	From      string   `xml:"yearRangeFrom,attr"`
	To        string   `xml:"yearRangeTo,attr"`
	Region    string   `xml:"region,attr"`
	Place     string   `xml:"place,attr"`
	Country   string   `xml:"countryIso2Code,attr"`
	Desc      string   `xml:"countryDescription,attr"`
	Remarks   []string `xml:"remark"`
}

type address struct {
	City        string     `xml:"city,attr"`
	Street      string     `xml:"street,attr"`
	POBox       string     `xml:"poBox,attr"`
	Zip         string     `xml:"zipCode,attr"`
	Region      string     `xml:"region,attr"`
	Place       string     `xml:"place,attr"`
	AsAtListing string     `xml:"asAtListingTime,attr"`
	Country     string     `xml:"countryIso2Code,attr"`
	Desc        string     `xml:"countryDescription,attr"`
	Contacts    []keyValue `xml:"contactInfo"`
	Remarks     []string   `xml:"remark"`
}

type identification struct {
	Diplomatic   string   `xml:"diplomatic,attr"`
	KnownExpired string   `xml:"knownExpired,attr"`
	KnownFalse   string   `xml:"knownFalse,attr"`
	ReportedLost string   `xml:"reportedLost,attr"`
	Revoked      string   `xml:"revokedByIssuer,attr"`
	IssueDate    string   `xml:"issueDate,attr"`
	IssuedBy     string   `xml:"issuedBy,attr"`
	LatinNumber  string   `xml:"latinNumber,attr"`
	NameOnDoc    string   `xml:"nameOnDocument,attr"`
	Number       string   `xml:"number,attr"`
	ValidFrom    string   `xml:"validFrom,attr"`
	ValidTo      string   `xml:"validTo,attr"`
	TypeCode     string   `xml:"identificationTypeCode,attr"`
	TypeDesc     string   `xml:"identificationTypeDescription,attr"`
	Region       string   `xml:"region,attr"`
	Country      string   `xml:"countryIso2Code,attr"`
	Desc         string   `xml:"countryDescription,attr"`
	Remarks      []string `xml:"remark"`
}

// fields reads a record's text within MaxFieldBytes (see xmlscan.Fields),
// with the FSF's remark and country conventions on top.
type fields struct{ xmlscan.Fields }

// remarks joins an element's remark children.
func (f *fields) remarks(rs []string) string {
	var out []string
	for _, r := range rs {
		if r = f.Raw("remark", r); r != "" {
			out = append(out, r)
		}
	}
	return strings.Join(out, "\n")
}

// country returns an ISO 3166 alpha-2 code, or "" for the FSF's "00"
// (unknown) and anything that is not two letters.
func (f *fields) country(s string) string {
	s = strings.ToUpper(f.Text("countryIso2Code", s))
	if len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
		return ""
	}
	return s
}

// countryName is countryDescription unless it only says the country is unknown.
func (f *fields) countryName(s string) string {
	s = f.Text("countryDescription", s)
	if strings.EqualFold(s, "UNKNOWN") {
		return ""
	}
	return s
}

func isTrue(s string) bool {
	s = strings.TrimSpace(s)
	return s == "true" || s == "1"
}

func isFalse(s string) bool {
	s = strings.TrimSpace(s)
	return s == "false" || s == "0"
}

// langScript gives the script the FSF's nameLanguage implies. Other
// languages (and names without one) get their script from the characters.
var langScript = map[string]string{
	"BG": "Cyrl", "RU": "Cyrl", "UK": "Cyrl", "MK": "Cyrl", "SR": "Cyrl", "BE": "Cyrl",
	"EL": "Grek", "AR": "Arab", "FA": "Arab", "ZH": "Hani", "KO": "Hang", "HE": "Hebr",
}

// entity maps a decoded sanctionEntity to the model.
func (r *sanctionEntity) entity() (lists.Entity, error) {
	f := fields{xmlscan.Fields{Max: MaxFieldBytes}}
	id := f.Text("logicalId", r.LogicalID)
	if _, err := strconv.ParseInt(id, 10, 64); err != nil {
		return lists.Entity{}, fmt.Errorf("logicalId %q is not an integer", id)
	}
	e := lists.Entity{
		ID:          "eu:" + id,
		Source:      lists.EU,
		Kind:        kindOf(r.Subject),
		UNReference: f.Text("unitedNationId", r.UNID),
		EUReference: f.Text("euReferenceNumber", r.EURef),
	}
	if len(r.Regulations) == 0 {
		return lists.Entity{}, fmt.Errorf("%s has no regulation", e.ID)
	}
	for _, g := range r.Regulations {
		code, title := f.Text("programme", g.Programme), f.Text("numberTitle", g.NumberTitle)
		p := lists.EUProgram(code, title)
		if p.Title == "" {
			p.Title = title
		}
		p.URL = f.Text("publicationUrl", g.URL)
		p.Published = day(f.Text("publicationDate", g.Published))
		p.InForce = day(f.Text("entryIntoForceDate", g.InForce))
		e.Programs = append(e.Programs, p)
	}

	primary := -1
	for _, a := range r.Names {
		n, ok := a.name(&f)
		if !ok {
			continue
		}
		if primary < 0 && n.Quality == lists.Strong {
			primary = len(e.Names)
		}
		e.Names = append(e.Names, n)
		for _, t := range []string{n.Title, f.Text("function", a.Function)} {
			if t != "" && !slices.Contains(e.Titles, t) {
				e.Titles = append(e.Titles, t)
			}
		}
		if e.Gender == "" {
			switch strings.TrimSpace(a.Gender) {
			case "M":
				e.Gender = "male"
			case "F":
				e.Gender = "female"
			}
		}
	}
	if len(e.Names) == 0 && f.Err() == nil {
		return lists.Entity{}, fmt.Errorf("%s has no name", e.ID)
	}
	// The first strong alias is the primary name (the first alias when
	// every one is weak); Names[0] must hold it.
	if primary < 0 {
		primary = 0
	}
	if len(e.Names) > 0 {
		p := e.Names[primary]
		copy(e.Names[1:primary+1], e.Names[:primary])
		p.Type = lists.Primary
		e.Names[0] = p
	}

	for _, c := range r.Citizenships {
		if code := f.country(c.Country); code != "" && !slices.Contains(e.Citizenships, code) {
			e.Citizenships = append(e.Citizenships, code)
		}
	}
	for _, b := range r.Birthdates {
		if d, ok := b.date(&f); ok {
			e.BirthDates = append(e.BirthDates, d)
		}
		if pl, ok := b.place(&f); ok {
			e.BirthPlaces = append(e.BirthPlaces, pl)
		}
	}
	for _, a := range r.Addresses {
		if ad, ok := a.address(&f, &e); ok {
			e.Addresses = append(e.Addresses, ad)
		}
	}
	for _, d := range r.IDs {
		if doc, ok := d.document(&f); ok {
			e.Documents = append(e.Documents, doc)
		}
	}
	if s := f.Text("designationDate", r.DesignationDate); s != "" {
		d := listtext.Date(s, lists.DateExact)
		e.Listed = &d
	}
	var rem []string
	if s := f.remarks(r.Remarks); s != "" {
		rem = append(rem, s)
	}
	for _, kv := range r.Info {
		if s := listtext.Join(": ", f.Text("key", kv.Key), f.Raw("value", kv.Value)); s != "" {
			rem = append(rem, s)
		}
	}
	if s := f.Raw("designationDetails", r.DesignationDetails); s != "" {
		rem = append(rem, "Designation details: "+s)
	}
	if s := f.Text("delistingDate", r.DelistingDate); s != "" {
		// The FSF should not carry delisted entities; if one does, keep it
		// visible rather than drop it silently.
		rem = append(rem, "Delisting date: "+s)
	}
	e.Remarks = strings.Join(rem, "\n")
	if err := f.Err(); err != nil {
		return lists.Entity{}, fmt.Errorf("%s: %w", e.ID, err)
	}
	return e, nil
}

// kindOf maps subjectType: code person/enterprise, else the P/E classification.
func kindOf(s subjectType) lists.Kind {
	switch strings.ToLower(strings.TrimSpace(s.Code)) {
	case "person":
		return lists.Person
	case "enterprise":
		return lists.Organization
	}
	switch strings.TrimSpace(s.Classification) {
	case "P":
		return lists.Person
	case "E":
		return lists.Organization
	}
	return lists.UnknownKind
}

// name maps a nameAlias; one with no name at all gives nothing.
func (a nameAlias) name(f *fields) (lists.Name, bool) {
	n := lists.Name{
		Full:    f.Text("wholeName", a.Whole),
		Type:    lists.AKA,
		Quality: lists.Strong,
		First:   f.Text("firstName", a.First),
		Middle:  f.Text("middleName", a.Middle),
		Last:    f.Text("lastName", a.Last),
		Title:   f.Text("title", a.Title),
		Note:    f.remarks(a.Remarks),
	}
	if n.Full == "" {
		n.Full = listtext.Join(" ", n.First, n.Middle, n.Last)
	}
	if n.Full == "" {
		return n, false
	}
	if isFalse(a.Strong) {
		n.Quality = lists.Weak
	}
	lang := strings.ToUpper(f.Text("nameLanguage", a.Lang))
	n.Lang = strings.ToLower(lang)
	if n.Script = langScript[lang]; n.Script == "" {
		n.Script = listtext.Script(n.Full)
	}
	return n, true
}

// date maps a birthdate: a full date, day/month/year parts, circa, or a
// year range. One with no date part gives nothing (it may still give a place).
func (b birthdate) date(f *fields) (lists.Date, bool) {
	full := f.Text("birthdate", b.Birthdate)
	y, m, d := atoi(f.Text("year", b.Year)), atoi(f.Text("monthOfYear", b.Month)), atoi(f.Text("dayOfMonth", b.Day))
	from, to := atoi(f.Text("yearRangeFrom", b.From)), atoi(f.Text("yearRangeTo", b.To))
	kind := lists.DateExact
	if isTrue(b.Circa) {
		kind = lists.DateCirca
	}
	var out lists.Date
	switch {
	case full != "":
		out = listtext.Date(full, kind)
	case y > 0 || m > 0 || d > 0:
		out = lists.Date{Kind: kind, Year: y, Month: m, Day: d}
		if m > 12 || d > 31 {
			out.Month, out.Day = 0, 0
		}
		out.Text = listtext.Join("-", pad(y), pad(m), pad(d))
	case from > 0 || to > 0:
		out = lists.Date{Kind: lists.DateRange, Year: from, ToYear: to}
		out.Text = fmt.Sprintf("%d-%d", from, to)
	default:
		return out, false
	}
	if kind == lists.DateCirca {
		out.Text = "circa " + out.Text
	}
	if cal := strings.ToUpper(f.Text("calendarType", b.Calendar)); cal != "" && cal != "GREGORIAN" {
		out.Text += " (" + cal + " calendar)"
	}
	return out, true
}

// place maps the place-of-birth half of a birthdate.
func (b birthdate) place(f *fields) (lists.Place, bool) {
	p := lists.Place{Country: f.country(b.Country)}
	p.Text = listtext.Join(", ", f.Text("place", b.Place), f.Text("city", b.City), f.Text("zipCode", b.Zip),
		f.Text("region", b.Region), f.countryName(b.Desc))
	return p, p.Text != "" || p.Country != ""
}

// address maps an address; contactInfo emails and websites go to the entity.
func (a address) address(f *fields, e *lists.Entity) (lists.Address, bool) {
	ad := lists.Address{
		Street:      f.Text("street", a.Street),
		City:        f.Text("city", a.City),
		State:       f.Text("region", a.Region),
		PostalCode:  f.Text("zipCode", a.Zip),
		Country:     f.country(a.Country),
		CountryName: f.countryName(a.Desc),
	}
	if s := f.Text("poBox", a.POBox); s != "" {
		ad.Street = listtext.Join(", ", ad.Street, "PO Box "+s)
	}
	note := []string{f.Text("place", a.Place)}
	for _, c := range a.Contacts {
		k, v := strings.ToUpper(f.Text("key", c.Key)), f.Text("value", c.Value)
		switch {
		case v == "":
		case strings.Contains(k, "MAIL"):
			e.Emails = append(e.Emails, v)
		case strings.Contains(k, "WEB") || k == "URL":
			e.Websites = append(e.Websites, v)
		default:
			note = append(note, strings.ToLower(k)+" "+v)
		}
	}
	note = append(note, f.remarks(a.Remarks))
	ad.Note = listtext.Join("; ", note...)
	if ad == (lists.Address{}) {
		return ad, false
	}
	if isTrue(a.AsAtListing) {
		ad.Note = listtext.Join("; ", ad.Note, "address at listing time")
	}
	return ad, true
}

// document maps an identification.
func (d identification) document(f *fields) (lists.Document, bool) {
	doc := lists.Document{
		Type:       f.Text("identificationTypeDescription", d.TypeDesc),
		Number:     f.Text("number", d.Number),
		Country:    f.country(d.Country),
		KnownFalse: isTrue(d.KnownFalse),
	}
	if doc.Type == "" {
		doc.Type = f.Text("identificationTypeCode", d.TypeCode)
	}
	latin := f.Text("latinNumber", d.LatinNumber)
	var note []string
	if doc.Number == "" {
		doc.Number = latin
	} else if latin != "" && latin != doc.Number {
		note = append(note, "latin number "+latin)
	}
	issued := f.Text("issueDate", d.IssueDate)
	if issued == "" {
		issued = f.Text("validFrom", d.ValidFrom)
	}
	if issued != "" {
		dt := listtext.Date(issued, lists.DateExact)
		doc.Issued = &dt
	}
	if s := f.Text("validTo", d.ValidTo); s != "" {
		dt := listtext.Date(s, lists.DateExact)
		doc.Expires = &dt
	}
	for _, flag := range []struct{ v, say string }{
		{d.KnownExpired, "known expired"}, {d.Diplomatic, "diplomatic"},
		{d.ReportedLost, "reported lost"}, {d.Revoked, "revoked by issuer"},
	} {
		if isTrue(flag.v) {
			note = append(note, flag.say)
		}
	}
	if s := f.Text("issuedBy", d.IssuedBy); s != "" {
		note = append(note, "issued by "+s)
	}
	if s := f.Text("nameOnDocument", d.NameOnDoc); s != "" {
		note = append(note, "name on document "+s)
	}
	if doc.Country == "" {
		if s := listtext.Join(", ", f.Text("region", d.Region), f.countryName(d.Desc)); s != "" {
			note = append(note, "country "+s)
		}
	}
	note = append(note, f.remarks(d.Remarks))
	doc.Note = listtext.Join("; ", note...)
	return doc, doc.Number != "" || doc.Type != ""
}

// day parses an xs:date to midnight UTC, or the zero time.
func day(s string) time.Time {
	d := listtext.Date(s, lists.DateExact)
	if d.Day == 0 {
		return time.Time{}
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

// atoi reads a non-negative xs:int, or 0.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 9999 {
		return 0
	}
	return n
}

func pad(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("%02d", n)
}
