package screening

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/freezeguard/freezeguard/internal/fold"
	"github.com/freezeguard/freezeguard/lists"
)

// Country and region embargoes. A payment to or from a comprehensively
// sanctioned jurisdiction is prohibited whoever the parties are, so names
// alone do not catch it: a compliance officer reads every country code,
// address, town, BIC, IBAN and phone number. The regimes and places are
// curated data (embargo.tsv, embargo_places.tsv) citing their legal act;
// each regime has effective dates, and the decision date decides.

//go:embed embargo.tsv
var embargoTSV []byte

//go:embed embargo_places.tsv
var placesTSV []byte

// Embargo kinds (embargo.tsv's kind column).
const (
	EmbargoComprehensive = "comprehensive" // the whole country
	EmbargoTerritorial   = "territorial"   // a region of a country
	EmbargoSectoral      = "sectoral"      // sector rules: held for a reviewer to check, never frozen automatically
	EmbargoUNArms        = "un-arms"       // UN arms embargo: flagged, not held
	EmbargoUNOil         = "un-oil"        // UN petroleum measures: flagged, not held
)

// EmbargoRegime is one row of the curated embargo table.
type EmbargoRegime struct {
	ID        string    `json:"id"`        // US-IRAN, EU-CRIMEA, ...
	Authority string    `json:"authority"` // OFAC, EU, UK or UN
	Kind      string    `json:"kind"`      // EmbargoComprehensive, ...
	Country   string    `json:"country"`   // ISO 3166 alpha-2
	Regions   []string  `json:"regions,omitempty"`
	From      time.Time `json:"from"`
	Until     time.Time `json:"until,omitzero"` // exclusive; zero: in force
	Measure   string    `json:"measure"`
	Source    string    `json:"source"`
}

// InForce reports whether the regime applies at t.
func (r *EmbargoRegime) InForce(t time.Time) bool {
	return !t.Before(r.From) && (r.Until.IsZero() || t.Before(r.Until))
}

// GeneralLicence is a licence the bank relies on that authorises dealings
// a regime would prohibit (an OFAC general licence, an EU or UK
// authorisation): matches of that regime are then reported but not held.
type GeneralLicence struct {
	Regime string    `json:"regime"`           // an EmbargoRegime ID
	Name   string    `json:"name"`             // the licence and where it is published
	Until  time.Time `json:"until,omitzero"`   // expiry; zero: none
	Note   string    `json:"note,omitempty"`   // the scope the bank relies on
	Region string    `json:"region,omitempty"` // limit to one region key; empty: the whole regime
}

// EmbargoMatch is one place in a payment that lies in an embargoed
// jurisdiction, with the regime and what the bank does about it.
type EmbargoMatch struct {
	Regime    string  `json:"regime"`
	Authority string  `json:"authority"`
	Kind      string  `json:"kind"`
	Country   string  `json:"country"`
	Region    string  `json:"region,omitempty"`
	Measure   string  `json:"measure"`
	Source    string  `json:"source"`
	Binding   bool    `json:"binding"`           // the regime binds the bank under its policy
	Licence   string  `json:"licence,omitempty"` // a general licence that relaxes it
	Outcome   Outcome `json:"outcome"`           // what this match alone asks for
	Route     string  `json:"route"`             // country, address, town, bic, iban, phone, currency
	Value     string  `json:"value"`             // what in the message, as written
	Party     int     `json:"party"`             // index in Decision.Parties; -1 for the payment itself
	Path      string  `json:"path,omitempty"`
}

// place is one row of embargo_places.tsv.
type place struct {
	key, country, region string
	consistent           []string
}

type placeSpelling struct {
	toks []string
	raw  string // as the table writes it
	p    *place
}

// embargoData is the parsed tables, built once.
type embargoData struct {
	regimes []EmbargoRegime
	places  map[string][]placeSpelling // by first token
	ctry    map[string]bool            // countries of any regime
}

var embargo = mustEmbargo()

