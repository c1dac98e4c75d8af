package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/screening"
)

// run measures the sections cfg selects, in table order, writing progress
// to progress.
func run(ctx context.Context, cfg Config, progress io.Writer) (*Report, error) {
	if cfg.Root == "" {
		root, err := findRoot()
		if err != nil {
			return nil, err
		}
		cfg.Root = root
	}
	rep := &Report{Machine: machine(), Config: cfg}
	step := func(name string) func() {
		t0 := time.Now()
		fmt.Fprintf(progress, "bench: %s...", name)
		return func() { fmt.Fprintf(progress, " %s\n", time.Since(t0).Round(time.Millisecond)) }
	}
	add := func(s *Section, err error) error {
		if err != nil {
			return err
		}
		rep.Sections = append(rep.Sections, s)
		return nil
	}

	if cfg.want("load") {
		done := step("load")
		if err := add(secLoad(ctx, cfg)); err != nil {
			return nil, err
		}
		done()
	}
	done := step("snapshot and harness index")
	snap, err := embedded.Load(ctx)
	if err != nil {
		return nil, err
	}
	w := newWorld(snap)
	done()

	// Generated sets, built only when a selected section needs them.
	var (
		clean, excluded []cleanName
		alts            []altered
		mix             []query
		sets            bool
	)
	needSets := func() error {
		if sets {
			return nil
		}
		sets = true
		cs, err := loadCultures()
		if err != nil {
			return err
		}
		clean, excluded = genClean(cfg.Seed, cfg.Clean, cs, listedKeys(snap))
		alts = genAltered(cfg.Seed, w, cfg.PerVariant)
		sc, _ := scriptCases(w)
		var script []string
		for _, c := range sc {
			script = append(script, c.Query)
		}
		mix = makeMix(cfg.Seed, cfg.Queries, cfg.Listed, clean, alts, script)
		if len(mix) == 0 {
			return fmt.Errorf("bench: empty query mix (queries=%d)", cfg.Queries)
		}
		return nil
	}
	var sc *screening.Screener
	screener := func() (*screening.Screener, error) {
		if sc != nil {
			return sc, nil
		}
		var err error
		sc, err = newScreener(ctx, snap)
		return sc, err
	}

	if cfg.want("build") {
		done := step("build")
		if err := add(secBuild(ctx, cfg, w)); err != nil {
			return nil, err
		}
		done()
	}
	for _, name := range []string{"latency", "throughput", "brute", "serve"} {
		if !cfg.want(name) {
			continue
		}
		if err := needSets(); err != nil {
			return nil, err
		}
		done := step(name)
		var err error
		switch name {
		case "latency":
			err = add(secLatency(ctx, cfg, w, mix))
		case "throughput":
			err = add(secThroughput(ctx, cfg, w, mix))
		case "brute":
			err = add(secBrute(ctx, cfg, w, mix))
		case "serve":
			err = add(secServe(ctx, cfg, snap, mix))
		}
		if err != nil {
			return nil, err
		}
		done()
	}
	for _, name := range qualitySections {
		if !cfg.want(name) {
			continue
		}
		done := step(name)
		var err error
		switch name {
		case "parity":
			err = add(secParity(cfg, w))
		case "putin":
			var s *screening.Screener
			if s, err = screener(); err == nil {
				err = add(secPutin(ctx, cfg, w, s))
			}
		case "script":
			err = add(secScript(cfg, w))
		case "variants":
			if err = needSets(); err == nil {
				rep.Sections = append(rep.Sections, secVariants(cfg, w, alts))
			}
		case "clean":
			var s *screening.Screener
			if err = needSets(); err == nil {
				if s, err = screener(); err == nil {
					err = add(secClean(ctx, cfg, w, s, clean, excluded))
				}
			}
		case "pairs":
			err = add(secPairs())
		case "freetext":
			var s *screening.Screener
			if err = needSets(); err == nil {
				if s, err = screener(); err == nil {
					err = add(secFreeText(ctx, cfg, w, s, clean))
				}
			}
		case "fullnames":
			err = add(secFullNames(cfg, w))
		case "compounds":
			err = add(secCompounds(cfg, w))
		case "french":
			err = add(secFrench(cfg, w))
		case "lookalike":
			var s *screening.Screener
			if s, err = screener(); err == nil {
				err = add(secLookAlike(ctx, cfg, w, s))
			}
		case "orgs", "unlisted":
			var s *screening.Screener
			if s, err = screener(); err == nil {
				if name == "orgs" {
					err = add(secOrgs(ctx, cfg, s))
				} else {
					err = add(secUnlisted(ctx, cfg, s))
				}
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		done()
	}
	return rep, nil
}
