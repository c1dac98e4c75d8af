package rescreen

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// Change is the kind of change reported for a customer.
type Change string

// The changes, most urgent first.
const (
	NewHit   Change = "new-hit"  // a hit on an added entity, or a new hit on a changed one
	Changed  Change = "changed"  // same entity, the outcome moved
	Delisted Change = "delisted" // the old hit's entity was removed: release needs a review
)

func (c Change) rank() int {
	switch c {
	case NewHit:
		return 3
	case Changed:
		return 2
	case Delisted:
		return 1
	}
	return 0
}

// RecordType is the audit record type written after the decision of every
// reported customer: what changed and why, with both snapshots.
const RecordType = "rescreen"

// ErrDifferentSources is returned by New when the two snapshots do not
// hold the same lists: comparing an OFAC file with a UN file would report
// every customer of the one as delisted and of the other as new.
var ErrDifferentSources = errors.New("rescreen: the old and new snapshots are not of the same lists")

// Options configure a Rescreener.
type Options struct {
	// Policy is the bank's policy, as for screening.New.
	Policy screening.Policy
	// Log receives the new snapshot's lists-loaded record, the decision
	// and rescreen record of every reported customer, and the held
	// decision of every customer that cannot be read. Required.
	Log audit.Log
	// KnownGoods are the "party is not entity X" records to honour, read
	// from the audit store with screening.LoadKnownGoods (Log is wrapped,
	// so screening.New cannot read them from it). Nil: none.
	KnownGoods *screening.KnownGoods
	// Now returns the decision time; time.Now if nil.
	Now func() time.Time
	// Logger receives operational messages; slog.Default() if nil.
	Logger *slog.Logger
}

// Customer is one customer of the bank's book.
type Customer struct {
	ID    string          // the bank's own id, echoed in the result
	Party screening.Party // as for screening.Screen
	// Unreadable, if not empty, says why the customer's record could not
	// be read completely (a malformed input line): the customer is held
	// with that reason, what could be read screened with it.
	Unreadable string
	// Seq is the caller's own position for the customer (an input line),
	// echoed in the result.
	Seq int64
}

// HitChange is one entity behind a customer's change.
type HitChange struct {
	Change Change `json:"change"`
	// Hit is the hit in the new snapshot, or, when there is none (the
	// entity was removed, or no longer matches), the hit in the old one.
	Hit        screening.Hit     `json:"hit"`
	OldOutcome screening.Outcome `json:"old_outcome,omitempty"` // "" when the old snapshot had no hit on it
	NewOutcome screening.Outcome `json:"new_outcome,omitempty"` // "" when the new snapshot has none
}

// Result is the outcome of rescreening one customer.
type Result struct {
	ID  string
	Seq int64
	// Screened: a delta index found a candidate, and the customer was
	// screened in full against both snapshots.
	Screened bool
	// Change is the most urgent change of the customer's hits, or "" when
	// nothing changed for it.
	Change Change
	// Hits are the entity hits that changed, most urgent first.
	Hits []HitChange
	// Outcome is the outcome of the customer's new decision, over every
	// entity of the new snapshot; set when the customer was reported or
	// held.
	Outcome screening.Outcome
	// Decision is the new decision as logged, when Change is set or the
	// customer was held as unreadable.
	Decision *screening.Decision
	// Flags are INPUT_FIELD_INVALID flags for fields that could not be
	// read (the name was screened without them), change or not.
	Flags []screening.Flag
	// Unreadable says why the customer was held (the record or the name
	// could not be read): its decision is a logged HOLD.
	Unreadable string
}

// Reportable reports whether the result says anything: a change, a held
// customer or a field that could not be read.
func (r *Result) Reportable() bool {
	return r.Change != "" || r.Unreadable != "" || len(r.Flags) > 0
}

// Rescreener rescreens customers against the change between two
// snapshots. Build it once per pair of snapshots; it is safe for
// concurrent use.
type Rescreener struct {
	old, new       *screening.Screener
	sub            *screening.Subset // the delta: both sides in one index
	nOld, nNew     int
	delta          Delta
	added, removed map[string]bool
	both           map[string]bool // Material and Relinked
	log            audit.Log
	oldSources     []lists.Provenance
	newSources     []lists.Provenance
}

