package screening

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
)

// The curated oversight tables ship as data, not code, so that a compliance
// team can read and audit them; every row names its legal source.
//
//go:embed oversight.json
var oversightJSON []byte

// programRow matches a programme of one source, optionally only when the
// programme's regulation title or legal basis names a regulation number
// (EU UKR 208/2014 vs 269/2014). It carries what the programme taxonomy
// (lists) does not know: citations and review cycles. Whether a programme
// is crime-based is the taxonomy's call (Program.Class), not a row's.
type programRow struct {
	Source        lists.Source `json:"source"`
	Code          string       `json:"code"`
	TitleContains string       `json:"title_contains,omitempty"` // a regulation number, matched whole (lists.HasRegulation)
	Months        int          `json:"months,omitempty"`
	Renewals      []string     `json:"renewals,omitempty"` // MM-DD
	Citation      string       `json:"citation"`
}

func (r *programRow) matches(src lists.Source, p lists.Program) bool {
	if r.Source != src || !strings.EqualFold(r.Code, p.Code) {
		return false
	}
	if r.TitleContains == "" {
		return true
	}
	return lists.HasRegulation(p.Title, r.TitleContains) || lists.HasRegulation(p.LegalBasis, r.TitleContains)
}

// classified returns p with its class and legal basis from the programme
// taxonomy when p carries no class (a snapshot built by hand rather than
// by the parsers, which classify every programme): the taxonomy is the one
// source of truth for what a programme is.
func classified(src lists.Source, p lists.Program) lists.Program {
	if p.Class != "" {
		return p
	}
	var q lists.Program
	switch src {
	case lists.OFAC:
		q = lists.OFACProgram(p.Code)
	case lists.EU:
		q = lists.EUProgram(p.Code, p.Title)
	case lists.UN:
		q = lists.UNProgram(p.Code, "")
	default:
		return p
	}
	p.Class = q.Class
	if p.LegalBasis == "" {
		p.LegalBasis = q.LegalBasis
	}
	return p
}

type jurisdictionRow struct {
	Jurisdiction Jurisdiction `json:"jurisdiction"`
	Citation     string       `json:"citation"`
}

type oversightTables struct {
	Comment            string            `json:"_comment"`
	CrimeBased         []programRow      `json:"crime_based"` // citations for CRIME_BASED_PROGRAM reasons
	ForeignProceedings []programRow      `json:"foreign_proceedings"`
	BlockingStatute    []programRow      `json:"blocking_statute"`
	BlockingStatuteJur []jurisdictionRow `json:"blocking_statute_jurisdictions"`
	Political          []programRow      `json:"political"`
	ReviewCycles       []programRow      `json:"review_cycles"`
	DeathPenalty       struct {
		Citation  string   `json:"citation"`
		Countries []string `json:"countries"`
	} `json:"death_penalty"`

	deathPenalty map[string]bool
}

// tables is parsed once from the embedded file. It is constant data that
// ships with the library; a malformed file is a build defect, caught by the
// package tests.
var tables = mustParseOversight(oversightJSON)

func parseOversight(b []byte) (*oversightTables, error) {
	var t oversightTables
	// Unknown fields are errors: a misspelt "title_contains" would
	// otherwise widen a row to every regulation of its code.
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("screening: oversight.json: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("screening: oversight.json: data after the top-level object")
	}
	for name, rows := range map[string][]programRow{
		"crime_based": t.CrimeBased, "foreign_proceedings": t.ForeignProceedings,
		"blocking_statute": t.BlockingStatute, "political": t.Political, "review_cycles": t.ReviewCycles,
	} {
		for i, r := range rows {
			if r.Source == "" || r.Code == "" || strings.TrimSpace(r.Citation) == "" {
				return nil, fmt.Errorf("screening: oversight.json: %s[%d] (%s %s): source, code and citation are required", name, i, r.Source, r.Code)
			}
			for _, md := range r.Renewals {
				var m, d int
				if n, err := fmt.Sscanf(md, "%02d-%02d", &m, &d); n != 2 || err != nil || m < 1 || m > 12 || d < 1 || d > 31 {
					return nil, fmt.Errorf("screening: oversight.json: %s[%d]: renewal %q is not MM-DD", name, i, md)
				}
			}
		}
	}
	for i, r := range t.BlockingStatuteJur {
		if r.Jurisdiction == "" || r.Citation == "" {
			return nil, fmt.Errorf("screening: oversight.json: blocking_statute_jurisdictions[%d]: jurisdiction and citation are required", i)
		}
	}
	if t.DeathPenalty.Citation == "" {
		return nil, fmt.Errorf("screening: oversight.json: death_penalty: citation is required")
	}
	t.deathPenalty = make(map[string]bool, len(t.DeathPenalty.Countries))
	for _, c := range t.DeathPenalty.Countries {
		if len(c) != 2 {
			return nil, fmt.Errorf("screening: oversight.json: death_penalty: %q is not an ISO 3166 alpha-2 code", c)
		}
		t.deathPenalty[c] = true
	}
	return &t, nil
}

func mustParseOversight(b []byte) *oversightTables {
	t, err := parseOversight(b)
	if err != nil {
		panic(err)
	}
	return t
}

// find returns the first row matching the programme, or nil.
func find(rows []programRow, src lists.Source, p lists.Program) *programRow {
	for i := range rows {
		if rows[i].matches(src, p) {
			return &rows[i]
		}
	}
	return nil
}

func (t *oversightTables) blockingJurisdiction(j Jurisdiction) *jurisdictionRow {
	for i := range t.BlockingStatuteJur {
		if t.BlockingStatuteJur[i].Jurisdiction == j {
			return &t.BlockingStatuteJur[i]
		}
	}
	return nil
}
