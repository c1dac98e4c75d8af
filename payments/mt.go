package payments

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
)

// ParseMT reads SWIFT FIN messages — MT103 single customer credit
// transfers and MT101 requests for transfer — from a single message
// (.fin) or a batch (.rje: messages separated by '$', each possibly
// preceded by its ACK/NAK service message, which is skipped). It returns
// one Payment per MT103 and one per MT101 transaction (sequence B).
//
// A bad message is reported and the rest still parse: the error joins one
// *MessageError per problem, naming the message ("MT103[3]", counting user
// messages from 1 in file order), the field and the byte offset.
func ParseMT(r io.Reader) ([]screening.Payment, error) {
	data, err := readInput(r)
	if err != nil {
		return nil, err
	}
	ps := parseMT(data).checkNotEmpty()
	return ps.pays, ps.err
}

// finBlock is a FIN block: {id:text} or {id:{sub}{sub}}.
type finBlock struct {
	id   string
	text string
	sub  []finBlock
	off  int // offset of '{'
	toff int // offset of text
}

// finMessage is the blocks of one message.
type finMessage struct {
	blocks map[string]*finBlock
	off    int
	failed bool // a block error was already reported for it
	// suspect says why the message, though read, cannot be trusted to be
	// what it claims (an unknown block 1 service id): its payments are
	// screened as unreadable input rather than passed as complete.
	suspect string
}

func (m *finMessage) block(id string) *finBlock {
	if m == nil || m.blocks == nil {
		return nil
	}
	return m.blocks[id]
}

// mtParser parses one FIN input, collecting payments and errors.
type mtParser struct {
	data    []byte
	out     []screening.Payment
	partial []screening.Payment // read in part; see parsed.partial
	skipped []string            // ACK/NAK service messages passed over
	errs    []error
	n       int // user messages seen
}

// emit files a transaction as complete or, when bad or its message is
// suspect, as read only in part.
func (p *mtParser) emit(pay screening.Payment, bad bool, m *finMessage) {
	if bad || m.suspect != "" {
		p.partial = append(p.partial, pay)
		return
	}
	p.out = append(p.out, pay)
}

func parseMT(data []byte) parsed {
	p := &mtParser{data: data}
	var cur *finMessage
	flush := func() {
		if cur != nil {
			p.message(cur)
		}
		cur = nil
	}
	for i := 0; i < len(data) && len(p.errs) <= maxErrors; {
		c := data[i]
		switch {
		case c == '$':
			flush()
			i++
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x1a:
			i++
		case c == '{' && cur != nil && cur.blocks["4"] != nil && emptyOpen(data, i):
			// A "{" with nothing after it up to the message separator or
			// the end (the real MT103-out-ack.rje has "-}{" then "$"): an
			// empty, unterminated trailer block. Nothing is in it, so
			// nothing is lost; it is reported, not read as a broken message.
			p.skipped = append(p.skipped, fmt.Sprintf("stray \"{\" with nothing after it at byte %d (line %d), after the text block of %s", i, lineAt(data, i), p.label(cur)))
			i++
		case c == '{':
			b, next, err := p.parseBlock(i, 0)
			if err != nil {
				label := "FIN input"
				if cur != nil {
					label = p.label(cur)
				}
				p.fail(label, "", i, err)
				if cur != nil {
					cur.failed = true
				}
				flush()
				i = p.resync(next)
				continue
			}
			if b.id == "1" && cur != nil && cur.blocks["1"] != nil {
				flush()
			}
			if cur == nil {
				cur = &finMessage{blocks: map[string]*finBlock{}, off: i}
			}
			if cur.blocks[b.id] != nil {
				p.fail(p.label(cur), "{"+b.id+":}", i, fmt.Errorf("%w: block %s repeated", ErrSyntax, b.id))
			}
			cur.blocks[b.id] = &b
			i = next
		default:
			p.fail("FIN input", "", i, fmt.Errorf("%w: unexpected %q between blocks", ErrSyntax, c))
			flush()
			i = p.resync(i + 1)
		}
	}
	flush()
	return parsed{pays: p.out, partial: p.partial, skipped: p.skipped, err: joinErrs(p.errs)}
}

// emptyOpen reports whether data[i] == '{' is followed only by blanks up
// to the next '$' separator or the end of the input.
func emptyOpen(data []byte, i int) bool {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case ' ', '\t', '\r', '\n', 0x1a:
		case '$':
			return true
		default:
			return false
		}
	}
	return true
}

