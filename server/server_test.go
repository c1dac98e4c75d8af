package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

func TestScreen(t *testing.T) {
	ts := sharedServer(t)
	w := ts.do(t, "POST", "/v1/screen", tokScreen, `{"id":"c1","name":"Saddam Hussein Al-Tikriti","dob":"1937-04-28"}`)
	httpOK(t, w)
	got := decode[ScreenResponse](t, w)
	if got.Outcome != "FREEZE" || got.ID != "c1" || got.DecisionID == "" || got.Decision != got.DecisionID || len(got.Hits) == 0 || got.Hits[0].Entity != "ofac:7843" {
		t.Fatalf("want FREEZE on ofac:7843 with a decision id: %+v", got)
	}
	if got.Explanation == "" || got.Reason == "" || len(got.Regimes) == 0 || got.ReportBy.IsZero() {
		t.Fatalf("want reason, explanation, regimes and deadline: %+v", got)
	}
	// The decision is in the audit log before the answer.
	var logged bool
	for _, rec := range ts.log.Records() {
		if rec.Type == audit.TypeDecision && strings.Contains(string(rec.Body), got.DecisionID) {
			logged = rec.Seq == got.AuditSeq
		}
	}
	if !logged {
		t.Fatalf("decision %s (seq %d) not in the audit log", got.DecisionID, got.AuditSeq)
	}
	if id := w.Header().Get("X-Request-Id"); id == "" {
		t.Fatal("no X-Request-Id")
	}

	// A clean name clears; a number id is read as batch reads it.
	w = ts.do(t, "POST", "/v1/screen", tokScreen, `{"id":12345,"name":"Anna Schmidt","country":"DE"}`)
	httpOK(t, w)
	if got := decode[ScreenResponse](t, w); got.Outcome != "CLEAR" || got.ID != "12345" || len(got.Hits) != 0 {
		t.Fatalf("want CLEAR for a clean name: %+v", got)
	}
}

// A date of birth or country that cannot be read is not bad input: the
// name is screened and the answer flagged, as batch does.
func TestScreenLooseFields(t *testing.T) {
	ts := sharedServer(t)
	for _, body := range []string{
		`{"name":"Saddam Hussein Al-Tikriti","dob":"1937-02-31"}`,
		`{"name":"Saddam Hussein Al-Tikriti","country":"XX"}`,
		`{"name":"Anna Schmidt","dob":"16/07/69"}`,
	} {
		w := ts.do(t, "POST", "/v1/screen", tokScreen, body)
		httpOK(t, w)
		got := decode[ScreenResponse](t, w)
		flagged := false
		for _, f := range got.Flags {
			flagged = flagged || f.Code == screening.FlagInputFieldInvalid
		}
		if !flagged || got.Outcome == "" {
			t.Errorf("%s: want a decision flagged INPUT_FIELD_INVALID: %+v", body, got)
		}
		if strings.Contains(body, "Saddam") && got.Outcome == "CLEAR" {
			t.Errorf("%s: a listed name with a bad field cleared", body)
		}
	}
	// A name with no letter or digit is held, as in batch, not refused.
	w := ts.do(t, "POST", "/v1/screen", tokScreen, `{"name":"!!! ???"}`)
	httpOK(t, w)
	if got := decode[ScreenResponse](t, w); got.Outcome != "HOLD" || got.Error == "" {
		t.Fatalf("want HOLD with the reason: %+v", got)
	}
}

