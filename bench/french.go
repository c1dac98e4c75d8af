package main

import (
	"fmt"
	"strings"
)

// Dev set k: listed Arabic names as French spelling writes them.
//
// The Maghreb, France and French-speaking Africa romanise Arabic names
// their own way: ch for ش (Hichem, Chaabane), ou for a long u (Mahmoud,
// Youssouf), dj for ج (Djamel), ss between vowels (Moussa, Yassine), a
// silent e after a final n (Slimane, Hocine), ou for an initial w
// (Ouazzani). A bank in Paris or Algiers records its customer so; the
// lists mostly spell the English way. Each case takes a strong Latin name
// of a listed person that reads as Arabic (an article, bin, abu, abd,
// Muhammad) and respells it by these rules (the cases are generated, the
// names real), where that changes a word.

// frenchSpelling respells English-style token t the French way; it
// reports false when nothing changes.
func frenchSpelling(t string) (string, bool) {
	l := strings.ToLower(t)
	var b strings.Builder
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case c == 's' && i+1 < len(l) && l[i+1] == 'h':
			b.WriteString("ch")
			i++
		case c == 'j' && (i == 0 || l[i-1] != 'd' && l[i-1] != 'j'):
			b.WriteString("dj") // jj once: Hajjaj, Hadjadj
		case c == 'u' && (i == 0 || l[i-1] != 'o' && l[i-1] != 'a' && l[i-1] != 'e'):
			b.WriteString("ou")
		case c == 'w' && i == 0 && i+1 < len(l) && vowel(l[i+1]):
			b.WriteString("ou")
		case c == 's' && i > 0 && i+1 < len(l) && vowel(l[i-1]) && vowel(l[i+1]):
			b.WriteString("ss")
		case c == 'j' && l[i-1] == 'j':
		default:
			b.WriteByte(c)
		}
	}
	s := b.String()
	if len(s) >= 5 && (strings.HasSuffix(s, "an") || strings.HasSuffix(s, "in")) {
		s += "e"
	}
	return s, s != l
}

// genFrench makes dev set k from every strong Latin name of a listed
// person that reads as Arabic.
func genFrench(w *world) (cases []genCase) {
	eachListedName(w, func(ent int32, listed string) {
		fs := strings.Fields(listed)
		if len(fs) < 2 || !arabicName(fs) {
			return
		}
		changed := 0
		for i, f := range fs {
			if strings.Contains(f, "-") {
				continue // al-Rashid: the article's word stays
			}
			if g, ok := frenchSpelling(f); ok {
				fs[i] = g
				changed++
			}
		}
		if changed > 0 {
			cases = append(cases, genCase{Query: strings.Join(fs, " "), Listed: listed, Group: fmt.Sprintf("%d words respelt", min(changed, 3)), Ent: ent})
		}
	})
	return cases
}

// secFrench measures dev set k: listed Arabic names in French spelling
// found.
func secFrench(cfg Config, w *world) (*Section, error) {
	cases := genFrench(w)
	if len(cases) < 300 {
		return nil, fmt.Errorf("only %d French-spelling cases", len(cases))
	}
	s := &Section{Name: "quality: k. Arabic names in French spelling"}
	r := searchCases(w, cases, nil, cfg.Misses)
	s.rate("listed person found >= threshold, its Arabic name spelt the French way (ch, ou, dj, ss, -ane)", r.found.all.a, r.found.all.n, "generated from the listed names that read as Arabic")
	s.rate("... ranked first", r.found.all.b, r.found.all.n, "")
	r.note(s, "per words respelt")
	return s, nil
}
