package ofac

import (
	"sort"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
)

// fieldKind says where one identifier-like fact goes in a lists.Entity. OFAC
// writes the same facts as idList entries in XML (idType + idNumber) and as
// "Type value (Country)" clauses in CSV remarks; one table serves both.
type fieldKind uint8

const (
	fDocument       fieldKind = iota // an identity or registration document
	fInfo                            // sanctions information with no typed field: kept in Remarks
	fGender                          // Gender Male
	fBIC                             // SWIFT/BIC HAVIGB2L
	fWebsite                         // Website www.example.ir
	fEmail                           // Email Address x@y
	fCrypto                          // Digital Currency Address - XBT 1abc...
	fVesselID                        // Vessel Registration Identification IMO 1234567
	fMMSI                            // MMSI 572469210
	fEstablished                     // Organization Established Date 1969
	fRegNationality                  // Nationality of Registration Russia
	fAircraftModel                   // Aircraft Model IL-76TD
	fAircraftMSN                     // Aircraft Manufacturer's Serial Number (MSN) 1013409297
	fAircraftTail                    // Aircraft Tail Number EP-MMH
)

// idTypes maps the identifier types OFAC uses (XML idType, CSV clause
// prefix) to their field. Types not in the table are documents when they
// look like one (see looksLikeDocType).
var idTypes = map[string]fieldKind{
	"Gender":                             fGender,
	"SWIFT/BIC":                          fBIC,
	"Website":                            fWebsite,
	"Email Address":                      fEmail,
	"Email":                              fEmail,
	"Digital Currency Address -":         fCrypto,
	"Vessel Registration Identification": fVesselID,
	"International Maritime Organization No.": fVesselID,
	"MMSI":                          fMMSI,
	"Organization Established Date": fEstablished,
	"Nationality of Registration":   fRegNationality,
	"Aircraft Model":                fAircraftModel,
	"Aircraft Manufacturer's Serial Number (MSN)": fAircraftMSN,
	"Aircraft Serial Identification":              fAircraftMSN,
	"Aircraft Tail Number":                        fAircraftTail,

	"Additional Sanctions Information -": fInfo,
	"Secondary sanctions risk:":          fInfo,
	"Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:": fInfo,
	"Executive Order":                    fInfo,
	"Listing Date":                       fInfo,
	"Effective Date":                     fInfo,
	"Purchase/Sales For Divestment Date": fInfo,
	"Target Type":                        fInfo,
	"Issuer Name":                        fInfo,
	"Equity Ticker":                      fInfo,
	"CAATSA Section 235 Information:":    fInfo,
	"Organization Type:":                 fInfo,
	"Phone Number":                       fInfo,
	"Phone No.":                          fInfo,
	"Telephone":                          fInfo,
	"Telephone No.":                      fInfo,
	"Telephone Number:":                  fInfo,
	"Fax":                                fInfo,
	"Fax No.":                            fInfo,
	"Former Vessel Flag":                 fInfo,
	"Other Vessel Flag":                  fInfo,
	"Other Vessel Call Sign":             fInfo,
	"Other Vessel Type":                  fInfo,
	"Vessel Year of Build":               fInfo,
	"Aircraft Operator":                  fInfo,
	"Aircraft Manufacture Date":          fInfo,
	"Aircraft Construction Number (also called L/N or S/N or F/N)": fInfo,
	"Aircraft Mode S Transponder Code":                             fInfo,
	"Previous Aircraft Tail Number":                                fInfo,
	"Chinese Commercial Code":                                      fInfo,
	"For more information on directives":                           fInfo,
	"Interpol:":                                                    fInfo,

	// Documents whose type the generic rule would miss or cut short.
	"Passport":                           fDocument,
	"Diplomatic Passport":                fDocument,
	"Stateless Person Passport":          fDocument,
	"British National Overseas Passport": fDocument,
	"Passport Booklet":                   fDocument,
	"National ID No.":                    fDocument,
	"Tax ID No.":                         fDocument,
	"Registration Number":                fDocument,
	"Registration ID":                    fDocument,
	"Business Registration Number":       fDocument,
	"Business Registration Document #":   fDocument,
	"Cedula No.":                         fDocument,
	"C.U.R.P.":                           fDocument,
	"C.U.R.P. #":                         fDocument,
	"R.F.C.":                             fDocument,
	"R.F.C. #":                           fDocument,
	"RFC":                                fDocument,
	"NIT #":                              fDocument,
	"RUC #":                              fDocument,
	"RIF #":                              fDocument,
	"RTN":                                fDocument,
	"D.N.I.":                             fDocument,
	"N.I.E.":                             fDocument,
	"C.I.F.":                             fDocument,
	"C.U.I.":                             fDocument,
	"C.U.I.T.":                           fDocument,
	"C.U.I.P.":                           fDocument,
	"I.F.E.":                             fDocument,
	"C.R. No.":                           fDocument,
	"Romanian C.R.":                      fDocument,
	"SSN":                                fDocument,
	"US FEIN":                            fDocument,
	"ISIN":                               fDocument,
	"BIK (RU)":                           fDocument,
	"Legal Entity Number":                fDocument,
	"Unified Social Credit Code (USCC)":  fDocument,
	"United Social Credit Code Certificate (USCCC)":   fDocument,
	"Economic Register Number (CBLS)":                 fDocument,
	"Identification Number":                           fDocument,
	"Government Gazette Number":                       fDocument,
	"Company Number":                                  fDocument,
	"UK Company Number":                               fDocument,
	"Commercial Registry Number":                      fDocument,
	"Folio Mercantil No.":                             fDocument,
	"Matricula Mercantil No":                          fDocument,
	"Trade License No.":                               fDocument,
	"License":                                         fDocument,
	"D-U-N-S Number":                                  fDocument,
	"V.A.T. Number":                                   fDocument,
	"Chamber of Commerce Number":                      fDocument,
	"Electoral Registry No.":                          fDocument,
	"Driver's License No.":                            fDocument,
	"Birth Certificate Number":                        fDocument,
	"Public Registration Number":                      fDocument,
	"Italian Fiscal Code":                             fDocument,
	"Central Registration System Number":              fDocument,
	"Personal ID Card":                                fDocument,
	"Credencial electoral":                            fDocument,
	"National Foreign ID Number":                      fDocument,
	"Business Number":                                 fDocument,
	"Cartilla de Servicio Militar Nacional":           fDocument,
	"Istanbul Chamber of Comm. No.":                   fDocument,
	"Enterprise Number":                               fDocument,
	"Residency Number":                                fDocument,
	"Registered Charity No.":                          fDocument,
	"Branch Unit Number":                              fDocument,
	"Dubai Chamber of Commerce Membership No.":        fDocument,
	"LE Number":                                       fDocument,
	"Certificate of Incorporation Number":             fDocument,
	"Turkish Identification Number":                   fDocument,
	"Numero de Identidad":                             fDocument,
	"Citizen's Card Number":                           fDocument,
	"Kenyan ID No.":                                   fDocument,
	"Travel Document Number":                          fDocument,
	"Permit Number":                                   fDocument,
	"VisaNumberID":                                    fDocument,
	"SRE Permit No.":                                  fDocument,
	"Tazkira National ID Card":                        fDocument,
	"Refugee ID Card":                                 fDocument,
	"Stateless Person ID Card":                        fDocument,
	"Afghan Money Service Provider License Number":    fDocument,
	"Pilot License Number":                            fDocument,
	"Organization Code":                               fDocument,
	"UAE Identification":                              fDocument,
	"Bosnian Personal ID No.":                         fDocument,
	"Moroccan Personal ID No.":                        fDocument,
	"MSB Registration Number":                         fDocument,
	"Military Registration Number":                    fDocument,
	"Tourism License No.":                             fDocument,
	"Seafarer's Identification Document":              fDocument,
	"Fiscal Code":                                     fDocument,
	"CNP (Personal Numerical Code)":                   fDocument,
	"Paraguayan tax identification number":            fDocument,
	"Numero Unico de Identificacao Tributaria (NUIT)": fDocument,
	"Immigration No.":                                 fDocument,
	"File Number":                                     fDocument,
	"Serial No.":                                      fDocument,
	"Public Security and Immigration No.":             fDocument,
}

