package fetch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
)

const td = "../../testdata"

func read(t testing.TB, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(td, p))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func hexSHA(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

func quiet() *slog.Logger { return slog.New(slog.DiscardHandler) }

// server serves the handlers by path.
func server(t *testing.T, routes map[string]http.HandlerFunc) *httptest.Server {
	mux := http.NewServeMux()
	for p, h := range routes {
		mux.HandleFunc(p, h)
	}
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func serve(b []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { w.Write(b) }
}

func TestFetchGoodReplacesAndReports(t *testing.T) {
	old := read(t, "un/consolidated_2026-02-27.xml")
	cur := read(t, "un/consolidated_2026-08-01.xml")
	cons := read(t, "ofac/cons_xml_2025-03-28/consolidated.xml")
	s := server(t, map[string]http.HandlerFunc{"/un.xml": serve(cur), "/cons.xml": serve(cons)})
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "un.xml"), old, 0o644)

	f := Fetcher{Logger: quiet()}
	res, err := f.Fetch(context.Background(), dir,
		Source{Name: "un.xml", URL: s.URL + "/un.xml", Want: loader.FormatUNXML},
		Source{Name: "CONSOLIDATED.XML", URL: s.URL + "/cons.xml"})
	if err != nil {
		t.Fatal(err)
	}
	r := res[0]
	if !r.Updated || r.Unchanged || r.SHA256 != hexSHA(cur) || r.Bytes != int64(len(cur)) || r.Provenance.Records != 1011 || r.Provenance.Published.IsZero() {
		t.Errorf("result = %+v", r)
	}
	if got, _ := os.ReadFile(r.Path); !bytes.Equal(got, cur) {
		t.Error("file in place is not the download")
	}
	if res[1].Provenance.Records != 443 || res[1].Provenance.Format != "ofac-sdnlist-xml" {
		t.Errorf("cons: %+v", res[1])
	}
	// no temporary files left behind; a record beside each list
	if names, side := listFiles(t, dir); len(names) != 2 || len(side) != 2 {
		t.Errorf("dir holds %v and records %v, want 2 of each", names, side)
	}
	// the directory loads
	snap, err := loader.Load(context.Background(), dir)
	if err != nil || len(snap.Entities) != 1011+443 {
		t.Errorf("loading the fetched dir: %v", err)
	}
	// a second fetch of the same bytes changes nothing
	res, err = f.Fetch(context.Background(), dir, Source{Name: "un.xml", URL: s.URL + "/un.xml"})
	if err != nil || !res[0].Unchanged || res[0].Updated {
		t.Errorf("refetch: %+v, %v", res[0], err)
	}
}

