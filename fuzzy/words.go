package fuzzy

import (
	"slices"
	"strings"
)

// Word lists of the name parser (normalize.go): titles, particles, generic
// words of organisation names, legal forms and organisation words found
// glued to a name, patronymic endings, vessel prefixes, number words and
// Roman numerals, with the lookups that read them. They are data the
// parser consults, not steps of it: kept apart so that the parser reads as
// one pipeline and the lists can be reviewed as lists. Legal forms are in
// legalforms.go, common names in common.go, common words of company names
// in orgwords.go.

func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// titles are honorifics, ranks and offices, in the languages payments and
// lists use. They say something about a person but are not their name.
var titles = set(
	"mr", "mrs", "ms", "miss", "mister", "dr", "prof", "professor", "sir", "lord", "lady", "dame",
	"herr", "frau", "monsieur", "mme", "madame", "senor", "senora", "sr", "sra", "gospodin",
	"hajji", "haji", "hadji", "hajj", "alhaj", "alhajj", "alhaji", "mullah", "mulla", "mawlawi",
	"maulvi", "moulvi", "maulana", "mawlana", "sheikh", "shaykh", "shaikh", "sheik", "shaik",
	"cheikh", "sheekh", "imam", "ayatollah", "hojatoleslam", "mufti", "qari",
	"president", "praesident", "prasident", "presidente", "predsjednik", "presedintele",
	"presedinte", "presiden", "prezident", "prezydent", "presidenten", "elnok",
	"general", "gen", "colonel", "col", "major", "maj", "captain", "capt", "lieutenant", "lt",
	"commander", "cmdr", "brigadier", "admiral", "marshal", "sergeant", "sgt", "commodore",
	"prince", "princess", "emir", "king", "queen", "minister", "senator", "judge",
	"excellency", "honorable", "honourable", "hon", "rev", "reverend", "his", "her",
)

// surnameTitles are titles that are also common surnames: they are a
// title only before another name.
var surnameTitles = set("king", "prince", "major", "marshal", "judge", "general", "queen", "lord",
	"bishop", "sheriff", "knight", "duke", "earl", "baron", "noble", "mayor", "captain", "imam", "mufti")

// articleSpellings are the spellings of the Arabic article al- as a word
// of its own, assimilated or not; arabicArticles holds them.
var (
	articleSpellings = []string{"al", "el", "ad", "ar", "as", "ash", "at", "az", "ul", "ud", "ur", "us", "uz"}
	arabicArticles   = set(articleSpellings...)
)

func isArabicArticle(t string) bool {
	_, ok := arabicArticles[t]
	return ok
}

// particles are name parts that join names rather than distinguish them:
// the Arabic article and these.
var particles = set(append([]string{
	"ud", "ur", "us", "ibn", "bin", "ben",
	"bint", "bent", "binti", "ould", "van", "von", "der", "den", "de", "del", "della", "di", "da",
	"dos", "das", "du", "le", "la", "ter", "ten", "y",
}, articleSpellings...)...)

// generic are words frequent in organisation names that say little about
// which organisation it is.
var generic = set(
	"the", "of", "and", "for", "bank", "international", "establishment", "industries",
	"industrial", "industry", "services", "service", "investment", "investments", "import",
	"export", "national", "enterprise", "enterprises", "general", "foundation", "organization",
	"organisation", "association", "society", "center", "centre", "institute", "office",
	"network", "agency", "shipping", "commercial", "commerce", "global", "petroleum",
	"engineering", "development", "joint", "stock", "open", "closed", "public", "private",
	"federal", "state", "unitary", "fund", "management", "logistics", "research",
	"production", "scientific", "nauchno", "proizvodstvennoe", "proizvodstvennoye", "obedinenie",
	"technologies", "technology", "systems", "solutions", "limited",
	"air", "airlines", "airline", "airways", "aviation", "lines", "line",
)

// orgWords mark a name as an organisation's (see orgWordsMissing): the
// generic words but the function words, and words of institutions and
// armed groups that are too telling to be generic.
var orgWords = func() map[string]struct{} {
	m := set("university", "academy", "college", "school", "hospital", "ministry", "committee", "council",
		"army", "navy", "brigade", "brigades", "battalion", "movement", "party", "front", "forces")
	for w := range generic {
		if !functionWord(w) {
			m[w] = struct{}{}
		}
	}
	return m
}()

// longLegal and longGeneric are the legal forms and generic words of seven
// letters or more, which nearWord recognises with a typo. longLegal is
// filled by init, from the legal-form table.
var longLegal wordsByLen

var longGeneric = func() wordsByLen {
	var g []string
	for w := range generic {
		if len(w) >= 7 {
			g = append(g, w)
		}
	}
	slices.Sort(g)
	return groupByLen(g)
}()

// wordsByLen holds words by their length (the index), so that nearWord
// compares a token only with the words one edit can reach.
type wordsByLen [][]string

