package ofac

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
)

// Formats the parsers report in lists.Provenance.Format.
const (
	FormatCSV     = "ofac-csv"         // sdn.csv and its companions
	FormatConsCSV = "ofac-cons-csv"    // cons_prim.csv and its companions (consolidated non-SDN list)
	FormatXML     = "ofac-sdnlist-xml" // SDN.XML or CONSOLIDATED.XML
)

// Column counts of the legacy CSV files.
const (
	sdnCols      = 12 // ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks
	addCols      = 6  // ent_num, add_num, address, city/state/postal, country, add_remarks
	altCols      = 5  // ent_num, alt_num, alt_type, alt_name, alt_remarks
	commentsCols = 2  // ent_num, remarks continuation
)

// MaxLineBytes caps one physical line of a CSV file; a record is one line
// in OFAC's files, with remarks of at most 1,000 bytes.
const MaxLineBytes = 2 * MaxFieldBytes

// asciiReader passes an OFAC CSV file through, enforcing its byte-level
// rules: printable ASCII plus tab, CR and LF; an optional 0x1A (DOS
// end-of-file) as the very last byte, which it drops; lines of at most
// MaxLineBytes; at most MaxFileBytes. Its errors are *ParseError with the
// line, the byte offset and the ent_num that starts the line.
type asciiReader struct {
	r       io.Reader
	file    string
	line    int   // 1-based line of the next byte
	off     int64 // offset of the next byte
	lineLen int   // bytes read of the current line
	ent     []byte
	sub     bool // saw 0x1A: only EOF may follow
	// needSUB makes a file that ends without the 0x1A marker an error
	// (ErrNoEndMarker): OFAC writes it at the end of every main file, so
	// its absence means the file was cut short, perhaps at a line end
	// where nothing else would show it. Without needSUB the absence is
	// only noted in noSUB.
	needSUB bool
	noSUB   bool // reached EOF without the 0x1A marker
	err     error
}

// fail records a located error at offset off.
func (a *asciiReader) fail(off int64, err error) {
	ent := ""
	if validEntNum(string(a.ent)) {
		ent = string(a.ent)
	}
	a.err = &ParseError{File: a.file, Line: a.line, Offset: off, EntNum: ent, Err: err}
}

func (a *asciiReader) Read(p []byte) (int, error) {
	if a.err != nil {
		return 0, a.err
	}
	if a.sub {
		// Anything after the 0x1A marker is an error.
		var one [1]byte
		for empty := 0; ; empty++ {
			if empty > 100 {
				a.err = io.ErrNoProgress
				return 0, a.err
			}
			n, err := a.r.Read(one[:])
			if n > 0 {
				a.fail(a.off, ErrTrailingData)
				return 0, a.err
			}
			if err != nil {
				a.err = err
				return 0, err
			}
		}
	}
	n, err := a.r.Read(p)
	for i := 0; i < n; i++ {
		c := p[i]
		switch {
		case c == '\n':
			a.line++
			a.lineLen = 0
			a.ent = a.ent[:0]
			continue
		case c >= 0x20 && c < 0x7f, c == '\r', c == '\t':
		case c == 0x1a:
			a.sub = true
			if i+1 < n {
				a.fail(a.off+int64(i)+1, ErrTrailingData)
			} else if err != nil {
				a.err = err
			}
			a.off += int64(i)
			return i, nil
		default:
			a.fail(a.off+int64(i), fmt.Errorf("%w: 0x%02X", ErrNotASCII, c))
			a.off += int64(i)
			return i, nil
		}
		if a.lineLen < 12 && c >= '0' && c <= '9' && len(a.ent) == a.lineLen {
			a.ent = append(a.ent, c)
		}
		a.lineLen++
		if a.lineLen > MaxLineBytes {
			a.fail(a.off+int64(i), fmt.Errorf("%w: line longer than %d bytes", ErrFieldTooLong, MaxLineBytes))
			a.off += int64(i)
			return i, nil
		}
	}
	a.off += int64(n)
	if a.off > MaxFileBytes {
		a.fail(a.off, errFileTooLarge)
		return n, nil
	}
	if err == io.EOF {
		a.noSUB = true
		if a.needSUB {
			a.fail(a.off, ErrNoEndMarker)
			return n, a.err
		}
	}
	return n, err
}