func TestScreenBatch(t *testing.T) {
	ts := sharedServer(t)
	w := ts.do(t, "POST", "/v1/screen/batch", tokScreen, `{"parties":[{"id":"a","name":"Anna Schmidt"},{"id":"b","name":"Saddam Hussein Al-Tikriti","dob":"1937-04-28"},{"id":3,"name":"Jean Dupont","country":"France"}]}`)
	httpOK(t, w)
	got := decode[BatchResponse](t, w)
	if len(got.Results) != 3 {
		t.Fatalf("%d results, want 3", len(got.Results))
	}
	want := []struct{ id, outcome string }{{"a", "CLEAR"}, {"b", "FREEZE"}, {"3", "CLEAR"}}
	for i, r := range got.Results {
		if r.ID != want[i].id || r.Outcome != want[i].outcome || r.Line.Line != i+1 || r.DecisionID == "" {
			t.Errorf("result %d: %+v, want %v", i, r, want[i])
		}
	}
	// Over the limit, or with one bad party: refused whole, nothing logged.
	before := len(ts.log.Records())
	many := BatchRequest{Parties: make([]ScreenRequest, MaxBatch+1)}
	for i := range many.Parties {
		many.Parties[i].Name = "Anna Schmidt"
	}
	wantProblem(t, ts.do(t, "POST", "/v1/screen/batch", tokScreen, many), http.StatusUnprocessableEntity)
	wantProblem(t, ts.do(t, "POST", "/v1/screen/batch", tokScreen, `{"parties":[]}`), http.StatusUnprocessableEntity)
	p := wantProblem(t, ts.do(t, "POST", "/v1/screen/batch", tokScreen, `{"parties":[{"name":"Anna Schmidt"},{"name":"  "}]}`), http.StatusUnprocessableEntity)
	if !strings.Contains(p.Detail, "parties[1]") {
		t.Errorf("the problem does not name the party: %s", p.Detail)
	}
	if n := len(ts.log.Records()); n != before {
		t.Errorf("%d records logged for refused requests", n-before)
	}
}

func TestPayments(t *testing.T) {
	ts := sharedServer(t)
	pay := `{"id":"E2E-1","amount":"25000.00","currency":"EUR","parties":[{"role":"debtor","party":{"name":"Anna Schmidt","country":"DE"}},{"role":"creditor","party":{"name":"Saddam Hussein Al-Tikriti","dob":"1937-04-28"}}]}`
	w := ts.do(t, "POST", "/v1/payments", tokScreen, pay)
	httpOK(t, w)
	got := decode[struct {
		Outcome   string
		Decisions []string
		Parties   []struct{ Role, Name, Outcome string }
	}](t, w)
	if got.Outcome != "FREEZE" || len(got.Decisions) != 1 || len(got.Parties) != 2 || got.Parties[1].Role != "creditor" || got.Parties[1].Outcome != "FREEZE" || got.Parties[0].Outcome != "CLEAR" {
		t.Fatalf("want the creditor frozen: %+v", got)
	}
	wantProblem(t, ts.do(t, "POST", "/v1/payments", tokScreen, `{"id":"E2E-2","parties":[]}`), http.StatusUnprocessableEntity)
	wantProblem(t, ts.do(t, "POST", "/v1/payments", tokScreen, `{"id":"E2E-3","parties":[{"role":"debtor","party":{"name":"A","colour":"red"}}]}`), http.StatusUnprocessableEntity)
}

func TestMessages(t *testing.T) {
	ts := sharedServer(t)
	for _, c := range []struct {
		file, outcome, entity string
	}{
		{"../testdata/payments/iso20022_prowide-iso20022/pacs.008.001.07.xml", "CLEAR", ""},
		{"../testdata/payments/generated_pacs008_ofac_name.xml", "HOLD", "ofac:36"},
		{"../testdata/payments/swift_mt_prowide-core/MT101.fin", "", ""},
		{"../testdata/payments/generated_mt103_listed.rje", "", ""},
	} {
		msg, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		w := ts.do(t, "POST", "/v1/messages", tokScreen, msg)
		httpOK(t, w)
		got := decode[struct {
			Outcome   string
			Decisions []string
			Parties   []struct {
				Role string
				Hits []struct{ Entity string }
			}
		}](t, w)
		if c.outcome != "" && got.Outcome != c.outcome || len(got.Decisions) == 0 || len(got.Parties) == 0 {
			t.Errorf("%s: %+v, want %s", c.file, got, c.outcome)
		}
		if c.entity != "" {
			found := false
			for _, p := range got.Parties {
				for _, h := range p.Hits {
					found = found || h.Entity == c.entity
				}
			}
			if !found {
				t.Errorf("%s: no hit on %s", c.file, c.entity)
			}
		}
	}
	// A broken message: 422, held and logged with a review case.
	msg, _ := os.ReadFile("../testdata/payments/generated_pacs008_ofac_name.xml")
	cut := msg[:len(msg)/2]
	p := wantProblem(t, ts.do(t, "POST", "/v1/messages", tokScreen, cut), http.StatusUnprocessableEntity)
	res, _ := json.Marshal(p.Result)
	var r struct {
		Outcome   string
		Decisions []string
	}
	if json.Unmarshal(res, &r) != nil || r.Outcome == "CLEAR" || r.Outcome == "" || len(r.Decisions) == 0 {
		t.Fatalf("a broken message must be held and logged: %s", res)
	}
	w := ts.do(t, "GET", "/v1/decisions/"+r.Decisions[0], tokReview, nil)
	httpOK(t, w)
	if d := decode[DecisionResponse](t, w); d.Review == nil || d.Review.Status != screening.StatusOpen {
		t.Fatalf("the held message has no open review case: %+v", d)
	}
	wantProblem(t, ts.do(t, "POST", "/v1/messages", tokScreen, "  \n"), http.StatusUnprocessableEntity)
	wantProblem(t, ts.do(t, "POST", "/v1/messages", tokScreen, "hello, this is not a payment"), http.StatusUnprocessableEntity)
}

