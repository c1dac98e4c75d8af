package fuzzy

// The scoring knobs: every number that decides what a token weighs, how
// alike two tokens are, and how a pair's coverages become a score. Each
// group says what it feeds; change one and `go run ./bench -only quality`
// shows what it moved. Threshold (api.go) is the decision line. Limits on
// the work one name may cause (maxTokens, maxTokenBytes, maxPrefixHits,
// memoQ) are kept where they apply: they bound cost, not scores.

// Token weights: a token's share of its name (classWeight, rarity). A
// pair's coverage is the matched share of this weight on each side.
const (
	// A content token weighs its rarity, the inverse document frequency
	// of the token among listed names (weights.go), clamped to
	// [minRarity, maxRarity].
	minRarity = 1.5  // weight of the most common content token
	maxRarity = 11.0 // weight of a token never seen on a list
	// commonWeight caps a name common in the world (common.go): about the
	// weight of a token held by one listed name in forty.
	commonWeight = 3.5
	// knownDF is how many listed names must hold a token for it to count
	// as an established name (knownName).
	knownDF = 3

	// Fixed weights of the other classes (tokClass).
	wNumber   = 4.0 // digits: must agree exactly, so they tell names apart
	wInitial  = 1.0 // one letter stands for many names
	wParticle = 0.4 // al, bin, van, de: part of a name, says little
	wGeneric  = 1.5 // bank, international, the: says little
	wTitle    = 0.3 // Mr, Dr, President: counts only when matched
)

// Token similarity levels (tokSim, fuzzySim): what a matched pair of
// tokens earns, times the tokens' weights. A pair below minSim does not
// match.
const (
	minSim      = 0.78
	simTranslit = 0.95 // same translit.Fold key: a romanisation variant
	// simInflected is a name with a case ending against its stem
	// (Lithuanian Putinas, Vladimiras).
	simInflected = 0.9
	// simNickname is a nickname and its given name (Bill and William,
	// Sasha and Aleksandr; nicknames.go): below a romanisation variant,
	// since a nickname says less (Sasha is also Aleksandra; a man called
	// Bill may be listed as Billy or as William), but a match.
	simNickname = 0.88
	simPhonetic = 0.85 // same sound, different spelling
	// minPhoneticJW is the Jaro-Winkler similarity of fold keys a sound
	// match needs: poetin/putin (0.84) pass, bashar/bushra (0.80) and
	// obrien/oboron (0.82) do not.
	minPhoneticJW = 0.83
	// editPenalty is what d edits cost a spelling match of keys of
	// length n: the similarity is 1 - editPenalty·d/n (editSimilarity),
	// so one edit in eight letters scores 0.9, one in four 0.8.
	editPenalty = 0.8
	// firstLetterPenalty lowers a fuzzy match whose first consonants
	// differ: typos rarely hit the first letter (Nasir is not Bashir).
	firstLetterPenalty = 0.06
)

// Edit and length cutoffs: which tokens may match by spelling or sound
// at all. Retrieval (search.go, index.go) looks up exactly what these
// allow, so they are shared, not repeated.
const (
	// oneEditLen and twoEditsLen are the fold-key lengths from which a
	// fuzzy match may have one edit, and two (maxEdits): shorter keys are
	// too often other names.
	oneEditLen  = 4
	twoEditsLen = 8
	// knownTwoEdits is the length from which a query token that is an
	// established name, or a transliteration's guess (whose differences
	// are vowels, which fold and sound keys absorb), may be two edits from
	// a listed one; other query tokens may from twoEditsLen. A name spelt
	// as meant is rarely two typos from the listed one, and the query-side
	// lookups for two edits are the dearest part of a search.
	knownTwoEdits = 10
	// maxKnownLen is the length up to which two different established
	// names (knownName) never match by spelling or sound: short names one
	// letter apart are usually other names (Khalid/Khalil, Yang/Kang);
	// long ones are usually other romanisations (Soleimani/Soleymani).
	maxKnownLen = 6
	// minSoundFold and minSoundSkel are the least fold-key and sound-key
	// lengths of a sound match: shorter keys sound alike by chance.
	minSoundFold = 5
	minSoundSkel = 3
	// minStubLen is the least length of a cut query's last token that
	// says anything: a shorter unmatched stub weighs nothing and finds no
	// listed tokens by prefix.
	minStubLen = 3
	// minAbbrevLen is the least length of a word that abbreviates another
	// by beginning it (AIR, AIRLINES): the same reading as a cut stub.
	minAbbrevLen = minStubLen
)

