package loader

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/freezeguard/freezeguard/lists"
)

const td = "../../testdata"

func sha(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// skipIfStub skips while a parser that another engineer owns is still the
// contract stub; the test runs for real once the parser lands.
func skipIfStub(t *testing.T, err error) {
	t.Helper()
	if err != nil && strings.Contains(err.Error(), "not implemented") {
		t.Skipf("parser not landed yet: %v", err)
	}
}

func TestLoadRealFiles(t *testing.T) {
	tests := []struct {
		path    string
		records int
		source  lists.Source
		format  string
		file    string
		main    string // file whose sha256 is the provenance's
		sha16   string // from testdata/README.md
	}{
		{"un/consolidated_2026-08-01.xml", 736 + 275, lists.UN, "un-consolidated-xml", "consolidated_2026-08-01.xml", "un/consolidated_2026-08-01.xml", "5bf360176d1b24ee"},
		{"un/consolidated_2026-02-27.xml", 730 + 273, lists.UN, "un-consolidated-xml", "consolidated_2026-02-27.xml", "un/consolidated_2026-02-27.xml", "66b392a4090868d2"},
		{"ofac/sdn_csv_2024-07-02", 15443, lists.OFAC, "ofac-csv", "sdn.csv", "ofac/sdn_csv_2024-07-02/sdn.csv", "fb6a6ff6e93643d4"},
		{"ofac/sdn_csv_2024-05-03/sdn.csv", 14965, lists.OFAC, "ofac-csv", "sdn.csv", "ofac/sdn_csv_2024-05-03/sdn.csv", "210ca6b4a8187a34"},
		{"ofac/csv_set_2021-07", 8976, lists.OFAC, "ofac-csv", "sdn.csv", "ofac/csv_set_2021-07/sdn.csv", "2a08fac873a3be0b"},
		{"ofac/cons_csv_2025-12", 442, lists.OFAC, "ofac-cons-csv", "cons_prim.csv", "ofac/cons_csv_2025-12/cons_prim.csv", "7027f6656b7815e3"},
		{"ofac/cons_xml_2025-03-28", 443, lists.OFAC, "ofac-sdnlist-xml", "consolidated.xml", "ofac/cons_xml_2025-03-28/consolidated.xml", "ce9a9a18d03b81d0"},
		{"ofac/cons_xml_2023-03-08/consolidated.xml", 445, lists.OFAC, "ofac-sdnlist-xml", "consolidated.xml", "ofac/cons_xml_2023-03-08/consolidated.xml", "3f79032f08d7f07a"},
		{"eu/eu_fsf_excerpt_2018-12-21.xml", 2, lists.EU, "eu-fsf-xml", "eu_fsf_excerpt_2018-12-21.xml", "eu/eu_fsf_excerpt_2018-12-21.xml", "3258ee378f7437b2"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			now := time.Date(2026, 8, 2, 0, 0, 0, 0, time.UTC)
			l := Loader{Now: func() time.Time { return now }, Logger: quiet()}
			s, err := l.Load(context.Background(), filepath.Join(td, tt.path))
			skipIfStub(t, err)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Entities) != tt.records {
				t.Errorf("entities = %d, want %d", len(s.Entities), tt.records)
			}
			if len(s.Sources) != 1 {
				t.Fatalf("sources = %+v, want 1", s.Sources)
			}
			p := s.Sources[0]
			want := sha(t, filepath.Join(td, tt.main))
			if p.SHA256 != want || !strings.HasPrefix(p.SHA256, tt.sha16) {
				t.Errorf("sha256 = %s, want %s", p.SHA256, want)
			}
			if p.Source != tt.source || p.Format != tt.format || p.File != tt.file || p.Records != tt.records {
				t.Errorf("provenance = %+v", p)
			}
			if !s.Loaded.Equal(now) {
				t.Errorf("Loaded = %v", s.Loaded)
			}
			if e, ok := s.Entity(s.Entities[0].ID); !ok || e.Source != tt.source {
				t.Errorf("snapshot index broken for %s", s.Entities[0].ID)
			}
		})
	}
}

