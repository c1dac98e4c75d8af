// Package reviewpage is the reviewers' web page over the audit log: the
// queue of open HOLDs, one decision beside the listed entity it hit, and
// the confirm and dismiss forms of the four-eyes review. It is an
// http.Handler, server-rendered with html/template and usable without
// JavaScript, for a service to mount at /review.
//
// The review state is read from the audit log on every request (replayed
// with screening.ReplayReviews), so reviews written by any instance
// sharing the log (a PostgreSQL store) are seen, and every step a reviewer
// takes is appended to the same log before the page answers.
//
// Sign-in: a reviewer's token, given once in a form, becomes an HttpOnly,
// SameSite=Strict cookie; forms sent with that cookie carry a CSRF token
// tied to it. A request with an "Authorization: Bearer TOKEN" header is
// authenticated by the header alone (GET /review answers the page itself)
// and needs no CSRF token: browsers never add that header by themselves.
package reviewpage

import (
	"cmp"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// Reviewer is who a token belongs to.
type Reviewer struct {
	Name string
	Role string
}

// Roles that may review. Other roles can sign in to nothing here.
var reviewRoles = []string{"reviewer", "supervisor", screening.RoleAdmin}

// Config is what the page needs.
type Config struct {
	// Auth says whose a token is; ok false refuses it. Required.
	Auth func(token string) (r Reviewer, ok bool)
	// Log is where review steps are appended. Required.
	Log audit.Log
	// Records reads the same log back from seq 1, checking it (e.g.
	// audit.RecordsSpec for a file or a PostgreSQL store). Required.
	Records func(ctx context.Context) iter.Seq2[audit.Record, error]
	// Entity looks a listed entity up by id (e.g. lists.Snapshot.Entity),
	// to show it beside the decision. Required.
	Entity func(id string) (*lists.Entity, bool)
	// Lock, if set, serialises the reviews of one decision across
	// processes (audit.LockPostgresDecision for a shared store); reviews
	// in this process are serialised in any case.
	Lock func(ctx context.Context, decisionID string) (unlock func() error, err error)
	// Now is the clock (time.Now if nil); Logger where errors are logged
	// (slog.Default if nil).
	Now    func() time.Time
	Logger *slog.Logger
}

// Handler serves the page under /review. Use New.
type Handler struct {
	cfg  Config
	key  []byte // CSRF key, random per Handler
	mux  *http.ServeMux
	mu   sync.Mutex // serialises reviews in this process
	tmpl templates
}

const cookieName = "freezeguard_review"

// New returns the page's handler.
func New(cfg Config) (*Handler, error) {
	if cfg.Auth == nil || cfg.Log == nil || cfg.Records == nil || cfg.Entity == nil {
		return nil, errors.New("reviewpage: Config needs Auth, Log, Records and Entity")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	h := &Handler{cfg: cfg, key: make([]byte, 32), mux: http.NewServeMux(), tmpl: parseTemplates()}
	rand.Read(h.key)
	h.mux.HandleFunc("GET /review", h.queue)
	h.mux.HandleFunc("GET /review/login", h.loginForm)
	h.mux.HandleFunc("POST /review/login", h.login)
	h.mux.HandleFunc("POST /review/logout", h.logout)
	h.mux.HandleFunc("GET /review/decisions/{id}", h.decision)
	h.mux.HandleFunc("POST /review/decisions/{id}", h.review)
	return h, nil
}

// ServeHTTP serves /review and below, with headers that keep the page
// out of caches and frames and allow no script at all.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	hd.Set("X-Content-Type-Options", "nosniff")
	// same-origin, not no-referrer: with no-referrer browsers send
	// "Origin: null" on the page's own forms, which sign-in refuses.
	hd.Set("Referrer-Policy", "same-origin")
	hd.Set("Cache-Control", "no-store")
	h.mux.ServeHTTP(w, r)
}

// session is an authenticated request: who, and whether by cookie (then
// forms need the CSRF token).
type session struct {
	Reviewer
	cookie bool
	token  string
}

// auth returns the request's reviewer. A bearer header that is refused is
// an error even if a cookie is present.
func (h *Handler) auth(r *http.Request) (session, bool) {
	if a := r.Header.Get("Authorization"); a != "" {
		tok, ok := strings.CutPrefix(a, "Bearer ")
		if !ok {
			return session{}, false
		}
		rv, ok := h.cfg.Auth(strings.TrimSpace(tok))
		return session{Reviewer: rv, token: tok}, ok && canReview(rv)
	}
	c, err := r.Cookie(cookieName)
	if err != nil || c.Value == "" {
		return session{}, false
	}
	tok, err := url.QueryUnescape(c.Value)
	if err != nil {
		return session{}, false
	}
	rv, ok := h.cfg.Auth(tok)
	return session{Reviewer: rv, cookie: true, token: tok}, ok && canReview(rv)
}

func canReview(r Reviewer) bool {
	return strings.TrimSpace(r.Name) != "" && slices.Contains(reviewRoles, r.Role)
}

// csrf is the CSRF token of a cookie session: an HMAC of its token under
// the handler's key, so it cannot be computed without the cookie.
func (h *Handler) csrf(s session) string {
	m := hmac.New(sha256.New, h.key)
	m.Write([]byte("csrf\x00" + s.token))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// requireAuth answers an unauthenticated request: a bearer caller gets
// 401, a browser the sign-in form.
func (h *Handler) requireAuth(w http.ResponseWriter, r *http.Request) (session, bool) {
	s, ok := h.auth(r)
	if ok {
		return s, true
	}
	if r.Header.Get("Authorization") != "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="freezeguard review"`)
		http.Error(w, "invalid token or not a reviewer", http.StatusUnauthorized)
		return s, false
	}
	http.Redirect(w, r, "/review/login", http.StatusSeeOther)
	return s, false
}

func (h *Handler) loginForm(w http.ResponseWriter, r *http.Request) {
	h.render(w, http.StatusOK, "login", map[string]any{"Title": "Sign in"})
}

func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	// A sign-in form posted from another site would sign the victim in
	// as someone else (login CSRF): refuse a foreign Origin.
	if o := r.Header.Get("Origin"); o != "" {
		if u, err := url.Parse(o); err != nil || u.Host != r.Host {
			http.Error(w, "sign-in from another site refused", http.StatusForbidden)
			return
		}
	}
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	tok := strings.TrimSpace(r.PostFormValue("token"))
	rv, ok := h.cfg.Auth(tok)
	if tok == "" || !ok || !canReview(rv) {
		h.render(w, http.StatusUnauthorized, "login", map[string]any{"Title": "Sign in", "Error": "This token is not a reviewer's."})
		return
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: url.QueryEscape(tok), Path: "/review",
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil, MaxAge: 12 * 3600})
	http.Redirect(w, r, "/review", http.StatusSeeOther)
}

