// Package fuzzy finds the listed names a screened name may be, and says why.
//
// It works on strings and integer ids only: it does not know about lists or
// screening. Three entry points share one scoring function, so they never
// disagree about a pair: Index.Search (candidates for a query), Index.Explain
// (why a query matched one record) and Compare (two names, no index).
//
// # Normalisation
//
// A name is cut to MaxNameBytes, invalid UTF-8 and control characters become
// word breaks, zero-width joiners and bidi marks are dropped, and Latin
// letters are case-folded and lose their accents (ß→ss, ø→o, ł→l). Names in
// other scripts first lose Arabic harakat and tatweel and Hebrew points,
// are NFC-normalised and case-folded (golang.org/x/text), and are rendered
// by fuzzy/translit into up to four Latin spellings (a query: its two
// likeliest, each searched and the best kept); accents are folded
// after transliteration, since scripts such as Devanagari and Cyrillic (й)
// need their marks to be read. Punctuation and spaces separate tokens;
// apostrophes join (O'Brien → obrien). "LAST, First" is reordered to
// "First LAST" (order does not matter for scoring; it matters for joined
// tokens and for display).
//
// Each token gets a class: content, number, initial (one letter), particle
// (al, bin, van, de), generic word (bank, international, the), title (Mr,
// Sheikh, President and its translations) or legal form (LLC, GmbH, OOO,
// S.A. de C.V., Sp. z o.o.; not for persons). Legal forms weigh nothing,
// titles, particles and generic words little; content tokens weigh their
// rarity among real listed names (an IDF from a static table, see
// weights.go). A name with no content or number token (CORP, TRADING
// COMPANY LLC, Mr) can match nothing.
//
// # Scoring
//
// Tokens are compared exactly, through translit.Fold keys (romanisation
// variants: Mohammed/Muhammad), by edit distance (one edit up to seven
// letters, two from eight), by sound (same devoiced consonant skeleton and
// Jaro-Winkler at least 0.8), and as initials (V. for Vladimir). Tokens are
// paired one to one, best first, in any order; leftovers may match two or
// three adjacent tokens of the other side joined (binladen / bin laden,
// abdulrahman / abd al rahman). Each side's coverage is its matched weight
// over its total weight; the score combines them (see combine in score.go),
// counting the query's coverage three times the listed name's when the
// query is specific, and requiring both when the query is made of common
// tokens. Numbers on both sides must agree. Scores lie in [0, 1]; the same
// name scores 1; Threshold is the one match threshold.
//
// Compare is not symmetric: query tokens the listed name lacks cost more
// than listed tokens the query lacks, because a payment often carries part
// of a name ("Putin" alone reaches "PUTIN, Vladimir Vladimirovich").
//
// # Index
//
// Build parses every record into its renderings, interns tokens into a
// dictionary with postings as flat arrays, and indexes each token's fold
// key with its one-letter deletions (SymSpell) and its sound key. Search
// looks up each query token (and joins of adjacent ones) by text, fold key,
// deletion neighbourhood and sound key, walks postings rarest token first,
// stops admitting new candidates once the remaining tokens could not reach
// min (MaxScore), bounds each candidate's score from above and fully scores
// only the survivors. An Index is immutable and safe for concurrent use;
// Search keeps per-goroutine buffers in a sync.Pool (about 1.6 MB each
// over the full OFAC and UN lists) and does not allocate for Latin-script
// queries once warm.
package fuzzy
