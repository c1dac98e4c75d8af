package screening

import (
	"fmt"
	"github.com/freezeguard/freezeguard/fuzzy"
	"slices"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/lists"
)

// euReporting gives the reporting article of EU regulations whose text the
// project has checked; other regimes get the general duty. A programme's
// title or legal basis names the regulation when it holds the number whole
// (lists.HasRegulation: 269/2014 is not in 1269/2014).
var euReporting = []struct{ reg, text string }{
	{"269/2014", "Council Regulation (EU) No 269/2014 Art. 8: supply information on frozen funds to the competent authority of the Member State without delay (as amended: within two weeks of becoming aware)"},
	{"2580/2001", "Council Regulation (EC) No 2580/2001 Art. 4: supply immediately any information that would facilitate compliance"},
	{"881/2002", "Council Regulation (EC) No 881/2002 Art. 5: supply immediately any information that would facilitate compliance"},
}

// regimeFor returns the legal regime, reporting duty and deadline for hits
// on one source, computed from the decision time.
func (s *Screener) regimeFor(src lists.Source, hits []*Hit, now time.Time) Regime {
	var codes, titles []string
	for _, h := range hits {
		for _, p := range h.Programs {
			if !slices.Contains(codes, p.Code) {
				codes = append(codes, p.Code)
			}
			if t := strings.TrimSpace(p.Title + " " + p.LegalBasis); t != "" && !slices.Contains(titles, t) {
				titles = append(titles, t)
			}
		}
	}
	r := Regime{Source: src, Body: hits[0].Body, RetainYears: s.pol.RetentionYears, Binding: s.pol.binding(src)}
	if !r.Binding {
		r.Law = fmt.Sprintf("%s list (%s): not binding under the %s policy, screened as risk", src, strings.Join(codes, ", "), s.pol.Jurisdiction)
		r.Reporting = "no statutory report for this bank; resolve under the bank's risk policy"
		return r
	}
	switch src {
	case lists.OFAC:
		r.Law = "US: IEEPA and OFAC programme regulations (" + strings.Join(codes, ", ") + "); 31 CFR Part 501"
		r.Reporting = "block (or reject) and report to OFAC within 10 business days (31 CFR 501.603 blocked property, 501.604 rejected transactions)"
		r.Deadline = usBusinessDays(now, 10)
		r.RetainYears = max(r.RetainYears, 10) // 31 CFR 501.601, as amended 2025
	case lists.EU:
		r.Law = "EU: " + strings.Join(append(codes, titles...), "; ")
		r.Reporting = "freeze immediately and inform the national competent authority without delay"
		for _, t := range titles {
			for _, er := range euReporting {
				if lists.HasRegulation(t, er.reg) {
					r.Reporting += "; " + er.text
				}
			}
		}
		r.Deadline = now
	case lists.UN:
		var regs []string
		for _, h := range hits {
			if reg := unRegime(h.UNReference); reg != "" && !slices.Contains(regs, reg) {
				regs = append(regs, reg)
			}
		}
		if len(regs) == 0 {
			regs = append(regs, "regime not in the programme taxonomy")
		}
		r.Law = "UN Security Council: " + strings.Join(regs, "; ") + ", as implemented in " + string(s.pol.Jurisdiction) + " law"
		r.Reporting = "freeze without delay (FATF Recommendations 6 and 7) and report to the national competent authority"
		if s.pol.Jurisdiction == JurisdictionUK {
			r.Reporting += " (OFSI: as soon as practicable)"
		}
		r.Deadline = now
	default:
		r.Law, r.Reporting, r.Deadline = string(src), "report to the competent authority", now
	}
	return r
}

