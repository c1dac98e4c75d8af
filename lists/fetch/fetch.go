// Package fetch downloads the official sanctions list files into a
// directory, and replaces a file in place only once the download has been
// parsed with the real parser and found whole.
//
//	var f fetch.Fetcher
//	res, err := f.Fetch(ctx, "/var/lib/bank/lists") // the DefaultSources
//	for _, r := range res {
//		log.Println(r.Source.Name, r.Updated, r.Err)
//	}
//	if err != nil {
//		// the files that failed are the last good copies: screening goes on with them
//	}
//
// A failed, truncated, oversized, slow or garbled download leaves the last
// good copy untouched, so a bank never screens against half a list. A list
// published before the copy in place ([ErrOlder]) or holding far fewer
// entities ([ErrShrunk]) is refused unless [Fetcher].Force is set; one of
// another source than its slot ([ErrWrongSlot]) always is. The steps, the
// record kept beside each file and why the OFAC CSV set is best fetched
// into a fresh directory are in docs/lists.md.
package fetch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/eu"
	"github.com/freezeguard/freezeguard/lists/loader"
	"github.com/freezeguard/freezeguard/lists/ofac"
	"github.com/freezeguard/freezeguard/lists/un"
)

// Source is one file to download.
type Source struct {
	Name string // file name in the target directory, e.g. "SDN.XML"
	URL  string
	// Want, if set, is the format the content must have; a download of
	// another list (or of a companion instead of a primary) is refused.
	Want loader.Format
}

// Official download locations (docs/lists.md). They change now and then;
// every one can be overridden by passing other Sources.
const (
	OFACSDNXMLURL       = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML"
	OFACConsolidatedURL = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML"
	UNConsolidatedURL   = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
	// EUFSFURLPrefix needs the access token the EU publishes on its
	// Financial Sanctions Files page; see EUSource.
	EUFSFURLPrefix = "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token="
)

// DefaultSources are the official OFAC (SDN and consolidated non-SDN, XML)
// and UN files. The EU file needs a token: add EUSource(token).
func DefaultSources() []Source {
	return []Source{
		{Name: "SDN.XML", URL: OFACSDNXMLURL, Want: loader.FormatOFACXML},
		{Name: "CONSOLIDATED.XML", URL: OFACConsolidatedURL, Want: loader.FormatOFACXML},
		{Name: "un_consolidated.xml", URL: UNConsolidatedURL, Want: loader.FormatUNXML},
	}
}

// EUSource is the EU Financial Sanctions File (XML 1.1) with the given
// access token.
func EUSource(token string) Source {
	return Source{Name: "eu_fsf.xml", URL: EUFSFURLPrefix + token, Want: loader.FormatEUXML}
}

// Defaults for Fetcher's zero fields.
const (
	DefaultTimeout  = 5 * time.Minute            // one whole download
	DefaultMaxBytes = loader.DefaultMaxFileBytes // same cap as the loader's
)

// ErrTooLarge is the cause for a download over Fetcher.MaxBytes.
//
// Deprecated: use [lists.ErrTooLarge], the same value.
var ErrTooLarge = lists.ErrTooLarge

// ErrOlder is returned (wrapped) when a download is a valid list published
// before the copy already in place: a stale mirror or cache must not roll
// a bank back to yesterday's list. Fetcher.Force accepts it anyway.
var ErrOlder = errors.New("download is older than the copy in place")

// ErrShrunk is returned (wrapped) when a download holds fewer entities than
// the copy in place by more than Fetcher.MaxDrop: a list cut short, or the
// wrong file, must not replace a complete one. Fetcher.Force accepts it.
var ErrShrunk = errors.New("download holds far fewer entities than the copy in place")

// ErrWrongSlot is returned (wrapped) when a download is a list of another
// source or format than the one the slot holds (the copy in place, or the
// default source of that name): --source un.xml=<an OFAC file> must not
// pass. Fetcher.Force does not accept it: change the name instead.
var ErrWrongSlot = errors.New("download is another list than the one in its place")

// DefaultMaxDrop is the share of entities a new copy may lose against the
// one in place: real lists shrink by a few delistings at a time.
const DefaultMaxDrop = 0.05

