package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPaymentUnreadableExitsNonZero: a message that could not be screened
// completely (issue 9: a block 1 service id other than 01, an input with
// no payment) was CLEAR with exit 0. It is now held, its parties still
// screened, the exit status 1, and stderr says how many files.
func TestPaymentUnreadableExitsNonZero(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	f02 := write("generated_f02.fin", "{1:F02AAAAUSLAAXXX5195167828}{2:O1031612170425BBBBUS33BXXX01613135551704260717N}{4:\n:20:1\n:23B:CRED\n:32A:190425USD3700,\n:50K:/1\nANNA SCHMIDT\n:59:/2\nVLADIMIR VLADIMIROVICH PUTIN\n-}")
	empty := write("generated_dollar.rje", "$")
	good := paymentsDir + "/swift_mt_prowide-core/MT101.fin"

	out, errOut, code := cli(t, "", "payment", "--json", f02, empty, good)
	if code != 1 || !strings.Contains(errOut, "2 of 3 files could not be screened completely") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	var got []paymentOutput
	for dec.More() {
		var o paymentOutput
		if err := dec.Decode(&o); err != nil {
			t.Fatal(err)
		}
		got = append(got, o)
	}
	if len(got) != 3 {
		t.Fatalf("%d outputs", len(got))
	}
	for _, o := range got[:2] {
		if o.Outcome == "CLEAR" || o.Error == "" || o.Unreadable == 0 || len(o.Decisions) == 0 {
			t.Errorf("%s: %+v", o.File, o)
		}
	}
	hit := false
	for _, p := range got[0].Parties {
		hit = hit || len(p.Hits) > 0 && strings.Contains(p.Name, "PUTIN")
	}
	if !hit {
		t.Errorf("the listed creditor of the F02 message was not screened: %+v", got[0].Parties)
	}
	if got[2].Outcome != "CLEAR" || got[2].Error != "" {
		t.Errorf("MT101 sample: %+v", got[2])
	}

	// A real ACK is skipped and said so on stderr, not counted as a failure.
	_, errOut, _ = cli(t, "", "payment", paymentsDir+"/swift_mt_prowide-core/MT103-bulk-with-ack.rje")
	if !strings.Contains(errOut, "skipped FIN ACK") {
		t.Errorf("ACKs not reported: %q", errOut)
	}
}

// TestPaymentEmbargoAndFreeText_generated: a pacs.008 generated from the
// real sample with the creditor in Tehran and ROSNEFT in the remittance
// information is held, with the embargo and the remittance hit in the
// JSON; the real MT103-out-ack.rje is read in full (exit 0).
func TestPaymentEmbargoAndFreeText_generated(t *testing.T) {
	b, err := os.ReadFile(paymentsDir + "/iso20022_pacs008_moov-wire20022/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "<Cdtr>")
	k, j := i+strings.Index(s[i:], "<PstlAdr>"), i+strings.Index(s[i:], "</PstlAdr>")
	s = s[:k] + "<PstlAdr><TwnNm>Tehran</TwnNm><Ctry>IR</Ctry>" + s[j:]
	s = strings.Replace(s, "<RmtInf>", "<RmtInf><Ustrd>payment via BANK ROSSIYA ST PETERSBURG</Ustrd>", 1)
	p := filepath.Join(t.TempDir(), "pacs008_tehran_generated.xml")
	if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := cli(t, "", "payment", "--json", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var o paymentOutput
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatal(err)
	}
	embargo, remit := false, false
	for _, m := range o.Embargoes {
		embargo = embargo || m.Regime == "US-IRAN" && m.Outcome == "HOLD"
	}
	for _, pp := range o.Parties {
		remit = remit || pp.Role == "remittance" && len(pp.Hits) > 0 && pp.Hits[0].Entity == "ofac:16681"
	}
	if o.Outcome != "HOLD" || !embargo || !remit {
		t.Errorf("outcome %s, embargo %v, remittance hit %v: %s", o.Outcome, embargo, remit, out)
	}

	out, errOut, code = cli(t, "", "payment", paymentsDir+"/swift_mt_prowide-core/MT103-out-ack.rje")
	if code != 0 || !strings.Contains(errOut, "stray") || strings.Contains(out, "UNREADABLE") {
		t.Errorf("MT103-out-ack.rje: exit %d, stderr %q", code, errOut)
	}
}
