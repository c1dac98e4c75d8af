// Package translit renders names written in any script as a small, bounded
// set of plausible Latin spellings, and folds Latin spellings so that
// romanisation variants of one name meet.
package translit

// CONTRACT: package fuzzy calls these.

// Variants returns up to max plausible lower-case ASCII Latin renderings of
// s, most likely first. Latin input yields its accent-folded form. Never
// returns an empty slice for input that has letters.
func Variants(s string, max int) []string {
	return []string{s}
}

// Fold returns a spelling key for one lower-case Latin token so that
// romanisation variants meet: kh/h, ph/f, ou/u, j/dj/zh, doubled letters,
// and so on ("mohammed" and "muhammad" fold alike).
func Fold(token string) string {
	return token
}
