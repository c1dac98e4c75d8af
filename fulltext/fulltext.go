// Package fulltext is the analysts' search over all list data: a
// persistent bleve (scorch) index of every entity's names, identifiers,
// addresses, remarks and programmes, with fuzzy and phrase queries.
//
//	ix, err := fulltext.Build(ctx, "/var/lib/bank/search", snap) // or Open an existing one
//	if err != nil {
//		log.Fatal(err)
//	}
//	defer ix.Close()
//	hits, err := ix.Search(ctx, "ids:AD001095", fulltext.QueryString, 10)
//
// It is deliberately not on the screening path: a bleve fuzzy query takes
// milliseconds where fuzzy.Index answers in microseconds. bleve earns its
// place where an analyst wants "that vessel with IMO 9…" or a phrase in
// the remarks, across every field.
//
// Text is analysed with freezeguard's own transliteration (fuzzy/translit),
// so a query in Cyrillic or Arabic finds the Latin spellings in the lists
// and a Latin query the original-script names; highlights mark the words
// of the original text ([Hit].Fragments).
package fulltext

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/freezeguard/freezeguard/lists"
)

// FormatVersion changes whenever what Build writes changes (the fields of
// Doc, the analysis chain), so that a cache of indexes keyed by the lists'
// hashes can also key by it and never open an index of an older layout.
//
// Format 2: words are transliterated one by one with their original
// offsets (format 1 transliterated whole fields, which shifted highlights
// and left text past translit.MaxInput unsearchable).
const FormatVersion = 2

// formatKey is the bleve internal key under which Build records
// FormatVersion, for Open to check.
var formatKey = []byte("freezeguard.fulltext.format")

// ErrFormat is returned (wrapped) by Open for an index written by a
// freezeguard with another FormatVersion: its analysis differs from the
// queries this one would send. Delete it and Build again.
var ErrFormat = errors.New("fulltext: index of another format version")

// Doc is what the index stores for one entity; its fields are searchable by
// name in queries ("programs:SDNTK", "ids:9187629").
type Doc struct {
	Source    string `json:"source"`
	Kind      string `json:"kind"`
	Name      string `json:"name"`      // primary name
	Names     string `json:"names"`     // every name, one per line
	IDs       string `json:"ids"`       // documents, IMO, MMSI, BIC, wallet addresses
	Addresses string `json:"addresses"` // every address
	Programs  string `json:"programs"`  // programme codes and classes
	Remarks   string `json:"remarks"`
	Countries string `json:"countries"` // nationalities, citizenships (ISO codes)
}

// DocOf flattens an entity into the document that is indexed.
func DocOf(e *lists.Entity) Doc {
	var names, ids, addrs, progs, countries []string
	for _, n := range e.Names {
		names = append(names, n.Full)
	}
	for _, d := range e.Documents {
		ids = append(ids, strings.TrimSpace(d.Type+" "+d.Number))
	}
	if v := e.Vessel; v != nil {
		ids = append(ids, v.IMO, v.MMSI, v.CallSign, v.SerialNumber, v.TailNumber)
	}
	ids = append(ids, e.BICs...)
	for _, c := range e.Crypto {
		ids = append(ids, c.Currency+" "+c.Address)
	}
	ids = append(ids, e.UNReference, e.EUReference)
	for _, a := range e.Addresses {
		addrs = append(addrs, strings.Join(nonEmpty(a.Street, a.City, a.State, a.PostalCode, a.CountryName, a.Country), ", "))
	}
	for _, p := range e.Programs {
		progs = append(progs, p.Code+" "+string(p.Class))
	}
	countries = append(countries, e.Nationalities...)
	countries = append(countries, e.Citizenships...)
	return Doc{
		Source:    string(e.Source),
		Kind:      string(e.Kind),
		Name:      e.PrimaryName(),
		Names:     strings.Join(names, "\n"),
		IDs:       strings.Join(nonEmpty(ids...), "\n"),
		Addresses: strings.Join(addrs, "\n"),
		Programs:  strings.Join(progs, "\n"),
		Remarks:   e.Remarks,
		Countries: strings.Join(countries, " "),
	}
}

func nonEmpty(ss ...string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// newMapping analyses every text field with the freezeguard chain: split
// into words and render each in Latin (translitTokenizer), lower-case.
func newMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	err := im.AddCustomAnalyzer(analyzerName, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     tokenizerName,
		"token_filters": []string{lowercase.Name},
	})
	if err != nil {
		return nil, fmt.Errorf("fulltext: analyzer: %w", err)
	}
	im.DefaultAnalyzer = analyzerName
	return im, nil
}

// Index is a bleve index over a snapshot's entities.
type Index struct {
	bi bleve.Index
}

// ErrExists is returned (wrapped) by Build when something already exists
// at the target path: an index built earlier, or another Build that won
// the race. Open it instead.
var ErrExists = errors.New("fulltext: index path already exists")

