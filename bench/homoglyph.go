package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
)

// Look-alike kinds of dev set g: which alphabet the substituted letters
// come from.
const (
	lookCyrillic  = "cyrillic"
	lookGreek     = "greek"
	lookFullwidth = "fullwidth"
	lookMath      = "mathematical"
)

var lookKinds = []string{lookCyrillic, lookGreek, lookFullwidth, lookMath}

// Look-alike letters a spoofer types for Latin ones, written out here by
// hand (the letters that look the same in common fonts) rather than taken
// from the table package fuzzy folds with, so that the set measures the
// fold instead of repeating it.
var (
	cyrillicLook = map[rune]rune{
		'A': 'А', 'B': 'В', 'C': 'С', 'E': 'Е', 'H': 'Н', 'I': 'І', 'J': 'Ј', 'K': 'К', 'M': 'М',
		'O': 'О', 'P': 'Р', 'S': 'Ѕ', 'T': 'Т', 'X': 'Х', 'Y': 'Ү',
		'a': 'а', 'c': 'с', 'd': 'ԁ', 'e': 'е', 'h': 'һ', 'i': 'і', 'j': 'ј', 'o': 'о', 'p': 'р',
		'q': 'ԛ', 's': 'ѕ', 'w': 'ԝ', 'x': 'х', 'y': 'у',
	}
	greekLook = map[rune]rune{
		'A': 'Α', 'B': 'Β', 'E': 'Ε', 'H': 'Η', 'I': 'Ι', 'K': 'Κ', 'M': 'Μ', 'N': 'Ν', 'O': 'Ο',
		'P': 'Ρ', 'T': 'Τ', 'X': 'Χ', 'Y': 'Υ', 'Z': 'Ζ',
		'a': 'α', 'i': 'ι', 'o': 'ο', 'p': 'ρ', 'u': 'υ', 'v': 'ν', 'y': 'γ',
	}
)

// lookAlike returns a look-alike of the ASCII letter c of the given kind,
// or false. Mathematical letters take one of the styles of the
// Mathematical Alphanumeric Symbols block (bold, italic, script, fraktur,
// double-struck, sans-serif, monospace: 13 styles of 52 letters from
// U+1D400) at random; the few code points left unassigned there (their
// letters live in Letterlike Symbols) are skipped.
func lookAlike(r *rand.Rand, kind string, c rune) (rune, bool) {
	switch kind {
	case lookCyrillic:
		l, ok := cyrillicLook[c]
		return l, ok
	case lookGreek:
		l, ok := greekLook[c]
		return l, ok
	case lookFullwidth:
		if c < 0x80 && unicode.IsLetter(c) {
			return c - '!' + '！', true
		}
	case lookMath:
		if c >= 0x80 || !unicode.IsLetter(c) {
			return 0, false
		}
		idx := c - 'A'
		if c >= 'a' {
			idx = 26 + c - 'a'
		}
		for range 4 {
			m := 0x1D400 + rune(r.IntN(13))*52 + idx
			if unicode.IsLetter(m) {
				return m, true
			}
		}
	}
	return 0, false
}

// lookAlikeName replaces n distinct letters of name by look-alikes of the
// kind; ok is false when the name has fewer than n letters that have one.
func lookAlikeName(r *rand.Rand, name, kind string, n int) (string, bool) {
	rs := []rune(name)
	var at []int
	for i, c := range rs {
		if _, ok := lookAlike(r, kind, c); ok {
			at = append(at, i)
		}
	}
	if len(at) < n {
		return "", false
	}
	r.Shuffle(len(at), func(i, j int) { at[i], at[j] = at[j], at[i] })
	for _, i := range at[:n] {
		for {
			if l, ok := lookAlike(r, kind, rs[i]); ok {
				rs[i] = l
				break
			}
		}
	}
	return string(rs), true
}

// genLookAlike builds dev set g: for each look-alike kind, up to per names
// of distinct listed people and organisations (strong Latin names of two
// or more tokens, as dev set b), each with one to three letters replaced
// by look-alikes from that kind, chosen with the seed.
func genLookAlike(seed uint64, w *world, per int) []altered {
	type base struct {
		name string
		ent  int32
	}
	var bases []base
	for ei := range w.snap.Entities {
		e := &w.snap.Entities[ei]
		if e.Kind != lists.Person && e.Kind != lists.Organization {
			continue
		}
		for _, nm := range e.Names {
			if nm.Quality == lists.Weak || !isLatin(nm.Full) {
				continue
			}
			if s := naturalOrder(nm.Full, e.Kind); len(strings.Fields(s)) >= 2 {
				bases = append(bases, base{s, int32(ei)})
			}
		}
	}
	var out []altered
	for _, kind := range lookKinds {
		r := newRand(seed, "lookalike/"+kind)
		used := map[int32]bool{}
		got := 0
		for _, pi := range r.Perm(len(bases)) {
			if got >= per {
				break
			}
			b := bases[pi]
			if used[b.ent] {
				continue
			}
			q, ok := lookAlikeName(r, b.name, kind, 1+r.IntN(3))
			if !ok {
				continue
			}
			used[b.ent] = true
			out = append(out, altered{Query: q, Source: b.name, Ent: b.ent, Kind: kind})
			got++
		}
	}
	return out
}

// secLookAlike measures dev set g: listed names with letters replaced by
// look-alikes from other alphabets, fullwidth and mathematical forms. Found
// means the index finds the listed entity at or above the threshold;
// decided that Screen (name only) gives HOLD or FREEZE with a hit on it.
func secLookAlike(ctx context.Context, cfg Config, w *world, sc *screening.Screener) (*Section, error) {
	s := &Section{Name: "quality: g. look-alike letters"}
	var gt groupTally // a: found >= threshold, b: ranked first
	var dec groupTally
	shown := map[string]int{}
	cases := genLookAlike(cfg.Seed, w, cfg.PerVariant)
	for _, a := range cases {
		rs := w.search(w.ix, a.Query, fuzzy.KindUnknown)
		fd, f1 := rankOf(rs, w.inGroup(a.Ent))
		gt.add(a.Kind, fd, f1)
		d, err := sc.Screen(ctx, screening.Party{Name: a.Query})
		if err != nil {
			return nil, fmt.Errorf("Screen(%q): %w", a.Query, err)
		}
		hit := false
		for _, pr := range d.Parties {
			for _, h := range pr.Hits {
				if ei, ok := w.byID[h.EntityID]; ok && w.group[ei] == w.group[a.Ent] {
					hit = true
				}
			}
		}
		dec.add(a.Kind, hit && d.Outcome != screening.Clear, false)
		if !fd && shown[a.Kind] < 3 {
			shown[a.Kind]++
			s.notef("%s missed: %q (listed %q, %s)", a.Kind, a.Query, a.Source, w.snap.Entities[a.Ent].ID)
		}
	}
	all := gt.all
	s.rate("recall >= threshold, all kinds", all.a, all.n, fmt.Sprintf("%d kinds x up to %d names, 1-3 letters replaced, seed %d", len(lookKinds), cfg.PerVariant, cfg.Seed))
	s.rate("recall@1, all kinds", all.b, all.n, "")
	s.rate("Screen: HOLD/FREEZE with a hit on the entity", dec.all.a, dec.all.n, "decision level, name only")
	for _, k := range lookKinds {
		if t := gt.by[k]; t != nil {
			s.rate("recall >= threshold: "+k, t.a, t.n, fmt.Sprintf("@1 %.1f %%", 100*float64(t.b)/float64(max(t.n, 1))))
		}
	}
	return s, nil
}
