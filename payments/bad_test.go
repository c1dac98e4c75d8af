package payments

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

func readSample(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sampleDir, rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBadInput(t *testing.T) {
	pacs := string(readSample(t, "iso20022_pacs008_moov-wire20022/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml"))
	mt101 := string(readSample(t, "swift_mt_prowide-core/MT101.fin"))
	for _, c := range []struct {
		name, in string
		is       error
		contains string
	}{
		{"empty", "", ErrUnknownFormat, "input"},
		{"not a message", "hello", ErrUnknownFormat, "at byte 0"},
		{"not xml", "<Document><FIToFICstmrCdtTrf>", ErrSyntax, "unexpected EOF"},
		{"doctype", `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><Document>&b;</Document>`, lists.ErrDoctype, "at byte 21"},
		{"undeclared entity", `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">&x;</Document>`, ErrSyntax, "entity"},
		{"wrong type", strings.ReplaceAll(pacs, "pacs.008.001.08", "pacs.002.001.10"), ErrUnsupported, "pacs.002.001.10"},
		{"wrong element", `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt/></Document>`, ErrUnsupported, "camt.053.001.08 (BkToCstmrStmt)"},
		{"foreign namespace", `<Document xmlns="http://example.com/x"><FIToFICstmrCdtTrf/></Document>`, ErrUnsupported, "not an ISO 20022 schema"},
		{"no document", `<sdnList/>`, ErrUnsupported, "root element <sdnList>"},
		{"no creditor", strings.Replace(strings.Replace(pacs, "<Cdtr>", "<X>", 1), "</Cdtr>", "</X>", 1), ErrMissing, "CdtTrfTxInf[1]/Cdtr"},
		{"empty creditor", pacs[:strings.Index(pacs, "<Cdtr>")] + "<Cdtr></Cdtr>" + pacs[strings.Index(pacs, "</Cdtr>")+7:], ErrMissing, "Cdtr has no name"},
		{"bad birth date", strings.Replace(pacs, "<Nm>Corporation B</Nm>", "<Nm>B</Nm><Id><PrvtId><DtAndPlcOfBirth><BirthDt>1960-13-45</BirthDt></DtAndPlcOfBirth></PrvtId></Id>", 1), ErrSyntax, "BirthDt"},
		{"invalid utf8", "<Document>\xff</Document>", ErrInvalidUTF8, "at byte 10"},
		{"mt unterminated block 4", strings.Replace(mt101, "-}", "", 1), ErrSyntax, "unterminated block 4"},
		{"mt unterminated block", "{1:F01TESTAR00AXXX7607663781}{2:O101", ErrSyntax, "unterminated block {2:"},
		{"mt bad 32B", strings.Replace(mt101, ":32B:CNY14,00", ":32B:CNY14.00", 1), ErrSyntax, "MT101[1] :32B: at byte"},
		{"mt bad BIC", strings.Replace(mt101, ":57A:CIBKCNBJ473", ":57A:CIBK", 1), ErrSyntax, ":57A:"},
		{"mt missing 59", strings.Replace(mt101, ":59:", ":58:", 1), ErrMissing, "B[1] :59a:"},
		{"mt text before field", strings.Replace(mt101, ":20:", "junk\n:20:", 1), ErrSyntax, "text before the first field tag"},
		{"mt unsupported", strings.Replace(mt101, "O101", "O940", 1), ErrUnsupported, "MT940"},
		{"mt bad 50F line", "{1:F01AAAAUSLAAXXX0000000000}{2:I103BBBBUS33XXXXN}{4:\n:20:R1\n:32A:190425USD1,\n:50F:/1\nNAME\n:59:/2\nX\n-}", ErrSyntax, "want n/"},
	} {
		t.Run(c.name, func(t *testing.T) {
			pays, err := Parse(strings.NewReader(c.in))
			if err == nil {
				t.Fatalf("no error; got %d payments", len(pays))
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("err %v; want %v", err, c.is)
			}
			if c.is == lists.ErrDoctype && !errors.Is(err, ErrDoctype) {
				t.Errorf("err %v is not its deprecated alias", err)
			}
			if !strings.Contains(err.Error(), c.contains) {
				t.Errorf("err %q does not contain %q", err, c.contains)
			}
			var me *MessageError
			if !errors.As(err, &me) {
				t.Errorf("err %T is not a *MessageError", err)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte(" "), MaxSize+1)
	_, err := Parse(bytes.NewReader(big))
	if !errors.Is(err, lists.ErrTooLarge) || !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "MaxSize (10485760 bytes)") {
		t.Fatalf("err %v; want lists.ErrTooLarge naming MaxSize and its size", err)
	}
}

// A batch with one broken message in the middle: the others are returned
// and the error names the broken one.
func TestRJEBadMessageRestParse(t *testing.T) {
	data := string(readSample(t, "swift_mt_prowide-core/MT103-bulk-with-ack.rje"))
	data = strings.Replace(data, ":32A:190425USD1321,00", ":32A:19042XUSD1321,00", 1)
	pays, err := ParseMT(strings.NewReader(data))
	if len(pays) != 2 || pays[0].ID != "234234233" || pays[1].ID != "201904250034434" {
		t.Fatalf("got %d payments", len(pays))
	}
	var me *MessageError
	if !errors.As(err, &me) || me.Message != "MT103[2]" || me.Field != ":32A:" || me.Line != 23 {
		t.Fatalf("err = %#v", err)
	}
	// Truncate the second message's block 4 terminator: the third still parses.
	data = string(readSample(t, "swift_mt_prowide-core/MT103-bulk-with-ack.rje"))
	i := strings.Index(data, ":72:/INS/CCCCNGLAXXX\n-}")
	data = data[:i] + ":72:/INS/CCCCNGLAXXX\n" + data[i+len(":72:/INS/CCCCNGLAXXX\n-}"):]
	pays, err = ParseMT(strings.NewReader(data))
	if err == nil || !errors.Is(err, ErrSyntax) {
		t.Fatalf("err = %v", err)
	}
	ids := []string{}
	for _, p := range pays {
		ids = append(ids, p.ID)
	}
	if got := strings.Join(ids, ","); got != "234234233,201904250034434" {
		t.Errorf("ids %s", got)
	}
}

// Several transactions with the same structure: paths say which.
func TestISOMultiTransactionAndEnvelope(t *testing.T) {
	pacs := string(readSample(t, "iso20022_prowide-iso20022/pacs.008.001.07.xml"))
	i := strings.Index(pacs, "<CdtTrfTxInf>")
	j := strings.Index(pacs, "</CdtTrfTxInf>") + len("</CdtTrfTxInf>")
	tx2 := strings.Replace(pacs[i:j], "<Nm>Mike Smith</Nm>", "<Nm>Jane Roe</Nm>", 1)
	tx2 = strings.Replace(tx2, "<EndToEndId>223423423</EndToEndId>", "<EndToEndId>E2E-2</EndToEndId>", 1)
	doc := pacs[:j] + tx2 + pacs[j:]
	// A newer namespace version must be accepted too.
	doc = strings.ReplaceAll(doc, "pacs.008.001.07", "pacs.008.001.12")
	pays, err := Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(pays) != 2 || pays[1].ID != "E2E-2" || pays[1].Message != "pacs.008.001.12" {
		t.Fatalf("got %d payments", len(pays))
	}
	check(t, pays, []want{{1, "creditor", "Document/FIToFICstmrCdtTrf/CdtTrfTxInf[2]/Cdtr/Nm", "Jane Roe", "", ""}})
}
