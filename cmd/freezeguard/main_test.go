package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// The real files the tests run on (see testdata/README.md).
const (
	td          = "../../testdata"
	unNew       = td + "/un/consolidated_2026-08-01.xml" // 736 individuals, 275 entities
	unOld       = td + "/un/consolidated_2026-02-27.xml" // 730 / 273
	sdnCSV      = td + "/ofac/sdn_csv_2024-07-02/sdn.csv"
	paymentsDir = td + "/payments"
)

// cli runs one command line in-process as main would, and returns its
// stdout, its stderr (with main's own error line) and its exit status.
func cli(t testing.TB, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	if msg := errorMessage(err); msg != "" {
		fmt.Fprintln(&errb, "freezeguard:", msg)
	}
	return out.String(), errb.String(), exitCode(err)
}

// mustOut runs a command line that must succeed and returns its stdout.
func mustOut(t testing.TB, args ...string) string {
	t.Helper()
	out, _ := mustCLI(t, "", args...)
	return out
}

// mustCLI runs a command line that must succeed.
func mustCLI(t testing.TB, stdin string, args ...string) (stdout, stderr string) {
	t.Helper()
	stdout, stderr, code := cli(t, stdin, args...)
	if code != 0 {
		t.Fatalf("freezeguard %q: exit %d\nstderr:\n%s", args, code, stderr)
	}
	return stdout, stderr
}

func loadUN(t testing.TB) *lists.Snapshot {
	t.Helper()
	snap, err := loader.Load(context.Background(), unNew)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func TestHelpAndUsage(t *testing.T) {
	out, _, code := cli(t, "", "-h")
	if code != 0 || !strings.Contains(out, "Exit status:") || !strings.Contains(out, "freezeguard batch") {
		t.Fatalf("-h: exit %d, stdout:\n%s", code, out)
	}
	for _, cmd := range [][]string{
		{"screen"}, {"batch"}, {"compare"}, {"payment"},
		{"lists", "info"}, {"lists", "diff"}, {"lists", "search"}, {"lists", "fetch"},
		{"audit", "verify"}, {"audit", "review"},
	} {
		for _, h := range []string{"-h", "--help"} {
			out, errOut, code := cli(t, "", append(cmd, h)...)
			want := "Usage: freezeguard " + strings.Join(cmd, " ")
			if code != 0 || !strings.HasPrefix(out, want) || !strings.Contains(out, "print this help") {
				t.Errorf("%q %s: exit %d, stdout %q, stderr %q; want exit 0 and %q on stdout", cmd, h, code, out, errOut, want)
			}
		}
	}
	for _, group := range []string{"lists", "audit"} {
		out, _, code := cli(t, "", group, "-h")
		if code != 0 || !strings.Contains(out, "freezeguard "+group+" ") {
			t.Errorf("%s -h: exit %d, stdout %q", group, code, out)
		}
		_, errOut, code := cli(t, "", group)
		if code != 2 || !strings.Contains(errOut, "want a subcommand") {
			t.Errorf("%s without subcommand: exit %d, stderr %q; want 2", group, code, errOut)
		}
		_, errOut, code = cli(t, "", group, "nonsense")
		if code != 2 || !strings.Contains(errOut, `unknown subcommand "nonsense"`) {
			t.Errorf("%s nonsense: exit %d, stderr %q; want 2", group, code, errOut)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "Usage:"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"screen"}, "want a NAME"},
		{[]string{"screen", "x", "--no-such-flag"}, "flag provided but not defined"},
		{[]string{"batch", "--workers", "0"}, "--workers must be at least 1"},
		{[]string{"batch", "stray"}, "unexpected argument"},
		{[]string{"compare", "only-one"}, "want two names"},
		{[]string{"payment"}, "want at least one message FILE"},
		{[]string{"lists", "diff", unOld}, "want OLD and NEW"},
		{[]string{"lists", "search"}, "want a QUERY"},
		{[]string{"lists", "fetch"}, "want exactly one target DIR"},
		{[]string{"lists", "fetch", t.TempDir(), "--source", "nourl"}, "want NAME=URL"},
		{[]string{"audit", "verify"}, "want exactly one LOG"},
		{[]string{"audit", "review", "x.log", "--decision", "d"}, "want --decision, --reviewer, --reason"},
	} {
		_, errOut, code := cli(t, "", c.args...)
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", c.args, code, errOut, c.want)
		}
	}
}

func TestScreenEmbedded(t *testing.T) {
	// A name on the OFAC SDN list (SDNTK), without a date of birth: a HOLD
	// on ofac:6861, shown as a table and explained.
	out, errOut := mustCLI(t, "", "screen", "Joaquin Guzman Loera")
	if !strings.Contains(errOut, "WARNING") || !regexp.MustCompile(`published 2024-07-02 \(\d+ days old\)`).MatchString(errOut) {
		t.Errorf("stderr does not say how old the embedded lists are:\n%s", errOut)
	}
	for _, want := range []string{"HOLD", "ENTITY", "MATCHED NAME", "TYPE/QUALITY", "SCORE", "PROGRAMMES", "FLAGS",
		"ofac:6861", "GUZMAN LOERA, Joaquin", "primary/strong", "SDNTK", "CRIME_BASED_PROGRAM", "WHY ofac:6861", `"loera"`} {
		if !strings.Contains(out, want) {
			t.Errorf("screen output lacks %q:\n%s", want, out)
		}
	}
	if !strings.HasPrefix(out, "HOLD") {
		t.Errorf("first line %q, want the HOLD outcome", strings.SplitN(out, "\n", 2)[0])
	}
}