func TestLoadSeveral(t *testing.T) {
	s, err := Load(context.Background(),
		filepath.Join(td, "un/consolidated_2026-08-01.xml"),
		filepath.Join(td, "ofac/sdn_csv_2024-07-02"),
		filepath.Join(td, "ofac/cons_xml_2025-03-28"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(s.Entities), 1011+15443+443-62; got != want {
		t.Errorf("entities = %d, want %d", got, want)
	}
	if len(s.Sources) != 3 || s.Sources[0].Source != lists.UN || s.Sources[1].Format != "ofac-csv" || s.Sources[2].Format != "ofac-sdnlist-xml" {
		t.Errorf("sources in path order expected: %+v", s.Sources)
	}
	if s.Oldest().IsZero() {
		t.Error("no publish date from any source")
	}
}

func TestLoadDuplicates(t *testing.T) {
	// OFAC gives 62 entities the same uid on the SDN and the consolidated list.
	sdn := filepath.Join(td, "ofac/sdn_csv_2024-07-02")
	cons := filepath.Join(td, "ofac/cons_xml_2025-03-28")
	var logs bytes.Buffer
	l := Loader{Logger: slog.New(slog.NewTextHandler(&logs, nil))}
	s, err := l.Load(context.Background(), sdn, cons)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(s.Entities), 15443+443-62; got != want {
		t.Errorf("entities = %d, want %d (62 shared uids kept once)", got, want)
	}
	if !strings.Contains(logs.String(), "count=62") {
		t.Errorf("no warning with the duplicate count: %s", logs.String())
	}
	// the kept SDN entity carries the consolidated list's programmes too
	e, ok := s.Entity("ofac:17013")
	if !ok {
		t.Fatal("ofac:17013 missing")
	}
	solo, err := Load(context.Background(), sdn)
	if err != nil {
		t.Fatal(err)
	}
	e0, _ := solo.Entity("ofac:17013")
	if len(e.Programs) < len(e0.Programs) {
		t.Errorf("programmes lost in the merge: %v vs %v", e.Programs, e0.Programs)
	}

	l = Loader{StrictIDs: true, Logger: quiet()}
	_, err = l.Load(context.Background(), sdn, cons)
	if !errors.Is(err, ErrDuplicateID) {
		t.Fatalf("strict: err = %v, want ErrDuplicateID", err)
	}
	if !strings.Contains(err.Error(), "consolidated.xml") || !strings.Contains(err.Error(), "sdn.csv") {
		t.Errorf("error does not name both files: %v", err)
	}
	// the same path twice is read once, not a duplicate
	if _, err := l.Load(context.Background(), cons, cons); err != nil {
		t.Errorf("same directory twice: %v", err)
	}
}

func TestLoadExcerpt(t *testing.T) {
	p := filepath.Join(td, "ofac/sdn_xml_excerpt_2020-10-29/sdn.xml")
	if _, err := Load(context.Background(), p); err == nil {
		t.Fatal("an excerpt whose Record_Count says 8497 loaded without error")
	} else if !strings.Contains(err.Error(), "sdn.xml") {
		t.Errorf("error does not name the file: %v", err)
	}
	l := Loader{AllowExcerpts: true, Logger: quiet()}
	s, err := l.Load(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Entities) != 2 || s.Sources[0].Records != 2 || !strings.HasPrefix(s.Sources[0].SHA256, "fd371b7d569f803a") {
		t.Errorf("excerpt: %d entities, %+v", len(s.Entities), s.Sources)
	}
}

func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t testing.TB, b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLoadGzip(t *testing.T) {
	orig := filepath.Join(td, "un/consolidated_2026-08-01.xml")
	b, err := os.ReadFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, dir, "un.xml.gz", gz(t, b))
	s, err := Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if p := s.Sources[0]; p.SHA256 != sha(t, orig) || p.File != "un.xml" || len(s.Entities) != 1011 {
		t.Errorf("gzip: %+v, %d entities; want sha of the uncompressed bytes", p, len(s.Entities))
	}
}

func TestLoadBadInput(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]byte{
		"html.csv":  []byte("<!DOCTYPE html><html><body>Service Unavailable</body></html>"),
		"json.xml":  []byte(`{"error": "rate limited"}`),
		"other.xml": []byte(`<?xml version="1.0"?><rss version="2.0"></rss>`),
		"empty.csv": nil,
		"bad.csv":   []byte("1,2,3\r\n"),
		"text.csv":  []byte("name,country\r\nX,Y\r\n"),
	}
	for name, b := range cases {
		p := writeFile(t, dir, name, b)
		_, err := Load(context.Background(), p)
		if !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v; want ErrUnknownFormat naming the file", name, err)
		}
	}
	// a directory: an unrecognisable candidate is an error, not skipped
	d2 := t.TempDir()
	writeFile(t, d2, "README.md", []byte("# not a list"))
	if _, err := Load(context.Background(), d2); err == nil || !strings.Contains(err.Error(), "no list files") {
		t.Errorf("dir without list files: %v", err)
	}
	writeFile(t, d2, "sdn.csv", []byte("<html>oops</html>"))
	if _, err := Load(context.Background(), d2); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("dir with a garbage sdn.csv: %v", err)
	}
	// OFAC companions without their primary
	d3 := t.TempDir()
	writeFile(t, d3, "add.csv", []byte("36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n"))
	if _, err := Load(context.Background(), d3); err == nil || !strings.Contains(err.Error(), "without a primary") {
		t.Errorf("add.csv alone: %v", err)
	}
	// truncated real file: the parser's error, naming the file
	b, _ := os.ReadFile(filepath.Join(td, "un/consolidated_2026-08-01.xml"))
	p := writeFile(t, t.TempDir(), "generated_truncated_un.xml", b[:len(b)/2])
	if _, err := Load(context.Background(), p); err == nil || !strings.Contains(err.Error(), "generated_truncated_un.xml") {
		t.Errorf("truncated UN file: %v", err)
	}
	if _, err := Load(context.Background(), filepath.Join(dir, "missing.xml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Load(context.Background()); err == nil {
		t.Error("no paths: no error")
	}
}

