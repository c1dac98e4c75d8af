// Package listtext holds the text and date helpers that the EU and UN list
// parsers (lists/eu, lists/un) share: white-space squashing, script
// detection, partial ISO dates and joining optional parts. They are the
// same for both because both lists write names and dates the same way:
// with stray line breaks, in many scripts, often with only a year known.
package listtext

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/freezeguard/freezeguard/lists"
)

// Squash trims s and folds every run of white space into one space: both
// lists have line breaks and indentation inside names and document types.
// Text that needs no change comes back as is, without allocating.
func Squash(s string) string {
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

// Script returns the ISO 15924 code of the script most letters of s are
// written in ("Arab" for "صدام حسين"), or "" when s has no letter of a known
// script. A name mixing scripts gets the majority one; the matcher uses it
// to pick a transliteration.
func Script(s string) string {
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

// Date parses YYYY, YYYY-MM or YYYY-MM-DD (an xs:date may end in a time
// zone, which is dropped) into a date of the given kind. Text keeps the
// source; a date that does not parse keeps only its Text, so it is shown
// but never compared.
func Date(s string, kind lists.DateKind) lists.Date {
	d := lists.Date{Kind: kind, Text: s}
	p := s
	if len(p) > 10 {
		p = p[:10]
	}
	parts := strings.Split(p, "-")
	if len(parts) > 3 {
		return d
	}
	var n [3]int
	for i, x := range parts {
		v, err := strconv.Atoi(x)
		if err != nil || v < 0 || (i == 0 && len(x) != 4) || (i > 0 && len(x) != 2) {
			return d
		}
		n[i] = v
	}
	if n[0] < 1 || n[1] > 12 || n[2] > 31 || (len(parts) > 1 && n[1] == 0) || (len(parts) > 2 && n[2] == 0) {
		return d
	}
	d.Year, d.Month, d.Day = n[0], n[1], n[2]
	return d
}

// Join joins the non-empty xs with sep, for addresses, places and notes
// built from optional parts.
func Join(sep string, xs ...string) string {
	var b strings.Builder
	for _, x := range xs {
		if x == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(x)
	}
	return b.String()
}
