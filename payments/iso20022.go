package payments

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
)

// isoNS is the namespace prefix of every ISO 20022 message schema.
const isoNS = "urn:iso:std:iso:20022:tech:xsd:"

// msgIDPattern finds a message identifier such as pain.001.001.03 in a
// namespace; national variants (the Swiss SIX schemas, for one) put it in
// their own URL.
var msgIDPattern = regexp.MustCompile(`[a-z]{4}\.[0-9]{3}\.[0-9]{3}\.[0-9]{2}`)

// isoKinds maps the message element under Document to the message family
// it belongs to; only these are read.
var isoKinds = map[string]string{
	"FIToFICstmrCdtTrf": "pacs.008",
	"FICdtTrf":          "pacs.009",
	"CstmrCdtTrfInitn":  "pain.001",
}

// isoRoles maps party and agent elements to their roles. The same table
// serves pacs.008, pacs.009 (and its cover part) and pain.001: the element
// names are shared across the messages and their versions.
var isoRoles = map[string]screening.Role{
	"InitgPty":         screening.InitiatingParty,
	"UltmtDbtr":        screening.UltimateDebtor,
	"Dbtr":             screening.Debtor,
	"DbtrAgt":          screening.DebtorAgent,
	"CdtrAgt":          screening.CreditorAgent,
	"Cdtr":             screening.Creditor,
	"UltmtCdtr":        screening.UltimateCreditor,
	"InstgAgt":         screening.InstructingAgent,
	"InstdAgt":         screening.InstructedAgent,
	"PrvsInstgAgt":     screening.InstructingAgent,
	"PrvsInstgAgt1":    screening.InstructingAgent,
	"PrvsInstgAgt2":    screening.InstructingAgent,
	"PrvsInstgAgt3":    screening.InstructingAgent,
	"IntrmyAgt1":       screening.IntermediaryAgent,
	"IntrmyAgt2":       screening.IntermediaryAgent,
	"IntrmyAgt3":       screening.IntermediaryAgent,
	"FwdgAgt":          screening.InstructingAgent,
	"InstgRmbrsmntAgt": screening.SendersCorrespondent,
	"InstdRmbrsmntAgt": screening.ReceiversCorrespondent,
	"ThrdRmbrsmntAgt":  screening.IntermediaryAgent,
}

// ParseISO20022 reads one ISO 20022 pacs.008 (FIToFICstmrCdtTrf), pacs.009
// (FICdtTrf) or pain.001 (CstmrCdtTrfInitn) message, of any schema
// version, and returns one Payment per credit transfer transaction. The
// Document may stand alone or sit inside an envelope of any name, next to a
// business application header (AppHdr).
//
// A transaction that lacks a mandatory party is reported in the error and
// left out; the others are returned. Errors are *MessageError values
// (joined with errors.Join when there are several).
func ParseISO20022(r io.Reader) ([]screening.Payment, error) {
	data, err := readInput(r)
	if err != nil {
		return nil, err
	}
	ps := parseISO(data).checkNotEmpty()
	return ps.pays, ps.err
}

func parseISO(data []byte) parsed {
	root, err := buildTree(data)
	if err != nil {
		return parsed{err: err}
	}
	var docs, parents []*node
	findDocuments(root, nil, &docs, &parents)
	if len(docs) == 0 {
		return parsed{err: &MessageError{Message: "ISO 20022 document", Offset: root.off, Line: lineAt(data, int(root.off)),
			Err: fmt.Errorf("%w: no Document element (root element <%s>)", ErrUnsupported, root.name)}}
	}
	var (
		out, partial []screening.Payment
		errs         []error
	)
	for i, doc := range docs {
		p := &isoParser{data: data, path: "Document"}
		if len(docs) > 1 {
			p.path = indexed("Document", i+1)
		}
		if parents[i] != nil {
			p.header = appHdrParties(parents[i].child("AppHdr"))
		}
		out = append(out, p.document(doc)...)
		partial = append(partial, p.partial...)
		errs = append(errs, p.errs...)
	}
	return parsed{pays: out, partial: partial, err: joinErrs(errs)}
}