func TestLoadSizeCap(t *testing.T) {
	l := Loader{MaxFileBytes: 100 << 10, Logger: quiet()}
	_, err := l.Load(context.Background(), filepath.Join(td, "un/consolidated_2026-08-01.xml"))
	if !errors.Is(err, lists.ErrTooLarge) || !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "consolidated_2026-08-01.xml") ||
		!strings.Contains(err.Error(), "Loader.MaxFileBytes (102400 bytes)") {
		t.Errorf("err = %v, want lists.ErrTooLarge naming the file and the cap", err)
	}
	// a gzip bomb: small on disk, large once inflated
	bomb := append([]byte(`<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-08-01T23:00:03.110Z">`), bytes.Repeat([]byte(" "), 4<<20)...)
	p := writeFile(t, t.TempDir(), "generated_bomb.xml.gz", gz(t, bomb))
	l.MaxFileBytes = 1 << 20
	if _, err := l.Load(context.Background(), p); !errors.Is(err, lists.ErrTooLarge) {
		t.Errorf("gzip bomb: err = %v, want lists.ErrTooLarge", err)
	}
}

func TestLoadCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Load(ctx, filepath.Join(td, "ofac/sdn_csv_2024-07-02"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	// cancelled while reading: a reader that cancels after the sniff
	ctx, cancel = context.WithCancel(context.Background())
	fsys := fstest.MapFS{"sdn.csv": &fstest.MapFile{Data: mustRead(t, filepath.Join(td, "ofac/sdn_csv_2024-07-02/sdn.csv"))}}
	l := Loader{Logger: quiet()}
	done := make(chan error, 1)
	go func() { _, err := l.LoadFS(ctx, slowFS{fsys, cancel, new(atomic.Int32)}, "sdn.csv"); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Load did not return after cancellation")
	}
}

func mustRead(t testing.TB, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// slowFS cancels its context once a file has been opened twice (sniff,
// then parse), i.e. in the middle of the load.
type slowFS struct {
	fstest.MapFS
	cancel func()
	opens  *atomic.Int32
}

func (s slowFS) Open(name string) (fs.File, error) {
	f, err := s.MapFS.Open(name)
	if err == nil && name != "." && s.opens.Add(1) >= 2 {
		s.cancel()
	}
	return f, err
}

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"lists/un.xml":             {Data: mustRead(t, filepath.Join(td, "un/consolidated_2026-02-27.xml"))},
		"lists/cons_prim.csv":      {Data: mustRead(t, filepath.Join(td, "ofac/cons_csv_2025-12/cons_prim.csv"))},
		"lists/cons_add.csv":       {Data: mustRead(t, filepath.Join(td, "ofac/cons_csv_2025-12/cons_add.csv"))},
		"lists/cons_alt.csv":       {Data: mustRead(t, filepath.Join(td, "ofac/cons_csv_2025-12/cons_alt.csv"))},
		"lists/cons_comments.csv":  {Data: mustRead(t, filepath.Join(td, "ofac/cons_csv_2025-12/cons_comments.csv"))},
		"lists/README.md":          {Data: []byte("ignored: not a candidate")},
		"lists/sub/ignored.xml":    {Data: []byte("subdirectories are not read")},
		"lists/.hidden.xml":        {Data: []byte("hidden files are not read")},
		"other/generated_only.csv": {Data: []byte("junk")},
	}
	s, err := LoadFS(context.Background(), fsys, "lists")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Entities) != 1003+442 || len(s.Sources) != 2 {
		t.Errorf("%d entities, sources %+v", len(s.Entities), s.Sources)
	}
	// companions attached: some cons entity has an address from cons_add.csv
	withAddr := 0
	for _, e := range s.Entities {
		if e.Source == lists.OFAC && len(e.Addresses) > 0 {
			withAddr++
		}
	}
	if withAddr == 0 {
		t.Error("no OFAC entity has an address: cons_add.csv not grouped with cons_prim.csv")
	}
}

