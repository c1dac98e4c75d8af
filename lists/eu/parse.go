// Package eu parses the EU Financial Sanctions File, XML 1.1 (export/sanctionEntity).
package eu

import (
	"errors"
	"io"

	"github.com/freezeguard/freezeguard/lists"
)

// CONTRACT: the loader calls Parse. It fills Source, Format, Published and
// Records of the Provenance; the loader fills File and SHA256.

// Parse parses an EU FSF XML 1.1 file.
func Parse(r io.Reader) ([]lists.Entity, lists.Provenance, error) {
	return nil, lists.Provenance{}, errors.New("eu: parser not implemented yet")
}
