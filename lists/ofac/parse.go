// Package ofac parses OFAC's sanctions list files: the legacy CSV set
// (sdn.csv, add.csv, alt.csv, sdn_comments.csv and the consolidated
// cons_*.csv twins) and the sdnList XML schema (SDN.XML, CONSOLIDATED.XML).
package ofac

import (
	"errors"
	"io"

	"github.com/freezeguard/freezeguard/lists"
)

// CONTRACT: the loader calls these. Parsers fill Source, Format, Published
// and Records of the Provenance; the loader fills File and SHA256.

// ParseCSV parses a legacy CSV set. sdn is the primary file (sdn.csv or
// cons_prim.csv); add, alt and comments may be nil.
func ParseCSV(sdn, add, alt, comments io.Reader) ([]lists.Entity, lists.Provenance, error) {
	return nil, lists.Provenance{}, errors.New("ofac: CSV parser not implemented yet")
}

// ParseXML parses an sdnList XML file (SDN.XML or CONSOLIDATED.XML, either namespace).
func ParseXML(r io.Reader) ([]lists.Entity, lists.Provenance, error) {
	return nil, lists.Provenance{}, errors.New("ofac: XML parser not implemented yet")
}
