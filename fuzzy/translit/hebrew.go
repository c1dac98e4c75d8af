package translit

import (
	"unicode"
)

// Hebrew is written like Arabic without short vowels, with ו and י as
// vowel letters: its words go through the same units and styles.

var hebrewLetters = map[rune]arabicLetter{
	'ב': {"b", "v", "b", "b", "v"},
	'ג': {"g", "g", "g", "g", "g"},
	'ד': {"d", "d", "d", "d", "d"},
	'ה': {"h", "h", "h", "h", "h"},
	'ז': {"z", "z", "z", "z", "z"},
	'ח': {"ch", "kh", "h", "ch", "ch"},
	'ט': {"t", "t", "t", "t", "t"},
	'כ': {"k", "kh", "ch", "k", "k"},
	'ך': {"kh", "k", "ch", "kh", "k"},
	'ל': {"l", "l", "l", "l", "l"},
	'מ': {"m", "m", "m", "m", "m"},
	'ם': {"m", "m", "m", "m", "m"},
	'נ': {"n", "n", "n", "n", "n"},
	'ן': {"n", "n", "n", "n", "n"},
	'ס': {"s", "s", "s", "s", "s"},
	'פ': {"p", "f", "p", "p", "p"},
	'ף': {"f", "f", "f", "f", "f"},
	'צ': {"ts", "tz", "z", "ts", "ts"},
	'ץ': {"ts", "tz", "z", "ts", "ts"},
	'ק': {"k", "k", "q", "k", "k"},
	'ר': {"r", "r", "r", "r", "r"},
	'ש': {"sh", "s", "sh", "sh", "sh"},
	'ת': {"t", "t", "t", "t", "t"},
	'א': {"", "", "", "", ""},
	'ע': {"", "", "", "", ""},
}

// With a geresh: ג׳ j, ז׳ zh, צ׳ ch (foreign sounds).
var hebrewGeresh = map[rune]arabicLetter{
	'ג': {"j", "dj", "j", "j", "j"},
	'ז': {"zh", "j", "zh", "zh", "zh"},
	'צ': {"ch", "tch", "ch", "ch", "ch"},
	'ת': {"th", "t", "th", "th", "th"},
}

// Letters for units to point at without a copy per unit.
var (
	hebrewLetterPtrs = letterPtrs(hebrewLetters)
	hebrewGereshPtrs = letterPtrs(hebrewGeresh)
	hebrewVav        = arabicLetter{"v", "w", "v", "v", "v"}
	hebrewYod        = arabicLetter{"y", "y", "y", "y", "y"}
)

// letterPtrs returns a map of pointers to copies of m's letters.
func letterPtrs(m map[rune]arabicLetter) map[rune]*arabicLetter {
	out := make(map[rune]*arabicLetter, len(m))
	for r, l := range m {
		out[r] = &l
	}
	return out
}