// findDocuments collects the Document elements at or below n (and their
// parents), not looking inside a Document.
func findDocuments(n, parent *node, docs, parents *[]*node) {
	if n.name == "Document" {
		*docs = append(*docs, n)
		*parents = append(*parents, parent)
		return
	}
	for _, k := range n.kids {
		findDocuments(k, n, docs, parents)
	}
}

// appHdrParties reads the sending (Fr) and receiving (To) institutions of
// a business application header: the banks that exchange the message.
func appHdrParties(h *node) []screening.PaymentParty {
	if h == nil {
		return nil
	}
	var out []screening.PaymentParty
	for _, e := range []struct {
		name string
		role screening.Role
	}{{"Fr", screening.InstructingAgent}, {"To", screening.InstructedAgent}} {
		if fi := h.get(e.name, "FIId"); fi != nil {
			if pp, ok, err := isoParty(fi, "AppHdr/"+e.name+"/FIId", e.role); ok && err == nil {
				out = append(out, pp)
			}
		}
	}
	return out
}

// isoParser extracts payments from one Document, collecting errors.
type isoParser struct {
	data []byte
	path string // "Document" or "Document[2]"
	msg  string // message identifier, e.g. pacs.008.001.08
	errs []error
	// header holds the parties of the AppHdr next to the Document; they
	// take part in every transaction.
	header []screening.PaymentParty
	// bad is set when a party of the transaction being read was malformed.
	bad bool
	// partial collects the transactions read only in part (see
	// parsed.partial).
	partial []screening.Payment
}

// emit files a transaction as complete, or as read in part when ok is
// false.
func (p *isoParser) emit(out []screening.Payment, pay screening.Payment, ok bool) []screening.Payment {
	if ok && !p.bad {
		return append(out, pay)
	}
	p.partial = append(p.partial, pay)
	return out
}

func (p *isoParser) fail(n *node, field string, err error) {
	if len(p.errs) >= maxErrors {
		return
	}
	me := &MessageError{Message: p.msg, Field: field, Offset: -1, Err: err}
	if n != nil {
		me.Offset, me.Line = n.off, lineAt(p.data, int(n.off))
	}
	p.errs = append(p.errs, me)
}

func (p *isoParser) document(doc *node) []screening.Payment {
	p.msg = "ISO 20022 document"
	id, ok := namespaceID(doc.space)
	if !ok {
		p.fail(doc, p.path, fmt.Errorf("%w: namespace %q is not an ISO 20022 schema", ErrUnsupported, doc.space))
		return nil
	}
	if len(doc.kids) == 0 {
		p.fail(doc, p.path, fmt.Errorf("%w: empty Document", ErrMissing))
		return nil
	}
	if len(doc.kids) == 1 {
		return p.message(doc.kids[0], id)
	}
	// The schemas allow one message element in a Document. More is
	// malformed: every one is still read, so that its parties are
	// screened, and the message is held.
	p.fail(doc.kids[1], p.path, fmt.Errorf("%w: Document holds %d message elements; ISO 20022 allows one", ErrSyntax, len(doc.kids)))
	for _, body := range doc.kids {
		p.partial = append(p.partial, p.message(body, id)...)
	}
	return nil
}

