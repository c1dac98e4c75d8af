package embedded

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists"
)

// testdata originals of the embedded files
var originals = map[string]string{
	"data/sdn.csv.gz":                          "../../testdata/ofac/sdn_csv_2024-07-02/sdn.csv",
	"data/ofac_consolidated_2025-03-28.xml.gz": "../../testdata/ofac/cons_xml_2025-03-28/consolidated.xml",
	"data/un_consolidated_2026-08-01.xml.gz":   "../../testdata/un/consolidated_2026-08-01.xml",
	"data/eu_fsf_excerpt_2018-12-21.xml.gz":    "../../testdata/eu/eu_fsf_excerpt_2018-12-21.xml",
}

func TestEmbeddedMatchesTestdata(t *testing.T) {
	if len(originals) != len(files) {
		t.Fatalf("manifest has %d files, test knows %d", len(files), len(originals))
	}
	for _, f := range files {
		zf, err := data.Open(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(zf)
		if err != nil {
			t.Fatal(f.Path, err)
		}
		got, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(f.Path, err)
		}
		want, err := os.ReadFile(originals[f.Path])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s", f.Path, originals[f.Path])
		}
		sum := sha256.Sum256(got)
		if hex.EncodeToString(sum[:]) != f.SHA256 || int64(len(got)) != f.Bytes {
			t.Errorf("%s: manifest sha256/size %s/%d, file %x/%d", f.Path, f.SHA256, f.Bytes, sum, len(got))
		}
	}
}

func TestLoad(t *testing.T) {
	s, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(s.Entities), 15443+443-62+1011+2; got != want {
		t.Errorf("entities = %d, want %d", got, want)
	}
	if len(s.Sources) != len(files) {
		t.Fatalf("sources = %+v", s.Sources)
	}
	for i, p := range s.Sources {
		f := files[i]
		if p.SHA256 != f.SHA256 || p.Source != f.Source {
			t.Errorf("source %d: %+v, want sha %s of %s", i, p, f.SHA256, f.Path)
		}
		if p.Published.IsZero() {
			t.Errorf("%s: no publish date", p.File)
		}
		if y, m, d := p.Published.Date(); fmt.Sprintf("%04d-%02d-%02d", y, m, d) != f.Published.Format(time.DateOnly) {
			t.Errorf("%s: published %v, manifest says %v", p.File, p.Published, f.Published)
		}
	}
	if got := s.Oldest(); got.Format(time.DateOnly) != "2018-12-21" {
		t.Errorf("Oldest = %v", got)
	}
	// the SDN entry is the one kept for uids on both OFAC lists
	if e, ok := s.Entity("ofac:17013"); !ok || len(e.Programs) == 0 {
		t.Error("ofac:17013 (on both OFAC lists) missing")
	}
	for _, src := range []lists.Source{lists.OFAC, lists.UN, lists.EU} {
		if Dates()[src].IsZero() {
			t.Errorf("Dates: no date for %s", src)
		}
	}
}

func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx); err == nil {
		t.Error("Load with a cancelled context succeeded")
	}
}

func TestWarning(t *testing.T) {
	w := Warning(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
	for _, want := range []string{"WARNING", "2024-07-02", "(791 days old)", "2026-08-01 (31 days old)", "EXCERPT", "Do not screen real payments"} {
		if !strings.Contains(w, want) {
			t.Errorf("Warning lacks %q:\n%s", want, w)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleLoad() {
	s, err := Load(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range s.Sources {
		fmt.Println(p.Source, p.File, p.Published.Format("2006-01-02"), p.Records)
	}
	// Output:
	// OFAC sdn.csv 2024-07-02 15443
	// OFAC ofac_consolidated_2025-03-28.xml 2025-03-28 443
	// UN un_consolidated_2026-08-01.xml 2026-08-01 1011
	// EU eu_fsf_excerpt_2018-12-21.xml 2018-12-21 2
}

// TestProgrammesAndCountriesResolved checks the taxonomy and the country
// table against what the real parsers produce from the embedded lists.
func TestProgrammesAndCountriesResolved(t *testing.T) {
	s, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	unknownProg := map[string]int{}
	classes := map[lists.Class]int{}
	var places, placesOK, addrs, addrsOK int
	unresolved := map[string]int{}
	for i := range s.Entities {
		e := &s.Entities[i]
		for _, p := range e.Programs {
			classes[p.Class]++
			if p.Class == lists.ClassUnknown && p.Code != "UNLI" {
				unknownProg[string(p.Body)+"/"+p.Code]++
			}
		}
		for _, a := range e.Addresses {
			if a.CountryName == "" || lists.IsUnknownCountry(a.CountryName) {
				continue
			}
			addrs++
			if a.Country != "" {
				addrsOK++
			} else {
				unresolved[a.CountryName]++
			}
		}
		for _, p := range e.BirthPlaces {
			places++
			if p.Country != "" {
				placesOK++
			}
		}
	}
	t.Logf("programme classes: %v", classes)
	t.Logf("addresses with a country name: %d, resolved %d; unresolved %v", addrs, addrsOK, unresolved)
	t.Logf("birth places: %d, with a country %d", places, placesOK)
	if len(unknownProg) > 0 {
		t.Errorf("programmes the taxonomy does not know: %v", unknownProg)
	}
	for _, c := range []lists.Class{lists.ClassNarcotics, lists.ClassOrganised, lists.ClassCyber, lists.ClassCorruptionHR, lists.ClassTerrorism, lists.ClassProliferation, lists.ClassForeignPolicy} {
		if classes[c] == 0 {
			t.Errorf("no programme of class %s in the embedded lists", c)
		}
	}
	if addrs > 0 && float64(addrsOK) < 0.99*float64(addrs) {
		t.Errorf("only %d of %d address countries resolved", addrsOK, addrs)
	}
}
