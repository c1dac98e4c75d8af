package lists

import (
	"fmt"
	"strings"
	"time"
)

// Source is the authority that publishes a list.
type Source string

// The sources freezeguard reads.
const (
	OFAC Source = "OFAC" // US Treasury, Office of Foreign Assets Control
	EU   Source = "EU"   // Council of the European Union (Financial Sanctions File)
	UN   Source = "UN"   // UN Security Council consolidated list
)

// Kind says what sort of thing a listed entity is. Matching rules differ by
// kind: a vessel name is not a person's name.
type Kind string

// Entity kinds.
const (
	Person       Kind = "person"
	Organization Kind = "organization"
	Vessel       Kind = "vessel"
	Aircraft     Kind = "aircraft"
	UnknownKind  Kind = "unknown"
)

// NameType is the role a name plays for its entity.
type NameType string

// Name types as the lists use them.
const (
	Primary NameType = "primary" // the name the entity is listed under
	AKA     NameType = "aka"     // also known as
	FKA     NameType = "fka"     // formerly known as: no longer current
	NKA     NameType = "nka"     // now known as
)

// Quality is how much weight a listing authority gives an alias. OFAC does
// not expect screening on weak aliases alone (OFAC FAQs 122-125); the UN
// calls them "Low" quality, the EU marks them strong="false".
type Quality string

// Alias qualities.
const (
	Strong Quality = "strong"
	Weak   Quality = "weak"
)

// Name is one name of an entity, as listed.
type Name struct {
	Full    string   `json:"full"`             // the whole name as written in the list
	Type    NameType `json:"type"`             // primary, aka, fka, nka
	Quality Quality  `json:"quality"`          // strong or weak
	Script  string   `json:"script,omitempty"` // ISO 15924 code (Latn, Cyrl, Arab, Grek, Hani, ...) when known
	Lang    string   `json:"lang,omitempty"`   // ISO 639-1 language the source gives (EU nameLanguage), if any
	First   string   `json:"first,omitempty"`  // given name(s), where the source splits them
	Middle  string   `json:"middle,omitempty"` // middle or patronymic name
	Last    string   `json:"last,omitempty"`   // family name
	Title   string   `json:"title,omitempty"`  // honorific attached to the name in the source
	Note    string   `json:"note,omitempty"`   // source remark attached to this name
}

// Class groups programmes by the reason they exist. The crime classes matter
// for judicial oversight: they freeze assets without a conviction.
type Class string

// Programme classes (docs/lists.md).
const (
	ClassNarcotics     Class = "crime:narcotics"
	ClassOrganised     Class = "crime:organised-crime"
	ClassCyber         Class = "crime:cyber"
	ClassCorruptionHR  Class = "crime:corruption-human-rights"
	ClassTerrorism     Class = "terrorism"
	ClassProliferation Class = "proliferation"
	ClassForeignPolicy Class = "foreign-policy"
	ClassUnknown       Class = "unknown"
)

// CrimeBased reports whether the class is one of the crime-based ones.
func (c Class) CrimeBased() bool {
	switch c {
	case ClassNarcotics, ClassOrganised, ClassCyber, ClassCorruptionHR:
		return true
	}
	return false
}

// Body is the executive body that designates under a programme. None of them
// is a court: no designation had prior judicial review.
type Body string

// Designating bodies.
const (
	BodyOFAC Body = "US Treasury OFAC"
	BodyEU   Body = "Council of the European Union"
	BodyUNSC Body = "UN Security Council"
)

// Program is one sanctions programme an entity is listed under.
type Program struct {
	Code       string    `json:"code"`                  // SDNTK, RUSSIA-EO14024, TERR, UKR, QD, ...
	Class      Class     `json:"class"`                 // from the taxonomy
	Body       Body      `json:"body"`                  // who designates
	LegalBasis string    `json:"legal_basis,omitempty"` // executive order, regulation or resolution
	Title      string    `json:"title,omitempty"`       // e.g. EU regulation numberTitle
	URL        string    `json:"url,omitempty"`         // publication URL when given
	Published  time.Time `json:"published,omitzero"`    // regulation publication date when given
	InForce    time.Time `json:"in_force,omitzero"`     // entry into force when given
}

// DateKind says how precise a partial date is.
type DateKind string

// Partial date kinds.
const (
	DateExact DateKind = "exact" // day, month and year known (or as many as given)
	DateCirca DateKind = "circa" // "circa", "approximately"
	DateRange DateKind = "range" // between From and To
)

// Date is a partial date as the lists give them: a full date, a month, a
// year, "circa 1960" or "1958 to 1962". Zero fields are unknown.
type Date struct {
	Kind  DateKind `json:"kind"`
	Year  int      `json:"year,omitempty"`
	Month int      `json:"month,omitempty"`
	Day   int      `json:"day,omitempty"`
	// ToYear/ToMonth/ToDay close a range (Kind == DateRange).
	ToYear  int    `json:"to_year,omitempty"`
	ToMonth int    `json:"to_month,omitempty"`
	ToDay   int    `json:"to_day,omitempty"`
	Text    string `json:"text,omitempty"` // the source text, kept for the audit record
}