// message reads one message element of a Document. One it cannot read as
// a payment is still searched for parties (salvage).
func (p *isoParser) message(body *node, id string) []screening.Payment {
	family, known := isoKinds[body.name]
	if id != "" {
		p.msg = id
	}
	if !known {
		name := id
		if name == "" {
			name = "<" + body.name + ">"
		}
		p.fail(body, p.path+"/"+body.name, fmt.Errorf("%w: ISO 20022 %s (%s); want pacs.008, pacs.009 or pain.001", ErrUnsupported, name, body.name))
		p.salvage(body)
		return nil
	}
	if id != "" && !strings.HasPrefix(id, family+".") {
		p.fail(body, p.path+"/"+body.name, fmt.Errorf("%w: namespace says %s but the message element is %s (%s)", ErrUnsupported, id, body.name, family))
		p.salvage(body)
		return nil
	}
	if id == "" {
		p.msg = family
	}
	base := p.path + "/" + body.name
	if family == "pain.001" {
		return p.pain001(body, base)
	}
	return p.pacs(body, base, family)
}

// salvage screens, as read in part, every party and name in a message
// element that cannot be read as a payment: an unsupported message can
// still name a listed party.
func (p *isoParser) salvage(body *node) {
	path := p.path + "/" + body.name
	pay := screening.Payment{Message: p.msg, ID: path}
	pay.Parties = p.strays(body, path, screening.FreeText, append([]screening.PaymentParty(nil), p.header...))
	if len(pay.Parties) > 0 {
		p.partial = append(p.partial, pay)
	}
}

// strays appends a party for every name under n that reading by role did
// not take: names in elements this package does not map to a role (an
// account name, a contact, charges agents, an unknown wrapper), a second
// <Nm> of a party, text in child elements of <Nm>. The schemas allow none
// of the last three, or text next to child elements: those are reported
// and mark the transaction bad, so it is screened as read in part. role is
// the role of the nearest enclosing party element (FreeText outside one).
// Remittance information is left to texts.
func (p *isoParser) strays(n *node, path string, role screening.Role, dst []screening.PaymentParty) []screening.PaymentParty {
	nm := 0
	for _, k := range n.kids {
		if k.name == "Nm" {
			nm++
		}
	}
	if nm > 1 {
		p.fail(n, path+"/Nm", fmt.Errorf("%w: <%s> has %d <Nm> elements; the schemas allow one", ErrSyntax, n.name, nm))
		p.bad = true
	}
	if n.text != "" && len(n.kids) > 0 {
		p.fail(n, path, fmt.Errorf("%w: text next to child elements in <%s>", ErrSyntax, n.name))
		p.bad = true
		dst = appendFreeText(dst, screening.FreeText, n.text, path)
	}
	for _, k := range n.kids {
		kp, kr := path+"/"+k.name, role
		if r, ok := isoRoles[k.name]; ok {
			kr = r
		}
		switch k.name {
		case "RmtInf":
			continue
		case "Nm":
			name := k.text
			if len(k.kids) > 0 {
				p.fail(k, kp, fmt.Errorf("%w: <Nm> holds child elements (<%s>); a name is plain text", ErrSyntax, k.kids[0].name))
				p.bad = true
				name = normSpace(leafText(k))
			}
			if name != "" && !hasParty(dst, kp, name) {
				dst = append(dst, screening.PaymentParty{Role: kr, Path: kp, Party: screening.Party{Name: name}})
			}
			continue
		}
		dst = p.strays(k, kp, kr, dst)
	}
	return dst
}

// without returns a copy of n without its children of the given names,
// for walking what is left.
func without(n *node, names ...string) *node {
	c := &node{name: n.name, space: n.space, text: n.text, off: n.off}
	for _, k := range n.kids {
		if !slices.Contains(names, k.name) {
			c.kids = append(c.kids, k)
		}
	}
	return c
}

// hasParty reports whether dst holds a party named name read at path.
func hasParty(dst []screening.PaymentParty, path, name string) bool {
	for _, pp := range dst {
		if pp.Path == path && pp.Party.Name == name {
			return true
		}
	}
	return false
}

// namespaceID returns the message identifier a Document namespace names
// ("" for no namespace) and whether the namespace is acceptable.
func namespaceID(ns string) (string, bool) {
	switch {
	case ns == "":
		return "", true
	case strings.HasPrefix(ns, isoNS):
		return strings.TrimPrefix(ns, isoNS), true
	}
	if m := msgIDPattern.FindString(ns); m != "" {
		return m, true
	}
	return "", false
}

