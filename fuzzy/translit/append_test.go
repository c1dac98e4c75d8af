package translit

import (
	"slices"
	"testing"
)

// appendNames is the real names AppendVariants is checked on: the UN
// list's original-script names and the renderings of Putin's name.
func appendNames(t testing.TB) []string {
	var names []string
	for _, p := range unPairs(t) {
		names = append(names, p.Original)
	}
	return append(names, readLines(t, "../../testdata/eval/putin_name_variants.txt")...)
}

// splitEnds cuts AppendVariants output back into strings, checking that
// it starts where dst ended and that ends grow.
func splitEnds(t *testing.T, dst []byte, ends []int, from, base int) []string {
	t.Helper()
	var out []string
	start := from
	for _, e := range ends[base:] {
		if e < start || e > len(dst) {
			t.Fatalf("ends %v out of order for dst of %d bytes", ends, len(dst))
		}
		out = append(out, string(dst[start:e]))
		start = e
	}
	if start != len(dst) {
		t.Fatalf("dst has %d bytes after the last end", len(dst)-start)
	}
	return out
}

// TestAppendVariantsAgrees checks that AppendVariants, appending after
// earlier output into reused buffers, renders each real name as Variants
// does.
func TestAppendVariantsAgrees(t *testing.T) {
	names := appendNames(t)
	if len(names) < 100 {
		t.Fatalf("only %d names", len(names))
	}
	dst := []byte("prefix")
	ends := []int{6}
	for _, max := range []int{1, 2, 4, DefaultMax, MaxVariants} {
		for _, s := range names {
			from, base := len(dst), len(ends)
			dst, ends = AppendVariants(dst, ends, s, max)
			got := splitEnds(t, dst, ends, from, base)
			want := Variants(s, max)
			if !slices.Equal(got, want) {
				t.Errorf("%q max %d: AppendVariants %q, Variants %q", s, max, got, want)
			}
			if string(dst[:6]) != "prefix" || ends[0] != 6 {
				t.Fatalf("%q: earlier output overwritten", s)
			}
			if len(dst) > 1<<16 {
				dst, ends = dst[:6], ends[:1]
			}
		}
	}
}

// TestAppendVariantsNoAlloc pins the steady state: once the buffers have
// grown, names in any script allocate nothing.
func TestAppendVariantsNoAlloc(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's sync.Pool drops items at random")
	}
	for _, s := range []string{
		"Владимир Владимирович Путин", "Путин Владимир", "Аляксандр Лукашэнка",
		"Βλαντίμιρ Πούτιν", "Ευρωπαϊκή Τράπεζα",
		"صدام حسين التكريتي", "احسان الله سرفدا حسام الدین آخوندزاده", "عبد الرحمن",
		"فلاديمير بوتين", "أبواليزيد", "ﺳﺎﻣﻲ ﺟﺎﺳم ﻣﺣﻣد ﺟﻌﺎطﺔ اﻟﺟﺑوري",
		"김정은", "박정희", "블라디미르 블라디미로비치 푸틴", "조선 무역 회사",
		"习近平", "弗拉基米尔·普京", "单增", "金正恩",
		"בנימין נתניהו", "ולדימיר פוטין", "Սերժ Սարգսյան", "მიხეილ სააკაშვილი",
		"ウラジーミル・プーチン", "とうきょう", "田中さくら", "ミハイル",
		"व्लादिमीर पुतिन", "நரேந்திர மோடி", "ভ্লাদিমির পুতিন",
		"วลาดีมีร์ ปูติน", "វ៉្លាឌីមៀរ ពូទីន", "ဗလာဒီမီယာ ပူတင်", "ቭላዲሚር ፑቲን",
		"Vladimír Vladimirovič Putin", "Jürgen Müller-Straße", "Путин Vladimir",
	} {
		dst, ends := make([]byte, 0, 1024), make([]int, 0, MaxVariants)
		dst, ends = AppendVariants(dst, ends, s, DefaultMax)
		n := testing.AllocsPerRun(100, func() {
			dst, ends = AppendVariants(dst[:0], ends[:0], s, DefaultMax)
		})
		if n != 0 {
			t.Errorf("%q: %.1f allocations per call, want 0", s, n)
		}
	}
}

// FuzzAppendVariants checks on any input that AppendVariants, appending
// after earlier output, renders as Variants does.
func FuzzAppendVariants(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		dst, ends := []byte("x"), []int{1}
		dst, ends = AppendVariants(dst, ends, s, DefaultMax)
		got := splitEnds(t, dst, ends, 1, 1)
		if want := Variants(s, DefaultMax); !slices.Equal(got, want) {
			t.Fatalf("%q: AppendVariants %q, Variants %q", s, got, want)
		}
	})
}