// finish fills the decision's reason, regimes, deadlines, retention and
// explanation from its party results.
func (s *Screener) finish(d *Decision, now time.Time) {
	bySource := map[lists.Source][]*Hit{}
	var order []lists.Source
	var top *Hit
	var topParty *PartyResult
	topIdx := 0
	for pi := range d.Parties {
		pr := &d.Parties[pi]
		for hi := range pr.Hits {
			h := &pr.Hits[hi]
			if h.Outcome == Clear {
				continue
			}
			if _, ok := bySource[h.Source]; !ok {
				order = append(order, h.Source)
			}
			bySource[h.Source] = append(bySource[h.Source], h)
			if top == nil || h.Outcome.Severity() > top.Outcome.Severity() || h.Outcome == top.Outcome && h.Score > top.Score {
				top, topParty, topIdx = h, pr, pi
			}
		}
	}
	years := s.pol.RetentionYears
	for _, src := range order {
		r := s.regimeFor(src, bySource[src], now)
		d.Regimes = append(d.Regimes, r)
		years = max(years, r.RetainYears)
		if !r.Binding {
			continue
		}
		if d.ReportBy.IsZero() || r.Deadline.Before(d.ReportBy) {
			d.ReportBy = r.Deadline
		}
	}
	d.RetainUntil = now.AddDate(years, 0, 0)

	var b strings.Builder
	embargoOnly := top == nil && d.Outcome != Clear && d.HasFlag(FlagEmbargoed) && !d.HasFlag(FlagUnreadableInput)
	switch {
	case embargoOnly:
		d.Reason = "the payment touches an embargoed jurisdiction (EMBARGOED_JURISDICTION)"
		b.WriteString(embargoExplanation(d))
		fmt.Fprintf(&b, " Lists: %s.", sourcesText(d.Snapshot.Sources))
	case d.Outcome == Clear && d.HasFlag(FlagEmbargoed):
		d.Reason = "no party matches a screened list entry at or above the hold threshold; embargoed jurisdictions reported, none binding without a licence"
		fmt.Fprintf(&b, "CLEAR: no party matched; flagged %s (not held): %s.", FlagEmbargoed, flagText(d.Flags, FlagEmbargoed))
	case d.Outcome == Clear && d.HasFlag(FlagKnownFalsePositive):
		d.Reason = "every hit is a known false positive recorded by a reviewer (" + string(FlagKnownFalsePositive) + ")"
		fmt.Fprintf(&b, "CLEAR: %s: %s.", d.Reason, flagText(d.Flags, FlagKnownFalsePositive))
		for _, pr := range d.Parties {
			for _, f := range pr.Flags {
				if f.Code == FlagKnownFalsePositive {
					fmt.Fprintf(&b, " %s.", f.Reason)
				}
			}
		}
	case d.Outcome == Clear:
		d.Reason = "no party matches a screened list entry at or above the hold threshold"
		fmt.Fprintf(&b, "CLEAR: %d part%s screened against %s; none matched at or above %.2f.", len(d.Parties), plural(len(d.Parties), "y", "ies"), sourcesText(d.Snapshot.Sources), s.pol.HoldThreshold)
		if nm := bestNearMiss(d); nm != nil {
			fmt.Fprintf(&b, " Closest: %s %q at %.2f (%s).", nm.EntityID, nm.PrimaryName, nm.Score, nm.Reason)
		}
		for _, p := range d.Parties {
			if p.Party.Name != "" && !fuzzy.Identifies(p.Party.Name, MatchKind(p.Party.Kind)) {
				fmt.Fprintf(&b, " Note: %q is only a legal form or generic words: it names no one in particular, so it matched nothing.", p.Party.Name)
			}
		}
	case d.Outcome == Hold:
		if top == nil {
			// Held without a listed match: only unreadable input does that.
			d.Reason = unreadableReason(d)
			fmt.Fprintf(&b, "HOLD: %s. Nothing unreadable is ever cleared: a reviewer must look at the input and confirm (freeze) or dismiss (release) it. Lists: %s.", d.Reason, sourcesText(d.Snapshot.Sources))
			break
		}
		fallthrough
	default:
		d.Reason = top.Reason
		// The party is named by position and role, not by name: the record
		// holds the party itself, and a redacting audit log can then hide
		// personal data without it leaking through this paragraph.
		who := fmt.Sprintf("%d", topIdx+1)
		if topParty.Role != "" {
			who += " (" + string(topParty.Role) + ")"
		}
		fmt.Fprintf(&b, "%s: party %s matches %s entry %s %q", d.Outcome, who, top.Source, top.EntityID, top.PrimaryName)
		if len(top.Programs) > 0 {
			var cs []string
			for _, p := range top.Programs {
				cs = append(cs, p.Code)
			}
			fmt.Fprintf(&b, " [%s]", strings.Join(cs, ", "))
		}
		fmt.Fprintf(&b, ", designated by %s, with score %.2f: %s.", top.Body, top.Score, top.Reason)
		for _, r := range d.Regimes {
			if r.Binding {
				fmt.Fprintf(&b, " %s: %s, by %s.", r.Source, r.Reporting, r.Deadline.Format(time.DateOnly))
			} else {
				fmt.Fprintf(&b, " %s: %s.", r.Source, r.Law)
			}
		}
		if len(top.Flags) > 0 {
			var fc []string
			for _, f := range top.Flags {
				if f.Code != FlagDelistingRoute {
					fc = append(fc, string(f.Code))
				}
			}
			if len(fc) > 0 {
				fmt.Fprintf(&b, " Oversight flags: %s.", strings.Join(fc, ", "))
			}
		}
		if d.HasFlag(FlagUnreadableInput) {
			fmt.Fprintf(&b, " Also %s: %s.", FlagUnreadableInput, unreadableReason(d))
		}
		if d.HasFlag(FlagEmbargoed) {
			fmt.Fprintf(&b, " Also %s: %s.", FlagEmbargoed, flagText(d.Flags, FlagEmbargoed))
		}
		if d.Outcome == Hold {
			b.WriteString(" A reviewer must confirm (freeze) or dismiss (release) the payment.")
		}
		fmt.Fprintf(&b, " Lists: %s.", sourcesText(d.Snapshot.Sources))
	}
	for i, p := range d.Parties {
		var fields []string
		for _, f := range p.Flags {
			if f.Code == FlagInputFieldInvalid {
				field, _, _ := strings.Cut(f.Reason, " ")
				fields = append(fields, field)
			}
		}
		if len(fields) > 0 {
			fmt.Fprintf(&b, " Party %d: %s not read, screened without (%s).", i+1, strings.Join(fields, " and "), FlagInputFieldInvalid)
		}
	}
	fmt.Fprintf(&b, " Keep this record until %s.", d.RetainUntil.Format(time.DateOnly))
	d.Explanation = b.String()
}

