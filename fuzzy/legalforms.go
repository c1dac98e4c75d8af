package fuzzy

import (
	"slices"
	"strings"
)

// Legal forms as data.
//
// A company's legal form says what kind of company it is, not which one:
// "Siemens AG", "Siemens Aktiengesellschaft" and "SiemensAG" are one name.
// Every spelling of a form (abbreviated, dotted, in full, in the local
// language and script, transliterated, translated) reduces to one class,
// and the tokens of a legal form weigh nothing: a legal form neither makes
// a match nor breaks one. Where both names carry a form, the same class
// ranks above a different one (see legalTieBreak), so that of two listed
// companies that differ only by their form, the one the query names comes
// first.
//
// The table is keyed like ISO 20275 (Entity Legal Forms, the code list
// GLEIF publishes at gleif.org/en/about-lei/code-lists/iso-20275-entity-
// legal-forms-code-list): one row per form and jurisdiction group, with
// the local names and abbreviations that list gives, plus their English
// translations and the transliterations OFAC uses for Russian, Ukrainian,
// Persian and Arabic forms (as they appear in the SDN list). The class
// codes are this table's own short names for the functional class (a
// private limited company is LLC whether it is an OOO, a GmbH or an
// S.R.L.); forms that are the same kind of company in different countries
// share a class. Spellings are written as people write them; each is
// normalised by the same parser as names (case, accents, punctuation,
// transliteration of other scripts), and dotted abbreviations are also
// read with their letters joined (L.L.C. is LLC).
//
// Lines: CLASS<TAB>jurisdictions<TAB>spelling; spelling; ...
const legalFormData = `
LLC	US RU BY KZ UZ KG AZ AM GE UA MD	LLC; L.L.C.; limited liability company; limited liability co; ltd liability co; OOO; O.O.O.; obshchestvo s ogranichennoi otvetstvennostyu; obshchestvo s ogranichennoy otvetstvennostyu; obshchestvo s ogranichennoj otvetstvennostju; obshchestvo s ogranichennoi otvetstvennostiu; obshestvo s ogranichennoi otvetstvennostyu; obschestvo s ogranichennoi otvetstvennostyu; Общество с ограниченной ответственностью; ООО; TOV; TzOV; tovarystvo z obmezhenoyu vidpovidalnistyu; tovaristvo z obmezhenoyu vidpovidalnistyu; Товариство з обмеженою відповідальністю; ТОВ; MChJ; mas'uliyati cheklangan jamiyat; TOO; tovarishchestvo s ogranichennoi otvetstvennostyu; ТОО; MMC; mehdud mesuliyyetli cemiyyet; societate cu raspundere limitata; Societatea cu Răspundere Limitată; SPOLKA Z OGRANICZONA ODPOWIEDZIALNOSCIA; Sp. z o.o.; sp. z oo; spzoo; s.r.o.; spol. s r.o.; spolecnost s rucenim omezenym; d.o.o.; drustvo s ogranicenom odgovornoscu; drustvo z omejeno odgovornostjo; EOOD; OOD; druzhestvo s ogranichena otgovornost; Kft.; korlatolt felelossegu tarsasag; SIA; UAB; OU; osauhing
GMBH	DE AT CH LI LU	GmbH; G.m.b.H.; gesellschaft mit beschrankter haftung; gesellschaft mbh; ges.m.b.h.; UG (haftungsbeschränkt); unternehmergesellschaft
SARL	FR BE LU CH MA TN DZ LB SN CI CM	SARL; S.A.R.L.; societe a responsabilite limitee; EURL; entreprise unipersonnelle a responsabilite limitee; SPRL; societe privee a responsabilite limitee; SRL; s.r.l.; societa a responsabilita limitata; S.L.; sociedad limitada; sociedad de responsabilidad limitada; S.R.L. de C.V.; S. de R.L.; S. de R.L. de C.V.; sociedad de responsabilidad limitada de capital variable; Lda.; sociedade por quotas
LTDA	BR PT CO CL	Ltda.; limitada; sociedade limitada; sociedade empresaria limitada; Ltda. ME; EIRELI
JSC	RU BY KZ UZ KG AZ AM UA	JSC; J.S.C.; joint stock company; joint-stock company; joint stock co; JSCo; AO; A.O.; aktsionernoe obshchestvo; aktsionernoye obshchestvo; aktcionernoe obshchestvo; akcionernoe obshchestvo; Акционерное общество; АО; AT; aktsionerne tovarystvo; Акціонерне товариство; AJ; aksiyadorlik jamiyati; ASC; sehmdar cemiyyeti; aktsionerno druzhestvo; akciova spolecnost; a.s.; akciova spolocnost; spolka akcyjna; societate pe actiuni; Zrt.; zartkoruen mukodo reszvenytarsasag; Nyrt.; nyilvanosan mukodo reszvenytarsasag
PJSC	RU UA AE IR	PJSC; P.J.S.C.; public joint stock company; public joint-stock company; PAO; P.A.O.; publichnoe aktsionernoe obshchestvo; publichnoye aktsionernoye obshchestvo; Публичное акционерное общество; ПАО; PrJSC; PAT; publichne aktsionerne tovarystvo; ПАТ; public shareholding company; PSC; P.S.C.
CJSC	RU BY KZ AM	CJSC; C.J.S.C.; closed joint stock company; closed joint-stock company; ZAO; Z.A.O.; zakrytoe aktsionernoe obshchestvo; zakrytoye aktsionernoye obshchestvo; Закрытое акционерное общество; ЗАО; private joint stock company; PrAT; privatne aktsionerne tovarystvo; ПрАТ; non-public joint stock company; NAO; nepublichnoe aktsionernoe obshchestvo
OJSC	RU BY KZ UA	OJSC; O.J.S.C.; open joint stock company; open joint-stock company; OAO; O.A.O.; otkrytoe aktsionernoe obshchestvo; otkrytoye aktsionernoye obshchestvo; Открытое акционерное общество; ОАО; VAT; vidkryte aktsionerne tovarystvo; ВАТ
AG	DE AT CH LI LU	AG; A.G.; aktiengesellschaft; KGaA; kommanditgesellschaft auf aktien; SE; societas europaea
KG	DE AT CH	KG; kommanditgesellschaft; GmbH & Co. KG; GmbH und Co KG; OHG; offene handelsgesellschaft; GbR; gesellschaft burgerlichen rechts; e.V.; eingetragener verein; eG; eingetragene genossenschaft; e.K.; eingetragener kaufmann
SA	FR BE LU CH ES PT IT MX AR CL CO PE VE EC UY PY BO PA GT CR DO BR MA TN PL RO GR	SA; S.A.; societe anonyme; sociedad anonima; sociedade anonima; S/A; SAS; S.A.S.; societe par actions simplifiee; sociedad por acciones simplificada; SASU; SpA; S.p.A.; societa per azioni; SAPA; S.A.P.A.; societa in accomandita per azioni; SCA; societe en commandite par actions; SAL; S.A.L.; societe anonyme libanaise; SAU; S.A.U.; sociedad anonima unipersonal; SACI; S.A.C.I.; SAIC; S.A.I.C.; S.A.C.; sociedad anonima cerrada
SADECV	MX	S.A. de C.V.; SA de CV; sociedad anonima de capital variable; S.A.P.I. de C.V.; SAPI de CV; sociedad anonima promotora de inversion de capital variable; S.A.B. de C.V.; SAB de CV; sociedad anonima bursatil de capital variable; S. de R.L. de C.V.; de C.V.; de CV; C.V.
BV	NL BE	B.V.; BV; besloten vennootschap; besloten vennootschap met beperkte aansprakelijkheid; BVBA
NV	NL BE CW SR	N.V.; NV; naamloze vennootschap; CV; commanditaire vennootschap; VOF; vennootschap onder firma
NORDIC	DK NO SE FI IS	A/S; aktieselskab; aksjeselskap; ApS; anpartsselskab; AB; aktiebolag; publ; AB (publ); ASA; allmennaksjeselskap; Oy; osakeyhtio; Oyj; julkinen osakeyhtio; hf; ehf; AS; aksjeselskap
TR	TR	A.S.; A.Ş.; anonim sirketi; anonim şirketi; Ltd. Sti.; Ltd. Şti.; limited sirketi; limited şirketi; sanayi ve ticaret; sanayi ve ticaret anonim sirketi; sanayi ve ticaret limited sirketi; San. ve Tic.; San. Tic.; San. ve Tic. A.Ş.; San. ve Tic. Ltd. Şti.; ticaret ve sanayi
GULF	AE SA KW QA BH OM JO	W.L.L.; WLL; with limited liability; K.S.C.; K.S.C.P.; K.S.C.C.; kuwaiti shareholding company; Q.S.C.; Q.P.S.C.; qatari shareholding company; B.S.C.; B.S.C.(c); S.A.O.G.; S.A.O.C.; LLC-FZ; sharikat musahama; sharikat dhat mas'uliya mahduda; شركة ذات مسؤولية محدودة; ذ.م.م; ش.م.م; شركة مساهمة; ش.م.ع; ش.م.ك
FZ	AE	FZE; F.Z.E.; FZ; free zone establishment; FZCO; F.Z.CO.; free zone company; FZ-LLC; FZ LLC; FZLLC; free zone limited liability company; FZC; DMCC; DMCC branch
EG	EG	S.A.E.; societe anonyme egyptienne; sharikat musahama misriya
IR	IR AF	sherkat-e sahami-ye khass; sherkat sahami khass; sherkate sahamie khas; sherkat-e sahami-ye am; sherkat sahami aam; sherkat-e ba mas'uliyat-e mahdud; sherkat ba masouliat mahdoud; شرکت سهامی خاص; شرکت سهامی عام; sahami khass; sahami khas; sahami aam; sahami am; PJS; private joint stock; public joint stock
CO	US GB CA AU IE NZ IN PK BD LK SG MY HK NG KE ZA	Co.; Co; company; Cie; compagnie; compania; companhia; compagnia; Kompaniya; kompaniyasi; sharika; sharikat; sharikah; shirkat; sherkat; sherkate; shirka; sharka; sherka; sharkat; shrkh; shrka; shrkt; shirkah; شركة; شرکت
LTD	GB IE CA AU NZ IN PK BD LK SG MY HK CY MT NG KE ZA GH IL	Ltd; Ltd.; limited; Co. Ltd.; Co., Ltd.; company limited; Pte. Ltd.; Pte Ltd; private limited; private limited company; Pvt. Ltd.; Pvt Ltd; Pvt.; Pty Ltd; Pty. Ltd.; proprietary limited; Pty; (Pty) Ltd; Pte; Sdn. Bhd.; Sdn Bhd; sendirian berhad; Bhd.; berhad; Bhd; PT; perseroan terbatas; Tbk; terbuka; PT Tbk; PLC; P.L.C.; public limited company; public company limited; public company; LLP; L.L.P.; limited liability partnership; LP; L.P.; limited partnership; Ltée; limitee; ULC; unlimited company; no liability
INC	US CA PH	Inc; Inc.; incorporated; Corp; Corp.; corporation; Corp. Ltd.
CN	CN HK TW MO	有限公司; 有限责任公司; 有限責任公司; 股份有限公司; 集团有限公司; 集團有限公司; 公司; 集团; 集團; you xian gong si; you xian ze ren gong si; gu fen you xian gong si; youxian gongsi; gufen youxian gongsi; youxiangongsi
JP	JP	K.K.; KK; kabushiki kaisha; kabushikigaisha; kabushiki gaisha; 株式会社; カブシキガイシャ; G.K.; godo kaisha; godo gaisha; 合同会社; Y.K.; yugen kaisha; yugen gaisha; 有限会社; gomei kaisha; goshi kaisha
KR	KR KP	주식회사; 유한회사; 유한책임회사; chusik hoesa; jusik hoesa; jusikhoesa; chusikhoesa; yuhan hoesa; yuhanhoesa
IN	IN	one person company
VN	VN	cong ty co phan; cong ty trach nhiem huu han; TNHH; CTCP; cong ty TNHH; công ty cổ phần; công ty trách nhiệm hữu hạn
TH	TH	PCL; public company limited; borisat mahachon chamkat; borisat chamkat; บริษัท จำกัด; บริษัท จำกัด (มหาชน)
IL	IL	 ב"מ; בע"מ; be'eravon mugbal
GR	GR CY	A.E.; AE; anonymi etaireia; E.P.E.; EPE; etaireia periorismenis efthynis; I.K.E.; IKE; Α.Ε.; Ε.Π.Ε.
EST	SA AE OM YE IQ SY LB	Est.; est; establishment; muassasa; mu'assasat; moassesseh; moassese; mu'assasa; مؤسسة; موسسه
`

