package translit

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-unidecode"
	"golang.org/x/text/unicode/norm"
)

// fallback renders words of scripts without their own table through
// go-unidecode after NFKD.
func fallback(ws []word) [][]string {
	out := make([][]string, 0, len(ws))
	for _, w := range ws {
		out = append(out, []string{unidecodeLower(string(w.runes))})
	}
	return out
}

// unidecodeLower transliterates s with go-unidecode and keeps lower-case
// ASCII letters and digits only.
func unidecodeLower(s string) string {
	d := unidecode.Unidecode(norm.NFKD.String(s))
	var b strings.Builder
	for _, r := range d {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' && b.Len() > 0:
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}
