package screening

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// Known good parties. A reviewer who dismisses a hit can record why for
// good: "this party is not that listed entity". Without it the same
// customer is held at every payment and every rescreen. The record names
// the party narrowly (the bank's customer id, or the exact normalised name
// with the date of birth), the entity, the reviewer, the reason and an
// expiry, and carries a fingerprint of the entity's screening-relevant
// data (names, dates of birth, nationalities, identifiers): when the
// listing changes (a new alias, a new date of birth) the record no longer
// applies and the party is held again, as it must be. Records live in the
// audit log (type known-good), so they are tamper-evident and shared by
// every instance that reads the log (LoadKnownGoods).

// TypeKnownGood is the audit record type of a known-good entry.
const TypeKnownGood = "known-good"

// KnownGood is one "party is not entity" record.
type KnownGood struct {
	ID string `json:"id"`
	// CustomerID is the bank's id of the party (Party.CustomerID); or,
	// when empty, Name and BirthDate identify it: the name exactly as
	// normalised (case, accents and punctuation ignored) and the date of
	// birth as written.
	CustomerID string `json:"customer_id,omitempty"`
	Name       string `json:"name,omitempty"`
	BirthDate  string `json:"dob,omitempty"`
	// EntityID is the listed entity the party is not, and Fingerprint the
	// hash of its screening-relevant data when the record was made.
	EntityID    string    `json:"entity_id"`
	Fingerprint string    `json:"entity_fingerprint"`
	Reviewer    string    `json:"reviewer"`
	Reason      string    `json:"reason"`
	DecisionID  string    `json:"decision_id,omitempty"` // the dismissed decision
	Created     time.Time `json:"created"`
	Expires     time.Time `json:"expires"`
}

// Known-good errors, for errors.Is.
var ErrKnownGoodInvalid = errors.New("screening: invalid known-good record")

// MaxKnownGoodAge bounds a record's life: a bank re-reviews its allowlist
// at least yearly (EBA/GL/2024/14 expects the screening set-up reviewed
// yearly).
const MaxKnownGoodAge = 366 * 24 * time.Hour

// KnownGoods holds the known-good records, safe for concurrent use.
type KnownGoods struct {
	mu       sync.RWMutex
	byEntity map[string][]KnownGood
}

// NewKnownGoods returns an empty set.
func NewKnownGoods() *KnownGoods { return &KnownGoods{byEntity: map[string][]KnownGood{}} }

// LoadKnownGoods reads the known-good records of an audit log. On an
// error it returns the records read before it with the error.
func LoadKnownGoods(ctx context.Context, recs iter.Seq2[audit.Record, error]) (*KnownGoods, error) {
	k := NewKnownGoods()
	for rec, err := range recs {
		if err != nil {
			return k, fmt.Errorf("screening: loading known-good records: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return k, err
		}
		if rec.Type != TypeKnownGood {
			continue
		}
		var kg KnownGood
		if err := json.Unmarshal(rec.Body, &kg); err != nil {
			return k, fmt.Errorf("screening: loading known-good records: record %d: %w", rec.Seq, err)
		}
		k.add(kg)
	}
	return k, nil
}

// knownGoodsIn reads the known-good records of the logs the package
// knows how to read back: a file log (by its path) and a memory log.
func knownGoodsIn(ctx context.Context, l audit.Log) (*KnownGoods, error) {
	switch l := l.(type) {
	case *audit.FileLog:
		f, err := os.Open(l.Path())
		if err != nil {
			return NewKnownGoods(), fmt.Errorf("reading known-good records: %w", err)
		}
		defer f.Close()
		return LoadKnownGoods(ctx, audit.Records(f))
	case *audit.MemoryLog:
		return LoadKnownGoods(ctx, func(yield func(audit.Record, error) bool) {
			for _, r := range l.Records() {
				if !yield(r, nil) {
					return
				}
			}
		})
	}
	return NewKnownGoods(), nil
}

func (k *KnownGoods) add(kg KnownGood) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.byEntity[kg.EntityID] = append(k.byEntity[kg.EntityID], kg)
}

// All returns a copy of every record, by entity then creation.
func (k *KnownGoods) All() []KnownGood {
	k.mu.RLock()
	var out []KnownGood
	for _, l := range k.byEntity {
		out = append(out, l...)
	}
	k.mu.RUnlock()
	slices.SortFunc(out, func(a, b KnownGood) int {
		if c := strings.Compare(a.EntityID, b.EntityID); c != 0 {
			return c
		}
		return a.Created.Compare(b.Created)
	})
	return out
}

