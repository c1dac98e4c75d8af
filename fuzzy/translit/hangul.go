package translit

import "strings"

// Hangul syllables are decomposed algorithmically (initial, vowel, final)
// and romanised in Revised Romanization (South Korea since 2000) and in
// the McCune-Reischauer style the DPRK and older documents use (Kim Jong
// Un, Ri Sol Ju, Pak Pong Ju). A personal name is surname first; the
// surname comes from a table of its usual spellings, the given name in
// joined and syllable-split forms.

var (
	rrInitial = [19]string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	mrInitial = [19]string{"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th", "ph", "h"}
	rrVowel   = [21]string{"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"}
	mrVowel   = [21]string{"a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"}
	rrFinal   = [28]string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}
)

// koreanSurnames lists surnames with their usual spellings, the most
// common first (South Korean usage, then DPRK and older forms).
var koreanSurnames = map[string][]string{
	"김": {"kim", "gim"}, "이": {"lee", "ri", "yi", "rhee", "i"}, "리": {"ri", "lee", "li"},
	"박": {"park", "pak", "bak"}, "최": {"choi", "choe", "chae"}, "정": {"jung", "chung", "jeong", "jong", "chong"},
	"조": {"cho", "jo"}, "강": {"kang", "gang"}, "윤": {"yoon", "yun"}, "장": {"jang", "chang"},
	"임": {"lim", "im", "rim"}, "림": {"rim", "lim"}, "한": {"han"}, "오": {"oh", "o"}, "서": {"seo", "suh", "so"},
	"신": {"shin", "sin"}, "권": {"kwon", "gwon"}, "황": {"hwang"}, "안": {"ahn", "an"}, "송": {"song"},
	"류": {"ryu", "yoo", "yu"}, "유": {"yoo", "yu", "ryu"}, "전": {"jeon", "chon", "jun", "chun"}, "홍": {"hong"},
	"고": {"ko", "go"}, "문": {"moon", "mun"}, "양": {"yang", "ryang"}, "량": {"ryang", "yang"}, "손": {"son"},
	"배": {"bae", "pae"}, "백": {"baek", "paek"}, "허": {"heo", "hur", "ho"}, "남": {"nam"}, "노": {"noh", "roh", "ro"},
	"로": {"ro", "roh", "noh"}, "하": {"ha"}, "곽": {"kwak", "gwak"}, "성": {"sung", "seong", "song"}, "차": {"cha"},
	"주": {"joo", "ju", "chu"}, "우": {"woo", "u"}, "구": {"koo", "ku", "gu"}, "민": {"min"}, "나": {"na", "ra"},
	"라": {"ra", "na"}, "진": {"jin", "chin"}, "지": {"ji", "chi"}, "엄": {"eom", "um", "om"}, "채": {"chae"},
	"원": {"won"}, "천": {"chun", "cheon", "chon"}, "방": {"bang", "pang"}, "공": {"kong", "gong"}, "현": {"hyun", "hyon"},
	"함": {"ham"}, "변": {"byun", "pyon"}, "염": {"yeom", "yom"}, "여": {"yeo", "yo"}, "추": {"choo", "chu"},
	"도": {"do", "to"}, "소": {"so"}, "석": {"seok", "sok"}, "선": {"sun", "seon", "son"}, "설": {"seol", "sol"},
	"마": {"ma"}, "길": {"gil", "kil"}, "연": {"yeon", "yon"}, "위": {"wi"}, "표": {"pyo"}, "명": {"myung", "myong"},
	"기": {"ki", "gi"}, "반": {"ban", "pan"}, "왕": {"wang"}, "금": {"keum", "geum", "kum"}, "옥": {"ok"},
	"육": {"yook", "yuk"}, "인": {"in"}, "맹": {"maeng"}, "제": {"je", "che"}, "모": {"mo"}, "탁": {"tak"},
	"국": {"kook", "guk", "kuk"}, "어": {"eo", "o"}, "은": {"eun", "un"}, "편": {"pyeon", "pyon"}, "용": {"yong", "ryong"},
	"룡": {"ryong", "yong"}, "예": {"ye"}, "경": {"kyung", "gyeong", "kyong"}, "봉": {"bong", "pong"}, "사": {"sa"},
	"부": {"boo", "bu", "pu"}, "황보": {"hwangbo"}, "남궁": {"namgung", "namkung"}, "제갈": {"jegal", "chegal"},
	"선우": {"sunwoo", "seonu", "sonu"}, "독고": {"dokgo", "tokko"}, "태": {"tae", "thae"}, "계": {"kye", "gye"},
}

