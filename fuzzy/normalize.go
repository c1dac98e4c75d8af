package fuzzy

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/freezeguard/freezeguard/fuzzy/translit"
	"github.com/freezeguard/freezeguard/internal/fold"
	"github.com/mozillazg/go-unidecode"
	"golang.org/x/text/cases"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// The name parser: it reads a raw name (any script, any case, with
// punctuation, legal forms, titles and typing noise) into one or more Latin
// renderings, each a list of classified, weighted tokens (name, tok). The
// word lists it consults are in words.go, legal forms in legalforms.go, and
// the keys it stores on each token in soundkey.go.

// MaxNameBytes is the number of bytes of letters, digits and marks of a
// name that are looked at; the rest is ignored (cut at a rune boundary).
// Spaces, punctuation and invisible characters do not count, so padding
// cannot push a name out of view. No real name comes close, and the cap
// bounds the work and memory one hostile string can cause.
const MaxNameBytes = 1024

// maxTokens is the number of tokens of one name that are kept. The longest
// listed names have about 20; a longer name first loses its repeated and
// weightless tokens (legal forms, titles, a letter or word said again),
// then its least informative ones (see trimTokens), so that filler cannot
// push a name out of view.
const maxTokens = 32

// maxRawTokens bounds the tokens read before trimTokens.
const maxRawTokens = MaxNameBytes

// maxTokenBytes caps one token; longer runs of letters are cut.
const maxTokenBytes = 64

// maxVariants is how many Latin renderings of a non-Latin listed name are
// indexed; a non-Latin query is searched under its first maxQueryVariants
// renderings (the listed name's renderings meet them half way, and each
// query rendering costs a search).
const (
	maxVariants      = 4
	maxQueryVariants = 2
)

// tokClass is a token's class: it decides the token's weight (classWeight)
// and whether the token can make a match on its own.
type tokClass uint8

const (
	clsContent  tokClass = iota // an ordinary name token
	clsNumber                   // digits: must agree exactly
	clsInitial                  // one letter: matches a token starting with it
	clsParticle                 // al, bin, van, de...: part of a name, little weight
	clsGeneric                  // bank, international, the...: little weight
	clsTitle                    // Mr, Dr, President, Sheikh...: little weight, never a match alone
	clsLegal                    // LLC, GmbH, OOO...: reduced to a class, weight 0
)

// tok is one normalised token. Its strings may point into a scratch buffer.
type tok struct {
	text string // lower-case ASCII
	fold string // translit.Fold key
	skel string // sound key: translit.Skeleton, devoiced (see appendSound)
	w    float32
	cls  tokClass
	// known says the token is an established name in its own right (see
	// knownName): two different known names are not typos of each other.
	known bool
	// guessed says the token comes from a query's transliteration, whose
	// vowels are guesses (Arabic writes few).
	guessed bool
	// abjad says a guessed token comes from an abjad (see abjadMatch).
	abjad bool
	// han says a guessed token is the pinyin of Chinese characters: its
	// syllables are known, not guessed (see tokSim).
	han bool
	// syl says the token is a single pinyin syllable (see isSyllable).
	syl bool
	// cut says the token ends a query that may have been cut at a field
	// limit: it may be the first letters of a listed token (see fieldLimits).
	cut bool
	// patr says the token is a patronymic (Vladimirovich, Khamatovich,
	// Aliyevna, Mammadoglu): a person's middle part, weighing less.
	patr bool
	// noNick says the fold key is known to have no nicknames, so that
	// tokSim need not look (false: not known; see nickname).
	noNick bool
	// french says the spelling writes a consonant the French way (see
	// frenchLetters).
	french bool
	id     int32 // dictionary id when the token comes from an Index, else -1
}

// name is one Latin rendering of a name, tokenised and classified.
type name struct {
	toks     []tok
	w        float32 // total weight of all tokens but titles (which count only when matched)
	wContent float32 // weight of content and number tokens: the identifying part
	flags    uint16
	legal    uint8 // class of its first legal form (legalClasses), 0 for none
	camel    uint8 // content tokens that continue a camelCase word (see camelWords)
}

// name flags
const (
	flagInitials uint16 = 1 << iota
	flagNumbers
	flagLegal
	flagTitle
	flagReordered
	flagGuessed  // a query's transliteration: vowels and word breaks are guesses
	flagOrgWord  // a word of organisation names (orgWords)
	flagPromoted // no identifying token but by promotion (see promote)
	flagCut      // a query long enough to have been cut at a field limit (see fieldLimits)
	flagOrg      // an organisation's name (Kind), or a name with a legal form
	flagPatr     // a person's name with a patronymic (see markPatronymic)
	flagAbjad    // a query written in an abjad (Arabic, Persian, Hebrew script)
)

// States of parser.dotted: dotted initials are not looked for (persons,
// transliterations), looked for, seen, or joined into one token.
const (
	dotNone uint8 = iota
	dotLook
	dotSeen
	dotJoin
)

// States of parser.camel: camelCase (SiemensAG) is not looked for, looked
// for, seen, or split into words.
const (
	camelNone uint8 = iota
	camelLook
	camelSeen
	camelSplit
)

