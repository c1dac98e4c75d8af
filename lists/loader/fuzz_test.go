package loader

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"testing/fstest"
	"time"
)

// FuzzLoad feeds arbitrary bytes through detection and the real parsers:
// the load must return an error or a snapshot, never panic or hang.
func FuzzLoad(f *testing.F) {
	for _, p := range []string{"eu/eu_fsf_excerpt_2018-12-21.xml", "ofac/sdn_xml_excerpt_2020-10-29/sdn.xml", "ofac/csv_set_2021-07/sdn_comments.csv", "ofac/cons_csv_2025-12/cons_comments.csv"} {
		b, err := os.ReadFile(filepath.Join(td, p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, []byte(nil))
	}
	prim, _ := os.ReadFile(filepath.Join(td, "ofac/csv_set_2021-07/sdn.csv"))
	add, _ := os.ReadFile(filepath.Join(td, "ofac/csv_set_2021-07/add.csv"))
	f.Add(prim[:4096], add[:2048])
	un, _ := os.ReadFile(filepath.Join(td, "un/consolidated_2026-08-01.xml"))
	f.Add(un[:8192], []byte(nil))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		fsys := fstest.MapFS{"d/sdn.csv": {Data: a}}
		if b != nil {
			fsys["d/add.csv"] = &fstest.MapFile{Data: b}
		}
		l := Loader{AllowExcerpts: true, Logger: quiet(), MaxFileBytes: 1 << 20}
		done := make(chan struct{})
		go func() {
			defer close(done)
			s, err := l.LoadFS(context.Background(), fsys, "d")
			if err == nil && (s == nil || len(s.Sources) == 0) {
				t.Error("no error and no snapshot")
			}
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			buf := make([]byte, 1<<20)
			n := runtime.Stack(buf, true)
			t.Fatalf("load hangs on %q / %q\n%s", a, b, buf[:n])
		}
	})
}
