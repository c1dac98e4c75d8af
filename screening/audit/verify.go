package audit

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"strconv"
	"strings"
	"time"
)

// MaxRecordSize bounds one line of the log in bytes, so that reading a
// damaged or hostile file needs bounded memory. Append refuses bodies of
// more than MaxRecordSize-1024 bytes (once canonical), which leaves room
// for the other fields.
const MaxRecordSize = 8 << 20

// maxBodySize is the largest body Append takes: the rest of a line (hash,
// prev, seq, time, a type of at most 64 bytes, keys) takes under 400 bytes.
const maxBodySize = MaxRecordSize - 1024

// ErrTampered is matched (errors.Is) by every *TamperError: the log was
// changed, records were deleted, inserted or reordered, or a line is not a
// valid record.
var ErrTampered = errors.New("audit: log tampered or corrupt")

// ErrTornTail is matched (errors.Is) by *TornTailError: the log ends in a
// partial line, which is what a crash in the middle of a write leaves. It is
// not tampering: no acknowledged record can be in a torn tail.
var ErrTornTail = errors.New("audit: torn tail")

// Problem names what is wrong with the first bad record of a log.
type Problem string

// Problems Verify reports.
const (
	// ProblemMalformed: the line is not a record (bad JSON, invalid UTF-8,
	// a missing, extra or mistyped field, a time not in UTC, an over-long
	// line, an empty line).
	ProblemMalformed Problem = "malformed"
	// ProblemHash: the record's content does not match its hash (it was
	// edited).
	ProblemHash Problem = "hash mismatch"
	// ProblemSeq: the record's seq is not the previous one plus one
	// (records were deleted, inserted or reordered, or a seq was edited).
	ProblemSeq Problem = "seq mismatch"
	// ProblemPrev: the record's prev is not the previous record's hash (the
	// chain was broken, e.g. a record was replaced by one with a valid hash).
	ProblemPrev Problem = "prev mismatch"
	// ProblemColumn: a column of a PostgreSQL row (seq, hash, prev_hash,
	// time, type or an index column) disagrees with the record it holds.
	ProblemColumn Problem = "column mismatch"
)

// TamperError names the first bad record of a log: its line (1-based), the
// byte offset where the line starts, the seq written on it (0 when it cannot
// be read) and what is wrong.
type TamperError struct {
	Line    int
	Offset  int64
	Seq     uint64
	Problem Problem
	Detail  string
	Err     error // underlying cause, e.g. a JSON syntax error; may be nil

	// Where, when set, names the place of a record kept outside a file
	// (e.g. "table audit_log"), and Line and Offset are not used.
	Where string
}

// Error says where the first bad record is and what is wrong with it.
func (e *TamperError) Error() string {
	var where []string
	switch {
	case e.Where != "":
		where = append(where, e.Where)
	default:
		if e.Line > 0 {
			where = append(where, fmt.Sprintf("line %d", e.Line))
		}
		where = append(where, fmt.Sprintf("byte %d", e.Offset))
	}
	if e.Seq != 0 {
		where = append(where, fmt.Sprintf("seq %d", e.Seq))
	}
	s := fmt.Sprintf("audit: %s: %s: %s", strings.Join(where, ", "), e.Problem, e.Detail)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Is reports that a TamperError is an ErrTampered.
func (e *TamperError) Is(target error) bool { return target == ErrTampered }

// Unwrap returns the underlying cause.
func (e *TamperError) Unwrap() error { return e.Err }

// TornTailError describes a partial last line: it starts at byte Offset, on
// line Line, and is Size bytes long with no newline.
type TornTailError struct {
	Line   int
	Offset int64
	Size   int64
}

// Error says where the torn tail starts and how long it is.
func (e *TornTailError) Error() string {
	return fmt.Sprintf("audit: torn tail: line %d at byte %d: %d bytes without a newline", e.Line, e.Offset, e.Size)
}

// Is reports that a TornTailError is an ErrTornTail.
func (e *TornTailError) Is(target error) bool { return target == ErrTornTail }

// Reader reads records back from a log and checks each one as it goes: its
// hash, that its seq follows the previous one and that its prev is the
// previous hash. So every record Next returns is part of a valid chain from
// seq 1. The CLI's review command and Verify are built on it.
type Reader struct {
	br     *bufio.Reader
	buf    []byte
	line   int   // line number of the last line read
	off    int64 // byte offset of the next line
	seq    uint64
	head   string
	err    error
	hashIn []byte
}

// NewReader returns a Reader over a log in JSON Lines form, starting at its
// first record (seq 1).
func NewReader(r io.Reader) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, 64<<10)}
}

