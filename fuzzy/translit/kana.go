package translit

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Japanese kana in Hepburn. Katakana is mapped onto hiragana first; the
// prolonged sound mark ー and doubled vowels give long vowels, written
// both collapsed (Tokyo, puchin) and doubled (Toukyou, puuchin). Foreign
// names in katakana also get a loanword form: epenthetic u/o dropped,
// chi→ti and ji→di (how Russian ти, ди are heard), initial u before the
// r-row read as v (ウラジーミル → vladimir).

var kanaBase = map[rune]string{
	'あ': "a", 'い': "i", 'う': "u", 'え': "e", 'お': "o",
	'か': "ka", 'き': "ki", 'く': "ku", 'け': "ke", 'こ': "ko",
	'が': "ga", 'ぎ': "gi", 'ぐ': "gu", 'げ': "ge", 'ご': "go",
	'さ': "sa", 'し': "shi", 'す': "su", 'せ': "se", 'そ': "so",
	'ざ': "za", 'じ': "ji", 'ず': "zu", 'ぜ': "ze", 'ぞ': "zo",
	'た': "ta", 'ち': "chi", 'つ': "tsu", 'て': "te", 'と': "to",
	'だ': "da", 'ぢ': "ji", 'づ': "zu", 'で': "de", 'ど': "do",
	'な': "na", 'に': "ni", 'ぬ': "nu", 'ね': "ne", 'の': "no",
	'は': "ha", 'ひ': "hi", 'ふ': "fu", 'へ': "he", 'ほ': "ho",
	'ば': "ba", 'び': "bi", 'ぶ': "bu", 'べ': "be", 'ぼ': "bo",
	'ぱ': "pa", 'ぴ': "pi", 'ぷ': "pu", 'ぺ': "pe", 'ぽ': "po",
	'ま': "ma", 'み': "mi", 'む': "mu", 'め': "me", 'も': "mo",
	'や': "ya", 'ゆ': "yu", 'よ': "yo",
	'ら': "ra", 'り': "ri", 'る': "ru", 'れ': "re", 'ろ': "ro",
	'わ': "wa", 'ゐ': "i", 'ゑ': "e", 'を': "o", 'ん': "n", 'ゔ': "vu",
	'ぁ': "a", 'ぃ': "i", 'ぅ': "u", 'ぇ': "e", 'ぉ': "o",
	'ゃ': "ya", 'ゅ': "yu", 'ょ': "yo", 'ゎ': "wa",
	// katakana-only
	'ヷ': "va", 'ヸ': "vi", 'ヹ': "ve", 'ヺ': "vo",
}

// kanaSyl is one romanised mora.
type kanaSyl struct {
	s      string
	long   bool // ー or a repeated vowel: lengthen
	sokuon bool // っ: double the next consonant
}

func kanaMorae(w []rune) []kanaSyl {
	var out []kanaSyl
	for i := 0; i < len(w); i++ {
		r := w[i]
		if r >= 0x30A1 && r <= 0x30F6 {
			r -= 0x60 // katakana → hiragana
		}
		if r == 0x30FC || r == 0xFF70 {
			out = append(out, kanaSyl{long: true})
			continue
		}
		if r == 'っ' {
			out = append(out, kanaSyl{sokuon: true})
			continue
		}
		s, ok := kanaBase[r]
		if !ok {
			if p, ok := latinPlain(r); ok {
				s = p
			} else {
				s = unidecodeLower(string(r))
			}
			out = append(out, kanaSyl{s: s})
			continue
		}
		// Small kana combine with the mora before: きゃ kya, しゃ sha,
		// ファ fa, ティ ti, ウィ wi, ヴァ va.
		switch r {
		case 'ゃ', 'ゅ', 'ょ', 'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ', 'ゎ':
			if len(out) > 0 && out[len(out)-1].s != "" {
				prev := &out[len(out)-1]
				stem := prev.s[:len(prev.s)-1]
				v := s
				switch {
				case r == 'ゃ' || r == 'ゅ' || r == 'ょ':
					if stem == "sh" || stem == "ch" || stem == "j" {
						v = s[1:]
					}
				case stem == "f" || stem == "v" || stem == "ts":
				case prev.s == "u":
					stem, v = "w", s
				case prev.s == "te" || prev.s == "de" || prev.s == "to" || prev.s == "do":
					stem = prev.s[:1]
				case prev.s == "shi" || prev.s == "ji" || prev.s == "chi":
					stem = strings.TrimSuffix(prev.s, "i")
				}
				prev.s = stem + v
				continue
			}
		}
		out = append(out, kanaSyl{s: s})
	}
	return out
}

// kanaRender writes the morae: long vowels doubled or not, loanword form.
func kanaRender(m []kanaSyl, doubleLong, loan bool) string {
	var b strings.Builder
	for i, k := range m {
		switch {
		case k.long:
			if doubleLong {
				if s := b.String(); s != "" {
					b.WriteByte(s[len(s)-1])
				}
			}
			continue
		case k.sokuon:
			if i+1 < len(m) && m[i+1].s != "" {
				c := m[i+1].s[0]
				if strings.HasPrefix(m[i+1].s, "ch") {
					c = 't'
				}
				b.WriteByte(c)
			}
			continue
		}
		s := k.s
		if loan {
			switch s {
			case "chi":
				s = "ti"
			case "ji":
				s = "di"
			}
			// Epenthetic vowel: ru/su/ku/to/do at the end or before a consonant.
			nextCons := i+1 >= len(m) || m[i+1].s != "" && !isVowel(m[i+1].s[0]) && m[i+1].s != "n"
			if len(s) >= 2 && nextCons && (strings.HasSuffix(s, "u") && s != "u" && s != "yu" && s != "tsu" || s == "to" || s == "do") {
				s = s[:len(s)-1]
			}
			if i == 0 && s == "u" && len(m) > 1 && strings.HasPrefix(m[1].s, "r") {
				s = "v"
			}
		}
		if !doubleLong && b.Len() > 0 && len(s) == 1 && isVowel(s[0]) {
			prev := b.String()
			if last := prev[len(prev)-1]; last == s[0] || s == "u" && last == 'o' {
				continue // Toukyou → Tokyo, Oosaka → Osaka
			}
		}
		b.WriteString(s)
	}
	out := b.String()
	if loan {
		out = strings.ReplaceAll(out, "vr", "vl")
	}
	return out
}

// kana renders words written in kana (Han inside them goes through
// go-unidecode).
func kana(ws []word) [][]string {
	out := make([][]string, 0, len(ws))
	for _, w := range ws {
		r := []rune(norm.NFC.String(string(w.runes)))
		m := kanaMorae(r)
		vs := []string{kanaRender(m, false, false)}
		if isKatakana(r) {
			l := kanaRender(m, false, true)
			vs = appendUnique(vs, l)
			if strings.HasSuffix(l, "r") && len(m) > 0 && m[len(m)-1].s == "ru" {
				// ル ends foreign names in l as often as in r: ミハイル Mikhail.
				vs = appendUnique(vs, l[:len(l)-1]+"l")
			}
		}
		vs = appendUnique(vs, kanaRender(m, true, false))
		out = append(out, vs)
	}
	return out
}

func isKatakana(w []rune) bool {
	for _, r := range w {
		if r >= 0x30A0 && r <= 0x30FF {
			return true
		}
	}
	return false
}
