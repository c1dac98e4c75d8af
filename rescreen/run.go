package rescreen

import (
	"context"
	"iter"
	"sync"
	"time"
)

// Stats count what a Run did.
type Stats struct {
	Customers  int            // customers read
	Candidates int            // screened in full: a delta index found a candidate
	Changes    map[Change]int // customers reported, by change
	Unreadable int            // held: record or name could not be read
	Flagged    int            // a field could not be read (INPUT_FIELD_INVALID)
	Elapsed    time.Duration
}

// batchSize is how many customers travel together between the reader, the
// workers and the writer: a channel operation per customer would cost more
// than most customers' probes.
const batchSize = 256

type batch struct {
	in   []Customer
	out  []Result
	cand int
	err  error
	done chan struct{}
}

// Run rescreens every customer of in with workers goroutines and calls
// yield, in input order, for each reportable result (a change, a customer
// held, a field not read); most customers yield nothing. It stops at the
// first error of yield, of the audit log or of ctx, and returns it; the
// Stats count what was done until then.
func (r *Rescreener) Run(ctx context.Context, in iter.Seq[Customer], workers int, yield func(Result) error) (Stats, error) {
	start := time.Now()
	st := Stats{Changes: map[Change]int{}}
	workers = max(workers, 1)
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan *batch, workers*2)
	pending := make(chan *batch, workers*8) // bounds memory: the reader waits for the writer
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				r.runBatch(ctx, b)
				close(b.done)
			}
		}()
	}
	go func() {
		defer close(pending)
		defer close(jobs)
		b := &batch{done: make(chan struct{})}
		send := func() bool {
			select {
			case pending <- b:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- b:
			case <-ctx.Done():
				b.err = ctx.Err()
				close(b.done)
				return false
			}
			b = &batch{done: make(chan struct{})}
			return true
		}
		for c := range in {
			b.in = append(b.in, c)
			if len(b.in) == batchSize && !send() {
				return
			}
		}
		if len(b.in) > 0 {
			send()
		}
	}()

	var err error
	for b := range pending {
		<-b.done
		if b.err != nil {
			err = b.err
			break
		}
		st.Customers += len(b.in)
		st.Candidates += b.cand
		for i := range b.out {
			res := &b.out[i]
			if res.Change != "" {
				st.Changes[res.Change]++
			}
			if res.Unreadable != "" {
				st.Unreadable++
			}
			if len(res.Flags) > 0 {
				st.Flagged++
			}
			if err = yield(*res); err != nil {
				break
			}
		}
		if err != nil {
			break
		}
	}
	st.Elapsed = time.Since(start)
	if err != nil {
		// The reader may be blocked on its input; it and the workers
		// stop at their next step and touch nothing of the caller's.
		return st, err
	}
	wg.Wait()
	return st, parent.Err()
}

// runBatch checks a batch, keeping the reportable results.
func (r *Rescreener) runBatch(ctx context.Context, b *batch) {
	for _, c := range b.in {
		if err := ctx.Err(); err != nil {
			b.err = err
			return
		}
		res, err := r.Check(ctx, c)
		if err != nil {
			b.err = err
			return
		}
		if res.Screened {
			b.cand++
		}
		if res.Reportable() {
			b.out = append(b.out, res)
		}
	}
}