func TestScreenJSON(t *testing.T) {
	out, errOut := mustCLI(t, "", "screen", "--lists", unNew, "--json", "Saddam Hussein al-Tikriti", "--dob", "1937-04-28", "--country", "iq", "--kind", "person")
	if strings.Contains(errOut, "WARNING") {
		t.Errorf("--lists given, but the embedded-lists warning was printed:\n%s", errOut)
	}
	var d screening.Decision
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("screen --json: %v\n%s", err, out)
	}
	if d.Outcome == screening.Clear || len(d.Parties) != 1 || len(d.Parties[0].Hits) == 0 {
		t.Fatalf("outcome %s with %d parties; want a hit", d.Outcome, len(d.Parties))
	}
	if h := d.Parties[0].Hits[0]; h.EntityID != "un:IQi.001" || h.Score < 0.9 {
		t.Errorf("best hit %s score %.2f, want un:IQi.001", h.EntityID, h.Score)
	}
	if p := d.Parties[0].Party; p.Country != "iq" || p.BirthDate != "1937-04-28" || p.Kind != lists.Person {
		t.Errorf("party as screened: %+v", p)
	}

	// A name on no list is CLEAR, in both forms.
	out, _ = mustCLI(t, "", "screen", "--lists", unNew, "Ingrid", "Bergstrom", "Kowalczyk")
	if !strings.HasPrefix(out, "CLEAR") || strings.Contains(out, "HITS") {
		t.Errorf("clean name:\n%s", out)
	}
	out, _ = mustCLI(t, "", "screen", "--lists", unNew, "--json", "Ingrid Bergstrom Kowalczyk")
	d = screening.Decision{}
	if err := json.Unmarshal([]byte(out), &d); err != nil || d.Outcome != screening.Clear || len(d.Hits()) != 0 {
		t.Errorf("clean name --json: %v, outcome %q, %d hits", err, d.Outcome, len(d.Hits()))
	}

	// A date of birth or country that cannot be read is flagged, and the
	// name screened (issue 11): not a usage error.
	for _, c := range [][]string{{"--country", "XX1"}, {"--country", "QQ"}, {"--dob", "1937-13"}} {
		args := append([]string{"screen", "--lists", unNew, "Saddam Hussein"}, c...)
		out, _ := mustCLI(t, "", args...)
		if !strings.HasPrefix(out, "HOLD") || !strings.Contains(out, fmt.Sprintf("INPUT_FIELD_INVALID: %s %q", c[0][2:], c[1])) {
			t.Errorf("%q: %s", c, out)
		}
	}
	for _, c := range []struct{ args []string }{
		{[]string{"--kind", "bogus"}},
		{[]string{"--jurisdiction", "Mars"}},
	} {
		args := append([]string{"screen", "--lists", unNew, "Saddam Hussein"}, c.args...)
		out, errOut, code := cli(t, "", args...)
		if code != 2 || out != "" || !strings.Contains(errOut, "freezeguard: ") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and an error on stderr", c.args, code, out, errOut)
		}
	}
	if _, errOut, code := cli(t, "", "screen", "--lists", td+"/no/such/file.xml", "x"); code != 2 || !strings.Contains(errOut, "no/such/file.xml") {
		t.Errorf("missing list file: exit %d, stderr %q", code, errOut)
	}
}

// batchLine is the part of a batch output line the tests read.
type batchLine struct {
	ID       string           `json:"id"`
	Line     int              `json:"line"`
	Outcome  string           `json:"outcome"`
	Decision string           `json:"decision"`
	Hits     []batchHit       `json:"hits"`
	Flags    []screening.Flag `json:"flags"`
	Error    *string          `json:"error"`
}

// flagged returns the reason of the line's first flag with that code.
func (l *batchLine) flagged(c screening.FlagCode) (string, bool) {
	for _, f := range l.Flags {
		if f.Code == c {
			return f.Reason, true
		}
	}
	return "", false
}

// exitCLI runs a command line that must exit with code.
func exitCLI(t testing.TB, code int, stdin string, args ...string) (stdout, stderr string) {
	t.Helper()
	stdout, stderr, got := cli(t, stdin, args...)
	if got != code {
		t.Fatalf("freezeguard %q: exit %d, want %d\nstderr:\n%s", args, got, code, stderr)
	}
	return stdout, stderr
}

func decodeLines(t testing.TB, s string) []batchLine {
	t.Helper()
	var out []batchLine
	dec := json.NewDecoder(strings.NewReader(s))
	for dec.More() {
		var l batchLine
		if err := dec.Decode(&l); err != nil {
			t.Fatalf("output line %d: %v", len(out)+1, err)
		}
		out = append(out, l)
	}
	return out
}

// countRecords counts the audit records of a type.
func countRecords(t testing.TB, path, typ string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for rec, err := range audit.Records(f) {
		if err != nil {
			t.Fatal(err)
		}
		if rec.Type == typ {
			n++
		}
	}
	return n
}

func hitIDs(hs []batchHit) []string {
	ids := make([]string, len(hs))
	for i, h := range hs {
		ids[i] = h.Entity
	}
	return ids
}

