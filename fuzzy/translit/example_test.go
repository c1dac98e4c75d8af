package translit_test

import (
	"fmt"

	"github.com/freezeguard/freezeguard/fuzzy/translit"
)

func ExampleVariants() {
	for _, v := range translit.Variants("Владимир Путин", 4) {
		fmt.Println(v)
	}
	// Output:
	// vladimir putin
	// wladimir poutin
	// wladimir putin
	// vladimir poutin
}

func ExampleVariants_arabic() {
	// Common names come from a table; the article is kept as a word.
	fmt.Println(translit.Variants("صدام حسين التكريتي", 1)[0])
	// Output:
	// saddam hussein al takriti
}

func ExampleVariants_chinese() {
	// Surname first, then given name first; pinyin and Wade-Giles.
	for _, v := range translit.Variants("习近平", 8) {
		fmt.Println(v)
	}
	// Output:
	// xi jinping
	// hsi chin ping
	// hsi jinping
	// xi chin ping
	// jinping xi
	// chin ping hsi
	// chin ping xi
	// jinping hsi
}

func ExampleVariants_korean() {
	// The DPRK's spelling, then the usual South Korean one; Fold lets the
	// surname spellings meet (Park, Pak, Bak).
	for _, v := range translit.Variants("박정희", 2) {
		fmt.Println(v)
	}
	fmt.Println(translit.Fold("Park") == translit.Fold("Pak"), translit.Fold("Chung") == translit.Fold("Jeong"))
	// Output:
	// park jong hui
	// pak jung hee
	// true true
}

func ExampleFold() {
	for _, s := range []string{"Mohammed", "Muhammad", "Wladimirowitsch", "Vladimirovich", "Poutine", "Putin"} {
		fmt.Println(s, translit.Fold(s))
	}
	// Output:
	// Mohammed muhamad
	// Muhammad muhamad
	// Wladimirowitsch vladimirovic
	// Vladimirovich vladimirovic
	// Poutine putin
	// Putin putin
}

func ExampleSkeleton() {
	fmt.Println(translit.Skeleton("Hikmat"), translit.Skeleton("Hakamat"))
	// Output:
	// hkmt hkmt
}

func ExampleScript() {
	fmt.Println(translit.Script("Владимир Путин"), translit.Script("习近平"), translit.Script("Putin"))
	// Output:
	// Cyrl Hani Latn
}

func ExampleAppendVariants() {
	// A screening loop keeps its buffers from one name to the next: once
	// they have grown, a name allocates nothing.
	var buf []byte
	var ends []int
	for _, name := range []string{"Владимир Путин", "김정은"} {
		buf, ends = translit.AppendVariants(buf[:0], ends[:0], name, 2)
		start := 0
		for _, e := range ends {
			fmt.Println(string(buf[start:e]))
			start = e
		}
	}
	// Output:
	// vladimir putin
	// wladimir poutin
	// kim jong un
	// gim jung eun
}
