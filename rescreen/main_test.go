package rescreen

import (
	"log/slog"
	"os"
	"testing"
)

// TestMain keeps the Screeners' lists-loaded messages out of test and
// benchmark output.
func TestMain(m *testing.M) {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	os.Exit(m.Run())
}
