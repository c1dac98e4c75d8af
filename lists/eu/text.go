package eu

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// squash trims s and folds every run of white space (the EU file has line
// breaks and indentation inside names and document types) into one space.
func squash(s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			clean = false
			break
		}
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
		if sp && (prevSpace || c != ' ') {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// scripts maps Unicode scripts to their ISO 15924 codes, in the order ties
// are broken.
var scripts = []struct {
	code string
	tab  *unicode.RangeTable
}{
	{"Latn", unicode.Latin}, {"Arab", unicode.Arabic}, {"Cyrl", unicode.Cyrillic},
	{"Hani", unicode.Han}, {"Hang", unicode.Hangul}, {"Grek", unicode.Greek},
	{"Hebr", unicode.Hebrew}, {"Hira", unicode.Hiragana}, {"Kana", unicode.Katakana},
	{"Armn", unicode.Armenian}, {"Geor", unicode.Georgian}, {"Thai", unicode.Thai},
	{"Deva", unicode.Devanagari}, {"Beng", unicode.Bengali}, {"Guru", unicode.Gurmukhi},
	{"Gujr", unicode.Gujarati}, {"Taml", unicode.Tamil}, {"Sinh", unicode.Sinhala},
	{"Ethi", unicode.Ethiopic}, {"Mymr", unicode.Myanmar}, {"Khmr", unicode.Khmer},
	{"Laoo", unicode.Lao}, {"Tibt", unicode.Tibetan}, {"Mong", unicode.Mongolian},
	{"Syrc", unicode.Syriac}, {"Thaa", unicode.Thaana},
}

// detectScript returns the ISO 15924 code of the script most letters of s
// are written in ("Arab" for "صدام حسين"), or "" when s has no letter of a
// known script. A name mixing scripts gets the majority one.
func detectScript(s string) string {
	var counts [32]int // len(scripts) <= 32
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				counts[0]++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		for i, sc := range scripts {
			if unicode.Is(sc.tab, r) {
				counts[i]++
				break
			}
		}
	}
	best := -1
	for i := range scripts {
		if counts[i] > 0 && (best < 0 || counts[i] > counts[best]) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return scripts[best].code
}
