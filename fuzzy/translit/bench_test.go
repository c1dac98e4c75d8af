package translit

import "testing"

var benchNames = []string{
	"Владимир Владимирович Путин",
	"صدام حسين التكريتي",
	"احسان الله سرفدا حسام الدین آخوندزاده",
	"Βλαντίμιρ Πούτιν",
	"김정은",
	"习近平",
	"ウラジーミル・プーチン",
	"Vladimír Vladimirovič Putin",
}

func BenchmarkVariants(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Variants(benchNames[i%len(benchNames)], DefaultMax)
	}
}

func BenchmarkVariantsLatin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Variants("Vladimir Vladimirovich Putin", DefaultMax)
	}
}

var benchTokens = []string{"mohammed", "vladimirovitch", "schwarzenegger", "abdulrahman", "łukasz", "putin", "al", "hussein"}

func BenchmarkAppendFold(b *testing.B) {
	b.ReportAllocs()
	dst := make([]byte, 0, 256)
	for i := 0; b.Loop(); i++ {
		dst = AppendFold(dst[:0], benchTokens[i%len(benchTokens)])
	}
}

func BenchmarkFold(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Fold(benchTokens[i%len(benchTokens)])
	}
}

func BenchmarkSkeleton(b *testing.B) {
	b.ReportAllocs()
	dst := make([]byte, 0, 256)
	for i := 0; b.Loop(); i++ {
		dst = AppendSkeleton(dst[:0], benchTokens[i%len(benchTokens)])
	}
}

// BenchmarkVariantsLong shows the cost is bounded on hostile input: a
// name far over MaxInput is cut there.
func BenchmarkVariantsLong(b *testing.B) {
	long := ""
	for len(long) < 10*MaxInput {
		long += "عبد الرحمن محمد التكريتي 习近平 Владимир "
	}
	b.ReportAllocs()
	for b.Loop() {
		Variants(long, DefaultMax)
	}
}

// Tokens that take the pinyin test (x, q, zh, c, ou), pinyin or not.
var benchPinyin = []string{"zhou", "xiaoping", "cai", "qiang", "mousa", "luca", "zhukov", "alexander"}

func BenchmarkAppendFoldPinyin(b *testing.B) {
	b.ReportAllocs()
	dst := make([]byte, 0, 256)
	for i := 0; b.Loop(); i++ {
		dst = AppendFold(dst[:0], benchPinyin[i%len(benchPinyin)])
	}
}

// BenchmarkAppendVariants is BenchmarkVariants into reused buffers, as
// package fuzzy calls it: 0 allocs/op once warm.
func BenchmarkAppendVariants(b *testing.B) {
	b.ReportAllocs()
	dst, ends := make([]byte, 0, 1024), make([]int, 0, MaxVariants)
	for i := 0; b.Loop(); i++ {
		dst, ends = AppendVariants(dst[:0], ends[:0], benchNames[i%len(benchNames)], DefaultMax)
	}
}
