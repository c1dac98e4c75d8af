package payments

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// seedAll adds every real sample to the fuzz corpus.
func seedAll(f *testing.F, glob string) {
	files, err := filepath.Glob(filepath.Join(sampleDir, glob))
	if err != nil || len(files) == 0 {
		f.Fatalf("no samples for %s: %v", glob, err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// hostileMT and hostileISO are the shapes of the hostile-input review
// (issue 9): service ids other than 01, ACK-only and empty inputs, names
// continued over lines, second message elements, repeated and nested
// <Nm>, names of invisible characters.
var hostileMT = []string{
	mt103("F02AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", ":59:/2\nVLADIMIR VLADIMIROVICH PUTIN"),
	mt103("F21AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", ":59:/2\nVLADIMIR VLADIMIROVICH\nPUTIN"),
	mt103("Fxx", ":50F:/1\n1/SADDAM HUSSEIN AL-TI\n1/KRITI\n3/IQ/BAGHDAD", ":59F:/2\n1/\u200b"),
	mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT\n:57D:SADDAM\nHUSSEIN", ":59:/2\nSADDAM HUSSEIN AL-TI\nKRITI"),
	"$",
	"{1:F21AAAAUSLAAXXX5195167828}{4:{177:1704260717}{451:0}}$",
	"{1:F21AAAAUSLAAXXX5195167828}{4:{177:1704260717}{451:1}{405:H25}}{2:I103BBBBUS33XXXXN}{4:\n:20:1\n-}",
	"{1:F01AAAAUSLAAXXX5195167828}{4:\n:59:/2\nPUTIN\n-}",
	"{1:F01AAAAUSLAAXXX5195167828}{2:O2021612170425BBBBUS33BXXX01613135551704260717N}{4:\n:20:1\n:58D:PUTIN\n-}",
}

var hostileISO = []string{
	`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf><GrpHdr><MsgId>1</MsgId></GrpHdr><CdtTrfTxInf><Dbtr><Nm>A</Nm></Dbtr><DbtrAgt><FinInstnId><BICFI>AAAAUSLAXXX</BICFI></FinInstnId></DbtrAgt><CdtrAgt><FinInstnId><BICFI>BBBBUS33XXX</BICFI></FinInstnId></CdtrAgt><Cdtr><Nm>&#x200B;</Nm></Cdtr></CdtTrfTxInf></FIToFICstmrCdtTrf><FIToFICstmrCdtTrf><GrpHdr><MsgId>2</MsgId></GrpHdr><CdtTrfTxInf><Cdtr><Nm>Putin</Nm><Nm>Anna</Nm></Cdtr></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>`,
	`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf><GrpHdr><MsgId>1</MsgId></GrpHdr><CdtTrfTxInf><Dbtr>x<Nm>A <b>B</b> C</Nm></Dbtr><DbtrAcct><Nm>Putin</Nm></DbtrAcct><Cdtr><Nm>!!!</Nm></Cdtr></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>`,
	`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10"><FIToFIPmtStsRpt><TxInfAndSts><OrgnlTxRef><Cdtr><Pty><Nm>Putin</Nm></Pty></Cdtr></OrgnlTxRef></TxInfAndSts></FIToFIPmtStsRpt></Document>`,
}

// seedHostile adds the hostile shapes to the fuzz corpus.
func seedHostile(f *testing.F, shapes []string) {
	for _, s := range shapes {
		f.Add([]byte(s))
	}
}

func FuzzParseISO20022(f *testing.F) {
	seedAll(f, "iso20022_*/*.xml")
	seedHostile(f, hostileISO)
	f.Fuzz(func(t *testing.T, data []byte) {
		pays, err := ParseISO20022(bytes.NewReader(data))
		if err != nil {
			var me *MessageError
			if !errors.As(err, &me) {
				t.Fatalf("error %T %v is not a *MessageError", err, err)
			}
		}
		for _, p := range pays {
			for _, pp := range p.Parties {
				if pp.Role == "" || pp.Path == "" {
					t.Fatalf("party without role or path: %+v", pp)
				}
			}
		}
	})
}

func FuzzParseMT(f *testing.F) {
	seedAll(f, "swift_mt_*/*")
	seedHostile(f, hostileMT)
	f.Fuzz(func(t *testing.T, data []byte) {
		pays, err := ParseMT(bytes.NewReader(data))
		if err != nil {
			var me *MessageError
			if !errors.As(err, &me) {
				t.Fatalf("error %T %v is not a *MessageError", err, err)
			}
		}
		for _, p := range pays {
			if p.ID == "" {
				t.Fatalf("payment without id: %+v", p)
			}
			for _, pp := range p.Parties {
				if pp.Role == "" || pp.Path == "" {
					t.Fatalf("party without role or path: %+v", pp)
				}
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	seedAll(f, "*/*")
	seedHostile(f, hostileMT)
	seedHostile(f, hostileISO)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Parse(bytes.NewReader(data))
		if err != nil {
			var me *MessageError
			if !errors.As(err, &me) {
				t.Fatalf("error %T %v is not a *MessageError", err, err)
			}
		}
	})
}
