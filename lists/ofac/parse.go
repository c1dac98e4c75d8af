// Package ofac parses OFAC's sanctions list files: the legacy CSV set
// (sdn.csv with add.csv, alt.csv and sdn_comments.csv, or their cons_*
// twins) and the sdnList XML (SDN.XML, CONSOLIDATED.XML).
//
//	ents, prov, err := ofac.ParseXML(f) // f: an open SDN.XML
//	if err != nil {
//		return err // a *ParseError: file, line or byte offset, ent_num
//	}
//
// Both formats give [lists.Entity] values with ids "ofac:<ent_num>" and the
// same facts: the informal grammar of the CSV remarks column (dates and
// places of birth, documents, weak a.k.a.s, digital currency addresses,
// ...) is read into typed fields, and the full text is kept in
// Entity.Remarks.
//
// A file cut short is an error, not a shorter list: [ErrNoEndMarker] for
// the CSV set, a [RecordCountError] for the XML. Bad input is a
// [*ParseError] wrapping one of the Err values, never a panic, and a cap
// ([MaxFileBytes] and the other Max constants) wraps [lists.ErrTooLarge].
// The parsers fill Source, Format, Published and Records of the
// Provenance; lists/loader, which has the files, fills File and SHA256.
//
// docs/lists.md describes the formats, what the parsers check and which
// facts have no typed field.
package ofac

import (
	"io"

	"github.com/freezeguard/freezeguard/lists"
)

// ParseCSV parses a legacy CSV set. sdn is the primary file (sdn.csv or
// cons_prim.csv); add, alt and comments may be nil.
//
// The files have no header, CRLF line ends, "-0- " for null, a 0x1A byte at
// the end (required but in the comments file, see the package doc) and
// must be ASCII. Remarks continued in the comments file are
// joined before they are parsed; rows of add, alt or comments whose ent_num
// is not in sdn are an error (the set is not self-consistent). Every add.csv
// row is attached, also rows whose fields are all null, so that counts
// reconcile with the file. The CSV set states no publication date:
// Provenance.Published stays zero. Provenance.Format is FormatCSV; use
// ParseConsCSV for the consolidated list.
func ParseCSV(sdn, add, alt, comments io.Reader) ([]lists.Entity, lists.Provenance, error) {
	return parseCSVSet(FormatCSV, [4]string{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}, sdn, add, alt, comments)
}

// ParseConsCSV parses the consolidated non-SDN CSV set (cons_prim.csv,
// cons_add.csv, cons_alt.csv, cons_comments.csv). The layout is that of the
// SDN set and nothing in the content tells the two apart, so the caller,
// who knows the file names, chooses; the result differs from ParseCSV only
// in Provenance.Format (FormatConsCSV) and the file names in errors.
func ParseConsCSV(prim, add, alt, comments io.Reader) ([]lists.Entity, lists.Provenance, error) {
	return parseCSVSet(FormatConsCSV, [4]string{"cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"}, prim, add, alt, comments)
}

// ParseXML parses an sdnList XML file (SDN.XML or CONSOLIDATED.XML, either namespace).
//
// It streams the document, matching element local names only, so both the
// old http://tempuri.org/sdnList.xsd and the Treasury namespace load.
// Publish_Date becomes Provenance.Published. When Record_Count differs from
// the number of sdnEntry elements, ParseXML returns the entities it read
// together with a *ParseError wrapping a *RecordCountError: a truncated
// download must not pass unnoticed, but a caller may accept an excerpt
// deliberately (errors.As).
func ParseXML(r io.Reader) ([]lists.Entity, lists.Provenance, error) {
	return parseXML(r)
}