// Next returns the next record. At the clean end of the log it returns
// io.EOF; at a partial last line a *TornTailError; at the first bad record a
// *TamperError. Errors are sticky.
func (r *Reader) Next() (Record, error) {
	if r.err != nil {
		return Record{}, r.err
	}
	rec, err := r.next()
	if err != nil {
		r.err = err
	}
	return rec, err
}

// Line returns the line number of the line last read (1-based).
func (r *Reader) Line() int { return r.line }

// Offset returns the byte offset just past the last good record: the length
// of the valid prefix of the log.
func (r *Reader) Offset() int64 { return r.off }

func (r *Reader) next() (Record, error) {
	start := r.off
	line, complete, tooLong, n, err := r.readLine()
	if err != nil {
		return Record{}, fmt.Errorf("audit: read line %d: %w", r.line+1, err)
	}
	if n == 0 {
		return Record{}, io.EOF
	}
	r.line++
	bad := func(seq uint64, p Problem, detail string, cause error) error {
		return &TamperError{Line: r.line, Offset: start, Seq: seq, Problem: p, Detail: detail, Err: cause}
	}
	if !complete {
		if why := notTorn(line, tooLong); why != "" {
			return Record{}, bad(0, ProblemMalformed, why, nil)
		}
		return Record{}, &TornTailError{Line: r.line, Offset: start, Size: n}
	}
	if tooLong {
		return Record{}, bad(0, ProblemMalformed, fmt.Sprintf("line is %d bytes, more than MaxRecordSize (%d)", n, MaxRecordSize), nil)
	}
	line = line[:len(line)-1] // drop '\n'
	if len(line) == 0 {
		return Record{}, bad(0, ProblemMalformed, "empty line", nil)
	}
	rec, err := decodeRecord(line)
	if err != nil {
		detail := "not a record"
		if line[0] == 0 {
			// Some file systems show unsynced blocks as zeros after a
			// power loss. With FsyncAlways no record from here on was
			// acknowledged; with FsyncNever, they may have been.
			detail = "line starts with NUL bytes, as unsynced data can after a power loss"
		}
		return Record{}, bad(rec.Seq, ProblemMalformed, detail, err)
	}
	var want string
	want, r.hashIn = hashRecord(&rec, r.hashIn)
	switch {
	case rec.Hash != want:
		return Record{}, bad(rec.Seq, ProblemHash, fmt.Sprintf("hash is %s, content hashes to %s", rec.Hash, want), nil)
	case rec.Seq != r.seq+1:
		return Record{}, bad(rec.Seq, ProblemSeq, fmt.Sprintf("want seq %d after seq %d", r.seq+1, r.seq), nil)
	case rec.Prev != r.head:
		return Record{}, bad(rec.Seq, ProblemPrev, fmt.Sprintf("prev is %s, previous record's hash is %s", rec.Prev, r.head), nil)
	}
	r.seq, r.head = rec.Seq, rec.Hash
	r.off = start + n
	return rec, nil
}

// recordStart is how every line the log writes begins (appendLine).
const recordStart = `{"body":`

