package screening

import (
	"errors"
	"testing"
)

// Seeds from the real lists: names and identifiers as listed.
func addRealSeeds(f *testing.F, n int) {
	snap := realSnapshot(f)
	for i := 0; i < len(snap.Entities) && i < n; i += 37 {
		e := &snap.Entities[i]
		doc := ""
		if len(e.Documents) > 0 {
			doc = e.Documents[0].Number
		}
		dob := ""
		if len(e.BirthDates) > 0 {
			dob = partialDate{e.BirthDates[0].Year, e.BirthDates[0].Month, e.BirthDates[0].Day}.String()
		}
		f.Add(e.PrimaryName(), dob, doc)
	}
	f.Add("محمد عمر غلام نبی", "1960", "TB 162-181")
	f.Add("ZAMBADA GARCIA, Ismael", "1948-1-1", "")
}

func FuzzNormalisers(f *testing.F) {
	addRealSeeds(f, 20000)
	f.Fuzz(func(t *testing.T, name, dob, number string) {
		k := nameKey(name)
		if nameKey(k) != k {
			t.Errorf("nameKey not idempotent on %q: %q then %q", name, k, nameKey(k))
		}
		n := normNumber(number)
		for _, r := range n {
			if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				t.Fatalf("normNumber(%q) = %q contains %q", number, n, r)
			}
		}
		if normNumber(n) != n {
			t.Errorf("normNumber not idempotent on %q: %q then %q", number, n, normNumber(n))
		}
		checkBirthDate(t, dob)
	})
}

// FuzzScreen screens arbitrary parties: a decision or an error about the
// input (the memory log does not fail), never a panic, and a decision
// always has a reason and a retention date.
func FuzzScreen(f *testing.F) {
	addRealSeeds(f, 3000)
	for _, d := range []string{"1969-7-16", "16/07/1969", "04/05/1970", "1974-01-32", "1952-+9-07", "July 16, 1969"} {
		f.Add("Saddam Hussein Al-Tikriti", d, "XX")
	}
	s, _, _ := newScreener(f, generatedSnapshot(), DefaultPolicy(JurisdictionEU))
	f.Fuzz(func(t *testing.T, name, dob, number string) {
		// number doubles as the country: a random secondary field.
		d, err := s.Screen(ctx, Party{Name: name, BirthDate: dob, Country: number, Documents: []Document{{Number: number}}, BIC: number, Crypto: number})
		if err != nil {
			if !errors.Is(err, ErrInvalidParty) {
				t.Errorf("Screen(%q, %q, %q): error %v is not ErrInvalidParty", name, dob, number, err)
			}
			return
		}
		if d.Reason == "" || d.RetainUntil.IsZero() || d.Explanation == "" {
			t.Errorf("incomplete decision for %q: %+v", name, d)
		}
	})
}
