package screening

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/lists"
)

func bodyOf(e *lists.Entity) lists.Body {
	for _, p := range e.Programs {
		if p.Body != "" {
			return p.Body
		}
	}
	switch e.Source {
	case lists.OFAC:
		return lists.BodyOFAC
	case lists.EU:
		return lists.BodyEU
	case lists.UN:
		return lists.BodyUNSC
	}
	return ""
}

// personalFact reports whether x is a fact about a person that lists often
// get wrong (date of birth, nationality, gender): evidence the near-exact
// floor bounds.
func personalFact(x Evidence) bool {
	return x.Effect == "against" && (x.Fact == "dob" || x.Fact == "country" || x.Fact == "gender")
}

// evaluate weighs one candidate entity and returns it as a Hit; the bool
// says whether it is a hit (at or above the hold threshold, an identifier
// match or an ownership link) rather than a near-miss.
func (s *Screener) evaluate(st *state, pp *PaymentParty, key string, in *partyInput, c *candidate, now time.Time) (Hit, bool) {
	e := &st.snap.Entities[c.ent]
	if !s.pol.screened(e.Source) {
		return Hit{}, false
	}
	p := &pp.Party
	h := Hit{
		EntityID: e.ID, Source: e.Source, Body: bodyOf(e), Kind: e.Kind, PrimaryName: e.PrimaryName(),
		Programs: e.Programs, UNReference: unReference(e), Binding: s.pol.binding(e.Source),
	}
	hold := s.pol.HoldThreshold
	pick, score := int32(-1), 0.0
	// weakOnly: the name match rests on a weak alias alone, whether the
	// alias scores a hit by itself or evidence lifts it into one below.
	weakOnly := false
	switch {
	case c.strong >= 0 && c.strongScore >= hold:
		pick, score = c.strong, c.strongScore
	case c.fka >= 0 && c.fkaScore >= hold:
		pick, score = c.fka, c.fkaScore
	case c.weak >= 0 && c.weakScore >= hold:
		pick, score, weakOnly = c.weak, c.weakScore, true
	default:
		for _, x := range []struct {
			id int32
			sc float64
		}{{c.strong, c.strongScore}, {c.fka, c.fkaScore}, {c.weak, c.weakScore}} {
			if x.id >= 0 && x.sc > score {
				pick, score = x.id, x.sc
			}
		}
		weakOnly = pick >= 0 && pick == c.weak
	}
	if pick >= 0 {
		r := st.names[pick]
		n := &e.Names[r.name]
		h.MatchedName, h.NameType, h.Quality, h.NameScore = n.Full, n.Type, n.Quality, score
		h.rec = pick + 1
		// The FREEZE and near-exact rules below read the token alignment;
		// other hits are explained once known to be hits, and near-misses
		// once the few kept are known.
		if score >= s.pol.FreezeThreshold {
			explain(st, p, key, &h)
		}
	}

	// Secondary facts.
	var ev []Evidence
	if x, ok := kindEvidence(in.kind, e); ok {
		ev = append(ev, x)
	}
	if x, ok := dobEvidence(in.dob, e.BirthDates); ok {
		ev = append(ev, x)
	}
	if x, ok := countryEvidence(in.country, e); ok {
		ev = append(ev, x)
	}
	if x, ok := genderEvidence(in.gender, e); ok {
		ev = append(ev, x)
	}
	if pick >= 0 && !weakOnly && c.weak >= 0 && c.weakScore >= hold {
		w := &e.Names[st.names[c.weak].name]
		ev = append(ev, Evidence{Fact: "weak-alias", Effect: "for", Weight: wWeakAliasAlso, Detail: fmt.Sprintf("weak alias %q also matches (may confirm, never found, a hit: OFAC FAQ 122)", w.Full)})
	}
	final, unfloored := h.NameScore, h.NameScore
	corroborated, strongAgainst := false, false
	var fors, againsts []string
	for _, x := range ev {
		final += x.Weight
		if !personalFact(x) {
			unfloored += x.Weight
		}
		switch x.Effect {
		case "for":
			if x.Fact == "dob" || x.Fact == "country" {
				corroborated = true
				fors = append(fors, x.Detail)
			}
		case "against":
			againsts = append(againsts, x.Detail)
			strongAgainst = strongAgainst || x.Strong
		}
	}
	ev = append(ev, c.ids...)
	if len(c.ids) > 0 {
		final = 1
		corroborated = true
	}
	if c.owned {
		ev = append(ev, Evidence{Fact: "ownership", Effect: "for", Detail: "the bank records this listed entity as an owner of the party (50% rule)"})
	}
	// The near-exact floor: dates of birth, nationalities and genders on
	// the lists are often wrong, so they alone never take a near-exact
	// match of a whole listed name below the hold threshold; a reviewer
	// decides. A kind mismatch still can (a vessel is not a person).
	nearExact := pick >= 0 && !weakOnly && h.NameScore >= s.pol.FreezeThreshold && len(h.Explanation.Unmatched) == 0
	floored := false
	if nearExact && final < hold && unfloored >= hold {
		final, floored = hold, true
	}
	h.Evidence = ev
	h.Score = clamp01(final)

	isHit := h.Score >= hold || len(c.ids) > 0 || c.owned
	h.Outcome, h.Reason = Hold, ""
	switch {
	case !isHit:
		h.Outcome = Clear // the reason is written once the near-misses kept are known
	case len(c.ids) > 0 && !strongAgainst:
		h.Outcome, h.Reason = Freeze, "exact identifier match: "+c.ids[0].Detail
	case len(c.ids) > 0:
		h.Reason = "identifier matches but evidence conflicts: " + strings.Join(againsts, "; ")
	case h.NameScore < hold && c.owned:
		h.Reason = "not listed itself; owned by a listed entity according to the bank's records: confirm the ownership share"
	case weakOnly:
		h.Reason = fmt.Sprintf("only a weak alias matches (%q): never an automatic freeze (OFAC FAQs 122-125)", h.MatchedName)
	case h.NameType == lists.FKA:
		h.Reason = fmt.Sprintf("matches a former name (%q) only", h.MatchedName)
	case floored:
		h.Reason = fmt.Sprintf("near-exact match (%.2f) on %q held for a reviewer although the evidence conflicts (lists carry wrong dates of birth): %s", h.NameScore, h.MatchedName, strings.Join(againsts, "; "))
	case strongAgainst:
		h.Reason = "name matches but evidence conflicts: " + strings.Join(againsts, "; ")
	case h.NameScore >= s.pol.FreezeThreshold && len(h.Explanation.Unmatched) > 0:
		// A high score with part of a name left over (a dropped surname, an
		// honorific) is not the near-exact match a freeze needs.
		h.Reason = fmt.Sprintf("high name score (%.2f) on %q but only part of the name matches (%s)", h.NameScore, h.MatchedName, unmatchedText(h.Explanation.Unmatched))
	case h.NameScore >= s.pol.FreezeThreshold && corroborated:
		h.Outcome, h.Reason = Freeze, fmt.Sprintf("near-exact match (%.2f) on strong name %q corroborated by %s", h.NameScore, h.MatchedName, strings.Join(fors, "; "))
	case h.NameScore >= s.pol.FreezeThreshold:
		h.Reason = fmt.Sprintf("near-exact match (%.2f) on %q with no date of birth, nationality or identifier to corroborate it", h.NameScore, h.MatchedName)
	default:
		h.Reason = fmt.Sprintf("plausible name match (%.2f) on %q", h.NameScore, h.MatchedName)
	}
	if h.Outcome == Freeze && !h.Binding {
		h.Outcome = Hold
		h.Reason = fmt.Sprintf("%s list is screened as risk, not binding under the %s policy: %s", e.Source, s.pol.Jurisdiction, h.Reason)
	}
	if !isHit {
		return h, false
	}
	explain(st, p, key, &h)
	for _, id := range st.related(c.ent) {
		if id != c.ent {
			h.Related = append(h.Related, st.snap.Entities[id].ID)
		}
	}
	h.Flags = s.flags(st, p, e, &h, weakOnly, corroborated, c, now)
	return h, true
}

