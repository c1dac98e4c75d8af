// Package fuzzy finds the listed names a screened name may be, and says why.
//
//	ix := fuzzy.Build([]fuzzy.Record{
//		{ID: 1, Name: "PUTIN, Vladimir Vladimirovich", Kind: fuzzy.KindPerson},
//		{ID: 2, Name: "BANCO NACIONAL DE CUBA", Kind: fuzzy.KindOrganization},
//	})
//	hits := ix.Search("Vladimir Putin", fuzzy.KindUnknown, 5, fuzzy.Threshold, nil)
//	// hits: [{ID: 1, Score: 0.98}]
//	ex := ix.Explain("Vladimir Putin", fuzzy.KindUnknown, 1)
//	// ex.Tokens: putin ~ putin exact, vladimir ~ vladimir exact
//	// ex.Unmatched: [candidate: vladimirovich]
//
// It works on strings and integer ids only: it does not know about lists
// or screening. [Build] indexes [Record] values; three entry points share
// one scoring function, so they never disagree about a pair:
// [Index.Search] (candidates for a query), [Index.Explain] (why a query
// matched one record) and [Compare] (two names, no index), the last two
// returning an [Explanation] a reviewer can read. Scores lie in [0, 1],
// the same name scores 1, and [Threshold] is the one match threshold.
// [Identifies] tells a name that names someone from one made only of
// legal forms and generic words; [MixedScript] finds names typed in
// look-alike letters of two alphabets.
//
// An [Index] is immutable and safe for concurrent use; Search does not
// allocate for Latin-script queries once warm (pass dst to reuse its
// result slice). Package screening builds on this API, so it only grows
// (new fields, new options); signatures do not change.
//
// How a name is normalised, transliterated (package
// [github.com/freezeguard/freezeguard/fuzzy/translit]), split into weighed
// tokens and scored, and how the index finds candidates, is explained in
// docs/matching.md; its section 8 states every rule in full.
package fuzzy
