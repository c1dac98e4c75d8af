package payments

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/freezeguard/freezeguard/screening"
)

// The reproductions of the hostile-input review (issue 9): each shape got
// a listed party CLEARed, or passed an input with nothing screened, before
// the fail-closed rule.

// mt103 builds an MT103 with block 1 b1 and the given 50K and 59 fields.
func mt103(b1, f50, f59 string) string {
	return "{1:" + b1 + "}{2:O1031612170425BBBBUS33BXXX01613135551704260717N}{4:\n:20:1\n:23B:CRED\n:32A:190425USD3700,\n" +
		f50 + "\n" + f59 + "\n-}"
}

func screenString(t *testing.T, s Decider, msg string) Result {
	t.Helper()
	res, err := ScreenMessage(context.Background(), s, strings.NewReader(msg))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// listedHit reports whether any decision has a hit on a party.
func listedHit(res Result) bool {
	for _, d := range res.Decisions {
		if len(d.Hits()) > 0 {
			return true
		}
	}
	return false
}

// TestBlock1ServiceID: a service id other than 01 skipped the whole
// message. Only a real ACK/NAK may be skipped, and it is reported.
func TestBlock1ServiceID(t *testing.T) {
	s := sharedScreener(t)
	const putin = ":59:/2\nVLADIMIR VLADIMIROVICH PUTIN"
	for _, sid := range []string{"F02", "F21", "F99", "Fxx", "F00"} {
		res := screenString(t, s, mt103(sid+"AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", putin))
		if res.Outcome == screening.Clear || res.ParseErr == nil || res.Unreadable == 0 {
			t.Errorf("service id %s: outcome %s, parse error %v, %d unreadable", sid, res.Outcome, res.ParseErr, res.Unreadable)
		}
		if !listedHit(res) {
			t.Errorf("service id %s: the listed creditor was not screened", sid)
		}
		if !errors.Is(res.ParseErr, ErrUnsupported) || !strings.Contains(res.ParseErr.Error(), "service id") {
			t.Errorf("service id %s: error %v", sid, res.ParseErr)
		}
	}
	// A user message is read as before.
	res := screenString(t, s, mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", putin))
	if res.Outcome == screening.Clear || res.ParseErr != nil || res.Unreadable != 0 {
		t.Errorf("F01: outcome %s, error %v", res.Outcome, res.ParseErr)
	}
	// A real ACK is skipped, and said so (the real prowide sample).
	res = screenFile(t, s, "swift_mt_prowide-core/MT103-bulk-with-ack.rje")
	if res.ParseErr != nil || len(res.Skipped) == 0 || !strings.Contains(res.Skipped[0], "ACK") {
		t.Errorf("bulk with ACKs: error %v, skipped %q", res.ParseErr, res.Skipped)
	}
	// An ACK-shaped block 1 in front of a message's own blocks is not an
	// ACK: the message is screened and held.
	msg := "{1:F21AAAAUSLAAXXX5195167828}{4:{177:1704260717}{451:0}}{2:O1031612170425BBBBUS33BXXX01613135551704260717N}"
	res = screenString(t, s, msg+"{4:\n:20:1\n:32A:190425USD3700,\n:50K:/1\nANNA\n"+putin+"\n-}")
	if res.Outcome == screening.Clear {
		t.Errorf("ACK header on a payment: CLEAR")
	}
}

// TestNoPayment: input with no payment in it is an error, held, recorded.
func TestNoPayment(t *testing.T) {
	s := sharedScreener(t)
	ack := "{1:F21AAAAUSLAAXXX5195167828}{4:{177:1704260717}{451:0}}"
	for _, in := range []string{"$", "$$\n$", ack, ack + "$" + ack, "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf><GrpHdr><MsgId>1</MsgId></GrpHdr></FIToFICstmrCdtTrf></Document>"} {
		res := screenString(t, s, in)
		if res.Outcome != screening.Hold || res.ParseErr == nil || res.Unreadable != 1 || len(res.Decisions) != 1 {
			t.Errorf("%q: outcome %s, error %v, %d unreadable of %d decisions", in, res.Outcome, res.ParseErr, res.Unreadable, len(res.Decisions))
			continue
		}
		if d := res.Decisions[0]; !d.HasFlag(screening.FlagUnreadableInput) || d.AuditHash == "" {
			t.Errorf("%q: decision %+v", in, d.Flags)
		}
	}
	if _, err := Parse(strings.NewReader("$")); !errors.Is(err, ErrMissing) {
		t.Errorf("Parse($): %v", err)
	}
}

// TestContinuationLines: a name continued on the next line of 50K/59
// (or 50F/59F 1/ lines, 52D/57D) is screened joined.
func TestContinuationLines(t *testing.T) {
	s := sharedScreener(t)
	const b1 = "F01AAAAUSLAAXXX5195167828"
	anna := ":50K:/1\nANNA SCHMIDT"
	for _, c := range []struct{ name, f50, f59 string }{
		{"59 split at a space", anna, ":59:/2\nVLADIMIR VLADIMIROVICH\nPUTIN"},
		{"59 split mid-word", anna, ":59:/2\nSADDAM HUSSEIN AL-TI\nKRITI"},
		{"59 without account, split over three lines", anna, ":59:SADDAM\nHUSSEIN AL-\nTIKRITI\nBAGHDAD"},
		{"50K split after the address line count", ":50K:/1\nVLADIMIR VLADIMI\nROVICH PUTIN\nMOSCOW", ":59:/2\nANNA SCHMIDT"},
		{"59F 1/ lines", anna, ":59F:/2\n1/VLADIMIR VLADIMIROVICH\n1/PUTIN\n3/RU/MOSCOW"},
		{"59F 1/ lines mid-word", anna, ":59F:/2\n1/SADDAM HUSSEIN AL-T\n1/IKRITI\n3/IQ/BAGHDAD"},
		{"50F 1/ lines", ":50F:/1\n1/VLADIMIR VLADIMIROVICH\n1/PUTIN\n2/KREMLIN\n3/RU/MOSCOW", ":59:/2\nANNA SCHMIDT"},
		{"57D split", anna + "\n:57D:SADDAM HUSSEIN\nAL-TIKRITI", ":59:/2\nANNA SCHMIDT"},
		{"unknown field", anna + "\n:58D:SADDAM HUSSEIN AL-TIKRITI", ":59:/2\nANNA SCHMIDT"},
	} {
		res := screenString(t, s, mt103(b1, c.f50, c.f59))
		if unknown := strings.HasPrefix(c.name, "unknown"); unknown != (res.ParseErr != nil) {
			t.Errorf("%s: %v", c.name, res.ParseErr)
		}
		if res.Outcome == screening.Clear || !listedHit(res) {
			t.Errorf("%s: outcome %s, no hit", c.name, res.Outcome)
		}
	}
	// A line of punctuation is no name: it adds no hold.
	if res := screenString(t, s, mt103(b1, anna, ":59:/2\nJOHN SMITH\n-\n...\nBERLIN")); res.Outcome != screening.Clear {
		t.Errorf("punctuation lines: %s", res.Outcome)
	}
	// The real samples' payments stay CLEAR: the joined and single lines
	// of their names and addresses add no hold.
	for _, f := range []string{"swift_mt_prowide-core/MT103-out-ack.rje", "swift_mt_prowide-core/MT103-bulk-with-ack.rje", "swift_mt_prowide-core/MT101.fin"} {
		for _, d := range screenFile(t, s, f).Decisions {
			if d.Outcome != screening.Clear && !d.HasFlag(screening.FlagUnreadableInput) {
				t.Errorf("%s: payment %s: %s: %s", f, d.PaymentID, d.Outcome, d.Reason)
			}
		}
	}
}

// pacs008 returns the real moov pacs.008 sample with edit applied.
func pacs008(t *testing.T, edit func(string) string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sampleDir, "iso20022_pacs008_moov-wire20022/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml"))
	if err != nil {
		t.Fatal(err)
	}
	out := edit(string(b))
	if out == string(b) {
		t.Fatal("edit changed nothing")
	}
	return out
}

