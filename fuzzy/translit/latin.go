package translit

import "github.com/freezeguard/freezeguard/internal/fold"

// Letters whose diacritic makes a sound a matcher should keep: in keys
// they become the digraph most romanisations use (Vladimirovič and
// Vladimirovich meet).
var latinDigraph = map[rune]string{
	'č': "ch", 'Č': "ch", 'ć': "ch", 'Ć': "ch", 'ç': "ch", 'Ç': "ch",
	'š': "sh", 'Š': "sh", 'ś': "sh", 'Ś': "sh", 'ş': "sh", 'Ş': "sh",
	'ș': "sh", 'Ș': "sh", 'ž': "zh", 'Ž': "zh", 'ż': "zh", 'Ż': "zh",
	'ț': "ts", 'Ț': "ts", 'ţ': "ts", 'Ţ': "ts", 'ğ': "g", 'Ğ': "g",
}

func init() {
	for _, fam := range familyList {
		key := string(foldNoFamily(fam[0]))
		for _, v := range fam {
			k := foldNoFamily(v)
			nameFamilies[string(k)] = key
			h := familyHash(k)
			familyBits[h>>6] |= 1 << (h & 63)
		}
	}
}

// latinFold returns the ASCII key spelling of a non-ASCII Latin rune, or ""
// for anything else (marks, other scripts, symbols): the accent folding of
// package fold, with the digraph sounds kept.
func latinFold(r rune) string {
	if d, ok := latinDigraph[r]; ok {
		return d
	}
	s, _ := fold.Latin(r)
	return s
}

// asciiStrings holds one-byte strings so that latinPlain does not allocate.
var asciiStrings = func() (t [128]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return t
}()

// latinPlain returns r's ASCII spelling without its diacritics, lower-cased,
// and whether r is a Latin letter (or digit) this package knows.
func latinPlain(r rune) (string, bool) {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return asciiStrings[r], true
	case r >= 'A' && r <= 'Z':
		return asciiStrings[r+'a'-'A'], true
	}
	return fold.Latin(r)
}

// latinWord renders a Latin-script word into the arena: its plain
// accent-folded form and, when its diacritics carry sounds (č, š, ž, ç, ş,
// ä, ö, ü), the digraph respelling (Vladimirovič → vladimirovic,
// vladimirovich).
func (st *state) latinWord(w []rune) span {
	plain, di := st.hb[0][:0], st.hb[1][:0]
	diff := false // a letter spells differently: di is in use
	for _, r := range w {
		var p, d string
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			plain, di = append(plain, byte(r)), append(di, byte(r))
			continue
		case r >= 'A' && r <= 'Z':
			plain, di = append(plain, byte(r+'a'-'A')), append(di, byte(r+'a'-'A'))
			continue
		}
		p, _ = latinPlain(r)
		switch {
		case latinDigraph[r] != "":
			d = latinDigraph[r]
		case r == 'ä' || r == 'Ä':
			d = "ae"
		case r == 'ö' || r == 'Ö':
			d = "oe"
		case r == 'ü' || r == 'Ü':
			d = "ue"
		default:
			d = p
		}
		diff = diff || d != p
		plain, di = append(plain, p...), append(di, d...)
	}
	st.hb[0], st.hb[1] = plain, di
	lo := st.beginWord()
	st.ab = append(st.ab, plain...)
	st.endVariant(lo, false)
	if diff {
		st.ab = append(st.ab, di...)
		st.endVariant(lo, true)
	}
	return span{lo, len(st.aend)}
}

func foldNoFamily(s string) []byte {
	var raw [MaxFoldToken]byte
	n := asciiLower(raw[:], s)
	return foldASCII(nil, raw[:n])
}

// nameFamilies maps the Fold key of a common name's spelling to the key of
// its family's first spelling. Built at init from familyList.
var nameFamilies = map[string]string{}

