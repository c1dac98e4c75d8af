package lists

import "time"

// Provenance says where one source file of a snapshot came from, so that
// every decision can name the exact list version it used.
type Provenance struct {
	Source    Source    `json:"source"`
	Format    string    `json:"format"`             // e.g. "ofac-sdn-csv", "ofac-sdnlist-xml", "eu-fsf-xml", "un-consolidated-xml"
	File      string    `json:"file,omitempty"`     // file name (base) it was read from
	Published time.Time `json:"published,omitzero"` // publish or generation date stated in the file; zero when the format has none
	SHA256    string    `json:"sha256"`             // hex SHA-256 of the file's bytes (of the main file for multi-file sets)
	Records   int       `json:"records"`            // entities read from it
	// Parts names the companion files of a multi-file set (OFAC's add.csv,
	// alt.csv, sdn_comments.csv) with their hashes: aliases and addresses
	// come from them, so an audit record must pin them too.
	Parts []FilePart `json:"parts,omitempty"`
	// Warnings say what the parser could not check and a person should:
	// e.g. a companion file that lacks the end marker its kind usually
	// has. The loader logs them; they never pass silently.
	Warnings []string `json:"warnings,omitempty"`
}

// FilePart is one companion file of a multi-file source.
type FilePart struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
}

// Snapshot is an immutable set of entities from one or more sources. Build
// it once, then share it: nothing may modify it after construction.
type Snapshot struct {
	Entities []Entity     `json:"entities"`
	Sources  []Provenance `json:"sources"`
	Loaded   time.Time    `json:"loaded"`

	byID map[string]int
}

// NewSnapshot assembles a snapshot, indexing entities by id. It takes
// ownership of the slices.
func NewSnapshot(entities []Entity, sources []Provenance, loaded time.Time) *Snapshot {
	s := &Snapshot{Entities: entities, Sources: sources, Loaded: loaded, byID: make(map[string]int, len(entities))}
	for i := range entities {
		s.byID[entities[i].ID] = i
	}
	return s
}

// Entity returns the entity with the given id.
func (s *Snapshot) Entity(id string) (*Entity, bool) {
	i, ok := s.byID[id]
	if !ok {
		return nil, false
	}
	return &s.Entities[i], true
}

// Oldest returns the publish date of the oldest source with a known date, or
// the zero time. Screening uses it to flag stale list data.
func (s *Snapshot) Oldest() time.Time {
	var t time.Time
	for _, p := range s.Sources {
		if !p.Published.IsZero() && (t.IsZero() || p.Published.Before(t)) {
			t = p.Published
		}
	}
	return t
}