// hangulJamo decomposes a syllable into its initial, vowel and final
// indices; ok is false for runes that are not Hangul syllables.
func hangulJamo(r rune) (l, v, t int, ok bool) {
	if r < 0xAC00 || r > 0xD7A3 {
		return 0, 0, 0, false
	}
	s := int(r - 0xAC00)
	return s / (21 * 28), (s % (21 * 28)) / 28, s % 28, true
}

// appendHangulSyllable appends one syllable romanised in RR or, with mr,
// MR style; ok is false (and b unchanged) for runes that are not Hangul
// syllables.
func appendHangulSyllable(b []byte, r rune, mr bool) ([]byte, bool) {
	l, v, t, ok := hangulJamo(r)
	if !ok {
		return b, false
	}
	if mr {
		b = append(append(b, mrInitial[l]...), mrVowel[v]...)
	} else {
		b = append(append(b, rrInitial[l]...), rrVowel[v]...)
	}
	return append(b, rrFinal[t]...), true
}

// hangulWord renders a word that is not a personal name into the arena:
// RR joined, MR joined, and a loanword form that drops the epenthetic eu
// (블라디미르 → beulladimireu, bladimir, vladimir).
func (st *state) hangulWord(w []rune) span {
	rr, mr, loan := st.hb[0][:0], st.hb[1][:0], st.hb[2][:0]
	for i, r := range w {
		var ok bool
		if rr, ok = appendHangulSyllable(rr, r, false); ok {
			mr, _ = appendHangulSyllable(mr, r, true)
		} else {
			s, _ := latinPlain(r)
			rr, mr = append(rr, s...), append(mr, s...)
		}
		loan = appendHangulLoan(loan, w, i)
	}
	st.hb[0], st.hb[1], st.hb[2] = rr, mr, loan
	lo := st.beginWord()
	if string(loan) == string(rr) {
		st.ab = append(st.ab, rr...)
		st.endVariant(lo, false)
		// MR without its aspiration marks: kh k, th t, ph p.
		for i := 0; i < len(mr); i++ {
			st.ab = append(st.ab, mr[i])
			if i+1 < len(mr) && mr[i+1] == 'h' && (mr[i] == 'k' || mr[i] == 't' || mr[i] == 'p') {
				i++
			}
		}
		st.endVariant(lo, true)
		return span{lo, len(st.aend)}
	}
	// A loanword (epenthetic eu dropped): its loan forms first, v for the
	// b Korean writes for v, -ovich for -obich.
	st.ab = append(st.ab, loan...)
	st.endVariant(lo, false)
	v := loan
	if len(v) > 0 && v[0] == 'b' {
		st.ab = append(st.ab, 'v')
		v = v[1:]
	}
	if strings.HasSuffix(string(v), "bich") {
		st.ab = append(append(st.ab, v[:len(v)-4]...), "vich"...)
	} else {
		st.ab = append(st.ab, v...)
	}
	st.endVariant(lo, false)
	st.ab = append(st.ab, rr...)
	st.endVariant(lo, true)
	return span{lo, len(st.aend)}
}

// appendHangulLoan appends syllable i of a loanword: ㅡ without a final is
// an epenthetic vowel (스 s, 르 r, 트 t), ㄹ before ㄹ or a vowel is l.
func appendHangulLoan(b []byte, w []rune, i int) []byte {
	r := w[i]
	if r < 0xAC00 || r > 0xD7A3 {
		s, _ := latinPlain(r)
		return append(b, s...)
	}
	s := int(r - 0xAC00)
	l, v, t := s/(21*28), (s%(21*28))/28, s%28
	init := rrInitial[l]
	if l == 5 && i > 0 { // ㄹ after a syllable ending in ㄹ: l (블라 bla)
		if p := w[i-1]; p >= 0xAC00 && p <= 0xD7A3 && int(p-0xAC00)%28 == 8 {
			init = "l"
		}
	}
	vow := rrVowel[v]
	fin := rrFinal[t]
	nextL := -1
	if i+1 < len(w) && w[i+1] >= 0xAC00 && w[i+1] <= 0xD7A3 {
		nextL = int(w[i+1]-0xAC00) / (21 * 28)
	}
	if v == 18 && t == 0 { // ㅡ, no final
		vow = ""
	}
	if v == 18 && t == 8 && nextL == 5 { // 블라: bla
		vow, fin = "", ""
	}
	if t == 8 && i+1 < len(w) { // final ㄹ then ㄹ: one l
		if n := w[i+1]; n >= 0xAC00 && n <= 0xD7A3 && int(n-0xAC00)/(21*28) == 5 {
			fin = ""
		}
	}
	if i == len(w)-1 && init == "ch" && v == 20 && t == 0 { // final 치: -ch
		vow = ""
	}
	return append(append(append(b, init...), vow...), fin...)
}

