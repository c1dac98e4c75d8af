package fuzzy

import (
	"strings"
	"testing"
)

// Legal forms written any way are the same form and never content: the
// pairs of the organisation-names issue, and forms in other scripts.
func TestLegalFormsAnyWay(t *testing.T) {
	for _, p := range [][2]string{
		{"Siemens Aktiengesellschaft", "Siemens AG"},
		{"SiemensAG", "Siemens AG"},
		{"OAO Gazprom", "Open Joint Stock Company Gazprom"},
		{"AO GENBANK", "JOINT STOCK COMPANY GENBANK"},
		{"DALE TOURS, Societe Anonyme DE C.V.", "DALE TOURS, S.A. DE C.V."},
		{"COMERCIALIZADORA JALSIN, Sociedad Anonima DE C.V.", "COMERCIALIZADORA JALSIN, S.A. DE C.V."},
		{"Free Zone Establishment ALBAHR ALAAHMAR ENERGY", "ALBAHR ALAAHMAR ENERGY FZE"},
		{"ООО Ромашка", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU ROMASHKA"},
		{"Romashka Limited Liability Company", "OOO ROMASHKA"},
		{"GENERAL PETROLEUM Corp.", "GENERAL PETROLEUM CORPORATION"},
		{"Hoda Shipping Co., Ltd.", "HODA SHIPPING COMPANY LIMITED"},
		{"Kuzey Enerji Sanayi ve Ticaret A.Ş.", "KUZEY ENERJI"},
		// S.A. after SYSTEM is a legal form, not SYSTEMS A (a word split).
		{"World Line System SA", "WORLD LINE SYSTEM S.A."},
	} {
		if ex := Compare(p[0], p[1], KindOrganization); ex.Score < Threshold {
			t.Errorf("%q vs %q: %.3f %v", p[0], p[1], ex.Score, ex.Notes)
		}
	}
	// Two forms of one name: the one the query names ranks first.
	same := Compare("GENBANK JSC", "GENBANK JOINT STOCK COMPANY", KindOrganization).Score
	other := Compare("GENBANK JSC", "GENBANK LLC", KindOrganization).Score
	if !(same > other && other >= Threshold) {
		t.Errorf("GENBANK JSC: same form %.3f, other form %.3f", same, other)
	}
}

// A name that is only a legal form, or only generic words, matches only
// itself.
func TestOnlyLegalFormMatchesNothing(t *testing.T) {
	ix, ls := realIndex(t)
	for _, q := range []string{"LLC", "Joint Stock Company", "Obshchestvo s Ogranichennoi Otvetstvennostyu",
		"OBSHCHESTVO S OGRANICHENNOI OTVETST", "ZAKRYTOE AKTSIONERNOE OBSHCHESTVO I"} {
		if ms := ix.Search(q, KindOrganization, 5, Threshold, nil); len(ms) > 0 {
			t.Errorf("%q matched %q (%.3f)", q, ls[ms[0].ID].Name, ms[0].Score)
		}
	}
}

// A name cut at a field limit finds the listed name it begins; what was
// cut off is unseen, never a near-exact match; and the cut reading never
// lowers a score.
func TestCutNames(t *testing.T) {
	ix, ls := realIndex(t)
	for _, c := range []struct{ q, want string }{
		{"JOINT STOCK COMPANY TOMSK ELECTROTE", "JOINT STOCK COMPANY TOMSK ELECTROTECHNICAL PLANT"},
		{"LIMITED LIABILITY COMPANY COALSTAR ", "LIMITED LIABILITY COMPANY COALSTAR TRANS"},
		{"LIMITED LIABILITY COMPANY COALSTAR", "LIMITED LIABILITY COMPANY COALSTAR TRANS"},
		{"CLOSED JOINT STOCK COMPANY SUPERCON", "CLOSED JOINT STOCK COMPANY SUPERCONDUCTING NANOTECHNOLOGY"},
		{"TAWU MECHANICAL ENGINEERING AND TRA", "TAWU MECHANICAL ENGINEERING AND TRADING COMPANY"},
		{"ISLAMIC REPUBLIC OF IRAN - MIDDLE E", "ISLAMIC REPUBLIC OF IRAN - MIDDLE EAST SHIPPING LINES COMPANY"},
		// A three-letter stub is enough when the query is the listed
		// name's beginning written as listed.
		{"STATE UNITARY ENTERPRISE OF THE DON", "STATE UNITARY ENTERPRISE OF THE DONETSK PEOPLE'S REPUBLIC REPUBLICAN CENTER TRADING HOUSE VTORMET"},
	} {
		found := false
		for _, m := range ix.Search(c.q, KindOrganization, 10, Threshold, nil) {
			if ls[m.ID].Name == c.want {
				found = true
				if m.Score > cutCap {
					t.Errorf("%q: %q scores %.3f, above cutCap", c.q, c.want, m.Score)
				}
			}
		}
		if !found {
			ex := Compare(c.q, c.want, KindOrganization)
			t.Errorf("%q does not find %q (Compare %.3f %v)", c.q, c.want, ex.Score, ex.Notes)
		}
	}
	// Short queries are not read as cut; a whole name still scores 1.
	if s := Compare("TOMSK ELECTROTE", "TOMSK ELECTROTECHNICAL PLANT", KindOrganization).Score; s >= Threshold {
		t.Errorf("a short query read as cut: %.3f", s)
	}
	n := "TEHRAN GOSTARESH COMPANY, P.J.S."
	if s := Compare(n, n, KindOrganization).Score; s != 1 {
		t.Errorf("Compare(%q, itself) = %.3f", n, s)
	}
}

// Numbers and series must agree.
func TestSeriesDisagree(t *testing.T) {
	for _, p := range [][2]string{
		{"Sable Fund VII", "SABLE FUND VIII"},
		{"Harbour Trust 2004-1", "HARBOUR TRUST 2004-2"},
	} {
		if s := Compare(p[0], p[1], KindOrganization).Score; s >= Threshold {
			t.Errorf("%q vs %q: %.3f", p[0], p[1], s)
		}
	}
}

// Brand names are not fuzzy: a company's one distinctive word matched only
// by sound or an edit is another company's; generic words of company
// names weigh little; a real namesake (OTTO) may still hold.
func TestBrandNamesNotFuzzy(t *testing.T) {
	for _, p := range [][2]string{
		{"Visa Inc.", "GRUPO WISA, S.A."},
		{"Cisco Systems, Inc.", "SISCO"},
		{"Amgen Inc.", "AMEGINO FZE"},
		{"Stripe, Inc.", "STREET INVESTMENTS PVT LTD"},
		{"KeyCorp", "GLOBAL KEY LIMITED LIABILITY COMPANY"},
		{"Access Bank plc", "ACCESS TECHNOLOGY TRADING L.L.C"},
		{"General Motors Company", "CENTRAL INSTITUTE OF AVIATION MOTORS"},
		{"Zenith Bank plc", "BANK ZENIT PUBLIC JOINT STOCK COMPANY"},
		{"Stena AB", "SATNA"},
		{"Lego A/S", "LEGO INVESTMENTS EOOD"},
		{"Alphabet Inc.", "ALPHABET INTERNATIONAL DMCC"},
		{"Islamic Revolutionary Guard Corps", "ISLAMIC REVOLUTIONARY GUARD CORPS NAVY"},
		{"TATA MOTORS", "TAATTA, AO"}, // consonants are not undoubled
	} {
		if ex := Compare(p[0], p[1], KindOrganization); ex.Score >= Threshold {
			t.Errorf("%q vs %q: %.3f %v", p[0], p[1], ex.Score, ex.Notes)
		}
	}
	for _, p := range [][2]string{
		{"Otto Group", "OTTO"},
		{"Hezbollah", "HIZBALLAH"},
		{"Al Qaeda", "AL-QAIDA"},
		{"Real Estate Bank", "REAL ESTATE BANK"},
		{"Al-Shabaab", "AL-SHABAB"}, // a long vowel written double or once
	} {
		if ex := Compare(p[0], p[1], KindOrganization); ex.Score < Threshold {
			t.Errorf("%q vs %q: %.3f %v", p[0], p[1], ex.Score, ex.Notes)
		}
	}
}

// A cut query that goes on past a listed name (a stub after its last
// word) ranks a listed name that goes on too above it; a stub that begins
// the next listed word, legal words between, ranks that name first.
func TestCutStubRanks(t *testing.T) {
	q := "ISLAMIC REVOLUTIONARY GUARD CORPS R"
	short := Compare(q, "ISLAMIC REVOLUTIONARY GUARD CORPS", KindOrganization).Score
	long := Compare(q, "ISLAMIC REVOLUTIONARY GUARD CORPS RESEARCH AND SELF-SUFFICIENCY JEHAD ORGANIZATION", KindOrganization).Score
	if !(long > short && short >= Threshold) {
		t.Errorf("%q: short %.3f, long %.3f", q, short, long)
	}
	for _, c := range [][3]string{
		// The stub begins the listed legal words after the match.
		{"IRANIAN INVESTMENT PETROCHEMICAL GR", "IRANIAN INVESTMENT PETROCHEMICAL GROUP COMPANY", "IRANIAN PETROCHEMICAL INVESTMENT DEVELOPMENT MANAGEMENT COMPANY"},
		// The listed name begins as the query does.
		{"LIMITED LIABILITY COMPANY INTERNATI", "LIMITED LIABILITY COMPANY INTERNATIONAL INNOVATION CENTER FOR MARINE STRUCTURES AND SHIP REPAIR", "INTERNATIONAL HELICOPTERS PROGRAMS LIMITED LIABILITY COMPANY"},
		// The query's legal form is the named company's.
		{"AKTSIONERNOE OBSHCHESTVO AKKUMULYAT", "AKTSIONERNOE OBSHCHESTVO AKKUMULYATORNYI ZAVOD IM. N.M.IGNATYEVA AKOM", "AKKUMULYATORNYE TEKHNOLOGII"},
	} {
		named := Compare(c[0], c[1], KindOrganization).Score
		other := Compare(c[0], c[2], KindOrganization).Score
		if !(named > other) {
			t.Errorf("%q: named %.3f, other %.3f", c[0], named, other)
		}
	}
	q = "LIMITED LIABILITY COMPANY COAL COMP"
	named := Compare(q, "LIMITED LIABILITY COMPANY COAL COMPANY RAZREZ BEYSKIY", KindOrganization).Score
	other := Compare(q, "COAL TAR REFINING COMPANY", KindOrganization).Score
	if !(named > other) {
		t.Errorf("%q: COAL COMPANY RAZREZ %.3f, COAL TAR %.3f", q, named, other)
	}
}

// One typing error in a long distinctive word, two letters swapped, or a
// mistyped legal form still finds a listed company; one letter changed in
// a short brand word, or the first letter, does not (those pairs are real
// unlisted companies against listed ones).
func TestCompanyTypos(t *testing.T) {
	for _, p := range [][2]string{
		{"TRANSSERVNICE LLC", "TRANSSERVICE LLC"},
		{"KORNEISTO INTERNATIONAL OY", "KONEISTO INTERNATIONAL OY"},
		{"COHCAN HOLDINGS LLC", "COCHAN HOLDINGS LLC"},
		{"JOINT STOK COMPANY TEKHNODINAMIKA", "JOINT STOCK COMPANY TEKHNODINAMIKA"},
		{"OPEN JOPNT STOCK COMPANY KREDO", "OPEN JOINT STOCK COMPANY KREDO"},
		{"SHENG CORE TECHNOLOGY CO LIMIED", "SHENG CORE TECHNOLOGY CO LIMITED"},
		{"VABO SYSTEMS EODO", "VABO SYSTEMS EOOD"},
	} {
		if ex := Compare(p[0], p[1], KindOrganization); ex.Score < Threshold {
			t.Errorf("%q vs %q: %.3f %v", p[0], p[1], ex.Score, ex.Notes)
		}
	}
	for _, p := range [][2]string{
		{"PostFinance AG", "BANK ROSTFINANCE"},
		{"WALMART INC.", "WELMART GROUP LP"},
		{"INDITEX", "INDUITEX LTDA."},
		{"Visa Inc.", "GRUPO WISA, S.A."},
	} {
		if ex := Compare(p[0], p[1], KindOrganization); ex.Score >= Threshold {
			t.Errorf("%q vs %q: %.3f %v", p[0], p[1], ex.Score, ex.Notes)
		}
	}
	// A four-letter word one swap from a legal form is one only ending
	// the name: elsewhere it stays distinctive.
	var p parser
	p.parse("EODO TRADING", KindOrganization)
	if c := p.names[0].toks[0].cls; c == clsLegal {
		t.Errorf("EODO before a name read as a legal form")
	}
}

// Two companies that share one word and each have a word the other lacks
// are two companies; a word that abbreviates the other's is not such a
// word.
func TestCompaniesSharingOneWord(t *testing.T) {
	for _, p := range [][2]string{
		{"Home Depot, Inc.", "SMART DEPOT"},
		{"Alfa Bank", "Alfa Insurance"},
	} {
		if ex := Compare(p[0], p[1], KindOrganization); ex.Score >= Threshold {
			t.Errorf("%q vs %q: %.3f %v", p[0], p[1], ex.Score, ex.Notes)
		}
	}
	// AIR abbreviates AIRLINES: no conflict, whatever the score.
	for _, n := range Compare("Mahan Air", "MAHAN AIRLINES", KindOrganization).Notes {
		if strings.Contains(n, "conflicting") {
			t.Errorf("Mahan Air vs MAHAN AIRLINES read as conflicting: %q", n)
		}
	}
}

// A company named by one word is not every listed company whose name goes
// on past that word with another distinctive one (generic words around
// the one word make a real name collision, which may hold); a listed person is not a company, whatever the
// query's words look like; and a cut query still finds the name it begins.
func TestListedNameGoesOn(t *testing.T) {
	checkPairs(t, KindOrganization, []pairCase{
		{"Accenture", "ACCENTURE BUILDING MATERIALS", false},
		{"ORANGE S.A.", "ORANGE VOLUNTEERS", false},
		{"Axis Bank Limited", "Z AXIS LLC", false}, // a leading letter is part of the brand
		{"Z-Axis LLC", "Z AXIS LLC", true},
		// A camelCase brand is one word, however it is read.
		{"PetroChina Company Limited", "PETRO CHINA PARS CO.", false},
		{"PetroChina Company Limited", "PETRO CHINA COMPANY", true},
		{"Rosneft", "ROSNEFT OIL COMPANY", true},
		{"LIMITED LIABILITY COMPANY COALSTAR ", "LIMITED LIABILITY COMPANY COALSTAR TRANS", true},
	})
	if s := compare("Assef Shawkat", KindUnknown, "SHAWKAT, Assef", KindPerson).Score; s < Threshold {
		t.Errorf("Assef Shawkat vs the listed person: %.3f", s)
	}
}

// A name glued to its legal form, or two words of a form glued together,
// is the listed name letter for letter (missing spaces); a looser join
// never glues a legal form on.
func TestLegalFormGlued(t *testing.T) {
	checkPairs(t, KindOrganization, []pairCase{
		{"ROSOBORONEKSPORTOAO", "ROSOBORONEKSPORT OAO", true},
		{"ROSOBORONEKSPORT OAO", "ROSOBORONEKSPORTOAO", true},
		{"JOINTSTOCK COMPANY BATTERY COMPANY RIGEL", "JOINT STOCK COMPANY BATTERY COMPANY RIGEL", true},
		{"KHADIJA SHIP MANAGEMENTPRIVATE LIMITED", "KHADIJA SHIP MANAGEMENT PRIVATE LIMITED", true},
		{"AXA SA", "AL-AQSA", false},
	})
}

// The letter that ends a cut query begins a word: the listed name it
// begins outranks one where another word follows.
func TestCutLetterBeginsWord(t *testing.T) {
	q := "AKTSIONERNOE OBSHCHESTVO KONTSERN R" // 35 characters
	begins := Compare(q, "AKTSIONERNOE OBSHCHESTVO KONTSERN RADIOSTROENIYA VEGA", KindOrganization).Score
	other := Compare(q, "KONTSERN AVIAPRIBOROSTROENIE OAO", KindOrganization).Score
	if begins <= other {
		t.Errorf("%q: the name it begins %.3f, another %.3f", q, begins, other)
	}
}

// Companies alike in every distinctive word but with different lines of
// business are two companies; the same line written another way is one.
func TestBusinessLinesDiffer(t *testing.T) {
	checkPairs(t, KindOrganization, []pairCase{
		{"Neptune Shipping Ltd", "NEPTUNE TRADING LTD", false},
		{"Blue Ocean Electronics LLC", "BLUE OCEAN ENERGY LLC", false},
		{"Neptune Trading Co.", "NEPTUNE TRADING COMPANY LIMITED", true},
		{"Mahan Air", "MAHAN AIRLINES", true},
		{"Blue Ocean Energy", "BLUE OCEAN ENERGY LLC", true},
	})
}

// A name of generic words and initials only is identified by all of its
// tokens: its initials stand for listed words in their own places.
func TestPromotedInitialsInPlace(t *testing.T) {
	checkPairs(t, KindOrganization, []pairCase{
		{"Bank B", "BM BANK JSC", false},
		{"Bank B", "BLANC BANK LIMITED LIABILITY COMPANY", false},
		{"LLC B. BANK", "LLC BM BANK", true},
	})
}
