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
		u := unidecodeLower(string(w.runes))
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

// indic renders Devanagari and Bengali: go-unidecode with the patches of
// fallback; the inherent vowel is already handled by go-unidecode
// (virama removes it, final consonants keep none).
func indic(ws []word) [][]string { return fallback(ws) }

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

// foreignClusters reads bh/ph before a consonant, or at the start of a
// word before l or r, as v/f: Indic scripts transcribe foreign v and f so.
func foreignClusters(s string) string {
	b := []byte(s)
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
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
	return string(out)
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
