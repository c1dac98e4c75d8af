package rescreen

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// now is fixed so that both snapshots' decisions and the oracle's agree on
// time-dependent facts (stale list data, deadlines).
var now = time.Date(2026, 8, 3, 12, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return now }

type loaded struct {
	old, cur *lists.Snapshot
}

var (
	loadOnce sync.Map // name -> *loaded
)

func load(t testing.TB, rc realChange) *loaded {
	t.Helper()
	if v, ok := loadOnce.Load(rc.name); ok {
		return v.(*loaded)
	}
	ctx := context.Background()
	old, err := loader.Load(ctx, rc.old...)
	if err != nil {
		t.Fatal(err)
	}
	cur, err := loader.Load(ctx, rc.new...)
	if err != nil {
		t.Fatal(err)
	}
	l := &loaded{old, cur}
	loadOnce.Store(rc.name, l)
	return l
}

func readCustomers(t testing.TB, path string) []Customer {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cs []Customer
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		cs = append(cs, Customer{ID: l.ID, Seq: int64(n), Party: screening.Party{Name: l.Name, Kind: lists.Kind(l.Kind), BirthDate: l.DOB, Country: l.Country}})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cs
}

// origin is the part of a generated id that says where it came from.
func origin(id string) (kind, entity string) {
	p := strings.Split(id, "/")
	return p[1], p[2]
}

// oracle is the full screen: both snapshots, every entity, and the
// classification written out from lists.Diff with every changed entity
// (not only the material ones), so that it checks the delta indexes, the
// material-field rule and the relinking as well as the classification.
type oracle struct {
	old, cur *screening.Screener
	changes  lists.Changes
	changed  map[string]bool
	added    map[string]bool
	removed  map[string]bool
}

func newOracle(t testing.TB, l *loaded) *oracle {
	ctx := context.Background()
	opts := screening.Options{Log: audit.NewMemory(), Now: fixedNow, MaxListDrop: -1}
	o := &oracle{changes: lists.Diff(l.old, l.cur), changed: map[string]bool{}, added: map[string]bool{}, removed: map[string]bool{}}
	var err error
	if o.old, err = screening.New(ctx, l.old, opts); err != nil {
		t.Fatal(err)
	}
	opts.Log = audit.NewMemory()
	if o.cur, err = screening.New(ctx, l.cur, opts); err != nil {
		t.Fatal(err)
	}
	for _, c := range o.changes.Changed {
		o.changed[c.ID] = true
	}
	for _, id := range o.changes.Added {
		o.added[id] = true
	}
	for _, id := range o.changes.Removed {
		o.removed[id] = true
	}
	return o
}

// expect returns "entity=change" for every changed hit of a customer,
// sorted: a hit whose entity is new or whose outcome moved; for an entity
// in both snapshots, any outcome move counts, whatever changed.
func (o *oracle) expect(t testing.TB, p screening.Party) []string {
	ctx := context.Background()
	dOld, err := o.old.Screen(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	dNew, err := o.cur.Screen(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	oldOut := map[string]screening.Outcome{}
	for _, h := range dOld.Parties[0].Hits {
		oldOut[h.EntityID] = h.Outcome
	}
	var out []string
	for _, h := range dNew.Parties[0].Hits {
		was, ok := oldOut[h.EntityID]
		switch {
		case o.added[h.EntityID] || !ok:
			// A new hit on an entity in both snapshots: only a change
			// of it can explain it.
			out = append(out, h.EntityID+"="+string(NewHit))
		case was != h.Outcome:
			out = append(out, h.EntityID+"="+string(Changed))
		}
		delete(oldOut, h.EntityID)
	}
	for id := range oldOut {
		if o.removed[id] {
			out = append(out, id+"="+string(Delisted))
		} else {
			out = append(out, id+"="+string(Changed))
		}
	}
	slices.Sort(out)
	return out
}

func got(res Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Hit.EntityID+"="+string(h.Change))
	}
	slices.Sort(out)
	return out
}

