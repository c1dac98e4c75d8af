package translit

import (
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"
)

// Chinese names go through pinyin (github.com/mozillazg/go-pinyin): the
// surname with all its readings as a surname (单 Shan, 曾 Zeng...) and
// its common Wade-Giles/Hong Kong spellings, the given name's syllables
// joined (Xi Jinping) and in Wade-Giles (Hsi Chin-p'ing → hsi chin ping).
// Both orders are given. Foreign names transcribed in Han (弗拉基米尔·普京)
// cannot be recovered by pinyin: a table of common transcribed names and
// of the transcription characters' usual values covers the usual cases.

// chineseSurnames gives surname readings and spellings, most common first.
var chineseSurnames = map[string][]string{
	"单": {"shan", "dan"}, "曾": {"zeng", "tseng", "tsang"}, "区": {"ou", "au", "qu"}, "解": {"xie", "jie", "hsieh"},
	"仇": {"qiu", "chou", "chiu"}, "朴": {"piao", "pu", "park", "pak"}, "查": {"zha", "cha"}, "盖": {"ge", "gai"},
	"乐": {"yue", "le", "lok"}, "尉": {"yu", "wei"}, "繁": {"po", "fan"}, "万": {"wan", "mo"}, "覃": {"qin", "tan"},
	"翟": {"zhai", "di", "chai"}, "员": {"yun", "yuan"}, "缪": {"miao", "miu"},
	"张": {"zhang", "chang", "cheung"}, "习": {"xi", "hsi"}, "周": {"zhou", "chou", "chow"}, "赵": {"zhao", "chao", "chiu"},
	"陈": {"chen", "chan", "tan"}, "李": {"li", "lee", "lei"}, "王": {"wang", "wong"}, "刘": {"liu", "lau", "lao"},
	"黄": {"huang", "wong", "hwang"}, "吴": {"wu", "ng", "goh"}, "徐": {"xu", "hsu", "tsui", "chui"}, "郑": {"zheng", "cheng", "chang"},
	"蒋": {"jiang", "chiang", "tseung"}, "江": {"jiang", "chiang", "kong"}, "钱": {"qian", "chien", "chin"}, "蔡": {"cai", "tsai", "choi", "chua"},
	"谢": {"xie", "hsieh", "tse", "cheah"}, "朱": {"zhu", "chu", "chu"}, "郭": {"guo", "kuo", "kwok"}, "何": {"he", "ho"},
	"林": {"lin", "lam", "lim"}, "卢": {"lu", "lo", "lou"}, "宋": {"song", "sung"}, "邓": {"deng", "teng", "tang"},
	"叶": {"ye", "yeh", "yip"}, "邱": {"qiu", "chiu", "yau", "khoo"}, "高": {"gao", "kao", "ko"}, "胡": {"hu", "wu", "woo"},
	"梁": {"liang", "leung"}, "罗": {"luo", "lo", "law"}, "曹": {"cao", "tsao", "tso"}, "彭": {"peng", "pang"},
	"苏": {"su", "so"}, "金": {"jin", "chin", "kam", "kim"}, "唐": {"tang", "tong"}, "杨": {"yang", "yeung"},
	"钟": {"zhong", "chung"}, "马": {"ma", "mah"}, "孙": {"sun", "suen"}, "许": {"xu", "hsu", "hui"}, "韩": {"han", "hon"},
	"冯": {"feng", "fung"}, "董": {"dong", "tung"}, "于": {"yu"}, "吕": {"lu", "lyu", "lui", "lu"}, "魏": {"wei", "ngai"},
	"崔": {"cui", "tsui", "choi"}, "袁": {"yuan", "yuen"}, "姚": {"yao", "yiu"}, "范": {"fan"}, "汪": {"wang", "wong"},
	"潘": {"pan", "poon"}, "田": {"tian", "tien"}, "贾": {"jia", "chia"}, "邹": {"zou", "tsou", "chow"}, "石": {"shi", "shih", "shek"},
	"熊": {"xiong", "hsiung", "hung"}, "沈": {"shen", "sham"}, "孟": {"meng"}, "秦": {"qin", "chin", "chun"}, "薛": {"xue", "hsueh", "sit"},
	"欧阳": {"ouyang", "auyeung"}, "司马": {"sima", "szuma"}, "诸葛": {"zhuge", "chuko"}, "上官": {"shangguan"},
	"东方": {"dongfang"}, "夏侯": {"xiahou"}, "皇甫": {"huangfu"}, "尉迟": {"yuchi"}, "公孙": {"gongsun"},
	"慕容": {"murong"}, "长孙": {"zhangsun"}, "宇文": {"yuwen"}, "司徒": {"situ", "szeto"}, "令狐": {"linghu"},
}

