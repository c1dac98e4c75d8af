package rescreen

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/freezeguard/freezeguard/internal/namegen"
	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
)

// The customer books the tests rescreen are generated from the real list
// changes and committed (testdata/generated_customers_*.jsonl), so that the
// tests, the CLI and the benchmark read the same lines. Regenerate with
// go generate (go test ./rescreen/ -run TestGenerateCustomers -gen).
//
//go:generate go test . -run ^TestGenerateCustomers$ -gen
var gen = flag.Bool("gen", false, "regenerate testdata/generated_customers_*.jsonl")

// A change of the real lists the tests use.
type realChange struct {
	name     string   // fixture name part
	old, new []string // paths under ../testdata
}

const (
	ofacMay = "../testdata/ofac/sdn_csv_2024-05-03"
	ofacJul = "../testdata/ofac/sdn_csv_2024-07-02"
	unFeb   = "../testdata/un/consolidated_2026-02-27.xml"
	unAug   = "../testdata/un/consolidated_2026-08-01.xml"
)

// The third change is both lists at once: a UN entity added or removed can
// change what a hit on an unchanged OFAC entity resolved to it says
// (Delta.Relinked).
var realChanges = []realChange{
	{"ofac_2024-05-03_2024-07-02", []string{ofacMay}, []string{ofacJul}},
	{"un_2026-02-27_2026-08-01", []string{unFeb}, []string{unAug}},
	{"ofac+un", []string{ofacMay, unFeb}, []string{ofacJul, unAug}},
}

func (c realChange) fixture() string {
	return filepath.Join("testdata", "generated_customers_"+c.name+".jsonl")
}

// line is one customer line, as batch and rescreen read them. The id says
// where the customer was generated from: gen/<origin>/<entity id>/<n>,
// origin being added, removed, changed (a name the change added, or the
// primary name), unchanged-fields (a change screening does not read) or
// clean (a person on no list).
type line struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Kind    string `json:"kind,omitempty"`
	DOB     string `json:"dob,omitempty"`
	Country string `json:"country,omitempty"`
}

