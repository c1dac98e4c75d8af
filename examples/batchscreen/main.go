// Command batchscreen screens a customer file against the sanctions lists
// and writes every decision to a tamper-evident audit log: the nightly
// re-screening a bank runs when the lists change.
//
//	go run ./examples/batchscreen -in examples/batchscreen/generated_customers.csv -audit /tmp/batch.log
//
// Input is CSV with a header: id,name,kind,dob,country. It runs offline on
// the embedded lists (old snapshots: demonstration only).
package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// Customer is one row of the customer file.
type Customer struct {
	ID    string
	Party screening.Party
}

// ReadCustomers reads the CSV customer file.
func ReadCustomers(r io.Reader) ([]Customer, error) {
	cr := csv.NewReader(r)
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("customers: header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, need := range []string{"id", "name", "kind", "dob", "country"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("customers: header lacks %q", need)
		}
	}
	var cs []Customer
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return cs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("customers: %w", err)
		}
		line, _ := cr.FieldPos(0)
		kind, err := lists.ParseKind(rec[col["kind"]])
		if err != nil {
			return nil, fmt.Errorf("customers: line %d: %w", line, err)
		}
		cs = append(cs, Customer{ID: rec[col["id"]], Party: screening.Party{
			Name: rec[col["name"]], Kind: kind, BirthDate: rec[col["dob"]], Country: rec[col["country"]],
		}})
	}
}

// Result is one screened customer.
type Result struct {
	Customer Customer
	Decision screening.Decision
	Err      error
}

// ScreenAll screens customers on all cores; results come back in input order.
func ScreenAll(ctx context.Context, s *screening.Screener, cs []Customer) []Result {
	out := make([]Result, len(cs))
	idx := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				d, err := s.Screen(ctx, cs[i].Party)
				out[i] = Result{Customer: cs[i], Decision: d, Err: err}
			}
		}()
	}
	for i := range cs {
		idx <- i
	}
	close(idx)
	wg.Wait()
	return out
}

func main() {
	in := flag.String("in", "examples/batchscreen/generated_customers.csv", "customer CSV file")
	logPath := flag.String("audit", "batchscreen-audit.log", "audit log file")
	flag.Parse()
	ctx := context.Background()

	f, err := os.Open(*in)
	if err != nil {
		log.Fatal(err)
	}
	cs, err := ReadCustomers(f)
	f.Close()
	if err != nil {
		log.Fatal(err)
	}
	snap, err := embedded.Load(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintln(os.Stderr, embedded.Warning(time.Now()))
	alog, err := audit.Open(*logPath)
	if err != nil {
		log.Fatal(err)
	}
	s, err := screening.New(ctx, snap, screening.Options{Policy: screening.DefaultPolicy(screening.JurisdictionUS), Log: alog})
	if err != nil {
		log.Fatal(err)
	}
	counts := map[screening.Outcome]int{}
	for _, r := range ScreenAll(ctx, s, cs) {
		if r.Err != nil {
			log.Printf("%s: %v", r.Customer.ID, r.Err)
			continue
		}
		counts[r.Decision.Outcome]++
		if r.Decision.Outcome != screening.Clear {
			fmt.Printf("%-6s %-8s %-40q %s\n", r.Customer.ID, r.Decision.Outcome, r.Customer.Party.Name, r.Decision.Reason)
		}
	}
	if err := alog.Close(); err != nil {
		log.Fatal(err)
	}
	rep, err := audit.VerifyFile(*logPath)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\n%d customers: %d CLEAR, %d HOLD, %d FREEZE; audit log %s verifies (%d records)\n",
		len(cs), counts[screening.Clear], counts[screening.Hold], counts[screening.Freeze], *logPath, rep.Records)
}