// idPrefixes holds the keys of idTypes, longest first, for prefix matching
// of CSV remark clauses.
var idPrefixes = func() []string {
	p := make([]string, 0, len(idTypes))
	for k := range idTypes {
		p = append(p, k)
	}
	sort.Slice(p, func(i, j int) bool {
		if len(p[i]) != len(p[j]) {
			return len(p[i]) > len(p[j])
		}
		return p[i] < p[j]
	})
	return p
}()

// docTypeEndings are the last words of a clause's leading text that mark it
// as a document type when the table does not know it.
var docTypeEndings = []string{"No.", "No", "No:", "No.:", "Number", "Number:", "ID", "ID:", "#", "Code", "Card", "License", "Passport", "Certificate", "Document"}

// looksLikeDocType reports whether t, a clause's words before its first
// word with a digit, reads like an identifier type ("Kenyan ID No.").
func looksLikeDocType(t string) bool {
	if t == "" || len(t) > 60 || t[0] < 'A' || t[0] > 'Z' {
		return false
	}
	l := strings.ToLower(t)
	if strings.Contains(l, "phone") || strings.Contains(l, "fax") || strings.Contains(l, "telex") {
		return false
	}
	for _, e := range docTypeEndings {
		if t == e || strings.HasSuffix(t, " "+e) {
			return true
		}
	}
	return false
}