// hebrewUnits splits a Hebrew word into units, appended to st.units; it
// returns the word's.
func (st *state) hebrewUnits(w []rune) []arabicUnit {
	start := len(st.units)
	units := st.units
	defer func() { st.units = units }()
	for i := 0; i < len(w); i++ {
		r := w[i]
		if unicode.IsMark(r) || r == '׳' || r == '״' {
			continue
		}
		geresh := i+1 < len(w) && (w[i+1] == '׳' || w[i+1] == '\'')
		prevVowel := len(units) > start && units[len(units)-1].cons == nil
		next := rune(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch r {
		case 'ו', 'י':
			double := next == r
			cons := i == 0 || prevVowel || double
			if double {
				i++
			}
			switch {
			case cons && r == 'ו':
				units = append(units, arabicUnit{cons: &hebrewVav})
			case cons:
				units = append(units, arabicUnit{cons: &hebrewYod})
			case r == 'ו':
				units = append(units, arabicUnit{vowel: "u", altVow: "o"})
			default:
				units = append(units, arabicUnit{vowel: "i", altVow: "i"})
			}
			continue
		case 'א', 'ע':
			// Silent letters carry a vowel: write a where they stand
			// between consonants or start a word.
			if i == 0 || !prevVowel {
				units = append(units, arabicUnit{vowel: "a", altVow: "e"})
			}
			continue
		case 'ה':
			if i == len(w)-1 && i > 0 {
				units = append(units, arabicUnit{vowel: "a", altVow: "ah", final: true})
				continue
			}
		}
		if geresh {
			if l, ok := hebrewGereshPtrs[r]; ok {
				units = append(units, arabicUnit{cons: l})
				continue
			}
		}
		if l, ok := hebrewLetterPtrs[r]; ok {
			units = append(units, arabicUnit{cons: l})
		} else if s, ok := latinPlain(r); ok {
			units = append(units, arabicUnit{cons: &arabicLetter{s, s, s, s, s}})
		}
	}
	return units[start:len(units):len(units)]
}

var (
	heStd     = arabicStyle{col: 0, first: "a", rest: "a", insert: insNative, altVow: true, taMarbu: "a"}
	heE       = arabicStyle{col: 0, first: "e", rest: "e", insert: insNative, taMarbu: "ah"}
	heAlt     = arabicStyle{col: 1, first: "a", rest: "a", insert: insNative, altVow: true, taMarbu: "ah"}
	heForeign = arabicStyle{col: colForeign, insert: insForeign, taMarbu: "a"}
	heBare    = arabicStyle{col: 0, insert: insNone, taMarbu: "a"}
)

// Style orders of Hebrew words; foreign names put the foreign style first.
var (
	heStyles        = []arabicStyle{heStd, heE, heAlt, heForeign, heBare}
	heForeignStyles = []arabicStyle{heForeign, heStd, heBare, heE, heAlt}
)

// hebrew renders Hebrew words into the arena.
func (st *state) hebrew(ws []word) {
	st.units = st.units[:0]
	st.wunits = st.wunits[:0]
	foreign := false
	for _, w := range ws {
		u := st.hebrewUnits(w.runes)
		st.wunits = append(st.wunits, u)
		if _, known := hebrewNames[string(st.utf8(w.runes))]; !known && hebrewForeign(u) {
			foreign = true
		}
	}
	styles := heStyles
	if foreign {
		styles = heForeignStyles
	}
	for i, u := range st.wunits {
		if v, ok := hebrewNames[string(st.utf8(ws[i].runes))]; ok {
			st.slots = append(st.slots, st.addStrings(v))
			continue
		}
		lo := st.beginWord()
		for _, sty := range styles {
			st.ab = appendArabicUnits(st.ab, u, sty, &st.glide)
			st.endVariant(lo, true)
		}
		st.slots = append(st.slots, span{lo, len(st.aend)})
	}
}

// hebrewForeign says whether a Hebrew word spells a foreign name: two or
// more vowel letters (ו, י read as u, i) between consonants, as in
// ולדימיר, פוטין. Native names rarely write that many.
func hebrewForeign(units []arabicUnit) bool {
	n := 0
	for i := 1; i+1 < len(units); i++ {
		if units[i].cons == nil && units[i].vowel != "a" && units[i-1].cons != nil && units[i+1].cons != nil {
			n++
		}
	}
	return n >= 2
}

// hebrewNames gives the usual spellings of very common Hebrew names.
var hebrewNames = map[string][]string{
	"משה": {"moshe", "moses"}, "כהן": {"cohen", "kohen", "cohn"}, "לוי": {"levi", "levy"},
	"דוד": {"david", "dovid"}, "יוסף": {"yosef", "joseph", "josef"}, "אברהם": {"avraham", "abraham"},
	"יצחק": {"yitzhak", "itzhak", "isaac"}, "יעקב": {"yaakov", "jacob", "yakov"}, "שלמה": {"shlomo", "solomon"},
	"אהרון": {"aharon", "aaron"}, "אהרן": {"aharon", "aaron"}, "מרדכי": {"mordechai", "mordechay"},
	"בנימין": {"binyamin", "benjamin"}, "נתניהו": {"netanyahu"}, "ישראל": {"yisrael", "israel"},
	"חיים": {"haim", "chaim", "khaim"}, "שמעון": {"shimon", "simon"}, "מיכאל": {"michael", "mikhael"},
	"אליהו": {"eliyahu", "elijah"}, "שמואל": {"shmuel", "samuel"}, "יהודה": {"yehuda", "judah"},
	"מזרחי": {"mizrahi", "mizrachi"}, "פרץ": {"peretz", "perez"}, "ביטון": {"biton", "bitton"},
	"אברמוביץ": {"abramovich", "abramovitz"}, "רבינוביץ": {"rabinovich", "rabinowitz"},
}
