package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/freezeguard/freezeguard/payments"
	"github.com/freezeguard/freezeguard/report"
	"github.com/freezeguard/freezeguard/screening"
)

// paymentParty and paymentOutput are `payment --json`'s shapes, shared
// with the screening service in package report.
type (
	paymentParty  = report.MessageParty
	paymentOutput = report.Message
)

func (e *env) payment(ctx context.Context, args []string) error {
	fs := e.newFlags("payment", `payment FILE... [--json] [--lists PATH] [--jurisdiction J] [--audit LOG]

Screens every party of each payment message (ISO 20022 pacs.008, pacs.009,
pain.001 XML; SWIFT MT103/MT101 FIN or RJE); FILE - reads stdin. With
--json, one object per file: file, outcome, decisions, parties (payment,
role, path, name, bic, outcome, hits), signals, embargoes (regime,
route, value, outcome), error. Remittance information and narrative
fields are parties of role remittance or free_text, searched for listed
names; countries, towns, BICs, IBANs and phone numbers are checked
against the embargo table (EMBARGOED_JURISDICTION). A message that
cannot be read completely is at least a HOLD flagged UNREADABLE_INPUT,
logged with a review case; the exit status is then 1 and stderr says how
many files could not be screened completely.`)
	sf := addScreenerFlags(fs)
	asJSON := fs.Bool("json", false, "print one JSON object per file")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usageError(fs, "payment: want at least one message FILE (ISO 20022 XML or SWIFT FIN/RJE)")
	}
	return e.withScreener(ctx, sf, func(ss session) error {
		return e.screenFiles(ctx, ss.s, files, *asJSON)
	})
}

func (e *env) screenFiles(ctx context.Context, s *screening.Screener, files []string, asJSON bool) error {
	failed := 0
	for _, name := range files {
		o, err := e.screenFile(ctx, s, name)
		if err != nil {
			return err // screening itself failed: no valid outcome for anything after
		}
		if o.Error != "" {
			failed++
			fmt.Fprintf(e.stderr, "freezeguard: payment: %s: %s\n", name, o.Error)
		}
		for _, sk := range o.Skipped {
			fmt.Fprintf(e.stderr, "freezeguard: payment: %s: skipped %s\n", name, sk)
		}
		if asJSON {
			if err := json.NewEncoder(e.stdout).Encode(o); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(e.stdout, "%s: %s\n", name, o.Outcome)
		for _, p := range o.Parties {
			who := fmt.Sprintf("%q", p.Name)
			if p.Name == "" && p.BIC != "" {
				who = "BIC " + p.BIC
			}
			fmt.Fprintf(e.stdout, "  %-8s %-20s %-40s %s\n", p.Outcome, p.Role, who, p.Path)
			for _, f := range p.Flags {
				fmt.Fprintf(e.stdout, "           %s\n", f)
			}
			for _, h := range p.Hits {
				fmt.Fprintf(e.stdout, "           hit %s %q score %.3f flags %v\n", h.Entity, h.Name, h.Score, h.Flags)
			}
		}
		for _, m := range o.Embargoes {
			what := m.Country
			if m.Region != "" {
				what += "/" + m.Region
			}
			note := ""
			switch {
			case m.Licence != "":
				note = " (licence: " + m.Licence + ")"
			case !m.Binding:
				note = " (not binding)"
			}
			fmt.Fprintf(e.stdout, "  %-8s embargo %-14s %s %s %q in %s%s\n", m.Outcome, m.Regime, what, m.Route, m.Value, m.Path, note)
		}
	}
	if failed > 0 {
		fmt.Fprintf(e.stderr, "freezeguard: payment: %d of %d file%s could not be screened completely: held (UNREADABLE_INPUT), see the review cases\n", failed, len(files), map[bool]string{true: "", false: "s"}[len(files) == 1])
		return exitError{1}
	}
	return nil
}

// screenFile screens the message in the named file, or on stdin for "-".
// A file that cannot be opened is reported like an unreadable message.
func (e *env) screenFile(ctx context.Context, s *screening.Screener, name string) (paymentOutput, error) {
	o := paymentOutput{File: name, Decisions: []string{}, Parties: []paymentParty{}}
	r := e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			// Recorded like any unreadable input: logged, held, reviewed.
			d, derr := s.Unreadable(ctx, name, screening.Party{}, "message file could not be opened: "+err.Error())
			if derr != nil {
				return o, derr
			}
			o.Outcome, o.Error, o.Unreadable = string(d.Outcome), err.Error(), 1
			o.Decisions = append(o.Decisions, d.ID)
			return o, nil
		}
		defer f.Close()
		r = f
	}
	res, err := payments.ScreenMessage(ctx, s, r)
	if err != nil {
		return o, err
	}
	return report.FromResult(name, res), nil
}