// rng is a byte range of a token in a buffer during parsing.
type rng struct{ s, e int32 }

// parser holds reusable buffers for normalising names.
type parser struct {
	query bool // parsing a query: fewer renderings (maxQueryVariants)
	// guessed is set while a query's transliterations are parsed: their
	// vowels are guesses (Arabic writes few).
	guessed bool
	// cut is set while a query long enough to have been cut at a field
	// limit is parsed (see fieldLimits).
	cut bool
	// abjad is set while the renderings of a query written in an abjad
	// (Arabic or Hebrew script, see isAbjad) are parsed.
	abjad bool
	// han is set while the renderings of a query written in Chinese
	// characters are parsed (see isHan).
	han bool
	// scratch buffers and a case folder for non-Latin names
	scratch, scratch2 []byte
	folder            cases.Caser
	folderOK          bool
	// a non-Latin name's renderings (translit.AppendVariants): text in
	// vbuf, vends[i] the end of rendering i
	vbuf  []byte
	vends []int
	in    []byte // a long name's significant part (see bound)
	conf  []byte // the name with look-alike letters folded (see parse)
	// dotted is the state of dotted initials (I.P.C.) in parseLatin, camel
	// that of camelCase (SiemensAG).
	dotted, camel uint8
	// camelStarts are the offsets in buf of tokens that begin at a
	// capital inside a camelCase word (Petro|China), in the camelSplit
	// reading; camelNext says the next token read begins so.
	camelStarts []int32
	camelNext   bool
	// leet says digits between letters are letters written as digits
	// (Ig0r Sech1n): for persons and names of unknown kind, not for the
	// names of companies, vessels and aircraft (B2B, 3M, SU-27K).
	leet  bool
	nfc   norm.Iter
	buf   []byte
	rngs  []rng
	toks  []tok
	names []name
}

// str returns b as a string without copying. The parser never writes over
// bytes it has handed out until reset, so the strings stay valid until then.
func str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func (p *parser) reset() {
	p.buf = p.buf[:0]
	p.toks = p.toks[:0]
	p.names = p.names[:0]
}

// bound returns s, or for a string longer than MaxNameBytes, its first
// MaxNameBytes bytes of letters, digits and marks with what separates them,
// in p.in: zero-width and bidi marks are dropped (they join, as in
// parseLatin) and a long run of separators becomes one (a comma if it held
// one, else its first separator). The run of a string longer than that is
// linear, and what is kept is bounded: 1,024 significant bytes and as many
// short runs.
func (p *parser) bound(s string) string {
	if len(s) <= MaxNameBytes {
		return s
	}
	b := p.in[:0]
	n := 0         // significant bytes kept
	runStart := -1 // start in s of the current run of separators
	var first rune // its first separator (not an apostrophe), or 0
	comma := false // whether it holds a comma
	flush := func(end int, s string) {
		if runStart < 0 {
			return
		}
		switch {
		case end-runStart <= 8:
			for i := runStart; i < end; {
				r, size := utf8.DecodeRuneInString(s[i:])
				if !unicode.Is(unicode.Cf, r) {
					b = append(b, s[i:i+size]...)
				}
				i += size
			}
		case comma:
			b = append(b, ',')
		case first != 0:
			b = utf8.AppendRune(b, first)
		default:
			b = append(b, '\'') // apostrophes only: inside a word
		}
		runStart, first, comma = -1, 0, false
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			r = ' ' // invalid UTF-8: a word break
		}
		if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.Is(unicode.Nd, r) {
			if n+size > MaxNameBytes {
				break
			}
			flush(i, s)
			b = append(b, s[i:i+size]...)
			n += size
			i += size
			continue
		}
		if runStart < 0 {
			runStart = i
		}
		switch {
		case r == ',':
			comma = true
		case unicode.Is(unicode.Cf, r), isApostrophe(r):
		case first == 0:
			first = r
			if unicode.IsControl(r) || r == utf8.RuneError {
				first = ' '
			}
		}
		i += size
	}
	p.in = b
	return str(b)
}