// csvFile reads the records of one file of the set with line-aware errors.
type csvFile struct {
	name string
	cols int
	r    *csv.Reader
	a    *asciiReader
	rows int
}

// newCSVFile reads one file of the set. The primary file and the alias
// and address files always end with OFAC's 0x1A marker (every real set in
// testdata: sdn, add, alt and the cons_ twins); the small comments file
// has been published without it (sdn_comments.csv of 2021-07), so there
// its absence is a warning, not an error.
func newCSVFile(name string, cols int, r io.Reader) *csvFile {
	a := &asciiReader{r: r, file: name, line: 1, ent: make([]byte, 0, 12), needSUB: cols != commentsCols}
	cr := csv.NewReader(a)
	cr.FieldsPerRecord = -1 // checked here, to name the ent_num
	cr.ReuseRecord = true
	return &csvFile{name: name, cols: cols, r: cr, a: a}
}

// next returns the next record, io.EOF at the end, or a *ParseError.
func (f *csvFile) next() ([]string, error) {
	rec, err := f.r.Read()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			return nil, pe
		}
		var ce *csv.ParseError
		if errors.As(err, &ce) {
			return nil, &ParseError{File: f.name, Line: ce.Line, Offset: -1, Err: err}
		}
		return nil, &ParseError{File: f.name, Offset: -1, Err: err}
	}
	f.rows++
	line, _ := f.r.FieldPos(0)
	ent := ""
	if len(rec) > 0 && len(rec[0]) <= 20 {
		ent = rec[0]
	}
	if f.rows > f.max() {
		return nil, &ParseError{File: f.name, Line: line, Offset: -1, EntNum: ent, Err: fmt.Errorf("%w: more than %d", ErrTooMany, f.max())}
	}
	if len(rec) != f.cols {
		return nil, &ParseError{File: f.name, Line: line, Offset: -1, EntNum: ent, Err: fmt.Errorf("%w: got %d, want %d", ErrFieldCount, len(rec), f.cols)}
	}
	for i, v := range rec {
		if len(v) > MaxFieldBytes {
			l, _ := f.r.FieldPos(i)
			return nil, &ParseError{File: f.name, Line: l, Offset: -1, EntNum: ent, Err: fmt.Errorf("%w: field %d has %d bytes", ErrFieldTooLong, i+1, len(v))}
		}
		rec[i] = null(v)
	}
	if !validEntNum(rec[0]) {
		return nil, &ParseError{File: f.name, Line: line, Offset: -1, EntNum: rec[0], Err: ErrBadEntNum}
	}
	return rec, nil
}

func (f *csvFile) max() int {
	if f.cols == sdnCols {
		return MaxEntities
	}
	return MaxRows
}

func (f *csvFile) errorf(ent string, err error) error {
	line, _ := f.r.FieldPos(0)
	return &ParseError{File: f.name, Line: line, Offset: -1, EntNum: ent, Err: err}
}

// null maps OFAC's null marker "-0- " to "" and trims spaces.
func null(s string) string {
	s = strings.TrimSpace(s)
	if s == "-0-" {
		return ""
	}
	return s
}