// Build creates a new index at path (a directory that must not exist) over
// every entity of the snapshot, in batches.
//
// The index is built in a temporary directory next to path and renamed to
// path only once it is complete and closed, so a crash or a cancelled
// context never leaves a half-built index at path for Open to find. (A
// crash can leave the temporary directory, named ".<base>.building-*",
// behind; nothing opens it, and it may be deleted.)
func Build(ctx context.Context, path string, snap *lists.Snapshot) (*Index, error) {
	path = filepath.Clean(path)
	if _, err := os.Lstat(path); err == nil {
		return nil, fmt.Errorf("fulltext: build %s: %w", path, ErrExists)
	}
	parent := filepath.Dir(path)
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(path)+".building-")
	if err != nil {
		return nil, fmt.Errorf("fulltext: build %s: %w", path, err)
	}
	defer os.RemoveAll(tmp) // after the rename, only the empty parent is left
	built := filepath.Join(tmp, "index")
	if err := buildAt(ctx, built, snap); err != nil {
		return nil, err
	}
	if err := os.Rename(built, path); err != nil {
		if _, serr := os.Lstat(path); serr == nil {
			return nil, fmt.Errorf("fulltext: build %s: %w", path, ErrExists)
		}
		return nil, fmt.Errorf("fulltext: build %s: %w", path, err)
	}
	if err := syncDir(parent); err != nil {
		return nil, fmt.Errorf("fulltext: build %s: %w", path, err)
	}
	return Open(path)
}

// buildAt writes the whole index at path and closes it.
func buildAt(ctx context.Context, path string, snap *lists.Snapshot) (err error) {
	m, err := newMapping()
	if err != nil {
		return err
	}
	bi, err := bleve.New(path, m)
	if err != nil {
		return fmt.Errorf("fulltext: create %s: %w", path, err)
	}
	defer func() {
		if cerr := bi.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("fulltext: close %s: %w", path, cerr)
		}
	}()
	const batchSize = 1000
	b := bi.NewBatch()
	for i := range snap.Entities {
		if err := ctx.Err(); err != nil {
			return err
		}
		e := &snap.Entities[i]
		if err := b.Index(e.ID, DocOf(e)); err != nil {
			return fmt.Errorf("fulltext: index %s: %w", e.ID, err)
		}
		if b.Size() >= batchSize {
			if err := bi.Batch(b); err != nil {
				return fmt.Errorf("fulltext: batch: %w", err)
			}
			b.Reset()
		}
	}
	if err := bi.Batch(b); err != nil {
		return fmt.Errorf("fulltext: batch: %w", err)
	}
	if err := bi.SetInternal(formatKey, []byte(strconv.Itoa(FormatVersion))); err != nil {
		return fmt.Errorf("fulltext: %w", err)
	}
	return nil
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	return nil
}

// Open opens an index built earlier by Build. An index of another
// FormatVersion is refused with ErrFormat.
func Open(path string) (*Index, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("fulltext: open: %w", err)
	}
	bi, err := bleve.Open(path)
	if err != nil {
		return nil, fmt.Errorf("fulltext: open %s: %w", path, err)
	}
	v, err := bi.GetInternal(formatKey)
	if err != nil || string(v) != strconv.Itoa(FormatVersion) {
		bi.Close()
		if err != nil {
			return nil, fmt.Errorf("fulltext: open %s: %w", path, err)
		}
		if len(v) == 0 {
			v = []byte("1") // format 1 did not record itself
		}
		return nil, fmt.Errorf("%w: %s has format %.8q, this freezeguard reads %d; delete it and build it again", ErrFormat, path, v, FormatVersion)
	}
	return &Index{bi: bi}, nil
}

// Close releases the index's files.
func (ix *Index) Close() error { return ix.bi.Close() }

// Count returns the number of indexed entities.
func (ix *Index) Count() (uint64, error) { return ix.bi.DocCount() }

// Hit is one search result.
type Hit struct {
	ID        string              `json:"id"`
	Score     float64             `json:"score"`
	Name      string              `json:"name"`
	Fragments map[string][]string `json:"fragments,omitempty"` // highlighted matches per field
}

// Mode chooses how a query string is interpreted.
type Mode int

// Query modes.
const (
	// Match finds entities containing the words, tolerating one edit per
	// word (fuzziness 1) on every field.
	Match Mode = iota
	// Phrase finds the words in this order, adjacent.
	Phrase
	// QueryString accepts bleve's query-string syntax: field:value, +must,
	// -not, "phrases", word~2 for fuzziness.
	QueryString
)

// ErrEmptyQuery is returned for a query with nothing to search for.
var ErrEmptyQuery = errors.New("fulltext: empty query")

// ErrLimit is returned (wrapped) by Search for a limit below 1, which
// could only ever return nothing: an empty answer must mean "no match".
var ErrLimit = errors.New("fulltext: limit must be at least 1")

// Search runs a query and returns at most limit hits, best first. Each
// hit's Fragments mark the matched words of the original text, in
// whatever script it is written, with <mark>...</mark> (HTML-escaped).
func (ix *Index) Search(ctx context.Context, q string, mode Mode, limit int) ([]Hit, error) {
	if strings.TrimSpace(q) == "" {
		return nil, ErrEmptyQuery
	}
	if limit < 1 {
		return nil, fmt.Errorf("%w: got %d", ErrLimit, limit)
	}
	var qry query.Query
	switch mode {
	case Phrase:
		qry = bleve.NewMatchPhraseQuery(q)
	case QueryString:
		qry = bleve.NewQueryStringQuery(q)
	default:
		mq := bleve.NewMatchQuery(q)
		mq.SetFuzziness(1)
		qry = mq
	}
	req := bleve.NewSearchRequestOptions(qry, limit, 0, false)
	req.Fields = []string{"name"}
	req.Highlight = bleve.NewHighlight()
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("fulltext: search %q: %w", q, err)
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		name, _ := h.Fields["name"].(string)
		hits = append(hits, Hit{ID: h.ID, Score: h.Score, Name: name, Fragments: h.Fragments})
	}
	return hits, nil
}