// resync skips to the next message boundary ('$' or "{1:") at or after i.
func (p *mtParser) resync(i int) int {
	if i <= 0 {
		i = 1
	}
	for ; i < len(p.data); i++ {
		if p.data[i] == '$' || bytes.HasPrefix(p.data[i:], []byte("{1:")) {
			return i
		}
	}
	return len(p.data)
}

func (p *mtParser) fail(msg, field string, off int, err error) {
	if len(p.errs) >= maxErrors {
		if len(p.errs) == maxErrors {
			p.errs = append(p.errs, &MessageError{Message: msg, Offset: int64(off), Err: fmt.Errorf("%w: more than %d errors, parsing stopped", ErrSyntax, maxErrors)})
		}
		return
	}
	p.errs = append(p.errs, &MessageError{Message: msg, Field: field, Offset: int64(off), Line: lineAt(p.data, off), Err: err})
}

// parseBlock parses the block starting at data[i] == '{'. depth 0 is a
// top-level block. next is where scanning resumes (after the block, or
// where the error was found).
func (p *mtParser) parseBlock(i, depth int) (finBlock, int, error) {
	data := p.data
	b := finBlock{off: i}
	j := i + 1
	for j < len(data) && j-i <= 4 && data[j] != ':' {
		c := data[j]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			break
		}
		j++
	}
	if j >= len(data) || data[j] != ':' || j == i+1 {
		return b, j, fmt.Errorf("%w: malformed block header (want {id:)", ErrSyntax)
	}
	b.id = string(data[i+1 : j])
	j++
	b.toff = j
	if depth == 0 && b.id == "4" && (j >= len(data) || data[j] != '{') {
		// The text block: fields up to CRLF "-}".
		// '{', '}' and '$' are outside the FIN character set, so the first
		// of them before "-}" means the terminator is missing.
		end := bytes.Index(data[j:], []byte("\n-}"))
		if stray := bytes.IndexAny(data[j:], "{}$"); stray >= 0 && (end < 0 || stray < end) {
			return b, j + stray, fmt.Errorf("%w: unterminated block 4 (no \"-}\" before %q at byte %d)", ErrSyntax, data[j+stray], j+stray)
		}
		if end < 0 {
			return b, len(data), fmt.Errorf("%w: unterminated block 4 (no \"-}\")", ErrSyntax)
		}
		b.text = string(data[j : j+end+1])
		return b, j + end + 3, nil
	}
	var text strings.Builder
	for j < len(data) {
		switch data[j] {
		case '{':
			if depth >= 2 {
				return b, j, fmt.Errorf("%w: blocks nested too deep", ErrSyntax)
			}
			s, next, err := p.parseBlock(j, depth+1)
			if err != nil {
				return b, next, err
			}
			b.sub = append(b.sub, s)
			j = next
		case '}':
			b.text = text.String()
			return b, j + 1, nil
		case '$':
			return b, j, fmt.Errorf("%w: unterminated block {%s: (message separator inside it)", ErrSyntax, b.id)
		default:
			text.WriteByte(data[j])
			j++
		}
	}
	return b, len(data), fmt.Errorf("%w: unterminated block {%s:", ErrSyntax, b.id)
}

// mtType returns the message type from block 2 ("103"), or "".
func mtType(m *finMessage) string {
	b2 := m.block("2")
	if b2 == nil || len(b2.text) < 4 {
		return ""
	}
	return b2.text[1:4]
}

// label names the next user message for errors and paths: "MT103[2]".
func (p *mtParser) label(m *finMessage) string {
	t := mtType(m)
	if t == "" {
		t = "???"
	}
	return fmt.Sprintf("MT%s[%d]", t, p.n+1)
}

// serviceID returns the service id of block 1 ("01" for a user message,
// "21" for an ACK/NAK), or "" when there is no block 1 to read it from.
func serviceID(m *finMessage) string {
	b1 := m.block("1")
	if b1 == nil || len(b1.text) < 3 {
		return ""
	}
	return b1.text[1:3]
}

// ackBlocks are the blocks a FIN ACK/NAK carries: the basic header, the
// text block of system tags, and the trailers.
var ackBlocks = map[string]bool{"1": true, "4": true, "5": true, "S": true}