// TestBatchJSONL screens 300 lines with 4 workers: every listed UN name
// from the real list, interleaved with clean names and bad lines, and
// checks order, hits, errors by line number and the audit log.
func TestBatchJSONL(t *testing.T) {
	snap := loadUN(t)
	dir := t.TempDir()
	in, out, logPath := filepath.Join(dir, "in.jsonl"), filepath.Join(dir, "out.jsonl"), filepath.Join(dir, "audit.log")

	type want struct {
		id     string
		line   int
		entity string // expected among the hits; "" for a clean name
		bad    string // expected in the error; "" for a good line
		field  string // a field flagged INPUT_FIELD_INVALID, the line screened
	}
	var b strings.Builder
	var wants []want
	line := 0
	add := func(w want, text string) {
		line++
		w.line = line
		wants = append(wants, w)
		b.WriteString(text + "\n")
	}
	clean := []string{"Ingrid Bergstrom Kowalczyk", "Maximilian Oberholzer", "Beatrix Lindqvist-Haraldsen"}
	for i := 0; len(wants) < 300; i++ {
		e := &snap.Entities[(i*7)%len(snap.Entities)]
		id := fmt.Sprintf("r%03d", len(wants))
		switch {
		case i%50 == 17:
			add(want{id: "", bad: "invalid JSON"}, `{"id": "broken", "name": `)
		case i%50 == 33:
			add(want{id: id, field: `kind "spaceship"`}, fmt.Sprintf(`{"id":%q,"name":"Ingrid Bergstrom","kind":"spaceship"}`, id))
		case i%50 == 41:
			add(want{id: id, field: `dob "19x7"`}, fmt.Sprintf(`{"id":%q,"name":"Ingrid Bergstrom","dob":"19x7"}`, id))
		case i%5 == 4:
			add(want{id: id}, fmt.Sprintf(`{"id":%q,"name":%q,"kind":"person","country":"se"}`, id, clean[i%len(clean)]))
		default:
			kind := "person"
			if e.Kind != lists.Person {
				kind = "organization"
			}
			add(want{id: id, entity: e.ID}, fmt.Sprintf(`{"id":%q,"name":%q,"kind":%q}`, id, e.PrimaryName(), kind))
		}
		if i == 100 {
			b.WriteString("\n") // a blank line: skipped, but counted
			line++
		}
	}
	if err := os.WriteFile(in, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut := exitCLI(t, 1, "", "batch", "--lists", unNew, "--in", in, "--out", out, "--audit", logPath, "--workers", "4")
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := decodeLines(t, string(data))
	if len(got) != len(wants) {
		t.Fatalf("%d output lines for %d input lines", len(got), len(wants))
	}
	screened := 0
	for i, w := range wants {
		g := got[i]
		if g.Line != w.line || (w.bad == "" && g.ID != w.id) {
			t.Fatalf("output %d is input line %d id %q; want line %d id %q (order lost)", i, g.Line, g.ID, w.line, w.id)
		}
		if w.bad != "" {
			if _, held := g.flagged(screening.FlagUnreadableInput); g.Decision == "" || g.Error == nil || !strings.Contains(*g.Error, w.bad) || !strings.Contains(*g.Error, fmt.Sprintf("line %d", w.line)) || g.Outcome != "HOLD" || !held {
				t.Errorf("line %d: error %v outcome %q; want an error with %q and the line number, held", w.line, g.Error, g.Outcome, w.bad)
			}
			if !strings.Contains(errOut, fmt.Sprintf("line %d:", w.line)) {
				t.Errorf("stderr does not report line %d", w.line)
			}
			continue
		}
		screened++
		if g.Error != nil {
			t.Errorf("line %d: unexpected error %q", w.line, *g.Error)
			continue
		}
		if g.Decision == "" || g.Hits == nil {
			t.Errorf("line %d: decision %q hits %v", w.line, g.Decision, g.Hits)
		}
		if reason, ok := g.flagged(screening.FlagInputFieldInvalid); ok != (w.field != "") || !strings.Contains(reason, w.field) {
			t.Errorf("line %d: flags %v, want %q flagged", w.line, g.Flags, w.field)
		}
		if w.entity == "" {
			if g.Outcome != "CLEAR" {
				t.Errorf("line %d (clean name): %s with hits %v", w.line, g.Outcome, hitIDs(g.Hits))
			}
			continue
		}
		if g.Outcome != "HOLD" && g.Outcome != "FREEZE" {
			t.Errorf("line %d (listed %s): outcome %q", w.line, w.entity, g.Outcome)
		}
		if !slices.Contains(hitIDs(g.Hits), w.entity) {
			t.Errorf("line %d: listed %s not among hits %v", w.line, w.entity, hitIDs(g.Hits))
		}
		for j, h := range g.Hits {
			if !strings.HasPrefix(h.Entity, "un:") || h.Name == "" || h.Score <= 0 || h.Score > 1 || h.Flags == nil {
				t.Errorf("line %d hit %d: %+v", w.line, j, h)
			}
			if j > 0 && h.Score > g.Hits[j-1].Score {
				t.Errorf("line %d: hits not best first: %v then %v", w.line, g.Hits[j-1].Score, h.Score)
			}
		}
	}
	if !strings.Contains(errOut, fmt.Sprintf("%d of %d lines could not be screened", len(wants)-screened, len(wants))) ||
		!strings.Contains(errOut, fmt.Sprintf("%d input lines: 0 header, 1 blank, %d written", len(wants)+1, len(wants))) {
		t.Errorf("stderr lacks the totals:\n%s", errOut)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("--out file mode %v, %v; want 0600 (it holds personal data, as the audit log)", fi.Mode().Perm(), err)
	}

	// The audit log holds the lists-loaded record and one decision per
	// line, the held unreadable ones included, and verifies.
	vout, _ := mustCLI(t, "", "audit", "verify", logPath)
	if want := fmt.Sprintf("intact: %d records", 1+len(wants)); !strings.Contains(vout, want) {
		t.Errorf("audit verify: %q, want %q", vout, want)
	}
	if n := countRecords(t, logPath, "decision"); n != len(wants) {
		t.Errorf("%d decision records for %d lines", n, len(wants))
	}
}

func TestBatchCSVFromStdin(t *testing.T) {
	in := "\ufeffid,name,kind,dob,country,extra\n" +
		"a1,\"AL-TIKRITI, Saddam Hussein\",person,1937,IQ,x\n" +
		"a2,Ingrid Bergstrom Kowalczyk,,,SE,\n" +
		"a3,Some Body,,,ZZ,\n" +
		"a4,\"bad \"quote\",,,,\n" +
		"a5,ABDUL RAZIQ,,,,\n" +
		"a6,,,,,\n"
	out, errOut := exitCLI(t, 1, in, "batch", "--lists", unNew, "--workers", "3")
	got := decodeLines(t, out)
	if len(got) != 6 {
		t.Fatalf("%d output lines, want 6:\n%s", len(got), out)
	}
	for i, g := range got {
		if g.Line != i+2 {
			t.Errorf("output %d: line %d, want %d", i, g.Line, i+2)
		}
	}
	if got[0].ID != "a1" || got[0].Outcome == "CLEAR" || !slices.Contains(hitIDs(got[0].Hits), "un:IQi.001") {
		t.Errorf("a1: %+v", got[0])
	}
	if got[1].ID != "a2" || got[1].Outcome != "CLEAR" || len(got[1].Hits) != 0 {
		t.Errorf("a2: %+v", got[1])
	}
	if r, ok := got[2].flagged(screening.FlagInputFieldInvalid); got[2].Outcome != "CLEAR" || !ok || !strings.Contains(r, `country "ZZ"`) {
		t.Errorf("a3 (country ZZ): screened and flagged, got %+v", got[2])
	}
	for _, c := range []struct {
		i    int
		want string
	}{{3, "invalid CSV"}, {5, "no name"}} {
		g := got[c.i]
		if _, held := g.flagged(screening.FlagUnreadableInput); g.Error == nil || !strings.Contains(*g.Error, c.want) || !strings.Contains(*g.Error, fmt.Sprintf("line %d", c.i+2)) || g.Outcome != "HOLD" || !held {
			t.Errorf("line %d: error %v, want %q with its line number, held", c.i+2, g.Error, c.want)
		}
	}
	if got[4].Error != nil || got[4].ID != "a5" {
		t.Errorf("the line after a bad CSV line must be screened: %+v", got[4])
	}
	if !strings.Contains(errOut, "2 of 6 lines could not be screened") {
		t.Errorf("stderr:\n%s", errOut)
	}

	// Errors are reported on stderr up to a bound, and all in the output.
	in = "id,name\n" + strings.Repeat("x,\n", maxReported+5)
	out, errOut = exitCLI(t, 1, in, "batch", "--lists", unNew)
	if got := decodeLines(t, out); len(got) != maxReported+5 || got[maxReported+4].Error == nil ||
		strings.Count(errOut, "no name") != maxReported || !strings.Contains(errOut, "reported in the output only") {
		t.Errorf("%d bad lines: %d output lines, %d reported on stderr", maxReported+5, len(got), strings.Count(errOut, "no name"))
	}

	// An output that cannot be created is an error before any screening.
	if _, errOut, code := cli(t, in, "batch", "--lists", unNew, "--out", filepath.Join(t.TempDir(), "no", "such", "dir", "out.jsonl")); code != 2 || !strings.Contains(errOut, "out.jsonl") {
		t.Errorf("uncreatable output: exit %d, %q", code, errOut)
	}

	// A CSV without a name column cannot be screened at all.
	_, errOut, code := cli(t, "id,nom\n1,x\n", "batch", "--lists", unNew)
	if code != 2 || !strings.Contains(errOut, `no "name" column`) {
		t.Errorf("CSV without name: exit %d, stderr %q", code, errOut)
	}
}

func TestBatchLongLine(t *testing.T) {
	in := `{"id":1,"name":"Ingrid Bergstrom"}` + "\n" +
		`{"id":"2","name":"` + strings.Repeat("a", maxLine+10) + `"}` + "\n" +
		`{"id":"3","name":"Saddam Hussein al-Tikriti"}`
	out, _ := exitCLI(t, 1, in, "batch", "--lists", unNew)
	got := decodeLines(t, out)
	if len(got) != 3 || got[0].ID != "1" || got[1].Error == nil || !strings.Contains(*got[1].Error, "line 2: line longer than") || got[1].Outcome != "HOLD" || got[2].ID != "3" || got[2].Outcome == "" {
		t.Fatalf("long line: %+v", got)
	}
	// Issue 9: a CSV line over 1 MiB used to stop the whole run (exit 2).
	// It is held, and the lines after it are screened.
	in = "id,name\n1,Ingrid Bergstrom\n2," + strings.Repeat("a", maxLine+10) + "\n3,Saddam Hussein Al-Tikriti\n"
	out, errOut := exitCLI(t, 1, in, "batch", "--lists", unNew)
	got = decodeLines(t, out)
	if len(got) != 3 || got[0].ID != "1" || got[1].Outcome != "HOLD" || got[1].Line != 3 || !strings.Contains(errOut, "line 3: line longer than") ||
		got[2].ID != "3" || !slices.Contains(hitIDs(got[2].Hits), "un:IQi.001") {
		t.Fatalf("long CSV line: %+v, stderr %q", got, errOut)
	}
}

// TestBatchInterrupted cancels a batch whose input is an open pipe (as on
// Ctrl-C while reading a terminal): the run must stop, not wait for input.
func TestBatchInterrupted(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		pw.Write([]byte(`{"id":"1","name":"Saddam Hussein al-Tikriti"}` + "\n"))
		cancel() // the line was read; no more input comes
	}()
	var out, errb bytes.Buffer
	err := run(ctx, []string{"batch", "--lists", unNew, "--workers", "2"}, pr, &out, &errb)
	if !errors.Is(err, context.Canceled) || exitCode(err) != 2 {
		t.Fatalf("err = %v (exit %d), want context.Canceled", err, exitCode(err))
	}
}

