package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/freezeguard/freezeguard/server/reviewpage"
	"iter"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// Body limits: a JSON request is small (1,000 parties fit in well under
// 1 MiB); a payment message file may hold many transactions.
const (
	MaxJSONBody    = 1 << 20
	MaxMessageBody = 10 << 20
	MaxBatch       = 1000 // parties in one POST /v1/screen/batch
)

// Options configure a Server.
type Options struct {
	// Snapshot is the lists to screen against at start. Required.
	Snapshot *lists.Snapshot
	// Policy is the bank's policy; the CLI's default (US) if zero, so that
	// the service decides as `freezeguard batch` does.
	Policy screening.Policy
	// Log is the audit store every decision and review step is appended
	// to before it is answered. Required.
	Log audit.Log
	// History replays the audit store's records at start, to rebuild the
	// open review cases and the decisions GET /v1/decisions/{id} can show.
	// Nil for a store that is new or cannot be read back.
	History iter.Seq2[audit.Record, error]
	// Records reads the audit store from its first record, anew at each
	// call (audit.RecordsSpec). When set, every review step first replays
	// the store, so that steps written by the review page or by other
	// instances sharing the store count (four eyes across a fleet), and
	// the review page is served at /review (it needs Tokens).
	Records func(ctx context.Context) iter.Seq2[audit.Record, error]
	// LockDecision, if set, serialises the review steps of one decision
	// across processes (audit.LockPostgresDecision for a shared store).
	LockDecision func(ctx context.Context, decisionID string) (unlock func() error, err error)
	// Load reloads the lists (SIGHUP, POST /v1/admin/reload, after a
	// fetch); nil: the lists cannot be reloaded.
	Load func(ctx context.Context) (*lists.Snapshot, error)
	// Fetch downloads fresh list files before a timed reload
	// (--fetch-every); nil: timed reloads only reload.
	Fetch func(ctx context.Context) error
	// Tokens authenticates requests; nil: no authentication (the caller
	// must bind to loopback only, and reviews are refused: they need a
	// reviewer's identity).
	Tokens *Tokens
	// MaxListAge is the age of the oldest list past which /readyz fails;
	// nil: the policy's MaxListAge; 0: no age check.
	MaxListAge *time.Duration
	// RequestTimeout bounds each request's work (default 10 s).
	RequestTimeout time.Duration
	// KeepDecisions bounds the decisions kept for GET /v1/decisions/{id}
	// (default 20,000; the audit store holds them all).
	KeepDecisions int
	// Logger receives access logs and operational events; slog.Default()
	// if nil.
	Logger *slog.Logger
	// Now is the clock; time.Now if nil.
	Now func() time.Time
}

// Server is the screening service. Build it with New, serve Handler (or
// use ListenAndServe-like code in the caller), call Reload on SIGHUP.
type Server struct {
	sc         *screening.Screener
	reviews    *screening.Reviews
	decisions  *recent
	m          *metrics
	tokens     *Tokens
	load       func(ctx context.Context) (*lists.Snapshot, error)
	fetch      func(ctx context.Context) error
	logger     *slog.Logger
	now        func() time.Time
	timeout    time.Duration
	maxListAge time.Duration
	handler    http.Handler
	routes     []Route
	mux        *http.ServeMux

	records      func(ctx context.Context) iter.Seq2[audit.Record, error]
	lockDecision func(ctx context.Context, decisionID string) (unlock func() error, err error)
	log          audit.Log                    // the audit store, timed
	cases        *screening.MemoryReviewStore // this process's view of the review cases
	reviewMu     sync.Mutex                   // serialises review steps in this process

	auditErr   atomic.Pointer[error] // the last audit append failure, nil after a success
	reloadMu   sync.Mutex
	lastReload atomic.Pointer[ReloadStatus]
}

// Route is one API route: its method and path pattern (Go 1.22 ServeMux
// syntax) and the roles that may call it (none: no token needed).
type Route struct {
	Method  string
	Path    string
	Roles   []Role
	handler func(w http.ResponseWriter, r *http.Request) *apiError
	// timeout overrides the request timeout: a reload builds a whole
	// index, which takes longer than a decision on a loaded machine.
	timeout time.Duration
}

// reloadTimeout bounds a reload asked for over HTTP.
const reloadTimeout = 5 * time.Minute

