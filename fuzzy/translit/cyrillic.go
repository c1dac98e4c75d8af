package translit

import (
	"strings"
	"unicode"
)

// cyrScheme is one way of romanising Cyrillic: a letter table plus the
// context rules that differ between schemes.
type cyrScheme struct {
	tab     map[rune]string
	yeStart string // е at the start of a word or after a vowel, ь or ъ
	yoStart string // ё in the same places
	iyEnd   string // final -ий
	yyEnd   string // final -ый
	ovEnd   string // final -ов / -ев ("" keeps the table's)
}

// Russian base table (BGN/PCGN).
var ruBase = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	// letters of the other Cyrillic languages, in case they turn up
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "w", 'ђ': "dj",
	'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz", 'ѓ': "gj",
	'ќ': "kj", 'ѕ': "dz",
}

func over(base map[rune]string, kv ...string) map[rune]string {
	m := make(map[rune]string, len(base)+len(kv)/2)
	for k, v := range base {
		m[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		m[[]rune(kv[i])[0]] = kv[i+1]
	}
	return m
}

var (
	ruSchemes = []cyrScheme{
		// BGN/PCGN, the usual English rendering.
		{tab: ruBase, yeStart: "ye", yoStart: "yo", iyEnd: "iy", yyEnd: "yy"},
		// Simple English: Yuri, Dmitri, Sergei.
		{tab: over(ruBase, "ё", "yo"), yeStart: "e", yoStart: "yo", iyEnd: "i", yyEnd: "y"},
		// ICAO 9303, Russian passports since 2013.
		{tab: over(ruBase, "й", "i", "ю", "iu", "я", "ia", "ъ", "ie"), yeStart: "e", yoStart: "e", iyEnd: "ii", yyEnd: "yi"},
		// German (Duden).
		{tab: over(ruBase, "в", "w", "ж", "sch", "й", "j", "х", "ch", "ц", "z", "ч", "tsch", "ш", "sch", "щ", "schtsch", "ю", "ju", "я", "ja", "ё", "jo"), yeStart: "je", yoStart: "jo", iyEnd: "ij", yyEnd: "y", ovEnd: "ow"},
		// French.
		{tab: over(ruBase, "ж", "j", "й", "i", "у", "ou", "ч", "tch", "ш", "ch", "щ", "chtch", "ю", "iou", "я", "ia", "ё", "io"), yeStart: "ie", yoStart: "io", iyEnd: "i", yyEnd: "y", ovEnd: "ov"},
		// Phonetic English and "passport" spellings: Mihail, Jukov, Tsoy.
		{tab: over(ruBase, "х", "h", "ж", "j", "ц", "tz", "й", "y", "ё", "e"), yeStart: "e", yoStart: "e", iyEnd: "iy", yyEnd: "iy", ovEnd: "off"},
		// Polish.
		{tab: over(ruBase, "в", "w", "х", "ch", "ж", "z", "ш", "sz", "щ", "szcz", "ч", "cz", "ц", "c", "й", "j", "ю", "ju", "я", "ja", "ы", "y"), yeStart: "je", yoStart: "jo", iyEnd: "ij", yyEnd: "y", ovEnd: "ow"},
		// Scholarly (ISO 9 / Czech-like, accents folded): Zukov, Cajkovskij.
		{tab: over(ruBase, "х", "ch", "ж", "z", "ш", "s", "щ", "sc", "ч", "c", "ц", "c", "й", "j", "ю", "ju", "я", "ja"), yeStart: "e", yoStart: "e", iyEnd: "ij", yyEnd: "yj"},
	}

	ukBase = over(ruBase, "г", "h", "ґ", "g", "е", "e", "є", "ie", "и", "y", "і", "i", "ї", "i", "й", "i", "ю", "iu", "я", "ia", "х", "kh", "щ", "shch", "ь", "")

	ukSchemes = []cyrScheme{
		// National standard (2010), initial forms ye, yi, y, yu, ya.
		{tab: ukBase, yeStart: "ye", yoStart: "yo", iyEnd: "yi", yyEnd: "yi"},
		// The same name through Russian habits: Volodimir, Gennadiy.
		{tab: over(ukBase, "и", "i", "г", "g", "ї", "yi", "є", "ye", "й", "y", "ю", "yu", "я", "ya"), yeStart: "ye", yoStart: "yo", iyEnd: "iy", yyEnd: "iy"},
		// German.
		{tab: over(ukBase, "в", "w", "ж", "sch", "х", "ch", "ц", "z", "ч", "tsch", "ш", "sch", "щ", "schtsch", "й", "j", "ю", "ju", "я", "ja", "є", "je", "ї", "ji"), yeStart: "je", yoStart: "jo", iyEnd: "yj", yyEnd: "yj", ovEnd: "ow"},
		// Polish / Czech-like.
		{tab: over(ukBase, "в", "w", "х", "ch", "ж", "z", "ш", "sz", "щ", "szcz", "ч", "cz", "ц", "c", "й", "j", "ю", "ju", "я", "ja", "є", "je", "ї", "ji"), yeStart: "je", yoStart: "jo", iyEnd: "yj", yyEnd: "yj", ovEnd: "ow"},
	}

	beBase = over(ruBase, "г", "h", "е", "e", "ё", "io", "і", "i", "ў", "u", "ы", "y", "э", "e", "ю", "iu", "я", "ia", "х", "kh", "ц", "ts", "й", "i")

	beSchemes = []cyrScheme{
		// Belarusian national (2007), accents folded: Uladzimir Pucin.
		{tab: over(beBase, "ц", "c", "ч", "c", "ш", "s", "ж", "z", "х", "ch", "ў", "u", "й", "j", "ю", "ju", "я", "ja", "ё", "jo"), yeStart: "je", yoStart: "jo", iyEnd: "i", yyEnd: "y"},
		// English (BGN/PCGN-like): Uladzimir Putsin.
		{tab: over(beBase, "ў", "w"), yeStart: "ye", yoStart: "yo", iyEnd: "iy", yyEnd: "y"},
		{tab: beBase, yeStart: "ie", yoStart: "io", iyEnd: "i", yyEnd: "y"},
	}

	srBase = over(ruBase, "ђ", "dj", "ж", "z", "ј", "j", "љ", "lj", "њ", "nj", "ћ", "c", "х", "h", "ц", "c", "ч", "c", "џ", "dzh", "ш", "s", "ѓ", "gj", "ќ", "kj", "ѕ", "dz", "е", "e")

	srSchemes = []cyrScheme{
		// Serbian / Macedonian Latin, diacritics folded: Dordevic, Cosic.
		{tab: srBase},
		// With digraphs (how English and Russian lists write them).
		{tab: over(srBase, "ж", "zh", "ћ", "ch", "ч", "ch", "ш", "sh", "џ", "dzh", "х", "kh", "ђ", "dj"), iyEnd: "iy"},
		{tab: over(srBase, "ћ", "tj", "ђ", "dj", "ч", "tch", "ш", "sh", "ж", "j", "ц", "ts")},
	}

	bgSchemes = []cyrScheme{
		// Bulgarian official (2009): щ sht, ъ a, ю yu, я ya, х h.
		{tab: over(ruBase, "щ", "sht", "ъ", "a", "х", "h", "ц", "ts", "й", "y"), iyEnd: "iy"},
		{tab: over(ruBase, "щ", "sht", "ъ", "u", "х", "kh"), iyEnd: "i"},
		{tab: over(ruBase, "щ", "sht", "ъ", "a", "х", "h", "ж", "j", "ц", "c", "ч", "ch", "ю", "iu", "я", "ia"), iyEnd: "i"},
	}
)

// cyrLanguage guesses the language of a Cyrillic name from its letters.
func cyrLanguage(ws []word) []cyrScheme {
	var uk, be, sr, bg, ru bool
	for _, w := range ws {
		for i, r := range w.runes {
			switch unicode.ToLower(r) {
			case 'ґ', 'є', 'ї':
				uk = true
			case 'ў':
				be = true
			case 'і':
				uk = true // and Belarusian; ы or э below tell
			case 'ы', 'э', 'ё':
				ru = true
			case 'ђ', 'ј', 'љ', 'њ', 'ћ', 'џ', 'ѓ', 'ќ', 'ѕ':
				sr = true
			case 'ь':
				if i+1 < len(w.runes) && (w.runes[i+1] == 'к' || w.runes[i+1] == 'К') && i > 0 && strings.ContainsRune("сцСЦ", w.runes[i-1]) {
					uk = true // -ський, -цький
				}
				if i+1 < len(w.runes) && (w.runes[i+1] == 'о' || w.runes[i+1] == 'О') {
					bg = true // Щерьо
				}
			case 'ъ':
				if i+1 < len(w.runes) && !strings.ContainsRune("еёюяЕЁЮЯ", w.runes[i+1]) {
					bg = true
				}
			}
		}
	}
	if uk && !be {
		for _, w := range ws {
			for i := 1; i < len(w.runes); i++ {
				if unicode.ToLower(w.runes[i-1]) == 'д' && unicode.ToLower(w.runes[i]) == 'з' {
					be = true // дз with і: Belarusian (Уладзімір)
				}
			}
		}
	}
	switch {
	case sr:
		return srSchemes
	case be || uk && ru:
		return beSchemes
	case uk:
		return ukSchemes
	case bg && !ru:
		return bgSchemes
	}
	return ruSchemes
}

// cyrillic renders Cyrillic words into the arena, one variant per scheme
// (so that a name stays in one scheme across its words), then the most
// ambiguous letters varied alone.
func (st *state) cyrillic(ws []word) {
	schemes := cyrLanguage(ws)
	for _, w := range ws {
		lw := st.rs[:0]
		for _, r := range w.runes {
			if unicode.IsMark(r) { // stress marks: Влади́мир
				continue
			}
			lw = append(lw, unicode.ToLower(r))
		}
		st.rs = lw
		lo := st.beginWord()
		for i := range schemes {
			st.ab = appendCyrWord(st.ab, lw, &schemes[i])
			st.endVariant(lo, true)
			if i == 0 && &schemes[0] == &beSchemes[0] {
				// The Russian form lists often give Belarusians.
				st.rs2 = appendRussified(st.rs2[:0], lw)
				st.ab = appendCyrWord(st.ab, st.rs2, &ruSchemes[0])
				st.endVariant(lo, true)
			}
		}
		st.slots = append(st.slots, span{lo, len(st.aend)})
	}
}

func cyrVowel(r rune) bool {
	return strings.ContainsRune("аеёиоуыэюяіїєў", r)
}

// appendCyrWord appends the rendering of the lower-case word w in scheme sc
// to b.
func appendCyrWord(b []byte, w []rune, sc *cyrScheme) []byte {
	n := len(w)
	for i := 0; i < n; i++ {
		r := w[i]
		initial := i == 0 || cyrVowel(w[i-1]) || w[i-1] == 'ь' || w[i-1] == 'ъ'
		last2 := i == n-2
		switch {
		case r == 'е' && initial && sc.yeStart != "":
			b = append(b, sc.yeStart...)
			continue
		case r == 'ё' && initial && sc.yoStart != "":
			b = append(b, sc.yoStart...)
			continue
		case last2 && r == 'и' && w[i+1] == 'й' && sc.iyEnd != "" && n > 3:
			b = append(b, sc.iyEnd...)
			i++
			continue
		case last2 && r == 'ы' && w[i+1] == 'й' && sc.yyEnd != "" && n > 3:
			b = append(b, sc.yyEnd...)
			i++
			continue
		case last2 && (r == 'о' || r == 'е' || r == 'ё') && w[i+1] == 'в' && sc.ovEnd != "" && n > 3:
			if r == 'о' {
				b = append(b, 'o')
			} else {
				b = append(b, 'e')
			}
			b = append(b, sc.ovEnd[1:]...)
			i++
			continue
		}
		if r == 'ь' && i+1 < n && w[i+1] == 'о' {
			b = append(b, 'y') // ьо: Бульон bulyon, Щерьо shteryo
			continue
		}
		if s, ok := sc.tab[r]; ok {
			b = append(b, s...)
			continue
		}
		if s, ok := latinPlain(r); ok {
			b = append(b, s...)
			continue
		}
		b = append(b, unidecodeLower(string(r))...)
	}
	return b
}

func appendUnique(vs []string, s string) []string {
	if s == "" {
		return vs
	}
	for _, v := range vs {
		if v == s {
			return vs
		}
	}
	return append(vs, s)
}

// appendRussified appends to dst the Russian counterpart of the
// lower-case Belarusian word w, so that it can be romanised as Russian
// names usually are: дз→д, ц before soft vowels→т, initial ул→вл,
// -энка→-енко, і→и, ў→в, э→е (Уладзімір Пуцін → vladimir putin,
// Лукашэнка → lukashenko).
func appendRussified(dst, w []rune) []rune {
	start := len(dst)
	i := 0
	if len(w) >= 2 && w[0] == 'у' && w[1] == 'л' {
		dst = append(dst, 'в', 'л')
		i = 2
	}
	for ; i < len(w); i++ {
		r := w[i]
		if i+1 < len(w) {
			next := w[i+1]
			if r == 'д' && next == 'з' {
				dst = append(dst, 'д')
				i++
				continue
			}
			if r == 'ц' && strings.ContainsRune("іеёюяь", next) {
				if next == 'і' {
					next = 'и'
				}
				dst = append(dst, 'т', next)
				i++
				continue
			}
		}
		switch r {
		case 'і':
			r = 'и'
		case 'ў':
			r = 'в'
		case 'э':
			r = 'е'
		}
		dst = append(dst, r)
	}
	if n := len(dst); n-start >= 4 && string(dst[n-4:]) == "енка" {
		dst[n-1] = 'о'
	}
	return dst
}