func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	s, ok := h.requireAuth(w, r)
	if !ok {
		return
	}
	if s.cookie && !h.csrfOK(r, s) {
		http.Error(w, "missing or wrong CSRF token", http.StatusForbidden)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/review", HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: -1})
	http.Redirect(w, r, "/review/login", http.StatusSeeOther)
}

func (h *Handler) csrfOK(r *http.Request, s session) bool {
	got := r.PostFormValue("csrf")
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(h.csrf(s))) == 1
}

// state is the review state read from the log.
type state struct {
	decisions map[string]*screening.Decision // HOLD decisions
	cases     *screening.MemoryReviewStore
}

// load replays the log: every HOLD decision and the review steps on it.
func (h *Handler) load(ctx context.Context) (*state, error) {
	st := &state{decisions: make(map[string]*screening.Decision)}
	var decodeErr error
	recs := func(yield func(audit.Record, error) bool) {
		for rec, err := range h.cfg.Records(ctx) {
			if err == nil && rec.Type == audit.TypeDecision {
				var d screening.Decision
				if err := json.Unmarshal(rec.Body, &d); err != nil {
					decodeErr = fmt.Errorf("reviewpage: record %d: %w", rec.Seq, err)
					return
				}
				if d.Outcome == screening.Hold {
					d.AuditSeq, d.AuditHash = rec.Seq, rec.Hash
					st.decisions[d.ID] = &d
				}
			}
			if !yield(rec, err) {
				return
			}
		}
	}
	cases, err := screening.ReplayReviews(ctx, recs)
	if err == nil {
		err = decodeErr
	}
	if err != nil {
		return nil, err
	}
	st.cases = cases
	return st, nil
}

// queueItem is one row of the queue.
type queueItem struct {
	Case     screening.ReviewCase
	Decision *screening.Decision
	Parties  []string
	Entities []string
}

func (h *Handler) queue(w http.ResponseWriter, r *http.Request) {
	s, ok := h.requireAuth(w, r)
	if !ok {
		return
	}
	st, err := h.load(r.Context())
	if err != nil {
		h.fail(w, err)
		return
	}
	var items []queueItem
	for _, c := range st.cases.Cases() {
		d := st.decisions[c.DecisionID]
		if c.Status == screening.StatusResolved || d == nil {
			continue
		}
		it := queueItem{Case: c, Decision: d}
		for _, p := range d.Parties {
			if len(p.Hits) > 0 {
				it.Parties = append(it.Parties, p.Party.Name)
			}
			for _, hit := range p.Hits {
				it.Entities = append(it.Entities, hit.EntityID+" "+hit.PrimaryName)
			}
		}
		items = append(items, it)
	}
	// Most urgent first (the earliest review-by time; none last), then
	// the oldest.
	slices.SortStableFunc(items, func(a, b queueItem) int {
		ra, rb := a.Decision.ReportBy, b.Decision.ReportBy
		switch {
		case ra.IsZero() && !rb.IsZero():
			return 1
		case !ra.IsZero() && rb.IsZero():
			return -1
		}
		if c := ra.Compare(rb); c != 0 {
			return c
		}
		return cmp.Compare(a.Case.Opened.UnixNano(), b.Case.Opened.UnixNano())
	})
	h.render(w, http.StatusOK, "queue", map[string]any{"Title": "Review queue", "S": s, "CSRF": h.csrfFor(s), "Items": items})
}

