// Package fuzzy finds the listed names a screened name may be, and says why.
//
// It works on strings and integer ids only: it does not know about lists or
// screening. Three entry points share one scoring function, so they never
// disagree about a pair: Index.Search (candidates for a query), Index.Explain
// (why a query matched one record) and Compare (two names, no index).
//
// # Normalisation
//
// A name is cut to MaxNameBytes of letters, digits and marks (padding does
// not count) and to 32 tokens (repeated and weightless ones go first, then
// the least informative), invalid UTF-8 and control characters become
// word breaks, zero-width joiners and bidi marks are dropped, and Latin
// letters are case-folded and lose their accents (ß→ss, ø→o, ł→l). Before
// that, look-alike spellings are undone (translit.AppendFoldConfusables):
// fullwidth and mathematical letters become the letters they stand for, and
// a word mixing Latin, Cyrillic, Greek and Armenian letters (Vlаdimir with
// a Cyrillic а) is folded into one alphabet by the Unicode TR39
// confusables table; words in one alphabet are left alone (MixedScript
// reports such a name). Names in
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
// title (Mr, Sheikh, President and its translations) or legal form (not
// for persons). Legal forms are data (legalforms.go): a table keyed like
// ISO 20275 whose spellings (abbreviated, dotted, in full, in the local
// script, transliterated, translated: OOO, Obshchestvo s Ogranichennoi
// Otvetstvennostyu, ООО and Limited Liability Company are one class) are
// read by this parser, so a form of several words (SOCIEDAD ANONIMA DE
// C.V.) is found anywhere in a name; a letter between legal words (the S
// of OBSHCHESTVO S ...) belongs to the form. In an organisation's name,
// words common in the world's company names (access, key, united, street:
// orgwords.go) are generic too. camelCase (SiemensAG) is also read split,
// in a second rendering. Long legal forms
// and generic words are recognised with a typo too (COMTANY). A word of
// those kinds split in two is mended (COM PANY), one glued to a name is cut
// off (SEABRASSLIMITED, LLCSYNESIS), and letters and digits are cut apart
// (Division39). A particle, or a title that is also a surname (King,
// Major), is a name when it ends the name ("Patricia King"). For all but
// persons, number words (GRACE ONE) and Roman numerals after a name (SEA
// TANKER II; on vessels and aircraft anywhere) are numbers, and vessel
// prefixes (MV, M/T) are titles.
//
// # Weights
//
// Legal forms weigh nothing, titles, particles and generic words little;
// content tokens weigh their rarity among real listed names (an IDF from a
// static table, see weights.go), capped for names common in the world,
// which the lists alone would call rare (common.go: frequent surnames and
// given names by culture and their fold-key spellings, every single pinyin
// syllable, countries; in a transliterated query, tokens that sound like
// one of them). A name with no content or number token, or with under
// three letters of content, has all its tokens made content if it has
// three letters in all and one token that is no legal form (GENERAL
// TECHNOLOGY LIMITED, BM BANK JSC, LADY D): its own spelling must find
// it, and any pair it is in scores the smaller of the two coverages.
// Otherwise (CORP, TRADING COMPANY LLC, Mr, AA) it can match nothing.
// Dotted initials of a non-person (I.P.C.) are also read as one token.
//
// # Scoring
//
// Tokens are compared exactly, through translit.Fold keys (romanisation
// variants: Mohammed/Muhammad), as a case-inflected form of the other
// (Lithuanian Putinas/Putin), as a nickname and its given name (Bill/
// William, Sasha/Aleksandr, Paco/Francisco: a curated table in 10
// languages, nicknames.txt, scored 0.88 and never joining two given
// names), by edit distance, by sound, and as initials (V. for Vladimir).
// A query token transliterated from Arabic or Hebrew script, whose short
// vowels are guesses, also matches a listed token with the same
// consonants and a vowel at the start and end exactly where it has one
// (qasi/Qusay, abidi/Ubaidi; abjad.go). Edit distance is taken on fold keys (one edit from
// four letters, two from eight, or from ten when the query token is an
// established name or a transliteration; a silent h in three), and, for a
// query token that is neither, on the spellings too (one edit: Ahmend is
// one letter from Ahmed, two from its fold key ahmad). Sound means the same
// devoiced consonant skeleton, from five letters, with Jaro-Winkler at
// least 0.83 or only the vowels differing (Hezbollah/Hizballah). Two
// different established names (held by three listed names, or common in
// the world) of up to six letters never match by spelling or sound: Khalid
// is not Khalil, Maria not Marina; nor do two different pinyin syllables
// (Yang is not Kang). A swapped pair of letters, a silent h, the vowel
// swaps of romanisation (e/i, o/u, a/e), and, for a transliterated query
// whose vowels are guesses, the same consonants still do.
//
// Runs of two or three adjacent tokens joined that spell a token of the
// other side (binladen / bin laden, Ivano vich / Ivanovich) are paired
// first; the other tokens are paired one to one, best first, in any order;
// leftovers may still join. A join must spell the same name (fold key),
// not merely resemble it; around a particle the vowels may differ (abd al
// rahman / Abdulrahman), and in a transliterated query a join around a
// particle may merely resemble the token (abd al qadar / Abdelkader). Each side's coverage is its matched
// weight over its total weight, titles counting only when matched
// ("President Putin" is Putin) and an initial earning half a full token's
// weight (three quarters of a listed token's: "Dmitry V. Kuznetsov"); the
// score combines them (see combine in score.go), counting the query's
// coverage three times the listed name's when the query is specific, and
// requiring both when the query is made of common tokens. Then:
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
//   - Brand names are not fuzzy: when either name is an organisation's
//     and the query's only distinctive word matched is not spelt as listed
//     (Visa/WISA, Amgen/AMEGINO, Stripe/STREET; vowel-only romanisations
//     like Hezbollah/HIZBALLAH, exact joins and cut prefixes are spelt,
//     and so is a typing error that keeps the first letter in a word of
//     eight letters or more, or two adjacent letters swapped:
//     TRANSSERVNICE, COHCAN), the score is capped at 0.69.
//   - A legal form with one typing error is still one: a word of a form
//     of several whose other words are as written (JOINT STOK COMPANY),
//     or the name's last word (CO LIMIED, EODO).
//   - Legal forms of different classes on both sides cost 0.01, and a
//     listed company without any against a query with one 0.005 (never
//     below Threshold): the company the query names ranks first.
//   - Missing is not conflicting (persons): a middle name, patronymic or
//     nasab link that one side has and the other lacks weighs 0.3 of
//     itself, the more so the more specific the other name; middle names,
//     or first or last names, that differ on both sides cost 10 %; a name
//     in a nasab chain (X bin Y) pairs only with one in the same place, so
//     X bin Y is not Y bin X. Patronymics (-ovich, -ovna, -oglu) weigh at
//     most a common name.
//   - A query whose length is a field limit (35, 40, 50, 60, 70, 105 or
//     140 characters, or one less) may have been cut: its last token may
//     be the first letters of a listed token (ELECTROTE/ELECTROTECHNICAL;
//     the index looks such prefixes up), a stub of one or two letters or
//     one inside a legal form says nothing, and the listed tokens after
//     the one it reached are unseen, not missing. That reading scores at
//     most 0.94, never a near-exact match, and never lowers a score; a
//     query that ends with a complete legal form was not cut.
//
// Scores lie in [0, 1]; the same name scores 1; Threshold is the one match
// threshold.
//
// Compare is not symmetric: query tokens the listed name lacks cost more
// than listed tokens the query lacks, because a payment often carries part
// of a name ("Putin" alone reaches "PUTIN, Vladimir Vladimirovich"); and
// typos are looked for in the query, not in the list. Unmatched query
// initials together cost at most one and a half initials' weight (one
// costs its full weight): a single letter says almost nothing, so padding
// a name with stray initials ("A B C HIZBALLAH") does not hide it, while
// an unmatched full token ("John Q HIZBALLAH") keeps its whole cost.
//
// # Index
//
// Build parses every record into its renderings, interns tokens into a
// dictionary with postings as flat arrays, and indexes each token's fold
// key and spelling with their deletions (SymSpell) and its sound key.
// Search looks up each query token (and joins of adjacent ones) by text,
// fold key, deletion neighbourhood and sound key, walks postings rarest
// token first, stops admitting new candidates once the remaining tokens
// could not reach min (MaxScore), bounds each candidate's score from above
// (each query token credited once, whether found alone or in a join) and
// fully scores only the survivors. An Index is immutable and safe for concurrent use;
// Search keeps per-goroutine buffers in a sync.Pool (about 1.7 MB each
// over the full OFAC and UN lists) and does not allocate for Latin-script
// queries once warm.
package fuzzy
