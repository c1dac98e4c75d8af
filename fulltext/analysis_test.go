package fulltext

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"github.com/freezeguard/freezeguard/lists/loader"
)

// marks renders the tokens of s as the highlighter would: each token's
// original text, with its term.
func marks(s string) string {
	var b strings.Builder
	for _, t := range (translitTokenizer{}).Tokenize([]byte(s)) {
		b.WriteString(s[t.Start:t.End] + "=" + string(t.Term) + " ")
	}
	return strings.TrimSpace(b.String())
}

func TestTokenizeKeepsOriginalOffsets(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// The reported bug: offsets into the transliteration marked "Ив" and "ак".
		{"Иван Щербаков", "Иван=ivan Щербаков=shcherbakov"},
		{"İslami Büyük Doğu", "İslami=islami Büyük=buyuk Doğu=dogu"},
		{"Μέγα Ισλαµικό Μέτωπο", "Μέγα=mega Ισλαµικό=islamiko Μέτωπο=metopo"},
		// One Arabic word, two Latin ones: both keep the Arabic word's offsets.
		{"صدام حسين التكريتي", "صدام=saddam حسين=hussein التكريتي=al التكريتي=takriti"},
		{"SADDAM HUSSEIN AL-TIKRITI", "SADDAM=saddam HUSSEIN=hussein AL=al TIKRITI=tikriti"},
		// Numbers kept as they are; identifiers split at punctuation.
		{"IQi.001 AD001095", "IQi=iqi 001=001 AD001095=ad001095"},
		// translit folds repeated digits; identifiers must keep them.
		{"IMO 6907993, 2005 ٢٠٠٥", "IMO=imo 6907993=6907993 2005=2005 ٢٠٠٥=٢٠٠٥"},
		{"Müller-Lüdenscheidt Straße 11", "Müller=muller Lüdenscheidt=ludenscheidt Straße=strasse 11=11"},
		{"O'Brien ‘quoted’", "O'Brien=obrien quoted=quoted"},
		// Rendered together, this name gives six Latin words for six
		// Arabic ones ("saifuddin falih hassan taha al rawi": a merge and a
		// split), which would mark فليح for "Hassan". Word by word, every
		// Latin word keeps its own source word.
		{"سيف الدين فليح حسن طه الراوي", "سيف=saif الدين=al الدين=din فليح=falih حسن=hassan طه=taha الراوي=al الراوي=rawi"},
		// Lines are rendered separately.
		{"Иван\nПетров", "Иван=ivan Петров=petrov"},
	} {
		if got := marks(c.in); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// TestTokenizeLongText: every word of a long text is indexed (format 1
// transliterated whole fields, and translit reads only MaxInput bytes).
func TestTokenizeLongText(t *testing.T) {
	s := strings.Repeat("Щербаков ", 500) + "Ivanov"
	toks := (translitTokenizer{}).Tokenize([]byte(s))
	if len(toks) != 501 || string(toks[500].Term) != "ivanov" || string(toks[499].Term) != "shcherbakov" {
		t.Fatalf("%d tokens, last %s", len(toks), toks[len(toks)-1])
	}
}

var nameRE = regexp.MustCompile(`(?:wholeName="|<NAME_ORIGINAL_SCRIPT>|<FIRST_NAME>|<COMMENTS1>)([^"<]+)`)

// FuzzTokenize checks that any input gives well-formed tokens: non-empty
// lower-case terms, offsets inside the input on rune boundaries, in order,
// and positions counting up from 1. Seeded with the names and remarks of
// the real EU and UN files.
func FuzzTokenize(f *testing.F) {
	for _, p := range []string{"../testdata/eu/eu_fsf_excerpt_2018-12-21.xml", "../testdata/un/consolidated_2026-08-01.xml"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for i, m := range nameRE.FindAllSubmatch(b, -1) {
			if i%7 == 0 { // a sample: the UN file has thousands
				f.Add(string(m[1]))
			}
		}
	}
	f.Add("Иван Щербаков\n习近平 김정은 ธนาคาร\xff'x'")
	f.Fuzz(func(t *testing.T, s string) {
		toks := (translitTokenizer{}).Tokenize([]byte(s))
		boundary := map[int]bool{len(s): true} // where the decoder starts a rune
		for i := 0; i < len(s); {
			boundary[i] = true
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
		prevStart := 0
		for i, tk := range toks {
			if tk.Position != i+1 || len(tk.Term) == 0 {
				t.Fatalf("token %d: %s", i, tk)
			}
			if tk.Start < prevStart || tk.Start >= tk.End || tk.End > len(s) || !boundary[tk.Start] || !boundary[tk.End] {
				t.Fatalf("token %d of %q: bad offsets %s", i, s, tk)
			}
			if !utf8.ValidString(s[tk.Start:tk.End]) {
				t.Fatalf("token %d of %q: spans invalid UTF-8 %s", i, s, tk)
			}
			if !bytes.Equal(bytes.ToLower(tk.Term), tk.Term) && utf8.Valid(tk.Term) {
				t.Fatalf("token %d of %q: term not lower-case: %s", i, s, tk)
			}
			prevStart = tk.Start
		}
	})
}

// BenchmarkAnalyze compares the analysis of every text field of the real
// UN list (1,011 entities) by this format's tokenizer and by format 1's
// whole-field transliteration followed by bleve's Unicode tokenizer.
func BenchmarkAnalyze(b *testing.B) {
	snap, err := loader.Load(context.Background(), "../testdata/un/consolidated_2026-08-01.xml")
	if err != nil {
		b.Fatal(err)
	}
	var fields [][]byte
	var size int
	for i := range snap.Entities {
		d := DocOf(&snap.Entities[i])
		for _, f := range []string{d.Name, d.Names, d.IDs, d.Addresses, d.Programs, d.Remarks, d.Countries} {
			fields = append(fields, []byte(f))
			size += len(f)
		}
	}
	b.Run("format2", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, f := range fields {
				(translitTokenizer{}).Tokenize(f)
			}
		}
	})
	b.Run("format1", func(b *testing.B) {
		tk := unicode.NewUnicodeTokenizer()
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, f := range fields {
				tk.Tokenize((oldTranslitFilter{}).Filter(f))
			}
		}
	})
}
