package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// ReloadStatus is the outcome of the last reload, shown by /readyz and
// answered by POST /v1/admin/reload.
type ReloadStatus struct {
	Time       time.Time `json:"time"`
	OK         bool      `json:"ok"`
	Error      string    `json:"error,omitempty"`
	Generation uint64    `json:"generation"` // in use after the attempt
	Entities   int       `json:"entities"`
	Forced     bool      `json:"forced,omitempty"`
	// FetchError is why the download before a timed reload failed (files
	// it did not replace stay as they were).
	FetchError string `json:"fetch_error,omitempty"`
}

// Reload loads the lists again (Options.Load) and swaps them in
// atomically: decisions in flight finish on the snapshot they started
// with. A load that fails, or a snapshot that lost more than 5 % of a
// source's entities (unless force), keeps the last good snapshot in use;
// the failure is logged, counted and shown by /readyz.
func (s *Server) Reload(ctx context.Context, force bool) ReloadStatus {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	s.m.reloads.Inc()
	st := ReloadStatus{Time: s.now().UTC(), Forced: force}
	err := s.reload(ctx, force)
	st.Generation, st.Entities = s.sc.Generation(), len(s.sc.Snapshot().Entities)
	if err != nil {
		s.m.reloadFail.Inc()
		st.Error = err.Error()
		s.logger.Error("server: list reload failed; the last good snapshot stays in use", "generation", st.Generation, "error", err)
	} else {
		st.OK = true
		s.logger.Info("server: lists reloaded", "generation", st.Generation, "entities", st.Entities)
	}
	s.lastReload.Store(&st)
	return st
}

func (s *Server) reload(ctx context.Context, force bool) error {
	if s.load == nil {
		return errors.New("this server has no list directory to reload from (started without --lists)")
	}
	snap, err := s.load(ctx)
	if err != nil {
		return fmt.Errorf("loading the lists: %w", err)
	}
	if force {
		return s.sc.ReloadForce(ctx, snap)
	}
	return s.sc.Reload(ctx, snap)
}

// Refresh runs Options.Fetch and then Reload every period until ctx ends.
// A failed fetch is logged and counted like a failed reload, and the
// lists are reloaded all the same: files the fetcher did put in place are
// taken.
func (s *Server) Refresh(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s.refresh(ctx)
	}
}

// refresh is one turn of Refresh.
func (s *Server) refresh(ctx context.Context) ReloadStatus {
	var ferr error
	if s.fetch != nil {
		if ferr = s.fetch(ctx); ferr != nil {
			s.m.reloadFail.Inc()
			s.logger.Error("server: list fetch failed; files not updated stay as they were", "error", ferr)
		}
	}
	st := s.Reload(ctx, false)
	if ferr != nil {
		st.FetchError = ferr.Error()
		s.lastReload.Store(&st)
	}
	return st
}

// Readiness is the body of /readyz.
type Readiness struct {
	Ready      bool          `json:"ready"`
	Reasons    []string      `json:"reasons,omitempty"` // why not ready
	Generation uint64        `json:"generation"`
	Entities   int           `json:"entities"`
	Oldest     time.Time     `json:"oldest_list,omitzero"` // the oldest source's publish date
	MaxListAge string        `json:"max_list_age"`         // "0s": no age check
	LastReload *ReloadStatus `json:"last_reload"`
}

// Ready reports whether the service can take decisions: lists loaded and
// indexed, the audit store writable (its last append succeeded), the
// oldest list no older than the maximum age.
func (s *Server) Ready() Readiness {
	snap := s.sc.Snapshot()
	rd := Readiness{Generation: s.sc.Generation(), Entities: len(snap.Entities), Oldest: snap.Oldest(), MaxListAge: s.maxListAge.String(), LastReload: s.lastReload.Load()}
	if len(snap.Entities) == 0 {
		rd.Reasons = append(rd.Reasons, "no listed entity loaded")
	}
	if p := s.auditErr.Load(); p != nil {
		rd.Reasons = append(rd.Reasons, "audit store not writable: its last append failed: "+(*p).Error())
	}
	if s.maxListAge > 0 && !rd.Oldest.IsZero() {
		if age := s.now().Sub(rd.Oldest); age > s.maxListAge {
			rd.Reasons = append(rd.Reasons, fmt.Sprintf("lists too old: the oldest was published %s, %s ago, more than --max-list-age %s", rd.Oldest.Format(time.DateOnly), age.Round(time.Hour), s.maxListAge))
		}
	}
	rd.Ready = len(rd.Reasons) == 0
	return rd
}

func (s *Server) handleReadyz(w http.ResponseWriter, r *http.Request) *apiError {
	rd := s.Ready()
	code := http.StatusOK
	if !rd.Ready {
		code = http.StatusServiceUnavailable
	}
	writeJSON(w, code, rd)
	return nil
}
