package audit_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/screening/audit"
)

// A decision body as package screening might log it.
type decision struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Hits    []string `json:"hits"`
	Outcome string   `json:"outcome"`
}

func Example() {
	dir, err := os.MkdirTemp("", "audit-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "decisions.jsonl")

	l, err := audit.Open(path) // fsync on, group commit on
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	for _, d := range []decision{
		{ID: "E2E-1", Name: "IMONE X", Outcome: "pass"},
		{ID: "E2E-2", Name: "GASTON IYAMUREMYE", Hits: []string{"un:CDi.003"}, Outcome: "hold"},
	} {
		rec, err := l.Append(ctx, audit.TypeDecision, d)
		if err != nil {
			log.Fatal(err) // no durable record: do not release the payment
		}
		fmt.Println("logged seq", rec.Seq, d.Outcome)
	}
	if err := l.Close(); err != nil {
		log.Fatal(err)
	}

	rep, err := audit.VerifyFile(path)
	fmt.Println("records:", rep.Records, "error:", err)
	// Output:
	// logged seq 1 pass
	// logged seq 2 hold
	// records: 2 error: <nil>
}

func ExampleVerify() {
	m := audit.NewMemory(audit.WithClock(func() time.Time {
		return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	}))
	ctx := context.Background()
	for _, outcome := range []string{"pass", "hold", "pass"} {
		m.Append(ctx, audit.TypeDecision, map[string]string{"outcome": outcome})
	}
	var b bytes.Buffer
	m.WriteTo(&b)

	// Someone turns the hold into a pass.
	tampered := strings.Replace(b.String(), `"hold"`, `"pass"`, 1)
	rep, err := audit.Verify(strings.NewReader(tampered))
	var te *audit.TamperError
	if errors.As(err, &te) {
		fmt.Printf("%d good records; line %d, seq %d: %s\n", rep.Records, te.Line, te.Seq, te.Problem)
	}
	// Output:
	// 1 good records; line 2, seq 2: hash mismatch
}

func ExampleFindSeq() {
	m := audit.NewMemory()
	ctx := context.Background()
	m.Append(ctx, audit.TypeListsLoaded, map[string]string{"un": "2026-08-01"})
	m.Append(ctx, audit.TypeDecision, decision{ID: "E2E-7", Outcome: "hold"})
	var b bytes.Buffer
	m.WriteTo(&b)

	rec, err := audit.FindSeq(&b, 2)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rec.Type, string(rec.Body))
	// Output:
	// decision {"hits":null,"id":"E2E-7","name":"","outcome":"hold"}
}

func ExampleRedactor() {
	key := []byte("from the bank's key store, 32 B") // at least 16 bytes
	red, err := audit.NewRedactor(key)               // DefaultRedactedFields
	if err != nil {
		log.Fatal(err)
	}
	m := audit.NewMemory(audit.WithRedactor(red))
	rec, _ := m.Append(context.Background(), audit.TypeDecision,
		decision{ID: "E2E-9", Name: "GASTON IYAMUREMYE", Outcome: "hold"})

	fmt.Println(strings.Contains(string(rec.Body), "IYAMUREMYE"))
	// The bank can still find every record about him:
	fmt.Println(strings.Contains(string(rec.Body), red.Token("GASTON IYAMUREMYE")))
	// Output:
	// false
	// true
}