// flagText is the reason of the first flag with code c.
func flagText(fs []Flag, c FlagCode) string {
	for _, f := range fs {
		if f.Code == c {
			return f.Reason
		}
	}
	return ""
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func sourcesText(ps []lists.Provenance) string {
	if len(ps) == 0 {
		return "no lists"
	}
	var parts []string
	for _, p := range ps {
		s := string(p.Source)
		if !p.Published.IsZero() {
			s += " " + p.Published.Format(time.DateOnly)
		}
		if len(p.SHA256) >= 12 {
			s += " sha256:" + p.SHA256[:12]
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

func bestNearMiss(d *Decision) *Hit {
	var best *Hit
	for pi := range d.Parties {
		for hi := range d.Parties[pi].NearMisses {
			if h := &d.Parties[pi].NearMisses[hi]; best == nil || h.Score > best.Score {
				best = h
			}
		}
	}
	return best
}

// unreadableReason is the UNREADABLE_INPUT reason of a decision, with the
// first unreadable party's own reason when there is one.
func unreadableReason(d *Decision) string {
	var r string
	for _, f := range d.Flags {
		if f.Code == FlagUnreadableInput {
			r = f.Reason
			break
		}
	}
	for pi := range d.Parties {
		for _, f := range d.Parties[pi].Flags {
			if f.Code == FlagUnreadableInput {
				if r == "" {
					return f.Reason
				}
				return r + " (" + f.Reason + ")"
			}
		}
	}
	if r == "" {
		r = "input could not be read completely"
	}
	return r
}