func validEntNum(s string) bool {
	if s == "" || len(s) > 12 || s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseCSVSet implements ParseCSV and ParseConsCSV.
func parseCSVSet(format string, names [4]string, sdn, add, alt, comments io.Reader) ([]lists.Entity, lists.Provenance, error) {
	prov := lists.Provenance{Source: lists.OFAC, Format: format}
	if sdn == nil {
		return nil, prov, &ParseError{File: names[0], Offset: -1, Err: errors.New("no primary file")}
	}
	var ents entities
	remarks := make([]string, 0, 1024)
	byNum := make(map[string]int, 1024)
	progs := programCache{}

	f := newCSVFile(names[0], sdnCols, sdn)
	for {
		rec, err := f.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, prov, err
		}
		if _, dup := byNum[rec[0]]; dup {
			return nil, prov, f.errorf(rec[0], ErrDuplicate)
		}
		e, err := sdnEntity(rec, progs)
		if err != nil {
			return nil, prov, f.errorf(rec[0], err)
		}
		byNum[rec[0]] = ents.add(e)
		remarks = append(remarks, rec[11])
	}
	if ents.n == 0 {
		return nil, prov, &ParseError{File: names[0], Offset: -1, Err: fmt.Errorf("%w: no row in %s", lists.ErrNoRecords, names[0])}
	}

	// Remarks cut at 1,000 bytes continue in sdn_comments.csv, often mid-word:
	// join without a separator.
	cf, err := eachCompanionFile(names[3], commentsCols, comments, byNum, func(f *csvFile, i int, rec []string) error {
		if len(remarks[i])+len(rec[1]) > MaxFieldBytes {
			return f.errorf(rec[0], fmt.Errorf("%w: joined remarks", ErrFieldTooLong))
		}
		remarks[i] += rec[1]
		return nil
	})
	if err != nil {
		return nil, prov, err
	}
	if cf != nil && cf.a.noSUB {
		prov.Warnings = append(prov.Warnings, fmt.Sprintf("%s ends at line %d without OFAC's 0x1A end-of-file marker: it may be cut short (remarks continued in it may be missing); compare its size with the official file", names[3], cf.a.line))
	}

	// Strong aliases before the remarks' weak ones.
	err = eachCompanion(names[2], altCols, alt, byNum, func(f *csvFile, i int, rec []string) error {
		var t lists.NameType
		switch strings.ToLower(rec[2]) {
		case "aka", "a.k.a.":
			t = lists.AKA
		case "fka", "f.k.a.":
			t = lists.FKA
		case "nka", "n.k.a.":
			t = lists.NKA
		default:
			return f.errorf(rec[0], fmt.Errorf("%w: alt_type %q", ErrBadValue, rec[2]))
		}
		if rec[3] == "" {
			return nil
		}
		e := ents.at(i)
		n := lists.Name{Full: rec[3], Type: t, Quality: lists.Strong, Script: "Latn", Note: rec[4]}
		if e.Kind == lists.Person {
			n.Last, n.First = splitPersonName(n.Full)
		}
		e.Names = append(e.Names, n)
		return nil
	})
	if err != nil {
		return nil, prov, err
	}

	err = eachCompanion(names[1], addCols, add, byNum, func(_ *csvFile, i int, rec []string) error {
		a := lists.Address{Street: rec[2], CountryName: rec[4], Country: country(rec[4]), Note: rec[5]}
		a.City, a.State, a.PostalCode = splitCityLine(rec[3])
		e := ents.at(i)
		e.Addresses = append(e.Addresses, a)
		return nil
	})
	if err != nil {
		return nil, prov, err
	}

	for i, r := range remarks {
		if r != "" {
			e := ents.at(i)
			e.Remarks = r
			applyRemarks(e, r)
		}
	}
	prov.Records = ents.n
	return ents.flatten(), prov, nil
}

// eachCompanion reads a companion file (add.csv, alt.csv, sdn_comments.csv)
// of cols columns, if r is not nil, and calls apply with the index of the
// entity each row belongs to. A row whose ent_num is not in the primary
// file is an error: mixing files of different dates must not pass.
func eachCompanion(name string, cols int, r io.Reader, byNum map[string]int, apply func(f *csvFile, i int, rec []string) error) error {
	_, err := eachCompanionFile(name, cols, r, byNum, apply)
	return err
}

// eachCompanionFile is eachCompanion returning the file read (nil when r
// is nil), for what it noted on the way (a missing end marker).
func eachCompanionFile(name string, cols int, r io.Reader, byNum map[string]int, apply func(f *csvFile, i int, rec []string) error) (*csvFile, error) {
	if r == nil {
		return nil, nil
	}
	f := newCSVFile(name, cols, r)
	for {
		rec, err := f.next()
		if err == io.EOF {
			return f, nil
		}
		if err != nil {
			return f, err
		}
		i, ok := byNum[rec[0]]
		if !ok {
			return f, f.errorf(rec[0], ErrUnknownEntNum)
		}
		if err := apply(f, i, rec); err != nil {
			return f, err
		}
	}
}

// entities collects entities in fixed-size chunks, so that a growing list
// of large structs is not copied over and over; flatten makes the one
// final slice.
type entities struct {
	chunks [][]lists.Entity
	n      int
}

const chunkSize = 1024

func (c *entities) add(e lists.Entity) int {
	if c.n%chunkSize == 0 {
		c.chunks = append(c.chunks, make([]lists.Entity, 0, chunkSize))
	}
	last := len(c.chunks) - 1
	c.chunks[last] = append(c.chunks[last], e)
	c.n++
	return c.n - 1
}

