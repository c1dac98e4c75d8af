package screening

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// The real lists the tests screen against (testdata/README.md).
const (
	sdnCSV = "../testdata/ofac/sdn_csv_2024-07-02/sdn.csv"
	unXML  = "../testdata/un/consolidated_2026-08-01.xml"
	unXML2 = "../testdata/un/consolidated_2026-02-27.xml"
)

// decisionTime is a fixed decision time a few weeks after the UN list's
// publish date: a Thursday before the observed Independence Day holiday.
var decisionTime = time.Date(2026, time.July, 2, 14, 30, 0, 0, time.UTC)

var (
	realOnce sync.Once
	realSnap *lists.Snapshot
	realErr  error
)

// realSnapshot loads the real OFAC SDN (2024-07-02) and UN (2026-08-01)
// lists once, through the project's loader.
func realSnapshot(t testing.TB) *lists.Snapshot {
	t.Helper()
	realOnce.Do(func() {
		realSnap, realErr = loader.Load(context.Background(), sdnCSV, unXML)
	})
	if realErr != nil {
		t.Fatal(realErr)
	}
	return realSnap
}

// newScreener builds a Screener over snap with a memory log and reviews.
func newScreener(t testing.TB, snap *lists.Snapshot, pol Policy) (*Screener, *audit.MemoryLog, *Reviews) {
	t.Helper()
	log := audit.NewMemory()
	rv := NewReviews(NewMemoryReviewStore(), log, func() time.Time { return decisionTime.Add(time.Hour) })
	s, err := New(context.Background(), snap, Options{Policy: pol, Log: log, Reviews: rv, Now: func() time.Time { return decisionTime }, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return s, log, rv
}

func hitFor(d *Decision, id string) *Hit {
	for pi := range d.Parties {
		for hi := range d.Parties[pi].Hits {
			if h := &d.Parties[pi].Hits[hi]; h.EntityID == id {
				return h
			}
		}
	}
	return nil
}

func flagReason(h *Hit, c FlagCode) string {
	for _, f := range h.Flags {
		if f.Code == c {
			return f.Reason
		}
	}
	return ""
}