// pacs reads pacs.008 and pacs.009: a group header and CdtTrfTxInf*.
func (p *isoParser) pacs(body *node, base, family string) []screening.Payment {
	grp := body.child("GrpHdr")
	if grp == nil {
		p.fail(body, base+"/GrpHdr", fmt.Errorf("%w: GrpHdr", ErrMissing))
		return nil
	}
	msgID := grp.str("MsgId")
	// Agents in the group header apply to every transaction
	// (pacs.008.001.07 puts InstgAgt/InstdAgt there).
	shared := append([]screening.PaymentParty(nil), p.header...)
	shared = p.parties(grp, base+"/GrpHdr", shared)
	if si := grp.child("SttlmInf"); si != nil {
		shared = p.parties(si, base+"/GrpHdr/SttlmInf", shared)
	}
	shared = p.strays(grp, base+"/GrpHdr", screening.FreeText, shared)
	shared = p.strays(without(body, "GrpHdr", "CdtTrfTxInf"), base, screening.FreeText, shared)
	sharedBad := p.bad
	grpDate := parseISODate(grp.str("IntrBkSttlmDt"))
	var out []screening.Payment
	n := 0
	for _, tx := range body.kids {
		if tx.name != "CdtTrfTxInf" {
			continue
		}
		n++
		p.bad = sharedBad
		path := base + "/" + indexed("CdtTrfTxInf", n)
		pay := screening.Payment{Message: p.msg, ID: txID(tx, msgID, n)}
		pay.Parties = append(pay.Parties, shared...)
		amt := tx.child("IntrBkSttlmAmt")
		if amt == nil {
			amt = tx.child("InstdAmt")
		}
		if amt != nil {
			pay.Amount, pay.Currency = amt.text, amt.attr("Ccy")
		}
		pay.Date = parseISODate(tx.str("IntrBkSttlmDt"))
		if pay.Date.IsZero() {
			pay.Date = grpDate
		}
		pay.Parties = accounts(tx, p.parties(tx, path, pay.Parties))
		p.texts(tx, path, &pay)
		// pacs.009 COV: the underlying customer credit transfer names the
		// real debtor and creditor; screen them too.
		if u := tx.child("UndrlygCstmrCdtTrf"); u != nil {
			up := path + "/UndrlygCstmrCdtTrf"
			pay.Parties = p.parties(u, up, pay.Parties)
			p.texts(u, up, &pay)
		}
		pay.Parties = p.strays(tx, path, screening.FreeText, pay.Parties)
		mandatory := []string{"Dbtr", "Cdtr"}
		if family == "pacs.008" {
			mandatory = append(mandatory, "DbtrAgt", "CdtrAgt")
		}
		out = p.emit(out, pay, p.require(tx, path, pay.Parties, mandatory...))
	}
	if n == 0 {
		p.fail(body, base+"/CdtTrfTxInf", fmt.Errorf("%w: no CdtTrfTxInf transaction", ErrMissing))
	}
	return out
}