// New builds the index over opts.Snapshot, replays the audit history and
// returns a Server ready to serve.
func New(ctx context.Context, opts Options) (*Server, error) {
	if opts.Snapshot == nil || opts.Log == nil {
		return nil, errors.New("server: Options.Snapshot and Options.Log are required")
	}
	s := &Server{tokens: opts.Tokens, load: opts.Load, fetch: opts.Fetch, logger: opts.Logger, now: opts.Now, timeout: opts.RequestTimeout,
		records: opts.Records, lockDecision: opts.LockDecision}
	if s.logger == nil {
		s.logger = slog.Default()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.timeout <= 0 {
		s.timeout = 10 * time.Second
	}
	keep := opts.KeepDecisions
	if keep <= 0 {
		keep = 20000
	}
	s.decisions = newRecent(keep)
	pol := opts.Policy
	if pol.Jurisdiction == "" {
		pol = screening.DefaultPolicy(screening.JurisdictionUS)
	}
	s.maxListAge = pol.MaxListAge
	if opts.MaxListAge != nil {
		s.maxListAge = *opts.MaxListAge
	}
	s.m = newMetrics(s)
	store := screening.NewMemoryReviewStore()
	// The log is wrapped (timedLog): screening.New cannot read the
	// known-good records from it, so they come from the history too.
	var known *screening.KnownGoods
	if opts.History != nil {
		var err error
		if store, known, err = s.replay(ctx, opts.History); err != nil {
			return nil, fmt.Errorf("server: reading the audit history: %w", err)
		}
	}
	lg := &timedLog{Log: opts.Log, m: s.m, failed: s.auditFailed}
	s.log, s.cases = lg, store
	s.reviews = screening.NewReviews(store, lg, s.now)
	sc, err := screening.New(ctx, opts.Snapshot, screening.Options{Policy: pol, Log: lg, Reviews: s.reviews, KnownGoods: known, Now: s.now, Logger: s.logger})
	if err != nil {
		return nil, err
	}
	s.sc = sc
	s.lastReload.Store(&ReloadStatus{Time: s.now().UTC(), OK: true, Generation: sc.Generation(), Entities: len(opts.Snapshot.Entities)})
	s.buildRoutes()
	if s.records != nil && s.tokens != nil {
		page, err := reviewpage.New(reviewpage.Config{
			Auth:    s.reviewer,
			Log:     lg,
			Records: s.records,
			Entity:  func(id string) (*lists.Entity, bool) { return s.sc.Snapshot().Entity(id) },
			Lock:    s.lockDecision,
			Now:     s.now,
			Logger:  s.logger,
		})
		if err != nil {
			return nil, err
		}
		s.Mount("/review", page)
		s.Mount("/review/", page)
	}
	return s, nil
}

// reviewer is the review page's sign-in: a token of role review or admin.
func (s *Server) reviewer(token string) (reviewpage.Reviewer, bool) {
	id, ok := s.tokens.Lookup(token)
	switch {
	case !ok:
		return reviewpage.Reviewer{}, false
	case id.Role == RoleReview:
		return reviewpage.Reviewer{Name: id.Name, Role: "reviewer"}, true
	case id.Role == RoleAdmin:
		return reviewpage.Reviewer{Name: id.Name, Role: screening.RoleAdmin}, true
	}
	return reviewpage.Reviewer{}, false
}

// review applies one review step. With Options.Records the cases are
// first replayed from the audit store, under the decision's lock, so the
// step sees those written by the review page and by other instances;
// otherwise this process's cases decide.
func (s *Server) review(ctx context.Context, id string, who Identity, action screening.ReviewAction, reason string) (screening.ReviewCase, error) {
	// Only an admin decides a case the reviewers disagree on.
	reviewer, role := who.Name, ""
	if who.Role == RoleAdmin {
		role = screening.RoleAdmin
	}
	if s.records == nil {
		return s.reviews.ReviewAs(ctx, id, reviewer, role, action, reason)
	}
	s.reviewMu.Lock()
	defer s.reviewMu.Unlock()
	if s.lockDecision != nil {
		unlock, err := s.lockDecision(ctx, id)
		if err != nil {
			return screening.ReviewCase{}, fmt.Errorf("locking decision %s: %w", id, err)
		}
		defer unlock()
	}
	cases, err := screening.ReplayReviews(ctx, s.records(ctx))
	if err != nil {
		return screening.ReviewCase{}, fmt.Errorf("replaying the reviews: %w", err)
	}
	c, err := screening.NewReviews(cases, s.log, s.now).ReviewAs(ctx, id, reviewer, role, action, reason)
	if err == nil {
		err = s.cases.Put(ctx, c) // for GET /v1/decisions/{id}
	}
	return c, err
}

// replay reads the audit history once: the review cases are rebuilt by
// screening.ReplayReviews, the decisions are kept for lookup, and the
// known-good records are loaded.
func (s *Server) replay(ctx context.Context, hist iter.Seq2[audit.Record, error]) (*screening.MemoryReviewStore, *screening.KnownGoods, error) {
	n := 0
	var known []audit.Record
	tee := func(yield func(audit.Record, error) bool) {
		for rec, err := range hist {
			if err == nil {
				switch rec.Type {
				case audit.TypeDecision:
					s.decisions.putRecord(rec)
					n++
				case screening.TypeKnownGood:
					known = append(known, rec)
				}
			}
			if !yield(rec, err) {
				return
			}
		}
	}
	st, err := screening.ReplayReviews(ctx, tee)
	if err != nil {
		return nil, nil, err
	}
	kg, err := screening.LoadKnownGoods(ctx, func(yield func(audit.Record, error) bool) {
		for _, rec := range known {
			if !yield(rec, nil) {
				return
			}
		}
	})
	if err != nil {
		return nil, nil, err
	}
	s.logger.Info("server: audit history read", "decisions", n, "review_cases", len(st.Cases()), "known_good", len(known))
	return st, kg, nil
}

func (s *Server) auditFailed(err error) {
	if err == nil {
		if s.auditErr.Load() != nil {
			s.auditErr.Store(nil)
		}
		return
	}
	s.auditErr.Store(&err)
}

// Screener is the Screener the server decides with.
func (s *Server) Screener() *screening.Screener { return s.sc }

// Routes lists the routes served, in registration order.
func (s *Server) Routes() []Route { return append([]Route(nil), s.routes...) }

// Handler is the service: every route, with access logging, request ids,
// auth and per-request deadlines.
func (s *Server) Handler() http.Handler { return s.handler }

// Mount adds a handler of another package under a path prefix (the review
// web page at /review/, say), behind the same access log; it does its own
// auth. Call it before serving.
func (s *Server) Mount(prefix string, h http.Handler) {
	s.mux.Handle(prefix, h)
}

func (s *Server) buildRoutes() {
	screenRoles := []Role{RoleScreen}
	readRoles := []Role{RoleScreen, RoleReview}
	s.routes = []Route{
		{"POST", "/v1/screen", screenRoles, s.handleScreen, 0},
		{"POST", "/v1/screen/batch", screenRoles, s.handleScreenBatch, 0},
		{"POST", "/v1/payments", screenRoles, s.handlePayment, 0},
		{"POST", "/v1/messages", screenRoles, s.handleMessage, 0},
		{"POST", "/v1/compare", readRoles, s.handleCompare, 0},
		{"GET", "/v1/entities/{id}", readRoles, s.handleEntity, 0},
		{"GET", "/v1/lists", readRoles, s.handleLists, 0},
		{"GET", "/v1/decisions/{id}", readRoles, s.handleDecision, 0},
		{"POST", "/v1/decisions/{id}/reviews", []Role{RoleReview}, s.handleReview, 0},
		{"POST", "/v1/admin/reload", []Role{RoleAdmin}, s.handleReload, reloadTimeout},
		{"GET", "/healthz", nil, s.handleHealthz, 0},
		{"GET", "/readyz", nil, s.handleReadyz, 0},
		{"GET", "/openapi.json", nil, s.handleOpenAPI, 0},
	}
	mux := http.NewServeMux()
	for _, rt := range s.routes {
		mux.Handle(rt.Method+" "+rt.Path, s.wrap(rt))
	}
	metricsRoute := Route{Method: "GET", Path: "/metrics"}
	s.routes = append(s.routes, metricsRoute)
	ph := promhttp.HandlerFor(s.m.reg, promhttp.HandlerOpts{})
	mux.Handle("GET /metrics", s.wrap(Route{Method: "GET", Path: "/metrics", handler: func(w http.ResponseWriter, r *http.Request) *apiError {
		ph.ServeHTTP(w, r)
		return nil
	}}))
	s.mux = mux
	s.handler = s.accessLog(http.HandlerFunc(s.route))
}

// route serves a request with the mux, answering a path it does not
// serve (404) or a method the path does not take (405) with a problem.
func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	if _, pat := s.mux.Handler(r); pat != "" {
		s.mux.ServeHTTP(w, r)
		return
	}
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pat := s.mux.Handler(probe); pat != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) == 0 {
		writeProblem(w, r, errorf(http.StatusNotFound, probNotFound, "no route %s (see /openapi.json)", r.URL.Path))
		return
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	writeProblem(w, r, errorf(http.StatusMethodNotAllowed, probNotFound, "%s does not take %s (allowed: %s)", r.URL.Path, r.Method, strings.Join(allow, ", ")))
}