func BenchmarkLoadOFACCSV(b *testing.B) {
	p := filepath.Join(td, "ofac/sdn_csv_2024-07-02")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(context.Background(), p); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleLoad() {
	s, err := Load(context.Background(), "../../testdata/un/consolidated_2026-08-01.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	p := s.Sources[0]
	fmt.Println(p.Source, p.Format, p.Records, p.SHA256[:16])
	// Output: UN un-consolidated-xml 1011 5bf360176d1b24ee
}

// TestLoadCSVSetParts: the companion files of an OFAC CSV set are pinned by
// their own hashes in the provenance, not only the primary file.
func TestLoadCSVSetParts(t *testing.T) {
	snap, err := Load(context.Background(), "../../testdata/ofac/csv_set_2021-07")
	if err != nil {
		t.Fatal(err)
	}
	p := snap.Sources[0]
	want := map[string]string{ // sha256 prefixes from testdata/README.md
		"add.csv":          "c98720815c4589cc",
		"alt.csv":          "82403d348e2209bf",
		"sdn_comments.csv": "ca007d3fbb529900",
	}
	if len(p.Parts) != len(want) {
		t.Fatalf("Parts = %+v, want %d companion files", p.Parts, len(want))
	}
	for _, part := range p.Parts {
		if w, ok := want[part.File]; !ok || !strings.HasPrefix(part.SHA256, w) {
			t.Errorf("part %s sha256 %s, want prefix %q", part.File, part.SHA256, w)
		}
	}
}