// failingLog fails every append after the first ok ones, like a log on a
// disk that fills up.
type failingLog struct {
	ok    int32
	calls atomic.Int32
}

func (l *failingLog) Append(_ context.Context, typ string, _ any) (audit.Record, error) {
	if n := l.calls.Add(1); n > l.ok {
		return audit.Record{}, errors.New("write audit.log: no space left on device")
	}
	return audit.Record{Type: typ}, nil
}

// TestBatchLogFailure: once the audit log fails, no decision can be
// acknowledged, so the batch stops (exit 2) rather than carry the error on
// every remaining line.
func TestBatchLogFailure(t *testing.T) {
	ctx := context.Background()
	lg := &watchedLog{Log: &failingLog{ok: 1 + 50}} // lists-loaded, then 50 decisions
	s, err := screening.New(ctx, loadUN(t), screening.Options{Log: lg})
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Repeat(`{"id":"x","name":"Ingrid Bergstrom"}`+"\n", 2000)
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb}
	err = e.runBatch(ctx, s, lg.Err, strings.NewReader(in), &out, 4)
	if err == nil || !strings.Contains(err.Error(), "the audit log failed") || !strings.Contains(err.Error(), "no space left") || exitCode(err) != 2 {
		t.Fatalf("err = %v", err)
	}
	// Workers log in any order, so the first line not logged is at most
	// line 51; every line before it was logged, and it ends the output.
	got := decodeLines(t, out.String())
	if len(got) == 0 || len(got) > 51 {
		t.Fatalf("%d lines written", len(got))
	}
	last := got[len(got)-1]
	if last.Error == nil || !strings.Contains(*last.Error, "not logged") || !strings.Contains(err.Error(), fmt.Sprintf("line %d", last.Line)) {
		t.Errorf("last line %+v, err %v", last, err)
	}
	for i, g := range got[:len(got)-1] {
		if g.Error != nil || g.Outcome != "CLEAR" || g.Line != i+1 {
			t.Fatalf("line %d: %+v", i+1, g)
		}
	}
}

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b, on: true, total: 1000, every: time.Hour}
	p.update(1, 100)
	p.update(2, 500) // within the redraw interval: not drawn
	p.done(4)
	s := b.String()
	if !strings.Contains(s, " 10.0%  1 lines") || strings.Contains(s, "2 lines") || !strings.Contains(s, "[===>") {
		t.Errorf("bar: %q", s)
	}
	if !strings.Contains(s, " 50.0%  4 lines") || !strings.HasSuffix(s, "\n") {
		t.Errorf("final draw: %q", s)
	}
	b.Reset()
	p = &progress{w: &b, on: true, every: time.Hour}
	p.update(7, 100)
	p.done(9)
	if s := b.String(); !strings.Contains(s, "screened 7 lines") || !strings.Contains(s, "screened 9 lines") || strings.Contains(s, "%") {
		t.Errorf("counter: %q", s)
	}
	b.Reset()
	p = newProgress(&b, 10) // a buffer is not a terminal
	p.update(1, 5)
	p.done(1)
	if b.Len() != 0 {
		t.Errorf("progress drawn on a non-terminal: %q", b.String())
	}
}

