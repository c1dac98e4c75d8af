package server

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/payments"
	"github.com/freezeguard/freezeguard/report"
	"github.com/freezeguard/freezeguard/screening"
)

// ScreenRequest is one party to screen: the fields of a `batch` input
// line, plus identifiers and owners a bank may know.
type ScreenRequest struct {
	ID      report.FlexID        `json:"id"`
	Name    string               `json:"name"`
	Kind    string               `json:"kind,omitempty"`
	DOB     string               `json:"dob,omitempty"`
	Country string               `json:"country,omitempty"`
	IDs     []screening.Document `json:"ids,omitempty"`
	Owned   []string             `json:"owned,omitempty"` // ids of listed owners (OWNERSHIP_DERIVED)
}

// ScreenResponse is one line of `batch` output plus what a payment
// system acts on: the decision id again as decision_id, the reason, the
// regimes with their reporting deadlines, and the explanation.
type ScreenResponse struct {
	report.Line
	DecisionID  string             `json:"decision_id,omitempty"`
	Reason      string             `json:"reason,omitempty"`
	Explanation string             `json:"explanation,omitempty"`
	Regimes     []screening.Regime `json:"regimes,omitempty"`
	ReportBy    time.Time          `json:"report_by,omitzero"`
	AuditSeq    uint64             `json:"audit_seq,omitempty"`
}

// BatchRequest is up to MaxBatch parties.
type BatchRequest struct {
	Parties []ScreenRequest `json:"parties"`
}

// BatchResponse holds one result per party, in request order.
type BatchResponse struct {
	Results []ScreenResponse `json:"results"`
}

// ReviewRequest is one reviewer's step on a held decision; the reviewer
// is the caller's token.
type ReviewRequest struct {
	Action screening.ReviewAction `json:"action"`
	Reason string                 `json:"reason"`
}

// DecisionResponse is a logged decision and its review case, if held.
type DecisionResponse struct {
	Decision  any                   `json:"decision"` // screening.Decision as logged
	AuditSeq  uint64                `json:"audit_seq"`
	AuditHash string                `json:"audit_hash"`
	Review    *screening.ReviewCase `json:"review,omitempty"`
}

// EntityResponse is a listed entity as loaded, with the provenance of
// the files of its source.
type EntityResponse struct {
	Entity     *lists.Entity      `json:"entity"`
	Provenance []lists.Provenance `json:"provenance"`
	Generation uint64             `json:"generation"`
}

// ListsResponse is `lists info --json` plus the snapshot in use.
type ListsResponse struct {
	report.ListsInfo
	Generation uint64    `json:"generation"`
	Loaded     time.Time `json:"loaded"`
}

func (r *ScreenRequest) validate() error {
	if strings.TrimSpace(r.Name) == "" && len(r.IDs) == 0 && len(r.Owned) == 0 {
		return errors.New("name: empty (a party needs a name, or ids or owned)")
	}
	return nil
}

func (r *ScreenRequest) party() screening.Party {
	return screening.Party{Name: r.Name, Kind: lists.Kind(r.Kind), BirthDate: r.DOB, Country: r.Country, Documents: r.IDs, Owned: r.Owned}
}

// screenOne screens one validated party exactly as `batch` does a line.
func (s *Server) screenOne(ctx context.Context, req *ScreenRequest, line int, where string) (ScreenResponse, *apiError) {
	ref := "http " + where
	if where == "" {
		ref = "http request"
	}
	l, d := report.ScreenParty(ctx, s.sc, report.Input{ID: string(req.ID), Line: line, Where: where, Ref: ref, Party: req.party()})
	if l.Outcome == "" {
		return ScreenResponse{}, s.failed(ctx, l.Error)
	}
	s.keep(&d)
	return ScreenResponse{Line: l, DecisionID: d.ID, Reason: d.Reason, Explanation: d.Explanation, Regimes: d.Regimes, ReportBy: d.ReportBy, AuditSeq: d.AuditSeq}, nil
}

// failed answers a decision that could not be made or logged: 503, the
// payment must not be released.
func (s *Server) failed(ctx context.Context, msg string) *apiError {
	if ctx.Err() != nil {
		return errorf(http.StatusServiceUnavailable, probUnavailable, "no decision within the request deadline: %s", msg)
	}
	return errorf(http.StatusServiceUnavailable, probUnavailable, "no decision: it could not be logged, do not release the payment: %s", msg)
}

// keep records a logged decision for lookup and metrics.
func (s *Server) keep(d *screening.Decision) {
	if d.ID == "" {
		return
	}
	s.decisions.put(d)
	s.m.observe(d)
}