// TestFetchBadKeepsPrevious: every kind of bad download leaves the last
// good copy byte for byte as it was.
func TestFetchBadKeepsPrevious(t *testing.T) {
	good := read(t, "un/consolidated_2026-02-27.xml")
	cur := read(t, "un/consolidated_2026-08-01.xml")
	ofacXML := read(t, "ofac/cons_xml_2025-03-28/consolidated.xml")
	stop := make(chan struct{})
	t.Cleanup(func() { close(stop) })
	routes := map[string]http.HandlerFunc{
		"/truncated": serve(cur[:len(cur)/2]),
		// the sdnList XML states its Record_Count: a cut at an entry boundary is caught too
		"/truncated-at-entry": serve(append(ofacXML[:bytes.LastIndex(ofacXML[:len(ofacXML)/2], []byte("</sdnEntry>"))+len("</sdnEntry>")], []byte("\n</sdnList>\n")...)),
		"/garbage":            serve([]byte("<!DOCTYPE html><html><body>Maintenance</body></html>")),
		"/empty":              serve(nil),
		"/wronglist":          serve(ofacXML),
		"/oversized":          serve(bytes.Repeat([]byte(" "), 2<<20)),
		"/oversized-chunked": func(w http.ResponseWriter, r *http.Request) {
			for range 64 { // no Content-Length: the cap must stop the copy
				w.Write(bytes.Repeat([]byte("<"), 64<<10))
				w.(http.Flusher).Flush()
			}
		},
		"/slow": func(w http.ResponseWriter, r *http.Request) {
			w.Write(cur[:1000])
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
			case <-stop:
			}
		},
		"/500": func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) },
		"/short-body": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", fmt.Sprint(len(cur)))
			w.Write(cur[:len(cur)-100]) // the server dies mid-body
		},
	}
	s := server(t, routes)
	cases := []struct {
		path string
		want string // in the error
	}{
		{"/truncated", "not a valid list"},
		{"/truncated-at-entry", "Record_Count"},
		{"/garbage", "unknown list format"},
		{"/empty", "unknown list format"},
		{"/wronglist", "want un-consolidated-xml"},
		{"/oversized", "Fetcher.MaxBytes (1048576 bytes)"},
		{"/oversized-chunked", "download is larger than Fetcher.MaxBytes (1048576 bytes)"},
		{"/slow", "deadline exceeded"},
		{"/500", "HTTP 500"},
		{"/short-body", "unexpected EOF"},
		{"/missing", "HTTP 404"},
	}
	for _, c := range cases {
		t.Run(strings.TrimPrefix(c.path, "/"), func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "un.xml")
			if err := os.WriteFile(target, good, 0o644); err != nil {
				t.Fatal(err)
			}
			f := Fetcher{Logger: quiet(), MaxBytes: 1 << 20 * 3, Timeout: 2 * time.Second}
			if strings.HasPrefix(c.path, "/oversized") {
				f.MaxBytes = 1 << 20
			}
			src := Source{Name: "un.xml", URL: s.URL + c.path, Want: loader.FormatUNXML}
			if c.path == "/truncated-at-entry" {
				src.Want = "" // any list format: it is an OFAC file
			}
			res, err := f.Fetch(context.Background(), dir, src)
			if err == nil || res[0].Err == nil || res[0].Updated {
				t.Fatalf("bad download accepted: %+v", res[0])
			}
			if !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "un.xml") {
				t.Errorf("err = %v; want it to name the file and contain %q", err, c.want)
			}
			if strings.HasPrefix(c.path, "/oversized") && (!errors.Is(err, lists.ErrTooLarge) || !errors.Is(err, ErrTooLarge)) {
				t.Errorf("err = %v; want lists.ErrTooLarge, also under its old name", err)
			}
			if got, _ := os.ReadFile(target); !bytes.Equal(got, good) {
				t.Error("previous good file was altered")
			}
			if ents, _ := os.ReadDir(dir); len(ents) != 1 {
				t.Errorf("temporary files left: %d entries", len(ents))
			}
		})
	}
}

func TestFetchConditional(t *testing.T) {
	cur := read(t, "un/consolidated_2026-08-01.xml")
	lastMod := time.Date(2026, 8, 1, 23, 0, 0, 0, time.UTC)
	var full int
	s := server(t, map[string]http.HandlerFunc{"/un.xml": func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-Modified-Since") == "" {
			full++
		}
		http.ServeContent(w, r, "un.xml", lastMod, bytes.NewReader(cur))
	}})
	dir := t.TempDir()
	src := Source{Name: "un.xml", URL: s.URL + "/un.xml"}
	f := Fetcher{Logger: quiet()}
	res, err := f.Fetch(context.Background(), dir, src)
	if err != nil || !res[0].Updated {
		t.Fatalf("first fetch: %+v %v", res, err)
	}
	if fi, _ := os.Stat(res[0].Path); !fi.ModTime().Equal(lastMod) {
		t.Errorf("mtime %v, want Last-Modified %v", fi.ModTime(), lastMod)
	}
	res, err = f.Fetch(context.Background(), dir, src)
	if err != nil || !res[0].Unchanged || res[0].Updated || res[0].SHA256 != hexSHA(cur) {
		t.Errorf("conditional refetch: %+v %v", res[0], err)
	}
	f.Force = true
	res, err = f.Fetch(context.Background(), dir, src)
	if err != nil || !res[0].Unchanged || full != 2 {
		t.Errorf("forced refetch: %+v %v, full downloads %d", res[0], err, full)
	}
}

