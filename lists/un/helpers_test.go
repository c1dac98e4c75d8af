package un

import (
	"github.com/freezeguard/freezeguard/lists/internal/listtext"
	"github.com/freezeguard/freezeguard/lists/internal/xmlscan"
)

// Short names for the shared helpers the tests use, as they were called
// when they lived in this package.
var squash = listtext.Squash

const readAhead = xmlscan.ReadAhead
