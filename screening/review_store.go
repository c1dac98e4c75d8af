package screening

import (
	"context"
	"slices"
	"strings"
	"sync"
)

// Where review cases live (see review.go).

// ReviewStore keeps review cases. A bank may back it with its case system;
// MemoryReviewStore is the in-memory implementation.
type ReviewStore interface {
	Get(ctx context.Context, decisionID string) (ReviewCase, bool, error)
	Put(ctx context.Context, c ReviewCase) error
}

// MemoryReviewStore is an in-memory ReviewStore, safe for concurrent use.
type MemoryReviewStore struct {
	mu sync.RWMutex
	m  map[string]ReviewCase
}

// NewMemoryReviewStore returns an empty store.
func NewMemoryReviewStore() *MemoryReviewStore {
	return &MemoryReviewStore{m: make(map[string]ReviewCase)}
}

// Get returns a copy of the case for a decision: editing it changes
// nothing in the store.
func (s *MemoryReviewStore) Get(_ context.Context, id string) (ReviewCase, bool, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.m[id]
	return c.clone(), ok, nil
}

// Put stores a copy of a case, replacing any earlier state: the caller's
// case shares no memory with the stored one afterwards.
func (s *MemoryReviewStore) Put(_ context.Context, c ReviewCase) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[c.DecisionID] = c.clone()
	return nil
}

// Cases returns a copy of every case, in the order they were opened
// (ties by decision id), for reports.
func (s *MemoryReviewStore) Cases() []ReviewCase {
	s.mu.RLock()
	cs := make([]ReviewCase, 0, len(s.m))
	for _, c := range s.m {
		cs = append(cs, c.clone())
	}
	s.mu.RUnlock()
	slices.SortFunc(cs, func(a, b ReviewCase) int {
		if c := a.Opened.Compare(b.Opened); c != 0 {
			return c
		}
		return strings.Compare(a.DecisionID, b.DecisionID)
	})
	return cs
}
