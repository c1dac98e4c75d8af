package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/freezeguard/freezeguard/lists/loader"
)

// FuzzReadBatch feeds arbitrary input to the batch reader (JSON Lines or
// CSV): it must not panic or hang, and every job it emits must carry a
// positive, non-decreasing line number and an offset within the input.
// Seeds are real listed names in both formats.
func FuzzReadBatch(f *testing.F) {
	snap, err := loader.Load(context.Background(), unNew)
	if err != nil {
		f.Fatal(err)
	}
	var jl, csv strings.Builder
	csv.WriteString("id,name,kind,dob,country\n")
	for i := range 20 {
		e := &snap.Entities[i*37%len(snap.Entities)]
		jl.WriteString(`{"id":"` + e.ID + `","name":"` + e.PrimaryName() + `","kind":"person","dob":"1960","country":"IQ"}` + "\n")
		csv.WriteString(e.ID + `,"` + e.PrimaryName() + `",person,1960-01,IQ` + "\n")
	}
	f.Add([]byte(jl.String()))
	f.Add([]byte(csv.String()))
	f.Add([]byte("\ufeff{\"id\":\"1\",\"name\":\"x\"}\r\n\r\n{bad\n"))
	f.Add([]byte("name\n\"unterminated\n"))
	// issue 9: a stray quote, a field spanning lines, duplicate and
	// case-variant keys, an over-long line
	f.Add([]byte("id,name\nq1,Anna Schmidt\nq2,\"Bad quote\nq3,Vladimir Vladimirovich Putin\nq4,Saddam Hussein Al-Tikriti\n"))
	f.Add([]byte("id,name\nq1,\"Anna\nSchmidt\"\nq2,x"))
	f.Add([]byte(`{"name":"Vladimir Vladimirovich Putin","NAME":"Anna Schmidt"}` + "\n" + `{"name":"a","name":"b"}`))
	f.Add([]byte("id,name\n1," + strings.Repeat("a", maxLine+1) + "\n2,x\n"))
	if b, err := os.ReadFile(paymentsDir + "/swift_mt_prowide-core/MT101.fin"); err == nil {
		f.Add(b) // neither format
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// A hang is a failure too: the watchdog turns it into a crash
		// with this input.
		watchdog := time.AfterFunc(5*time.Second, func() { panic(fmt.Sprintf("readBatch hangs on %q", data)) })
		defer watchdog.Stop()
		last, jobs := 0, 0
		st, err := readBatch(bytes.NewReader(data), func(j *job) bool {
			if j.line < 1 || j.line <= last {
				t.Fatalf("line %d after %d", j.line, last)
			}
			if j.end < 0 || j.end > int64(len(data)) {
				t.Fatalf("offset %d outside the %d-byte input", j.end, len(data))
			}
			last = j.line
			jobs++
			return true
		})
		if err != nil {
			return // a CSV header that cannot be read: the run fails
		}
		// Every physical line is the header, a blank line or a job.
		lines := bytes.Count(data, []byte("\n"))
		if len(data) > 0 && data[len(data)-1] != '\n' {
			lines++
		}
		if st.lines != lines || st.header+st.blank+jobs != lines {
			t.Fatalf("%d physical lines; read %+v and %d jobs", lines, st, jobs)
		}
	})
}
