package translit

// The Brahmic scripts of India share one Unicode layout (after ISCII): a
// letter's offset from its block's start means the same sound in
// Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada
// and Malayalam. Consonants carry an inherent a unless a vowel sign or the
// virama follows; go-unidecode ignores that and writes नरेंद्र as nrendr.
// Here the inherent vowel is written, then deleted where Hindi-like
// languages do not pronounce it (schwa deletion: at the end of a word and
// in VCaCV, right to left: kamala → kamla, sarabajita → sarabjit).

// brahmicBlocks maps a block's first code point to whether its languages
// delete the schwa (Dravidian languages keep it: Rajapaksa).
var brahmicBlocks = []struct {
	base        rune
	schwaDelete bool
}{
	{0x0900, true},  // Devanagari
	{0x0980, true},  // Bengali
	{0x0A00, true},  // Gurmukhi
	{0x0A80, true},  // Gujarati
	{0x0B00, true},  // Oriya
	{0x0B80, false}, // Tamil
	{0x0C00, false}, // Telugu
	{0x0C80, false}, // Kannada
	{0x0D00, false}, // Malayalam
}

// brahmicCons are the consonants by offset 0x15..0x39.
var brahmicCons = [...]string{
	"k", "kh", "g", "gh", "ng", "ch", "chh", "j", "jh", "ny",
	"t", "th", "d", "dh", "n", "t", "th", "d", "dh", "n",
	"n", "p", "ph", "b", "bh", "m", "y", "r", "r", "l",
	"l", "zh", "v", "sh", "sh", "s", "h",
}

// brahmicVowels are independent vowels (offset 0x05..0x14) and vowel signs
// (offset 0x3E..0x4C, from aa) with long vowels written short.
var (
	brahmicVowels = [...]string{"a", "a", "i", "i", "u", "u", "ri", "li", "e", "e", "e", "ai", "o", "o", "o", "au"}
	brahmicSigns  = [...]string{"a", "i", "i", "u", "u", "ri", "ri", "e", "e", "e", "ai", "o", "o", "o", "au"}
)

// nukta forms: the consonant with a dot below spells a Persian or
// Arabic sound (क़ q, ज़ z, फ़ f).
var brahmicNukta = map[string]string{"k": "q", "kh": "kh", "g": "gh", "j": "z", "d": "r", "dh": "rh", "ph": "f", "y": "y"}

// brahmicBlock returns the block base and schwa rule of r, or ok false.
func brahmicBlock(r rune) (base rune, schwaDelete, ok bool) {
	for _, b := range brahmicBlocks {
		if r >= b.base && r < b.base+0x80 {
			return b.base, b.schwaDelete, true
		}
	}
	return 0, false, false
}

// brahmicSyl is one consonant (or vowel) with the vowel it carries.
type brahmicSyl struct {
	cons     string
	vowel    string
	inherent bool // vowel is the inherent a
	dead     bool // no vowel
	conj     bool // virama: joined to the next consonant
}

// brahmicSyllables splits a word into syllables, in st.syls.
func (st *state) brahmicSyllables(w []rune) (syls []brahmicSyl, schwaDelete bool) {
	syls = st.syls[:0]
	defer func() { st.syls = syls }()
	schwaDelete = true
	for _, r := range w {
		base, sd, ok := brahmicBlock(r)
		if !ok {
			if s, ok := latinPlain(r); ok {
				syls = append(syls, brahmicSyl{cons: s, dead: true})
			} else if s := unidecodeLower(string(r)); s != "" {
				syls = append(syls, brahmicSyl{cons: s, dead: true})
			}
			continue
		}
		schwaDelete = sd
		off := r - base
		last := len(syls) - 1
		switch {
		case off >= 0x15 && off <= 0x39:
			syls = append(syls, brahmicSyl{cons: brahmicCons[off-0x15], vowel: "a", inherent: true})
		case off >= 0x05 && off <= 0x14:
			syls = append(syls, brahmicSyl{vowel: brahmicVowels[off-0x05]})
		case off >= 0x3E && off <= 0x4C && last >= 0:
			syls[last].vowel, syls[last].inherent = brahmicSigns[off-0x3E], false
		case off == 0x4D && last >= 0: // virama
			syls[last].vowel, syls[last].inherent, syls[last].dead, syls[last].conj = "", false, true, true
		case off == 0x3C && last >= 0: // nukta
			if n, ok := brahmicNukta[syls[last].cons]; ok {
				syls[last].cons = n
			}
		case off == 0x01 || off == 0x02 || off == 0x70: // candrabindu, anusvara, Gurmukhi tippi
			syls = append(syls, brahmicSyl{cons: "n", dead: true})
		case off == 0x03: // visarga
			syls = append(syls, brahmicSyl{cons: "h", dead: true})
		case off == 0x71 && last >= 0: // Gurmukhi addak: doubles what follows; drop
		case off >= 0x58 && off <= 0x5F: // precomposed nukta letters (NFKC splits most)
			syls = append(syls, brahmicSyl{cons: [...]string{"q", "kh", "gh", "z", "r", "rh", "f", "y"}[off-0x58], vowel: "a", inherent: true})
		case off >= 0x66 && off <= 0x6F: // digits
			d := off - 0x66
			syls = append(syls, brahmicSyl{cons: "0123456789"[d : d+1], dead: true})
		}
	}
	return syls, schwaDelete
}

