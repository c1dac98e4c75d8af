package main

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/lists"
)

// Dev set h: full names as banks record them, made from listed people.
//
// A list shortens names; a bank records them whole. Each case takes a
// listed person's name and adds what the list left out, in the place the
// name's culture puts it: a patronymic after a Russian given name
// (Vladimir VLADIMIROVICH Putin), a nasab link after an Arabic given name
// (Anwar BIN NASSER al-Aulaqi), a middle name elsewhere. Its mirror takes
// a listed name that has such a middle part and puts another name in its
// place: a conflicting link, another person. The added names come from
// the tables below, common names of each culture, not from the lists.
// Generated with the harness seed: the cases are generated, the names
// they start from are real.

var (
	russianFathers = []string{"Ivanovich", "Sergeyevich", "Petrovich", "Nikolayevich", "Aleksandrovich",
		"Viktorovich", "Mikhailovich", "Andreyevich", "Yuryevich", "Dmitriyevich", "Olegovich", "Pavlovich"}
	russianFathersF = []string{"Ivanovna", "Sergeyevna", "Petrovna", "Nikolayevna", "Aleksandrovna",
		"Viktorovna", "Mikhailovna", "Andreyevna", "Yuryevna", "Dmitriyevna", "Olegovna", "Pavlovna"}
	arabicFathers = []string{"Abdullah", "Nasser", "Khalid", "Hamad", "Saleh", "Ibrahim", "Yusuf", "Mansour",
		"Faisal", "Rashid", "Hasan", "Omar", "Suleiman", "Tariq"}
	middleNames = []string{"James", "Marie", "Antonio", "Luis", "Jean", "Maria", "Peter", "Anne", "Carlos",
		"Paul", "Jose", "Michael", "Elena", "David"}
)

// genCase is one generated case of a dev set (h, j): a query made from a
// listed name, and the group it is tallied in.
type genCase struct {
	Query, Listed, Group string
	Ent                  int32
}

// russianFamily reports whether a family name looks Russian (Putin,
// Ivanov, Ivanova, Sechin): a patronymic goes with it.
func russianFamily(t string) (bool, bool) {
	t = strings.ToLower(t)
	for _, e := range []string{"ova", "eva", "ina", "skaya"} {
		if strings.HasSuffix(t, e) {
			return true, true
		}
	}
	for _, e := range []string{"ov", "ev", "in", "iy", "kiy", "sky", "enko"} {
		if strings.HasSuffix(t, e) {
			return true, false
		}
	}
	return false, false
}

func arabicName(fs []string) bool {
	for _, f := range fs {
		l := strings.ToLower(f)
		if strings.HasPrefix(l, "al-") || l == "al" || l == "bin" || l == "ibn" || l == "abu" || l == "abd" ||
			strings.HasPrefix(l, "abd") || strings.HasPrefix(l, "muham") || strings.HasPrefix(l, "moham") {
			return true
		}
	}
	return false
}

func isMiddleLink(t string) bool {
	l := strings.ToLower(t)
	return strings.HasSuffix(l, "ovich") || strings.HasSuffix(l, "evich") || strings.HasSuffix(l, "ovna") ||
		strings.HasSuffix(l, "evna")
}

// genFullNames makes up to n full-name cases and up to n mirrors.
func genFullNames(seed uint64, w *world, n int) (full, mirror []genCase) {
	r := newRand(seed, "fullnames")
	var bases []genCase
	for ei := range w.snap.Entities {
		e := &w.snap.Entities[ei]
		if e.Kind != lists.Person {
			continue
		}
		for _, nm := range e.Names {
			if nm.Quality == lists.Weak || !isLatin(nm.Full) || !strings.Contains(nm.Full, ",") {
				continue
			}
			bases = append(bases, genCase{Listed: naturalOrder(nm.Full, e.Kind), Ent: int32(ei)})
			break
		}
	}
	perm := r.Perm(len(bases))
	usedF, usedM := map[int32]bool{}, map[int32]bool{}
	for _, pi := range perm {
		b := bases[pi]
		fs := strings.Fields(b.Listed)
		if len(full) < n && !usedF[b.Ent] && len(fs) == 2 {
			if q, how, ok := addLink(r, fs); ok {
				full = append(full, genCase{Query: q, Listed: b.Listed, Group: how, Ent: b.Ent})
				usedF[b.Ent] = true
			}
		}
		if len(mirror) < n && !usedM[b.Ent] && len(fs) == 3 {
			if q, how, ok := swapLink(r, fs); ok {
				mirror = append(mirror, genCase{Query: q, Listed: b.Listed, Group: how, Ent: b.Ent})
				usedM[b.Ent] = true
			}
		}
	}
	return full, mirror
}

