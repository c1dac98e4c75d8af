package fuzzy

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/freezeguard/freezeguard/fuzzy/translit"
)

// matchHow is how two tokens were found to match; TokenMatch.How carries
// its name (howNames).
type matchHow uint8

const (
	howNone matchHow = iota
	howExact
	howTranslit
	howFuzzy
	howPhonetic
	howInitial
	howJoined
	howInflected
	howCut      // the query's last token, cut at a field limit, begins the listed one
	howNickname // a nickname and its given name (nicknames.go)
)

var howNames = [...]string{"", "exact", "transliterated", "fuzzy", "phonetic", "initial", "joined", "inflected", "cut", "nickname"}

// String returns the name TokenMatch.How gives h.
func (h matchHow) String() string { return howNames[h] }

// strongPair reports whether a matched pair of tokens is evidence enough
// on its own: the same text, or a variant, fuzzy or sound match of tokens
// long enough for the likeness not to be chance.
func strongPair(a, b *tok, how matchHow) bool {
	switch how {
	case howExact:
		return a.cls == clsContent || a.cls == clsNumber
	case howTranslit:
		return min(len(a.fold), len(b.fold)) >= strongTranslitLen
	case howJoined:
		return min(len(a.text), len(b.text)) >= strongLen
	case howCut:
		return len(a.text) >= strongLen && a.cls == clsContent
	case howFuzzy, howPhonetic, howInflected:
		// A common name misspelt is as likely another common name.
		return min(len(a.text), len(b.text)) >= strongLen && a.w > commonWeight
	}
	return false
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// combine turns the two coverages into a score. A specific query scores
// queryShare·covA + (1-queryShare)·covB; for a query of common tokens the
// score moves, with falling specificity, towards the smaller of the two
// coverages: then both names must be covered, and neither "Mohammed Ali"
// inside a longer listed name nor a listed "HASSAN" inside "Ali Hassan"
// is a match. combine is monotone in both coverages, which the index's
// pruning relies on.
func combine(covA, covB, spec float32) float32 {
	base := queryShare*covA + (1-queryShare)*covB
	return spec*base + (1-spec)*min(covA, covB)
}

// nameSpec is the specificity of query name q: a name that identifies
// anything only by promotion (see promote) is not specific at all (0, where
// specificity never goes below minSpec: the score is the smaller coverage,
// the same whichever name is the query).
func nameSpec(q *name) float32 {
	if q.flags&flagPromoted != 0 {
		return 0 // the score is the smaller coverage
	}
	return specificity(q.wContent)
}

// pairSpec is the specificity of a pair: the query's (nameSpec), but none
// when the listed name identifies anything only by promotion: then both
// names must be covered, whichever way round ("Bank" is not TK BANK).
// pairSpec is at most nameSpec(a), which Search's bounds rely on.
func pairSpec(a, b *name) float32 {
	if b.flags&flagPromoted != 0 {
		return 0
	}
	return nameSpec(a)
}

// specificity maps a query's content weight to (0, 1].
func specificity(w float32) float32 {
	return min(max((w-specLo)/(specHi-specLo), minSpec), 1)
}

// editsAllowed is the number of edits a fuzzy match of fold keys a and b
// may have: maxEdits of the shorter; and for a key one letter short of
// oneEditLen, a silent h (Jon/John), since short keys otherwise allow no
// edit at all.
func editsAllowed(a, b string) int {
	const short = oneEditLen - 1
	if len(a) == short && len(b) == oneEditLen && dropsH(b, a) || len(a) == oneEditLen && len(b) == short && dropsH(a, b) {
		return 1
	}
	return maxEdits(min(len(a), len(b)))
}

// dropsH reports whether removing one h from long gives short.
func dropsH(long, short string) bool {
	for i := 1; i < len(long); i++ { // not the first letter
		if long[i] == 'h' && long[:i] == short[:i] && long[i+1:] == short[i:] {
			return true
		}
	}
	return false
}

// maxEdits is the number of edits a fuzzy token match of keys of length n
// may have: none below oneEditLen (four letters), one below twoEditsLen
// (eight), two from there. (Romanisation variants do not count:
// translit.Fold keys absorb them; and two established short names never
// match this way, see fuzzySim.)
func maxEdits(n int) int {
	switch {
	case n < oneEditLen:
		return 0
	case n < twoEditsLen:
		return 1
	}
	return 2
}

// editSimilarity is the similarity of two keys d edits apart, the longer
// of length n.
func editSimilarity(d, n int) float32 {
	return 1 - editPenalty*float32(d)/float32(n)
}

// tokSim returns how similar two tokens are, in [0, 1], and how they
// matched. It is the one token comparison behind retrieval and scoring.
func tokSim(a, b *tok) (float32, matchHow) {
	if a.cls == clsNumber || b.cls == clsNumber {
		if a.cls == b.cls && a.text == b.text {
			return 1, howExact
		}
		return 0, howNone
	}
	if len(a.text) == 1 || len(b.text) == 1 {
		switch {
		case a.text == b.text:
			return 1, howExact
		case a.cut && len(a.text) == 1 && len(b.text) > 1 && b.text[0] == a.text[0]:
			// The letter that ends a cut query is the first of a word,
			// not an initial: KONTSERN R... is KONTSERN RADIOSTROENIYA.
			return 1, howCut
		case len(a.text) == 1 && b.text[0] == a.text[0], len(b.text) == 1 && a.text[0] == b.text[0]:
			return 1, howInitial
		}
		return 0, howNone
	}
	if a.text == b.text {
		return 1, howExact
	}
	if a.cut && len(a.text) >= 2 && len(b.text) > len(a.text) && strings.HasPrefix(b.text, a.text) {
		return 1, howCut
	}
	if a.han && !b.guessed && pinyinWord(b.text) {
		// A name read from Chinese characters is spelt by their
		// syllables: a listed name pinyin spells otherwise is other
		// characters (李丽, Li Li, is not LI Yi; 艳怡, Yanyi, is not
		// Yanni), however alike the romanisations fold.
		return 0, howNone
	}
	if a.fold == b.fold {
		return simTranslit, howTranslit
	}
	if inflected(a.fold, b.fold) || inflected(b.fold, a.fold) {
		return simInflected, howInflected
	}
	if a.cls == clsContent && b.cls == clsContent && !a.noNick && !b.noNick && nickname(a.fold, b.fold) {
		return simNickname, howNickname // Bill / William (nicknames.go)
	}
	if frenchMatch(a, b) {
		return simPhonetic, howPhonetic // Hichem / Hisham, Chaabane / Shaban
	}
	return fuzzySim(a, b)
}

// frenchMatch reports whether Latin tokens a and b are one Arabic name,
// one spelt the French way (ch for ش, an initial ou for و: Hichem,
// Chaabane, Ouazzani; see frenchLetters) and the other the English way
// (sh, w): the same consonants in order, at least minPersianSkel of them,
// and a vowel at each end exactly where the other has one; not two
// established names. The fold key already reads the rest of French
// spelling as English (ou for u, dj, a silent final e).
func frenchMatch(a, b *tok) bool {
	// Two established names are spelt as meant: Mahmoud is not Mohammed
	// (ou is a written long vowel); the French spellings of common Arabic
	// names are families of the fold instead (Bachir, Hicham, Cherif).
	if a.guessed || b.guessed || a.known && b.known || a.cls != clsContent || b.cls != clsContent || len(a.text) < 4 || len(b.text) < 4 {
		return false
	}
	fa, fb := a.french, b.french
	if fa == fb || fa && !englishLetters(b.text) || fb && !englishLetters(a.text) {
		return false
	}
	var ka, kb [maxTokenBytes + 2]byte
	var x, y []byte
	if fa {
		x, y = appendAbjadFrenchKey(ka[:0], a.text), appendAbjadTextKey(kb[:0], b.text)
	} else {
		x, y = appendAbjadTextKey(ka[:0], a.text), appendAbjadFrenchKey(kb[:0], b.text)
	}
	return len(x)-strings.Count(str(x), ".") >= minPersianSkel && string(x) == string(y)
}

// fuzzySim compares tokens that differ in spelling: by edit distance on
// their fold keys, and by sound. The index's retrieval (deletion
// neighbourhood of fold keys, sound-key groups) finds exactly the tokens
// this accepts; keep the two in step.
func fuzzySim(a, b *tok) (float32, matchHow) {
	if a.known && b.known && min(len(a.text), len(b.text)) <= maxKnownLen && !slip(a.fold, b.fold) &&
		!((a.guessed || b.guessed) && a.skel == b.skel) && !vowelVariant(a.fold, b.fold) {
		// Two established short names that differ are two names, unless
		// one side's vowels are a transliteration's guess and the
		// consonants agree (طارق read as Taraq is Tariq).
		return 0, howNone
	}
	if otherAbdNames(a.fold, b.fold) {
		// Abd al-Aziz is not Abd al-Azim: another name of God is another
		// name, however alike the two spell.
		return 0, howNone
	}
	if (a.syl || b.syl && pinyinWord(a.text)) && !slip(a.fold, b.fold) && !pluralS(a.text, b.text) && !pluralS(b.text, a.text) {
		// Another Chinese syllable is another character, and a listed
		// syllable is not a given name of two (Jian is not Jiayi); a
		// query token no pinyin spells is a typo (KMANG for KANG).
		return 0, howNone
	}
	if genderForms(a.text, b.text) || genderForms(b.text, a.text) {
		return 0, howNone // Vinogradova is Vinogradov's wife or daughter
	}
	best, how := float32(0), howNone
	n := max(len(a.fold), len(b.fold))
	if k := editsAllowed(a.fold, b.fold); k > 0 {
		if (a.known || a.guessed) && min(len(a.fold), len(b.fold)) < knownTwoEdits {
			k = 1 // see knownTwoEdits
		}
		// One edit on the fold keys of a short name spelt three edits
		// apart is another name, not a romanisation with a typo
		// (Sabbagh, fold sabag, is not Sabai).
		if d := osa(a.fold, b.fold, k); d <= k && !(a.abjad && (consonantChanged(a.fold, b.fold) || nisbaAdded(a.fold, b.fold) || vowelPrefixed(a, b))) &&
			!(k == 1 && !a.guessed && !b.guessed && (a.text != a.fold || b.text != b.fold) && osa(a.text, b.text, 2) > 2) {
			best, how = editSimilarity(d, n), howFuzzy
			if a.fold[0] != b.fold[0] && !isVowel(a.fold[0]) && !isVowel(b.fold[0]) {
				// Typos rarely hit the first letter; Nasir is not Bashir.
				best -= firstLetterPenalty
			}
		}
	}
	if !a.known && !a.guessed && (a.text != a.fold || b.text != b.fold) {
		// A typo is a typo of the spelling: Ahmend is one letter from
		// Ahmed, two from its fold key ahmad. (Only for a query token that
		// is no established name nor a transliteration: typos are made in
		// payments, and a known name is spelt as meant.)
		if sim := editSim(a.text, b.text); sim > best {
			best, how = sim, howFuzzy
		}
	}
	if best < simPhonetic && len(a.fold) >= minSoundFold && len(b.fold) >= minSoundFold && len(a.skel) >= minSoundSkel && a.skel == b.skel && !abjadEdgesDiffer(a, b) {
		// Same sound key, and close enough in spelling that the sound is
		// not a coincidence, or the same consonants with other vowels
		// (Hezbollah/Hizballah: vowels are what romanisations of Arabic
		// and Persian disagree on most).
		if jw := jaroWinkler(a.fold, b.fold); jw >= minPhoneticJW {
			best, how = minf(simPhonetic, float32(jw)), howPhonetic
		} else if vowelsDiffer(a.fold, b.fold) {
			best, how = simPhonetic, howPhonetic
		}
	}
	if best < simPhonetic && abjadMatch(a, b) {
		best, how = simPhonetic, howPhonetic // other short vowels (see abjad.go)
	}
	if best < minSim {
		return 0, howNone
	}
	return best, how
}

// consonantChanged reports whether fold keys a and b have as many
// consonants (repeats merged) and differ in one: an abjad writes its
// consonants, so a rendering's consonant is no typo (أمل, Amal, is not
// Adel).
func consonantChanged(a, b string) bool {
	var ka, kb [maxTokenBytes]byte
	x, y := consonants(ka[:0], a), consonants(kb[:0], b)
	return len(x) == len(y) && string(x) != string(y)
}

// nisbaAdded reports whether listed fold key b ends in i where abjad
// rendering a ends in a consonant: the script writes a final long i (the
// nisba ي of Karami, Hamdi), so كرم, Karam, is not Karami.
func nisbaAdded(a, b string) bool {
	return len(a) > 0 && len(b) > 0 && !isVowel(a[len(a)-1]) && b[len(b)-1] == 'i'
}

// vowelPrefixed reports whether listed token b begins with a vowel where
// abjad rendering a begins with a consonant: the script writes a word's
// first vowel (the alif of Akram, أكرم), so كرم, Karam, is not Akram. A
// vowel before a doubled consonant is the article's, assimilated and
// glued (ESSABAR, es-Sabar: الصبار).
func vowelPrefixed(a, b *tok) bool {
	if len(a.fold) == 0 || len(b.fold) == 0 || isVowel(a.fold[0]) || !isVowel(b.fold[0]) {
		return false
	}
	return !(len(b.text) >= 3 && b.text[1] == b.text[2])
}

func consonants(dst []byte, f string) []byte {
	for i := 0; i < len(f); i++ {
		if c := f[i]; !isVowel(c) && (len(dst) == 0 || dst[len(dst)-1] != c) {
			dst = append(dst, c)
		}
	}
	return dst
}

// pluralS reports whether long is short with an s added: an English
// plural or possessive (KINGS, KING'S), not another syllable (no pinyin
// syllable ends in s).
func pluralS(long, short string) bool {
	return len(long) == len(short)+1 && long[len(short)] == 's' && long[:len(short)] == short
}

// slip reports whether a and b differ by a slip of the pen rather than a
// letter of another name: two adjacent letters swapped (Jhon/John) or a
// silent h (Jon/John).
func slip(a, b string) bool {
	if len(a) != len(b) {
		return len(a) == len(b)+1 && dropsH(a, b) || len(b) == len(a)+1 && dropsH(b, a)
	}
	return swapped(a, b)
}

// editSim is the similarity of two spellings one edit apart, from four
// letters, or 0. (Two edits are for fold keys: the index holds the
// spellings' one-letter deletions only, which keeps it small.)
func editSim(a, b string) float32 {
	k := min(maxEdits(min(len(a), len(b))), 1)
	if k == 0 || len(a)-len(b) > 1 || len(b)-len(a) > 1 || a[0] != b[0] && a[len(a)-1] != b[len(b)-1] {
		return 0 // one edit leaves the first or the last letter in place
	}
	d := osa(a, b, k)
	if d > k {
		return 0
	}
	sim := editSimilarity(d, max(len(a), len(b)))
	if a[0] != b[0] && !isVowel(a[0]) && !isVowel(b[0]) {
		sim -= firstLetterPenalty
	}
	return sim
}

// genderForms reports whether f is the feminine form of the East Slavic
// surname m (Ivanova/Ivanov, Nikitina/Nikitin, Petrovskaya/Petrovsky).
func genderForms(f, m string) bool {
	switch {
	case len(f) == len(m)+1 && f[len(m)] == 'a' && f[:len(m)] == m:
		return strings.HasSuffix(m, "ov") || strings.HasSuffix(m, "ev") || strings.HasSuffix(m, "in") ||
			strings.HasSuffix(m, "yn")
	case len(m) >= 5 && (strings.HasSuffix(m, "sky") || strings.HasSuffix(m, "skiy") || strings.HasSuffix(m, "skii")):
		stem := m[:strings.LastIndex(m, "sk")]
		return f == stem+"skaya" || f == stem+"skaia"
	}
	return false
}

// vowelVariant reports whether a and b differ only in vowels that
// romanisations of one name swap: e/i (Kamel/Kamil), o/u (Osman/Usman),
// a/e (Jamal/Jamel), but not a/i (Jamal/Jamil, Karim/Karam: other names).
func vowelVariant(a, b string) bool {
	if len(a) != len(b) || a == b {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := min(a[i], b[i]), max(a[i], b[i])
		if x != y && !(x == 'e' && y == 'i' || x == 'o' && y == 'u' || x == 'a' && y == 'e') {
			return false
		}
	}
	return true
}

// vowelsDiffer reports whether a and b have the same length and the same
// consonants in the same places, differing only in vowels.
func vowelsDiffer(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] && !(isVowel(a[i]) && isVowel(b[i])) {
			return false
		}
	}
	return true
}

