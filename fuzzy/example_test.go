package fuzzy_test

import (
	"fmt"

	"github.com/freezeguard/freezeguard/fuzzy"
)

func ExampleBuild() {
	ix := fuzzy.Build([]fuzzy.Record{
		{ID: 1, Name: "PUTIN, Vladimir Vladimirovich", Kind: fuzzy.KindPerson},
		{ID: 2, Name: "BIN LADIN, Usama bin Muhammad bin Awad", Kind: fuzzy.KindPerson},
		{ID: 3, Name: "BANCO NACIONAL DE CUBA", Kind: fuzzy.KindOrganization},
		{ID: 4, Name: "ARMAN 114", Kind: fuzzy.KindVessel},
	})
	dst := make([]fuzzy.Match, 0, 8) // reuse across calls: no allocation
	for _, q := range []string{"Vladimir Putin", "Usama Binladin", "Banco Nacional de Cuba S.A.", "ARMAN 115", "John Smith", "CORP"} {
		dst = ix.Search(q, fuzzy.KindUnknown, 5, fuzzy.Threshold, dst[:0])
		fmt.Printf("%-28s %d hit(s)", q, len(dst))
		for _, m := range dst {
			fmt.Printf("  id %d score %.2f", m.ID, m.Score)
		}
		fmt.Println()
	}
	// Output:
	// Vladimir Putin               1 hit(s)  id 1 score 0.98
	// Usama Binladin               1 hit(s)  id 2 score 0.95
	// Banco Nacional de Cuba S.A.  1 hit(s)  id 3 score 1.00
	// ARMAN 115                    0 hit(s)
	// John Smith                   0 hit(s)
	// CORP                         0 hit(s)
}

func ExampleCompare() {
	ex := fuzzy.Compare("Mr. V. V. Poutine", "PUTIN, Vladimir Vladimirovich", fuzzy.KindPerson)
	fmt.Printf("%s ~ %s: %.2f (match: %v)\n", ex.Query, ex.Candidate, ex.Score, ex.Score >= fuzzy.Threshold)
	for _, t := range ex.Tokens {
		fmt.Printf("  %-8s %-14s %-14s sim %.2f\n", t.Query, t.Candidate, t.How, t.Sim)
	}
	fmt.Println("  unmatched:", ex.Unmatched)
	// Output:
	// mr v v poutine ~ vladimir vladimirovich putin: 0.93 (match: true)
	//   poutine  putin          transliterated sim 0.95
	//   v        vladimir       initial        sim 1.00
	//   v        vladimirovich  initial        sim 1.00
	//   unmatched: [query: mr]
}

func ExampleIndex_Explain() {
	ix := fuzzy.Build([]fuzzy.Record{{ID: 7, Name: "AL-QAIDA", Kind: fuzzy.KindOrganization}})
	ex := ix.Explain("Al Qaeda Trading LLC", fuzzy.KindOrganization, 7)
	fmt.Printf("%.3f\n", ex.Score)
	for _, n := range ex.Notes {
		fmt.Println(n)
	}
	// Output:
	// 0.841
	// the listed name has no legal form: LLC in the query
	// legal forms ignored: trading, llc
	// query made of common tokens (specificity 0.93): both names must be covered
	// query coverage 0.85, listed-name coverage 0.85
}
