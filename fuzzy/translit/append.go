package translit

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// AppendVariants is Variants for callers that screen many names and must
// not allocate per name: it appends the renderings of s to dst, one after
// another without separators, and appends to ends the end offset in dst of
// each (so rendering i is dst[ends[i-1]:ends[i]], the first one starting
// where dst ended on entry). It returns the grown dst and ends. Renderings,
// their order and the rules for s and max are those of Variants, which is
// built on it.
//
// Once dst and ends have grown, and the package's internal scratch has
// warmed up, a call allocates nothing.
func AppendVariants(dst []byte, ends []int, s string, max int) ([]byte, []int) {
	st := statePool.Get().(*state)
	dst, ends = st.variants(dst, ends, s, max)
	st.reset()
	statePool.Put(st)
	return dst, ends
}

// statePool holds the scratch of AppendVariants between calls.
var statePool = sync.Pool{New: func() any { return new(state) }}

// span is a range [lo, hi) of variant indices in a state's arena: the
// variants of one output word, most likely first.
type span struct{ lo, hi int }

// state is the scratch of one AppendVariants call, reused through
// statePool so that the steady state allocates nothing.
type state struct {
	valid []byte // s with invalid UTF-8 replaced
	text  []byte // valid, NFKC
	runes []rune // the runes of all words, back to back
	words []word

	// The arena: word variants back to back in ab, aend[i] the end of
	// variant i.
	ab   []byte
	aend []int

	slots   []span // per output word, the main name order
	alt     []span // the other order, when altOn
	swap    []span // a renderer's other order for its own words
	swapped bool   // the renderer just run filled swap
	swapHlf bool   // ... and asks for half the slots

	live []span
	idx  []int
	cur  []byte // the name being built by combine
	ob   []byte // the other order's names
	oend []int

	rs   []rune // renderer scratch: one lower-cased word
	rs2  []rune // renderer scratch: a word rewritten
	flag []bool // renderer scratch: one flag per rune
	iter norm.Iter

	// Arabic-script renderer scratch
	arw     []arabicW
	units   []arabicUnit
	glide   []arabicUnit
	wunits  [][]arabicUnit
	arRunes []rune
	keys    []byte
	hb      [3][]byte // Hangul renderer scratch
	kb      []byte    // a word as map key (utf8)
	morae   []kanaSyl
	kanaBuf []byte
	syls    []brahmicSyl
	syls2   []brahmicSyl
	ub      []byte    // appendUnidecodeLower's input
	uiter   norm.Iter // ... and its NFKD
	rs3     []rune
}

// reset drops what a call left, keeping the capacity; word runes are
// cleared so that a pooled state holds no caller text alive for long.
func (st *state) reset() {
	clear(st.words)
	st.words = st.words[:0]
	st.iter.InitString(norm.NFKC, "") // it may hold the caller's string
}

// variant returns the arena's variant i.
func (st *state) variant(i int) []byte {
	lo := 0
	if i > 0 {
		lo = st.aend[i-1]
	}
	return st.ab[lo:st.aend[i]]
}

// utf8 returns rs encoded in a scratch buffer that the next call reuses:
// a map lookup with string(st.utf8(rs)) allocates nothing, where one with
// string(rs) would.
func (st *state) utf8(rs []rune) []byte {
	st.kb = appendRunes(st.kb[:0], rs)
	return st.kb
}

// beginWord starts a word's variants in the arena.
func (st *state) beginWord() int { return len(st.aend) }

// endVariant closes the variant written to ab since the last variant's end,
// dropping it when it is empty or (with unique) repeats one of the word's
// earlier variants (those from lo on).
func (st *state) endVariant(lo int, unique bool) {
	start := 0
	if n := len(st.aend); n > 0 {
		start = st.aend[n-1]
	}
	v := st.ab[start:]
	if unique {
		if len(v) == 0 {
			return
		}
		for i := lo; i < len(st.aend); i++ {
			if string(st.variant(i)) == string(v) {
				st.ab = st.ab[:start]
				return
			}
		}
	}
	st.aend = append(st.aend, len(st.ab))
}

// addString adds s as a variant (kept as is: empty or repeated too).
func (st *state) addString(s string) {
	st.ab = append(st.ab, s...)
	st.aend = append(st.aend, len(st.ab))
}

// latin renders Latin words into the arena.
func (st *state) latin(ws []word) {
	for _, w := range ws {
		st.slots = append(st.slots, st.latinWord(w.runes))
	}
}