// Delta is what the Rescreener indexes.
type Delta struct {
	lists.Changes
	// Material are the changed ids whose change can move a decision.
	Material []string `json:"material"`
	// Relinked are ids in both snapshots, not materially changed, whose
	// entities resolved to them on other lists changed.
	Relinked []string `json:"relinked"`
}

// immaterial are the entity fields (lists.Change names) screening does not
// read: a change to them alone cannot move a decision. Everything else a
// Diff can name is material, so a field screening starts to read is
// material until it is listed here.
var immaterial = map[string]bool{
	"titles": true, "listed": true, "remarks": true, "emails": true, "websites": true,
	"linked_to": true, "established": true, "eu_reference": true, "list_type": true,
}

// Material reports whether a change can move a screening decision.
func Material(c lists.Change) bool {
	return slices.ContainsFunc(c.Fields, func(f string) bool { return !immaterial[f] })
}

// New builds the Rescreener: a Screener over each snapshot (the old one
// logs nothing), the delta, and its two indexes. The snapshots must hold
// the same sources (ErrDifferentSources).
func New(ctx context.Context, old, cur *lists.Snapshot, opts Options) (*Rescreener, error) {
	if old == nil || cur == nil {
		return nil, errors.New("rescreen: New: nil snapshot")
	}
	if opts.Log == nil {
		return nil, errors.New("rescreen: New: Options.Log is required (every change must be logged)")
	}
	if err := sameSources(old, cur); err != nil {
		return nil, err
	}
	known := opts.KnownGoods
	if known == nil {
		known = screening.NewKnownGoods()
	}
	so := screening.Options{Policy: opts.Policy, Now: opts.Now, Logger: opts.Logger, MaxListDrop: -1, KnownGoods: known}
	so.Log = discard{}
	oldS, err := screening.New(ctx, old, so)
	if err != nil {
		return nil, fmt.Errorf("rescreen: old snapshot: %w", err)
	}
	so.Log = gate{opts.Log}
	newS, err := screening.New(ctx, cur, so)
	if err != nil {
		return nil, fmt.Errorf("rescreen: new snapshot: %w", err)
	}
	r := &Rescreener{old: oldS, new: newS, log: opts.Log, oldSources: old.Sources, newSources: cur.Sources,
		added: map[string]bool{}, removed: map[string]bool{}, both: map[string]bool{}}
	r.delta.Changes = lists.Diff(old, cur)
	material := map[string]bool{}
	for _, c := range r.delta.Changed {
		if Material(c) {
			material[c.ID] = true
			r.delta.Material = append(r.delta.Material, c.ID)
		}
	}
	for _, id := range r.delta.Added {
		r.added[id] = true
	}
	for _, id := range r.delta.Removed {
		r.removed[id] = true
	}
	for i := range cur.Entities {
		id := cur.Entities[i].ID
		if r.added[id] || material[id] {
			continue
		}
		if !slices.Equal(oldS.Related(id), newS.Related(id)) {
			r.delta.Relinked = append(r.delta.Relinked, id)
		}
	}
	slices.Sort(r.delta.Relinked)
	both := slices.Concat(r.delta.Material, r.delta.Relinked)
	for _, id := range both {
		r.both[id] = true
	}
	var ents []lists.Entity
	pick := func(s *lists.Snapshot, ids []string) int {
		n := 0
		for _, id := range ids {
			if e, ok := s.Entity(id); ok {
				ents = append(ents, *e)
				n++
			}
		}
		return n
	}
	r.nOld = pick(old, slices.Concat(r.delta.Removed, both))
	r.nNew = pick(cur, slices.Concat(r.delta.Added, both))
	r.sub = newS.Subset(ents)
	return r, nil
}

