// Package fuzzy finds the listed names a screened name may be, and says why.
//
// It works on strings and integer ids only: it does not know about lists or
// screening. A name goes through normalisation (Unicode, case, marks,
// titles, legal forms), transliteration into a small bounded set of Latin
// renderings, and tokenisation; the Index retrieves candidates and scores
// each pair with a per-token explanation.
package fuzzy