// render renders a run of words of one script into the arena, appending
// to st.slots per output word its variants, most likely first (and to
// st.swap the same words in another plausible order, setting st.swapped;
// st.swapHlf gives that order half the slots rather than a quarter: for
// Chinese names, whose second spelling, Wade-Giles, costs more false
// matches among short syllables than it finds).
func (st *state) render(script string, ws []word, japanese bool) {
	switch {
	case japanese && script == "Hani":
		st.kanji(ws)
	case script == "Jpan":
		st.kana(ws)
	case script == "Deva", script == "Beng", script == "Guru", script == "Gujr", script == "Orya",
		script == "Taml", script == "Telu", script == "Knda", script == "Mlym":
		st.brahmic(ws)
	case script == "Cyrl":
		st.cyrillic(ws)
	case script == "Grek":
		st.greek(ws)
	case script == "Arab":
		st.arabic(ws)
	case script == "Hang":
		st.hangul(ws)
	case script == "Hani":
		st.han(ws)
	case script == "Hebr":
		st.hebrew(ws)
	case script == "Geor":
		st.georgian(ws)
	case script == "Armn":
		st.armenian(ws)
	case script == "Latn":
		st.latin(ws)
	default:
		st.fallback(ws)
	}
}

func (st *state) variants(dst []byte, ends []int, s string, max int) ([]byte, []int) {
	if max < 1 {
		max = 1
	}
	if max > MaxVariants {
		max = MaxVariants
	}
	st.splitWords(s)
	words := st.words
	if len(words) == 0 {
		return dst, ends
	}
	st.ab, st.aend = st.ab[:0], st.aend[:0]
	st.slots, st.alt = st.slots[:0], st.alt[:0]
	altOn, altHalf := false, false
	japanese := false // kana anywhere: Han words are Japanese kanji
	for _, w := range words {
		japanese = japanese || w.script == "Jpan"
	}
	for i := 0; i < len(words); {
		j := i + 1
		for j < len(words) && words[j].script == words[i].script {
			j++
		}
		n0 := len(st.slots)
		st.swap, st.swapped, st.swapHlf = st.swap[:0], false, false
		st.render(words[i].script, words[i:j], japanese)
		if st.swapped {
			altOn, altHalf = true, altHalf || st.swapHlf
			st.alt = append(st.alt[:0], st.slots[:n0]...)
			st.alt = append(st.alt, st.swap...)
		} else if altOn {
			st.alt = append(st.alt, st.slots[n0:]...)
		}
		i = j
	}
	base := len(ends)
	dst, ends = st.combine(dst, ends, st.slots, max)
	if altOn && max > 1 {
		// Both name orders. Package fuzzy aligns tokens whatever their
		// order, so another spelling is usually worth more than the other
		// order: the other order gets a quarter of the slots (half where
		// the renderer asks), and whatever the first order leaves free.
		st.ob, st.oend = st.combine(st.ob[:0], st.oend[:0], st.alt, max)
		keep := max - max/4
		if altHalf {
			keep = (max + 1) / 2
		}
		if keep < len(ends)-base {
			ends = ends[:base+keep]
			dst = dst[:ends[len(ends)-1]]
		}
		start := 0
		for _, e := range st.oend {
			if len(ends)-base >= max {
				break
			}
			v := st.ob[start:e]
			start = e
			if !containsVariant(dst, ends, base, v) {
				dst = append(dst, v...)
				ends = append(ends, len(dst))
			}
		}
	}
	if len(ends) == base {
		// Letters no table knows: the generic transliteration, or as a
		// last resort the words themselves, lower-cased (not ASCII).
		var b strings.Builder
		for _, w := range words {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(string(w.runes))
		}
		u := unidecodeLower(b.String())
		if u == "" {
			u = strings.ToLower(b.String())
		}
		dst = append(dst, u...)
		ends = append(ends, len(dst))
	}
	return dst, ends
}

// containsVariant says whether v is among the variants of dst from ends[base].
func containsVariant(dst []byte, ends []int, base int, v []byte) bool {
	start := 0
	if base > 0 {
		start = ends[base-1]
	}
	for _, e := range ends[base:] {
		if string(dst[start:e]) == string(v) {
			return true
		}
		start = e
	}
	return false
}

// combine joins per-word variants into at most max names appended to dst
// and ends, without taking the full product: first every word's best, then
// whole-name schemes (every word's k-th variant, so a German romanisation
// stays German), then one word at a time varied from the best.
func (st *state) combine(dst []byte, ends []int, slots []span, max int) ([]byte, []int) {
	st.live = st.live[:0]
	for _, s := range slots {
		if s.hi > s.lo && len(st.variant(s.lo)) > 0 {
			st.live = append(st.live, s)
		}
	}
	live := st.live
	if len(live) == 0 {
		return dst, ends
	}
	maxLen := 0
	for _, s := range live {
		maxLen = max2(maxLen, s.hi-s.lo)
	}
	base := len(ends)
	st.idx = append(st.idx[:0], make([]int, len(live))...)
	idx := st.idx
	add := func() {
		st.cur = st.cur[:0]
		for i, s := range live {
			if i > 0 {
				st.cur = append(st.cur, ' ')
			}
			st.cur = append(st.cur, st.variant(s.lo+idx[i])...)
		}
		v := squeezeSpaces(st.cur)
		if len(v) > 0 && !containsVariant(dst, ends, base, v) {
			dst = append(dst, v...)
			ends = append(ends, len(dst))
		}
	}
	add()
	for r := 1; r < maxLen && len(ends)-base < max; r++ {
		for i, s := range live {
			idx[i] = min(r, s.hi-s.lo-1)
		}
		add()
		for i, s := range live {
			if len(ends)-base >= max {
				break
			}
			if r >= s.hi-s.lo {
				continue
			}
			clear(idx)
			idx[i] = r
			add()
		}
	}
	if len(ends)-base > max {
		ends = ends[:base+max]
		dst = dst[:ends[len(ends)-1]]
	}
	return dst, ends
}

