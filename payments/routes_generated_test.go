package payments

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/screening"
)

// The tests in this file screen messages generated from the real samples
// (the moov pacs.008 and an MT103 shell) with one field changed: each
// route by which a payment reaches an embargoed jurisdiction or a listed
// name outside the party names.

// makeIBAN returns a valid IBAN (check digits computed) for country cc and
// the basic bank account number bban.
func makeIBAN(cc, bban string) string {
	var b strings.Builder
	for _, r := range bban + cc + "00" {
		if r >= 'A' && r <= 'Z' {
			fmt.Fprintf(&b, "%d", r-'A'+10)
		} else {
			b.WriteRune(r)
		}
	}
	n, _ := new(big.Int).SetString(b.String(), 10)
	check := 98 - new(big.Int).Mod(n, big.NewInt(97)).Int64()
	return fmt.Sprintf("%s%02d%s", cc, check, bban)
}

// creditorAddr replaces the sample's creditor postal address.
func creditorAddr(addr string) func(string) string {
	return func(x string) string {
		i := strings.Index(x, "<Cdtr>")
		j := i + strings.Index(x[i:], "</PstlAdr>") + len("</PstlAdr>")
		k := i + strings.Index(x[i:], "<PstlAdr>")
		return x[:k] + "<PstlAdr>" + addr + "</PstlAdr>" + x[j:]
	}
}

// embargoRegimes returns the regimes and routes of a result's embargo
// matches that ask for more than a flag.
func embargoRegimes(res Result) (regimes, routes []string) {
	for _, d := range res.Decisions {
		for _, m := range d.Embargoes {
			if m.Outcome == screening.Clear {
				continue
			}
			if !slices.Contains(regimes, m.Regime) {
				regimes = append(regimes, m.Regime)
			}
			if !slices.Contains(routes, m.Route) {
				routes = append(routes, m.Route)
			}
		}
	}
	return regimes, routes
}