// parse normalises s into one or more Latin renderings appended to
// p.names. Latin input takes a path that does not allocate once the
// parser's buffers have grown; other scripts go through
// translit.AppendVariants into the parser's buffers, which allocates
// nothing either for the scripts it renders into its scratch.
func (p *parser) parse(s string, kind Kind) {
	p.cut = p.query && mayBeCut(utf8.RuneCountInString(s))
	defer func() { p.cut = false }()
	s = p.bound(s)
	// Look-alike letters (Vlаdimir with a Cyrillic а, fullwidth,
	// mathematical) folded first: ASCII and single-script names pass as
	// they are, at the cost of one scan.
	if b, ok := translit.AppendFoldConfusables(p.conf[:0], s); ok {
		p.conf, s = b, str(b)
	}
	p.dotted = dotNone
	if kind != KindPerson {
		p.dotted = dotLook
	}
	p.camel = camelLook
	if p.parseLatin(s, kind) {
		if p.dotted == dotSeen {
			// I.P.C. INTERNATIONAL: also as IPC INTERNATIONAL, an
			// organisation's abbreviated name (not for persons:
			// V.V. PUTIN has initials).
			p.dotted = dotJoin
			p.parseLatin(s, kind)
		}
		p.dotted = dotNone
		if p.camel == camelSeen {
			// SiemensAG: also as SIEMENS AG.
			p.camel = camelSplit
			p.parseLatin(s, kind)
		}
		p.camel = camelNone
		return
	}
	p.dotted = dotNone
	p.camel = camelNone
	n := maxVariants
	if p.query {
		n = maxQueryVariants
	}
	p.guessed = p.query
	p.abjad = p.query && isAbjad(s)
	p.han = p.query && isHan(s)
	p.nonLatinVariants(s, n)
	start := 0
	for _, e := range p.vends {
		v := str(p.vbuf[start:e])
		start = e
		if !p.parseLatin(v, kind) {
			p.parseLatin(unidecode.Unidecode(v), kind)
		}
	}
	p.guessed, p.abjad, p.han = false, false, false
}

// nonLatinVariants prepares a name in a non-Latin script and renders it in
// Latin into p.vbuf and p.vends. Arabic short-vowel marks (harakat) and tatweel are
// removed first: they are optional in writing and would otherwise yield
// extra vowels; other marks stay, since scripts like Devanagari and
// Cyrillic (й) need them to be read. The preparation works in the parser's
// scratch buffers; the renderings must be used before the next call.
func (p *parser) nonLatinVariants(s string, n int) {
	b := p.scratch[:0]
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, ' ') // invalid UTF-8
			continue
		case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED, r == 0x0640:
			continue // harakat, Quranic marks, tatweel
		case r >= 0x0591 && r <= 0x05C7 && unicode.Is(unicode.Mn, r):
			continue // Hebrew points
		case r == 0x200C || r == 0x200D:
			// Zero-width non-joiner and joiner stay for the renderer:
			// Persian ه before one is the vowel e (خامنه‌ای, Khamenei).
		case unicode.Is(unicode.Cf, r):
			continue // bidi marks, BOM, soft hyphen
		case unicode.IsControl(r):
			r = ' '
		}
		b = utf8.AppendRune(b, r)
	}
	// Case folding, then NFC, into the other scratch buffer and back.
	if !p.folderOK {
		p.folder, p.folderOK = cases.Fold(), true
	}
	folded := p.scratch2[:0]
	for size := 2*len(b) + 16; ; size *= 2 {
		if cap(p.scratch2) < size {
			p.scratch2 = make([]byte, 0, size)
		}
		p.folder.Reset()
		nDst, _, err := p.folder.Transform(p.scratch2[:cap(p.scratch2)], b, true)
		if err == transform.ErrShortDst {
			continue
		}
		if err != nil {
			folded = append(p.scratch2[:0], cases.Fold().String(string(b))...)
		} else {
			folded = p.scratch2[:nDst]
		}
		break
	}
	// NFC through an Iter kept in the parser: Form.Append allocates its
	// buffer for input that needs reordering (combining stress marks).
	p.nfc.Init(norm.NFC, folded)
	b = b[:0]
	for !p.nfc.Done() {
		b = append(b, p.nfc.Next()...)
	}
	p.scratch = b
	p.safeVariants(str(p.scratch), n)
}

// safeVariants calls translit.AppendVariants into p.vbuf and p.vends,
// falling back to a plain transliteration table should it fail: one
// unreadable name must not take down screening.
func (p *parser) safeVariants(s string, n int) {
	defer func() {
		if recover() != nil {
			p.vbuf = append(p.vbuf[:0], unidecode.Unidecode(s)...)
			p.vends = append(p.vends[:0], len(p.vbuf))
		}
	}()
	p.vbuf, p.vends = translit.AppendVariants(p.vbuf[:0], p.vends[:0], s, n)
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '`', '´':
		return true
	}
	return false
}

