// Package un parses the UN Security Council consolidated list XML (CONSOLIDATED_LIST).
package un

import (
	"errors"
	"io"

	"github.com/freezeguard/freezeguard/lists"
)

// CONTRACT: the loader calls Parse. It fills Source, Format, Published and
// Records of the Provenance; the loader fills File and SHA256.

// Parse parses a UN consolidated list XML file.
func Parse(r io.Reader) ([]lists.Entity, lists.Provenance, error) {
	return nil, lists.Provenance{}, errors.New("un: parser not implemented yet")
}
