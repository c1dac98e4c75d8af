package fuzzy

import (
	_ "embed"
	"slices"
	"strings"

	"github.com/freezeguard/freezeguard/fuzzy/translit"
)

// nicknameTable is the curated table of nicknames and short forms of
// given names, with its sources: see the file's header.
//
//go:embed nicknames.txt
var nicknameTable string

// nicknames maps the fold key of a nickname to the fold keys of the given
// names it is short for, and the fold key of a given name to those of its
// nicknames: the pairs of one row of the table, never two given names nor
// two nicknames (Alex is Alexander and Alexei; Alexander is not Alexei).
var nicknames = parseNicknames(nicknameTable)

// parseNicknames reads the table: "lang | given names | nicknames" rows;
// blank lines and lines starting with # are skipped. Names are folded with
// translit.Fold, so that the romanisations Fold joins need one entry. A
// malformed row panics: the table is part of the program, and its test
// parses it.
func parseNicknames(table string) map[string][]string {
	m := map[string][]string{}
	add := func(a, b string) {
		if a != b && !slices.Contains(m[a], b) {
			m[a] = append(m[a], b)
		}
	}
	for _, line := range strings.Split(table, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) != 3 {
			panic("fuzzy: nicknames.txt: want 3 fields: " + line)
		}
		given, nicks := strings.Fields(parts[1]), strings.Fields(parts[2])
		if len(given) == 0 || len(nicks) == 0 {
			panic("fuzzy: nicknames.txt: empty field: " + line)
		}
		for _, g := range given {
			for _, n := range nicks {
				if len(n) < 3 {
					panic("fuzzy: nicknames.txt: nickname under three letters: " + line)
				}
				gf, nf := translit.Fold(g), translit.Fold(n)
				add(gf, nf)
				add(nf, gf)
			}
		}
	}
	return m
}

// nickname reports whether fold keys a and b are a nickname and a given
// name it is short for, either way round.
func nickname(a, b string) bool {
	return slices.Contains(nicknames[a], b)
}