// reqInfo is what the access log reports about a request, filled in as it
// is handled.
type reqInfo struct {
	id        string
	who       string
	outcome   string
	decisions []string
	problem   string
}

type infoKey struct{}

func infoOf(r *http.Request) *reqInfo {
	i, _ := r.Context().Value(infoKey{}).(*reqInfo)
	return i
}

// requestID is the caller's X-Request-Id when it is a sane token, else a
// fresh random one; it is echoed in the answer and logged.
func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-Id"); id != "" && len(id) <= 64 && !strings.ContainsFunc(id, func(c rune) bool {
		return c <= ' ' || c > '~' || c == '"' || c == '\\'
	}) {
		return id
	}
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// accessLog logs one JSON line per request (log/slog), with the request
// id, the caller's token name, the route, status, time and the decisions
// answered.
func (s *Server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &reqInfo{id: requestID(r)}
		w.Header().Set("X-Request-Id", info.id)
		sw := &statusWriter{ResponseWriter: w}
		r = r.WithContext(context.WithValue(r.Context(), infoKey{}, info))
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		attrs := []slog.Attr{
			slog.String("request_id", info.id),
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.String("route", r.Pattern),
			slog.Int("status", sw.status),
			slog.Int64("bytes", sw.bytes),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
			slog.String("remote", r.RemoteAddr),
		}
		if info.who != "" {
			attrs = append(attrs, slog.String("token", info.who))
		}
		if info.outcome != "" {
			attrs = append(attrs, slog.String("outcome", info.outcome))
		}
		if len(info.decisions) > 0 {
			attrs = append(attrs, slog.Any("decisions", info.decisions))
		}
		if info.problem != "" {
			attrs = append(attrs, slog.String("problem", info.problem))
		}
		s.logger.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs...)
	})
}

