package payments

import (
	"errors"
	"strings"
	"testing"
)

// TestRJEStrayOpenBrace_generated: an empty "{" after a complete message
// (as in the real MT103-out-ack.rje) holds nothing and is passed over with
// a note; a "{" with anything after it is still a syntax error.
func TestRJEStrayOpenBrace_generated(t *testing.T) {
	msg := mt103("F01AAAAUSLAAXXX5195167828", ":50K:/1\nANNA SCHMIDT", ":59:/2\nJOHN SMITH")
	for _, c := range []struct {
		name, in string
		ok       bool
	}{
		{"before separator", msg + "{\r\n$\r\n" + msg, true},
		{"at end", msg + "{ \r\n", true},
		{"with content", msg + "{X\r\n$\r\n" + msg, false},
		{"before any text block", "{1:F01AAAAUSLAAXXX5195167828}{\r\n$" + msg, false},
	} {
		ps := parseMT([]byte(c.in))
		if c.ok {
			if ps.err != nil || len(ps.skipped) != 1 || !strings.Contains(ps.skipped[0], "stray") {
				t.Errorf("%s: err %v, skipped %q; want read in full, the brace noted", c.name, ps.err, ps.skipped)
			}
			continue
		}
		if !errors.Is(ps.err, ErrSyntax) {
			t.Errorf("%s: err %v; want a syntax error", c.name, ps.err)
		}
	}
}
