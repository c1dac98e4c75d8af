package server

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	fuzzOnce sync.Once
	fuzzSrv  *testServer
)

// fuzzServer is one server for every fuzz input, with an audit log that
// keeps nothing (a fuzz run makes millions of decisions).
func fuzzServer(t *testing.T) *testServer {
	fuzzOnce.Do(func() {
		fuzzSrv = newTestServer(t, Options{Log: &failingLog{}, KeepDecisions: 100, Logger: slog.New(slog.DiscardHandler)})
	})
	return fuzzSrv
}

var fuzzRoutes = []string{"/v1/screen", "/v1/screen/batch", "/v1/payments", "/v1/compare"}

// FuzzJSONEndpoints: whatever the body, a JSON endpoint answers 200 with
// a decision, or a problem (400, 413, 422): never a 5xx, never a CLEAR in
// a refusal.
func FuzzJSONEndpoints(f *testing.F) {
	for _, s := range []string{
		`{"id":"c1","name":"Saddam Hussein Al-Tikriti","dob":"1937-04-28"}`,
		`{"name":"Anna Schmidt","country":"DE","ids":[{"type":"passport","number":"X1"}]}`,
		`{"name":"!!!"}`, `{"name":""}`, `{"NAME":"x"}`, `{"name":"a","name":"b"}`, `{`, `[]`, `null`,
		`{"parties":[{"name":"Anna"},{"name":"Vladimir Putin","dob":"7.10.1952"}]}`,
		`{"id":"p","parties":[{"role":"debtor","party":{"name":"Anna","bic":"DEUTDEFF"}}],"text":["for Saddam Hussein"]}`,
		`{"name1":"Putin","name2":"PUTIN, Vladimir","kind":"person"}`,
	} {
		for i := range fuzzRoutes {
			f.Add(uint8(i), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, route uint8, body []byte) {
		ts := fuzzServer(t)
		path := fuzzRoutes[int(route)%len(fuzzRoutes)]
		w := ts.do(t, "POST", path, tokScreen, body)
		switch w.Code {
		case http.StatusOK:
			if path == "/v1/screen" {
				if r := decode[ScreenResponse](t, w); r.Outcome == "" || r.DecisionID == "" {
					t.Fatalf("200 without a decision: %s", w.Body.String())
				}
			}
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity:
			p := wantProblem(t, w, w.Code)
			if strings.Contains(w.Body.String(), `"CLEAR"`) {
				t.Fatalf("refusal carries CLEAR: %+v", p)
			}
		default:
			t.Fatalf("%s: status %d for %q: %s", path, w.Code, body, w.Body.String())
		}
	})
}

// FuzzMessages: whatever the body, /v1/messages answers 200 with a
// message read whole, or 422 with the message held (never CLEAR) and
// logged.
func FuzzMessages(f *testing.F) {
	for _, dir := range []string{"iso20022_prowide-iso20022", "swift_mt_prowide-core", "iso20022_pacs008_moov-wire20022"} {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", "payments", dir, "*"))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("{1:F01BANKBEBBAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:\n:20:REF\n:59:/123\nSADDAM HUSSEIN\n-}"))
	f.Add([]byte("<Document/>"))
	f.Fuzz(func(t *testing.T, body []byte) {
		ts := fuzzServer(t)
		w := ts.do(t, "POST", "/v1/messages", tokScreen, body)
		switch w.Code {
		case http.StatusOK:
			var m struct {
				Outcome   string
				Decisions []string
				Error     string
			}
			if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil || m.Outcome == "" || len(m.Decisions) == 0 || m.Error != "" {
				t.Fatalf("200 without a whole decision: %s", w.Body.String())
			}
		case http.StatusUnprocessableEntity:
			p := wantProblem(t, w, w.Code)
			if len(strings.TrimSpace(string(body))) == 0 {
				return
			}
			res, _ := json.Marshal(p.Result)
			var m struct {
				Outcome   string
				Decisions []string
			}
			if json.Unmarshal(res, &m) != nil || m.Outcome == "" || m.Outcome == "CLEAR" || len(m.Decisions) == 0 {
				t.Fatalf("a message not read whole must be held and logged: %s", w.Body.String())
			}
		default:
			t.Fatalf("status %d: %s", w.Code, w.Body.String())
		}
	})
}
