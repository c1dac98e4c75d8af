// Package loader reads sanctions list files into a [lists.Snapshot],
// detecting each file's format from its content.
//
//	snap, err := loader.Load(ctx, "/var/lib/bank/lists")
//	if err != nil {
//		log.Fatal(err) // a file that is not a whole list is an error, never skipped
//	}
//	for _, p := range snap.Sources {
//		fmt.Println(p.Source, p.Format, p.Published, p.Records, p.SHA256)
//	}
//
// [Load] takes files and directories; a directory is one set of files, read
// without descending. Every candidate file must be a list by content (an
// HTML error page saved as sdn.csv is an error), is hashed as it is read,
// is capped after decompression ([Loader].MaxFileBytes, so a gzip bomb is
// an error) and is read under the context. An entity id found in two files
// is kept once with its programmes merged, or refused with
// [Loader].StrictIDs.
//
// It is not lists.Load because the parsers import package lists for the
// model, which so cannot import them back. docs/lists.md says which files
// are read, how a CSV set is grouped and why duplicate ids are merged.
package loader

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/eu"
	"github.com/freezeguard/freezeguard/lists/ofac"
	"github.com/freezeguard/freezeguard/lists/un"
)

// DefaultMaxFileBytes caps one file's (uncompressed) size: several times
// the largest official list file (OFAC's sdn_advanced.xml, over 100 MiB;
// the other lists' files are tens of MiB at most), small enough that a
// runaway or hostile file cannot exhaust memory.
const DefaultMaxFileBytes = 512 << 20

// ErrTooLarge is the cause for a file over Loader.MaxFileBytes.
//
// Deprecated: use [lists.ErrTooLarge], the same value.
var ErrTooLarge = lists.ErrTooLarge

// ErrDuplicateID is returned (wrapped) when two files hold the same entity id.
var ErrDuplicateID = errors.New("duplicate entity id")

// Loader loads list files. The zero value is ready to use, with the
// defaults described on each field.
type Loader struct {
	// MaxFileBytes caps each file's size after decompression; 0 means
	// DefaultMaxFileBytes.
	MaxFileBytes int64
	// StrictIDs makes an entity id found in two files an error
	// (ErrDuplicateID) instead of keeping the first and merging programmes.
	StrictIDs bool
	// AllowExcerpts accepts an OFAC sdnList XML file whose Record_Count
	// disagrees with its entries (an excerpt), with a warning. By default
	// it is an error: it is what a truncated download looks like.
	AllowExcerpts bool
	// Logger receives warnings; nil means slog.Default().
	Logger *slog.Logger
	// Now stamps Snapshot.Loaded; nil means time.Now.
	Now func() time.Time
}

// Load reads the files and directories at paths with a zero Loader.
func Load(ctx context.Context, paths ...string) (*lists.Snapshot, error) {
	var l Loader
	return l.Load(ctx, paths...)
}

// LoadFS reads files and directories of fsys (slash-separated paths, "."
// for the root) with a zero Loader. It is how lists/embedded loads its
// go:embed copy.
func LoadFS(ctx context.Context, fsys fs.FS, paths ...string) (*lists.Snapshot, error) {
	var l Loader
	return l.LoadFS(ctx, fsys, paths...)
}

// Load reads the files and directories at paths (operating-system paths).
func (l *Loader) Load(ctx context.Context, paths ...string) (*lists.Snapshot, error) {
	return l.load(ctx, osFS{}, filepath.Join, paths)
}

// LoadFS reads the files and directories at paths in fsys.
func (l *Loader) LoadFS(ctx context.Context, fsys fs.FS, paths ...string) (*lists.Snapshot, error) {
	return l.load(ctx, fsys, path.Join, paths)
}

// osFS opens operating-system paths as they are (absolute or relative);
// os.DirFS would reject absolute paths.
type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

// unit is one parse job: a single XML file or one OFAC CSV set.
type unit struct {
	format Format
	files  [4]string // XML: files[0]; CSV set: primary, add, alt, comments ("" if absent)
	cons   bool      // OFAC consolidated (cons_*) CSV set
	dir    string    // CSV set: the directory that groups it
}

