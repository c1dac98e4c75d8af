package screening

import (
	"time"

	"github.com/freezeguard/freezeguard/lists"
)

// The input types: what package payments, the CLI and a bank's own code
// fill in to screen. Fields are added, never renamed or removed: every
// decision in the audit log records its parties in this form.

// Party is one person, organisation, vessel or aircraft to screen.
type Party struct {
	Name        string     `json:"name"`
	Kind        lists.Kind `json:"kind,omitempty"`        // person, organization, vessel, aircraft or unknown
	BirthDate   string     `json:"dob,omitempty"`         // as written: 1969-07-16, 16/07/1969, 16 Jul 1969, 1969, ... (see parseBirthDate); unreadable: flagged, not weighed
	Gender      string     `json:"gender,omitempty"`      // "male" or "female" (or "m", "f"), when known
	Country     string     `json:"country,omitempty"`     // nationality, residence or registration: ISO 3166 code or name (lists.ParseCountry); unreadable: flagged, not weighed
	Documents   []Document `json:"documents,omitempty"`   // identity documents, registration numbers, IMO, LEI
	Address     string     `json:"address,omitempty"`     // free-text address, one line
	BIC         string     `json:"bic,omitempty"`         // SWIFT/BIC where the party is a bank
	Crypto      string     `json:"crypto,omitempty"`      // digital-currency address
	Owned       []string   `json:"owned_by,omitempty"`    // OWNERSHIP_DERIVED: ids of listed owners the bank knows of
	Extradition bool       `json:"extradition,omitempty"` // HUMAN_RIGHTS_EXCEPTION_RELEVANT: data may go to a foreign authority in a capital case
	// BirthPlace is the place of birth as the message gives it ("city,
	// province, CC"; ISO 20022 DtAndPlcOfBirth, MT 50F line 5): a
	// secondary identifier to confirm or dismiss a name hit.
	BirthPlace string `json:"birth_place,omitempty"`
	// Account is the party's account as the message gives it (an IBAN
	// names its country: screened for embargoes).
	Account string `json:"account,omitempty"`
	// CustomerID is the bank's own id of the party: a known-good record
	// (KnownGood) may name the party by it.
	CustomerID string `json:"customer_id,omitempty"`
	// Phone is a telephone number of the party (its international prefix
	// is screened for embargoes).
	Phone string `json:"phone,omitempty"`
}

// Document is an identifier the bank holds for a party.
type Document struct {
	Type    string `json:"type,omitempty"` // passport, national-id, tax-id, registration, imo, lei, ...
	Number  string `json:"number"`
	Country string `json:"country,omitempty"`
}

// Role is the role a party plays in a payment.
type Role string

// Payment roles (ISO 20022 names).
const (
	Debtor                 Role = "debtor"
	Creditor               Role = "creditor"
	UltimateDebtor         Role = "ultimate_debtor"
	UltimateCreditor       Role = "ultimate_creditor"
	InitiatingParty        Role = "initiating_party"
	DebtorAgent            Role = "debtor_agent"
	CreditorAgent          Role = "creditor_agent"
	IntermediaryAgent      Role = "intermediary_agent"
	InstructingAgent       Role = "instructing_agent"
	InstructedAgent        Role = "instructed_agent"
	OrderingInstitution    Role = "ordering_institution"
	SendersCorrespondent   Role = "senders_correspondent"
	ReceiversCorrespondent Role = "receivers_correspondent"
	FreeText               Role = "free_text"  // remittance information, field 70/72: may hold names
	Remittance             Role = "remittance" // remittance information (RmtInf, MT 70): searched for names as free text
)

// PaymentParty is a party in a payment with the role it plays and where in
// the message it came from.
type PaymentParty struct {
	Role  Role   `json:"role"`
	Path  string `json:"path"` // e.g. "Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Dbtr/Nm" or "MT103 :59:"
	Party Party  `json:"party"`
}

// Payment is one payment (or one transaction of a multi-transaction message).
type Payment struct {
	ID       string         `json:"id"`                 // end-to-end id, transaction reference or message id
	Message  string         `json:"message,omitempty"`  // message type, e.g. pacs.008.001.08, MT103
	Amount   string         `json:"amount,omitempty"`   // decimal as written
	Currency string         `json:"currency,omitempty"` // ISO 4217
	Date     time.Time      `json:"date,omitzero"`
	Parties  []PaymentParty `json:"parties"`
	Text     []string       `json:"text,omitempty"` // remittance information and other free text
}
