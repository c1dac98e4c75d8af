package main

import (
	"embed"
	"hash/fnv"
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/freezeguard/freezeguard/internal/namegen"
	"github.com/freezeguard/freezeguard/lists"
)

//go:embed testdata/generated_names_*.txt testdata/hard_pairs.csv testdata/ofac_sls_parity_labels.csv
var benchData embed.FS

// loadCultures reads every bench/testdata/generated_names_*.txt table.
func loadCultures() ([]namegen.Culture, error) {
	sub, err := fs.Sub(benchData, "testdata")
	if err != nil {
		return nil, err
	}
	return namegen.Load(sub)
}

func newRand(seed uint64, label string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(label))
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// makeName spells a name of culture c, picking its pattern and parts with
// r and avoiding a part said twice (four tries).
func makeName(c *namegen.Culture, r *rand.Rand) string {
	pat := c.Patterns[r.IntN(len(c.Patterns))]
	var used []string
	return c.Spell(pat, func(_ int, ns []string) string {
		n := ns[r.IntN(len(ns))]
		for tries := 0; slices.Contains(used, n) && tries < 4; tries++ {
			n = ns[r.IntN(len(ns))]
		}
		used = append(used, n)
		return n
	})
}

// cleanName is one generated person on no list.
type cleanName struct {
	Name    string
	Culture string
}

// genClean generates n distinct people from the tables, evenly over the
// cultures, and drops any that is a listed name (same normKey as any
// listed name). It returns the kept names and how many it dropped.
func genClean(seed uint64, n int, cs []namegen.Culture, listed map[string]bool) (kept []cleanName, excluded []cleanName) {
	seen := map[string]bool{}
	per := (n + len(cs) - 1) / len(cs)
	for i := range cs {
		c := &cs[i]
		r := newRand(seed, "clean/"+c.Name)
		got := 0
		for tries := 0; got < per && tries < per*20; tries++ {
			s := makeName(c, r)
			k := normKey(s)
			if seen[k] {
				continue
			}
			seen[k] = true
			if listed[k] {
				excluded = append(excluded, cleanName{s, c.Name})
				continue
			}
			kept = append(kept, cleanName{s, c.Name})
			got++
		}
	}
	if len(kept) > n {
		kept = kept[:n]
	}
	return kept, excluded
}

// listedKeys returns normKey of every listed name.
func listedKeys(snap *lists.Snapshot) map[string]bool {
	m := map[string]bool{}
	for _, e := range snap.Entities {
		for _, nm := range e.Names {
			if k := normKey(nm.Full); k != "" {
				m[k] = true
			}
		}
	}
	return m
}

// Alterations of a listed name (dev set b).
const (
	altTypo1    = "typo-1-edit"
	altTypo2    = "typo-2-edits"
	altDropMid  = "middle-dropped"
	altReorder  = "parts-reordered"
	altInitials = "initials"
	altJoin     = "tokens-joined"
	altSplit    = "token-split"
	altRoman    = "other-romanisation"
)

var alterations = []string{altTypo1, altTypo2, altDropMid, altReorder, altInitials, altJoin, altSplit, altRoman}

// altered is one altered listed name with the entity it came from.
type altered struct {
	Query  string
	Source string // the listed name
	Ent    int32
	Kind   string // alteration
}

// naturalOrder turns a person's "LAST, First Middle" into "First Middle
// LAST", the order a payment usually carries; other names are unchanged.
func naturalOrder(full string, k lists.Kind) string {
	if k != lists.Person {
		return full
	}
	last, first, ok := strings.Cut(full, ",")
	if !ok || strings.Contains(first, ",") {
		return full
	}
	return strings.TrimSpace(strings.TrimSpace(first) + " " + strings.TrimSpace(last))
}

