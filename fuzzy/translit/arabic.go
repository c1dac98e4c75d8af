package translit

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Arabic, Persian and Urdu are written without short vowels. Each word is
// turned into a sequence of units (consonants with their Latin values,
// long vowels, و and ي read as consonants or vowels by position), then
// rendered in a few styles: short vowels guessed in Arabic word patterns
// (CaCaC, CiCaC, CaCC; و ي as the diphthongs aw, ay), consonants in the
// values of informal English, Egyptian (j→g), Maghrebi French (dj, ch, ou)
// and Persian (ض ظ ذ as z, ث as s) usage, and, for European names written
// in Arabic script (فلاديمير بوتين), the values such names use (ب p, ف v)
// with a vowel guessed only inside consonant runs. Very common names come
// from a table; the article is its own word (al, el, ad-, dropped); Abd
// al-X, X-ullah and X-uddin compounds are recognised written apart or
// together. The guessed vowels are guesses: compare Skeleton keys
// downstream.

// arabicLetter gives a consonant's values in the columns below.
type arabicLetter [5]string

// Columns of arabicLetter.
const (
	colStd     = iota // standard (BGN/PCGN-like, UN usage)
	colAlt            // informal English (q→k, th→s, dh→th)
	colEgypt          // Egyptian (j→g)
	colMaghreb        // Maghrebi French (dj, ch, ou)
	colForeign        // European names in Arabic script (b→p, f→v)
)

var arabicLetters = map[rune]arabicLetter{
	//    standard, alternative, Egyptian, Maghrebi (French), foreign name
	'ب': {"b", "b", "b", "b", "p"},
	'ت': {"t", "t", "t", "t", "t"},
	'ث': {"th", "s", "s", "t", "s"},
	'ج': {"j", "j", "g", "dj", "j"},
	'ح': {"h", "h", "h", "h", "h"},
	'خ': {"kh", "h", "kh", "kh", "kh"},
	'د': {"d", "d", "d", "d", "d"},
	'ذ': {"dh", "th", "z", "d", "z"},
	'ر': {"r", "r", "r", "r", "r"},
	'ز': {"z", "z", "z", "z", "z"},
	'س': {"s", "s", "s", "s", "s"},
	'ش': {"sh", "sh", "sh", "ch", "sh"},
	'ص': {"s", "s", "s", "s", "s"},
	'ض': {"d", "dh", "d", "d", "z"},
	'ط': {"t", "t", "t", "t", "t"},
	'ظ': {"z", "dh", "z", "d", "z"},
	'ع': {"", "", "", "", ""},
	'غ': {"gh", "gh", "gh", "gh", "g"},
	'ف': {"f", "f", "f", "f", "v"},
	'ق': {"q", "k", "k", "g", "k"},
	'ك': {"k", "k", "k", "k", "k"},
	'ل': {"l", "l", "l", "l", "l"},
	'م': {"m", "m", "m", "m", "m"},
	'ن': {"n", "n", "n", "n", "n"},
	'ه': {"h", "h", "h", "h", "h"},
	'ء': {"", "", "", "", ""},
	// Persian
	'پ': {"p", "p", "p", "p", "p"},
	'چ': {"ch", "ch", "ch", "tch", "ch"},
	'ژ': {"zh", "j", "j", "j", "zh"},
	'گ': {"g", "g", "g", "g", "g"},
	// Urdu
	'ٹ': {"t", "t", "t", "t", "t"},
	'ڈ': {"d", "d", "d", "d", "d"},
	'ڑ': {"r", "r", "r", "r", "r"},
	'ں': {"n", "n", "n", "n", "n"},
	'ھ': {"h", "h", "h", "h", "h"},
	// Pashto (ځ Zadran, ښ Pashtun/Pakhtun, څ, ږ) and its retroflexes
	'ټ': {"t", "t", "t", "t", "t"},
	'ډ': {"d", "d", "d", "d", "d"},
	'ړ': {"r", "r", "r", "r", "r"},
	'ڼ': {"n", "n", "n", "n", "n"},
	'ځ': {"z", "dz", "z", "dz", "dz"},
	'څ': {"s", "ts", "s", "ts", "ts"},
	'ښ': {"sh", "kh", "sh", "ch", "sh"},
	'ږ': {"zh", "g", "j", "j", "zh"},
	'ڤ': {"v", "v", "v", "v", "v"},
	'ڨ': {"g", "g", "g", "g", "g"},
}

// Arabic sun letters assimilate the article: al-Rahman → ar-Rahman.
var sunLetters = map[rune]bool{
	'ت': true, 'ث': true, 'د': true, 'ذ': true, 'ر': true, 'ز': true,
	'س': true, 'ش': true, 'ص': true, 'ض': true, 'ط': true, 'ظ': true,
	'ل': true, 'ن': true,
}

// appendArabicNorm appends to out the word w with letter forms that do
// not change a name folded: hamza seats, Persian and Urdu forms of yeh, kaf
// and heh, presentation forms; harakat, tatweel and ZWNJ are removed. It
// uses st.cur, st.rs2 and st.iter.
func (st *state) appendArabicNorm(out, w []rune) []rune {
	st.cur = appendRunes(st.cur[:0], w)
	st.iter.Init(norm.NFKC, st.cur)
	rs := st.rs2[:0]
	for !st.iter.Done() {
		for seg := st.iter.Next(); len(seg) > 0; {
			r, size := utf8.DecodeRune(seg)
			seg = seg[size:]
			rs = append(rs, r)
		}
	}
	st.rs2 = rs
	for i, r := range rs {
		if r == 'ه' && i+1 < len(rs) && rs[i+1] == 0x200C {
			out = append(out, 'ە') // Persian ه before ZWNJ is the vowel e: خامنه‌ای
			continue
		}
		switch {
		case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640, r == 0x200C, r == 0x200D,
			r >= 0x06D6 && r <= 0x06ED:
			continue
		}
		switch r {
		case 'ی', 'ې', 'ۍ', 'ێ':
			r = 'ي'
		case 'ک', 'ڪ':
			r = 'ك'
		case 'ۀ', 'ہ', 'ۃ':
			r = 'ه'
		case 'ٱ':
			r = 'ا'
		case 'ۓ':
			r = 'ے'
		}
		out = append(out, r)
	}
	return out
}

