package screening

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/freezeguard/freezeguard/lists"
)

// Free-text screening. Remittance information, narrative fields (MT 70,
// 72, 77B) and address lines are not names: "payment for ROSNEFT crude
// oil" as a whole matches nothing, yet it names a listed company. The text
// is cut into windows of consecutive words, and each window that could be
// a name is screened through the same index and evidence rules as a
// party. Ordinary words must not match, so a cost model keeps the windows
// and hits to those a compliance officer would look at:
//
//   - a window neither starts nor ends with an ordinary word (the
//     multi-language remittance vocabulary of ordinaryWords) and holds no
//     number, and at least one of its words is a word of some listed name
//     (or is written in a non-Latin script);
//   - a hit must score at least the free-text threshold (stricter than a
//     party's), and a person is only found by two or more words (a bare
//     surname in a sentence is too weak);
//   - a one-word window must be a distinctive word of five letters or more
//     that matches a one-word name of a listed organisation (vessels are
//     called MARIA and SEVASTOPOL);
//   - a weak alias never matches free text (OFAC FAQs 122-125);
//   - a hit in free text is at most a HOLD: the text mentions a listed
//     name, the listed party is not shown to be a party to the payment.

// DefaultFreeTextThreshold is the score a window of free text needs to be
// a hit when Policy.FreeTextThreshold is zero.
const DefaultFreeTextThreshold = 0.90

const (
	maxWindowWords = 6   // the longest window screened
	maxWindows     = 256 // bound on the windows of one text (512 bytes hold at most ~100 words)
)

// freeTextThreshold is the policy's free-text threshold.
func (p *Policy) freeTextThreshold() float64 {
	if p.FreeTextThreshold > 0 {
		return p.FreeTextThreshold
	}
	return max(DefaultFreeTextThreshold, p.HoldThreshold)
}

// vocabulary returns the words of every listed name, lower case with
// accents folded, built once per snapshot.
func (st *state) vocabulary() map[string]bool {
	st.vocabOnce.Do(func() {
		v := make(map[string]bool, 1<<16)
		for _, r := range st.names {
			for _, t := range placeTokens(st.snap.Entities[r.ent].Names[r.name].Full) {
				v[t] = true
			}
		}
		st.vocab = v
	})
	return st.vocab
}

// textWord is one word of a text, as written and folded.
type textWord struct {
	raw, fold string
	digits    bool
	latin     bool
}