// wrap adds to a route's handler: auth, the per-request deadline, the
// problem answer for its error, and the latency metric.
func (s *Server) wrap(rt Route) http.Handler {
	name := rt.Method + " " + rt.Path
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := infoOf(r)
		sw, _ := w.(*statusWriter)
		err := s.authorize(r, rt, info)
		if err == nil {
			timeout := s.timeout
			if rt.timeout > 0 {
				timeout = rt.timeout
			}
			ctx, cancel := context.WithTimeout(r.Context(), timeout)
			err = rt.handler(w, r.WithContext(ctx))
			cancel()
		}
		if err != nil {
			writeProblem(w, r, err)
		}
		code := http.StatusOK
		if sw != nil && sw.status != 0 {
			code = sw.status
		}
		outcome := info.outcome
		if outcome == "" || code >= 300 {
			outcome = strconv.Itoa(code/100) + "xx"
		}
		s.m.latency.WithLabelValues(name, outcome).Observe(time.Since(start).Seconds())
		s.m.requests.WithLabelValues(name, strconv.Itoa(code)).Inc()
	})
}

// authorize checks the request's token against the route's roles: 401
// without a known token, 403 for a role the route is not open to.
func (s *Server) authorize(r *http.Request, rt Route, info *reqInfo) *apiError {
	if rt.Roles == nil {
		return nil
	}
	if s.tokens == nil {
		return nil // no --tokens: loopback only, enforced by the caller
	}
	id, ok := s.tokens.lookup(r)
	if !ok {
		return errorf(http.StatusUnauthorized, probUnauth, "want Authorization: Bearer TOKEN with a known token")
	}
	info.who = id.Name
	if !allowed(id.Role, rt.Roles) {
		return errorf(http.StatusForbidden, probForbidden, "token %q has role %s; %s %s needs %s", id.Name, id.Role, rt.Method, rt.Path, rolesText(rt.Roles))
	}
	return nil
}

// identity is the caller's token identity, if the server has tokens.
func (s *Server) identity(r *http.Request) (Identity, bool) {
	if s.tokens == nil {
		return Identity{}, false
	}
	return s.tokens.lookup(r)
}

func rolesText(rs []Role) string {
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteString(" or ")
		}
		b.WriteString(string(r))
	}
	return b.String() + " (or admin)"
}

// HTTPServer returns an http.Server for the handler with the service's
// timeouts: headers within 5 s and the whole body within 30 s (no
// slowloris), answers written within the longest route timeout (a
// reload's) plus a margin.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      max(s.timeout, reloadTimeout) + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.logger.Handler(), slog.LevelWarn),
	}
}
