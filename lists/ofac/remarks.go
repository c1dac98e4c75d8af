package ofac

import (
	"strings"

	"github.com/freezeguard/freezeguard/lists"
)

// applyRemarks parses OFAC remarks text ("DOB 28 Apr 1937; POB al-Awja,
// near Tikrit, Iraq; nationality Iraq; a.k.a. 'ABU ALI'.") into e's typed
// fields. The remarks grammar is informal: clauses separated by "; ", each
// led by a keyword, optionally prefixed "alt." for a second value. Clauses
// it does not understand are not an error: the whole text stays in
// e.Remarks, which the caller sets.
func applyRemarks(e *lists.Entity, text string) {
	for len(text) > 0 {
		var clause string
		clause, text, _ = strings.Cut(text, ";")
		applyClause(e, clause)
	}
}

// applyClause handles one remarks clause.
func applyClause(e *lists.Entity, c string) {
	c = strings.TrimSpace(c)
	// XML remarks wrap some clauses in parentheses: "(Linked To: HAMAS)".
	if len(c) > 2 && c[0] == '(' && c[len(c)-1] == ')' && strings.Count(c, "(") == 1 {
		c = strings.TrimSpace(c[1 : len(c)-1])
	}
	if c == "" {
		return
	}
	if r, ok := cutPrefixFold(c, "alt. "); ok {
		c = strings.TrimSpace(r)
	}
	// Weak aliases: a.k.a. 'X', f.k.a. 'X', n.k.a. 'X'. The name is between
	// the first and the last quote; names contain apostrophes (AL QA'IDA).
	for _, p := range [...]struct {
		prefix string
		typ    lists.NameType
	}{{"a.k.a.", lists.AKA}, {"f.k.a.", lists.FKA}, {"n.k.a.", lists.NKA}} {
		if r, ok := strings.CutPrefix(c, p.prefix); ok {
			r = strings.TrimSpace(r)
			if len(r) >= 2 && r[0] == '\'' {
				if end := strings.LastIndexByte(r, '\''); end > 0 {
					addName(e, lists.Name{Full: strings.TrimSpace(r[1:end]), Type: p.typ, Quality: lists.Weak, Script: "Latn"})
				}
			}
			return
		}
	}
	value := strings.TrimSuffix(c, ".")
	switch {
	case strings.HasPrefix(value, "DOB "):
		if d, ok := parseDate(value[4:]); ok {
			e.BirthDates = appendDate(e.BirthDates, d)
		}
		return
	case strings.HasPrefix(value, "POB "):
		addPlace(e, value[4:])
		return
	case strings.HasPrefix(value, "nationality "):
		e.Nationalities = appendUnique(e.Nationalities, country(value[len("nationality "):]))
		return
	case strings.HasPrefix(value, "citizen "):
		e.Citizenships = appendUnique(e.Citizenships, country(value[len("citizen "):]))
		return
	case strings.HasPrefix(c, "Linked To:"):
		e.LinkedTo = appendUnique(e.LinkedTo, linkedName(strings.TrimSpace(c[len("Linked To:"):])))
		return
	case strings.HasPrefix(value, "Email:"):
		e.Emails = appendUnique(e.Emails, firstWord(value[len("Email:"):]))
		return
	}
	if typ, rest, kind, ok := matchIDPrefix(value); ok {
		applyID(e, kind, typ, rest, "", nil, nil)
		return
	}
	// An unknown type followed by a number: "Kenyan ID No. 12773667".
	if i := firstDigitWord(value); i > 0 {
		if typ := strings.TrimSpace(value[:i]); looksLikeDocType(typ) {
			addDocument(e, strings.TrimRight(typ, ":"), value[i:], "", nil, nil)
			return
		}
	}
	if e.Kind == lists.Person && looksLikePosition(value) {
		e.Titles = appendUnique(e.Titles, value)
	}
}

// addName appends a name unless the entity already has it with that type.
func addName(e *lists.Entity, n lists.Name) {
	if n.Full == "" {
		return
	}
	for _, x := range e.Names {
		if x.Full == n.Full && x.Type == n.Type {
			return
		}
	}
	if e.Kind == lists.Person {
		n.Last, n.First = splitPersonName(n.Full)
	}
	e.Names = append(e.Names, n)
}

