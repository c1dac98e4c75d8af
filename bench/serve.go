package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/screening/audit"
	"github.com/freezeguard/freezeguard/server"
)

// serveConns is the number of client connections of the service load
// test: a payment switch's connection pool.
const serveConns = 16

// secServe: the screening service (package server) under load, over
// loopback HTTP with the client in the same process on the same cores, a
// bearer token checked on every request, the fsynced file audit log and
// JSON access logs (to a file) on. Single-party POST /v1/screen over the
// mix (mostly clean names, a few altered listed ones), then POST
// /v1/messages with a real pacs.008.
func secServe(ctx context.Context, cfg Config, snap *lists.Snapshot, mix []query) (*Section, error) {
	s := &Section{Name: "serve"}
	dir, err := os.MkdirTemp("", "freezeguard-serve-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	alog, err := audit.Open(filepath.Join(dir, "audit.log"))
	if err != nil {
		return nil, err
	}
	defer alog.Close()
	accessLog, err := os.Create(filepath.Join(dir, "access.log"))
	if err != nil {
		return nil, err
	}
	defer accessLog.Close()
	const token = "bench-token"
	tokens, err := server.ParseTokens(strings.NewReader(server.HashToken(token) + " screen bench client\n"))
	if err != nil {
		return nil, err
	}
	srv, err := server.New(ctx, server.Options{Snapshot: snap, Log: alog, Tokens: tokens,
		Logger: slog.New(slog.NewJSONHandler(accessLog, nil))})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0") // loopback only
	if err != nil {
		return nil, err
	}
	hs := srv.HTTPServer(ln.Addr().String())
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: serveConns, MaxConnsPerHost: serveConns, DisableCompression: true}}

	bodies := make([][]byte, len(mix))
	for i, q := range mix {
		bodies[i], _ = json.Marshal(map[string]string{"id": fmt.Sprint(i), "name": q.Name})
	}
	listed := 0
	for _, q := range mix {
		if q.Listed {
			listed++
		}
	}
	res, err := loadHTTP(client, base+"/v1/screen", token, bodies, cfg.Duration)
	if err != nil {
		return nil, err
	}
	res.report(s, "POST /v1/screen", fmt.Sprintf("%d connections, %.0f %% altered listed names; file audit log fsynced (group commit)", serveConns, 100*float64(listed)/float64(len(mix))))
	if f, _ := os.Stat(filepath.Join(dir, "audit.log")); f != nil {
		s.notef("audit log after the run: %d MiB", f.Size()>>20)
	}

	msg, err := os.ReadFile(filepath.Join(cfg.Root, "testdata", "payments", "iso20022_prowide-iso20022", "pacs.008.001.07.xml"))
	if err != nil {
		return nil, err
	}
	parties, err := countParties(client, base+"/v1/messages", token, msg)
	if err != nil {
		return nil, err
	}
	res, err = loadHTTP(client, base+"/v1/messages", token, [][]byte{msg}, cfg.Duration)
	if err != nil {
		return nil, err
	}
	res.report(s, "POST /v1/messages pacs.008", fmt.Sprintf("%d connections; prowide pacs.008.001.07 sample, %d parties screened per message, one decision", serveConns, parties))
	return s, nil
}

// loadResult is what loadHTTP measured.
type loadResult struct {
	lat     []time.Duration
	elapsed time.Duration
	cpu     time.Duration // process CPU, client and server
	status  map[int]int
	out     map[string]int
}

// loadHTTP posts bodies round-robin from serveConns goroutines (one
// connection each) for d after a warm-up of d/5, recording each request's
// latency.
func loadHTTP(client *http.Client, url, token string, bodies [][]byte, d time.Duration) (*loadResult, error) {
	run := func(d time.Duration) (*loadResult, error) {
		res := &loadResult{status: map[int]int{}, out: map[string]int{}}
		var mu sync.Mutex
		var firstErr error
		var wg sync.WaitGroup
		c0, _ := cpuTime(false)
		t0 := time.Now()
		deadline := t0.Add(d)
		for g := range serveConns {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var lat []time.Duration
				status, out := map[int]int{}, map[string]int{}
				var outcome struct {
					Outcome string `json:"outcome"`
				}
				for i := g; time.Now().Before(deadline); i += serveConns {
					req, _ := http.NewRequest("POST", url, bytes.NewReader(bodies[i%len(bodies)]))
					req.Header.Set("Authorization", "Bearer "+token)
					t := time.Now()
					resp, err := client.Do(req)
					if err != nil {
						mu.Lock()
						firstErr = err
						mu.Unlock()
						return
					}
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					lat = append(lat, time.Since(t))
					status[resp.StatusCode]++
					if json.Unmarshal(b, &outcome) == nil {
						out[outcome.Outcome]++
					}
				}
				mu.Lock()
				res.lat = append(res.lat, lat...)
				for k, v := range status {
					res.status[k] += v
				}
				for k, v := range out {
					res.out[k] += v
				}
				mu.Unlock()
			}()
		}
		wg.Wait()
		res.elapsed = time.Since(t0)
		c1, _ := cpuTime(false)
		res.cpu = c1 - c0
		return res, firstErr
	}
	if _, err := run(d / 5); err != nil {
		return nil, err
	}
	res, err := run(d)
	if err != nil {
		return nil, err
	}
	if len(res.lat) == 0 {
		return nil, fmt.Errorf("bench: serve: no request answered in %s", d)
	}
	return res, nil
}

func (r *loadResult) report(s *Section, what, note string) {
	n := len(r.lat)
	s.add(what+" requests/s", float64(n)/r.elapsed.Seconds(), "count", note)
	percentiles(s, what+" latency", r.lat, 0, "client-side, per request, wall clock")
	if r.cpu > 0 {
		s.dur(what+" CPU/request (mean)", r.cpu/time.Duration(n), "process CPU time (client + server) per request")
	}
	ok := r.status[http.StatusOK]
	s.rate(what+" answered 200", ok, n, fmt.Sprintf("statuses %v; outcomes %v", r.status, r.out))
}

// countParties screens the message once and counts its parties.
func countParties(client *http.Client, url, token string, msg []byte) (int, error) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(msg))
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var m struct {
		Parties []json.RawMessage `json:"parties"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil || resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("bench: serve: the pacs.008 sample: status %d: %v", resp.StatusCode, err)
	}
	return len(m.Parties), nil
}