func TestRealChanges(t *testing.T) {
	for _, rc := range realChanges {
		t.Run(rc.name, func(t *testing.T) {
			l := load(t, rc)
			customers := readCustomers(t, rc.fixture())
			log := audit.NewMemory()
			r, err := New(context.Background(), l.old, l.cur, Options{Log: log, Now: fixedNow})
			if err != nil {
				t.Fatal(err)
			}
			results := map[string]Result{}
			var order []int64
			st, err := r.Run(context.Background(), slices.Values(customers), 2, func(res Result) error {
				results[res.ID] = res
				order = append(order, res.Seq)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if st.Customers != len(customers) {
				t.Fatalf("Run read %d customers, want %d", st.Customers, len(customers))
			}
			if !slices.IsSorted(order) {
				t.Error("results not in input order")
			}
			o := newOracle(t, l)
			type tally struct{ n, found int }
			by := map[string]*tally{}
			var mismatches []string
			for _, c := range customers {
				kind, ent := origin(c.ID)
				want := o.expect(t, c.Party)
				res := results[c.ID]
				if g := got(res); !slices.Equal(g, want) {
					mismatches = append(mismatches, fmt.Sprintf("%s %q: rescreen %v, full screens %v", c.ID, c.Party.Name, g, want))
				}
				if res.Unreadable != "" {
					t.Errorf("%s: held as unreadable: %s", c.ID, res.Unreadable)
				}
				tl := by[kind]
				if tl == nil {
					tl = &tally{}
					by[kind] = tl
				}
				tl.n++
				wantChange := map[string]Change{"added": NewHit, "removed": Delisted}[kind]
				switch {
				case kind == "clean" || kind == "unchanged-fields":
					if res.Change == "" {
						tl.found++ // silent, as it should be
					}
				case wantChange != "":
					if slices.Contains(got(res), ent+"="+string(wantChange)) {
						tl.found++
					}
				case kind == "changed":
					if res.Change != "" {
						tl.found++
					}
				}
			}
			for _, m := range mismatches {
				t.Error(m)
			}
			for _, k := range []string{"added", "removed", "changed", "relinked", "unchanged-fields", "clean"} {
				if tl := by[k]; tl != nil {
					t.Logf("%-16s %4d customers, %4d as expected (added: new-hit on it; removed: delisted from it; changed: reported; others: silent)", k, tl.n, tl.found)
				}
			}
			t.Logf("Run: %d customers, %d screened in full, changes %v", st.Customers, st.Candidates, st.Changes)
			// What the real changes must give: no person on no list
			// reported, no customer named after an entity whose change
			// screening does not read reported on that entity, and the
			// customers named after added and removed entities reported
			// with them, except where the full screen itself does not
			// match the name as the bank wrote it (checked above: the
			// results equal the full screens'); those are matcher limits,
			// logged, and must stay rare.
			missed := 0
			for _, c := range customers {
				kind, ent := origin(c.ID)
				res := results[c.ID]
				switch kind {
				case "clean":
					if res.Change != "" {
						t.Errorf("%s %q, on no list, reported: %q %v", c.ID, c.Party.Name, res.Change, got(res))
					}
				case "unchanged-fields":
					for _, h := range res.Hits {
						if h.Hit.EntityID == ent {
							t.Errorf("%s %q: reported on %s, whose change screening does not read", c.ID, c.Party.Name, ent)
						}
					}
				case "added", "removed":
					want := map[string]Change{"added": NewHit, "removed": Delisted}[kind]
					if !slices.Contains(got(res), ent+"="+string(want)) {
						missed++
						t.Logf("not matched by the full screen either: %s %q (%s)", c.ID, c.Party.Name, ent)
					}
				}
			}
			if n := by["added"].n + by["removed"].n; missed*100 > n {
				t.Errorf("%d of %d customers named after added or removed entities not reported: more than 1%%", missed, n)
			}
			// Every reported customer's decision and rescreen record are
			// in the log, in that order, and the chain is intact.
			recs := log.Records()
			decisions := map[string]bool{}
			rescreens := 0
			for _, rec := range recs {
				switch rec.Type {
				case audit.TypeDecision:
					var d screening.Decision
					if err := json.Unmarshal(rec.Body, &d); err != nil {
						t.Fatal(err)
					}
					decisions[d.ID] = true
				case RecordType:
					var b Record
					if err := json.Unmarshal(rec.Body, &b); err != nil {
						t.Fatal(err)
					}
					if !decisions[b.Decision] {
						t.Errorf("rescreen record of %s names decision %s not logged before it", b.Customer, b.Decision)
					}
					if res := results[b.Customer]; res.Decision == nil || res.Decision.ID != b.Decision || res.Change != b.Change {
						t.Errorf("rescreen record of %s does not match its result", b.Customer)
					}
					rescreens++
				}
			}
			reported := 0
			for _, res := range results {
				if res.Change != "" {
					reported++
				}
			}
			if rescreens != reported {
				t.Errorf("%d rescreen records for %d reported customers", rescreens, reported)
			}
			if _, err := log.Verify(); err != nil {
				t.Errorf("audit log: %v", err)
			}
		})
	}
}

func TestDifferentSources(t *testing.T) {
	ofac := load(t, realChanges[0])
	un := load(t, realChanges[1])
	_, err := New(context.Background(), ofac.old, un.cur, Options{Log: audit.NewMemory()})
	if !errors.Is(err, ErrDifferentSources) {
		t.Fatalf("OFAC against UN: %v, want ErrDifferentSources", err)
	}
	if !strings.Contains(err.Error(), "old holds OFAC, new holds UN") {
		t.Errorf("error does not say which lists: %v", err)
	}
	// OFAC's consolidated list against its SDN list: one source, two
	// lists.
	cons, err := loader.Load(context.Background(), "../testdata/ofac/cons_xml_2025-03-28")
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(context.Background(), ofac.cur, cons, Options{Log: audit.NewMemory()})
	if !errors.Is(err, ErrDifferentSources) || !strings.Contains(err.Error(), "entities in common") {
		t.Fatalf("SDN against consolidated: %v, want ErrDifferentSources", err)
	}
}

func TestBadCustomers(t *testing.T) {
	l := load(t, realChanges[1])
	log := audit.NewMemory()
	r, err := New(context.Background(), l.old, l.cur, Options{Log: log, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		c          Customer
		unreadable bool
		flags      int
	}{
		{Customer{ID: "empty", Party: screening.Party{Name: "  "}}, true, 0},
		{Customer{ID: "punct", Party: screening.Party{Name: "!!! ---"}}, true, 0},
		{Customer{ID: "huge", Party: screening.Party{Name: strings.Repeat("A", 100000)}}, true, 0},
		{Customer{ID: "line", Party: screening.Party{Name: "Anna"}, Unreadable: "line 9: invalid JSON"}, true, 0},
		{Customer{ID: "dob", Party: screening.Party{Name: "Anna Schmidt", BirthDate: "1974-01-32"}}, false, 1},
		{Customer{ID: "country", Party: screening.Party{Name: "Anna Schmidt", Country: "XX"}}, false, 1},
		{Customer{ID: "ok", Party: screening.Party{Name: "Anna Schmidt", Country: "DE"}}, false, 0},
	}
	for _, tc := range cases {
		res, err := r.Check(context.Background(), tc.c)
		if err != nil {
			t.Fatalf("%s: %v", tc.c.ID, err)
		}
		if (res.Unreadable != "") != tc.unreadable {
			t.Errorf("%s: unreadable %q, want %v", tc.c.ID, res.Unreadable, tc.unreadable)
		}
		if tc.unreadable && (res.Outcome != screening.Hold || res.Decision == nil || res.Decision.AuditSeq == 0) {
			t.Errorf("%s: outcome %s, decision %v: want a logged HOLD", tc.c.ID, res.Outcome, res.Decision != nil)
		}
		if len(res.Flags) != tc.flags {
			t.Errorf("%s: flags %v, want %d", tc.c.ID, res.Flags, tc.flags)
		}
		if res.Reportable() != (tc.unreadable || tc.flags > 0) {
			t.Errorf("%s: reportable %v", tc.c.ID, res.Reportable())
		}
	}
}

// A run stops at the first error of its consumer, and at a cancelled
// context, and says so.
func TestRunStops(t *testing.T) {
	l := load(t, realChanges[0])
	r, err := New(context.Background(), l.old, l.cur, Options{Log: audit.NewMemory(), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	customers := readCustomers(t, realChanges[0].fixture())
	stop := errors.New("stop")
	n := 0
	_, err = r.Run(context.Background(), slices.Values(customers), 2, func(Result) error {
		if n++; n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("consumer error: got %v after %d results", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.Run(ctx, slices.Values(customers), 2, func(Result) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
}

// relinked returns the Rescreener's relinked ids for two snapshots.
func relinked(t testing.TB, old, cur *lists.Snapshot) []string {
	r, err := New(context.Background(), old, cur, Options{Log: audit.NewMemory(), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	return r.Delta().Relinked
}