// notTorn says why bytes after the last newline cannot be a record cut
// short by a crash, or "" when they can. A torn write is a prefix of a
// line appendLine wrote: it starts as every record does and holds only
// the bytes canonical JSON uses, within MaxRecordSize; or, after a power
// loss, it is NUL bytes from unsynced blocks. Anything else was appended
// by someone else and must not pass as a harmless torn tail. tooLong says
// the bytes were longer than MaxRecordSize (line is then empty).
func notTorn(line []byte, tooLong bool) string {
	if tooLong {
		return fmt.Sprintf("bytes after the last record are longer than any record (MaxRecordSize %d): not a torn write", MaxRecordSize)
	}
	if len(bytes.Trim(line, "\x00")) == 0 {
		return ""
	}
	n := min(len(line), len(recordStart))
	if !bytes.Equal(line[:n], []byte(recordStart)[:n]) {
		return fmt.Sprintf("bytes after the last record (%q...) do not start as a record does: not a torn write", clipBytes(line, 16))
	}
	for i, c := range line {
		if c < 0x20 || c == 0x7f {
			return fmt.Sprintf("bytes after the last record hold control byte 0x%02X at %d, which the log never writes: not a torn write", c, i)
		}
	}
	return ""
}

func clipBytes(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// readLine reads one line into r.buf, keeping at most MaxRecordSize+1
// bytes of it. It returns n, the number of bytes the line takes in the file;
// complete is false when the input ended before a newline.
func (r *Reader) readLine() (line []byte, complete, tooLong bool, n int64, err error) {
	r.buf = r.buf[:0]
	for {
		frag, err := r.br.ReadSlice('\n')
		n += int64(len(frag))
		if !tooLong {
			if len(r.buf)+len(frag) > MaxRecordSize+1 {
				tooLong = true
				r.buf = r.buf[:0]
			} else {
				r.buf = append(r.buf, frag...)
			}
		}
		switch err {
		case nil:
			return r.buf, true, tooLong, n, nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			return r.buf, false, tooLong, n, nil
		default:
			return nil, false, false, n, err
		}
	}
}

// decodeRecord parses one line (without its newline) into a Record with a
// canonical Body. It requires exactly the six fields, of the right types,
// with the time in UTC in the form formatTime writes, so that the Record
// re-encodes to the same hash input as the line.
func decodeRecord(line []byte) (Record, error) {
	var rec Record
	v, err := parseJSON(line)
	if err != nil {
		return rec, err
	}
	if v.kind != 'o' {
		return rec, errors.New("line is not a JSON object")
	}
	// Read seq first, so that errors can name the record.
	for _, m := range v.members {
		if m.key == "seq" && m.val.kind == 'n' {
			rec.Seq, _ = strconv.ParseUint(m.val.str, 10, 64)
		}
	}
	var have [6]bool
	var timeStr string
	for _, m := range v.members {
		i := -1
		switch m.key {
		case "seq":
			i = 0
			if m.val.kind != 'n' {
				return rec, errors.New("seq is not a number")
			}
			rec.Seq, err = strconv.ParseUint(m.val.str, 10, 64)
			if err != nil || rec.Seq == 0 {
				return rec, fmt.Errorf("seq %s is not a positive integer", m.val.str)
			}
		case "time":
			i = 1
			if m.val.kind != 's' {
				return rec, errors.New("time is not a string")
			}
			timeStr = m.val.str
		case "type":
			i = 2
			if m.val.kind != 's' || m.val.str == "" {
				return rec, errors.New("type is not a non-empty string")
			}
			rec.Type = m.val.str
		case "body":
			i = 3
			rec.Body = m.val.appendCanonical(nil)
		case "prev":
			i = 4
			if m.val.kind != 's' {
				return rec, errors.New("prev is not a string")
			}
			rec.Prev = m.val.str
		case "hash":
			i = 5
			if m.val.kind != 's' {
				return rec, errors.New("hash is not a string")
			}
			rec.Hash = m.val.str
		default:
			return rec, fmt.Errorf("unknown field %q", m.key)
		}
		have[i] = true
	}
	for i, name := range [6]string{"seq", "time", "type", "body", "prev", "hash"} {
		if !have[i] {
			return rec, fmt.Errorf("missing field %q", name)
		}
	}
	t, err := time.Parse(time.RFC3339Nano, timeStr)
	if err != nil {
		return rec, fmt.Errorf("time: %w", err)
	}
	if formatTime(t) != timeStr {
		return rec, fmt.Errorf("time %q is not UTC in RFC 3339 form %q", timeStr, formatTime(t))
	}
	rec.Time = t.UTC()
	return rec, nil
}

// Records iterates over the records of a log, checking each as Reader does.
// The iteration ends after the first error (io.EOF is not reported).
func Records(r io.Reader) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		rd := NewReader(r)
		for {
			rec, err := rd.Next()
			if err == io.EOF {
				return
			}
			if !yield(rec, err) || err != nil {
				return
			}
		}
	}
}

