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
// (al, bin, van, de), generic word (bank, international, network, the),
// title (Mr, Sheikh, President and its translations) or legal form (LLC,
// GmbH, OOO, S.A. de C.V., Sp. z o.o.; not for persons), also with a typo
// when seven letters or longer (COMTANY). A word of those kinds split in
// two is mended (COM PANY), one glued to a name is cut off
// (SEABRASSLIMITED, LLCSYNESIS), and letters and digits are cut apart
// (Division39). A particle or a
// title that is also a surname (King, Major) is a name when it ends the
// name ("Patricia King"). Roman numerals after a name are numbers (SEA
// TANKER II is SEA TANKER 2; on vessels and aircraft anywhere), and vessel
// prefixes (MV, M/T) are titles.
//
// # Weights
//
// Legal forms weigh nothing, titles, particles and generic words little;
// content tokens weigh their rarity among real listed names (an IDF from a
// static table, see weights.go), capped for names common in the world
// (common.go: frequent surnames and given names by culture, and every
// single pinyin syllable), which the lists alone would call rare. A name
// with no content or number token (CORP, TRADING COMPANY LLC, Mr), or with
// under three letters of content (AA, Li), can match nothing.
//
// # Scoring
//
// Tokens are compared exactly, through translit.Fold keys (romanisation
// variants: Mohammed/Muhammad), as a case-inflected form of the other
// (Lithuanian Putinas/Putin), by edit distance on fold keys (one edit from
// four letters, two from eight; a silent h in three) or on the spellings
// (one edit: Ahmend/Ahmed, whose fold keys differ more), by sound (same devoiced
// consonant skeleton, from five letters, and Jaro-Winkler at least 0.83 or
// only the vowels differing: Hezbollah/Hizballah), and as initials (V. for
// Vladimir). Two different established names (held by three listed names,
// or common in the world) of up to six letters never match by spelling or
// sound: Khalid is not Khalil, Maria not Marina, Yang not Kang; a swapped
// pair of letters, a silent h, the vowel swaps of romanisation (e/i, o/u,
// a/e), and, for a transliterated query whose vowels are guesses, the same
// consonants still do.
//
// Tokens are paired one to one, best first, in any order; leftovers may
// match two or three adjacent tokens of the other side joined (binladen /
// bin laden, abdulrahman / abd al rahman), which must then spell the same
// name (fold key), not merely resemble it. Each side's coverage is its
// matched weight over its total weight, titles counting only when matched
// ("President Putin" is Putin); the score combines them (see combine in
// score.go), counting the query's coverage three times the listed name's
// when the query is specific, and requiring both when the query is made of
// common tokens. Then:
//
//   - Numbers on both sides must agree (a disagreement halves the score).
//   - Minimum evidence: at least one matched pair must be strong (an exact
//     content token, a transliteration of four letters or more, a fuzzy,
//     sound or inflection match of five letters or more of a token that is
//     not a common name, or a join of eight letters, six in parts of three,
//     or five spelt exactly); otherwise the score is capped at 0.69, below
//     Threshold. One short token matched by sound (Acme / AKM) is no match.
//   - A listed name with a word of organisation names the query lacks
//     (network, investment, university), against a query with none, is
//     something named after it: the score is multiplied by 0.8.
//
// Scores lie in [0, 1]; the same name scores 1; Threshold is the one match
// threshold.
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