// idPrefixesByByte buckets idPrefixes by first byte, keeping the order.
var idPrefixesByByte = func() (m [256][]string) {
	for _, p := range idPrefixes {
		m[p[0]] = append(m[p[0]], p)
	}
	return m
}()

// matchIDPrefix finds the longest known identifier type at the start of a
// clause, followed by a space, a colon or the clause's end. It returns the
// type and the rest of the clause.
func matchIDPrefix(clause string) (typ, rest string, kind fieldKind, ok bool) {
	if clause == "" {
		return "", "", 0, false
	}
	for _, p := range idPrefixesByByte[clause[0]] {
		if !strings.HasPrefix(clause, p) {
			continue
		}
		r := clause[len(p):]
		if r != "" && r[0] != ' ' && r[0] != ':' && !strings.HasSuffix(p, "-") && !strings.HasSuffix(p, ":") {
			continue
		}
		r = strings.TrimLeft(r, ": ")
		return p, r, idTypes[p], true
	}
	return "", "", 0, false
}

// docValue is the value part of a document clause, split up.
type docValue struct {
	number     string
	country    string // the issuing country as written, "" if none
	issued     *lists.Date
	expires    *lists.Date
	knownFalse bool
	note       string // leftover text
}

// falseMarkers are words by which OFAC marks a document as not genuine.
var falseMarkers = []string{"fraudulent", "falsified", "false", "forged", "counterfeit", "fake"}

// parseDocValue splits "A1234567 (Iraq) issued 01 Jan 2000 expires 31 Dec 2005"
// into its parts. Unknown trailing text goes to note.
func parseDocValue(s string) docValue {
	var v docValue
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	ls := strings.ToLower(s)
	for _, m := range falseMarkers {
		if containsWord(ls, m) {
			v.knownFalse = true
			break
		}
	}
	// Cut at " issued " / " expires ", which follow the number and country.
	cut := len(s)
	iss := indexWord(s, "issued")
	exp := indexWord(s, "expires")
	if iss >= 0 && iss < cut {
		cut = iss
	}
	if exp >= 0 && exp < cut {
		cut = exp
	}
	head, tail := strings.TrimSpace(s[:cut]), s[cut:]
	// The last parenthesised group of the head is the country, unless it
	// says the document is false.
	for strings.HasSuffix(head, ")") {
		open := strings.LastIndexByte(head, '(')
		if open < 0 {
			break
		}
		inner := strings.TrimSpace(head[open+1 : len(head)-1])
		head = strings.TrimSpace(head[:open])
		li := strings.ToLower(inner)
		isFalse := false
		for _, m := range falseMarkers {
			if containsWord(li, m) {
				isFalse = true
			}
		}
		if isFalse {
			v.note = joinNote(v.note, inner)
			continue
		}
		if v.country == "" {
			v.country = inner
		} else {
			v.note = joinNote(inner, v.note)
		}
		// Only the last group or two: "HRA 738077 (Stuttgart) (Germany)".
		if !strings.HasSuffix(head, ")") {
			break
		}
	}
	v.number = strings.TrimRight(head, " ,")
	if tail != "" {
		var extra string
		v.issued, extra = dateAfter(tail, "issued")
		v.note = joinNote(v.note, extra)
		v.expires, extra = dateAfter(tail, "expires")
		v.note = joinNote(v.note, extra)
	}
	return v
}

