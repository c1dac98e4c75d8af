package server

import (
	"encoding/json"
	"sync"

	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// recent keeps the last decisions by id, up to a bound, for GET
// /v1/decisions/{id}: the decisions of this process and those read from
// the audit history at start. The audit store holds them all; this is a
// window, not a store.
type recent struct {
	mu   sync.Mutex
	cap  int
	m    map[string]entry
	ring []string // ids in insertion order, ring[next] is the oldest once full
	next int
}

// entry is a decision made here (dec) or read back from the log (raw).
type entry struct {
	dec  *screening.Decision
	raw  json.RawMessage
	seq  uint64
	hash string
}

func (e entry) body() any {
	if e.dec != nil {
		return e.dec
	}
	return e.raw
}

func newRecent(n int) *recent {
	return &recent{cap: n, m: make(map[string]entry, min(n, 1<<16))}
}

func (c *recent) add(id string, e entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[id]; ok {
		c.m[id] = e
		return
	}
	if len(c.ring) < c.cap {
		c.ring = append(c.ring, id)
	} else {
		delete(c.m, c.ring[c.next])
		c.ring[c.next] = id
		c.next = (c.next + 1) % c.cap
	}
	c.m[id] = e
}

func (c *recent) put(d *screening.Decision) {
	c.add(d.ID, entry{dec: d, seq: d.AuditSeq, hash: d.AuditHash})
}

// putRecord keeps a decision record read from the audit history.
func (c *recent) putRecord(rec audit.Record) {
	var head struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(rec.Body, &head) != nil || head.ID == "" {
		return
	}
	c.add(head.ID, entry{raw: rec.Body, seq: rec.Seq, hash: rec.Hash})
}

func (c *recent) get(id string) (entry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[id]
	return e, ok
}
