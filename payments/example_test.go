package payments_test

import (
	"fmt"
	"os"

	"github.com/freezeguard/freezeguard/payments"
)

// Parse tells ISO 20022 from SWIFT FIN by content and returns one payment
// per transaction, each party with its role and where it came from.
func ExampleParse() {
	f, err := os.Open("../testdata/payments/iso20022_prowide-iso20022/pacs.008.001.07.xml")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	pays, err := payments.Parse(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range pays {
		fmt.Println(p.Message, p.ID, p.Amount, p.Currency)
		for _, pp := range p.Parties {
			fmt.Printf("%-17s %-12s %-13q %s\n", pp.Role, pp.Party.BIC, pp.Party.Name, pp.Path)
		}
	}
	// Output:
	// pacs.008.001.07 223423423 5000 USD
	// instructing_agent MLCOUS33XXX  ""            AppHdr/Fr/FIId/FinInstnId/BICFI
	// instructed_agent  MLCOUS33XXX  ""            AppHdr/To/FIId/FinInstnId/BICFI
	// instructing_agent CITTGB2LPBG  "Lionel Messi" Document/FIToFICstmrCdtTrf/GrpHdr/InstgAgt/FinInstnId/Nm
	// instructed_agent  ICBCUS4CXXX  "Manu Ginobili" Document/FIToFICstmrCdtTrf/GrpHdr/InstdAgt/FinInstnId/Nm
	// debtor                         "JOHN DOE"    Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Dbtr/Nm
	// debtor_agent      ITUSUSP1XXX  "Juan Perez"  Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/DbtrAgt/FinInstnId/Nm
	// creditor_agent    USTBUS31XXX  ""            Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/CdtrAgt/FinInstnId/BICFI
	// creditor                       "Mike Smith"  Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Cdtr/Nm
}

// ParseMT reads an RJE batch (the real sample, whose 11th message is
// followed by an empty stray "{": it holds nothing and is passed over).
// A broken message would be reported in err and the others still returned.
func ExampleParseMT() {
	f, err := os.Open("../testdata/payments/swift_mt_prowide-core/MT103-out-ack.rje")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	pays, err := payments.ParseMT(f)
	fmt.Println(len(pays), "payments")
	fmt.Println(err)
	fmt.Println(pays[0].Parties[2].Path, pays[0].Parties[2].Party.Name)
	// Output:
	// 13 payments
	// <nil>
	// MT103[1] :50K: FOO CAPITAL MARKETS LP
}