// legalClass is one class of legal forms; legalClasses[0] is none.
var legalClasses = []string{""}

// legalWords maps a token that is a legal form, or part of one written in
// full, to its class (0 for words that take part in several forms, such as
// "company" or "obshchestvo", and for the words of companies that are not
// forms but weigh as little: trading, group, holding).
var legalWords = map[string]uint8{}

// legalSeq is one spelling of a legal form as a token sequence.
type legalSeq struct {
	toks  []string
	class uint8
}

// legalSeqsBy holds the spellings of two or more tokens by their first
// token, longest first; each seq's tokens are legal in the names where
// the sequence occurs.
var legalSeqsBy = map[string][]legalSeq{}

// legalSeqsBy2 holds the same sequences by their second token, to read
// one whose first token is mistyped (JOPNT STOCK COMPANY).
var legalSeqsBy2 = map[string][]legalSeq{}

// legalDeletions maps each legal word of four letters or more, and each
// of its one-letter deletions, to the word: the symmetric-deletion lookup
// of a mistyped legal form at the end of a name (LIMIED, SDTOCK).
var legalDeletions = map[string][]string{}

// legalSorted holds legalWords sorted, for prefix lookups (a name cut
// inside a legal form: OTVETST...).
var legalSorted []string

// businessWords are words of company names that are not legal forms but,
// like them, say what a company does rather than which one it is; they
// weigh nothing, as legal forms do (see classify).
var businessWords = []string{"trading", "group", "holding", "holdings", "tk", "est", "mchj",
	// parts of Russian and Ukrainian forms written in full, and their
	// spelling variants
	"obshchestvo", "obshestvo", "obschestvo", "ogranichennoi", "ogranichennoy", "ogranichennoj",
	"organichennoi", "otvetstvennostyu", "otvetstvennostiu", "otvetstvennostju", "otvennostyu",
	"aktsionernoe", "aktsionernoye", "aktcionernoe", "akcionernoe", "publichnoe", "publichnoye",
	"zakrytoe", "zakrytoye", "otkrytoe", "otkrytoye", "tovarystvo", "tovaristvo", "obmezhenoyu",
	"vidpovidalnistyu", "liability", "aktsionerne", "publichne", "privatne", "vidkryte",
	"nepublichnoe", "tovarishchestvo",
}