// ackStatus reports whether m has the structure of a FIN ACK/NAK (service
// id 21): no application header, and a block 4 made only of sub-blocks
// with tag 451 (accepted 0, rejected 1). It returns the 451 value.
func ackStatus(m *finMessage) (string, bool) {
	if serviceID(m) != "21" || m.failed {
		return "", false
	}
	for id := range m.blocks {
		if !ackBlocks[id] {
			return "", false
		}
	}
	b4 := m.block("4")
	if b4 == nil || strings.TrimSpace(b4.text) != "" || len(b4.sub) == 0 {
		return "", false
	}
	status := ""
	for _, sb := range b4.sub {
		if len(sb.id) != 3 || strings.Trim(sb.id, "0123456789") != "" || len(sb.sub) > 0 {
			return "", false
		}
		if sb.id == "451" {
			status = sb.text
		}
	}
	if status != "0" && status != "1" {
		return "", false
	}
	return status, true
}

func (p *mtParser) message(m *finMessage) {
	if status, ok := ackStatus(m); ok {
		what := "ACK"
		if status == "1" {
			what = "NAK"
		}
		p.skipped = append(p.skipped, fmt.Sprintf("FIN %s service message at byte %d (line %d), block 1 %q", what, m.off, lineAt(p.data, m.off), m.block("1").text))
		return
	}
	label := p.label(m)
	p.n++
	if sid := serviceID(m); sid != "" && sid != "01" {
		// Only a real ACK/NAK may be passed over. Anything else claiming
		// another service id is read as a user message, so that its
		// parties are screened, and held: fail closed.
		m.suspect = fmt.Sprintf("block 1 service id %q is neither 01 (user message) nor an ACK/NAK (21 with tag 451)", sid)
		p.fail(label, "{1:}", m.off, fmt.Errorf("%w: %s", ErrUnsupported, m.suspect))
	}
	b4 := m.block("4")
	if m.failed && b4 == nil {
		return // the broken block was reported
	}
	switch {
	case m.block("2") == nil || len(m.block("2").text) < 4:
		p.fail(label, "{2:}", m.off, fmt.Errorf("%w: application header block 2 (message type)", ErrMissing))
		p.salvage(m, label)
		return
	case b4 == nil:
		p.fail(label, "{4:}", m.off, fmt.Errorf("%w: text block 4", ErrMissing))
		return
	}
	typ := mtType(m)
	fields, err := p.fields(b4, label)
	if err != nil {
		p.errs = append(p.errs, err)
		return
	}
	hdr := headerParties(m, label)
	switch typ {
	case "103":
		p.mt103(m, label, fields, hdr)
	case "101":
		p.mt101(m, label, fields, hdr)
	default:
		p.fail(label, "{2:}", m.block("2").toff, fmt.Errorf("%w: MT%s; want MT103 or MT101", ErrUnsupported, typ))
		p.salvage(m, label)
	}
}

// salvage reads the party fields of a message that cannot be read as a
// payment (no message type, a type this package does not read) so that
// the parties it names are still screened, as unreadable input. Its
// errors were already reported, or are beside the point.
func (p *mtParser) salvage(m *finMessage, label string) {
	b4 := m.block("4")
	if b4 == nil {
		return
	}
	sub := &mtParser{data: p.data}
	fields, err := sub.fields(b4, label)
	if err != nil {
		return
	}
	t := &mtTx{p: sub, label: label, msg: label, seen: map[string]bool{}}
	t.pay.Message = "MT" + mtType(m)
	for _, f := range fields {
		t.field(f, mtRoles)
	}
	if len(t.pay.Parties) > 0 {
		if t.pay.ID == "" {
			t.pay.ID = label
		}
		p.partial = append(p.partial, t.pay)
	}
}

// finField is one field of block 4.
type finField struct {
	tag   string   // "59F"
	lines []string // value lines; the first is the rest of the tag line
	off   int      // byte offset of the ':' opening the tag
}

var tagLine = regexp.MustCompile(`^:([0-9]{2}[A-Z]?):`)

