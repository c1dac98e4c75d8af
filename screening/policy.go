package screening

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/lists"
)

// Jurisdiction is where the bank is regulated. It decides which lists bind
// the bank by law and which it screens only as a matter of risk.
type Jurisdiction string

// Jurisdictions with distinct default policies.
const (
	JurisdictionUS    Jurisdiction = "US"
	JurisdictionEU    Jurisdiction = "EU"
	JurisdictionUK    Jurisdiction = "UK"
	JurisdictionOther Jurisdiction = "other"
)

// ParseJurisdiction reads a jurisdiction as a person writes it, in any
// case ("uk", "Eu", "OTHER").
func ParseJurisdiction(s string) (Jurisdiction, error) {
	for _, j := range []Jurisdiction{JurisdictionUS, JurisdictionEU, JurisdictionUK, JurisdictionOther} {
		if strings.EqualFold(strings.TrimSpace(s), string(j)) {
			return j, nil
		}
	}
	return "", fmt.Errorf("screening: jurisdiction %q: want US, EU, UK or other", s)
}

// Policy is the bank's screening policy. It is recorded in every decision
// so that a supervisor can see the thresholds and rules a decision used.
type Policy struct {
	Jurisdiction Jurisdiction `json:"jurisdiction"`
	// Binding lists the sources the bank is legally bound to apply: a
	// strong hit on them freezes.
	Binding []lists.Source `json:"binding"`
	// Risk lists the sources screened as a matter of risk appetite: a hit
	// on them is held for review, never frozen automatically.
	Risk []lists.Source `json:"risk,omitempty"`

	// HoldThreshold is the final score at or above which a candidate is a
	// hit that stops the payment for review.
	HoldThreshold float64 `json:"hold_threshold"`
	// FreezeThreshold is the name score at or above which a match on a
	// strong name counts as near-exact, a precondition for FREEZE.
	FreezeThreshold float64 `json:"freeze_threshold"`
	// NearMissThreshold is the score from which candidates below the hold
	// threshold are kept in the decision as near-misses.
	NearMissThreshold float64 `json:"near_miss_threshold"`
	// Candidates bounds how many name candidates the index returns per query.
	Candidates int `json:"candidates"`
	// NearMisses bounds how many near-misses a decision keeps per party.
	NearMisses int `json:"near_misses"`

	// MaxListAge is how old a source's publish date may be before hits on
	// it carry STALE_LIST_DATA. Zero disables the check.
	MaxListAge time.Duration `json:"max_list_age"`
	// RetentionYears is how long the bank keeps decision records when no
	// longer rule applies (hits on OFAC, where it binds, keep 10 years:
	// 31 CFR 501.601 as amended 2025).
	RetentionYears int `json:"retention_years"`

	// FourEyesCrimeBased requires a second, different reviewer to confirm a
	// freeze resting on a crime-based listing.
	FourEyesCrimeBased bool `json:"four_eyes_crime_based"`
	// FourEyesPolitical requires a second reviewer to confirm a freeze
	// resting on a politically flagged listing.
	FourEyesPolitical bool `json:"four_eyes_political"`
	// FourEyesDismissStrong requires a second reviewer to dismiss a hit
	// scored at or above FreezeThreshold.
	FourEyesDismissStrong bool `json:"four_eyes_dismiss_strong"`

	// SkipEmbargo turns off the country and region embargo checks
	// (embargo.tsv); they are on by default.
	SkipEmbargo bool `json:"skip_embargo,omitempty"`
	// EmbargoOutcome is the outcome of a binding comprehensive or
	// territorial embargo: HOLD when empty, or FREEZE. Sectoral regimes
	// are always HOLD; UN measures on goods and regimes that do not bind
	// the bank are flagged only.
	EmbargoOutcome Outcome `json:"embargo_outcome,omitempty"`
	// GeneralLicences are the licences the bank relies on: matches of
	// their regimes are reported, not held.
	GeneralLicences []GeneralLicence `json:"general_licences,omitempty"`

	// SkipFreeText turns off the screening of free text (remittance
	// information, narrative fields, address lines) for listed names.
	SkipFreeText bool `json:"skip_free_text,omitempty"`
	// FreeTextThreshold is the score a window of free text needs to be a
	// hit; zero: DefaultFreeTextThreshold (or HoldThreshold if higher).
	FreeTextThreshold float64 `json:"free_text_threshold,omitempty"`
}

// MarshalJSON writes MaxListAge as a duration a reader of an audit record
// can read ("168h0m0s"), not as nanoseconds.
func (p Policy) MarshalJSON() ([]byte, error) {
	type plain Policy
	return json.Marshal(struct {
		plain
		MaxListAge string `json:"max_list_age"`
	}{plain(p), p.MaxListAge.String()})
}

// UnmarshalJSON reads MaxListAge as a duration string, or as nanoseconds
// (records written before MarshalJSON).
func (p *Policy) UnmarshalJSON(b []byte) error {
	type plain Policy
	v := struct {
		*plain
		MaxListAge json.RawMessage `json:"max_list_age"`
	}{plain: (*plain)(p)}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	if len(v.MaxListAge) == 0 || string(v.MaxListAge) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(v.MaxListAge, &s); err == nil {
		d, err := time.ParseDuration(s)
		if err != nil {
			return fmt.Errorf("screening: policy max_list_age: %w", err)
		}
		p.MaxListAge = d
		return nil
	}
	var n int64
	if err := json.Unmarshal(v.MaxListAge, &n); err != nil {
		return fmt.Errorf("screening: policy max_list_age: %w", err)
	}
	p.MaxListAge = time.Duration(n)
	return nil
}