func groupByLen(ws []string) wordsByLen {
	var g wordsByLen
	for _, w := range ws {
		for len(g) <= len(w) {
			g = append(g, nil)
		}
		g[len(w)] = append(g[len(w)], w)
	}
	return g
}

// nearWord reports whether t is one edit from one of words.
func nearWord(t string, words wordsByLen) bool {
	if t == "" {
		return false
	}
	for n := len(t) - 1; n <= len(t)+1 && n < len(words); n++ {
		for _, w := range words[n] {
			// One edit leaves the first or the last letter in place.
			if (t[0] == w[0] || t[len(t)-1] == w[len(w)-1]) && osa(t, w, 1) <= 1 {
				return true
			}
		}
	}
	return false
}

// gluedSuffixes and gluedPrefixes are legal forms and words of
// organisation names that appendParts cuts off a longer token; none is a
// common ending or beginning of a name.
var (
	gluedSuffixes = []string{"limited", "company", "corporation", "holdings", "holding", "trading", "group",
		"international", "industries", "investments", "investment", "technology", "technologies",
		"shipping", "services", "enterprises", "enterprise", "commercial", "engineering", "development",
		"management", "logistics", "solutions", "bank", "llc", "ltd", "inc", "corp", "gmbh", "ooo", "ojsc",
		"pjsc", "cjsc", "jsc", "oao", "zao", "pao", "fze", "fzco", "fzllc", "plc", "llp", "obshchestvo", "aktsionernoe"}
	gluedPrefixes = []string{"obshchestvo", "aktsionernoe", "zakrytoe", "otkrytoe", "publichnoe", "limited",
		"company", "llc", "ooo", "oao", "zao", "pao", "ojsc", "pjsc", "cjsc", "jsc"}
)

// wordOfOrgs reports whether t is itself a word of organisation names
// (BANCORP is not BAN CORP). It does not allocate.
func wordOfOrgs(t []byte) bool {
	_, g := generic[string(t)]
	_, c := commonOrgWords[string(t)]
	return g || c
}

// splitWord reports whether w, split after k bytes, is a legal form or a
// word of organisation names broken in two (COM PANY, LIMI TED) whose
// halves are not words of that kind themselves.
func splitWord(w []byte, k int) bool {
	if len(w) < 5 {
		return false
	}
	if _, ok := legalForms[string(w)]; !ok {
		if _, ok := orgWords[string(w)]; !ok {
			return false
		}
	}
	for _, h := range [2][]byte{w[:k], w[k:]} {
		if _, ok := legalForms[string(h)]; ok {
			return false
		}
		if _, ok := orgWords[string(h)]; ok {
			return false
		}
	}
	return true
}

// patronymicEnds are the endings of patronymics in the transliterations
// the lists use: Russian and Belarusian (-ovich, -evich, -ovna, -evna,
// -ichna, and their German and French renderings -owitsch, -ovitch),
// Ukrainian (-ovych, -ivna), and Turkic -oglu, -ogly, -uly, -kyzy,
// -qizi as one word with the father's name.
var patronymicEnds = []string{"ovich", "evich", "ovych", "evych", "ovna", "evna", "ichna", "ivna",
	"owitsch", "ewitsch", "ovitch", "evitch", "owna", "ewna", // German and French renderings
	"oglu", "ogly", "kyzy", "qizi"}

// isPatronymic reports whether t, seven letters or more, ends like a
// patronymic.
func isPatronymic(t string) bool {
	if len(t) < 7 {
		return false
	}
	for _, e := range patronymicEnds {
		if strings.HasSuffix(t, e) {
			return true
		}
	}
	return false
}

// vesselPrefixes stand before a ship's name: motor vessel, motor tanker,
// motor yacht, steamship, fishing vessel.
var vesselPrefixes = set("mv", "mt", "my", "ss", "fv", "mfv", "mty")

// numberWords are the number words that romanValue's caller reads as
// numbers after a name.
var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// romanValue returns the value of a Roman numeral token from 2 to 39, or 0.
// Single letters (I, V, X) count only when single is set (vessels and
// aircraft: "HAPPINESS I"); elsewhere they are initials. Only canonical
// spellings count ("iiii" and "vv" stay words), and but for vessels and
// aircraft the caller never reads a name's first token as a numeral (Xi is
// a surname).
func romanValue(t string, single bool) int {
	if len(t) == 1 && !single || len(t) > 6 {
		return 0
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; c != 'i' && c != 'v' && c != 'x' {
			return 0
		}
	}
	for v := 1; v < len(romanTab); v++ {
		if romanTab[v] == t {
			return v
		}
	}
	return 0
}

// romanTab holds the canonical Roman numerals 1 to 39 by value.
var romanTab = func() [40]string {
	var tab [40]string
	for n := 1; n < 40; n++ {
		var b []byte
		m := n
		for _, x := range []struct {
			v int
			s string
		}{{10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
			for m >= x.v {
				b = append(b, x.s...)
				m -= x.v
			}
		}
		tab[n] = string(b)
	}
	return tab
}()
