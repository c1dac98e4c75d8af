package depcheck

import (
	"bufio"
	"bytes"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/freezeguard/freezeguard"

// screeningPath are the package patterns an embedder links to screen
// parties and payments. None of them, nor any package under them, may
// depend on a forbidden module.
var screeningPath = []string{
	module + "/lists/...",
	module + "/fuzzy/...",
	module + "/screening/...",
	module + "/payments/...",
}

// forbidden is the import-path prefix of the full-text engine's modules
// (bleve and its own blevesearch dependencies).
const forbidden = "github.com/blevesearch/"

// graph is an import graph as "go list -deps" reports it: each package's
// direct imports, and the roots the patterns matched, in go list's order.
type graph struct {
	imports map[string][]string
	roots   []string
}

// listDeps runs "go list -deps" on patterns (with the test variants of
// the packages when test is set) and returns the import graph it prints.
func listDeps(t *testing.T, test bool, patterns ...string) graph {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("skipping: the go command is not on PATH, so the import graph cannot be listed (go list -deps)")
	}
	args := []string{"list", "-deps", "-f", "{{.ImportPath}}\t{{.DepOnly}}\t{{join .Imports \" \"}}"}
	if test {
		args = append(args, "-test")
	}
	args = append(args, patterns...)
	cmd := exec.CommandContext(t.Context(), goCmd, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	g := graph{imports: make(map[string][]string)}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for sc.Scan() {
		path, rest, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("go list printed %q: want path, tab, DepOnly, tab, imports", sc.Text())
		}
		depOnly, imports, _ := strings.Cut(rest, "\t")
		g.imports[path] = strings.Fields(imports)
		if depOnly == "false" {
			g.roots = append(g.roots, path)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading go list output: %v", err)
	}
	return g
}

// chain returns the shortest import chain from root to a package whose path
// begins with prefix ("a -> b -> c"), or "" when root does not reach one.
func (g graph) chain(root, prefix string) string {
	prev := map[string]string{root: ""}
	queue := []string{root}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if strings.HasPrefix(p, prefix) {
			var path []string
			for ; p != ""; p = prev[p] {
				path = append(path, p)
			}
			slices.Reverse(path)
			return strings.Join(path, " -> ")
		}
		for _, q := range g.imports[p] {
			if _, seen := prev[q]; !seen {
				prev[q] = p
				queue = append(queue, q)
			}
		}
	}
	return ""
}

// checkNoForbidden fails the test for each root that reaches a package
// whose path begins with prefix, naming the chain; why says why it must not.
func checkNoForbidden(t *testing.T, g graph, prefix, why string) {
	t.Helper()
	for _, root := range g.roots {
		if c := g.chain(root, prefix); c != "" {
			t.Errorf("%s depends on %s, %s: %s", root, prefix, why, c)
		}
	}
}

const bleveWhy = "the full-text engine, which the screening path must not pull in"

// TestScreeningPathHasNoBleve checks the packages an embedder links.
func TestScreeningPathHasNoBleve(t *testing.T) {
	g := listDeps(t, false, screeningPath...)
	// The patterns must still match the packages they name: a renamed
	// directory would otherwise turn this test into one that cannot fail.
	for _, want := range []string{"/lists", "/fuzzy", "/screening", "/payments", "/screening/audit", "/lists/loader"} {
		if !slices.Contains(g.roots, module+want) {
			t.Errorf("go list matched no package %s%s; roots: %v", module, want, g.roots)
		}
	}
	checkNoForbidden(t, g, forbidden, bleveWhy)
}

// TestScreeningPathTestsHaveNoBleve checks the same packages with their
// tests: today no test there needs bleve either, and the test binaries
// of the screening path stay as lean as the library.
func TestScreeningPathTestsHaveNoBleve(t *testing.T) {
	checkNoForbidden(t, listDeps(t, true, screeningPath...), forbidden, bleveWhy)
}

// TestChainFindsBleve checks the checker on the package that does use
// bleve (fulltext): it must find the chain, or the tests above prove
// nothing.
func TestChainFindsBleve(t *testing.T) {
	root := module + "/fulltext"
	g := listDeps(t, false, root)
	c := g.chain(root, forbidden)
	if !strings.HasPrefix(c, root+" -> ") || !strings.Contains(c, forbidden) {
		t.Fatalf("chain from %s to %s* = %q, want a chain through bleve", root, forbidden, c)
	}
	t.Logf("fulltext reaches bleve: %s", c)
}

// gplOnlyInTests is github.com/antzucaro/matchr, licensed GPL-2.0-or-later:
// package fuzzy's tests use it as the reference for their own string
// metrics. Linked into a package, it would put the GPL's terms on every
// binary built from that package, which the Apache-2.0 licence of this
// module does not (docs/dependencies.md).
const gplOnlyInTests = "github.com/antzucaro/matchr"

// TestNoGPLLinked checks that no package of the module (tests aside)
// imports the GPL-licensed test reference.
func TestNoGPLLinked(t *testing.T) {
	g := listDeps(t, false, module+"/...")
	checkNoForbidden(t, g, gplOnlyInTests, "a GPL-2.0-or-later module kept to tests")
}

// TestChainFindsMatchr checks the checker on the test graph of fuzzy,
// which does import matchr.
func TestChainFindsMatchr(t *testing.T) {
	root := module + "/fuzzy"
	g := listDeps(t, true, root)
	found := false
	for p := range g.imports {
		if c := g.chain(p, gplOnlyInTests); strings.HasSuffix(p, ".test]") && c != "" {
			found = true
			t.Logf("fuzzy's tests reach matchr: %s", c)
			break
		}
	}
	if !found {
		t.Fatalf("no test variant of %s reaches %s: the checker or the test reference changed", root, gplOnlyInTests)
	}
}