func (u unit) main() string { return u.files[0] }

type result struct {
	ents []lists.Entity
	prov lists.Provenance
	err  error
}

func (l *Loader) load(ctx context.Context, fsys fs.FS, join func(...string) string, paths []string) (*lists.Snapshot, error) {
	if len(paths) == 0 {
		return nil, errors.New("loader: no paths given")
	}
	units, err := l.plan(ctx, fsys, join, paths)
	if err != nil {
		return nil, err
	}
	results := make([]result, len(units))
	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for i, u := range units {
		wg.Go(func() {
			ents, prov, err := l.parseUnit(ctx, fsys, u)
			if err != nil {
				cancel() // one bad file fails the load: stop the others early
			}
			for _, w := range prov.Warnings {
				l.logger().Warn("list file may be incomplete: check it", "file", u.main(), "warning", w)
			}
			results[i] = result{ents, prov, err}
		})
	}
	wg.Wait()
	var errs []error
	for _, r := range results {
		if r.err != nil && !errors.Is(r.err, context.Canceled) {
			errs = append(errs, r.err)
		}
	}
	if len(errs) == 0 {
		for _, r := range results {
			if r.err != nil {
				errs = append(errs, r.err) // only cancellations: report them
				break
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	n := 0
	for _, r := range results {
		n += len(r.ents)
	}
	ents := make([]lists.Entity, 0, n)
	provs := make([]lists.Provenance, 0, len(results))
	seen := make(map[string]int, n) // id -> index in ents
	from := make([]int, 0, n)       // index in ents -> unit
	var dups []string
	dupCount := map[[2]int]int{}
	for i, r := range results {
		for _, e := range r.ents {
			j, dup := seen[e.ID]
			if !dup {
				seen[e.ID] = len(ents)
				ents = append(ents, e)
				from = append(from, i)
				continue
			}
			if l.StrictIDs {
				return nil, fmt.Errorf("loader: %s: %w %s, already read from %s", units[i].main(), ErrDuplicateID, e.ID, units[from[j]].main())
			}
			mergePrograms(&ents[j], e.Programs)
			if len(dups) < 10 {
				dups = append(dups, e.ID)
			}
			dupCount[[2]int{from[j], i}]++
		}
		provs = append(provs, r.prov)
	}
	for k, c := range dupCount {
		l.logger().Warn("entity ids in two files: kept the first, merged programmes",
			"count", c, "kept_from", units[k[0]].main(), "dropped_from", units[k[1]].main(), "examples", dups)
	}
	now := time.Now
	if l.Now != nil {
		now = l.Now
	}
	return lists.NewSnapshot(ents, provs, now()), nil
}

// mergePrograms appends to e the programmes whose code it does not have.
func mergePrograms(e *lists.Entity, ps []lists.Program) {
	for _, p := range ps {
		if !slices.ContainsFunc(e.Programs, func(q lists.Program) bool { return q.Code == p.Code && q.Body == p.Body }) {
			e.Programs = append(e.Programs, p)
		}
	}
}

func (l *Loader) logger() *slog.Logger {
	if l.Logger != nil {
		return l.Logger
	}
	return slog.Default()
}

func (l *Loader) maxBytes() int64 {
	if l.MaxFileBytes > 0 {
		return l.MaxFileBytes
	}
	return DefaultMaxFileBytes
}

// plan expands directories, detects each file's format and groups OFAC CSV
// parts into sets.
func (l *Loader) plan(ctx context.Context, fsys fs.FS, join func(...string) string, paths []string) ([]unit, error) {
	type csvKey struct {
		dir  string
		cons bool
	}
	var units []*unit // in path order; a CSV set where its first file was met
	sets := map[csvKey]*unit{}
	seenFile := map[string]bool{}

	addFile := func(name string) error {
		if seenFile[name] {
			return nil
		}
		seenFile[name] = true
		f, err := l.detectFile(ctx, fsys, name)
		if err != nil {
			return err
		}
		if f == FormatOFACXML || f == FormatEUXML || f == FormatUNXML {
			units = append(units, &unit{format: f, files: [4]string{name}})
			return nil
		}
		base := strings.ToLower(baseName(name))
		k := csvKey{dir: dirName(name), cons: strings.HasPrefix(base, "cons_")}
		s, ok := sets[k]
		if !ok {
			s = &unit{format: FormatOFACPrimary, cons: k.cons, dir: k.dir}
			sets[k] = s
			units = append(units, s)
		}
		slot := map[Format]int{FormatOFACPrimary: 0, FormatOFACAddress: 1, FormatOFACAlias: 2, FormatOFACComments: 3}[f]
		if s.files[slot] != "" {
			return fmt.Errorf("loader: %s: a second %s file in one OFAC CSV set (first: %s)", name, f, s.files[slot])
		}
		s.files[slot] = name
		return nil
	}

	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		info, err := fs.Stat(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("loader: %w", err)
		}
		if !info.IsDir() {
			if err := addFile(p); err != nil {
				return nil, err
			}
			continue
		}
		entries, err := fs.ReadDir(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("loader: %w", err)
		}
		found := 0
		for _, e := range entries { // fs.ReadDir sorts by name
			if e.IsDir() || !isCandidate(e.Name()) {
				continue
			}
			found++
			if err := addFile(join(p, e.Name())); err != nil {
				return nil, err
			}
		}
		if found == 0 {
			return nil, fmt.Errorf("loader: %s: no list files (*.xml, *.csv, *.gz) in directory", p)
		}
	}
	out := make([]unit, len(units))
	for i, u := range units {
		if u.files[0] == "" {
			others := slices.DeleteFunc(slices.Clone(u.files[1:]), func(f string) bool { return f == "" })
			return nil, fmt.Errorf("loader: %s: OFAC CSV companion file(s) without a primary (sdn.csv / cons_prim.csv) in %s", strings.Join(others, ", "), u.dir)
		}
		out[i] = *u
	}
	return out, nil
}

func isCandidate(name string) bool {
	if strings.HasPrefix(name, ".") {
		return false
	}
	n := strings.ToLower(strings.TrimSuffix(strings.ToLower(name), ".gz"))
	return strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".csv")
}

// baseName and dirName work for both slash and OS paths.
func baseName(name string) string {
	name = filepath.ToSlash(name)
	name = strings.TrimSuffix(path.Base(name), ".gz")
	return name
}

func dirName(name string) string { return path.Dir(filepath.ToSlash(name)) }

// detectFile opens name and detects its format from its first bytes.
func (l *Loader) detectFile(ctx context.Context, fsys fs.FS, name string) (Format, error) {
	rc, err := l.open(ctx, fsys, name)
	if err != nil {
		return FormatUnknown, err
	}
	defer rc.Close()
	head, err := rc.br.Peek(SniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return FormatUnknown, fmt.Errorf("loader: %s: %w", name, err)
	}
	f, err := Detect(head)
	if err != nil {
		return FormatUnknown, fmt.Errorf("loader: %s: %w", name, err)
	}
	return f, nil
}

// openFile is one file opened for reading: gzip undone, size capped,
// hashed as read, ctx honoured. Read from br.
type openFile struct {
	br     *bufio.Reader
	h      hash.Hash
	n      *capReader
	closer []io.Closer
	name   string
}

func (o *openFile) Close() error {
	var err error
	for i := len(o.closer) - 1; i >= 0; i-- {
		err = errors.Join(err, o.closer[i].Close())
	}
	return err
}

// finish reads what the parser left unread (trailing white space, the
// 0x1A byte) so the hash covers the whole file, and returns its hex.
func (o *openFile) finish() (string, error) {
	if _, err := io.Copy(io.Discard, o.br); err != nil {
		return "", fmt.Errorf("loader: %s: %w", o.name, err)
	}
	return hex.EncodeToString(o.h.Sum(nil)), nil
}

func (l *Loader) open(ctx context.Context, fsys fs.FS, name string) (*openFile, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("loader: %w", err)
	}
	o := &openFile{name: name, closer: []io.Closer{f}, h: sha256.New()}
	var r io.Reader = &ctxReader{ctx: ctx, r: f}
	raw := bufio.NewReaderSize(r, 4096)
	if magic, _ := raw.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(raw)
		if err != nil {
			o.Close()
			return nil, fmt.Errorf("loader: %s: gzip: %w", name, err)
		}
		o.closer = append(o.closer, zr)
		r = zr
	} else {
		r = raw
	}
	o.n = &capReader{r: r, left: l.maxBytes(), max: l.maxBytes()}
	o.br = bufio.NewReaderSize(io.TeeReader(o.n, o.h), SniffLen)
	return o, nil
}