// squeezeSpaces trims b and turns its runs of white space into single
// spaces, in place, as strings.Join(strings.Fields(b), " ") would.
func squeezeSpaces(b []byte) []byte {
	if !hasSpaceIssue(b) {
		return b
	}
	out := b[:0]
	space := false
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		}
		if unicode.IsSpace(r) {
			space = len(out) > 0
			i += size
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, b[i:i+size]...)
		i += size
	}
	return out
}

// hasSpaceIssue says whether b has leading, trailing or doubled white space
// (what combine's joining of empty or padded variants can leave).
func hasSpaceIssue(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	if b[0] == ' ' || b[len(b)-1] == ' ' {
		return true
	}
	for i := 1; i < len(b); i++ {
		if b[i] == ' ' && b[i-1] == ' ' {
			return true
		}
	}
	return false
}

// splitWords cleans s (length cap, invalid UTF-8, NFKC) and cuts it into
// words of one script each, in st.words.
func (st *state) splitWords(s string) {
	if len(s) > MaxInput {
		cut := MaxInput
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	// NFKC: compatibility forms too (µ→μ, ﬁ→fi, full-width, ﾌﾟ). An
	// Iter kept in the state, as Form.Append would allocate its buffer.
	it := &st.iter
	if utf8.ValidString(s) {
		it.InitString(norm.NFKC, s)
	} else {
		st.valid = appendValid(st.valid[:0], s)
		it.Init(norm.NFKC, st.valid)
	}
	st.text = st.text[:0]
	for !it.Done() {
		st.text = append(st.text, it.Next()...)
	}
	// Words are slices of st.runes: size it once (a rune per byte at
	// most) so that they stay valid.
	if n := len(st.text); cap(st.runes) < n {
		st.runes = make([]rune, 0, n)
	}
	st.runes = st.runes[:0]
	st.words = st.words[:0]
	start := 0
	for text := st.text; len(text) > 0; {
		r, size := utf8.DecodeRune(text)
		text = text[size:]
		cur := st.runes[start:]
		switch {
		case (r == '׳' || r == '״') && len(cur) > 0 && unicode.Is(unicode.Hebrew, cur[len(cur)-1]):
			st.runes = append(st.runes, r) // geresh: ג׳ is j
		case r == 0x200C || r == 0x200D:
			if len(cur) > 0 {
				st.runes = append(st.runes, r) // ZWNJ/ZWJ: Persian ه‌ is a vowel; renderers drop them
			}
		case isApostrophe(r), r == 0x0640, r == 0xFEFF, r == 0x00AD:
			// apostrophes, tatweel, BOM, soft hyphen: inside a word.
			continue
		case unicode.IsLetter(r), unicode.IsMark(r), unicode.IsDigit(r):
			st.runes = append(st.runes, r)
		default:
			start = st.flushWord(start)
		}
	}
	st.flushWord(start)
}

// flushWord ends the word that began at st.runes[start], if any, and
// returns where the next one begins.
func (st *state) flushWord(start int) int {
	if n := len(st.runes); n > start {
		st.splitScripts(st.runes[start:n:n])
	}
	return len(st.runes)
}

// appendValid appends s to dst with each run of invalid UTF-8 replaced by
// one space, as strings.ToValidUTF8(s, " ") does.
func appendValid(dst []byte, s string) []byte {
	bad := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			if !bad {
				dst = append(dst, ' ')
			}
			bad = true
			i++
			continue
		}
		bad = false
		dst = append(dst, s[i:i+size]...)
		i += size
	}
	return dst
}

// splitScripts cuts a word where its script changes (marks stay with the
// letter they follow), labels each piece and appends it to st.words.
func (st *state) splitScripts(w []rune) {
	start := 0
	cur := ""
	for i, r := range w {
		sc := runeScript(r)
		if sc == "" { // marks, digits: stay with what precedes
			continue
		}
		if cur == "" {
			cur = sc
			continue
		}
		if sc != cur && !(compatible(cur, sc)) {
			st.words = append(st.words, word{runes: w[start:i:i], script: cur})
			start, cur = i, sc
		}
	}
	if cur == "" {
		cur = "Zyyy"
	}
	st.words = append(st.words, word{runes: w[start:], script: cur})
}
