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

// checkNoForbidden fails the test for each root that reaches a forbidden
// package, naming the chain.
func checkNoForbidden(t *testing.T, g graph) {
	t.Helper()
	for _, root := range g.roots {
		if c := g.chain(root, forbidden); c != "" {
			t.Errorf("%s depends on the full-text engine, which the screening path must not pull in: %s", root, c)
		}
	}
}

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
	checkNoForbidden(t, g)
}

// TestScreeningPathTestsHaveNoBleve checks the same packages with their
// tests: today no test there needs bleve either, and the test binaries
// of the screening path stay as lean as the library.
func TestScreeningPathTestsHaveNoBleve(t *testing.T) {
	checkNoForbidden(t, listDeps(t, true, screeningPath...))
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