func TestCompareEntitiesLists(t *testing.T) {
	ts := sharedServer(t)
	w := ts.do(t, "POST", "/v1/compare", tokScreen, `{"name1":"Vladimir Vladimirovich Putin","name2":"PUTIN, Vladimir Vladimirovich","kind":"person"}`)
	httpOK(t, w)
	if c := decode[struct {
		Score float64
		Match bool
	}](t, w); !c.Match || c.Score < 0.9 {
		t.Fatalf("compare: %+v", c)
	}
	wantProblem(t, ts.do(t, "POST", "/v1/compare", tokScreen, `{"name1":"Putin","name2":""}`), http.StatusUnprocessableEntity)

	w = ts.do(t, "GET", "/v1/entities/ofac:7843", tokScreen, nil)
	httpOK(t, w)
	e := decode[struct {
		Entity     lists.Entity
		Provenance []lists.Provenance
	}](t, w)
	if e.Entity.ID != "ofac:7843" || len(e.Provenance) == 0 || e.Provenance[0].SHA256 == "" {
		t.Fatalf("entity: %+v", e)
	}
	wantProblem(t, ts.do(t, "GET", "/v1/entities/ofac:0", tokScreen, nil), http.StatusNotFound)

	w = ts.do(t, "GET", "/v1/lists", tokReview, nil)
	httpOK(t, w)
	l := decode[ListsResponse](t, w)
	if l.Entities != len(realSnapshot(t).Entities) || len(l.Sources) != 4 || l.Generation != 1 {
		t.Fatalf("lists: %+v", l)
	}
}

