package fuzzy

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/antzucaro/matchr"
)

// Jaro-Winkler gives the values Winkler (1990) publishes, and agrees with
// matchr, a test-only reference, on the letters fold keys are made of.
// (matchr also leaves digits out of the common beginning; fold keys have
// none.)
func TestJaroWinklerMatchesMatchr(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"martha", "marhta", 0.961},
		{"dwayne", "duane", 0.840},
		{"dixon", "dicksonx", 0.813},
	} {
		if got := jaroWinkler(c.a, c.b); math.Abs(got-c.want) > 0.0005 {
			t.Errorf("jaroWinkler(%q, %q) = %.4f, Winkler gives %.3f", c.a, c.b, got, c.want)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	words := []string{"putin", "poutine", "vladimir", "wladimir", "martha", "marhta", "dixon", "dicksonx", "a", "ab", "", "mohammed", "muhammad", "dwayne", "duane"}
	for i := 0; i < 3000; i++ {
		var a, b string
		if i < len(words)*len(words) {
			a, b = words[i%len(words)], words[i/len(words)]
		} else {
			a, b = randWord(r), randWord(r)
		}
		got, want := jaroWinkler(a, b), matchr.JaroWinkler(a, b, false)
		if math.Abs(got-want) > 1e-12 {
			t.Fatalf("jaroWinkler(%q, %q) = %v, matchr says %v", a, b, got, want)
		}
	}
}

// osa lies between matchr's Damerau-Levenshtein (unrestricted
// transpositions) and Levenshtein (none), and honours its limit.
func TestOSABetweenDamerauAndLevenshtein(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 3000; i++ {
		a, b := randWord(r), randWord(r)
		d := osa(a, b, 100)
		lo, hi := matchr.DamerauLevenshtein(a, b), matchr.Levenshtein(a, b)
		if d < lo || d > hi {
			t.Fatalf("osa(%q, %q) = %d, want within [%d, %d]", a, b, d, lo, hi)
		}
		if lim := d - 1; lim >= 0 && osa(a, b, lim) != lim+1 {
			t.Fatalf("osa(%q, %q, %d) = %d, want %d", a, b, lim, osa(a, b, lim), lim+1)
		}
	}
	if d := osa("putin", "uptin", 3); d != 1 {
		t.Errorf("osa transposition at the start = %d, want 1", d)
	}
}

func randWord(r *rand.Rand) string {
	n := r.IntN(12)
	b := make([]byte, n)
	for i := range b {
		b[i] = "abcdeilmnorstu"[r.IntN(14)]
	}
	return string(b)
}

func TestNormalisation(t *testing.T) {
	for _, c := range []struct {
		in   string
		kind Kind
		want string
	}{
		{"PUTIN, Vladimir Vladimirovich", KindPerson, "vladimir vladimirovich putin"},
		{"  Dr.  José   María\tAZNAR-LÓPEZ ", KindPerson, "dr jose maria aznar lopez"},
		{"O'BRIEN, Christopher", KindPerson, "christopher obrien"},
		{"ANGLO-CARIBBEAN CO., LTD.", KindOrganization, "anglo caribbean co ltd"},
		{"Straße\u200b Øresund", KindUnknown, "strasse oresund"},
		{"ＡＢＣ", KindUnknown, "abc"},
		{"A\u0301lvaro", KindUnknown, "alvaro"},
		{"ARMAN ١١٤", KindVessel, "arman 114"},
		{"\x00bad\xffutf8\x7f", KindUnknown, "bad utf8"},
		{"SEABRASSLIMITED", KindOrganization, "seabrass limited"},
		{"LLCSYNESIS", KindUnknown, "llc synesis"},
		{"CJSCSBERBANK-TECHNOLOGY", KindOrganization, "cjsc sber bank technology"},
		{"ROSOBORONEKSPORTOAO", KindOrganization, "rosoboroneksport oao"},
		{"U.S. BANCORP", KindOrganization, "u s bancorp"}, // a word of its own, not BAN CORP
		{"3M COMPANY", KindOrganization, "3m company"},    // a short code is one token: 3M is not 3 M
		{"JSC 33SHIPYARD", KindOrganization, "jsc 33 shipyard"},
		{"JOINT STOCK COM PANY X", KindOrganization, "joint stock company x"},
		{"Ivan Ivano vich", KindPerson, "ivan ivano vich"},
		{"!!! ... ---", KindUnknown, ""},
	} {
		if got := normString(c.in, c.kind); got != c.want {
			t.Errorf("normString(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// Arabic harakat and tatweel are removed before transliteration: a
	// vocalised and an unvocalised spelling read alike.
	if a, b := normString("مُحَمَّد", KindPerson), normString("مـحـمد", KindPerson); a != normString("محمد", KindPerson) || b != a {
		t.Errorf("harakat/tatweel not removed: %q, %q, %q", a, b, normString("محمد", KindPerson))
	}
}

func TestClasses(t *testing.T) {
	var p parser
	p.parse("Sheikh Mohammed bin Rashid S.A. de C.V. 114", KindOrganization)
	got := map[string]tokClass{}
	for _, tk := range p.names[0].toks {
		got[tk.text] = tk.cls
	}
	want := map[string]tokClass{"sheikh": clsTitle, "mohammed": clsContent, "bin": clsParticle, "rashid": clsContent, "s": clsLegal, "a": clsLegal, "de": clsLegal, "c": clsLegal, "v": clsLegal, "114": clsNumber}
	for k, c := range want {
		if got[k] != c {
			t.Errorf("class of %q = %d, want %d", k, got[k], c)
		}
	}
	p.reset()
	p.parse("M/V ARMAN 114", KindVessel)
	if tk := p.names[0].toks[0]; tk.cls != clsTitle {
		t.Errorf("vessel prefix m: class %d", tk.cls)
	}
}

func TestCompareCases(t *testing.T) {
	for _, c := range []struct {
		a, b   string
		kind   Kind
		above  bool
		reason string
	}{
		{"Vladimir Putin", "PUTIN, Vladimir Vladimirovich", KindPerson, true, "missing patronymic"},
		{"V. V. Putin", "PUTIN, Vladimir Vladimirovich", KindPerson, true, "initials"},
		{"Putin Vladimir", "Vladimir Putin", KindPerson, true, "order"},
		{"Osama bin Laden", "BIN LADIN, Usama", KindPerson, true, "romanisation"},
		{"Usama binladin", "BIN LADIN, Usama", KindPerson, true, "joined"},
		{"Abdulrahman Yasin", "ABD AL-RAHMAN YASIN", KindPerson, true, "joined with particle"},
		{"Mr Vladimir Putin", "Vladimir Putin", KindPerson, true, "title"},
		{"Banco Nacional de Cuba S.A.", "BANCO NACIONAL DE CUBA", KindOrganization, true, "legal form"},
		{"Владимир Путин", "PUTIN, Vladimir", KindPerson, true, "Cyrillic"},
		{"ARMAN 114", "ARMAN 115", KindVessel, false, "numbers differ"},
		{"M/V ARMAN 114", "ARMAN 114", KindVessel, true, "vessel prefix"},
		{"MT ARMAN 114", "ARMAN 114", KindVessel, true, "vessel prefix"},
		{"CORP", "CORP", KindOrganization, false, "legal form only"},
		{"Vladimir Petrov", "PUTIN, Vladimir Vladimirovich", KindPerson, false, "other surname"},
		{"Kim Jong Man", "KIM, Jong Un", KindPerson, false, "other given name"},
		{"Vladimir Vladimirovich Putin", "PUTIN, V.V.", KindPerson, true, "listed initials"},
		{"Mohammed Ali", "AL-HOUTHI, Mohammed Ali", KindPerson, false, "common names inside a longer name"},
		{"Jon Smith", "John Smith", KindPerson, true, "silent h in a short name"},
		{"Jhon Smith", "John Smith", KindPerson, true, "misplaced h"},
		{"Ali Khan", "Bali Khan", KindPerson, false, "a letter more is another name"},
		// Round 2: false positives.
		{"Acme Trading GmbH", "LLC AKM", KindOrganization, false, "one short token matched only by sound"},
		{"Patricia King", "PATRICIA", KindPerson, false, "King after a name is a surname, not a title"},
		{"Karen King", "STEPANYAN, Karen", KindPerson, false, "given name only, other surname"},
		{"Corporation Aa", "AA", KindUnknown, false, "two letters identify no one"},
		{"AAAAAAAAAAAA", "AA", KindUnknown, false, "two letters identify no one"},
		{"TITHE", "AKIRAPHOKIN, Thit", KindUnknown, false, "short token matched by transliteration only"},
		{"SEA TANKER II", "SEA TANKER III", KindVessel, false, "Roman numerals differ"},
		{"SEA TANKER 2", "SEA TANKER II", KindVessel, true, "Roman numeral"},
		{"MV SEA TANKER", "SEA TANKER", KindVessel, true, "vessel prefix costs nothing"},
		{"M/V SEA TANKER", "SEA TANKER", KindUnknown, true, "vessel prefix costs nothing"},
		{"OSAMA BIN LADEN", "USAMA BIN LADEN NETWORK", KindUnknown, false, "organisation named after the person"},
		{"Hamas", "Hamas Investment Company", KindUnknown, false, "company named after the group"},
		{"He Na", "HENNA", KindUnknown, false, "short syllables joined"},
		{"Lin Dai", "LINDA", KindUnknown, false, "a join must spell the name"},
		{"Khalid Mansur", "MANSUR, Khalil", KindPerson, false, "two known names a letter apart"},
		{"Maria Ivanova", "Marina Ivanova", KindPerson, false, "two known names a letter apart"},
		{"Eduardo Mendoza", "MENDOZA ROBLES, Eduardo", KindPerson, false, "common names inside a longer name"},
		{"Wang Wei", "WANG, Wei Hong", KindPerson, false, "pinyin syllables are common"},
		{"Hussein", "HUSSAINI", KindUnknown, false, "a common name misspelt"},
		// Round 2: misses.
		{"Hezbollah", "Hizballah", KindOrganization, true, "vowels of a romanisation"},
		{"Putyin elnök", "PUTIN, Vladimir Vladimirovich", KindPerson, true, "Hungarian title after the name"},
		{"Vladimiras Putinas", "PUTIN, Vladimir Vladimirovich", KindPerson, true, "Lithuanian case endings"},
		{"Jonas Petraitis", "Jonas PETRAITIS", KindPerson, true, "same name"},
		{"طارق عزيز", "AZIZ, Tariq", KindPerson, true, "transliteration guesses vowels"},
		{"Hussein Ali Kamel", "Husayn Ali Kamil", KindPerson, true, "e/i of a romanisation"},
		{"CHONMASAN", "CHON MA SAN", KindVessel, true, "joined Korean syllables"},
		{"UR-CQA", "URCQA", KindAircraft, true, "tail number without hyphen"},
		{"GRACE 1", "GRACE ONE", KindVessel, true, "number in words"},
		{"Mahan Air", "Mahan Airlines", KindOrganization, true, "air and airlines are generic"},
		{"Choe Ryong Hae", "Choi Ryong-hae", KindPerson, true, "Korean Choe/Choi (translit.Fold)"},
		{"Ri Pyong Chol", "Lee Pyong Chol", KindPerson, true, "Korean Ri/Lee (translit.Fold)"},
		{"PHYONGCHON & MARINE", "PHYONGCHON SHIPPING & MARINE", KindUnknown, true, "an organisation word in the middle is no sign of a namesake"},
		{"Abd al-Rahman Mustafa al-Qaduli", "Abdulrahman Mustafa Al-Qaduli", KindPerson, true, "compound name joined around a particle"},
		{"Natalia Vinogradov", "VINOGRADOVA, Natalya", KindPerson, false, "masculine and feminine surname"},
		{"Irina Petrovskaya", "PETROVSKY, Irina", KindPerson, false, "masculine and feminine surname"},
		{"GRACE 1", "GRACE TWO", KindVessel, false, "numbers in words differ"},
		{"Bank Melli Iran", "Bank Melli", KindOrganization, true, "a country says where, not which"},
		{"Ahmend Ali SALEH", "Ahmed Ali SALEH", KindPerson, true, "a typo of the spelling, not of the fold key"},
		{"LIMITED LIABILITY COMTANY RIMERA ALNAS", "LIMITED LIABILITY COMPANY RIMERA ALNAS", KindOrganization, true, "typo in a legal form"},
		{"Ivan Ivano vich DEMCHENKO", "Ivan Ivanovich DEMCHENKO", KindPerson, true, "token split"},
		{"SEABRASSLIMITED", "SEABRASS LIMITED", KindOrganization, true, "legal form glued"},
		{"JOINT STOCK COM PANY VISMUT", "JOINT STOCK COMPANY VISMUT", KindOrganization, true, "legal form split"},
	} {
		ex := Compare(c.a, c.b, c.kind)
		if (ex.Score >= Threshold) != c.above {
			t.Errorf("Compare(%q, %q) = %.3f, want above Threshold %v (%s); %+v", c.a, c.b, ex.Score, c.above, c.reason, ex)
		}
	}
}

// Search, Explain and Compare give a pair the same score.
func TestNoDrift(t *testing.T) {
	ix, ls := realIndex(t)
	qs := []string{"Vladimir Putin", "USAMA BIN LADIN", "Kim Jong Un", "Banco Nacional de Cuba", "Путин", "ALQAEDA", "Mohammed Ali"}
	qs = append(qs, benchQueries(ls, 300, false)...)
	for _, q := range qs {
		for _, m := range ix.Search(q, KindUnknown, 10, 0.5, nil) {
			ex := ix.Explain(q, KindUnknown, m.ID)
			cmp := compare(q, KindUnknown, ls[m.ID].Name, ls[m.ID].Kind)
			if math.Abs(ex.Score-m.Score) > 1e-9 || math.Abs(cmp.Score-m.Score) > 1e-9 {
				t.Errorf("%q vs %q: Search %.6f, Explain %.6f, compare %.6f", q, ls[m.ID].Name, m.Score, ex.Score, cmp.Score)
			}
		}
	}
}

// Properties over real listed names: identity, bounds, and where symmetry
// holds. Compare is asymmetric by design (extra query tokens cost more
// than extra listed tokens); it is symmetric when both names have the same
// tokens (any order) and when the query is not made of common tokens and
// no side has extra tokens.
func TestProperties(t *testing.T) {
	ls := realNames(t)
	r := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 3000; i++ {
		a := ls[r.IntN(len(ls))]
		b := ls[r.IntN(len(ls))]
		ex := Compare(a.Name, a.Name, a.Kind)
		var p parser
		p.parse(a.Name, a.Kind)
		identifying := len(p.names) > 0 && p.names[0].wContent > 0
		if identifying && ex.Score != 1 {
			t.Errorf("Compare(a, a) = %v for %q, want 1", ex.Score, a.Name)
		}
		s1 := Compare(a.Name, b.Name, KindUnknown).Score
		s2 := Compare(b.Name, a.Name, KindUnknown).Score
		for _, s := range []float64{s1, s2} {
			if s < 0 || s > 1 || math.IsNaN(s) {
				t.Fatalf("score %v out of [0, 1] for %q, %q", s, a.Name, b.Name)
			}
		}
		// Same tokens in another order: symmetric. (Latin only: for other
		// scripts word order changes the transliteration, e.g. عبد الله
		// reads as one name, Abdullah.)
		f := strings.Fields(a.Name)
		// A legal form of several words (JOINT STOCK COMPANY) is one only
		// in its order: moved apart, its words are words.
		if len(f) > 1 && identifying && isLatin(a.Name) && legalTokens(a.Name, a.Kind) == legalTokens(strings.Join(append(f[1:], f[0]), " "), a.Kind) {
			rev := strings.Join(append(f[1:], f[0]), " ")
			if x, y := Compare(a.Name, rev, a.Kind).Score, Compare(rev, a.Name, a.Kind).Score; x != y {
				t.Errorf("reordered %q / %q: %v vs %v", a.Name, rev, x, y)
			}
		}
	}
}

func TestBadInput(t *testing.T) {
	ix, _ := realIndex(t)
	huge := strings.Repeat("Vladimir Putin ", 10000)
	for _, q := range []string{"", " ", "\x00\x01\x02", "\xff\xfe\xfd", "!!!???...", strings.Repeat("a", 5000), huge,
		"Vladimir Путин", "Путин\u200fVladimir\u202e", "\u0640\u064b\u0650", "٠١٢٣", "🙂🙂", "\u0301\u0301"} {
		res := ix.Search(q, KindUnknown, 5, 0, nil)
		for _, m := range res {
			if m.Score < 0 || m.Score > 1 {
				t.Errorf("%q: score %v", q, m.Score)
			}
		}
		ex := Compare(q, "PUTIN, Vladimir Vladimirovich", KindUnknown)
		if !utf8.ValidString(ex.Query) || len(ex.Query) > 2*MaxNameBytes {
			t.Errorf("%q: bad normalised query %q", q, ex.Query)
		}
	}
	// A long name is bounded: at most maxTokens tokens, what is said
	// again said once.
	if got := normString(huge, KindUnknown); !strings.HasPrefix(got, "vladimir putin") || len(strings.Fields(got)) > 3 {
		t.Errorf("huge query normalised to %q", got)
	}
	if got := normString(strings.Repeat("Vladimir Putin Kim ", 1000)+"Jong Un", KindUnknown); got != "vladimir putin kim" {
		t.Errorf("past MaxNameBytes of letters: %q", got)
	}
	if ex := ix.Explain("x", KindUnknown, 1<<31); ex.Score != 0 || len(ex.Notes) == 0 {
		t.Errorf("Explain of unknown id: %+v", ex)
	}
	if got := Build(nil).Search("Putin", KindUnknown, 5, 0, nil); len(got) != 0 {
		t.Errorf("empty index found %v", got)
	}
}

// Search with a dst of enough capacity does not allocate for Latin queries.
func TestSearchZeroAlloc(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items under the race detector")
	}
	ix, _ := realIndex(t)
	dst := make([]Match, 0, 16)
	qs := []string{"John Smith", "Vladimir Putin", "Global Khan Logistics LLC", "USAMA BIN LADN", "Maria Garcia Lopez"}
	for _, q := range qs {
		dst = ix.Search(q, KindUnknown, 10, Threshold, dst[:0])
	}
	n := testing.AllocsPerRun(50, func() {
		for _, q := range qs {
			dst = ix.Search(q, KindUnknown, 10, Threshold, dst[:0])
		}
	})
	if n != 0 {
		t.Errorf("Search allocates %v times per run", n)
	}
}

func FuzzNormalise(f *testing.F) {
	for _, s := range []string{"PUTIN, Vladimir Vladimirovich", "Владимир Путин", "فلاديمير بوتين", "弗拉基米尔·普京",
		"ANGLO-CARIBBEAN CO., LTD.", "S.A. de C.V.", "\xff", "O'BRIEN", "M/V ARMAN 114", "블라디미르 푸틴",
		"I.P.C. INTERNATIONAL LIMITED", "GENERAL TECHNOLOGY LIMITED", "K M A", "Sp. z o.o.",
		strings.Repeat(" -", 600) + "HIZBALLAH", strings.Repeat("\u200b", 400) + "HIZBALLAH", strings.Repeat("LLC a ", 40) + "HIZBALLAH",
		// look-alike letters (issue 9): Cyrillic in Latin, Latin in
		// Cyrillic, fullwidth, mathematical, dotted initials, invalid UTF-8
		"Vl\u0430dimir Vladimirovich Putin", "\u0413o\u0440\u0431\u0430\u0447\u0451\u0432", "\uFF30\uFF35\uFF34\uFF29\uFF2E",
		"V\U0001D425adimir \U0001D4DFutin", "CIMEX, \u0405.A.", "Vl\u0430d\xffimir", strings.Repeat("\u0430a", 600)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var p parser
		p.parse(s, KindUnknown)
		if len(p.in) > 10*MaxNameBytes {
			t.Fatalf("bounded input of %d bytes", len(p.in))
		}
		for _, nm := range p.names {
			if len(nm.toks) > maxTokens {
				t.Fatalf("%d tokens", len(nm.toks))
			}
			for _, tk := range nm.toks {
				if tk.text == "" || len(tk.text) > maxTokenBytes {
					t.Fatalf("bad token %q", tk.text)
				}
				for i := 0; i < len(tk.text); i++ {
					if c := tk.text[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
						t.Fatalf("token %q not lower-case ASCII", tk.text)
					}
				}
			}
		}
	})
}

func FuzzCompare(f *testing.F) {
	f.Add("Vladimir Putin", "PUTIN, Vladimir Vladimirovich")
	f.Add("Владимир Путин", "PUTIN, Vladimir")
	f.Add("binladin", "bin laden")
	f.Add("ARMAN 114", "ARMAN 115")
	f.Add("", "\xff")
	f.Fuzz(func(t *testing.T, a, b string) {
		s := Compare(a, b, KindUnknown).Score
		if s < 0 || s > 1 || math.IsNaN(s) {
			t.Fatalf("Compare(%q, %q) = %v", a, b, s)
		}
		var p parser
		p.parse(a, KindUnknown)
		if len(p.names) > 0 && p.names[0].wContent > 0 {
			if s := Compare(a, a, KindUnknown).Score; s != 1 {
				t.Fatalf("Compare(a, a) = %v for %q", s, a)
			}
		}
	})
}

// Concurrent readers of one Index get the results a single reader gets
// (run with -race).
func TestConcurrentSearch(t *testing.T) {
	ix, ls := realIndex(t)
	qs := benchQueries(ls, 200, false)
	want := make([][]Match, len(qs))
	for i, q := range qs {
		want[i] = ix.Search(q, KindUnknown, 10, 0.6, nil)
	}
	done := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func(g int) {
			var dst []Match
			for k := range qs {
				i := (k*7 + g*13) % len(qs)
				dst = ix.Search(qs[i], KindUnknown, 10, 0.6, dst[:0])
				if len(dst) != len(want[i]) {
					done <- fmt.Errorf("%q: %d results, want %d", qs[i], len(dst), len(want[i]))
					return
				}
				for j := range dst {
					if dst[j] != want[i][j] {
						done <- fmt.Errorf("%q: result %d = %v, want %v", qs[i], j, dst[j], want[i][j])
						return
					}
				}
			}
			done <- nil
		}(g)
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// A listed name with initials is found through its full tokens, and its
// score is not pruned away.
func TestSearchListedInitials(t *testing.T) {
	ix := Build([]Record{{ID: 1, Name: "PUTIN, V.V.", Kind: KindPerson}, {ID: 2, Name: "PUTINA, Maria", Kind: KindPerson}})
	res := ix.Search("Vladimir Vladimirovich Putin", KindPerson, 5, Threshold, nil)
	if len(res) == 0 || res[0].ID != 1 {
		t.Fatalf("got %v, want record 1 first", res)
	}
	if ex := ix.Explain("Vladimir Vladimirovich Putin", KindPerson, 1); math.Abs(ex.Score-res[0].Score) > 1e-9 {
		t.Errorf("Explain %.4f, Search %.4f", ex.Score, res[0].Score)
	}
}

// Search finds every record that scoring all listed names (brute force,
// the same scorer) puts at or above min: retrieval and pruning lose
// nothing. (Listed names that would match through initials alone are the
// documented exception; the query mix has none.)
func TestSearchMatchesBruteForce(t *testing.T) {
	ix, ls := realIndex(t)
	qs := benchQueries(ls, 60, false)
	qs = append(qs, "Vladimir Putin", "V. V. Putin", "Usama binladin", "Kim Jong Un", "Banco Nacional Cuba",
		"حماده ولد محمد الخيري", "محمد يوسف كرم", "حامد رجا صلاح التكريتي")
	for _, l := range ls {
		if len(qs) < 60+8+20 && isAbjad(l.Name) {
			qs = append(qs, l.Name) // merged readings (see mergeFloor)
		}
	}
	s := newSearcher(ix)
	s.sc.memo = nil // plain tokSim
	const min = 0.7
	for _, q := range qs {
		want := map[uint32]float64{}
		s.p.reset()
		s.p.parse(q, KindUnknown)
		for ri := range ix.recs {
			var sc float32
			docs := func() {
				for d := ix.recDoc[ri]; d < ix.recDoc[ri+1]; d++ {
					s.docToks = ix.docName(d, &s.docNm, s.docToks)
					for qi := range s.p.names {
						sc = max(sc, s.sc.scoreNames(&s.p.names[qi], &s.docNm, nil))
					}
				}
			}
			docs()
			if mergeable(s.p.names) && sc >= mergeFloor {
				s.sc.alts, s.sc.merge = s.p.names, true
				docs()
				s.sc.alts, s.sc.merge = nil, false
			}
			if float64(sc) >= min {
				id := ix.recs[ri].ID
				want[id] = max(want[id], float64(sc))
			}
		}
		got := map[uint32]float64{}
		for _, m := range ix.Search(q, KindUnknown, 1<<20, min, nil) {
			got[m.ID] = m.Score
		}
		for id, sc := range want {
			if g, ok := got[id]; !ok || math.Abs(g-sc) > 1e-6 {
				t.Errorf("%q: %q scores %.4f by brute force, Search gives %.4f (found %v)", q, ls[id].Name, sc, g, ok)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%q: Search found %d records, brute force %d", q, len(got), len(want))
		}
	}
}

func FuzzSearch(f *testing.F) {
	ix := Build([]Record{
		{1, "PUTIN, Vladimir Vladimirovich", KindPerson}, {2, "Владимир Путин", KindPerson},
		{3, "BIN LADIN, Usama", KindPerson}, {4, "AL QA'IDA", KindOrganization}, {5, "ARMAN 114", KindVessel},
		{6, "V. V.", KindPerson}, {7, "ООО Ромашка", KindOrganization}, {8, "", KindUnknown},
		{9, "EL KHAIRY, Hamad", KindPerson},
	})
	for _, s := range []string{"Vladimir Putin", "usama binladin", "alqaida", "M/V ARMAN 114", "V", "Путин", "\xff\x00", "ооо",
		"حماده ولد محمد الخيري"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, m := range ix.Search(q, KindUnknown, 10, 0, nil) {
			if m.Score < 0 || m.Score > 1 || math.IsNaN(m.Score) {
				t.Fatalf("%q: %v", q, m)
			}
			if ex := ix.Explain(q, KindUnknown, m.ID); math.Abs(ex.Score-m.Score) > 1e-9 {
				t.Fatalf("%q: Search %v, Explain %v", q, m.Score, ex.Score)
			}
		}
	})
}

func TestRomanAndInflection(t *testing.T) {
	for _, c := range []struct {
		in     string
		single bool
		want   int
	}{{"ii", false, 2}, {"iii", false, 3}, {"iv", false, 4}, {"xiv", false, 14}, {"i", false, 0}, {"i", true, 1},
		{"iiii", false, 0}, {"vv", false, 0}, {"ic", false, 0}, {"xl", false, 0}, {"xxxix", false, 39}} {
		if got := romanValue(c.in, c.single); got != c.want {
			t.Errorf("romanValue(%q, %v) = %d, want %d", c.in, c.single, got, c.want)
		}
	}
	// Xi is a surname before a name; on a vessel, II anywhere is two.
	if got := normString("Xi Jinping", KindUnknown); got != "xi jinping" {
		t.Errorf("Xi Jinping: %q", got)
	}
	if got := normString("II DAWN", KindVessel); got != "2 dawn" {
		t.Errorf("II DAWN: %q", got)
	}
	for in, want := range map[string]string{"putinas": "putin", "vladimiras": "vladimir", "jonaitis": "jonait",
		"putins": "putin", "abbas": "", "anas": "", "yunus": "", "idris": "", "jonas": ""} {
		if got := inflectionStem(in); got != want {
			t.Errorf("inflectionStem(%q) = %q, want %q", in, got, want)
		}
	}
}

// Records that share an ID are one result, and Explain explains the one
// Search scored.
func TestDuplicateIDs(t *testing.T) {
	ix := Build([]Record{
		{ID: 7, Name: "ACME HOLDINGS", Kind: KindOrganization},
		{ID: 7, Name: "ROSOBORONEXPORT", Kind: KindOrganization},
		{ID: 8, Name: "ROSOBORONEKSPORT OAO", Kind: KindOrganization},
	})
	ms := ix.Search("ROSOBORONEXPORT", KindOrganization, 10, 0.5, nil)
	seen := map[uint32]bool{}
	for _, m := range ms {
		if seen[m.ID] {
			t.Errorf("ID %d returned twice: %v", m.ID, ms)
		}
		seen[m.ID] = true
		ex := ix.Explain("ROSOBORONEXPORT", KindOrganization, m.ID)
		if math.Abs(ex.Score-m.Score) > 1e-6 {
			t.Errorf("ID %d: Search %.3f, Explain %.3f (%s)", m.ID, m.Score, ex.Score, ex.Candidate)
		}
	}
	if !seen[7] || ix.Explain("ROSOBORONEXPORT", KindOrganization, 7).Score != 1 {
		t.Errorf("ID 7 (its second record is the query) not found at 1: %v", ms)
	}
}

// A join's weight is the query side's: the sum of the query's tokens when
// they are the joined run.
func TestJoinWeightIsQuerys(t *testing.T) {
	var p parser
	p.parse("Usama bin laden", KindPerson)
	var want float64
	for _, tk := range p.names[0].toks[1:] {
		want += float64(tk.w)
	}
	ex := Compare("Usama bin laden", "USAMA BINLADEN", KindPerson)
	found := false
	for _, tm := range ex.Tokens {
		if tm.How == "joined" {
			found = true
			if tm.Query != "bin laden" || math.Abs(tm.Weight-want) > 0.01 {
				t.Errorf("join %+v: want query \"bin laden\" weight %.3f", tm, want)
			}
		}
	}
	if !found {
		t.Fatalf("no join in %+v", ex)
	}
}

// Padding (separators, invisible characters, filler tokens) before a name
// does not hide it.
func TestPaddingDoesNotHideName(t *testing.T) {
	ix := Build([]Record{
		{ID: 1, Name: "HIZBALLAH", Kind: KindOrganization},
		{ID: 2, Name: "BANCO NACIONAL DE CUBA", Kind: KindOrganization},
	})
	for _, q := range []string{
		strings.Repeat(" ", 1020) + "HIZBALLAH",
		strings.Repeat("-", 1020) + " HIZBALLAH",
		strings.Repeat("\u200b", 341) + "HIZBALLAH",
		strings.Repeat("\u200b ", 1000) + "HIZBALLAH",
		strings.Repeat(" ,", 3000) + "HIZBALLAH",
		strings.Repeat("a ", 32) + "HIZBALLAH",
		strings.Repeat("LLC ", 32) + "HIZBALLAH",
		strings.Repeat("Mr ", 40) + "HIZBALLAH",
		strings.Repeat("x ", 10) + strings.Repeat("LLC MR ", 30) + "HIZBALLAH",
		strings.Repeat("a ", 600) + "HIZBALLAH",
		strings.Repeat("HIZBALLAH ", 200),
	} {
		for _, kind := range []Kind{KindUnknown, KindOrganization, KindPerson} {
			ms := ix.Search(q, kind, 5, 0.5, nil)
			if len(ms) == 0 || ms[0].ID != 1 {
				t.Errorf("%.40q... (%d bytes, kind %d): Search found %v", q, len(q), kind, ms)
			}
			if ex := Compare(q, "HIZBALLAH", kind); ex.Score <= 0 {
				t.Errorf("%.40q... (kind %d): Compare %.3f %+v", q, kind, ex.Score, ex)
			}
		}
	}
}

// Search finds glued names the scorer matches, generic words included
// (MAHANAIR / MAHAN AIR), both ways.
func TestSearchFindsGluedGenericWords(t *testing.T) {
	ix, _ := realIndex(t)
	for _, c := range []struct {
		q, listed string
		kind      Kind
	}{
		{"MAHANAIR", "MAHAN AIR", KindOrganization},
		{"YANGONAIRWAYS COMPANY LIMITED", "YANGON AIRWAYS COMPANY LIMITED", KindOrganization},
		{"COMERCIALCIMEX, S.A.", "COMERCIAL CIMEX, S.A.", KindOrganization},
	} {
		for _, pair := range [][2]string{{c.q, c.listed}, {c.listed, c.q}} {
			small := Build([]Record{{ID: 1, Name: pair[1], Kind: c.kind}, {ID: 2, Name: "BANCO NACIONAL DE CUBA", Kind: c.kind}})
			ex := small.Explain(pair[0], c.kind, 1)
			ms := small.Search(pair[0], c.kind, 5, Threshold, nil)
			if ex.Score < Threshold || len(ms) == 0 || ms[0].ID != 1 || math.Abs(ms[0].Score-ex.Score) > 1e-6 {
				t.Errorf("%q / %q: Explain %.3f, Search %v", pair[0], pair[1], ex.Score, ms)
			}
		}
		// And among the real lists, which hold the spaced form.
		found := false
		for _, m := range ix.Search(c.q, c.kind, 20, Threshold, nil) {
			if ex := ix.Explain(c.q, c.kind, m.ID); ex.Score == m.Score && strings.Contains(ex.Candidate, strings.ToLower(strings.Fields(c.listed)[0])) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: not found in the real lists", c.q)
		}
	}
}

// Search and Compare agree on real listed names altered the way payments
// alter them, titles and generic words included: every result's score is
// Compare's, and a listed name Compare puts at or above Threshold is
// returned. KINGS ROMANS / KING ROMANS (a title against a name token)
// once scored 0.590 in Search and 0.885 in Compare.
func TestSearchCompareAgree(t *testing.T) {
	ix, ls := realIndex(t)
	type q struct {
		text string
		id   uint32
		kind Kind
	}
	const kq, kl = "KING ROMANS COMPANY LIMITED", "KINGS ROMANS INVESTMENT CO. LIMITED"
	for _, p := range [][2]string{{kq, kl}, {kl, kq}} {
		small := Build([]Record{{ID: 1, Name: p[1], Kind: KindOrganization}})
		want := Compare(p[0], p[1], KindOrganization).Score
		if ms := small.Search(p[0], KindOrganization, 5, 0, nil); len(ms) != 1 || math.Abs(ms[0].Score-want) > 1e-6 || want < Threshold {
			t.Errorf("%q vs %q: Search %v, Compare %.3f", p[0], p[1], ms, want)
		}
		found := false
		for _, m := range ix.Search(p[0], KindOrganization, 50, 0.5, nil) {
			if ls[m.ID].Name == p[1] {
				found = true
				if cmp := compare(p[0], KindOrganization, p[1], ls[m.ID].Kind).Score; math.Abs(cmp-m.Score) > 1e-6 {
					t.Errorf("%q vs listed %q: Search %.3f, Compare %.3f", p[0], p[1], m.Score, cmp)
				}
			}
		}
		if p[1] == kq && !found {
			t.Errorf("%q: listed %q not found", p[0], p[1])
		}
	}
	qs := []q{}
	extras := []string{"the", "king", "general", "mr", "bank", "international", "company", "trading", "al", "co", "sheikh", "air", "holding"}
	r := rand.New(rand.NewPCG(3, 4))
	n := 400
	if testing.Short() {
		n = 100
	}
	for len(qs) < n {
		i := r.IntN(len(ls))
		l := ls[i]
		if !isLatin(l.Name) {
			continue
		}
		f := strings.Fields(l.Name)
		switch r.IntN(5) {
		case 0: // a title or generic word added
			k := r.IntN(len(f) + 1)
			f = append(f[:k], append([]string{strings.ToUpper(extras[r.IntN(len(extras))])}, f[k:]...)...)
		case 1: // a token dropped
			if len(f) > 1 {
				k := r.IntN(len(f))
				f = append(f[:k], f[k+1:]...)
			}
		case 2: // a token with a letter added or lost
			k := r.IntN(len(f))
			if w := f[k]; len(w) > 3 {
				j := 1 + r.IntN(len(w)-2)
				if r.IntN(2) == 0 {
					f[k] = w[:j] + w[j+1:]
				} else {
					f[k] = w[:j] + "S" + w[j:]
				}
			}
		case 3: // a plural s on a token
			k := r.IntN(len(f))
			f[k] += "S"
		case 4: // two tokens swapped
			if len(f) > 1 {
				k := r.IntN(len(f) - 1)
				f[k], f[k+1] = f[k+1], f[k]
			}
		}
		qs = append(qs, q{strings.Join(f, " "), uint32(i), l.Kind})
	}
	for _, c := range qs {
		ms := ix.Search(c.text, c.kind, 50, 0.5, nil)
		for _, m := range ms {
			cmp := compare(c.text, c.kind, ls[m.ID].Name, ls[m.ID].Kind)
			if math.Abs(cmp.Score-m.Score) > 1e-6 {
				t.Errorf("%q vs %q: Search %.3f, Compare %.3f", c.text, ls[m.ID].Name, m.Score, cmp.Score)
			}
		}
		cmp := compare(c.text, c.kind, ls[c.id].Name, ls[c.id].Kind)
		if cmp.Score < Threshold {
			continue
		}
		found := false
		for _, m := range ms {
			found = found || m.ID == c.id
		}
		if !found && len(ms) < 50 {
			t.Errorf("%q: Compare puts %q at %.3f, Search does not return it", c.text, ls[c.id].Name, cmp.Score)
		}
	}
}

// Dotted initials of a non-person are also read as one token, its
// abbreviated name; a person's stay initials.
func TestDottedInitials(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		kind  Kind
		above bool
	}{
		{"IPC INTERNATIONAL", "I.P.C. INTERNATIONAL LIMITED", KindOrganization, true},
		{"IPC INTERNATIONAL", "I.P.C. INTERNATIONAL LIMITED", KindUnknown, true},
		{"I.P.C. INTERNATIONAL LIMITED", "I.P.C. INTERNATIONAL LIMITED", KindUnknown, true},
		{"ICIC KFT", "I.C.I.C. KFT.", KindOrganization, true},
		{"V.V. PUTIN", "PUTIN, Vladimir Vladimirovich", KindUnknown, true},
		{"V.V. PUTIN", "PUTIN, Vladimir Vladimirovich", KindPerson, true},
		{"ACME Sp. z o.o.", "ACME", KindOrganization, true},
	} {
		if ex := Compare(c.a, c.b, c.kind); (ex.Score >= Threshold) != c.above {
			t.Errorf("Compare(%q, %q, %d) = %.3f, want above %v: %+v", c.a, c.b, c.kind, ex.Score, c.above, ex)
		}
	}
	if got := normString("V.V. PUTIN", KindPerson); got != "v v putin" {
		t.Errorf("person's initials joined: %q", got)
	}
}

// legalTokens returns how many tokens of s's first rendering are legal
// forms.
func legalTokens(s string, kind Kind) int {
	var p parser
	p.parse(s, kind)
	n := 0
	if len(p.names) > 0 {
		for _, t := range p.names[0].toks {
			if t.cls == clsLegal {
				n++
			}
		}
	}
	return n
}

// pairCase is a query, a listed name, and whether they are one name.
type pairCase struct {
	q, l  string
	match bool
}

// checkPairs compares each case with kind and reports those on the wrong
// side of Threshold.
func checkPairs(t *testing.T, kind Kind, cs []pairCase) {
	t.Helper()
	for _, c := range cs {
		if s := Compare(c.q, c.l, kind).Score; (s >= Threshold) != c.match {
			t.Errorf("%q vs %q: %.3f, want match %v (threshold %.2f)", c.q, c.l, s, c.match, Threshold)
		}
	}
}

// A name written in Chinese characters is spelt by their syllables: a
// listed name whose pinyin differs is other characters, however alike the
// romanisations fold; the same syllables still match.
func TestHanSyllablesKnown(t *testing.T) {
	checkPairs(t, KindPerson, []pairCase{
		{"李丽", "LI, Yi", false},
		{"郑艳怡", "ZHENG, Yanni", false},
		{"郑艳怡", "ZHENG, Yanyi", true},
		{"习近平", "XI Jinping", true},
		{"陈水扁", "CHEN Shui-bian", true},
	})
	// A name with kana is read as Japanese, not in pinyin.
	for s, want := range map[string]bool{"李丽": true, "田中さくら": false, "タナカ": false, "Li Li": false} {
		if isHan(s) != want {
			t.Errorf("isHan(%q) = %v, want %v", s, !want, want)
		}
	}
}

// An unmatched initial that begins none of the other's unmatched names
// conflicts with them; one that does is that name shortened.
func TestInitialDisagrees(t *testing.T) {
	checkPairs(t, KindPerson, []pairCase{
		{"John Q. Smith", "SMITH, John Robert", false},
		{"장재현", "Jang Hyon U", false},
		{"Jang Jae Hyon", "JANG, Hyon U", false},
		{"John R. Smith", "SMITH, John Robert", true},
	})
}

// An abjad writes a name's consonants: a rendering whose consonant differs
// from the listed spelling's is another name, not a typo; other vowels
// are the script's silence.
func TestAbjadConsonantsWritten(t *testing.T) {
	checkPairs(t, KindPerson, []pairCase{
		{"أمل خوري", "CHERRI, Adel Mohamad", false},
		{"أحمد خالد فياض", "AHMAD, Fayyaz", false},
		{"محمد يوسف كرم", "KARAMI, Mohammad", false},
		{"عدي صدام حسين التكريتي", "AL-TIKRITI, Uday Saddam Hussein", true},
		{"كُل آغا اسحاقزی", "ISHAKZAI, Gul Agha", true}, // Persian گ typed as ك
	})
}

// Abd al-Majid is one name: its attribute alone (Majid) or its head
// matched by another name (Abdallah) is another name; the whole, spelt
// any way, is the name.
func TestAbdNames(t *testing.T) {
	checkPairs(t, KindPerson, []pairCase{
		{"Majid Khani", "AS'AD, Hani 'Abd-al-Majid Muhammad", false},
		{"Rahman Yasin", "YASIN, Abdul Rahman", false},
		{"عبدالله فيصل سعد", "سعد عبد المجيد الفيصل التكريتي", false},
		{"Abdulrahman Yasin", "YASIN, Abd al-Rahman", true},
		{"Abdul Rahman Yasin", "YASIN, Abdul Rahman", true},
		{"Abdul Ibrahim Jashari", "JASHARI, Abdul", true}, // Abdul before a family name
	})
}

// Persian writes the vowel e as ه before a zero-width non-joiner
// (خامنه‌ای), so the joiner must reach the renderer; and Iranian and
// Afghan double given names written as one word are two names: محمدرضا
// is Mohammad Reza.
func TestPersianScript(t *testing.T) {
	checkPairs(t, KindPerson, []pairCase{
		{"علی خامنه‌ای", "KHAMENEI, Ali Husseini", true},
		{"محمدرضا نقدی", "NAQDI, Mohammad Reza", true},
		{"محمدجواد ظریف", "ZARIF, Mohammad Javad", true},
	})
}

// A short name one edit from another on their fold keys, but spelt three
// edits apart, is another name rather than a romanisation with a typo.
func TestFoldEditNotSpelling(t *testing.T) {
	checkPairs(t, KindPerson, []pairCase{
		{"Youssef Sabbagh", "هاني السيد السباعي يوسف", false}, // sabbagh / sabai
		{"Youssef Sabagh", "SABBAGH, Youssef", true},
		{"Mohamad Sabbag", "SABBAGH, Mohammed", true},
	})
}
