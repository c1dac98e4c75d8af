package audit

import (
	"slices"
	"strings"
	"time"
)

// pgIndex is what the PostgreSQL store copies out of a record's body into
// columns, for the compliance queries: the decision (or reviewed decision)
// id, the payment id, the outcome, a review's status, the parties' names
// (folded to lower case), the listed entities hit and the reporting
// deadline. It is always derived from the body, never given separately, so
// Verify can recompute it and catch an edited column.
type pgIndex struct {
	decisionID, paymentID, outcome, status string
	partyNames, entityIDs                  []string
	reportBy                               time.Time
}

// indexOf reads the index fields of a body of type typ. Bodies of other
// shapes simply give empty fields: the log takes any JSON body.
func indexOf(typ string, body *jvalue) pgIndex {
	x := rawIndexOf(typ, body)
	x.clean()
	return x
}

func rawIndexOf(typ string, body *jvalue) pgIndex {
	var x pgIndex
	switch typ {
	case TypeDecision:
		x.decisionID = body.member("id").text()
		x.paymentID = body.member("payment_id").text()
		x.outcome = body.member("outcome").text()
		if t, err := time.Parse(time.RFC3339Nano, body.member("report_by").text()); err == nil {
			x.reportBy = t.UTC().Truncate(time.Microsecond)
		}
		for _, p := range body.member("parties").items() {
			if n := strings.ToLower(strings.TrimSpace(p.member("party").member("name").text())); n != "" {
				x.partyNames = append(x.partyNames, n)
			}
			for _, h := range p.member("hits").items() {
				if id := h.member("entity_id").text(); id != "" {
					x.entityIDs = append(x.entityIDs, id)
				}
			}
		}
		x.partyNames = sortedSet(x.partyNames)
		x.entityIDs = sortedSet(x.entityIDs)
	case TypeReview:
		x.decisionID = body.member("decision_id").text()
		x.outcome = body.member("outcome").text()
		x.status = body.member("status").text()
	case TypeReport:
		x.decisionID = body.member("decision_id").text()
	}
	return x
}

// clean replaces NUL characters, which a JSON string may hold but a
// PostgreSQL text value may not, by U+FFFD in every text column, so that
// such a body is logged (its record column keeps the NUL, escaped) rather
// than failing its whole transaction.
func (x *pgIndex) clean() {
	fix := func(s string) string { return strings.ReplaceAll(s, "\x00", "\uFFFD") }
	x.decisionID, x.paymentID, x.outcome, x.status = fix(x.decisionID), fix(x.paymentID), fix(x.outcome), fix(x.status)
	for i := range x.partyNames {
		x.partyNames[i] = fix(x.partyNames[i])
	}
	for i := range x.entityIDs {
		x.entityIDs[i] = fix(x.entityIDs[i])
	}
	x.partyNames, x.entityIDs = sortedSet(x.partyNames), sortedSet(x.entityIDs)
}

func sortedSet(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	slices.Sort(s)
	return slices.Compact(s)
}

// member returns the value of an object's member key, or nil.
func (v *jvalue) member(key string) *jvalue {
	if v == nil || v.kind != 'o' {
		return nil
	}
	for i := range v.members {
		if v.members[i].key == key {
			return &v.members[i].val
		}
	}
	return nil
}

// text returns a string value, or "".
func (v *jvalue) text() string {
	if v == nil || v.kind != 's' {
		return ""
	}
	return v.str
}

// items returns the elements of an array, or nil.
func (v *jvalue) items() []jvalue {
	if v == nil || v.kind != 'a' {
		return nil
	}
	return v.elems
}

// row is the record's row for CopyFrom, in pgColumns order; empty fields
// are NULL.
func (x *pgIndex) row(r *Record, line string) []any {
	var reportBy any
	if !x.reportBy.IsZero() {
		reportBy = x.reportBy
	}
	return []any{int64(r.Seq), r.Time, r.Type, line, r.Hash, r.Prev,
		nullable(x.decisionID), nullable(x.paymentID), nullable(x.outcome), nullable(x.status),
		x.partyNames, x.entityIDs, reportBy}
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// equal reports whether two index values are the same, and if not, which
// column differs.
func (x *pgIndex) equal(y *pgIndex) (string, bool) {
	switch {
	case x.decisionID != y.decisionID:
		return "decision_id", false
	case x.paymentID != y.paymentID:
		return "payment_id", false
	case x.outcome != y.outcome:
		return "outcome", false
	case x.status != y.status:
		return "status", false
	case !slices.Equal(x.partyNames, y.partyNames):
		return "party_names", false
	case !slices.Equal(x.entityIDs, y.entityIDs):
		return "entity_ids", false
	case !x.reportBy.Equal(y.reportBy):
		return "report_by", false
	}
	return "", true
}
