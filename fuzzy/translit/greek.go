package translit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// greekScheme is one romanisation of Greek.
type greekScheme struct {
	letters map[rune]string
	di      map[string]string // two-letter groups
	mbInit  string            // μπ at the start of a word
	mbMid   string
	ntInit  string // ντ
	ntMid   string
	gkInit  string // γκ
	gkMid   string
}

var greekLetters = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i",
	'θ': "th", 'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x",
	'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y",
	'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

var greekSchemes = []greekScheme{
	// ELOT 743 (Greek passports).
	{letters: greekLetters, di: map[string]string{"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "αυ": "av", "ευ": "ev", "ηυ": "iv", "γγ": "ng", "γξ": "nx", "γχ": "nch", "τσ": "ts", "τζ": "tz"},
		mbInit: "b", mbMid: "mb", ntInit: "d", ntMid: "nt", gkInit: "g", gkMid: "nk"},
	// Phonetic: how the name sounds (Vladimir, Putin, Papadopulos).
	{letters: over(greekLetters, "υ", "i", "χ", "kh", "ξ", "ks"), di: map[string]string{"ου": "u", "αι": "e", "ει": "i", "οι": "i", "αυ": "av", "ευ": "ev", "ηυ": "iv", "γγ": "ng", "τσ": "ts", "τζ": "dz"},
		mbInit: "b", mbMid: "b", ntInit: "d", ntMid: "d", gkInit: "g", gkMid: "g"},
	// Traditional English: ph, ch, y, ou, mb/nd.
	{letters: over(greekLetters, "φ", "ph", "χ", "h", "υ", "y"), di: map[string]string{"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "αυ": "af", "ευ": "ef", "γγ": "ng", "τσ": "ts", "τζ": "tz"},
		mbInit: "b", mbMid: "mb", ntInit: "d", ntMid: "nd", gkInit: "g", gkMid: "ng"},
}

// greek renders Greek words into the arena, in each scheme.
func (st *state) greek(ws []word) {
	for _, w := range ws {
		// Lower-case, drop the tonos but remember a diaeresis: it splits
		// a vowel pair (Ευρωπαϊκή: a-i, not ai).
		lw, split := st.rs[:0], st.flag[:0]
		st.cur = appendRunes(st.cur[:0], w.runes)
		it := &st.iter
		it.Init(norm.NFD, st.cur)
		for !it.Done() {
			seg := it.Next()
			for len(seg) > 0 {
				r, size := utf8.DecodeRune(seg)
				seg = seg[size:]
				if unicode.IsMark(r) {
					if r == 0x0308 && len(split) > 0 {
						split[len(split)-1] = true
					}
					continue
				}
				lw = append(lw, unicode.ToLower(r))
				split = append(split, false)
			}
		}
		st.rs, st.flag = lw, split
		lo := st.beginWord()
		for i := range greekSchemes {
			st.ab = appendGreekWord(st.ab, lw, split, &greekSchemes[i])
			st.endVariant(lo, true)
		}
		st.slots = append(st.slots, span{lo, len(st.aend)})
	}
}

// appendRunes appends the UTF-8 encoding of rs to b.
func appendRunes(b []byte, rs []rune) []byte {
	for _, r := range rs {
		b = utf8.AppendRune(b, r)
	}
	return b
}

// appendGreekWord appends the rendering of the lower-case word w in scheme
// sc to b; split[i] marks a rune a diaeresis keeps apart from the one before.
func appendGreekWord(b []byte, w []rune, split []bool, sc *greekScheme) []byte {
	for i := 0; i < len(w); i++ {
		r := w[i]
		if i+1 < len(w) && !split[i+1] {
			pair := string(w[i : i+2])
			initial := i == 0
			switch pair {
			case "μπ":
				b = append(b, pick(initial, sc.mbInit, sc.mbMid)...)
				i++
				continue
			case "ντ":
				b = append(b, pick(initial, sc.ntInit, sc.ntMid)...)
				i++
				continue
			case "γκ":
				b = append(b, pick(initial, sc.gkInit, sc.gkMid)...)
				i++
				continue
			}
			if d, ok := sc.di[pair]; ok {
				// αυ/ευ before a voiceless consonant or at the end: af/ef.
				if (pair == "αυ" || pair == "ευ") && strings.HasSuffix(d, "v") && (i+2 >= len(w) || strings.ContainsRune("θκξπστφχψ", w[i+2])) {
					d = d[:len(d)-1] + "f"
				}
				b = append(b, d...)
				i++
				continue
			}
		}
		if s, ok := sc.letters[r]; ok {
			b = append(b, s...)
		} else if s, ok := latinPlain(r); ok {
			b = append(b, s...)
		} else {
			b = append(b, unidecodeLower(string(r))...)
		}
	}
	return b
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}
