package audit

import (
	"context"
	"sync"
)

// The file log and the PostgreSQL log share one group-commit hand-off:
// appenders queue a request under the log's lock and wait; the log's
// writer goroutine takes the pending requests in batches, writes each
// batch at once and closes their done channels.

// request states, guarded by the log's lock.
const (
	reqPending = iota // in the log's pending list: can still be withdrawn
	reqTaken          // taken by the writer: will be written
)

// request is one record waiting to be appended.
type request struct {
	typ   string
	body  []byte
	idx   pgIndex // the PostgreSQL log's index columns (PostgresLog only)
	state int
	done  chan struct{}
	rec   Record
	err   error
}

// awaitAppend waits for req, already queued in *pending, to be written. If
// ctx ends while req is still pending, req is withdrawn and ctx.Err()
// returned: the record is not written. Once the writer has taken req, the
// wait goes on to the end of the write, so that the answer is exact.
func awaitAppend(ctx context.Context, mu *sync.Mutex, pending *[]*request, req *request) (Record, error) {
	select {
	case <-req.done:
		return req.rec, req.err
	case <-ctx.Done():
	}
	mu.Lock()
	if req.state == reqPending {
		for i, p := range *pending {
			if p == req {
				*pending = append((*pending)[:i], (*pending)[i+1:]...)
				break
			}
		}
		mu.Unlock()
		return Record{}, ctx.Err()
	}
	mu.Unlock()
	<-req.done
	return req.rec, req.err
}

// takeBatch removes and returns the requests one write takes from the
// front of *pending: up to maxBatch records and maxBatchBytes of bodies,
// always at least one, and only one without group commit. The caller
// holds the log's lock.
func takeBatch(pending *[]*request, maxBatch int, groupCommit bool) []*request {
	n, size := 0, 0
	for _, r := range *pending {
		if n > 0 && (n == maxBatch || size+len(r.body) > maxBatchBytes || !groupCommit) {
			break
		}
		n++
		size += len(r.body)
	}
	batch := make([]*request, n)
	copy(batch, *pending)
	for _, r := range batch {
		r.state = reqTaken
	}
	rest := copy(*pending, (*pending)[n:])
	clear((*pending)[rest:])
	*pending = (*pending)[:rest]
	return batch
}