// Strong evidence (strongPair, joins, spelt): a pair whose only matches
// are weak scores at most weakCap.
const (
	// strongLen is the length from which a fuzzy, sound, inflected, cut
	// or joined match (and a join spelt exactly) is not chance; a
	// romanisation variant needs strongTranslitLen.
	strongLen         = 5
	strongTranslitLen = 4
	// longJoinLen is the length from which a join of several tokens, or a
	// word boundary moved (LAUREN TNKUNDA / LAURENT NKUNDA), is strong
	// evidence: chance does not spell eight letters (CHON MA SAN).
	longJoinLen = 8
	// A join of joinPartsLen letters is strong too if none of its content
	// parts is under joinMinPart letters ("al qaeda" / ALQAEDA, not "He
	// Na" / HENNA).
	joinPartsLen = 6
	joinMinPart  = 3
	// brandTypoLen is the length from which one typing error in an
	// organisation's one distinctive word still spells it (TRANSSERVNICE /
	// TRANSSERVICE): at eight letters two real brand words rarely lie one
	// edit apart, while shorter ones do (Visa/WISA, Walmart/WELMART,
	// Inditex/INDUITEX, in the unlisted-companies sets).
	brandTypoLen = 8
	// brandSwapLen is the length from which two adjacent letters swapped
	// still spell a distinctive word (TAIBER / TIABER).
	brandSwapLen = 5
	// brandVowelsLen is the length from which a listed romanisation that
	// differs only in vowels spells a distinctive word (Hezbollah /
	// HIZBALLAH); shorter words are other words (Stena/SATNA).
	brandVowelsLen = 7
)

// Credits: the share of a token's weight a partial match earns.
const (
	// initialCredit is the share of a full token's weight that an initial
	// standing for it earns: "V." says less than "Vladimir".
	initialCredit = 0.5
	// listedInitialCredit is the share of a listed token's weight that a
	// query's initial for it earns: who writes "Dmitry V. Kuznetsov" knows
	// the middle name begins with V, which tells the listed Dmitry
	// Vadimovich from other Dmitry Kuznetsovs more than V. tells a query.
	listedInitialCredit = 0.75
	// maxStrayInitials is the most that the query's unmatched initials
	// weigh together: one stray initial costs its full weight ("X
	// HIZBALLAH"), but padding a name with single letters ("A B C D ...
	// HIZBALLAH") must not push it under Threshold. Lowering only the
	// query's total weight keeps the index's upper bounds valid: they
	// credit every initial.
	maxStrayInitials = 1.5 * wInitial
	// missingShare is the share of its weight that a middle name one side
	// lacks keeps: lists shorten names, banks record them in full.
	missingShare = 0.3
)

// Combining the two coverages into a score (combine, specificity).
const (
	// queryShare is the weight of query-side coverage in the score when the
	// query is specific enough; the rest is list-side coverage. Extra query
	// tokens thus cost three times what missing list tokens cost.
	queryShare = 0.75
	// specLo and specHi bound the ramp of a query's specificity over its
	// content weight (the sum of its token rarities): from specHi up (one
	// rare surname, or two or three names of middling frequency) a query is
	// fully specific; towards specLo list-side coverage counts for more and
	// more, so "Mohammed Ali" does not match every listed name that merely
	// contains it.
	specLo = 8.0
	specHi = 11.0
	// minSpec is the least specificity of a name that identifies by its
	// own tokens (a name identifying only by promotion has 0).
	minSpec = 0.05
	// fullCover is the coverage counted as whole, against the rounding of
	// summed float32 credits: both coverages whole score 1.
	fullCover = 0.9999
)

// Penalties and caps applied to a pair's score (scoreNames).
const (
	// numberPenalty multiplies the score when both names carry numbers that
	// disagree (vessel "ARMAN 114" is not "ARMAN 115").
	numberPenalty = 0.5
	// conflictPenalty multiplies the score of two person names whose
	// middle names differ on both sides: the same role, another name.
	conflictPenalty = 0.9
	// orgWordPenalty multiplies the score of a listed organisation named
	// after the query (see orgWordsMissing).
	orgWordPenalty = 0.8
	// weakCap is the most a pair scores when no matched token is strong
	// evidence (see strongPair): a single short token matched only by
	// transliteration or sound (Acme/AKM, Tithe/Thit) is not a match.
	weakCap = 0.69
	// cutCap is the most a pair scores when listed tokens went unseen
	// after a query cut at a field limit (see cutTail): a HOLD for a
	// person to look at, never a near-exact match. Below it capCut keeps
	// the order of scores, each point of score under 1 costing cutSlope.
	cutCap   = 0.94
	cutSlope = 0.05
	// legalTieBreak is what a pair loses when both names carry legal forms
	// of different classes (never falling below Threshold for it).
	legalTieBreak = 0.01
)

// Cost: how the work is done, not what it finds.
const (
	// insertionSortMax is the most candidate token pairs scoreNames sorts
	// by insertion (stable, no call overhead) rather than with
	// slices.SortFunc.
	insertionSortMax = 48
	// postingSearchRatio: once Search admits no new documents, a posting
	// list more than this many times longer than the documents found so
	// far is binary-searched for them rather than walked.
	postingSearchRatio = 16
)