// businessLine is the one business word that says what a company does
// (the others say what kind of body it is): it weighs nothing, but two
// companies otherwise alike that differ in their lines of business are
// two companies (see wordsDiffer).
const businessLine = "trading"

// notLegalAlone are abbreviations of forms that are also words or name
// parts (AT, AD and AS are Arabic article forms; VAT and TOO English
// words): alone they stay what they are, in a sequence (A.S., A/S) they
// are legal.
var notLegalAlone = set("at", "ad", "as", "aj", "ae", "se", "pt", "nl", "ou", "hf", "ehf", "publ",
	"too", "vat", "pat", "eg", "ek", "am", "aam", "pjs", "psc", "private", "public", "offshore",
	"terbuka", "branch", "kk", "gk", "yk")

// legacyLegal are single tokens that were legal forms before the table
// and stay so (abbreviations written alone or glued to a name).
var legacyLegal = []string{"llc", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "cie",
	"gmbh", "ag", "kg", "ooo", "oao", "zao", "ao", "pao", "pjsc", "jsc", "ojsc", "cjsc",
	"sa", "sas", "sarl", "srl", "spa", "sl", "bv", "nv", "plc", "llp", "lp", "fze", "fzco",
	"fzc", "fzllc", "fz", "sdn", "bhd", "pte", "pvt", "pty", "kft", "zrt", "nyrt", "doo",
	"eood", "ood", "asa", "oy", "oyj", "tov", "company", "sapi", "cv", "ltda", "dmcc", "wll"}

