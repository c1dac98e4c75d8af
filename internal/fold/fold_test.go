package fold

import (
	"strings"
	"testing"
)

func TestLatin(t *testing.T) {
	for r, want := range map[rune]string{
		'é': "e", 'É': "e", 'ß': "ss", 'ẞ': "ss", 'Ł': "l", 'ŋ': "ng", 'Ŋ': "ng",
		'ø': "o", 'þ': "th", 'ǆ': "dz", 'ĳ': "ij", 'ŀ': "l", 'ə': "e", 'Ə': "e",
		'ɨ': "i", 'ṣ': "s", 'ạ': "a", 'ª': "a", '²': "2", 'ſ': "s",
	} {
		if got, ok := Latin(r); got != want || !ok {
			t.Errorf("Latin(%q) = %q, %v; want %q, true", r, got, ok, want)
		}
	}
	for _, r := range []rune{'a', 'Z', '1', '×', '÷', 'ж', 'α', 'ب', '中', 0x1F00, 0x7F} {
		if got, ok := Latin(r); got != "" || ok {
			t.Errorf("Latin(%q) = %q, %v; want \"\", false", r, got, ok)
		}
	}
	if n := testing.AllocsPerRun(100, func() { Latin('ß') }); n != 0 {
		t.Errorf("Latin allocates %v times", n)
	}
}

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"":                         "",
		"Łukasz MÜLLER-Strauß":     "lukasz muller-strauss",
		"Jos\u0065\u0301 Ŋgũgĩ":    "jose nggugi",
		"Владимир Путин":           "владимир путин", // other scripts: lower case only
		"Ｆｕｌｌｗｉｄｔｈ":                "fullwidth",
		"Ῥόδος":                    "ροδος",
		"a\xffb":                   "a\ufffdb",
		"HƏSƏNOV Əli, Qarabağ":     "hesenov eli, qarabag",
		"Nguyễn Tấn Dũng, Đà Nẵng": "nguyen tan dung, da nang",
		"Ærø, Þórshöfn, Øresund":   "aero, thorshofn, oresund",
		"Dž ǅ Ǆ, Ĳssel, ŉ":         "dz dz dz, ijssel, ʼn",
		"İstanbul ı":               "istanbul i",
		"Ⅻ ½":                      "xii 1⁄2",
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestStringLong crosses the chain's internal buffer boundaries with runes
// of every length.
func TestStringLong(t *testing.T) {
	in := strings.Repeat("aßÉж中😀", 3000)
	want := strings.Repeat("asseж中😀", 3000)
	if got := String(in); got != want {
		t.Errorf("String(long) differs (len %d, want %d)", len(got), len(want))
	}
}

func BenchmarkString(b *testing.B) {
	for b.Loop() {
		String("ZAMBADA GARCÍA, Ismael Łukasz")
	}
}
