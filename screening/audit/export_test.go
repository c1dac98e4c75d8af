package audit

// For the external tests (package audit_test), which use package screening.
var (
	PGChild     = pgChild
	PGDecisions = pgDecisions
)