// Fetcher downloads and validates list files. The zero value is ready to
// use with the defaults named on each field.
type Fetcher struct {
	// Client makes the requests; nil means a client with connect, TLS and
	// response-header timeouts (whole-download time is bounded by Timeout).
	Client *http.Client
	// Timeout bounds each download, headers to last byte; 0 means
	// DefaultTimeout.
	Timeout time.Duration
	// MaxBytes caps each file; 0 means DefaultMaxBytes.
	MaxBytes int64
	// UserAgent is sent with each request; "" means "freezeguard-fetch".
	UserAgent string
	// Logger receives one line per file; nil means slog.Default().
	Logger *slog.Logger
	// Force downloads even when the server says the file has not changed
	// since the copy in place (by default Fetch sends If-Modified-Since with
	// the Last-Modified it recorded when it fetched that copy), and puts a
	// valid list in place even when it was published before the copy there
	// (by default that is refused with ErrOlder). It is for deliberately
	// going back to an older list. It also accepts a download that holds
	// fewer entities than MaxDrop allows.
	Force bool
	// MaxDrop is the largest share of entities a download may lose against
	// the copy in place (0 means DefaultMaxDrop; negative: no check).
	MaxDrop float64
}

// Result says what happened to one Source.
type Result struct {
	Source  Source
	Path    string // the file in the target directory
	Updated bool   // a new version was validated and put in place
	// Unchanged is true when the download is byte-identical to the file
	// already in place, or the server answered 304 Not Modified to the
	// Last-Modified recorded for it (nothing was replaced; Provenance is
	// then the one recorded when that copy was fetched).
	Unchanged  bool
	Bytes      int64
	SHA256     string           // of the downloaded bytes
	Provenance lists.Provenance // from the validating parse (Published, Records, Format)
	Err        error            // why the file was not updated; the previous copy, if any, is kept
}

// Fetch downloads each source (DefaultSources when none are given) into
// dir, one after the other. It returns a Result per source and an error
// joining the failures (nil when all succeeded). A failure never removes or
// alters the existing file.
func (f *Fetcher) Fetch(ctx context.Context, dir string, sources ...Source) ([]Result, error) {
	if len(sources) == 0 {
		sources = DefaultSources()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	f.cleanParts(dir, sources)
	results := make([]Result, len(sources))
	var errs []error
	for i, s := range sources {
		r := f.one(ctx, dir, s)
		results[i] = r
		log := f.logger().With("name", s.Name, "url", s.URL)
		if r.Err != nil {
			log.Warn("fetch failed; keeping the previous copy", "err", r.Err)
			errs = append(errs, r.Err)
			continue
		}
		log.Info("fetched", "updated", r.Updated, "unchanged", r.Unchanged, "bytes", r.Bytes,
			"sha256", r.SHA256, "records", r.Provenance.Records, "published", r.Provenance.Published)
	}
	return results, errors.Join(errs...)
}

// cleanParts removes the temporary files a killed fetch left behind
// (NAME.part-*, see download) for the given sources. A download in
// progress in another process writes to its file at least once per
// Timeout, so only files untouched for longer than that are removed.
func (f *Fetcher) cleanParts(dir string, sources []Source) {
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	for _, s := range sources {
		if s.Name == "" || s.Name != filepath.Base(s.Name) {
			continue
		}
		parts, _ := filepath.Glob(filepath.Join(dir, globEscape(s.Name)+".part-*"))
		for _, p := range parts {
			fi, err := os.Lstat(p)
			if err != nil || !fi.Mode().IsRegular() || time.Since(fi.ModTime()) < timeout {
				continue
			}
			if err := os.Remove(p); err == nil {
				f.logger().Info("removed a partial download left by an interrupted fetch", "path", p, "bytes", fi.Size())
			}
		}
	}
}

// globEscape quotes the glob metacharacters of a file name.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (f *Fetcher) logger() *slog.Logger {
	if f.Logger != nil {
		return f.Logger
	}
	return slog.Default()
}

func (f *Fetcher) client() *http.Client {
	if f.Client != nil {
		return f.Client
	}
	return &http.Client{Transport: &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   30 * time.Second,
		ResponseHeaderTimeout: 60 * time.Second,
		ForceAttemptHTTP2:     true,
	}}
}