// pain001 reads CstmrCdtTrfInitn: a group header, PmtInf* (the debtor
// side), each with CdtTrfTxInf* (the creditor side).
func (p *isoParser) pain001(body *node, base string) []screening.Payment {
	grp := body.child("GrpHdr")
	if grp == nil {
		p.fail(body, base+"/GrpHdr", fmt.Errorf("%w: GrpHdr", ErrMissing))
		return nil
	}
	msgID := grp.str("MsgId")
	shared := p.parties(grp, base+"/GrpHdr", append([]screening.PaymentParty(nil), p.header...))
	shared = p.strays(grp, base+"/GrpHdr", screening.FreeText, shared)
	shared = p.strays(without(body, "GrpHdr", "PmtInf"), base, screening.FreeText, shared)
	grpBad := p.bad
	var out []screening.Payment
	ni, ntx := 0, 0
	for _, pi := range body.kids {
		if pi.name != "PmtInf" {
			continue
		}
		ni++
		piPath := base + "/" + indexed("PmtInf", ni)
		p.bad = grpBad
		debtorSide := accounts(pi, p.parties(pi, piPath, append([]screening.PaymentParty(nil), shared...)))
		debtorSide = p.strays(without(pi, "CdtTrfTxInf"), piPath, screening.FreeText, debtorSide)
		sharedBad := p.bad
		date := parseISODate(pi.str("ReqdExctnDt"))
		if date.IsZero() {
			date = parseISODate(pi.str("ReqdExctnDt", "Dt"))
		}
		if date.IsZero() {
			date = parseISODate(pi.str("ReqdExctnDt", "DtTm"))
		}
		k := 0
		for _, tx := range pi.kids {
			if tx.name != "CdtTrfTxInf" {
				continue
			}
			k++
			ntx++
			p.bad = sharedBad
			path := piPath + "/" + indexed("CdtTrfTxInf", k)
			id := txID(tx, "", 0)
			if id == "" {
				id = pi.str("PmtInfId")
				if id == "" {
					id = msgID
				}
				id = fmt.Sprintf("%s/%d", id, k)
			}
			pay := screening.Payment{Message: p.msg, ID: id, Date: date}
			if a := tx.get("Amt", "InstdAmt"); a != nil {
				pay.Amount, pay.Currency = a.text, a.attr("Ccy")
			} else if a := tx.get("Amt", "EqvtAmt", "Amt"); a != nil {
				pay.Amount, pay.Currency = a.text, a.attr("Ccy")
			}
			pay.Parties = append(append(pay.Parties, debtorSide...), accounts(tx, p.parties(tx, path, nil))...)
			p.texts(tx, path, &pay)
			pay.Parties = p.strays(tx, path, screening.FreeText, pay.Parties)
			okDebtor := p.require(pi, piPath, debtorSide, "Dbtr")
			out = p.emit(out, pay, okDebtor && p.require(tx, path, pay.Parties, "Cdtr"))
		}
	}
	if ntx == 0 {
		p.fail(body, base+"/PmtInf/CdtTrfTxInf", fmt.Errorf("%w: no CdtTrfTxInf transaction", ErrMissing))
	}
	return out
}

// txID picks the identifier of a transaction: EndToEndId (unless
// NOTPROVIDED), TxId, InstrId, UETR, else msgID/n.
func txID(tx *node, msgID string, n int) string {
	for _, f := range []string{"EndToEndId", "TxId", "InstrId", "UETR"} {
		if v := tx.str("PmtId", f); v != "" && v != "NOTPROVIDED" {
			return v
		}
	}
	if msgID == "" && n == 0 {
		return ""
	}
	return fmt.Sprintf("%s/%d", msgID, n)
}

// require checks that each named party element exists under n and yielded
// a party with something to screen; it records an error for each that does
// not.
func (p *isoParser) require(n *node, path string, got []screening.PaymentParty, names ...string) bool {
	ok := true
	for _, name := range names {
		el := n.child(name)
		if el == nil {
			p.fail(n, path+"/"+name, fmt.Errorf("%w: %s (%s)", ErrMissing, name, isoRoles[name]))
			ok = false
			continue
		}
		prefix := path + "/" + name + "/"
		found, unreadable := false, false
		for _, pp := range got {
			if !strings.HasPrefix(pp.Path, prefix) && pp.Path != path+"/"+name {
				continue
			}
			pt := &pp.Party
			if pt.BIC != "" || len(pt.Documents) > 0 || strings.TrimSpace(pt.Name) != "" && !screening.IsUnreadableName(pt.Name) {
				found = true
				break
			}
			unreadable = unreadable || screening.IsUnreadableName(pt.Name)
		}
		switch {
		case !found && unreadable:
			// A name of only invisible or punctuation characters names no
			// one: it must not satisfy the check and pass as screened.
			p.fail(el, path+"/"+name, fmt.Errorf("%w: %s has a name with no letter or digit, and no BIC or identifier", ErrMissing, name))
			ok = false
		case !found:
			p.fail(el, path+"/"+name, fmt.Errorf("%w: %s has no name, BIC or identifier", ErrMissing, name))
			ok = false
		}
	}
	return ok
}