// legalForms holds every token that is a legal form alone (legalWords'
// keys), for set lookups.
var legalForms map[string]struct{}

func init() {
	initLegalForms()
	legalForms = make(map[string]struct{}, len(legalWords))
	var long []string
	for w := range legalWords {
		legalForms[w] = struct{}{}
		if len(w) >= 7 {
			long = append(long, w)
		}
	}
	slices.Sort(long)
	longLegal = groupByLen(long)
}

// initLegalForms reads legalFormData. It runs from init, after the
// package's tables are set, since it parses each spelling like a name.
func initLegalForms() {
	var p parser
	var seqs []legalSeq
	seen := map[string]bool{}
	addSeq := func(toks []string, class uint8) {
		key := strings.Join(toks, " ")
		if seen[key] {
			return
		}
		seen[key] = true
		if len(toks) == 1 {
			if _, ok := notLegalAlone[toks[0]]; ok {
				return
			}
			if _, ok := particles[toks[0]]; ok {
				return
			}
			if _, ok := titles[toks[0]]; ok {
				return
			}
			if old, ok := legalWords[toks[0]]; !ok || old == class {
				legalWords[toks[0]] = class
			} else {
				legalWords[toks[0]] = 0 // in several classes
			}
			return
		}
		seqs = append(seqs, legalSeq{toks: toks, class: class})
	}
	for _, w := range businessWords {
		legalWords[w] = 0
	}
	for line := range strings.SplitSeq(legalFormData, "\n") {
		code, rest, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		_, spellings, _ := strings.Cut(rest, "\t")
		legalClasses = append(legalClasses, code)
		class := uint8(len(legalClasses) - 1)
		for sp := range strings.SplitSeq(spellings, ";") {
			sp = strings.TrimSpace(sp)
			if sp == "" {
				continue
			}
			p.reset()
			p.parse(sp, KindOrganization)
			for ni := range p.names {
				nm := &p.names[ni]
				toks := make([]string, len(nm.toks))
				for i := range nm.toks {
					toks[i] = strings.Clone(nm.toks[i].text)
				}
				if len(toks) > 0 {
					addSeq(toks, class)
				}
			}
		}
	}
	// The tokens of a spelling of several ("societe" in "societe
	// anonyme") are legal only inside it.
	slices.SortStableFunc(seqs, func(a, b legalSeq) int { return len(b.toks) - len(a.toks) })
	for _, q := range seqs {
		legalSeqsBy[q.toks[0]] = append(legalSeqsBy[q.toks[0]], q)
		legalSeqsBy2[q.toks[1]] = append(legalSeqsBy2[q.toks[1]], q)
	}
	for _, w := range legacyLegal {
		if _, ok := legalWords[w]; !ok {
			legalWords[w] = 0
		}
	}
	for w := range legalWords {
		legalSorted = append(legalSorted, w)
	}
	slices.Sort(legalSorted)
	for _, w := range legalSorted {
		if len(w) < 4 || legalWords[w] == 0 && slices.Contains(businessWords, w) {
			continue
		}
		legalDeletions[w] = append(legalDeletions[w], w)
		for i := range len(w) {
			d := w[:i] + w[i+1:]
			if !slices.Contains(legalDeletions[d], w) {
				legalDeletions[d] = append(legalDeletions[d], w)
			}
		}
	}
}

