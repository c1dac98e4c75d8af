package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/fuzzy"
	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// Free-text screening (remittance information, narrative fields): how
// often ordinary remittance texts are held, how often a listed name placed
// in a realistic text is found, and what it costs per payment. Every text
// here is generated (genRemittance*), from the templates below and the
// generated people of bench/testdata/generated_names_*.txt.

// Ordinary remittance templates, by language. {P} a person on no list,
// {C} an ordinary company, {G} goods, {M} a month, {Y} a year, {N} a
// number, {I} an invoice number, {D} a date, {S} a street, {T} a town.
var remittanceTemplates = []string{
	// English
	"Salary {M} {Y} {P}", "SALARY {M} {Y}", "Rent {M} {Y} flat {N} {S}", "Invoice {I} {C}", "INV {I} {G}",
	"Payment for {G} order {I}", "School fees {P} term {N}", "Insurance premium policy {I}", "Loan repayment {N} of 24",
	"Dividend {Y} {C}", "Membership fee {Y}", "Gift for {P} birthday", "Refund order {I}", "Consulting services {M} {Y} {C}",
	"Reimbursement travel expenses {P} {M}", "Deposit for apartment {S} {T}", "PO {I} {G} delivered to {T}", "/INV/{I}/{D}",
	"/RFB/{I}", "Transfer to {P} for {G}", "Monthly support for {P}", "Utilities {M} {Y} electricity and gas",
	// German
	"Gehalt {M} {Y}", "Miete {M} {Y} Wohnung {N} {S}", "Rechnung Nr. {I} vom {D}", "Rechnung {I} {C}", "Lieferung {G} Bestellung {I}",
	"Kundennummer {N} Rechnung {I}", "Zahlung an {P} Rechnung {I}",
	// French
	"Salaire {M} {Y} {P}", "Loyer {M} {Y} appartement {N}", "Facture n {I} du {D}", "Facture {I} {C} prestations {M}", "Paiement commande {I} {G}",
	// Spanish
	"Nomina {M} {Y}", "Alquiler {M} piso {N} {S}", "Factura {I} {G}", "Pago a {P} factura {I}", "Pedido {I} {C}",
	// Italian
	"Stipendio {M} {Y}", "Affitto {M} {Y}", "Fattura n. {I} del {D}", "Pagamento fattura {I} {C}",
	// Dutch, Portuguese, Polish, Turkish
	"Huur {M} {Y}", "Factuur {I} {C}", "Salaris {M} {Y}", "Fatura {I} {G}", "Aluguel {M} {Y}", "Faktura VAT {I} {C}",
	"Czynsz {M} {Y}", "Fatura {I} odeme", "Kira {M} {Y}",
	// Russian, Ukrainian
	"Оплата по счету {I} от {D}", "Зарплата за {M} {Y}", "Аренда {M} {Y}", "Оплата по договору {I} за товары", "Оплата за послуги рахунок {I}",
}

var (
	ftMonths = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
		"Januar", "Februar", "Maerz", "Mai", "Juni", "Oktober", "Dezember", "janvier", "fevrier", "avril", "juillet", "aout", "enero", "febrero",
		"marzo", "abril", "mayo", "junio", "gennaio", "luglio", "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC", "январь", "март"}
	ftGoods = []string{"office chairs", "steel pipes", "spare parts", "coffee beans", "printer paper", "laptops", "frozen fish", "cotton fabric",
		"pallets", "wine", "olive oil", "car tyres", "medical gloves", "LED lamps", "software licences", "timber", "cement", "Bueromaterial",
		"Ersatzteile", "pieces detachees", "fournitures de bureau", "material de oficina", "ricambi", "materiale edile", "запчасти", "оборудование",
		"crude oil", "wheat", "fertilizer", "solar panels", "textiles", "furniture", "machine tools", "pharmaceuticals"}
	ftStreets = []string{"Main Street", "Hauptstrasse", "Rue de la Paix", "Calle Mayor", "Via Roma", "Kerkstraat", "Rua Augusta", "ul. Dluga",
		"Baker Street", "Bahnhofstrasse", "Avenue Foch", "Gran Via", "Corso Italia", "Oak Avenue", "Station Road"}
	ftTowns = []string{"Berlin", "Hamburg", "Munich", "Lyon", "Paris", "Madrid", "Valencia", "Milano", "Rotterdam", "Porto", "Warszawa",
		"Istanbul", "London", "Manchester", "Vienna", "Zurich", "Prague", "Dublin", "Chicago", "Toronto"}
	ftSectors   = []string{"Logistics", "Trading", "Consulting", "Bau", "Transport", "Immobilien", "Services", "Textiles", "Foods", "Engineering", "Software", "Import Export", "Holding"}
	ftLegal     = []string{"Ltd", "GmbH", "SARL", "SL", "SRL", "BV", "LLC", "Inc", "AG", "SA", "Sp. z o.o.", "OOO", "& Sons"}
	ftFirms     = []string{"Acme", "Nordwind", "Bellavista", "Sunrise", "Blue Ocean", "Alpine", "Greenfield", "Westbrook", "Riverside", "Orion", "Delta", "Phoenix", "Atlas"}
	ftPlacement = []string{
		"Payment to {X} for invoice {I}", "INV {I} {X} consulting services {M}", "/BNF/{X}", "Zahlung an {X} Rechnung {I}",
		"Facture {I} - {X} - prestations {M}", "Pago a {X} factura {I}", "{X} REF {I}", "Transfer on behalf of {X}",
		"Оплата {X} по договору {I}", "{G} supplied by {X} PO {I}", "Settlement of invoice {I} from {X}", "FFC {X} ACC {N}",
	}
)