// TestISOContentNotDropped: a second message element, a duplicate <Nm>,
// text in a child of <Nm>, a name in an element without a role, and a
// creditor name of only a zero-width space were dropped or CLEARed.
func TestISOContentNotDropped(t *testing.T) {
	s := sharedScreener(t)
	tx := func(x string) string { // the sample's transaction element
		i, j := strings.Index(x, "<CdtTrfTxInf>"), strings.Index(x, "</CdtTrfTxInf>")+len("</CdtTrfTxInf>")
		return x[i:j]
	}
	withCdtr := func(x, name string) string {
		i := strings.Index(x, "<Cdtr>")
		j := i + strings.Index(x[i:], "</Nm>")
		k := i + strings.Index(x[i:], "<Nm>") + len("<Nm>")
		return x[:k] + name + x[j:]
	}
	cases := []struct {
		name   string
		edit   func(string) string
		listed bool // a listed name is in the message: it must be hit
	}{
		{"second message element", func(x string) string {
			body := x[strings.Index(x, "<FIToFICstmrCdtTrf>") : strings.Index(x, "</FIToFICstmrCdtTrf>")+len("</FIToFICstmrCdtTrf>")]
			return strings.Replace(x, "</Document>", withCdtr(body, "Vladimir Vladimirovich Putin")+"</Document>", 1)
		}, true},
		{"duplicate Nm", func(x string) string {
			return strings.Replace(x, "<Cdtr>\n", "<Cdtr>\n<Nm>Anna Schmidt</Nm>", 1)
		}, false},
		{"duplicate Nm, listed second", func(x string) string {
			i := strings.Index(x, "<Cdtr>")
			j := i + strings.Index(x[i:], "</Nm>") + len("</Nm>")
			return x[:j] + "<Nm>Vladimir Vladimirovich Putin</Nm>" + x[j:]
		}, true},
		{"text in a child of Nm", func(x string) string { return withCdtr(x, "Vladimir <b>Vladimirovich Putin</b>") }, true},
		{"text next to child elements", func(x string) string { return strings.Replace(x, "<Cdtr>", "<Cdtr>Vladimir Vladimirovich Putin", 1) }, true},
		{"creditor name a zero-width space", func(x string) string { return withCdtr(x, "&#x200B;") }, false},
		{"creditor name punctuation only", func(x string) string { return withCdtr(x, "!!!") }, false},
	}
	for _, c := range cases {
		res := screenString(t, s, pacs008(t, c.edit))
		if res.Outcome == screening.Clear || res.ParseErr == nil || res.Unreadable == 0 {
			t.Errorf("%s: outcome %s, error %v, %d unreadable", c.name, res.Outcome, res.ParseErr, res.Unreadable)
		}
		if c.listed && !listedHit(res) {
			t.Errorf("%s: the listed name was not screened", c.name)
		}
	}
	// Well-formed additions are screened without error: a second
	// transaction, and a name under an element with no role (the
	// creditor account's name).
	for _, c := range []struct {
		name string
		edit func(string) string
	}{
		{"second transaction", func(x string) string {
			t1 := tx(x)
			return strings.Replace(x, t1, t1+withCdtr(t1, "Saddam Hussein Al-Tikriti"), 1)
		}},
		{"account name", func(x string) string {
			return strings.Replace(x, "<DbtrAcct>", "<DbtrAcct><Nm>Vladimir Vladimirovich Putin</Nm>", 1)
		}},
	} {
		res := screenString(t, s, pacs008(t, c.edit))
		if res.ParseErr != nil || res.Outcome == screening.Clear || !listedHit(res) {
			t.Errorf("%s: outcome %s, error %v", c.name, res.Outcome, res.ParseErr)
		}
	}
}

var (
	sharedOnce sync.Once
	shared     *screening.Screener
)

// sharedScreener is one realScreener for the fail-closed tests, which only
// read outcomes: building the index once keeps the package's -race run
// short.
func sharedScreener(t *testing.T) *screening.Screener {
	t.Helper()
	sharedOnce.Do(func() { shared = realScreener(t) })
	if shared == nil {
		t.Fatal("no shared screener")
	}
	return shared
}