// sameSources checks that both snapshots hold the same lists: the same
// set of sources, and for each source entities mostly in common (ids are
// stable across editions of one list; OFAC's SDN and consolidated lists
// share a source but hardly an id).
func sameSources(old, cur *lists.Snapshot) error {
	set := func(s *lists.Snapshot) []string {
		var out []string
		for _, p := range s.Sources {
			out = append(out, string(p.Source))
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	a, b := set(old), set(cur)
	if !slices.Equal(a, b) {
		return fmt.Errorf("%w: old holds %s, new holds %s", ErrDifferentSources, orNone(a), orNone(b))
	}
	type count struct{ old, cur, both int }
	counts := map[lists.Source]*count{}
	get := func(src lists.Source) *count {
		if counts[src] == nil {
			counts[src] = &count{}
		}
		return counts[src]
	}
	for i := range old.Entities {
		get(old.Entities[i].Source).old++
	}
	for i := range cur.Entities {
		e := &cur.Entities[i]
		c := get(e.Source)
		c.cur++
		if _, ok := old.Entity(e.ID); ok {
			c.both++
		}
	}
	for _, src := range a {
		c := get(lists.Source(src))
		if n := min(c.old, c.cur); n > 0 && c.both*2 < n {
			return fmt.Errorf("%w: %s: only %d of %d and %d entities in common, not two editions of one list", ErrDifferentSources, src, c.both, c.old, c.cur)
		}
	}
	return nil
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "no source"
	}
	return strings.Join(s, "+")
}

// Delta returns what changed between the snapshots and what is indexed.
func (r *Rescreener) Delta() Delta { return r.delta }

// Indexed returns the number of entities indexed on the old and the new
// side.
func (r *Rescreener) Indexed() (before, after int) { return r.nOld, r.nNew }

// Check rescreens one customer. Most customers cost one probe of the
// delta index and are not screened further. An error is the audit log's
// (wrapping screening.ErrAuditLog) or the context's: the customer was not
// rescreened and the run must stop.
func (r *Rescreener) Check(ctx context.Context, c Customer) (Result, error) {
	res := Result{ID: c.ID, Seq: c.Seq}
	if c.Unreadable != "" {
		return r.hold(ctx, res, c, c.Unreadable)
	}
	if strings.TrimSpace(c.Party.Name) == "" && !hasIdentifier(&c.Party) {
		return r.hold(ctx, res, c, "no name to screen")
	}
	pr, err := r.sub.Probe(c.Party)
	if err != nil {
		return r.hold(ctx, res, c, err.Error())
	}
	res.Flags = pr.Flags
	if pr.Unreadable != "" {
		return r.hold(ctx, res, c, pr.Unreadable)
	}
	if !pr.Candidate {
		return res, nil
	}
	res.Screened = true
	dry := context.WithValue(ctx, dryKey{}, true)
	dn, err := r.new.Screen(dry, c.Party)
	if err != nil {
		return res, fmt.Errorf("rescreen: customer %s: %w", c.ID, err)
	}
	// The old snapshot can only give a hit on an entity of the delta's
	// old side (removed, or in both) if the probe found one; a customer
	// found on added entities alone needs no old screen.
	var do screening.Decision
	if slices.ContainsFunc(pr.Entities, func(id string) bool { return !r.added[id] }) {
		if do, err = r.old.Screen(dry, c.Party); err != nil {
			return res, fmt.Errorf("rescreen: customer %s: %w", c.ID, err)
		}
	}
	res.Hits = r.compare(hitsOf(&do), hitsOf(&dn))
	if len(res.Hits) == 0 {
		return res, nil
	}
	res.Change = res.Hits[0].Change
	res.Outcome = dn.Outcome
	if err := r.record(ctx, &dn, &res); err != nil {
		return Result{}, err
	}
	return res, nil
}

func hasIdentifier(p *screening.Party) bool {
	return len(p.Documents) > 0 || p.BIC != "" || p.Crypto != "" || len(p.Owned) > 0
}

func hitsOf(d *screening.Decision) []screening.Hit {
	if len(d.Parties) == 0 {
		return nil
	}
	return d.Parties[0].Hits
}

// compare classifies the hits on delta entities, most urgent first.
func (r *Rescreener) compare(old, cur []screening.Hit) []HitChange {
	var out []HitChange
	oldBy := map[string]*screening.Hit{}
	for i := range old {
		oldBy[old[i].EntityID] = &old[i]
	}
	seen := map[string]bool{}
	for i := range cur {
		h := &cur[i]
		seen[h.EntityID] = true
		o := oldBy[h.EntityID]
		switch {
		case o == nil && knownFalsePositive(h):
			// A reviewer recorded that the customer is not this entity,
			// and the entity has not changed since: nothing to review.
		case r.added[h.EntityID] || o == nil && r.inDelta(h.EntityID):
			hc := HitChange{Change: NewHit, Hit: *h, NewOutcome: h.Outcome}
			if o != nil {
				hc.OldOutcome = o.Outcome
			}
			out = append(out, hc)
		case o != nil && o.Outcome != h.Outcome:
			out = append(out, HitChange{Change: Changed, Hit: *h, OldOutcome: o.Outcome, NewOutcome: h.Outcome})
		}
	}
	for i := range old {
		h := &old[i]
		switch {
		case seen[h.EntityID]:
		case r.removed[h.EntityID]:
			out = append(out, HitChange{Change: Delisted, Hit: *h, OldOutcome: h.Outcome})
		case r.inDelta(h.EntityID):
			// Still listed, changed, and no longer a hit: HOLD or FREEZE
			// to CLEAR.
			out = append(out, HitChange{Change: Changed, Hit: *h, OldOutcome: h.Outcome, NewOutcome: screening.Clear})
		}
	}
	slices.SortStableFunc(out, func(a, b HitChange) int { return b.Change.rank() - a.Change.rank() })
	return out
}

// knownFalsePositive reports whether a hit was cleared by a known-good
// record (screening.KnownGood).
func knownFalsePositive(h *screening.Hit) bool {
	return h.Outcome == screening.Clear && h.HasFlag(screening.FlagKnownFalsePositive)
}

// inDelta reports whether an entity in both snapshots is indexed: a hit
// on an entity outside the delta cannot have changed.
func (r *Rescreener) inDelta(id string) bool {
	return r.both[id]
}

// hold records a customer that cannot be read as a held decision.
func (r *Rescreener) hold(ctx context.Context, res Result, c Customer, why string) (Result, error) {
	ref := "rescreen customer " + c.ID
	d, err := r.new.Unreadable(ctx, ref, c.Party, why)
	if err != nil {
		return Result{}, fmt.Errorf("rescreen: customer %s: %w", c.ID, err)
	}
	res.Unreadable, res.Outcome, res.Decision = why, d.Outcome, &d
	return res, nil
}

// Record is the body of a rescreen audit record.
type Record struct {
	Customer   string             `json:"customer"`
	Decision   string             `json:"decision"` // the id of the decision record before it
	Change     Change             `json:"change"`
	Outcome    screening.Outcome  `json:"outcome"`
	Hits       []HitChange        `json:"hits"`
	OldSources []lists.Provenance `json:"old_sources"`
	NewSources []lists.Provenance `json:"new_sources"`
}

// record logs a reported customer's decision and its rescreen record.
func (r *Rescreener) record(ctx context.Context, d *screening.Decision, res *Result) error {
	rec, err := r.log.Append(ctx, audit.TypeDecision, d)
	if err != nil {
		return fmt.Errorf("rescreen: customer %s: %w: %w", res.ID, screening.ErrAuditLog, err)
	}
	d.AuditSeq, d.AuditHash = rec.Seq, rec.Hash
	body := Record{Customer: res.ID, Decision: d.ID, Change: res.Change, Outcome: d.Outcome, Hits: res.Hits,
		OldSources: r.oldSources, NewSources: r.newSources}
	if _, err := r.log.Append(ctx, RecordType, &body); err != nil {
		return fmt.Errorf("rescreen: customer %s: %w: %w", res.ID, screening.ErrAuditLog, err)
	}
	res.Decision = d
	return nil
}

// dryKey marks a context whose decisions the gate does not log: the full
// screens of candidates, most of which change nothing. Only the decisions
// of reported customers are logged, by record.
type dryKey struct{}

// gate passes records to the bank's log except those appended under a dry
// context.
type gate struct{ log audit.Log }

func (g gate) Append(ctx context.Context, typ string, body any) (audit.Record, error) {
	if ctx.Value(dryKey{}) != nil {
		return audit.Record{}, nil
	}
	return g.log.Append(ctx, typ, body)
}

// discard is the old Screener's log: nothing it decides is acted on.
type discard struct{}

func (discard) Append(context.Context, string, any) (audit.Record, error) { return audit.Record{}, nil }
