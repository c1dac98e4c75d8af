package screening

import (
	"slices"
	"time"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/lists"
)

// Outcome is what the bank does with a party or payment.
type Outcome string

// Outcomes, from least to most severe.
const (
	// Clear lets the payment through; near-misses are still logged.
	Clear Outcome = "CLEAR"
	// Hold stops the payment until a reviewer confirms or dismisses.
	Hold Outcome = "HOLD"
	// Freeze blocks the funds and starts the reporting clock.
	Freeze Outcome = "FREEZE"
)

// Severity orders outcomes: CLEAR 0, HOLD 1, FREEZE 2 (anything else 0),
// so that the most severe of several decides.
func (o Outcome) Severity() int {
	switch o {
	case Freeze:
		return 2
	case Hold:
		return 1
	}
	return 0
}

// FlagCode names a judicial-oversight fact about a hit (docs/decisions.md).
type FlagCode string

// Oversight flags (docs/decisions.md). D: from the list data; C: from the
// curated tables in oversight.json; X: from the bank's input.
const (
	FlagCrimeBased           FlagCode = "CRIME_BASED_PROGRAM"             // C: narcotics, organised crime, cyber, corruption/human rights
	FlagForeignProceedings   FlagCode = "FOREIGN_PROCEEDINGS_BASIS"       // C: EU TUN / UKR-208 (Ezz, Azarov)
	FlagMultilateral         FlagCode = "MULTILATERAL_BASIS"              // D: UN listing, or its transposition or counterpart
	FlagUnilateral           FlagCode = "UNILATERAL_EXTRATERRITORIAL"     // D+X: OFAC only, bank outside the US
	FlagBlockingStatute      FlagCode = "BLOCKING_STATUTE_CONFLICT"       // C: EU/UK bank, OFAC Cuba/Iran programme (Reg. 2271/96)
	FlagPolitical            FlagCode = "POLITICAL_PROGRAM_RISK"          // C: programmes open to political use (ICC-EO14203, ...)
	FlagHumanRightsException FlagCode = "HUMAN_RIGHTS_EXCEPTION_RELEVANT" // X+C: data may reach a death-penalty state (El Gizouli)
	FlagWeakAliasOnly        FlagCode = "WEAK_ALIAS_ONLY"                 // D: only a weak / low-quality alias matched
	FlagFuzzyMatchOnly       FlagCode = "FUZZY_MATCH_ONLY"                // D: inexact name, nothing corroborates
	FlagNoSecondaryID        FlagCode = "NO_SECONDARY_ID"                 // D: no date of birth, identifier or nationality agrees
	FlagPreviousName         FlagCode = "PREVIOUS_NAME_MATCH"             // D: matched a f.k.a.
	FlagOwnershipDerived     FlagCode = "OWNERSHIP_DERIVED"               // X: owned by a listed entity (Party.Owned)
	FlagDelistingRoute       FlagCode = "DELISTING_ROUTE"                 // D+C: the remedy against the listing
	FlagReviewDue            FlagCode = "REVIEW_DUE"                      // C: EU renewal cycle
	FlagStaleListData        FlagCode = "STALE_LIST_DATA"                 // D: list older than Policy.MaxListAge
	FlagUnreadableInput      FlagCode = "UNREADABLE_INPUT"                // X: input that could not be read completely: held, never cleared
	FlagInputFieldInvalid    FlagCode = "INPUT_FIELD_INVALID"             // X: a secondary field (dob, country) unreadable: ignored as evidence, name screened
	FlagMixedScriptName      FlagCode = "MIXED_SCRIPT_NAME"               // X: a word mixes look-alike letters of several scripts
	FlagEmbargoed            FlagCode = "EMBARGOED_JURISDICTION"          // C+X: a country, region, town, BIC, IBAN or phone in an embargoed jurisdiction (embargo.tsv)
	FlagKnownFalsePositive   FlagCode = "KNOWN_FALSE_POSITIVE"            // X: a reviewer recorded that this party is not this entity (KnownGood)
)

// Flag is one oversight flag with the one-line reason it was raised.
type Flag struct {
	Code   FlagCode `json:"code"`
	Reason string   `json:"reason"`
}

// Evidence is one secondary fact weighed for or against a match, so that a
// reviewer sees why the final score differs from the name score.
type Evidence struct {
	Fact   string  `json:"fact"`   // dob, country, gender, kind, identifier, ownership
	Effect string  `json:"effect"` // for, against, neutral
	Strong bool    `json:"strong,omitempty"`
	Weight float64 `json:"weight"` // added to the name score
	Detail string  `json:"detail"`
}