// mistyped reports whether a is legal word w with one typing error that
// keeps its first letter: two letters swapped, or in words of editLen
// letters or more a letter more, less or changed. Alone, a form needs
// editLen 5 (SDTOCK, LIMIED; EODO only as a swap): shorter forms are too
// close to other words (OJC for OJSC). Amid the rest of its form, 4 (JOINT
// STOK COMPANY).
func mistyped(a, w string, editLen int) bool {
	if a == w || len(a) < 4 || len(w) < 4 || a[0] != w[0] {
		return false
	}
	if min(len(a), len(w)) >= editLen && osa(a, w, 1) == 1 {
		return true
	}
	return swapped(a, w)
}

// mistypedLegal returns the legal word of four letters or more that t is
// with one typing error (see mistyped), or "".
func mistypedLegal(t string) string {
	if len(t) < 4 || len(t) > maxTokenBytes {
		return ""
	}
	check := func(key string) string {
		for _, w := range legalDeletions[key] {
			if mistyped(t, w, 5) {
				return w
			}
		}
		return ""
	}
	if w := check(t); w != "" {
		return w
	}
	var b [maxTokenBytes]byte
	for i := range len(t) {
		d := append(append(b[:0], t[:i]...), t[i+1:]...)
		if w := check(str(d)); w != "" {
			return w
		}
	}
	return ""
}

// seqNear reports whether the tokens at rs spell seq with one of them
// mistyped (editLen 4: see mistyped); the others, at least one, as
// written.
func seqNear(buf []byte, rs []rng, seq []string) bool {
	if len(rs) < len(seq) {
		return false
	}
	typos := 0
	for k, w := range seq {
		if t := str(buf[rs[k].s:rs[k].e]); t != w {
			if typos++; typos > 1 || !mistyped(t, w, 4) {
				return false
			}
		}
	}
	return typos == 1
}

// legalPrefix reports whether t, three letters or more, begins a legal
// word: the end of a name cut inside its legal form (OTVETST).
func legalPrefix(t string) bool {
	if len(t) < 3 {
		return false
	}
	if _, ok := notLegalAlone[t]; ok {
		return false // a word or a form in its own right
	}
	i, _ := slices.BinarySearch(legalSorted, t)
	return i < len(legalSorted) && strings.HasPrefix(legalSorted[i], t)
}

// isLegalWord reports whether t is a legal form, or a word of one, in full.
func isLegalWord(t string) bool {
	_, ok := legalWords[t]
	return ok
}