func TestCompare(t *testing.T) {
	out, _ := mustCLI(t, "", "compare", "Mohammed", "Muhammad", "--kind", "person", "--json")
	var o compareOutput
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatal(err)
	}
	if !o.Match || o.Score < 0.8 || o.Explanation == nil || len(o.Explanation.Tokens) == 0 {
		t.Errorf("Mohammed/Muhammad: %+v", o)
	}
	out, _ = mustCLI(t, "", "compare", "John Smith", "Vladimir Putin", "--json")
	o = compareOutput{}
	if err := json.Unmarshal([]byte(out), &o); err != nil || o.Match || o.Score >= 0.8 {
		t.Errorf("John Smith/Vladimir Putin: %v %+v", err, o)
	}
	if _, errOut, code := cli(t, "", "compare", "a", "b", "--kind", "bogus"); code != 2 || !strings.Contains(errOut, "unknown kind") {
		t.Errorf("bad kind: exit %d %q", code, errOut)
	}

	in := `{"id":"p1","name1":"Putin","name2":"Путин","kind":"person"}` + "\n" +
		`{"id":"p2","name1":` + "\n" +
		"\n" +
		`{"id":"p3","name1":"Saddam Hussein al-Tikriti","name2":"صدام حسين التكريتي"}` + "\n" +
		`{"id":"p4","name1":"Acme","name2":""}`
	dir := t.TempDir()
	inPath, outPath := filepath.Join(dir, "pairs.jsonl"), filepath.Join(dir, "scores.jsonl")
	os.WriteFile(inPath, []byte(in), 0o600)
	for _, args := range [][]string{{"compare"}, {"compare", "--in", inPath, "--out", outPath}} {
		out, errOut := mustCLI(t, in, args...)
		if slices.Contains(args, "--out") {
			b, err := os.ReadFile(outPath)
			if err != nil || out != "" {
				t.Fatalf("--out: %v, stdout %q", err, out)
			}
			out = string(b)
		}
		var got []compareOutput
		dec := json.NewDecoder(strings.NewReader(out))
		for dec.More() {
			var o compareOutput
			if err := dec.Decode(&o); err != nil {
				t.Fatal(err)
			}
			got = append(got, o)
		}
		if len(got) != 4 {
			t.Fatalf("%q: %d lines, want 4:\n%s", args, len(got), out)
		}
		if got[0].ID != "p1" || !got[0].Match || got[2].ID != "p3" || !got[2].Match {
			t.Errorf("%q: cross-script pairs: %+v / %+v", args, got[0], got[2])
		}
		if !strings.Contains(got[1].Error, "line 2: invalid JSON") || !strings.Contains(errOut, "line 2") {
			t.Errorf("%q: bad line: %+v, stderr %q", args, got[1], errOut)
		}
		if got[3].ID != "p4" || !strings.Contains(got[3].Error, "line 5") || got[3].Match {
			t.Errorf("%q: empty name: %+v", args, got[3])
		}
	}
}

// paymentJSON is `payment --json` output as a consumer reads it.
type paymentJSON struct {
	File    string `json:"file"`
	Outcome string `json:"outcome"`
	Parties []struct {
		Role    *string     `json:"role"`
		Name    *string     `json:"name"`
		Outcome string      `json:"outcome"`
		Hits    *[]batchHit `json:"hits"`
	} `json:"parties"`
	Error string `json:"error"`
}