// appendArabicKey appends to b the lookup form of a word for the name
// table: hamza seats and alif maqsura folded too, and a hamza on the line
// dropped (رءوف, رؤوف and روف are one name).
func appendArabicKey(b []byte, w []rune) []byte {
	for _, r := range w {
		switch r {
		case 'أ', 'إ', 'آ':
			r = 'ا'
		case 'ى':
			r = 'ي'
		case 'ة':
			r = 'ه'
		case 'ئ':
			r = 'ي'
		case 'ؤ':
			r = 'و'
		case 'ء':
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// arabicNames gives the usual Latin spellings of very common names, most
// frequent in sanctions lists first. Keys are in arabicKey form.
var arabicNames = map[string][]string{
	"محمد":      {"muhammad", "mohammed", "mohamed", "mohammad", "mohamad", "muhammed"},
	"احمد":      {"ahmad", "ahmed", "ahmet"},
	"محمود":     {"mahmud", "mahmoud", "mahmood"},
	"مصطفي":     {"mustafa", "moustafa", "mostafa"},
	"علي":       {"ali"},
	"حسن":       {"hassan", "hasan"},
	"فضل":       {"fazl", "fadl", "fazal", "fadhl"}, // Fazl in Afghanistan and Pakistan, Fadl in Arabic
	"حسين":      {"hussein", "husain", "hussain", "husayn", "hossein"},
	"عمر":       {"umar", "omar", "omer"},
	"عثمان":     {"uthman", "othman", "osman", "usman"},
	"اسامه":     {"usama", "osama", "usamah"},
	"ابو":       {"abu", "abou", "abo"},
	"بن":        {"bin", "ben", "ibn"},
	"ابن":       {"ibn", "bin", "ben"},
	"بنت":       {"bint"},
	"ام":        {"umm", "um", "om"},
	"عبد":       {"abd", "abdul", "abdel", "abdu"},
	"الله":      {"allah"},
	"عبدالله":   {"abdullah", "abdallah", "abd allah", "abdulla"},
	"يوسف":      {"yusuf", "yousef", "youssef", "yusif"},
	"ابراهيم":   {"ibrahim", "ebrahim", "ibraheem"},
	"اسماعيل":   {"ismail", "ismael", "esmail"},
	"خالد":      {"khalid", "khaled"},
	"صدام":      {"saddam"},
	"سعيد":      {"said", "saeed", "saaid"},
	"سيد":       {"sayyid", "sayed", "seyed", "said"},
	"السيد":     {"al sayyid", "al sayed", "el sayed", "sayyid"},
	"موسي":      {"musa", "moussa", "mousa"},
	"عيسي":      {"isa", "issa", "eissa"},
	"يحيي":      {"yahya", "yahia"},
	"عزيز":      {"aziz"},
	"عزت":       {"izzat", "ezzat"},
	"جمال":      {"jamal", "gamal", "djamel"},
	"ناصر":      {"nasser", "nasir", "naser"},
	"عادل":      {"adel", "adil"},
	"زكريا":     {"zakariya", "zakaria"},
	"سليمان":    {"sulaiman", "suleiman", "sulayman", "soliman"},
	"فيصل":      {"faisal", "faysal"},
	"منصور":     {"mansur", "mansour", "mansoor"},
	"طه":        {"taha"},
	"صالح":      {"salih", "saleh"},
	"صلاح":      {"salah"},
	"رشيد":      {"rashid", "rachid", "rasheed"},
	"حامد":      {"hamid", "hamed"},
	"حميد":      {"hamid", "hameed"},
	"مهدي":      {"mahdi", "mehdi"},
	"قاسم":      {"qasim", "kassem", "qassem", "gasim"},
	"جعفر":      {"jafar", "jaafar"},
	"خان":       {"khan"},
	"نور":       {"nur", "noor", "nour"},
	"امير":      {"amir", "ameer"}, // not Emir: a rendering that reads as the title hides the given name
	"اكبر":      {"akbar"},
	"شاه":       {"shah"},
	"حاجي":      {"haji", "hajji", "hadji"},
	"ملا":       {"mullah", "mulla", "molla"},
	"مولوي":     {"maulvi", "mawlawi", "molvi"},
	"حافظ":      {"hafiz", "hafez"},
	"عباس":      {"abbas"},
	"كريم":      {"karim", "kareem"},
	"رحمن":      {"rahman", "rehman"},
	"رحيم":      {"rahim", "raheem"},
	"فاطمه":     {"fatima", "fatimah", "fatma"},
	"عايشه":     {"aisha", "aysha", "aicha"},
	"زينب":      {"zainab", "zeinab", "zaynab"},
	"مريم":      {"maryam", "mariam"},
	"عمار":      {"ammar"},
	"حمزه":      {"hamza", "hamzah"},
	"طالبان":    {"taliban"},
	"اسلام":     {"islam"},
	"الاسلاميه": {"al islamiya", "islamic", "al islamiyah"},
	"الدوله":    {"al dawla", "ad dawla", "dawlat"},
	"انصار":     {"ansar"},
	"جان":       {"jan"},
	"گل":        {"gul"},
	"دين":       {"din", "deen"},
	"الدين":     {"al din", "ad din", "eddine", "uddin"},
	"اختر":      {"akhtar"},
	"اسد":       {"asad", "assad"},
	"بشار":      {"bashar"},
	"معمر":      {"muammar", "moammar"},
	"القذافي":   {"al qadhafi", "gaddafi", "qaddafi", "kadhafi"},
	"قذافي":     {"qadhafi", "gaddafi", "qaddafi", "kadhafi"},
	"لادن":      {"laden", "ladin"},
	// Short given names whose vowels a guess gets wrong (one or two
	// consonants: the abjad match of fuzzy needs the spelling) and
	// common nisbas, with the spellings of UN, OFAC and EU lists and of
	// Iraqi, Gulf and Maghrebi usage.
	"عدي":   {"uday", "odai", "udai", "oday", "odey"},
	"قصي":   {"qusay", "qusai", "kusay", "qusayy"},
	"سيف":   {"saif", "sayf", "seif", "sayef"},
	"عصام":  {"isam", "issam", "essam", "esam"},
	"سعد":   {"saad", "sad", "saed"},
	"سالم":  {"salim", "salem", "saleem"},
	"منير":  {"munir", "mounir", "moneer"},
	"عمرو":  {"amr", "amru", "amro"},
	"بكر":   {"bakr", "bakar", "bekir"},
	"حمد":   {"hamad", "hamd"},
	"هاشم":  {"hashim", "hashem", "hachem"},
	"يونس":  {"yunis", "younis", "younes", "yunus"},
	"ياسر":  {"yasir", "yasser", "yaser"},
	"طارق":  {"tariq", "tarek", "tareq", "tarik"},
	"فاضل":  {"fadil", "fadel", "fadhil", "fazil"},
	"عبيدي": {"ubaidi", "obaidi", "ubaydi", "obeidi"},
	"عاني":  {"ani", "aani"},
	"ولد":   {"ould", "walad", "wuld"},
	"ثريا":  {"thuraya", "thoraya", "soraya", "suraya"},
	// Uways (CuCayC with a consonantal و: the guess reads uyas), Aweys
	// in Somalia, Owais and Awais in Pakistan.
	"عويس": {"uways", "aweys", "owais", "awais", "oweis"},
	// Common given names whose written letters the guess misreads: the
	// doubled ya of Tayyib, the hamza of Rauf and Nail written without
	// its seat, the kasra of Iyad's first alif; with Egyptian and Turkish
	// spellings (Ragab, Recep).
	"طيب":  {"tayyib", "tayeb", "taib", "tayab"},
	"روف":  {"rauf", "raouf", "rouf"},
	"رووف": {"rauf", "raouf", "rouf"},
	"نايل": {"nail", "nayel", "nael", "nayil"},
	"اياد": {"iyad", "eyad", "ayad"},
	"رجب":  {"rajab", "ragab", "recep", "redjeb"},
}

// arabicUnit is one letter of a word in a role.
type arabicUnit struct {
	cons   *arabicLetter // consonant values, nil for a vowel
	vowel  string        // long vowel: a, i, u; "" for a consonant
	altVow string        // its common alternative (o for u, e for i)
	final  bool          // ة: a/ah/at
	glide  string        // for و, ي read as vowels: their consonant value
	src    rune          // the letter
}

func isArabicVowelLetter(r rune) bool {
	switch r {
	case 'ا', 'أ', 'إ', 'آ', 'و', 'ي', 'ى', 'ؤ', 'ئ', 'ے':
		return true
	}
	return false
}

// arabicLetterPtrs holds the letters of arabicLetters for units to point
// at without a copy per unit.
var arabicLetterPtrs = func() map[rune]*arabicLetter {
	m := make(map[rune]*arabicLetter, len(arabicLetters))
	for r, l := range arabicLetters {
		m[r] = &l
	}
	return m
}()

var tshLetter = arabicLetter{"tsh", "ch", "tch", "tch", "ch"}

// arabicUnits splits a normalised word into units, deciding for و and ي
// whether they are consonants (w, y) or long vowels (u, i), and appends
// them to st.units; it returns the word's units.
func (st *state) arabicUnits(w []rune, persian bool) []arabicUnit {
	start := len(st.units)
	units := st.units
	defer func() { st.units = units }()
	for i, r := range w {
		prevVowel := i > 0 && len(units) > start && units[len(units)-1].cons == nil
		next := rune(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch r {
		case 'ا', 'آ':
			units = append(units, arabicUnit{vowel: "a", altVow: "a"})
		case 'أ':
			units = append(units, arabicUnit{vowel: "a", altVow: "e"})
		case 'إ':
			units = append(units, arabicUnit{vowel: "i", altVow: "e"})
		case 'ئ':
			units = append(units, arabicUnit{vowel: "i", altVow: "e"})
		case 'ؤ':
			units = append(units, arabicUnit{vowel: "u", altVow: "o"})
		case 'ى':
			if i >= 2 && w[i-1] == 'ن' && w[i-2] == 'ا' {
				// -انى is -ani written with alif maqsura (Haqqani, Nomani).
				units = append(units, arabicUnit{vowel: "i", altVow: "i"})
			} else if persian {
				// Persian and Pashto write final i with it too (Tokhi).
				units = append(units, arabicUnit{vowel: "i", altVow: "a"})
			} else {
				units = append(units, arabicUnit{vowel: "a", altVow: "i"})
			}
		case 'ے':
			units = append(units, arabicUnit{vowel: "e", altVow: "ay"})
		case 'ة':
			units = append(units, arabicUnit{vowel: "a", altVow: "ah", final: true})
		case 'ە':
			units = append(units, arabicUnit{vowel: "e", altVow: "a"})
		case 'ه':
			if persian && i == len(w)-1 && i > 0 && !prevVowel {
				// Persian final ه is a vowel: Zadeh, Khamenei.
				units = append(units, arabicUnit{vowel: "e", altVow: "a"})
				continue
			}
			units = append(units, arabicUnit{cons: arabicLetterPtrs[r], src: r})
		case 'و', 'ي':
			if r == 'ي' && persian && i == len(w)-1 && i >= 2 && w[i-1] == 'ز' && w[i-2] != 'ا' {
				// Pashto tribal names end in -zai, written زی: Noorzai,
				// Achekzai, Ishaqzai (zi is the runner-up); after a long
				// a it is the nisba -azi (Shirazi, Niazi).
				units = append(units, arabicUnit{vowel: "ai", altVow: "i"})
				continue
			}
			cons := i == 0 || prevVowel || isArabicVowelLetter(next) && next != 'ي' && next != 'و'
			if r == 'و' && i+1 < len(w) && w[i+1] == 'ا' {
				cons = true
			}
			if cons {
				l := &glideW
				if r == 'ي' {
					l = &glideY
				}
				units = append(units, arabicUnit{cons: l})
			} else if r == 'و' {
				units = append(units, arabicUnit{vowel: "u", altVow: "o", glide: "w"})
			} else {
				units = append(units, arabicUnit{vowel: "i", altVow: "e", glide: "y"})
			}
		case 'ش':
			if len(units) > start && units[len(units)-1].cons != nil && units[len(units)-1].cons[0] == "t" {
				// تش is the affricate ch of foreign names (-ovich).
				units[len(units)-1].cons = &tshLetter
				continue
			}
			units = append(units, arabicUnit{cons: arabicLetterPtrs[r]})
		default:
			if l, ok := arabicLetterPtrs[r]; ok {
				units = append(units, arabicUnit{cons: l, src: r})
			} else if s, ok := latinPlain(r); ok {
				units = append(units, arabicUnit{cons: &arabicLetter{s, s, s, s, s}})
			} else if s := unidecodeLower(string(r)); s != "" {
				units = append(units, arabicUnit{cons: &arabicLetter{s, s, s, s, s}})
			}
		}
	}
	return units[start:len(units):len(units)]
}

// insertMode says where short vowels are guessed.
type insertMode uint8

const (
	insNative  insertMode = iota // Arabic word patterns
	insNone                      // as written
	insForeign                   // European names written in Arabic script
)

// arabicStyle is one way to render units.
type arabicStyle struct {
	col     int    // arabicLetter column
	first   string // vowel inserted first
	rest    string // vowels inserted after
	insert  insertMode
	altVow  bool   // use the alternative long vowels (o, e)
	taMarbu string // ة
	once    bool   // insert only the first short vowel (CaCC: shams, bakr)
	glide   bool   // medial و, ي as w, y after a short a (anwar, ghayth)
	persian bool   // Persian values: ث s, ذ z, ض z, ظ z
}

// persianValues are the consonants Persian, Dari, Pashto and Urdu
// pronounce differently from Arabic (Fazl, Zia, Sanaullah).
var persianValues = map[rune]string{'ث': "s", 'ذ': "z", 'ض': "z", 'ظ': "z", 'ق': "q"}

func consValue(u arabicUnit, st arabicStyle) string {
	if st.persian {
		if v, ok := persianValues[u.src]; ok {
			return v
		}
	}
	return u.cons[st.col]
}

var glideW, glideY = arabicLetter{"w", "w", "w", "ou", "v"}, arabicLetter{"y", "y", "y", "y", "y"}

// appendArabicUnits appends the rendering of units in style st to b;
// scratch, grown as needed, holds units rewritten for the style.
func appendArabicUnits(b []byte, units []arabicUnit, st arabicStyle, scratch *[]arabicUnit) []byte {
	if st.glide {
		var g []arabicUnit
		if scratch != nil {
			g = append((*scratch)[:0], units...)
			*scratch = g
		} else {
			g = append(g, units...)
		}
		for i := range g {
			if g[i].glide != "" && i > 0 && i+1 < len(g) {
				if g[i].glide == "w" {
					g[i] = arabicUnit{cons: &glideW}
				} else {
					g[i] = arabicUnit{cons: &glideY}
				}
			}
		}
		units = g
	}
	start := len(b)
	switch st.insert {
	case insForeign:
		b = renderForeign(b, units, st)
	default:
		b = renderNative(b, units, st)
	}
	if st.insert == insForeign {
		// Slavic endings as foreign names write them: -ovich, -ov, -ova.
		s := b[start:]
		for _, e := range [...][2]string{{"uvich", "ovich"}, {"uvitch", "ovich"}, {"uf", "ov"}, {"uv", "ov"}, {"ufa", "ova"}, {"uva", "ova"}} {
			if strings.HasSuffix(string(s), e[0]) && len(s) > len(e[0])+2 {
				b = append(b[:len(b)-len(e[0])], e[1]...)
				break
			}
		}
	}
	return b
}

func writeVowelUnit(b []byte, units []arabicUnit, i int, st arabicStyle) []byte {
	u := units[i]
	switch {
	case u.final && i == len(units)-1:
		return append(b, st.taMarbu...)
	case u.final:
		return append(b, "at"...)
	case st.col == colMaghreb && u.vowel == "u":
		return append(b, "ou"...)
	case st.altVow:
		return append(b, u.altVow...)
	default:
		return append(b, u.vowel...)
	}
}

// renderNative inserts short vowels between consonants the way Arabic
// words are built: alternating (CaCCaC), always before a final consonant.
func renderNative(b []byte, units []arabicUnit, st arabicStyle) []byte {
	inserted := false // a vowel (written or inserted) precedes the current consonant
	firstDone := false
	for i, u := range units {
		if u.cons == nil {
			b = writeVowelUnit(b, units, i, st)
			inserted = true
			firstDone = true
			continue
		}
		b = append(b, consValue(u, st)...)
		if st.insert == insNone || i+1 >= len(units) || units[i+1].cons == nil {
			inserted = false
			continue
		}
		lastPair := i+2 == len(units)
		if st.once && firstDone {
			inserted = false
			continue
		}
		if !inserted || lastPair || i == 0 {
			v := st.rest
			if !firstDone {
				v = st.first
			}
			b = append(b, v...)
			firstDone = true
			inserted = true
		} else {
			inserted = false
		}
	}
	return b
}

// renderForeign inserts one vowel before the last consonant of each
// consonant run, except in a two-consonant run at the start of the word
// (vl-, pr-, st- are onsets in European names): فلادمير → vladimir,
// بوتن → putin, ולדימיר → vladimir.
func renderForeign(b []byte, units []arabicUnit, st arabicStyle) []byte {
	for i := 0; i < len(units); {
		if units[i].cons == nil {
			b = writeVowelUnit(b, units, i, st)
			i++
			continue
		}
		j := i
		for j < len(units) && units[j].cons != nil {
			j++
		}
		run := j - i
		for k := i; k < j; k++ {
			if k == j-1 && run >= 2 && !(i == 0 && run == 2) && !onsetCluster(units[k-1], units[k]) {
				if i == 0 {
					b = append(b, 'a')
				} else {
					b = append(b, 'i')
				}
			}
			b = append(b, consValue(units[k], st)...)
		}
		i = j
	}
	return b
}

// foreignVowels says whether a word writes its vowels the way European
// names in Arabic script do: two or more long i/u between consonants
// (فلاديمير, ولادیمیر, بوتين has one), or two long vowels after an onset
// cluster such as فل, بر, ول (فلادمير). Native names rarely do either.
func foreignVowels(units []arabicUnit) bool {
	if len(units) < 6 {
		return false
	}
	n, iu := 0, 0
	for i := 1; i+1 < len(units); i++ {
		if units[i].cons == nil && units[i-1].cons != nil && units[i+1].cons != nil {
			n++
			if units[i].vowel != "a" {
				iu++
			}
		}
	}
	if iu >= 2 {
		return true
	}
	onset := units[0].cons != nil && units[1].cons != nil && units[2].cons == nil &&
		strings.Contains("fbwvkp", units[0].cons[colStd][:min(1, len(units[0].cons[colStd]))]) &&
		(units[1].cons[colStd] == "l" || units[1].cons[colStd] == "r")
	return onset && n >= 2
}

// onsetCluster says whether two consonants form a cluster European names
// keep together (pr, vl, tr...): no vowel is guessed between them.
func onsetCluster(a, b arabicUnit) bool {
	l := b.cons[colForeign]
	if l != "r" && l != "l" {
		return false
	}
	switch a.cons[colForeign] {
	case "p", "b", "t", "d", "k", "g", "f", "v":
		return true
	}
	return false
}

var (
	arStd     = arabicStyle{col: colStd, first: "a", rest: "a", insert: insNative, taMarbu: "a"}
	arI       = arabicStyle{col: colStd, first: "i", rest: "a", insert: insNative, taMarbu: "a"}
	arGlide   = arabicStyle{col: colStd, first: "a", rest: "a", insert: insNative, taMarbu: "a", glide: true}
	arOnce    = arabicStyle{col: colStd, first: "a", rest: "a", insert: insNative, taMarbu: "a", once: true}
	arU       = arabicStyle{col: colStd, first: "u", rest: "a", insert: insNative, taMarbu: "ah"}
	arAlt     = arabicStyle{col: colAlt, first: "a", rest: "a", insert: insNative, altVow: true, taMarbu: "ah"}
	arEgypt   = arabicStyle{col: colEgypt, first: "a", rest: "a", insert: insNative, altVow: true, taMarbu: "a"}
	arMaghreb = arabicStyle{col: colMaghreb, first: "e", rest: "e", insert: insNative, taMarbu: "a"}
	arForeign = arabicStyle{col: colForeign, insert: insForeign, taMarbu: "a"}
	faStd     = arabicStyle{col: colStd, first: "a", rest: "a", insert: insNative, taMarbu: "a", persian: true}
	faOnce    = arabicStyle{col: colStd, first: "a", rest: "a", insert: insNative, taMarbu: "a", persian: true, once: true}
	faI       = arabicStyle{col: colStd, first: "i", rest: "a", insert: insNative, taMarbu: "a", persian: true}
	faGlide   = arabicStyle{col: colStd, first: "a", rest: "a", insert: insNative, taMarbu: "a", persian: true, glide: true}
	arBare    = arabicStyle{col: colStd, insert: insNone, taMarbu: "a"}
)

// Style orders: foreign names put the foreign style first; names with
// Persian or Urdu letters the Persian values.
var (
	arStyles      = []arabicStyle{arStd, arI, arGlide, arMaghreb, arAlt, arOnce, arEgypt, arU, arForeign, arBare}
	arForeignFist = []arabicStyle{arForeign, arStd, arI, arBare, arGlide, arMaghreb, arAlt, arU}
	faStyles      = []arabicStyle{faStd, faI, faGlide, faOnce, arStd, arAlt, arU, arForeign, arBare}
)

// arabicW is one Arabic-script word being rendered.
type arabicW struct {
	runes []rune
	key   string // arabicKey form, a view of state.keys
	units []arabicUnit
}

// arabic renders a run of Arabic-script words into the arena.
func (st *state) arabic(ws []word) {
	st.arw = st.arw[:0]
	st.units = st.units[:0]
	st.arRunes = st.arRunes[:0]
	st.keys = st.keys[:0]
	foreign, persian := false, false
	for _, w := range ws {
		for _, r := range w.runes {
			switch r {
			case 'ی', 'ک', 'پ', 'چ', 'ژ', 'گ', 'ۀ', 'ے', 'ٹ', 'ڈ', 'ڑ', 'ں', 'ھ', 'ځ', 'څ', 'ښ', 'ږ', 'ړ', 'ډ', 'ټ', 'ڼ':
				persian = true
			}
		}
		n0 := len(st.arRunes)
		st.arRunes = st.appendArabicNorm(st.arRunes, w.runes)
		r := st.arRunes[n0:len(st.arRunes):len(st.arRunes)]
		if len(r) == 0 {
			continue
		}
		k0 := len(st.keys)
		st.keys = appendArabicKey(st.keys, r)
		// The key is a view of st.keys: later appends go past it or to a
		// new array, and st.keys is only cut back on the next call.
		key := unsafe.String(&st.keys[k0], len(st.keys)-k0)
		if at, both := st.arabicSplit(r, key); both {
			// Two table names typed as one word (محمدعبد البصير):
			// two words, so that the compounds are seen.
			kl := len(string(r[:at])) // the key spells the runes one for one
			st.arw = append(st.arw, arabicW{runes: r[:at:at], key: key[:kl]}, arabicW{runes: r[at:], key: key[kl:]})
			continue
		}
		st.arw = append(st.arw, arabicW{runes: r, key: key})
	}
	words := st.arw
	for i := range words {
		body := words[i].runes
		if hasArticle(body) {
			body = body[2:]
		}
		words[i].units = st.arabicUnits(body, persian)
		k := words[i].key
		compound := strings.HasPrefix(k, "عبد") || strings.HasPrefix(k, "ابو") || strings.HasSuffix(k, "الله") || strings.HasSuffix(k, "الدين")
		if _, known := arabicNames[k]; !known && !compound && foreignVowels(words[i].units) {
			foreign = true
		}
		if strings.HasSuffix(k, "يتش") || strings.HasSuffix(k, "فيچ") || strings.HasSuffix(k, "وف") && len(words[i].runes) >= 6 && !hasArticle(words[i].runes) {
			foreign = true
		}
	}
	// Unvowelled Arabic words start with two consonants as often as
	// foreign names do, so the foreign style is always the runner-up;
	// names with Persian or Urdu letters for foreign sounds, or the
	// Slavic -يتش ending, put it first.
	styles := arStyles
	switch {
	case foreign:
		styles = arForeignFist
	case persian:
		styles = faStyles
	}
	slot := func(x span) { st.slots = append(st.slots, x) }
	for i := 0; i < len(words); i++ {
		w := words[i]
		// Compounds: عبد + ال..., X + الله, X + الدين.
		if i+1 < len(words) {
			nk := words[i+1].key
			switch {
			case w.key == "عبد" && nk == "الله":
				slot(st.addStrings(arabicNames["عبدالله"]))
				i++
				continue
			case w.key == "عبد" && hasArticle(words[i+1].runes):
				slot(st.abdCompound(st.arabicWord(words[i+1].runes[2:], words[i+1].units, styles), words[i+1].runes[2]))
				i++
				continue
			case nk == "الله" && w.key != "عبد":
				slot(st.suffixCompound(st.arabicWord(w.runes, w.units, styles), "ullah", "allah"))
				i++
				continue
			case nk == "الدين":
				slot(st.suffixCompound(st.arabicWord(w.runes, w.units, styles), "uddin", "al din", "eddine", "ad din", "aldin"))
				i++
				continue
			}
		}
		if persian && (w.key == "الرحمن" || w.key == "الرحمان") {
			slot(st.addStrings(persianRahman))
			continue
		}
		// Persian and Afghan double given names written as one word:
		// محمدرضا is Mohammad Reza, محمدجواد Mohammad Javad.
		if second, ok := strings.CutPrefix(w.key, "محمد"); ok {
			if _, ok := secondNames[second]; ok {
				rest := w.runes[utf8.RuneCountInString("محمد"):] // the key spells the runes one for one
				slot(st.addStrings(arabicNames["محمد"]))
				slot(st.arabicWord(rest, st.arabicUnits(rest, persian), styles))
				continue
			}
		}
		// The same compounds written as one word.
		if v, ok := arabicNames[w.key]; ok {
			slot(st.addStrings(v))
			continue
		}
		if strings.HasPrefix(w.key, "ابو") && len(w.runes) >= 6 {
			// Abu written together with what follows: أبوغيث, أبواليزيد.
			rest := w.runes[3:]
			var x span
			if hasArticle(rest) {
				x = st.articleVariants(st.arabicWord(rest[2:], st.arabicUnits(rest[2:], persian), styles), rest[2])
			} else {
				x = st.arabicWord(rest, st.arabicUnits(rest, persian), styles)
			}
			lo := st.beginWord()
			for i := x.lo; i < x.hi; i++ {
				st.ab = append(append(st.ab, "abu "...), st.variant(i)...)
				st.endVariant(lo, false)
				if i == x.lo {
					st.ab = append(append(st.ab, "abou "...), st.variant(i)...)
					st.endVariant(lo, false)
				}
			}
			slot(span{lo, len(st.aend)})
			continue
		}
		if strings.HasPrefix(w.key, "عبدال") && len(w.runes) > 5 {
			rest := w.runes[5:]
			slot(st.abdCompound(st.arabicWord(rest, st.arabicUnits(rest, persian), styles), rest[0]))
			continue
		}
		if strings.HasSuffix(w.key, "الله") && len(w.runes) > 4 {
			pre := w.runes[:len(w.runes)-4]
			slot(st.suffixCompound(st.arabicWord(pre, st.arabicUnits(pre, persian), styles), "ullah", "allah"))
			continue
		}
		if strings.HasSuffix(w.key, "الدين") && len(w.runes) > 5 {
			pre := w.runes[:len(w.runes)-5]
			slot(st.suffixCompound(st.arabicWord(pre, st.arabicUnits(pre, persian), styles), "uddin", "al din", "eddine"))
			continue
		}
		if hasArticle(w.runes) && len(w.runes) > 2 {
			body := st.arabicWord(w.runes[2:], w.units, styles)
			slot(st.articleVariants(body, w.runes[2]))
			continue
		}
		if at, _ := st.arabicSplit(w.runes, w.key); at > 0 {
			// A space perhaps lost after a letter that does not join
			// the next (ظاهرعويس, Dahir Aweys): the split reading is
			// the word's second variant, so a query's second rendering
			// has it and the whole word keeps the first.
			whole := st.arabicWord(w.runes, w.units, styles)
			left, right := w.runes[:at:at], w.runes[at:]
			l := st.arabicWord(left, st.arabicUnits(left, persian), styles)
			r := st.arabicWord(right, st.arabicUnits(right, persian), styles)
			lo := st.beginWord()
			st.addJoined(lo, "", whole.lo, "")
			if l.hi > l.lo && r.hi > r.lo {
				// Each part's second variant: the second rendering of
				// the name typed with the space.
				st.ab = append(st.ab, st.variant(min(l.lo+1, l.hi-1))...)
				st.addJoined(lo, " ", min(r.lo+1, r.hi-1), "")
			}
			for v := whole.lo + 1; v < whole.hi; v++ {
				st.addJoined(lo, "", v, "")
			}
			slot(span{lo, len(st.aend)})
			continue
		}
		slot(st.arabicWord(w.runes, w.units, styles))
	}
}

// arabicConsonants counts the letters of w that are no long vowel: a
// name has two or more, an ending such as -ani (نور|اني is Noorani) one.
func arabicConsonants(w []rune) int {
	n := 0
	for _, r := range w {
		if !isArabicVowelLetter(r) && r != 'ة' {
			n++
		}
	}
	return n
}

// nonJoining says whether letter r does not join the letter after it: a
// word typed without a space after it looks spaced (حسن ظاهرعويس).
func nonJoining(r rune) bool {
	switch r {
	case 'ا', 'أ', 'إ', 'آ', 'د', 'ذ', 'ر', 'ز', 'و', 'ؤ', 'ژ', 'ڈ', 'ڑ', 'ډ', 'ړ', 'ږ':
		return true
	}
	return false
}

// arabicSplit returns where word r (normalised, key its arabicKey form)
// may be two words typed without the space after a non-joining letter,
// and whether both parts are table names; 0 when it is not. A table name,
// a compound (عبد ال..., ...الله, ...الدين) or a word with the article is
// one word. The parts must be names too, each with two consonants or
// more: two table names (محمد|عبد), or a table name and a word of four
// letters or more that does not begin with a long vowel letter
// (ظاهر|عويس, Dahir Aweys; نور|يزاده is Nurizadeh). Two words of no
// table (مراد|خاني, حيدر|ابادي) are left whole: family names glue on
// endings (-khani, -abadi, -zadeh) that, split off, resemble listed names
// (Khan, Abdaoui) and brought false alerts. Of several places the one
// with both parts table names, then the most even, wins.
func (st *state) arabicSplit(r []rune, key string) (at int, both bool) {
	if len(r) < 6 || hasArticle(r) {
		return 0, false
	}
	if _, ok := arabicNames[key]; ok {
		return 0, false
	}
	if strings.HasPrefix(key, "عبدال") || strings.HasSuffix(key, "الله") || strings.HasSuffix(key, "الدين") {
		return 0, false
	}
	best, bestRank, bestGap := 0, 0, 0
	for j := 3; j+3 <= len(r); j++ {
		if !nonJoining(r[j-1]) || arabicConsonants(r[:j]) < 2 || arabicConsonants(r[j:]) < 2 {
			continue
		}
		k0 := len(st.keys)
		st.keys = appendArabicKey(st.keys, r[:j])
		_, lk := arabicNames[string(st.keys[k0:])]
		st.keys = appendArabicKey(st.keys[:k0], r[j:])
		_, rk := arabicNames[string(st.keys[k0:])]
		st.keys = st.keys[:k0]
		rank := 0
		switch {
		case lk && rk:
			rank = 2
		case lk && len(r)-j >= 4 && !isArabicVowelLetter(r[j]), rk && j >= 4 && !isArabicVowelLetter(r[0]):
			rank = 1
		}
		gap := len(r) - 2*j
		if gap < 0 {
			gap = -gap
		}
		if rank > bestRank || rank == bestRank && rank > 0 && gap < bestGap {
			best, bestRank, bestGap = j, rank, gap
		}
	}
	return best, bestRank == 2
}

// secondNames are the given names that follow Mohammad in the double
// names of Iran and Afghanistan, often written as one word (محمدرضا,
// محمدعلی), keyed in appendArabicKey form.
var secondNames = map[string]struct{}{
	"رضا": {}, "علي": {}, "حسين": {}, "حسن": {}, "جواد": {}, "باقر": {}, "مهدي": {}, "تقي": {}, "هادي": {},
	"صادق": {}, "كاظم": {}, "امين": {}, "اسماعيل": {}, "ابراهيم": {}, "كريم": {}, "رحيم": {}, "شريف": {},
	"طاهر": {}, "ناصر": {}, "يوسف": {}, "عمر": {}, "اكبر": {}, "اصغر": {}, "رسول": {}, "قاسم": {}, "سعيد": {},
	"مجيد": {}, "حميد": {}, "جعفر": {}, "صالح": {}, "اسحاق": {}, "داود": {}, "يونس": {}, "يحيي": {}, "نبي": {},
	"ولي": {}, "عارف": {}, "نعيم": {}, "اسلم": {}, "ايوب": {}, "موسي": {}, "عيسي": {}, "هاشم": {}, "نادر": {},
}

// persianRahman is الرحمن in Persian and Urdu names (Habib ur Rahman).
var persianRahman = []string{"ur rahman", "rahman", "al rahman", "ul rahman"}

// addStrings adds vs to the arena as one word's variants, as they are.
func (st *state) addStrings(vs []string) span {
	lo := st.beginWord()
	for _, v := range vs {
		st.addString(v)
	}
	return span{lo, len(st.aend)}
}

func hasArticle(r []rune) bool {
	return len(r) > 3 && (r[0] == 'ا' || r[0] == 'أ') && r[1] == 'ل'
}

// arabicWord renders one word (without article) in each style into the
// arena.
func (st *state) arabicWord(r []rune, units []arabicUnit, styles []arabicStyle) span {
	k0 := len(st.keys)
	st.keys = appendArabicKey(st.keys, r)
	v, ok := arabicNames[string(st.keys[k0:])]
	st.keys = st.keys[:k0]
	if ok {
		return st.addStrings(v)
	}
	lo := st.beginWord()
	for _, sty := range styles {
		st.ab = appendArabicUnits(st.ab, units, sty, &st.glide)
		st.endVariant(lo, true)
	}
	return span{lo, len(st.aend)}
}

// addJoined adds the concatenation of a, variant v of the arena and b as a
// variant of the word that began at lo.
func (st *state) addJoined(lo int, a string, v int, b string) {
	st.ab = append(st.ab, a...)
	st.ab = append(st.ab, st.variant(v)...)
	st.ab = append(st.ab, b...)
	st.endVariant(lo, false)
}

// articleVariants puts the article before each rendering of body: al-,
// assimilated before sun letters (ad-Duri, ash-Shami), el-, and dropped.
func (st *state) articleVariants(body span, first rune) span {
	lo := st.beginWord()
	if body.hi == body.lo {
		return span{lo, lo}
	}
	b0 := body.lo
	for i := body.lo; i < body.hi; i++ {
		st.addJoined(lo, "al ", i, "")
		switch i - body.lo {
		case 1:
			st.addJoined(lo, "", b0, "") // article dropped
		case 2:
			if sunLetters[first] && first != 'ل' {
				if l, ok := arabicLetters[first]; ok {
					st.ab = append(append(st.ab, 'a'), l[0]...)
					st.addJoined(lo, " ", b0, "")
				}
			}
			st.addJoined(lo, "el ", b0, "")
		}
	}
	if body.hi-body.lo < 3 {
		st.addJoined(lo, "", b0, "")
		st.addJoined(lo, "el ", b0, "")
	}
	return span{lo, len(st.aend)}
}

// abdCompound renders Abd al-X: abd al X, abdul X, abdel X, abd el X.
func (st *state) abdCompound(x span, first rune) span {
	lo := st.beginWord()
	if x.hi == x.lo {
		st.addString("abd")
		return span{lo, len(st.aend)}
	}
	x0 := x.lo
	st.addJoined(lo, "abd al ", x0, "")
	st.addJoined(lo, "abdul ", x0, "")
	st.addJoined(lo, "abdel ", x0, "")
	if sunLetters[first] && first != 'ل' {
		if l, ok := arabicLetters[first]; ok {
			st.ab = append(append(st.ab, "abd a"...), l[0]...)
			st.addJoined(lo, " ", x0, "")
			st.ab = append(append(st.ab, "abdu"...), l[0]...)
			st.addJoined(lo, "", x0, "")
		}
	}
	st.addJoined(lo, "abdul", x0, "")
	for v := x.lo + 1; v < x.hi; v++ {
		st.addJoined(lo, "abd al ", v, "")
		st.addJoined(lo, "abdul ", v, "")
	}
	return span{lo, len(st.aend)}
}

// suffixCompound renders X-ullah / X-uddin: joined and separate forms.
func (st *state) suffixCompound(x span, suffixes ...string) span {
	lo := st.beginWord()
	if x.hi == x.lo {
		return span{lo, lo}
	}
	for _, s := range suffixes {
		st.ab = append(st.ab, st.variant(x.lo)...)
		if strings.Contains(s, " ") {
			st.ab = append(st.ab, ' ')
		}
		st.ab = append(st.ab, s...)
		st.endVariant(lo, false)
	}
	if suffixes[0] == "ullah" {
		st.addJoined(lo, "", x.lo, " allah")
	}
	for v := x.lo + 1; v < x.hi; v++ {
		st.addJoined(lo, "", v, suffixes[0])
	}
	return span{lo, len(st.aend)}
}

// arabicSpellings holds every Latin spelling the name table gives.
var arabicSpellings = func() map[string]bool {
	m := map[string]bool{}
	for _, vs := range arabicNames {
		for _, v := range vs {
			m[v] = true
		}
	}
	for _, v := range persianRahman {
		m[v] = true
	}
	return m
}()

// IsArabicNameSpelling reports whether token (lower-case Latin) is one of
// the spellings the renderer's table of common Arabic-script names gives
// (muhammad, hussein, husain, mahmoud...). A rendering that is such a
// spelling is no guess at vowels: Husain is حسين, not حسن, whatever vowels
// a romanisation writes.
func IsArabicNameSpelling(token string) bool { return arabicSpellings[token] }