// addLink inserts what a list leaves out into a two-token name
// (given, family).
func addLink(r *rand.Rand, fs []string) (string, string, bool) {
	given, family := fs[0], fs[1]
	switch ru, fem := russianFamily(family); {
	case ru:
		tab := russianFathers
		if fem {
			tab = russianFathersF
		}
		p := tab[r.IntN(len(tab))]
		if r.IntN(2) == 0 {
			return family + " " + given + " " + p, "patronymic (family first)", true
		}
		return given + " " + p + " " + family, "patronymic", true
	case arabicName(fs):
		f := arabicFathers[r.IntN(len(arabicFathers))]
		if r.IntN(2) == 0 {
			return given + " bin " + f + " " + family, "nasab link", true
		}
		return given + " " + f + " " + family, "father's name", true
	}
	m := middleNames[r.IntN(len(middleNames))]
	if strings.EqualFold(m, given) {
		return "", "", false
	}
	return given + " " + m + " " + family, "middle name", true
}

// swapLink replaces the middle part of a three-token name with another
// name of the same kind: a conflicting link.
func swapLink(r *rand.Rand, fs []string) (string, string, bool) {
	mid := fs[1]
	if len(strings.Trim(mid, ".")) < 3 {
		return "", "", false // an initial: nothing to conflict with
	}
	var tab []string
	how := "other middle name"
	switch {
	case isMiddleLink(mid):
		tab = russianFathers
		if strings.HasSuffix(strings.ToLower(mid), "na") {
			tab = russianFathersF
		}
		how = "other patronymic"
	case arabicName(fs):
		tab = arabicFathers
		how = "other father's name"
	default:
		tab = middleNames
	}
	for range 4 {
		x := tab[r.IntN(len(tab))]
		if !strings.EqualFold(x[:4], mid[:min(4, len(mid))]) && !strings.EqualFold(x, fs[0]) && !strings.EqualFold(x, fs[2]) {
			return fs[0] + " " + x + " " + fs[2], how, true
		}
	}
	return "", "", false
}

// secFullNames measures dev set h: full names found, mirrors held.
func secFullNames(cfg Config, w *world) (*Section, error) {
	full, mirror := genFullNames(cfg.Seed, w, 600)
	if len(full) < 500 {
		return nil, fmt.Errorf("only %d full-name cases", len(full))
	}
	s := &Section{Name: "quality: h. full names vs short listed names"}
	r := searchCases(w, full, mirror, 10)
	s.rate("listed person found >= threshold, name with a patronymic, nasab link or middle name added (target >= 95 %)", r.found.all.a, r.found.all.n, "generated from listed people, seed "+fmt.Sprint(cfg.Seed))
	s.rate("mirror: one link replaced by another name, still found (target <= 10 %)", r.held.all.a, r.held.all.n, "")
	r.note(s, "per kind")
	return s, nil
}

// eachListedName calls f with every distinct strong Latin name of a listed
// person, in natural order ("First LAST"), and its entity.
func eachListedName(w *world, f func(ent int32, listed string)) {
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
			if listed := naturalOrder(nm.Full, e.Kind); !seen[listed] {
				seen[listed] = true
				f(int32(ei), listed)
			}
		}
	}
}

// caseResults tallies a generated dev set: its cases found and ranked
// first, and its mirrors (another person) still found, per group.
type caseResults struct {
	found, held   groupTally // a: found >= threshold, b: ranked first
	misses, holds []string
}

// searchCases searches every case and mirror for its listed person,
// keeping up to limit misses and mirrors held to show.
func searchCases(w *world, cases, mirrors []genCase, limit int) caseResults {
	var r caseResults
	for _, c := range cases {
		found, first := rankOf(w.search(w.ix, c.Query, fuzzy.KindPerson), w.inGroup(c.Ent))
		r.found.add(c.Group, found, first)
		if !found && len(r.misses) < limit {
			r.misses = append(r.misses, fmt.Sprintf("%q (listed %q)", c.Query, c.Listed))
		}
	}
	for _, c := range mirrors {
		held, _ := rankOf(w.search(w.ix, c.Query, fuzzy.KindPerson), w.inGroup(c.Ent))
		r.held.add(c.Group, held, false)
		if held && len(r.holds) < limit {
			r.holds = append(r.holds, fmt.Sprintf("%q (listed %q)", c.Query, c.Listed))
		}
	}
	return r
}

// note adds the per-group tallies (labelled label), the misses and the
// mirrors held to s.
func (r *caseResults) note(s *Section, label string) {
	for _, g := range []*groupTally{&r.found, &r.held} {
		if g.all.n == 0 {
			continue // a set without mirrors
		}
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(g.by)) {
			parts = append(parts, fmt.Sprintf("%s %d/%d", k, g.by[k].a, g.by[k].n))
		}
		s.notef("%s: %s", label, strings.Join(parts, ", "))
	}
	if len(r.misses) > 0 {
		s.notef("missed: %s", strings.Join(r.misses, "; "))
	}
	if len(r.holds) > 0 {
		s.notef("mirrors held: %s", strings.Join(r.holds, "; "))
	}
}
