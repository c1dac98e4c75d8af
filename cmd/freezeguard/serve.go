package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/fetch"
	"github.com/freezeguard/freezeguard/lists/loader"
	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
	"github.com/freezeguard/freezeguard/server"
)

const serveSynopsis = `serve --audit LOG [--lists DIR] [--addr HOST:PORT] [--tokens FILE] [--jurisdiction J] [--max-list-age D] [--fetch-every D] [--tls-cert F --tls-key F]

Runs the screening service: an HTTP/JSON API (/v1/screen, /v1/screen/batch,
/v1/payments, /v1/messages, /v1/compare, /v1/entities/{id}, /v1/lists,
/v1/decisions/{id}, /v1/decisions/{id}/reviews, /v1/admin/reload), with
/healthz, /readyz, /metrics and the OpenAPI document at /openapi.json.
Decisions are those of 'freezeguard batch' for the same input, each
answered only once its audit record is durable.

Every flag can also be set by an environment variable: FREEZEGUARD_ and the
flag's name in upper case, dashes as underscores (FREEZEGUARD_TOKENS,
FREEZEGUARD_MAX_LIST_AGE); FREEZEGUARD_LISTS holds paths separated by the
system's list separator (':' on Unix). A flag on the command line wins.

Without --tokens the API needs no token and the server binds only to a
loopback address. SIGHUP reloads the lists; SIGTERM or SIGINT stops taking
requests, finishes those in flight and exits.`

// serveFlags are serve's flags beyond the screener's.
type serveFlags struct {
	addr, tokens, tlsCert, tlsKey, euToken string
	maxListAge, fetchEvery, timeout        time.Duration
	keep                                   int
}

func (e *env) serve(ctx context.Context, args []string) error {
	fs := e.newFlags("serve", serveSynopsis)
	sf := addScreenerFlags(fs)
	var f serveFlags
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	fs.StringVar(&f.tokens, "tokens", "", "bearer tokens `FILE`: lines \"SHA256HEX ROLE NAME\" (role screen, review or admin); without it no auth and loopback only")
	fs.StringVar(&f.tlsCert, "tls-cert", "", "serve HTTPS with this certificate `FILE` (PEM; with --tls-key)")
	fs.StringVar(&f.tlsKey, "tls-key", "", "the TLS private key `FILE` (PEM)")
	fs.StringVar(&f.euToken, "eu-token", "", "with --fetch-every: the EU's access `TOKEN`, to fetch the EU file too")
	fs.DurationVar(&f.maxListAge, "max-list-age", -1, "/readyz fails when the oldest list is older than `D` (default: the policy's, 168h; 0: no check)")
	fs.DurationVar(&f.fetchEvery, "fetch-every", 0, "download the official lists into the --lists DIR and reload every `D` (e.g. 1h; 0: never)")
	fs.DurationVar(&f.timeout, "request-timeout", 10*time.Second, "bound on the work of one request")
	fs.IntVar(&f.keep, "keep-decisions", 20000, "decisions kept in memory for GET /v1/decisions/{id} (the audit log keeps all)")
	if err := envFlags(fs, os.LookupEnv); err != nil {
		return usageError(fs, "serve: %v", err)
	}
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usageError(fs, "serve: unexpected argument %q", pos[0])
	}
	if *sf.auditPath == "" {
		return usageError(fs, "serve: want --audit LOG: every decision is logged before it is answered")
	}
	if (f.tlsCert == "") != (f.tlsKey == "") {
		return usageError(fs, "serve: --tls-cert and --tls-key go together")
	}
	if f.fetchEvery > 0 && len(*sf.lists) != 1 {
		return usageError(fs, "serve: --fetch-every needs exactly one --lists DIR to download into")
	}
	logger := slog.New(slog.NewJSONHandler(e.stderr, nil))
	var tokens *server.Tokens
	if f.tokens != "" {
		tf, err := os.Open(f.tokens)
		if err != nil {
			return fmt.Errorf("serve: %w", err)
		}
		tokens, err = server.ParseTokens(tf)
		tf.Close()
		if err != nil {
			return fmt.Errorf("serve: %s: %w", f.tokens, err)
		}
	} else if err := loopbackOnly(f.addr); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	j, err := screening.ParseJurisdiction(*sf.jurisdiction)
	if err != nil {
		return err
	}
	pol := screening.DefaultPolicy(j)
	snap, err := e.loadLists(ctx, *sf.lists)
	if err != nil {
		return err
	}
	store, err := openAudit(ctx, *sf.auditPath)
	if err != nil {
		return fmt.Errorf("serve: audit: %w", err)
	}
	defer func() {
		if cerr := store.Close(); cerr != nil {
			logger.Error("serve: closing the audit store", "error", cerr)
		}
	}()
	opts := server.Options{
		Snapshot: snap, Policy: pol, Log: store, History: audit.RecordsSpec(ctx, *sf.auditPath),
		Records: func(ctx context.Context) iter.Seq2[audit.Record, error] { return audit.RecordsSpec(ctx, *sf.auditPath) }, Tokens: tokens,
		RequestTimeout: f.timeout, KeepDecisions: f.keep, Logger: logger,
	}
	if audit.IsPostgres(*sf.auditPath) {
		opts.LockDecision = func(ctx context.Context, id string) (func() error, error) {
			return audit.LockPostgresDecision(ctx, *sf.auditPath, id)
		}
	}
	if f.maxListAge >= 0 {
		opts.MaxListAge = &f.maxListAge
	}
	if paths := *sf.lists; len(paths) > 0 {
		opts.Load = func(ctx context.Context) (*lists.Snapshot, error) { return loader.Load(ctx, paths...) }
	}
	if f.fetchEvery > 0 {
		opts.Fetch = listFetcher((*sf.lists)[0], f.euToken, logger)
	}
	srv, err := server.New(ctx, opts)
	if err != nil {
		return err
	}
	return runServer(ctx, srv, f, tokens == nil, logger, e.stderr)
}