// hanNames are whole names (or name parts) whose Han spelling is a fixed
// transcription: foreign leaders and sanctioned persons, and Korean names
// in Hanja.
var hanNames = map[string][]string{
	"弗拉基米尔": {"vladimir"}, "弗拉迪米尔": {"vladimir"}, "普京": {"putin"}, "普丁": {"putin"},
	"弗拉基米罗维奇": {"vladimirovich"}, "亚历山大": {"aleksandr", "alexander"}, "谢尔盖": {"sergei", "sergey"},
	"德米特里": {"dmitry", "dmitri"}, "伊万": {"ivan"}, "米哈伊尔": {"mikhail"}, "尼古拉": {"nikolai"},
	"安德烈": {"andrei", "andrey"}, "阿列克谢": {"aleksei", "alexey"}, "叶夫根尼": {"yevgeny", "evgeny"},
	"梅德韦杰夫": {"medvedev"}, "拉夫罗夫": {"lavrov"}, "绍伊古": {"shoigu"}, "普里戈津": {"prigozhin"},
	"穆罕默德": {"muhammad", "mohammed"}, "阿卜杜拉": {"abdullah"}, "阿里": {"ali"}, "侯赛因": {"hussein"},
	"本": {"bin"}, "拉登": {"laden"}, "萨达姆": {"saddam"}, "卡扎菲": {"gaddafi", "qaddafi"}, "阿萨德": {"assad"},
	"巴沙尔": {"bashar"}, "奥萨马": {"osama", "usama"}, "卢卡申科": {"lukashenko"}, "亚努科维奇": {"yanukovych"},
	"金正恩": {"kim jong un"}, "金正日": {"kim jong il"}, "金日成": {"kim il sung"}, "金与正": {"kim yo jong"},
	"马杜罗": {"maduro"}, "尼古拉斯": {"nicolas"}, "哈梅内伊": {"khamenei"}, "阿里·哈梅内伊": {"ali khamenei"},
}

// hanSounds are the usual Latin values of characters used to transcribe
// foreign names.
var hanSounds = map[rune]string{
	'阿': "a", '巴': "ba", '贝': "be", '比': "bi", '波': "po", '布': "b", '达': "da", '德': "de",
	'迪': "di", '多': "do", '杜': "du", '尔': "r", '法': "fa", '菲': "fi", '夫': "v", '弗': "v",
	'福': "fo", '加': "ga", '格': "g", '吉': "gi", '戈': "go", '古': "gu", '哈': "ha", '赫': "kh",
	'伊': "i", '基': "ki", '卡': "ka", '科': "ko", '克': "k", '库': "ku", '拉': "la", '莱': "le",
	'利': "li", '里': "ri", '洛': "lo", '罗': "ro", '卢': "lu", '鲁': "ru", '马': "ma", '梅': "me",
	'米': "mi", '莫': "mo", '穆': "mu", '姆': "m", '纳': "na", '内': "ne", '尼': "ni", '诺': "no",
	'努': "nu", '帕': "pa", '佩': "pe", '皮': "pi", '普': "pu", '萨': "sa", '塞': "se", '西': "si",
	'索': "so", '苏': "su", '斯': "s", '塔': "ta", '特': "t", '蒂': "ti", '托': "to", '图': "tu",
	'瓦': "va", '韦': "ve", '维': "vi", '沃': "vo", '谢': "se", '亚': "ya", '耶': "ye", '约': "yo",
	'尤': "yu", '扎': "za", '泽': "ze", '兹': "z", '奇': "ch", '契': "chi", '切': "che", '舍': "she",
	'希': "hi", '恩': "n", '安': "an", '因': "in", '奥': "o", '埃': "e", '欧': "o", '乌': "u",
	'什': "sh", '丁': "din", '顿': "don", '森': "sen", '曼': "man", '伦': "ren", '登': "den",
	'肯': "ken", '兰': "lan", '京': "tin", '列': "le",
}

var pinyinArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Heteronym = true
	a.Fallback = func(r rune, a pinyin.Args) []string { return nil }
	return a
}()

// hanReadings caches hanReading: go-pinyin builds its answer anew on
// every call. It holds at most one entry per character pinyin knows.
var hanReadings struct {
	sync.RWMutex
	m map[rune][]string
}

// hanReading returns the readings of one character, most common first.
// The slice is shared: callers must not modify it.
func hanReading(r rune) []string {
	hanReadings.RLock()
	out, ok := hanReadings.m[r]
	hanReadings.RUnlock()
	if ok {
		return out
	}
	ps := pinyin.SinglePinyin(r, pinyinArgs)
	out = make([]string, 0, len(ps))
	for _, p := range ps {
		p = strings.NewReplacer("ü", "u", "v", "u").Replace(p)
		out = appendUnique(out, p)
	}
	if len(out) > 0 {
		hanReadings.Lock()
		if hanReadings.m == nil {
			hanReadings.m = make(map[rune][]string)
		}
		hanReadings.m[r] = out
		hanReadings.Unlock()
	}
	return out
}

// appendWadeGiles appends pinyin syllable p in Wade-Giles to b, without
// apostrophes and diacritics (zhang → chang, xi → hsi, qing → ching, cong
// → tsung).
func appendWadeGiles(b []byte, p string) []byte {
	rest := p
	init := ""
	for _, x := range [...][2]string{{"zh", "ch"}, {"ch", "ch"}, {"sh", "sh"}, {"x", "hs"}, {"q", "ch"}, {"j", "ch"}, {"zi", "tzu"}, {"ci", "tzu"}, {"si", "ssu"}, {"z", "ts"}, {"c", "ts"}, {"r", "j"}, {"b", "p"}, {"p", "p"}, {"d", "t"}, {"t", "t"}, {"g", "k"}, {"k", "k"}, {"h", "h"}} {
		if strings.HasPrefix(p, x[0]) {
			if x[0] == "zi" || x[0] == "ci" || x[0] == "si" {
				if p == x[0] {
					return append(b, x[1]...)
				}
				continue
			}
			init, rest = x[1], p[len(x[0]):]
			break
		}
	}
	if init == "" {
		return append(b, p...)
	}
	switch {
	case rest == "ong":
		rest = "ung"
	case rest == "ian":
		rest = "ien"
	case rest == "e" && (strings.HasPrefix(p, "g") || strings.HasPrefix(p, "k") || strings.HasPrefix(p, "h")):
		rest = "o" // ge ko, ke k'o, he ho; ze tse, de te stay
	case rest == "i" && (p == "zhi" || p == "chi" || p == "shi" || p == "ri"):
		rest = "ih"
	case rest == "ie":
		rest = "ieh"
	case rest == "ue":
		rest = "ueh"
	case rest == "uo" && init != "sh" && init != "ch":
		rest = "o"
	}
	return append(append(b, init...), rest...)
}