func (f *Fetcher) maxBytes() int64 {
	if f.MaxBytes > 0 {
		return f.MaxBytes
	}
	return DefaultMaxBytes
}

func (f *Fetcher) one(ctx context.Context, dir string, s Source) (res Result) {
	res = Result{Source: s}
	if s.Name == "" || s.Name != filepath.Base(s.Name) || strings.HasPrefix(s.Name, ".") {
		res.Err = fmt.Errorf("fetch: bad file name %q", s.Name)
		return res
	}
	res.Path = filepath.Join(dir, s.Name)
	fail := func(err error) Result {
		res.Err = fmt.Errorf("fetch %s from %s: %w", s.Name, s.URL, err)
		return res
	}
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	cur, err := readCurrent(dir, s.Name)
	if err != nil {
		return fail(fmt.Errorf("reading the copy in place: %w", err))
	}
	var since string
	if cur.rec != nil && cur.rec.URL == s.URL && !f.Force {
		since = cur.rec.LastModified
	}
	tmp, n, sum, modified, err := f.download(ctx, dir, s, since)
	if errors.Is(err, errNotModified) {
		res.Unchanged = true
		res.SHA256 = cur.sha
		res.Provenance = cur.rec.Provenance
		return res
	}
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp) // no-op after a successful rename
	res.Bytes, res.SHA256 = n, sum

	prov, err := Validate(ctx, tmp, s.Want)
	if err != nil {
		return fail(fmt.Errorf("downloaded file is not a valid list, previous copy kept: %w", err))
	}
	prov.File = s.Name
	res.Provenance = prov
	rec := record{URL: s.URL, LastModified: modified, SHA256: sum, Bytes: n, Provenance: prov}

	if cur.exists && cur.sha == sum {
		res.Unchanged = true
		f.writeRecord(dir, s.Name, rec) // now known to be what the server serves
		return res
	}
	if err := f.checkSlot(ctx, res.Path, s, cur, prov); err != nil {
		return fail(err)
	}
	if cur.exists && !f.Force {
		if err := f.checkNotOlder(ctx, res.Path, cur, prov); err != nil {
			return fail(err)
		}
	}
	if t, err := http.ParseTime(modified); err == nil {
		// For people listing the directory; fetch itself reads only the record.
		os.Chtimes(tmp, t, t)
	}
	if err := os.Rename(tmp, res.Path); err != nil {
		return fail(err)
	}
	syncDir(dir)
	f.writeRecord(dir, s.Name, rec)
	res.Updated = true
	return res
}

// checkSlot refuses a download of another list than its slot holds: the
// source and format of the copy in place, or, for a new slot, of the
// default source of that name. And, unless Force, one that holds fewer
// entities than the copy in place by more than MaxDrop.
func (f *Fetcher) checkSlot(ctx context.Context, path string, s Source, cur current, prov lists.Provenance) error {
	var old lists.Provenance
	if cur.exists {
		if cur.rec != nil {
			old = cur.rec.Provenance
		} else if p, err := Validate(ctx, path, ""); err == nil {
			old = p
		}
	}
	if old.Source == "" {
		for _, d := range DefaultSources() {
			if d.Name == s.Name && s.Want == "" {
				if err := wantFormat(prov, d.Want); err != nil {
					return fmt.Errorf("%w: %s is the slot of %s: %w", ErrWrongSlot, s.Name, d.URL, err)
				}
			}
		}
		return nil
	}
	if old.Source != prov.Source || old.Format != prov.Format {
		return fmt.Errorf("%w: %s holds %s %s, the download is %s %s; previous copy kept", ErrWrongSlot, s.Name, old.Source, old.Format, prov.Source, prov.Format)
	}
	drop := f.MaxDrop
	if drop == 0 {
		drop = DefaultMaxDrop
	}
	if f.Force || drop < 0 || old.Records == 0 {
		return nil
	}
	if float64(prov.Records) < float64(old.Records)*(1-drop) {
		return fmt.Errorf("%w: %d entities, the copy in place %d (more than %.0f%% fewer): cut short or the wrong file? Previous copy kept (Force replaces it)",
			ErrShrunk, prov.Records, old.Records, drop*100)
	}
	return nil
}

