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
// into a key on which those spellings meet.
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
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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
// as MaxVariants.
func Variants(s string, max int) []string {
	if max < 1 {
		max = 1
	}
	if max > MaxVariants {
		max = MaxVariants
	}
	words := splitWords(s)
	if len(words) == 0 {
		return nil
	}
	var slots [][]string
	var alt [][]string // a second word order, when the script calls for one
	altHalf := false
	japanese := false // kana anywhere: Han words are Japanese kanji
	for _, w := range words {
		japanese = japanese || w.script == "Jpan"
	}
	for i := 0; i < len(words); {
		j := i + 1
		for j < len(words) && words[j].script == words[i].script {
			j++
		}
		var res rendering
		if japanese && words[i].script == "Hani" {
			res = rendering{words: kanji(words[i:j])}
		} else {
			res = render(words[i].script, words[i:j])
		}
		slots = append(slots, res.words...)
		if res.swapped != nil {
			altHalf = altHalf || res.swappedHalf
			alt = append(alt[:0:0], slots[:len(slots)-len(res.words)]...)
			alt = append(alt, res.swapped...)
		} else if alt != nil {
			alt = append(alt, res.words...)
		}
		i = j
	}
	out := combine(slots, max)
	if alt != nil && max > 1 {
		// Both name orders. Package fuzzy aligns tokens whatever their
		// order, so another spelling is usually worth more than the other
		// order: the other order gets a quarter of the slots (half where
		// the renderer asks), and whatever the first order leaves free.
		other := combine(alt, max)
		keep := max - max/4
		if altHalf {
			keep = (max + 1) / 2
		}
		if keep < len(out) {
			out = out[:keep]
		}
		out = mergeUnique(out, other, max)
	}
	if len(out) == 0 {
		// Letters no table knows: the generic transliteration, or as a
		// last resort the words themselves, lower-cased (not ASCII).
		var b strings.Builder
		for _, w := range words {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(string(w.runes))
		}
		if u := unidecodeLower(b.String()); u != "" {
			return []string{u}
		}
		return []string{strings.ToLower(b.String())}
	}
	return out
}

// mergeUnique interleaves b after a, skipping duplicates, up to max.
func mergeUnique(a, b []string, max int) []string {
	seen := make(map[string]bool, len(a)+len(b))
	out := make([]string, 0, max)
	for _, s := range a {
		if !seen[s] && len(out) < max {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, s := range b {
		if !seen[s] && len(out) < max {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// word is one word of the input in one script.
type word struct {
	runes  []rune
	script string // ISO 15924
}

// rendering is what a script's renderer makes of a run of words.
type rendering struct {
	words   [][]string // per output word, variants most likely first
	swapped [][]string // the same words in the other plausible order, or nil
	// swappedHalf gives the other order half the slots rather than a
	// quarter: for Chinese names, whose second spelling (Wade-Giles) costs
	// more false matches among short syllables than it finds.
	swappedHalf bool
}

func render(script string, ws []word) rendering {
	switch script {
	case "Latn":
		out := make([][]string, 0, len(ws))
		for _, w := range ws {
			out = append(out, latinWord(w.runes))
		}
		return rendering{words: out}
	case "Cyrl":
		return rendering{words: cyrillic(ws)}
	case "Grek":
		return rendering{words: greek(ws)}
	case "Arab":
		return rendering{words: arabic(ws)}
	case "Hebr":
		return rendering{words: hebrew(ws)}
	case "Geor":
		return rendering{words: georgian(ws)}
	case "Armn":
		return rendering{words: armenian(ws)}
	case "Hang":
		return hangul(ws)
	case "Jpan":
		return rendering{words: kana(ws)}
	case "Hani":
		return han(ws)
	case "Deva", "Beng", "Guru", "Gujr", "Orya", "Taml", "Telu", "Knda", "Mlym":
		return rendering{words: brahmic(ws)}
	}
	return rendering{words: fallback(ws)}
}

// combine joins per-word variants into at most max names without taking
// the full product: first every word's best, then whole-name schemes
// (every word's k-th variant, so a German romanisation stays German), then
// one word at a time varied from the best.
func combine(slots [][]string, max int) []string {
	var live [][]string
	for _, s := range slots {
		if len(s) > 0 && s[0] != "" {
			live = append(live, s)
		}
	}
	if len(live) == 0 {
		return nil
	}
	maxLen := 0
	for _, s := range live {
		maxLen = max2(maxLen, len(s))
	}
	seen := make(map[string]bool, max)
	out := make([]string, 0, max)
	idx := make([]int, len(live))
	var b strings.Builder
	add := func() {
		b.Reset()
		for i, s := range live {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[idx[i]])
		}
		v := b.String()
		if strings.Contains(v, "  ") || strings.HasPrefix(v, " ") || strings.HasSuffix(v, " ") {
			v = strings.Join(strings.Fields(v), " ")
		}
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	add()
	for r := 1; r < maxLen && len(out) < max; r++ {
		for i, s := range live {
			idx[i] = min(r, len(s)-1)
		}
		add()
		for i := range live {
			if len(out) >= max {
				break
			}
			if r >= len(live[i]) {
				continue
			}
			clear(idx)
			idx[i] = r
			add()
		}
	}
	if len(out) > max {
		out = out[:max]
	}
	return out
}

func max2(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// splitWords cleans s (length cap, invalid UTF-8, NFKC) and cuts it into
// words of one script each.
func splitWords(s string) []word {
	if len(s) > MaxInput {
		cut := MaxInput
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	s = strings.ToValidUTF8(s, " ")
	s = norm.NFKC.String(s) // compatibility forms too: µ→μ, ﬁ→fi, full-width, ﾌﾟ
	var out []word
	var cur []rune
	flush := func() {
		if len(cur) == 0 {
			return
		}
		out = append(out, splitScripts(cur)...)
		cur = nil
	}
	for _, r := range s {
		switch {
		case (r == '׳' || r == '״') && len(cur) > 0 && unicode.Is(unicode.Hebrew, cur[len(cur)-1]):
			cur = append(cur, r) // geresh: ג׳ is j
		case r == 0x200C || r == 0x200D:
			if len(cur) > 0 {
				cur = append(cur, r) // ZWNJ/ZWJ: Persian ه‌ is a vowel; renderers drop them
			}
		case isApostrophe(r), r == 0x0640, r == 0xFEFF, r == 0x00AD:
			// apostrophes, tatweel, BOM, soft hyphen: inside a word.
			continue
		case unicode.IsLetter(r), unicode.IsMark(r), unicode.IsDigit(r):
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '`', '´', '׳', '״':
		return true
	}
	return false
}

// splitScripts cuts a word where its script changes (marks stay with the
// letter they follow) and labels each piece.
func splitScripts(w []rune) []word {
	var out []word
	start := 0
	cur := ""
	for i, r := range w {
		sc := runeScript(r)
		if sc == "" { // marks, digits: stay with what precedes
			continue
		}
		if cur == "" {
			cur = sc
			continue
		}
		if sc != cur && !(compatible(cur, sc)) {
			out = append(out, word{runes: w[start:i], script: cur})
			start, cur = i, sc
		}
	}
	if cur == "" {
		cur = "Zyyy"
	}
	out = append(out, word{runes: w[start:], script: cur})
	return out
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
