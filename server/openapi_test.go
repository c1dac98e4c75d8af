package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/report"
	"github.com/freezeguard/freezeguard/screening"
)

type apiDoc struct {
	OpenAPI string `json:"openapi"`
	Paths   map[string]map[string]struct {
		OperationID string   `json:"operationId"`
		Roles       []string `json:"x-roles"`
		Parameters  []struct {
			Name    string `json:"name"`
			In      string `json:"in"`
			Example string `json:"example"`
		} `json:"parameters"`
		RequestBody *struct {
			Content map[string]struct {
				Example json.RawMessage `json:"example"`
			} `json:"content"`
		} `json:"requestBody"`
	} `json:"paths"`
}

func loadDoc(t *testing.T) apiDoc {
	t.Helper()
	var doc apiDoc
	if err := json.Unmarshal(OpenAPI(), &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return doc
}

// TestOpenAPIRoutes: every route served is documented, with the roles
// that may call it, and every documented route is served.
func TestOpenAPIRoutes(t *testing.T) {
	doc := loadDoc(t)
	if doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi %q, want 3.1.0", doc.OpenAPI)
	}
	ts := sharedServer(t)
	served := map[string]Route{}
	for _, rt := range ts.Routes() {
		served[rt.Method+" "+rt.Path] = rt
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			key := strings.ToUpper(method) + " " + path
			documented[key] = true
			rt, ok := served[key]
			if !ok {
				t.Errorf("%s is documented but not served", key)
				continue
			}
			var roles []string
			for _, r := range rt.Roles {
				roles = append(roles, string(r))
			}
			if !slices.Equal(roles, op.Roles) {
				t.Errorf("%s: x-roles %v, served to %v", key, op.Roles, roles)
			}
		}
	}
	for key := range served {
		if !documented[key] {
			t.Errorf("%s is served but not documented", key)
		}
	}
	// The document served is the file.
	w := ts.do(t, "GET", "/openapi.json", "", nil)
	httpOK(t, w)
	if !bytes.Equal(w.Body.Bytes(), OpenAPI()) {
		t.Error("GET /openapi.json differs from openapi.json")
	}
}

// TestOpenAPIExamples: every example request decodes strictly into the
// request type the route reads, and is answered 200 when sent.
func TestOpenAPIExamples(t *testing.T) {
	doc := loadDoc(t)
	ts := newTestServer(t, Options{Load: func(context.Context) (*lists.Snapshot, error) { return realSnapshot(t), nil }})
	types := map[string]func() any{
		"screen":        func() any { return new(ScreenRequest) },
		"screenBatch":   func() any { return new(BatchRequest) },
		"screenPayment": func() any { return new(screening.Payment) },
		"compare":       func() any { return new(report.CompareInput) },
		"review":        func() any { return new(ReviewRequest) },
	}
	// A held decision for the review example.
	w := ts.do(t, "POST", "/v1/screen", tokScreen, `{"name":"Saddam Hussein Al-Tikriti"}`)
	httpOK(t, w)
	held := decode[ScreenResponse](t, w).DecisionID
	ran := 0
	for path, ops := range doc.Paths {
		for method, op := range ops {
			url := path
			for _, p := range op.Parameters {
				if p.In != "path" {
					continue
				}
				v := p.Example
				if v == "" {
					v = held
				}
				url = strings.ReplaceAll(url, "{"+p.Name+"}", v)
			}
			var body []byte
			if op.RequestBody != nil {
				for ct, c := range op.RequestBody.Content {
					if len(c.Example) == 0 {
						continue
					}
					if ct == "application/json" {
						mk, ok := types[op.OperationID]
						if !ok {
							t.Errorf("%s: no request type known for operation %s", path, op.OperationID)
							continue
						}
						dec := json.NewDecoder(bytes.NewReader(c.Example))
						dec.DisallowUnknownFields()
						if err := dec.Decode(mk()); err != nil {
							t.Errorf("%s example does not decode: %v", path, err)
						}
						if err := decodeJSON(c.Example, mk()); err != nil {
							t.Errorf("%s example refused: %v", path, err)
						}
						body = c.Example
					} else {
						var s string
						if err := json.Unmarshal(c.Example, &s); err != nil {
							t.Fatalf("%s %s example: %v", path, ct, err)
						}
						body = []byte(s)
					}
				}
				if body == nil {
					t.Errorf("%s %s has a request body but no example", method, path)
				}
			}
			tok := tokAdmin
			if op.OperationID == "review" {
				tok = tokReview
			}
			w := ts.do(t, strings.ToUpper(method), url, tok, body)
			if w.Code != http.StatusOK {
				t.Errorf("example %s %s: %d %s", method, url, w.Code, w.Body.String())
			}
			ran++
		}
	}
	if ran < 14 {
		t.Errorf("%d examples run", ran)
	}
}