func TestEmbargoRoutes_generated(t *testing.T) {
	s := sharedScreener(t) // US policy, decision date 2026-08-03
	iban := makeIBAN("IR", "0170000000123456789012")
	cases := []struct {
		name   string
		msg    string
		regime string // "" for CLEAR
		route  string
	}{
		{"ISO creditor country code", pacs008(t, creditorAddr("<TwnNm>Somewhere</TwnNm><Ctry>IR</Ctry>")), "US-IRAN", "country"},
		{"ISO town, no country", pacs008(t, creditorAddr("<StrtNm>Vali Asr</StrtNm><TwnNm>Tehran</TwnNm>")), "US-IRAN", "town"},
		{"ISO town in Persian", pacs008(t, creditorAddr("<TwnNm>تهران</TwnNm>")), "US-IRAN", "town"},
		{"ISO Crimean town in Cyrillic, country RU", pacs008(t, creditorAddr("<TwnNm>Севастополь</TwnNm><Ctry>RU</Ctry>")), "US-CRIMEA", "town"},
		{"ISO Simferopol in Ukrainian, country UA", pacs008(t, creditorAddr("<AdrLine>вул. Пушкіна 1</AdrLine><AdrLine>Сімферополь</AdrLine><Ctry>UA</Ctry>")), "US-CRIMEA", "town"},
		{"ISO Donetsk address line", pacs008(t, creditorAddr("<AdrLine>UL. ARTEMA 10</AdrLine><AdrLine>DONETSK</AdrLine>")), "US-DNR-LNR", "town"},
		{"ISO Havana in Spanish", pacs008(t, creditorAddr("<AdrLine>CALLE 23 No 156</AdrLine><AdrLine>LA HABANA</AdrLine>")), "US-CUBA", "town"},
		{"ISO Pyongyang in Korean", pacs008(t, creditorAddr("<TwnNm>평양</TwnNm>")), "US-DPRK", "town"},
		{"ISO country name in address line", pacs008(t, creditorAddr("<AdrLine>10 MAIN ROAD, HAVANA, CUBA</AdrLine>")), "US-CUBA", "town"},
		{"ISO Havana, Illinois (US)", pacs008(t, creditorAddr("<TwnNm>Havana</TwnNm><CtrySubDvsn>IL</CtrySubDvsn><Ctry>US</Ctry>")), "", ""},
		{"ISO Sebastopol, California (US)", pacs008(t, creditorAddr("<TwnNm>Sebastopol</TwnNm><CtrySubDvsn>California</CtrySubDvsn>")), "", ""},
		{"ISO Tehran with country DE (inconsistent: not counted)", pacs008(t, creditorAddr("<TwnNm>Tehran</TwnNm><Ctry>DE</Ctry>")), "", ""},
		{"ISO creditor agent BIC", pacs008(t, func(x string) string {
			return strings.Replace(x, "<MmbId>021040078</MmbId>\n\t\t\t\t\t</ClrSysMmbId>\n\t\t\t\t\t<Nm>Bank B</Nm>", "<MmbId>021040078</MmbId>\n\t\t\t\t\t</ClrSysMmbId>\n\t\t\t\t\t<BICFI>ABCDIRTHXXX</BICFI><Nm>Bank B</Nm>", 1)
		}), "US-IRAN", "bic"},
		{"ISO creditor IBAN", pacs008(t, func(x string) string {
			return strings.Replace(x, "<Othr>\n\t\t\t\t\t\t<Id>567876543</Id>\n\t\t\t\t\t</Othr>", "<IBAN>"+iban+"</IBAN>", 1)
		}), "US-IRAN", "iban"},
		{"ISO creditor phone", pacs008(t, func(x string) string {
			return strings.Replace(x, "<Nm>Corporation B</Nm>", "<Nm>Corporation B</Nm><CtctDtls><PhneNb>+98-21-88776655</PhneNb></CtctDtls>", 1)
		}), "US-IRAN", "phone"},
		{"ISO currency", pacs008(t, func(x string) string { return strings.ReplaceAll(x, `Ccy="USD"`, `Ccy="KPW"`) }), "US-DPRK", "currency"},
		{"ISO town in remittance information", pacs008(t, func(x string) string {
			return strings.Replace(x, "<RmtInf>", "<RmtInf><Ustrd>goods delivered to Simferopol warehouse</Ustrd>", 1)
		}), "US-CRIMEA", "town"},
		{"MT 59 address with country name", mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", ":59:/2\nALI REZAEI\nVALI ASR AVE 12\nTEHRAN IRAN"), "US-IRAN", "address"},
		{"MT 57A BIC", mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", ":57A:ABCDIRTHXXX\n:59:/2\nALI REZAEI"), "US-IRAN", "bic"},
		{"MT 59 account IBAN", mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", ":59:/"+iban+"\nALI REZAEI"), "US-IRAN", "iban"},
		{"MT 50F town line", mt103("F01AAAAUSLAAXXX5195167828", ":50F:/12345\n1/ANNA SCHMIDT\n2/UL. LENINA 5\n3/UA/SEVASTOPOL", ":59:/2\nJOHN SMITH"), "US-CRIMEA", "town"},
		{"MT 72 phone", mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", ":59:/2\nJOHN SMITH\n:72:/REC/CALL +53 7 862 1234"), "US-CUBA", "phone"},
	}
	for _, c := range cases {
		res := screenString(t, s, c.msg)
		regimes, routes := embargoRegimes(res)
		if c.regime == "" {
			if len(regimes) > 0 || res.Outcome != screening.Clear {
				t.Errorf("%s: %s, regimes %v; want CLEAR", c.name, res.Outcome, regimes)
			}
			continue
		}
		if res.Outcome != screening.Hold || !slices.Contains(regimes, c.regime) || !slices.Contains(routes, c.route) {
			t.Errorf("%s: %s, regimes %v by %v; want HOLD under %s by %s (parse: %v)", c.name, res.Outcome, regimes, routes, c.regime, c.route, res.ParseErr)
			continue
		}
		if d := res.Decisions[0]; !d.HasFlag(screening.FlagEmbargoed) || !strings.Contains(d.Explanation, c.regime) {
			t.Errorf("%s: decision flags %v, explanation %q", c.name, d.Flags, d.Explanation)
		}
	}
}

// TestFreeTextFields_generated: a listed name in each free-text field and
// address line is found, and reported with the field's role and path.
func TestFreeTextFields_generated(t *testing.T) {
	s := sharedScreener(t)
	const rossiya = "ofac:16681" // BANK ROSSIYA
	const putin = "ofac:35096"
	iso := func(el string) string {
		return pacs008(t, func(x string) string { return strings.Replace(x, "<RmtInf>", el, 1) })
	}
	cases := []struct {
		name, msg, entity string
		role              screening.Role
		path              string
	}{
		{"ISO RmtInf/Ustrd", iso("<RmtInf><Ustrd>payment via BANK ROSSIYA ST PETERSBURG inv 4411</Ustrd>"), rossiya, screening.Remittance, "RmtInf/Ustrd[1]"},
		{"ISO RmtInf/Strd", iso("<RmtInf><Strd><AddtlRmtInf>gift to Vladimir Putin for his birthday</AddtlRmtInf></Strd>"), putin, screening.Remittance, "RmtInf/Strd[1]"},
		{"ISO InstrForCdtrAgt", pacs008(t, func(x string) string {
			return strings.Replace(x, "<ChrgBr>SLEV</ChrgBr>", "<ChrgBr>SLEV</ChrgBr><InstrForCdtrAgt><InstrInf>credit account at BANK ROSSIYA</InstrInf></InstrForCdtrAgt>", 1)
		}), rossiya, screening.FreeText, "InstrForCdtrAgt/InstrInf"},
		{"ISO creditor address line", pacs008(t, creditorAddr("<AdrLine>C/O BANK ROSSIYA</AdrLine><AdrLine>ST PETERSBURG</AdrLine><Ctry>RU</Ctry>")), rossiya, screening.Creditor, "Cdtr/Nm"},
		{"MT 70", mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", ":59:/2\nJOHN SMITH\n:70:INV 2231 PAYMENT TO VLADIMIR\nPUTIN"), putin, screening.Remittance, ":70:"},
		{"MT 72", mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", ":59:/2\nJOHN SMITH\n:72:/BNF/ BANK ROSSIYA ST PETERSBURG"), rossiya, screening.FreeText, ":72:"},
		{"MT 77B", mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", ":59:/2\nJOHN SMITH\n:77B:/ORDERRES/RU//BANK ROSSIYA"), rossiya, screening.FreeText, ":77B:"},
		{"MT 50K address line", mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT\nC/O BANK ROSSIYA\nST PETERSBURG", ":59:/2\nJOHN SMITH"), rossiya, screening.Debtor, ":50K:"},
		{"MT 59 address line", mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", ":59:/2\nJOHN SMITH\nC/O BANK ROSSIYA"), rossiya, screening.Creditor, ":59:"},
	}
	for _, c := range cases {
		res := screenString(t, s, c.msg)
		var found *screening.PartyResult
		for _, d := range res.Decisions {
			for i := range d.Parties {
				pr := &d.Parties[i]
				if slices.ContainsFunc(pr.Hits, func(h screening.Hit) bool { return h.EntityID == c.entity }) {
					found = pr
				}
			}
		}
		if res.Outcome != screening.Hold || found == nil {
			t.Errorf("%s: %s, no hit on %s (parse: %v)", c.name, res.Outcome, c.entity, res.ParseErr)
			continue
		}
		if found.Role != c.role || !strings.Contains(found.Path, c.path) {
			t.Errorf("%s: hit on party %s %q; want role %s at %s", c.name, found.Role, found.Path, c.role, c.path)
		}
	}
}

// TestBICPositions_generated: a listed BIC (BANK ROSSIYA's ROSYRU2P, read
// from the SDN remarks) in every agent position is found.
func TestBICPositions_generated(t *testing.T) {
	s := sharedScreener(t)
	const bic = "ROSYRU2PXXX"
	agent := func(el string) string {
		return pacs008(t, func(x string) string {
			return strings.Replace(x, "<InstgAgt>", "<"+el+"><FinInstnId><BICFI>"+bic+"</BICFI></FinInstnId></"+el+"><InstgAgt>", 1)
		})
	}
	cases := map[string]string{
		"ISO DbtrAgt": pacs008(t, func(x string) string {
			return strings.Replace(x, "<Nm>Bank A</Nm>", "<BICFI>"+bic+"</BICFI><Nm>Bank A</Nm>", 1)
		}),
		"ISO IntrmyAgt1":       agent("IntrmyAgt1"),
		"ISO PrvsInstgAgt1":    agent("PrvsInstgAgt1"),
		"ISO InstgRmbrsmntAgt": agent("InstgRmbrsmntAgt"),
		"ISO InstdAgt": pacs008(t, func(x string) string {
			return strings.Replace(x, "<MmbId>021040078</MmbId>\n\t\t\t\t\t</ClrSysMmbId>\n\t\t\t\t</FinInstnId>\n\t\t\t</InstdAgt>", "<MmbId>021040078</MmbId>\n\t\t\t\t\t</ClrSysMmbId><BICFI>"+bic+"</BICFI>\n\t\t\t\t</FinInstnId>\n\t\t\t</InstdAgt>", 1)
		}),
	}
	for _, tag := range []string{"52A", "53A", "54A", "56A", "57A"} {
		cases["MT "+tag] = mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT\n:"+tag+":"+bic, ":59:/2\nJOHN SMITH")
	}
	cases["MT 72 BIC in text"] = mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", ":59:/2\nJOHN SMITH\n:72:/ACC/ VIA "+bic)
	for name, msg := range cases {
		res := screenString(t, s, msg)
		ok := false
		for _, d := range res.Decisions {
			for _, h := range d.Hits() {
				if h.EntityID == "ofac:16681" {
					ok = true
				}
			}
		}
		if !ok || res.Outcome == screening.Clear {
			t.Errorf("%s: %s, BIC %s not found (parse: %v)", name, res.Outcome, bic, res.ParseErr)
		}
	}
}

// TestIMOInText_generated: a listed vessel's IMO number in the
// remittance information is found (ARTAVIL, ofac:15036).
func TestIMOInText_generated(t *testing.T) {
	s := sharedScreener(t)
	res := screenString(t, s, pacs008(t, func(x string) string {
		return strings.Replace(x, "<RmtInf>", "<RmtInf><Ustrd>freight charter IMO 9187629 Q3</Ustrd>", 1)
	}))
	for _, d := range res.Decisions {
		for _, h := range d.Hits() {
			if h.EntityID == "ofac:15036" && res.Outcome == screening.Hold {
				return
			}
		}
	}
	t.Errorf("%s: IMO not found", res.Outcome)
}

// TestLEIInText_generated: a listed LEI (VTB BANK, ofac:17013, from the
// SDN remarks) in an instruction to the creditor agent is found.
func TestLEIInText_generated(t *testing.T) {
	s := sharedScreener(t)
	res := screenString(t, s, mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", ":59:/2\nJOHN SMITH\n:72:/INS/LEI 253400V1H6ART1UQ0N98"))
	for _, d := range res.Decisions {
		for _, h := range d.Hits() {
			if h.EntityID == "ofac:17013" && res.Outcome == screening.Hold {
				return
			}
		}
	}
	t.Errorf("%s: LEI not found", res.Outcome)
}
