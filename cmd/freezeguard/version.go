package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"slices"
	"time"

	"github.com/freezeguard/freezeguard/lists/embedded"
)

// versionInfo is what "freezeguard version" reports: enough to tell which
// build made a decision record, and how old the lists it embeds are.
type versionInfo struct {
	Module    string         `json:"module"`
	Version   string         `json:"version"`            // module version: a tag, a pseudo-version, or (devel)
	Revision  string         `json:"revision,omitempty"` // VCS commit the binary was built from
	BuildTime string         `json:"build_time,omitempty"`
	Modified  bool           `json:"modified,omitempty"` // built from a work tree with uncommitted changes
	Go        string         `json:"go"`
	Embedded  []embeddedList `json:"embedded_lists"`
}

type embeddedList struct {
	Source    string `json:"source"`
	List      string `json:"list"`
	Published string `json:"published"`
	Excerpt   bool   `json:"excerpt,omitempty"`
}

// readVersion reads the build information the Go toolchain records in the
// binary (module version, and the VCS stamp of a build in a work tree).
func readVersion() versionInfo {
	v := versionInfo{Module: "github.com/freezeguard/freezeguard", Version: "(unknown)"}
	if bi, ok := debug.ReadBuildInfo(); ok {
		v.Module, v.Version, v.Go = bi.Main.Path, bi.Main.Version, bi.GoVersion
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Revision = s.Value
			case "vcs.time":
				v.BuildTime = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	for _, f := range embedded.Files() {
		v.Embedded = append(v.Embedded, embeddedList{Source: string(f.Source), List: f.What, Published: f.Published.Format(time.DateOnly), Excerpt: f.Excerpt})
	}
	slices.SortStableFunc(v.Embedded, func(a, b embeddedList) int { return cmp.Compare(a.Source, b.Source) })
	return v
}

func (e *env) version(_ context.Context, args []string) error {
	fs := e.newFlags("version", `version [--json]

Prints the module version, the VCS revision and time the binary was built
from, the Go version, and the publication dates of the embedded lists.`)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usageError(fs, "version: takes no arguments")
	}
	v := readVersion()
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	fmt.Fprintf(e.stdout, "freezeguard %s (%s)\n", v.Version, v.Module)
	if v.Revision != "" {
		dirty := ""
		if v.Modified {
			dirty = ", with uncommitted changes"
		}
		fmt.Fprintf(e.stdout, "revision %s, %s%s\n", v.Revision, v.BuildTime, dirty)
	}
	fmt.Fprintf(e.stdout, "built with %s\n", v.Go)
	fmt.Fprintln(e.stdout, "embedded lists (demonstration copies):")
	for _, l := range v.Embedded {
		ex := ""
		if l.Excerpt {
			ex = ", excerpt"
		}
		fmt.Fprintf(e.stdout, "  %s %s, published %s%s\n", l.Source, l.List, l.Published, ex)
	}
	return nil
}
