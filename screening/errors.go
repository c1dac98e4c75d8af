package screening

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// Errors of Screen, Decide and Reload that a caller tells apart with
// errors.Is: bad input is the sender's to fix and no retry helps; a failed
// audit append means the decision was not acknowledged, and the payment
// counts as not screened until the log works again.
var (
	// ErrInvalidParty is wrapped by every error about a party that cannot
	// be screened as given: no name and no identifier, a name or document
	// list over the bounds. A date of birth or country that cannot be read
	// is not such an error: the party is screened on the rest and the
	// field flagged (FlagInputFieldInvalid).
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
	// ErrNoScreener is returned by a Screener not made by New (the zero
	// value, or a nil pointer): it has no lists, no policy and no log to
	// decide with.
	ErrNoScreener = errors.New("screening: Screener not made by New")
)

// notLogged wraps err, an audit append failure, as ErrAuditLog unless the
// context was done. what names what was not logged.
func notLogged(ctx context.Context, what string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("screening: %s not logged: %w", what, err)
	}
	return fmt.Errorf("screening: %s %w: %w", what, ErrAuditLog, err)
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

// clip shortens s to at most n bytes for an error message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
