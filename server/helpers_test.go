package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// Tokens of the test servers: the file holds their hashes, as a bank's
// would.
const (
	tokScreen  = "screen-token-0001"
	tokReview  = "review-token-alice"
	tokReview2 = "review-token-bob"
	tokAdmin   = "admin-token-0001"
)

func testTokens(t testing.TB) *Tokens {
	t.Helper()
	file := "# test tokens\n" +
		HashToken(tokScreen) + " screen payment switch\n" +
		HashToken(tokReview) + " review Alice Analyst\n" +
		HashToken(tokReview2) + " review Bob Officer\n" +
		HashToken(tokAdmin) + " admin ops\n"
	tk, err := ParseTokens(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

var (
	snapOnce sync.Once
	snap     *lists.Snapshot
	snapErr  error
)

// realSnapshot is the real embedded lists, loaded once for all tests.
func realSnapshot(t testing.TB) *lists.Snapshot {
	t.Helper()
	snapOnce.Do(func() { snap, snapErr = embedded.Load(context.Background()) })
	if snapErr != nil {
		t.Fatal(snapErr)
	}
	return snap
}

type testServer struct {
	*Server
	log  *audit.MemoryLog
	logs *bytes.Buffer // access log
	mu   *sync.Mutex
}

func noAge() *time.Duration { var d time.Duration; return &d }

// newTestServer builds a server over the real embedded lists with an
// in-memory audit log and the test tokens, unless opts says otherwise.
func newTestServer(t testing.TB, opts Options) *testServer {
	t.Helper()
	ts := &testServer{logs: &bytes.Buffer{}, mu: &sync.Mutex{}}
	if opts.Snapshot == nil {
		opts.Snapshot = realSnapshot(t)
	}
	if opts.Log == nil {
		ts.log = audit.NewMemory()
		opts.Log = ts.log
	}
	if opts.Tokens == nil {
		opts.Tokens = testTokens(t)
	}
	if opts.MaxListAge == nil {
		opts.MaxListAge = noAge()
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewJSONHandler(lockedWriter{ts.mu, ts.logs}, nil))
	}
	s, err := New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	ts.Server = s
	return ts
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

// do sends one request to the handler and returns the recorded answer.
func (ts *testServer) do(t testing.TB, method, path, token string, body any) *httptest.ResponseRecorder {
	t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		r = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, path, r)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	ts.Handler().ServeHTTP(w, req)
	return w
}

func decode[T any](t testing.TB, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("answer %d is not JSON: %v: %s", w.Code, err, w.Body.String())
	}
	return v
}

// wantProblem checks an RFC 9457 answer with the status.
func wantProblem(t testing.TB, w *httptest.ResponseRecorder, status int) Problem {
	t.Helper()
	if w.Code != status {
		t.Fatalf("status %d, want %d: %s", w.Code, status, w.Body.String())
	}
	if ct := w.Header().Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type %q, want application/problem+json", ct)
	}
	p := decode[Problem](t, w)
	if p.Status != status || p.Type == "" || p.Title == "" || p.RequestID == "" {
		t.Fatalf("incomplete problem: %+v", p)
	}
	return p
}

// failingLog is an audit store that has failed (a full disk).
type failingLog struct{ fail bool }

var errDiskFull = errors.New("write audit.log: no space left on device")

func (l *failingLog) Append(ctx context.Context, typ string, body any) (audit.Record, error) {
	if l.fail {
		return audit.Record{}, errDiskFull
	}
	return audit.Record{Seq: 1, Type: typ}, nil
}

func httpOK(t testing.TB, w *httptest.ResponseRecorder) {
	t.Helper()
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body.String())
	}
}

func httptestRequest(method, path, body string) *http.Request {
	return httptest.NewRequest(method, path, strings.NewReader(body))
}

func (ts *testServer) serve(req *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	ts.Handler().ServeHTTP(w, req)
	return w
}

var (
	sharedOnce sync.Once
	shared     *testServer
)

// sharedServer is one server for the tests that only need a server, not
// a fresh one: building the index is the slow part of a test under -race.
func sharedServer(t testing.TB) *testServer {
	t.Helper()
	sharedOnce.Do(func() { shared = newTestServer(t, Options{}) })
	if shared == nil {
		t.Fatal("shared server not built")
	}
	return shared
}