// embargoOutcome is the outcome of a binding embargo under the policy.
func (p *Policy) embargoOutcome() Outcome {
	if p.EmbargoOutcome == "" {
		return Hold
	}
	return p.EmbargoOutcome
}

// DefaultPolicy returns the policy a bank in jurisdiction j starts from.
//
//   - US: OFAC binds; UN and EU lists are screened as risk (the US gives
//     effect to UN measures through OFAC programmes). Records 10 years.
//   - EU: EU and UN lists bind (UN measures take effect through EU
//     regulations, and FATF Rec. 6/7 expects freezing without delay);
//     OFAC is risk. Records 5 years (Directive (EU) 2015/849 Art. 40).
//   - UK: UN binds (UN designations have effect in UK law under SAMLA
//     2018 s.13); OFAC and EU are risk. Records 5 years (MLR 2017 reg. 40).
//   - other: UN binds (UN Charter Art. 25); OFAC and EU are risk.
//
// Thresholds: hold at fuzzy.Threshold, near-exact at 0.95; lists older than
// 7 days are stale; four-eyes rules on.
func DefaultPolicy(j Jurisdiction) Policy {
	p := Policy{
		Jurisdiction:          j,
		HoldThreshold:         fuzzy.Threshold,
		FreezeThreshold:       0.95,
		NearMissThreshold:     0.70,
		Candidates:            20,
		NearMisses:            3,
		MaxListAge:            7 * 24 * time.Hour,
		RetentionYears:        5,
		FourEyesCrimeBased:    true,
		FourEyesPolitical:     true,
		FourEyesDismissStrong: true,
	}
	switch j {
	case JurisdictionUS:
		p.Binding = []lists.Source{lists.OFAC}
		p.Risk = []lists.Source{lists.UN, lists.EU}
		p.RetentionYears = 10
	case JurisdictionEU:
		p.Binding = []lists.Source{lists.EU, lists.UN}
		p.Risk = []lists.Source{lists.OFAC}
	default:
		p.Binding = []lists.Source{lists.UN}
		p.Risk = []lists.Source{lists.OFAC, lists.EU}
	}
	return p
}

// Validate reports a policy that cannot be applied.
func (p *Policy) Validate() error {
	switch p.Jurisdiction {
	case JurisdictionUS, JurisdictionEU, JurisdictionUK, JurisdictionOther:
	default:
		return fmt.Errorf("screening: policy: unknown jurisdiction %q", p.Jurisdiction)
	}
	if !(p.HoldThreshold > 0 && p.HoldThreshold <= 1) || !(p.FreezeThreshold > 0 && p.FreezeThreshold <= 1) {
		return fmt.Errorf("screening: policy: thresholds must be in (0, 1] (hold %v, freeze %v)", p.HoldThreshold, p.FreezeThreshold)
	}
	if p.FreezeThreshold < p.HoldThreshold {
		return fmt.Errorf("screening: policy: freeze threshold %v below hold threshold %v", p.FreezeThreshold, p.HoldThreshold)
	}
	if p.NearMissThreshold < 0 || p.NearMissThreshold > p.HoldThreshold {
		return fmt.Errorf("screening: policy: near-miss threshold %v must be in [0, hold threshold %v]", p.NearMissThreshold, p.HoldThreshold)
	}
	if p.Candidates <= 0 || p.Candidates > 1000 {
		return fmt.Errorf("screening: policy: candidates %d must be in 1..1000", p.Candidates)
	}
	if p.NearMisses < 0 || p.RetentionYears < 0 || p.MaxListAge < 0 {
		return fmt.Errorf("screening: policy: near-misses, retention and max list age must not be negative")
	}
	switch p.EmbargoOutcome {
	case "", Hold, Freeze:
	default:
		return fmt.Errorf("screening: policy: embargo outcome %q (want HOLD or FREEZE)", p.EmbargoOutcome)
	}
	for _, gl := range p.GeneralLicences {
		if !slices.ContainsFunc(embargo.regimes, func(r EmbargoRegime) bool { return r.ID == gl.Regime }) || strings.TrimSpace(gl.Name) == "" {
			return fmt.Errorf("screening: policy: general licence %q for regime %q: the regime must be in the embargo table and the licence named", gl.Name, gl.Regime)
		}
	}
	for _, s := range p.Binding {
		if slices.Contains(p.Risk, s) {
			return fmt.Errorf("screening: policy: source %s is both binding and risk", s)
		}
	}
	return nil
}

// clone returns a copy of p that shares no memory with it: a Decision and
// Screener.Policy hand out clones, so a caller editing one cannot change
// the policy later decisions are made under.
func (p Policy) clone() Policy {
	p.Binding = slices.Clone(p.Binding)
	p.Risk = slices.Clone(p.Risk)
	p.GeneralLicences = slices.Clone(p.GeneralLicences)
	return p
}

func (p *Policy) binding(s lists.Source) bool { return slices.Contains(p.Binding, s) }

func (p *Policy) screened(s lists.Source) bool {
	return slices.Contains(p.Binding, s) || slices.Contains(p.Risk, s)
}
