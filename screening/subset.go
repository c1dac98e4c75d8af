package screening

import (
	"slices"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/lists"
)

// Subset finds the parties that could have a hit on a few entities of a
// Screener's snapshot, at a fraction of the cost of screening them: the
// candidate search Screen runs (fuzzy index, exact name key, identifiers,
// owners), over an index of those entities only. Rescreening a customer
// book after a list change uses it to pass over the customers the change
// cannot concern, and to screen in full only the few it may.
//
// It never misses a party Screen would hit on one of the entities: name
// scores do not depend on what else is indexed (token rarity is a static
// table, see fuzzy/weights.go), fuzzy retrieval finds every name that
// scores at or above the near-miss threshold, and an index of fewer names
// returns any one of them sooner, not later. It may say yes to a party
// whose candidate then scores below the hold threshold: Screen decides.
// Safe for concurrent use.
type Subset struct {
	st     *state
	pol    Policy
	screen *Screener
}

// Subset builds a Subset over the given entities with s's policy. They
// need not be in s's snapshot: rescreening puts the entities of two
// snapshots of the same lists in one Subset (those removed and those
// added, and both versions of those changed), so that a customer's name
// is read once. An empty Subset matches no one.
func (s *Screener) Subset(ents []lists.Entity) *Subset {
	if !s.ready() {
		return &Subset{st: buildState(lists.NewSnapshot(nil, nil, time.Time{}), 0), screen: s}
	}
	cur := s.cur.Load()
	sub := lists.NewSnapshot(slices.Clone(ents), cur.snap.Sources, cur.snap.Loaded)
	return &Subset{st: buildState(sub, 0), pol: s.pol, screen: s}
}

// Len returns the number of entities in the Subset.
func (f *Subset) Len() int { return len(f.st.snap.Entities) }

// Probe is what a Subset found out about a party without screening it.
type Probe struct {
	// Candidate: the party may have a hit on an entity of the Subset;
	// screen it.
	Candidate bool
	// Entities are the ids of the Subset's entities it may have a hit
	// on; a full screen can hit no other entity of the Subset.
	Entities []string
	// Unreadable, if not empty, says why the party's name cannot be read
	// (no letter or digit): Screen would hold it.
	Unreadable string
	// Flags are FlagInputFieldInvalid flags for secondary fields (date
	// of birth, country, kind, gender) that cannot be read, as Screen
	// would raise them.
	Flags []Flag
}

// Probe checks one party. An error wraps ErrInvalidParty, as Screen's
// would for the same party.
func (f *Subset) Probe(p Party) (Probe, error) {
	var pr Probe
	if !f.screen.ready() {
		return pr, ErrNoScreener
	}
	in, err := checkParty(&p, false, f.screen.now())
	if err != nil {
		return pr, err
	}
	pr.Flags = in.flags
	if why := unreadableName(p.Name); why != "" {
		pr.Unreadable = why
	}
	pr.Entities = f.candidates(&p, in.kind)
	pr.Candidate = len(pr.Entities) > 0
	return pr, nil
}

// candidates mirrors the candidate gathering of screenParty: the
// entities of the name records the index or the exact key finds, and of
// the identifiers and owners listed.
func (f *Subset) candidates(p *Party, kind lists.Kind) []string {
	st := f.st
	if len(st.snap.Entities) == 0 {
		return nil
	}
	var out []string
	add := func(ei int32) {
		if id := st.snap.Entities[ei].ID; !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	if name := strings.TrimSpace(p.Name); name != "" && unreadableName(p.Name) == "" {
		var buf [8]fuzzy.Match
		// Every record at or above the threshold (screenParty keeps the
		// best Policy.Candidates of the whole index; any of these may be
		// among them).
		for _, m := range st.ix.Search(name, MatchKind(kind), len(st.names), f.pol.NearMissThreshold, buf[:0]) {
			add(st.names[m.ID].ent)
		}
		for _, id := range st.exact[nameKey(name)] {
			add(st.names[id].ent)
		}
	}
	var keys []string
	for _, doc := range p.Documents {
		if n := normNumber(doc.Number); len(n) >= minIdentifierLn {
			keys = append(keys, "doc:"+n)
		}
	}
	if b := normBIC(p.BIC); b != "" {
		keys = append(keys, "bic:"+b)
	}
	if w := normCrypto(p.Crypto); len(w) >= minIdentifierLn {
		keys = append(keys, "crypto:"+w)
	}
	for _, k := range keys {
		for _, ei := range st.ids[k] {
			add(ei)
		}
	}
	for _, id := range p.Owned {
		if ei, ok := st.byID[id]; ok {
			add(ei)
		}
	}
	return out
}

// Related returns the ids of the entities of s's current snapshot resolved
// to the same person or organisation as the entity id on other lists (the
// Related field of a hit on it), sorted; nil when it stands alone or is not
// in the snapshot. A change to one list can change what a hit on another
// list's entity says (a new UN counterpart makes an OFAC hit multilateral),
// so rescreening compares these between two snapshots.
func (s *Screener) Related(id string) []string {
	if !s.ready() {
		return nil
	}
	st := s.cur.Load()
	i, ok := st.byID[id]
	if !ok {
		return nil
	}
	var out []string
	for _, j := range st.related(i) {
		if j != i {
			out = append(out, st.snap.Entities[j].ID)
		}
	}
	slices.Sort(out)
	return out
}
