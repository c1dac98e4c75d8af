package ofac

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/lists"
)

// xmlParser streams an sdnList document token by token. It keeps a stack of
// element local names (namespaces differ between years and are ignored) and
// the text of the innermost element, and fills the entity being read as
// elements close. Memory is bounded by one entity plus MaxFieldBytes.
type xmlParser struct {
	d     *xml.Decoder
	stack []string
	text  []byte
	prov  lists.Provenance

	ents    entities
	seen    map[string]bool // uids read
	progs   programCache
	e       *lists.Entity // the sdnEntry being read, or nil
	uid     string        // its uid
	first   string        // its firstName
	last    string        // its lastName
	remarks string        // its remarks element
	info    []string      // its idList facts with no typed field
	sawRoot bool

	stated    int  // Record_Count
	hasStated bool // Record_Count was given

	// The sub-record being read.
	aka            struct{ typ, category, first, last string }
	addr           lists.Address
	id             struct{ typ, number, country, issued, expires string }
	dob, pob, ctry string
	vessel         lists.VesselInfo
	vesselFlag     string
	hasVessel      bool
}

// countingReader caps the input at MaxFileBytes, and each token at
// MaxFieldBytes: xml.Decoder returns a text node as one token, held whole
// in memory, so a 300 MB text node would be read in full before any check
// on the token could refuse it. Before each token the parser arms limit;
// the reader refuses to go past it.
type countingReader struct {
	r     io.Reader
	n     int64
	limit int64 // n may not pass this while reading the current token
}

// tokenSlack covers the decoder's read-ahead (its bufio.Reader) and the
// markup around a token's text.
const tokenSlack = 64 << 10

// arm allows the next token at most MaxFieldBytes.
func (c *countingReader) arm() { c.limit = c.n + MaxFieldBytes + tokenSlack }

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n >= c.limit {
		return 0, ErrFieldTooLong // parseXML names the element
	}
	if room := c.limit - c.n; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > MaxFileBytes {
		return n, errFileTooLarge
	}
	return n, err
}

func (p *xmlParser) errorf(err error) error {
	return &ParseError{File: "sdnList XML", Offset: p.d.InputOffset(), EntNum: p.uid, Err: err}
}

func parseXML(r io.Reader) ([]lists.Entity, lists.Provenance, error) {
	cr := &countingReader{r: r}
	p := &xmlParser{d: xml.NewDecoder(cr), progs: programCache{}, seen: map[string]bool{}, prov: lists.Provenance{Source: lists.OFAC, Format: FormatXML}}
	// CharsetReader stays nil: OFAC publishes UTF-8, anything else is refused.
	for {
		cr.arm()
		tok, err := p.d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, errFileTooLarge) {
				return nil, p.prov, p.errorf(errFileTooLarge)
			}
			if errors.Is(err, ErrFieldTooLong) {
				where := "a text node or tag"
				if len(p.stack) > 0 {
					where += " in <" + p.stack[len(p.stack)-1] + ">"
				}
				return nil, p.prov, p.errorf(fmt.Errorf("%w: %s is over %d bytes", ErrFieldTooLong, where, MaxFieldBytes))
			}
			return nil, p.prov, p.errorf(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := p.start(t.Name.Local); err != nil {
				return nil, p.prov, err
			}
		case xml.CharData:
			if len(p.stack) < 2 {
				break // whitespace (or a byte-order mark) around the entries
			}
			if len(p.text)+len(t) > MaxFieldBytes {
				return nil, p.prov, p.errorf(fmt.Errorf("%w: <%s>", ErrFieldTooLong, p.stack[len(p.stack)-1]))
			}
			p.text = append(p.text, t...)
		case xml.EndElement:
			if err := p.end(t.Name.Local); err != nil {
				return nil, p.prov, err
			}
		case xml.Directive:
			// encoding/xml would not expand the entities a DOCTYPE
			// defines, but OFAC never publishes one, and a list that
			// does is not the official file.
			return nil, p.prov, p.errorf(lists.ErrDoctype)
		}
	}
	if !p.sawRoot {
		return nil, p.prov, p.errorf(fmt.Errorf("%w: no root element", ErrNotSDNList))
	}
	n := p.ents.n
	if n == 0 {
		return nil, p.prov, p.errorf(fmt.Errorf("%w: no sdnEntry element", lists.ErrNoRecords))
	}
	p.prov.Records = n
	if !p.hasStated {
		// Nothing says how many entries the file should hold: a file cut
		// at an entry's end would pass. Incomplete until proven otherwise.
		return p.ents.flatten(), p.prov, p.errorf(&RecordCountError{Stated: -1, Read: n})
	}
	if p.stated != n {
		return p.ents.flatten(), p.prov, p.errorf(&RecordCountError{Stated: p.stated, Read: n})
	}
	return p.ents.flatten(), p.prov, nil
}

