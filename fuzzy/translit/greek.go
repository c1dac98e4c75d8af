package translit

import (
	"strings"
	"unicode"

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

// greek renders Greek words in each scheme.
func greek(ws []word) [][]string {
	out := make([][]string, 0, len(ws))
	for _, w := range ws {
		// Lower-case, drop the tonos but remember a diaeresis: it splits
		// a vowel pair (Ευρωπαϊκή: a-i, not ai).
		var lw []rune
		var split []bool
		for _, r := range norm.NFD.String(string(w.runes)) {
			if unicode.IsMark(r) {
				if r == 0x0308 && len(split) > 0 {
					split[len(split)-1] = true
				}
				continue
			}
			lw = append(lw, unicode.ToLower(r))
			split = append(split, false)
		}
		vs := make([]string, 0, len(greekSchemes))
		for i := range greekSchemes {
			vs = appendUnique(vs, greekWord(lw, split, &greekSchemes[i]))
		}
		out = append(out, vs)
	}
	return out
}

func greekWord(w []rune, split []bool, sc *greekScheme) string {
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		r := w[i]
		if i+1 < len(w) && !split[i+1] {
			pair := string(w[i : i+2])
			initial := i == 0
			switch pair {
			case "μπ":
				b.WriteString(pick(initial, sc.mbInit, sc.mbMid))
				i++
				continue
			case "ντ":
				b.WriteString(pick(initial, sc.ntInit, sc.ntMid))
				i++
				continue
			case "γκ":
				b.WriteString(pick(initial, sc.gkInit, sc.gkMid))
				i++
				continue
			}
			if d, ok := sc.di[pair]; ok {
				// αυ/ευ before a voiceless consonant or at the end: af/ef.
				if (pair == "αυ" || pair == "ευ") && strings.HasSuffix(d, "v") && (i+2 >= len(w) || strings.ContainsRune("θκξπστφχψ", w[i+2])) {
					d = d[:len(d)-1] + "f"
				}
				b.WriteString(d)
				i++
				continue
			}
		}
		if s, ok := sc.letters[r]; ok {
			b.WriteString(s)
		} else if s, ok := latinPlain(r); ok {
			b.WriteString(s)
		} else {
			b.WriteString(unidecodeLower(string(r)))
		}
	}
	return b.String()
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}