// runServer serves until SIGTERM/SIGINT (or ctx ends), reloading on
// SIGHUP, then shuts down gracefully: in-flight requests finish (and are
// logged) before the audit store is closed by the caller.
func runServer(ctx context.Context, srv *server.Server, f serveFlags, open bool, logger *slog.Logger, stderr io.Writer) error {
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	hs := srv.HTTPServer(f.addr)
	scheme := "http"
	if f.tlsCert != "" {
		scheme = "https"
	}
	if open {
		fmt.Fprintf(stderr, "freezeguard: serve: no --tokens: the API needs no token, so it listens on loopback only: %s://%s\n", scheme, ln.Addr())
	} else {
		fmt.Fprintf(stderr, "freezeguard: serve: listening on %s://%s\n", scheme, ln.Addr())
	}
	logger.Info("serve: listening", "addr", ln.Addr().String(), "tls", f.tlsCert != "", "auth", !open, "generation", srv.Screener().Generation())

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if f.fetchEvery > 0 {
		go srv.Refresh(ctx, f.fetchEvery)
	}
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	defer signal.Stop(sigs)
	served := make(chan error, 1)
	go func() {
		if f.tlsCert != "" {
			served <- hs.ServeTLS(ln, f.tlsCert, f.tlsKey)
		} else {
			served <- hs.Serve(ln)
		}
	}()
	for {
		select {
		case err := <-served:
			return fmt.Errorf("serve: %w", err)
		case <-ctx.Done():
		case sig := <-sigs:
			if sig == syscall.SIGHUP {
				go srv.Reload(ctx, false)
				continue
			}
			logger.Info("serve: signal received, finishing requests in flight", "signal", sig.String())
		}
		break
	}
	sctx, scancel := context.WithTimeout(context.Background(), f.timeout+5*time.Second)
	defer scancel()
	err = hs.Shutdown(sctx)
	if err != nil {
		logger.Error("serve: requests still in flight at the shutdown deadline", "error", err)
	} else {
		logger.Info("serve: stopped; every request in flight was answered")
	}
	if serr := <-served; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", serr)
	}
	return err
}

// envFlags sets each flag from FREEZEGUARD_<NAME> when that variable is
// set; the command line, parsed after, wins.
func envFlags(fs *flag.FlagSet, lookup func(string) (string, bool)) error {
	var err error
	fs.VisitAll(func(fl *flag.Flag) {
		if err != nil || fl.Name == "h" || fl.Name == "help" {
			return
		}
		name := "FREEZEGUARD_" + strings.ToUpper(strings.ReplaceAll(fl.Name, "-", "_"))
		v, ok := lookup(name)
		if !ok {
			return
		}
		vals := []string{v}
		if _, multi := fl.Value.(*multiFlag); multi {
			vals = filepath.SplitList(v)
		}
		for _, x := range vals {
			if serr := fl.Value.Set(x); serr != nil {
				err = fmt.Errorf("%s=%q: %v", name, v, serr)
			}
		}
	})
	return err
}

// loopbackOnly refuses an address that is not a loopback one: without
// tokens the API is open to whoever can connect.
func loopbackOnly(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("--addr %q is not a loopback address: without --tokens the API needs no token, so it may listen on loopback only (127.0.0.1, ::1); give --tokens FILE to serve other hosts", addr)
}

// listFetcher downloads the official files into dir (lists/fetch: a file
// is put in place only once it parses whole).
func listFetcher(dir, euToken string, logger *slog.Logger) func(context.Context) error {
	sources := fetch.DefaultSources()
	if euToken != "" {
		sources = append(sources, fetch.EUSource(euToken))
	}
	f := fetch.Fetcher{Logger: logger}
	return func(ctx context.Context) error {
		_, err := f.Fetch(ctx, dir, sources...)
		return err
	}
}