// parties appends, in document order, the parties and agents that are
// direct children of n.
func (p *isoParser) parties(n *node, path string, dst []screening.PaymentParty) []screening.PaymentParty {
	for _, k := range n.kids {
		role, ok := isoRoles[k.name]
		if !ok {
			continue
		}
		pp, ok, err := isoParty(k, path+"/"+k.name, role)
		if err != nil {
			p.fail(k, path+"/"+k.name, err)
			p.bad = true
			continue
		}
		if ok {
			dst = append(dst, pp)
		}
	}
	return dst
}

// isoParty reads a party (PartyIdentification) or an agent
// (BranchAndFinancialInstitutionIdentification) element.
func isoParty(n *node, path string, role screening.Role) (screening.PaymentParty, bool, error) {
	// Newer versions wrap some parties in a choice: Pty or Agt.
	for _, w := range []string{"Pty", "Agt"} {
		if c := n.child(w); c != nil {
			n, path = c, path+"/"+w
		}
	}
	var (
		pt       screening.Party
		namePath string
		bicPath  string
	)
	if fi := n.child("FinInstnId"); fi != nil {
		fp := path + "/FinInstnId"
		pt.Kind = lists.Organization
		for _, b := range []string{"BICFI", "BIC"} {
			if v := fi.str(b); v != "" {
				pt.BIC, bicPath = strings.ToUpper(v), fp+"/"+b
				break
			}
		}
		if v := fi.str("Nm"); v != "" {
			pt.Name, namePath = v, fp+"/Nm"
		}
		pt.Address, pt.Country = isoAddress(fi.child("PstlAdr"))
		if v := fi.str("LEI"); v != "" {
			pt.Documents = append(pt.Documents, screening.Document{Type: "lei", Number: v})
		}
		if c := fi.child("ClrSysMmbId"); c != nil && c.str("MmbId") != "" {
			typ := "clearing-member"
			if sys := c.str("ClrSysId", "Cd"); sys != "" {
				typ += ":" + sys
			}
			pt.Documents = append(pt.Documents, screening.Document{Type: typ, Number: c.str("MmbId")})
		}
		if o := fi.child("Othr"); o != nil && o.str("Id") != "" {
			pt.Documents = append(pt.Documents, screening.Document{Type: schemeType(o), Number: o.str("Id")})
		}
	} else {
		if v := n.str("Nm"); v != "" {
			pt.Name, namePath = v, path+"/Nm"
		}
		pt.Address, pt.Country = isoAddress(n.child("PstlAdr"))
		if v := n.str("CtryOfRes"); v != "" {
			pt.Country = v
		}
		if org := n.get("Id", "OrgId"); org != nil {
			pt.Kind = lists.Organization
			for _, b := range []string{"AnyBIC", "BICOrBEI", "BIC"} {
				if v := org.str(b); v != "" {
					pt.BIC, bicPath = strings.ToUpper(v), path+"/Id/OrgId/"+b
					break
				}
			}
			if v := org.str("LEI"); v != "" {
				pt.Documents = append(pt.Documents, screening.Document{Type: "lei", Number: v})
			}
			pt.Documents = otherIDs(org, pt.Documents)
		}
		if prv := n.get("Id", "PrvtId"); prv != nil {
			pt.Kind = lists.Person
			if b := prv.child("DtAndPlcOfBirth"); b != nil {
				if d := b.str("BirthDt"); d != "" {
					if _, err := time.Parse("2006-01-02", d); err != nil {
						return screening.PaymentParty{}, false, fmt.Errorf("%w: BirthDt %q is not a date (YYYY-MM-DD)", ErrSyntax, clip(d))
					}
					pt.BirthDate = d
				}
				pt.BirthPlace = joinNonEmpty(", ", b.str("CityOfBirth"), b.str("PrvcOfBirth"), b.str("CtryOfBirth"))
			}
			pt.Documents = otherIDs(prv, pt.Documents)
		}
	}
	if c := n.child("CtctDtls"); c != nil {
		pt.Phone = joinNonEmpty(" ", c.str("PhneNb"), c.str("MobNb"))
	}
	if pt.Name == "" && pt.BIC == "" && len(pt.Documents) == 0 && pt.Address == "" && pt.Country == "" && pt.Phone == "" {
		return screening.PaymentParty{}, false, nil
	}
	pp := screening.PaymentParty{Role: role, Path: path, Party: pt}
	switch {
	case namePath != "":
		pp.Path = namePath
	case bicPath != "":
		pp.Path = bicPath
	}
	return pp, true, nil
}

