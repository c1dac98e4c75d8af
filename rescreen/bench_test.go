package rescreen

import (
	"context"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// benchBook is the people on no list of the OFAC change's generated book
// over and over, with the customers named after an entity of the change
// spread among them one in a hundred, as bench/rescreen does.
func benchBook(b *testing.B) []Customer {
	var clean, listed []Customer
	for _, c := range readCustomers(b, realChanges[0].fixture()) {
		if kind, _ := origin(c.ID); kind == "clean" {
			clean = append(clean, c)
		} else {
			listed = append(listed, c)
		}
	}
	var book []Customer
	for i := range 100 * len(listed) {
		if i%100 == 50 {
			book = append(book, listed[i/100])
		} else {
			book = append(book, clean[i%len(clean)])
		}
	}
	return book
}

func benchRun(b *testing.B, old, cur *lists.Snapshot) {
	r, err := New(context.Background(), old, cur, Options{Log: audit.NewMemory(), Now: fixedNow})
	if err != nil {
		b.Fatal(err)
	}
	book := benchBook(b)
	b.ResetTimer()
	i := 0
	customers := func(yield func(Customer) bool) {
		for range b.N {
			c := book[i%len(book)]
			i++
			if !yield(c) {
				return
			}
		}
	}
	if _, err := r.Run(context.Background(), customers, 2, func(Result) error { return nil }); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "customers/s")
}

// BenchmarkRescreenDelta: customers per second through the OFAC
// 2024-05-03 → 2024-07-02 delta on two goroutines.
func BenchmarkRescreenDelta(b *testing.B) {
	l := load(b, realChanges[0])
	benchRun(b, l.old, l.cur)
}

// BenchmarkRescreenWholeList: the same customers against the whole
// 2024-07-02 list (an empty old snapshot: every entity added).
func BenchmarkRescreenWholeList(b *testing.B) {
	l := load(b, realChanges[0])
	benchRun(b, lists.NewSnapshot(nil, l.cur.Sources, l.cur.Loaded), l.cur)
}

// BenchmarkProbe: one customer on no list through the delta index.
func BenchmarkProbe(b *testing.B) {
	l := load(b, realChanges[0])
	r, err := New(context.Background(), l.old, l.cur, Options{Log: audit.NewMemory(), Now: fixedNow})
	if err != nil {
		b.Fatal(err)
	}
	var clean []screening.Party
	for _, c := range readCustomers(b, realChanges[0].fixture()) {
		if kind, _ := origin(c.ID); kind == "clean" {
			clean = append(clean, c.Party)
		}
	}
	b.ResetTimer()
	for i := range b.N {
		if _, err := r.sub.Probe(clean[i%len(clean)]); err != nil {
			b.Fatal(err)
		}
	}
}
