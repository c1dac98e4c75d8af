package fuzzy

import (
	"strings"

	"github.com/freezeguard/freezeguard/fuzzy/translit"
)

// Abjads (Arabic, Persian, Urdu, Pashto and Hebrew script) write a name's
// consonants and long vowels but not its short vowels, so a query's
// transliteration from one of them guesses its inner vowels: قصي is read
// qasi or qisi, and the list says Qusay; سالم is read salam, the list says
// Salim or Salem. What the script does write fixes the consonants in order
// and whether the name begins and ends with a vowel (alif, waw or ya, or
// ta marbuta at the end). A listed token that agrees with the rendering on
// exactly that is one the Arabic could have been romanised to.

// isAbjad reports whether s has a letter of the Arabic or Hebrew script
// blocks (including the Arabic supplement, extended-A and presentation
// forms): a query written so has its inner vowels guessed. It does not
// allocate.
func isAbjad(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0x0590 && r <= 0x05FF, // Hebrew
			r >= 0x0600 && r <= 0x06FF, // Arabic
			r >= 0x0750 && r <= 0x077F, // Arabic Supplement
			r >= 0x08A0 && r <= 0x08FF, // Arabic Extended-A
			r >= 0xFB1D && r <= 0xFDFF, // Hebrew and Arabic presentation forms A
			r >= 0xFE70 && r <= 0xFEFF: // Arabic presentation forms B
			return true
		}
	}
	return false
}

// minAbjadSkel is the number of consonants an abjad match needs: with
// one (عدي: Uday, Eddie, Odo) the vowels the script leaves out are most of
// the name. Such names come from the renderer's name table instead.
const minAbjadSkel = 2

// appendAbjadKey appends the abjad key of fold key f to dst: '.' for a
// leading vowel, the consonant skeleton (the fold key without vowels,
// repeats, and v next to a vowel but at the start: و between or beside
// vowels is read u, o, w or ou, Jawhar/Juhar, Dawri/Duri,
// Sabawi/Sabaoui), '.' for a trailing vowel; or nothing when f is shorter than three letters or has
// fewer than minAbjadSkel consonants. Consonants are not devoiced (unlike
// the sound key): Arabic tells Ghazi from Qusay. It does not allocate when
// dst has room.
func appendAbjadKey(dst []byte, f string) []byte {
	if len(f) < 3 {
		return dst
	}
	start := len(dst)
	if isVowel(f[0]) {
		dst = append(dst, '.')
	}
	n := 0
	var last byte
	for i := 0; i < len(f); i++ {
		c := f[i]
		if isVowel(c) || c == 'v' && i > 0 && (isVowel(f[i-1]) || i+1 < len(f) && isVowel(f[i+1])) || c == last {
			continue
		}
		dst = append(dst, c)
		last = c
		n++
	}
	if n < minAbjadSkel {
		return dst[:start]
	}
	if isVowel(f[len(f)-1]) {
		dst = append(dst, '.')
	}
	return dst
}

// abjadMatch reports whether query token a, rendered from an abjad, may be
// listed token b spelt with other short vowels: the same abjad key (the
// same consonants in order, at least minAbjadSkel of them, and a vowel at
// the start and at the end exactly when a has one: كرم, karam, is not
// Karimi nor Akram). b must not itself be a guess. The index groups its
// tokens by both abjad keys (Index.byAbjad), so retrieval finds a
// superset.
//
// Long vowels are written, so a listed spelling is rarely shorter than the
// rendering by more than one guessed vowel (طويل, tawil, is not Tal); and
// a rendering that is a spelling from the renderer's name table is no
// guess (translit.IsArabicNameSpelling): against another established name
// it does not match this way, which keeps Mahmoud from Mohammed and
// Husain (حسين) from Hassan, while Salam (سالم read with the wrong
// vowel) still finds Salim.
//
// A listed spelling read the French way (appendAbjadFrenchKey) or with
// the rendering's prosthetic alif left out (prosthetic) matches too, an
// established name included: ALOUCHE, CHERIF and SKANDER are spelt as
// meant, in another convention.
func abjadMatch(a, b *tok) bool {
	if !a.abjad || b.guessed || len(b.fold)+1 < len(a.fold) {
		return false
	}
	if a.known && b.known && translit.IsArabicNameSpelling(a.text) {
		return false
	}
	if sameAbjadKey(a.fold, b.fold) {
		return true
	}
	var ka, kb [maxTokenBytes + 2]byte
	x := appendAbjadTextKey(ka[:0], a.text)
	if len(x) == 0 {
		return false
	}
	y := appendAbjadTextKey(kb[:0], b.text)
	if string(x) == string(y) {
		return true
	}
	if frenchSpelt(x, b.text) || prosthetic(x) && clusterFirst(b.text) && string(x[1:]) == string(y) {
		return true
	}
	if b.known {
		// An established name is spelt as meant: a listed Samir or
		// Nizar is سمير or نزار, not ثامر or نذير read the Persian way.
		return false
	}
	var kp [maxTokenBytes + 2]byte
	p := appendAbjadPersianKey(kp[:0], a.text)
	return len(p) > 0 && string(p) == string(y)
}