func (h *Handler) csrfFor(s session) string {
	if s.cookie {
		return h.csrf(s)
	}
	return ""
}

// hitView is one hit beside the listed entity.
type hitView struct {
	Party  screening.PartyResult
	Hit    screening.Hit
	Entity *lists.Entity
}

func (h *Handler) decision(w http.ResponseWriter, r *http.Request) {
	s, ok := h.requireAuth(w, r)
	if !ok {
		return
	}
	h.showDecision(w, r, s, http.StatusOK, "", "")
}

// showDecision renders one decision with its case; msg and errMsg say
// what the last step did.
func (h *Handler) showDecision(w http.ResponseWriter, r *http.Request, s session, status int, msg, errMsg string) {
	id := r.PathValue("id")
	st, err := h.load(r.Context())
	if err != nil {
		h.fail(w, err)
		return
	}
	d := st.decisions[id]
	c, found, _ := st.cases.Get(r.Context(), id)
	if d == nil || !found {
		http.Error(w, "no held decision "+id, http.StatusNotFound)
		return
	}
	var hits []hitView
	for _, p := range d.Parties {
		for _, hit := range p.Hits {
			e, _ := h.cfg.Entity(hit.EntityID)
			hits = append(hits, hitView{Party: p, Hit: hit, Entity: e})
		}
	}
	h.render(w, status, "decision", map[string]any{
		"Title": "Decision " + id, "S": s, "CSRF": h.csrfFor(s), "D": d, "Case": c, "Hits": hits,
		"Msg": msg, "Error": errMsg, "Resolved": c.Status == screening.StatusResolved,
	})
}

// review takes one step on a decision: confirm or dismiss, with a reason.
// A browser (cookie) gets the decision page again with what happened; a
// bearer caller gets the case as JSON.
func (h *Handler) review(w http.ResponseWriter, r *http.Request) {
	s, ok := h.requireAuth(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form: "+err.Error(), http.StatusBadRequest)
		return
	}
	if s.cookie && !h.csrfOK(r, s) {
		http.Error(w, "missing or wrong CSRF token: reload the page and try again", http.StatusForbidden)
		return
	}
	id := r.PathValue("id")
	action := screening.ReviewAction(r.PostFormValue("action"))
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	c, err := h.step(r.Context(), id, s.Name, s.Role, action, reason)
	status := http.StatusOK
	switch {
	case err == nil:
	case errors.Is(err, screening.ErrReviewNotFound):
		status = http.StatusNotFound
	case errors.Is(err, screening.ErrSameReviewer), errors.Is(err, screening.ErrReviewResolved), errors.Is(err, screening.ErrAdminRequired):
		status = http.StatusConflict
	case errors.Is(err, screening.ErrReviewInvalid):
		status = http.StatusBadRequest
	default:
		h.fail(w, err)
		return
	}
	if !s.cookie {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		if err != nil {
			json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
			return
		}
		json.NewEncoder(w).Encode(c)
		return
	}
	if err != nil {
		h.showDecision(w, r, s, status, "", err.Error())
		return
	}
	h.showDecision(w, r, s, http.StatusOK, fmt.Sprintf("Logged: %s by %s. The case is %s, outcome %s.", action, s.Name, c.Status, c.Outcome), "")
}

// step applies one review step under the locks, on the state replayed
// from the log.
func (h *Handler) step(ctx context.Context, id, reviewer, role string, action screening.ReviewAction, reason string) (screening.ReviewCase, error) {
	if reason == "" {
		return screening.ReviewCase{}, fmt.Errorf("%w: a reason is required", screening.ErrReviewInvalid)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cfg.Lock != nil {
		unlock, err := h.cfg.Lock(ctx, id)
		if err != nil {
			return screening.ReviewCase{}, err
		}
		defer unlock()
	}
	st, err := h.load(ctx)
	if err != nil {
		return screening.ReviewCase{}, err
	}
	// The page's admin is screening's: only an admin decides a disputed case.
	return screening.NewReviews(st.cases, h.cfg.Log, h.cfg.Now).ReviewAs(ctx, id, reviewer, role, action, reason)
}

func (h *Handler) fail(w http.ResponseWriter, err error) {
	h.cfg.Logger.Error("reviewpage", slog.Any("err", err))
	http.Error(w, "the review state could not be read or written; see the service log", http.StatusInternalServerError)
}

func (h *Handler) render(w http.ResponseWriter, status int, name string, data map[string]any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := h.tmpl.execute(w, name, data); err != nil {
		h.cfg.Logger.Error("reviewpage: render", slog.String("page", name), slog.Any("err", err))
	}
}
