package lists

import "errors"

// Causes shared by every reader of untrusted input in the module: the list
// parsers, lists/loader, lists/fetch and payments. One errors.Is test
// covers them whichever package refused the input; the error wrapping
// either one says which limit was hit and how large it is, or what kind of
// record was missing.
var (
	// ErrTooLarge means input went over a cap: a file, a download, a
	// record, a field, a record count or a nesting depth.
	ErrTooLarge = errors.New("input exceeds a size cap")
	// ErrNoRecords means a file parsed but held no records. The formats
	// allow it, but an empty list loaded by mistake would silently stop
	// all screening against its source, so it is refused.
	ErrNoRecords = errors.New("no records")
)
