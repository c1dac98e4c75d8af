package translit

import (
	"sort"
	"strings"
	"testing"

	"github.com/mozillazg/go-pinyin"
)

// pinyinSyllables returns every toneless pinyin syllable go-pinyin gives
// for the CJK Unified Ideographs block (about 400).
func pinyinSyllables() []string {
	a := pinyin.NewArgs()
	a.Heteronym = true
	seen := map[string]bool{}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		for _, ps := range pinyin.Pinyin(string(r), a) {
			for _, p := range ps {
				if p != "" && !strings.ContainsAny(p, "üv") {
					seen[p] = true
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// TestFoldPinyin checks that Fold does not merge distinct pinyin
// syllables: there are only about 400, Chinese names are made of one to
// three of them, so each merge makes many unrelated names meet.
func TestFoldPinyin(t *testing.T) {
	syl := pinyinSyllables()
	if len(syl) < 380 {
		t.Fatalf("only %d pinyin syllables", len(syl))
	}
	groups := map[string][]string{}
	for _, s := range syl {
		groups[Fold(s)] = append(groups[Fold(s)], s)
	}
	var merged []string
	for _, g := range groups {
		if len(g) > 1 {
			merged = append(merged, strings.Join(g, "/"))
		}
	}
	sort.Strings(merged)
	t.Logf("%d pinyin syllables, %d Fold keys; merged: %s", len(syl), len(groups), strings.Join(merged, " "))
	// Merges made on purpose: Korean surname families (강 Kang/Gang, 이
	// Lee/Ri/Yi), and tone-marked or interjection forms go-pinyin lists.
	allowed := map[string]bool{"gang/kang": true, "li/ri/yi": true}
	for _, m := range merged {
		if !allowed[m] && !strings.ContainsFunc(m, func(r rune) bool { return r > 0x7f }) {
			t.Errorf("Fold merges pinyin syllables %s", m)
		}
	}
	// Tokens of two syllables keep them apart too.
	for _, p := range [][2]string{{"zhiqiang", "jiqiang"}, {"xiaoping", "shaoping"}} {
		if Fold(p[0]) == Fold(p[1]) {
			t.Errorf("Fold(%q) = Fold(%q) = %q", p[0], p[1], Fold(p[0]))
		}
	}
	// ... while names that only look like pinyin fold by the general
	// rules: French ou, Italian c.
	for _, p := range [][2]string{{"mousa", "musa"}, {"nouri", "nuri"}, {"luca", "luka"}, {"poutine", "putin"}, {"zhanna", "janna"}, {"xi", "hsi"}, {"xie", "hsieh"}, {"xu", "hsu"}} {
		if Fold(p[0]) != Fold(p[1]) {
			t.Errorf("Fold(%q) = %q, Fold(%q) = %q: want them equal", p[0], Fold(p[0]), p[1], Fold(p[1]))
		}
	}
}
