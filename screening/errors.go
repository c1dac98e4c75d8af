package screening

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
)

// Errors of Screen, Decide and Reload that a caller tells apart with
// errors.Is: bad input is the sender's to fix and no retry helps; a failed
// audit append means the decision was not acknowledged, and the payment
// counts as not screened until the log works again.
var (
	// ErrInvalidParty is wrapped by every error about a party that cannot
	// be screened as given: no name and no identifier, a date of birth
	// that is not YYYY, YYYY-MM or YYYY-MM-DD, a country that is not an ISO
	// 3166 alpha-2 code, a name or document list over the bounds.
	ErrInvalidParty = errors.New("invalid party")
	// ErrInvalidPayment is wrapped by every error about a payment that
	// cannot be screened as given: more parties and text lines than
	// allowed, or an invalid party (the error then matches ErrInvalidParty
	// too).
	ErrInvalidPayment = errors.New("invalid payment")
	// ErrAuditLog is wrapped, with the log's own error, when the audit log
	// refuses an append (a full disk, a failed fsync, a closed log). It is
	// not used when the append failed because the context was done: the
	// error then matches the context's error instead.
	ErrAuditLog = errors.New("not logged to the audit log")
)

// notLogged wraps err, an audit append failure, as ErrAuditLog unless the
// context was done. what names what was not logged.
func notLogged(ctx context.Context, what string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("screening: %s not logged: %w", what, err)
	}
	return fmt.Errorf("screening: %s %w: %w", what, ErrAuditLog, err)
}

// checkParty reports why a party cannot be screened, wrapping
// ErrInvalidParty, and returns its parsed date of birth. In a payment
// (inPayment), a party with only an address or a country is kept: the
// message names it so, and there is nothing on it to screen by name, but
// its country is still a signal to the payment's screening.
func checkParty(p *Party, inPayment bool) (partialDate, error) {
	var dob partialDate
	if len(p.Name) > maxQueryBytes {
		return dob, fmt.Errorf("%w: name is %d bytes, more than the %d allowed", ErrInvalidParty, len(p.Name), maxQueryBytes)
	}
	if len(p.Documents) > maxDocuments || len(p.Owned) > maxDocuments {
		return dob, fmt.Errorf("%w: %d documents and %d owners, more than the %d allowed", ErrInvalidParty, len(p.Documents), len(p.Owned), maxDocuments)
	}
	if strings.TrimSpace(p.Name) == "" && !hasIdentifier(p) && !(inPayment && (strings.TrimSpace(p.Address) != "" || strings.TrimSpace(p.Country) != "")) {
		return dob, fmt.Errorf("%w: no name and no identifier (document, BIC, digital-currency address or owner) to screen", ErrInvalidParty)
	}
	if len(p.BirthDate) > 32 {
		return dob, fmt.Errorf("%w: date of birth is %d bytes: want YYYY, YYYY-MM or YYYY-MM-DD", ErrInvalidParty, len(p.BirthDate))
	}
	if p.BirthDate != "" {
		var err error
		if dob, err = parseBirthDate(p.BirthDate); err != nil {
			return dob, fmt.Errorf("%w: %w", ErrInvalidParty, err)
		}
	}
	if c := strings.TrimSpace(p.Country); c != "" && !isCountryCode(c) {
		return dob, fmt.Errorf("%w: country %q is not an ISO 3166 alpha-2 code", ErrInvalidParty, clip(p.Country, 16))
	}
	return dob, nil
}

// hasIdentifier reports whether the party carries anything besides a name
// that screening looks up.
func hasIdentifier(p *Party) bool {
	if strings.TrimSpace(p.BIC) != "" || strings.TrimSpace(p.Crypto) != "" {
		return true
	}
	for _, d := range p.Documents {
		if strings.TrimSpace(d.Number) != "" {
			return true
		}
	}
	for _, o := range p.Owned {
		if strings.TrimSpace(o) != "" {
			return true
		}
	}
	return false
}

// isCountryCode reports whether c is an ISO 3166 alpha-2 code the lists
// package knows (current codes, the former states it maps lists' countries
// to, and Kosovo's XK), in either case.
func isCountryCode(c string) bool {
	if len(c) != 2 {
		return false
	}
	for i := range 2 {
		if b := c[i] | 0x20; b < 'a' || b > 'z' {
			return false
		}
	}
	return lists.CountryName(c) != ""
}

// clip shortens s to at most n bytes for an error message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
