package reviewpage

import (
	"context"
	"encoding/json"
	"io"
	"iter"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// The tests screen real names against the real UN list (testdata) into a
// real audit file, and serve the page over it.

const unFile = "../../testdata/un/consolidated_2026-08-01.xml"

var reviewers = map[string]Reviewer{
	"tok-ana": {"ana", "reviewer"},
	"tok-ben": {"ben", "reviewer"},
	"tok-ada": {"ada", "admin"},
	"tok-vic": {"vic", "auditor"}, // may not review
}

type fixture struct {
	srv   *httptest.Server
	log   *audit.FileLog
	path  string
	holds []screening.Decision // [0] under the US policy (no deadline), [1] under the EU policy
}

// newFixture logs two HOLDs on Saddam Hussein Al-Tikriti (UN IQi.001, no
// date of birth given): first under the US policy, where the UN list is
// only a risk and sets no reporting deadline, then under the EU policy,
// where it binds and must be reported without delay. The first party's
// name and address carry markup, which the page must show as text.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	snap, err := loader.Load(ctx, unFile)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	l, err := audit.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	f := &fixture{log: l, path: path}
	for _, j := range []screening.Jurisdiction{screening.JurisdictionUS, screening.JurisdictionEU} {
		s, err := screening.New(ctx, snap, screening.Options{Policy: screening.DefaultPolicy(j), Log: l})
		if err != nil {
			t.Fatal(err)
		}
		p := screening.Party{Name: "Saddam Hussein Al-Tikriti"}
		if j == screening.JurisdictionUS {
			p = screening.Party{Name: "<i>Saddam Hussein Al-Tikriti", Address: `<script>alert("x")</script>`}
		}
		d, err := s.Screen(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if d.Outcome != screening.Hold {
			t.Fatalf("%s: outcome %s, want HOLD", j, d.Outcome)
		}
		f.holds = append(f.holds, d)
	}
	h, err := New(Config{
		Auth: func(tok string) (Reviewer, bool) { r, ok := reviewers[tok]; return r, ok },
		Log:  l,
		Records: func(ctx context.Context) iter.Seq2[audit.Record, error] {
			return audit.RecordsSpec(ctx, path)
		},
		Entity: func(id string) (*lists.Entity, bool) { return snap.Entity(id) },
	})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(h)
	t.Cleanup(f.srv.Close)
	return f
}

func noRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

func (f *fixture) do(t *testing.T, c *http.Client, method, path, bearer string, form url.Values) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, f.srv.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestAuthAndQueue(t *testing.T) {
	f := newFixture(t)
	c := &http.Client{CheckRedirect: noRedirect}

	// Not signed in: a browser is sent to the sign-in form, a bad bearer
	// gets 401, and so does a role that may not review.
	if resp, _ := f.do(t, c, "GET", "/review", "", nil); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/review/login" {
		t.Fatalf("GET /review unauthenticated: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	for _, tok := range []string{"nope", "tok-vic"} {
		if resp, _ := f.do(t, c, "GET", "/review", tok, nil); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("GET /review with bearer %s: %d", tok, resp.StatusCode)
		}
	}

	// A bearer gets the page itself.
	resp, page := f.do(t, c, "GET", "/review", "tok-ana", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /review with bearer: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Errorf("no restrictive CSP: %q", resp.Header.Get("Content-Security-Policy"))
	}
	us, eu := f.holds[0].ID, f.holds[1].ID
	iUS, iEU := strings.Index(page, us), strings.Index(page, eu)
	if iUS < 0 || iEU < 0 {
		t.Fatalf("queue lacks the HOLDs %s, %s:\n%s", us, eu, page)
	}
	// The EU HOLD must be reported without delay: it comes first though
	// it is newer.
	if iEU > iUS {
		t.Errorf("queue order: %s (no deadline) before %s (deadline %s)", us, eu, f.holds[1].ReportBy)
	}
	if strings.Contains(page, "<i>") || !strings.Contains(page, "&lt;i&gt;Saddam") {
		t.Fatalf("the party's markup is not escaped in the queue:\n%s", page)
	}
	_, page = f.do(t, c, "GET", "/review/decisions/"+url.PathEscape(us), "tok-ana", nil)
	if strings.Contains(page, "<script>") || !strings.Contains(page, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") {
		t.Fatalf("the party's markup is not escaped on the decision page:\n%s", page)
	}

	// A sign-in posted from another site is refused.
	req, _ := http.NewRequest("POST", f.srv.URL+"/review/login", strings.NewReader("token=tok-ana"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || len(resp.Cookies()) != 0 {
		t.Fatalf("sign-in from another origin: %d, cookies %v", resp.StatusCode, resp.Cookies())
	}
	// Sign-in form: the cookie is HttpOnly and SameSite=Strict.
	resp, _ = f.do(t, c, "POST", "/review/login", "", url.Values{"token": {"tok-vic"}})
	if resp.StatusCode != http.StatusUnauthorized || len(resp.Cookies()) != 0 {
		t.Fatalf("sign-in as a non-reviewer: %d, cookies %v", resp.StatusCode, resp.Cookies())
	}
	resp, _ = f.do(t, c, "POST", "/review/login", "", url.Values{"token": {"tok-ana"}})
	ck := resp.Cookies()
	if resp.StatusCode != http.StatusSeeOther || len(ck) != 1 || !ck[0].HttpOnly || ck[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("sign-in: %d, cookies %+v", resp.StatusCode, ck)
	}
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func TestReviewFourEyes(t *testing.T) {
	f := newFixture(t)
	jar, _ := cookiejar.New(nil)
	ana := &http.Client{Jar: jar, CheckRedirect: noRedirect}
	f.do(t, ana, "POST", "/review/login", "", url.Values{"token": {"tok-ana"}})
	id := f.holds[1].ID
	path := "/review/decisions/" + id

	resp, page := f.do(t, ana, "GET", path, "", nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", path, resp.StatusCode)
	}
	// The listed entity is shown beside the party: its names in every
	// script (the UN gives the Arabic original), the flags, the tokens.
	for _, want := range []string{"un:IQi.001", "صدام حسين التكريتي", "NO_SECONDARY_ID", "Dismissing needs a second", "saddam", "Review by"} {
		if !strings.Contains(page, want) {
			t.Errorf("decision page lacks %q", want)
		}
	}
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no CSRF token in the form:\n%s", page)
	}
	csrf := m[1]

	// A cookie form without (or with a wrong) CSRF token is refused.
	for _, tok := range []string{"", "forged"} {
		resp, _ = f.do(t, ana, "POST", path, "", url.Values{"action": {"dismiss"}, "reason": {"x"}, "csrf": {tok}})
		if resp.StatusCode != http.StatusForbidden {
			t.Fatalf("POST with CSRF %q: %d", tok, resp.StatusCode)
		}
	}
	// A reason is required.
	resp, _ = f.do(t, ana, "POST", path, "", url.Values{"action": {"dismiss"}, "reason": {"  "}, "csrf": {csrf}})
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("POST without a reason: %d", resp.StatusCode)
	}
	// The first dismissal waits for a second reviewer ...
	resp, page = f.do(t, ana, "POST", path, "", url.Values{"action": {"dismiss"}, "reason": {"born 1950, not 1937"}, "csrf": {csrf}})
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "awaiting-second") {
		t.Fatalf("first dismissal: %d\n%s", resp.StatusCode, page)
	}
	// ... who must not be the same person.
	resp, page = f.do(t, ana, "POST", path, "", url.Values{"action": {"dismiss"}, "reason": {"sure"}, "csrf": {csrf}})
	if resp.StatusCode != http.StatusConflict || !strings.Contains(page, "four eyes") {
		t.Fatalf("second approval by the same reviewer: %d\n%s", resp.StatusCode, page)
	}
	// A bearer call needs no CSRF token and gets the case as JSON.
	resp, body := f.do(t, &http.Client{}, "POST", path, "tok-ben", url.Values{"action": {"dismiss"}, "reason": {"agree: other person"}})
	var c screening.ReviewCase
	if resp.StatusCode != http.StatusOK || json.Unmarshal([]byte(body), &c) != nil || c.Status != screening.StatusResolved || c.Outcome != screening.Clear {
		t.Fatalf("second reviewer: %d %s", resp.StatusCode, body)
	}
	// Resolved: gone from the queue, and every step is in the log.
	if _, page := f.do(t, ana, "GET", "/review", "", nil); strings.Contains(page, id) {
		t.Fatalf("resolved %s still queued", id)
	}
	rep, err := audit.VerifyFile(f.path)
	if err != nil {
		t.Fatal(err)
	}
	reviews := 0
	for r, err := range audit.RecordsSpec(context.Background(), f.path) {
		if err != nil {
			t.Fatal(err)
		}
		if r.Type == audit.TypeReview {
			reviews++
		}
	}
	if reviews != 2 {
		t.Fatalf("%d review records in %d, want 2", reviews, rep.Records)
	}
}

// recordsOfType reads the fixture's log back, keeping records of one type.
func (f *fixture) recordsOfType(typ string) iter.Seq2[audit.Record, error] {
	return func(yield func(audit.Record, error) bool) {
		for r, err := range audit.RecordsSpec(context.Background(), f.path) {
			if err == nil && r.Type != typ {
				continue
			}
			if !yield(r, err) {
				return
			}
		}
	}
}
