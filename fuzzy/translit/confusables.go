package translit

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

//go:generate go run gen_confusables.go

// Script classes of the look-alike fold: the four alphabets whose letters
// are mistaken for one another (TR39 confusables), and none for the rest.
const (
	scriptCyrl = iota // index into fromLatinTab
	scriptGrek
	scriptArmn
	scriptLatn
	scriptNone
)

// wordInfo is what one word of a name holds: the letters of each script
// class (compatibility letters counted in the script of the letter they
// stand for) and how many were compatibility letters.
type wordInfo struct {
	n      [scriptNone]int
	compat int
}

// scripts returns how many of the four alphabets the word has letters of.
func (w *wordInfo) scripts() int {
	k := 0
	for _, n := range w.n {
		if n > 0 {
			k++
		}
	}
	return k
}

// mixed says whether the word mixes alphabets, or compatibility letters
// with ordinary ones.
func (w *wordInfo) mixed() bool {
	total := 0
	for _, n := range w.n {
		total += n
	}
	return w.scripts() > 1 || w.compat > 0 && w.compat < total
}

// compatFold returns the letter or digit the compatibility character r
// stands for (Ｖ, 𝐕, 𝕍, Ⓥ for V), or r.
func compatFold(r rune) rune {
	if r < 0x2100 || r > 0x1F1FF {
		return r
	}
	i := sort.Search(len(compatTab), func(i int) bool { return compatTab[i].hi >= r })
	if i < len(compatTab) && compatTab[i].lo <= r {
		return compatTab[i].to + r - compatTab[i].lo
	}
	return r
}

// latinLookAlike returns the ASCII letter r looks like, for a Cyrillic,
// Greek or Armenian letter r, or 0.
func latinLookAlike(r rune) byte {
	i := sort.Search(len(toLatinTab), func(i int) bool { return toLatinTab[i].r >= r })
	if i < len(toLatinTab) && toLatinTab[i].r == r {
		return toLatinTab[i].l
	}
	return 0
}

// scriptOf returns the script class of a letter (after compatFold). The
// blocks names are mostly written in are told by range, the rest by the
// Unicode script tables.
func scriptOf(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		if r|0x20 >= 'a' && r|0x20 <= 'z' {
			return scriptLatn
		}
		return scriptNone
	case !unicode.IsLetter(r):
		return scriptNone
	case r < 0x250:
		if r == 0xB5 { // micro sign
			return scriptNone
		}
		return scriptLatn // Latin-1, Latin Extended-A and -B
	case r >= 0x400 && r < 0x530:
		return scriptCyrl
	case r >= 0x531 && r < 0x590:
		return scriptArmn
	case r >= 0x590 && r < 0x1C80, r >= 0x3000 && r < 0xA640, r >= 0xAC00 && r < 0xFB00:
		return scriptNone // Hebrew to Mongolian, CJK, Hangul...
	case unicode.Is(unicode.Latin, r):
		return scriptLatn
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrl
	case unicode.Is(unicode.Greek, r):
		return scriptGrek
	case unicode.Is(unicode.Armenian, r):
		return scriptArmn
	}
	return scriptNone
}

// inWord says whether r continues a word: letters, marks and digits, and
// what names carry inside a word (apostrophes, zero-width joiners and
// other format characters), so that a zero-width space cannot hide a
// mixed word.
func inWord(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z' || r >= '0' && r <= '9' || r == '\'' || r == '`'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || isApostrophe(r) || unicode.Is(unicode.Cf, r) || compatFold(r) != r
}

// nextWord returns the end of the word starting at s[i:] (the first byte
// not in a word) and what it holds. Dotted initials are one word (S.A.,
// I.P.C.): a letter of S.A. typed in another alphabet is mixed like one
// of SA.
func nextWord(s string, i int) (end int, w wordInfo) {
	seg := 0 // letters since the word's start or its last dot
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r == '.' && seg == 1 && i+1 < len(s) {
			if n, _ := utf8.DecodeRuneInString(s[i+1:]); unicode.IsLetter(compatFold(n)) {
				seg = 0
				i++
				continue
			}
		}
		if !inWord(r) {
			break
		}
		f := compatFold(r)
		if sc := scriptOf(f); sc != scriptNone {
			w.n[sc]++
			seg++
			if f != r {
				w.compat++
			}
		}
		i += size
	}
	return i, w
}

// ascii says whether s is all ASCII: such a name has nothing to fold.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// MixedScript reports whether a word of name mixes letters of the Latin,
// Cyrillic, Greek and Armenian alphabets (Vlаdimir with a Cyrillic а), or
// compatibility letters (fullwidth, mathematical, enclosed) with ordinary
// ones: no name is written so, and a payment whose party name is has been
// typed to look like one name while reading as another. Names wholly in
// one alphabet, or mixing alphabets only across words, are not mixed.
func MixedScript(name string) bool {
	if ascii(name) {
		return false
	}
	for i := 0; i < len(name); {
		end, w := nextWord(name, i)
		if end == i {
			_, size := utf8.DecodeRuneInString(name[i:])
			i += size
			continue
		}
		if w.mixed() {
			return true
		}
		i = end
	}
	return false
}