// inflectionEndings are nominative case endings of Lithuanian and Latvian
// names, longest first: Putinas, Vladimiras, Jonaitis, Putins.
var inflectionEndings = [...]string{"ius", "as", "is", "ys", "us", "s"}

// inflectionStem returns key without its case ending, if it has one and
// what remains is long enough to be a name (four letters, five before a
// bare s), or "".
func inflectionStem(key string) string {
	for _, e := range inflectionEndings {
		n := len(key) - len(e)
		if n >= 4 && key[n:] == e && (len(e) > 1 || n >= 5 && !isVowel(key[n-1])) {
			return key[:n]
		}
	}
	return ""
}

// inflected reports whether fold key long is short with a case ending.
func inflected(long, short string) bool {
	// Every ending is one to three letters ending in s: most pairs fail
	// these checks before the endings are tried.
	d := len(long) - len(short)
	return d >= 1 && d <= 3 && long[len(long)-1] == 's' && long[:len(short)] == short && inflectionStem(long) == short
}

// pair is a candidate alignment of token i of one name with token j of the
// other.
type pair struct {
	i, j uint8
	how  matchHow
	src  uint8 // 0: the query token itself; k: its place in the k-th aligned rendering
	sim  float32
	val  float32
}

// scorer holds reusable state for scoring pairs of names.
type scorer struct {
	pairs []pair
	buf   []byte
	// floor, when positive, is the least score the caller keeps: a pair
	// that cannot reach it may get any lower score (Search sets it to its
	// min; Compare and Explain leave it 0 and get exact scores).
	floor float32
	// joinSpelt says a join of one name spelt a content token of the
	// other letter for letter (see spelt).
	joinSpelt bool
	// memo, when set, returns tokSim of query token i and dictionary
	// token id as found by the index's retrieval, and false when it does
	// not know (then tokSim is called).
	memo func(i int, id int32) (float32, matchHow, bool)
	// alts, when set, are all the renderings of the query scored; with
	// merge, a query token is also read in the aligned ones (see
	// alignedRenderings).
	alts  []name
	merge bool
	// sims caches, while simOn, the similarities of the tokens of alts
	// and those of the listed renderings of one record (see
	// cacheRecord): the merged readings of a pair are those its plain
	// scoring already compared.
	sims     []cachedSim
	simStamp uint32
	simSlot  int
	simOn    bool
}

type cachedSim struct {
	stamp uint32
	sim   float32
	how   matchHow
}

// simSlots is how many listed renderings of a record the cache holds.
const simSlots = maxVariants