// splitPersonName splits OFAC's "LAST, First" into its parts; names without
// the comma are not split.
func splitPersonName(full string) (last, first string) {
	l, f, ok := strings.Cut(full, ",")
	if !ok {
		return "", ""
	}
	return strings.TrimSpace(l), strings.TrimSpace(f)
}

func appendDate(list []lists.Date, d lists.Date) []lists.Date {
	for _, x := range list {
		if x == d {
			return list
		}
	}
	return append(list, d)
}

// addPlace records a place of birth; the country is the last
// comma-separated part ("al-Awja, near Tikrit, Iraq").
func addPlace(e *lists.Entity, text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	for _, p := range e.BirthPlaces {
		if p.Text == text {
			return
		}
	}
	// CountryCode understands "City, Country" and the lists' inverted
	// forms ("Korea, North"), so it gets the whole text.
	e.BirthPlaces = append(e.BirthPlaces, lists.Place{Text: text, Country: country(text)})
}

// abbrevEnds are name endings whose final period belongs to the name, not
// to the remarks sentence.
var abbrevEnds = []string{" LTD.", " CO.", " INC.", " CORP.", " S.A.", " C.V.", " S.L.", " S.R.L.", " B.V.", " N.V.", " A.G.", " LLC.", " S.A.S.", " Ltd.", " Co.", " Inc.", " Corp.", " JR.", " Jr.", " SR.", " Sr."}

// linkedName returns the name in "Linked To: NAME." without the sentence's
// final period, keeping abbreviations whole ("GRUPO X, S.A. DE C.V.").
func linkedName(s string) string {
	if !strings.HasSuffix(s, ".") {
		return s
	}
	for _, a := range abbrevEnds {
		if strings.HasSuffix(s, a) {
			return s
		}
	}
	// A final single-letter initial ("R D I S.A.") is part of the name.
	if n := len(s); n >= 3 && s[n-3] == '.' {
		return s
	}
	return strings.TrimSuffix(s, ".")
}

// firstDigitWord returns the index of the first word of s that contains a
// digit, or -1.
func firstDigitWord(s string) int {
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if strings.ContainsAny(s[start:i], "0123456789") {
				return start
			}
			start = i + 1
		}
	}
	return -1
}

// positionWords start clauses that state a person's title or position
// ("President of the Russian Federation", "Major General").
var positionWords = []string{"President", "Vice President", "Vice-President", "Prime Minister", "Minister", "Deputy",
	"Director", "Chairman", "Chairperson", "Vice-Chairperson", "Vice Chairman", "Commander", "Head of", "Chief",
	"Governor", "Member of", "Secretary", "General", "Brigadier", "Major General", "Lieutenant", "Colonel", "Captain",
	"Admiral", "Ambassador", "Judge", "Prosecutor", "Mayor", "Senator", "Former", "Leader", "Founder", "Officer",
	"Senior", "Spokesman", "Spokesperson", "Advisor", "Adviser", "Representative", "Official", "Manager", "CEO",
	"Executive", "Assistant", "Acting", "Sheikh", "Emir", "King", "Prince", "Managing Director", "Magistrate",
	"Vice Minister", "First Vice", "First Deputy", "Second Vice", "Aide to", "Rector", "Union Minister",
	"Principal Director", "Chair of", "Supervisory Board Member", "Board Member", "Co-founder", "Doctor"}

// positionEnds end clauses that state a person's position in an
// organisation ("Korea Daesong Bank Representative").
var positionEnds = []string{"representative", "director", "official", "member", "colonel", "general", "chairman",
	"officer", "advisor", "adviser", "minister", "commander", "employee", "manager", "president", "secretary"}

// looksLikePosition reports whether a leftover clause of a person's remarks
// states a title or position.
func looksLikePosition(s string) bool {
	if len(s) > 200 {
		return false
	}
	for _, w := range positionWords {
		if strings.HasPrefix(s, w) && (len(s) == len(w) || s[len(w)] == ' ' || s[len(w)] == ',') {
			return true
		}
	}
	last := s[strings.LastIndexByte(s, ' ')+1:]
	for _, w := range positionEnds {
		if strings.EqualFold(last, w) {
			return true
		}
	}
	return false
}