func TestFetchNoPrevious(t *testing.T) {
	s := server(t, map[string]http.HandlerFunc{"/x": serve([]byte("junk"))})
	dir := filepath.Join(t.TempDir(), "new")
	res, err := (&Fetcher{Logger: quiet()}).Fetch(context.Background(), dir, Source{Name: "x.xml", URL: s.URL + "/x"})
	if err == nil || res[0].Updated {
		t.Fatal("junk accepted")
	}
	if _, err := os.Stat(filepath.Join(dir, "x.xml")); !errors.Is(err, os.ErrNotExist) {
		t.Error("a bad download created the target file")
	}
}

func TestFetchBadNames(t *testing.T) {
	for _, name := range []string{"", "../x.xml", "a/b.xml", ".hidden.xml"} {
		res, err := (&Fetcher{Logger: quiet()}).Fetch(context.Background(), t.TempDir(), Source{Name: name, URL: "http://127.0.0.1:1/"})
		if err == nil || !strings.Contains(res[0].Err.Error(), "bad file name") {
			t.Errorf("name %q: %v", name, err)
		}
	}
}

func TestFetchCancelled(t *testing.T) {
	s := server(t, map[string]http.HandlerFunc{"/x": serve(read(t, "un/consolidated_2026-08-01.xml"))})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := (&Fetcher{Logger: quiet()}).Fetch(ctx, t.TempDir(), Source{Name: "x.xml", URL: s.URL + "/x"})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestDefaultSources(t *testing.T) {
	for _, s := range append(DefaultSources(), EUSource("TOKEN")) {
		if !strings.HasPrefix(s.URL, "https://") || s.Name == "" || s.Want == "" {
			t.Errorf("source %+v", s)
		}
	}
}

func ExampleFetcher_Fetch() {
	// A stand-in for the UN server; real use: f.Fetch(ctx, dir) with DefaultSources.
	un, _ := os.ReadFile("../../testdata/un/consolidated_2026-08-01.xml")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(un) }))
	defer srv.Close()
	dir, _ := os.MkdirTemp("", "lists")
	defer os.RemoveAll(dir)

	f := Fetcher{Logger: slog.New(slog.DiscardHandler)}
	res, err := f.Fetch(context.Background(), dir, Source{Name: "un_consolidated.xml", URL: srv.URL, Want: loader.FormatUNXML})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := res[0]
	fmt.Println(r.Updated, r.Provenance.Records, r.Provenance.Published.Format("2006-01-02"), r.SHA256[:16])
	// Output: true 1011 2026-08-01 5bf360176d1b24ee
}

// listFiles returns the names in dir that are not fetch's hidden sidecars,
// and fails on any temporary file left behind.
func listFiles(t *testing.T, dir string) (names, sidecars []string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		switch n := e.Name(); {
		case strings.Contains(n, ".part-") || strings.Contains(n, ".tmp-"):
			t.Errorf("temporary file left: %s", n)
		case strings.HasPrefix(n, ".") && strings.HasSuffix(n, ".fetch.json"):
			sidecars = append(sidecars, n)
		default:
			names = append(names, n)
		}
	}
	return names, sidecars
}

