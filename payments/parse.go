package payments

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/freezeguard/freezeguard/screening"
)

// Parse reads a payment message of either family, telling ISO 20022 XML
// from SWIFT FIN (MT103, MT101, RJE batches) by its first significant
// byte, and returns one Payment per transaction. See ParseISO20022 and
// ParseMT for what each reads; bad messages are reported as joined
// *MessageError values next to the good payments. An input with no
// payment in it (a lone "$", ACK/NAK service messages only) is an error
// (ErrMissing): nothing in it was screened, so it must not pass as clear.
func Parse(r io.Reader) ([]screening.Payment, error) {
	ps := parseAll(r)
	return ps.pays, ps.err
}

// parsed is everything read from one input.
type parsed struct {
	pays []screening.Payment // transactions read completely
	// partial are transactions left out of pays because part of them could
	// not be read (reported in err): what was read of them is still
	// screened, as unreadable input.
	partial []screening.Payment
	// skipped lists the FIN service messages (ACK/NAK) passed over, so that
	// nothing is dropped without a word.
	skipped []string
	err     error
}

func parseAll(r io.Reader) parsed {
	data, err := readInput(r)
	if err != nil {
		return parsed{err: err}
	}
	trim := bytes.TrimLeft(data, " \t\r\n")
	var ps parsed
	switch {
	case len(trim) == 0:
		return parsed{err: &MessageError{Message: "input", Offset: 0, Err: ErrUnknownFormat}}
	case trim[0] == '<':
		ps = parseISO(data)
	case trim[0] == '{' || trim[0] == '$':
		ps = parseMT(data)
	default:
		off := len(data) - len(trim)
		return parsed{err: &MessageError{Message: "input", Offset: int64(off), Line: lineAt(data, off), Err: ErrUnknownFormat}}
	}
	return ps.checkNotEmpty()
}

// checkNotEmpty reports an input that yielded no payment and no error.
func (ps parsed) checkNotEmpty() parsed {
	if len(ps.pays) == 0 && len(ps.partial) == 0 && ps.err == nil {
		what := "no payment message in the input"
		if len(ps.skipped) > 0 {
			what = fmt.Sprintf("no payment message in the input, only %d service message(s) (ACK/NAK)", len(ps.skipped))
		}
		ps.err = &MessageError{Message: "input", Offset: 0, Err: fmt.Errorf("%w: %s", ErrMissing, what)}
	}
	return ps
}

// joinErrs returns nil, the single error, or errors.Join of them.
func joinErrs(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}
