package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/lists"
)

// compareInput is one pair to score.
type compareInput struct {
	ID    string `json:"id"`
	Name1 string `json:"name1"`
	Name2 string `json:"name2"`
	Kind  string `json:"kind,omitempty"`
}

// compareOutput is one scored pair; Match is at fuzzy.Threshold.
type compareOutput struct {
	ID          string             `json:"id"`
	Score       float64            `json:"score"`
	Match       bool               `json:"match"`
	Explanation *fuzzy.Explanation `json:"explanation,omitempty"`
	Error       string             `json:"error,omitempty"`
}

func fuzzyKind(k lists.Kind) fuzzy.Kind {
	switch k {
	case lists.Person:
		return fuzzy.KindPerson
	case lists.Organization:
		return fuzzy.KindOrganization
	case lists.Vessel:
		return fuzzy.KindVessel
	case lists.Aircraft:
		return fuzzy.KindAircraft
	}
	return fuzzy.KindUnknown
}

func compareOne(in compareInput) compareOutput {
	o := compareOutput{ID: in.ID}
	k, err := parseKind(in.Kind)
	if err != nil {
		o.Error = err.Error()
		return o
	}
	ex := fuzzy.Compare(in.Name1, in.Name2, fuzzyKind(k))
	o.Score, o.Match, o.Explanation = ex.Score, ex.Score >= fuzzy.Threshold, &ex
	return o
}

func (e *env) compare(ctx context.Context, args []string) error {
	fs := e.newFlags("compare", "compare [NAME1 NAME2] [--kind K] [--in FILE] [--out FILE]")
	in := fs.String("in", "", "JSON Lines `FILE` of {\"id\",\"name1\",\"name2\",\"kind\"}; default stdin when no names are given")
	out := fs.String("out", "", "output `FILE`; default stdout")
	kind := fs.String("kind", "", "person, organization, vessel, aircraft or unknown (for NAME1 NAME2)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	w := e.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	enc := json.NewEncoder(bw)
	switch {
	case len(pos) == 2 && *in == "":
		o := compareOne(compareInput{Name1: pos[0], Name2: pos[1], Kind: *kind})
		if o.Error != "" {
			return fmt.Errorf("compare: %s", o.Error)
		}
		enc.SetIndent("", "  ")
		return enc.Encode(o)
	case len(pos) != 0:
		return fmt.Errorf("compare: want two names, or --in FILE / stdin")
	}
	r := e.stdin
	if *in != "" {
		f, err := os.Open(*in)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		var ci compareInput
		var o compareOutput
		if err := json.Unmarshal(text, &ci); err != nil {
			o = compareOutput{Error: fmt.Sprintf("line %d: invalid JSON: %v", line, err)}
			fmt.Fprintln(e.stderr, "freezeguard: compare:", o.Error)
		} else {
			o = compareOne(ci)
			if o.Error != "" {
				o.Error = fmt.Sprintf("line %d: %s", line, strings.TrimSpace(o.Error))
			}
		}
		if err := enc.Encode(o); err != nil {
			return err
		}
	}
	return sc.Err()
}