// fields splits block 4 text into fields.
func (p *mtParser) fields(b4 *finBlock, label string) ([]finField, error) {
	var out []finField
	off := b4.toff
	for _, line := range strings.SplitAfter(b4.text, "\n") {
		lineOff := off
		off += len(line)
		line = strings.TrimRight(line, "\r\n")
		if m := tagLine.FindStringSubmatch(line); m != nil {
			out = append(out, finField{tag: m[1], lines: []string{line[len(m[0]):]}, off: lineOff})
			continue
		}
		if len(out) == 0 {
			if strings.TrimSpace(line) == "" {
				continue
			}
			return nil, &MessageError{Message: label, Field: "{4:}", Offset: int64(lineOff), Line: lineAt(p.data, lineOff),
				Err: fmt.Errorf("%w: text before the first field tag: %q", ErrSyntax, clip(line))}
		}
		last := &out[len(out)-1]
		last.lines = append(last.lines, line)
	}
	for i := range out {
		// Drop trailing empty lines of a field.
		l := out[i].lines
		for len(l) > 1 && strings.TrimSpace(l[len(l)-1]) == "" {
			l = l[:len(l)-1]
		}
		out[i].lines = l
	}
	if len(out) == 0 {
		return nil, &MessageError{Message: label, Field: "{4:}", Offset: int64(b4.toff), Line: lineAt(p.data, b4.toff), Err: fmt.Errorf("%w: block 4 has no fields", ErrMissing)}
	}
	return out, nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// ltBIC turns a 12-character logical terminal address into a BIC11.
func ltBIC(lt string) string {
	if len(lt) != 12 {
		return ""
	}
	bic := lt[:8] + lt[9:12]
	if !bicPattern.MatchString(bic) {
		return ""
	}
	return bic
}

// headerParties returns the sender and receiver banks from blocks 1 and 2.
func headerParties(m *finMessage, label string) []screening.PaymentParty {
	var sender, receiver, sPath, rPath string
	b1, b2 := m.block("1"), m.block("2")
	if b1 != nil && len(b1.text) >= 15 {
		sender, sPath = ltBIC(b1.text[3:15]), label+" {1:}"
	}
	if b2 != nil && len(b2.text) >= 4 {
		switch b2.text[0] {
		case 'O': // output: block 1 is us (receiver), the MIR names the sender
			receiver, rPath = sender, sPath
			sender, sPath = "", ""
			if len(b2.text) >= 26 {
				sender, sPath = ltBIC(b2.text[14:26]), label+" {2:}"
			}
		case 'I':
			if len(b2.text) >= 16 {
				receiver, rPath = ltBIC(b2.text[4:16]), label+" {2:}"
			}
		}
	}
	var out []screening.PaymentParty
	if sender != "" {
		out = append(out, screening.PaymentParty{Role: screening.InstructingAgent, Path: sPath, Party: screening.Party{BIC: sender, Kind: lists.Organization}})
	}
	if receiver != "" {
		out = append(out, screening.PaymentParty{Role: screening.InstructedAgent, Path: rPath, Party: screening.Party{BIC: receiver, Kind: lists.Organization}})
	}
	return out
}

// mtRoles maps field numbers to roles in MT103 (MT101 overrides some).
var mtRoles = map[string]screening.Role{
	"50": screening.Debtor,
	"59": screening.Creditor,
	"51": screening.InstructingAgent,
	"52": screening.OrderingInstitution,
	"53": screening.SendersCorrespondent,
	"54": screening.ReceiversCorrespondent,
	"55": screening.IntermediaryAgent,
	"56": screening.IntermediaryAgent,
	"57": screening.CreditorAgent,
}

// mtKnownTags are the field numbers MT103 and MT101 define that carry no
// party (SWIFT Standards MT November 2023, MT103 and MT101 field lists):
// references, dates, codes, amounts, charges. The party fields are in
// mtRoles, the narrative ones in textFields. Any other field is reported.
var mtKnownTags = map[string]bool{
	"13": true, "20": true, "21": true, "23": true, "25": true, "26": true, "28": true, "30": true,
	"32": true, "33": true, "36": true, "71": true, "70": true, "72": true, "77": true,
}

// textFields are the narrative fields screened as free text.
var textFields = map[string]bool{"70": true, "72": true, "77B": true, "77T": true}

var (
	amountPattern = regexp.MustCompile(`^([0-9]{6})([A-Z]{3})([0-9]{1,15},[0-9]{0,5})$`) // 32A
	ccyAmtPattern = regexp.MustCompile(`^([A-Z]{3})([0-9]{1,15},[0-9]{0,5})$`)           // 32B, 33B
	bicPattern    = regexp.MustCompile(`^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$`)
	refPattern    = regexp.MustCompile(`^[^/\s](.{0,14}[^/\s])?$`) // 16x, no leading/trailing '/'
	dobPattern    = regexp.MustCompile(`^[0-9]{8}$`)
)

// mtAmount turns a FIN amount ("1814,28", "3700,") into a decimal.
func mtAmount(s string) string {
	s = strings.Replace(s, ",", ".", 1)
	return strings.TrimSuffix(s, ".")
}

// mtDate reads YYMMDD.
func mtDate(s string) (time.Time, error) {
	return time.Parse("060102", s)
}

// mtTx accumulates one payment from fields.
type mtTx struct {
	p     *mtParser
	label string // "MT103[2]" or "MT101[1] B[2]"
	msg   string // message label for errors
	pay   screening.Payment
	seen  map[string]bool
	bad   bool
}

func (t *mtTx) fail(f finField, err error) {
	t.p.fail(t.msg, ":"+f.tag+":", f.off, err)
	t.bad = true
}

// field handles one field; roles overrides mtRoles by tag.
func (t *mtTx) field(f finField, roles map[string]screening.Role) {
	t.seen[f.tag] = true
	t.seen[f.tag[:2]+"a"] = true
	val := strings.TrimSpace(f.lines[0])
	switch f.tag {
	case "20", "21":
		if !refPattern.MatchString(val) {
			t.fail(f, fmt.Errorf("%w: reference %q (want 16x, no leading or trailing '/')", ErrSyntax, clip(val)))
			return
		}
		if t.pay.ID == "" || f.tag == "21" {
			t.pay.ID = val
		}
		return
	case "32A":
		m := amountPattern.FindStringSubmatch(val)
		if m == nil {
			t.fail(f, fmt.Errorf("%w: value date/currency/amount %q (want YYMMDD CCY 123,45)", ErrSyntax, clip(val)))
			return
		}
		d, err := mtDate(m[1])
		if err != nil {
			t.fail(f, fmt.Errorf("%w: value date %q: %w", ErrSyntax, m[1], err))
			return
		}
		t.pay.Date, t.pay.Currency, t.pay.Amount = d, m[2], mtAmount(m[3])
		return
	case "32B":
		m := ccyAmtPattern.FindStringSubmatch(val)
		if m == nil {
			t.fail(f, fmt.Errorf("%w: currency/amount %q (want CCY 123,45)", ErrSyntax, clip(val)))
			return
		}
		t.pay.Currency, t.pay.Amount = m[1], mtAmount(m[2])
		return
	case "30":
		d, err := mtDate(val)
		if err != nil {
			t.fail(f, fmt.Errorf("%w: execution date %q (want YYMMDD)", ErrSyntax, clip(val)))
			return
		}
		t.pay.Date = d
		return
	}
	path := t.label + " :" + f.tag + ":"
	if textFields[f.tag] {
		role := screening.FreeText
		if f.tag == "70" {
			role = screening.Remittance // MT 70 is the remittance information
		}
		t.pay.Parties = appendFreeText(t.pay.Parties, role, narrative(f.lines), path)
		return
	}
	role, ok := roles[f.tag[:2]]
	if !ok {
		if !mtKnownTags[f.tag[:2]] {
			// A field this package does not know may carry a name: say
			// so, and screen its text rather than drop it.
			t.fail(f, fmt.Errorf("%w: field :%s: is not one MT103/MT101 defines; its text is screened as free text", ErrSyntax, f.tag))
			t.pay.Parties = appendFreeText(t.pay.Parties, screening.FreeText, strings.Join(f.lines, " "), path)
		}
		return
	}
	pt, err := mtParty(f)
	if err != nil {
		t.fail(f, err)
		return
	}
	if pt.Name == "" && pt.BIC == "" && pt.Address == "" && len(pt.Documents) == 0 {
		return
	}
	t.pay.Parties = append(t.pay.Parties, screening.PaymentParty{Role: role, Path: path, Party: pt})
	for _, v := range nameVariants(f, pt.Name) {
		t.pay.Parties = append(t.pay.Parties, screening.PaymentParty{Role: role, Path: path + " " + v.where,
			Party: screening.Party{Name: v.name, Kind: pt.Kind, Country: pt.Country, BirthDate: pt.BirthDate}})
	}
}

// maxNameLines is how many consecutive lines of a party field are joined
// into one name candidate: three 35-character lines hold any name the
// lists carry.
const maxNameLines = 3

// nameVariant is one more reading of a party field's name.
type nameVariant struct{ name, where string }

// nameVariants returns the other ways a party field's lines may hold a
// name. FIN lines are at most 35 characters, so a long name routinely runs
// on to the next line, broken at a space or in mid-word, and nothing marks
// which lines are name and which address. So every run of up to
// maxNameLines consecutive name lines is joined, with a space and without
// one at each break, and every line of two words or more is also read
// alone; lines of punctuation are skipped. Option F names
// only its 1/ lines; options A, B, C, G and L carry no name. Candidates
// equal to the party's name, or to each other, are left out.
func nameVariants(f finField, primary string) []nameVariant {
	lines := nameLines(f)
	if len(lines) < 2 {
		return nil
	}
	seen := map[string]bool{strings.ToUpper(primary): true}
	var out []nameVariant
	add := func(name, where string) {
		name = normSpace(name)
		if screening.IsUnreadableName(name) {
			return // a line of punctuation ("-", "...") is no name
		}
		if k := strings.ToUpper(name); name != "" && !seen[k] {
			seen[k] = true
			out = append(out, nameVariant{name, where})
		}
	}
	for i, l := range lines {
		if len(strings.Fields(l.text)) > 1 {
			// A line alone, when it can hold a whole name: one word alone
			// is a town or the tail of a name, which the joins cover, and
			// read alone it matches listed one-word names by chance
			// (BERLIN / BRELYAN).
			add(l.text, fmt.Sprintf("line %d", l.n))
		}
		for j := i + 1; j < len(lines) && j < i+maxNameLines; j++ {
			where := fmt.Sprintf("lines %d-%d", l.n, lines[j].n)
			// Each of the j-i breaks is a space or not: 2^(j-i) joins.
			for mask := 0; mask < 1<<(j-i); mask++ {
				var b strings.Builder
				b.WriteString(l.text)
				for k := i + 1; k <= j; k++ {
					if mask&(1<<(k-i-1)) == 0 {
						b.WriteByte(' ')
					}
					b.WriteString(lines[k].text)
				}
				join := where
				if mask != 0 {
					join += " joined"
				}
				add(b.String(), join)
			}
		}
	}
	return out
}

// nameLine is a line of a party field that may hold part of a name, with
// its 1-based line number in the field.
type nameLine struct {
	text string
	n    int
}

// nameLines returns the lines of a party field that may hold a name.
func nameLines(f finField) []nameLine {
	var out []nameLine
	switch opt := f.tag[2:]; opt {
	case "A", "B", "C", "G", "L":
		return nil
	case "F":
		for i, l := range f.lines {
			if l = strings.TrimSpace(l); strings.HasPrefix(l, "1/") {
				out = append(out, nameLine{strings.TrimSpace(l[2:]), i + 1})
			}
		}
	default: // "", D, H, K: [/account] then name and address lines
		for i, l := range f.lines {
			l = strings.TrimSpace(l)
			if i == 0 && strings.HasPrefix(l, "/") || l == "" || screening.IsUnreadableName(l) {
				continue // the account, or a line of punctuation: no part of a name
			}
			out = append(out, nameLine{l, i + 1})
		}
	}
	return out
}

func (p *mtParser) mt103(m *finMessage, label string, fields []finField, hdr []screening.PaymentParty) {
	t := &mtTx{p: p, label: label, msg: label, seen: map[string]bool{}}
	t.pay.Message = "MT103"
	t.pay.Parties = append(t.pay.Parties, hdr...)
	for _, f := range fields {
		t.field(f, mtRoles)
	}
	for _, tag := range []string{"20", "32A", "50a", "59a"} {
		if !t.seen[tag] {
			p.fail(label, ":"+tag+":", m.block("4").toff, fmt.Errorf("%w: field %s", ErrMissing, tag))
			t.bad = true
		}
	}
	p.emit(t.pay, t.bad, m)
}

// mt101Roles: in MT101, 50C/50L is the instructing party and 52 the
// account servicing institution (the debtor's bank).
var mt101Roles = func() map[string]screening.Role {
	r := make(map[string]screening.Role, len(mtRoles))
	for k, v := range mtRoles {
		r[k] = v
	}
	r["52"] = screening.DebtorAgent
	return r
}()

func (p *mtParser) mt101(m *finMessage, label string, fields []finField, hdr []screening.PaymentParty) {
	// Sequence A runs up to the first field 21.
	split := len(fields)
	for i, f := range fields {
		if f.tag == "21" {
			split = i
			break
		}
	}
	a := &mtTx{p: p, label: label + " A", msg: label, seen: map[string]bool{}}
	for _, f := range fields[:split] {
		a.field(f, mt101Roles)
		if f.tag == "50C" || f.tag == "50L" {
			// Instructing party, not the ordering customer.
			n := len(a.pay.Parties)
			if n > 0 && a.pay.Parties[n-1].Path == a.label+" :"+f.tag+":" {
				a.pay.Parties[n-1].Role = screening.InitiatingParty
			}
		}
	}
	for _, tag := range []string{"20", "28D", "30"} {
		if !a.seen[tag] {
			p.fail(label, ":"+tag+":", m.block("4").toff, fmt.Errorf("%w: sequence A field %s", ErrMissing, tag))
			a.bad = true
		}
	}
	if a.bad {
		if len(a.pay.Parties) > 0 {
			p.partial = append(p.partial, a.pay)
		}
		return
	}
	if split == len(fields) {
		p.fail(label, ":21:", m.block("4").toff, fmt.Errorf("%w: no transaction (sequence B)", ErrMissing))
		if len(a.pay.Parties) > 0 {
			p.partial = append(p.partial, a.pay)
		}
		return
	}
	k := 0
	for i := split; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].tag != "21" {
			j++
		}
		k++
		t := &mtTx{p: p, label: fmt.Sprintf("%s B[%d]", label, k), msg: label, seen: map[string]bool{}}
		t.pay.Message = "MT101"
		t.pay.Date = a.pay.Date
		t.pay.Parties = append(append(t.pay.Parties, hdr...), a.pay.Parties...)
		for _, f := range fields[i:j] {
			t.field(f, mt101Roles)
			if f.tag == "50C" || f.tag == "50L" {
				n := len(t.pay.Parties)
				if n > 0 && t.pay.Parties[n-1].Path == t.label+" :"+f.tag+":" {
					t.pay.Parties[n-1].Role = screening.InitiatingParty
				}
			}
		}
		for _, tag := range []string{"21", "32B", "59a"} {
			if !t.seen[tag] {
				p.fail(t.label, ":"+tag+":", fields[i].off, fmt.Errorf("%w: field %s", ErrMissing, tag))
				t.bad = true
			}
		}
		if !t.seen["50a"] && !a.seen["50a"] {
			p.fail(t.label, ":50a:", fields[i].off, fmt.Errorf("%w: ordering customer 50a in neither sequence A nor B", ErrMissing))
			t.bad = true
		}
		p.emit(t.pay, t.bad, m)
		i = j
	}
}

