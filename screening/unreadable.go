package screening

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fail closed, visibly. Input that could not be read completely (a
// message that does not parse, a line cut short, a party whose name holds
// no letter or digit) is never cleared: it is a HOLD flagged
// UNREADABLE_INPUT with the reason, logged as a decision like any other,
// and opened for review, so that a person looks at what the machine could
// not.

// Unreadable records input that could not be read completely as a held
// decision flagged UNREADABLE_INPUT with reason, logs it and opens a
// review case (Options.Reviews). ref names the input for the reviewer (a
// file and line, a message reference); it becomes the decision's
// PaymentID. p is whatever could be read of the party, and may be empty:
// a name or identifier in it is screened as Screen would (a strong match
// can still make the decision a FREEZE), and a party that cannot be
// screened is recorded as it is. reason is required.
//
// An error from the audit log wraps ErrAuditLog: the input was not
// recorded and must be treated as not screened.
func (s *Screener) Unreadable(ctx context.Context, ref string, p Party, reason string) (Decision, error) {
	if strings.TrimSpace(reason) == "" {
		return Decision{}, errors.New("screening: Unreadable: a reason is required")
	}
	return s.decide(ctx, &Payment{ID: ref}, []PaymentParty{{Party: p}}, reason)
}

// UnreadablePayment is Unreadable for a payment read only in part: every
// party and text line that was read is screened as Decide would, and the
// decision is held at least, flagged UNREADABLE_INPUT with reason. A party
// Decide would refuse is recorded as held instead, so nothing read is lost.
func (s *Screener) UnreadablePayment(ctx context.Context, pay Payment, reason string) (Decision, error) {
	if strings.TrimSpace(reason) == "" {
		return Decision{}, errors.New("screening: UnreadablePayment: a reason is required")
	}
	parties := append([]PaymentParty(nil), pay.Parties...)
	for i, t := range pay.Text {
		if strings.TrimSpace(t) != "" {
			parties = append(parties, PaymentParty{Role: FreeText, Path: fmt.Sprintf("text[%d]", i), Party: Party{Name: t}})
		}
	}
	return s.decide(ctx, &pay, parties, reason)
}

// IsUnreadableName reports whether a name is present but holds no letter
// or digit once read ("\u200b", "!!!", NUL, direction marks): there is
// nothing to match it by, so it must not pass for a screened name. A blank
// name is not unreadable: it is absent.
func IsUnreadableName(name string) bool { return unreadableName(name) != "" }

// unreadableName says why a name cannot be screened, or "" when it can (or
// is blank).
func unreadableName(name string) string {
	if strings.TrimSpace(name) == "" {
		return ""
	}
	if !utf8.ValidString(name) {
		return "the name is not valid UTF-8"
	}
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return ""
		}
	}
	// The reason does not quote the name: the party record holds it, and a
	// redacting audit log can then hide it (see finish).
	return fmt.Sprintf("the name (%d bytes) has no letter or digit to screen", len(name))
}

// unscreenable records a party that cannot be screened in an unreadable
// decision: held, with the error as the reason. An oversized name is
// clipped so that the record stays bounded.
func unscreenable(pp PaymentParty, err error) PartyResult {
	p := pp.Party
	if len(p.Name) > maxQueryBytes {
		p.Name = clip(p.Name, maxQueryBytes)
	}
	if len(p.Documents) > maxDocuments {
		p.Documents = p.Documents[:maxDocuments]
	}
	if len(p.Owned) > maxDocuments {
		p.Owned = p.Owned[:maxDocuments]
	}
	return PartyResult{Role: pp.Role, Path: pp.Path, Party: p, Outcome: Hold,
		Flags: []Flag{{Code: FlagUnreadableInput, Reason: "not screened: " + err.Error()}}}
}

// partyUnreadable reports whether a party result carries UNREADABLE_INPUT.
func partyUnreadable(pr *PartyResult) bool {
	for _, f := range pr.Flags {
		if f.Code == FlagUnreadableInput {
			return true
		}
	}
	return false
}

// partyWhere names party i (from 0) by position and path, never by name
// (see finish).
func partyWhere(i int, pp PaymentParty) string {
	w := fmt.Sprintf("party %d", i)
	if pp.Path != "" {
		w += " (" + pp.Path + ")"
	}
	return w
}