// cacheRecord empties the similarity cache for a record's listed
// renderings, compared with the renderings in sc.alts.
func (sc *scorer) cacheRecord() {
	if n := simSlots * len(sc.alts) * maxTokens * maxTokens; len(sc.sims) < n {
		sc.sims = make([]cachedSim, n)
	}
	sc.simStamp++
	if sc.simStamp == 0 {
		clear(sc.sims)
		sc.simStamp = 1
	}
}

// cacheListed selects the cache of the record's slot-th listed
// rendering (from 0): past simSlots, nothing is cached.
func (sc *scorer) cacheListed(slot int) {
	sc.simSlot, sc.simOn = slot, slot < simSlots
}

// mergeMatters reports whether query rendering a may score otherwise
// against listed rendering b with merged readings (sc.merge) than alone:
// whether a token of a reads better, by the cache of their plain
// scoring, in an aligned rendering. Without the cache it cannot tell, and
// says so.
func (sc *scorer) mergeMatters(a, b *name) bool {
	ak := sc.altIndex(a)
	if !sc.simOn || ak < 0 {
		return true
	}
	var alBuf [maxAligned]*name
	var alIdx [maxAligned]int
	aligned := sc.alignedRenderings(a, &alBuf, &alIdx)
	at := func(k, i, j int) (float32, bool) {
		e := sc.simEntry(k, i, j)
		return e.sim, e.stamp == sc.simStamp
	}
	for i := range a.toks {
		if a.toks[i].cls == clsLegal {
			continue
		}
		for j := range b.toks {
			if b.toks[j].cls == clsLegal {
				continue
			}
			own, ok := at(ak, i, j)
			if !ok {
				return true
			}
			for n, r := range aligned {
				if altTok(a, r, i) == nil {
					continue
				}
				s, ok := at(alIdx[n], i, j)
				if !ok || min(s, simTranslit) > own {
					return true
				}
			}
		}
	}
	return false
}

// simEntry returns the cache entry of token i of rendering k of sc.alts
// and token j of the current listed rendering (see cacheListed).
func (sc *scorer) simEntry(k, i, j int) *cachedSim {
	return &sc.sims[((sc.simSlot*len(sc.alts)+k)*maxTokens+i)*maxTokens+j]
}

// altIndex returns the place of query rendering a in sc.alts, or -1.
func (sc *scorer) altIndex(a *name) int {
	for k := range sc.alts {
		if &sc.alts[k] == a {
			return k
		}
	}
	return -1
}

// tokSimAt is tokSim of token i of rendering k of sc.alts (a, -1 for
// none) and token j of the listed name (b), from the cache when on.
func (sc *scorer) tokSimAt(k, i, j int, a, b *tok) (float32, matchHow) {
	if !sc.simOn || k < 0 {
		return tokSim(a, b)
	}
	e := sc.simEntry(k, i, j)
	if e.stamp != sc.simStamp {
		e.sim, e.how = tokSim(a, b)
		e.stamp = sc.simStamp
	}
	return e.sim, e.how
}

// maxAligned caps the other renderings a query token is read in.
const maxAligned = 4

// mergeFloor is the plain score (the best of the query's renderings, each
// scored alone) from which a pair is also scored with its tokens read in
// the aligned renderings (see alignedRenderings). It is weakCap: a pair
// that resembles but holds no strong token match scores that, and
// another rendering's reading of a word may supply the strong match.
//
// Scoring merged readings only from a plain floor keeps Search exact:
// its retrieval bounds plain scores, so it finds every record whose plain
// score reaches min(minScore, mergeFloor) (see Index.Search), and those
// are all the records whose merged score can reach minScore; Compare and
// Explain apply the same rule to each listed rendering.
const mergeFloor = weakCap

// mergeable reports whether names, a query's renderings, may be scored
// with merged readings: an abjad's, more than one.
func mergeable(names []name) bool {
	return len(names) > 1 && names[0].flags&flagAbjad != 0
}

// alignedRenderings returns in dst the other renderings of query a, among
// sc.alts, that read the query's words into as many tokens. An abjad's
// renderings guess vowels and letter values for the whole name in one
// style (see translit's arStyles), while a name's words may each be spelt
// in another (Hamad in the first, Khairy in the second): a query token is
// as good as its best reading among the renderings of the same word. An
// article or compound read apart in one rendering and dropped or joined
// in another shifts the words: such renderings are not aligned. Where
// the renderings read a word into tokens of different classes (ould, a
// particle, and walad, a name), neither reading stands for the other
// (see altTok).
func (sc *scorer) alignedRenderings(a *name, dst *[maxAligned]*name, idx *[maxAligned]int) []*name {
	out := dst[:0]
	if !sc.merge || a.flags&flagAbjad == 0 {
		return out
	}
	for k := range sc.alts {
		r := &sc.alts[k]
		if len(out) == maxAligned {
			break
		}
		if r != a && len(r.toks) == len(a.toks) && r.flags&flagAbjad != 0 && (r.flags^a.flags)&flagOrg == 0 {
			idx[len(out)] = k
			out = append(out, r)
		}
	}
	return out
}

// altTok returns aligned rendering r's reading of query token i of a, or
// nil if r reads that word into another class of token.
func altTok(a, r *name, i int) *tok {
	if t := &r.toks[i]; t.cls == a.toks[i].cls {
		return t
	}
	return nil
}

// explainer collects the explanation of one pair, when wanted.
type explainer struct {
	tokens    []TokenMatch
	unmatched []string
	notes     []string
}