func (s *Server) handleScreen(w http.ResponseWriter, r *http.Request) *apiError {
	body, err := readBody(w, r, MaxJSONBody)
	if err != nil {
		return err
	}
	var req ScreenRequest
	if err := decodeJSON(body, &req); err != nil {
		return err
	}
	if verr := req.validate(); verr != nil {
		return errorf(http.StatusUnprocessableEntity, probInvalid, "%v", verr)
	}
	resp, aerr := s.screenOne(r.Context(), &req, 0, "")
	if aerr != nil {
		return aerr
	}
	info := infoOf(r)
	info.outcome, info.decisions = resp.Outcome, []string{resp.DecisionID}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// batchWorkers screen a batch request's parties concurrently, so that
// their audit appends share fsyncs (group commit).
const batchWorkers = 16

func (s *Server) handleScreenBatch(w http.ResponseWriter, r *http.Request) *apiError {
	body, err := readBody(w, r, MaxJSONBody)
	if err != nil {
		return err
	}
	var req BatchRequest
	if err := decodeJSON(body, &req); err != nil {
		return err
	}
	if len(req.Parties) == 0 || len(req.Parties) > MaxBatch {
		return errorf(http.StatusUnprocessableEntity, probInvalid, "parties: %d given, want 1 to %d", len(req.Parties), MaxBatch)
	}
	// Every party is checked before any is screened: a request is
	// answered whole or refused whole.
	for i := range req.Parties {
		if verr := req.Parties[i].validate(); verr != nil {
			return errorf(http.StatusUnprocessableEntity, probInvalid, "parties[%d]: %v", i, verr)
		}
	}
	ctx := r.Context()
	out := make([]ScreenResponse, len(req.Parties))
	errs := make([]*apiError, len(req.Parties))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(batchWorkers, len(req.Parties)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = s.screenOne(ctx, &req.Parties[i], i+1, fmt.Sprintf("parties[%d]", i))
			}
		}()
	}
	for i := range req.Parties {
		next <- i
	}
	close(next)
	wg.Wait()
	info := infoOf(r)
	worst := screening.Clear
	for i := range out {
		if errs[i] != nil {
			return errs[i]
		}
		info.decisions = append(info.decisions, out[i].DecisionID)
		if o := screening.Outcome(out[i].Outcome); o.Severity() > worst.Severity() {
			worst = o
		}
	}
	info.outcome = string(worst)
	writeJSON(w, http.StatusOK, BatchResponse{Results: out})
	return nil
}

// screenFailure maps an error from screening a payment: invalid input is
// a 422, anything else (the audit store, the deadline) a 503.
func (s *Server) screenFailure(ctx context.Context, err error) *apiError {
	if errors.Is(err, screening.ErrInvalidPayment) || errors.Is(err, screening.ErrInvalidParty) {
		return errorf(http.StatusUnprocessableEntity, probInvalid, "%v", err)
	}
	return s.failed(ctx, err.Error())
}

func (s *Server) answerMessage(w http.ResponseWriter, r *http.Request, res payments.Result) *apiError {
	for i := range res.Decisions {
		s.keep(&res.Decisions[i])
	}
	out := report.FromResult("", res)
	info := infoOf(r)
	info.outcome, info.decisions = out.Outcome, out.Decisions
	if res.ParseErr != nil {
		// Held and logged with a review case; the client hears that the
		// message was not read, with what was decided on what was read.
		e := errorf(http.StatusUnprocessableEntity, probInvalid, "the message could not be read completely (held, UNREADABLE_INPUT, decisions %s): %v", strings.Join(out.Decisions, ", "), res.ParseErr)
		e.result = out
		return e
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) handlePayment(w http.ResponseWriter, r *http.Request) *apiError {
	body, err := readBody(w, r, MaxJSONBody)
	if err != nil {
		return err
	}
	var pay screening.Payment
	if err := decodeJSON(body, &pay); err != nil {
		return err
	}
	if len(pay.Parties) == 0 && len(pay.Text) == 0 {
		return errorf(http.StatusUnprocessableEntity, probInvalid, "parties: empty (a payment needs at least one party)")
	}
	res, serr := payments.ScreenPayments(r.Context(), s.sc, []screening.Payment{pay})
	if serr != nil {
		return s.screenFailure(r.Context(), serr)
	}
	return s.answerMessage(w, r, res)
}

func (s *Server) handleMessage(w http.ResponseWriter, r *http.Request) *apiError {
	body, err := readBody(w, r, MaxMessageBody)
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return errorf(http.StatusUnprocessableEntity, probInvalid, "empty body: want an ISO 20022 (pacs.008, pacs.009, pain.001) or SWIFT MT103/MT101 message")
	}
	res, serr := payments.ScreenMessage(r.Context(), s.sc, bytes.NewReader(body))
	if serr != nil {
		return s.screenFailure(r.Context(), serr)
	}
	return s.answerMessage(w, r, res)
}

