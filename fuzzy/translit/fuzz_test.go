package translit

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are real names: the Putin renderings and a few UN names in
// original script.
func fuzzSeeds(f *testing.F) {
	for _, l := range readLines(f, "../../testdata/eval/putin_name_variants.txt") {
		f.Add(l)
	}
	for _, s := range []string{
		"صدام حسين التكريتي", "ﺳﺎﻣﻲ ﺟﺎﺳم ﻣﺣﻣد ﺟﻌﺎطﺔ اﻟﺟﺑوري", "عبدالسلام حنفی علی مردان قل",
		"احسان الله سرفدا حسام الدین آخوندزاده", "أبواليزيد", "Заурбек Салимович Гучаев",
		"김정은", "习近平", "とうきょう", "ג׳ורג׳", "", "\xff", "ـــ", "Ⅻ", "ﷺ",
	} {
		f.Add(s)
	}
}

func FuzzVariants(f *testing.F) {
	fuzzSeeds(f)
	for _, s := range []string{"田中さくら", "山田 はなこ", "박정희", "김상우", "عبد الحبیب عالیزی", "قاري سیف الله توخى"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		vs := Variants(s, DefaultMax)
		if len(vs) > DefaultMax {
			t.Fatalf("Variants(%q): %d variants, max %d", s, len(vs), DefaultMax)
		}
		for _, v := range vs {
			if !utf8.ValidString(v) {
				t.Fatalf("Variants(%q): invalid UTF-8 %q", s, v)
			}
			if strings.ContainsAny(v, "\t\n\r") || strings.Contains(v, "  ") {
				t.Fatalf("Variants(%q): bad spacing %q", s, v)
			}
			for _, tok := range strings.Fields(v) {
				_ = Fold(tok)
				_ = Skeleton(tok)
			}
		}
		// Latin-only results must be ASCII; any letter must give a result.
		hasLetter := false
		for _, r := range s[:min(len(s), MaxInput)] {
			if r > 0x40 && runeScript(r) != "" {
				hasLetter = true
				break
			}
		}
		if hasLetter && utf8.ValidString(s) && len(vs) == 0 {
			t.Fatalf("Variants(%q): no variant for input with letters", s)
		}
	})
}

func FuzzFold(f *testing.F) {
	fuzzSeeds(f)
	for _, s := range []string{"mohammed", "schtsch", "tsch", "dzh", "off", "ye", "aj", "c", "ch", "x", "zhou", "xiaoping", "cuiqiang", "hizbullah", "salaheddine", "yi"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Fold(s)
		if len(k) > MaxFoldToken*2 {
			t.Fatalf("Fold(%q): %d bytes", s, len(k))
		}
		for i := 0; i < len(k); i++ {
			if c := k[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
				t.Fatalf("Fold(%q) = %q: byte %q", s, k, c)
			}
		}
		sk := Skeleton(s)
		if strings.ContainsAny(sk, "aeiou") {
			t.Fatalf("Skeleton(%q) = %q has vowels", s, sk)
		}
		// Appending must give the same key as Fold.
		if got := string(AppendFold([]byte("x"), s)); got != "x"+k {
			t.Fatalf("AppendFold(%q) = %q, want %q", s, got, "x"+k)
		}
	})
}
