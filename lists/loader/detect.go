package loader

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
)

// Format is a list file format as detected from content.
type Format string

// The formats Detect recognises. The four OFAC CSV shapes are parts of one
// set; the loader groups them by directory.
const (
	FormatUnknown      Format = ""
	FormatOFACXML      Format = "ofac-sdnlist-xml"    // SDN.XML, CONSOLIDATED.XML (root sdnList)
	FormatEUXML        Format = "eu-fsf-xml"          // EU Financial Sanctions File (root export)
	FormatUNXML        Format = "un-consolidated-xml" // UN consolidated list (root CONSOLIDATED_LIST)
	FormatOFACPrimary  Format = "ofac-csv-primary"    // sdn.csv, cons_prim.csv: 12 columns
	FormatOFACAddress  Format = "ofac-csv-add"        // add.csv, cons_add.csv: 6 columns
	FormatOFACAlias    Format = "ofac-csv-alt"        // alt.csv, cons_alt.csv: 5 columns, aka/fka/nka
	FormatOFACComments Format = "ofac-csv-comments"   // sdn_comments.csv, cons_comments.csv: 2 columns
)

// SniffLen is how many leading bytes Detect needs to decide: enough for an
// XML prolog with comments, or the first record of an OFAC CSV file.
const SniffLen = 64 << 10

// ErrUnknownFormat is returned (wrapped, with the reason) for content that is
// none of the list formats.
var ErrUnknownFormat = errors.New("unknown list format")

// Detect tells the format of a list file from its first bytes (up to
// SniffLen; fewer for a short file). It never trusts a file name: a
// download saved as "sdn.csv" that holds an HTML error page is an error.
//
// XML is recognised by the local name of the root element, whatever the
// namespace (OFAC changed its namespace between years). CSV is recognised by
// the shape of its first record: an all-digit ent_num, then the column count
// and the values of typed columns (sdn_type, alt_type).
func Detect(head []byte) (Format, error) {
	b := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")) // UTF-8 BOM
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 {
		return FormatUnknown, fmt.Errorf("%w: empty", ErrUnknownFormat)
	}
	if b[0] == '<' {
		root, err := xmlRoot(b)
		if err != nil {
			return FormatUnknown, fmt.Errorf("%w: %v", ErrUnknownFormat, err)
		}
		switch root {
		case "sdnList":
			return FormatOFACXML, nil
		case "export":
			return FormatEUXML, nil
		case "CONSOLIDATED_LIST":
			return FormatUNXML, nil
		}
		return FormatUnknown, fmt.Errorf("%w: XML root element <%s>", ErrUnknownFormat, root)
	}
	if b[0] >= '0' && b[0] <= '9' {
		return detectCSV(b)
	}
	return FormatUnknown, fmt.Errorf("%w: starts with %q", ErrUnknownFormat, snippet(b))
}

// xmlRoot returns the local name of the first element, skipping the XML
// declaration, processing instructions, comments and a DOCTYPE. It scans
// bytes rather than using encoding/xml so that an XML 1.1 declaration or a
// cut-off prolog does not stop detection.
func xmlRoot(b []byte) (string, error) {
	for {
		b = bytes.TrimLeft(b, " \t\r\n")
		if len(b) == 0 || b[0] != '<' {
			return "", errors.New("no root element in the first bytes")
		}
		var end []byte
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(b, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(b, []byte("<!")):
			end = []byte(">")
		}
		if end != nil {
			i := bytes.Index(b, end)
			if i < 0 {
				return "", errors.New("unterminated XML prolog")
			}
			b = b[i+len(end):]
			continue
		}
		name := b[1:]
		i := bytes.IndexAny(name, " \t\r\n/>")
		if i < 0 {
			return "", errors.New("unterminated root element")
		}
		name = name[:i]
		if j := bytes.IndexByte(name, ':'); j >= 0 {
			name = name[j+1:]
		}
		if len(name) == 0 {
			return "", errors.New("empty element name")
		}
		return string(name), nil
	}
}

func detectCSV(b []byte) (Format, error) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i+1] // the first line is enough for every shape
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	rec, err := r.Read()
	if err != nil {
		return FormatUnknown, fmt.Errorf("%w: first line is not CSV: %v", ErrUnknownFormat, err)
	}
	for _, c := range strings.TrimSpace(rec[0]) {
		if c < '0' || c > '9' {
			return FormatUnknown, fmt.Errorf("%w: first field %q is not an OFAC ent_num", ErrUnknownFormat, snippet([]byte(rec[0])))
		}
	}
	field := func(i int) string { return strings.ToLower(strings.TrimSpace(rec[i])) }
	switch len(rec) {
	case 12:
		switch field(2) {
		case "individual", "vessel", "aircraft", "-0-", "":
			return FormatOFACPrimary, nil
		}
	case 6:
		return FormatOFACAddress, nil
	case 5:
		switch field(2) {
		case "aka", "fka", "nka":
			return FormatOFACAlias, nil
		}
	case 2:
		return FormatOFACComments, nil
	}
	return FormatUnknown, fmt.Errorf("%w: CSV with %d columns is none of the OFAC shapes", ErrUnknownFormat, len(rec))
}

func snippet(b []byte) string {
	if len(b) > 32 {
		b = b[:32]
	}
	return string(b)
}