// scoreNames scores query name a against listed name b, in [0, 1].
//
// Tokens are aligned one to one, best pairs first (greedy on the small
// similarity matrix), whatever their order; tokens left over may then match
// a run of two or three adjacent tokens on the other side joined together
// ("binladen" and "bin laden"). Each side's coverage is the share of its
// token weight that is matched, each token counting its similarity times
// its weight. The coverages are combined by combine, which weighs query
// coverage three times list coverage when the query is specific (carries
// enough rare-token weight) and requires both when it is not. A query and a listed name that are the
// same name score 1. Names with no identifying token (only legal forms,
// or two letters) score 0: "CORP" alone never makes a match. A name of
// only titles, generic words and initials identifies by all of its tokens
// (see promote): then both names must be covered.
func (sc *scorer) scoreNames(a, b *name, ex *explainer) float32 {
	if a.wContent == 0 || b.wContent == 0 {
		if ex != nil {
			ex.notes = append(ex.notes, "no identifying token (only legal forms, or too few letters)")
		}
		return 0
	}
	na, nb := len(a.toks), len(b.toks)
	var credA, credB [maxTokens]float32
	var usedA, usedB [maxTokens]bool
	var toB [maxTokens]int8 // 1 + the listed token a query token pairs with
	// Joins that spell a token exactly come first: "Ivano vich" is
	// Ivanovich, and must not lose "ivano" to a fuzzy Ivan.
	sc.joinSpelt = false
	strong := sc.joinsBoth(a, b, usedA[:na], usedB[:nb], credA[:na], credB[:nb], ex, joinPre)
	strong = sc.moved(a, b, usedA[:na], usedB[:nb], credA[:na], credB[:nb], ex) || strong
	sc.pairs = sc.pairs[:0]
	var alBuf [maxAligned]*name
	var alIdx [maxAligned]int
	aligned := sc.alignedRenderings(a, &alBuf, &alIdx)
	ak := sc.altIndex(a)
	// queryTok is the reading of query token i a pair took.
	queryTok := func(p *pair) *tok {
		if p.src == 0 {
			return &a.toks[p.i]
		}
		return &aligned[p.src-1].toks[p.i]
	}
	for i := range a.toks {
		ta := &a.toks[i]
		if ta.cls == clsLegal {
			continue
		}
		for j := range b.toks {
			tb := &b.toks[j]
			if tb.cls == clsLegal {
				continue
			}
			var s float32
			var how matchHow
			ok := false
			if sc.memo != nil && tb.id >= 0 && len(tb.text) > 1 {
				s, how, ok = sc.memo(i, tb.id)
			}
			if !ok {
				s, how = sc.tokSimAt(ak, i, j, ta, tb)
			}
			var src uint8
			for k, r := range aligned {
				t := altTok(a, r, i)
				if t == nil {
					continue
				}
				s2, how2 := sc.tokSimAt(alIdx[k], i, j, t, tb)
				if s2 > simTranslit {
					// Another style's spelling of the word is one more
					// romanisation of it, no more: محمد is Mohammed
					// as a variant whichever rendering spells it so.
					s2, how2 = simTranslit, howTranslit
				}
				if s2 > s {
					s, how, src = s2, how2, uint8(k+1)
				}
			}
			if s == 0 || how == howInitial && (a.flags|b.flags)&flagPromoted != 0 && placeOf(a, i) != placeOf(b, j) {
				// A name identified by all of its tokens (see promote)
				// has its initials in their places: B. BANK is BM BANK,
				// "Bank B" is not.
				continue
			}
			v := s * (ta.w + tb.w)
			if how == howInitial {
				v *= initialCredit
			}
			sc.pairs = append(sc.pairs, pair{uint8(i), uint8(j), how, src, s, v})
		}
	}
	ps := sc.pairs
	cutPair := false      // a pair whose query token is cut (howCut)
	exactContent := false // a content token of the query spelt as listed
	if len(ps) <= insertionSortMax {
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && ps[j].val > ps[j-1].val; j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
	} else {
		slices.SortFunc(ps, func(x, y pair) int { return cmp.Compare(y.val, x.val) }) // best first
	}
	// In a nasab chain order carries meaning: X bin Y is X, son of Y,
	// not Y, son of X.
	nasab := hasNasab(a) && hasNasab(b)
	orderConflict := false
	for _, p := range ps {
		if usedA[p.i] || usedB[p.j] {
			continue
		}
		if nasab && fatherRole(a, int(p.i)) != fatherRole(b, int(p.j)) {
			orderConflict = true
			continue
		}
		usedA[p.i], usedB[p.j] = true, true
		toB[p.i] = int8(p.j) + 1
		qt := queryTok(&p)
		strong = strong || strongPair(qt, &b.toks[p.j], p.how)
		cutPair = cutPair || p.how == howCut
		if ta := qt; (ta.cls == clsContent || ta.cls == clsNumber) && spelt(ta, &b.toks[p.j], p.how) {
			exactContent = true
		}
		ca, cb := p.sim, p.sim
		if p.how == howInitial {
			if len(a.toks[p.i].text) > 1 {
				ca *= initialCredit
			}
			if len(b.toks[p.j].text) > 1 {
				cb *= listedInitialCredit
			}
		}
		credA[p.i] = ca * a.toks[p.i].w
		credB[p.j] = cb * b.toks[p.j].w
		if ex != nil {
			ex.tokens = append(ex.tokens, TokenMatch{
				Query: strings.Clone(qt.text), Candidate: strings.Clone(b.toks[p.j].text),
				How: p.how.String(), Sim: round3(float64(p.sim)), Weight: round3(float64(a.toks[p.i].w)),
			})
		}
	}
	if sc.floor > 0 && ex == nil && !sc.joinsCanReach(a, b, usedA[:na], usedB[:nb], credA[:na], credB[:nb]) {
		return 0
	}
	// Joined and split tokens among the leftovers.
	var lenient joinMode
	if a.flags&flagGuessed != 0 {
		lenient = joinLenient
	}
	if a.flags&flagAbjad != 0 {
		lenient |= joinAbjad
	}
	strong = sc.joinsBoth(a, b, usedA[:na], usedB[:nb], credA[:na], credB[:nb], ex, lenient) || strong
	if cutPair && !strong && a.toks[na-1].cls == clsContent && beginsWith(b, a) {
		// A short stub (DON...) is strong when the whole query is the
		// listed name's beginning, written as listed and cut: STATE
		// UNITARY ENTERPRISE OF THE DON is the one of the DONETSK
		// PEOPLE'S REPUBLIC. (A stub shorter than minStubLen never
		// matches by cut.)
		strong = true
	}

	// A first name that is the other's father's or grandfather's name,
	// while the other's own first name goes unmatched, is another person's:
	// Hussein Hijazi is not HIJAZI, Mohamad Hussein (Mohamad, son of
	// Hussein), nor is Ibrahim Muhammad Hijazi (Ibrahim, son of Muhammad)
	// Mohammed Hijazi. The pair earns nothing.
	roleConflict, halfName := false, false
	if (a.flags|b.flags)&flagOrg == 0 {
		if i, j, ok := firstAsMiddle(a, b, usedA[:na], usedB[:nb], toB[:na]); ok {
			credA[i], credB[j] = 0, 0
			roleConflict = true
		}
		// Abd al-Majid is one name, not Majid: half of it matched
		// earns nothing.
		// (Abd al-Aziz is not Abd al-Rahman either: heads matched, two
		// names of God unmatched.)
		for i := range a.toks {
			if k, ok := halfCompound(a, usedA[:na], i); ok && toB[k] > 0 && !(k == i && attributeMissing(b, usedB[:nb], int(toB[k])-1)) {
				credA[k], credB[toB[k]-1] = 0, 0
				halfName = true
			}
		}
		for j := range b.toks {
			if k, ok := halfCompound(b, usedB[:nb], j); ok {
				for i := range toB[:na] {
					if int(toB[i])-1 == k && !(k == j && attributeMissing(a, usedA[:na], i)) {
						credA[i], credB[k] = 0, 0
						halfName = true
					}
				}
			}
		}
	}

	// Titles count only when matched: "President Putin" is Putin.
	wa, wb := a.w, b.w
	var ca, cb float32
	for i := range a.toks {
		if usedA[i] && a.toks[i].cls == clsTitle {
			wa += a.toks[i].w
		}
		ca += credA[i]
	}
	for j := range b.toks {
		if usedB[j] && b.toks[j].cls == clsTitle {
			wb += b.toks[j].w
		}
		cb += credB[j]
	}
	// Unmatched query initials together weigh at most maxStrayInitials:
	// "A B C HIZBALLAH" is HIZBALLAH with noise, not a name it lacks.
	var stray float32
	for i := range a.toks {
		switch t := &a.toks[i]; {
		case usedA[i]:
		case t.cut && len(t.text) < minStubLen:
			// An unmatched stub of one or two letters ending a cut
			// query says nothing.
			wa -= t.w
		case t.cls == clsInitial:
			stray += t.w
		}
	}
	if stray > maxStrayInitials {
		wa -= stray - maxStrayInitials
	}
	// Missing is not conflicting: lists shorten names and banks record
	// them in full, so a middle name, patronymic or nasab link that one
	// side has and the other lacks weighs little; middle names on both
	// sides that do not match conflict and weigh in full.
	var middleNote string
	conflict, linesDiffer := false, false
	if (a.flags|b.flags)&flagOrg == 0 {
		mq, heaviestQ := unmatchedNames(a, usedA[:na], false)
		ml, _ := unmatchedNames(b, usedB[:nb], false)
		held := heldIn(a, usedA[:na], toB[:na])
		switch {
		case initialDisagrees(a, usedA[:na], b, usedB[:nb]) || initialDisagrees(b, usedB[:nb], a, usedA[:na]):
			// John Q. Smith is not John Robert Smith; Jang Hyon U
			// (Hyon-u) is not Jang Jae Hyon.
			middleNote = "an initial disagrees with the other's name (conflicting)"
			conflict = true
		// Only a specific name all of whose names the other holds vouches
		// for the other's extra names: that "Tariq Youssef Aziz" holds
		// Tariq and Aziz says little, and HIJAZI, Mohamad Hussein is not
		// Husain Maryam Hijazi.
		case a.flags&flagAbjad != 0 && ml == 0 && allMatched(b, usedB[:nb]) && contentTokens(b) >= 2 && held == heldFromFirst:
			wa -= forgiven(a, usedA[:na], true) * specificity(b.wContent)
			middleNote = "names the listed name lacks weigh little: it is the query's name shortened (missing, not conflicting)"
		case mq > 0 && ml == 0 && allMatched(b, usedB[:nb]):
			v := specificity(b.wContent)
			if held == heldAtEdges {
				v = 1
			}
			wa -= forgive(mq, heaviestQ) * v
			middleNote = "middle names the listed name lacks weigh little (missing, not conflicting)"
		case ml > 0 && mq == 0 && allMatched(a, usedA[:na]):
			wb -= (1 - missingShare) * ml * specificity(a.wContent)
			middleNote = "middle names the query lacks weigh little (missing, not conflicting)"
		case mq > 0 && ml > 0:
			middleNote = "middle names differ (conflicting)"
			conflict = true
		}
		if !conflict && edgeUnmatched(a, usedA[:na]) && edgeUnmatched(b, usedB[:nb]) {
			middleNote = "a first or last name differs (conflicting)"
			conflict = true
		}
	} else if a.flags&flagCut == 0 {
		whole := allMatched(a, usedA[:na]) && allMatched(b, usedB[:nb])
		if (whole || distinctMatched(a, usedA[:na]) <= 1) && wordsDiffer(a, b, usedA[:na], usedB[:nb]) {
			if whole {
				// Two companies alike in every distinctive word that
				// each name another line of business are two companies
				// (sister companies at most): ORION SHIPPING, ORION
				// TRADING.
				linesDiffer = true
			} else {
				// Two companies that share one word and each have
				// another are two companies: "Home Depot" is not SMART
				// DEPOT.
				middleNote = "each name has a word the other lacks (conflicting)"
				conflict = true
			}
		}
	}
	if wa == 0 || wb == 0 {
		return 0
	}
	covA, covB := min(ca/wa, 1), min(cb/wb, 1)
	spec := pairSpec(a, b)
	score := combine(covA, covB, spec)
	// A query cut at a field limit is also read as the beginning of the
	// listed name: the listed tokens after the cut are unseen, not
	// missing. What was not seen cannot make an exact match (cutCap);
	// the pair keeps the better of the two readings.
	var unseen, cutScore float32
	if a.flags&flagCut != 0 {
		var stub float32
		if unseen, stub = cutTail(a, b, usedA[:na], usedB[:nb]); (unseen > 0 || stub > 0) && unseen < wb && stub < wa {
			cutScore = combine(min(ca/(wa-stub), 1), min(cb/(wb-unseen), 1), spec)
			cutScore = capCut(cutScore)
			if t := &a.toks[na-1]; t.cut && !usedA[na-1] && !stubAhead(t.text, b, usedB[:nb]) || !beginsWith(b, a) {
				// The stub does not begin the listed token after the
				// cut (NAUCHNO IS... is NAUCHNO ISSLEDOVATELSKII rather
				// than NAUCHNO-PROIZVODSTVENNOE), or the listed name
				// does not begin as the query does (LIMITED LIABILITY
				// COMPANY INTERNATI... is LLC INTERNATIONAL INNOVATION
				// CENTER rather than INTERNATIONAL HELICOPTERS PROGRAMS
				// LLC): the other ranks first.
				cutScore = max(cutScore-legalTieBreak/2, min(cutScore, Threshold))
			}
		}
	}
	if orgWordsMissing(a, b, usedA[:na], usedB[:nb]) {
		score *= orgWordPenalty
		if ex != nil {
			ex.notes = append(ex.notes, "the listed name is an organisation's (words the query lacks)")
		}
	}
	if conflict {
		score *= conflictPenalty
	}
	if covA >= fullCover && covB >= fullCover {
		score = 1 // same tokens, maybe in another order
	}
	if cutPair {
		score = capCut(score) // a token only partly seen
	}
	if a.flags&flagCut != 0 && score > cutCap-legalTieBreak {
		if t := &a.toks[na-1]; t.cut && !usedA[na-1] && len(t.text) < minStubLen && !stubAhead(t.text, b, usedB[:nb]) {
			// The query goes on past this listed name (CORPS R...): a
			// listed name that goes on too ranks first. A stub that
			// begins the listed legal words after the match (GR...
			// GROUP COMPANY) is the listed name going on.
			score = cutCap - legalTieBreak
		}
	}
	if cutScore > score {
		score = cutScore
	} else {
		unseen = 0 // for the explanation
	}
	if (a.flags|b.flags)&flagNumbers != 0 && numbersConflict(a, b) {
		score *= numberPenalty
		if ex != nil {
			ex.notes = append(ex.notes, "numbers differ")
		}
	}
	if a.legal != 0 && b.legal == 0 && b.flags&flagOrg != 0 && score > 0 && score < 1 {
		// The company the query names with its legal form ranks before
		// one listed without any (AO AKKUMULYAT... is AO AKKUMULYATORNYI
		// ZAVOD rather than AKKUMULYATORNYE TEKHNOLOGII).
		score = max(score-legalTieBreak/2, min(score, Threshold))
		if ex != nil {
			ex.notes = append(ex.notes, "the listed name has no legal form: "+legalClasses[a.legal]+" in the query")
		}
	}
	if a.legal != 0 && b.legal != 0 && a.legal != b.legal && score > 0 {
		// Another legal form neither makes nor breaks a match, but the
		// company the query names by its form ranks first.
		score = max(score-legalTieBreak, min(score, Threshold))
		if ex != nil {
			ex.notes = append(ex.notes, "legal forms of different classes: "+legalClasses[a.legal]+", "+legalClasses[b.legal])
		}
	}
	if (a.flags|b.flags)&flagOrg != 0 && !exactContent && !sc.joinSpelt && score > weakCap && distinctMatched(a, usedA[:na]) <= 1 {
		// A company's single distinctive word matched only by sound, an
		// edit or a join is another company's (Visa/WISA, Amgen/AMEGINO,
		// Stripe/STREET): brand names are not fuzzy.
		score = weakCap
		if ex != nil {
			ex.notes = append(ex.notes, "an organisation's one distinctive word is not spelt as listed")
		}
	}
	if b.flags&flagOrg != 0 && a.flags&flagCut == 0 && score > weakCap && distinctMatched(a, usedA[:na]) <= 1 && listedGoesOn(b, usedB[:nb]) {
		// A company named by one word is not every company whose name
		// begins or ends with it: ACCENTURE BUILDING MATERIALS and
		// ORANGE VOLUNTEERS name more than Accenture or Orange. (A cut
		// query's listed words after the cut are unseen, see cutTail.)
		score = weakCap
		if ex != nil {
			ex.notes = append(ex.notes, "the listed organisation's name goes on past the query's one word")
		}
	}
	if linesDiffer && score > weakCap {
		score = weakCap
		if ex != nil {
			ex.notes = append(ex.notes, "each organisation names another line of business")
		}
	}
	if !strong && score > weakCap {
		score = weakCap
		if ex != nil {
			ex.notes = append(ex.notes, "no strong token match (only short tokens matched by spelling or sound)")
		}
	}
	score = min(max(score, 0), 1)
	if ex != nil {
		for i := range a.toks {
			t := &a.toks[i]
			if !usedA[i] && t.cls != clsLegal {
				ex.unmatched = append(ex.unmatched, "query: "+t.text)
			}
		}
		var tail []string
		for j := range b.toks {
			t := &b.toks[j]
			switch {
			case unseen > 0 && j > lastUsed(usedB[:nb]):
				if t.cls != clsLegal {
					tail = append(tail, t.text)
				}
			case !usedB[j] && t.cls != clsLegal:
				ex.unmatched = append(ex.unmatched, "candidate: "+t.text)
			}
		}
		if len(tail) > 0 {
			ex.notes = append(ex.notes, "query read as cut at a field limit: listed tokens after the cut unseen: "+strings.Join(tail, " "))
		}
		if (a.flags|b.flags)&flagLegal != 0 {
			ex.notes = append(ex.notes, "legal forms ignored: "+classTokens(a, b, clsLegal))
		}
		if (a.flags|b.flags)&flagTitle != 0 {
			ex.notes = append(ex.notes, "titles down-weighted: "+classTokens(a, b, clsTitle))
		}
		if spec < 1 {
			ex.notes = append(ex.notes, fmt.Sprintf("query made of common tokens (specificity %.2f): both names must be covered", spec))
		}
		if middleNote != "" {
			ex.notes = append(ex.notes, middleNote)
		}
		if roleConflict {
			ex.notes = append(ex.notes, "a first name stands as the other's middle name while the other's first name goes unmatched: another person")
		}
		if halfName {
			ex.notes = append(ex.notes, "half of an Abd name (Abd al-Majid) matched alone: another name")
		}
		if orderConflict {
			ex.notes = append(ex.notes, "a name in a nasab chain (bin, ben, ould) in another place: another person")
		}
		ex.notes = append(ex.notes, fmt.Sprintf("query coverage %.2f, listed-name coverage %.2f", covA, covB))
	}
	return score
}

