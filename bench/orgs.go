package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
)

// orgCase is one line of testdata/eval/orgs_dev.jsonl or
// unlisted_companies_dev.jsonl: a company name as payment data carries it,
// with the listed entity it should find (none for an unlisted company).
type orgCase struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Expected []string `json:"expected"`
	How      string   `json:"how"`
	Listed   string   `json:"listed"`
	Group    string   `json:"group"`
}

func loadOrgCases(root, file string) ([]orgCase, error) {
	p := filepath.Join(root, "testdata/eval", file)
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cs []orgCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var c orgCase
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", p, n, err)
		}
		cs = append(cs, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("%s: no cases", p)
	}
	return cs, nil
}

// secOrgs measures listed companies written as payments carry them (legal
// form written another way, name cut at 35 characters): the share that
// Screen holds or freezes with the expected entity among the first ten
// hits, and with it first.
func secOrgs(ctx context.Context, cfg Config, sc *screening.Screener) (*Section, error) {
	cs, err := loadOrgCases(cfg.Root, "orgs_dev.jsonl")
	if err != nil {
		return nil, err
	}
	s := &Section{Name: "quality: e. listed companies as payments write them"}
	var gt groupTally // a: held with the entity in the top 10, b: ranked first
	var misses, notFirst []string
	tied := 0 // found, not first, but tied with the first hit's score
	for _, c := range cs {
		d, err := sc.Screen(ctx, screening.Party{Name: c.Name, Kind: lists.Organization})
		if err != nil {
			return nil, fmt.Errorf("Screen(%q): %w", c.Name, err)
		}
		hits := d.Hits()
		inTop, first := false, false
		if d.Outcome != screening.Clear {
			for i, h := range hits[:min(10, len(hits))] {
				if slices.Contains(c.Expected, h.EntityID) {
					inTop, first = true, i == 0
					if i > 0 && h.Score == hits[0].Score {
						tied++
					}
					break
				}
			}
		}
		gt.add(c.How, inTop, first)
		if inTop && !first && len(notFirst) < cfg.Misses {
			notFirst = append(notFirst, fmt.Sprintf("%q (listed %q; first %q %.2f)", c.Name, c.Listed, hits[0].MatchedName, hits[0].Score))
		}
		if !inTop && len(misses) < max(15, cfg.Misses) {
			best := "nothing"
			if len(hits) > 0 {
				best = fmt.Sprintf("%q %.2f", hits[0].MatchedName, hits[0].Score)
			}
			misses = append(misses, fmt.Sprintf("%q (listed %q; %s: %s)", c.Name, c.Listed, d.Outcome, best))
		}
	}
	all := gt.all
	s.rate("HOLD/FREEZE with the listed company in the top 10 (target >= 95 %)", all.a, all.n, "Screen, kind organization, name only")
	s.rate("... and ranked first (target >= 90 %)", all.b, all.n, fmt.Sprintf("%d more tie with the first hit's score (a cut that several listed names begin alike)", tied))
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(gt.by)) {
		t := gt.by[k]
		parts = append(parts, fmt.Sprintf("%s %d/%d found, %d first", k, t.a, t.n, t.b))
	}
	s.notef("per kind of change: %s", strings.Join(parts, "; "))
	if len(misses) > 0 {
		s.notef("missed: %s", strings.Join(misses, "; "))
	}
	if len(notFirst) > 0 {
		s.notef("found, not first: %s", strings.Join(notFirst, "; "))
	}
	return s, nil
}

// secUnlisted measures false alerts on real, well-known companies and banks
// on no list: every HOLD or FREEZE is a false alert.
func secUnlisted(ctx context.Context, cfg Config, sc *screening.Screener) (*Section, error) {
	s := &Section{Name: "quality: f. well-known companies on no list"}
	for _, file := range []string{"unlisted_companies_dev.jsonl", "unlisted_companies_world.jsonl"} {
		cs, err := loadOrgCases(cfg.Root, file)
		if err != nil {
			return nil, err
		}
		var held, frozen int
		var examples []string
		var gt groupTally // a: held
		for _, c := range cs {
			d, err := sc.Screen(ctx, screening.Party{Name: c.Name, Kind: lists.Organization})
			if err != nil {
				return nil, fmt.Errorf("Screen(%q): %w", c.Name, err)
			}
			gt.add(c.Group, d.Outcome != screening.Clear, false)
			switch d.Outcome {
			case screening.Clear:
				continue
			case screening.Freeze:
				frozen++
			}
			held++
			if h := d.Hits(); len(h) > 0 {
				examples = append(examples, fmt.Sprintf("%q ~ %q %.2f", c.Name, h[0].MatchedName, h[0].Score))
			}
		}
		s.rate(file+": HOLD or FREEZE (target <= 1 %)", held, len(cs), "Screen, kind organization, name only")
		s.count(file+": FREEZE (target 0)", frozen, "")
		if len(gt.by) > 1 {
			var parts []string
			for _, k := range slices.Sorted(maps.Keys(gt.by)) {
				parts = append(parts, fmt.Sprintf("%s %d/%d", k, gt.by[k].a, gt.by[k].n))
			}
			s.notef("%s held per group: %s", file, strings.Join(parts, ", "))
		}
		if len(examples) > 0 {
			s.notef("%s held: %s", file, strings.Join(examples, "; "))
		}
	}
	return s, nil
}