// flags computes the oversight flags of a hit (docs/decisions.md).
func (s *Screener) flags(st *state, p *Party, e *lists.Entity, h *Hit, weakOnly, corroborated bool, c *candidate, now time.Time) []Flag {
	var fs []Flag
	add := func(code FlagCode, format string, args ...any) {
		fs = append(fs, Flag{Code: code, Reason: fmt.Sprintf(format, args...)})
	}
	progs := make([]lists.Program, len(e.Programs))
	for i, pg := range e.Programs {
		progs[i] = classified(e.Source, pg)
	}
	progRows := func(rows []programRow) (codes, cites []string) {
		for _, pg := range progs {
			if r := find(rows, e.Source, pg); r != nil && !slices.Contains(codes, pg.Code) {
				codes, cites = append(codes, pg.Code), append(cites, r.Citation)
			}
		}
		return codes, cites
	}

	// From the list data.
	if weakOnly {
		add(FlagWeakAliasOnly, "only the weak alias %q links the party to %s; OFAC FAQs 122-125: not a basis for a freeze on its own", h.MatchedName, e.ID)
	}
	if h.MatchedName != "" && !corroborated {
		if h.NameScore < 1 {
			add(FlagFuzzyMatchOnly, "name is not an exact match (%.2f) and no date of birth, document or nationality agrees", h.NameScore)
		}
		add(FlagNoSecondaryID, "no date of birth, identifier or nationality corroborates the name match")
	}
	if h.NameType == lists.FKA {
		add(FlagPreviousName, "matched %q, a former name (f.k.a.) no longer current", h.MatchedName)
	}
	if m := multilateral(st, e, c.ent); m != "" {
		add(FlagMultilateral, "%s", m)
	}
	if pub := st.published[e.Source]; s.pol.MaxListAge > 0 {
		if pub.IsZero() {
			add(FlagStaleListData, "the %s list states no publish date: it cannot be shown to be current", e.Source)
		} else if age := now.Sub(pub); age > s.pol.MaxListAge {
			add(FlagStaleListData, "the %s list was published %s, %d days before this decision (policy allows %d)", e.Source, pub.Format(time.DateOnly), int(age.Hours()/24), int(s.pol.MaxListAge.Hours()/24))
		}
	}
	add(FlagDelistingRoute, "%s", delistingRoute(e))

	// From the taxonomy (whether a programme is crime-based) and the
	// curated tables (what to cite).
	if codes, cites := crimeBased(e.Source, progs); len(codes) > 0 {
		add(FlagCrimeBased, "%s: crime-based programme, assets frozen without a conviction (%s)", strings.Join(codes, ", "), strings.Join(cites, "; "))
	}
	if codes, cites := progRows(tables.ForeignProceedings); len(codes) > 0 {
		add(FlagForeignProceedings, "%s: listing rests on proceedings in a third state (%s)", strings.Join(codes, ", "), strings.Join(cites, "; "))
	}
	if e.Source == lists.OFAC {
		if j := tables.blockingJurisdiction(s.pol.Jurisdiction); j != nil {
			if codes, cites := progRows(tables.BlockingStatute); len(codes) > 0 {
				add(FlagBlockingStatute, "%s under a %s policy: complying may itself be unlawful (%s; %s)", strings.Join(codes, ", "), s.pol.Jurisdiction, j.Citation, strings.Join(cites, "; "))
			}
		}
	}
	if codes, cites := progRows(tables.Political); len(codes) > 0 {
		add(FlagPolitical, "%s: programme open to political use (%s)", strings.Join(codes, ", "), strings.Join(cites, "; "))
	}
	if codes, _ := progRows(tables.ReviewCycles); len(codes) > 0 {
		for _, pg := range progs {
			if r := find(tables.ReviewCycles, e.Source, pg); r != nil {
				add(FlagReviewDue, "%s listings are reviewed every %d months%s (%s)", pg.Code, r.Months, nextRenewal(r, now), r.Citation)
				break
			}
		}
	}

	// From the bank's input.
	if e.Source == lists.OFAC && s.pol.Jurisdiction != JurisdictionUS {
		counterpart := false
		for _, id := range st.related(c.ent) {
			if src := st.snap.Entities[id].Source; src == lists.UN || src == lists.EU {
				counterpart = true
			}
		}
		if !counterpart && h.UNReference == "" {
			_, haveUN := st.published[lists.UN]
			_, haveEU := st.published[lists.EU]
			note := ""
			if !haveUN && !haveEU {
				note = " (no UN or EU list is loaded, so a counterpart cannot be ruled out)"
			}
			var alike []string
			for _, id := range st.alike[c.ent] {
				if o := &st.snap.Entities[id]; (o.Source == lists.UN || o.Source == lists.EU) && !slices.Contains(alike, o.ID) {
					alike = append(alike, o.ID)
				}
			}
			if len(alike) > 0 {
				note += fmt.Sprintf(" (possible counterparts by name and date of birth, not resolved because the name is ambiguous: %s)", strings.Join(alike, ", "))
			}
			add(FlagUnilateral, "listed by OFAC only, with no UN or EU counterpart found%s; the bank's jurisdiction is %s", note, s.pol.Jurisdiction)
		}
	}
	if fuzzy.MixedScript(p.Name) {
		add(FlagMixedScriptName, "a word of the party name mixes look-alike letters of several alphabets (or fullwidth or mathematical forms); it was matched with them folded, and a name typed so was made to look like one name and read as another")
	}
	if c.owned {
		add(FlagOwnershipDerived, "the party is not listed; the bank records %s as an owner (OFAC 50%% rule / EU ownership-or-control presumption)", e.ID)
	}
	if p.Extradition {
		var dp []string
		if e.Source == lists.OFAC && tables.deathPenalty["US"] {
			dp = append(dp, "US")
		}
		for _, cc := range entityCountries(e) {
			if tables.deathPenalty[cc] && !slices.Contains(dp, cc) {
				dp = append(dp, cc)
			}
		}
		if len(dp) > 0 {
			add(FlagHumanRightsException, "data may go to a foreign authority and %s retain(s) the death penalty: no help towards a death sentence without assurances (%s)", strings.Join(dp, ", "), tables.DeathPenalty.Citation)
		}
	}
	return fs
}