// FoldConfusables returns AppendFoldConfusables(nil, s) as a string, or s
// when nothing is folded.
func FoldConfusables(s string) string {
	b, ok := AppendFoldConfusables(nil, s)
	if !ok {
		return s
	}
	return string(b)
}

// AppendFoldConfusables undoes look-alike spellings of a name before it is
// tokenised, so that a name typed with letters of another alphabet reads
// as the name it imitates. It appends the folded s to dst and reports
// true, or, when s has nothing to fold, returns dst unchanged and false.
//
// Compatibility letters and digits always fold to the letter they stand
// for (NFKC: fullwidth Ｖ, mathematical 𝐕 and 𝕍, letterlike ℎ, enclosed
// Ⓥ). A word that mixes letters of the Latin, Cyrillic, Greek and
// Armenian alphabets is folded into one of them through the look-alike
// table of Unicode TR39 (confusables.txt, see confusablesVersion): a
// mostly-Latin word with a Cyrillic а gets a Latin a (Vlаdimir), a
// mostly-Cyrillic word with a Latin o a Cyrillic о (Гoрбачёв). The target
// is the alphabet every other letter of the word can be folded into; if
// several can (АСЕ), the alphabet most of the name's letters are in, then
// most of the word's, then Latin. A letter with no look-alike in the
// target stays as it is. Words wholly in one alphabet are never touched:
// Путин is Russian, to be transliterated. Marks of a folded letter are
// dropped with it (Fёdorov reads as Fedorov).
//
// s with no rune outside ASCII costs one pass over its bytes, and a name
// with nothing to fold one pass over its runes; neither writes to dst.
// The call does not allocate when dst has room.
func AppendFoldConfusables(dst []byte, s string) ([]byte, bool) {
	if ascii(s) {
		return dst, false
	}
	var name wordInfo
	fold := false
	for i := 0; i < len(s); {
		end, w := nextWord(s, i)
		if end == i {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		for k, n := range w.n {
			name.n[k] += n
		}
		fold = fold || w.compat > 0 || w.scripts() > 1
		i = end
	}
	if !fold {
		return dst, false
	}
	for i := 0; i < len(s); {
		end, w := nextWord(s, i)
		if end == i {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, ' ') // invalid UTF-8: a word break, as elsewhere
			} else {
				dst = append(dst, s[i:i+size]...)
			}
			i += size
			continue
		}
		target := scriptNone
		if w.scripts() > 1 {
			target = foldTarget(s[i:end], &w, &name)
		}
		dst = appendWord(dst, s[i:end], target)
		i = end
	}
	return dst, true
}

// foldTarget chooses the alphabet a mixed word is folded into.
func foldTarget(word string, w, name *wordInfo) int {
	best, bestOK := scriptNone, false
	better := func(a, b int) bool { // a over b, both present in the word
		if name.n[a] != name.n[b] {
			return name.n[a] > name.n[b]
		}
		if w.n[a] != w.n[b] {
			return w.n[a] > w.n[b]
		}
		return a == scriptLatn
	}
	for _, sc := range [...]int{scriptLatn, scriptCyrl, scriptGrek, scriptArmn} {
		if w.n[sc] == 0 {
			continue
		}
		ok := convertible(word, sc)
		switch {
		case best == scriptNone, ok && !bestOK:
			best, bestOK = sc, ok
		case ok == bestOK && better(sc, best):
			best = sc
		}
	}
	return best
}

// convertible says whether every letter of word in another of the four
// alphabets has a look-alike in target.
func convertible(word string, target int) bool {
	for _, r := range word {
		f := compatFold(r)
		if sc := scriptOf(f); sc != scriptNone && sc != target && lookAlikeIn(f, sc, target) == 0 {
			return false
		}
	}
	return true
}

// lookAlikeIn returns the letter of script target that r, a letter of
// script sc, looks like, or 0. Between two non-Latin alphabets the way is
// through Latin (Greek ο is Latin o is Cyrillic о).
func lookAlikeIn(r rune, sc, target int) rune {
	if sc == scriptLatn {
		if r >= utf8.RuneSelf {
			return 0
		}
		return fromLatinTab[target][r]
	}
	l := latinLookAlike(r)
	if l == 0 || target == scriptLatn {
		return rune(l)
	}
	return fromLatinTab[target][l]
}

// appendWord appends word with compatibility letters folded and, when
// target is one of the four alphabets, the letters of the others replaced
// by their look-alikes in it (with the marks that follow them).
func appendWord(dst []byte, word string, target int) []byte {
	dropMarks := false
	for _, r := range word {
		f := compatFold(r)
		if dropMarks && unicode.Is(unicode.Mn, f) {
			continue
		}
		dropMarks = false
		if sc := scriptOf(f); target != scriptNone && sc != scriptNone && sc != target {
			if l := lookAlikeIn(f, sc, target); l != 0 {
				f, dropMarks = l, true
			}
		}
		dst = utf8.AppendRune(dst, f)
	}
	return dst
}
