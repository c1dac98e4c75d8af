package fuzzy

import (
	"bufio"
	"encoding/csv"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var (
	realIxOnce sync.Once
	realIx     *Index
	realLs     []listed
)

// realIndex indexes every real listed name plus the listed names OFAC's
// own search tool returned in testdata/eval/ofac_sls_parity.csv (some are
// aliases not in the files we have, e.g. "PUTIN, Vladimir").
func realIndex(tb testing.TB) (*Index, []listed) {
	tb.Helper()
	realIxOnce.Do(func() {
		ls := append([]listed(nil), realNames(tb)...)
		for _, row := range parityRows(tb) {
			ls = append(ls, listed{"parity", row[1], KindUnknown})
		}
		realLs = ls
		realIx = Build(records(ls))
	})
	return realIx, realLs
}

func parityRows(tb testing.TB) [][]string {
	tb.Helper()
	f, err := os.Open("../testdata/eval/ofac_sls_parity.csv")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	return rows[1:]
}

// parityTruth says, for the parity queries that name someone on the list,
// which of the listed names OFAC's tool returned are that person (or
// organisation). Decided by reading the rows: most of OFAC's results share
// only a given name or a few letters with the query (VLADIMIR BILIY for
// VLADIMIR PUTIN, GEORGIOU for GEORGE BUSH); queries naming nobody on the
// list (GEORGE BUSH, JOHN SMITH, XI JINPING, OBAMA...) have no entry, nor
// do queries that are only a common given name or surname (MAHMOOD, MAHMUD,
// HUSSEIN, ESCOBAR, ABDUL RAHMAN, MOHAMMED ALI): they name no one in
// particular, and the real lists hold those very names as aliases of
// others, which rightly rank first.
var parityTruth = map[string][]string{
	"VLADIMIR PUTIN":              {"PUTIN, Vladimir", "PUTIN, Vladimir Vladimirovich"},
	"PUTIN VLADIMIR":              {"PUTIN, Vladimir", "PUTIN, Vladimir Vladimirovich"},
	"VLADIMR PUTIN":               {"PUTIN, Vladimir", "PUTIN, Vladimir Vladimirovich"},
	"VLADIMIR PUTNI":              {"PUTIN, Vladimir", "PUTIN, Vladimir Vladimirovich"},
	"PUTIN VLADIMIROVICH":         {"PUTIN, Vladimir", "PUTIN, Vladimir Vladimirovich"},
	"PUTIN":                       {"PUTIN, Vladimir", "PUTIN, Vladimir Vladimirovich"},
	"POUTINE":                     {"PUTIN, Vladimir", "PUTIN, Vladimir Vladimirovich"},
	"Владимир Путин":              {"PUTIN, Vladimir"},
	"OSAMA BIN LADEN":             {"BIN LADEN, Osama", "BIN LADIN, Osama", "BIN LADIN, Osama bin Muhammad bin Awad"},
	"USAMA BIN LADIN":             {"BIN LADIN, Usama", "BIN LADIN, Usama bin Muhammad bin Awad", "BIN LADEN, Usama"},
	"KIM JONG UN":                 {"KIM, Jong Un"},
	"MAHMOOD AHMED BASHIR-UD-DIN": {"MAHMOOD, Sultan Bashiruddin", "MAHMOOD, Sultan Bashir-Ud-Din", "MEHMOOD, Dr. Bashir Uddin"},
	"BASHIR-UD-DIN":               {"MAHMOOD, Sultan Bashir-Ud-Din"},
	"BASHIRUDDIN":                 {"MAHMOOD, Sultan Bashiruddin", "MEKMUD, Sultan Baishiruddin"},
	"BASHIR UD DIN":               {"MAHMOOD, Sultan Bashir-Ud-Din"},
	"MAHMUD AHMAD BASHIRUDDIN":    {"MAHMOOD, Sultan Bashiruddin"},
	"AL-QAEDA":                    {"AL QAEDA", "AL QAIDA", "AL QA'IDA"},
	"AL QAEDA":                    {"AL QAEDA", "AL QAIDA"},
	"ALQAEDA":                     {"AL QAEDA"},
	"PABLO ESCOBAR":               {"ESCOBAR HENAO, Pablo"},
	"BIN LADEN":                   {"BIN LADEN, Osama", "BIN LADEN, Hamza", "BIN LADEN, Sa'ad", "BIN LADIN, Osama"},
	"O'BRIEN":                     {"O'BRIEN, Christopher"},
	"ABU BAKR AL-BAGHDADI":        {"ABU BAKR AL-BAGHDADI", "AL-BAGHDADI, Abu Bakr al-Husayni"},
	"ASSAD BASHAR":                {"AL ASSAD, Bashar Hafez", "AL-ASSAD, Bashar", "ASSAD, Bashar", "AL-ASAD, Bashar"},
}

// TestParityRanksTrueMatchFirst checks that, for every parity query naming
// a listed person, a true listed name ranks first: Search over all real
// names (plus OFAC's returned names) ranks first a true name or another
// name of the same listed entity (e.g. another alias of Sultan Bashiruddin
// Mahmood), scoring it no lower than the best true name; and every false
// name OFAC returned scores lower than the best true name.
func TestParityRanksTrueMatchFirst(t *testing.T) {
	ix, ls := realIndex(t)
	rows := parityRows(t)
	byQuery := map[string][]string{}
	for _, r := range rows {
		byQuery[r[0]] = append(byQuery[r[0]], r[1])
	}
	norms := make([]string, len(ls))
	for i, l := range ls {
		norms[i] = tokenSet(l.Name)
	}
	for q, trues := range parityTruth {
		isTrue := map[string]bool{}
		for _, n := range trues {
			isTrue[n] = true
		}
		trueEnt := map[string]bool{}
		for i, l := range ls {
			for _, n := range trues {
				if l.Entity != "parity" && norms[i] == tokenSet(n) {
					trueEnt[l.Entity] = true
				}
			}
		}
		// Best true score, the same way Search scores (Explain agrees).
		best := -1.0
		for i, l := range ls {
			if l.Entity == "parity" && isTrue[l.Name] {
				if s := ix.Explain(q, KindUnknown, uint32(i)).Score; s > best {
					best = s
				}
			}
		}
		res := ix.Search(q, KindUnknown, 5, 0.3, nil)
		if len(res) == 0 {
			t.Errorf("%q: no candidates at all", q)
			continue
		}
		top := ls[res[0].ID]
		if res[0].Score > best+1e-9 && !trueEnt[top.Entity] {
			t.Errorf("%q: top hit %q (%s) scores %.3f, above the best true name's %.3f",
				q, ls[res[0].ID].Name, ls[res[0].ID].Entity, res[0].Score, best)
		}
		if res[0].Score < best-1e-9 {
			t.Errorf("%q: Search's top score %.3f is below the best true name's %.3f: a true name was not retrieved", q, res[0].Score, best)
		}
		for _, name := range byQuery[q] {
			if isTrue[name] {
				continue
			}
			if s := Compare(q, name, KindUnknown).Score; s >= best {
				t.Errorf("%q: false match %q scores %.3f >= true %.3f", q, name, s, best)
			}
		}
	}
}

// TestPutinVariants: renderings of Vladimir Putin's name in many languages
// and scripts must retrieve OFAC's "PUTIN, Vladimir Vladimirovich" (ent
// 35096) at or above Threshold. The floor is 79 of 81 (Lithuanian case endings and titles after the name included).
func TestPutinVariants(t *testing.T) {
	ls := realNames(t)
	ix := Build(records(ls))
	f, err := os.Open("../testdata/eval/putin_name_variants.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	total, found := 0, 0
	var failed []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		q := strings.TrimSpace(sc.Text())
		if q == "" {
			continue
		}
		total++
		ok := false
		for _, m := range ix.Search(q, KindUnknown, 50, Threshold, nil) {
			if ls[m.ID].Entity == "ofac:35096" {
				ok = true
				break
			}
		}
		if ok {
			found++
		} else {
			ex := Compare(q, "PUTIN, Vladimir Vladimirovich", KindUnknown)
			failed = append(failed, q+" ("+ex.Query+": "+ftoa(ex.Score)+")")
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("Putin variants: %d of %d retrieve ent 35096 above Threshold", found, total)
	for _, q := range failed {
		t.Logf("  missed: %s", q)
	}
	if total != 81 {
		t.Errorf("read %d variants, want 81", total)
	}
	if found < 79 {
		t.Errorf("%d of %d variants found, want at least 79", found, total)
	}
}

func ftoa(f float64) string {
	return strings.TrimRight(strings.TrimRight(strconvF(f), "0"), ".")
}

// TestCommonNamesFewHits: queries made of common names must not flood the
// reviewer with dozens of hits above Threshold. Hits are counted by listed
// entity (screening reports entities); some of these names are listed
// verbatim as aliases of several people, and those hits are right.
func TestCommonNamesFewHits(t *testing.T) {
	ix, ls := realIndex(t)
	for _, q := range []string{
		"John Smith", "Mohammed Ali", "Maria Garcia", "Wang Wei", "Ali Hassan", "Muhammad Khan",
		"Ahmed Mohamed", "Jose Rodriguez", "Li Wei", "Kim Min-jun", "Abdul Rahman", "Nguyen Van Anh",
		"Ivan Petrov", "Fatima Ahmed", "Juan Carlos Martinez", "Mohammad Hussein", "Hassan Ali Khan",
	} {
		res := ix.Search(q, KindPerson, 100, Threshold, nil)
		ents := map[string]bool{}
		var names []string
		for _, m := range res {
			ents[ls[m.ID].Entity] = true
			names = append(names, ls[m.ID].Name)
		}
		t.Logf("%q: %d names of %d entities above Threshold", q, len(res), len(ents))
		if len(ents) > 20 {
			t.Errorf("%q: %d entities above Threshold, want at most 20: %q", q, len(ents), names)
		}
	}
}

// TestLegalFormsAloneMatchNothing: legal forms and generic words carry no
// identity.
func TestLegalFormsAloneMatchNothing(t *testing.T) {
	ix, ls := realIndex(t)
	for _, q := range []string{"CORP", "TRADING COMPANY LLC", "LLC", "Ltd.", "OOO", "ООО", "S.A. de C.V.", "Sp. z o.o.",
		"Mr", "President", "The International Bank", "Company Limited", "GmbH & Co. KG", "AO", "Trading Group Holding", "شركة", "ООО ЗАО"} {
		if res := ix.Search(q, KindUnknown, 10, Threshold, nil); len(res) > 0 {
			t.Errorf("%q matched %q (%.3f)", q, ls[res[0].ID].Name, res[0].Score)
		}
	}
}

func strconvF(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

// tokenSet returns the sorted normalised tokens of a name, so that "LAST,
// First" and "LAST First" compare equal.
func tokenSet(s string) string {
	f := strings.Fields(normString(s, KindUnknown))
	slices.Sort(f)
	return strings.Join(f, " ")
}

// TestParityFalsePositives: most of what OFAC's tool returned for the
// parity queries is not the queried person (GEORGIOU for GEORGE BUSH,
// VLADIMIR BILIY for VLADIMIR PUTIN). Those rows must mostly stay below
// Threshold here. Rows for queries left out of parityTruth (a given name
// alone) are skipped: their results are the same name, rightly matched.
func TestParityFalsePositives(t *testing.T) {
	skip := map[string]bool{"ESCOBAR": true, "ABDUL RAHMAN": true, "ABDULRAHMAN": true, "ABD AL RAHMAN": true,
		"MAHMOOD": true, "MAHMUD": true, "MOHAMMED ALI": true}
	n, above := 0, 0
	for _, r := range parityRows(t) {
		q, name := r[0], r[1]
		if skip[q] || slices.Contains(parityTruth[q], name) {
			continue
		}
		n++
		if s := Compare(q, name, KindUnknown).Score; s >= Threshold {
			above++
			t.Logf("above Threshold: %q ~ %q %.3f (OFAC %s)", q, name, s, r[2])
		}
	}
	t.Logf("%d of %d false OFAC results above Threshold", above, n)
	if above*20 > n {
		t.Errorf("%d of %d false OFAC results above Threshold, want at most 5%%", above, n)
	}
}

// TestKnownFalsePositivesStayBelow: queries that once matched a listed name
// on too little evidence (a short token matched by sound, a two-letter
// alias, an organisation named after a person) no longer reach Threshold
// against it, searched over the real lists.
func TestKnownFalsePositivesStayBelow(t *testing.T) {
	ix, ls := realIndex(t)
	for _, c := range []struct{ q, ent string }{
		{"Acme Trading GmbH", "ofac:44215"}, // LLC AKM
		{"TITHE", "ofac:11273"},             // AKIRAPHOKIN, Thit
		{"Corporation Aa", "un:QDi.371"},    // weak alias AA
		{"AAAAAAAAAAAAAAAA", "un:QDi.371"},
	} {
		for _, m := range ix.Search(c.q, KindUnknown, 20, Threshold, nil) {
			if ls[m.ID].Entity == c.ent {
				t.Errorf("%q matches %s %q at %.3f", c.q, c.ent, ls[m.ID].Name, m.Score)
			}
		}
	}
	// Osama bin Laden the person, not the network named after him.
	for _, m := range ix.Search("OSAMA BIN LADEN", KindUnknown, 20, Threshold, nil) {
		if strings.Contains(strings.ToUpper(ls[m.ID].Name), "NETWORK") {
			t.Errorf("OSAMA BIN LADEN matches %q at %.3f", ls[m.ID].Name, m.Score)
		}
	}
}
