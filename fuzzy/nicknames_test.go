package fuzzy

import (
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/fuzzy/translit"
)

// The table relates a nickname to the given names of its own row only:
// never two given names (Alexander and Alexei share Alex), whatever rows
// they are in, and never Khalid to Khalil.
func TestNicknameTable(t *testing.T) {
	var given []string
	langs := map[string]bool{}
	for _, line := range strings.Split(nicknameTable, "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		parts := strings.Split(line, "|")
		langs[strings.TrimSpace(parts[0])] = true
		for _, g := range strings.Fields(parts[1]) {
			given = append(given, translit.Fold(g))
		}
	}
	if len(langs) < 10 {
		t.Errorf("nicknames.txt covers %d languages, want at least 10", len(langs))
	}
	for i, a := range given {
		for _, b := range given[i+1:] {
			if nickname(a, b) {
				t.Errorf("given names %q and %q are related as nickname and name", a, b)
			}
		}
	}
	for _, p := range [][2]string{{"khalid", "khalil"}, {"alexander", "alexei"}, {"sasha", "aleksei"}, {"bill", "robert"}, {"billy", "bill"}} {
		if nickname(translit.Fold(p[0]), translit.Fold(p[1])) {
			t.Errorf("nickname(%q, %q) = true", p[0], p[1])
		}
	}
	if _, panicked := parse(t, "en | william | bill\n"); panicked {
		t.Error("a good row panics")
	}
	for _, bad := range []string{"en | william\n", "en | | bill\n", "en | edward | ed\n"} {
		if _, panicked := parse(t, bad); !panicked {
			t.Errorf("parseNicknames(%q) did not panic", bad)
		}
	}
}

func parse(t *testing.T, table string) (m map[string][]string, panicked bool) {
	t.Helper()
	defer func() { panicked = recover() != nil }()
	return parseNicknames(table), false
}

// A nickname finds its given name in 10 languages, weighing less than the
// name itself; Compare and Search agree.
func TestNicknameMatch(t *testing.T) {
	pairs := [][2]string{
		{"Bill Smith", "William Smith"},
		{"Ted Kaczynski", "Theodore Kaczynski"},
		{"Sasha Ivanov", "Aleksandr Ivanov"},
		{"Саша Иванов", "Aleksandr Ivanov"},
		{"Pepe Rodriguez Lopez", "José Rodríguez López"},
		{"Paco Herrera Vidal", "Francisco Herrera Vidal"},
		{"Hans Gruber", "Johannes Gruber"},
		{"Beppe Russo", "Giuseppe Russo"},
		{"Kuba Nowak", "Jakub Nowak"},
		{"Bibi Netanyahu", "Benjamin Netanyahu"},
		{"Chico Pereira", "Francisco Pereira"},
		{"Nico Martin", "Nicolas Martin"},
		{"Kees de Vries", "Cornelis de Vries"},
		{"William Smith", "Bill Smith"}, // a listed nickname
	}
	var recs []Record
	for i, p := range pairs {
		recs = append(recs, Record{ID: uint32(i), Name: p[1], Kind: KindPerson})
	}
	ix := Build(recs)
	for i, p := range pairs {
		ex := Compare(p[0], p[1], KindPerson)
		if ex.Score < Threshold || ex.Score >= Compare(p[1], p[1], KindPerson).Score {
			t.Errorf("Compare(%q, %q) = %.3f, want in [%.2f, the name's own score)", p[0], p[1], ex.Score, Threshold)
		}
		found := false
		for _, tm := range ex.Tokens {
			found = found || tm.How == "nickname" && tm.Sim == simNickname
		}
		if !found {
			t.Errorf("Compare(%q, %q): no nickname pair in %+v", p[0], p[1], ex.Tokens)
		}
		ms := ix.Search(p[0], KindUnknown, len(recs), Threshold, nil)
		hit := false
		for _, m := range ms {
			hit = hit || m.ID == uint32(i)
		}
		if !hit {
			t.Errorf("Search(%q) = %v, want record %d (%q) among them", p[0], ms, i, p[1])
		}
	}
	for _, p := range [][2]string{
		{"Alexander Petrov", "Alexei Petrov"},
		{"Sasha Ivanov", "Aleksei Ivanov"},
		{"Bill Smith", "Robert Smith"},
		{"Khalid Mansour", "Khalil Mansour"},
		{"Donald Thomas", "DON TOMAS"}, // Don is an honorific too
	} {
		if s := Compare(p[0], p[1], KindPerson).Score; s >= Threshold {
			t.Errorf("Compare(%q, %q) = %.3f, want < %.2f", p[0], p[1], s, Threshold)
		}
	}
}