// wantFormat checks a parse's provenance against a loader format.
func wantFormat(prov lists.Provenance, want loader.Format) error {
	formats := map[loader.Format]string{loader.FormatOFACXML: ofac.FormatXML, loader.FormatUNXML: un.Format, loader.FormatEUXML: eu.Format}
	if f, ok := formats[want]; ok && prov.Format != f {
		return fmt.Errorf("content is %s %s, want %s", prov.Source, prov.Format, want)
	}
	return nil
}

// checkNotOlder returns an error wrapping ErrOlder when the downloaded
// list (prov) was published before the copy in place. The copy's date is
// the one recorded when fetch put it there or, failing that, its own
// parse. A copy that does not parse, a list with no date, or a copy of
// another list cannot be compared, and does not stop the update.
func (f *Fetcher) checkNotOlder(ctx context.Context, path string, cur current, prov lists.Provenance) error {
	if prov.Published.IsZero() {
		return nil
	}
	var old lists.Provenance
	if cur.rec != nil {
		old = cur.rec.Provenance
	} else {
		var err error
		old, err = Validate(ctx, path, "")
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			f.logger().Warn("the copy in place is not a valid list; replacing it", "path", path, "err", err)
			return nil
		}
	}
	if old.Source != prov.Source || old.Published.IsZero() || !prov.Published.Before(old.Published) {
		return nil
	}
	return fmt.Errorf("%w: the download was published %s, the copy in place %s; previous copy kept (Force replaces it)",
		ErrOlder, formatPublished(prov.Published), formatPublished(old.Published))
}

// formatPublished shows a date, with the time of day when the list gives one.
func formatPublished(t time.Time) string {
	if t.Equal(t.Truncate(24 * time.Hour)) {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// record is what fetch writes beside each list it puts in place (see the
// package comment). It describes the exact bytes of one download.
type record struct {
	URL          string           `json:"url"`
	LastModified string           `json:"last_modified,omitempty"` // the server's header, verbatim
	SHA256       string           `json:"sha256"`
	Bytes        int64            `json:"bytes"`
	Provenance   lists.Provenance `json:"provenance"`
}

// maxRecordBytes bounds the read of a record: a real one is under 1 KiB.
const maxRecordBytes = 64 << 10

func recordPath(dir, name string) string { return filepath.Join(dir, "."+name+".fetch.json") }

// current is the copy in place of one list.
type current struct {
	exists bool
	sha    string  // of the file in place
	rec    *record // its record, only when it describes exactly these bytes
}

// readCurrent hashes the file in place and reads its record, keeping the
// record only if its hash is the file's. A missing, unreadable or foreign
// record is ignored (fetch then behaves as if the file came by hand); a
// file that exists but cannot be read is an error.
func readCurrent(dir, name string) (current, error) {
	var c current
	sha, err := fileSHA256(filepath.Join(dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	c.exists, c.sha = true, sha
	rf, err := os.Open(recordPath(dir, name))
	if err != nil {
		return c, nil
	}
	defer rf.Close()
	var r record
	if err := json.NewDecoder(io.LimitReader(rf, maxRecordBytes)).Decode(&r); err == nil && r.SHA256 == sha {
		c.rec = &r
	}
	return c, nil
}

// writeRecord replaces the record of name atomically (temporary file,
// fsync, rename). A failure is logged, not returned: the list in place is
// good either way, and without a record the next fetch only downloads in
// full and parses the copy in place to date it.
func (f *Fetcher) writeRecord(dir, name string, r record) {
	path := recordPath(dir, name)
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		f.logger().Warn("fetch record not written", "path", path, "err", err)
		return
	}
	b = append(b, '\n')
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, b) {
		return
	}
	if err := writeAtomic(dir, path, b); err != nil {
		f.logger().Warn("fetch record not written", "path", path, "err", err)
	}
}

func writeAtomic(dir, path string, b []byte) (err error) {
	tf, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tf.Close()
			os.Remove(tf.Name())
		}
	}()
	if _, err = tf.Write(b); err != nil {
		return err
	}
	if err = tf.Sync(); err != nil {
		return err
	}
	if err = tf.Close(); err != nil {
		return err
	}
	if err = os.Rename(tf.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// errNotModified: the server answered 304 to If-Modified-Since.
var errNotModified = errors.New("not modified")

// download streams the response body into a temporary file in dir and
// returns its path, size, SHA-256 and the Last-Modified header ("" if
// none). A non-empty since is sent as If-Modified-Since.
func (f *Fetcher) download(ctx context.Context, dir string, s Source, since string) (path string, n int64, sum string, modified string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.URL, nil)
	if err != nil {
		return "", 0, "", "", err
	}
	ua := f.UserAgent
	if ua == "" {
		ua = "freezeguard-fetch"
	}
	req.Header.Set("User-Agent", ua)
	if since != "" {
		req.Header.Set("If-Modified-Since", since)
	}
	resp, err := f.client().Do(req)
	if err != nil {
		return "", 0, "", "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified && since != "" {
		return "", 0, "", "", errNotModified
	}
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return "", 0, "", "", fmt.Errorf("HTTP %s", resp.Status)
	}
	max := f.maxBytes()
	if resp.ContentLength > max {
		return "", 0, "", "", fmt.Errorf("%w: Content-Length %d is over Fetcher.MaxBytes (%d bytes)", lists.ErrTooLarge, resp.ContentLength, max)
	}
	// The temporary name keeps the target's name first (the loader reads
	// cons_* CSV as the consolidated list) and does not end in .xml/.csv,
	// so a loader reading the directory meanwhile ignores it.
	tf, err := os.CreateTemp(dir, s.Name+".part-*")
	if err != nil {
		return "", 0, "", "", err
	}
	tmp := tf.Name()
	defer func() {
		if err != nil {
			tf.Close()
			os.Remove(tmp)
		}
	}()
	h := sha256.New()
	n, err = io.Copy(io.MultiWriter(tf, h), io.LimitReader(resp.Body, max+1))
	if err != nil {
		return "", 0, "", "", fmt.Errorf("after %d bytes: %w", n, err)
	}
	if n > max {
		return "", 0, "", "", fmt.Errorf("%w: download is larger than Fetcher.MaxBytes (%d bytes)", lists.ErrTooLarge, max)
	}
	if resp.ContentLength >= 0 && n != resp.ContentLength {
		return "", 0, "", "", fmt.Errorf("got %d bytes, Content-Length said %d", n, resp.ContentLength)
	}
	if err = tf.Sync(); err != nil {
		return "", 0, "", "", err
	}
	if err = tf.Close(); err != nil {
		return "", 0, "", "", err
	}
	// Kept verbatim, to be sent back as is, but only when it is a valid
	// HTTP date: a garbled value sent back would fail every later request.
	modified = resp.Header.Get("Last-Modified")
	if _, perr := http.ParseTime(modified); perr != nil {
		modified = ""
	}
	return tmp, n, hex.EncodeToString(h.Sum(nil)), modified, nil
}

