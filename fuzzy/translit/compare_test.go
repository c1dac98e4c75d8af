package translit_test

import (
	"testing"

	"github.com/freezeguard/freezeguard/fuzzy"
)

// TestCompareRomanisations checks what the keys are for: pairs that differ
// only by romanisation score at or above fuzzy.Threshold through
// fuzzy.Compare, which compares translit.Fold keys (and Skeleton keys) of
// the tokens; pairs of different names stay below.
func TestCompareRomanisations(t *testing.T) {
	match := [][2]string{
		{"Park Chung-hee", "박정희"},
		{"Lee Myung-bak", "이명박"},
		{"Ri Yong Ho", "이용호"},
		{"Choe Ryong Hae", "Choi Ryong-hae"},
		{"Ri Pyong Chol", "Lee Pyong Chol"},
		{"Pak Pong Ju", "Park Pong-ju"},
		{"Kim Jong Un", "김정은"},
		{"Ban Ki-moon", "반기문"},
		{"Hezbollah", "Hizballah"},
		{"Hizbullah", "Hezbollah"},
		{"Hassan Nasrallah", "Hasan Nasrollah"},
		{"Salahuddin", "Salaheddine"},
		{"Xi Jinping", "Hsi Jinping"},
		{"Xie Changting", "Hsieh Chang-ting"},
	}
	for _, p := range match {
		if ex := fuzzy.Compare(p[0], p[1], fuzzy.KindUnknown); ex.Score < fuzzy.Threshold {
			t.Errorf("Compare(%q, %q) = %.3f, want >= %.2f (%v)", p[0], p[1], ex.Score, fuzzy.Threshold, ex.Tokens)
		}
	}
	nonmatch := [][2]string{
		{"Jung Min-ho", "Jang Min-ho"},
		{"Xi Jinping", "Shi Jinping"},
		{"Zhou Qiang", "Zhu Qiang"},
		{"Cao Wei", "Kao Wei"},
		{"Zhi Gang", "Ji Gang"},
	}
	for _, p := range nonmatch {
		if ex := fuzzy.Compare(p[0], p[1], fuzzy.KindPerson); ex.Score >= fuzzy.Threshold {
			t.Errorf("Compare(%q, %q) = %.3f, want < %.2f (%v)", p[0], p[1], ex.Score, fuzzy.Threshold, ex.Tokens)
		}
	}
}
