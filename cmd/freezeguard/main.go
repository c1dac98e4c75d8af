// Command freezeguard is the demo CLI over the freezeguard library: screen
// names and payment messages against the OFAC, EU and UN sanctions lists,
// inspect and refresh the lists, and verify and review the audit log.
//
// All logic lives in the library packages; this command parses flags,
// loads lists and prints results.
//
// Without --lists it uses the real lists embedded in the binary (old
// snapshots, for trying it out) and says so on stderr.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
)

const usage = `freezeguard screens names and payments against the OFAC, EU and UN sanctions lists.

Usage:
  freezeguard screen NAME [--dob D] [--country CC] [--kind K] [--json]
  freezeguard batch [--in FILE] [--out FILE] [--audit LOG] [--workers N]
  freezeguard compare [NAME1 NAME2] [--in FILE] [--out FILE] [--kind K]
  freezeguard payment FILE... [--json] [--audit LOG]
  freezeguard lists info [--json]
  freezeguard lists diff OLD NEW
  freezeguard lists search QUERY [--phrase] [--limit N] [--index DIR]
  freezeguard lists fetch DIR
  freezeguard audit verify LOG
  freezeguard audit review LOG --decision ID --reviewer NAME (--confirm|--dismiss) --reason TEXT

Every command that reads lists takes --lists PATH (repeatable: a file or a
directory of official list files; formats are detected from content).
Without it the embedded real lists are used: they are old snapshots, fine
for trying freezeguard out, not for real screening.

Run 'freezeguard COMMAND -h' for a command's flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	// The library logs operational events (lists loaded, ...) at Info; a
	// command-line user wants warnings only, unless FREEZEGUARD_VERBOSE is set.
	level := slog.LevelWarn
	if os.Getenv("FREEZEGUARD_VERBOSE") != "" {
		level = slog.LevelInfo
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})))
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if err == nil {
		return
	}
	var ex exitError
	if errors.As(err, &ex) {
		os.Exit(ex.code)
	}
	if !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "freezeguard:", err)
	}
	os.Exit(2)
}

// exitError ends the program with a specific status after its message has
// been printed (e.g. audit verify on a tampered log exits 1).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// env is what a command runs with: streams, so tests can drive commands
// without a subprocess.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitError{2}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	case "screen":
		return e.screen(ctx, rest)
	case "batch":
		return e.batch(ctx, rest)
	case "compare":
		return e.compare(ctx, rest)
	case "payment":
		return e.payment(ctx, rest)
	case "lists":
		return e.lists(ctx, rest)
	case "audit":
		return e.audit(ctx, rest)
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}

// parse parses flags that may come before, between or after positional
// arguments ("screen 'Vladimir Putin' --json"), which package flag alone
// does not allow, and returns the positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// newFlags makes a command's flag set, printing usage to the env's stderr.
func (e *env) newFlags(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: freezeguard %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}
