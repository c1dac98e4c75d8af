package fuzzy

import "github.com/freezeguard/freezeguard/fuzzy/translit"

// MixedScript reports whether a word of name mixes letters of the Latin,
// Cyrillic, Greek and Armenian alphabets (Vlаdimir with a Cyrillic а), or
// compatibility letters (fullwidth, mathematical) with ordinary ones. No
// real name is written so: such a name was typed to look like one name
// while reading as another, which is a fact a reviewer should see. Names
// are matched with those letters folded whatever this says (see
// translit.AppendFoldConfusables).
func MixedScript(name string) bool { return translit.MixedScript(name) }