// crimeBased returns the crime-based programmes among progs, each as
// "CODE (class)", with what to cite for it: the curated citation when
// oversight.json has one, else the programme's legal basis.
func crimeBased(src lists.Source, progs []lists.Program) (codes, cites []string) {
	for _, pg := range progs {
		if !pg.Class.CrimeBased() {
			continue
		}
		code := fmt.Sprintf("%s (%s)", pg.Code, pg.Class)
		cite := pg.LegalBasis
		if r := find(tables.CrimeBased, src, pg); r != nil {
			cite = r.Citation
		}
		if cite == "" {
			cite = "legal basis not given"
		}
		dup := false
		for i := range codes {
			dup = dup || codes[i] == code && cites[i] == cite
		}
		if !dup {
			codes, cites = append(codes, code), append(cites, cite)
		}
	}
	return codes, cites
}

// nextRenewal names the next renewal date of a programme after now, when
// the table gives fixed renewal dates.
func nextRenewal(r *programRow, now time.Time) string {
	var next time.Time
	for _, md := range r.Renewals {
		var m, d int
		if _, err := fmt.Sscanf(md, "%02d-%02d", &m, &d); err != nil {
			continue
		}
		for _, y := range []int{now.Year(), now.Year() + 1} {
			t := date(y, time.Month(m), d)
			if !t.Before(date(now.Year(), now.Month(), now.Day())) {
				if next.IsZero() || t.Before(next) {
					next = t
				}
				break
			}
		}
	}
	if next.IsZero() {
		return ""
	}
	return "; next renewal due by " + next.Format(time.DateOnly)
}

