package translit

import (
	"unicode/utf8"
)

// MaxFoldToken is the number of bytes of a token that Fold and Skeleton
// look at; the rest is ignored. No real name token comes close, and the cap
// keeps the hot path free of heap allocations.
const MaxFoldToken = 128

// Fold returns a spelling key for one lower-case Latin token so that
// romanisation variants meet: kh/h, ph/f, ou/u, j/dj/zh, doubled letters,
// and so on ("mohammed" and "muhammad" fold alike).
//
// The key is lower-case ASCII. Rules, applied left to right: accents are
// removed (ß→ss, æ→ae, ł→l, č→ch, š→sh, ž→zh...); shch/sch/sh/sz→x (the
// sh sound keeps its own class: x itself becomes ks);
// tsch/tch/tsh/ts/tz/tx/cz/ch→c (affricates meet: ч and ц are not told
// apart); c before e/i/y→s, word-final c→c (Slavic -ić), other c→k;
// dzh/dj/zh→j (not dz: Akhundzada); kh→h; gh→g; dh→d; th→t; bh→b; ph→f; ck/q→k; x→ks;
// w→v; y→i; ou/oo→u; ee→i; final j after a vowel →i (Sergej/Sergei);
// ye at the start or after a vowel →e (Yevgeny/Evgeny, Andreyev/Andreev);
// doubled letters
// single; final -off→-ov; final h after a vowel and final e after a
// consonant are dropped (Poutine/Putin, Fatimah/Fatima) in tokens of four
// letters or more. A short table then maps the keys of very common
// Arabic-origin names to one family key (Muhammad, Mohammed, Mehmet...).
//
// Compounds with Allah and al-Din get one vowel in their second part
// (Hizbullah/Hizballah, Salahuddin/Salaheddine), and the spellings of
// common Korean surnames one key (Lee/Ri/Rhee, Park/Pak/Bak, Choi/Choe).
// A token of one or two pinyin syllables that has x, q, zh, c or ou folds
// by pinyin's own rules instead (see foldPinyin), so that distinct
// syllables such as Zhi and Ji, Cao and Kao, Zhou and Zhu stay apart.
//
// Vowels a, e, i, o, u otherwise stay distinct: merging them would make
// unrelated names collide; compare Skeleton keys where vowels are
// unreliable (Arabic, Persian, Hebrew origin).
func Fold(token string) string {
	var buf [MaxFoldToken + 16]byte
	b := AppendFold(buf[:0], token)
	return string(b)
}

// AppendFold appends Fold(token) to dst and returns the extended slice. It
// does not allocate when dst has room; it is the form to use on a hot path.
func AppendFold(dst []byte, token string) []byte {
	var raw [MaxFoldToken]byte
	n := asciiLower(raw[:], token)
	start := len(dst)
	if isPinyin(raw[:n], pinyinTrigger(raw[:n])) {
		dst = foldPinyin(dst, raw[:n])
	} else {
		dst = foldASCII(dst, raw[:n])
	}
	if key := dst[start:]; familyMaybe(key) {
		if canon, ok := nameFamilies[string(key)]; ok {
			dst = append(dst[:start], canon...)
		}
	}
	return dst
}

// familyBits is a 4096-bit filter over the keys of nameFamilies: most
// tokens are not in a family, and the filter answers that faster than the
// map.
var familyBits [64]uint64

func familyHash(key []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range key {
		h ^= uint32(c)
		h *= 16777619
	}
	return h & 4095
}

func familyMaybe(key []byte) bool {
	h := familyHash(key)
	return familyBits[h>>6]&(1<<(h&63)) != 0
}

// Skeleton returns the consonant skeleton of a Latin token: its Fold key
// without vowels (a, e, i, o, u, and y, w between vowels). Arabic, Persian and Hebrew are written
// without short vowels, so renderings of one name differ mostly in vowels
// ("usama"/"osama", "hussein"/"husayn"): their skeletons meet. Skeletons of
// fewer than two consonants are weak evidence; treat them so.
func Skeleton(token string) string {
	var buf [MaxFoldToken + 16]byte
	b := AppendSkeleton(buf[:0], token)
	return string(b)
}

