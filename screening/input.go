package screening

import (
	"fmt"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/lists"
)

// partyInput is what screening reads from a party's secondary fields.
// A field that cannot be read is left out of the evidence and flagged: a
// date of birth or a country is only evidence for or against a listed
// name, so it never stops the name from being screened.
type partyInput struct {
	dob     birthReadings // Year 0: none given, or not readable
	country string        // ISO 3166 alpha-2; "" when none given or not readable
	kind    lists.Kind    // "" when none given or not readable
	gender  string        // "male", "female" or "" (none, not binary, or not readable)
	flags   []Flag        // FlagInputFieldInvalid, one per field not read
}

// checkParty reports why a party cannot be screened at all, wrapping
// ErrInvalidParty, and reads its date of birth and country. In a payment
// (inPayment), a party with only an address or a country is kept: the
// message names it so, and there is nothing on it to screen by name, but
// its country is still a signal to the payment's screening.
func checkParty(p *Party, inPayment bool, now time.Time) (partyInput, error) {
	var in partyInput
	if len(p.Name) > maxQueryBytes {
		return in, fmt.Errorf("%w: name is %d bytes, more than the %d allowed", ErrInvalidParty, len(p.Name), maxQueryBytes)
	}
	if len(p.Documents) > maxDocuments || len(p.Owned) > maxDocuments {
		return in, fmt.Errorf("%w: %d documents and %d owners, more than the %d allowed", ErrInvalidParty, len(p.Documents), len(p.Owned), maxDocuments)
	}
	if strings.TrimSpace(p.Name) == "" && !hasIdentifier(p) && !(inPayment && (strings.TrimSpace(p.Address) != "" || strings.TrimSpace(p.Country) != "" || strings.TrimSpace(p.Account) != "" || strings.TrimSpace(p.Phone) != "")) {
		return in, fmt.Errorf("%w: no name and no identifier (document, BIC, digital-currency address or owner) to screen", ErrInvalidParty)
	}
	if strings.TrimSpace(p.BirthDate) != "" {
		dob, err := readBirthDate(p.BirthDate, now)
		if err != nil {
			in.flags = append(in.flags, fieldInvalid("dob", p.BirthDate, err.Error()))
		} else {
			in.dob = dob
		}
	}
	if c, ok := lists.ParseCountry(p.Country); ok {
		in.country = c
	} else {
		why := "not a country name or ISO 3166 code known"
		if len(p.Country) > 200 {
			why = "too long for a country"
		}
		in.flags = append(in.flags, fieldInvalid("country", p.Country, why))
	}
	if strings.TrimSpace(string(p.Kind)) != "" {
		if k, err := lists.ParseKind(string(p.Kind)); err != nil {
			in.flags = append(in.flags, fieldInvalid("kind", string(p.Kind), "not person, organization, vessel, aircraft or unknown"))
		} else {
			in.kind = k
		}
	}
	if g, ok := readGender(p.Gender); ok {
		in.gender = g
	} else {
		in.flags = append(in.flags, fieldInvalid("gender", p.Gender, "not male, female, m or f"))
	}
	return in, nil
}

// fieldInvalid is the flag for a secondary field that could not be read.
// Its reason names the field and the value as given, so that whoever
// keeps the record can correct it; the value is clipped and quoted, so a
// hostile field cannot forge a line of its own.
func fieldInvalid(field, value, why string) Flag {
	return Flag{Code: FlagInputFieldInvalid, Reason: fmt.Sprintf("%s %q not read (%s): not used as evidence; the name is screened without it", field, clip(value, 64), why)}
}