// parseLatin tokenises s if it is written in Latin letters (with or without
// diacritics) and appends one name to p.names. It reports false, adding
// nothing, if s has letters of another script.
func (p *parser) parseLatin(s string, kind Kind) bool {
	p.leet = kind == KindPerson || kind == KindUnknown
	p.rngs = p.rngs[:0]
	p.camelStarts, p.camelNext = p.camelStarts[:0], false
	start := len(p.buf)
	tokStart := -1
	comma := -1 // token index after the first comma
	commas := 0
	// Dotted initials (I.P.C., U.I.) are also read as one token, an
	// abbreviated name, in a second rendering (see parse): afterDot says
	// the token being read follows a single '.', lastInitial that the last
	// token is a letter or such a run.
	gap, dots := 0, 0
	afterDot, lastInitial := false, false
	end := func() {
		if tokStart >= 0 {
			if len(p.buf) > tokStart && len(p.rngs) < maxRawTokens {
				r := rng{int32(tokStart), int32(len(p.buf))}
				n := len(p.rngs)
				single := r.e-r.s == 1
				switch {
				case single && afterDot && lastInitial && n > 0 && comma != n && p.rngs[n-1].e == r.s && p.dotted != dotNone:
					if p.dotted == dotJoin {
						p.rngs[n-1].e = r.e // I.P.C.
						break
					}
					p.dotted = dotSeen
					p.appendParts(r)
				case !single && n > 0 && comma != n && p.rngs[n-1].e == r.s && splitWord(p.buf[p.rngs[n-1].s:r.e], int(r.s-p.rngs[n-1].s)):
					// COM PANY: a word split in two; not a letter, an
					// initial or a legal form's (SYSTEM S.A.).
					p.rngs[n-1].e = r.e
					single = false
				default:
					p.appendParts(r)
				}
				lastInitial = single
			} else {
				p.buf = p.buf[:tokStart]
			}
			tokStart = -1
		}
	}
	add := func(c byte) {
		if tokStart < 0 {
			tokStart = len(p.buf)
			if p.camelNext {
				p.camelStarts = append(p.camelStarts, int32(tokStart))
				p.camelNext = false
			}
			afterDot = gap == 1 && dots == 1
			gap, dots = 0, 0
		}
		if len(p.buf)-tokStart < maxTokenBytes {
			p.buf = append(p.buf, c)
		}
	}
	lower := 0 // lower-case ASCII letters just read
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c >= 'A' && c <= 'Z' && lower >= 2 {
				// camelCase: SiemensAG, PetroChina, KeyCorp are also
				// read as two words, in a second rendering (see parse).
				switch p.camel {
				case camelSplit:
					end()
					p.camelNext = true
				case camelLook:
					p.camel = camelSeen
				}
			}
			if c >= 'a' && c <= 'z' {
				lower++
			} else {
				lower = 0
			}
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				add(c)
			case c >= 'A' && c <= 'Z':
				add(c + 'a' - 'A')
			case c == '\'' || c == '`':
				// inside a word: O'Brien, Qa'ida
			case c == ',':
				end()
				gap++
				commas++
				if comma < 0 {
					comma = len(p.rngs)
				}
			default:
				end()
				gap++
				if c == '.' {
					dots++
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		lower = 0
		if r == utf8.RuneError && size == 1 {
			end()
			gap++
			continue
		}
		if rep, ok := fold.Latin(r); ok {
			for j := 0; j < len(rep); j++ {
				add(rep[j])
			}
			continue
		}
		switch {
		case isApostrophe(r), unicode.Is(unicode.Cf, r):
			// apostrophes, zero-width joiners, bidi marks: inside a word
		case unicode.Is(unicode.Mn, r) && tokStart >= 0:
			// a combining mark on a Latin letter: folded away
		case unicode.IsLetter(r):
			if unicode.Is(unicode.Latin, r) {
				// a Latin letter outside the table (ligatures, fullwidth...)
				for _, d := range norm.NFKD.String(string(unicode.ToLower(r))) {
					if d >= 'a' && d <= 'z' {
						add(byte(d))
					}
				}
				continue
			}
			p.buf = p.buf[:start]
			return false
		case unicode.IsDigit(r):
			if v := digitValue(r); v >= 0 {
				add(byte('0' + v))
			}
		default:
			end()
			gap += 2 // not a single '.'
		}
	}
	end()
	if len(p.rngs) == 0 {
		p.buf = p.buf[:start]
		return true
	}
	if len(p.rngs) > maxTokens {
		comma = p.trimTokens(kind, comma)
	}
	// "LAST, First": put the given names first. Only one comma, and not for
	// organisations and vessels, whose commas separate legal forms.
	reordered := false
	if commas == 1 && comma > 0 && comma < len(p.rngs) && kind != KindOrganization && kind != KindVessel && kind != KindAircraft {
		if !allLegal(p.buf, p.rngs[comma:]) {
			rotate(p.rngs, comma)
			reordered = true
		}
	}
	p.finish(kind, reordered)
	return true
}

// trimTokens cuts p.rngs to maxTokens, keeping their order: it drops the
// tokens that weigh nothing or say nothing new (legal forms, titles, a
// token said before: "LLC LLC ...", "a a a ..."), then, if still too many,
// keeps the weightiest (ties: the earlier). Filler must not push the name
// out of view. It returns comma, the index of the token after the first
// comma, mapped to the kept tokens.
func (p *parser) trimTokens(kind Kind, comma int) int {
	type cand struct {
		r   rng
		w   float32
		pos int
	}
	var kept []cand
	seen := make(map[string]struct{}, len(p.rngs))
	for i, r := range p.rngs {
		text := str(p.buf[r.s:r.e])
		if _, dup := seen[text]; dup {
			continue
		}
		seen[text] = struct{}{}
		c := classify(text, kind)
		if c == clsLegal || c == clsTitle {
			continue
		}
		kept = append(kept, cand{r, classWeight(c, text), i})
	}
	if len(kept) > maxTokens {
		slices.SortStableFunc(kept, func(a, b cand) int {
			switch {
			case a.w > b.w:
				return -1
			case a.w < b.w:
				return 1
			}
			return 0
		})
		kept = kept[:maxTokens]
		slices.SortFunc(kept, func(a, b cand) int { return a.pos - b.pos })
	}
	newComma := -1
	p.rngs = p.rngs[:0]
	for _, c := range kept {
		if comma >= 0 && newComma < 0 && c.pos >= comma {
			newComma = len(p.rngs)
		}
		p.rngs = append(p.rngs, c.r)
	}
	if comma >= 0 && newComma < 0 {
		newComma = len(p.rngs)
	}
	return newComma
}