// parseUnit opens the unit's files and runs its parser.
func (l *Loader) parseUnit(ctx context.Context, fsys fs.FS, u unit) (ents []lists.Entity, prov lists.Provenance, err error) {
	var opened [4]*openFile
	defer func() {
		for _, o := range opened {
			if o != nil {
				o.Close()
			}
		}
	}()
	var readers [4]io.Reader
	for i, name := range u.files {
		if name == "" {
			continue
		}
		o, err := l.open(ctx, fsys, name)
		if err != nil {
			return nil, prov, err
		}
		opened[i] = o
		readers[i] = o.br
	}
	wrap := func(err error) error { return fmt.Errorf("loader: %s: %w", u.main(), err) }

	switch u.format {
	case FormatUNXML:
		ents, prov, err = un.Parse(readers[0])
	case FormatEUXML:
		ents, prov, err = eu.Parse(readers[0])
	case FormatOFACXML:
		ents, prov, err = ofac.ParseXML(readers[0])
		var rc *ofac.RecordCountError
		if err != nil && l.AllowExcerpts && errors.As(err, &rc) && ents != nil {
			l.logger().Warn("OFAC XML record count mismatch accepted (excerpt)", "file", u.main(), "stated", rc.Stated, "read", rc.Read)
			prov.Records = len(ents)
			if prov.Source == "" {
				prov.Source, prov.Format = lists.OFAC, ofac.FormatXML
			}
			err = nil
		}
	case FormatOFACPrimary:
		parse := ofac.ParseCSV
		if u.cons {
			parse = ofac.ParseConsCSV
		}
		// nil io.Reader, not a nil *bufio.Reader, for absent companions
		ents, prov, err = parse(readers[0], readers[1], readers[2], readers[3])
	default:
		err = fmt.Errorf("no parser for format %q", u.format)
	}
	if err != nil {
		// A cap or ctx error reaches the parser as a read error; make sure
		// it is in the chain whatever the parser's own wrapping did.
		for _, o := range opened {
			if o != nil && o.n.over != nil && !errors.Is(err, o.n.over) {
				err = fmt.Errorf("%s: %w: %w", o.name, o.n.over, err)
			}
		}
		if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
			err = fmt.Errorf("%w (%w)", ctxErr, err)
		}
		return nil, prov, wrap(err)
	}
	for i, o := range opened {
		if o == nil {
			continue
		}
		sum, err := o.finish()
		if err != nil {
			return nil, prov, err
		}
		if i == 0 {
			prov.SHA256 = sum
		} else {
			prov.Parts = append(prov.Parts, lists.FilePart{File: baseName(o.name), SHA256: sum})
		}
	}
	prov.File = baseName(u.main())
	return ents, prov, nil
}

// capReader fails with lists.ErrTooLarge once more than max bytes are read.
type capReader struct {
	r         io.Reader
	left, max int64
	over      error // the cap's error once hit (sticky, so the loader can say so whatever the parser made of it)
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// probe one byte: exactly max bytes is fine, max+1 is not
		var one [1]byte
		n, err := c.r.Read(one[:])
		if n > 0 {
			c.over = fmt.Errorf("%w: file is larger than Loader.MaxFileBytes (%d bytes)", lists.ErrTooLarge, c.max)
			return 0, c.over
		}
		return 0, err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// ctxReader stops reading once ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