// TestFetchRefusesOlder: a stale mirror serving an older, complete and
// valid list must not replace the newer copy in place, whether that copy
// was fetched (its sidecar records its date) or put there by hand (fetch
// parses it). Force replaces it anyway.
func TestFetchRefusesOlder(t *testing.T) {
	for _, c := range []struct {
		name, newer, older string
		want               loader.Format
		newDate, oldDate   string
	}{
		{"un", "un/consolidated_2026-08-01.xml", "un/consolidated_2026-02-27.xml", loader.FormatUNXML, "2026-08-01", "2026-02-27"},
		{"ofac", "ofac/cons_xml_2025-03-28/consolidated.xml", "ofac/cons_xml_2023-03-08/consolidated.xml", loader.FormatOFACXML, "2025-03-28", "2023-03-08"},
	} {
		newer, older := read(t, c.newer), read(t, c.older)
		for _, how := range []string{"fetched", "by hand"} {
			t.Run(c.name+"/"+how, func(t *testing.T) {
				body := newer
				s := server(t, map[string]http.HandlerFunc{"/list": func(w http.ResponseWriter, r *http.Request) { w.Write(body) }})
				dir := t.TempDir()
				target := filepath.Join(dir, "list.xml")
				src := Source{Name: "list.xml", URL: s.URL + "/list", Want: c.want}
				f := Fetcher{Logger: quiet()}
				if how == "fetched" {
					if res, err := f.Fetch(context.Background(), dir, src); err != nil || !res[0].Updated {
						t.Fatalf("first fetch: %+v, %v", res[0], err)
					}
				} else if err := os.WriteFile(target, newer, 0o644); err != nil {
					t.Fatal(err)
				}

				body = older // the mirror goes stale
				res, err := f.Fetch(context.Background(), dir, src)
				if err == nil || res[0].Updated || !errors.Is(err, ErrOlder) || !errors.Is(res[0].Err, ErrOlder) {
					t.Fatalf("older list: err %v, result %+v; want ErrOlder", err, res[0])
				}
				if msg := err.Error(); !strings.Contains(msg, c.oldDate) || !strings.Contains(msg, c.newDate) || !strings.Contains(msg, "list.xml") {
					t.Errorf("error %q should name the file and both dates", msg)
				}
				if res[0].Provenance.Published.Format(time.DateOnly) != c.oldDate {
					t.Errorf("result provenance = %+v, want the download's (%s)", res[0].Provenance, c.oldDate)
				}
				if got, _ := os.ReadFile(target); !bytes.Equal(got, newer) {
					t.Fatal("the newer copy was replaced by an older list")
				}
				if names, _ := listFiles(t, dir); len(names) != 1 {
					t.Errorf("dir holds %v", names)
				}

				f.Force = true
				res, err = f.Fetch(context.Background(), dir, src)
				if err != nil || !res[0].Updated {
					t.Fatalf("forced: %+v, %v", res[0], err)
				}
				if got, _ := os.ReadFile(target); !bytes.Equal(got, older) {
					t.Fatal("Force did not put the older list in place")
				}
				// and back to the newer one, without Force
				f.Force = false
				body = newer
				if res, err = f.Fetch(context.Background(), dir, src); err != nil || !res[0].Updated {
					t.Fatalf("newer again: %+v, %v", res[0], err)
				}
			})
		}
	}
}