func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) *apiError {
	body, err := readBody(w, r, MaxJSONBody)
	if err != nil {
		return err
	}
	var in report.CompareInput
	if err := decodeJSON(body, &in); err != nil {
		return err
	}
	o := report.Compare(in)
	if o.Error != "" {
		return errorf(http.StatusUnprocessableEntity, probInvalid, "%s", o.Error)
	}
	writeJSON(w, http.StatusOK, o)
	return nil
}

func (s *Server) handleEntity(w http.ResponseWriter, r *http.Request) *apiError {
	id := r.PathValue("id")
	snap := s.sc.Snapshot()
	ent, ok := snap.Entity(id)
	if !ok {
		return errorf(http.StatusNotFound, probNotFound, "no entity %q in the lists in use (ids are ofac:N, un:REF, eu:N)", clip(id, 64))
	}
	resp := EntityResponse{Entity: ent, Provenance: []lists.Provenance{}, Generation: s.sc.Generation()}
	for _, p := range snap.Sources {
		if p.Source == ent.Source {
			resp.Provenance = append(resp.Provenance, p)
		}
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

func (s *Server) handleLists(w http.ResponseWriter, r *http.Request) *apiError {
	snap := s.sc.Snapshot()
	writeJSON(w, http.StatusOK, ListsResponse{ListsInfo: report.Lists(snap), Generation: s.sc.Generation(), Loaded: snap.Loaded})
	return nil
}

func (s *Server) handleDecision(w http.ResponseWriter, r *http.Request) *apiError {
	id := r.PathValue("id")
	e, ok := s.decisions.get(id)
	if !ok {
		return errorf(http.StatusNotFound, probNotFound, "decision %q is not among the %d kept by this server (the audit log holds every decision)", clip(id, 64), s.decisions.cap)
	}
	resp := DecisionResponse{Decision: e.body(), AuditSeq: e.seq, AuditHash: e.hash}
	c, found, err := s.reviews.Case(r.Context(), id)
	if err != nil {
		return errorf(http.StatusServiceUnavailable, probUnavailable, "review store: %v", err)
	}
	if found {
		resp.Review = &c
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

func (s *Server) handleReview(w http.ResponseWriter, r *http.Request) *apiError {
	who, ok := s.identity(r)
	if !ok {
		return errorf(http.StatusForbidden, probForbidden, "reviews need a reviewer's identity: start the server with --tokens")
	}
	body, err := readBody(w, r, MaxJSONBody)
	if err != nil {
		return err
	}
	var req ReviewRequest
	if err := decodeJSON(body, &req); err != nil {
		return err
	}
	id := r.PathValue("id")
	c, rerr := s.review(r.Context(), id, who, req.Action, req.Reason)
	switch {
	case rerr == nil:
	case errors.Is(rerr, screening.ErrReviewNotFound):
		return errorf(http.StatusNotFound, probNotFound, "%v", rerr)
	case errors.Is(rerr, screening.ErrReviewResolved), errors.Is(rerr, screening.ErrSameReviewer), errors.Is(rerr, screening.ErrAdminRequired):
		return errorf(http.StatusConflict, probConflict, "%v", rerr)
	case errors.Is(rerr, screening.ErrReviewInvalid):
		return errorf(http.StatusUnprocessableEntity, probInvalid, "%v", rerr)
	default:
		return s.failed(r.Context(), rerr.Error())
	}
	info := infoOf(r)
	info.outcome, info.decisions = string(c.Outcome), []string{id}
	writeJSON(w, http.StatusOK, c)
	return nil
}

func (s *Server) handleReload(w http.ResponseWriter, r *http.Request) *apiError {
	force := r.URL.Query().Get("force")
	st := s.Reload(r.Context(), force == "1" || force == "true")
	if !st.OK {
		e := errorf(http.StatusInternalServerError, probReloadFailed, "reload failed, still serving generation %d: %s", st.Generation, st.Error)
		e.result = st
		return e
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) *apiError {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

//go:embed openapi.json
var openAPI []byte

// OpenAPI is the service's OpenAPI 3.1 document.
func OpenAPI() []byte { return bytes.Clone(openAPI) }

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) *apiError {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(openAPI)
	return nil
}
