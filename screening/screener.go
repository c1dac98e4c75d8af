package screening

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// MatcherVersion names the matching algorithm in every decision record, so
// that an auditor can tell which rules produced a score.
const MatcherVersion = "freezeguard-screening/6 (fuzzy index with legal forms, cut names and brand rules, name parts and abjad consonants, word breaks and French readings, al-Din compounds, exact-key and identifier lookup, secondary-fact evidence with near-exact floor, non-transitive name resolution, free text and embargoed jurisdictions)"

// Options configure a Screener.
type Options struct {
	// Policy is the bank's policy; DefaultPolicy(JurisdictionUS) if zero.
	Policy Policy
	// Log receives every decision and every snapshot load. Required: a
	// decision is not acknowledged until it is logged.
	Log audit.Log
	// Reviews, if set, receives every HOLD decision for four-eyes review
	// (usually a *Reviews).
	Reviews ReviewQueue
	// KnownGoods are the "party is not entity" records to honour. If nil,
	// New reads them from Log when it is an *audit.FileLog or
	// *audit.MemoryLog (a scan of the log at start); other logs (a shared
	// store) pass them here, read with LoadKnownGoods. RecordKnownGood
	// adds to them.
	KnownGoods *KnownGoods
	// Now returns the decision time; time.Now if nil. Tests set it.
	Now func() time.Time
	// Logger receives operational messages; slog.Default() if nil.
	Logger *slog.Logger
	// MaxListDrop is the largest share of a source's entities a Reload may
	// lose against the snapshot in use (0 means DefaultMaxListDrop;
	// negative: no check). A list cut short must not replace a complete
	// one; ReloadForce takes it anyway.
	MaxListDrop float64
}

// DefaultMaxListDrop: real lists shrink by a few delistings at a time.
const DefaultMaxListDrop = 0.05

// ErrListShrunk is wrapped by Reload's error when a source of the new
// snapshot holds far fewer entities than the one in use, or is missing.
var ErrListShrunk = errors.New("screening: new snapshot holds far fewer entities than the one in use")

// Screener screens parties and payments against one snapshot of the lists.
// It is safe for concurrent use; Reload swaps the snapshot atomically while
// decisions are in flight, and every decision names the snapshot it used.
type Screener struct {
	pol     Policy
	log     audit.Log
	reviews ReviewQueue
	known   *KnownGoods
	now     func() time.Time
	logger  *slog.Logger
	maxDrop float64

	cur      atomic.Pointer[state]
	reloadMu sync.Mutex // serialises Reload so generations increase in order
	bufs     sync.Pool  // *[]fuzzy.Match
}

// ListsLoaded is the body of the audit record written when a snapshot is
// loaded: decisions refer to it by generation.
type ListsLoaded struct {
	Generation uint64             `json:"generation"`
	Loaded     time.Time          `json:"loaded"`
	Sources    []lists.Provenance `json:"sources"`
	Entities   int                `json:"entities"`
	Names      int                `json:"names"`
	Resolved   int                `json:"resolved_groups"` // cross-list groups found
	Matcher    string             `json:"matcher"`
	Policy     Policy             `json:"policy"`
}