func TestGenerateCustomers(t *testing.T) {
	if !*gen {
		t.Skip("run with -gen to regenerate the fixtures")
	}
	ctx := context.Background()
	clean := cleanPeople(t, 1000)
	for _, rc := range realChanges {
		old, err := loader.Load(ctx, rc.old...)
		if err != nil {
			t.Fatal(err)
		}
		cur, err := loader.Load(ctx, rc.new...)
		if err != nil {
			t.Fatal(err)
		}
		ch := lists.Diff(old, cur)
		var out []line
		n := 0
		add := func(origin string, e *lists.Entity, name string) {
			if !customerKind(e.Kind) {
				return
			}
			n++
			l := line{ID: fmt.Sprintf("gen/%s/%s/%d", origin, e.ID, n), Name: bankName(e, name, n), Kind: string(e.Kind)}
			if e.Kind == lists.Person && n%2 == 0 {
				l.DOB = bankDate(e.BirthDates)
			}
			if n%3 == 0 && len(e.Nationalities) > 0 {
				l.Country = e.Nationalities[0]
			}
			out = append(out, l)
		}
		for _, id := range ch.Added {
			e, _ := cur.Entity(id)
			add("added", e, e.PrimaryName())
		}
		for _, id := range ch.Removed {
			e, _ := old.Entity(id)
			add("removed", e, e.PrimaryName())
		}
		if rc.name == "ofac+un" {
			// The customers of the two single-list books are the
			// same; what this book adds is the relinked entities'.
			for _, id := range relinked(t, old, cur) {
				e, _ := cur.Entity(id)
				add("relinked", e, e.PrimaryName())
			}
		}
		immaterialSeen := 0
		for _, c := range ch.Changed {
			e, _ := cur.Entity(c.ID)
			o, _ := old.Entity(c.ID)
			if !Material(c) {
				// A sample of the changes screening does not read.
				if immaterialSeen++; immaterialSeen <= 60 {
					add("unchanged-fields", e, e.PrimaryName())
				}
				continue
			}
			name := e.PrimaryName()
			for _, nm := range e.Names {
				if nm.Quality == lists.Strong && !slices.ContainsFunc(o.Names, func(x lists.Name) bool { return x.Full == nm.Full }) {
					name = nm.Full // a name the change added
					break
				}
			}
			add("changed", e, name)
		}
		for i, p := range clean {
			out = append(out, line{ID: fmt.Sprintf("gen/clean/-/%d", i+1), Name: p, Kind: "person"})
		}
		// Interleave: the book is not sorted by origin.
		slices.SortStableFunc(out, func(a, b line) int { return strings.Compare(hashID(a.ID), hashID(b.ID)) })
		f, err := os.Create(rc.fixture())
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		for _, l := range out {
			b, _ := json.Marshal(l)
			w.Write(b)
			w.WriteByte('\n')
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		t.Logf("%s: %d customers (%d added, %d removed, %d changed)", rc.fixture(), len(out), len(ch.Added), len(ch.Removed), len(ch.Changed))
	}
}

func hashID(s string) string {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return fmt.Sprintf("%016x", h)
}

// customerKind: a bank's customers are people and organisations.
func customerKind(k lists.Kind) bool { return k == lists.Person || k == lists.Organization }

// bankName writes a listed name as a bank's customer record would: a
// person's given names first and in mixed case, an organisation's legal
// form written another way.
func bankName(e *lists.Entity, name string, n int) string {
	if e.Kind == lists.Person {
		if last, first, ok := strings.Cut(name, ","); ok && !strings.Contains(first, ",") {
			name = strings.TrimSpace(first) + " " + strings.TrimSpace(last)
		}
		return titleCase(name)
	}
	up := strings.ToUpper(name)
	for _, lf := range legalForms {
		for _, suf := range []string{", " + lf[0], " " + lf[0]} {
			if strings.HasSuffix(up, suf) {
				return titleCase(strings.TrimSpace(name[:len(name)-len(suf)])) + " " + lf[1]
			}
		}
		if pre := lf[0] + " "; strings.HasPrefix(up, pre) && n%2 == 0 {
			// OOO GAZPROM: the form after the name.
			return titleCase(strings.TrimSpace(name[len(pre):])) + " " + lf[1]
		}
	}
	return titleCase(name)
}

// legalForms: the form as listed and as a bank may write it.
var legalForms = [][2]string{
	{"LIMITED LIABILITY COMPANY", "LLC"},
	{"PUBLIC JOINT STOCK COMPANY", "PJSC"},
	{"JOINT STOCK COMPANY", "JSC"},
	{"COMPANY LIMITED", "Co., Ltd."},
	{"CO., LTD.", "Company Limited"},
	{"CO. LTD.", "Company Limited"},
	{"OOO", "LLC"},
	{"AO", "JSC"},
	{"PAO", "PJSC"},
	{"LLC", "Limited Liability Company"},
	{"L.L.C.", "LLC"},
	{"LTD.", "Limited"},
	{"LTD", "Limited"},
	{"LIMITED", "Ltd"},
	{"S.A. DE C.V.", "SA de CV"},
	{"S.A.", "SA"},
	{"SOCIEDAD ANONIMA", "S.A."},
	{"GMBH", "GmbH"},
	{"FZE", "F.Z.E."},
	{"FZCO", "F.Z.C.O."},
	{"INC.", "Incorporated"},
	{"CORP.", "Corporation"},
}

func titleCase(s string) string {
	rs := []rune(strings.ToLower(s))
	up := true
	for i, r := range rs {
		if up && unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
		}
		up = !unicode.IsLetter(r) && r != '\''
	}
	return string(rs)
}

// bankDate writes the first full listed date of birth day first, as
// European records do; "" when none is listed in full.
func bankDate(ds []lists.Date) string {
	for _, d := range ds {
		if d.Kind == lists.DateExact && d.Day != 0 && d.Month != 0 && d.Year != 0 {
			return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
		}
	}
	return ""
}

// cleanPeople makes n people on no list from the bench's generated name
// tables (20 naming cultures), in turn over the cultures.
func cleanPeople(t *testing.T, n int) []string {
	cs, err := namegen.Load(os.DirFS("../bench/testdata"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var out []string
	for i := 0; len(out) < n && i < 50*n; i++ {
		c := &cs[i%len(cs)]
		pat := c.Patterns[(i/len(cs))%len(c.Patterns)]
		s := c.Spell(pat, func(j int, ns []string) string {
			return ns[(int(hashID(fmt.Sprint(i, j))[0])*131+i*7+j*13)%len(ns)]
		})
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
