package screening

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/lists"
)

// state is one immutable snapshot with everything built from it. The
// Screener swaps whole states atomically, so a decision sees one snapshot
// from start to end.
type state struct {
	gen   uint64
	snap  *lists.Snapshot
	byID  map[string]int32
	ix    *fuzzy.Index
	names []nameRef           // fuzzy record id -> (entity, name)
	exact map[string][]uint32 // nameKey -> record ids
	ids   map[string][]int32  // "doc:"/"bic:"/"crypto:" + normalised number -> entities
	// Cross-list resolution: cluster[i] is the index into members of the
	// entities resolved to the same person or organisation as entity i
	// (entity i included), or -1 when it stands alone. Entities that share
	// a cluster index share strong links; members may also hold the one-hop
	// name links of that cluster, which are not shared onwards.
	cluster []int32
	members [][]int32
	// alike holds, per entity, the same-name entries of other lists that
	// could not be resolved to it because the name link was ambiguous
	// (two candidates on one list): possible counterparts, not the same
	// person.
	alike map[int32][]int32
	// published is the oldest publish date per source (zero if unknown).
	published map[lists.Source]time.Time
	ref       SnapshotRef
	// vocab is the words of every listed name, for free-text windows;
	// built on first use (vocabulary).
	vocabOnce sync.Once
	vocab     map[string]bool
}

type nameRef struct{ ent, name int32 }

// Bounds on the work cross-list resolution may do per bucket, so that a
// very common name cannot make building quadratic.
const maxResolveBucket = 64

func buildState(snap *lists.Snapshot, gen uint64) *state {
	st := &state{
		gen:       gen,
		snap:      snap,
		exact:     make(map[string][]uint32),
		ids:       make(map[string][]int32),
		published: make(map[lists.Source]time.Time),
		byID:      make(map[string]int32, len(snap.Entities)),
	}
	var recs []fuzzy.Record
	for ei := range snap.Entities {
		e := &snap.Entities[ei]
		st.byID[e.ID] = int32(ei)
		fk := MatchKind(e.Kind)
		for ni, n := range e.Names {
			if strings.TrimSpace(n.Full) == "" {
				continue
			}
			id := uint32(len(st.names))
			st.names = append(st.names, nameRef{int32(ei), int32(ni)})
			recs = append(recs, fuzzy.Record{ID: id, Name: n.Full, Kind: fk})
			if k := nameKey(n.Full); k != "" {
				st.exact[k] = append(st.exact[k], id)
			}
		}
		for _, k := range entityIdentifierKeys(e) {
			if l := st.ids[k]; len(l) == 0 || l[len(l)-1] != int32(ei) {
				st.ids[k] = append(l, int32(ei))
			}
		}
	}
	st.ix = fuzzy.Build(recs)
	for _, p := range snap.Sources {
		if t, ok := st.published[p.Source]; !ok || (!p.Published.IsZero() && (t.IsZero() || p.Published.Before(t))) {
			st.published[p.Source] = p.Published
		}
	}
	st.ref = SnapshotRef{Generation: gen, Loaded: snap.Loaded, Sources: snap.Sources}.clone()
	st.resolve()
	return st
}

// unReference returns the UN reference number of an entity ("QDi.001"), from
// the source's own cross-reference or, for UN entities, the id.
func unReference(e *lists.Entity) string {
	if e.UNReference != "" {
		return strings.TrimSpace(e.UNReference)
	}
	if e.Source == lists.UN {
		return strings.TrimPrefix(e.ID, "un:")
	}
	return ""
}

