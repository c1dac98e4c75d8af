package screening

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/freezeguard/freezeguard/lists"
)

// Identifier evidence: documents, registration and vessel numbers (IMO,
// MMSI, tail and serial numbers), BICs and digital-currency addresses. An
// identifier match is looked up, not scored: it makes the score 1.

// normNumber normalises a document or registration number: letters and
// digits only, upper case; "IMO 9187629" and "9187629" are the same ship.
func normNumber(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	n := b.String()
	if len(n) == 10 && strings.HasPrefix(n, "IMO") {
		n = n[3:]
	}
	return n
}

// normBIC reduces a BIC to its 8-character institution code; a BIC11 with
// any branch names the same bank.
func normBIC(s string) string {
	n := normNumber(s)
	if len(n) != 8 && len(n) != 11 {
		return ""
	}
	return n[:8]
}

// normCrypto normalises a wallet address: spaces stripped, lower case.
func normCrypto(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// lookupIdentifiers adds an identifier evidence line to the candidate of
// every entity listed with one of the party's documents, its BIC or its
// digital-currency address.
func lookupIdentifiers(st *state, p *Party, get func(ent int32) *candidate) {
	for _, doc := range p.Documents {
		n := normNumber(doc.Number)
		if len(n) < minIdentifierLn {
			continue
		}
		for _, ei := range st.ids["doc:"+n] {
			e := &st.snap.Entities[ei]
			if ev, ok := documentEvidence(doc, n, e); ok {
				c := get(ei)
				c.ids = append(c.ids, ev)
			}
		}
	}
	if b := normBIC(p.BIC); b != "" {
		for _, ei := range st.ids["bic:"+b] {
			c := get(ei)
			c.ids = append(c.ids, Evidence{Fact: "identifier", Effect: "for", Strong: true, Weight: 1, Detail: "the party's BIC is listed for this entity: " + listedBIC(&st.snap.Entities[ei], b)})
		}
	}
	if w := normCrypto(p.Crypto); len(w) >= minIdentifierLn {
		for _, ei := range st.ids["crypto:"+w] {
			c := get(ei)
			c.ids = append(c.ids, Evidence{Fact: "identifier", Effect: "for", Strong: true, Weight: 1, Detail: "the party's digital-currency address is listed for this entity: " + listedCrypto(&st.snap.Entities[ei], w)})
		}
	}
}

// entityIdentifierKeys returns the lookup keys of every identifier an
// entity is listed with.
func entityIdentifierKeys(e *lists.Entity) []string {
	var ks []string
	for _, d := range e.Documents {
		if n := normNumber(d.Number); len(n) >= minIdentifierLn {
			ks = append(ks, "doc:"+n)
		}
	}
	if v := e.Vessel; v != nil {
		for _, s := range []string{v.IMO, v.SerialNumber, v.TailNumber, v.MMSI} {
			if n := normNumber(s); len(n) >= minIdentifierLn {
				ks = append(ks, "doc:"+n)
			}
		}
	}
	for _, b := range e.BICs {
		if n := normBIC(b); n != "" {
			ks = append(ks, "bic:"+n)
		}
	}
	for _, c := range e.Crypto {
		if n := normCrypto(c.Address); len(n) >= minIdentifierLn {
			ks = append(ks, "crypto:"+n)
		}
	}
	slices.Sort(ks)
	return slices.Compact(ks)
}

// documentEvidence checks a party's document against an entity's listed
// ones: the numbers already agree; issuing countries must not differ. The
// detail names the listed document only (see countryEvidence).
func documentEvidence(doc Document, n string, e *lists.Entity) (Evidence, bool) {
	desc := func(typ, num, country string) string {
		s := strings.TrimSpace(typ + " " + num)
		if country != "" {
			s += " (" + country + ")"
		}
		return s
	}
	for _, ld := range e.Documents {
		if normNumber(ld.Number) != n {
			continue
		}
		if doc.Country != "" && ld.Country != "" && !strings.EqualFold(doc.Country, ld.Country) {
			continue
		}
		detail := fmt.Sprintf("the party's %s matches listed %s", docType(doc.Type), desc(ld.Type, ld.Number, ld.Country))
		if ld.KnownFalse {
			detail += " (listed as a false document)"
		}
		return Evidence{Fact: "identifier", Effect: "for", Strong: true, Weight: 1, Detail: detail}, true
	}
	if v := e.Vessel; v != nil {
		for _, s := range []string{v.IMO, v.SerialNumber, v.TailNumber, v.MMSI} {
			if s != "" && normNumber(s) == n {
				return Evidence{Fact: "identifier", Effect: "for", Strong: true, Weight: 1, Detail: fmt.Sprintf("the party's %s matches listed vessel/aircraft identifier %s", docType(doc.Type), s)}, true
			}
		}
	}
	return Evidence{}, false
}

func docType(t string) string {
	if t = strings.TrimSpace(t); t != "" {
		return t + " number"
	}
	return "document number"
}

// listedBIC returns the entity's listed BIC with institution code b.
func listedBIC(e *lists.Entity, b string) string {
	for _, x := range e.BICs {
		if normBIC(x) == b {
			return x
		}
	}
	return b
}

// listedCrypto returns the entity's listed wallet address equal to w.
func listedCrypto(e *lists.Entity, w string) string {
	for _, c := range e.Crypto {
		if normCrypto(c.Address) == w {
			return c.Currency + " " + c.Address
		}
	}
	return w
}