// dateAfter parses the date that follows word in s, up to the next
// "issued"/"expires" or the end. Text after the date that is not part of it
// ("(fraudulent)", "in Amman, Jordan") is returned as extra, as is the
// whole text when it is no date.
func dateAfter(s, word string) (d *lists.Date, extra string) {
	i := indexWord(s, word)
	if i < 0 {
		return nil, ""
	}
	r := s[i+len(word):]
	end := len(r)
	for _, w := range []string{"issued", "expires"} {
		if j := indexWord(r, w); j >= 0 && j < end {
			end = j
		}
	}
	txt := strings.TrimSpace(r[:end])
	txt = strings.TrimSpace(strings.TrimSuffix(txt, ","))
	// The date is at most the first three words (or a "to" range, which
	// documents do not use).
	f := strings.Fields(txt)
	for n := min(3, len(f)); n > 0; n-- {
		head := strings.Join(f[:n], " ")
		if dt, ok := parseDate(strings.TrimSuffix(head, ",")); ok {
			rest := strings.TrimSpace(strings.Join(f[n:], " "))
			rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(rest, "("), ")"))
			return &dt, rest
		}
	}
	return nil, strings.TrimSpace(word + " " + txt)
}

// indexWord finds word in s as a whole word.
func indexWord(s, word string) int {
	off := 0
	for {
		i := strings.Index(s[off:], word)
		if i < 0 {
			return -1
		}
		i += off
		before := i == 0 || !isAlnum(s[i-1])
		after := i+len(word) == len(s) || !isAlnum(s[i+len(word)])
		if before && after {
			return i
		}
		off = i + len(word)
	}
}

func containsWord(s, word string) bool { return indexWord(s, word) >= 0 }

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func joinNote(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// country resolves a country as OFAC writes it through the shared table.
func country(name string) string {
	name = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(name), "."))
	if name == "" {
		return ""
	}
	return lists.CountryCode(name)
}

// appendUnique appends s to list unless it is empty or already there.
func appendUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// vessel returns e's VesselInfo, creating it.
func vessel(e *lists.Entity) *lists.VesselInfo {
	if e.Vessel == nil {
		e.Vessel = &lists.VesselInfo{}
	}
	return e.Vessel
}