// appendParts appends token r to p.rngs, cut where letters meet digits
// (Division39, 2013LTD) and where a legal form or a word of organisation
// names is glued to a name (SEABRASSLIMITED, LLCSYNESIS, KORYOBANK): the
// parts are what a reader sees.
func (p *parser) appendParts(r rng) {
	t := p.buf[r.s:r.e]
	if p.leet {
		unleet(t)
	}
	for i := 1; i < len(t) && len(t) > maxCodeLen; i++ {
		if isDigit(t[i]) != isDigit(t[i-1]) {
			p.appendParts(rng{r.s, r.s + int32(i)})
			p.appendParts(rng{r.s + int32(i), r.e})
			return
		}
	}
	if len(t) >= 6 && !isDigit(t[0]) && !wordOfOrgs(t) {
		for _, w := range gluedSuffixes {
			if n := len(t) - len(w); n >= 3 && string(t[n:]) == w {
				p.appendParts(rng{r.s, r.s + int32(n)}) // CJSCSBERBANK: CJSC SBER BANK
				p.appendRng(rng{r.s + int32(n), r.e})
				return
			}
		}
		for _, w := range gluedPrefixes {
			if len(t)-len(w) >= 3 && string(t[:len(w)]) == w {
				p.appendRng(rng{r.s, r.s + int32(len(w))})
				p.appendRng(rng{r.s + int32(len(w)), r.e})
				return
			}
		}
	}
	p.appendRng(r)
}

// maxCodeLen is the longest token of letters and digits kept whole: a
// short code (3M, A1, F16) is one name, and its letter is no initial (3M
// is not 3MG).
const maxCodeLen = 4

// unleet rewrites in place the digits of t that stand between letters as
// the letters they look like (Ig0r, Sech1n, 4hmed is left alone: a digit
// must have a letter on each side).
func unleet(t []byte) {
	for i := 1; i+1 < len(t); i++ {
		if !isDigit(t[i]) || isDigit(t[i-1]) {
			continue
		}
		j := i
		for j < len(t) && isDigit(t[j]) {
			j++
		}
		if j == len(t) || j-i > 2 {
			i = j
			continue
		}
		for k := i; k < j; k++ {
			if l := leetLetters[t[k]-'0']; l != 0 {
				t[k] = l
			}
		}
		i = j
	}
}

// leetLetters are the letters digits are written for: 0 o, 1 i, 3 e, 4 a,
// 5 s, 7 t, 8 b (2, 6 and 9 stand for none).
var leetLetters = [10]byte{'o', 'i', 0, 'e', 'a', 's', 0, 't', 'b', 0}