func (p *xmlParser) parent() string {
	if len(p.stack) < 2 {
		return ""
	}
	return p.stack[len(p.stack)-2]
}

func (p *xmlParser) start(name string) error {
	if len(p.stack) == 0 && name != "sdnList" {
		return p.errorf(fmt.Errorf("%w: root element <%s>", ErrNotSDNList, name))
	}
	p.sawRoot = true
	if len(p.stack) >= MaxDepth {
		return p.errorf(fmt.Errorf("%w (%d)", ErrTooDeep, MaxDepth))
	}
	p.stack = append(p.stack, name)
	p.text = p.text[:0]
	switch name {
	case "sdnEntry":
		if len(p.stack) != 2 {
			return p.errorf(fmt.Errorf("%w: <sdnEntry> not under <sdnList>", ErrBadValue))
		}
		if p.ents.n >= MaxEntities {
			return p.errorf(fmt.Errorf("%w: more than %d entries", ErrTooMany, MaxEntities))
		}
		p.e = &lists.Entity{Source: lists.OFAC}
		p.uid, p.first, p.last, p.remarks, p.info = "", "", "", "", p.info[:0]
		p.hasVessel, p.vessel, p.vesselFlag = false, lists.VesselInfo{}, ""
	case "aka":
		p.aka.typ, p.aka.category, p.aka.first, p.aka.last = "", "", "", ""
	case "address":
		p.addr = lists.Address{}
	case "id":
		p.id.typ, p.id.number, p.id.country, p.id.issued, p.id.expires = "", "", "", "", ""
	case "dateOfBirthItem":
		p.dob = ""
	case "placeOfBirthItem":
		p.pob = ""
	case "nationality", "citizenship":
		p.ctry = ""
	case "vesselInfo":
		p.hasVessel = true
	}
	return nil
}