// Validate detects the format of the file at path from its content (it
// must be want, when want is not empty) and parses it with the real parser,
// returning the parse's provenance. Fetch calls it before replacing a
// file; a CLI can call it on a file obtained some other way. A lone OFAC CSV companion (add.csv, alt.csv,
// sdn_comments.csv) has no parser of its own: its format is checked, and the
// set is parsed when the directory is loaded.
func Validate(ctx context.Context, path string, want loader.Format) (lists.Provenance, error) {
	head, err := readHead(path)
	if err != nil {
		return lists.Provenance{}, err
	}
	got, err := loader.Detect(head)
	if err != nil {
		return lists.Provenance{}, err
	}
	if want != "" && got != want {
		return lists.Provenance{}, fmt.Errorf("content is %s, want %s", got, want)
	}
	switch got {
	case loader.FormatOFACAddress, loader.FormatOFACAlias, loader.FormatOFACComments:
		return lists.Provenance{Source: lists.OFAC, Format: string(got)}, nil
	}
	l := loader.Loader{StrictIDs: true, Logger: slog.New(slog.DiscardHandler)}
	snap, err := l.Load(ctx, path)
	if err != nil {
		return lists.Provenance{}, err
	}
	if len(snap.Entities) == 0 {
		return lists.Provenance{}, fmt.Errorf("%w: the list holds no entities", lists.ErrNoRecords)
	}
	return snap.Sources[0], nil
}

func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, loader.SniffLen)
	n, err := io.ReadFull(f, b)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return b[:n], nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// syncDir makes a rename durable; best effort (not every OS can fsync a
// directory).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