// ftFill fills a template.
func ftFill(r *rand.Rand, tpl string, people []cleanName, x string) string {
	pick := func(ss []string) string { return ss[r.IntN(len(ss))] }
	company := func() string {
		switch r.IntN(3) {
		case 0:
			p := strings.Fields(people[r.IntN(len(people))].Name)
			return p[len(p)-1] + " " + pick(ftSectors) + " " + pick(ftLegal)
		case 1:
			return pick(ftFirms) + " " + pick(ftSectors) + " " + pick(ftLegal)
		}
		return pick(ftTowns) + " " + pick(ftSectors) + " " + pick(ftLegal)
	}
	// Placeholders are filled in this order: each draws from r, so a map's
	// random iteration order would make the texts differ from run to run.
	repl := []struct {
		k string
		f func() string
	}{
		{"{P}", func() string { return people[r.IntN(len(people))].Name }},
		{"{C}", company},
		{"{G}", func() string { return pick(ftGoods) }},
		{"{M}", func() string { return pick(ftMonths) }},
		{"{Y}", func() string { return fmt.Sprint(2019 + r.IntN(8)) }},
		{"{N}", func() string { return fmt.Sprint(1 + r.IntN(400)) }},
		{"{I}", func() string {
			return []string{"INV-%d", "%d", "RE%d", "F%d/2025", "2026-%d", "A%d"}[r.IntN(6)] // format picked below
		}},
		{"{D}", func() string { return fmt.Sprintf("%02d.%02d.%d", 1+r.IntN(28), 1+r.IntN(12), 2020+r.IntN(7)) }},
		{"{S}", func() string { return pick(ftStreets) }},
		{"{T}", func() string { return pick(ftTowns) }},
		{"{X}", func() string { return x }},
	}
	out := tpl
	for _, p := range repl {
		k, f := p.k, p.f
		for strings.Contains(out, k) {
			v := f()
			if k == "{I}" {
				v = fmt.Sprintf(v, 1000+r.IntN(900000))
			}
			out = strings.Replace(out, k, v, 1)
		}
	}
	if r.IntN(3) == 0 {
		out = strings.ToUpper(out) // MT-style
	}
	return out
}

// genRemittanceOrdinary generates n ordinary remittance texts.
func genRemittanceOrdinary(seed uint64, n int, people []cleanName) []string {
	r := newRand(seed, "remittance/ordinary")
	out := make([]string, n)
	for i := range out {
		out[i] = ftFill(r, remittanceTemplates[i%len(remittanceTemplates)], people, "")
	}
	return out
}

// placedName is a listed name placed in a remittance text.
type placedName struct {
	Text, Name string
	Entity     int32
}

// genRemittanceListed places n listed names (persons and organisations,
// strong names that identify someone, persons of two words or more) in
// realistic remittance texts.
func genRemittanceListed(seed uint64, n int, w *world, people []cleanName) []placedName {
	r := newRand(seed, "remittance/listed")
	var out []placedName
	for tries := 0; len(out) < n && tries < n*50; tries++ {
		ei := int32(r.IntN(len(w.snap.Entities)))
		e := &w.snap.Entities[ei]
		if e.Kind != lists.Person && e.Kind != lists.Organization || len(e.Names) == 0 {
			continue
		}
		nm := e.Names[0].Full
		if e.Kind == lists.Person {
			if last, first, ok := strings.Cut(nm, ", "); ok {
				nm = first + " " + last
			}
			if len(strings.Fields(nm)) < 2 {
				continue
			}
		}
		if !fuzzy.Identifies(nm, screening.MatchKind(e.Kind)) || len(nm) > 70 {
			continue
		}
		tpl := ftPlacement[len(out)%len(ftPlacement)]
		out = append(out, placedName{Text: ftFill(r, tpl, people, nm), Name: nm, Entity: ei})
	}
	return out
}

// remittancePayment is a payment whose only party is its remittance text.
func remittancePayment(id, text string) screening.Payment {
	return screening.Payment{ID: id, Currency: "EUR", Amount: "100.00", Parties: []screening.PaymentParty{
		{Role: screening.Remittance, Path: "RmtInf/Ustrd[1]", Party: screening.Party{Name: text}}}}
}