// romanisation variants: whole tokens (both directions are used) and
// substring rules, from docs/matching.md.
var romanWords = [][]string{
	{"MUHAMMAD", "MOHAMMED", "MOHAMED", "MOHAMMAD", "MUHAMMED", "MOHAMAD"},
	{"AHMAD", "AHMED"}, {"MAHMUD", "MAHMOUD", "MAHMOOD"}, {"HUSAYN", "HUSSEIN", "HUSSAIN", "HUSEIN"},
	{"HASAN", "HASSAN"}, {"YUSUF", "YOUSEF", "YOUSSEF", "YUSSUF"}, {"UMAR", "OMAR"}, {"USAMA", "OSAMA"},
	{"ABDALLAH", "ABDULLAH", "ABDULLA"}, {"ABD", "ABDUL", "ABDEL"}, {"KHALID", "KHALED"}, {"SAID", "SAEED", "SAYED"},
	{"QASIM", "KASSEM", "QASSEM"}, {"JAMAL", "GAMAL"}, {"AL", "EL"}, {"BIN", "IBN", "BEN"}, {"ALI", "ALY"},
	{"ALEKSANDR", "ALEXANDER", "ALEXANDR"}, {"SERGEY", "SERGEI", "SERGUEI"}, {"YEVGENIY", "EVGENY", "YEVGENY", "EVGENII"},
	{"YURIY", "YURI", "IOURI"}, {"DMITRIY", "DMITRY", "DMITRI"}, {"ALEKSEY", "ALEXEI", "ALEKSEI"}, {"NIKOLAY", "NIKOLAI"},
	{"ANDREY", "ANDREI"}, {"MIKHAIL", "MICHAIL"}, {"VALERIY", "VALERY"}, {"GENNADIY", "GENNADY"}, {"ARKADIY", "ARKADY"},
	{"KIM", "GIM"}, {"LEE", "YI", "RI", "RHEE"}, {"PAK", "PARK"}, {"CHOE", "CHOI"}, {"JONG", "CHONG"},
}

var romanRules = [][2]string{
	{"KH", "H"}, {"OV", "OFF"}, {"EV", "EFF"}, {"YA", "IA"}, {"YU", "IU"}, {"ZH", "J"}, {"SH", "SCH"},
	{"DH", "D"}, {"TH", "T"}, {"OU", "U"}, {"EE", "I"}, {"IY", "I"}, {"Q", "K"}, {"J", "DJ"}, {"CH", "TCH"},
}

// alter applies one alteration; ok is false when it does not apply.
// Substring romanisation rules apply to people's names only (an English
// company word like GROUP has no romanisation variants).
func alter(r *rand.Rand, name, kind string, person bool) (string, bool) {
	toks := strings.Fields(name)
	long := func(minLetters int) []int {
		var is []int
		for i, t := range toks {
			if utf8.RuneCountInString(lettersOnly(t)) >= minLetters {
				is = append(is, i)
			}
		}
		return is
	}
	pick := func(is []int) int { return is[r.IntN(len(is))] }
	switch kind {
	case altTypo1, altTypo2:
		edits := 1
		if kind == altTypo2 {
			edits = 2
		}
		is := long(4 + 2*(edits-1))
		if len(is) == 0 {
			return "", false
		}
		if edits == 2 && len(long(4)) >= 2 && r.IntN(2) == 0 {
			is2 := long(4)
			a := pick(is2)
			b := pick(is2)
			for b == a {
				b = pick(is2)
			}
			toks[a], toks[b] = typo(r, toks[a]), typo(r, toks[b])
		} else {
			i := pick(is)
			for range edits {
				toks[i] = typo(r, toks[i])
			}
		}
	case altDropMid:
		if len(toks) < 3 {
			return "", false
		}
		i := 1 + r.IntN(len(toks)-2)
		toks = slices.Delete(toks, i, i+1)
	case altReorder:
		if len(toks) < 2 {
			return "", false
		}
		last := toks[len(toks)-1]
		toks = append([]string{last}, toks[:len(toks)-1]...)
	case altInitials:
		if len(toks) < 2 {
			return "", false
		}
		if len(toks) >= 3 {
			for i := 1; i < len(toks)-1; i++ {
				toks[i] = initial(toks[i])
			}
		} else {
			toks[0] = initial(toks[0])
		}
	case altJoin:
		if len(toks) < 2 {
			return "", false
		}
		i := r.IntN(len(toks) - 1)
		toks[i] += toks[i+1]
		toks = slices.Delete(toks, i+1, i+2)
	case altSplit:
		is := long(7)
		if len(is) == 0 {
			return "", false
		}
		i := pick(is)
		rs := []rune(toks[i])
		cut := 3 + r.IntN(len(rs)-5)
		toks = slices.Insert(toks, i+1, string(rs[cut:]))
		toks[i] = string(rs[:cut])
	case altRoman:
		var cands []int
		for i, t := range toks {
			if romanWord(t) != nil || (person && romanRule(t) >= 0) {
				cands = append(cands, i)
			}
		}
		if len(cands) == 0 {
			return "", false
		}
		i := pick(cands)
		u := strings.ToUpper(toks[i])
		if g := romanWord(toks[i]); g != nil {
			alt := g[r.IntN(len(g))]
			for alt == strings.Trim(u, ",.") {
				alt = g[r.IntN(len(g))]
			}
			toks[i] = alt
		} else {
			rule := romanRules[romanRule(toks[i])]
			toks[i] = strings.Replace(u, rule[0], rule[1], 1)
		}
	default:
		return "", false
	}
	out := strings.Join(toks, " ")
	return out, out != name
}