// TestReviewFourEyes: an exact match on a listed name without anything
// to corroborate it is held; dismissing it needs two different reviewers,
// each named by their token in the audit log.
func TestReviewFourEyes(t *testing.T) {
	ts := newTestServer(t, Options{})
	w := ts.do(t, "POST", "/v1/screen", tokScreen, `{"name":"Saddam Hussein Al-Tikriti"}`)
	httpOK(t, w)
	d := decode[ScreenResponse](t, w)
	if d.Outcome != "HOLD" {
		t.Fatalf("want HOLD: %+v", d)
	}
	path := "/v1/decisions/" + d.DecisionID + "/reviews"
	w = ts.do(t, "GET", "/v1/decisions/"+d.DecisionID, tokScreen, nil)
	httpOK(t, w)
	if got := decode[DecisionResponse](t, w); got.Review == nil || got.Review.DismissNeedsSecond == "" || got.AuditSeq != d.AuditSeq {
		t.Fatalf("want an open case needing two reviewers to dismiss: %+v", got.Review)
	}
	step := `{"action":"dismiss","reason":"passport seen: born 1980, not the listed person"}`
	wantProblem(t, ts.do(t, "POST", path, tokReview, `{"action":"approve","reason":"x"}`), http.StatusUnprocessableEntity)
	wantProblem(t, ts.do(t, "POST", path, tokReview, `{"action":"dismiss","reason":" "}`), http.StatusUnprocessableEntity)
	wantProblem(t, ts.do(t, "POST", path, tokScreen, step), http.StatusForbidden)
	w = ts.do(t, "POST", path, tokReview, step)
	httpOK(t, w)
	if c := decode[screening.ReviewCase](t, w); c.Status != screening.StatusAwaitingSecond || c.Pending.Reviewer != "Alice Analyst" {
		t.Fatalf("after one reviewer: %+v", c)
	}
	wantProblem(t, ts.do(t, "POST", path, tokReview, step), http.StatusConflict) // same reviewer again
	w = ts.do(t, "POST", path, tokReview2, step)
	httpOK(t, w)
	if c := decode[screening.ReviewCase](t, w); c.Status != screening.StatusResolved || c.Outcome != screening.Clear || len(c.Steps) != 2 {
		t.Fatalf("after two reviewers: %+v", c)
	}
	wantProblem(t, ts.do(t, "POST", path, tokReview, step), http.StatusConflict) // resolved
	wantProblem(t, ts.do(t, "POST", "/v1/decisions/nope/reviews", tokReview, step), http.StatusNotFound)
	wantProblem(t, ts.do(t, "GET", "/v1/decisions/nope", tokReview, nil), http.StatusNotFound)
	// The reviewers' names from their tokens are in the audit records.
	var names []string
	for _, rec := range ts.log.Records() {
		if rec.Type == audit.TypeReview {
			var rr screening.ReviewRecord
			if err := json.Unmarshal(rec.Body, &rr); err != nil {
				t.Fatal(err)
			}
			names = append(names, rr.Step.Reviewer)
		}
	}
	if strings.Join(names, ",") != "Alice Analyst,Bob Officer" {
		t.Fatalf("reviewers logged: %q", names)
	}

	// A restarted server rebuilds the cases from the audit history.
	var buf bytes.Buffer
	if _, err := ts.log.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	ts2 := newTestServer(t, Options{History: audit.Records(&buf)})
	w = ts2.do(t, "GET", "/v1/decisions/"+d.DecisionID, tokReview, nil)
	httpOK(t, w)
	if got := decode[DecisionResponse](t, w); got.Review == nil || got.Review.Outcome != screening.Clear || got.AuditSeq != d.AuditSeq {
		t.Fatalf("after a restart: %+v", got)
	}
}

func TestAuth(t *testing.T) {
	ts := sharedServer(t)
	screen := `{"name":"Anna Schmidt"}`
	wantProblem(t, ts.do(t, "POST", "/v1/screen", "", screen), http.StatusUnauthorized)
	wantProblem(t, ts.do(t, "POST", "/v1/screen", "not-a-token", screen), http.StatusUnauthorized)
	w := ts.do(t, "POST", "/v1/screen", "", screen)
	if w.Header().Get("WWW-Authenticate") == "" {
		t.Error("401 without WWW-Authenticate")
	}
	req := httptestRequest("POST", "/v1/screen", screen)
	req.Header.Set("Authorization", "Basic "+tokScreen)
	if w := ts.serve(req); w.Code != http.StatusUnauthorized {
		t.Errorf("Basic auth: %d", w.Code)
	}
	wantProblem(t, ts.do(t, "POST", "/v1/screen", tokReview, screen), http.StatusForbidden)
	wantProblem(t, ts.do(t, "POST", "/v1/admin/reload", tokScreen, nil), http.StatusForbidden)
	wantProblem(t, ts.do(t, "POST", "/v1/admin/reload", tokReview, nil), http.StatusForbidden)
	httpOK(t, ts.do(t, "POST", "/v1/screen", tokScreen, screen))
	httpOK(t, ts.do(t, "POST", "/v1/screen", tokAdmin, screen))
	httpOK(t, ts.do(t, "GET", "/v1/lists", tokScreen, nil))
	for _, p := range []string{"/healthz", "/readyz", "/metrics", "/openapi.json"} {
		httpOK(t, ts.do(t, "GET", p, "", nil))
	}

	// Without tokens: no auth needed, but reviews are refused (no identity).
	open := newTestServer(t, Options{Tokens: nil})
	open.tokens = nil
	w = open.do(t, "POST", "/v1/screen", "", `{"name":"Saddam Hussein Al-Tikriti"}`)
	httpOK(t, w)
	d := decode[ScreenResponse](t, w)
	wantProblem(t, open.do(t, "POST", "/v1/decisions/"+d.DecisionID+"/reviews", "", `{"action":"dismiss","reason":"x"}`), http.StatusForbidden)
}

