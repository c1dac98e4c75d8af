package fulltext

import (
	"html"
	"strings"
)

// Span is a marked part of a fragment's text, as byte offsets [Start, End).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Unmark turns a highlighted fragment (HTML-escaped text with
// <mark>...</mark> around the matched words, as Hit.Fragments holds) into
// plain text and the spans that were marked, for consumers that are not a
// web page: JSON output must not make its reader parse HTML.
func Unmark(fragment string) (text string, marks []Span) {
	var b strings.Builder
	rest := fragment
	for {
		i := strings.Index(rest, "<mark>")
		if i < 0 {
			b.WriteString(html.UnescapeString(rest))
			return b.String(), marks
		}
		b.WriteString(html.UnescapeString(rest[:i]))
		rest = rest[i+len("<mark>"):]
		j := strings.Index(rest, "</mark>")
		if j < 0 {
			j = len(rest)
		}
		start := b.Len()
		b.WriteString(html.UnescapeString(rest[:j]))
		marks = append(marks, Span{start, b.Len()})
		rest = strings.TrimPrefix(rest[j:], "</mark>")
	}
}
