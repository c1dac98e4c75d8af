package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
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

// genCompounds makes the respelt cases and their mirrors from every
// strong Latin name of a listed person that holds an al-Din compound.
func genCompounds(w *world) (cases, mirrors []genCase, names int) {
	seen := map[string]bool{}
	for ei := range w.snap.Entities {
		e := &w.snap.Entities[ei]
		if e.Kind != lists.Person {
			continue
		}
		for _, nm := range e.Names {
			if nm.Quality == lists.Weak || !isLatin(nm.Full) {
				continue
			}
			listed := naturalOrder(nm.Full, e.Kind)
			if seen[listed] {
				continue
			}
			seen[listed] = true
			if m := abdCompound.FindStringSubmatchIndex(listed); m != nil {
				names++
				god := listed[m[2]:m[3]]
				orig := strings.ToLower(listed[m[0]:m[1]])
				for _, f := range abdSpellings {
					alt := strings.NewReplacer("%s", god, "%l", strings.ToLower(god)).Replace(f)
					if strings.ToLower(alt) == orig {
						continue
					}
					q := listed[:m[0]] + alt + listed[m[1]:]
					cases = append(cases, genCase{Query: q, Listed: listed, Group: strings.NewReplacer("%s", "X", "%l", "x").Replace(f), Ent: int32(ei)})
				}
				for _, g := range abdGods {
					if !strings.EqualFold(g, god) && !strings.EqualFold(g[:3], god[:3]) {
						q := listed[:m[0]] + "Abd al-" + g + listed[m[1]:]
						mirrors = append(mirrors, genCase{Query: q, Listed: listed, Group: "another name of God", Ent: int32(ei)})
						break
					}
				}
			}
			m := dinCompound.FindStringSubmatchIndex(listed)
			if m == nil {
				continue
			}
			names++
			head := listed[m[2]:m[3]]
			orig := strings.ToLower(listed[m[0]:m[1]])
			for _, f := range dinSpellings {
				alt := fmt.Sprintf(f, head)
				if strings.ToLower(alt) == orig || strings.EqualFold(strings.ReplaceAll(alt, "-", " "), strings.ReplaceAll(orig, "-", " ")) {
					continue
				}
				q := listed[:m[0]] + alt + listed[m[1]:]
				cases = append(cases, genCase{Query: q, Listed: listed, Group: strings.ReplaceAll(f, "%s", "X"), Ent: int32(ei)})
			}
			for _, h := range dinHeads {
				if !strings.EqualFold(h, head) && !strings.EqualFold(h[:3], head[:min(3, len(head))]) {
					q := listed[:m[0]] + h + " al-Din" + listed[m[1]:]
					mirrors = append(mirrors, genCase{Query: q, Listed: listed, Group: "another head of al-Din", Ent: int32(ei)})
					break
				}
			}
		}
	}
	return cases, mirrors, names
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