// secFreeText measures free-text screening: held ordinary texts, found
// listed names, and payments/s with free text and embargo checks on and off.
func secFreeText(ctx context.Context, cfg Config, w *world, sc *screening.Screener, people []cleanName) (*Section, error) {
	s := &Section{Name: "quality: i. free text (remittance information)"}
	// Sizes follow the configuration (defaults: 5,000 ordinary texts, 600
	// placed names, 2,000 payments, best of 3), so the harness test stays small.
	nOrdinary, nPlaced, runs := cfg.Clean*5/6, 2*cfg.PerVariant, min(3, cfg.Runs)
	ordinary := genRemittanceOrdinary(cfg.Seed, nOrdinary, people)
	held, shown := 0, 0
	for i, t := range ordinary {
		d, err := sc.Decide(ctx, remittancePayment(fmt.Sprint("o", i), t))
		if err != nil {
			return nil, err
		}
		if d.Outcome != screening.Clear {
			held++
			if shown < 8 {
				shown++
				hs := d.Hits()
				why := "no hit"
				if len(hs) > 0 {
					why = hs[0].EntityID + " " + hs[0].MatchedName
				}
				s.notef("held ordinary text %q (%s)", t, why)
			}
		}
	}
	s.rate("generated ordinary remittance texts held (target ≤ 0.5 %)", held, len(ordinary), fmt.Sprintf("%d templates in 11 languages, people from the generated name tables", len(remittanceTemplates)))

	placed := genRemittanceListed(cfg.Seed, nPlaced, w, people)
	found, missed := 0, 0
	for i, p := range placed {
		d, err := sc.Decide(ctx, remittancePayment(fmt.Sprint("l", i), p.Text))
		if err != nil {
			return nil, err
		}
		ok := false
		for _, h := range d.Hits() {
			if ei, in := w.byID[h.EntityID]; in && w.group[ei] == w.group[p.Entity] {
				ok = true
			}
		}
		if ok && d.Outcome != screening.Clear {
			found++
		} else if missed++; missed <= 8 {
			s.notef("missed %s %q in %q", w.snap.Entities[p.Entity].ID, p.Name, p.Text)
		}
	}
	s.rate("listed names placed in remittance texts found (target ≥ 95 %)", found, len(placed), "generated: strong primary names of persons (2+ words) and organisations, 12 templates")

	// Throughput: payments of two named parties with addresses, two agents
	// and a remittance line, screened whole, 1 goroutine.
	off, err := screening.New(ctx, w.snap, screening.Options{Policy: func() screening.Policy {
		p := screening.DefaultPolicy(screening.JurisdictionUS)
		p.SkipEmbargo, p.SkipFreeText = true, true
		return p
	}(), Log: audit.NewMemory()})
	if err != nil {
		return nil, err
	}
	pays := make([]screening.Payment, min(2000, len(ordinary)))
	for i := range pays {
		p := remittancePayment(fmt.Sprint("t", i), ordinary[i%len(ordinary)])
		p.Parties = append([]screening.PaymentParty{
			{Role: screening.Debtor, Party: screening.Party{Name: people[(2*i)%len(people)].Name, Address: ftStreets[i%len(ftStreets)] + " 12, " + ftTowns[i%len(ftTowns)], Country: "DE"}},
			{Role: screening.DebtorAgent, Party: screening.Party{BIC: "DEUTDEFFXXX"}},
			{Role: screening.CreditorAgent, Party: screening.Party{BIC: "BNPAFRPPXXX"}},
			{Role: screening.Creditor, Party: screening.Party{Name: people[(2*i+1)%len(people)].Name, Address: ftStreets[(i+3)%len(ftStreets)] + " 7, " + ftTowns[(i+5)%len(ftTowns)], Country: "FR"}},
		}, p.Parties...)
		pays[i] = p
	}
	rate := func(x *screening.Screener) (float64, error) {
		var best float64
		for run := 0; run < runs; run++ {
			t0 := time.Now()
			for _, p := range pays {
				if _, err := x.Decide(ctx, p); err != nil {
					return 0, err
				}
			}
			best = max(best, float64(len(pays))/time.Since(t0).Seconds())
		}
		return best, nil
	}
	on, err := rate(sc)
	if err != nil {
		return nil, err
	}
	offRate, err := rate(off)
	if err != nil {
		return nil, err
	}
	s.add(fmt.Sprintf("payments/s, free text and embargo checks on (1 goroutine, best of %d)", runs), on, "count", fmt.Sprintf("%d payments: 4 parties with addresses and BICs + 1 remittance line", len(pays)))
	s.add("payments/s, free text and embargo checks off", offRate, "count", fmt.Sprintf("on/off = %.2f", on/offRate))
	return s, nil
}
