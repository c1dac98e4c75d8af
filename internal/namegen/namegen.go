// Package namegen reads the generated-name tables
// (bench/testdata/generated_names_*.txt) that the bench, the rescreen
// benchmark and the rescreen fixtures make people on no list from, and
// spells names from their patterns. How the parts are picked (random,
// hashed, without repeats) stays with each caller.
package namegen

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// Glob matches the tables in their directory.
const Glob = "generated_names_*.txt"

// Culture is one naming culture's table: parts by letter (G given, F
// family, P patronymic, M middle) and the patterns names are built from
// ("G F", "F+G" for parts written without a space, "G-G" for a hyphen).
type Culture struct {
	Name     string // from the file name: generated_names_<name>.txt
	Patterns []string
	Parts    map[byte][]string
}

// Load reads every table matching [Glob] in fsys, in file name order.
func Load(fsys fs.FS) ([]Culture, error) {
	paths, err := fs.Glob(fsys, Glob)
	if err != nil {
		return nil, err
	}
	var cs []Culture
	for _, p := range paths {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, err
		}
		c, err := parse(p, b)
		if err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("namegen: no %s tables", Glob)
	}
	return cs, nil
}

// parse reads one table. Format: '#' comments; "pattern: G F | G M F";
// "G: name name ..." (an underscore inside a name stands for a space).
func parse(p string, b []byte) (Culture, error) {
	c := Culture{Name: strings.TrimSuffix(strings.TrimPrefix(path.Base(p), "generated_names_"), ".txt"), Parts: map[byte][]string{}}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for ln := 1; sc.Scan(); ln++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return c, fmt.Errorf("%s:%d: want \"key: values\", got %q", p, ln, line)
		}
		switch k = strings.TrimSpace(k); k {
		case "pattern":
			for _, pat := range strings.Split(v, "|") {
				c.Patterns = append(c.Patterns, strings.TrimSpace(pat))
			}
		case "G", "F", "P", "M":
			for _, f := range strings.Fields(v) {
				c.Parts[k[0]] = append(c.Parts[k[0]], strings.ReplaceAll(f, "_", " "))
			}
		default:
			return c, fmt.Errorf("%s:%d: unknown key %q", p, ln, k)
		}
	}
	if err := sc.Err(); err != nil {
		return c, fmt.Errorf("%s: %w", p, err)
	}
	if len(c.Patterns) == 0 || len(c.Parts['G']) == 0 || len(c.Parts['F']) == 0 {
		return c, fmt.Errorf("%s: needs a pattern and G and F names", p)
	}
	for _, pat := range c.Patterns {
		for i := 0; i < len(pat); i++ {
			if l := pat[i]; l != ' ' && l != '+' && l != '-' && len(c.Parts[l]) == 0 {
				return c, fmt.Errorf("%s: pattern %q uses %c, which has no names", p, pat, l)
			}
		}
	}
	return c, nil
}

// Spell returns the name pattern pat describes: pick chooses the part
// for the letter at byte i of pat from that letter's parts, and is called
// in pattern order.
func (c *Culture) Spell(pat string, pick func(i int, parts []string) string) string {
	var b strings.Builder
	for i := 0; i < len(pat); i++ {
		switch l := pat[i]; l {
		case ' ', '-':
			b.WriteByte(l)
		case '+':
		default:
			b.WriteString(pick(i, c.Parts[l]))
		}
	}
	return b.String()
}