// FindSeq returns the record with the given seq, reading (and checking) the
// log up to it. It returns an error wrapping io.EOF if the log is shorter.
func FindSeq(r io.Reader, seq uint64) (Record, error) {
	rd := NewReader(r)
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			return Record{}, fmt.Errorf("audit: seq %d not found (log has %d records): %w", seq, rd.seq, io.EOF)
		}
		if err != nil {
			return Record{}, err
		}
		if rec.Seq == seq {
			return rec, nil
		}
	}
}

// Report is what Verify found.
type Report struct {
	Records uint64         // valid records, from seq 1
	Head    Record         // the last valid record (zero if none)
	Size    int64          // bytes of the valid prefix: where a torn tail starts
	Torn    *TornTailError // the partial last line, if any
}

// Verify reads a whole log and checks the chain: every record's hash, seqs
// 1, 2, 3, ... without gaps, each prev equal to the previous hash. It
// returns a *TamperError (errors.Is(err, ErrTampered)) naming the first bad
// record, with the Report counting the records before it. A partial last
// line is not tampering: Verify returns a nil error and sets Report.Torn.
//
// The chain proves that records were not changed, removed or reordered
// relative to each other; it cannot show that records were cut off the end,
// or that the whole log was rewritten with fresh hashes. For that, keep
// Report.Head (or FileLog.Head) somewhere the log's writer cannot change,
// and use VerifyAnchor.
func Verify(r io.Reader) (Report, error) {
	var rep Report
	rd := NewReader(r)
	for {
		rec, err := rd.Next()
		switch {
		case err == nil:
			rep.Records++
			rep.Head = rec
			rep.Size = rd.Offset()
			continue
		case err == io.EOF:
			return rep, nil
		}
		var torn *TornTailError
		if errors.As(err, &torn) {
			rep.Torn = torn
			return rep, nil
		}
		return rep, err
	}
}

// VerifyFile runs Verify on the log at path.
func VerifyFile(path string) (Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return Report{}, fmt.Errorf("audit: verify: %w", err)
	}
	defer f.Close()
	rep, err := Verify(f)
	if err != nil {
		err = fmt.Errorf("audit: verify %s: %w", path, err)
	}
	return rep, err
}

// ErrAnchorMismatch is matched (errors.Is) by the error VerifyAnchor
// returns when the log does not hold the anchored record: records were cut
// off the end, or the log was rewritten.
var ErrAnchorMismatch = errors.New("audit: log does not match its anchor")

// VerifyAnchor verifies a log as Verify does and also checks it against an
// anchor: the seq and hash of a record taken earlier (from FileLog.Head or
// Report.Head) and kept where the log's writer cannot change it. This
// catches what the chain alone cannot: records cut off the end (the log is
// now shorter than seq) and a log rewritten from scratch with fresh hashes
// (the record at seq has another hash). Tampering is reported as by Verify;
// an anchor mismatch wraps ErrAnchorMismatch.
func VerifyAnchor(r io.Reader, seq uint64, hash string) (Report, error) {
	var rep Report
	var found bool
	rd := NewReader(r)
	for {
		rec, err := rd.Next()
		if err == nil {
			rep.Records++
			rep.Head = rec
			rep.Size = rd.Offset()
			if rec.Seq == seq {
				if rec.Hash != hash {
					return rep, fmt.Errorf("%w: seq %d (line %d) has hash %s, anchor says %s",
						ErrAnchorMismatch, seq, rd.Line(), rec.Hash, hash)
				}
				found = true
			}
			continue
		}
		var torn *TornTailError
		switch {
		case err == io.EOF:
		case errors.As(err, &torn):
			rep.Torn = torn
		default:
			return rep, err
		}
		if !found && seq > 0 {
			return rep, fmt.Errorf("%w: anchor is seq %d but the log ends at seq %d: records were cut off the end",
				ErrAnchorMismatch, seq, rep.Records)
		}
		return rep, nil
	}
}