func TestPayment(t *testing.T) {
	files, err := filepath.Glob(paymentsDir + "/*/*")
	if err != nil || len(files) < 10 {
		t.Fatalf("real payment samples: %v, %v", files, err)
	}
	generated, _ := filepath.Glob(paymentsDir + "/generated_*")
	if len(generated) == 0 {
		t.Fatal("no generated payment fixtures")
	}
	all := append(files, generated...)
	out, errOut, code := cli(t, "", append([]string{"payment", "--json"}, all...)...)
	outcomes := []string{"FREEZE", "HOLD", "CLEAR"}
	dec := json.NewDecoder(strings.NewReader(out))
	seen, unreadable := 0, 0
	for dec.More() {
		var p paymentJSON
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("payment --json: %v", err)
		}
		if p.File != all[seen] {
			t.Fatalf("output %d is %s, want %s (input order)", seen, p.File, all[seen])
		}
		seen++
		if !slices.Contains(outcomes, p.Outcome) {
			t.Errorf("%s: outcome %q", p.File, p.Outcome)
		}
		if p.Error != "" {
			unreadable++
			if p.Outcome == "CLEAR" || !strings.Contains(errOut, p.File) {
				t.Errorf("%s could not be read (%s) but is %s / not reported on stderr", p.File, p.Error, p.Outcome)
			}
		} else if len(p.Parties) == 0 {
			t.Errorf("%s: no parties", p.File)
		}
		for i, pt := range p.Parties {
			if pt.Role == nil || *pt.Role == "" || pt.Name == nil || pt.Hits == nil || !slices.Contains(outcomes, pt.Outcome) {
				t.Errorf("%s party %d: %+v", p.File, i, pt)
				continue
			}
			for _, h := range *pt.Hits {
				if !regexp.MustCompile(`^(ofac|un|eu):\S+$`).MatchString(h.Entity) || h.Name == "" || h.Score <= 0 || h.Flags == nil {
					t.Errorf("%s party %d hit: %+v", p.File, i, h)
				}
			}
		}
		if strings.HasPrefix(filepath.Base(p.File), "generated_") && p.Outcome == "CLEAR" {
			t.Errorf("%s: the generated listed fixture is CLEAR", p.File)
		}
	}
	if seen != len(all) {
		t.Fatalf("%d results for %d files", seen, len(all))
	}
	if wantCode := map[bool]int{true: 1, false: 0}[unreadable > 0]; code != wantCode {
		t.Errorf("exit %d with %d unreadable messages, want %d", code, unreadable, wantCode)
	}

	// The text form names each party and its hits.
	out, _ = mustCLI(t, "", "payment", paymentsDir+"/generated_pacs008_ofac_name.xml")
	if !strings.Contains(out, "AEROCARIBBEAN AIRLINES") || !strings.Contains(out, "hit ofac:") {
		t.Errorf("text output:\n%s", out)
	}

	// "-" is stdin.
	msg, err := os.ReadFile(paymentsDir + "/generated_pacs008_ofac_name.xml")
	if err != nil {
		t.Fatal(err)
	}
	out, _ = mustCLI(t, string(msg), "payment", "--json", "-")
	var p paymentJSON
	if err := json.Unmarshal([]byte(out), &p); err != nil || p.File != "-" || p.Outcome == "CLEAR" || len(p.Parties) == 0 {
		t.Errorf("payment from stdin: %v, %+v", err, p)
	}

	// A message that cannot be read exits 1 and is at least a HOLD.
	bad := filepath.Join(t.TempDir(), "garbage.xml")
	os.WriteFile(bad, []byte("<Document><FIToFICstmrCdtTrf><CdtTrfTxInf>"), 0o600)
	for _, f := range []string{bad, bad + ".missing"} {
		out, errOut, code := cli(t, "", "payment", "--json", "--lists", unNew, f)
		var p paymentJSON
		json.Unmarshal([]byte(out), &p)
		if code != 1 || p.Error == "" || p.Outcome == "CLEAR" || p.Outcome == "" || !strings.Contains(errOut, f) {
			t.Errorf("%s: exit %d, %+v, stderr %q; want exit 1, an error and at least HOLD", f, code, p, errOut)
		}
	}
}

// embeddedCounts are the embedded files' record counts, per file, as
// testdata/README.md states them for the same files.
var embeddedCounts = map[string]int{
	"sdn.csv":                          15443,
	"ofac_consolidated_2025-03-28.xml": 443,
	"un_consolidated_2026-08-01.xml":   736 + 275,
	"eu_fsf_excerpt_2018-12-21.xml":    2,
}

type infoJSON struct {
	Sources []struct {
		Source    string `json:"source"`
		File      string `json:"file"`
		Published string `json:"published"`
		SHA256    string `json:"sha256"`
		Entities  int    `json:"entities"`
	} `json:"sources"`
	Entities int `json:"entities"`
}

func TestListsInfo(t *testing.T) {
	out, errOut := mustCLI(t, "", "lists", "info", "--json")
	if !strings.Contains(errOut, "WARNING") {
		t.Errorf("embedded lists without warning")
	}
	var info infoJSON
	if err := json.Unmarshal([]byte(out), &info); err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, s := range info.Sources {
		want, ok := embeddedCounts[s.File]
		if !ok || s.Entities != want || len(s.SHA256) != 64 || s.Published == "" {
			t.Errorf("source %+v: want %d entities", s, want)
		}
		sum += s.Entities
	}
	if len(info.Sources) != len(embeddedCounts) {
		t.Errorf("%d sources, want %d", len(info.Sources), len(embeddedCounts))
	}
	// OFAC entries on both the SDN and the consolidated list are one entity.
	if info.Entities > sum || info.Entities < sum-info.Sources[1].Entities {
		t.Errorf("total %d entities for per-source sum %d", info.Entities, sum)
	}

	out, errOut = mustCLI(t, "", "lists", "info", "--json", "--lists", unNew)
	info = infoJSON{}
	if err := json.Unmarshal([]byte(out), &info); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(errOut, "WARNING") || len(info.Sources) != 1 || info.Entities != 1011 || info.Sources[0].Source != "UN" ||
		!strings.HasPrefix(info.Sources[0].SHA256, "5bf360176d1b24ee") || info.Sources[0].Published != "2026-08-01" {
		t.Errorf("UN file info: %+v", info)
	}
	out, _ = mustCLI(t, "", "lists", "info", "--lists", unNew, "--lists", td+"/eu")
	if !strings.Contains(out, "UN ") || !strings.Contains(out, "EU ") || !strings.Contains(out, "total") || !strings.Contains(out, "1013") {
		t.Errorf("text info:\n%s", out)
	}
}