// AppendSkeleton appends Skeleton(token) to dst and returns the extended
// slice, without allocating when dst has room.
func AppendSkeleton(dst []byte, token string) []byte {
	start := len(dst)
	dst = AppendFold(dst, token)
	w := start
	var last byte
	for i := start; i < len(dst); i++ {
		c := dst[i]
		if isVowel(c) || c == 'v' && i > start && i+1 < len(dst) && isVowel(dst[i-1]) && isVowel(dst[i+1]) {
			continue // vowels, and v (w) between vowels: و is as often u as w (Zarqawi, Zarkaoui)
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

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

// asciiLower writes the lower-case ASCII spelling of s into out and returns
// the number of bytes written. Letters with diacritics lose them; letters
// outside the table and other runes are dropped, digits are kept.
func asciiLower(out []byte, s string) int {
	n := 0
	for i := 0; i < len(s) && n < len(out); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				out[n] = c + 'a' - 'A'
				n++
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				out[n] = c
				n++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		rep := latinFold(r)
		for j := 0; j < len(rep) && n < len(out); j++ {
			out[n] = rep[j]
			n++
		}
	}
	return n
}

// foldASCII appends the key of the lower-case ASCII token b to dst.
func foldASCII(dst []byte, b []byte) []byte {
	n := len(b)
	at := func(j int) byte {
		if j < n {
			return b[j]
		}
		return 0
	}
	has := func(i int, s string) bool {
		if i+len(s) > n {
			return false
		}
		for k := 0; k < len(s); k++ {
			if b[i+k] != s[k] {
				return false
			}
		}
		return true
	}
	start := len(dst)
	// Russian -off is -ov ("Smirnoff").
	if n >= 5 && has(n-3, "off") {
		n--
		b = b[:n]
		b[n-1] = 'v'
	}
	for i := 0; i < n; {
		c := b[i]
		if !isLetter(c) {
			if c >= '0' && c <= '9' {
				dst = append(dst, c)
			}
			i++
			continue
		}
		switch c {
		case 's':
			// The sh sound keeps a class of its own (x in keys, since a
			// literal x becomes ks): Shadi and Sadi, Sharif and Sarif are
			// different names.
			switch d := at(i + 1); {
			case d != 'h' && d != 'c' && d != 'z':
				dst = append(dst, 's')
				i++
			case has(i, "schtsch"):
				dst = append(dst, 'x')
				i += 7
			case has(i, "shch"):
				dst = append(dst, 'x')
				i += 4
			case has(i, "sch"):
				dst = append(dst, 'x')
				i += 3
			case has(i, "sh"), has(i, "sz"):
				dst = append(dst, 'x')
				i += 2
			default:
				dst = append(dst, 's')
				i++
			}
		case 't':
			switch d := at(i + 1); {
			case d != 's' && d != 'c' && d != 'z' && d != 'x' && d != 'h' && d != 'j':
				dst = append(dst, 't')
				i++
			case has(i, "tsch"):
				dst = append(dst, 'c')
				i += 4
			case has(i, "tsj"), has(i, "tch"), has(i, "tsh"):
				dst = append(dst, 'c')
				i += 3
			case has(i, "ts"), has(i, "tz"), has(i, "tx"):
				dst = append(dst, 'c')
				i += 2
			case has(i, "th"):
				dst = append(dst, 't')
				i += 2
			case has(i, "tj") && i+2 == n:
				dst = append(dst, 'c') // Scandinavian -vitj
				i += 2
			default:
				dst = append(dst, 't')
				i++
			}
		case 'c':
			switch d := at(i + 1); {
			case d == 'h' && i+2 < n && isLetter(b[i+2]) && !isVowel(b[i+2]) && b[i+2] != 'h':
				dst = append(dst, 'h') // Chr-, Chl-: German/Greek х, χ
				i += 2
			case d == 'z' || d == 'h' || d == 's' && !isVowel(at(i+2)):
				dst = append(dst, 'c') // cz Polish, cs Hungarian (-ics)
				i += 2
			case d == 'i' && i+2 == n && i > 1 && isVowel(b[i-1]) && b[i-2] == 'v':
				dst = append(dst, 'c') // Romanian -vici (not French -ci: Lounici)
				i += 2
			case d == 'k':
				dst = append(dst, 'k')
				i += 2
			case d == 'e' || d == 'i' || d == 'y':
				dst = append(dst, 's')
				i++
			case d == 0:
				dst = append(dst, 'c')
				i++
			default:
				dst = append(dst, 'k')
				i++
			}
		case 'd':
			switch d := at(i + 1); {
			case d != 'z' && d != 'j' && d != 'h':
				dst = append(dst, 'd')
				i++
			case has(i, "dzh"):
				dst = append(dst, 'j')
				i += 3
			case has(i, "dj"):
				dst = append(dst, 'j')
				i += 2
			case has(i, "dh"):
				dst = append(dst, 'd')
				i += 2
			default:
				dst = append(dst, 'd')
				i++
			}
		case 'z':
			if at(i+1) == 'h' {
				dst = append(dst, 'j')
				i += 2
			} else {
				dst = append(dst, 'z')
				i++
			}
		case 'k':
			if at(i+1) == 'h' {
				dst = append(dst, 'h')
				i += 2
			} else {
				dst = append(dst, 'k')
				i++
			}
		case 'g', 'b', 'j':
			if c == 'g' && at(i+1) == 'y' && i > 0 && isVowel(b[i-1]) && isVowel(at(i+2)) {
				dst = append(dst, 'd') // Hungarian gy: Vlagyimir
				i += 2
				continue
			}
			p := i
			dst = append(dst, c)
			i++
			if at(i) == 'h' {
				i++
			}
			if c == 'j' && p > 0 && isVowel(b[p-1]) && i == n {
				// Final j after a vowel is a glide: Sergej, Andrej.
				dst[len(dst)-1] = 'i'
			}
		case 'p':
			if at(i+1) == 'h' {
				dst = append(dst, 'f')
				i += 2
			} else {
				dst = append(dst, 'p')
				i++
			}
		case 'q':
			dst = append(dst, 'k')
			i++
		case 'x':
			dst = append(dst, 'k', 's')
			i++
		case 'w':
			dst = append(dst, 'v')
			i++
		case 'y':
			if at(i+1) == 'e' && (i == 0 || isVowel(b[i-1])) {
				i++ // Yevgeny / Evgeny, Andreyev / Andreev, Guchayev / Guchaev
				continue
			}
			dst = append(dst, 'i')
			i++
		case 'o':
			switch at(i + 1) {
			case 'u', 'o':
				dst = append(dst, 'u')
				i += 2
			default:
				dst = append(dst, 'o')
				i++
			}
		case 'e':
			if at(i+1) == 'e' && at(i+2) != 'v' && at(i+2) != 'w' {
				dst = append(dst, 'i') // Rasheed, Naseem; not Russian -eev
				i += 2
			} else {
				dst = append(dst, 'e')
				i++
			}
		default:
			dst = append(dst, c)
			i++
		}
	}
	// Collapse doubled letters.
	w := start
	for i := start; i < len(dst); i++ {
		if w > start && dst[w-1] == dst[i] {
			continue
		}
		dst[w] = dst[i]
		w++
	}
	dst = dst[:w]
	// Final h after a vowel (a written h, not kh), final e after a
	// consonant.
	if k := len(dst) - start; k >= 4 {
		last, prev := dst[len(dst)-1], dst[len(dst)-2]
		rawH := n >= 2 && b[n-1] == 'h' && isVowel(b[n-2])
		if last == 'h' && isVowel(prev) && rawH || last == 'e' && !isVowel(prev) && isLetter(prev) {
			dst = dst[:len(dst)-1]
		}
	}
	k := theophoric(dst[start:], b[:n])
	return dst[:start+abdCompound(dst[start:start+k], b[:n])]
}

// theophoric gives the second part of Arabic compound names one vowel:
// -ullah, -allah, -ollah, -illah (Hizbullah, Hizballah, Hezbollah;
// Nasrallah, Nasrollah) and -uddin, -eddin, -addin, -iddin (Salahuddin,
// Salaheddine, Nasreddin, Nasiruddin, Izzeddine) are one word (Allah,
// al-Din) whose vowel each romanisation writes its own way, in Arabic,
// Persian, Urdu and Turkic usage alike; -aldin, -eldin, -uldin are the
// same word with the article unassimilated (Salahaldin, and the join of
// Salah al-Din), and a head ending in a vowel merges with it (Safieddine,
// Alaaddin). key is the Fold key of the raw token; the vowel is rewritten
// in place, and the article's l and a head's last vowel dropped: it
// returns the key's new length. At least two letters must come before
// (Mulla, Bodin are not compounds), and -ella, -illa without h stay
// (Gabriella, Padilla).
func theophoric(key, raw []byte) int {
	k := len(key)
	switch {
	case k >= 6 && string(key[k-2:]) == "la" && isVowel(key[k-3]) && key[k-3] != 'y':
		v := key[k-3]
		if hasSuffix(raw, "llah") || (v == 'a' || v == 'o' || v == 'u') && hasSuffix(raw, "lla") {
			key[k-3] = 'u'
		}
	case k >= 6 && string(key[k-3:]) == "din":
		// The vowels before din, with the article's l if written, are
		// one u; a head ending in a vowel merges with it (Safieddine,
		// Safi al-Din; Alaeddin, Alaaddin).
		i := k - 3
		if key[i-1] == 'l' {
			i--
		}
		j := i
		for j > 0 && isVowel(key[j-1]) && key[j-1] != 'y' {
			j--
		}
		if j == i || j < 2 || i-j > 2 {
			return k
		}
		key[j] = 'u'
		return j + 1 + copy(key[j+1:], "din")
	}
	return k
}

// abdCompound gives Abd al-X names written as one word one key: the
// article after Abd, however spelt or assimilated, is one u (Abdelkader,
// Abdulqadir and the join of Abd al-Qadir; Abdessalam, Abdus Salam joined,
// Abd al-Salam; Somali Abdirahman), so that only the name of God that
// follows, and its vowels, may differ. key is the Fold key of the raw
// token; it returns the key's new length. A doubled l is the article's
// and the name's (Abdellatif: Abd al-Latif), and the part after the
// article must have four letters: Abdullah is another compound (see
// theophoric), Abdul alone is the head, and a name of three (Abdul Hai,
// Abdul Haq) keeps its article, which an Arabic rendering's join writes
// too (عبدالحی, abdul hi).
func abdCompound(key, raw []byte) int {
	k := len(key)
	if k < 7 || string(key[:3]) != "abd" || !isVowel(key[3]) || key[3] == 'y' {
		return k
	}
	cut := 4
	if key[4] == 'l' {
		p := 3
		for p < len(raw) && isVowel(raw[p]) {
			p++
		}
		if !(p+1 < len(raw) && raw[p] == 'l' && raw[p+1] == 'l') {
			cut = 5
		}
	}
	if k-cut < 4 {
		return k
	}
	key[3] = 'u'
	return 4 + copy(key[4:], key[cut:])
}

func hasSuffix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}