// find returns the record that says party p is not entity e, valid at now
// and made against the entity's current data.
func (k *KnownGoods) find(p *Party, e *lists.Entity, now time.Time) (KnownGood, bool) {
	if k == nil {
		return KnownGood{}, false
	}
	k.mu.RLock()
	l := k.byEntity[e.ID]
	k.mu.RUnlock()
	if len(l) == 0 {
		return KnownGood{}, false
	}
	fp := EntityFingerprint(e)
	cust := strings.TrimSpace(p.CustomerID)
	key := nameKey(p.Name)
	for i := len(l) - 1; i >= 0; i-- {
		kg := l[i]
		if kg.Fingerprint != fp || !now.Before(kg.Expires) || now.Before(kg.Created) {
			continue
		}
		switch {
		case kg.CustomerID != "":
			if kg.CustomerID == cust || slices.ContainsFunc(p.Documents, func(d Document) bool {
				return d.Type == "customer" && strings.TrimSpace(d.Number) == kg.CustomerID
			}) {
				return kg, true
			}
		case kg.Name != "" && nameKey(kg.Name) == key && strings.TrimSpace(kg.BirthDate) == strings.TrimSpace(p.BirthDate):
			return kg, true
		}
	}
	return KnownGood{}, false
}

// EntityFingerprint hashes the data of a listed entity that screening
// weighs: kind, names with their type and quality, dates and places of
// birth, nationalities, citizenships, documents, vessel identifiers,
// BICs and wallets. Programmes, remarks and addresses are left out: a new
// programme tag does not make a namesake the listed person.
func EntityFingerprint(e *lists.Entity) string {
	type nm struct {
		Full    string         `json:"f"`
		Type    lists.NameType `json:"t"`
		Quality lists.Quality  `json:"q"`
	}
	v := struct {
		Kind   lists.Kind            `json:"k"`
		Names  []nm                  `json:"n"`
		DOB    []lists.Date          `json:"d"`
		POB    []lists.Place         `json:"p"`
		Nat    []string              `json:"nat"`
		Cit    []string              `json:"cit"`
		Docs   []lists.Document      `json:"doc"`
		Vessel *lists.VesselInfo     `json:"v"`
		BICs   []string              `json:"bic"`
		Crypto []lists.CryptoAddress `json:"c"`
		Gender string                `json:"g"`
	}{Kind: e.Kind, DOB: e.BirthDates, POB: e.BirthPlaces, Nat: e.Nationalities, Cit: e.Citizenships, Docs: e.Documents, Vessel: e.Vessel, BICs: e.BICs, Crypto: e.Crypto, Gender: e.Gender}
	for _, n := range e.Names {
		v.Names = append(v.Names, nm{n.Full, n.Type, n.Quality})
	}
	b, _ := json.Marshal(v) // plain data: cannot fail
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// RecordKnownGood records that a party is not a listed entity, as of the
// snapshot in use: it checks the record (a reviewer, a reason, the party
// by customer id or by name and date of birth, an entity the snapshot
// holds, an expiry within MaxKnownGoodAge, and, when it names a decision
// and the Screener has Reviews, that the decision's case was dismissed), computes the entity's
// fingerprint, logs it (audit type known-good) and then honours it in
// every later decision of this Screener. Another instance reading the
// same log picks it up with LoadKnownGoods. An audit failure wraps
// ErrAuditLog and records nothing.
func (s *Screener) RecordKnownGood(ctx context.Context, kg KnownGood) (KnownGood, error) {
	if !s.ready() {
		return kg, ErrNoScreener
	}
	now := s.now().UTC()
	kg.Reviewer, kg.Reason = strings.TrimSpace(kg.Reviewer), strings.TrimSpace(kg.Reason)
	kg.CustomerID, kg.Name, kg.BirthDate = strings.TrimSpace(kg.CustomerID), strings.TrimSpace(kg.Name), strings.TrimSpace(kg.BirthDate)
	switch {
	case kg.Reviewer == "" || kg.Reason == "":
		return kg, fmt.Errorf("%w: reviewer and reason are required", ErrKnownGoodInvalid)
	case kg.CustomerID == "" && (nameKey(kg.Name) == "" || kg.BirthDate == ""):
		return kg, fmt.Errorf("%w: the party needs a customer id, or a name and a date of birth", ErrKnownGoodInvalid)
	case !kg.Expires.After(now) || kg.Expires.Sub(now) > MaxKnownGoodAge:
		return kg, fmt.Errorf("%w: expiry %s must be after now and within %s", ErrKnownGoodInvalid, kg.Expires.Format(time.DateOnly), MaxKnownGoodAge)
	}
	if kg.DecisionID != "" && s.reviews != nil {
		// Recorded from a review: only a dismissed case may say so.
		c, ok, err := s.reviews.Case(ctx, kg.DecisionID)
		if err != nil {
			return kg, fmt.Errorf("screening: known-good: review of %s: %w", kg.DecisionID, err)
		}
		if !ok || c.Status != StatusResolved || c.Outcome != Clear {
			return kg, fmt.Errorf("%w: decision %s is not a dismissed review case", ErrKnownGoodInvalid, kg.DecisionID)
		}
	}
	st := s.cur.Load()
	ei, ok := st.byID[kg.EntityID]
	if !ok {
		return kg, fmt.Errorf("%w: entity %q is not in the snapshot in use", ErrKnownGoodInvalid, kg.EntityID)
	}
	kg.Fingerprint = EntityFingerprint(&st.snap.Entities[ei])
	kg.Created = now
	var b [6]byte
	_, _ = rand.Read(b[:])
	kg.ID = "kg-" + now.Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
	if _, err := s.log.Append(ctx, TypeKnownGood, kg); err != nil {
		return kg, notLogged(ctx, "known-good "+kg.ID, err)
	}
	s.known.add(kg)
	return kg, nil
}

// KnownGoods returns the known-good records the Screener honours.
func (s *Screener) KnownGoods() *KnownGoods { return s.known }

// applyKnownGood clears the hits that a known-good record covers: each
// keeps its place in the party's hits, with outcome CLEAR and flag
// KNOWN_FALSE_POSITIVE naming the record; the party and the decision take
// the outcome of what is left.
func (s *Screener) applyKnownGood(st *state, d *Decision, now time.Time) {
	if s.known == nil {
		return
	}
	s.known.mu.RLock()
	empty := len(s.known.byEntity) == 0
	s.known.mu.RUnlock()
	if empty {
		return
	}
	changed := false
	for pi := range d.Parties {
		pr := &d.Parties[pi]
		if isFreeTextRole(pr.Role) {
			continue
		}
		hit := false
		for hi := range pr.Hits {
			h := &pr.Hits[hi]
			ei, ok := st.byID[h.EntityID]
			if !ok || h.Outcome == Clear {
				continue
			}
			kg, ok := s.known.find(&pr.Party, &st.snap.Entities[ei], now)
			if !ok {
				continue
			}
			f := Flag{Code: FlagKnownFalsePositive, Reason: fmt.Sprintf("%s: %s recorded on %s that this party is not %s: %s (expires %s)",
				kg.ID, kg.Reviewer, kg.Created.Format(time.DateOnly), kg.EntityID, kg.Reason, kg.Expires.Format(time.DateOnly))}
			h.Flags = append(h.Flags, f)
			h.Outcome, h.Reason = Clear, "known false positive ("+kg.ID+"): "+h.Reason
			pr.Flags = append(pr.Flags, f)
			hit, changed = true, true
		}
		if !hit {
			continue
		}
		pr.Outcome = Clear
		if partyUnreadable(pr) {
			pr.Outcome = Hold
		}
		for _, h := range pr.Hits {
			if h.Outcome.Severity() > pr.Outcome.Severity() {
				pr.Outcome = h.Outcome
			}
		}
	}
	if !changed {
		return
	}
	d.Outcome = Clear
	if d.HasFlag(FlagUnreadableInput) {
		d.Outcome = Hold
	}
	var refs []string
	for _, pr := range d.Parties {
		if pr.Outcome.Severity() > d.Outcome.Severity() {
			d.Outcome = pr.Outcome
		}
		for _, f := range pr.Flags {
			if f.Code == FlagKnownFalsePositive {
				refs = append(refs, strings.SplitN(f.Reason, ":", 2)[0])
			}
		}
	}
	d.Flags = append(d.Flags, Flag{Code: FlagKnownFalsePositive, Reason: "hits cleared by known-good records " + strings.Join(slices.Compact(refs), ", ")})
}
