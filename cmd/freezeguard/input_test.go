package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/screening"
)

// Issue 9 item 4: an unbalanced quote used to swallow the rows after it
// into one name (2 output lines for 4 input rows, exit 0). Each physical
// line is now a record: the bad one is held and reported, the listed
// names after it are screened, the totals are checked, and the run exits 1.
func TestBatchCSVStrayQuote(t *testing.T) {
	in := "id,name\nq1,Anna Schmidt\nq2,\"Bad quote\nq3,Vladimir Vladimirovich Putin\nq4,Saddam Hussein Al-Tikriti\n"
	out, errOut := exitCLI(t, 1, in, "batch", "--lists", sdnCSV, "--lists", unNew)
	got := decodeLines(t, out)
	if len(got) != 4 {
		t.Fatalf("%d output lines for 4 input rows:\n%s", len(got), out)
	}
	for i, id := range []string{"q1", "q2", "q3", "q4"} {
		if got[i].Line != i+2 || got[i].ID != id {
			t.Errorf("output %d: line %d id %q, want line %d id %s", i, got[i].Line, got[i].ID, i+2, id)
		}
	}
	if _, held := got[1].flagged(screening.FlagUnreadableInput); got[1].Outcome != "HOLD" || !held || got[1].Error == nil || !strings.Contains(*got[1].Error, "line 3: invalid CSV") {
		t.Errorf("q2: %+v", got[1])
	}
	if got[0].Outcome != "CLEAR" || got[2].Outcome == "CLEAR" || got[3].Outcome == "CLEAR" ||
		!slices.Contains(hitIDs(got[2].Hits), "ofac:35096") || !slices.Contains(hitIDs(got[3].Hits), "un:IQi.001") {
		t.Errorf("outcomes %s %s %s %s; hits %v %v", got[0].Outcome, got[1].Outcome, got[2].Outcome, got[3].Outcome, hitIDs(got[2].Hits), hitIDs(got[3].Hits))
	}
	// A name with nothing to screen in it is held as unreadable too.
	out, _ = exitCLI(t, 1, "id,name\nz1,\u200b\nz2,!!!\n", "batch", "--lists", unNew)
	for _, g := range decodeLines(t, out) {
		if _, held := g.flagged(screening.FlagUnreadableInput); g.Outcome != "HOLD" || !held || g.Error == nil || g.Decision == "" {
			t.Errorf("%s: %+v", g.ID, g)
		}
	}
	for _, want := range []string{"line 3: invalid CSV", "5 input lines: 1 header, 0 blank, 4 written", "1 of 4 lines could not be screened"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

// A quoted field that spans lines, or is longer than any field can be, is
// an error for each line it covers; more fields than the header is an
// error (an unquoted comma would otherwise cut the name).
func TestBatchCSVBadFields(t *testing.T) {
	in := "id,name\n" +
		"a1,\"Saddam Hussein\n" + // the quoted name spans two lines
		"Al-Tikriti\"\n" +
		"a2,\"" + strings.Repeat("x", maxField+1) + "\"\n" +
		"a3,AL-TIKRITI, Saddam Hussein\n" +
		"a4,Ingrid Bergstrom\n"
	out, errOut := exitCLI(t, 1, in, "batch", "--lists", unNew)
	got := decodeLines(t, out)
	if len(got) != 5 {
		t.Fatalf("%d output lines for 5 input lines:\n%s", len(got), out)
	}
	for _, c := range []struct {
		i    int
		want string
	}{{0, "not closed on this line"}, {1, `bare "`}, {2, fmt.Sprintf("more than the %d", maxField)}, {3, "3 fields, the header has 2"}} {
		g := got[c.i]
		if _, held := g.flagged(screening.FlagUnreadableInput); g.Outcome != "HOLD" || !held || g.Error == nil || !strings.Contains(*g.Error, c.want) || g.Line != c.i+2 {
			t.Errorf("line %d: %+v, want held with %q", c.i+2, g, c.want)
		}
		if !strings.Contains(errOut, fmt.Sprintf("line %d:", c.i+2)) {
			t.Errorf("line %d not reported on stderr", c.i+2)
		}
	}
	if got[4].Outcome != "CLEAR" || got[4].Error != nil {
		t.Errorf("a4: %+v", got[4])
	}
}

// Issue 9 item 9: JSON keys matched regardless of case, the last duplicate
// winning: {"name":"Vladimir Vladimirovich Putin","NAME":"Anna Schmidt"}
// screened Anna Schmidt. Such lines are held as unreadable now.
func TestBatchJSONKeys(t *testing.T) {
	in := `{"name":"Vladimir Vladimirovich Putin","NAME":"Anna Schmidt"}` + "\n" +
		`{"name":"Anna Schmidt","name":"Saddam Hussein Al-Tikriti"}` + "\n" +
		`{"Name":"Anna Schmidt"}` + "\n" +
		`{"id":"ok","name":"Anna Schmidt","kind":"person","dob":"1970","country":"DE"}` + "\n"
	out, _ := exitCLI(t, 1, in, "batch", "--lists", unNew)
	got := decodeLines(t, out)
	if len(got) != 4 {
		t.Fatalf("%d output lines:\n%s", len(got), out)
	}
	for i, want := range []string{`key "NAME": write it "name"`, `key "name" given twice`, `key "Name"`} {
		if _, held := got[i].flagged(screening.FlagUnreadableInput); got[i].Outcome != "HOLD" || !held || got[i].Error == nil || !strings.Contains(*got[i].Error, want) {
			t.Errorf("line %d: %+v, want held with %q", i+1, got[i], want)
		}
	}
	if got[3].Outcome != "CLEAR" || got[3].Error != nil {
		t.Errorf("line 4: %+v", got[3])
	}
}

// Issue 11 item 5 and issue 9 item 10: every combination of a malformed
// or loosely written date of birth and country, in JSON Lines and CSV,
// yields an outcome; the listed name is held or frozen; a field that
// cannot be read is flagged with its value; and the exit status stays 0.
func TestBatchSecondaryFields(t *testing.T) {
	dobs := map[string]bool{ // readable?
		"": true, "1937-04-28": true, "1937-4-28": true, "28/04/1937": true, "28.04.1937": true, "28 Apr 1937": true,
		"April 28, 1937": true, "1937": true, "04/05/1937": true, "1969-7-16": true, "16/07/1969": true,
		"1974-01-32": false, "1968-13-30": false, "1974-02-31": false, "1952-+9-07": false, "19x7": false,
	}
	countries := map[string]bool{"": true, "IQ": true, "iq": true, "Iraq": true, "russia": true, "Russian Federation": true, "UK": true, "U.S.A.": true, "Korea, DPR": true, "XX": false, "Atlantis": false}
	type row struct{ dob, country string }
	var rows []row
	var jl, cs strings.Builder
	cs.WriteString("id,name,dob,country\n")
	for d := range dobs {
		for c := range countries {
			rows = append(rows, row{d, c})
			fmt.Fprintf(&jl, `{"id":"%d","name":"Saddam Hussein Al-Tikriti","dob":%q,"country":%q}`+"\n", len(rows), d, c)
			fmt.Fprintf(&cs, "%d,Saddam Hussein Al-Tikriti,%q,%q\n", len(rows), d, c)
		}
	}
	for format, in := range map[string]string{"jsonl": jl.String(), "csv": cs.String()} {
		out, errOut := mustCLI(t, in, "batch", "--lists", unNew)
		got := decodeLines(t, out)
		if len(got) != len(rows) {
			t.Fatalf("%s: %d output lines for %d rows", format, len(got), len(rows))
		}
		for i, r := range rows {
			g := got[i]
			if g.Error != nil || (g.Outcome != "HOLD" && g.Outcome != "FREEZE") || !slices.Contains(hitIDs(g.Hits), "un:IQi.001") {
				t.Errorf("%s %+v: %+v", format, r, g)
				continue
			}
			for _, f := range []struct {
				field, value string
				ok           bool
			}{{"dob", r.dob, dobs[r.dob]}, {"country", r.country, countries[r.country]}} {
				found := false
				for _, fl := range g.Flags {
					found = found || fl.Code == screening.FlagInputFieldInvalid && strings.Contains(fl.Reason, fmt.Sprintf("%s %q", f.field, f.value))
				}
				if found == f.ok {
					t.Errorf("%s %+v: %s flagged %v, want %v: %v", format, r, f.field, found, !f.ok, g.Flags)
				}
			}
		}
		if !strings.Contains(errOut, "with a field not read (INPUT_FIELD_INVALID)") {
			t.Errorf("%s: stderr %q", format, errOut)
		}
	}
}

// screen --dob and --country take the same forms, and a field that
// cannot be read is flagged on the output, not an error.
func TestScreenSecondaryFields(t *testing.T) {
	out, _ := mustCLI(t, "", "screen", "--lists", unNew, "--jurisdiction", "EU", "--dob", "28/04/1937", "--country", "Iraq", "Saddam Hussein Al-Tikriti")
	if !strings.HasPrefix(out, "FREEZE") {
		t.Errorf("dob 28/04/1937, country Iraq: %s", out)
	}
	out, _ = mustCLI(t, "", "screen", "--lists", unNew, "--dob", "1974-02-31", "--country", "XX", "Saddam Hussein Al-Tikriti")
	if !strings.HasPrefix(out, "HOLD") || !strings.Contains(out, `INPUT_FIELD_INVALID: dob "1974-02-31"`) || !strings.Contains(out, `INPUT_FIELD_INVALID: country "XX"`) {
		t.Errorf("dob 1974-02-31, country XX: %s", out)
	}
}
