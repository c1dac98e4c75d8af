package translit

import (
	"strings"
	"unicode"
)

// Georgian (national system, 2002) and Armenian (Eastern, with the Western
// values as an alternative: diaspora names are often Western).

var georgianLetters = map[rune][2]string{
	'ა': {"a", "a"}, 'ბ': {"b", "b"}, 'გ': {"g", "g"}, 'დ': {"d", "d"}, 'ე': {"e", "e"},
	'ვ': {"v", "v"}, 'ზ': {"z", "z"}, 'თ': {"t", "th"}, 'ი': {"i", "i"}, 'კ': {"k", "k"},
	'ლ': {"l", "l"}, 'მ': {"m", "m"}, 'ნ': {"n", "n"}, 'ო': {"o", "o"}, 'პ': {"p", "p"},
	'ჟ': {"zh", "j"}, 'რ': {"r", "r"}, 'ს': {"s", "s"}, 'ტ': {"t", "t"}, 'უ': {"u", "u"},
	'ფ': {"p", "ph"}, 'ქ': {"k", "kh"}, 'ღ': {"gh", "gh"}, 'ყ': {"q", "k"}, 'შ': {"sh", "sh"},
	'ჩ': {"ch", "ch"}, 'ც': {"ts", "ts"}, 'ძ': {"dz", "dz"}, 'წ': {"ts", "ts"}, 'ჭ': {"ch", "ch"},
	'ხ': {"kh", "kh"}, 'ჯ': {"j", "j"}, 'ჰ': {"h", "h"},
}

// georgian renders Georgian words: national, with aspirates marked, and
// without the nominative -i that Georgian adds to foreign names ending
// in a consonant (პუტინი → putin).
func georgian(ws []word) [][]string {
	out := make([][]string, 0, len(ws))
	for _, w := range ws {
		var nat, asp strings.Builder
		for _, r := range w.runes {
			r = unicode.ToLower(r)
			if v, ok := georgianLetters[r]; ok {
				nat.WriteString(v[0])
				asp.WriteString(v[1])
			} else if s, ok := latinPlain(r); ok {
				nat.WriteString(s)
				asp.WriteString(s)
			}
		}
		n := nat.String()
		vs := []string{n}
		if len(n) > 4 && strings.HasSuffix(n, "i") && !isVowel(n[len(n)-2]) {
			vs = append(vs, n[:len(n)-1])
		}
		vs = appendUnique(vs, asp.String())
		out = append(out, vs)
	}
	return out
}

var armenianLetters = map[rune][2]string{
	'ա': {"a", "a"}, 'բ': {"b", "p"}, 'գ': {"g", "k"}, 'դ': {"d", "t"}, 'ե': {"e", "e"},
	'զ': {"z", "z"}, 'է': {"e", "e"}, 'ը': {"y", "e"}, 'թ': {"t", "t"}, 'ժ': {"zh", "zh"},
	'ի': {"i", "i"}, 'լ': {"l", "l"}, 'խ': {"kh", "kh"}, 'ծ': {"ts", "dz"}, 'կ': {"k", "g"},
	'հ': {"h", "h"}, 'ձ': {"dz", "ts"}, 'ղ': {"gh", "gh"}, 'ճ': {"ch", "j"}, 'մ': {"m", "m"},
	'յ': {"y", "y"}, 'ն': {"n", "n"}, 'շ': {"sh", "sh"}, 'ո': {"o", "o"}, 'չ': {"ch", "ch"},
	'պ': {"p", "b"}, 'ջ': {"j", "ch"}, 'ռ': {"r", "r"}, 'ս': {"s", "s"}, 'վ': {"v", "v"},
	'տ': {"t", "d"}, 'ր': {"r", "r"}, 'ց': {"ts", "ts"}, 'ւ': {"v", "v"}, 'փ': {"p", "p"},
	'ք': {"k", "k"}, 'օ': {"o", "o"}, 'ֆ': {"f", "f"}, 'և': {"ev", "ev"},
}

// armenian renders Armenian words: ու is u, initial ե ye and ո vo, -յան
// also -ian.
func armenian(ws []word) [][]string {
	out := make([][]string, 0, len(ws))
	for _, w := range ws {
		var east, west strings.Builder
		rs := make([]rune, 0, len(w.runes))
		for _, r := range w.runes {
			rs = append(rs, unicode.ToLower(r))
		}
		for i := 0; i < len(rs); i++ {
			r := rs[i]
			switch {
			case r == 'ո' && i+1 < len(rs) && rs[i+1] == 'ւ':
				east.WriteString("u")
				west.WriteString("u")
				i++
				continue
			case r == 'ե' && i == 0:
				east.WriteString("ye")
				west.WriteString("ye")
				continue
			case r == 'ո' && i == 0:
				east.WriteString("vo")
				west.WriteString("vo")
				continue
			}
			if v, ok := armenianLetters[r]; ok {
				east.WriteString(v[0])
				west.WriteString(v[1])
			} else if s, ok := latinPlain(r); ok {
				east.WriteString(s)
				west.WriteString(s)
			}
		}
		e := east.String()
		vs := []string{e}
		if strings.HasSuffix(e, "yan") {
			vs = append(vs, strings.TrimSuffix(e, "yan")+"ian")
		}
		vs = appendUnique(vs, west.String())
		out = append(out, vs)
	}
	return out
}
