package translit

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-unidecode"
	"golang.org/x/text/unicode/norm"
)

// fallback renders words of scripts without their own table through
// go-unidecode after NFKD, then patches what it gets wrong for names:
// Indic long vowels written double (aa, ii: vlaadimiir), retroflex
// consonants doubled (tt), and bh or ph before a consonant, which in a
// transcribed foreign name stand for v and f (भ्लादिमिर → vladimir).
func fallback(ws []word) [][]string {
	out := make([][]string, 0, len(ws))
	for _, w := range ws {
		u := patchedUnidecode(w.runes)
		c := collapseDoubles(u)
		vs := []string{c}
		if f := foreignClusters(c); f != c {
			vs = append(vs, f)
		}
		vs = appendUnique(vs, u)
		out = append(out, vs)
	}
	return out
}

// collapseDoubles writes doubled letters once (vlaadimiir → vladimir).
func collapseDoubles(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] && s[i] != ' ' {
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

// foreignClusters reads bh/ph before a consonant as v/f, and b at the start
// of a word before l or r as v: scripts without a v transcribe foreign v
// and f so (भ्लादिमिर, ဗလာဒီမီယာ).
func foreignClusters(s string) string {
	return string(appendForeignClusters(nil, []byte(s)))
}

// appendForeignClusters appends foreignClusters(b) to out.
func appendForeignClusters(out, b []byte) []byte {
	for i := 0; i < len(b); i++ {
		if b[i] == 'b' && (i == 0 || b[i-1] == ' ') && i+1 < len(b) && (b[i+1] == 'l' || b[i+1] == 'r') {
			out = append(out, 'v') // Indic and Burmese scripts write v as b: bl- → vl-
			continue
		}
		if (b[i] == 'b' || b[i] == 'p') && i+2 < len(b) && b[i+1] == 'h' && !isVowel(b[i+2]) && b[i+2] != ' ' {
			if b[i] == 'b' {
				out = append(out, 'v')
			} else {
				out = append(out, 'f')
			}
			i++
			continue
		}
		out = append(out, b[i])
	}
	return out
}

// unidecodeLower transliterates s with go-unidecode and keeps lower-case
// ASCII letters and digits only.
func unidecodeLower(s string) string {
	d := unidecode.Unidecode(norm.NFKD.String(s))
	var b strings.Builder
	for _, r := range d {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' && b.Len() > 0:
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

// fallbackPatches replace go-unidecode where its values are not the ones
// names are romanised with: Khmer second-series consonants (UNGEGN: ព p,
// ទ t, not b, d), Burmese consonants it doubles (တ tt) and the -in rhyme
// (တင် tin), and Ethiopic sixth-order syllables, which go-unidecode gives
// an e they mostly do not have.
var fallbackPatches = map[string]string{
	// Khmer
	"ព": "p", "ទ": "t", "គ": "k", "ជ": "ch", "ធ": "th", "ភ": "ph", "ឃ": "kh", "ឈ": "chh",
	// Myanmar
	"တ": "t", "ထ": "ht", "ဋ": "t", "င်": "in", "ဉ်": "in", "န်": "n", "မ်": "m",
}

// patchedUnidecode transliterates w rune by rune with fallbackPatches
// first (two-rune sequences before single runes), go-unidecode otherwise.
func patchedUnidecode(w []rune) string {
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		if i+1 < len(w) {
			if p, ok := fallbackPatches[string(w[i:i+2])]; ok {
				b.WriteString(p)
				i++
				continue
			}
		}
		if p, ok := fallbackPatches[string(w[i])]; ok {
			b.WriteString(p)
			continue
		}
		u := unidecodeLower(string(w[i]))
		if r := w[i]; r >= 0x1200 && r < 0x1380 && (r-0x1200)%8 == 5 && len(u) > 1 {
			// Ethiopic sixth order: the consonant alone, mostly (አብይ Abiy).
			u = strings.TrimSuffix(u, "e")
		}
		b.WriteString(u)
	}
	return b.String()
}
