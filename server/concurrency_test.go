package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/freezeguard/freezeguard/lists"
)

// TestReloadUnderLoad: reloads through the admin route while parties are
// screened from several goroutines; every request is answered with the
// same decision before, during and after the swap (run with -race).
func TestReloadUnderLoad(t *testing.T) {
	ts := newTestServer(t, Options{Load: func(ctx context.Context) (*lists.Snapshot, error) { return realSnapshot(t), nil }})
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var answered atomic.Int64
	errs := make(chan error, 16)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				body, want := `{"name":"Anna Schmidt"}`, "CLEAR"
				if (g+i)%3 == 0 {
					body, want = `{"name":"Saddam Hussein Al-Tikriti","dob":"1937-04-28"}`, "FREEZE"
				}
				w := ts.do(t, "POST", "/v1/screen", tokScreen, body)
				if w.Code != http.StatusOK {
					errs <- fmt.Errorf("status %d: %s", w.Code, w.Body.String())
					return
				}
				var got ScreenResponse
				if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || got.Outcome != want {
					errs <- fmt.Errorf("%s: %s, want %s", body, got.Outcome, want)
					return
				}
				answered.Add(1)
			}
		}()
	}
	for range 2 {
		w := ts.do(t, "POST", "/v1/admin/reload", tokAdmin, nil)
		if w.Code != http.StatusOK {
			t.Errorf("reload: %d %s", w.Code, w.Body.String())
		}
		ts.do(t, "GET", "/readyz", "", nil)
		ts.do(t, "GET", "/metrics", "", nil)
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if ts.Screener().Generation() != 3 || answered.Load() == 0 {
		t.Fatalf("generation %d, %d answered", ts.Screener().Generation(), answered.Load())
	}
	t.Logf("%d requests answered across 2 reloads", answered.Load())
}
