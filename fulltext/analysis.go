package fulltext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/freezeguard/freezeguard/fuzzy/translit"
)

// Names inside bleve's registry, which is process-global; registering once
// in init is how bleve expects extensions to be added.
const (
	analyzerName   = "freezeguard"
	tokenizerName  = "freezeguard_translit_words"
	charFilterName = "freezeguard_translit" // format 1 only; see oldTranslitFilter
)

func init() {
	if err := registry.RegisterTokenizer(tokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return translitTokenizer{}, nil
	}); err != nil {
		panic(err) // only on a programming error: a duplicate name
	}
	if err := registry.RegisterCharFilter(charFilterName, func(map[string]interface{}, *registry.Cache) (analysis.CharFilter, error) {
		return oldTranslitFilter{}, nil
	}); err != nil {
		panic(err)
	}
}

// translitTokenizer splits text into words and renders each word in Latin
// with fuzzy/translit, so that index and query meet on one spelling
// whatever the script ("Иван", "Ivan"). Every token keeps the byte offsets
// of the word it came from in the original text, so that highlights mark
// the original word: a character filter would transliterate the whole text
// first and leave bleve's offsets pointing into the transliteration (which
// has other byte lengths), marking "<mark>Ив</mark>ан" for "Ivan" or
// cutting a letter in half.
//
// A word is a run of letters, marks and digits, with apostrophes and
// joiners inside it (the characters translit keeps inside a word). Each
// word is rendered on its own, and every Latin word it gives takes its
// offsets ("التكريتي" gives "al" and "takriti", both marking "التكريتي").
// Rendering several words together would give translit some context
// (Arabic compounds such as عبد الله as "abdullah"), but the rendered words
// could then not be traced back to the words they came from: a merge and a
// split in one name keep the count and shift every highlight after them.
// Chinese, Japanese and Korean names, written without spaces, are one word
// and keep their context. Words of ASCII letters and digits, and words
// without letters (numbers), are only lower-cased.
type translitTokenizer struct{}

// span is one word of the input: input[start:end].
type span struct{ start, end int }

func (translitTokenizer) Tokenize(input []byte) analysis.TokenStream {
	words := splitWords(input)
	out := make(analysis.TokenStream, 0, len(words)+len(words)/4)
	emit := func(term string, s span, typ analysis.TokenType) {
		out = append(out, &analysis.Token{
			Term:     []byte(term),
			Start:    s.start,
			End:      s.end,
			Position: len(out) + 1,
			Type:     typ,
		})
	}
	for _, w := range words {
		text := string(input[w.start:w.end])
		if plain(input[w.start:w.end]) {
			// ASCII letters and digits: translit would only lower-case the
			// letters, and it folds repeated digits ("2005" to "205"),
			// which must not happen to a passport or IMO number.
			emit(strings.ToLower(text), w, analysis.AlphaNumeric)
			continue
		}
		if translit.Script(text) == "Zyyy" || len(text) > translit.MaxInput {
			// no letters (digits of another script), or too long to be a
			// word: kept as it is
			emit(strings.ToLower(text), w, analysis.Numeric)
			continue
		}
		for _, l := range render(text) {
			emit(l, w, analysis.AlphaNumeric)
		}
	}
	return out
}

// plain reports whether a word is only ASCII letters and digits.
func plain(w []byte) bool {
	for _, c := range w {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// render returns the words of the likeliest Latin rendering of s, or s
// lower-cased when translit has none.
func render(s string) []string {
	if v := translit.Variants(s, 1); len(v) > 0 {
		if f := strings.Fields(v[0]); len(f) > 0 {
			return f
		}
	}
	return []string{strings.ToLower(s)}
}

// splitWords returns the words of input: maximal runs of letters, marks
// and digits, joined across the characters translit keeps inside a word
// (apostrophes, tatweel, zero-width joiners, soft hyphen, Hebrew geresh),
// which never start or end a word. Invalid UTF-8 breaks words.
func splitWords(input []byte) []span {
	var out []span
	start, end := -1, -1
	for i := 0; i < len(input); {
		r, n := utf8.DecodeRune(input[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			if start >= 0 {
				out = append(out, span{start, end})
				start = -1
			}
		case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
			end = i + n
		case inWord(r):
			// kept only between word characters: end is not moved
		default:
			if start >= 0 {
				out = append(out, span{start, end})
				start = -1
			}
		}
		i += n
	}
	if start >= 0 {
		out = append(out, span{start, end})
	}
	return out
}

// inWord reports the characters translit reads as part of a word.
func inWord(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', 'ʻ', '‘', '`', '´', 'ʹ', '׳', '״', 0x0640, 0x200C, 0x200D, 0x00AD, 0xFEFF:
		return true
	}
	return false
}

// oldTranslitFilter is the character filter of index format 1, which
// transliterated a field's whole text before tokenising (and so shifted
// highlight offsets). It stays registered only so that a format 1 index
// opens far enough for Open to recognise it and ask for a rebuild.
type oldTranslitFilter struct{}

func (oldTranslitFilter) Filter(input []byte) []byte {
	v := translit.Variants(string(input), 1)
	if len(v) == 0 {
		return input
	}
	return []byte(v[0])
}
