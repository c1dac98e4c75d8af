package payments

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/screening"
)

const sampleDir = "../testdata/payments"

func parseFile(t testing.TB, rel string) ([]screening.Payment, error) {
	t.Helper()
	f, err := os.Open(filepath.Join(sampleDir, rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Parse(f)
}

// want is one party a sample must yield.
type want struct {
	tx   int // index into the payments
	role screening.Role
	path string // full path
	name string
	bic  string
	ctry string
}

// check asserts that each wanted party is present with its values.
func check(t *testing.T, pays []screening.Payment, ws []want) {
	t.Helper()
	for _, w := range ws {
		if w.tx >= len(pays) {
			t.Errorf("tx %d: only %d payments", w.tx, len(pays))
			continue
		}
		var got *screening.PaymentParty
		for i, pp := range pays[w.tx].Parties {
			if pp.Path == w.path {
				got = &pays[w.tx].Parties[i]
				break
			}
		}
		if got == nil {
			t.Errorf("tx %d: no party at %s; have %v", w.tx, w.path, paths(pays[w.tx]))
			continue
		}
		if got.Role != w.role || got.Party.Name != w.name || got.Party.BIC != w.bic || (w.ctry != "" && got.Party.Country != w.ctry) {
			t.Errorf("tx %d %s: got role=%s name=%q bic=%q country=%q; want role=%s name=%q bic=%q country=%q",
				w.tx, w.path, got.Role, got.Party.Name, got.Party.BIC, got.Party.Country, w.role, w.name, w.bic, w.ctry)
		}
	}
}

func paths(p screening.Payment) []string {
	var out []string
	for _, pp := range p.Parties {
		out = append(out, pp.Path)
	}
	return out
}

func TestMoovPacs008(t *testing.T) {
	const tx = "Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/"
	common := []want{
		{0, screening.Debtor, tx + "Dbtr/Nm", "Corporation A", "", "US"},
		{0, screening.Creditor, tx + "Cdtr/Nm", "Corporation B", "", "US"},
		{0, screening.DebtorAgent, tx + "DbtrAgt/FinInstnId/Nm", "Bank A", "", "US"},
		{0, screening.CreditorAgent, tx + "CdtrAgt/FinInstnId/Nm", "Bank B", "", "US"},
		{0, screening.InstructingAgent, tx + "InstgAgt", "", "", ""},
		{0, screening.InstructedAgent, tx + "InstdAgt", "", "", ""},
		{0, screening.Remittance, tx + "RmtInf/Strd[1]", "CINV INV34563 2025-03-01", "", ""},
	}
	for _, c := range []struct {
		file, id, amount string
		extra            []want
	}{
		{"CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml", "Scenario01EtoEId001", "510000.74", nil},
		{"CustomerCreditTransfer_Variation1_pacs.008.xml", "Variation1EtoEId001", "510000.74", nil},
		{"CustomerCreditTransfer_Variation3_pacs.008.xml", "Variation3EtoEId001", "510000.74",
			[]want{{0, screening.UltimateDebtor, tx + "UltmtDbtr/Nm", "Corporation Aa", "", "US"}}},
		{"CustomerCreditTransfer_Variation4_pacs.008.xml", "Variation4EtoEId001", "510000.74",
			[]want{{0, screening.UltimateCreditor, tx + "UltmtCdtr/Nm", "Corporation Bb", "", "US"}}},
		{"PaymentReturn_Scenario1_Step1_pacs.008.xml", "Scenario01EtoEId001", "1510000.74", nil},
	} {
		t.Run(c.file, func(t *testing.T) {
			pays, err := parseFile(t, "iso20022_pacs008_moov-wire20022/"+c.file)
			if err != nil {
				t.Fatal(err)
			}
			if len(pays) != 1 {
				t.Fatalf("got %d payments, want 1", len(pays))
			}
			p := pays[0]
			if p.ID != c.id || p.Message != "pacs.008.001.08" || p.Amount != c.amount || p.Currency != "USD" || p.Date.Format("2006-01-02") != "2025-03-10" {
				t.Errorf("header: %+v", p)
			}
			check(t, pays, append(common, c.extra...))
			wantParties := 7 + len(c.extra)
			if len(p.Parties) != wantParties {
				t.Errorf("%d parties, want %d: %v", len(p.Parties), wantParties, paths(p))
			}
			dbtr := p.Parties[2]
			if c.extra != nil && c.extra[0].role == screening.UltimateDebtor {
				dbtr = p.Parties[3]
			}
			if dbtr.Party.Address != "Suite D110, Avenue of the Fountains 167565, 85268 Fountain Hills, AZ, US" {
				t.Errorf("debtor address %q", dbtr.Party.Address)
			}
		})
	}
}

func TestProwidePacs008WithAppHdr(t *testing.T) {
	pays, err := parseFile(t, "iso20022_prowide-iso20022/pacs.008.001.07.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(pays) != 1 || pays[0].ID != "223423423" || pays[0].Message != "pacs.008.001.07" || pays[0].Amount != "5000" {
		t.Fatalf("got %+v", pays)
	}
	const g, tx = "Document/FIToFICstmrCdtTrf/GrpHdr/", "Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/"
	check(t, pays, []want{
		{0, screening.InstructingAgent, "AppHdr/Fr/FIId/FinInstnId/BICFI", "", "MLCOUS33XXX", ""},
		{0, screening.InstructedAgent, "AppHdr/To/FIId/FinInstnId/BICFI", "", "MLCOUS33XXX", ""},
		{0, screening.InstructingAgent, g + "InstgAgt/FinInstnId/Nm", "Lionel Messi", "CITTGB2LPBG", ""},
		{0, screening.InstructedAgent, g + "InstdAgt/FinInstnId/Nm", "Manu Ginobili", "ICBCUS4CXXX", ""},
		{0, screening.Debtor, tx + "Dbtr/Nm", "JOHN DOE", "", "AR"},
		{0, screening.DebtorAgent, tx + "DbtrAgt/FinInstnId/Nm", "Juan Perez", "ITUSUSP1XXX", ""},
		{0, screening.CreditorAgent, tx + "CdtrAgt/FinInstnId/BICFI", "", "USTBUS31XXX", ""},
		{0, screening.Creditor, tx + "Cdtr/Nm", "Mike Smith", "", ""},
	})
	if n := len(pays[0].Parties); n != 8 {
		t.Errorf("%d parties, want 8: %v", n, paths(pays[0]))
	}
	if d := pays[0].Parties[2].Party.Documents; len(d) != 1 || d[0].Number != "2342342342" {
		t.Errorf("InstgAgt Othr/Id: %+v", d)
	}
}

func TestProwidePacs009(t *testing.T) {
	pays, err := parseFile(t, "iso20022_prowide-iso20022/pacs.009.001.07.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(pays) != 1 || pays[0].ID != "ASDFASDF2342" || pays[0].Message != "pacs.009.001.07" || pays[0].Amount != "22423" {
		t.Fatalf("got %+v", pays)
	}
	const g, tx = "Document/FICdtTrf/GrpHdr/", "Document/FICdtTrf/CdtTrfTxInf[1]/"
	check(t, pays, []want{
		{0, screening.InstructingAgent, g + "InstgAgt/FinInstnId/Nm", "ASDFASD ASDFAS", "SDTSJESHXXX", ""},
		// The name spans lines in the file; white space is collapsed.
		{0, screening.InstructedAgent, g + "InstdAgt/FinInstnId/Nm", "ASDF AF ASDFSDF ASDFSDF", "GFMAGRA1XXX", ""},
		{0, screening.InstructingAgent, tx + "InstgAgt/FinInstnId/BICFI", "", "DDPPPLP1XXX", ""},
		{0, screening.InstructedAgent, tx + "InstdAgt/FinInstnId/BICFI", "", "HHPEIT21XXX", ""},
		{0, screening.IntermediaryAgent, tx + "IntrmyAgt1/FinInstnId/BICFI", "", "RRPLZAJJXXX", ""},
		{0, screening.Debtor, tx + "Dbtr/FinInstnId/Nm", "SDFGS SDFGD", "SSTYPLP1XXX", ""},
		{0, screening.CreditorAgent, tx + "CdtrAgt/FinInstnId/Nm", "FFDFDFD DFDFDF", "CTZNCA8V001", ""},
		{0, screening.Creditor, tx + "Cdtr/FinInstnId/Nm", "SDFG SDFGSDFG", "HDSBKHPPXXX", ""},
	})
	if n := len(pays[0].Parties); n != 10 {
		t.Errorf("%d parties, want 10: %v", n, paths(pays[0]))
	}
}

func TestPain001Lithuanian(t *testing.T) {
	const pi = "Document/CstmrCdtTrfInitn/PmtInf[1]/"
	for _, c := range []struct {
		file, id, amount, ccy string
		ws                    []want
	}{
		{"International_payment_RUB_naujas_1.xml", "EndToEndId0003", "1000.00", "RUB", []want{
			{0, screening.InitiatingParty, "Document/CstmrCdtTrfInitn/GrpHdr/InitgPty/Nm", "IMONE X", "", ""},
			{0, screening.Debtor, pi + "Dbtr/Nm", "IMONE X", "", ""},
			{0, screening.DebtorAgent, pi + "DbtrAgt/FinInstnId/BIC", "", "CBSBLT26XXX", ""},
			{0, screening.CreditorAgent, pi + "CdtTrfTxInf[1]/CdtrAgt/FinInstnId/Nm", "UNICREDIT BANK AO", "", "RU"},
			{0, screening.Creditor, pi + "CdtTrfTxInf[1]/Cdtr/Nm", "COMPANY Z", "", ""},
			{0, screening.Remittance, pi + "CdtTrfTxInf[1]/RmtInf/Ustrd[1]", "PREPAYMENT RUB 1000,00", "", ""},
		}},
		{"International_payment_USD_naujas_1.xml", "EndToEndId0002", "111.11", "USD", []want{
			{0, screening.CreditorAgent, pi + "CdtTrfTxInf[1]/CdtrAgt/FinInstnId/Nm", "DEUTSCHE BANK TRUST COMPANY AMERICAS", "BKTRUS33", ""},
			{0, screening.Creditor, pi + "CdtTrfTxInf[1]/Cdtr/Nm", "COMPANY Z", "", ""},
		}},
		{"sepa_payment_naujas_1.xml", "EndToEndId0001", "99.99", "EUR", []want{
			{0, screening.DebtorAgent, pi + "DbtrAgt/FinInstnId/BIC", "", "CBSBLT26", ""},
			{0, screening.CreditorAgent, pi + "CdtTrfTxInf[1]/CdtrAgt/FinInstnId/BIC", "", "SMPOLT22", ""},
			{0, screening.Creditor, pi + "CdtTrfTxInf[1]/Cdtr/Nm", "IMONE Z", "", "LT"},
			{0, screening.Remittance, pi + "CdtTrfTxInf[1]/RmtInf/Ustrd[1]", "Apmokama saskaita-faktura Nr. 1", "", ""},
		}},
	} {
		t.Run(c.file, func(t *testing.T) {
			pays, err := parseFile(t, "iso20022_pain001_moov-iso20022/"+c.file)
			if err != nil {
				t.Fatal(err)
			}
			if len(pays) != 1 || pays[0].ID != c.id || pays[0].Amount != c.amount || pays[0].Currency != c.ccy || pays[0].Message != "pain.001.001.03" {
				t.Fatalf("got %+v", pays)
			}
			check(t, pays, c.ws)
		})
	}
	pays, _ := parseFile(t, "iso20022_pain001_moov-iso20022/sepa_payment_naujas_1.xml")
	cdtr := pays[0].Parties[4].Party
	if cdtr.Address != "Adresas 123, Vilnius, LT" || len(cdtr.Documents) != 1 || cdtr.Documents[0] != (screening.Document{Type: "registration", Number: "123456789"}) {
		t.Errorf("creditor: %+v", cdtr)
	}
}

func TestPain001SwissMusterfile(t *testing.T) {
	pays, err := parseFile(t, "iso20022_pain001_moov-iso20022/musterfile_pain.001_Nov2020.xml")
	if err != nil {
		t.Fatal(err)
	}
	// GrpHdr/NbOfTxs says 7, but the file holds 8 CdtTrfTxInf (CtrlSum
	// 38.00 adds up over all 8): every transaction is screened.
	if len(pays) != 8 {
		t.Fatalf("got %d payments, want 8", len(pays))
	}
	ids := []string{"EndToEndId-01-01", "EndToEndId-02-01", "EndToEndId-02-02", "EndToEndId-03-01", "EndToEndId-03-02", "EndToEndId-04-01", "EEndToEndId-05-01", "EEndToEndId-06-01"}
	for i, id := range ids {
		if pays[i].ID != id || pays[i].Message != "pain.001.001.03" || pays[i].Currency != "CHF" {
			t.Errorf("payment %d: id %q message %q ccy %q", i, pays[i].ID, pays[i].Message, pays[i].Currency)
		}
	}
	const b = "Document/CstmrCdtTrfInitn/"
	check(t, pays, []want{
		{0, screening.InitiatingParty, b + "GrpHdr/InitgPty/Nm", "Robert Schneider", "", ""},
		{0, screening.Debtor, b + "PmtInf[1]/Dbtr/Nm", "Robert Schneider", "", ""},
		{0, screening.DebtorAgent, b + "PmtInf[1]/DbtrAgt/FinInstnId/BIC", "", "POFICHBEXXX", ""},
		{0, screening.Creditor, b + "PmtInf[1]/CdtTrfTxInf[1]/Cdtr/Nm", "Maria Bernasconi", "", ""},
		{2, screening.Creditor, b + "PmtInf[2]/CdtTrfTxInf[2]/Cdtr/Nm", "Robert Schneider", "", ""},
		{3, screening.Creditor, b + "PmtInf[3]/CdtTrfTxInf[1]/Cdtr/Nm", "Maria Bernasconi", "", "CH"},
		{5, screening.Debtor, b + "PmtInf[4]/Dbtr/Nm", "Robert Schneider SA", "", ""},
		{5, screening.CreditorAgent, b + "PmtInf[4]/CdtTrfTxInf[1]/CdtrAgt/FinInstnId/BIC", "", "AABBCCDDXXX", ""},
		{5, screening.Creditor, b + "PmtInf[4]/CdtTrfTxInf[1]/Cdtr/Nm", "Maria Bernasconi", "", "IT"},
		{6, screening.Debtor, b + "PmtInf[5]/Dbtr/Nm", "Maria Bernasconi", "", ""},
		{7, screening.Remittance, b + "PmtInf[5]/CdtTrfTxInf[2]/RmtInf/Strd[1]", "SCOR RF18539007547034", "", ""},
	})
	// Parties[5]: after the contact name InitgPty/CtctDtls/Nm, which is
	// screened too.
	if pays[5].Amount != "1" || pays[5].Parties[5].Party.Address != "Via 10, Florenz, IT" {
		t.Errorf("EqvtAmt / AdrLine: %q %q", pays[5].Amount, pays[5].Parties[5].Party.Address)
	}
}

func TestMT101(t *testing.T) {
	pays, err := parseFile(t, "swift_mt_prowide-core/MT101.fin")
	if err != nil {
		t.Fatal(err)
	}
	if len(pays) != 1 {
		t.Fatalf("got %d payments, want 1", len(pays))
	}
	p := pays[0]
	if p.ID != "010735904" || p.Message != "MT101" || p.Amount != "14.00" || p.Currency != "CNY" || p.Date.Format("2006-01-02") != "2017-05-02" {
		t.Errorf("header: %+v", p)
	}
	check(t, pays, []want{
		{0, screening.InstructingAgent, "MT101[1] {2:}", "", "TESTAR00XXX", ""},
		{0, screening.InstructedAgent, "MT101[1] {1:}", "", "TESTAR00XXX", ""},
		{0, screening.Debtor, "MT101[1] A :50H:", "TESTAR00AXXX", "", ""},
		{0, screening.CreditorAgent, "MT101[1] B[1] :57A:", "", "CIBKCNBJ473", ""},
		{0, screening.Creditor, "MT101[1] B[1] :59:", "CASH CUSTOMER I", "", ""},
		{0, screening.Remittance, "MT101[1] B[1] :70:", "C767405OCP021001", "", ""},
	})
}

func TestMT103BulkWithACK(t *testing.T) {
	pays, err := parseFile(t, "swift_mt_prowide-core/MT103-bulk-with-ack.rje")
	if err != nil {
		t.Fatal(err)
	}
	if len(pays) != 3 {
		t.Fatalf("got %d payments, want 3 (ACKs skipped)", len(pays))
	}
	for i, id := range []string{"234234233", "C4772342333", "201904250034434"} {
		if pays[i].ID != id || pays[i].Message != "MT103" || pays[i].Currency != "USD" {
			t.Errorf("payment %d: %q %q %q", i, pays[i].ID, pays[i].Message, pays[i].Currency)
		}
	}
	if pays[0].Amount != "3700" || pays[1].Amount != "1321.00" || pays[2].Amount != "1417.8" {
		t.Errorf("amounts %q %q %q", pays[0].Amount, pays[1].Amount, pays[2].Amount)
	}
	check(t, pays, []want{
		{0, screening.InstructingAgent, "MT103[1] {2:}", "", "BBBBUS33XXX", ""},
		{0, screening.InstructedAgent, "MT103[1] {1:}", "", "AAAAUSLAXXX", ""},
		{0, screening.Debtor, "MT103[1] :50K:", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "", ""},
		{0, screening.OrderingInstitution, "MT103[1] :52A:", "", "CCCCNGLA", ""},
		{0, screening.Creditor, "MT103[1] :59:", "BBBBBBBBBBBBBBBB", "", ""},
		{0, screening.Remittance, "MT103[1] :70:", "042517477151 REFERENCE:1500009007 TRANSFER", "", ""},
		{0, screening.FreeText, "MT103[1] :72:", "DEUTSCHE BANK TRUST CO. AMERICAS NEW YORK, NY 10015", "", ""},
		{1, screening.InstructingAgent, "MT103[2] {2:}", "", "BKTRUS33XXX", ""},
		{1, screening.Debtor, "MT103[2] :50K:", "ANANANANANANA", "", ""},
		{1, screening.Creditor, "MT103[2] :59:", "VICTORY FOOBAR", "", ""},
		{2, screening.Debtor, "MT103[3] :50K:", "OLD MUTUAL GENERAL INSURAN", "", ""},
		{2, screening.Creditor, "MT103[3] :59:", "GGGGGGGGGGGGGGGGG", "", ""},
	})
	if a := pays[0].Parties[2].Party.Address; a != "NO. 62/64 FOO ROAD BENIN CITY, EDO STATE" {
		t.Errorf("50K address %q", a)
	}
	// 53B carries only an account: nothing to screen, so no party.
	for _, pp := range pays[0].Parties {
		if strings.Contains(pp.Path, ":53B:") {
			t.Errorf("53B with account only became a party: %+v", pp)
		}
	}
}

func TestMT103OutAck(t *testing.T) {
	pays, err := parseFile(t, "swift_mt_prowide-core/MT103-out-ack.rje")
	// The 11th message is followed by a stray "{" with nothing in it
	// before the '$' separator: it holds nothing, so the batch reads in
	// full, and the stray byte is reported among the skipped.
	if err != nil {
		t.Fatalf("err = %v; want the whole batch read", err)
	}
	data, err := os.ReadFile(filepath.Join(sampleDir, "swift_mt_prowide-core/MT103-out-ack.rje"))
	if err != nil {
		t.Fatal(err)
	}
	ps := parseMT(data)
	if len(ps.skipped) != 1 || !strings.Contains(ps.skipped[0], "line 198") || !strings.Contains(ps.skipped[0], "MT103[11]") {
		t.Errorf("skipped = %q; want the stray \"{\" at line 198 after MT103[11]", ps.skipped)
	}
	if len(pays) != 13 {
		t.Fatalf("got %d payments, want 13", len(pays))
	}
	check(t, pays, []want{
		{0, screening.Debtor, "MT103[1] :50K:", "FOO CAPITAL MARKETS LP", "", ""},
		{0, screening.OrderingInstitution, "MT103[1] :52D:", "NORTH FOO BANK", "", ""},
		{0, screening.Creditor, "MT103[1] :59:", "MERCADOS Y GESTION DE VALORES SA", "", ""},
		{1, screening.SendersCorrespondent, "MT103[2] :53A:", "", "FOODESMMXXX", ""},
		{1, screening.CreditorAgent, "MT103[2] :57A:", "", "BICFOOYY", ""},
		{1, screening.Creditor, "MT103[2] :59:", "FOO DIRECT EUROSTOXX 99", "", ""},
		{5, screening.OrderingInstitution, "MT103[6] :52A:", "", "FOOBESBBXXX", ""},
		{9, screening.SendersCorrespondent, "MT103[10] :53A:", "", "DEUTDEFF", ""},
		{9, screening.ReceiversCorrespondent, "MT103[10] :54A:", "", "BICFOOYY", ""},
		{9, screening.InstructingAgent, "MT103[10] {2:}", "", "CRESLULLXXX", ""},
		{10, screening.Debtor, "MT103[11] :50K:", "MORGAN STANLEY FOOOOOO CONSERV", "", ""},
		{12, screening.Creditor, "MT103[13] :59:", "MS LATINOAMERICA FIM", "", ""},
	})
	if pays[3].Date.Format("2006-01-02") != "2006-10-28" || pays[3].Amount != "19999" || pays[3].Currency != "EUR" {
		t.Errorf("MT103[4] 32A: %v %s %s", pays[3].Date, pays[3].Amount, pays[3].Currency)
	}
}