// unRegime names the UN regime of a reference number ("QDi.001") with its
// resolutions, from the programme taxonomy (lists.UNProgram), or "" for a
// prefix the taxonomy does not know.
func unRegime(ref string) string {
	p := lists.UNProgram(ref, "")
	if p.Class == lists.ClassUnknown || p.LegalBasis == "" {
		return ""
	}
	return p.Title + ", " + p.LegalBasis
}

func unPrefix(ref string) string {
	if len(ref) >= 2 {
		return strings.ToUpper(ref[:2])
	}
	return ""
}

func multilateral(st *state, e *lists.Entity, ei int32) string {
	ref := unReference(e)
	switch {
	case e.Source == lists.UN:
		reg := unRegime(ref)
		if reg == "" {
			reg = "regime not in the programme taxonomy"
		}
		return fmt.Sprintf("UN Security Council listing %s (%s)", ref, reg)
	case ref != "":
		return fmt.Sprintf("%s listing gives effect to UN listing %s", e.Source, ref)
	}
	for _, pg := range e.Programs {
		if strings.EqualFold(pg.Code, "UNLI") {
			return "EU listing of a UN designation not yet transposed (UNLI)"
		}
	}
	for _, id := range st.related(ei) {
		if o := &st.snap.Entities[id]; o.Source == lists.UN {
			return fmt.Sprintf("the same person or entity is listed by the UN Security Council as %s (resolved across lists)", strings.TrimPrefix(o.ID, "un:"))
		}
	}
	return ""
}

// delistingRoute states the remedy against the listing.
func delistingRoute(e *lists.Entity) string {
	switch e.Source {
	case lists.UN:
		switch unPrefix(unReference(e)) {
		case "QD":
			return "UN ISIL/Al-Qaida list: request delisting through the Office of the Ombudsperson (res. 1904 (2009), 2253 (2015))"
		case "TA":
			return "UN Taliban list: no Ombudsperson; request delisting through the Focal Point for De-listing (res. 1730 (2006))"
		}
		return "UN list: request delisting through the Focal Point for De-listing (res. 1730 (2006), 2744 (2024))"
	case lists.OFAC:
		return "OFAC: petition for removal (31 CFR 501.807); judicial review in US courts (Administrative Procedure Act)"
	case lists.EU:
		return "EU: request reconsideration by the Council; action for annulment before the General Court (Art. 263 TFEU)"
	}
	return "unknown source: no delisting route known"
}