// applyID stores one identifier-like fact in its field. typ is the type as
// listed, value the rest (for CSV remarks still carrying "(Country) issued
// ..."), ctry an already separate country (XML idCountry). It returns false
// when the fact has no typed field and belongs in Remarks only.
func applyID(e *lists.Entity, kind fieldKind, typ, value, ctry string, issued, expires *lists.Date) bool {
	value = strings.TrimSpace(value)
	switch kind {
	case fInfo:
		return false
	case fGender:
		switch strings.ToLower(strings.TrimSuffix(value, ".")) {
		case "male":
			e.Gender = "male"
		case "female":
			e.Gender = "female"
		default:
			return false
		}
	case fBIC:
		e.BICs = appendUnique(e.BICs, firstWord(value))
	case fWebsite:
		e.Websites = appendUnique(e.Websites, firstWord(value))
	case fEmail:
		e.Emails = appendUnique(e.Emails, firstWord(value))
	case fCrypto:
		cur, addr := "", value
		if rest, ok := strings.CutPrefix(typ, "Digital Currency Address -"); ok && strings.TrimSpace(rest) != "" {
			cur = strings.TrimSpace(rest)
		} else {
			cur, addr, _ = strings.Cut(value, " ")
		}
		addr = firstWord(addr)
		if cur == "" || addr == "" {
			return false
		}
		for _, c := range e.Crypto {
			if c.Currency == cur && c.Address == addr {
				return true
			}
		}
		e.Crypto = append(e.Crypto, lists.CryptoAddress{Currency: cur, Address: addr})
	case fVesselID:
		num, ok := strings.CutPrefix(value, "IMO ")
		if !ok {
			num, ok = strings.CutPrefix(strings.Trim(value, "()"), "IMO")
			ok = ok || typ == "International Maritime Organization No."
			num = strings.Trim(num, "() ")
		}
		if !ok {
			return addDocument(e, typ, value, ctry, issued, expires)
		}
		if num = firstWord(num); num == "" {
			return false
		}
		if e.Kind == lists.Vessel || e.Kind == lists.UnknownKind {
			if v := vessel(e); v.IMO == "" {
				v.IMO = num
				return true
			}
		}
		e.Documents = append(e.Documents, lists.Document{Type: "IMO", Number: num})
	case fMMSI:
		if v := vessel(e); v.MMSI == "" {
			v.MMSI = firstWord(value)
		}
	case fEstablished:
		if d, ok := parseDate(value); ok && e.Established == nil {
			e.Established = &d
		}
	case fRegNationality:
		e.Nationalities = appendUnique(e.Nationalities, country(value))
	case fAircraftModel:
		if v := vessel(e); v.Model == "" {
			v.Model = value
		}
	case fAircraftMSN:
		if v := vessel(e); v.SerialNumber == "" {
			v.SerialNumber = firstWord(value)
		}
	case fAircraftTail:
		if v := vessel(e); v.TailNumber == "" {
			v.TailNumber = firstWord(value)
		}
	default:
		return addDocument(e, typ, value, ctry, issued, expires)
	}
	return true
}

// addDocument appends a document; value may still carry "(Country) issued
// ... expires ..." as in CSV remarks. Company or identification numbers that
// are really IMO numbers ("Company Number IMO 5055293") become IMO documents.
func addDocument(e *lists.Entity, typ, value, ctry string, issued, expires *lists.Date) bool {
	v := parseDocValue(value)
	// "Passport No.: 0310857" and "Tax ID No. RIF J-31069374-9" as listed;
	// the words belong to the type.
	for _, p := range []string{"No.:", "No.", "No:", "#", ":"} {
		if r, ok := strings.CutPrefix(v.number, p); ok {
			v.number = strings.TrimSpace(r)
			break
		}
	}
	if v.number == "" {
		return false
	}
	if n, ok := strings.CutPrefix(v.number, "IMO "); ok && (typ == "Identification Number" || typ == "Company Number") {
		typ, v.number = "IMO", n
		if e.Kind == lists.Vessel {
			if vi := vessel(e); vi.IMO == "" {
				vi.IMO = n
				return true
			}
		}
	}
	if ctry == "" {
		ctry = v.country
	} else if v.country != "" {
		v.note = joinNote(v.country, v.note)
	}
	d := lists.Document{Type: typ, Number: v.number, Issued: v.issued, Expires: v.expires, KnownFalse: v.knownFalse, Note: v.note}
	if issued != nil {
		d.Issued = issued
	}
	if expires != nil {
		d.Expires = expires
	}
	if ctry != "" {
		if d.Country = country(ctry); d.Country == "" {
			d.Note = joinNote(ctry, d.Note)
		}
	}
	for _, x := range e.Documents {
		if x.Type == d.Type && x.Number == d.Number && x.Country == d.Country {
			return true
		}
	}
	e.Documents = append(e.Documents, d)
	return true
}

// firstWord returns s up to its first space, without a trailing period:
// addresses, codes and e-mails never contain spaces.
func firstWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ' '); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, ".,")
}
