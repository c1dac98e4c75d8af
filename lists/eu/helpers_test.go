package eu

import "github.com/freezeguard/freezeguard/lists/internal/listtext"

// Short names for the shared helpers the tests use, as they were called
// when they lived in this package.
var (
	squash       = listtext.Squash
	detectScript = listtext.Script
)
