package rescreen

import (
	"context"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// benchBook is the OFAC change's generated book with people on no list
// ten times over: one customer in about eleven is named after an entity
// of the change.
func benchBook(b *testing.B) []Customer {
	cs := readCustomers(b, realChanges[0].fixture())
	var book []Customer
	var listed []Customer
	for _, c := range cs {
		if kind, _ := origin(c.ID); kind == "clean" {
			book = append(book, c)
		} else {
			listed = append(listed, c)
		}
	}
	clean := book
	for range 9 {
		book = append(book, clean...)
	}
	return append(book, listed...)
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
