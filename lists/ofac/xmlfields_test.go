package ofac

import (
	"slices"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

// generatedXML is a generated sdnList document, not a real one: it uses the
// SDN.XML elements the real files in testdata happen not to contain
// (vesselInfo, title, nationality, issue and expiry dates) and the idList
// types that are really vessel, crypto or registration facts, with values
// in OFAC's style.
const generatedXML = `<?xml version="1.0" standalone="yes"?>
<sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
  <publshInformation><Publish_Date>01/02/2025</Publish_Date><Record_Count>3</Record_Count></publshInformation>
  <sdnEntry>
    <uid>9001</uid><firstName>Ivan Ivanovich</firstName><lastName>IVANOV</lastName><title>Deputy Minister of Defense</title>
    <sdnType>Individual</sdnType>
    <remarks>Linked To: EXAMPLE GROUP.; a.k.a. 'VANYA'</remarks>
    <programList><program>RUSSIA-EO14024</program><program>CYBER2</program></programList>
    <idList>
      <id><uid>1</uid><idType>Passport</idType><idNumber>123456789</idNumber><idCountry>Russia</idCountry><issueDate>01 Jan 2015</issueDate><expirationDate>01 Jan 2025</expirationDate></id>
      <id><uid>2</uid><idType>Gender</idType><idNumber>Male</idNumber></id>
      <id><uid>3</uid><idType>Digital Currency Address - XBT</idType><idNumber>1BoatSLRHtKNngkdXEeobR76b53LETtpyT</idNumber></id>
      <id><uid>4</uid><idType>Email Address</idType><idNumber>ivan@example.ru</idNumber></id>
      <id><uid>5</uid><idType>Secondary sanctions risk:</idType><idNumber>See Section 11 of Executive Order 14024.</idNumber></id>
      <id><uid>6</uid><idType>Kenyan ID No.</idType><idNumber>12773667</idNumber></id>
    </idList>
    <akaList><aka><uid>7</uid><type>a.k.a.</type><category>weak</category><lastName>IVANOV, Vanya</lastName></aka></akaList>
    <nationalityList><nationality><uid>8</uid><country>Russia</country><mainEntry>true</mainEntry></nationality></nationalityList>
    <citizenshipList><citizenship><uid>9</uid><country>Cyprus</country><mainEntry>false</mainEntry></citizenship></citizenshipList>
    <dateOfBirthList><dateOfBirthItem><uid>10</uid><dateOfBirth>circa 1960</dateOfBirth><mainEntry>true</mainEntry></dateOfBirthItem></dateOfBirthList>
  </sdnEntry>
  <sdnEntry>
    <uid>9002</uid><lastName>EXAMPLE STAR</lastName><sdnType>Vessel</sdnType>
    <programList><program>IRAN</program></programList>
    <idList>
      <id><uid>11</uid><idType>Vessel Registration Identification</idType><idNumber>IMO 9187629</idNumber></id>
      <id><uid>12</uid><idType>MMSI</idType><idNumber>572469210</idNumber></id>
      <id><uid>13</uid><idType>Former Vessel Flag</idType><idNumber>Malta</idNumber></id>
    </idList>
    <vesselInfo><callSign>T2EU4</callSign><vesselType>Crude Oil Tanker</vesselType><vesselFlag>Tuvalu</vesselFlag><vesselOwner>EXAMPLE SHIPPING</vesselOwner><tonnage>99,144</tonnage><grossRegisteredTonnage>56,068</grossRegisteredTonnage></vesselInfo>
  </sdnEntry>
  <sdnEntry>
    <uid>9003</uid><lastName>EXAMPLE BANK</lastName><sdnType>Entity</sdnType>
    <programList><program>SDGT</program></programList>
    <idList>
      <id><uid>14</uid><idType>SWIFT/BIC</idType><idNumber>EXAMIRTH</idNumber></id>
      <id><uid>15</uid><idType>Organization Established Date</idType><idNumber>17 Oct 1990</idNumber></id>
      <id><uid>16</uid><idType>Nationality of Registration</idType><idNumber>Iran</idNumber></id>
      <id><uid>17</uid><idType>Website</idType><idNumber>www.example.ir</idNumber></id>
    </idList>
    <akaList><aka><uid>18</uid><type>f.k.a.</type><category>strong</category><lastName>OLD EXAMPLE BANK</lastName></aka></akaList>
    <addressList><address><uid>19</uid><address1>Example St. 1</address1><address2>Floor 2</address2><city>Tehran</city><country>Iran</country></address></addressList>
  </sdnEntry>
</sdnList>`

func TestXMLFields(t *testing.T) {
	ents, prov, err := ParseXML(strings.NewReader(generatedXML))
	if err != nil || len(ents) != 3 || prov.Published.Year() != 2025 {
		t.Fatalf("%d entities, %+v, %v", len(ents), prov, err)
	}
	p := ents[0]
	if p.Kind != lists.Person || p.Names[0].Full != "IVANOV, Ivan Ivanovich" || !slices.Equal(p.Titles, []string{"Deputy Minister of Defense"}) ||
		p.Gender != "male" || !slices.Equal(codes(p.Programs), []string{"RUSSIA-EO14024", "CYBER2"}) {
		t.Errorf("person %+v", p)
	}
	if len(p.Documents) != 2 || p.Documents[0].Type != "Passport" || p.Documents[0].Number != "123456789" ||
		p.Documents[0].Country != lists.CountryCode("Russia") || p.Documents[0].Issued.Year != 2015 || p.Documents[0].Expires.Year != 2025 ||
		p.Documents[1].Type != "Kenyan ID No." {
		t.Errorf("documents %+v", p.Documents)
	}
	if len(p.Crypto) != 1 || p.Crypto[0] != (lists.CryptoAddress{Currency: "XBT", Address: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"}) ||
		!slices.Equal(p.Emails, []string{"ivan@example.ru"}) || !slices.Equal(p.LinkedTo, []string{"EXAMPLE GROUP"}) {
		t.Errorf("crypto %+v emails %v linked %v", p.Crypto, p.Emails, p.LinkedTo)
	}
	if !hasName(&p, "IVANOV, Vanya", lists.AKA, lists.Weak) || !hasName(&p, "VANYA", lists.AKA, lists.Weak) {
		t.Errorf("names %+v", p.Names)
	}
	if p.Names[1].Last != "IVANOV" || p.Names[1].First != "Vanya" {
		t.Errorf("weak alias not split: %+v", p.Names[1])
	}
	if len(p.BirthDates) != 1 || p.BirthDates[0].Kind != lists.DateCirca || p.BirthDates[0].Year != 1960 {
		t.Errorf("dob %+v", p.BirthDates)
	}
	if cc := lists.CountryCode("Russia"); cc != "" && !slices.Equal(p.Nationalities, []string{cc}) {
		t.Errorf("nationalities %v", p.Nationalities)
	}
	if cc := lists.CountryCode("Cyprus"); cc != "" && !slices.Equal(p.Citizenships, []string{cc}) {
		t.Errorf("citizenships %v", p.Citizenships)
	}
	if !strings.Contains(p.Remarks, "Secondary sanctions risk: See Section 11") || !strings.HasPrefix(p.Remarks, "Linked To: EXAMPLE GROUP.") {
		t.Errorf("remarks %q", p.Remarks)
	}

	v := ents[1]
	want := lists.VesselInfo{IMO: "9187629", MMSI: "572469210", CallSign: "T2EU4", Type: "Crude Oil Tanker", Owner: "EXAMPLE SHIPPING", Tonnage: "99,144", GRT: "56,068", Flag: lists.CountryCode("Tuvalu")}
	if want.Flag == "" {
		want.Flag = "Tuvalu"
	}
	if v.Kind != lists.Vessel || v.Vessel == nil || *v.Vessel != want || !strings.Contains(v.Remarks, "Former Vessel Flag Malta") {
		t.Errorf("vessel %+v %+v", v, v.Vessel)
	}

	o := ents[2]
	if !slices.Equal(o.BICs, []string{"EXAMIRTH"}) || o.Established == nil || o.Established.Year != 1990 || !slices.Equal(o.Websites, []string{"www.example.ir"}) ||
		!hasName(&o, "OLD EXAMPLE BANK", lists.FKA, lists.Strong) || o.Names[1].Last != "" {
		t.Errorf("organisation %+v", o)
	}
	if len(o.Addresses) != 1 || o.Addresses[0].Street != "Example St. 1, Floor 2" || o.Addresses[0].City != "Tehran" {
		t.Errorf("addresses %+v", o.Addresses)
	}
}
