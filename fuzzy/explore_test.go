package fuzzy

import (
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"
)

var exploreQ = flag.String("q", "", "query to explore")

func TestExplore(t *testing.T) {
	if *exploreQ == "" {
		t.Skip("no -q")
	}
	ls := realNames(t)
	t0 := time.Now()
	ix := Build(records(ls))
	fmt.Println("build", time.Since(t0), "recs", ix.Len(), "docs", len(ix.docRec), "dict", len(ix.dict), "dels", len(ix.delFold))
	for _, q := range strings.Split(*exploreQ, "|") {
		res := ix.Search(q, KindUnknown, 8, 0.5, nil)
		fmt.Printf("== %s (%d)\n", q, len(ix.Search(q, KindUnknown, 1000, Threshold, nil)))
		for _, m := range res {
			ex := ix.Explain(q, KindUnknown, m.ID)
			fmt.Printf("%.3f %s %q %q %v %v\n", m.Score, ls[m.ID].Entity, ls[m.ID].Name, ex.Candidate, ex.Tokens, ex.Notes[len(ex.Notes)-1])
		}
	}
}
