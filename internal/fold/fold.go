// Package fold is the module's one accent folding: it spells Latin
// letters in lower-case ASCII without their diacritics (é → e, ß → ss,
// ł → l, ŋ → ng). The matcher (fuzzy, fuzzy/translit), the exact-name key
// (screening) and the country key (lists) all fold through it, so a name
// meets the same spelling everywhere.
//
// [Latin] is a table lookup for hot paths (no allocation); [String] and
// [Transformer] fold whole strings as a golang.org/x/text/transform chain.
package fold

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// special holds the Latin letters whose compatibility decomposition has no
// ASCII base letter: they would otherwise vanish from a key.
var special = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d",
	'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i", 'ħ': "h",
	'Ħ': "h", 'ŧ': "t", 'Ŧ': "t", 'ĸ': "k", 'ŋ': "ng", 'Ŋ': "ng",
	'ƒ': "f", 'ǝ': "e", 'Ǝ': "e", 'ə': "e", 'Ə': "e", 'ɨ': "i", 'Ɨ': "i",
}

// The table covers U+0080..U+02AF (Latin-1 Supplement to IPA Extensions)
// and U+1E00..U+1EFF (Latin Extended Additional), the blocks that hold
// the letters of names written in Latin script.
const (
	lo1, hi1 = 0x80, 0x2B0
	lo2, hi2 = 0x1E00, 0x1F00
)

var tab = func() (t [hi1 - lo1 + hi2 - lo2]string) {
	fill := func(r rune) {
		s, ok := special[r]
		if !ok {
			var b strings.Builder
			for _, d := range norm.NFKD.String(string(r)) {
				if d < utf8.RuneSelf && (unicode.IsLetter(d) || unicode.IsDigit(d)) {
					b.WriteRune(unicode.ToLower(d))
				}
			}
			s = b.String()
		}
		t[index(r)] = s
	}
	for r := rune(lo1); r < hi1; r++ {
		fill(r)
	}
	for r := rune(lo2); r < hi2; r++ {
		fill(r)
	}
	return t
}()

func index(r rune) int {
	switch {
	case r >= lo1 && r < hi1:
		return int(r - lo1)
	case r >= lo2 && r < hi2:
		return hi1 - lo1 + int(r-lo2)
	}
	return -1
}

// Latin returns the lower-case ASCII spelling of a non-ASCII Latin rune
// (é → e, Ł → l, ß → ss, ŋ → ng, and compatibility forms: ǆ → dz,
// ² → 2) and true; for ASCII, for runes of other scripts and for symbols
// with no ASCII spelling it returns "", false. It does not allocate.
func Latin(r rune) (string, bool) {
	if i := index(r); i >= 0 && tab[i] != "" {
		return tab[i], true
	}
	return "", false
}

// latin is the transform step that respells runes through [Latin].
type latin struct{ transform.NopResetter }

func (latin) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c < utf8.RuneSelf {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		if !atEOF && !utf8.FullRune(src[nSrc:]) {
			return nDst, nSrc, transform.ErrShortSrc
		}
		r, size := utf8.DecodeRune(src[nSrc:])
		s, ok := Latin(r)
		n := len(s)
		if !ok {
			n = size
		}
		if nDst+n > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		if ok {
			copy(dst[nDst:], s)
		} else {
			copy(dst[nDst:], src[nSrc:nSrc+size])
		}
		nDst += n
		nSrc += size
	}
	return nDst, nSrc, nil
}

// Transformer returns a new transformer that folds text for a lookup key:
// compatibility decomposition (NFKD), Latin letters through [Latin],
// nonspacing marks removed, lower case. Letters of other scripts stay
// (lower-cased, without their marks). A Transformer keeps state: use one
// per goroutine, or [String].
func Transformer() transform.Transformer {
	return transform.Chain(norm.NFKD, latin{}, runes.Remove(runes.In(unicode.Mn)), runes.Map(unicode.ToLower))
}

// pool keeps transformers between calls to String: a chain holds buffers
// of several kilobytes.
var pool = sync.Pool{New: func() any { return Transformer() }}

// String folds s with a [Transformer]: "Łukasz Müller" → "lukasz muller".
// It is safe for concurrent use.
func String(s string) string {
	if isASCII(s) {
		return strings.ToLower(s) // the same, without the chain's copies
	}
	t := pool.Get().(transform.Transformer)
	out, _, err := transform.String(t, s)
	pool.Put(t)
	if err != nil {
		return s // cannot happen: no step of the chain fails
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
