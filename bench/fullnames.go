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

// fullCase is one case of dev set h.
type fullCase struct {
	Query, Listed, How string
	Ent                int32
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
func genFullNames(seed uint64, w *world, n int) (full, mirror []fullCase) {
	r := newRand(seed, "fullnames")
	var bases []fullCase
	for ei := range w.snap.Entities {
		e := &w.snap.Entities[ei]
		if e.Kind != lists.Person {
			continue
		}
		for _, nm := range e.Names {
			if nm.Quality == lists.Weak || !isLatin(nm.Full) || !strings.Contains(nm.Full, ",") {
				continue
			}
			bases = append(bases, fullCase{Listed: naturalOrder(nm.Full, e.Kind), Ent: int32(ei)})
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
				full = append(full, fullCase{Query: q, Listed: b.Listed, How: how, Ent: b.Ent})
				usedF[b.Ent] = true
			}
		}
		if len(mirror) < n && !usedM[b.Ent] && len(fs) == 3 {
			if q, how, ok := swapLink(r, fs); ok {
				mirror = append(mirror, fullCase{Query: q, Listed: b.Listed, How: how, Ent: b.Ent})
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
	var gt, gm groupTally
	var misses, holds []string
	for _, c := range full {
		rs := w.search(w.ix, c.Query, fuzzy.KindPerson)
		found, _ := rankOf(rs, w.inGroup(c.Ent))
		gt.add(c.How, found, false)
		if !found && len(misses) < 10 {
			misses = append(misses, fmt.Sprintf("%q (listed %q)", c.Query, c.Listed))
		}
	}
	for _, c := range mirror {
		rs := w.search(w.ix, c.Query, fuzzy.KindPerson)
		held, _ := rankOf(rs, w.inGroup(c.Ent))
		gm.add(c.How, held, false)
		if held && len(holds) < 10 {
			holds = append(holds, fmt.Sprintf("%q (listed %q)", c.Query, c.Listed))
		}
	}
	s.rate("listed person found >= threshold, name with a patronymic, nasab link or middle name added (target >= 95 %)", gt.all.a, gt.all.n, "generated from listed people, seed "+fmt.Sprint(cfg.Seed))
	s.rate("mirror: one link replaced by another name, still found (target <= 10 %)", gm.all.a, gm.all.n, "")
	for _, g := range []*groupTally{&gt, &gm} {
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(g.by)) {
			parts = append(parts, fmt.Sprintf("%s %d/%d", k, g.by[k].a, g.by[k].n))
		}
		s.notef("per kind: %s", strings.Join(parts, ", "))
	}
	if len(misses) > 0 {
		s.notef("missed: %s", strings.Join(misses, "; "))
	}
	if len(holds) > 0 {
		s.notef("mirrors held: %s", strings.Join(holds, "; "))
	}
	return s, nil
}
