package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

func TestGateOnRealMessages(t *testing.T) {
	ctx := context.Background()
	snap, err := embedded.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	log := audit.NewMemory()
	s, err := screening.New(ctx, snap, screening.Options{Policy: screening.DefaultPolicy(screening.JurisdictionEU), Log: log})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Gate(s))
	defer srv.Close()

	cases := []struct {
		file       string
		wantAction string
	}{
		// A real sample with ordinary parties.
		{"../../testdata/payments/iso20022_prowide-iso20022/pacs.009.001.07.xml", "accept"},
		// A generated copy of a real pain.001 with a UN-listed name in Arabic script.
		{"../../testdata/payments/generated_pain001_un_arabic_name.xml", "hold"},
	}
	for _, c := range cases {
		f, err := os.Open(c.file)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.Post(srv.URL+"/screen", "application/xml", f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var a Answer
		if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if a.Action != c.wantAction || len(a.Decisions) == 0 {
			t.Errorf("%s: answer %+v, want action %s with decision ids", c.file, a, c.wantAction)
		}
	}

	resp, err := http.Post(srv.URL+"/screen", "application/xml", strings.NewReader("<not a payment/>"))
	if err != nil {
		t.Fatal(err)
	}
	var a Answer
	json.NewDecoder(resp.Body).Decode(&a)
	resp.Body.Close()
	if a.Action == "accept" {
		t.Errorf("unreadable message accepted: %+v", a)
	}
	if _, err := log.Verify(); err != nil {
		t.Fatalf("audit log does not verify: %v", err)
	}
}

// TestSlowBodyCut: a client that sends its body a byte at a time held a
// connection for as long as it liked (issue 9: 20 connections for 21 s).
// The read timeout cuts it; the gate answers nothing it has not read.
func TestSlowBodyCut(t *testing.T) {
	ctx := context.Background()
	snap, err := embedded.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s, err := screening.New(ctx, snap, screening.Options{Log: audit.NewMemory()})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(nil)
	ts.Config = NewServer("", Gate(s), Timeouts{ReadHeader: 300 * time.Millisecond, Read: 500 * time.Millisecond, Write: time.Second, Idle: time.Second})
	ts.Start()
	defer ts.Close()

	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	fmt.Fprintf(conn, "POST /screen HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{1:")
	// Trickle the body until the server hangs up.
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	buf := make([]byte, 512)
	done := make(chan time.Duration)
	go func() {
		for {
			if _, err := conn.Read(buf); err != nil {
				done <- time.Since(start)
				return
			}
		}
	}()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case took := <-done:
			if took > 3*time.Second {
				t.Errorf("slow client held the connection %v", took)
			}
			return
		case <-tick.C:
			conn.Write([]byte("x"))
		}
	}
}