// han renders Han words into the arena.
func (st *state) han(ws []word) {
	foreign := len(ws) > 1 // a middle dot separates foreign names: 弗拉基米尔·普京
	for _, w := range ws {
		if _, ok := hanNames[string(st.utf8(w.runes))]; ok {
			foreign = true
		}
		if len(w.runes) > 4 {
			foreign = true
		}
	}
	if foreign {
		for _, w := range ws {
			st.slots = append(st.slots, st.hanForeign(w.runes))
		}
		return
	}
	w := ws[0].runes
	if len(w) < 2 {
		st.slots = append(st.slots, st.hanJoined(w))
		return
	}
	sur, given := w[:1], w[1:]
	if _, ok := chineseSurnames[string(st.utf8(w[:2]))]; ok && len(w) >= 3 {
		sur, given = w[:2], w[2:]
	}
	var s span
	if v, ok := chineseSurnames[string(st.utf8(sur))]; ok {
		s = st.addStrings(v)
	} else {
		s = st.hanJoined(sur)
	}
	g := st.hanGiven(given)
	st.slots = append(st.slots, s, g)
	st.swap = append(st.swap, g, s)
	st.swapped, st.swapHlf = true, true
}

// hanJoined renders characters into the arena with their first reading,
// joined, and then with each character's other readings.
func (st *state) hanJoined(w []rune) span {
	lo := st.beginWord()
	for _, r := range w {
		if rs := hanReading(r); len(rs) > 0 {
			st.ab = append(st.ab, rs[0]...)
		} else {
			s, _ := latinPlain(r)
			st.ab = append(st.ab, s...)
		}
	}
	st.endVariant(lo, false)
	alts := 0
	for i, r := range w {
		rs := hanReading(r)
		if len(rs) == 0 {
			continue
		}
		for _, a := range rs[1:] {
			if alts >= 3 {
				break
			}
			alts++
			for j, q := range w {
				if j == i {
					st.ab = append(st.ab, a...)
				} else if qs := hanReading(q); len(qs) > 0 {
					st.ab = append(st.ab, qs[0]...)
				}
			}
			st.endVariant(lo, true)
		}
	}
	return span{lo, len(st.aend)}
}

// hanGiven renders a given name into the arena: pinyin joined, Wade-Giles
// syllables apart, Wade-Giles joined, pinyin syllables apart.
func (st *state) hanGiven(w []rune) span {
	lo := st.beginWord()
	st.appendHanSyllables(w, false, false)
	st.endVariant(lo, false)
	st.appendHanSyllables(w, true, true)
	st.endVariant(lo, true)
	st.appendHanSyllables(w, true, false)
	st.endVariant(lo, true)
	st.appendHanSyllables(w, false, true)
	st.endVariant(lo, true)
	return span{lo, len(st.aend)}
}

// appendHanSyllables appends the first readings of w to the arena, in
// pinyin or Wade-Giles, joined or apart.
func (st *state) appendHanSyllables(w []rune, wade, apart bool) {
	for i, r := range w {
		if apart && i > 0 {
			st.ab = append(st.ab, ' ')
		}
		rs := hanReading(r)
		switch {
		case len(rs) == 0:
			s, _ := latinPlain(r)
			st.ab = append(st.ab, s...)
		case wade:
			st.ab = appendWadeGiles(st.ab, rs[0])
		default:
			st.ab = append(st.ab, rs[0]...)
		}
	}
}

// hanForeign renders a transcribed foreign name into the arena: the table
// of known names, the transcription sounds, then plain pinyin.
func (st *state) hanForeign(w []rune) span {
	if v, ok := hanNames[string(st.utf8(w))]; ok {
		return st.addStrings(v)
	}
	lo := st.beginWord()
	for pass := 0; pass < 2; pass++ {
		for _, r := range w {
			p := ""
			if rs := hanReading(r); len(rs) > 0 {
				p = rs[0]
			} else {
				p, _ = latinPlain(r)
			}
			if s, ok := hanSounds[r]; ok && pass == 0 {
				p = s
			}
			st.ab = append(st.ab, p...)
		}
		st.endVariant(lo, pass == 1)
	}
	return span{lo, len(st.aend)}
}
