package lists

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestCountryCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Iraq", "IQ"}, {"IRAQ", "IQ"}, {"iraq", "IQ"}, {"Iraqi", "IQ"}, {"IQ", "IQ"}, {"IRQ", "IQ"},
		{"Korea, North", "KP"}, {"North Korea", "KP"}, {"Democratic People's Republic of Korea", "KP"},
		{"Korea, Democratic People's Republic of", "KP"}, {"DPRK", "KP"},
		{"Korea, South", "KR"}, {"Republic of Korea", "KR"}, {"Korea", ""},
		{"Russia", "RU"}, {"Russian Federation", "RU"}, {"Russian", "RU"},
		{"Iran", "IR"}, {"Iran (Islamic Republic of)", "IR"}, {"Iran, Islamic Republic of", "IR"},
		{"Syria", "SY"}, {"Syrian Arab Republic", "SY"},
		{"Burma", "MM"}, {"Myanmar", "MM"},
		{"Congo, Democratic Republic of the", "CD"}, {"Democratic Republic of the Congo", "CD"},
		{"Congo, Republic of the", "CG"}, {"Congo", "CG"},
		{"Cote d Ivoire", "CI"}, {"Côte d'Ivoire", "CI"}, {"COTE D’IVOIRE", "CI"},
		{"United Kingdom", "GB"}, {"United Kingdom of Great Britain and Northern Ireland", "GB"}, {"UK", "GB"},
		{"United States", "US"}, {"U.S.A.", "US"},
		{"Palestinian", "PS"}, {"possibly Palestinian", "PS"}, {"State of Palestine", "PS"}, {"West Bank", "PS"},
		{"Gaza Strip", "PS"}, {"Ramallah, West Bank", "PS"},
		{"Soviet Union", "SU"}, {"former Soviet Union", "SU"}, {"USSR", "SU"},
		{"Kosovo", "XK"}, {"Yugoslavia", "YU"},
		{"Türkiye", "TR"}, {"Turkey", "TR"},
		{"Viet Nam", "VN"}, {"Vietnam", "VN"},
		{"Bahamas, The", "BS"}, {"The Gambia", "GM"},
		{"Virgin Islands, British", "VG"}, {"British Virgin Islands", "VG"}, {"Virgin Islands", ""},
		{"China, Hong Kong Special Administrative Region", "HK"}, {"Hong Kong", "HK"}, {"Macau", "MO"},
		{"Macedonia, The Former Yugoslav Republic of", "MK"}, {"North Macedonia, The Republic of", "MK"},
		{"United Republic of Tanzania", "TZ"}, {"Tanzania", "TZ"},
		{"Bolivia", "BO"}, {"Venezuela", "VE"}, {"Laos", "LA"}, {"Brunei", "BN"}, {"Cabo Verde", "CV"},
		{"St. Kitts and Nevis", "KN"}, {"Saint Vincent and the Grenadines", "VC"},
		{"Man, Isle of", "IM"}, {"Czech Republic", "CZ"},
		{"Haifa, Israel", "IL"}, {"Port-au-Prince, Haiti", "HT"},
		{"Region: Crimea", "UA"}, {"Region: Northern Mali", "ML"}, {"Region: Gaza", "PS"},
		{"South Africa", "ZA"}, {"South Sudan", "SS"}, {"Sudan", "SD"}, {"Niger", "NE"}, {"Nigeria", "NG"},
		{"Guinea", "GN"}, {"Guinea-Bissau", "GW"}, {"Equatorial Guinea", "GQ"},
		{"  Germany  ", "DE"}, {"GERMAN", "DE"},
		// places of birth as OFAC and the UN write them
		{"Sarajevo, Bosnia-Herzegovina", "BA"}, {"Brnjica, Bosina-Herzegovina", "BA"},
		{"Kaziba, Congo, Democratic Republic of the", "CD"}, {"Lubondja, Fizi Territory, South Kivu, Congo, Democratic Republic of the", "CD"},
		{"Algiers Algeria", "DZ"}, {"Bloomington, Indiana USA", "US"}, {"Tunisi (Tunisia)", "TN"},
		{"Musanze District (Northern Province) Rwanda", "RW"}, {"Cartago, Valle Colombia", "CO"},
		{"Silwad, Ramallah, West Bank (Palestinian Authority)", "PS"}, {"Sreka, ex-Yugoslavia", "YU"},
		{"Manila, Phillipines", "PH"}, {"Moroni, Comoros Islands", "KM"},
		{"Las Cruces, New Mexico", "US"}, {"Sydney, New South Wales", "AU"}, {"Trenton New Jersey", "US"},
		{"Guerrero, Michoacan", ""}, {"Moscow", ""}, {"Mayon County Unity State", ""},
		// deliberately unresolved
		{"", ""}, {"UNKNOWN", ""}, {"na", ""}, {"undetermined", ""}, {"00", ""},
		{"in", ""}, {"and", ""}, {"can", ""}, {"Atlantis", ""}, {"Region: Kafia Kingi", ""},
		{strings.Repeat("x", 1000), ""},
	}
	for _, tt := range tests {
		if got := CountryCode(tt.in); got != tt.want {
			t.Errorf("CountryCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCountryName(t *testing.T) {
	for code, want := range map[string]string{"IQ": "Iraq", "iq": "Iraq", "SU": "Soviet Union", "XK": "Kosovo", "ZZ": "", "": ""} {
		if got := CountryName(code); got != want {
			t.Errorf("CountryName(%q) = %q, want %q", code, got, want)
		}
	}
	// every ISO code round-trips through its own name
	for _, r := range isoCountries {
		if got := CountryCode(CountryName(r.Alpha2)); got != r.Alpha2 {
			t.Errorf("CountryCode(CountryName(%s)=%q) = %q", r.Alpha2, CountryName(r.Alpha2), got)
		}
	}
	if s := CountrySuccessors("su"); len(s) != 15 || s[0] != "AM" {
		t.Errorf("CountrySuccessors(SU) = %v", s)
	}
	if CountrySuccessors("RU") != nil {
		t.Error("RU has no successors")
	}
	if !IsUnknownCountry("UNKNOWN") || IsUnknownCountry("Iraq") {
		t.Error("IsUnknownCountry")
	}
}

// TestCountryCoverage measures CountryCode against every country string in
// the real testdata files: UN NATIONALITY/COUNTRY/ISSUING_COUNTRY values,
// OFAC add.csv country column, OFAC remarks "nationality X" / "citizen X",
// OFAC XML country/nationality/citizenship, EU countryDescription. Explicit
// unknown markers are counted apart. It logs what stays unresolved.
func TestCountryCoverage(t *testing.T) {
	got, err := countryStringsInTestdata("../testdata")
	if err != nil {
		t.Fatal(err)
	}
	var total, resolved, unknowns int
	var missing []string
	for s, n := range got {
		switch {
		case IsUnknownCountry(s):
			unknowns += n
		case CountryCode(s) != "":
			resolved += n
			total += n
		default:
			total += n
			missing = append(missing, fmt.Sprintf("%q×%d", s, n))
		}
	}
	sort.Strings(missing)
	pct := 100 * float64(resolved) / float64(total)
	t.Logf("country strings: %d distinct, %d occurrences; resolved %d (%.2f%%); explicit unknown %d; unresolved: %v",
		len(got), total+unknowns, resolved, pct, unknowns, missing)
	if total < 10000 {
		t.Fatalf("only %d country occurrences found; extraction broken?", total)
	}
	if pct < 99.9 {
		t.Errorf("coverage %.2f%% < 99.9%%", pct)
	}
}

var (
	reUNCountry   = regexp.MustCompile(`<(?:COUNTRY|ISSUING_COUNTRY|COUNTRY_OF_ISSUE)>([^<]*)<`)
	reUNNat       = regexp.MustCompile(`(?s)<NATIONALITY>(.*?)</NATIONALITY>`)
	reValue       = regexp.MustCompile(`<VALUE>([^<]*)</VALUE>`)
	reOFACXML     = regexp.MustCompile(`<(?:country|nationality|citizenship)>([^<]*)<`)
	reEU          = regexp.MustCompile(`countryDescription="([^"]*)"`)
	reRemarkNat   = regexp.MustCompile(`(?:^|; )(?:nationality|citizen) ([^;]+?)\.?(?:;|$)`)
	reRemarkParen = regexp.MustCompile(`^(?:Passport|National ID No\.|Cedula No\.|Identification Number|Tax ID No\.|Registration ID) [^()]*\(([A-Za-z ,.'-]+)\)\.?$`)
)

func countryStringsInTestdata(root string) (map[string]int, error) {
	out := map[string]int{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		base := filepath.Base(path)
		dir := strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
		switch {
		case dir == "un" && strings.HasSuffix(base, ".xml"):
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range reUNCountry.FindAllSubmatch(b, -1) {
				out[strings.TrimSpace(string(m[1]))]++
			}
			for _, blk := range reUNNat.FindAllSubmatch(b, -1) {
				for _, m := range reValue.FindAllSubmatch(blk[1], -1) {
					out[strings.TrimSpace(string(m[1]))]++
				}
			}
		case dir == "eu":
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range reEU.FindAllSubmatch(b, -1) {
				out[string(m[1])]++
			}
		case dir == "ofac" && strings.HasSuffix(base, ".xml"):
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range reOFACXML.FindAllSubmatch(b, -1) {
				out[strings.TrimSpace(string(m[1]))]++
			}
		case dir == "ofac" && strings.HasSuffix(base, ".csv"):
			isAdd := strings.Contains(base, "add")
			isPrim := base == "sdn.csv" || base == "cons_prim.csv"
			if !isAdd && !isPrim {
				return nil
			}
			return eachCSV(path, func(rec []string) {
				if isAdd && len(rec) >= 5 && strings.TrimSpace(rec[4]) != "-0-" {
					out[strings.TrimSpace(rec[4])]++
				}
				if isPrim && len(rec) >= 12 {
					for _, m := range reRemarkNat.FindAllStringSubmatch(rec[11], -1) {
						out[strings.TrimSpace(m[1])]++
					}
					for seg := range strings.SplitSeq(rec[11], "; ") {
						if m := reRemarkParen.FindStringSubmatch(strings.TrimSpace(seg)); m != nil {
							out[strings.TrimSpace(m[1])]++
						}
					}
				}
			})
		}
		return nil
	})
	delete(out, "")
	return out, err
}

func eachCSV(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		fn(rec)
	}
}

