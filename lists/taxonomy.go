package lists

// Programme taxonomy: which programmes are crime-based, who designates them
// and on what legal basis (DOMAIN.md §3). The tables are curated data and
// cite their sources.
//
// CONTRACT (filled in by the lists-core work): the parsers call these.

// OFACProgram classifies an OFAC programme tag such as "SDNTK" or
// "RUSSIA-EO14024" (without brackets).
func OFACProgram(code string) Program {
	return Program{Code: code, Class: ClassUnknown, Body: BodyOFAC}
}

// EUProgram classifies an EU regulation's programme code ("UKR", "TERR") with
// the regulation's numberTitle, which tells UKR 208/2014 (misappropriation)
// from UKR 269/2014 (territorial integrity).
func EUProgram(code, numberTitle string) Program {
	return Program{Code: code, Class: ClassUnknown, Body: BodyEU, Title: numberTitle}
}

// UNProgram classifies a UN listing from its reference number ("QDi.001")
// and UN_LIST_TYPE ("Al-Qaida").
func UNProgram(reference, listType string) Program {
	return Program{Code: listType, Class: ClassUnknown, Body: BodyUNSC}
}
