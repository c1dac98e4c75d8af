// Command paymentgate is a payment-flow gate: an HTTP service that receives
// an ISO 20022 payment message (pacs.008, pacs.009, pain.001) or a SWIFT
// MT103/MT101, screens every party with one shared Screener, and answers
// accept, hold or reject with the ids of the logged decisions.
//
//	go run ./examples/paymentgate -addr 127.0.0.1:8080 -audit /tmp/gate.log
//	curl --data-binary @testdata/payments/iso20022_prowide-iso20022/pacs.008.001.07.xml localhost:8080/screen
//
// It runs offline on the embedded lists (old snapshots: demonstration only).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/payments"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// Answer is the gate's reply to the payment system.
type Answer struct {
	Action    string   `json:"action"`  // accept, hold or reject
	Outcome   string   `json:"outcome"` // CLEAR, HOLD or FREEZE
	Decisions []string `json:"decisions"`
	Reason    string   `json:"reason,omitempty"`
	ReportBy  string   `json:"report_by,omitempty"`
}

// action maps a screening outcome to what the payment system does with the
// message: a FREEZE is rejected here and the funds blocked by the bank's
// back office; a HOLD waits for a reviewer.
func action(o screening.Outcome) string {
	switch o {
	case screening.Freeze:
		return "reject"
	case screening.Hold:
		return "hold"
	}
	return "accept"
}

// Gate screens payment messages posted to it.
func Gate(s *screening.Screener) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /screen", func(w http.ResponseWriter, r *http.Request) {
		body := http.MaxBytesReader(w, r.Body, payments.MaxSize)
		res, err := payments.ScreenMessage(r.Context(), s, body)
		if err != nil {
			// Screening failed (e.g. the audit log is unwritable): there is
			// no valid decision, so the payment must not go through.
			http.Error(w, "screening failed: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		a := Answer{Action: action(res.Outcome), Outcome: string(res.Outcome), Decisions: []string{}}
		for _, d := range res.Decisions {
			a.Decisions = append(a.Decisions, d.ID)
			if d.Outcome == res.Outcome && a.Reason == "" {
				a.Reason = d.Reason
			}
			if !d.ReportBy.IsZero() && a.ReportBy == "" {
				a.ReportBy = d.ReportBy.Format(time.RFC3339)
			}
		}
		if res.ParseErr != nil {
			a.Reason = "message not fully readable, held (UNREADABLE_INPUT, a review case): " + res.ParseErr.Error()
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(a)
	})
	return mux
}

// Timeouts bound how long one client may hold a connection: without a
// body read timeout, a client sending its message a byte at a time keeps
// a connection (and its goroutine) for as long as it likes.
type Timeouts struct {
	ReadHeader time.Duration // request line and headers
	Read       time.Duration // the whole request, body included
	Write      time.Duration // from the end of the headers to the end of the answer
	Idle       time.Duration // between requests on a kept-alive connection
}

// DefaultTimeouts suit messages of a few kilobytes (at most
// payments.MaxSize) from a payment system on the bank's network.
var DefaultTimeouts = Timeouts{ReadHeader: 5 * time.Second, Read: 15 * time.Second, Write: 30 * time.Second, Idle: 60 * time.Second}

// NewServer returns the gate's HTTP server on addr with the timeouts set.
// The body size is capped by Gate (http.MaxBytesReader, payments.MaxSize).
func NewServer(addr string, h http.Handler, t Timeouts) *http.Server {
	return &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: t.ReadHeader, ReadTimeout: t.Read, WriteTimeout: t.Write, IdleTimeout: t.Idle}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	logPath := flag.String("audit", "paymentgate-audit.log", "audit log file")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	snap, err := embedded.Load(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintln(os.Stderr, embedded.Warning(time.Now()))
	alog, err := audit.Open(*logPath)
	if err != nil {
		log.Fatal(err)
	}
	defer alog.Close()
	s, err := screening.New(ctx, snap, screening.Options{Policy: screening.DefaultPolicy(screening.JurisdictionEU), Log: alog})
	if err != nil {
		log.Fatal(err)
	}
	srv := NewServer(*addr, Gate(s), DefaultTimeouts)
	go func() {
		<-ctx.Done()
		srv.Shutdown(context.Background())
	}()
	log.Printf("paymentgate listening on http://%s/screen, audit log %s", *addr, *logPath)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
