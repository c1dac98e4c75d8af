package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Report is everything one harness run measured.
type Report struct {
	Machine  Machine    `json:"machine"`
	Config   Config     `json:"config"`
	Sections []*Section `json:"sections"`
}

// Section is one part of the table (load, build, latency...).
type Section struct {
	Name  string   `json:"name"`
	Rows  []Row    `json:"rows"`
	Notes []string `json:"notes,omitempty"` // footnotes: failures, caveats
}

// Row is one figure. Value is the raw number in Unit (seconds for times,
// a fraction in [0,1] for rates), Text its display form.
type Row struct {
	Metric string  `json:"metric"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Text   string  `json:"text"`
	Note   string  `json:"note,omitempty"`
}

func (s *Section) add(metric string, v float64, unit, note string) {
	s.Rows = append(s.Rows, Row{Metric: metric, Value: v, Unit: unit, Text: format(v, unit), Note: note})
}

func (s *Section) dur(metric string, d time.Duration, note string) {
	s.add(metric, d.Seconds(), "s", note)
}

func (s *Section) count(metric string, n int, note string) {
	s.add(metric, float64(n), "count", note)
}

// rate adds a share k/n as a fraction, shown with its counts.
func (s *Section) rate(metric string, k, n int, note string) {
	v := 0.0
	if n > 0 {
		v = float64(k) / float64(n)
	}
	s.Rows = append(s.Rows, Row{Metric: metric, Value: v, Unit: "ratio", Text: fmt.Sprintf("%.1f %% (%d/%d)", 100*v, k, n), Note: note})
}

func (s *Section) notef(format string, a ...any) {
	s.Notes = append(s.Notes, fmt.Sprintf(format, a...))
}

// find returns the first row whose metric starts with prefix.
func (s *Section) find(prefix string) (Row, bool) {
	for _, r := range s.Rows {
		if strings.HasPrefix(r.Metric, prefix) {
			return r, true
		}
	}
	return Row{}, false
}

func format(v float64, unit string) string {
	switch unit {
	case "s":
		return time.Duration(v * float64(time.Second)).Round(roundFor(v)).String()
	case "bytes":
		return fmt.Sprintf("%.1f MiB", v/(1<<20))
	case "ratio":
		return fmt.Sprintf("%.1f %%", 100*v)
	case "count":
		return fmt.Sprintf("%d", int64(v))
	case "/s":
		return fmt.Sprintf("%.0f /s", v)
	case "x":
		return fmt.Sprintf("%.1fx", v)
	}
	return fmt.Sprintf("%.3g %s", v, unit)
}

func roundFor(sec float64) time.Duration {
	switch {
	case sec < 1e-5:
		return 10 * time.Nanosecond
	case sec < 1e-3:
		return 100 * time.Nanosecond
	case sec < 1:
		return 10 * time.Microsecond
	}
	return time.Millisecond
}

// WriteTable prints the report as one table: section, figure, value, note;
// footnotes follow, numbered per section.
func (r *Report) WriteTable(w io.Writer) error {
	fmt.Fprintf(w, "freezeguard bench  %s\n", r.Machine)
	fmt.Fprintf(w, "config: %s\n\n", r.Config)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SECTION\tFIGURE\tVALUE\tNOTE")
	for _, s := range r.Sections {
		for i, row := range s.Rows {
			name := ""
			if i == 0 {
				name = s.Name
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", name, row.Metric, row.Text, row.Note)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range r.Sections {
		if len(s.Notes) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n[%s]\n", s.Name)
		for _, n := range s.Notes {
			fmt.Fprintf(w, "  - %s\n", n)
		}
	}
	return nil
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// Section returns the section with the given name, or nil.
func (r *Report) Section(name string) *Section {
	for _, s := range r.Sections {
		if s.Name == name {
			return s
		}
	}
	return nil
}