// Document is an identity or registration document.
type Document struct {
	Type       string `json:"type"`                  // Passport, National ID No., Tax ID No., Registration ID, ...
	Number     string `json:"number"`                // as listed
	Country    string `json:"country,omitempty"`     // ISO 3166 alpha-2 of the issuer, when known
	Issued     *Date  `json:"issued,omitempty"`      // issue date, when known
	Expires    *Date  `json:"expires,omitempty"`     // expiry date, when known
	KnownFalse bool   `json:"known_false,omitempty"` // listed as fraudulent / "false"
	Note       string `json:"note,omitempty"`
}

// Address is a postal address or place; any part may be empty.
type Address struct {
	Street      string `json:"street,omitempty"`
	City        string `json:"city,omitempty"`
	State       string `json:"state,omitempty"`
	PostalCode  string `json:"postal_code,omitempty"`
	Country     string `json:"country,omitempty"`      // ISO 3166 alpha-2 when it could be resolved
	CountryName string `json:"country_name,omitempty"` // as the source writes it
	Note        string `json:"note,omitempty"`
}

// Place is a place of birth.
type Place struct {
	Text    string `json:"text"`              // as listed
	Country string `json:"country,omitempty"` // ISO 3166 alpha-2 when it could be resolved
}

// VesselInfo holds what the lists say about a ship or aircraft.
type VesselInfo struct {
	IMO      string `json:"imo,omitempty"`
	MMSI     string `json:"mmsi,omitempty"`
	CallSign string `json:"call_sign,omitempty"`
	Type     string `json:"type,omitempty"`
	Flag     string `json:"flag,omitempty"` // ISO 3166 alpha-2 when resolved, else as listed
	Tonnage  string `json:"tonnage,omitempty"`
	GRT      string `json:"grt,omitempty"`
	Owner    string `json:"owner,omitempty"`
	// Aircraft
	Model        string `json:"model,omitempty"`
	SerialNumber string `json:"serial_number,omitempty"` // manufacturer serial number (MSN)
	TailNumber   string `json:"tail_number,omitempty"`
}

// CryptoAddress is a digital-currency address ("Digital Currency Address - XBT ...").
type CryptoAddress struct {
	Currency string `json:"currency"` // XBT, ETH, USDT, ...
	Address  string `json:"address"`
}

// Entity is one listed person, organisation, vessel or aircraft, from one
// source. The same person listed by OFAC and by the UN is two entities;
// screening resolves them across lists.
type Entity struct {
	ID     string `json:"id"`     // ofac:<ent_num>, un:<REFERENCE_NUMBER>, eu:<logicalId>
	Source Source `json:"source"` // who lists it
	Kind   Kind   `json:"kind"`

	Names    []Name    `json:"names"`    // Names[0] is the primary name
	Programs []Program `json:"programs"` // every programme tag, in source order

	Gender        string          `json:"gender,omitempty"` // "male", "female" or empty
	BirthDates    []Date          `json:"birth_dates,omitempty"`
	BirthPlaces   []Place         `json:"birth_places,omitempty"`
	Nationalities []string        `json:"nationalities,omitempty"` // ISO 3166 alpha-2
	Citizenships  []string        `json:"citizenships,omitempty"`  // ISO 3166 alpha-2
	Documents     []Document      `json:"documents,omitempty"`
	Addresses     []Address       `json:"addresses,omitempty"`
	Titles        []string        `json:"titles,omitempty"`  // titles and positions held
	Listed        *Date           `json:"listed,omitempty"`  // listing / designation date
	Remarks       string          `json:"remarks,omitempty"` // free text as listed
	Vessel        *VesselInfo     `json:"vessel,omitempty"`  // ships and aircraft
	Crypto        []CryptoAddress `json:"crypto,omitempty"`
	BICs          []string        `json:"bics,omitempty"` // SWIFT/BIC codes
	Emails        []string        `json:"emails,omitempty"`
	Websites      []string        `json:"websites,omitempty"`
	LinkedTo      []string        `json:"linked_to,omitempty"`   // names (or ids) of related listed entities
	Established   *Date           `json:"established,omitempty"` // organisation established date

	// Cross-list references given by the source itself.
	UNReference string `json:"un_reference,omitempty"` // EU unitedNationId, UN REFERENCE_NUMBER
	EUReference string `json:"eu_reference,omitempty"` // EU euReferenceNumber (EU.27.28)
	ListType    string `json:"list_type,omitempty"`    // UN_LIST_TYPE, OFAC sdnType, ...
}

// PrimaryName returns the entity's primary name, or "" if it has none.
func (e *Entity) PrimaryName() string {
	if len(e.Names) == 0 {
		return ""
	}
	return e.Names[0].Full
}

// ParseKind reads a kind as people and other systems write it: the Kind
// names in any case, "" as unknown, and the common synonyms "individual"
// (OFAC's word), "organisation", "entity" and "company".
func ParseKind(s string) (Kind, error) {
	switch k := Kind(strings.ToLower(strings.TrimSpace(s))); k {
	case "":
		return UnknownKind, nil
	case Person, Organization, Vessel, Aircraft, UnknownKind:
		return k, nil
	case "individual":
		return Person, nil
	case "organisation", "entity", "company":
		return Organization, nil
	}
	return "", fmt.Errorf("unknown kind %q (want person, organization, vessel, aircraft or unknown)", s)
}
