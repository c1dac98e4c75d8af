package server

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/freezeguard/freezeguard/screening/audit"
)

// benchNames mimic the service load test's mix: mostly clean names of
// several cultures, one in twenty an altered listed one.
var benchNames = []string{
	"Anna Schmidt", "Jean-Pierre Dubois", "Maria Garcia Lopez", "Tanaka Hiroshi",
	"Oluwaseun Adeyemi", "Giulia Romano", "Pavel Sokolov", "Nguyen Van Minh",
	"Mehmet Yilmaz", "Priya Sharma", "Kim Min-jun", "Fatima Al-Sayed",
	"Wojciech Nowak", "Reza Karimi", "Li Wei", "Thomas Müller",
	"Ahmed Hassan Mahmoud", "John Smith", "Sofia Rossi", "Saddam Husein Al Tikriti",
}

// BenchmarkHandleScreen is the server's cost of one POST /v1/screen, the
// route the 5,000 req/s target is about: auth, decoding, screening, the
// audit append (file log, no fsync: the disk is not what is measured),
// the JSON answer and the access log. On Linux it also reports the
// process CPU time per request (cpu-ns/op), which a busy machine does not
// inflate as it does ns/op.
func BenchmarkHandleScreen(b *testing.B) {
	alog, err := audit.Open(filepath.Join(b.TempDir(), "audit.log"), audit.WithFsync(audit.FsyncNever))
	if err != nil {
		b.Fatal(err)
	}
	defer alog.Close()
	ts := newTestServer(b, Options{Log: alog, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
	bodies := make([]string, len(benchNames))
	for i, n := range benchNames {
		j, _ := json.Marshal(map[string]string{"id": fmt.Sprint(i), "name": n})
		bodies[i] = string(j)
	}
	h := ts.Handler()
	b.ReportAllocs()
	cpu0, cpuOK := processCPU()
	i := 0
	for b.Loop() {
		i++
		req := httptest.NewRequest("POST", "/v1/screen", strings.NewReader(bodies[i%len(bodies)]))
		req.Header.Set("Authorization", "Bearer "+tokScreen)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body.String())
		}
	}
	if cpu1, _ := processCPU(); cpuOK {
		b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
	}
}