// New builds a Screener over snap and logs a lists-loaded record.
func New(ctx context.Context, snap *lists.Snapshot, opts Options) (*Screener, error) {
	if opts.Log == nil {
		return nil, errors.New("screening: New: Options.Log is required (every decision must be logged)")
	}
	if opts.Policy.Jurisdiction == "" {
		opts.Policy = DefaultPolicy(JurisdictionUS)
	}
	if err := opts.Policy.Validate(); err != nil {
		return nil, fmt.Errorf("screening: New: %w", err)
	}
	s := &Screener{pol: opts.Policy.clone(), log: opts.Log, reviews: opts.Reviews, now: opts.Now, logger: opts.Logger, maxDrop: opts.MaxListDrop}
	if r, ok := s.reviews.(*Reviews); ok && r == nil {
		s.reviews = nil // a nil *Reviews means no review, not a queue to call
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.logger == nil {
		s.logger = slog.Default()
	}
	if s.known = opts.KnownGoods; s.known == nil {
		// A log that cannot be read back to its end (a broken record)
		// still gives the records before the break: they only clear hits
		// a reviewer dismissed, and screening must not stop for it.
		k, err := knownGoodsIn(ctx, opts.Log)
		if err != nil {
			s.logger.Warn("screening: known-good records read only up to an unreadable record", "err", err, "records", len(k.All()))
		}
		s.known = k
	}
	s.bufs.New = func() any { b := make([]fuzzy.Match, 0, 64); return &b }
	if err := s.Reload(ctx, snap); err != nil {
		return nil, err
	}
	return s, nil
}

// Policy returns a copy of the policy the Screener applies; changing it
// changes nothing for the Screener.
func (s *Screener) Policy() Policy { return s.pol.clone() }

// Snapshot returns the snapshot decisions currently use (nil for a
// Screener not made by New).
func (s *Screener) Snapshot() *lists.Snapshot {
	if !s.ready() || s.cur.Load() == nil {
		return nil
	}
	return s.cur.Load().snap
}

// Generation returns the current snapshot generation (1 after New, 0 for
// a Screener not made by New).
func (s *Screener) Generation() uint64 {
	if !s.ready() || s.cur.Load() == nil {
		return 0
	}
	return s.cur.Load().gen
}

// ready reports whether s was made by New: the zero Screener has nothing
// to decide with, and its methods return ErrNoScreener or zero values
// rather than panic.
func (s *Screener) ready() bool { return s != nil && s.now != nil }

// Reload builds the index for snap and swaps it in. Decisions in flight
// finish on the snapshot they started with. The lists-loaded record is
// logged before the swap, so every decision's generation is in the log
// before the decision; if the log refuses it (ErrAuditLog), the old
// snapshot stays.
//
// Reload refuses (ErrListShrunk) a snapshot in which a source of the one in
// use is missing or has lost more than Options.MaxListDrop of its
// entities: a file cut short or the wrong file. ReloadForce takes it.
func (s *Screener) Reload(ctx context.Context, snap *lists.Snapshot) error {
	return s.reload(ctx, snap, false)
}

// ReloadForce is Reload without the shrink check, for a deliberate change
// of lists.
func (s *Screener) ReloadForce(ctx context.Context, snap *lists.Snapshot) error {
	return s.reload(ctx, snap, true)
}

func (s *Screener) reload(ctx context.Context, snap *lists.Snapshot, force bool) error {
	if !s.ready() {
		return ErrNoScreener
	}
	if snap == nil {
		return errors.New("screening: Reload: nil snapshot")
	}
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	var gen uint64 = 1
	if old := s.cur.Load(); old != nil {
		gen = old.gen + 1
		if !force {
			if err := s.checkShrink(old.snap, snap); err != nil {
				return err
			}
		}
	}
	st := buildState(snap, gen)
	body := ListsLoaded{
		Generation: gen, Loaded: snap.Loaded, Sources: st.ref.clone().Sources,
		Entities: len(snap.Entities), Names: len(st.names), Resolved: len(slices.DeleteFunc(slices.Clone(st.members), func(m []int32) bool { return m == nil })),
		Matcher: MatcherVersion, Policy: s.pol.clone(),
	}
	if _, err := s.log.Append(ctx, audit.TypeListsLoaded, body); err != nil {
		return notLogged(ctx, fmt.Sprintf("Reload: snapshot generation %d", gen), err)
	}
	s.cur.Store(st)
	s.logger.Info("screening: lists loaded", "generation", gen, "entities", len(snap.Entities), "names", len(st.names), "resolved_groups", body.Resolved)
	return nil
}

// checkShrink compares the entities per source of two snapshots.
func (s *Screener) checkShrink(old, cur *lists.Snapshot) error {
	drop := s.maxDrop
	if drop == 0 {
		drop = DefaultMaxListDrop
	}
	if drop < 0 {
		return nil
	}
	count := func(snap *lists.Snapshot) map[lists.Source]int {
		m := map[lists.Source]int{}
		for i := range snap.Entities {
			m[snap.Entities[i].Source]++
		}
		return m
	}
	before, after := count(old), count(cur)
	for src, n := range before {
		if float64(after[src]) < float64(n)*(1-drop) {
			return fmt.Errorf("%w: %s has %d entities, the snapshot in use %d (more than %.0f%% fewer): old snapshot kept (ReloadForce takes it)",
				ErrListShrunk, src, after[src], n, drop*100)
		}
	}
	return nil
}

// Screen screens one party and logs the decision. The party needs a name
// or an identifier (document, BIC, digital-currency address or owner).
//
// An error about the party wraps ErrInvalidParty: fix the input, do not
// retry. An error from the audit log wraps ErrAuditLog (and the log's
// error): the decision was not acknowledged and must not be acted on. A
// done context returns its error.
func (s *Screener) Screen(ctx context.Context, p Party) (Decision, error) {
	return s.decide(ctx, nil, []PaymentParty{{Party: p}}, "")
}

// Decide screens every party of a payment (and its free text) and logs one
// decision. The payment takes the most severe outcome of its parties. A
// party needs a name or an identifier, as for Screen, or else an address or
// a country: the message may name a party only by where it is.
//
// An error about the input wraps ErrInvalidPayment, and ErrInvalidParty too
// when one party is at fault (the error names it by index and path). An
// error from the audit log wraps ErrAuditLog, as for Screen.
func (s *Screener) Decide(ctx context.Context, pay Payment) (Decision, error) {
	parties := slices.Clone(pay.Parties)
	for i, t := range pay.Text {
		if strings.TrimSpace(t) != "" {
			parties = append(parties, PaymentParty{Role: FreeText, Path: fmt.Sprintf("text[%d]", i), Party: Party{Name: t}})
		}
	}
	return s.decide(ctx, &pay, parties, "")
}

// decide screens parties and logs one decision. unreadable, if not empty,
// says why the input could not be read completely: the decision is then
// held at least and flagged UNREADABLE_INPUT, and a party that cannot be
// screened is recorded as held instead of failing the decision, so that
// what was read still reaches the log and a reviewer.
func (s *Screener) decide(ctx context.Context, pay *Payment, parties []PaymentParty, unreadable string) (Decision, error) {
	if !s.ready() {
		return Decision{}, ErrNoScreener
	}
	if err := ctx.Err(); err != nil {
		return Decision{}, err
	}
	st := s.cur.Load()
	now := s.now().UTC()
	d := Decision{
		Time:     now,
		Outcome:  Clear,
		Snapshot: st.ref.clone(), // the decision is the caller's: it shares no memory with the Screener
		Matcher:  MatcherVersion,
		Policy:   s.pol.clone(),
		Parties:  make([]PartyResult, 0, len(parties)),
	}
	if pay != nil {
		// The header only: parties and free text are recorded, with role
		// and path, in Parties.
		hdr := *pay
		hdr.Parties, hdr.Text = nil, nil
		d.PaymentID = pay.ID
		d.Payment = &hdr
	}
	if len(parties) > maxParties {
		if unreadable == "" {
			return Decision{}, fmt.Errorf("screening: %w: %d parties and text lines, more than the %d allowed", ErrInvalidPayment, len(parties), maxParties)
		}
		unreadable += fmt.Sprintf("; %d parties and text lines, only the first %d recorded", len(parties), maxParties)
		parties = parties[:maxParties]
	}
	if unreadable != "" {
		d.Flags = append(d.Flags, Flag{Code: FlagUnreadableInput, Reason: "input could not be read completely: " + unreadable})
		d.Outcome = Hold
	}
	for i, pp := range parties {
		pr, err := s.screenParty(st, pp, pay != nil, now)
		if err != nil && unreadable != "" {
			pr = unscreenable(pp, err)
			err = nil
		}
		if err != nil {
			if pay == nil {
				return Decision{}, fmt.Errorf("screening: %w", err)
			}
			return Decision{}, fmt.Errorf("screening: %w: %s: %w", ErrInvalidPayment, partyWhere(i, pp), err)
		}
		if pr.Outcome.Severity() > d.Outcome.Severity() {
			d.Outcome = pr.Outcome
		}
		if unreadable == "" && !d.HasFlag(FlagUnreadableInput) && partyUnreadable(&pr) {
			d.Flags = append(d.Flags, Flag{Code: FlagUnreadableInput, Reason: "a party's name could not be read: " + partyWhere(i, pp)})
		}
		d.Parties = append(d.Parties, pr)
	}
	s.applyKnownGood(st, &d, now)
	if !s.pol.SkipEmbargo {
		s.checkEmbargo(&d, parties, pay, now)
	}
	d.ID = newDecisionID(now)
	s.finish(&d, now)
	rec, err := s.log.Append(ctx, audit.TypeDecision, &d)
	if err != nil {
		return Decision{}, notLogged(ctx, "decision "+d.ID, err)
	}
	d.AuditSeq, d.AuditHash = rec.Seq, rec.Hash
	if d.Outcome == Hold && s.reviews != nil {
		if err := s.reviews.Open(ctx, &d); err != nil {
			return d, fmt.Errorf("screening: decision %s: opening review: %w", d.ID, err)
		}
	}
	return d, nil
}

func newDecisionID(t time.Time) string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return t.Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}

