// Package embedded carries gzip-compressed copies of real, official
// sanctions list files inside the binary (go:embed), so that the CLI, the
// examples and a first evaluation run offline on a fresh machine.
//
//	snap, err := embedded.Load(ctx)
//	if err != nil {
//		log.Fatal(err)
//	}
//	fmt.Fprintln(os.Stderr, embedded.Warning(time.Now())) // old data: say so
//
// The data is old and partly an excerpt ([Files] says which, with
// data/README.md): it is for demonstrations and tests, never for screening
// real payments. A bank loads current files with lists/loader, after
// lists/fetch has downloaded them.
//
// Core packages must not import this package: it adds about 1 MB of data
// to any binary that does.
package embedded

import (
	"context"
	"embed"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
)

//go:embed data/*.gz
var data embed.FS

// File describes one embedded official file.
type File struct {
	Path      string       // inside the embedded data directory (gzip-compressed)
	Source    lists.Source // who publishes it
	What      string       // which list
	Published time.Time    // publication date (from the file, or from the archive for sdn.csv, which states none)
	SHA256    string       // hex SHA-256 of the uncompressed official bytes
	Bytes     int64        // uncompressed size
	Excerpt   bool         // a real excerpt, not the whole list
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err) // constant input
	}
	return t
}

// files is the manifest, in load order: the SDN list first, so that an
// OFAC uid that is on both the SDN and the consolidated list is kept as
// the SDN entry (with the consolidated programmes merged into it).
var files = []File{
	{Path: "data/sdn.csv.gz", Source: lists.OFAC, What: "OFAC SDN list, legacy CSV primary file (no add/alt/comments of that date)",
		Published: day("2024-07-02"), SHA256: "fb6a6ff6e93643d48d3db934c6caeeaffe7e2964955fc8e90a3c1c30c357fc79", Bytes: 3945271},
	{Path: "data/ofac_consolidated_2025-03-28.xml.gz", Source: lists.OFAC, What: "OFAC consolidated non-SDN list, sdnList XML",
		Published: day("2025-03-28"), SHA256: "ce9a9a18d03b81d0190cbd20dc1fceb32eb312d0edac45336f2854e501cf0846", Bytes: 941059},
	{Path: "data/un_consolidated_2026-08-01.xml.gz", Source: lists.UN, What: "UN Security Council consolidated list",
		Published: day("2026-08-01"), SHA256: "5bf360176d1b24eee5352af180cac6515bbfc3c8c1fddab8fec82210c75520a6", Bytes: 2192833},
	{Path: "data/eu_fsf_excerpt_2018-12-21.xml.gz", Source: lists.EU, What: "EU Financial Sanctions File XML 1.1, 2-entity excerpt",
		Published: day("2018-12-21"), SHA256: "3258ee378f7437b27601239bed293e7ae03d64205e120918627c36c8766858e6", Bytes: 11906, Excerpt: true},
}

// Files returns the manifest of the embedded files.
func Files() []File { return append([]File(nil), files...) }

// Dates returns each embedded source's publication date: for a source with
// several files, the oldest.
func Dates() map[lists.Source]time.Time {
	m := map[lists.Source]time.Time{}
	for _, f := range files {
		if t, ok := m[f.Source]; !ok || f.Published.Before(t) {
			m[f.Source] = f.Published
		}
	}
	return m
}

// Load parses the embedded files into a snapshot. Each call parses anew
// (a few hundred milliseconds; see BenchmarkLoad) and returns a snapshot
// the caller owns. The OFAC sdn.csv states no date of its own; Load sets its
// Provenance.Published to the archive date in Files, matched by SHA-256, so
// that stale-data checks see how old it is.
func Load(ctx context.Context) (*lists.Snapshot, error) {
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	// The embedded set is fixed and tested: its known overlap (OFAC uids on
	// both the SDN and the consolidated list) needs no warning each run.
	l := loader.Loader{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	s, err := l.LoadFS(ctx, data, paths...)
	if err != nil {
		return nil, fmt.Errorf("embedded: %w", err)
	}
	for i := range s.Sources {
		p := &s.Sources[i]
		for _, f := range files {
			if p.SHA256 == f.SHA256 && p.Published.IsZero() {
				p.Published = f.Published
			}
		}
	}
	return s, nil
}

// Warning returns the text a program must show when it screens with the
// embedded data: which lists, how old they are at now, and that they must
// be replaced by current official files for any real use.
func Warning(now time.Time) string {
	var b strings.Builder
	b.WriteString("WARNING: using the sanctions lists embedded in freezeguard, a fixed demonstration copy:\n")
	for _, f := range files {
		age := int(now.Sub(f.Published).Hours() / 24)
		fmt.Fprintf(&b, "  - %s, published %s (%d days old)", f.What, f.Published.Format(time.DateOnly), age)
		if f.Excerpt {
			b.WriteString(", an EXCERPT")
		}
		b.WriteString("\n")
	}
	b.WriteString("Designations and delistings since then are missing. Do not screen real payments or customers\n")
	b.WriteString("with this data: download the current official lists (`freezeguard lists fetch DIR`, package lists/fetch) and load them with --lists DIR.\n")
	return b.String()
}