// deleteSchwa applies Hindi-like schwa deletion: the final inherent a
// after a single consonant, and inherent a in VC_CV, right to left.
// The result is in st.syls2.
func (st *state) deleteSchwa(syls []brahmicSyl, medial bool) []brahmicSyl {
	out := append(st.syls2[:0], syls...)
	st.syls2 = out
	n := len(out)
	hasVowel := func(i int) bool { return i >= 0 && i < n && out[i].vowel != "" }
	if n >= 2 && out[n-1].inherent && out[n-1].cons != "" && !out[n-2].conj {
		out[n-1].vowel, out[n-1].inherent = "", false
	}
	if !medial {
		return out
	}
	for i := n - 2; i >= 1; i-- {
		if out[i].inherent && out[i].cons != "" && hasVowel(i-1) && out[i-1].cons != "" && hasVowel(i+1) && out[i+1].cons != "" {
			out[i].vowel, out[i].inherent = "", false
		}
	}
	return out
}

// appendBrahmic appends the syllables to b.
func appendBrahmic(b []byte, syls []brahmicSyl) []byte {
	for _, s := range syls {
		b = append(append(b, s.cons...), s.vowel...)
	}
	return b
}

// brahmic renders words in a Brahmic script into the arena: schwa deleted
// (Hindi), kept (Sanskritised and Dravidian spellings), final only, and the
// foreign-name reading of bh/ph before a consonant (भ्लादिमिर → vladimir).
func (st *state) brahmic(ws []word) {
	for _, w := range ws {
		syls, sd := st.brahmicSyllables(w.runes)
		// The variants go to a first span, then to the word's own with
		// the foreign reading of the first one second.
		t0 := st.beginWord()
		if sd {
			st.ab = appendBrahmic(st.ab, st.deleteSchwa(syls, true))
			st.endVariant(t0, true)
			st.ab = appendBrahmic(st.ab, st.deleteSchwa(syls, false))
			st.endVariant(t0, true)
		}
		st.ab = appendBrahmic(st.ab, syls)
		st.endVariant(t0, true)
		if len(w.runes) > 0 && w.runes[0] >= 0x0B80 && w.runes[0] < 0x0C00 {
			// Tamil writes voiced sounds with voiceless letters: between
			// vowels k, t, p, ch are g, d, b, s (மகிந்த Mahinda).
			st.ab = appendTamilVoice(st.ab, syls)
			st.endVariant(t0, true)
		}
		t1 := len(st.aend)
		if t1 == t0 {
			// Only letters no table reads (ॷ): nothing to vary.
			lo := st.beginWord()
			st.addString(unidecodeLower(string(w.runes)))
			st.slots = append(st.slots, span{lo, len(st.aend)})
			continue
		}
		lo := st.beginWord()
		st.ab = append(st.ab, st.variant(t0)...)
		st.endVariant(lo, false)
		n := len(st.ab)
		st.ab = appendForeignClusters(st.ab, st.variant(t0))
		if string(st.ab[n:]) == string(st.variant(t0)) {
			st.ab = st.ab[:n]
		} else {
			st.endVariant(lo, false)
		}
		for i := t0 + 1; i < t1; i++ {
			st.ab = append(st.ab, st.variant(i)...)
			st.endVariant(lo, false)
		}
		st.slots = append(st.slots, span{lo, len(st.aend)})
	}
}

// appendTamilVoice appends Tamil syllables with intervocalic and post-nasal
// voicing, and ச as s.
func appendTamilVoice(b []byte, syls []brahmicSyl) []byte {
	for i, s := range syls {
		c := s.cons
		prev := ""
		if i > 0 {
			prev = syls[i-1].vowel
			if syls[i-1].dead && (syls[i-1].cons == "n" || syls[i-1].cons == "ng" || syls[i-1].cons == "m") {
				prev = "n"
			}
		}
		if i > 0 && prev != "" && s.vowel != "" {
			switch c {
			case "k":
				c = "g"
				if prev != "n" {
					c = "h"
				}
			case "t", "th":
				c = "d"
			case "p":
				c = "b"
			case "ch":
				c = "s"
			}
		} else if c == "ch" {
			c = "s"
		}
		b = append(append(b, c...), s.vowel...)
	}
	return b
}
