package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/report"
)

// compareInput and compareOutput are shared with the screening service,
// in package report.
type (
	compareInput  = report.CompareInput
	compareOutput = report.CompareOutput
)

func compareOne(in compareInput) compareOutput { return report.Compare(in) }

func (e *env) compare(ctx context.Context, args []string) error {
	fs := e.newFlags("compare", `compare [NAME1 NAME2 [--json]] [--kind K] [--in FILE] [--out FILE]

Scores two names with the matcher, without any list: the pair given, or
every JSON Lines pair {"id","name1","name2","kind"} from --in or stdin.
For a pair given, prints the verdict (MATCH at or above the matcher's
threshold), the names as normalised and how each token matched (--json:
the same as JSON). For JSON Lines, writes one JSON line per pair: id,
score, match and the explanation; a bad line gets an error and the run
goes on.`)
	in := fs.String("in", "", "JSON Lines `FILE` of {\"id\",\"name1\",\"name2\",\"kind\"}; default stdin when no names are given")
	out := fs.String("out", "", "output `FILE`; default stdout")
	kind := fs.String("kind", "", "person, organization, vessel, aircraft or unknown (for NAME1 NAME2)")
	asJSON := fs.Bool("json", false, "for NAME1 NAME2: print JSON instead of text (JSON Lines input always gets JSON Lines)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 && (len(pos) != 2 || *in != "") {
		return usageError(fs, "compare: want two names, or JSON Lines from --in FILE or stdin")
	}
	r := e.stdin
	if len(pos) == 0 && *in == "" && isTerminal(r) {
		fmt.Fprintln(e.stderr, `freezeguard: compare: reading JSON Lines {"id","name1","name2"} from the terminal; end with Ctrl-D`)
	}
	if *in != "" {
		f, err := os.Open(*in)
		if err != nil {
			return fmt.Errorf("compare: %w", err)
		}
		defer f.Close()
		r = f
	}
	if *out == "" {
		return e.runCompare(ctx, pos, *kind, *asJSON, r, e.stdout)
	}
	f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600) // names of people, as batch --out
	if err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	err = e.runCompare(ctx, pos, *kind, *asJSON, r, f)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("compare: writing output: %w", cerr)
	}
	return err
}

// runCompare scores the pair in names, or else every JSON Lines pair in r.
// A bad line gets an output line with its error, and the run goes on.
func (e *env) runCompare(ctx context.Context, names []string, kind string, asJSON bool, r io.Reader, w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	if len(names) == 2 {
		o := compareOne(compareInput{Name1: names[0], Name2: names[1], Kind: kind})
		if o.Error != "" {
			return fmt.Errorf("compare: %s", o.Error)
		}
		if !asJSON {
			printCompare(bw, &o)
			return bw.Flush()
		}
		enc.SetIndent("", "  ")
		if err := enc.Encode(o); err != nil {
			return err
		}
		return bw.Flush()
	}
	br := bufio.NewReaderSize(r, 64<<10)
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		text, _, tooLong, rerr := readLine(br, maxLine)
		if rerr != nil && rerr != io.EOF {
			return fmt.Errorf("compare: line %d: %w", line, rerr)
		}
		text = bytes.TrimSpace(text)
		if len(text) > 0 || tooLong {
			var ci compareInput
			var o compareOutput
			if tooLong {
				o.Error = fmt.Sprintf("line %d: longer than %d bytes", line, maxLine)
			} else if err := json.Unmarshal(text, &ci); err != nil {
				o.Error = fmt.Sprintf("line %d: invalid JSON: %v", line, err)
			} else {
				o = compareOne(ci)
				if o.Error != "" {
					o.Error = fmt.Sprintf("line %d: %s", line, o.Error)
				}
			}
			if o.Error != "" {
				fmt.Fprintln(e.stderr, "freezeguard: compare:", o.Error)
			}
			if err := enc.Encode(o); err != nil {
				return fmt.Errorf("compare: writing output: %w", err)
			}
		}
		if rerr == io.EOF {
			return bw.Flush()
		}
	}
}

// printCompare writes a scored pair for a person to read: the verdict, the
// names as normalised, token by token how they matched, and the notes.
func printCompare(w io.Writer, o *compareOutput) {
	verdict := "NO MATCH"
	if o.Match {
		verdict = "MATCH"
	}
	fmt.Fprintf(w, "%s  %.3f (threshold %.2f)\n", verdict, o.Score, fuzzy.Threshold)
	ex := o.Explanation
	if ex == nil {
		return
	}
	fmt.Fprintf(w, "name 1: %s\nname 2: %s\n", ex.Query, ex.Candidate)
	if len(ex.Tokens) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "\nNAME 1\tNAME 2\tHOW\tSIMILARITY\tWEIGHT")
		for _, t := range ex.Tokens {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f\t%.2f\n", t.Query, t.Candidate, t.How, t.Sim, t.Weight)
		}
		tw.Flush()
	}
	if len(ex.Unmatched) > 0 {
		fmt.Fprintf(w, "unmatched: %s\n", strings.Join(ex.Unmatched, ", "))
	}
	for _, n := range ex.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
}
