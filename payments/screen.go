package payments

import (
	"context"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/freezeguard/freezeguard/screening"
)

// Decider screens one payment. *screening.Screener implements it; the
// interface keeps this package testable and lets a bank wrap the screener
// (metrics, routing) without this package knowing.
type Decider interface {
	Decide(ctx context.Context, p screening.Payment) (screening.Decision, error)
}

// UnreadableDecider is a Decider that can also record input it could not
// read completely as a held decision flagged UNREADABLE_INPUT, with an
// audit record and a review case. *screening.Screener implements it, and
// ScreenMessage uses it when d has it.
type UnreadableDecider interface {
	Decider
	UnreadablePayment(ctx context.Context, p screening.Payment, reason string) (screening.Decision, error)
}

// Signal is a fact about a message that is reported to the reviewer but is
// never a reason to freeze on its own: a country or an address.
type Signal struct {
	Role    screening.Role `json:"role"`
	Path    string         `json:"path"`
	Country string         `json:"country,omitempty"`
	Address string         `json:"address,omitempty"`
}

// Result is the outcome of screening one message: every payment's
// decision, the message's outcome, and what could not be read.
type Result struct {
	// Outcome is the most severe outcome of the decisions, raised to
	// HOLD when part of the message could not be parsed: a bank cannot
	// release a message it has not read in full.
	Outcome   screening.Outcome    `json:"outcome"`
	Decisions []screening.Decision `json:"decisions"`
	Signals   []Signal             `json:"signals,omitempty"`
	ParseErr  error                `json:"-"`
	// Unreadable counts the decisions recording input that could not be
	// read completely (flag UNREADABLE_INPUT); they are in Decisions.
	Unreadable int `json:"unreadable,omitempty"`
	// Skipped describes the FIN service messages (ACK/NAK) passed over: no
	// payment, but never dropped without a word.
	Skipped  []string               `json:"skipped,omitempty"`
	Payments []screening.Payment    `json:"-"`
	Worst    *screening.PartyResult `json:"-"` // the party that set Outcome, nil when CLEAR or set by ParseErr
}

// ScreenMessage parses a message (ISO 20022 or SWIFT FIN, see Parse) and
// screens each of its payments with d.
//
// The returned error is for failures to screen (the Decider failed, the
// context ended): the message then has no valid outcome and must not be
// released. Parse problems do not fail the call; they are in
// Result.ParseErr, and they raise the outcome to at least HOLD. An input
// with no payment in it is such a problem (see Parse).
//
// Fail closed, visibly: when d is an UnreadableDecider, what could not be
// read is also logged as a decision flagged UNREADABLE_INPUT (counted in
// Result.Unreadable): each transaction read only in part, with the parties
// that were read screened; or, when none was, one decision naming the
// problem. Without it, the outcome is still at least HOLD.
func ScreenMessage(ctx context.Context, d Decider, r io.Reader) (Result, error) {
	ps := parseAll(r)
	res, err := ScreenPayments(ctx, d, ps.pays)
	res.ParseErr, res.Skipped = ps.err, ps.skipped
	if err != nil || ps.err == nil {
		return res, err
	}
	if u, ok := d.(UnreadableDecider); ok {
		reason := clipReason(ps.err.Error())
		bad := ps.partial
		if len(bad) == 0 {
			bad = []screening.Payment{{ID: errLabel(ps.err), Message: "unreadable input"}}
		}
		for i, p := range bad {
			dec, err := u.UnreadablePayment(ctx, p, reason)
			if err != nil {
				return res, fmt.Errorf("payments: recording unreadable payment %d (%s %s): %w", i+1, p.Message, p.ID, err)
			}
			res.Decisions = append(res.Decisions, dec)
			res.Unreadable++
			res.raise(dec)
		}
	}
	if res.Outcome.Severity() < screening.Hold.Severity() {
		res.Outcome, res.Worst = screening.Hold, nil
	}
	return res, nil
}

// maxReason bounds the parse errors quoted in an unreadable decision.
const maxReason = 2000

func clipReason(s string) string {
	if len(s) <= maxReason {
		return s
	}
	cut := maxReason
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + fmt.Sprintf("... (%d more bytes of errors)", len(s)-cut)
}

// errLabel names the message of the first *MessageError in err, for the
// record of input with no payment read from it.
func errLabel(err error) string {
	var me *MessageError
	if errors.As(err, &me) && me.Message != "" {
		return me.Message
	}
	return "input"
}

// ScreenPayments screens already parsed payments, each with its own
// decision, and gives the set the most severe outcome.
//
// Country and address signals are collected into Result.Signals. A
// decision on a party that has nothing but a country or address to go on
// (no name, BIC, identifier) can raise the message to HOLD at most: such
// signals are reported but never freeze on their own.
func ScreenPayments(ctx context.Context, d Decider, pays []screening.Payment) (Result, error) {
	res := Result{Outcome: screening.Clear, Payments: pays}
	for i, p := range pays {
		dec, err := d.Decide(ctx, p)
		if err != nil {
			return res, fmt.Errorf("payments: screening payment %d (%s %s): %w", i+1, p.Message, p.ID, err)
		}
		res.Decisions = append(res.Decisions, dec)
		res.raise(res.Decisions[len(res.Decisions)-1])
		for _, pp := range p.Parties {
			if pp.Party.Country != "" || pp.Party.Address != "" {
				res.Signals = append(res.Signals, Signal{Role: pp.Role, Path: pp.Path, Country: pp.Party.Country, Address: pp.Party.Address})
			}
		}
	}
	return res, nil
}

// raise takes a decision's outcome into the result's.
func (res *Result) raise(dec screening.Decision) {
	for j := range dec.Parties {
		pr := &dec.Parties[j]
		o := pr.Outcome
		if o == screening.Freeze && signalOnly(pr.Party) && !hasFlag(pr.Flags, screening.FlagEmbargoed) {
			o = screening.Hold
		}
		if o.Severity() > res.Outcome.Severity() {
			res.Outcome, res.Worst = o, pr
		}
	}
	// A decision may be more severe than any party (e.g. unreadable
	// input, or policy on the payment as a whole): respect it.
	if dec.Outcome.Severity() > res.Outcome.Severity() && (!allSignalOnly(dec) || dec.HasFlag(screening.FlagUnreadableInput) || dec.HasFlag(screening.FlagEmbargoed)) {
		res.Outcome, res.Worst = dec.Outcome, nil
	}
}

func hasFlag(fs []screening.Flag, c screening.FlagCode) bool {
	for _, f := range fs {
		if f.Code == c {
			return true
		}
	}
	return false
}

// signalOnly reports whether a party carries nothing but a country or an
// address. Such a party never freezes through a name match; an embargoed
// jurisdiction (flag EMBARGOED_JURISDICTION) may, where the policy says so.
func signalOnly(p screening.Party) bool {
	return p.Name == "" && p.BIC == "" && len(p.Documents) == 0 && p.Crypto == "" && len(p.Owned) == 0
}

func allSignalOnly(d screening.Decision) bool {
	for _, pr := range d.Parties {
		if pr.Outcome != screening.Clear && !signalOnly(pr.Party) {
			return false
		}
	}
	return true
}
