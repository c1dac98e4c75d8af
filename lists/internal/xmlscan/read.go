package xmlscan

import (
	"fmt"
	"io"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
)

// Read parses a whole list file as f describes: it decodes each record
// element into a new R, maps it with entity and returns the entities in
// file order with their Provenance (Source, Format, Published from the
// root, Records; the loader, which has the file, fills File and SHA256).
// The parsers keep only their schema (R) and its mapping.
//
// A failure names the record as "INDIVIDUAL #12 at byte 5034 (after
// un:CDi.011)", with the Format.IDAttr attribute when there is one. An
// entity id seen twice is an error (the list would double-count hits), and
// so is a file without records ([lists.ErrNoRecords]): an empty list
// loaded by mistake would silently stop all screening against its source.
func Read[R any](r io.Reader, f *Format, entity func(*R) (lists.Entity, error)) ([]lists.Entity, lists.Provenance, error) {
	s := New(r, f)
	var out []lists.Entity
	ids := make(map[string]bool)
	last := "" // id of the last good record, for error context
	for n := 1; s.Next(); n++ {
		where := s.label(n, last)
		var rec R
		if err := s.Decode(&rec, where); err != nil {
			return nil, lists.Provenance{}, err
		}
		e, err := entity(&rec)
		if err != nil {
			return nil, lists.Provenance{}, f.NewError(s.start, 0, where, err)
		}
		if ids[e.ID] {
			_, id, _ := strings.Cut(e.ID, ":")
			return nil, lists.Provenance{}, f.NewError(s.start, 0, where, fmt.Errorf("duplicate %s %q", f.IDName, id))
		}
		ids[e.ID] = true
		last = e.ID
		out = append(out, e)
	}
	if err := s.Err(); err != nil {
		return nil, lists.Provenance{}, err
	}
	if len(out) == 0 {
		return nil, lists.Provenance{}, s.Fail("", fmt.Errorf("%w: no %s element", lists.ErrNoRecords, strings.Join(f.Records, " or ")))
	}
	return out, lists.Provenance{Source: f.Source, Format: f.Provenance, Published: s.Published(), Records: len(out)}, nil
}

// label is how errors name the record Next stopped at, the n-th of the file.
func (s *Scanner) label(n int, last string) string {
	where := fmt.Sprintf("%s #%d", s.elem.Name.Local, n)
	for _, a := range s.elem.Attr {
		if s.f.IDAttr != "" && a.Name.Local == s.f.IDAttr {
			id := a.Value
			if len(id) > 32 {
				id = id[:32] + "..."
			}
			where += fmt.Sprintf(" %s=%q", s.f.IDAttr, id)
		}
	}
	where += fmt.Sprintf(" at byte %d", s.start)
	if last != "" {
		where += " (after " + last + ")"
	}
	return where
}