func mustEmbargo() *embargoData {
	e, err := parseEmbargo(embargoTSV, placesTSV)
	if err != nil {
		panic(err) // embedded data: a build-time error, caught by the tests
	}
	return e
}

// EmbargoRegimes returns a copy of the curated embargo table.
func EmbargoRegimes() []EmbargoRegime {
	rs := slices.Clone(embargo.regimes)
	for i := range rs {
		rs[i].Regions = slices.Clone(rs[i].Regions)
	}
	return rs
}

func tsvRows(data []byte, cols int, fn func(line int, f []string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	header := true
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != cols {
			return fmt.Errorf("line %d: %d columns, want %d", n, len(f), cols)
		}
		if err := fn(n, f); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

func parseEmbargo(regimes, places []byte) (*embargoData, error) {
	e := &embargoData{places: map[string][]placeSpelling{}, ctry: map[string]bool{}}
	regionKeys := map[string]bool{}
	err := tsvRows(regimes, 9, func(_ int, f []string) error {
		r := EmbargoRegime{ID: f[0], Authority: f[1], Kind: f[2], Country: f[3], Measure: f[7], Source: f[8]}
		switch r.Authority {
		case "OFAC", "EU", "UK", "UN":
		default:
			return fmt.Errorf("regime %s: authority %q", r.ID, r.Authority)
		}
		switch r.Kind {
		case EmbargoComprehensive, EmbargoTerritorial, EmbargoSectoral, EmbargoUNArms, EmbargoUNOil:
		default:
			return fmt.Errorf("regime %s: kind %q", r.ID, r.Kind)
		}
		if lists.CountryName(r.Country) == "" || r.Source == "" || r.Measure == "" {
			return fmt.Errorf("regime %s: country %q, measure and source are required", r.ID, r.Country)
		}
		if f[4] != "" {
			r.Regions = strings.Split(f[4], "|")
			for _, k := range r.Regions {
				regionKeys[k] = true
			}
		}
		if (r.Kind == EmbargoTerritorial) != (len(r.Regions) > 0) {
			return fmt.Errorf("regime %s: a territorial regime, and only one, names regions", r.ID)
		}
		var err error
		if r.From, err = time.Parse(time.DateOnly, f[5]); err != nil {
			return fmt.Errorf("regime %s: from: %w", r.ID, err)
		}
		if f[6] != "" {
			if r.Until, err = time.Parse(time.DateOnly, f[6]); err != nil || !r.Until.After(r.From) {
				return fmt.Errorf("regime %s: until %q", r.ID, f[6])
			}
		}
		e.regimes = append(e.regimes, r)
		e.ctry[r.Country] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("screening: embargo.tsv: %w", err)
	}
	err = tsvRows(places, 5, func(_ int, f []string) error {
		p := &place{key: f[0], country: f[1], region: f[2], consistent: strings.Split(f[3], "|")}
		if p.region != "" && !regionKeys[p.region] {
			return fmt.Errorf("place %s: region %q is in no regime", p.key, p.region)
		}
		if !e.ctry[p.country] {
			return fmt.Errorf("place %s: country %s is in no regime", p.key, p.country)
		}
		for _, s := range strings.Split(f[4], "|") {
			toks := placeTokens(s)
			if len(toks) == 0 {
				return fmt.Errorf("place %s: empty spelling", p.key)
			}
			e.places[toks[0]] = append(e.places[toks[0]], placeSpelling{toks: toks, raw: s, p: p})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("screening: embargo_places.tsv: %w", err)
	}
	return e, nil
}

// placeTokens folds s ([fold.String]: lower case, no accents) and splits
// it into words of letters and digits.
func placeTokens(s string) []string {
	return strings.FieldsFunc(fold.String(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// usStates are the names that place an address in the United States, so
// that Havana, Illinois is not Cuba when no country code is given.
var usStates = map[string]bool{}

func init() {
	for _, s := range strings.Split("alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming", " ") {
		usStates[s] = true
	}
}

// callingCodes maps international dialling prefixes (ITU-T E.164
// assignments) to the embargoed country or region they reach. Crimea's
// Russian codes 365 and 869 and its Ukrainian ones 65 and 692 are listed
// as the region, so that +7 Moscow numbers are not.
var callingCodes = []struct{ prefix, country, region string }{
	{"53", "CU", ""}, {"98", "IR", ""}, {"850", "KP", ""}, {"963", "SY", ""},
	{"7365", "UA", "crimea"}, {"7869", "UA", "crimea"}, {"38065", "UA", "crimea"}, {"380692", "UA", "crimea"},
	{"218", "LY", ""}, {"236", "CF", ""}, {"211", "SS", ""}, {"249", "SD", ""},
}

// currencies maps the currencies of embargoed countries (ISO 4217).
var currencies = map[string]string{"CUP": "CU", "CUC": "CU", "IRR": "IR", "KPW": "KP", "SYP": "SY", "LYD": "LY", "SDG": "SD", "SSP": "SS"}

// locus is one place found in a party or text: a country, optionally a
// region of it.
type locus struct {
	country, region, route, value string
}

// partyLoci returns where a party's fields place it.
func partyLoci(pp *PaymentParty) []locus {
	p := &pp.Party
	var out []locus
	given := map[string]bool{} // the countries the party's fields state
	if c, ok := lists.ParseCountry(p.Country); ok && c != "" {
		given[c] = true
		out = append(out, locus{country: c, route: "country", value: p.Country})
	}
	text, route := p.Address, "address"
	if isFreeTextRole(pp.Role) {
		text, route = p.Name, "text"
	}
	if b := normNumber(p.BIC); len(b) == 8 || len(b) == 11 {
		if c := b[4:6]; lists.CountryName(c) != "" {
			out = append(out, locus{country: c, route: "bic", value: p.BIC})
		}
	}
	if c, ok := ibanCountry(p.Account); ok {
		out = append(out, locus{country: c, route: "iban", value: p.Account})
	}
	out = append(out, phoneLoci(p.Phone)...)
	if strings.TrimSpace(text) == "" {
		return out
	}
	toks := placeTokens(text)
	// Countries named in the text (longest window first), and US states.
	us := false
	for i := 0; i < len(toks); i++ {
		if usStates[toks[i]] {
			us = true
		}
		for n := min(3, len(toks)-i); n >= 1; n-- {
			w := strings.Join(toks[i:i+n], " ")
			if len(w) <= 3 {
				continue // a two- or three-letter word is no country here (CA, DE, IN)
			}
			if c := lists.CountryCode(w); c != "" {
				given[c] = true
				if embargo.ctry[c] {
					out = append(out, locus{country: c, route: route, value: w})
				}
				i += n - 1
				break
			}
		}
	}
	if us {
		given["US"] = true
	}
	for i := 0; i < len(toks); i++ {
		for _, sp := range embargo.places[toks[i]] {
			if i+len(sp.toks) > len(toks) || !slices.Equal(toks[i:i+len(sp.toks)], sp.toks) {
				continue
			}
			if consistent(given, sp.p.consistent) {
				out = append(out, locus{country: sp.p.country, region: sp.p.region, route: "town", value: sp.raw})
			}
		}
	}
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		for _, w := range strings.Fields(f) {
			if c, ok := ibanCountry(w); ok && w != p.Account {
				out = append(out, locus{country: c, route: "iban", value: w})
			}
		}
		out = append(out, phoneLoci(f)...)
	}
	return out
}

// consistent reports whether the countries a party states allow a place
// whose address may carry the codes in ok: none stated, or one of them.
func consistent(given map[string]bool, ok []string) bool {
	if len(given) == 0 {
		return true
	}
	for _, c := range ok {
		if given[c] {
			return true
		}
	}
	return false
}

// ibanCountry returns the country of an IBAN whose check digits are right.
func ibanCountry(s string) (string, bool) {
	s = strings.ToUpper(strings.Join(strings.Fields(strings.TrimLeft(strings.TrimSpace(s), "/")), ""))
	if len(s) < 15 || len(s) > 34 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' || s[2] < '0' || s[2] > '9' || s[3] < '0' || s[3] > '9' {
		return "", false
	}
	var b strings.Builder
	for _, r := range s[4:] + s[:4] {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			fmt.Fprintf(&b, "%d", r-'A'+10)
		default:
			return "", false
		}
	}
	n, ok := new(big.Int).SetString(b.String(), 10)
	if !ok || new(big.Int).Mod(n, big.NewInt(97)).Int64() != 1 || lists.CountryName(s[:2]) == "" {
		return "", false
	}
	return s[:2], true
}

// phoneLoci finds international numbers ("+98 21 1234 5678", "0098...")
// in s and returns the embargoed places their prefixes reach.
func phoneLoci(s string) []locus {
	var out []locus
	for i := 0; i < len(s); i++ {
		var j int
		switch {
		case s[i] == '+':
			j = i + 1
		case strings.HasPrefix(s[i:], "00") && (i == 0 || s[i-1] == ' ' || s[i-1] == ':'):
			j = i + 2
		default:
			continue
		}
		var digits []byte
		k := j
		for ; k < len(s) && len(digits) < 15; k++ {
			c := s[k]
			if c >= '0' && c <= '9' {
				digits = append(digits, c)
			} else if c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' {
				break
			}
		}
		if len(digits) < 8 {
			continue
		}
		best := -1
		for x, cc := range callingCodes {
			if strings.HasPrefix(string(digits), cc.prefix) && (best < 0 || len(cc.prefix) > len(callingCodes[best].prefix)) {
				best = x
			}
		}
		if best >= 0 {
			cc := callingCodes[best]
			out = append(out, locus{country: cc.country, region: cc.region, route: "phone", value: strings.TrimSpace(s[i:k])})
		}
		i = k
	}
	return out
}

// bindsBank reports whether a regime's authority binds a bank under pol.
func bindsBank(authority string, j Jurisdiction) bool {
	switch authority {
	case "UN":
		return true
	case "OFAC":
		return j == JurisdictionUS
	case "EU":
		return j == JurisdictionEU
	case "UK":
		return j == JurisdictionUK
	}
	return false
}

// embargoMatches returns the regimes in force at now that a locus falls
// under, weighed under the policy.
func (s *Screener) embargoMatches(l locus, party int, path string, now time.Time) []EmbargoMatch {
	var out []EmbargoMatch
	for i := range embargo.regimes {
		r := &embargo.regimes[i]
		if r.Country != l.country || !r.InForce(now) {
			continue
		}
		if len(r.Regions) > 0 && !slices.Contains(r.Regions, l.region) {
			continue // a territorial regime needs the region, not just the country
		}
		m := EmbargoMatch{Regime: r.ID, Authority: r.Authority, Kind: r.Kind, Country: r.Country, Region: l.region, Measure: r.Measure, Source: r.Source,
			Binding: bindsBank(r.Authority, s.pol.Jurisdiction), Route: l.route, Value: l.value, Party: party, Path: path, Outcome: Clear}
		for _, gl := range s.pol.GeneralLicences {
			if gl.Regime == r.ID && (gl.Until.IsZero() || now.Before(gl.Until)) && (gl.Region == "" || gl.Region == l.region) {
				m.Licence = gl.Name
			}
		}
		switch {
		case !m.Binding || m.Licence != "" || r.Kind == EmbargoUNArms || r.Kind == EmbargoUNOil:
		case r.Kind == EmbargoSectoral:
			m.Outcome = Hold
		default:
			m.Outcome = s.pol.embargoOutcome()
		}
		out = append(out, m)
	}
	return out
}

// checkEmbargo finds the embargoed jurisdictions in a decision's parties
// (aligned with d.Parties) and payment, records them in d.Embargoes,
// flags the parties and the decision EMBARGOED_JURISDICTION, and raises
// their outcomes as the policy says.
func (s *Screener) checkEmbargo(d *Decision, parties []PaymentParty, pay *Payment, now time.Time) {
	seen := map[string]bool{}
	add := func(ms []EmbargoMatch) {
		for _, m := range ms {
			k := fmt.Sprint(m.Party, m.Regime, m.Route, m.Value)
			if seen[k] {
				continue
			}
			seen[k] = true
			d.Embargoes = append(d.Embargoes, m)
		}
	}
	for i := range parties {
		for _, l := range partyLoci(&parties[i]) {
			add(s.embargoMatches(l, i, parties[i].Path, now))
		}
	}
	if pay != nil {
		if c := currencies[strings.ToUpper(strings.TrimSpace(pay.Currency))]; c != "" {
			add(s.embargoMatches(locus{country: c, route: "currency", value: pay.Currency}, -1, "currency", now))
		}
	}
	if len(d.Embargoes) == 0 {
		return
	}
	var regimes []string
	for _, m := range d.Embargoes {
		why := embargoReason(&m)
		if m.Party >= 0 {
			pr := &d.Parties[m.Party]
			pr.Flags = append(pr.Flags, Flag{Code: FlagEmbargoed, Reason: why})
			if m.Outcome.Severity() > pr.Outcome.Severity() {
				pr.Outcome = m.Outcome
			}
		}
		if m.Outcome.Severity() > d.Outcome.Severity() {
			d.Outcome = m.Outcome
		}
		r := m.Regime + " (" + string(m.Outcome) + ")"
		switch {
		case m.Licence != "":
			r = m.Regime + " (licensed)"
		case !m.Binding:
			r = m.Regime + " (not binding)"
		}
		if !slices.Contains(regimes, r) {
			regimes = append(regimes, r)
		}
		if m.Outcome != Clear {
			by := now
			if m.Authority == "OFAC" {
				by = usBusinessDays(now, 10) // 31 CFR 501.603/501.604
			}
			if d.ReportBy.IsZero() || by.Before(d.ReportBy) {
				d.ReportBy = by
			}
		}
	}
	d.Flags = append(d.Flags, Flag{Code: FlagEmbargoed, Reason: "the payment touches embargoed jurisdictions: " + strings.Join(regimes, ", ")})
}

// embargoReason is the one-line reason of an embargo flag.
func embargoReason(m *EmbargoMatch) string {
	where := m.Country
	if m.Region != "" {
		where += "/" + m.Region
	}
	s := fmt.Sprintf("%s %q places it in %s: %s (%s, %s; %s)", m.Route, m.Value, where, m.Regime, m.Kind, m.Measure, m.Source)
	switch {
	case m.Licence != "":
		s += "; relaxed by " + m.Licence
	case !m.Binding:
		s += "; not binding on this bank, reported"
	case m.Outcome == Clear:
		s += "; a UN measure on goods: flagged for the reviewer of the trade, not held"
	case m.Kind == EmbargoSectoral:
		s += "; sector rules: a reviewer must check the payment against them"
	}
	return s
}

// embargoExplanation describes a decision held or frozen by embargoes only.
func embargoExplanation(d *Decision) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: no party matches a listed entry, but the payment touches an embargoed jurisdiction.", d.Outcome)
	for _, m := range d.Embargoes {
		if m.Outcome == Clear {
			continue
		}
		who := "the payment"
		if m.Party >= 0 {
			who = fmt.Sprintf("party %d (%s)", m.Party+1, d.Parties[m.Party].Role)
		}
		fmt.Fprintf(&b, " %s: %s.", who, embargoReason(&m))
	}
	if d.Outcome == Hold {
		b.WriteString(" A reviewer must confirm (block/reject) or dismiss (release, e.g. under a licence) the payment.")
	}
	return b.String()
}

// isFreeTextRole reports whether a party's Name is free text (remittance
// information, narrative fields) rather than a name.
func isFreeTextRole(r Role) bool { return r == FreeText || r == Remittance }