func (p *xmlParser) end(name string) error {
	text := strings.TrimSpace(string(p.text))
	p.text = p.text[:0]
	parent := p.parent()
	defer func() { p.stack = p.stack[:len(p.stack)-1] }()

	if parent == "publshInformation" {
		switch name {
		case "Publish_Date":
			t, err := time.Parse("1/2/2006", text)
			if err != nil {
				return p.errorf(fmt.Errorf("%w: Publish_Date %q: %w", ErrBadValue, text, err))
			}
			p.prov.Published = t
		case "Record_Count":
			n, err := strconv.Atoi(text)
			if err != nil || n < 0 {
				return p.errorf(fmt.Errorf("%w: Record_Count %q", ErrBadValue, text))
			}
			p.stated, p.hasStated = n, true
		}
		return nil
	}
	e := p.e
	if e == nil {
		return nil
	}
	switch parent {
	case "sdnEntry":
		switch name {
		case "uid":
			if !validEntNum(text) {
				return p.errorf(fmt.Errorf("%w: uid %q", ErrBadEntNum, text))
			}
			p.uid = text
		case "firstName":
			p.first = collapse(text)
		case "lastName":
			p.last = collapse(text)
		case "title":
			e.Titles = appendUnique(e.Titles, text)
		case "sdnType":
			switch strings.ToLower(text) {
			case "individual":
				e.Kind = lists.Person
			case "entity":
				e.Kind = lists.Organization
			case "vessel":
				e.Kind = lists.Vessel
			case "aircraft":
				e.Kind = lists.Aircraft
			default:
				return p.errorf(fmt.Errorf("%w: sdnType %q", ErrBadValue, text))
			}
			e.ListType = strings.ToLower(text)
		case "remarks":
			p.remarks = text
		}
		return nil
	case "programList":
		if name == "program" && text != "" {
			dup := false
			for _, x := range e.Programs {
				dup = dup || x.Code == text
			}
			if !dup {
				e.Programs = append(e.Programs, p.progs.get(text))
			}
		}
		return nil
	case "aka":
		switch name {
		case "type":
			p.aka.typ = text
		case "category":
			p.aka.category = text
		case "firstName":
			p.aka.first = collapse(text)
		case "lastName":
			p.aka.last = collapse(text)
		}
		return nil
	case "address":
		switch name {
		case "address1", "address2", "address3":
			p.addr.Street = joinWith(p.addr.Street, text, ", ")
		case "city":
			p.addr.City = text
		case "stateOrProvince":
			p.addr.State = text
		case "postalCode":
			p.addr.PostalCode = text
		case "country":
			p.addr.CountryName = text
		}
		return nil
	case "id":
		switch name {
		case "idType":
			p.id.typ = text
		case "idNumber":
			p.id.number = text
		case "idCountry":
			p.id.country = text
		case "issueDate":
			p.id.issued = text
		case "expirationDate":
			p.id.expires = text
		}
		return nil
	case "dateOfBirthItem":
		if name == "dateOfBirth" {
			p.dob = text
		}
		return nil
	case "placeOfBirthItem":
		if name == "placeOfBirth" {
			p.pob = text
		}
		return nil
	case "nationality", "citizenship":
		if name == "country" {
			p.ctry = text
		}
		return nil
	case "vesselInfo":
		switch name {
		case "callSign":
			p.vessel.CallSign = text
		case "vesselType":
			p.vessel.Type = text
		case "vesselFlag":
			p.vesselFlag = text
		case "vesselOwner":
			p.vessel.Owner = text
		case "tonnage":
			p.vessel.Tonnage = text
		case "grossRegisteredTonnage":
			p.vessel.GRT = text
		}
		return nil
	}
	// Closing a record.
	switch name {
	case "aka":
		if parent == "akaList" {
			p.endAka()
		}
	case "address":
		if parent == "addressList" {
			p.addr.Country = country(p.addr.CountryName)
			e.Addresses = append(e.Addresses, p.addr)
		}
	case "id":
		if parent == "idList" {
			p.endID()
		}
	case "dateOfBirthItem":
		if d, ok := parseDate(p.dob); ok {
			e.BirthDates = appendDate(e.BirthDates, d)
		}
	case "placeOfBirthItem":
		addPlace(e, p.pob)
	case "nationality":
		e.Nationalities = appendUnique(e.Nationalities, country(p.ctry))
	case "citizenship":
		e.Citizenships = appendUnique(e.Citizenships, country(p.ctry))
	case "sdnEntry":
		return p.endEntry()
	}
	return nil
}

