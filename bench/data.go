package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/internal/fold"
	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
)

// world is the loaded snapshot with the name table the harness indexes,
// built the way screening builds its own (every non-empty listed name).
type world struct {
	snap  *lists.Snapshot
	names []nameRef      // fuzzy record id -> (entity, name)
	recs  []fuzzy.Record // one per names entry
	ix    *fuzzy.Index
	// group[i] is the id of the "same person or organisation" group of
	// entity i: entities on different lists linked by normalised name and
	// compatible birth date (see linkGroups). A group id is an entity index.
	group []int32
	byID  map[string]int32
}

type nameRef struct{ ent, name int32 }

func newWorld(snap *lists.Snapshot) *world {
	w := &world{snap: snap, byID: make(map[string]int32, len(snap.Entities))}
	for ei := range snap.Entities {
		e := &snap.Entities[ei]
		w.byID[e.ID] = int32(ei)
		for ni, n := range e.Names {
			if strings.TrimSpace(n.Full) == "" {
				continue
			}
			w.recs = append(w.recs, fuzzy.Record{ID: uint32(len(w.names)), Name: n.Full, Kind: screening.MatchKind(e.Kind)})
			w.names = append(w.names, nameRef{int32(ei), int32(ni)})
		}
	}
	w.ix = fuzzy.Build(w.recs)
	w.group = linkGroups(snap)
	return w
}

// entityOf returns the entity index a fuzzy record id belongs to.
func (w *world) entityOf(id uint32) int32 { return w.names[id].ent }

// ranked turns name matches (best first) into entities, best first, each
// with its best score.
func (w *world) ranked(ms []fuzzy.Match) []entScore {
	var out []entScore
	for _, m := range ms {
		e := w.entityOf(m.ID)
		dup := false
		for _, o := range out {
			if o.ent == e {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, entScore{e, m.Score})
		}
	}
	return out
}

type entScore struct {
	ent   int32
	score float64
}

// rankOf reports whether any entity accepted by want appears in ranked
// (a) at all with score >= threshold, and (b) at rank one, where entities
// tied with the top score all count as rank one.
func rankOf(rs []entScore, want func(int32) bool) (found, first bool) {
	for i, r := range rs {
		if !want(r.ent) {
			continue
		}
		if r.score >= fuzzy.Threshold {
			found = true
		}
		if i == 0 || r.score == rs[0].score {
			first = true
		}
		return found, first
	}
	return false, false
}

// normKey is the harness's own "same normalised Latin name" key: accents
// folded (the module's one folding, internal/fold), upper case, anything
// not a letter or digit a separator, tokens sorted (so "PUTIN, Vladimir"
// and "Vladimir Putin" agree). It is deliberately independent of the
// fuzzy package it measures.
func normKey(s string) string {
	toks := strings.FieldsFunc(strings.ToUpper(fold.String(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	sort.Strings(toks)
	return strings.Join(toks, " ")
}

// isLatin reports whether every letter of s is Latin script.
func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// linkGroups links entities of different sources that are the same person
// or organisation: a shared normalised Latin name (any strong name) and,
// for people, a compatible date of birth (a common year; or, for
// organisations, nothing more). It is the harness's labelling rule for the
// original-script development set and for cross-list recall; it is kept
// independent of screening's own resolution.
func linkGroups(snap *lists.Snapshot) []int32 {
	n := len(snap.Entities)
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	var find func(int32) int32
	find = func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	byKey := map[string][]int32{}
	for ei := range snap.Entities {
		e := &snap.Entities[ei]
		seen := map[string]bool{}
		for _, nm := range e.Names {
			if nm.Quality == lists.Weak || !isLatin(nm.Full) {
				continue
			}
			k := normKey(nm.Full)
			if strings.Count(k, " ") < 1 || seen[k] {
				continue // a single token is too common to link on
			}
			seen[k] = true
			byKey[k] = append(byKey[k], int32(ei))
		}
	}
	for _, b := range byKey {
		if len(b) > 16 {
			continue
		}
		for i := range b {
			for j := i + 1; j < len(b); j++ {
				a, c := &snap.Entities[b[i]], &snap.Entities[b[j]]
				if a.Source != c.Source && sameThing(a, c) {
					parent[find(b[j])] = find(b[i])
				}
			}
		}
	}
	g := make([]int32, n)
	for i := range g {
		g[i] = find(int32(i))
	}
	return g
}

func sameThing(a, b *lists.Entity) bool {
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind != lists.Person {
		return true
	}
	return compatibleDOB(a.BirthDates, b.BirthDates)
}

// compatibleDOB: some year of one falls within a year (or year range) of
// the other.
func compatibleDOB(as, bs []lists.Date) bool {
	span := func(d lists.Date) (int, int) {
		if d.Kind == lists.DateRange && d.ToYear >= d.Year {
			return d.Year, d.ToYear
		}
		if d.Kind == lists.DateCirca {
			return d.Year - 1, d.Year + 1
		}
		return d.Year, d.Year
	}
	for _, a := range as {
		if a.Year == 0 {
			continue
		}
		for _, b := range bs {
			if b.Year == 0 {
				continue
			}
			a0, a1 := span(a)
			b0, b1 := span(b)
			if a0 <= b1 && b0 <= a1 {
				if a.Kind == lists.DateExact && b.Kind == lists.DateExact && a.Month != 0 && b.Month != 0 && a.Year == b.Year && a.Month != b.Month {
					continue
				}
				return true
			}
		}
	}
	return false
}

// findRoot locates the module root (the directory holding go.mod) from the
// working directory upwards, so that `go run ./bench` and `go test
// ./bench/` find testdata/ alike.
func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.Contains(string(b), "module github.com/freezeguard/freezeguard") {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("bench: module root (go.mod of github.com/freezeguard/freezeguard) not found above the working directory; use -root")
		}
		dir = up
	}
}

// Machine says where the figures were measured.
type Machine struct {
	Date       string `json:"date"`
	GoVersion  string `json:"go_version"`
	GOOS       string `json:"goos"`
	GOARCH     string `json:"goarch"`
	NumCPU     int    `json:"num_cpu"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	CPUModel   string `json:"cpu_model"`
	// LoadAvg is /proc/loadavg when the run started: on a machine shared
	// with other work, wall-clock tails and throughput measure the
	// neighbours too (the CPU-time rows do not).
	LoadAvg string `json:"loadavg,omitempty"`
}

func machine() Machine {
	m := Machine{
		Date:       time.Now().UTC().Format(time.RFC3339),
		GoVersion:  runtime.Version(),
		GOOS:       runtime.GOOS,
		GOARCH:     runtime.GOARCH,
		NumCPU:     runtime.NumCPU(),
		GOMAXPROCS: runtime.GOMAXPROCS(0),
		CPUModel:   "unknown",
	}
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(b)); len(f) >= 3 {
			m.LoadAvg = strings.Join(f[:3], " ")
		}
	}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, ok := strings.Cut(sc.Text(), ":")
			if ok && strings.TrimSpace(k) == "model name" {
				m.CPUModel = strings.TrimSpace(v)
				break
			}
		}
	}
	return m
}

// String is the machine line printed at the top of the table, so figures
// are always quoted with the machine and its load.
func (m Machine) String() string {
	s := fmt.Sprintf("%s  %s %s/%s  %d CPUs (GOMAXPROCS %d)  %s", m.Date, m.GoVersion, m.GOOS, m.GOARCH, m.NumCPU, m.GOMAXPROCS, m.CPUModel)
	if m.LoadAvg != "" {
		s += "  loadavg " + m.LoadAvg
	}
	return s
}