func TestTokensFile(t *testing.T) {
	for _, bad := range []string{
		"", "# only a comment\n",
		"abc screen name\n",
		HashToken("x") + " superuser name\n",
		HashToken("x") + " screen\n",
		HashToken("x") + " screen a\n" + HashToken("x") + " admin b\n",
	} {
		if _, err := ParseTokens(strings.NewReader(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestBadInput(t *testing.T) {
	ts := sharedServer(t)
	for _, c := range []struct {
		path, body string
		status     int
	}{
		{"/v1/screen", ``, 400},
		{"/v1/screen", `{"name":"Anna"`, 400},
		{"/v1/screen", `{"name":"Anna"} {"name":"Bob"}`, 400},
		{"/v1/screen", `name=Anna`, 400},
		{"/v1/screen", `{"name":""}`, 422},
		{"/v1/screen", `{"name":"   "}`, 422},
		{"/v1/screen", `{"id":"x"}`, 422},
		{"/v1/screen", `{"name":"Anna","colour":"red"}`, 422},
		{"/v1/screen", `{"NAME":"Saddam Hussein"}`, 422},
		{"/v1/screen", `{"name":"Anna Schmidt","name":"Saddam Hussein Al-Tikriti"}`, 422},
		{"/v1/screen", `{"name":42}`, 422},
		{"/v1/screen", `["Anna"]`, 422},
		{"/v1/screen", `"Anna"`, 422},
		{"/v1/screen", `null`, 422},
		{"/v1/screen/batch", `{"parties":{"name":"Anna"}}`, 422},
		{"/v1/screen/batch", `{"parties":[{"name":"Anna","Name":"Bob"}]}`, 422},
		{"/v1/payments", `{"id":"p","parties":[{"role":"debtor","party":{"Name":"Saddam Hussein"}}]}`, 422},
		{"/v1/compare", `{"name1":"a","name2":"b","kind":"dragon"}`, 422},
		{"/v1/decisions/x/reviews", `{"action":"dismiss"`, 400},
		{"/v1/screen", strings.Repeat(" ", MaxJSONBody+1), 413},
		{"/v1/screen", `{"name":"` + strings.Repeat("a", MaxJSONBody) + `"}`, 413},
		{"/v1/messages", strings.Repeat("x", MaxMessageBody+1), 413},
	} {
		tok := tokScreen
		if strings.Contains(c.path, "reviews") {
			tok = tokReview
		}
		w := ts.do(t, "POST", c.path, tok, c.body)
		p := wantProblem(t, w, c.status)
		if strings.Contains(w.Body.String(), `"outcome":"CLEAR"`) {
			t.Errorf("%s %.60q: a refused request carries CLEAR: %+v", c.path, c.body, p)
		}
	}
	// Not a route, or not the route's method.
	wantProblem(t, ts.do(t, "GET", "/v2/screen", tokScreen, nil), http.StatusNotFound)
	w := ts.do(t, "GET", "/v1/screen", tokScreen, nil)
	wantProblem(t, w, http.StatusMethodNotAllowed)
	if w.Header().Get("Allow") != "POST" {
		t.Errorf("Allow %q", w.Header().Get("Allow"))
	}
}

// TestAuditFailure: when the audit store fails, no decision is answered
// (503), and /readyz says why.
func TestAuditFailure(t *testing.T) {
	lg := &failingLog{}
	ts := newTestServer(t, Options{Log: lg})
	httpOK(t, ts.do(t, "GET", "/readyz", "", nil))
	lg.fail = true
	for _, c := range []struct{ path, body string }{
		{"/v1/screen", `{"name":"Anna Schmidt"}`},
		{"/v1/screen/batch", `{"parties":[{"name":"Anna Schmidt"},{"name":"Jean Dupont"}]}`},
		{"/v1/payments", `{"id":"p","parties":[{"role":"debtor","party":{"name":"Anna Schmidt"}}]}`},
		{"/v1/messages", "not a message"},
	} {
		w := ts.do(t, "POST", c.path, tokScreen, c.body)
		p := wantProblem(t, w, http.StatusServiceUnavailable)
		if !strings.Contains(p.Detail, "no space left") || strings.Contains(w.Body.String(), "CLEAR") {
			t.Errorf("%s: %+v", c.path, p)
		}
	}
	w := ts.do(t, "GET", "/readyz", "", nil)
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "audit store not writable") {
		t.Fatalf("readyz with a failed audit store: %d %s", w.Code, w.Body.String())
	}
	lg.fail = false
	httpOK(t, ts.do(t, "POST", "/v1/screen", tokScreen, `{"name":"Anna Schmidt"}`))
	httpOK(t, ts.do(t, "GET", "/readyz", "", nil))
}

func TestReadyzListAge(t *testing.T) {
	ts := newTestServer(t, Options{MaxListAge: new(time.Duration)})
	httpOK(t, ts.do(t, "GET", "/readyz", "", nil))
	ts.maxListAge = 7 * 24 * time.Hour // as New sets it from --max-list-age or the policy
	w := ts.do(t, "GET", "/readyz", "", nil)
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "lists too old") {
		t.Fatalf("old embedded lists with a week's max age: %d %s", w.Code, w.Body.String())
	}
	httpOK(t, ts.do(t, "GET", "/healthz", "", nil))
}

func TestReload(t *testing.T) {
	fail := false
	var loads int
	ts := newTestServer(t, Options{Load: func(ctx context.Context) (*lists.Snapshot, error) {
		loads++
		if fail {
			return nil, os.ErrNotExist
		}
		return realSnapshot(t), nil
	}})
	w := ts.do(t, "POST", "/v1/admin/reload", tokAdmin, nil)
	httpOK(t, w)
	if st := decode[ReloadStatus](t, w); !st.OK || st.Generation != 2 {
		t.Fatalf("reload: %+v", st)
	}
	fail = true
	p := wantProblem(t, ts.do(t, "POST", "/v1/admin/reload", tokAdmin, nil), http.StatusInternalServerError)
	if !strings.Contains(p.Detail, "generation 2") {
		t.Errorf("failed reload: %s", p.Detail)
	}
	// Still serving the last good snapshot, ready, and saying the reload failed.
	httpOK(t, ts.do(t, "POST", "/v1/screen", tokScreen, `{"name":"Anna Schmidt"}`))
	w = ts.do(t, "GET", "/readyz", "", nil)
	httpOK(t, w)
	if rd := decode[Readiness](t, w); rd.LastReload == nil || rd.LastReload.OK || rd.Generation != 2 {
		t.Fatalf("readyz after a failed reload: %+v", rd)
	}
	// A snapshot that lost most of a source is refused unless forced.
	fail = false
	small := lists.NewSnapshot(realSnapshot(t).Entities[:100], realSnapshot(t).Sources, realSnapshot(t).Loaded)
	ts.load = func(ctx context.Context) (*lists.Snapshot, error) { return small, nil }
	p = wantProblem(t, ts.do(t, "POST", "/v1/admin/reload", tokAdmin, nil), http.StatusInternalServerError)
	if !strings.Contains(p.Detail, "fewer") {
		t.Errorf("shrunk list: %s", p.Detail)
	}
	w = ts.do(t, "POST", "/v1/admin/reload?force=1", tokAdmin, nil)
	httpOK(t, w)
	if st := decode[ReloadStatus](t, w); st.Entities != 100 || st.Generation != 3 {
		t.Fatalf("forced reload: %+v", st)
	}
	noLoad := newTestServer(t, Options{})
	wantProblem(t, noLoad.do(t, "POST", "/v1/admin/reload", tokAdmin, nil), http.StatusInternalServerError)
}

func TestMetricsAndAccessLog(t *testing.T) {
	ts := newTestServer(t, Options{})
	httpOK(t, ts.do(t, "POST", "/v1/screen", tokScreen, `{"name":"Saddam Hussein Al-Tikriti","dob":"1937-04-28"}`))
	wantProblem(t, ts.do(t, "POST", "/v1/screen", tokScreen, `{`), 400)
	w := ts.do(t, "GET", "/metrics", "", nil)
	httpOK(t, w)
	body := w.Body.String()
	for _, want := range []string{
		`freezeguard_http_request_duration_seconds_bucket{outcome="FREEZE",route="POST /v1/screen"`,
		`freezeguard_http_request_duration_seconds_bucket{outcome="4xx",route="POST /v1/screen"`,
		`freezeguard_decisions_total{outcome="FREEZE"} 1`,
		`freezeguard_hits_total{source="OFAC"}`,
		`freezeguard_list_age_seconds{`,
		`freezeguard_list_entities{`,
		`freezeguard_audit_append_duration_seconds_count`,
		`freezeguard_list_reloads_total 0`,
		`freezeguard_list_reload_failures_total 0`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	for _, line := range strings.Split(body, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "freezeguard_") {
			t.Errorf("metric not prefixed freezeguard_: %s", line)
		}
	}
	// One JSON access log line per request, with its id and route.
	ts.mu.Lock()
	defer ts.mu.Unlock()
	var n int
	for _, line := range strings.Split(strings.TrimSpace(ts.logs.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line not JSON: %s", line)
		}
		if rec["msg"] != "request" {
			continue
		}
		n++
		if rec["request_id"] == "" || rec["route"] == nil || rec["status"] == nil {
			t.Errorf("access log line lacks fields: %s", line)
		}
		if rec["status"] == float64(200) && rec["route"] == "POST /v1/screen" && (rec["outcome"] != "FREEZE" || rec["token"] != "payment switch" || rec["decisions"] == nil) {
			t.Errorf("access log line of a decision: %s", line)
		}
	}
	if n != 3 {
		t.Errorf("%d access log lines, want 3", n)
	}
}

// The caller's request id is echoed when sane, replaced when not.
func TestRequestID(t *testing.T) {
	ts := sharedServer(t)
	req := httptestRequest("GET", "/healthz", "")
	req.Header.Set("X-Request-Id", "switch-4711")
	if got := ts.serve(req).Header().Get("X-Request-Id"); got != "switch-4711" {
		t.Errorf("request id %q", got)
	}
	req.Header.Set("X-Request-Id", "bad\nid")
	if got := ts.serve(req).Header().Get("X-Request-Id"); got == "" || strings.Contains(got, "\n") {
		t.Errorf("request id %q", got)
	}
}

// A timed refresh whose download fails reloads what is on disk and says
// in /readyz that the fetch failed.
func TestRefreshFetchFails(t *testing.T) {
	ts := newTestServer(t, Options{
		Load:  func(ctx context.Context) (*lists.Snapshot, error) { return realSnapshot(t), nil },
		Fetch: func(ctx context.Context) error { return errors.New("sanctionslistservice.ofac.treas.gov: timeout") },
	})
	st := ts.refresh(context.Background())
	if !st.OK || st.FetchError == "" || st.Generation != 2 {
		t.Fatalf("refresh: %+v", st)
	}
	w := ts.do(t, "GET", "/readyz", "", nil)
	httpOK(t, w)
	if !strings.Contains(w.Body.String(), "fetch_error") {
		t.Fatalf("readyz does not show the failed fetch: %s", w.Body.String())
	}
	if w := ts.do(t, "GET", "/metrics", "", nil); !strings.Contains(w.Body.String(), "freezeguard_list_reload_failures_total 1") {
		t.Error("the failed fetch is not counted")
	}
}

// A request that runs past its deadline gets no decision: 503, never a
// CLEAR.
func TestRequestDeadline(t *testing.T) {
	ts := sharedServer(t)
	old := ts.timeout
	ts.timeout = time.Nanosecond
	defer func() { ts.timeout = old }()
	p := wantProblem(t, ts.do(t, "POST", "/v1/screen", tokScreen, `{"name":"Anna Schmidt"}`), http.StatusServiceUnavailable)
	if !strings.Contains(p.Detail, "deadline") {
		t.Errorf("%s", p.Detail)
	}
}

// The http.Server bounds how long a client may take to send headers and
// body (no slowloris) and caps the headers.
func TestHTTPServerTimeouts(t *testing.T) {
	hs := sharedServer(t).HTTPServer("127.0.0.1:0")
	if hs.ReadHeaderTimeout <= 0 || hs.ReadHeaderTimeout > 10*time.Second || hs.ReadTimeout <= 0 || hs.WriteTimeout <= 0 || hs.IdleTimeout <= 0 || hs.MaxHeaderBytes <= 0 {
		t.Fatalf("timeouts: header %s read %s write %s idle %s, max header %d", hs.ReadHeaderTimeout, hs.ReadTimeout, hs.WriteTimeout, hs.IdleTimeout, hs.MaxHeaderBytes)
	}
}