// otherIDs appends the Othr identifiers (Id with SchmeNm) under n.
func otherIDs(n *node, dst []screening.Document) []screening.Document {
	for _, o := range n.kids {
		if o.name != "Othr" || o.str("Id") == "" {
			continue
		}
		dst = append(dst, screening.Document{Type: schemeType(o), Number: o.str("Id"), Country: countryOf(o.str("Issr"))})
	}
	return dst
}

// schemeTypes maps ISO 20022 external identification codes to the
// document types screening uses.
var schemeTypes = map[string]string{
	"CCPT": "passport",
	"NIDN": "national-id",
	"TXID": "tax-id",
	"SOSE": "social-security",
	"DRLC": "driving-licence",
	"ARNU": "alien-registration",
	"COID": "registration",
	"SREN": "registration",
	"SRET": "registration",
	"CUST": "customer",
	"EMPL": "employer",
	"DUNS": "duns",
	"BANK": "bank-party",
	"BDID": "business-domain",
	"GS1G": "gs1-gln",
}

// schemeType reads an Othr element's SchmeNm (Cd or Prtry).
func schemeType(o *node) string {
	if cd := o.str("SchmeNm", "Cd"); cd != "" {
		if t, ok := schemeTypes[strings.ToUpper(cd)]; ok {
			return t
		}
		return strings.ToLower(cd)
	}
	if pr := o.str("SchmeNm", "Prtry"); pr != "" {
		return pr
	}
	return "other"
}

// countryOf returns s if it looks like an ISO 3166 alpha-2 code.
func countryOf(s string) string {
	if len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' {
		return s
	}
	return ""
}

// isoAddress renders a PstlAdr, structured or AdrLine, as one line and
// returns its country.
func isoAddress(a *node) (string, string) {
	if a == nil {
		return "", ""
	}
	var parts []string
	street := joinNonEmpty(" ", a.str("StrtNm"), a.str("BldgNb"))
	for _, v := range []string{a.str("Dept"), a.str("SubDept"), a.str("BldgNm"), a.str("Flr"), a.str("Room"), a.str("PstBx"), street,
		joinNonEmpty(" ", a.str("PstCd"), a.str("TwnNm")), a.str("TwnLctnNm"), a.str("DstrctNm"), a.str("CtrySubDvsn")} {
		if v != "" {
			parts = append(parts, v)
		}
	}
	for _, k := range a.kids {
		if k.name == "AdrLine" && k.text != "" {
			parts = append(parts, k.text)
		}
	}
	ctry := a.str("Ctry")
	if ctry != "" {
		parts = append(parts, ctry)
	}
	return strings.Join(parts, ", "), ctry
}

