package translit

import (
	"strings"
	"unicode/utf8"
	"unsafe"

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

// kanaMorae splits a word into morae in st.morae. Combined morae (kya,
// fa) are written to st.kanaBuf, which their strings view.
func (st *state) kanaMorae(w []rune) []kanaSyl {
	out := st.morae[:0]
	defer func() { st.morae = out }()
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
				prev.s = st.kanaJoin(stem, v)
				continue
			}
		}
		out = append(out, kanaSyl{s: s})
	}
	return out
}

// kanaJoin returns a+b as a view of st.kanaBuf, which only grows during a
// call: earlier views stay valid (an array outgrown is left as it was).
func (st *state) kanaJoin(a, b string) string {
	n := len(st.kanaBuf)
	st.kanaBuf = append(append(st.kanaBuf, a...), b...)
	if len(st.kanaBuf) == n {
		return ""
	}
	return unsafe.String(&st.kanaBuf[n], len(st.kanaBuf)-n)
}

// appendKanaRender appends the morae to b: long vowels doubled or not,
// loanword form.
func appendKanaRender(b []byte, m []kanaSyl, doubleLong, loan bool) []byte {
	start := len(b)
	for i, k := range m {
		switch {
		case k.long:
			if doubleLong {
				if len(b) > start {
					b = append(b, b[len(b)-1])
				}
			}
			continue
		case k.sokuon:
			if i+1 < len(m) && m[i+1].s != "" {
				c := m[i+1].s[0]
				if strings.HasPrefix(m[i+1].s, "ch") {
					c = 't'
				}
				b = append(b, c)
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
		if !doubleLong && len(b) > start && len(s) == 1 && isVowel(s[0]) {
			if last := b[len(b)-1]; last == s[0] || s == "u" && last == 'o' {
				continue // Toukyou → Tokyo, Oosaka → Osaka
			}
		}
		b = append(b, s...)
	}
	if loan {
		for i := start; i+1 < len(b); i++ {
			if b[i] == 'v' && b[i+1] == 'r' {
				b[i+1] = 'l'
				i++
			}
		}
	}
	return b
}

// kana renders words written in kana into the arena (Han inside them
// goes through go-unidecode).
func (st *state) kana(ws []word) {
	st.kanaBuf = st.kanaBuf[:0]
	for _, w := range ws {
		st.cur = appendRunes(st.cur[:0], w.runes)
		st.iter.Init(norm.NFC, st.cur)
		r := st.rs2[:0]
		for !st.iter.Done() {
			for seg := st.iter.Next(); len(seg) > 0; {
				c, size := utf8.DecodeRune(seg)
				seg = seg[size:]
				r = append(r, c)
			}
		}
		st.rs2 = r
		m := st.kanaMorae(r)
		lo := st.beginWord()
		st.ab = appendKanaRender(st.ab, m, false, false)
		st.endVariant(lo, false)
		if isKatakana(r) {
			n := len(st.ab)
			st.ab = appendKanaRender(st.ab, m, false, true)
			l := st.ab[n:]
			endsR := len(l) > 0 && l[len(l)-1] == 'r'
			st.endVariant(lo, true)
			if endsR && len(m) > 0 && m[len(m)-1].s == "ru" {
				// ル ends foreign names in l as often as in r: ミハイル Mikhail.
				st.ab = append(st.ab, l[:len(l)-1]...)
				st.ab = append(st.ab, 'l')
				st.endVariant(lo, true)
			}
		}
		st.ab = appendKanaRender(st.ab, m, true, false)
		st.endVariant(lo, true)
		st.slots = append(st.slots, span{lo, len(st.aend)})
	}
}

func isKatakana(w []rune) bool {
	for _, r := range w {
		if r >= 0x30A0 && r <= 0x30FF {
			return true
		}
	}
	return false
}

// japaneseSurnames are the most common Japanese family names in kanji
// (about a third of the population), in Hepburn without long-vowel marks.
var japaneseSurnames = map[string]string{
	"佐藤": "sato", "鈴木": "suzuki", "高橋": "takahashi", "田中": "tanaka", "伊藤": "ito",
	"渡辺": "watanabe", "渡邊": "watanabe", "山本": "yamamoto", "中村": "nakamura", "小林": "kobayashi",
	"加藤": "kato", "吉田": "yoshida", "山田": "yamada", "佐々木": "sasaki", "山口": "yamaguchi",
	"松本": "matsumoto", "井上": "inoue", "木村": "kimura", "林": "hayashi", "斎藤": "saito",
	"斉藤": "saito", "清水": "shimizu", "山崎": "yamazaki", "森": "mori", "池田": "ikeda",
	"橋本": "hashimoto", "阿部": "abe", "安倍": "abe", "石川": "ishikawa", "山下": "yamashita",
	"中島": "nakajima", "石井": "ishii", "小川": "ogawa", "前田": "maeda", "岡田": "okada",
	"長谷川": "hasegawa", "藤田": "fujita", "後藤": "goto", "近藤": "kondo", "村上": "murakami",
	"遠藤": "endo", "青木": "aoki", "坂本": "sakamoto", "福田": "fukuda", "太田": "ota",
	"西村": "nishimura", "藤井": "fujii", "金子": "kaneko", "岡本": "okamoto", "藤原": "fujiwara",
	"中野": "nakano", "三浦": "miura", "原田": "harada", "中川": "nakagawa", "松田": "matsuda",
	"竹内": "takeuchi", "小野": "ono", "田村": "tamura", "中山": "nakayama", "和田": "wada",
	"石田": "ishida", "森田": "morita", "上田": "ueda", "原": "hara", "内田": "uchida",
	"柴田": "shibata", "酒井": "sakai", "工藤": "kudo", "横山": "yokoyama", "宮崎": "miyazaki",
	"宮本": "miyamoto", "岸田": "kishida", "菅": "suga", "野田": "noda", "麻生": "aso",
}

// kanji renders Han words of a name that also has kana, so is Japanese:
// a common family name from japaneseSurnames (also at the start of a
// word written without a space), otherwise the characters' Chinese
// readings joined, for want of a reading dictionary. Kanji have several
// readings each and names use rare ones: a name written in kanji only
// cannot be told from a Chinese one at all, and goes through pinyin.
func (st *state) kanji(ws []word) {
	for _, w := range ws {
		r := w.runes
		for n := min(3, len(r)); n >= 1; n-- {
			if s, ok := japaneseSurnames[string(st.utf8(r[:n]))]; ok {
				lo := st.beginWord()
				st.addString(s)
				st.slots = append(st.slots, span{lo, len(st.aend)})
				r = r[n:]
				break
			}
		}
		if len(r) > 0 {
			st.slots = append(st.slots, st.hanJoined(r))
		}
	}
}