// textWords splits text into words: runs of letters and digits, with
// inner hyphens and apostrophes kept (AL-QAIDA, O'NEIL).
func textWords(text string) []textWord {
	var out []textWord
	rs := []rune(text)
	for i := 0; i < len(rs); {
		if !isWordRune(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && (isWordRune(rs[j]) || (rs[j] == '-' || rs[j] == '\'' || rs[j] == '’') && j+1 < len(rs) && isWordRune(rs[j+1])) {
			j++
		}
		w := textWord{raw: string(rs[i:j]), latin: true}
		for _, r := range rs[i:j] {
			if unicode.IsDigit(r) {
				w.digits = true
			}
			if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
				w.latin = false
			}
		}
		w.fold = strings.Join(placeTokens(w.raw), "")
		out = append(out, w)
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// textWindows returns the windows of text worth screening (see the
// package comment above), longest first at each start.
func textWindows(st *state, text string) []string {
	words := textWords(text)
	vocab := st.vocabulary()
	name := func(w *textWord) bool { return !w.digits && !ordinaryWords[w.fold] && len(w.fold) > 1 }
	var out []string
	for i := range words {
		if !name(&words[i]) {
			continue
		}
		for n := min(maxWindowWords, len(words)-i); n >= 1; n-- {
			win := words[i : i+n]
			if !name(&win[n-1]) || slices.ContainsFunc(win, func(w textWord) bool { return w.digits }) {
				continue
			}
			known := slices.ContainsFunc(win, func(w textWord) bool {
				return !ordinaryWords[w.fold] && (vocab[w.fold] || !w.latin)
			})
			if !known {
				continue
			}
			if n == 1 && len([]rune(win[0].fold)) < 5 {
				continue
			}
			raw := make([]string, n)
			for k := range win {
				raw[k] = win[k].raw
			}
			out = append(out, strings.Join(raw, " "))
			if len(out) >= maxWindows {
				return out
			}
		}
	}
	return out
}

// freeTextHits screens the windows of text and returns the hits that pass
// the free-text cost model, best per entity, each capped at HOLD and its
// reason naming the window. where says what the text is ("remittance
// information", "address").
func (s *Screener) freeTextHits(st *state, role Role, path, text, where string, now time.Time) []Hit {
	thr := s.pol.freeTextThreshold()
	var hits []Hit
	keep := func(h Hit) {
		if k := slices.IndexFunc(hits, func(x Hit) bool { return x.EntityID == h.EntityID }); k >= 0 {
			if h.Score > hits[k].Score {
				hits[k] = h
			}
			return
		}
		hits = append(hits, h)
	}
	// Identifiers written in the text: a BIC or IMO number listed for an
	// entity is an exact match, so it needs no cost model.
	for _, id := range textIdentifiers(st, text) {
		r, err := s.screenName(st, PaymentParty{Role: role, Path: path, Party: id}, true, now)
		if err != nil {
			continue
		}
		for _, h := range r.Hits {
			if h.Outcome == Freeze {
				h.Outcome = Hold
			}
			h.Reason = fmt.Sprintf("the %s contains a listed identifier: %s", where, h.Reason)
			keep(h)
		}
	}
	for _, w := range textWindows(st, text) {
		nw := len(strings.Fields(w))
		sub := PaymentParty{Role: role, Path: path, Party: Party{Name: w}}
		r, err := s.screenName(st, sub, true, now)
		if err != nil {
			continue // a window the screener refuses (too long) names no one
		}
		for _, h := range r.Hits {
			if h.Score < thr || h.NameScore < thr {
				continue
			}
			if h.HasFlag(FlagWeakAliasOnly) || h.Kind == lists.Person && nw < 2 {
				continue // weak aliases are never screened alone (OFAC FAQs 122-125); a bare surname is too weak
			}
			if nw == 1 && (h.Kind != lists.Organization || len(strings.Fields(h.MatchedName)) != 1) {
				continue // one word names a listed organisation or nothing (vessels are called MARIA and SEVASTOPOL)
			}
			if where == "address" && h.Kind != lists.Person && listedLeftOut(&h) {
				continue // an address names places: BUENOS AIRES is the city, not BUENOS AIRES SERVICIOS S.A. DE C.V., unless the address names the company whole
			}
			if h.Outcome == Freeze {
				h.Outcome = Hold
			}
			h.Reason = fmt.Sprintf("the %s contains %q: %s", where, w, h.Reason)
			keep(h)
		}
	}
	return hits
}

// listedLeftOut reports whether a word of the listed name other than its
// legal form was left unmatched.
func listedLeftOut(h *Hit) bool {
	for _, u := range h.Explanation.Unmatched {
		if strings.HasPrefix(u, "candidate: ") {
			return true
		}
	}
	return false
}

// textIdentifiers returns the identifiers in text that some listed entity
// carries: BICs (8 or 11 letters and digits), LEIs (20 characters ending in
// two check digits) and IMO numbers ("IMO 9123456"), each as a party to
// screen by that identifier alone.
func textIdentifiers(st *state, text string) []Party {
	var out []Party
	words := strings.FieldsFunc(strings.ToUpper(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		if b := normBIC(w); b != "" && len(st.ids["bic:"+b]) > 0 {
			out = append(out, Party{BIC: w})
		}
		if isLEI(w) && len(st.ids["doc:"+w]) > 0 {
			out = append(out, Party{Documents: []Document{{Type: "lei", Number: w}}})
		}
		if n := strings.TrimPrefix(w, "IMO"); len(n) == 7 && (n != w || i > 0 && words[i-1] == "IMO") && isDigits(n) {
			if len(st.ids["doc:"+n]) > 0 {
				out = append(out, Party{Documents: []Document{{Type: "imo", Number: n}}})
			}
		}
	}
	return out
}

// isLEI reports whether s has the form of an ISO 17442 LEI: 18 letters
// and digits and two check digits.
func isLEI(s string) bool {
	if len(s) != 20 || !isDigits(s[18:]) {
		return false
	}
	for i := 0; i < 18; i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// screenFreeText screens a free-text party (role FreeText or Remittance):
// its Name is the text.
func (s *Screener) screenFreeText(st *state, pp PaymentParty, now time.Time) PartyResult {
	pr := PartyResult{Role: pp.Role, Path: pp.Path, Party: pp.Party, Outcome: Clear}
	if s.pol.SkipFreeText {
		return pr
	}
	where := "free text"
	if pp.Role == Remittance {
		where = "remittance information"
	}
	pr.Hits = s.freeTextHits(st, pp.Role, pp.Path, pp.Party.Name, where, now)
	for _, h := range pr.Hits {
		if h.Outcome.Severity() > pr.Outcome.Severity() {
			pr.Outcome = h.Outcome
		}
	}
	slices.SortFunc(pr.Hits, func(a, b Hit) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return strings.Compare(a.EntityID, b.EntityID)
	})
	return pr
}

// ordinaryWords are words of everyday remittance text in the languages
// payments are written in (English, German, French, Spanish, Italian,
// Dutch, Portuguese, Polish, Turkish, Russian, Ukrainian), lower case with
// accents folded: a window of free text never starts or ends with one.
// They are not removed from names inside a window (BANK OF CHINA).
var ordinaryWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(ordinaryText) {
		for _, t := range placeTokens(w) {
			m[t] = true
		}
	}
	return m
}()

const ordinaryText = `
a an the and or of for to from in on at by with without per via as is are be this that these those it its our your their my his her
no nr num number ref reference id invoice invoices inv bill receipt order purchase po payment payments pay paid pmt transfer trf trsf
remittance remit amount total balance due fee fees charge charges cost costs price sum net gross vat tax taxes duty customs
salary salaries wage wages payroll bonus pension allowance expenses expense reimbursement refund deposit advance instalment installment
rent rental lease leasing mortgage loan credit debit interest repayment dividend premium insurance policy contract agreement
goods services service supply delivery shipment freight transport shipping logistics consulting consultancy maintenance repair
software license licence subscription membership tuition school fees university course rent utilities electricity gas water
phone internet parts equipment machinery spare materials products product items item crude oil grain wheat steel timber textiles
office supplies food beverages coffee tea sugar cotton fruit vegetables fish meat chemicals fertilizer pharmaceuticals medicine
january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday month monthly year yearly annual quarter quarterly week weekly q1 q2 q3 q4
eur usd gbp chf jpy rub cny try pln sek nok dkk czk huf ron aed sar inr
mr mrs ms dr sir madam family friend gift support help donation charity church mosque
street st road rd avenue ave floor fl building bldg apt apartment suite box po city town
please thanks thank you regards kind urgent final partial first second third last next previous other
account acct iban bic swift beneficiary ordering customer client supplier vendor
und oder der die das des dem den fur von vom zum zur mit ohne auf im am aus bei nach rechnung zahlung uberweisung betrag miete
gehalt lohn lieferung waren kaufvertrag vertrag monat januar februar marz mai juni juli oktober dezember kundennummer bestellung
le la les de du des et ou pour par avec sans sur au aux en facture paiement virement montant loyer salaire livraison marchandises
contrat mois janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre commande
el los las y o para por con sin del al en factura pago transferencia importe alquiler sueldo nomina entrega mercancia contrato mes
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre pedido
il lo gli i e o per con senza del della dei al alla fattura pagamento bonifico importo affitto stipendio consegna merce contratto
mese gennaio febbraio aprile maggio giugno luglio agosto settembre ottobre dicembre ordine
het een en of voor van met zonder op aan factuur betaling overboeking bedrag huur salaris levering goederen contract maand
o os as um uma e ou para por com sem do da dos das no na fatura pagamento transferencia valor aluguel salario entrega mercadorias
contrato mes janeiro fevereiro marco maio junho julho setembro outubro novembro dezembro
i w z na do za od dla faktura platnosc przelew kwota czynsz wynagrodzenie dostawa towar umowa miesiac
ve ile icin fatura odeme havale tutar kira maas teslimat mal sozlesme ay
и в на за по от для с без оплата платеж перевод счет счёт договор сумма аренда зарплата заработная плата поставка товар товары услуги
месяц январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь ндс без налога
і та за рахунок оплата договір сума оренда заробітна поставка товари послуги місяць
`
