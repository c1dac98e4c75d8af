// Command freezeguard is the demo CLI over the freezeguard library: screen
// names and payment messages against the OFAC, EU and UN sanctions lists,
// inspect and refresh the lists, and verify and review the audit log.
//
// All logic lives in the library packages; this command parses flags,
// loads lists and prints results.
//
// Without --lists it uses the real lists embedded in the binary (old
// snapshots, for trying it out) and says so on stderr.
//
// Exit status: 0 on success, whatever the screening outcome; 1 when audit
// verify finds a log tampered or corrupt, or a payment message or batch
// line cannot be read (it is then held); 2 for a usage error or any other
// error. Run "freezeguard -h".
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
	"strconv"
	"strings"
)

const usage = `freezeguard screens names and payments against the OFAC, EU and UN sanctions lists.

Usage:
  freezeguard screen NAME [--dob D] [--country CC] [--kind K] [--json]
  freezeguard batch [--in FILE] [--out FILE] [--audit LOG] [--workers N]
  freezeguard rescreen --old DIR --new DIR [--in FILE] [--out FILE] [--audit LOG]
  freezeguard compare [NAME1 NAME2 [--json]] [--in FILE] [--out FILE] [--kind K]
  freezeguard payment FILE... [--json] [--audit LOG]     (FILE - reads stdin)
  freezeguard lists info [--json]
  freezeguard lists diff OLD NEW [--json]
  freezeguard lists search QUERY [--phrase|--query] [--limit N] [--index DIR]
  freezeguard lists fetch DIR [--eu-token T] [--source NAME=URL]
  freezeguard audit verify LOG [--anchor SEQ:HASH]
  freezeguard audit review LOG [--decision ID --reviewer NAME [--role admin] (--confirm|--dismiss) --reason TEXT]
  freezeguard serve --audit LOG [--lists DIR] [--addr HOST:PORT] [--tokens FILE]
  freezeguard version [--json]
  freezeguard audit query DSN (--entity ID|--party NAME|--open-holds|--late-freezes|...)
  freezeguard audit report LOG --decision ID --authority NAME --reference REF
  (LOG: a file, or a PostgreSQL store shared by a fleet: postgres://...)

Every command that reads lists takes --lists PATH (repeatable: a file or a
directory of official list files; formats are detected from content).
Without it the embedded real lists are used: they are old snapshots, fine
for trying freezeguard out, not for real screening, and a warning on
stderr says how old they are.

Exit status:
  0  success (whatever the screening outcome)
  1  audit verify found the log tampered or corrupt, or a payment
     message or batch line could not be read (its outcome is then at
     least HOLD); a date of birth or country that cannot be read is only
     flagged (INPUT_FIELD_INVALID) and does not change the status
  2  usage error or any other error (message on stderr)

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
	if msg := errorMessage(err); msg != "" {
		fmt.Fprintln(os.Stderr, "freezeguard:", msg)
	}
	os.Exit(exitCode(err))
}

// exitError ends the program with a specific status after its message has
// been printed (e.g. audit verify on a tampered log exits 1, a flag error
// exits 2 after package flag has printed it).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// exitCode maps run's error to the documented exit status: 0 for success
// and for -h, the exitError's code, 2 for any other error.
func exitCode(err error) int {
	var ex exitError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ex):
		return ex.code
	}
	return 2
}

// errorMessage is what main prints for run's error: nothing when it has
// been printed already (help, flag errors, exitError).
func errorMessage(err error) string {
	var ex exitError
	if err == nil || errors.Is(err, flag.ErrHelp) || errors.As(err, &ex) {
		return ""
	}
	return err.Error()
}

// env is what a command runs with: streams, so tests can drive commands
// without a subprocess.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// run executes one command line. Its error decides the exit status (see
// exitCode); output goes to stdout, messages and warnings to stderr.
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
	case "rescreen":
		return e.rescreen(ctx, rest)
	case "compare":
		return e.compare(ctx, rest)
	case "payment":
		return e.payment(ctx, rest)
	case "lists":
		return e.lists(ctx, rest)
	case "audit":
		return e.audit(ctx, rest)
	case "serve":
		return e.serve(ctx, rest)
	case "version":
		return e.version(ctx, rest)
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}

// subcommand dispatches a command group ("lists", "audit"): -h prints the
// group's usage; an unknown or missing subcommand is a usage error.
func (e *env) subcommand(ctx context.Context, group, synopsis string, args []string, cmds map[string]func(context.Context, []string) error) error {
	if len(args) > 0 {
		if f, ok := cmds[args[0]]; ok {
			return f(ctx, args[1:])
		}
		if isHelp(args[0]) {
			fmt.Fprint(e.stdout, synopsis)
			return nil
		}
	}
	fmt.Fprint(e.stderr, synopsis)
	if len(args) == 0 {
		return fmt.Errorf("%s: want a subcommand", group)
	}
	return fmt.Errorf("%s: unknown subcommand %q", group, args[0])
}

func isHelp(arg string) bool {
	switch arg {
	case "-h", "-help", "--help", "help":
		return true
	}
	return false
}

// parse parses flags that may come before, between or after positional
// arguments ("screen 'Vladimir Putin' --json"), which package flag alone
// does not allow, and returns the positional arguments. A flag error has
// been printed with the usage by package flag; it becomes exit status 2.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, exitError{2}
		}
		if h, ok := fs.Lookup("h").Value.(*helpFlag); ok && h.on {
			fs.SetOutput(h.w)
			fs.Usage()
			return nil, flag.ErrHelp
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

// usageError reports wrong positional arguments: the message, then the
// command's usage, both on stderr; exit status 2.
func usageError(fs *flag.FlagSet, format string, a ...any) error {
	fmt.Fprintf(fs.Output(), "freezeguard: "+format+"\n\n", a...)
	fs.Usage()
	return exitError{2}
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// newFlags makes a command's flag set. -h prints the usage to stdout (it
// was asked for); a flag error prints it to stderr.
func (e *env) newFlags(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	h := &helpFlag{w: e.stdout}
	fs.Var(h, "h", "print this help")
	fs.Var(h, "help", "print this help")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: freezeguard %s\n\nFlags:\n", synopsis)
		printFlags(fs)
	}
	return fs
}

// helpFlag is -h and -help: asked-for help goes to stdout with exit status
// 0, while package flag's own -h handling would write it to stderr.
type helpFlag struct {
	w  io.Writer
	on bool
}

func (h *helpFlag) String() string   { return "" }
func (h *helpFlag) IsBoolFlag() bool { return true }
func (h *helpFlag) Set(s string) error {
	v, err := strconv.ParseBool(s)
	h.on = h.on || v
	return err
}

// printFlags is flag.PrintDefaults without the -help alias of -h, with
// flags written --name as the usage lines write them (package flag takes
// both).
func printFlags(fs *flag.FlagSet) {
	w := fs.Output()
	fs.VisitAll(func(f *flag.Flag) {
		if f.Name == "help" {
			return
		}
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			def := f.DefValue
			if g, ok := f.Value.(flag.Getter); ok {
				if _, isString := g.Get().(string); isString {
					def = strconv.Quote(def)
				}
			}
			usage += " (default " + def + ")"
		}
		fmt.Fprintf(w, "%s\n    \t%s\n", line, strings.ReplaceAll(usage, "\n", "\n    \t"))
	})
}
