package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

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
