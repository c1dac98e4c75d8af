// Package translit renders names written in any script as a small, bounded
// set of plausible Latin spellings, and folds Latin spellings so that
// romanisation variants of one name meet.
//
// Sanctions lists give names in Latin letters, often with a few aliases in
// the original script; payments carry names in whatever script the payer
// used. Matching across scripts needs two steps, and this package provides
// both: Variants turns a name into the Latin spellings a listed name is
// likely to have (several, because Владимир is Vladimir, Wladimir and
// Vladimír depending on who romanised it), and Fold (with Skeleton for
// names from scripts written without short vowels) turns each Latin token
// into a key on which those spellings meet. AppendVariants is Variants
// for callers that must not allocate per name: it renders into buffers the
// caller reuses. AppendFoldConfusables undoes look-alike spellings first
// (a Latin name typed with a Cyrillic а, fullwidth or mathematical
// letters), from the Unicode TR39 confusables table; MixedScript says
// whether a name has a word that mixes alphabets.
//
// Scripts handled with their own tables: Latin, Cyrillic (Russian,
// Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian), Greek, Arabic,
// Persian, Urdu, Hebrew, Georgian, Armenian, Hangul, Japanese kana, Chinese
// Han (pinyin), and the Brahmic scripts of India (Devanagari, Bengali,
// Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam). Han
// characters in a name that also has kana are read as Japanese (common
// family names from a table, other kanji by their Chinese readings, for
// want of a dictionary); a Japanese name written in kanji only cannot be
// told from a Chinese one and is read in pinyin. Other
// scripts go through a generic transliteration table
// (github.com/mozillazg/go-unidecode), patched where it is wrong for names.
package translit

import (
	"unicode"
)

// MaxInput is the number of bytes of a name Variants looks at. Longer input
// is cut at a rune boundary: no name is that long, and the cap bounds the
// work an attacker-supplied string can cause.
const MaxInput = 1024

// DefaultMax is a reasonable max for Variants: enough for the usual
// romanisation schemes of a name, small enough to index.
const DefaultMax = 8

// MaxVariants caps max in Variants: more renderings than this would only
// add noise to an index (and a huge max must not size an allocation).
const MaxVariants = 64

// Variants returns up to max plausible lower-case ASCII Latin renderings of
// s, most likely first. Latin input yields its accent-folded form. Never
// returns an empty slice for input that has letters (letters that no table
// and no generic transliteration knows come back lower-cased as they are).
//
// Words stay separated by single spaces; punctuation and hyphens become
// word breaks. Input beyond MaxInput bytes is ignored, invalid UTF-8 is
// treated as a word break, max below 1 counts as 1 and above MaxVariants
// as MaxVariants. It is AppendVariants with the renderings as strings.
func Variants(s string, max int) []string {
	var buf [256]byte
	var endBuf [DefaultMax]int
	dst, ends := AppendVariants(buf[:0], endBuf[:0], s, max)
	if len(ends) == 0 {
		return nil
	}
	all := string(dst) // one allocation for the text of all renderings
	out := make([]string, len(ends))
	start := 0
	for i, e := range ends {
		out[i] = all[start:e]
		start = e
	}
	return out
}

// word is one word of the input in one script.
type word struct {
	runes  []rune
	script string // ISO 15924
}

func max2(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '`', '´', '׳', '״':
		return true
	}
	return false
}

// compatible says whether a word may mix scripts a and b. None may: a
// Japanese word mixing kanji and kana (田中さくら) is cut in two, so that
// each part goes to its own renderer (Variants reads the kanji as
// Japanese when kana is present).
func compatible(a, b string) bool {
	return false
}

// scripts is the detection table: ISO 15924 code and Unicode range table.
var scripts = []struct {
	code string
	tab  *unicode.RangeTable
}{
	{"Latn", unicode.Latin},
	{"Cyrl", unicode.Cyrillic},
	{"Arab", unicode.Arabic},
	{"Grek", unicode.Greek},
	{"Hebr", unicode.Hebrew},
	{"Hani", unicode.Han},
	{"Hang", unicode.Hangul},
	{"Jpan", unicode.Hiragana},
	{"Jpan", unicode.Katakana},
	{"Geor", unicode.Georgian},
	{"Armn", unicode.Armenian},
	{"Deva", unicode.Devanagari},
	{"Beng", unicode.Bengali},
	{"Thai", unicode.Thai},
	{"Khmr", unicode.Khmer},
	{"Mymr", unicode.Myanmar},
	{"Knda", unicode.Kannada},
	{"Taml", unicode.Tamil},
	{"Telu", unicode.Telugu},
	{"Mlym", unicode.Malayalam},
	{"Gujr", unicode.Gujarati},
	{"Guru", unicode.Gurmukhi},
	{"Orya", unicode.Oriya},
	{"Sinh", unicode.Sinhala},
	{"Ethi", unicode.Ethiopic},
	{"Thaa", unicode.Thaana},
	{"Syrc", unicode.Syriac},
	{"Tibt", unicode.Tibetan},
	{"Mong", unicode.Mongolian},
	{"Laoo", unicode.Lao},
}

// runeScript returns the ISO 15924 code of a letter's script, "" for marks,
// digits and anything not a letter, "Zzzz" for letters of other scripts.
// The prolonged sound mark ー counts as Japanese.
func runeScript(r rune) string {
	if r < 0x80 {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return "Latn"
		}
		return ""
	}
	if r == 0x30FC || r == 0xFF70 {
		return "Jpan"
	}
	if r == 0x0640 { // tatweel: a spacing filler, not a letter
		return ""
	}
	if !unicode.IsLetter(r) {
		return ""
	}
	for _, s := range scripts {
		if unicode.Is(s.tab, r) {
			return s.code
		}
	}
	return "Zzzz"
}

// Script returns the ISO 15924 code of the script most letters of s are
// written in ("Latn", "Cyrl", "Arab", "Hani", ... ; "Jpan" for kana),
// "Zyyy" when s has no letters. Callers use it to pick scoring rules, e.g.
// to compare Skeleton keys for names that came from Arabic script.
func Script(s string) string {
	counts := map[string]int{}
	best, bestN := "Zyyy", 0
	n := 0
	for _, r := range s {
		if n++; n > MaxInput {
			break
		}
		sc := runeScript(r)
		if sc == "" {
			continue
		}
		counts[sc]++
		if c := counts[sc]; c > bestN {
			best, bestN = sc, c
		}
	}
	return best
}
