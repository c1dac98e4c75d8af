package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/freezeguard/freezeguard/fulltext"
	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/embedded"
	"github.com/freezeguard/freezeguard/lists/fetch"
	"github.com/freezeguard/freezeguard/lists/loader"
	"github.com/freezeguard/freezeguard/report"
)

// listFlags adds the --lists flag every list-reading command takes.
func listFlags(fs *flag.FlagSet) *multiFlag {
	var m multiFlag
	fs.Var(&m, "lists", "official list `PATH` (file or directory; repeatable); default: the embedded lists")
	return &m
}

// loadLists loads the official files at paths, or the embedded snapshot
// (with a warning on stderr that it is old) when there are none.
func (e *env) loadLists(ctx context.Context, paths []string) (*lists.Snapshot, error) {
	if len(paths) > 0 {
		return loader.Load(ctx, paths...)
	}
	snap, err := embedded.Load(ctx)
	if err != nil {
		return nil, err
	}
	fmt.Fprintln(e.stderr, "freezeguard:", embedded.Warning(time.Now()))
	return snap, nil
}

const listsUsage = `Usage:
  freezeguard lists info [--lists PATH] [--json]
  freezeguard lists diff OLD NEW [--json]
  freezeguard lists search QUERY [--lists PATH] [--phrase|--query] [--limit N] [--index DIR] [--json]
  freezeguard lists fetch DIR [--eu-token TOKEN] [--source NAME=URL]... [--timeout D] [--force] [--json]

Run 'freezeguard lists COMMAND -h' for a command's flags.
`

func (e *env) lists(ctx context.Context, args []string) error {
	return e.subcommand(ctx, "lists", listsUsage, args, map[string]func(context.Context, []string) error{
		"info":   e.listsInfo,
		"diff":   e.listsDiff,
		"search": e.listsSearch,
		"fetch":  e.listsFetch,
	})
}

func (e *env) listsInfo(ctx context.Context, args []string) error {
	fs := e.newFlags("lists info", "lists info [--lists PATH] [--json]")
	paths := listFlags(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	snap, err := e.loadLists(ctx, *paths)
	if err != nil {
		return err
	}
	out := report.Lists(snap)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tFORMAT\tFILE\tPUBLISHED\tENTITIES\tSHA256")
	for _, s := range out.Sources {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%.16s…\n", s.Source, s.Format, s.File, s.Published, s.Entities, s.SHA256)
	}
	fmt.Fprintf(tw, "total\t\t\t\t%d\t\n", out.Entities)
	return tw.Flush()
}

func (e *env) listsSearch(ctx context.Context, args []string) error {
	fs := e.newFlags("lists search", "lists search QUERY [--lists PATH] [--phrase|--query] [--limit N] [--index DIR] [--json]")
	paths := listFlags(fs)
	phrase := fs.Bool("phrase", false, "match the words as a phrase, in order")
	qs := fs.Bool("query", false, "use bleve query-string syntax (field:value, +must, -not, word~2); fields: name (primary), names (all), ids (documents, IMO, BIC, wallets), addresses, programs, remarks, countries, kind, source")
	limit := fs.Int("limit", 10, "at most `N` results")
	dir := fs.String("index", "", "bleve index `DIR` (default: a cache directory keyed by the lists' hashes)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError(fs, "lists search: want a QUERY")
	}
	if *limit < 1 {
		return usageError(fs, "lists search: --limit must be at least 1")
	}
	snap, err := e.loadLists(ctx, *paths)
	if err != nil {
		return err
	}
	ix, err := openOrBuildFulltext(ctx, *dir, snap, func(dir string) {
		fmt.Fprintf(e.stderr, "freezeguard: building the search index in %s (once for these lists)...\n", dir)
	})
	if err != nil {
		return err
	}
	defer ix.Close()
	mode := fulltext.Match
	if *phrase {
		mode = fulltext.Phrase
	} else if *qs {
		mode = fulltext.QueryString
	}
	hits, err := ix.Search(ctx, strings.Join(pos, " "), mode, *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(searchOutput(hits))
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ENTITY\tSCORE\tNAME")
	for _, h := range hits {
		fmt.Fprintf(tw, "%s\t%.3f\t%s\n", h.ID, h.Score, h.Name)
	}
	return tw.Flush()
}

// searchHit is one `lists search --json` result: the matched parts of each
// field as plain text with the byte spans matched, not HTML.
type searchHit struct {
	ID      string                     `json:"id"`
	Score   float64                    `json:"score"`
	Name    string                     `json:"name"`
	Matches map[string][]searchMatched `json:"matches,omitempty"` // by field: name, names, ids, addresses, programs, remarks, countries
}

type searchMatched struct {
	Text  string          `json:"text"`
	Marks []fulltext.Span `json:"marks"`
}

func searchOutput(hits []fulltext.Hit) []searchHit {
	out := make([]searchHit, 0, len(hits))
	for _, h := range hits {
		sh := searchHit{ID: h.ID, Score: h.Score, Name: h.Name}
		for field, frags := range h.Fragments {
			if sh.Matches == nil {
				sh.Matches = map[string][]searchMatched{}
			}
			for _, f := range frags {
				text, marks := fulltext.Unmark(f)
				sh.Matches[field] = append(sh.Matches[field], searchMatched{text, marks})
			}
		}
		out = append(out, sh)
	}
	return out
}

// openOrBuildFulltext opens the bleve index for this snapshot, building it
// on first use. The default location is keyed by the sources' hashes and
// the index format, so a refreshed list or a newer freezeguard gets a fresh
// index.
func openOrBuildFulltext(ctx context.Context, dir string, snap *lists.Snapshot, building func(dir string)) (*fulltext.Index, error) {
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = os.TempDir()
		}
		h := sha256.New()
		fmt.Fprintf(h, "fulltext v%d\n", fulltext.FormatVersion)
		for _, p := range snap.Sources {
			fmt.Fprintf(h, "%s\n", p.SHA256)
		}
		dir = filepath.Join(cache, "freezeguard", "fulltext-"+hex.EncodeToString(h.Sum(nil))[:16])
	}
	if _, err := os.Stat(dir); err == nil {
		ix, err := fulltext.Open(dir)
		if err != nil {
			return nil, fmt.Errorf("%w (delete %s to rebuild it)", err, dir)
		}
		return ix, nil
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o700); err != nil {
		return nil, fmt.Errorf("lists search: index directory: %w", err)
	}
	building(dir)
	ix, err := fulltext.Build(ctx, dir, snap)
	if errors.Is(err, fulltext.ErrExists) {
		return fulltext.Open(dir) // another process built it meanwhile
	}
	return ix, err
}

