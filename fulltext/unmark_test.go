package fulltext

import (
	"reflect"
	"testing"
)

func TestUnmark(t *testing.T) {
	for _, c := range []struct {
		in, text string
		marks    []Span
	}{
		{"plain", "plain", nil},
		{"<mark>Ив</mark>ан &amp; <mark>PUTIN</mark>", "Иван & PUTIN", []Span{{0, 4}, {11, 16}}},
		{"a &lt;script&gt; <mark>b</mark>", "a <script> b", []Span{{11, 12}}},
		{"<mark>cut", "cut", []Span{{0, 3}}},
	} {
		text, marks := Unmark(c.in)
		if text != c.text || !reflect.DeepEqual(marks, c.marks) {
			t.Errorf("Unmark(%q) = %q %v, want %q %v", c.in, text, marks, c.text, c.marks)
		}
	}
}