// cutTail reads query a as cut at a field limit (flagCut). It returns the
// weight of the listed tokens of b that the query did not reach, those
// after the last listed token matched, provided the query's own end
// matched; and stub, the weight of an unmatched last query token that
// begins a legal form (OTVETST: the name was cut inside its form), which
// this reading drops. The end is the last query token that is not a legal
// form, an unmatched stub of one or two letters or such a legal stub. A
// listed name that goes on where the query stops is then not missing
// those tokens: they were cut off.
func cutTail(a, b *name, usedA, usedB []bool) (unseen, stub float32) {
	if t := &a.toks[len(a.toks)-1]; t.cls == clsLegal && isLegalWord(t.text) {
		return 0, 0 // a name that ends with its legal form was not cut
	}
	last := -1
	for i := len(a.toks) - 1; i >= 0; i-- {
		t := &a.toks[i]
		if t.cls == clsLegal {
			continue
		}
		if t.cut && !usedA[i] {
			if len(t.text) < minStubLen {
				continue // weighed nothing already (see scoreNames)
			}
			if legalPrefix(t.text) {
				stub = t.w
				continue
			}
		}
		last = i
		break
	}
	// The listed token where the query stops must be a word, not an
	// initial that any token would do for.
	jl := lastUsed(usedB)
	if last < 0 || !usedA[last] || jl < 0 || len(b.toks[jl].text) < 2 {
		return 0, 0
	}
	for j := jl + 1; j < len(b.toks); j++ {
		if t := &b.toks[j]; t.cls != clsTitle {
			unseen += t.w
		}
	}
	return unseen, stub
}

// capCut caps the score of a pair read through a cut at cutCap, keeping
// the order of scores below it: what was not seen cannot make an exact
// match.
func capCut(s float32) float32 {
	return min(s, cutCap-(1-s)*cutSlope)
}

// spelt reports whether query token a is b as listed, for the rule that
// an organisation's one distinctive word must be: the same letters, the
// first letters of a cut name, a transliterated query's reading, or a
// romanisation of a name established on the lists that swaps vowels in
// place (Qaeda/QAIDA) or, in a word of seven letters or more, differs only
// in its vowels (Hezbollah/HIZBALLAH, Shabaab/SHABAB); not a consonant (Visa/WISA, Cisco/SISCO,
// Stripe/STREET), a syllable more (Amgen/AMEGINO) or a short word's
// vowels (Stena/SATNA, Mills/MILES).
func spelt(a, b *tok, how matchHow) bool {
	switch how {
	case howExact, howCut:
		return true
	case howTranslit:
		if a.guessed {
			return true
		}
	}
	if a.text[0] == b.text[0] && (min(len(a.text), len(b.text)) >= brandTypoLen && osa(a.text, b.text, 1) <= 1 ||
		len(a.text) >= brandSwapLen && swapped(a.text, b.text)) {
		return true
	}
	if undoubled(a.text, b.text) {
		return true // a long vowel written double or not: Shabaab, Shabab
	}
	if !b.known {
		// Only a spelling established on the lists (held by several
		// listed names) has romanisations: WELMART is not Walmart.
		return false
	}
	if vowelVariant(a.text, b.text) {
		return true
	}
	d := len(a.text) - len(b.text)
	return d >= -1 && d <= 1 && len(a.text) >= brandVowelsLen && sameConsonants(a.text, b.text)
}

// undoubled reports whether a and b are the same letters but for one
// long vowel written double in one and once in the other (Shabaab,
// Shabab): a romanisation's choice. Consonants are not undoubled: TATA is
// not TAATTA.
func undoubled(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a) != len(b)+1 {
		return false
	}
	for i := 0; i < len(b); i++ {
		if a[i] != b[i] {
			return i > 0 && a[i] == a[i-1] && isVowel(a[i]) && a[i+1:] == b[i:]
		}
	}
	return isVowel(a[len(b)]) && a[len(b)] == b[len(b)-1]
}