// screenParty screens one party of a decision: free text through its
// windows (freetext.go), a party by its name and identifiers and, in a
// payment, by the windows of its address lines too.
func (s *Screener) screenParty(st *state, pp PaymentParty, inPayment bool, now time.Time) (PartyResult, error) {
	if inPayment && isFreeTextRole(pp.Role) {
		return s.screenFreeText(st, pp, now), nil
	}
	pr, err := s.screenName(st, pp, inPayment, now)
	if err != nil || !inPayment || s.pol.SkipFreeText || strings.TrimSpace(pp.Party.Address) == "" {
		return pr, err
	}
	for _, h := range s.freeTextHits(st, pp.Role, pp.Path, pp.Party.Address, "address", now) {
		if slices.ContainsFunc(pr.Hits, func(x Hit) bool { return x.EntityID == h.EntityID }) {
			continue
		}
		pr.Hits = append(pr.Hits, h)
		if h.Outcome.Severity() > pr.Outcome.Severity() {
			pr.Outcome = h.Outcome
		}
	}
	return pr, nil
}

// screenName screens a party by its name and identifiers.
func (s *Screener) screenName(st *state, pp PaymentParty, inPayment bool, now time.Time) (PartyResult, error) {
	p := pp.Party
	pr := PartyResult{Role: pp.Role, Path: pp.Path, Party: p, Outcome: Clear}
	in, err := checkParty(&p, inPayment, now)
	if err != nil {
		return pr, err
	}
	pr.Flags = in.flags
	// The evidence weighs the fields as read: one that could not be read
	// is left out (pr.Party keeps them as given).
	p.Kind, p.Gender = in.kind, in.gender
	pp.Party = p
	var cands []candidate
	get := func(ent int32) *candidate {
		for i := range cands {
			if cands[i].ent == ent {
				return &cands[i]
			}
		}
		cands = append(cands, candidate{ent: ent, strong: -1, fka: -1, weak: -1})
		return &cands[len(cands)-1]
	}

	var key string
	if why := unreadableName(p.Name); why != "" && pp.Role != FreeText {
		// Free text of only punctuation ("///", "-") names no one: there
		// is nothing to screen, and nothing was lost. A party's name is
		// another matter: the message says someone is there.
		pr.Outcome = Hold
		pr.Flags = append(pr.Flags, Flag{Code: FlagUnreadableInput, Reason: why})
	} else if name := strings.TrimSpace(p.Name); name != "" {
		bp := s.bufs.Get().(*[]fuzzy.Match)
		ms := st.ix.Search(name, MatchKind(p.Kind), s.pol.Candidates, s.pol.NearMissThreshold, (*bp)[:0])
		for _, m := range ms {
			if int(m.ID) < len(st.names) {
				get(st.names[m.ID].ent).offer(st, m.ID, m.Score)
			}
		}
		*bp = ms
		s.bufs.Put(bp)
		key = nameKey(name)
		for _, id := range st.exact[key] {
			get(st.names[id].ent).offer(st, id, 1)
		}
	}
	lookupIdentifiers(st, &p, get)
	for _, id := range p.Owned {
		if ei, ok := st.byID[id]; ok {
			get(ei).owned = true
		}
	}

	for i := range cands {
		h, isHit := s.evaluate(st, &pp, key, &in, &cands[i], now)
		if isHit {
			h.Programs = slices.Clone(h.Programs) // the snapshot's own slice: a Decision shares no memory with it
			// A reviewer of the hit sees that a field was given but not weighed.
			h.Flags = append(h.Flags, in.flags...)
			pr.Hits = append(pr.Hits, h)
			if h.Outcome.Severity() > pr.Outcome.Severity() {
				pr.Outcome = h.Outcome
			}
		} else if h.Score >= s.pol.NearMissThreshold || h.NameScore >= s.pol.NearMissThreshold {
			pr.NearMisses = append(pr.NearMisses, h)
		}
	}
	byScore := func(a, b Hit) int {
		if c := b.Outcome.Severity() - a.Outcome.Severity(); c != 0 {
			return c
		}
		if a.Score != b.Score {
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.EntityID, b.EntityID)
	}
	slices.SortFunc(pr.Hits, byScore)
	slices.SortFunc(pr.NearMisses, byScore)
	if len(pr.NearMisses) > s.pol.NearMisses {
		pr.NearMisses = pr.NearMisses[:s.pol.NearMisses]
	}
	for i := range pr.NearMisses {
		h := &pr.NearMisses[i]
		h.Programs = slices.Clone(h.Programs)
		explain(st, &p, key, h)
		h.Reason = fmt.Sprintf("score %.2f below the hold threshold %.2f", h.Score, s.pol.HoldThreshold)
	}
	return pr, nil
}