func FuzzCountryCode(f *testing.F) {
	for _, s := range []string{"Iraq", "Korea, North", "Côte d'Ivoire", "Region: Crimea", "possibly Palestinian", "IQ", "Haifa, Israel", ",", "st.", "&", "Bahamas, The",
		"Korea, DPR", "XX", "ru", "Ирак", "العراق", "Iran, Islamische Republik", "Congo, Dem. Rep.", "n/a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// ParseCountry: a code it returns is a known alpha-2 code, and a
		// field it cannot read is never reported as read.
		if pc, ok := ParseCountry(s); pc != "" && (!ok || CountryName(pc) == "") {
			t.Errorf("ParseCountry(%q) = %q, %v", s, pc, ok)
		}
		c := CountryCode(s)
		if c != "" && CountryName(c) == "" {
			t.Errorf("CountryCode(%q) = %q, which has no name", s, c)
		}
		if c != "" && len(c) != 2 {
			t.Errorf("CountryCode(%q) = %q, not alpha-2", s, c)
		}
	})
}

func BenchmarkCountryCode(b *testing.B) {
	names := []string{"Iraq", "Korea, North", "Russian Federation", "Congo, Democratic Republic of the", "Haifa, Israel", "Atlantis"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		CountryCode(names[i%len(names)])
	}
}