// appendAbjadPersianKey appends the abjad text key of a rendering with ث
// and ذ read as Persian, Dari, Pashto and Urdu read them, s and z (the
// renderer writes them th and dh): names of Afghanistan and Pakistan are
// written with Arabic letters only as often as not, وثيق for Wasiq, ثاقب
// for Saqib. Only the abjad key takes it, consonant for consonant; or
// nothing when text has neither th nor dh, or the key has fewer than
// minPersianSkel consonants.
func appendAbjadPersianKey(dst []byte, text string) []byte {
	var b [maxTokenBytes]byte
	p, found := b[:0], false
	for i := 0; i < len(text) && len(p) < maxTokenBytes; i++ {
		c := text[i]
		if (c == 't' || c == 'd') && i+1 < len(text) && text[i+1] == 'h' {
			if c == 't' {
				c = 's'
			} else {
				c = 'z'
			}
			i++
			found = true
		}
		p = append(p, c)
	}
	if !found {
		return dst
	}
	n := len(dst)
	dst = appendAbjadTextKey(dst, str(p))
	if k := dst[n:]; len(k)-strings.Count(str(k), ".") < minPersianSkel {
		return dst[:n]
	}
	return dst
}

// appendAbjadFrenchKey appends the abjad text key of listed spelling
// text read the French way, as the Maghreb and French-speaking Africa
// romanise Arabic: ch is ش, which English writes sh (Rachid, Aicha,
// Alouche, Chaabane), and a final e after a consonant is silent
// (Alouche, Hocine, Boumediene). Only a spelling with a mark of French
// orthography (ch, ou, dj, that final e) is read so; for any other it
// appends nothing.
// The English reading of ch (چ, Chaudhry) and the German one (خ, Chalid)
// stay with appendAbjadTextKey.
func appendAbjadFrenchKey(dst []byte, text string) []byte {
	if !frenchMarked(text) {
		return dst
	}
	var b [maxTokenBytes]byte
	p := b[:0]
	for i := 0; i < len(text) && len(p) < maxTokenBytes; i++ {
		c := text[i]
		switch {
		case c == 'c' && i+1 < len(text) && text[i+1] == 'h':
			p = append(p, 's') // and the h follows
		case c == 'd' && i+1 < len(text) && text[i+1] == 'j':
			// dj is ج, which English writes j (Djamel, Jamal)
		case c == 'o' && i == 0 && len(text) > 2 && text[1] == 'u' && isVowel(text[2]):
			p = append(p, 'w') // ou before a vowel is و, w (Ouazzani, Wazzani)
			i++
		case i == len(text)-1 && silentE(text):
		default:
			p = append(p, c)
		}
	}
	return appendAbjadTextKey(dst, str(p))
}

// prosthetic reports whether abjad key k begins with a vowel before s and
// another consonant: the alif Persian, Pashto and Arabic write before a
// word's initial consonant cluster, which they cannot pronounce
// (استانکزی, Stanekzai; اسکندر, Skander, Iskandar).
func prosthetic(k []byte) bool {
	return len(k) >= 3 && k[0] == '.' && k[1] == 's' && k[2] != 'h' && k[2] != '.'
}

// clusterFirst reports whether spelling t begins with s and another
// consonant (not sh): a cluster the script writes with a prosthetic alif.
func clusterFirst(t string) bool {
	return len(t) >= 3 && t[0] == 's' && !isVowel(t[1]) && t[1] != 'h'
}

// frenchMarked reports whether spelling t has a mark of French
// orthography: ch, ou, dj or a silent final e.
func frenchMarked(t string) bool {
	return strings.Contains(t, "ch") || strings.Contains(t, "ou") || strings.Contains(t, "dj") || silentE(t)
}