// popVowel is the vowel as South Koreans commonly spell it in passports
// and the press, before and beside Revised Romanization: ㅓ u (Chung,
// Sung), ㅕ yu (Myung, Hyun), ㅜ oo (Soo, Moon), ㅢ ee after a consonant
// (Hee). Empty means the RR spelling.
var popVowel = [21]string{4: "u", 6: "yu", 13: "oo", 19: "ui"}

// appendHangulPopular appends one syllable of a given name romanised the
// way South Korean names are usually written (Park Chung-hee, Lee
// Myung-bak, Ban Ki-moon, Kim Young-sam): RR consonants, ㄱ at the start
// of a syllable as k, and the popular vowels of popVowel.
func appendHangulPopular(b []byte, r rune) []byte {
	l, v, t, ok := hangulJamo(r)
	if !ok {
		return b
	}
	init, vow, fin := rrInitial[l], rrVowel[v], rrFinal[t]
	if l == 0 {
		init = "k"
	}
	if p := popVowel[v]; p != "" {
		vow = p
	}
	switch {
	case v == 6 && l == 11 && t == 21: // 영: Young
		vow = "you"
	case v == 13 && l == 11: // 우, 운: Woo, Woon
		vow = "woo"
	case v == 13 && t == 21: // ㅜ before ng: Jung (중), not Joong
		vow = "u"
	case v == 19: // 희 Hee, 의 Eui
		vow = "ee"
		if l == 11 {
			vow = "eui"
		}
	case v == 17 && t == 4: // 윤: Yoon
		vow = "yoo"
	}
	return append(append(append(b, init...), vow...), fin...)
}

// Syllable styles of hangulGiven.
const (
	hgRR = iota
	hgMR
	hgPopular
)

// hangulGiven renders a given name into the arena, the forms lists use
// first: the DPRK's McCune-Reischauer style syllables apart (Jong Un, Pong
// Ju, Ryong Hae), the usual South Korean spelling syllables apart (Chung
// Hee, Myung Bak), RR joined (Jeonghui), MR joined, RR syllables apart.
func (st *state) hangulGiven(w []rune) span {
	for _, r := range w {
		if _, _, _, ok := hangulJamo(r); !ok {
			return st.hangulWord(w)
		}
	}
	lo := st.beginWord()
	st.appendHangulGiven(w, hgMR, true)
	st.endVariant(lo, false)
	for _, f := range [...]struct {
		style int
		apart bool
	}{{hgPopular, true}, {hgRR, false}, {hgMR, false}, {hgRR, true}} {
		st.appendHangulGiven(w, f.style, f.apart)
		st.endVariant(lo, true)
	}
	return span{lo, len(st.aend)}
}

// appendHangulGiven appends the syllables of w in a style to the arena,
// joined or apart: with spaces between, except that a syllable of one
// letter (우 u, 이 i, 오 o) stays with the one before it, as a lone letter
// would read as an initial.
func (st *state) appendHangulGiven(w []rune, style int, apart bool) {
	for i, r := range w {
		n := len(st.ab)
		switch style {
		case hgPopular:
			st.ab = appendHangulPopular(st.ab, r)
		default:
			st.ab, _ = appendHangulSyllable(st.ab, r, style == hgMR)
		}
		if apart && i > 0 && len(st.ab)-n > 1 {
			st.ab = append(st.ab, 0)
			copy(st.ab[n+1:], st.ab[n:])
			st.ab[n] = ' '
		}
	}
}

// hangul renders Hangul words into the arena. A lone word of two to four
// syllables whose start is a known surname is a personal name: surname,
// given name, and the given-name-first order as the alternative.
func (st *state) hangul(ws []word) {
	if len(ws) == 1 || len(ws) == 2 {
		var sur, given []rune
		if len(ws) == 2 && len(ws[0].runes) <= 2 && len(ws[1].runes) <= 3 {
			sur, given = ws[0].runes, ws[1].runes
		} else if len(ws) == 1 && len(ws[0].runes) >= 2 && len(ws[0].runes) <= 4 {
			w := ws[0].runes
			if len(w) == 4 || len(w) >= 3 && koreanSurnames[string(st.utf8(w[:2]))] != nil {
				sur, given = w[:2], w[2:]
			} else {
				sur, given = w[:1], w[1:]
			}
		}
		if s, ok := koreanSurnames[string(st.utf8(sur))]; ok && len(given) > 0 {
			ss := st.addStrings(s)
			g := st.hangulGiven(given)
			st.slots = append(st.slots, ss, g)
			st.swap = append(st.swap, g, ss)
			st.swapped = true
			return
		}
	}
	for _, w := range ws {
		st.slots = append(st.slots, st.hangulWord(w.runes))
	}
}