// collapse turns runs of white space inside a name (line breaks in
// hand-edited files) into single spaces.
func collapse(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\r' || c == '\t' || (c == ' ' && i+1 < len(s) && s[i+1] == ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

func joinWith(a, b, sep string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + sep + b
}

// fullName writes a name as the CSV files do: "LAST, First" for people,
// the last name alone when there is no first name.
func fullName(first, last string) string {
	switch {
	case first == "":
		return last
	case last == "":
		return first
	}
	return last + ", " + first
}

func (p *xmlParser) endAka() {
	n := lists.Name{Full: fullName(p.aka.first, p.aka.last), Quality: lists.Strong, Script: scriptOf(p.aka.first + p.aka.last)}
	if n.Full == "" {
		return
	}
	switch strings.ToLower(p.aka.typ) {
	case "f.k.a.", "fka":
		n.Type = lists.FKA
	case "n.k.a.", "nka":
		n.Type = lists.NKA
	default:
		n.Type = lists.AKA
	}
	if strings.EqualFold(p.aka.category, "weak") {
		n.Quality = lists.Weak
	}
	if p.e.Kind == lists.Person || p.e.Kind == "" {
		n.First, n.Last = p.aka.first, p.aka.last
		if n.First == "" {
			// Weak aliases carry the whole "LAST, First" in lastName.
			if l, f := splitPersonName(n.Last); f != "" {
				n.Last, n.First = l, f
			}
		}
	}
	p.e.Names = append(p.e.Names, n)
}

func (p *xmlParser) endID() {
	typ, num := p.id.typ, p.id.number
	if typ == "" && num == "" {
		return
	}
	var issued, expires *lists.Date
	if d, ok := parseDate(p.id.issued); ok {
		issued = &d
	}
	if d, ok := parseDate(p.id.expires); ok {
		expires = &d
	}
	kind, known := idTypes[typ]
	if !known {
		switch {
		case strings.HasPrefix(typ, "Digital Currency Address -"):
			kind = fCrypto
		case looksLikeDocType(typ) || typ == "":
			kind = fDocument
		default:
			// Listing dates of directives, "Executive Order ... -" and the
			// like: facts about the sanctions, not identifiers.
			kind = fInfo
			for _, pre := range idPrefixes {
				if strings.HasPrefix(typ, pre) {
					kind = idTypes[pre]
					break
				}
			}
		}
	}
	if kind == fDocument {
		addDocument(p.e, typ, num, p.id.country, issued, expires)
		return
	}
	if !applyID(p.e, kind, typ, num, p.id.country, issued, expires) {
		// No typed field: keep the fact in the remarks, as the CSV does.
		p.info = append(p.info, joinWith(typ, num, " "))
	}
}

func (p *xmlParser) endEntry() error {
	e := p.e
	if p.uid == "" {
		return p.errorf(fmt.Errorf("%w: sdnEntry without uid", ErrBadValue))
	}
	if e.Kind == "" {
		return p.errorf(fmt.Errorf("%w: sdnEntry without sdnType", ErrBadValue))
	}
	if p.seen[p.uid] {
		return p.errorf(ErrDuplicate)
	}
	p.seen[p.uid] = true
	e.ID = "ofac:" + p.uid
	full := fullName(p.first, p.last)
	if full == "" {
		return p.errorf(fmt.Errorf("%w: sdnEntry without a name", ErrBadValue))
	}
	primary := lists.Name{Full: full, Type: lists.Primary, Quality: lists.Strong, Script: scriptOf(full)}
	if e.Kind == lists.Person {
		primary.First, primary.Last = p.first, p.last
	} else {
		// Only people have name parts; an akaList read before sdnType may
		// have split some.
		for i := range e.Names {
			e.Names[i].First, e.Names[i].Last = "", ""
		}
	}
	e.Names = append([]lists.Name{primary}, e.Names...)
	if p.hasVessel {
		v := vessel(e)
		v.CallSign, v.Type, v.Owner, v.Tonnage, v.GRT = p.vessel.CallSign, p.vessel.Type, p.vessel.Owner, p.vessel.Tonnage, p.vessel.GRT
		if p.vesselFlag != "" {
			if v.Flag = country(p.vesselFlag); v.Flag == "" {
				v.Flag = p.vesselFlag
			}
		}
		if *v == (lists.VesselInfo{}) {
			e.Vessel = nil
		}
	}
	// The remark text itself may hold clauses the grammar knows
	// ("(Linked To: HAMAS)"). Facts from idList without a typed field follow
	// it, so Remarks reads as the CSV's remarks do.
	if p.remarks != "" {
		applyRemarks(e, p.remarks)
	}
	e.Remarks = p.remarks
	for _, s := range p.info {
		e.Remarks = joinWith(e.Remarks, s, "; ")
	}
	p.ents.add(*e)
	p.e = nil
	p.uid = ""
	return nil
}

// scriptOf returns "Latn" for names in ASCII letters, "" when the name has
// other characters (the script is then left to the fuzzy package).
func scriptOf(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return ""
		}
	}
	return "Latn"
}
