package namegen

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadReal(t *testing.T) {
	cs, err := Load(os.DirFS("../../bench/testdata"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) < 14 {
		t.Errorf("%d cultures, want at least 14", len(cs))
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{"generated_names_x.txt": {Data: []byte("# x\npattern: G F | F+G | G-G F\nG: Anna Mary_Ann\nF: Smith\n")}}
	cs, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	c := cs[0]
	if c.Name != "x" || len(c.Patterns) != 3 || c.Parts['G'][1] != "Mary Ann" {
		t.Fatalf("got %+v", c)
	}
	var got []string
	for _, pat := range c.Patterns {
		got = append(got, c.Spell(pat, func(i int, ns []string) string { return ns[len(ns)-1] }))
	}
	if s := strings.Join(got, "; "); s != "Mary Ann Smith; SmithMary Ann; Mary Ann-Mary Ann Smith" {
		t.Errorf("Spell: %s", s)
	}
	for name, data := range map[string]string{
		"no colon":   "pattern: G F\nG: a\nF: b\nnonsense\n",
		"unknown":    "pattern: G F\nG: a\nF: b\nX: c\n",
		"no family":  "pattern: G\nG: a\n",
		"empty part": "pattern: G P F\nG: a\nF: b\n",
	} {
		if _, err := Load(fstest.MapFS{"generated_names_y.txt": {Data: []byte(data)}}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := Load(fstest.MapFS{}); err == nil {
		t.Error("no tables: no error")
	}
}
