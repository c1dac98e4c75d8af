package audit

import (
	"bytes"
	"fmt"
	"io"
)

// readTail finds the last record of a log without reading the rest: it
// reads backwards from the end to the last newline (what follows it is a
// torn tail), then back to the newline before that, and checks that last
// line's own hash. It relies on one record per line and cannot see anything
// wrong before the last line; Report.Records is the last record's seq.
func readTail(r io.ReaderAt, size int64) (Report, error) {
	var rep Report
	window := int64(MaxRecordSize + 1)
	end, err := lastNewline(r, size, max(0, size-window))
	if err != nil {
		return rep, err
	}
	if end < 0 && size > window {
		return rep, &TamperError{Offset: size - window, Problem: ProblemMalformed,
			Detail: fmt.Sprintf("no newline in the last %d bytes", window)}
	}
	if end < size-1 { // bytes after the last newline
		tail := make([]byte, min(size-end-1, int64(MaxRecordSize)))
		if _, err := r.ReadAt(tail, end+1); err != nil {
			return rep, fmt.Errorf("audit: read log tail at byte %d: %w", end+1, err)
		}
		if why := notTorn(tail, size-end-1 > MaxRecordSize); why != "" {
			return rep, &TamperError{Offset: end + 1, Problem: ProblemMalformed, Detail: why}
		}
		rep.Torn = &TornTailError{Line: 1, Offset: end + 1, Size: size - end - 1}
	}
	if end < 0 {
		return rep, nil
	}
	start, err := lastNewline(r, end, max(0, end-window))
	if err != nil {
		return rep, err
	}
	if start < 0 && end > window {
		return rep, &TamperError{Offset: end - window, Problem: ProblemMalformed,
			Detail: fmt.Sprintf("last line is more than MaxRecordSize (%d) bytes", MaxRecordSize)}
	}
	start++
	line := make([]byte, end-start)
	if _, err := r.ReadAt(line, start); err != nil {
		return rep, fmt.Errorf("audit: read last record at byte %d: %w", start, err)
	}
	bad := func(seq uint64, p Problem, detail string, cause error) error {
		return &TamperError{Offset: start, Seq: seq, Problem: p, Detail: "last record: " + detail, Err: cause}
	}
	if len(line) == 0 {
		return rep, bad(0, ProblemMalformed, "empty line", nil)
	}
	rec, err := decodeRecord(line)
	if err != nil {
		return rep, bad(rec.Seq, ProblemMalformed, "not a record", err)
	}
	if h, _ := hashRecord(&rec, nil); h != rec.Hash {
		return rep, bad(rec.Seq, ProblemHash, "content does not match its hash", nil)
	}
	rep.Records, rep.Head, rep.Size = rec.Seq, rec, end+1
	if rep.Torn != nil {
		rep.Torn.Line = int(rec.Seq) + 1
	}
	return rep, nil
}

// lastNewline returns the offset of the last '\n' in r before offset end,
// looking no further back than floor; -1 if there is none.
func lastNewline(r io.ReaderAt, end, floor int64) (int64, error) {
	buf := make([]byte, 64<<10)
	for end > floor {
		n := min(int64(len(buf)), end-floor)
		chunk := buf[:n]
		if _, err := r.ReadAt(chunk, end-n); err != nil {
			return 0, fmt.Errorf("audit: read log tail at byte %d: %w", end-n, err)
		}
		if i := bytes.LastIndexByte(chunk, '\n'); i >= 0 {
			return end - n + int64(i), nil
		}
		end -= n
	}
	return -1, nil
}
