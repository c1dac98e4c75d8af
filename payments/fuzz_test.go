package payments

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// seedAll adds every real sample to the fuzz corpus.
func seedAll(f *testing.F, glob string) {
	files, err := filepath.Glob(filepath.Join(sampleDir, glob))
	if err != nil || len(files) == 0 {
		f.Fatalf("no samples for %s: %v", glob, err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzParseISO20022(f *testing.F) {
	seedAll(f, "iso20022_*/*.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		pays, err := ParseISO20022(bytes.NewReader(data))
		if err != nil {
			var me *MessageError
			if !errors.As(err, &me) {
				t.Fatalf("error %T %v is not a *MessageError", err, err)
			}
		}
		for _, p := range pays {
			for _, pp := range p.Parties {
				if pp.Role == "" || pp.Path == "" {
					t.Fatalf("party without role or path: %+v", pp)
				}
			}
		}
	})
}

func FuzzParseMT(f *testing.F) {
	seedAll(f, "swift_mt_*/*")
	f.Fuzz(func(t *testing.T, data []byte) {
		pays, err := ParseMT(bytes.NewReader(data))
		if err != nil {
			var me *MessageError
			if !errors.As(err, &me) {
				t.Fatalf("error %T %v is not a *MessageError", err, err)
			}
		}
		for _, p := range pays {
			if p.ID == "" {
				t.Fatalf("payment without id: %+v", p)
			}
			for _, pp := range p.Parties {
				if pp.Role == "" || pp.Path == "" {
					t.Fatalf("party without role or path: %+v", pp)
				}
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	seedAll(f, "*/*")
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Parse(bytes.NewReader(data))
		if err != nil {
			var me *MessageError
			if !errors.As(err, &me) {
				t.Fatalf("error %T %v is not a *MessageError", err, err)
			}
		}
	})
}