func (e *env) listsDiff(ctx context.Context, args []string) error {
	fs := e.newFlags("lists diff", "lists diff OLD NEW [--json]")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageError(fs, "lists diff: want OLD and NEW (each a list file or directory)")
	}
	old, err := loader.Load(ctx, pos[0])
	if err != nil {
		return err
	}
	cur, err := loader.Load(ctx, pos[1])
	if err != nil {
		return err
	}
	ch := lists.Diff(old, cur)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ch)
	}
	fmt.Fprintf(e.stdout, "%d added, %d removed, %d changed\n", len(ch.Added), len(ch.Removed), len(ch.Changed))
	for _, id := range ch.Added {
		ent, _ := cur.Entity(id)
		fmt.Fprintf(e.stdout, "+ %s %s\n", id, ent.PrimaryName())
	}
	for _, id := range ch.Removed {
		ent, _ := old.Entity(id)
		fmt.Fprintf(e.stdout, "- %s %s\n", id, ent.PrimaryName())
	}
	for _, c := range ch.Changed {
		ent, _ := cur.Entity(c.ID)
		fmt.Fprintf(e.stdout, "~ %s %s: %s\n", c.ID, ent.PrimaryName(), strings.Join(c.Fields, ", "))
	}
	return nil
}

// listsFetch downloads the official files into DIR with lists/fetch: each
// file replaces the one in DIR only once it has been parsed whole, so a
// failed download keeps the last good copy. Any failure exits non-zero.
func (e *env) listsFetch(ctx context.Context, args []string) error {
	fs := e.newFlags("lists fetch", "lists fetch DIR [--eu-token TOKEN] [--source NAME=URL]... [--timeout D] [--force] [--json]")
	euToken := fs.String("eu-token", "", "the access `TOKEN` the EU publishes on its Financial Sanctions Files page; adds the EU file")
	var srcs multiFlag
	fs.Var(&srcs, "source", "download `NAME=URL` instead of the official OFAC and UN files (repeatable)")
	timeout := fs.Duration("timeout", fetch.DefaultTimeout, "bound on each whole download")
	force := fs.Bool("force", false, "download even when the server says a file has not changed since the copy in DIR, and put in place a list older than that copy or with more than 5 % fewer entities")
	asJSON := fs.Bool("json", false, "print one JSON object per file")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError(fs, "lists fetch: want exactly one target DIR")
	}
	sources := fetch.DefaultSources()
	if len(srcs) > 0 {
		sources = sources[:0]
		for _, s := range srcs {
			name, url, ok := strings.Cut(s, "=")
			if !ok || name == "" || url == "" {
				return usageError(fs, "lists fetch: --source %q: want NAME=URL", s)
			}
			sources = append(sources, fetch.Source{Name: name, URL: url})
		}
	}
	if *euToken != "" {
		sources = append(sources, fetch.EUSource(*euToken))
	}
	// Results are printed below; the fetcher's own log lines would repeat them.
	f := fetch.Fetcher{Timeout: *timeout, Force: *force, Logger: slog.New(slog.DiscardHandler)}
	results, ferr := f.Fetch(ctx, pos[0], sources...)
	type fetched struct {
		Name      string `json:"name"`
		URL       string `json:"url"`
		Path      string `json:"path,omitempty"`
		Status    string `json:"status"` // updated, unchanged or failed
		Bytes     int64  `json:"bytes,omitempty"`
		SHA256    string `json:"sha256,omitempty"`
		Published string `json:"published,omitempty"`
		Entities  int    `json:"entities,omitempty"`
		Error     string `json:"error,omitempty"`
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	if !*asJSON {
		fmt.Fprintln(tw, "NAME\tSTATUS\tPUBLISHED\tENTITIES\tBYTES\tSHA256")
	}
	for _, r := range results {
		o := fetched{Name: r.Source.Name, URL: r.Source.URL, Path: r.Path, Bytes: r.Bytes, SHA256: r.SHA256, Entities: r.Provenance.Records}
		switch {
		case r.Err != nil:
			o.Status, o.Error = "failed", r.Err.Error()
		case r.Updated:
			o.Status = "updated"
		default:
			o.Status = "unchanged"
		}
		if !r.Provenance.Published.IsZero() {
			o.Published = r.Provenance.Published.Format(time.DateOnly)
		}
		if *asJSON {
			if err := json.NewEncoder(e.stdout).Encode(o); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%.16s\n", o.Name, o.Status, o.Published, o.Entities, o.Bytes, o.SHA256)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if ferr != nil {
		return fmt.Errorf("lists fetch: %w", ferr)
	}
	return nil
}
