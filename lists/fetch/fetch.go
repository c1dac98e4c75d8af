// Package fetch downloads the official sanctions list files into a
// directory, safely: a download replaces the file in place only once it has
// been parsed with the real parser and found whole. A failed, truncated,
// oversized, slow or garbled download leaves the last good copy untouched,
// so a bank never screens against half a list (a known failure of peer
// tools, which crash or empty their index when a download fails).
//
// The steps for each file: GET with a deadline and a size cap; stream into
// a temporary file in the target directory (same file system, so the
// rename is atomic) while hashing; fsync; detect the format from content
// and parse it with lists/loader; rename over the old file; fsync the
// directory. Tests use httptest servers only: nothing here is needed to
// run the library's tests, and no test touches the internet.
//
// The defaults fetch single-file formats (OFAC SDN.XML and CONSOLIDATED.XML,
// the UN XML, optionally the EU XML), each self-contained and, for OFAC,
// self-checking (Record_Count). The OFAC legacy CSV set is four files that
// must match one another; fetching them one by one could leave a new
// sdn.csv beside an old add.csv, so a caller who wants the CSV set should
// fetch into a fresh directory and switch directories, not files.
package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/lists"
	"github.com/freezeguard/freezeguard/lists/loader"
)

// Source is one file to download.
type Source struct {
	Name string // file name in the target directory, e.g. "SDN.XML"
	URL  string
	// Want, if set, is the format the content must have; a download of
	// another list (or of a companion instead of a primary) is refused.
	Want loader.Format
}

// Official download locations (DOMAIN.md §2). They change now and then;
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

// ErrTooLarge is returned (wrapped) for a download over the size cap.
var ErrTooLarge = errors.New("download exceeds the size cap")

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
	// that copy's modification time, which it sets from Last-Modified).
	Force bool
}

// Result says what happened to one Source.
type Result struct {
	Source  Source
	Path    string // the file in the target directory
	Updated bool   // a new version was validated and put in place
	// Unchanged is true when the download is byte-identical to the file
	// already in place (nothing was replaced).
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

	var since time.Time
	if fi, err := os.Stat(res.Path); err == nil && !f.Force {
		since = fi.ModTime()
	}
	tmp, n, sum, modified, err := f.download(ctx, dir, s, since)
	if errors.Is(err, errNotModified) {
		res.Unchanged = true
		res.SHA256, _ = fileSHA256(res.Path)
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

	if old, err := fileSHA256(res.Path); err == nil && old == sum {
		res.Unchanged = true
		return res
	}
	if !modified.IsZero() {
		os.Chtimes(tmp, modified, modified) // best effort: only If-Modified-Since uses it
	}
	if err := os.Rename(tmp, res.Path); err != nil {
		return fail(err)
	}
	syncDir(dir)
	res.Updated = true
	return res
}

// errNotModified: the server answered 304 to If-Modified-Since.
var errNotModified = errors.New("not modified")

// download streams the response body into a temporary file in dir and
// returns its path, size, SHA-256 and the Last-Modified time (zero if none).
// A non-zero since is sent as If-Modified-Since.
func (f *Fetcher) download(ctx context.Context, dir string, s Source, since time.Time) (path string, n int64, sum string, modified time.Time, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.URL, nil)
	if err != nil {
		return "", 0, "", time.Time{}, err
	}
	ua := f.UserAgent
	if ua == "" {
		ua = "freezeguard-fetch"
	}
	req.Header.Set("User-Agent", ua)
	if !since.IsZero() {
		req.Header.Set("If-Modified-Since", since.UTC().Format(http.TimeFormat))
	}
	resp, err := f.client().Do(req)
	if err != nil {
		return "", 0, "", time.Time{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified && !since.IsZero() {
		return "", 0, "", time.Time{}, errNotModified
	}
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return "", 0, "", time.Time{}, fmt.Errorf("HTTP %s", resp.Status)
	}
	max := f.maxBytes()
	if resp.ContentLength > max {
		return "", 0, "", time.Time{}, fmt.Errorf("%w: Content-Length %d > %d", ErrTooLarge, resp.ContentLength, max)
	}
	// The temporary name keeps the target's name first (the loader reads
	// cons_* CSV as the consolidated list) and does not end in .xml/.csv,
	// so a loader reading the directory meanwhile ignores it.
	tf, err := os.CreateTemp(dir, s.Name+".part-*")
	if err != nil {
		return "", 0, "", time.Time{}, err
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
		return "", 0, "", time.Time{}, fmt.Errorf("after %d bytes: %w", n, err)
	}
	if n > max {
		return "", 0, "", time.Time{}, fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)
	}
	if resp.ContentLength >= 0 && n != resp.ContentLength {
		return "", 0, "", time.Time{}, fmt.Errorf("got %d bytes, Content-Length said %d", n, resp.ContentLength)
	}
	if err = tf.Sync(); err != nil {
		return "", 0, "", time.Time{}, err
	}
	if err = tf.Close(); err != nil {
		return "", 0, "", time.Time{}, err
	}
	modified, _ = http.ParseTime(resp.Header.Get("Last-Modified"))
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
		return lists.Provenance{}, errors.New("the list holds no entities")
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
