package fuzzy

import "github.com/freezeguard/freezeguard/fuzzy/translit"

// A token's match keys: its fold key (translit.Fold, which writes the
// spellings of one name alike) and its sound key (appendSound, its
// consonant skeleton devoiced). The parser stores both on each token; the
// index, search and scorer compute them for tokens of their own. They are
// a property of one token's spelling, not a step of reading a name, so
// they are kept apart from the parser.

// foldOf and skelOf return the translit keys of a token as new strings.
func foldOf(t string) string {
	var b [maxTokenBytes * 2]byte
	return string(translit.AppendFold(b[:0], t))
}

func skelOf(t string) string {
	var b [maxTokenBytes * 2]byte
	return string(appendSound(b[:0], t))
}

// appendSound appends the sound key of a token: its consonant skeleton
// (translit.Skeleton: the fold key without vowels) with voiced consonants
// made voiceless (b→p, d→t, g→k, v→f, z→s) and repeats merged, as
// Metaphone does. "poetin" and "putin" sound alike (ptn); so do "budin" and
// "putin". It does not allocate when dst has room.
func appendSound(dst []byte, t string) []byte {
	start := len(dst)
	dst = translit.AppendSkeleton(dst, t)
	w := start
	var last byte
	for i := start; i < len(dst); i++ {
		c := dst[i]
		switch c {
		case 'b':
			c = 'p'
		case 'd':
			c = 't'
		case 'g', 'q':
			c = 'k'
		case 'v', 'w':
			c = 'f'
		case 'z':
			c = 's'
		}
		if c == last {
			continue
		}
		dst[w] = c
		w++
		last = c
	}
	return dst[:w]
}

func appendFold(dst []byte, t string) []byte { return translit.AppendFold(dst, t) }

func appendSkel(dst []byte, t string) []byte { return appendSound(dst, t) }
