package server

import (
	"context"
	"iter"
	"net/http"
	"testing"

	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// Two reviewers who disagree leave the case open and disputed; another
// reviewer may not settle it, an admin does, for good. Run with the
// server's own cases and with every step replayed from the audit store
// (Options.Records, as serve runs it), where the review page's steps
// count too.
func TestReviewDisputed(t *testing.T) {
	for _, replay := range []bool{false, true} {
		mem := audit.NewMemory()
		opts := Options{Log: mem}
		if replay {
			opts.Records = func(context.Context) iter.Seq2[audit.Record, error] {
				return func(yield func(audit.Record, error) bool) {
					for _, r := range mem.Records() {
						if !yield(r, nil) {
							return
						}
					}
				}
			}
		}
		ts := newTestServer(t, opts)
		w := ts.do(t, "POST", "/v1/screen", tokScreen, `{"name":"Saddam Hussein Al-Tikriti"}`)
		httpOK(t, w)
		d := decode[ScreenResponse](t, w)
		path := "/v1/decisions/" + d.DecisionID + "/reviews"
		httpOK(t, ts.do(t, "POST", path, tokReview, `{"action":"dismiss","reason":"passport seen: born 1980"}`))
		w = ts.do(t, "POST", path, tokReview2, `{"action":"confirm","reason":"same father's name and town"}`)
		httpOK(t, w)
		if c := decode[screening.ReviewCase](t, w); c.Status == screening.StatusResolved || !c.Disputed {
			t.Fatalf("replay %v: reviewers disagree: %+v", replay, c)
		}
		wantProblem(t, ts.do(t, "POST", path, tokReview, `{"action":"dismiss","reason":"again"}`), http.StatusConflict)
		w = ts.do(t, "POST", path, tokAdmin, `{"action":"confirm","reason":"the father's name settles it"}`)
		httpOK(t, w)
		if c := decode[screening.ReviewCase](t, w); c.Status != screening.StatusResolved || c.Outcome == screening.Clear {
			t.Fatalf("replay %v: after the admin: %+v", replay, c)
		}
		wantProblem(t, ts.do(t, "POST", path, tokAdmin, `{"action":"dismiss","reason":"changed my mind"}`), http.StatusConflict)
		if replay {
			// The review page is served, the reviewer's bearer token
			// answered with the page itself.
			if w := ts.do(t, "GET", "/review", tokReview, nil); w.Code != http.StatusOK {
				t.Errorf("GET /review with a reviewer's bearer token: %d", w.Code)
			}
		}
	}
}
