package payments

import (
	"bytes"
	"errors"
	"io"

	"github.com/freezeguard/freezeguard/screening"
)

// Parse reads a payment message of either family, telling ISO 20022 XML
// from SWIFT FIN (MT103, MT101, RJE batches) by its first significant
// byte, and returns one Payment per transaction. See ParseISO20022 and
// ParseMT for what each reads; bad messages are reported as joined
// *MessageError values next to the good payments.
func Parse(r io.Reader) ([]screening.Payment, error) {
	data, err := readInput(r)
	if err != nil {
		return nil, err
	}
	trim := bytes.TrimLeft(data, " \t\r\n")
	switch {
	case len(trim) == 0:
		return nil, &MessageError{Message: "input", Offset: 0, Err: ErrUnknownFormat}
	case trim[0] == '<':
		return parseISO(data)
	case trim[0] == '{' || trim[0] == '$':
		return parseMT(data)
	}
	off := len(data) - len(trim)
	return nil, &MessageError{Message: "input", Offset: int64(off), Line: lineAt(data, off), Err: ErrUnknownFormat}
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