func (p *parser) appendRng(r rng) {
	if len(p.rngs) < maxRawTokens {
		p.rngs = append(p.rngs, r)
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitValue returns the value of a decimal digit of any script, or -1.
// Unicode decimal digits come in runs of ten starting at zero.
func digitValue(r rune) int {
	if !unicode.Is(unicode.Nd, r) {
		return -1
	}
	k := 0
	for k < 9 && unicode.Is(unicode.Nd, r-rune(k)-1) {
		k++
	}
	return k
}

// rotate moves rs[k:] in front of rs[:k].
func rotate(rs []rng, k int) {
	reverse := func(a []rng) {
		for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
			a[i], a[j] = a[j], a[i]
		}
	}
	reverse(rs[:k])
	reverse(rs[k:])
	reverse(rs)
}

// mistypedLegal marks, among the tokens not yet classified, a legal form
// of several words with one of them mistyped (JOINT STOKC COMPANY, JOPNT
// STOCK COMPANY) and a mistyped legal word ending the name (CO LIMIED),
// so that a typing error in a legal form does not count as a distinctive
// word the listed name lacks. legal receives the first form's class if
// none was found before.
func (p *parser) mistypedLegal(cls []tokClass, legal *uint8) {
	n := len(cls)
	free := func(i, k int) bool {
		for j := i; j < i+k; j++ {
			if cls[j] != 0xff {
				return false
			}
		}
		return true
	}
	mark := func(i, k int, class uint8) {
		for j := i; j < i+k; j++ {
			cls[j] = clsLegal
		}
		if *legal == 0 {
			*legal = class
		}
	}
	for i := 0; i < n; i++ {
		if cls[i] != 0xff {
			continue
		}
		text := str(p.buf[p.rngs[i].s:p.rngs[i].e])
		k, class := 0, uint8(0)
		for _, seq := range legalSeqsBy[text] {
			if free(i, min(len(seq.toks), n-i)) && seqNear(p.buf, p.rngs[i:n], seq.toks) {
				k, class = len(seq.toks), seq.class
				break
			}
		}
		if k == 0 && i+1 < n {
			for _, seq := range legalSeqsBy2[str(p.buf[p.rngs[i+1].s:p.rngs[i+1].e])] {
				if free(i, min(len(seq.toks), n-i)) && seqNear(p.buf, p.rngs[i:n], seq.toks) {
					k, class = len(seq.toks), seq.class
					break
				}
			}
		}
		if k == 0 && i == n-1 && classify(text, KindOrganization) == clsContent {
			if w := mistypedLegal(text); w != "" {
				k, class = 1, legalWords[w]
			}
		}
		if k > 0 {
			mark(i, k, class)
			i += k - 1
		}
	}
}

func allLegal(buf []byte, rs []rng) bool {
	for _, r := range rs {
		if _, ok := legalForms[str(buf[r.s:r.e])]; !ok {
			return false
		}
	}
	return len(rs) > 0
}

// camelWords returns how many of the name's content tokens from p.toks[start:]
// continue the content token before them inside one camelCase word
// (PetroChina read as PETRO CHINA): a brand written as one word is one
// word, however it is read.
func (p *parser) camelWords(start int) uint8 {
	if len(p.camelStarts) == 0 {
		return 0
	}
	var n uint8
	ts := p.toks[start:]
	for i := 1; i < len(ts) && i < len(p.rngs); i++ {
		if ts[i].cls == clsContent && ts[i-1].cls == clsContent && p.rngs[i-1].e == p.rngs[i].s &&
			slices.Contains(p.camelStarts, p.rngs[i].s) {
			n++
		}
	}
	return n
}

// finish classifies the tokens in p.rngs, computes their keys and weights
// and appends the name.
func (p *parser) finish(kind Kind, reordered bool) {
	n := len(p.rngs)
	var cls [maxTokens]tokClass
	for i := 0; i < n; i++ {
		cls[i] = 0xff
	}
	// Multi-token legal forms (S.A. de C.V., Sp. z o.o., L.L.C.) and vessel
	// prefixes (M/V, M/T), longest first. Persons have no legal form: there
	// single letters are initials.
	var legal uint8 // the first legal form's class
	if kind != KindPerson {
		for i := 0; i < n; i++ {
			k, class := 0, uint8(0)
			seqs := legalSeqsBy[str(p.buf[p.rngs[i].s:p.rngs[i].e])]
			for _, seq := range seqs {
				if i+len(seq.toks) <= n && seqAt(p.buf, p.rngs[i:], seq.toks) {
					k, class = len(seq.toks), seq.class
					break
				}
			}
			if k == 0 && p.cut && !reordered && i+1 < n {
				// A name cut inside a legal form of several words.
				for _, seq := range seqs {
					if cutSeqAt(p.buf, p.rngs[i:n], seq.toks) {
						k, class = n-i, seq.class
						break
					}
				}
			}
			for j := i; j < i+k; j++ {
				cls[j] = clsLegal
			}
			if k > 0 {
				if legal == 0 {
					legal = class
				}
				i += k - 1
			}
		}
	}
	if kind != KindPerson && n >= 2 {
		p.mistypedLegal(cls[:n], &legal)
	}
	// Vessel prefixes: M/V, M/T, M/Y, MV, MT, MY, SS, FV. Not for persons.
	if (kind == KindVessel || kind == KindUnknown) && n >= 2 {
		t0, t1 := str(p.buf[p.rngs[0].s:p.rngs[0].e]), str(p.buf[p.rngs[1].s:p.rngs[1].e])
		if n >= 3 && t0 == "m" && (t1 == "v" || t1 == "t" || t1 == "y") {
			cls[0], cls[1] = clsTitle, clsTitle
		} else if _, ok := vesselPrefixes[t0]; ok {
			cls[0] = clsTitle
		}
	}
	// A name read "LAST, First" and put in order no longer ends where the
	// input was cut.
	cut := p.cut && !reordered
	var nm name
	tokStart := len(p.toks)
	letters := 0
	for i := 0; i < n; i++ {
		text := str(p.buf[p.rngs[i].s:p.rngs[i].e])
		c := cls[i]
		if c == 0xff {
			c = classify(text, kind)
			if i == n-1 && i > 0 {
				// A particle joins a name to what follows, and titles that
				// are also surnames (King, Major) precede the name: last,
				// they are the name ("Patricia King", "Faisal Ud").
				if c == clsParticle {
					c = clsContent
				} else if _, ok := surnameTitles[text]; ok && c == clsTitle {
					c = clsContent
				}
			}
			if cut && i == n-1 && i > 0 && c != clsNumber && c != clsLegal {
				// The end of a name cut at a field limit may be the first
				// letters of a listed token, or of a legal form (see
				// cutTail); a stub of one or two letters weighs as an
				// initial.
				if len(text) < 3 && c == clsContent {
					c = clsInitial
				}
			}
			craft := kind == KindVessel || kind == KindAircraft
			if kind != KindPerson && (c == clsContent || c == clsInitial || c == clsTitle) && (i > 0 || craft || numberWords[text] > 0) {
				// Number words (GRACE ONE) and Roman numerals after a name
				// (SEA TANKER II) are numbers; on vessels and aircraft
				// Roman numerals anywhere.
				v := romanValue(text, craft)
				if v == 0 {
					v = numberWords[text]
				}
				if v > 0 {
					start := len(p.buf)
					p.buf = strconv.AppendInt(p.buf, int64(v), 10)
					text = str(p.buf[start:])
					c = clsNumber
				}
			}
		}
		var t tok
		t.id = -1
		t.text = text
		t.cls = c
		switch c {
		case clsNumber:
			t.fold, t.skel = text, text
		default:
			fs := len(p.buf)
			p.buf = translit.AppendFold(p.buf, text)
			fe := len(p.buf)
			p.buf = appendSound(p.buf, text)
			t.fold = str(p.buf[fs:fe])
			t.skel = str(p.buf[fe:])
			if t.fold == "" {
				t.fold = text
			}
		}
		// Knownness and syllables are properties of the text, whatever
		// the class: the index compares each dictionary token by its
		// text alone (a token is a title in one name and content in
		// another), and Search and Compare must agree.
		switch c {
		case clsContent:
			t.w, t.known = contentStats(text)
		case clsNumber:
			t.w = classWeight(c, text)
		default:
			t.w = classWeight(c, text)
			t.known = knownName(text)
		}
		if c != clsNumber {
			t.syl = isSyllable(text)
			t.french = frenchLetters(text)
		}
		if cut && i == n-1 && i > 0 && (c == clsContent || c == clsInitial) {
			t.cut = true
		}

		if p.guessed && c == clsContent && t.w > commonWeight && commonSound(t.skel) {
			t.w = commonWeight // see commonSound
		}
		if c != clsTitle {
			nm.w += t.w
		}
		switch c {
		case clsContent, clsNumber:
			nm.wContent += t.w
			t.guessed, t.abjad, t.han = p.guessed, p.abjad, p.han
		}
		switch c {
		case clsContent:
			letters += len(text)
		case clsNumber:
			letters += 3 // a number identifies a vessel or an aircraft
		}
		switch c {
		case clsInitial:
			nm.flags |= flagInitials
		case clsNumber:
			nm.flags |= flagNumbers
		case clsLegal:
			nm.flags |= flagLegal
			if legal == 0 {
				legal = legalWords[text]
			}
		case clsTitle:
			nm.flags |= flagTitle
		}
		if _, ok := orgWords[text]; ok {
			nm.flags |= flagOrgWord
		}
		p.toks = append(p.toks, t)
	}
	if kind != KindPerson && nm.flags&flagLegal != 0 {
		// A letter or particle between two legal words is part of the
		// form: the S of OBSHCHESTVO S ORGANICHENNOI OTVETSTVENNOSTYU,
		// the DE of S. DE R.L., the Z of SP. Z O.O.
		ts := p.toks[tokStart:]
		for i := 1; i+1 < len(ts); i++ {
			if t := &ts[i]; (t.cls == clsInitial || t.cls == clsParticle) && ts[i-1].cls == clsLegal && ts[i+1].cls == clsLegal {
				nm.w -= t.w
				t.cls, t.w = clsLegal, 0
			}
		}
	}
	nm.legal = legal
	nm.camel = p.camelWords(tokStart)
	if kind == KindOrganization || kind != KindPerson && nm.flags&flagLegal != 0 {
		nm.flags |= flagOrg
	}
	if nm.flags&flagOrg == 0 {
		// Patronymics weigh at most a common name (docName does the same).
		if d, ok := markPatronymic(p.toks[tokStart:]); ok {
			nm.w -= d
			nm.wContent -= d
			nm.flags |= flagPatr
		}
	}
	if cut && n > 1 {
		nm.flags |= flagCut
	}
	if reordered {
		nm.flags |= flagReordered
	}
	if p.guessed {
		nm.flags |= flagGuessed
	}
	if p.abjad {
		nm.flags |= flagAbjad
	}
	if letters < minNameLetters {
		// Too little to tell one name from another ("AA", "Li"): nothing
		// identifies it.
		nm.wContent = 0
	}
	nm.toks = p.toks[tokStart:len(p.toks):len(p.toks)]
	if nm.wContent == 0 {
		promote(&nm)
	}
	p.names = append(p.names, nm)
}

// promote gives a name with no identifying token (GENERAL TECHNOLOGY
// LIMITED, BM BANK JSC, XU Bin, LADY D, K M A) one, so that its own
// spelling finds it: all its tokens but legal forms become content,
// initials included, since when nothing else identifies a name, all of it
// does (TK BANK is not any bank); a legal form is never content. A name of legal forms only is never
// promoted: "CORP" and "TRADING COMPANY LLC" identify nothing. A promoted
// name is marked (flagPromoted): as a query it must cover the listed name
// as much as the listed name covers it (see nameSpec), so "President" or
// "International Bank" alone does not match longer names that hold them.
func promote(nm *name) {
	letters := 0
	onlyLegal := true
	for i := range nm.toks {
		t := &nm.toks[i]
		// A stub left by a cut (ZAKRYTOE AKTSIONERNOE OBSHCHESTVO I)
		// identifies nothing either.
		onlyLegal = onlyLegal && (t.cls == clsLegal || t.cut && len(t.text) < 3)
		switch t.cls {
		case clsNumber:
			letters += 3
		default:
			letters += len(t.text)
		}
	}
	if onlyLegal || letters < minNameLetters {
		return
	}
	nm.w, nm.wContent = 0, 0
	nm.flags &^= flagInitials | flagTitle
	for i := range nm.toks {
		t := &nm.toks[i]
		if t.cls != clsNumber && t.cls != clsLegal {
			t.cls = clsContent
			t.w, t.known = contentStats(t.text)
		}
		nm.w += t.w
		nm.wContent += t.w
	}
	nm.flags |= flagPromoted
}

// markPatronymic marks the patronymic of a person's name ts, if any, and
// caps its weight at commonWeight, returning the weight it lost. A name
// of three content tokens or more has one: the token that ends like a
// patronymic and is not the first (Umarov Doku KHAMATOVICH, Roman
// ARKADYEVICH Abramovich); if two do, the earlier. A name of two has none:
// Viktor Yanukovich, Roman Abramovich are surnames. ok says whether one
// was marked.
func markPatronymic(ts []tok) (lost float32, ok bool) {
	n, first := 0, -1
	for i := range ts {
		if ts[i].cls == clsContent {
			n++
			if first < 0 {
				first = i
			}
		}
	}
	if n < 3 {
		return 0, false
	}
	for i := first + 1; i < len(ts); i++ {
		if t := &ts[i]; t.cls == clsContent && isPatronymic(t.text) {
			t.patr = true
			lost = max(t.w-commonWeight, 0)
			t.w -= lost
			return lost, true
		}
	}
	return 0, false
}

// cutSeqAt reports whether the tokens rs, the end of a name cut at a field
// limit, begin the legal form seq, the last of them cut inside its token
// (OBSHCHESTVO S OGRANICHENNOI OTVETST).
func cutSeqAt(buf []byte, rs []rng, seq []string) bool {
	if len(rs) < 2 || len(rs) > len(seq) {
		return false
	}
	last := len(rs) - 1
	return seqAt(buf, rs[:last], seq[:last]) && strings.HasPrefix(seq[last], str(buf[rs[last].s:rs[last].e]))
}

func seqAt(buf []byte, rs []rng, seq []string) bool {
	for k, w := range seq {
		if str(buf[rs[k].s:rs[k].e]) != w {
			return false
		}
	}
	return true
}

// classify returns the class of a single token.
func classify(t string, kind Kind) tokClass {
	if isDigits(t) {
		return clsNumber
	}
	if _, ok := titles[t]; ok {
		return clsTitle
	}
	if kind != KindPerson {
		if _, ok := legalForms[t]; ok {
			return clsLegal
		}
	}
	if len(t) == 1 {
		return clsInitial
	}
	if _, ok := particles[t]; ok {
		return clsParticle
	}
	if _, ok := generic[t]; ok {
		return clsGeneric
	}
	if kind != KindPerson {
		if _, ok := commonOrgWords[t]; ok {
			return clsGeneric
		}
	}
	// A long legal form or generic word with a typo is still one
	// (COMTANY, LIABIKLITY, SPIPPING): as a name token it would weigh as a
	// rare name that the listed name lacks.
	if len(t) >= 7 {
		if kind != KindPerson && nearWord(t, longLegal) {
			return clsLegal
		}
		if nearWord(t, longGeneric) {
			return clsGeneric
		}
	}
	return clsContent
}

func isDigits(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return len(t) > 0
}

func classWeight(c tokClass, text string) float32 {
	switch c {
	case clsContent:
		return rarity(text)
	case clsNumber:
		return wNumber
	case clsInitial:
		return wInitial
	case clsParticle:
		return wParticle
	case clsGeneric:
		return wGeneric
	case clsTitle:
		return wTitle
	}
	return 0
}

// fieldLimits are the lengths at which payment and core-banking systems
// cut names: a SWIFT MT name line holds 35 characters (four lines 140),
// core-banking name fields 40, 50, 60 or 70. A query of such a length, or
// one less (cut after a space, then trimmed), may have been cut: its last
// token may be the first letters of a listed token (ELECTROTE for
// ELECTROTECHNICAL), and the listed tokens after the one it matched are
// unseen, not missing.
var fieldLimits = [...]int{35, 40, 50, 60, 70, 105, 140}

// mayBeCut reports whether a name of n characters may have been cut at a
// field limit.
func mayBeCut(n int) bool {
	for _, l := range fieldLimits {
		if n == l || n == l-1 {
			return true
		}
	}
	return false
}

// minNameLetters is the fewest letters of content tokens a name needs to
// identify anyone; a number counts as three.
const minNameLetters = 3
