package reviewpage

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// FuzzReview posts arbitrary forms to the review URL of a real HOLD, with
// a reviewer's bearer token or with no credentials: the page must answer with one
// of the statuses it documents (never 500), never log a step without a
// reviewer action and reason, and never echo markup unescaped.
func FuzzReview(f *testing.F) {
	f.Add("dismiss", "born 1950, not 1937", "", true)
	f.Add("confirm", "<script>alert(1)</script>", "x", false)
	f.Add("freeze", "reason", "", true)
	f.Add("", "", "", false)
	f.Add("dismiss", strings.Repeat("é", 300), "%zz", true)
	fx := newFixture(f)
	id := fx.holds[0].ID
	f.Fuzz(func(t *testing.T, action, reason, extra string, bearer bool) {
		form := url.Values{"action": {action}, "reason": {reason}, "x": {extra}}
		tok := ""
		if bearer {
			tok = "tok-ana"
		}
		resp, body := fx.do(t, &http.Client{CheckRedirect: noRedirect}, "POST", "/review/decisions/"+url.PathEscape(id), tok, form)
		switch resp.StatusCode {
		case http.StatusOK, http.StatusBadRequest, http.StatusConflict, http.StatusNotFound, http.StatusSeeOther:
		default:
			t.Fatalf("status %d for action %q reason %q: %s", resp.StatusCode, action, reason, body)
		}
		if strings.Contains(body, "<script>") {
			t.Fatalf("markup echoed unescaped: %s", body)
		}
		for r, err := range fx.recordsOfType("review") {
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(r.Body), `"action":"confirm"`) && !strings.Contains(string(r.Body), `"action":"dismiss"`) {
				t.Fatalf("logged a step that is no action: %s", r.Body)
			}
		}
	})
}