func TestListsDiff(t *testing.T) {
	out, _ := mustCLI(t, "", "lists", "diff", unOld, unNew)
	m := regexp.MustCompile(`^(\d+) added, (\d+) removed, (\d+) changed\n`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("diff summary:\n%.300s", out)
	}
	added, _ := strconv.Atoi(m[1])
	removed, _ := strconv.Atoi(m[2])
	changed, _ := strconv.Atoi(m[3])
	// testdata/README.md: 730+273 records then, 736+275 now.
	if added-removed != (736+275)-(730+273) || added == 0 || changed == 0 {
		t.Errorf("added %d removed %d changed %d", added, removed, changed)
	}
	count := func(prefix string) int {
		n := 0
		for l := range strings.Lines(out) {
			if strings.HasPrefix(l, prefix+" un:") {
				n++
			}
		}
		return n
	}
	if count("+") != added || count("-") != removed || count("~") != changed {
		t.Errorf("detail lines +%d -%d ~%d for the summary %s", count("+"), count("-"), count("~"), m[0])
	}
	out, _ = mustCLI(t, "", "lists", "diff", "--json", unOld, unNew)
	var ch lists.Changes
	if err := json.Unmarshal([]byte(out), &ch); err != nil || len(ch.Added) != added || len(ch.Removed) != removed || len(ch.Changed) != changed {
		t.Errorf("diff --json: %v, %d/%d/%d", err, len(ch.Added), len(ch.Removed), len(ch.Changed))
	}
	out, _ = mustCLI(t, "", "lists", "diff", unNew, unNew)
	if !strings.HasPrefix(out, "0 added, 0 removed, 0 changed") {
		t.Errorf("a list against itself: %q", out)
	}
}

func TestListsSearch(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "cache", "idx")
	for i := range 2 { // builds the index, then reuses it
		out, errOut := mustCLI(t, "", "lists", "search", "--lists", unNew, "--index", idx, "Sadam", "Husein")
		if !strings.Contains(out, "un:IQi.001") || !strings.HasPrefix(out, "ENTITY") {
			t.Errorf("search:\n%s", out)
		}
		if built := strings.Contains(errOut, "building the search index"); built != (i == 0) {
			t.Errorf("run %d: built the index: %v", i+1, built)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(idx), ".idx.building-*")); len(m) != 0 {
		t.Errorf("temporary build directories left: %v", m)
	}
	out, _ := mustCLI(t, "", "lists", "search", "--lists", unNew, "--index", idx, "--json", "--phrase", "--limit", "3", "Hussein al-Tikriti")
	var hits []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) == 0 || len(hits) > 3 {
		t.Fatalf("search --json: %v, %s", err, out)
	}
	// The matches are plain text with the spans matched, not HTML.
	if strings.Contains(out, "<mark>") || strings.Contains(out, "\\u003cmark") || !strings.Contains(out, `"marks":[{"start":`) {
		t.Errorf("search --json matches: %s", out)
	}
	if !slices.ContainsFunc(hits, func(h struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}) bool {
		return h.ID == "un:IQi.001"
	}) {
		t.Errorf("phrase search: %+v", hits)
	}
	notIndex := t.TempDir()
	if _, errOut, code := cli(t, "", "lists", "search", "--lists", unNew, "--index", notIndex, "x"); code != 2 || !strings.Contains(errOut, "delete "+notIndex+" to rebuild") {
		t.Errorf("a directory that is not an index: exit %d, %q", code, errOut)
	}
	out, _ = mustCLI(t, "", "lists", "search", "--lists", unNew, "--index", idx, "--query", "ids:IQi.001")
	if !strings.Contains(out, "un:IQi.001") {
		t.Errorf("query-string search:\n%s", out)
	}
}

