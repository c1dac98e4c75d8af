package reviewpage

import (
	"context"
	"github.com/freezeguard/freezeguard/screening"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath finds Debian's chromium (or Chrome) for the browser test.
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowserReview drives the page in headless Chromium, as reviewers
// would, without any JavaScript of the page's own: ana signs in with her
// token, opens the HOLD from the queue and dismisses it (a strong hit:
// a second reviewer is needed); ben signs in and confirms. A screenshot
// of the decision view is written to $FREEZEGUARD_ARTIFACTS (default
// $TMPDIR/freezeguard-artifacts) as review-decision.png.
func TestBrowserReview(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	exe := chromiumPath()
	if exe == "" {
		if os.Getenv("FREEZEGUARD_REQUIRE_BROWSER") != "" {
			t.Fatal("no chromium on PATH (apt-get install chromium)")
		}
		t.Skip("no chromium on PATH: apt-get install chromium to run the browser test")
	}
	f := newFixture(t)
	id := f.holds[1].ID

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 1600),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	signIn := func(token string) chromedp.Action[chromedp.Void] {
		return chromedp.Steps(
			chromedp.Navigate(f.srv.URL+"/review"), // not signed in: the form
			chromedp.WaitVisible(chromedp.ID("token")),
			chromedp.SendKeys(chromedp.ID("token"), token),
			chromedp.Click(chromedp.ID("signin")),
			chromedp.WaitVisible(chromedp.ID("queue")),
		)
	}
	text := func(id string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID(id)))
		if err != nil {
			t.Fatalf("text of #%s: %v", id, err)
		}
		return s
	}
	if err := chromedp.Do(ctx, signIn("tok-ana")); err != nil {
		t.Fatal(err)
	}
	if q := text("queue"); !strings.Contains(q, id) {
		t.Fatalf("queue does not list %s: %q", id, q)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`a[href="/review/decisions/`+id+`"]`)),
		chromedp.WaitVisible(chromedp.ID("reason")),
		chromedp.SendKeys(chromedp.ID("reason"), "Born 1950 per passport, not 1937: another person"),
		chromedp.Click(chromedp.ID("dismiss")),
		chromedp.WaitVisible(chromedp.ID("msg")),
	); err != nil {
		t.Fatal(err)
	}
	if st := text("status"); st != "awaiting-second" {
		t.Fatalf("after ana's dismissal: status %q, want awaiting-second", st)
	}
	// nextReviewer signs the current reviewer out, signs token in, and
	// gives its step on the decision.
	nextReviewer := func(token, reason, button string) {
		t.Helper()
		if err := chromedp.Do(ctx,
			chromedp.Click(chromedp.ID("signout")),
			chromedp.WaitVisible(chromedp.ID("token")),
			signIn(token),
			chromedp.Navigate(f.srv.URL+"/review/decisions/"+id),
			chromedp.WaitVisible(chromedp.ID("reason")),
			chromedp.SendKeys(chromedp.ID("reason"), reason),
			chromedp.Click(chromedp.ID(button)),
			chromedp.WaitVisible(chromedp.ID("msg")),
		); err != nil {
			t.Fatal(err)
		}
	}
	nextReviewer("tok-ben", "Same name in Arabic script and UN listing IQi.001: confirm", "confirm")
	msg := text("msg")
	if !strings.Contains(msg, "confirm by ben") {
		t.Fatalf("after ben's confirmation: %q", msg)
	}
	// They disagree: the case is disputed until an admin decides.
	if d := text("disputed"); !strings.Contains(d, "DISPUTED") {
		t.Fatalf("after a dismissal and a confirmation: %q", d)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("FREEZEGUARD_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "freezeguard-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "review-decision.png")
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the decision view: %s (%d bytes); %s", out, len(png), msg)

	// An admin who took no side settles it.
	nextReviewer("tok-ada", "Father's name and town agree with IQi.001: confirmed", "confirm")
	if st := text("status"); st != string(screening.StatusResolved) {
		t.Fatalf("after the admin's decision: status %q (%s)", st, text("msg"))
	}

	// Both steps are in the log, by two different reviewers.
	n := 0
	for r, err := range f.recordsOfType("review") {
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(r.Body), `"reviewer":"ana"`) || strings.Contains(string(r.Body), `"reviewer":"ben"`) {
			n++
		}
	}
	if n != 2 {
		t.Fatalf("%d review steps by ana and ben logged, want 2", n)
	}
}
