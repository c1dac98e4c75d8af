package translit

import (
	"slices"
	"testing"
)

// Korean names as lists and the press spell them: DPRK listings in the
// McCune-Reischauer style, South Korean names in the usual older forms.
func TestKoreanSpellings(t *testing.T) {
	tests := []struct {
		in   string
		want []string // each must be among Variants(in, 4), up to Fold
	}{
		{"박정희", []string{"park chung hee", "pak jong hui"}},
		{"이명박", []string{"lee myung bak", "ri myong pak"}},
		{"반기문", []string{"ban ki moon"}},
		{"김영삼", []string{"kim young sam"}},
		{"문재인", []string{"moon jae in"}},
		{"김정은", []string{"kim jong un"}},
		{"리용호", []string{"ri yong ho"}},
		{"최룡해", []string{"choe ryong hae"}},
		{"박봉주", []string{"pak pong ju"}},
		{"김상우", []string{"kim sangu"}}, // a one-letter syllable stays with the one before
	}
	for _, tt := range tests {
		got := Variants(tt.in, 4)
		for _, w := range tt.want {
			if !slices.ContainsFunc(got, func(v string) bool { return foldName(v) == foldName(w) }) {
				t.Errorf("Variants(%q, 4) = %q, missing %q", tt.in, got, w)
			}
		}
	}
	// A query gets two renderings: the DPRK form and the South Korean one,
	// not the same words in the other order.
	got := Variants("박정희", 2)
	if want := []string{"park jong hui", "pak jung hee"}; !slices.Equal(got, want) {
		t.Errorf("Variants(박정희, 2) = %q, want %q", got, want)
	}
}

func TestKoreanSurnameFold(t *testing.T) {
	same := [][]string{
		{"lee", "ri", "rhee", "li", "yi"},
		{"kim", "gim"},
		{"park", "pak", "bak"},
		{"choi", "choe"},
		{"jeong", "jung", "chung", "jong"},
		{"kang", "gang"},
		{"kwon", "gwon"},
	}
	for _, g := range same {
		for _, s := range g[1:] {
			if Fold(s) != Fold(g[0]) {
				t.Errorf("Fold(%q) = %q, want %q as Fold(%q)", s, Fold(s), Fold(g[0]), g[0])
			}
		}
	}
	// Distinct surnames stay apart: 이/임, 정/장, 최/조, 강/광, 박/백.
	for _, p := range [][2]string{{"lee", "lim"}, {"jung", "jang"}, {"choi", "cho"}, {"kang", "kwang"}, {"park", "baek"}, {"lee", "yim"}, {"kim", "jin"}} {
		if Fold(p[0]) == Fold(p[1]) {
			t.Errorf("Fold(%q) = Fold(%q) = %q, want distinct", p[0], p[1], Fold(p[0]))
		}
	}
}