func TestAuditVerify(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "audit.log")
	for _, name := range []string{"Saddam Hussein al-Tikriti", "Ingrid Bergstrom", "Izzat Ibrahim al-Duri"} {
		mustCLI(t, "", "screen", "--lists", unNew, "--audit", log, name)
	}
	// Each run logs the lists it loaded, then its decision.
	out, _ := mustCLI(t, "", "audit", "verify", log)
	if !strings.Contains(out, "intact: 6 records, head seq 6") || countRecords(t, log, "decision") != 3 {
		t.Errorf("verify: %q", out)
	}

	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	recs := strings.SplitAfter(string(data), "\n")
	bad := slices.IndexFunc(recs, func(r string) bool { return strings.Contains(r, "Ingrid Bergstrom") })
	if bad < 0 {
		t.Fatal("no record of the second screening")
	}
	recs[bad] = strings.Replace(recs[bad], "Ingrid Bergstrom", "Ingrid Bergstrum", 1)
	tampered := filepath.Join(dir, "tampered.log")
	os.WriteFile(tampered, []byte(strings.Join(recs, "")), 0o600)
	out, errOut, code := cli(t, "", "audit", "verify", tampered)
	if code != 1 || out != "" || !strings.Contains(errOut, "TAMPERED") || !strings.Contains(errOut, fmt.Sprintf("line %d", bad+1)) ||
		!strings.Contains(errOut, fmt.Sprintf("seq %d", bad+1)) || !strings.Contains(errOut, fmt.Sprintf("after %d good records", bad)) {
		t.Errorf("tampered record %d: exit %d, stdout %q, stderr %q", bad+1, code, out, errOut)
	}

	// Cut mid-record: a torn tail (a crash) is not tampering.
	torn := filepath.Join(dir, "torn.log")
	os.WriteFile(torn, data[:len(data)-20], 0o600)
	out, _ = mustCLI(t, "", "audit", "verify", torn)
	if !strings.Contains(out, "intact: 5 records") || !strings.Contains(out, "torn tail") {
		t.Errorf("torn log: %q", out)
	}
	// Records cut off the end at a line boundary leave a valid chain; only
	// an anchor kept from an earlier verify shows the loss.
	head := regexp.MustCompile(`head seq (\d+) hash ([0-9a-f]{64})`).FindStringSubmatch(mustOut(t, "audit", "verify", log))
	if head == nil {
		t.Fatal("verify prints no head")
	}
	anchor := head[1] + ":" + head[2]
	cut := filepath.Join(dir, "cut.log")
	os.WriteFile(cut, []byte(strings.Join(strings.SplitAfter(string(data), "\n")[:4], "")), 0o600)
	if out := mustOut(t, "audit", "verify", cut); !strings.Contains(out, "intact: 4 records") {
		t.Errorf("cut log without anchor: %q", out)
	}
	if _, errOut, code := cli(t, "", "audit", "verify", cut, "--anchor", anchor); code != 1 || !strings.Contains(errOut, "cut off the end") {
		t.Errorf("cut log with anchor %s: exit %d, %q", anchor, code, errOut)
	}
	if out := mustOut(t, "audit", "verify", log, "--anchor", anchor); !strings.Contains(out, "holds anchor seq "+head[1]) {
		t.Errorf("intact log with its anchor: %q", out)
	}
	if _, errOut, code := cli(t, "", "audit", "verify", log, "--anchor", "6:abc"); code != 2 || !strings.Contains(errOut, "want SEQ:HASH") {
		t.Errorf("bad anchor: exit %d, %q", code, errOut)
	}
	if _, errOut, code := cli(t, "", "audit", "verify", filepath.Join(dir, "missing.log")); code != 2 || !strings.Contains(errOut, "missing.log") {
		t.Errorf("missing log: exit %d, %q", code, errOut)
	}
}

// TestAuditReview holds a real SDNTK name, then reviews it under the
// four-eyes rule: the same reviewer cannot give the second approval.
func TestAuditReview(t *testing.T) {
	log := filepath.Join(t.TempDir(), "audit.log")
	out, _ := mustCLI(t, "", "screen", "--lists", sdnCSV, "--audit", log, "--json", "Joaquin Guzman Loera")
	var d screening.Decision
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.Outcome != screening.Hold || d.ID == "" {
		t.Fatalf("want a HOLD to review, got %s %q", d.Outcome, d.ID)
	}
	mustCLI(t, "", "screen", "--lists", sdnCSV, "--audit", log, "Ingrid Bergstrom") // a CLEAR: no case

	out, _ = mustCLI(t, "", "audit", "review", log)
	if !strings.Contains(out, "decision "+d.ID+": open, outcome HOLD") || !strings.Contains(out, "confirming needs a second reviewer") || strings.Count(out, "decision ") != 1 {
		t.Fatalf("open cases:\n%s", out)
	}
	review := func(who, action string) (string, string, int) {
		return cli(t, "", "audit", "review", log, "--decision", d.ID, "--reviewer", who, "--"+action, "--reason", "checked against the customer file", "--json")
	}
	out, errOut, code := review("alice", "confirm")
	var c screening.ReviewCase
	if err := json.Unmarshal([]byte(out), &c); code != 0 || err != nil || c.Status != screening.StatusAwaitingSecond || c.Outcome != screening.Hold {
		t.Fatalf("first confirm: exit %d, %v, %+v, stderr %q", code, err, c, errOut)
	}
	_, errOut, code = review("Alice ", "confirm")
	if code != 2 || !strings.Contains(errOut, "different reviewer") {
		t.Fatalf("same reviewer again: exit %d, stderr %q", code, errOut)
	}
	out, _, code = review("bob", "confirm")
	c = screening.ReviewCase{}
	if err := json.Unmarshal([]byte(out), &c); code != 0 || err != nil || c.Status != screening.StatusResolved || c.Outcome != screening.Freeze || len(c.Steps) != 2 {
		t.Fatalf("second confirm: exit %d, %v, %+v", code, err, c)
	}
	if _, errOut, code := review("carol", "dismiss"); code != 2 || !strings.Contains(errOut, "already resolved") {
		t.Errorf("review after resolution: exit %d, %q", code, errOut)
	}
	if _, errOut, code := cli(t, "", "audit", "review", log, "--decision", "nope", "--reviewer", "x", "--dismiss", "--reason", "r"); code != 2 || !strings.Contains(errOut, "no open review") {
		t.Errorf("unknown decision: exit %d, %q", code, errOut)
	}
	missing := filepath.Join(t.TempDir(), "missing.log")
	if _, errOut, code := cli(t, "", "audit", "review", missing, "--decision", d.ID, "--reviewer", "x", "--dismiss", "--reason", "r"); code != 2 || !strings.Contains(errOut, "missing.log") {
		t.Errorf("missing log: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("audit review created the log it was asked to review")
	}
	out, _ = mustCLI(t, "", "audit", "review", log)
	if !strings.Contains(out, "resolved, outcome FREEZE") || !strings.Contains(out, "confirm by alice") || !strings.Contains(out, "confirm by bob") {
		t.Errorf("resolved case:\n%s", out)
	}
	if out, _ := mustCLI(t, "", "audit", "verify", log); !strings.Contains(out, "intact: 6 records") || countRecords(t, log, "review") != 2 {
		t.Errorf("after review: %q", out)
	}
}