// frenchLetters reports whether spelling t writes a consonant the French
// way where the fold key does not already read it as English does: ch for
// ش (the fold reads ch as in Charles) or an initial ou for و, w (Ouazzani).
// dj, ou for u and a silent final e the fold already reads alike.
func frenchLetters(t string) bool {
	return strings.Contains(t, "ch") || len(t) > 2 && t[0] == 'o' && t[1] == 'u' && isVowel(t[2])
}

// englishLetters reports whether spelling t writes a consonant English
// spelling writes where French spelling writes otherwise: sh, an initial
// w.
func englishLetters(t string) bool {
	return strings.Contains(t, "sh") || len(t) > 1 && t[0] == 'w' && isVowel(t[1])
}

// silentE reports whether t ends in a consonant and an e, which French
// spelling does not sound (Hocine, Yacine, Chaabane).
func silentE(t string) bool {
	n := len(t)
	return n >= 4 && t[n-1] == 'e' && !isVowel(t[n-2])
}

// frenchSpelt reports whether listed spelling listed, read the French
// way, has abjad text key key (a rendering's, non-empty).
func frenchSpelt(key []byte, listed string) bool {
	var kf [maxTokenBytes + 2]byte
	f := appendAbjadFrenchKey(kf[:0], listed)
	return len(f) > 0 && string(f) == string(key)
}

// frenchRendering reports whether listed spelling listed, read the
// French way, has the abjad text key of rendering text.
func frenchRendering(text, listed string) bool {
	if !frenchMarked(listed) {
		return false
	}
	var k [maxTokenBytes + 2]byte
	return frenchSpelt(appendAbjadTextKey(k[:0], text), listed)
}

// minPersianSkel is the number of consonants a Persian reading's key
// needs: with two, a second reading of one of them doubles the names a
// vowelless rendering meets by chance (ثائر, Thaer, read sair, is Sarur).
const minPersianSkel = 3

// sameAbjadKey reports whether fold keys a and b have the same abjad key
// (see appendAbjadKey), a non-empty one.
func sameAbjadKey(a, b string) bool {
	var ka, kb [maxTokenBytes + 2]byte
	x := appendAbjadKey(ka[:0], a)
	return len(x) > 0 && string(x) == string(appendAbjadKey(kb[:0], b))
}

// appendAbjadTextKey is appendAbjadKey on a token's spelling rather than
// its fold key (see abjadLetters): the rendering writes ت+ص as ts, the
// list Motassadeq, and the fold key reads ts as one sound (c); the fold
// key in turn joins what the spelling keeps apart (dj and j: Djouadi,
// Jawadi). abjadMatch takes either.
func appendAbjadTextKey(dst []byte, text string) []byte {
	var b [maxTokenBytes]byte
	return appendAbjadKey(dst, str(abjadLetters(b[:0], text)))
}

// abjadEdgesDiffer reports whether query token a, rendered from an abjad,
// and listed token b differ in a vowel the script writes: at the start or
// the end of the word (كرم, karam, is not Karimi). The sound match, which
// otherwise takes karam for Karimi, defers to it.
func abjadEdgesDiffer(a, b *tok) bool {
	if !a.abjad || b.guessed || len(a.fold) == 0 || len(b.fold) == 0 {
		return false
	}
	return isVowel(a.fold[0]) != isVowel(b.fold[0]) ||
		isVowel(a.fold[len(a.fold)-1]) != isVowel(b.fold[len(b.fold)-1])
}

// abjadLetters appends text's letters with the spelling choices that do
// not change a consonant merged: q and g as k (Persian گ is often typed
// ك, which has no g: كل آغا is Gul Agha), w as v, c as s before e, i, y and
// as k otherwise, x as ks, y as i. Digraphs (sh, kh, th, ts) stay two
// letters.
func abjadLetters(dst []byte, text string) []byte {
	for i := 0; i < len(text) && len(dst) < maxTokenBytes; i++ {
		c := text[i]
		switch c {
		case 'q':
			c = 'k'
		case 'g':
			if i+1 >= len(text) || text[i+1] != 'h' { // gh (غ) is no kh (خ)
				c = 'k'
			}
		case 'w':
			c = 'v'
		case 'y':
			c = 'i'
		case 'x':
			dst = append(dst, 'k')
			c = 's'
		case 'c':
			c = 'k'
			if i+1 < len(text) && (text[i+1] == 'e' || text[i+1] == 'i' || text[i+1] == 'y') {
				c = 's'
			}
		}
		if c >= 'a' && c <= 'z' {
			dst = append(dst, c)
		}
	}
	return dst
}
