package screening

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
	"github.com/freezeguard/freezeguard/screening/audit"
)

const sdnCSVOld = "../testdata/ofac/sdn_csv_2024-05-03/sdn.csv"

// olderSnapshot is the earlier pair of real lists, to reload between.
func olderSnapshot(t testing.TB) *lists.Snapshot {
	snap, err := loader.Load(context.Background(), sdnCSVOld, unXML2)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// TestConcurrentDecideAndReload decides from many goroutines while the
// snapshot is reloaded, then checks the log: it verifies, every decision
// names a generation whose lists-loaded record came before it, with the
// same list hashes, and no acknowledged decision is missing.
func TestConcurrentDecideAndReload(t *testing.T) {
	snaps := []*lists.Snapshot{realSnapshot(t), olderSnapshot(t)}
	s, log, _ := newScreener(t, snaps[0], DefaultPolicy(JurisdictionEU))
	parties := []Party{
		{Name: "Emraan Ali", BirthDate: "1967-07-04"},
		{Name: "El Mayo"},
		{Name: "Jane Ordinary Customer"},
		{Name: "Noel Timothy Heath", Documents: []Document{{Number: "03574"}}},
	}
	const workers, each, reloads = 8, 40, 4
	var wg sync.WaitGroup
	ids := make(chan string, workers*each)
	errs := make(chan error, workers*each+reloads)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				p := parties[(w+i)%len(parties)]
				d, err := s.Decide(ctx, Payment{ID: fmt.Sprintf("w%d-%d", w, i), Parties: []PaymentParty{{Role: Debtor, Party: p}}})
				if err != nil {
					errs <- err
					return
				}
				ids <- d.ID
			}
		})
	}
	wg.Go(func() {
		for i := range reloads {
			if err := s.Reload(ctx, snaps[(i+1)%2]); err != nil {
				errs <- err
			}
		}
	})
	wg.Wait()
	close(ids)
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if g := s.Generation(); g != reloads+1 {
		t.Errorf("generation %d, want %d", g, reloads+1)
	}

	var buf bytes.Buffer
	if _, err := log.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := audit.Verify(bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatalf("log does not verify: %v", err)
	}
	loaded := map[uint64]ListsLoaded{}
	logged := map[string]bool{}
	for rec, err := range audit.Records(&buf) {
		if err != nil {
			t.Fatal(err)
		}
		switch rec.Type {
		case audit.TypeListsLoaded:
			var ll ListsLoaded
			if err := json.Unmarshal(rec.Body, &ll); err != nil {
				t.Fatal(err)
			}
			loaded[ll.Generation] = ll
		case audit.TypeDecision:
			var d Decision
			if err := json.Unmarshal(rec.Body, &d); err != nil {
				t.Fatal(err)
			}
			ll, ok := loaded[d.Snapshot.Generation]
			if !ok {
				t.Fatalf("record %d: decision on generation %d logged before its lists-loaded record", rec.Seq, d.Snapshot.Generation)
			}
			if len(ll.Sources) != len(d.Snapshot.Sources) || ll.Sources[0].SHA256 != d.Snapshot.Sources[0].SHA256 || ll.Sources[1].SHA256 != d.Snapshot.Sources[1].SHA256 {
				t.Errorf("record %d: decision sources differ from generation %d", rec.Seq, d.Snapshot.Generation)
			}
			logged[d.ID] = true
		}
	}
	if len(loaded) != reloads+1 {
		t.Errorf("%d lists-loaded records, want %d", len(loaded), reloads+1)
	}
	n := 0
	for id := range ids {
		n++
		if !logged[id] {
			t.Errorf("acknowledged decision %s not in the log", id)
		}
	}
	if n != workers*each {
		t.Errorf("%d decisions, want %d", n, workers*each)
	}
}
