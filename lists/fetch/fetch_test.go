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
	// no temporary files left behind
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("dir holds %d files, want 2", len(ents))
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
		{"/oversized", "size cap"},
		{"/oversized-chunked", "size cap"},
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
