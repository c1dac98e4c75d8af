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

// georgian renders Georgian words into the arena: national, with
// aspirates marked, and without the nominative -i that Georgian adds to
// foreign names ending in a consonant (პუტინი → putin).
func (st *state) georgian(ws []word) {
	for _, w := range ws {
		nat, asp := st.hb[0][:0], st.hb[1][:0]
		for _, r := range w.runes {
			r = unicode.ToLower(r)
			if v, ok := georgianLetters[r]; ok {
				nat, asp = append(nat, v[0]...), append(asp, v[1]...)
			} else if s, ok := latinPlain(r); ok {
				nat, asp = append(nat, s...), append(asp, s...)
			}
		}
		st.hb[0], st.hb[1] = nat, asp
		lo := st.beginWord()
		st.ab = append(st.ab, nat...)
		st.endVariant(lo, false)
		if n := nat; len(n) > 4 && n[len(n)-1] == 'i' && !isVowel(n[len(n)-2]) {
			st.ab = append(st.ab, n[:len(n)-1]...)
			st.endVariant(lo, false)
		}
		st.ab = append(st.ab, asp...)
		st.endVariant(lo, true)
		st.slots = append(st.slots, span{lo, len(st.aend)})
	}
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

// armenian renders Armenian words into the arena: ու is u, initial ե ye
// and ո vo, -յան also -ian.
func (st *state) armenian(ws []word) {
	for _, w := range ws {
		east, west := st.hb[0][:0], st.hb[1][:0]
		rs := st.rs[:0]
		for _, r := range w.runes {
			rs = append(rs, unicode.ToLower(r))
		}
		st.rs = rs
		for i := 0; i < len(rs); i++ {
			r := rs[i]
			switch {
			case r == 'ո' && i+1 < len(rs) && rs[i+1] == 'ւ':
				east, west = append(east, 'u'), append(west, 'u')
				i++
				continue
			case r == 'ե' && i == 0:
				east, west = append(east, "ye"...), append(west, "ye"...)
				continue
			case r == 'ո' && i == 0:
				east, west = append(east, "vo"...), append(west, "vo"...)
				continue
			}
			if v, ok := armenianLetters[r]; ok {
				east, west = append(east, v[0]...), append(west, v[1]...)
			} else if s, ok := latinPlain(r); ok {
				east, west = append(east, s...), append(west, s...)
			}
		}
		st.hb[0], st.hb[1] = east, west
		lo := st.beginWord()
		st.ab = append(st.ab, east...)
		st.endVariant(lo, false)
		if e := east; strings.HasSuffix(string(e), "yan") {
			st.ab = append(append(st.ab, e[:len(e)-3]...), "ian"...)
			st.endVariant(lo, false)
		}
		st.ab = append(st.ab, west...)
		st.endVariant(lo, true)
		st.slots = append(st.slots, span{lo, len(st.aend)})
	}
}