// narrative joins the lines of a narrative field, dropping the leading
// /CODE/ words and // continuation marks that carry no name.
func narrative(lines []string) string {
	var parts []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "//") {
			l = l[2:]
		} else if m := codeWord.FindString(l); m != "" {
			l = l[len(m):]
		}
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return normSpace(strings.Join(parts, " "))
}

var codeWord = regexp.MustCompile(`^/[A-Z0-9]{1,8}/`)

// partyIDCodes are the 50F party-identifier codes (CODE/CC/identifier).
var partyIDCodes = map[string]string{
	"ARNU": "alien-registration",
	"CCPT": "passport",
	"CUST": "customer",
	"DRLC": "driving-licence",
	"EMPL": "employer",
	"NIDN": "national-id",
	"SOSE": "social-security",
	"TXID": "tax-id",
}

// mtParty reads a party field in any of its options.
func mtParty(f finField) (screening.Party, error) {
	var pt screening.Party
	opt := f.tag[2:]
	lines := f.lines
	// Option A/B/C/D/G/H/K and the no-letter 59 may start with an
	// account or party-identifier line "/..." .
	account := func() {
		if len(lines) > 0 && strings.HasPrefix(strings.TrimSpace(lines[0]), "/") {
			pt.Account = strings.TrimLeft(strings.TrimSpace(lines[0]), "/")
			lines = lines[1:]
		}
	}
	switch opt {
	case "A", "G", "C":
		if opt == "C" && f.tag[:2] != "50" {
			// 56C/57C: an account or clearing code only.
			v := strings.TrimLeft(strings.TrimSpace(lines[0]), "/")
			if v != "" {
				pt.Documents = append(pt.Documents, screening.Document{Type: "clearing-member", Number: v})
			}
			return pt, nil
		}
		account()
		if len(lines) == 0 {
			return pt, fmt.Errorf("%w: option %s wants a BIC", ErrMissing, opt)
		}
		bic := strings.TrimSpace(lines[0])
		if !bicPattern.MatchString(bic) {
			return pt, fmt.Errorf("%w: %q is not a BIC", ErrSyntax, clip(bic))
		}
		pt.BIC, pt.Kind = bic, lists.Organization
	case "B":
		account()
		pt.Address = normSpace(strings.Join(lines, " "))
		pt.Kind = lists.Organization
	case "L":
		v := strings.TrimSpace(strings.Join(lines, " "))
		if v != "" {
			pt.Documents = append(pt.Documents, screening.Document{Type: "party-identifier", Number: v})
		}
	case "F":
		return mtPartyF(f)
	default: // "", D, H, K: [/account] name and address
		account()
		if len(lines) > 0 {
			pt.Name = normSpace(lines[0])
			pt.Address = normSpace(strings.Join(lines[1:], ", "))
		}
		if opt == "D" {
			pt.Kind = lists.Organization
		}
	}
	return pt, nil
}

