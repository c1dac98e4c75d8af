package translit

// Pinyin tokens fold by their own rules. Pinyin spells sounds other
// romanisations spell otherwise (x is Wade-Giles hs, c is ts, q is ch'),
// and it has only about 400 syllables, so each merge Fold's general rules
// make (zh/j, c/k, ou/u) joins many pairs of distinct Chinese names: Zhi and
// Ji, Cao and Kao, Cui and Kui, Zhou and Zhu, You and Yu.

// pinyinSet holds every toneless pinyin syllable (go-pinyin's readings
// of the CJK Unified Ideographs, interjections m, n, ng, hm, hng left out).
var pinyinSet = func() map[string]bool {
	const all = "" +
		"a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang " +
		"cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan " +
		"chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di " +
		"dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng " +
		"fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo " +
		"ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian " +
		"jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou " +
		"ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao " +
		"lie lin ling liu lo long lou lu luan lun luo ma mai man mang mao me mei men meng mi mian miao " +
		"mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning " +
		"niu nong nou nu nuan nun nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po " +
		"pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng " +
		"ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao " +
		"she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui " +
		"sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa " +
		"wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun " +
		"ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng " +
		"zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui " +
		"zhun zhuo zi zong zou zu zuan zui zun zuo " + ""
	m := make(map[string]bool, 420)
	start := 0
	for i := 0; i <= len(all); i++ {
		if i == len(all) || all[i] == ' ' {
			if i > start {
				m[all[start:i]] = true
			}
			start = i + 1
		}
	}
	return m
}()

// pinyinTrigger says how many syllables the lower-case ASCII token b may
// have to take the pinyin rules: two when it has x, q or zh, which other
// languages seldom write in tokens that parse as pinyin (Xiaoping,
// Zhiqiang); one when its only such letters are c not in ch, or ou, which
// French and Italian write in names that parse as two syllables (Mousa,
// Nouri, Luca, Casa). Zero: the general rules.
func pinyinTrigger(b []byte) int {
	n := 0
	for i, c := range b {
		switch c {
		case 'x', 'q':
			return 2
		case 'c':
			if i+1 == len(b) || b[i+1] != 'h' {
				n = 1
			}
		case 'h':
			if i > 0 && b[i-1] == 'z' {
				return 2
			}
		case 'u':
			if i > 0 && b[i-1] == 'o' {
				n = 1
			}
		}
	}
	return n
}

// isPinyin reports whether b is one to max pinyin syllables written
// together (Xi, Zhou, Xiaoping, Ouyang): a Chinese surname or given name.
// Three are never tried: French and Spanish names parse as three
// (Poutine is pou-ti-ne, Lucia lu-ci-a). A syllable starting with a vowel
// only begins the token: inside a word pinyin marks it with an apostrophe
// (Xi'an).
func isPinyin(b []byte, max int) bool {
	if max == 0 {
		return false
	}
	for i := 1; i < len(b); i++ {
		if b[i] == b[i-1] {
			return false // Zhanna (zhan-na) is Russian: pinyin names seldom double a letter
		}
	}
	return pinyinSplit(b, max, true)
}

func pinyinSplit(b []byte, left int, first bool) bool {
	if len(b) == 0 {
		return !first
	}
	if left == 0 || !first && isVowel(b[0]) {
		return false
	}
	for l := min(6, len(b)); l >= 1; l-- {
		if pinyinSet[string(b[:l])] && pinyinSplit(b[l:], left-1, false) {
			return true
		}
	}
	return false
}

// foldPinyin appends the key of a pinyin token: like the general rules
// (ch c, sh x, w v, y i, doubled letters single), but zh stays zh, c is
// ts, x is hs (so Xi meets Wade-Giles Hsi, Xie Hsieh, Xu Hsu), q stays q
// and ou stays ou.
func foldPinyin(dst, b []byte) []byte {
	start := len(dst)
	for i := 0; i < len(b); i++ {
		c := b[i]
		var next byte
		if i+1 < len(b) {
			next = b[i+1]
		}
		switch {
		case c == 'z' && next == 'h':
			dst = append(dst, 'z', 'h')
			i++
		case c == 'c' && next == 'h':
			dst = append(dst, 'c')
			i++
		case c == 's' && next == 'h':
			dst = append(dst, 'x')
			i++
		case c == 'c':
			dst = append(dst, 't', 's')
		case c == 'x':
			dst = append(dst, 'h', 's')
		case c == 'y':
			dst = append(dst, 'i')
		case c == 'w':
			dst = append(dst, 'v')
		default:
			dst = append(dst, c)
		}
	}
	w := start
	for i := start; i < len(dst); i++ {
		if w > start && dst[w-1] == dst[i] {
			continue
		}
		dst[w] = dst[i]
		w++
	}
	return dst[:w]
}