// swapped reports whether b is a with two adjacent letters swapped (TAIBER
// / TIABER), the commonest typing error.
func swapped(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// sameConsonants reports whether a and b have the same consonants in the
// same order, doubled letters counting once.
func sameConsonants(a, b string) bool {
	i, j := 0, 0
	next := func(t string, k int) (byte, int) {
		for ; k < len(t); k++ {
			if c := t[k]; !isVowel(c) && (k == 0 || t[k-1] != c) {
				return c, k + 1
			}
		}
		return 0, k
	}
	for {
		var x, y byte
		x, i = next(a, i)
		y, j = next(b, j)
		if x != y {
			return false
		}
		if x == 0 {
			return true
		}
	}
}

// nasabParticles link a name to the father's: X bin Y is X, son of Y.
var nasabParticles = set("bin", "ben", "ibn", "bint", "binti", "bent", "ould", "walad", "wuld", "ap")

func hasNasab(n *name) bool {
	for i := 1; i < len(n.toks); i++ {
		if _, ok := nasabParticles[n.toks[i-1].text]; ok && n.toks[i-1].cls == clsParticle {
			return true
		}
	}
	return false
}

// fatherRole reports whether token i of n follows a nasab particle, maybe
// with the article between (bin al-Habib, ben Habib): a father's (or
// forefather's) name.
func fatherRole(n *name, i int) bool {
	if i >= 2 && n.toks[i-1].cls == clsParticle && isArabicArticle(n.toks[i-1].text) {
		i--
	}
	if i == 0 || n.toks[i-1].cls != clsParticle {
		return false
	}
	_, ok := nasabParticles[n.toks[i-1].text]
	return ok
}

// edges returns the positions of n's first and last name: its first and
// last content tokens that are not patronymics, or -1, -1.
func edges(n *name) (f, l int) {
	f, l = -1, -1
	for i := range n.toks {
		if t := &n.toks[i]; t.cls == clsContent && !t.patr {
			if f < 0 {
				f = i
			}
			l = i
		}
	}
	return f, l
}

// forgiven returns how much of the weight of n's unmatched middle names
// (with trailing, of all its unmatched names) a shorter name that lacks
// them forgives: all but missingShare of the heaviest. A chain of father's
// and grandfather's names (Abd al-Halim Hafiz Abd al-Fattah Remadna) is one
// fact the short name leaves out, not four.
func forgiven(n *name, used []bool, trailing bool) float32 {
	return forgive(unmatchedNames(n, used, trailing))
}

// forgive is what forgiven forgives of names weighing w, the heaviest
// weighing heaviest.
func forgive(w, heaviest float32) float32 { return w - missingShare*heaviest }

// How the names of a shorter name, all matched, stand in a longer one.
const (
	heldNot       = iota // in no role order that says "the same name shortened"
	heldAtEdges          // as its first and last names: Kyu Maria KIM holds Kyu KIM
	heldFromFirst        // from its first name on, in order: Abdul Basir Nawrazai holds Abdul Basir
)

// heldIn tells how the names of a shorter name stand in long name l, whose
// matched tokens are used, token i paired with the other's token toB[i]-1
// (0: matched by a join). Lists give a given name and a father's or family
// name where a bank records the name in full, so the shorter name may stop
// before l does; but it must begin where l begins and keep its order.
func heldIn(l *name, used []bool, toB []int8) int {
	f, last := edges(l)
	switch {
	case f < 0 || !used[f]:
		return heldNot
	case used[last]:
		return heldAtEdges
	}
	prev := int8(0)
	for i := range l.toks {
		if toB[i] == 0 || l.toks[i].cls != clsContent {
			continue
		}
		if toB[i] < prev {
			return heldNot
		}
		prev = toB[i]
	}
	return heldFromFirst
}

// unmatchedNames returns the weight of n's unmatched middle names (the
// content tokens between its first and last name, see edges, and its
// patronymics), or with trailing of all its unmatched content tokens, and
// the weight of the heaviest of them.
func unmatchedNames(n *name, used []bool, trailing bool) (w, heaviest float32) {
	f, l := edges(n)
	for i := range n.toks {
		if t := &n.toks[i]; !used[i] && t.cls == clsContent && (trailing || t.patr || f >= 0 && i != f && i != l) {
			w += t.w
			heaviest = max(heaviest, t.w)
		}
	}
	return w, heaviest
}

// initialDisagrees reports whether y has an unmatched initial and x an
// unmatched name, and none of x's unmatched names begins with one of y's
// unmatched initials.
func initialDisagrees(x *name, usedX []bool, y *name, usedY []bool) bool {
	found := false
	for j := range y.toks {
		if t := &y.toks[j]; !usedY[j] && t.cls == clsInitial {
			for i := range x.toks {
				if u := &x.toks[i]; !usedX[i] && u.cls == clsContent {
					if u.text[0] == t.text[0] {
						return false
					}
					found = true
				}
			}
		}
	}
	return found
}

// abdHeads begin Arabic theophoric names, Abd (servant) and one of the
// names of God (abdNames): Abd al-Majid, Abdul Rahman, Abdel Aziz. The
// head alone is no name, and the attribute alone (Majid, Aziz) is another
// name.
var abdHeads = set("abd", "abdul", "abdel", "abdal", "abdol", "abdu", "abdoul", "abdil", "abdur", "abdus")

// isAbdHead reports whether t is in abdHeads. Scoring asks it of every
// token of every pair it scores: the prefix spares most the map lookup.
func isAbdHead(t *tok) bool {
	if !strings.HasPrefix(t.text, "abd") {
		return false
	}
	_, ok := abdHeads[t.text]
	return ok
}

// abdNames are the names of God that follow Abd in personal names, in
// their common romanisations: the ninety-nine names as listed in
// Wikipedia's "Names of God in Islam", those in use in names.
var abdNames = set(
	"allah", "ullah", "illah", "ilah", "rahman", "rehman", "rahim", "raheem", "malik", "malek", "quddus", "salam",
	"salaam", "mumin", "muhaymin", "aziz", "azeez", "jabbar", "jabar", "khaliq", "bari", "ghaffar", "ghafar",
	"qahhar", "wahhab", "wahab", "razzaq", "razaq", "razak", "razzak", "fattah", "alim", "aleem", "basit",
	"baset", "rafi", "muizz", "sami", "samie", "basir", "baseer", "hakam", "latif", "lateef", "khabir", "halim",
	"haleem", "azim", "azeem", "ghafur", "ghafoor", "shakur", "shakoor", "kabir", "hafiz", "hafeez", "hasib",
	"jalil", "jaleel", "karim", "kareem", "raqib", "mujib", "wasi", "hakim", "hakeem", "wadud", "majid",
	"majeed", "shahid", "haqq", "haq", "wakil", "qawi", "matin", "wali", "hamid", "hameed", "muhsi", "muid",
	"hayy", "hai", "qayyum", "qayum", "wajid", "wahid", "ahad", "samad", "qadir", "qader", "kader", "kadir",
	"qadeer", "muqtadir", "awwal", "akhir", "zahir", "batin", "barr", "tawwab", "afu", "rauf", "ghani",
	"ghany", "mughni", "nur", "noor", "hadi", "badi", "baqi", "baki", "warith", "rashid", "rasheed", "sabur",
	"saboor", "nasir", "nasser", "naser", "sattar", "satar", "mannan", "manan", "muttalib", "mutalib",
	"muttaleb", "jalal", "karem",
)

// abdNameFolds holds the fold keys of abdNames.
var abdNameFolds = func() map[string]struct{} {
	m := make(map[string]struct{}, len(abdNames))
	for n := range abdNames {
		m[translit.Fold(n)] = struct{}{}
	}
	return m
}()

// otherAbdNames reports whether fold keys a and b are those of two Abd
// al-X names (see translit's abdCompound: "abdu" and the name) with two
// different names of God.
func otherAbdNames(a, b string) bool {
	if len(a) < 7 || len(b) < 7 || a[:4] != "abdu" || b[:4] != "abdu" || a[4:] == b[4:] || vowelVariant(a, b) {
		return false
	}
	_, x := abdNameFolds[a[4:]]
	_, y := abdNameFolds[b[4:]]
	return x && y
}

// halfCompound reports whether token i of n is the head of an Abd name
// (see abdHeads) of which one part is matched and the other not; k is the
// matched part. (A head matched by the other's head, its attribute
// unmatched, is that name with its attribute missing, not another name,
// unless the other's attribute is unmatched too: see attributeMissing.)
func halfCompound(n *name, used []bool, i int) (k int, ok bool) {
	if !isAbdHead(&n.toks[i]) {
		return 0, false
	}
	j := i + 1
	if j < len(n.toks) && n.toks[j].cls == clsParticle {
		j++
	}
	if j >= len(n.toks) || n.toks[j].cls != clsContent || used[i] == used[j] {
		return 0, false
	}
	if _, ok := abdNames[n.toks[j].text]; !ok {
		return 0, false // Abdul JASHARI: a family name, not Abd al-...
	}
	if used[i] {
		return i, true
	}
	return j, true
}

// attributeMissing reports whether token i of n is an Abd head that lacks
// an unmatched name of God of its own: the other's Abd name with its
// attribute missing (Abd al-Rahman / ABD), not another Abd name.
func attributeMissing(n *name, used []bool, i int) bool {
	if !isAbdHead(&n.toks[i]) {
		return false
	}
	_, other := halfCompound(n, used, i)
	return !other
}

// firstAsMiddle finds a person's first name paired with a middle name of
// the other (a name between the other's first and last names) whose own
// first name is unmatched, the two last names paired, in either direction.
// It returns the pair: query token i, listed token j.
func firstAsMiddle(a, b *name, usedA, usedB []bool, toB []int8) (i, j int, ok bool) {
	fa, la := edges(a)
	fb, lb := edges(b)
	if fa < 0 || fb < 0 || fa == la || fb == lb || int(toB[la])-1 != lb {
		return 0, 0, false
	}
	if j := int(toB[fa]) - 1; j >= 0 && !usedB[fb] && j != fb && j != lb && b.toks[j].cls == clsContent {
		return fa, j, true
	}
	if usedA[fa] {
		return 0, 0, false
	}
	for i := range toB {
		if int(toB[i])-1 == fb && i != fa && i != la && a.toks[i].cls == clsContent {
			return i, fb, true
		}
	}
	return 0, 0, false
}

// wordsDiffer reports whether organisation names a and b each have an
// unmatched word (not a legal form nor a function word, but for TRADING, a
// business word that says what the company does), neither of which
// abbreviates the other (AIR is AIRLINES): ORION SHIPPING COMPANY is not
// ORION TRADING COMPANY.
func wordsDiffer(a, b *name, usedA, usedB []bool) bool {
	left := func(n *name, used []bool, i int) bool {
		t := &n.toks[i]
		return !used[i] && (t.cls == clsContent || t.cls == clsGeneric || t.cls == clsLegal && t.text == businessLine) && !functionWord(t.text)
	}
	differ := false
	for i := range a.toks {
		if !left(a, usedA, i) {
			continue
		}
		for j := range b.toks {
			if !left(b, usedB, j) {
				continue
			}
			x, y := a.toks[i].text, b.toks[j].text
			if len(x) >= minAbbrevLen && strings.HasPrefix(y, x) || len(y) >= minAbbrevLen && strings.HasPrefix(x, y) {
				return false
			}
			differ = true
		}
	}
	return differ
}

// contentTokens returns how many content tokens n has.
func contentTokens(n *name) int {
	c := 0
	for i := range n.toks {
		if n.toks[i].cls == clsContent {
			c++
		}
	}
	return c
}

// placeOf returns the place of token i in n among its tokens that are not
// legal forms.
func placeOf(n *name, i int) int {
	p := 0
	for k := range i {
		if n.toks[k].cls != clsLegal {
			p++
		}
	}
	return p
}

// allMatched reports whether every content token of n is matched.
func allMatched(n *name, used []bool) bool {
	for i := range n.toks {
		if !used[i] && n.toks[i].cls == clsContent {
			return false
		}
	}
	return true
}

// edgeUnmatched reports whether n's first or last name (see edges) is
// unmatched.
func edgeUnmatched(n *name, used []bool) bool {
	f, l := edges(n)
	return f >= 0 && (!used[f] || !used[l])
}

// listedGoesOn reports whether listed name b has a distinctive word that
// went unmatched: not a legal form, generic word, title or initial, but
// for a letter that begins the name, which is part of a brand (Z AXIS is
// not Axis, K LINE not Line).
func listedGoesOn(b *name, usedB []bool) bool {
	for j := range b.toks {
		if !usedB[j] && (b.toks[j].cls == clsContent || j == 0 && b.toks[j].cls == clsInitial && len(b.toks) > 1) {
			return true
		}
	}
	return false
}

// distinctMatched returns how many content tokens of the query matched,
// a camelCase word read as two (PetroChina) counting once.
func distinctMatched(a *name, usedA []bool) int {
	n := 0
	for i := range a.toks {
		if usedA[i] && a.toks[i].cls == clsContent {
			n++
		}
	}
	return max(n-int(a.camel), min(n, 1))
}

// beginsWith reports whether listed name b begins with cut query a's
// tokens as written, the last one (cut) as a prefix.
func beginsWith(b, a *name) bool {
	n := len(a.toks)
	if n == 0 || len(b.toks) < n {
		return false
	}
	for i := 0; i < n-1; i++ {
		if a.toks[i].text != b.toks[i].text {
			return false
		}
	}
	return strings.HasPrefix(b.toks[n-1].text, a.toks[n-1].text)
}

// stubAhead reports whether stub begins the listed token right after the
// last one matched.
func stubAhead(stub string, b *name, usedB []bool) bool {
	for j := lastUsed(usedB) + 1; j < len(b.toks); j++ {
		if strings.HasPrefix(b.toks[j].text, stub) {
			return true
		}
		if b.toks[j].cls != clsLegal {
			break // legal words may stand between: COAL COMP(ANY) ...
		}
	}
	return false
}

// lastUsed returns the index of the last true in used, or -1.
func lastUsed(used []bool) int {
	for j := len(used) - 1; j >= 0; j-- {
		if used[j] {
			return j
		}
	}
	return -1
}

// joinsCanReach reports whether joins could still lift the pair to
// sc.floor: the score with every unmatched token fully credited (joins can
// credit no more; penalties only lower it).
func (sc *scorer) joinsCanReach(a, b *name, usedA, usedB []bool, credA, credB []float32) bool {
	wa, wb := a.w, b.w
	var ca, cb float32
	for i := range a.toks {
		t := &a.toks[i]
		switch {
		case usedA[i]:
			ca += credA[i]
			if t.cls == clsTitle {
				wa += t.w
			}
		case t.cls != clsTitle:
			ca += t.w
		}
	}
	for j := range b.toks {
		t := &b.toks[j]
		switch {
		case usedB[j]:
			cb += credB[j]
			if t.cls == clsTitle {
				wb += t.w
			}
		case t.cls != clsTitle:
			cb += t.w
		}
	}
	if wa == 0 || wb == 0 {
		return false
	}
	return combine(min(ca/wa, 1), min(cb/wb, 1), pairSpec(a, b)) >= sc.floor
}

func classTokens(a, b *name, cls tokClass) string {
	var out []string
	for _, n := range []*name{a, b} {
		for _, t := range n.toks {
			if t.cls == cls && !slices.Contains(out, t.text) {
				out = append(out, t.text)
			}
		}
	}
	return strings.Join(out, ", ")
}

// tableSpelt reports whether the query's side of a join, tx (x the query)
// or the run (swapped: y the query), has a spelling from the renderer's
// name table: its vowels are no guesses (see abjadMatch), so its join
// must spell the token. محمود عوض, mahmud ud, is not MUHAMMAD.
func tableSpelt(tx *tok, run []tok, swapped bool) bool {
	if !swapped {
		return translit.IsArabicNameSpelling(tx.text)
	}
	for i := range run {
		if translit.IsArabicNameSpelling(run[i].text) {
			return true
		}
	}
	return false
}

// articleRespelt reports whether token j of y is the Arabic article and
// word w, which begins with a vowel, begins with it spelt otherwise:
// another vowel, assimilated to the next word or not (al din, ELDIN,
// UDDIN; ad din, EDDINE).
func articleRespelt(y *name, j int, w string) bool {
	t := y.toks[j].text
	if len(t) > 3 || len(w) <= len(t) || !isVowel(t[0]) {
		return false
	}
	if w[1] != t[1] && (j+1 == len(y.toks) || y.toks[j+1].text == "" || w[1] != y.toks[j+1].text[0]) {
		return false
	}
	return isArabicArticle(t)
}

// joinMode says how scorer.joins reads its two names.
type joinMode uint8

const (
	joinSwapped joinMode = 1 << iota // x is the listed name, y the query (for the explanation)
	joinLenient                      // the query is a transliteration: a join around a particle may merely resemble
	joinPre                          // the first pass, before tokens are paired one to one
	joinAbjad                        // the query is read from an abjad: a join may have other short vowels
)

// joinsBoth runs joins both ways, the query's tokens against runs of the
// listed name's and the other way round, and reports whether either found
// strong evidence.
func (sc *scorer) joinsBoth(a, b *name, usedA, usedB []bool, credA, credB []float32, ex *explainer, mode joinMode) bool {
	strong := sc.joins(a, b, usedA, usedB, credA, credB, ex, mode)
	return sc.joins(b, a, usedB, usedA, credB, credA, ex, mode|joinSwapped) || strong
}

// joins matches each unmatched token of x against runs of two or three
// adjacent unmatched tokens of y joined together.
//
// A join must spell the same name (same fold key): short syllables joined
// resemble some token by chance too easily ("Lin Dai" / LINDA). Only for a
// transliterated query (joinLenient), whose word breaks and vowels are
// guesses, may a join around a particle be merely similar (عبد القادر,
// abd al qadar / Abdelkader). It reports
// whether a join that is strong evidence matched: eight letters or more
// (longJoinLen: CHON MA SAN), six with no content part under three
// (joinPartsLen, joinMinPart: "al qaeda" / ALQAEDA), or five spelt exactly
// alike (strongLen: UR-CQA / URCQA); "He Na" / HENNA is not.
//
// In the first pass (joinPre), before tokens are paired one to one, a token
// that has its very text on the other side, or a run with such a content
// token, is left to be paired.
func (sc *scorer) joins(x, y *name, usedX, usedY []bool, credX, credY []float32, ex *explainer, mode joinMode) bool {
	pre, lenient, abjad := mode&joinPre != 0, mode&joinLenient != 0, mode&joinAbjad != 0
	strong := false
	for i := range x.toks {
		tx := &x.toks[i]
		if usedX[i] || len(tx.text) < 4 || (tx.cls != clsContent && tx.cls != clsParticle) {
			continue
		}
		if pre && hasText(y, tx.text) {
			continue
		}
		vowelFirst := isVowel(tx.text[0])
		for j := 0; j < len(y.toks) && !usedX[i]; j++ {
			if t := y.toks[j].text; t == "" || t[0] != tx.text[0] && !(vowelFirst && y.toks[j].cls == clsParticle && articleRespelt(y, j, tx.text)) {
				// A run begins with its first token's first letter, or
				// with the article spelt with another vowel (Nur al-Din,
				// NOUR EDDINE; نور الدين, NOR ELDIN).
				continue
			}
			// Abd al- holds the article: its vowels are the
			// romanisation's too (Abdul Qadir, ABDELKADER).
			abdRun := isAbdHead(&y.toks[j])
			for k := 2; k <= 3 && j+k <= len(y.toks); k++ {
				ok := true
				n := 0
				minPart := maxTokenBytes
				hasParticle := tx.cls == clsParticle
				hasLegal := false
				for _, t := range y.toks[j : j+k] {
					hasParticle = hasParticle || t.cls == clsParticle
					hasLegal = hasLegal || t.cls == clsLegal
					if t.cls == clsContent {
						minPart = min(minPart, len(t.text))
					}
					if t.cls != clsContent && t.cls != clsParticle && t.cls != clsGeneric && t.cls != clsLegal {
						ok = false
						break
					}
					n += len(t.text)
				}
				if !ok || pre && (pairable(x, &y.toks[j+k-1]) || k == 2 && pairable(x, &y.toks[j])) {
					break
				}
				if usedY[j+k-1] || slices.Contains(usedY[j:j+k], true) {
					break
				}
				if n > len(tx.text)+2 {
					break // longer runs only get longer
				}
				if n < len(tx.text)-2 || hasLegal && n != len(tx.text) {
					continue // a legal form joins only letter for letter (below)
				}
				sc.buf = sc.buf[:0]
				for _, t := range y.toks[j : j+k] {
					sc.buf = append(sc.buf, t.text...)
				}
				// The joined token's strings point into sc.buf, which is not
				// touched again until the next attempt.
				var s float32
				var how matchHow
				n1 := len(sc.buf)
				sc.buf = translit.AppendFold(sc.buf, str(sc.buf[:n1]))
				switch {
				case str(sc.buf[:n1]) == tx.text:
					s, how = 1, howExact
				case hasLegal:
					// A legal form joins a name only letter for letter,
					// written on both sides (ROSOBORONEKSPORTOAO,
					// ROSOBORONEKSPORT OAO): glued on by a looser join it
					// would make a brand out of a name and its form.
					continue
				case str(sc.buf[n1:]) == tx.fold:
					s, how = simTranslit, howTranslit
				case (hasParticle || abdRun) && vowelsDiffer(str(sc.buf[n1:]), tx.fold):
					// abd al rahman / Abdulrahman: al, ul, el.
					s, how = simPhonetic, howPhonetic
				case abjad && !tableSpelt(tx, y.toks[j:j+k], mode&joinSwapped != 0) && (sameAbjadKey(str(sc.buf[n1:]), tx.fold) ||
					mode&joinSwapped != 0 && frenchRendering(str(sc.buf[:n1]), tx.text)):
					// An abjad writes no short vowels and its word
					// breaks are not the list's: شهيد خيل, shahid khil,
					// is SHAHIDKHEL; خدايرحيم, khadayrahim, is KHUDAI
					// RAHIM; ما يشو, ma yashu, read the French way, is
					// MAYCHOU.
					s, how = simPhonetic, howPhonetic
				case lenient && hasParticle:
					// Only here may a join merely resemble the token.
					n2 := len(sc.buf)
					sc.buf = appendSound(sc.buf, str(sc.buf[:n1]))
					jt := tok{text: str(sc.buf[:n1]), fold: str(sc.buf[n1:n2]), skel: str(sc.buf[n2:]), cls: clsContent}
					if s, how = tokSim(tx, &jt); s < minSim {
						continue
					}
				default:
					continue
				}
				strong = strong || (!hasLegal || minPart < maxTokenBytes) && (len(tx.text) >= longJoinLen ||
					len(tx.text) >= joinPartsLen && minPart >= joinMinPart || how == howExact && len(tx.text) >= strongLen)
				if how == howExact && minPart < maxTokenBytes {
					sc.joinSpelt = true // the same letters: MAHANAIR, MAHAN AIR
				}
				usedX[i] = true
				credX[i] = s * tx.w
				for m := j; m < j+k; m++ {
					usedY[m] = true
					credY[m] = s * y.toks[m].w
				}
				if ex != nil {
					q, c := tx.text, joinTexts(y.toks[j:j+k])
					w := tx.w
					if mode&joinSwapped != 0 {
						// The query's side is the run: its weight is
						// the sum of the run's tokens'.
						q, c = c, q
						w = 0
						for m := j; m < j+k; m++ {
							w += y.toks[m].w
						}
					}
					ex.tokens = append(ex.tokens, TokenMatch{Query: strings.Clone(q), Candidate: strings.Clone(c),
						How: howJoined.String(), Sim: round3(float64(s)), Weight: round3(float64(w))})
				}
				break
			}
		}
	}
	return strong
}

// moved pairs two adjacent content tokens of each name that hold the same
// letters split at another place (LAUREN TNKUNDA / LAURENT NKUNDA): a word
// boundary moved, which token by token looks like two other names. Only
// for runs of longJoinLen letters or more, which chance does not spell. It
// reports whether it paired any.
func (sc *scorer) moved(a, b *name, usedA, usedB []bool, credA, credB []float32, ex *explainer) bool {
	found := false
	for i := 0; i+1 < len(a.toks); i++ {
		a1, a2 := &a.toks[i], &a.toks[i+1]
		if usedA[i] || usedA[i+1] || a1.cls != clsContent || a2.cls != clsContent || len(a1.text)+len(a2.text) < longJoinLen {
			continue
		}
		for j := 0; j+1 < len(b.toks); j++ {
			b1, b2 := &b.toks[j], &b.toks[j+1]
			if usedB[j] || usedB[j+1] || b1.cls != clsContent || b2.cls != clsContent ||
				len(b1.text) == len(a1.text) || !sameConcat(a1.text, a2.text, b1.text, b2.text) {
				continue
			}
			usedA[i], usedA[i+1], usedB[j], usedB[j+1] = true, true, true, true
			credA[i], credA[i+1] = simTranslit*a1.w, simTranslit*a2.w
			credB[j], credB[j+1] = simTranslit*b1.w, simTranslit*b2.w
			found = true
			if ex != nil {
				ex.tokens = append(ex.tokens, TokenMatch{Query: a1.text + " " + a2.text, Candidate: b1.text + " " + b2.text,
					How: howJoined.String(), Sim: simTranslit, Weight: round3(float64(a1.w + a2.w))})
			}
			break
		}
	}
	return found
}

// sameConcat reports whether a1+a2 and b1+b2 are the same letters.
func sameConcat(a1, a2, b1, b2 string) bool {
	if len(a1)+len(a2) != len(b1)+len(b2) {
		return false
	}
	at := func(x1, x2 string, k int) byte {
		if k < len(x1) {
			return x1[k]
		}
		return x2[k-len(x1)]
	}
	for k := 0; k < len(a1)+len(a2); k++ {
		if at(a1, a2, k) != at(b1, b2, k) {
			return false
		}
	}
	return true
}

// pairable reports whether content token t has its very text in n (a
// particle has: al, bin recur).
func pairable(n *name, t *tok) bool {
	return t.cls == clsContent && hasText(n, t.text)
}

// hasText reports whether n has a token spelt t.
func hasText(n *name, t string) bool {
	for i := range n.toks {
		if n.toks[i].text == t {
			return true
		}
	}
	return false
}

func joinTexts(ts []tok) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// orgWordsMissing reports whether the listed name b has a word of
// organisation names (network, university, investment) after all it
// shares with the query, while the query has none: then the listed name
// is something named after what the query names ("USAMA BIN LADEN
// NETWORK" for Osama bin Laden, "HAMAS INVESTMENT COMPANY" for Hamas),
// another entity. A query with a legal form is a company in its own right
// unless a single word of it matched: "Lego A/S" is not LEGO INVESTMENTS
// EOOD, nor "Alphabet Inc." ALPHABET INTERNATIONAL DMCC.
func orgWordsMissing(a, b *name, usedA, usedB []bool) bool {
	if b.flags&flagOrgWord == 0 || a.flags&flagOrgWord != 0 {
		return false
	}
	legalQuery := a.flags&flagLegal != 0
	if legalQuery && distinctMatched(a, usedA) > 1 {
		return false
	}
	// The word must follow what the query matched: NETWORK after USAMA
	// BIN LADEN, not SHIPPING inside PHYONGCHON SHIPPING & MARINE.
	last := -1
	for j := range b.toks {
		if usedB[j] {
			last = j
		}
	}
	for j := last + 1; j < len(b.toks); j++ {
		// Against a query with a legal form, the listed legal words are
		// that form, not what the listed name adds (POWERTECH L. L.
		// COMPANY is POWERTECH LIMITED LIABILITY COMPANY).
		if _, ok := orgWords[b.toks[j].text]; ok && !(legalQuery && b.toks[j].cls == clsLegal) {
			return true
		}
	}
	return false
}

func functionWord(t string) bool {
	switch t {
	case "the", "of", "and", "for":
		return true
	}
	return false
}

// numbersConflict reports whether both names carry numbers and they differ.
func numbersConflict(a, b *name) bool {
	if a.flags&flagNumbers == 0 || b.flags&flagNumbers == 0 {
		return false
	}
	return !numbersIn(a, b) || !numbersIn(b, a)
}

func numbersIn(a, b *name) bool {
	for _, t := range a.toks {
		if t.cls != clsNumber {
			continue
		}
		found := false
		for _, u := range b.toks {
			if u.cls == clsNumber && u.text == t.text {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func round3(f float64) float64 {
	return float64(int64(f*1000+0.5)) / 1000
}