// mtPartyF reads option F (50F, 59F): a party identifier line, then
// numbered lines 1/ name, 2/ address, 3/ country/town, 4/ date of birth,
// 5/ country/place of birth, 6/ country/issuer/customer id, 7/
// country/national id, 8/ more identifier.
func mtPartyF(f finField) (screening.Party, error) {
	var pt screening.Party
	lines := f.lines
	first := strings.TrimSpace(lines[0])
	if first != "" && !numbered(first) {
		lines = lines[1:]
		if !strings.HasPrefix(first, "/") {
			// CODE/CC/identifier
			parts := strings.SplitN(first, "/", 3)
			if len(parts) != 3 || partyIDCodes[parts[0]] == "" {
				return pt, fmt.Errorf("%w: party identifier %q (want /account or CODE/CC/id)", ErrSyntax, clip(first))
			}
			pt.Documents = append(pt.Documents, screening.Document{Type: partyIDCodes[parts[0]], Number: parts[2], Country: countryOf(parts[1])})
			if parts[0] == "CCPT" || parts[0] == "NIDN" || parts[0] == "DRLC" || parts[0] == "SOSE" || parts[0] == "ARNU" {
				pt.Kind = lists.Person
			}
		} else {
			pt.Account = strings.TrimLeft(first, "/")
		}
	}
	var name, addr []string
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if !numbered(l) {
			return pt, fmt.Errorf("%w: line %d %q (want n/ with n 1-8)", ErrSyntax, i+2, clip(l))
		}
		v := strings.TrimSpace(l[2:])
		switch l[0] {
		case '1':
			name = append(name, v)
		case '2':
			addr = append(addr, v)
		case '3':
			cc, town, _ := strings.Cut(v, "/")
			if countryOf(cc) == "" {
				return pt, fmt.Errorf("%w: line 3/ %q (want CC/town)", ErrSyntax, clip(v))
			}
			pt.Country = cc
			if town != "" {
				addr = append(addr, town)
			}
		case '4':
			if !dobPattern.MatchString(v) {
				return pt, fmt.Errorf("%w: line 4/ date of birth %q (want YYYYMMDD)", ErrSyntax, clip(v))
			}
			if _, err := time.Parse("20060102", v); err != nil {
				return pt, fmt.Errorf("%w: line 4/ date of birth %q: %w", ErrSyntax, v, err)
			}
			pt.BirthDate = v[:4] + "-" + v[4:6] + "-" + v[6:]
			pt.Kind = lists.Person
		case '5':
			cc, place, _ := strings.Cut(v, "/")
			pt.BirthPlace = joinNonEmpty(", ", place, countryOf(cc))
			pt.Kind = lists.Person
		case '6':
			parts := strings.SplitN(v, "/", 3)
			if len(parts) == 3 {
				pt.Documents = append(pt.Documents, screening.Document{Type: "customer:" + parts[1], Number: parts[2], Country: countryOf(parts[0])})
			} else {
				pt.Documents = append(pt.Documents, screening.Document{Type: "customer", Number: v})
			}
		case '7':
			cc, id, _ := strings.Cut(v, "/")
			pt.Documents = append(pt.Documents, screening.Document{Type: "national-id", Number: id, Country: countryOf(cc)})
			pt.Kind = lists.Person
		case '8':
			if n := len(pt.Documents); n > 0 {
				pt.Documents[n-1].Number += v
			}
		}
	}
	pt.Name = normSpace(strings.Join(name, " "))
	pt.Address = normSpace(strings.Join(addr, ", "))
	return pt, nil
}

// numbered reports whether l starts "n/" with n in 1-8.
func numbered(l string) bool {
	return len(l) >= 2 && l[0] >= '1' && l[0] <= '8' && l[1] == '/'
}
