package main

import (
	"fmt"
	"regexp"
	"strings"
)

// Dev set j: Arabic compound names respelt.
//
// Names with al-Din ("of the faith": Salah al-Din, Nur al-Din) and Allah
// (Abd Allah, Hizb Allah) are one word in Arabic, and each romanisation
// writes them its own way: Salah al-Din, Salah ad-Din, Salahuddin, Salah
// Uddin, Salaheddine (French), Salah-ud-Din (Urdu). A list keeps one; a
// bank records another. Each case takes a listed person's Latin name that
// holds such a compound and writes the compound in the other conventions,
// by the rules below (the cases are generated, the names real). Its mirror
// puts another compound of the same kind in its place (Nur al-Din for
// Salah al-Din): another person.

// dinCompound finds an al-Din compound: its head (Salah) and the rest,
// written apart (al-Din, ad Din, ud-Din, Eddine, Uddin) or joined
// (Salahuddin, Salaheddine, Salahaldin).
var dinCompound = regexp.MustCompile(`(?i)\b([a-z]{3,}?)(?:[- ]+(?:al|el|ad|ud|ed|ul|uz|ar)[- ]+(?:din|deen|dine)|[- ]+(?:uddin|eddine|eddin|addin|aldin|eldin|uddine)|(?:uddin|eddine|eddin|addin|aldin|eldin|uddine))\b`)

// dinSpellings are the conventions a compound is respelt in; %s is its
// head.
var dinSpellings = []string{"%s al-Din", "%s ad-Din", "%suddin", "%s Uddin", "%seddine", "%s Eddine", "%s-ud-Din"}

// dinHeads are the heads of common al-Din compounds, for mirrors.
var dinHeads = []string{"Salah", "Nur", "Jalal", "Siraj", "Saif", "Nasir", "Najm", "Jamal", "Izz", "Shams", "Badr", "Kamal", "Fakhr", "Zain", "Imad", "Husam"}

// abdCompound finds an Abd al-X name: Abd al-Rahman, Abdul Rahman,
// Abdel Rahman, Abdulrahman, Abdelrahman, Abd-al-Rahman; the name of God
// (group 1) is one of abdGods.
var abdCompound = regexp.MustCompile(`(?i)\babd(?:[- ]?(?:al|el|ul|ol)[- ]?|[- ]+)(rahman|rahim|aziz|karim|qadir|hamid|majid|latif|malik|salam|wahab|razzaq|ghani|jalil|hakim|hadi|basit|hafiz|wahid|samad|sattar|khaliq|jabbar|halim|mannan|baqi|nasir|rashid)\b`)

// abdSpellings are the conventions an Abd al-X name is respelt in; %s is
// the name of God, %l it in lower case (joined forms).
var abdSpellings = []string{"Abd al-%s", "Abdul %s", "Abdel %s", "Abdul%l", "Abdel%l", "Abd-al-%s"}

// abdGods are the names of God abdCompound finds, for mirrors.
var abdGods = []string{"Rahman", "Rahim", "Aziz", "Karim", "Qadir", "Hamid", "Majid", "Latif", "Malik", "Salam", "Wahab", "Razzaq", "Ghani", "Jalil", "Hakim", "Hadi", "Basit", "Hafiz", "Wahid", "Samad", "Sattar", "Khaliq", "Jabbar", "Halim", "Mannan", "Baqi", "Nasir", "Rashid"}

// compoundKind is one kind of compound dev set j respells.
type compoundKind struct {
	find      *regexp.Regexp // the compound; group 1 is its distinctive part (a head, a name of God)
	spellings []string       // conventions it is respelt in: %s the part, %l it in lower case
	others    []string       // other parts, for the mirror
	mirror    string         // the mirror's compound, %s another part
	group     string         // the mirror's group
	// hyphenless says a respelling that differs from the listed form only
	// in hyphens is not written (Saif-al-Din is Saif al-Din).
	hyphenless bool
}

// compoundKinds are the compounds dev set j respells, in the order a
// name's cases are made.
var compoundKinds = []compoundKind{
	{abdCompound, abdSpellings, abdGods, "Abd al-%s", "another name of God", false},
	{dinCompound, dinSpellings, dinHeads, "%s al-Din", "another head of al-Din", true},
}

// genCompounds makes the respelt cases and their mirrors from every
// strong Latin name of a listed person that holds an Abd al-X name or an
// al-Din compound; names counts those names.
func genCompounds(w *world) (cases, mirrors []genCase, names int) {
	eachListedName(w, func(ent int32, listed string) {
		for i := range compoundKinds {
			if cs, mirror, ok := respell(&compoundKinds[i], ent, listed); ok {
				names++
				cases = append(cases, cs...)
				mirrors = append(mirrors, mirror)
			}
		}
	})
	return cases, mirrors, names
}

// respell writes listed's compound of kind k in the kind's other
// conventions, and a mirror with another part; ok is false when listed
// has none.
func respell(k *compoundKind, ent int32, listed string) (cases []genCase, mirror genCase, ok bool) {
	m := k.find.FindStringSubmatchIndex(listed)
	if m == nil {
		return nil, genCase{}, false
	}
	part := listed[m[2]:m[3]]
	orig := strings.ToLower(listed[m[0]:m[1]])
	unhyphen := func(s string) string { return strings.ReplaceAll(strings.ToLower(s), "-", " ") }
	for _, f := range k.spellings {
		alt := strings.NewReplacer("%s", part, "%l", strings.ToLower(part)).Replace(f)
		if strings.ToLower(alt) != orig && !(k.hyphenless && unhyphen(alt) == unhyphen(orig)) {
			cases = append(cases, genCase{Query: listed[:m[0]] + alt + listed[m[1]:], Listed: listed, Group: strings.NewReplacer("%s", "X", "%l", "x").Replace(f), Ent: ent})
		}
	}
	for _, o := range k.others {
		if !strings.EqualFold(o, part) && !strings.EqualFold(o[:3], part[:min(3, len(part))]) {
			mirror = genCase{Query: listed[:m[0]] + strings.ReplaceAll(k.mirror, "%s", o) + listed[m[1]:], Listed: listed, Group: k.group, Ent: ent}
			break
		}
	}
	return cases, mirror, true
}

// secCompounds measures dev set j: compounds respelt found, mirrors held.
func secCompounds(cfg Config, w *world) (*Section, error) {
	cases, mirrors, names := genCompounds(w)
	if len(cases) < 300 {
		return nil, fmt.Errorf("only %d compound cases", len(cases))
	}
	s := &Section{Name: "quality: j. Arabic compounds respelt"}
	r := searchCases(w, cases, mirrors, cfg.Misses)
	s.rate("listed person found >= threshold, its al-Din or Abd al- compound written in another convention", r.found.all.a, r.found.all.n,
		fmt.Sprintf("generated from the %d listed names with such a compound", names))
	s.rate("... ranked first", r.found.all.b, r.found.all.n, "")
	s.rate("mirror: another compound in its place (Nur al-Din for Salah al-Din, Abd al-Rahim for Abd al-Rahman), still found", r.held.all.a, r.held.all.n, "")
	r.note(s, "per form")
	return s, nil
}
