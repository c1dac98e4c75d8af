package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"net/http/httptest"
	"strings"

	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/screening/audit"
	"github.com/freezeguard/freezeguard/server"
)

// A bank runs the service behind its payment switch; here the handler is
// called in-process. In production: Log is audit.Open's file log, Tokens
// come from server.ParseTokens, and srv.HTTPServer(addr) serves.
func ExampleNew() {
	ctx := context.Background()
	snap, err := embedded.Load(ctx) // production: loader.Load(ctx, "/var/lib/bank/lists")
	if err != nil {
		log.Fatal(err)
	}
	srv, err := server.New(ctx, server.Options{Snapshot: snap, Log: audit.NewMemory(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		log.Fatal(err)
	}
	req := httptest.NewRequest("POST", "/v1/screen", strings.NewReader(`{"id":"cust-1001","name":"Saddam Hussein Al-Tikriti","dob":"28/04/1937"}`))
	w := httptest.NewRecorder()
	srv.Handler().ServeHTTP(w, req)

	var d server.ScreenResponse
	if err := json.Unmarshal(w.Body.Bytes(), &d); err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.Code, d.ID, d.Outcome, d.Hits[0].Entity, d.Hits[0].Programs)
	// Output: 200 cust-1001 FREEZE ofac:7843 [IRAQ2]
}