// resolve finds the entities that are the same person or organisation on
// different lists, in two steps.
//
// Strong links (a shared UN reference, a shared document or registration
// number, BIC or wallet) are transitive: they group entities with
// union-find, so an OFAC entry citing a UN reference joins the EU entry
// citing the same one.
//
// Name links (the same strong multi-token name with dates of birth and
// countries that agree, see sameByFacts) are not: common names recur (KIM
// Yong Chol), and chaining them would make two different entries of one
// list the same person through a third. A name link joins two strong
// groups only when no list has entries in both, and only when it is
// unambiguous: neither group has another name link to a group on the same
// list. It then adds the other group to each one's related entities,
// without passing it on to their other name links. Ambiguous name links
// are kept apart, in alike, as possible counterparts.
func (st *state) resolve() {
	ents := st.snap.Entities
	parent := make([]int32, len(ents))
	for i := range parent {
		parent[i] = int32(i)
	}
	findRoot := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	strongBucket := func(b []int32, ok func(a, b *lists.Entity) bool) {
		if len(b) < 2 || len(b) > maxResolveBucket {
			return
		}
		for i := range b {
			for j := i + 1; j < len(b); j++ {
				ea, eb := &ents[b[i]], &ents[b[j]]
				if ea.Source != eb.Source && ok(ea, eb) {
					if ra, rb := findRoot(b[i]), findRoot(b[j]); ra != rb {
						parent[rb] = ra
					}
				}
			}
		}
	}
	always := func(a, b *lists.Entity) bool { return true }

	byRef := make(map[string][]int32)
	for i := range ents {
		if r := strings.ToUpper(unReference(&ents[i])); r != "" {
			byRef[r] = append(byRef[r], int32(i))
		}
	}
	for _, b := range byRef {
		strongBucket(b, always)
	}
	for k, b := range st.ids {
		if strings.HasPrefix(k, "doc:") && len(k) < len("doc:")+6 {
			continue // short numbers collide across issuers
		}
		strongBucket(b, compatibleKinds)
	}

	// Strong groups: members and the lists they are on (one bit per source).
	roots := make([]int32, len(ents))
	bits := make(map[lists.Source]uint64)
	srcBit := func(s lists.Source) uint64 {
		b, ok := bits[s]
		if !ok {
			b = 1 << min(len(bits), 63)
			bits[s] = b
		}
		return b
	}
	groupOf := make(map[int32][]int32) // root -> members, for groups of two or more
	srcs := make(map[int32]uint64)     // root -> sources of its members
	for i := range ents {
		r := findRoot(int32(i))
		roots[i] = r
		srcs[r] |= srcBit(ents[i].Source)
		groupOf[r] = append(groupOf[r], int32(i))
	}
	for r, m := range groupOf {
		if len(m) == 1 {
			delete(groupOf, r) // most entities stand alone
		}
	}
	members := func(r int32) []int32 {
		if m, ok := groupOf[r]; ok {
			return m
		}
		return []int32{r}
	}

	// Name links between strong groups.
	type link struct{ a, b int32 } // roots, a < b
	var links []link
	for k, recs := range st.exact {
		if !strings.Contains(k, " ") || len(recs) < 2 {
			continue // single tokens are too common to resolve on
		}
		var b []int32
		for _, id := range recs {
			r := st.names[id]
			if n := &ents[r.ent].Names[r.name]; n.Quality == lists.Weak {
				continue
			}
			if !slices.Contains(b, r.ent) {
				b = append(b, r.ent)
			}
		}
		if len(b) < 2 || len(b) > maxResolveBucket {
			continue
		}
		for i := range b {
			for j := i + 1; j < len(b); j++ {
				ea, eb := &ents[b[i]], &ents[b[j]]
				ra, rb := roots[b[i]], roots[b[j]]
				if ea.Source == eb.Source || ra == rb || !sameByFacts(ea, eb) {
					continue
				}
				links = append(links, link{min(ra, rb), max(ra, rb)})
			}
		}
	}
	slices.SortFunc(links, func(x, y link) int {
		if x.a != y.a {
			return int(x.a - y.a)
		}
		return int(x.b - y.b)
	})
	links = slices.Compact(links)
	partners := make(map[int32][]int32)
	for _, l := range links {
		partners[l.a] = append(partners[l.a], l.b)
		partners[l.b] = append(partners[l.b], l.a)
	}
	// unambiguous: no other name link of r reaches a group on a list that
	// the group o is on.
	unambiguous := func(r, o int32) bool {
		for _, x := range partners[r] {
			if x != o && srcs[x]&srcs[o] != 0 {
				return false
			}
		}
		return true
	}
	accepted := make(map[int32][]int32)
	st.alike = make(map[int32][]int32)
	for _, l := range links {
		if srcs[l.a]&srcs[l.b] == 0 && unambiguous(l.a, l.b) && unambiguous(l.b, l.a) {
			accepted[l.a] = append(accepted[l.a], l.b)
			accepted[l.b] = append(accepted[l.b], l.a)
			continue
		}
		for _, x := range members(l.a) {
			st.alike[x] = append(st.alike[x], members(l.b)...)
		}
		for _, x := range members(l.b) {
			st.alike[x] = append(st.alike[x], members(l.a)...)
		}
	}

	st.cluster = make([]int32, len(ents))
	for i := range st.cluster {
		st.cluster[i] = -1
	}
	for i := range ents {
		r := roots[i]
		if st.cluster[i] >= 0 || (len(members(r)) < 2 && len(accepted[r]) == 0) {
			continue
		}
		rel := slices.Clone(members(r))
		for _, o := range accepted[r] {
			rel = append(rel, members(o)...)
		}
		slices.Sort(rel)
		g := int32(len(st.members))
		st.members = append(st.members, slices.Compact(rel))
		for _, x := range members(r) {
			st.cluster[x] = g
		}
	}
}

func compatibleKinds(a, b *lists.Entity) bool {
	known := func(k lists.Kind) bool { return k != "" && k != lists.UnknownKind }
	return !known(a.Kind) || !known(b.Kind) || a.Kind == b.Kind
}

// sameByFacts decides whether two entities with the same strong name are
// the same: kinds compatible, no conflicting full date of birth, and for
// people a date of birth that agrees (or, when one list gives none, a
// nationality that agrees); for organisations and vessels, countries that do
// not exclude each other.
func sameByFacts(a, b *lists.Entity) bool {
	if !compatibleKinds(a, b) {
		return false
	}
	dobAgree, dobConflict := datesRelate(a.BirthDates, b.BirthDates)
	if dobConflict && !dobAgree {
		return false
	}
	ca, cb := entityCountries(a), entityCountries(b)
	countryAgree := false
	for _, c := range ca {
		if slices.Contains(cb, c) {
			countryAgree = true
		}
	}
	if a.Kind == lists.Person || b.Kind == lists.Person {
		if len(a.BirthDates) > 0 && len(b.BirthDates) > 0 {
			return dobAgree // both lists give a date: it must agree
		}
		return countryAgree
	}
	return countryAgree || len(ca) == 0 || len(cb) == 0
}

// datesRelate reports whether any pair of listed dates agrees at the
// precision both give, and whether any pair of full dates conflicts.
func datesRelate(as, bs []lists.Date) (agree, conflict bool) {
	for _, a := range as {
		if a.Year == 0 || a.Kind == lists.DateRange {
			continue
		}
		for _, b := range bs {
			if b.Year == 0 || b.Kind == lists.DateRange {
				continue
			}
			e := compareDate(partialDate{a.Year, a.Month, a.Day}, b)
			switch e.Effect {
			case "for":
				agree = true
			case "against":
				if e.Strong {
					conflict = true
				}
			}
		}
	}
	return agree, conflict
}

// related returns the entities resolved to the same person or
// organisation as entity i, entity i included (nil when it stands alone).
func (st *state) related(i int32) []int32 {
	if g := st.cluster[i]; g >= 0 {
		return st.members[g]
	}
	return nil
}
