package audit

import (
	"encoding/json"
	"testing"
)

// FuzzPostgresIndex feeds arbitrary bodies to what the PostgreSQL store
// indexes: taking the index fields must never fail or panic whatever the
// body's shape, and must give the same fields from the canonical body read
// back (what Verify recomputes) as from the body appended.
func FuzzPostgresIndex(f *testing.F) {
	for _, d := range pgDecisions(f, 3) {
		b, _ := json.Marshal(d)
		f.Add(TypeDecision, b)
	}
	f.Add(TypeReview, []byte(`{"decision_id":"d1","status":"resolved","outcome":"FREEZE","step":{"reviewer":"ana"}}`))
	f.Add(TypeReport, []byte(`{"decision_id":"d1","authority":"OFAC"}`))
	f.Add(TypeDecision, []byte(`{"id":7,"parties":{"party":1},"report_by":"tomorrow","outcome":null}`))
	f.Add(TypeDecision, []byte(`{"parties":[{"party":{"name":"  ÅSA  "},"hits":[{"entity_id":"x"},{"entity_id":"x"}]},3]}`))
	f.Fuzz(func(t *testing.T, typ string, body []byte) {
		canon, v, err := encodeBodyValue(json.RawMessage(body), nil)
		if err != nil {
			return
		}
		x := indexOf(typ, &v)
		back, err := parseJSON(canon)
		if err != nil {
			t.Fatalf("canonical body does not parse: %v", err)
		}
		y := indexOf(typ, &back)
		if col, ok := x.equal(&y); !ok {
			t.Fatalf("column %s differs between the body appended and the body read back", col)
		}
	})
}