func romanWord(t string) []string {
	u := strings.Trim(strings.ToUpper(t), ",.")
	for _, g := range romanWords {
		if slices.Contains(g, u) {
			return g
		}
	}
	return nil
}

func romanRule(t string) int {
	u := strings.ToUpper(t)
	for i, rr := range romanRules {
		if strings.Contains(u, rr[0]) {
			return i
		}
	}
	return -1
}

func lettersOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, s)
}

func initial(t string) string {
	for _, r := range t {
		if unicode.IsLetter(r) {
			return string(r) + "."
		}
	}
	return t
}

// typo makes one keyboard-style edit inside a token: substitute, delete,
// insert or transpose a letter, never the first letter (people rarely get
// that wrong, and it keeps the figure about typos, not about initials).
func typo(r *rand.Rand, t string) string {
	rs := []rune(t)
	if len(rs) < 3 {
		return t
	}
	i := 1 + r.IntN(len(rs)-1)
	letter := func() rune {
		const az = "abcdefghijklmnopqrstuvwxyz"
		c := rune(az[r.IntN(len(az))])
		if unicode.IsUpper(rs[0]) {
			c = unicode.ToUpper(c)
		}
		return c
	}
	switch r.IntN(4) {
	case 0:
		c := letter()
		for c == rs[i] {
			c = letter()
		}
		rs[i] = c
	case 1:
		rs = slices.Delete(rs, i, i+1)
	case 2:
		rs = slices.Insert(rs, i, letter())
	default:
		if i == len(rs)-1 {
			i--
		}
		if i < 1 {
			i = 1
		}
		rs[i], rs[i+1] = rs[i+1], rs[i]
	}
	return string(rs)
}

// genAltered builds dev set b: for each alteration, up to per altered
// names of distinct listed people and organisations (strong Latin names of
// two or more tokens), chosen with the seed.
func genAltered(seed uint64, w *world, per int) []altered {
	type base struct {
		name   string
		ent    int32
		person bool
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
			s := naturalOrder(nm.Full, e.Kind)
			if len(strings.Fields(s)) >= 2 {
				bases = append(bases, base{s, int32(ei), e.Kind == lists.Person})
			}
		}
	}
	var out []altered
	for _, kind := range alterations {
		r := newRand(seed, "alter/"+kind)
		perm := r.Perm(len(bases))
		used := map[int32]bool{}
		got := 0
		for _, pi := range perm {
			if got >= per {
				break
			}
			b := bases[pi]
			if used[b.ent] {
				continue
			}
			q, ok := alter(r, b.name, kind, b.person)
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