// Hit is one listed entity a party may be, with everything a reviewer and
// an auditor need to judge it.
type Hit struct {
	EntityID    string          `json:"entity_id"`
	Source      lists.Source    `json:"source"`
	Body        lists.Body      `json:"designating_body"`
	Kind        lists.Kind      `json:"kind"`
	PrimaryName string          `json:"primary_name"`
	Programs    []lists.Program `json:"programs"`
	UNReference string          `json:"un_reference,omitempty"`
	Binding     bool            `json:"binding"` // the source binds the bank under its policy

	MatchedName string         `json:"matched_name,omitempty"`
	NameType    lists.NameType `json:"name_type,omitempty"`
	Quality     lists.Quality  `json:"quality,omitempty"`
	NameScore   float64        `json:"name_score"`
	Score       float64        `json:"score"`

	Explanation fuzzy.Explanation `json:"explanation"`
	Evidence    []Evidence        `json:"evidence,omitempty"`
	Flags       []Flag            `json:"flags"`
	Related     []string          `json:"related,omitempty"` // the same person on other lists (cross-list resolution)

	Outcome Outcome `json:"outcome"`
	Reason  string  `json:"reason"`

	rec int32 // 1 + the fuzzy record id of the matched name; 0 for none
}

// HasFlag reports whether the hit carries the flag.
func (h *Hit) HasFlag(c FlagCode) bool {
	for _, f := range h.Flags {
		if f.Code == c {
			return true
		}
	}
	return false
}

// PartyResult is the screening result for one party of a payment.
type PartyResult struct {
	Role    Role    `json:"role,omitempty"`
	Path    string  `json:"path,omitempty"`
	Party   Party   `json:"party"`
	Outcome Outcome `json:"outcome"`
	// Flags are about the party's input itself, whatever it matched, not
	// a listing: FlagUnreadableInput for input not read completely,
	// FlagInputFieldInvalid for a date of birth or country not read (each
	// hit carries those too).
	Flags      []Flag `json:"flags,omitempty"`
	Hits       []Hit  `json:"hits,omitempty"`        // at or above the hold threshold, best first
	NearMisses []Hit  `json:"near_misses,omitempty"` // the best candidates below it
}

// Regime is the legal regime a FREEZE or HOLD falls under, with what the
// bank must do and by when.
type Regime struct {
	Source      lists.Source `json:"source"`
	Body        lists.Body   `json:"body"`
	Law         string       `json:"law"`
	Binding     bool         `json:"binding"` // false: screened as risk, no statutory duty for this bank
	Reporting   string       `json:"reporting"`
	Deadline    time.Time    `json:"deadline,omitzero"` // zero when not binding
	RetainYears int          `json:"retain_years"`
}

// SnapshotRef identifies the list data a decision used.
type SnapshotRef struct {
	Generation uint64             `json:"generation"` // increments on every Reload
	Loaded     time.Time          `json:"loaded"`
	Sources    []lists.Provenance `json:"sources"`
}

// clone returns a deep copy of r: every decision of a generation gets its
// own, so a caller editing one cannot change the others or the snapshot's
// provenance.
func (r SnapshotRef) clone() SnapshotRef {
	r.Sources = slices.Clone(r.Sources)
	for i := range r.Sources {
		r.Sources[i].Parts = slices.Clone(r.Sources[i].Parts)
	}
	return r
}

// Decision is the outcome of screening a party or a payment, as logged.
type Decision struct {
	ID        string    `json:"id"`
	Time      time.Time `json:"time"`
	PaymentID string    `json:"payment_id,omitempty"`
	Payment   *Payment  `json:"payment,omitempty"` // the input, for Decide

	Outcome     Outcome       `json:"outcome"`
	Reason      string        `json:"reason"`
	Explanation string        `json:"explanation"`
	Parties     []PartyResult `json:"parties"`
	// Flags are about the input as a whole: UNREADABLE_INPUT when some of
	// it could not be read, and so was held rather than cleared.
	Flags []Flag `json:"flags,omitempty"`
	// Embargoes are the places in the payment that lie in an embargoed
	// jurisdiction, each with its regime and what it asks for.
	Embargoes []EmbargoMatch `json:"embargoes,omitempty"`

	Regimes     []Regime  `json:"regimes,omitempty"`
	ReportBy    time.Time `json:"report_by,omitzero"` // earliest reporting deadline (FREEZE and HOLD)
	RetainUntil time.Time `json:"retain_until"`

	Snapshot SnapshotRef `json:"snapshot"`
	Matcher  string      `json:"matcher"`
	Policy   Policy      `json:"policy"`

	// AuditSeq and AuditHash locate the decision's record in the audit log;
	// they are filled after the append and so are not part of the record.
	AuditSeq  uint64 `json:"-"`
	AuditHash string `json:"-"`
}

// HasFlag reports whether the decision carries the flag itself (not on a
// hit).
func (d *Decision) HasFlag(c FlagCode) bool {
	for _, f := range d.Flags {
		if f.Code == c {
			return true
		}
	}
	return false
}

// Hits returns every hit of every party, in party order.
func (d *Decision) Hits() []Hit {
	var hs []Hit
	for _, p := range d.Parties {
		hs = append(hs, p.Hits...)
	}
	return hs
}