func ExampleCountryCode() {
	for _, s := range []string{"Korea, North", "Iraqi", "Côte d'Ivoire", "former Soviet Union", "UNKNOWN"} {
		fmt.Printf("%q -> %q\n", s, CountryCode(s))
	}
	// Output:
	// "Korea, North" -> "KP"
	// "Iraqi" -> "IQ"
	// "Côte d'Ivoire" -> "CI"
	// "former Soviet Union" -> "SU"
	// "UNKNOWN" -> ""
}

// TestParseCountry: a field that holds only a country, as banks' records
// and payment messages write it (issue 11: "Iraq", "russia", "Russian
// Federation", "UK", "XX").
func TestParseCountry(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"Iraq", "IQ", true}, {"russia", "RU", true}, {"Russian Federation", "RU", true}, {"UK", "GB", true},
		{"U.S.A.", "US", true}, {"Great Britain", "GB", true}, {"Iran (Islamic Republic of)", "IR", true},
		{"Syrian Arab Republic", "SY", true}, {"Korea, DPR", "KP", true}, {"DPR Korea", "KP", true},
		{"Korea, Dem. People's Rep.", "KP", true}, {"Korea, Rep.", "KR", true}, {"Congo, Dem. Rep.", "CD", true},
		{"Congo, DR", "CD", true}, {"Congo, Rep.", "CG", true}, {"Lao PDR", "LA", true}, {"Russian Fed.", "RU", true},
		{"ru", "RU", true}, {"Ru", "RU", true}, {"rus", "RU", true}, {"us", "US", true}, {"in", "IN", true},
		{"gb", "GB", true}, {"uk", "GB", true}, {"xk", "XK", true}, {"IRQ", "IQ", true}, {" IQ ", "IQ", true},
		// other languages: iso-codes translations and everyday names
		{"Deutschland", "DE", true}, {"Irak", "IQ", true}, {"Ирак", "IQ", true}, {"Россия", "RU", true},
		{"Российская Федерация", "RU", true}, {"Росія", "RU", true}, {"العراق", "IQ", true}, {"روسيا", "RU", true},
		{"ایران", "IR", true}, {"Iran, Islamische Republik", "IR", true}, {"Syrien", "SY", true},
		{"伊拉克", "IQ", true}, {"Allemagne", "DE", true}, {"Rusya Federasyonu", "RU", true}, {"Alemania", "DE", true},
		// nothing to resolve: fine
		{"", "", true}, {"  ", "", true}, {"unknown", "", true}, {"n/a", "", true},
		// not a country: flagged by the caller
		{"XX", "", false}, {"xx", "", false}, {"Korea", "", false}, {"Atlantis", "", false}, {"12", "", false},
		{"ZZZ", "", false}, {strings.Repeat("x", 300), "", false},
	}
	for _, tt := range tests {
		if got, ok := ParseCountry(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("ParseCountry(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestLocalCountryNames: the translations never change what an English
// key resolves to, and every translated name that survives the ambiguity
// rule resolves to its own country.
func TestLocalCountryNames(t *testing.T) {
	if len(countries.local) < 1000 {
		t.Fatalf("only %d translated names indexed", len(countries.local))
	}
	for k, c := range countries.local {
		if e := countries.byKey[k]; e != "" {
			t.Errorf("translated key %q (%s) shadows English key (%s)", k, c, e)
		}
	}
	n := 0
	for _, r := range localCountries {
		if got := CountryCode(r[1]); got != "" && got != r[2] {
			t.Errorf("%s %q resolves to %s, want %s", r[0], r[1], got, r[2])
		} else if got == r[2] {
			n++
		}
	}
	if n < len(localCountries)*9/10 {
		t.Errorf("only %d of %d translated names resolve", n, len(localCountries))
	}
}