// texts collects the free text of a transaction — unstructured and
// structured remittance information, instructions to agents — as FreeText
// parties, so that names hidden in it are screened and a hit points at the
// element it came from.
func (p *isoParser) texts(tx *node, path string, pay *screening.Payment) {
	add := func(text, at string) {
		pay.Parties = appendFreeText(pay.Parties, screening.FreeText, text, at)
	}
	for _, k := range tx.kids {
		kp := path + "/" + k.name
		switch k.name {
		case "RmtInf":
			nu, ns := 0, 0
			for _, r := range k.kids {
				switch r.name {
				case "Ustrd":
					nu++
					pay.Parties = appendFreeText(pay.Parties, screening.Remittance, r.text, kp+"/"+indexed("Ustrd", nu))
				case "Strd":
					ns++
					pay.Parties = appendFreeText(pay.Parties, screening.Remittance, leafText(r), kp+"/"+indexed("Strd", ns))
				}
			}
		case "InstrForCdtrAgt", "InstrForNxtAgt":
			add(k.str("InstrInf"), kp+"/InstrInf")
		case "InstrForDbtrAgt":
			if k.text != "" {
				add(k.text, kp)
			} else {
				add(k.str("InstrInf"), kp+"/InstrInf")
			}
		}
	}
}

// maxFreeText bounds one FreeText party's text; longer text is split at
// spaces. The screener refuses queries over 1 KiB.
const maxFreeText = 512

// appendFreeText appends text as one or more free-text parties (role
// FreeText or Remittance) at path.
func appendFreeText(dst []screening.PaymentParty, role screening.Role, text, path string) []screening.PaymentParty {
	text = normSpace(text)
	for text != "" {
		chunk := text
		if len(chunk) > maxFreeText {
			cut := strings.LastIndexByte(chunk[:maxFreeText], ' ')
			if cut <= 0 {
				cut = maxFreeText
				for cut > 0 && !utf8.RuneStart(chunk[cut]) {
					cut--
				}
			}
			chunk = chunk[:cut]
		}
		dst = append(dst, screening.PaymentParty{Role: role, Path: path, Party: screening.Party{Name: chunk}})
		text = strings.TrimSpace(text[len(chunk):])
	}
	return dst
}

// leafText joins the text of every element below n, in order.
func leafText(n *node) string {
	var b bytes.Buffer
	var walk func(*node)
	walk = func(n *node) {
		if n.text != "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(n.text)
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// parseISODate reads an ISO date or date-time; zero if it cannot.
func parseISODate(s string) time.Time {
	if len(s) < 10 {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return time.Time{}
	}
	return t
}

// joinNonEmpty joins the non-empty strings with sep.
func joinNonEmpty(sep string, ss ...string) string {
	var parts []string
	for _, s := range ss {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, sep)
}

// accountRoles maps account elements to the role of the party holding the
// account.
var accountRoles = map[string]screening.Role{
	"DbtrAcct":    screening.Debtor,
	"CdtrAcct":    screening.Creditor,
	"DbtrAgtAcct": screening.DebtorAgent,
	"CdtrAgtAcct": screening.CreditorAgent,
}

// accounts gives the parties in dst the accounts n holds for them
// (DbtrAcct/Id/IBAN or Othr/Id): an IBAN names a country, which is
// screened for embargoes. The last party of the role takes it (the one
// read from n itself, after any shared ones).
func accounts(n *node, dst []screening.PaymentParty) []screening.PaymentParty {
	for _, k := range n.kids {
		role, ok := accountRoles[k.name]
		if !ok {
			continue
		}
		id := k.str("Id", "IBAN")
		if id == "" {
			id = k.str("Id", "Othr", "Id")
		}
		if id == "" {
			continue
		}
		for i := len(dst) - 1; i >= 0; i-- {
			if dst[i].Role == role {
				dst[i].Party.Account = id
				break
			}
		}
	}
	return dst
}
