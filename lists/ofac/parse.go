// Package ofac parses OFAC's sanctions list files: the legacy CSV set
// (sdn.csv, add.csv, alt.csv, sdn_comments.csv and the consolidated
// cons_*.csv twins) and the sdnList XML schema (SDN.XML, CONSOLIDATED.XML).
//
// Both formats become lists.Entity values with ids "ofac:<ent_num>" (XML:
// uid). The CSV set keeps most facts in a free-text remarks column; the
// parser reads its informal grammar (DOB, POB, nationality, documents with
// issuing country and dates, weak a.k.a.s, digital currency addresses,
// IMO/MMSI, SWIFT/BIC, Linked To, ...) into typed fields and keeps the full
// text in Entity.Remarks. Unknown clauses are never an error.
//
// Bad input is an error, never a panic: a *ParseError names the file of the
// set, the line (CSV) or byte offset (XML) and the ent_num, and wraps one of
// the Err* values. The limits (MaxFileBytes, MaxLineBytes, MaxFieldBytes,
// MaxEntities, MaxRows, MaxDepth) bound memory on hostile input.
//
// Truncation: the CSV set states no record count, but OFAC ends sdn.csv,
// add.csv, alt.csv and their cons_ twins with a 0x1A byte, so a file of
// those kinds without it is refused as cut short (ErrNoEndMarker), also
// when cut exactly at a line end; the small comments file has been
// published without the marker, so there its absence is a
// Provenance.Warnings entry. The XML must state Record_Count and match
// it. What the formats cannot tell: facts
// with no typed field in lists.Entity (secondary sanctions risk, directive
// and listing dates, phone numbers, "Additional Sanctions Information") stay
// in Remarks; XML idList entries of that kind are appended to Remarks so
// both formats give the same text.
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
