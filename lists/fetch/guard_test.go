package fetch

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// cutUN keeps the first n INDIVIDUAL records of a real UN list: a valid
// file, shorter than the one it was cut from.
func cutUN(t *testing.T, b []byte, n int) []byte {
	t.Helper()
	end := []byte("</INDIVIDUAL>")
	off := 0
	for i := 0; i < n; i++ {
		j := bytes.Index(b[off:], end)
		if j < 0 {
			t.Fatal("too few INDIVIDUAL records")
		}
		off += j + len(end)
	}
	k := bytes.Index(b, []byte("</INDIVIDUALS>"))
	return append(append([]byte(nil), b[:off]...), b[k:]...)
}

// TestFetchRefusesShrunk: a valid list holding far fewer entities than the
// copy in place (issue 9: 5,593 of 15,443 put in place as "updated") is
// refused unless Force.
func TestFetchRefusesShrunk(t *testing.T) {
	cur := read(t, "un/consolidated_2026-08-01.xml")
	short := cutUN(t, cur, 300)
	s := server(t, map[string]http.HandlerFunc{"/un.xml": serve(short)})
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "un.xml"), cur, 0o644)
	src := Source{Name: "un.xml", URL: s.URL + "/un.xml"}

	f := Fetcher{Logger: quiet()}
	res, err := f.Fetch(context.Background(), dir, src)
	if !errors.Is(err, ErrShrunk) || res[0].Updated {
		t.Fatalf("shrunk download: %+v, %v", res[0], err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "un.xml")); !bytes.Equal(got, cur) {
		t.Error("the copy in place was changed")
	}
	// A small drop (here allowed by a larger MaxDrop) passes, and Force
	// passes any.
	f.MaxDrop = 0.5
	if res, err := f.Fetch(context.Background(), dir, src); err != nil || !res[0].Updated {
		t.Errorf("MaxDrop 0.5: %+v, %v", res[0], err)
	}
	os.WriteFile(filepath.Join(dir, "un.xml"), cur, 0o644)
	os.Remove(recordPath(dir, "un.xml"))
	f = Fetcher{Logger: quiet(), Force: true}
	if res, err := f.Fetch(context.Background(), dir, src); err != nil || !res[0].Updated {
		t.Errorf("Force: %+v, %v", res[0], err)
	}
}

// TestFetchRefusesWrongSlot: --source un.xml=<an OFAC file> was accepted.
// A slot keeps its source and format; a new slot named like a default
// source must hold that source's format. Force does not override it.
func TestFetchRefusesWrongSlot(t *testing.T) {
	un := read(t, "un/consolidated_2026-08-01.xml")
	cons := read(t, "ofac/cons_xml_2025-03-28/consolidated.xml")
	s := server(t, map[string]http.HandlerFunc{"/cons.xml": serve(cons)})
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "un.xml"), un, 0o644)
	for _, f := range []Fetcher{{Logger: quiet()}, {Logger: quiet(), Force: true}} {
		res, err := f.Fetch(context.Background(), dir,
			Source{Name: "un.xml", URL: s.URL + "/cons.xml"},
			Source{Name: "un_consolidated.xml", URL: s.URL + "/cons.xml"})
		for i, r := range res {
			if !errors.Is(r.Err, ErrWrongSlot) || r.Updated {
				t.Errorf("force %v, %s: %+v", f.Force, r.Source.Name, res[i])
			}
		}
		if err == nil {
			t.Error("no error")
		}
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "un.xml")); !bytes.Equal(got, un) {
		t.Error("the copy in place was changed")
	}
}

// TestFetchCleansParts: the NAME.part-* file of a killed fetch was never
// removed; a stale one now is, one being written is not.
func TestFetchCleansParts(t *testing.T) {
	cur := read(t, "un/consolidated_2026-08-01.xml")
	s := server(t, map[string]http.HandlerFunc{"/un.xml": serve(cur)})
	dir := t.TempDir()
	stale, live := filepath.Join(dir, "un.xml.part-111"), filepath.Join(dir, "un.xml.part-222")
	os.WriteFile(stale, cur[:1000], 0o600)
	os.WriteFile(live, cur[:1000], 0o600)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	f := Fetcher{Logger: quiet(), Timeout: time.Minute}
	if _, err := f.Fetch(context.Background(), dir, Source{Name: "un.xml", URL: s.URL + "/un.xml"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale part file still there: %v", err)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("recent part file removed: %v", err)
	}
}
