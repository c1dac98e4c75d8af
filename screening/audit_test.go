package screening

import (
	"encoding/json"
	"testing"

	"github.com/freezeguard/freezeguard/screening/audit"
)

// TestDecisionRecord checks that the logged record of a FREEZE carries
// everything docs/audit.md lists for an audit record, as JSON a reader of the
// log (not this package) sees it.
func TestDecisionRecord(t *testing.T) {
	s, log, _ := newScreener(t, realSnapshot(t), DefaultPolicy(JurisdictionUS))
	d, err := s.Decide(ctx, Payment{ID: "E2E-77", Parties: []PaymentParty{{Role: Creditor, Path: "Cdtr/Nm", Party: Party{Name: "Ismael Zambada Garcia", BirthDate: "1948", Country: "MX"}}}})
	if err != nil {
		t.Fatal(err)
	}
	recs := log.Records()
	if recs[0].Type != audit.TypeListsLoaded {
		t.Errorf("first record %q, want %q", recs[0].Type, audit.TypeListsLoaded)
	}
	var rec audit.Record
	for _, r := range recs {
		if r.Seq == d.AuditSeq {
			rec = r
		}
	}
	if rec.Type != audit.TypeDecision || rec.Hash != d.AuditHash {
		t.Fatalf("decision record %d not found", d.AuditSeq)
	}
	var body map[string]any
	if err := json.Unmarshal(rec.Body, &body); err != nil {
		t.Fatal(err)
	}
	get := func(m any, path ...any) any {
		for _, p := range path {
			switch k := p.(type) {
			case string:
				mm, ok := m.(map[string]any)
				if !ok {
					return nil
				}
				m = mm[k]
			case int:
				a, ok := m.([]any)
				if !ok || k >= len(a) {
					return nil
				}
				m = a[k]
			}
		}
		return m
	}
	for _, path := range [][]any{
		{"id"}, {"time"}, {"payment_id"}, {"outcome"}, {"reason"}, {"explanation"}, {"report_by"}, {"retain_until"},
		{"matcher"}, {"policy", "hold_threshold"}, {"policy", "freeze_threshold"}, {"policy", "jurisdiction"},
		{"snapshot", "generation"}, {"snapshot", "sources", 0, "sha256"}, {"snapshot", "sources", 1, "published"},
		{"regimes", 0, "law"}, {"regimes", 0, "deadline"},
		{"parties", 0, "role"}, {"parties", 0, "path"}, {"parties", 0, "party", "name"}, {"parties", 0, "party", "dob"},
		{"parties", 0, "hits", 0, "entity_id"}, {"parties", 0, "hits", 0, "designating_body"}, {"parties", 0, "hits", 0, "programs", 0, "code"},
		{"parties", 0, "hits", 0, "programs", 0, "legal_basis"},
		{"parties", 0, "hits", 0, "matched_name"}, {"parties", 0, "hits", 0, "name_type"}, {"parties", 0, "hits", 0, "quality"},
		{"parties", 0, "hits", 0, "name_score"}, {"parties", 0, "hits", 0, "score"},
		{"parties", 0, "hits", 0, "explanation", "tokens"}, {"parties", 0, "hits", 0, "evidence", 0, "detail"},
		{"parties", 0, "hits", 0, "flags", 0, "code"}, {"parties", 0, "hits", 0, "flags", 0, "reason"},
	} {
		if v := get(body, path...); v == nil || v == "" {
			t.Errorf("record lacks %v", path)
		}
	}
	if body["outcome"] != string(Freeze) || body["id"] != d.ID {
		t.Errorf("record outcome %v id %v", body["outcome"], body["id"])
	}
}