func (c *entities) at(i int) *lists.Entity { return &c.chunks[i/chunkSize][i%chunkSize] }

func (c *entities) flatten() []lists.Entity {
	out := make([]lists.Entity, 0, c.n)
	for _, ch := range c.chunks {
		out = append(out, ch...)
	}
	return out
}

// programCache remembers lists.OFACProgram's answer per tag: a list has a
// few hundred distinct tags over thousands of entries.
type programCache map[string]lists.Program

func (c programCache) get(code string) lists.Program {
	p, ok := c[code]
	if !ok {
		p = lists.OFACProgram(code)
		c[code] = p
	}
	return p
}

// sdnEntity builds an entity from one sdn.csv record (nulls already mapped
// to ""). Remarks are applied later, after sdn_comments.csv is joined.
func sdnEntity(rec []string, progs programCache) (lists.Entity, error) {
	e := lists.Entity{ID: "ofac:" + rec[0], Source: lists.OFAC}
	switch strings.ToLower(rec[2]) {
	case "individual":
		e.Kind, e.ListType = lists.Person, "individual"
	case "vessel":
		e.Kind, e.ListType = lists.Vessel, "vessel"
	case "aircraft":
		e.Kind, e.ListType = lists.Aircraft, "aircraft"
	case "", "entity":
		e.Kind, e.ListType = lists.Organization, "entity"
	default:
		return e, fmt.Errorf("%w: SDN_Type %q", ErrBadValue, rec[2])
	}
	if rec[1] == "" {
		return e, fmt.Errorf("%w: empty SDN_Name", ErrBadValue)
	}
	n := lists.Name{Full: rec[1], Type: lists.Primary, Quality: lists.Strong, Script: "Latn"}
	if e.Kind == lists.Person {
		n.Last, n.First = splitPersonName(n.Full)
	}
	e.Names = []lists.Name{n}
	e.Programs = programs(rec[3], progs)
	if rec[4] != "" {
		e.Titles = []string{rec[4]}
	}
	if rec[5] != "" || rec[6] != "" || rec[7] != "" || rec[8] != "" || rec[9] != "" || rec[10] != "" {
		flag := country(rec[9])
		if flag == "" {
			flag = rec[9]
		}
		e.Vessel = &lists.VesselInfo{CallSign: rec[5], Type: rec[6], Tonnage: rec[7], GRT: rec[8], Flag: flag, Owner: rec[10]}
	}
	return e, nil
}

// programs splits the Program field. It holds one or more tags as they
// appear between brackets in OFAC's publications, the outer brackets
// dropped: "SDNTK] [ILLICIT-DRUGS-EO14059". Every tag is kept, in order.
func programs(field string, cache programCache) []lists.Program {
	ps := make([]lists.Program, 0, strings.Count(field, "]")+1)
	for field != "" {
		var t string
		t, field, _ = strings.Cut(field, "]")
		t = strings.TrimSpace(strings.Trim(strings.TrimSpace(t), "[]"))
		if t == "" {
			continue
		}
		dup := false
		for _, p := range ps {
			if p.Code == t {
				dup = true
			}
		}
		if !dup {
			ps = append(ps, cache.get(t))
		}
	}
	return ps
}

// splitCityLine splits add.csv's city/state/postal column, which OFAC
// writes as "City, State Postal" with any part missing ("London EC3N 1DY",
// "Richardson, TX 75081", "Montreal, Quebec", "Havana"). The postal code
// is the run of trailing words that contain a digit; the city is what
// precedes the first comma, the state what follows it. A postal code
// without digits ("Rotterdam 3022 TH") stays in the city or state.
func splitCityLine(s string) (city, state, postal string) {
	rest := s
	for {
		i := strings.LastIndexByte(rest, ' ')
		w := rest[i+1:]
		if !strings.ContainsAny(w, "0123456789") {
			break
		}
		rest = strings.TrimRight(rest[:max(i, 0)], " ,")
		if i < 0 {
			break
		}
	}
	postal = strings.TrimSpace(strings.TrimPrefix(s[len(rest):], ","))
	city, state, _ = strings.Cut(rest, ",")
	return strings.TrimSpace(city), strings.TrimSpace(state), postal
}
