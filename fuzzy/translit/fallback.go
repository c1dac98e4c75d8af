package translit

import (
	"unicode"

	"unicode/utf8"

	"github.com/mozillazg/go-unidecode/table"
	"golang.org/x/text/unicode/norm"
)

// fallback renders words of scripts without their own table through
// go-unidecode after NFKD, then patches what it gets wrong for names:
// Indic long vowels written double (aa, ii: vlaadimiir), retroflex
// consonants doubled (tt), and bh or ph before a consonant, which in a
// transcribed foreign name stand for v and f (भ्लादिमिर → vladimir).
func (st *state) fallback(ws []word) {
	for _, w := range ws {
		// The transliteration goes to a variant of its own, then to the
		// word's: the collapsed form first (always, even empty), the
		// foreign reading of it, then the form as transliterated.
		tv := st.beginWord()
		st.ab = st.appendPatchedUnidecode(st.ab, w.runes)
		st.endVariant(tv, false)
		lo := st.beginWord()
		c := len(st.ab)
		st.ab = appendCollapsed(st.ab, st.variant(tv))
		st.endVariant(lo, false)
		n := len(st.ab)
		st.ab = appendForeignClusters(st.ab, st.ab[c:n])
		if string(st.ab[n:]) == string(st.ab[c:n]) {
			st.ab = st.ab[:n]
		} else {
			st.endVariant(lo, false)
		}
		st.ab = append(st.ab, st.variant(tv)...)
		st.endVariant(lo, true)
		st.slots = append(st.slots, span{lo, len(st.aend)})
	}
}

// appendCollapsed appends s to b with doubled letters written once
// (vlaadimiir → vladimir).
func appendCollapsed(b, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] && s[i] != ' ' {
			continue
		}
		b = append(b, s[i])
	}
	return b
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
	st := statePool.Get().(*state)
	defer statePool.Put(st)
	st.rs3 = append(st.rs3[:0], []rune(s)...)
	return string(st.appendUnidecodeLower(nil, st.rs3))
}

// appendUnidecodeLower appends unidecodeLower(string(rs)) to b: NFKD, the
// go-unidecode tables, lower-case ASCII letters, digits and inner spaces.
func (st *state) appendUnidecodeLower(b []byte, rs []rune) []byte {
	st.ub = appendRunes(st.ub[:0], rs)
	it := &st.uiter
	it.Init(norm.NFKD, st.ub)
	start := len(b)
	keep := func(c byte) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c == ' ' && len(b) > start:
			b = append(b, ' ')
		}
	}
	for !it.Done() {
		for seg := it.Next(); len(seg) > 0; {
			r, size := utf8.DecodeRune(seg)
			seg = seg[size:]
			switch {
			case r < unicode.MaxASCII:
				keep(byte(r))
			case r > 0xeffff:
			default:
				if tb, ok := table.Tables[r>>8]; ok && int(r%256) < len(tb) {
					for _, c := range []byte(tb[r%256]) {
						keep(c)
					}
				}
			}
		}
	}
	for len(b) > start && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
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

// appendPatchedUnidecode appends w transliterated rune by rune with
// fallbackPatches first (two-rune sequences before single runes),
// go-unidecode otherwise.
func (st *state) appendPatchedUnidecode(b []byte, w []rune) []byte {
	for i := 0; i < len(w); i++ {
		if i+1 < len(w) {
			if p, ok := fallbackPatches[string(st.utf8(w[i:i+2]))]; ok {
				b = append(b, p...)
				i++
				continue
			}
		}
		if p, ok := fallbackPatches[string(st.utf8(w[i:i+1]))]; ok {
			b = append(b, p...)
			continue
		}
		n := len(b)
		b = st.appendUnidecodeLower(b, w[i:i+1])
		if r := w[i]; r >= 0x1200 && r < 0x1380 && (r-0x1200)%8 == 5 && len(b)-n > 1 && b[len(b)-1] == 'e' {
			// Ethiopic sixth order: the consonant alone, mostly (አብይ Abiy).
			b = b[:len(b)-1]
		}
	}
	return b
}