// familyList holds spellings of very common names, mostly of Arabic
// origin, whose romanisations differ in vowels beyond what the letter rules
// fold. Each line is one name; the first spelling is the family key. Only
// spellings seen in sanctions lists and payment data belong here: a wrong
// entry merges two names.
var familyList = [][]string{
	{"muhammad", "mohammed", "mohamed", "mohammad", "mohamad", "muhammed", "muhamed", "mohamud", "mohammod", "mehmet", "mehmed", "muhamad", "mahomed", "mouhamed", "mohamet", "muhammet", "mukhammad", "mukhammed", "magomed"},
	{"ahmad", "ahmed", "ahmet", "akhmad", "akhmed", "ahmat"},
	{"mahmud", "mahmood", "mahmoud", "mehmood", "mahmut", "makhmud"},
	{"husain", "hussein", "husayn", "hussain", "husein", "hossein", "hosein", "houssein", "huseyin", "hussien", "husen", "hussen", "houcine", "hocine"},
	{"hasan", "hassan", "hasen", "hassen", "hesen", "hassane"},
	{"hasani", "hassani", "hasany"},
	{"usama", "osama", "ousama", "oussama", "usamah", "osamah"},
	{"umar", "omar", "oumar", "omer", "ömer"},
	{"uthman", "othman", "osman", "usman", "outhman", "othmane", "uthmane", "osmane"},
	{"abd", "abdu", "abdou"},
	// Abd al- with the article assimilated to a sun letter is the same
	// word: Abdur Rahman, Abdus Salam, Abdush Shakur, Abdun Nasir.
	{"abdul", "abdoul", "abdel", "abdal", "abdol", "abdil", "abdur", "abdus", "abdush", "abdun", "abduz", "abdurr", "abdour", "abdous", "abder", "abdes"},
	{"abdullah", "abdallah", "abdollah", "abdulla", "abdoullah", "abdellah", "abdillah"},
	{"abdulrahman", "abdurrahman", "abdelrahman", "abdulrahmane", "abderrahmane", "abdurahman", "abdarrahman", "abdalrahman", "abdorrahman", "abdourahmane", "abderahmane"},
	{"yusuf", "yousef", "youssef", "yusef", "yousif", "yusif", "yousuf", "youcef", "yussuf", "jusuf"},
	{"ibrahim", "ebrahim", "brahim", "ibraheem", "ibragim", "ebraheem"},
	{"ismail", "ismael", "esmail", "ismayil", "ismaeel"},
	{"khalid", "khaled", "halid", "haled", "khaleed"},
	{"mustafa", "moustafa", "mostafa", "mustapha", "moustapha", "mostapha", "mustafah"},
	{"abu", "abou", "abo"},
	{"al", "el", "ul"}, // the Arabic article (al-Rawi, El Khairy, Ehsan ul Haq)
	{"ali", "aly"},
	{"said", "saeed", "saied", "sayeed", "saeid"},
	{"abbas", "abas"},
	{"hamid", "hameed", "hamed"},
	{"rashid", "rasheed", "rachid", "rashed", "rached"},
	{"mahdi", "mehdi", "mahdy"},
	{"musa", "moussa", "mousa", "mossa", "mussa"},
	{"isa", "issa", "eisa", "esa"},
	{"yahya", "yahia", "yehia", "yahiya", "yahyah"},
	{"nur", "noor", "nour", "nor"},
	// French spellings of common names (ch for sh, ou for u) as the
	// Maghreb writes them.
	{"sharif", "sherif", "cherif", "shareef", "charif"},
	{"hisham", "hicham", "hichem", "hesham"},
	{"bashir", "bachir", "bechir", "basheer"},
	{"hashim", "hachem", "hachim", "hashem"},
	{"shukri", "choukri", "shoukri"},
	{"shakir", "chakir", "shaker", "chaker"},
	{"aisha", "aicha", "aysha", "aishah", "ayesha"},
	// al-Din, ad-Din ("of the faith", the second part of Salah al-Din,
	// Nur al-Din) written as one word, as French and Urdu spellings and
	// the join of "al din" write it.
	{"uddin", "aldin", "eldin", "eddin", "eddine", "addin", "iddin", "uldin", "uddine", "ud-din"},
	{"salih", "saleh"},
	{"abdulaziz", "abdelaziz", "abdalaziz", "abdulazeez"},
	{"faisal", "faysal", "feisal", "faical", "fayssal"},
	{"mansur", "mansour", "mansoor"},
	{"qasim", "kassem", "qassem", "kasim", "qasem", "gasim", "kacem"},
	{"jamal", "djamel", "jamel", "gamal", "djamal"},
	{"jafar", "jaafar", "djafar", "jaffar"},
	{"tahir", "taher", "tahar"},
	{"nasir", "nasser", "naser", "nassir", "nacer"},
	{"zakariya", "zakaria", "zakariyya", "zakariah", "zacharia"},
	{"sulaiman", "sulayman", "suleiman", "sleiman", "soliman", "suleyman", "slimane", "sulejman"},
	{"uzbek", "ozbek"},
	{"shaykh", "sheikh", "shaikh", "sheik", "shaikh", "cheikh", "shekh", "sheykh"},
	// Korean surnames: South Korean usage, Revised Romanization (voiced
	// initials: Gim, Bak, Gang) and the DPRK's McCune-Reischauer style
	// (Ri, Pak, Choe). Spellings that are also distinct pinyin syllables
	// mostly stay out (Gong and Kong, Pan and Ban are different Chinese
	// names); Li/Yi/Ri and Kang/Gang are in, as the usual spellings of 이
	// and 강, at the cost of merging those pinyin syllables.
	{"lee", "ri", "rhee", "rhi", "ree", "yi"},
	{"kim", "gim"},
	{"park", "pak", "bak", "pakk"},
	{"choi", "choe"},
	{"jeong", "jung", "chung", "jong", "chong", "cheong"},
	{"kang", "gang"},
	{"kwon", "gwon"},
	{"kwak", "gwak"},
	{"baek", "paek", "paik"},
}