// TestFetchIgnoresMtime: If-Modified-Since comes only from the
// Last-Modified that fetch recorded for the very bytes in place, never from
// the file's modification time. A month-old list copied in by hand today
// has today's mtime; sending that would get a 304 and keep the old list.
func TestFetchIgnoresMtime(t *testing.T) {
	oldList := read(t, "un/consolidated_2026-02-27.xml")
	cur := read(t, "un/consolidated_2026-08-01.xml")
	lastMod := time.Now().Add(-24 * time.Hour).UTC().Truncate(time.Second) // the server's list changed yesterday
	var ims []string
	s := server(t, map[string]http.HandlerFunc{"/un.xml": func(w http.ResponseWriter, r *http.Request) {
		ims = append(ims, r.Header.Get("If-Modified-Since"))
		http.ServeContent(w, r, "un.xml", lastMod, bytes.NewReader(cur))
	}})
	dir := t.TempDir()
	target := filepath.Join(dir, "un.xml")
	src := Source{Name: "un.xml", URL: s.URL + "/un.xml", Want: loader.FormatUNXML}
	f := Fetcher{Logger: quiet()}

	// An old list copied in by hand: mtime now, no record of a fetch.
	if err := os.WriteFile(target, oldList, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := f.Fetch(context.Background(), dir, src)
	if err != nil || !res[0].Updated || res[0].Unchanged {
		t.Fatalf("hand-copied old list: %+v, %v; want it updated", res[0], err)
	}
	if ims[0] != "" {
		t.Errorf("If-Modified-Since %q sent for a file fetch never recorded", ims[0])
	}
	if got, _ := os.ReadFile(target); !bytes.Equal(got, cur) {
		t.Fatal("file in place is not the download")
	}
	if _, side := listFiles(t, dir); len(side) != 1 || side[0] != ".un.xml.fetch.json" {
		t.Fatalf("sidecars %v, want .un.xml.fetch.json", side)
	}

	// Fetched by fetch: the recorded Last-Modified is sent back, and a 304
	// reports the copy in place with the provenance recorded for it.
	res, err = f.Fetch(context.Background(), dir, src)
	if err != nil || !res[0].Unchanged || res[0].Updated {
		t.Fatalf("conditional refetch: %+v, %v", res[0], err)
	}
	if want := lastMod.Format(http.TimeFormat); ims[1] != want {
		t.Errorf("If-Modified-Since = %q, want the recorded Last-Modified %q", ims[1], want)
	}
	if r := res[0]; r.SHA256 != hexSHA(cur) || r.Provenance.Records != 1011 || r.Provenance.Published.Format(time.DateOnly) != "2026-08-01" {
		t.Errorf("304 result = %+v", r)
	}

	// The old list copied over the fetched one by hand, with a fresh mtime:
	// the sidecar no longer describes the bytes in place, so no
	// If-Modified-Since, and the current list comes back.
	if err := os.WriteFile(target, oldList, 0o644); err != nil {
		t.Fatal(err)
	}
	future := time.Now().Add(time.Hour)
	os.Chtimes(target, future, future)
	res, err = f.Fetch(context.Background(), dir, src)
	if err != nil || !res[0].Updated {
		t.Fatalf("old list copied over a fetched one: %+v, %v; want it updated", res[0], err)
	}
	if ims[2] != "" {
		t.Errorf("If-Modified-Since %q sent for bytes fetch did not record", ims[2])
	}
	if got, _ := os.ReadFile(target); !bytes.Equal(got, cur) {
		t.Fatal("file in place is not the download")
	}
}

// TestFetchBadSidecar: a sidecar that does not parse (or describes
// another URL) is ignored, never trusted, and rewritten on success.
func TestFetchBadSidecar(t *testing.T) {
	cur := read(t, "un/consolidated_2026-08-01.xml")
	lastMod := time.Now().Add(-time.Hour)
	var ims []string
	s := server(t, map[string]http.HandlerFunc{"/un.xml": func(w http.ResponseWriter, r *http.Request) {
		ims = append(ims, r.Header.Get("If-Modified-Since"))
		http.ServeContent(w, r, "un.xml", lastMod, bytes.NewReader(cur))
	}})
	dir := t.TempDir()
	side := filepath.Join(dir, ".un.xml.fetch.json")
	src := Source{Name: "un.xml", URL: s.URL + "/un.xml"}
	f := Fetcher{Logger: quiet()}
	if _, err := f.Fetch(context.Background(), dir, src); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(side)
	if err != nil {
		t.Fatal(err)
	}
	for i, bad := range [][]byte{
		[]byte("{not json"),
		bytes.Replace(good, []byte(s.URL), []byte("https://elsewhere.example"), 1),
	} {
		os.WriteFile(side, bad, 0o644)
		res, err := f.Fetch(context.Background(), dir, src)
		if err != nil || !res[0].Unchanged || ims[len(ims)-1] != "" {
			t.Errorf("case %d: %+v, %v, If-Modified-Since %q; want a full, unchanged download", i, res[0], err, ims[len(ims)-1])
		}
		if b, _ := os.ReadFile(side); !bytes.Equal(b, good) {
			t.Errorf("case %d: sidecar not rewritten:\n%s", i, b)
		}
	}
}

// TestFetchBadLastModified: a Last-Modified that is not an HTTP date is not
// recorded, so it is never sent back.
func TestFetchBadLastModified(t *testing.T) {
	cur := read(t, "un/consolidated_2026-08-01.xml")
	var ims []string
	s := server(t, map[string]http.HandlerFunc{"/un.xml": func(w http.ResponseWriter, r *http.Request) {
		ims = append(ims, r.Header.Get("If-Modified-Since"))
		w.Header().Set("Last-Modified", "yesterday, more or less")
		w.Write(cur)
	}})
	dir := t.TempDir()
	src := Source{Name: "un.xml", URL: s.URL + "/un.xml"}
	f := Fetcher{Logger: quiet()}
	for i := range 2 {
		res, err := f.Fetch(context.Background(), dir, src)
		if err != nil || res[0].Updated != (i == 0) || ims[i] != "" {
			t.Errorf("fetch %d: %+v, %v, If-Modified-Since %q", i, res[0], err, ims[i])
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ".un.xml.fetch.json")); bytes.Contains(b, []byte("yesterday")) || !bytes.Contains(b, []byte(hexSHA(cur))) {
		t.Errorf("record:\n%s", b)
	}
}
