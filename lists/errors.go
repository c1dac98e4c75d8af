package lists

import "errors"

// Causes shared by every reader of untrusted input in the module: the list
// parsers, lists/loader, lists/fetch and payments. One errors.Is test
// covers them whichever package refused the input; the error wrapping
// one says which limit was hit and how large it is, what kind of record
// was missing, or where the directive stood.
var (
	// ErrTooLarge means input went over a cap: a file, a download, a
	// record, a field, a record count or a nesting depth.
	ErrTooLarge = errors.New("input exceeds a size cap")
	// ErrNoRecords means a file parsed but held no records. The formats
	// allow it, but an empty list loaded by mistake would silently stop
	// all screening against its source, so it is refused.
	ErrNoRecords = errors.New("no records")
	// ErrDoctype means an XML input carried a DOCTYPE or another <!...>
	// directive. No list or payment message needs one, and it is the
	// vector of entity-expansion and external-entity attacks, so it is
	// refused outright.
	ErrDoctype = errors.New("DOCTYPE and other XML directives are not allowed")
)
