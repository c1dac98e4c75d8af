package audit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"
)

// maxBatchBytes bounds the bodies written in one batch, and so the
// writer's buffer.
const maxBatchBytes = 4 << 20

// ErrLocked is returned by Open when another FileLog (in this process or
// another) has the file open for writing.
var ErrLocked = errors.New("audit: log file is locked by another writer")

// FileLog is the durable Log: an append-only JSON Lines file, one record a
// line, each record hash-chained to the one before.
//
// Append returns only after its record is written and (with FsyncAlways,
// the default) fsynced. Appends are sealed and written by one goroutine, so
// seq order, file order and chain order are the same. With group commit (the
// default) every record that arrives while a write+fsync is in progress goes
// into the next write, so concurrent appenders share one fsync.
//
// If a write or fsync fails the FileLog stops: that Append and every later
// one return the error, because after a failed fsync the file's content is
// unknown. Close it and Open the file again, which re-reads and repairs it.
//
// A FileLog is safe for concurrent use. Only one FileLog may have a file
// open: Open takes an exclusive flock(2) where available.
type FileLog struct {
	cfg  config
	path string
	f    *os.File
	rep  OpenReport

	mu      sync.Mutex
	cond    sync.Cond // writer waits here for pending records or Close
	pending []*request
	closed  bool
	failed  error
	headSeq uint64
	head    string

	// owned by the writer goroutine
	chain   chain
	size    int64
	buf     []byte
	scratch []byte
	batches uint64 // writes done, for benchmarks; read after Close

	exited    chan struct{}
	closeOnce sync.Once
	closeErr  error
}

var _ Log = (*FileLog)(nil)

// OpenReport says what Open found in an existing file and what it did.
type OpenReport struct {
	Created  bool        // the file did not exist and was created
	Records  uint64      // valid records found
	Head     Record      // the last of them
	OldMode  fs.FileMode // the file's permissions before Open tightened them to 0600 (0 if unchanged)
	Torn     *TornTailError
	TornPath string // where the torn bytes were saved before being cut off
}

// Open opens the log at path for appending, creating it with mode 0600 if it
// does not exist, and returns once the existing content is checked.
//
// Open reads and verifies the whole file (only its last line with
// WithVerifyOnOpen(false)). A tampered or corrupt file is an error (a
// *TamperError inside; errors.Is(err, ErrTampered)): Open does not extend a
// broken chain. A torn last line, left by a crash during a write,
// holds no acknowledged record: Open copies its bytes to
// "<path>.torn-<UTC time>" (mode 0600), cuts them off the log, logs a
// warning and continues the chain from the last good record.
//
// An existing file readable or writable by group or others (mode & 0077 !=
// 0) holds personal data in the clear: Open logs a warning and tightens it
// to 0600, and fails if it cannot (on Unix; on Windows the directory's ACL
// is what protects the log).
func Open(path string, opts ...Option) (*FileLog, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	l := &FileLog{cfg: cfg, path: path, exited: make(chan struct{})}
	l.cond.L = &l.mu
	if err := l.open(); err != nil {
		if l.f != nil {
			l.f.Close()
		}
		return nil, err
	}
	go l.run()
	return l, nil
}

func (l *FileLog) open() error {
	var err error
	l.f, err = os.OpenFile(l.path, os.O_RDWR|os.O_APPEND|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		l.rep.Created = true
	} else if errors.Is(err, fs.ErrExist) {
		l.f, err = os.OpenFile(l.path, os.O_RDWR|os.O_APPEND, 0)
	}
	if err != nil {
		return fmt.Errorf("audit: open: %w", err)
	}
	if err := lockFile(l.f); err != nil {
		return fmt.Errorf("audit: open %s: %w", l.path, err)
	}
	if l.rep.Created {
		if err := syncDir(l.path); err != nil {
			return err
		}
	}
	fi, err := l.f.Stat()
	if err != nil {
		return fmt.Errorf("audit: open: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("audit: open %s: not a regular file (%v)", l.path, fi.Mode())
	}
	// Windows reports 0666 for any writable file and has no group/other
	// bits to tighten: there, the directory's ACL protects the log.
	if perm := fi.Mode().Perm(); perm&0o077 != 0 && runtime.GOOS != "windows" {
		l.cfg.logger.Warn("audit log readable or writable by others; tightening to 0600",
			slog.String("path", l.path), slog.String("mode", perm.String()))
		if err := l.f.Chmod(0o600); err != nil {
			return fmt.Errorf("audit: open %s: mode %v lets others read the log and cannot be tightened: %w", l.path, perm, err)
		}
		l.rep.OldMode = perm
	}
	var rep Report
	if l.cfg.verify {
		rep, err = Verify(io.NewSectionReader(l.f, 0, fi.Size()))
	} else {
		rep, err = readTail(l.f, fi.Size())
	}
	if err != nil {
		return fmt.Errorf("audit: open %s: %w", l.path, err)
	}
	l.rep.Records, l.rep.Head, l.rep.Torn = rep.Records, rep.Head, rep.Torn
	if rep.Torn != nil {
		if err := l.cutTornTail(rep.Torn); err != nil {
			return err
		}
	}
	l.chain = chain{seq: rep.Head.Seq, head: rep.Head.Hash, last: rep.Head.Time}
	l.headSeq, l.head = l.chain.seq, l.chain.head
	l.size = rep.Size
	return nil
}

// cutTornTail saves the torn bytes beside the log and cuts them off.
func (l *FileLog) cutTornTail(t *TornTailError) error {
	saved, err := moveAside(l.f, l.path, "torn", t.Offset, t.Size)
	if err != nil {
		return fmt.Errorf("audit: open %s: cutting torn tail (line %d, byte %d, %d bytes): %w", l.path, t.Line, t.Offset, t.Size, err)
	}
	l.rep.TornPath = saved
	l.cfg.logger.Warn("audit log ended in a torn line (crash during a write); moved it aside",
		slog.String("path", l.path), slog.Int("line", t.Line), slog.Int64("offset", t.Offset),
		slog.Int64("bytes", t.Size), slog.String("saved", saved))
	return nil
}

// moveAside copies the size bytes of f at offset (the end of the file) to
// "<path>.<what>-<UTC time>" (mode 0600), then truncates f to offset,
// syncing each step so that a crash in between loses nothing. It returns
// the name of the copy.
func moveAside(f *os.File, path, what string, offset, size int64) (string, error) {
	saved := fmt.Sprintf("%s.%s-%s", path, what, time.Now().UTC().Format("20060102T150405.000000000Z"))
	out, err := os.OpenFile(saved, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", err
	}
	_, err = io.Copy(out, io.NewSectionReader(f, offset, size))
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncDir(saved)
	}
	if err == nil {
		err = f.Truncate(offset)
	}
	if err == nil {
		err = f.Sync()
	}
	return saved, err
}

// CutTail is the operator's tool for a log that Open refuses because of
// damage at its end, e.g. blocks of NUL bytes after a power loss on a file
// system that shows unsynced blocks as zeros (with FsyncAlways, no record
// after the last fsync was acknowledged, and only the last write can be
// unsynced). It moves every byte from offset on to
// "<path>.cut-<UTC time>" (mode 0600) and truncates the log there, so that
// Open continues the chain from the record before offset.
//
// offset must be where a line starts and the log before it must verify
// cleanly; take it from the *TamperError (Offset) that Open or Verify
// reported. CutTail takes the log's lock, so it fails with ErrLocked while
// a FileLog has the file open. Nothing is deleted: the cut bytes stay in
// the returned file for examination.
func CutTail(path string, offset int64) (saved string, err error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return "", fmt.Errorf("audit: cut tail: %w", err)
	}
	defer f.Close()
	if err := lockFile(f); err != nil {
		return "", fmt.Errorf("audit: cut tail of %s: %w", path, err)
	}
	defer unlockFile(f)
	fi, err := f.Stat()
	if err != nil {
		return "", fmt.Errorf("audit: cut tail: %w", err)
	}
	if offset < 0 || offset >= fi.Size() {
		return "", fmt.Errorf("audit: cut tail of %s: offset %d outside the file's %d bytes", path, offset, fi.Size())
	}
	rep, err := Verify(io.NewSectionReader(f, 0, offset))
	if err != nil {
		return "", fmt.Errorf("audit: cut tail of %s at byte %d: the log before it does not verify: %w", path, offset, err)
	}
	if rep.Torn != nil {
		return "", fmt.Errorf("audit: cut tail of %s: byte %d is not the start of a line (the line before it starts at byte %d)", path, offset, rep.Torn.Offset)
	}
	saved, err = moveAside(f, path, "cut", offset, fi.Size()-offset)
	if err != nil {
		return "", fmt.Errorf("audit: cut tail of %s at byte %d: %w", path, offset, err)
	}
	return saved, nil
}

// syncDir fsyncs the directory holding path, so that a new file's name is
// durable.
func syncDir(path string) error {
	d, err := os.Open(filepath.Dir(path))
	if err != nil {
		return fmt.Errorf("audit: sync directory: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("audit: sync directory %s: %w", filepath.Dir(path), err)
	}
	return nil
}

// OpenReport returns what Open found and did.
func (l *FileLog) OpenReport() OpenReport { return l.rep }

// Path returns the log's file name.
func (l *FileLog) Path() string { return l.path }

// Head returns the seq and hash of the last durable record (0 and "" for an
// empty log). Keep them outside the log's reach to detect truncation or a
// rewrite of the whole log later with VerifyAnchor.
func (l *FileLog) Head() (seq uint64, hash string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.headSeq, l.head
}

// Append seals body as the next record, writes it and returns it once it is
// durable. Body is encoded with encoding/json (a json.RawMessage is taken as
// JSON text), redacted if the log has a Redactor, and canonicalised.
//
// ctx bounds the wait for a place in a write: if it ends first, Append
// returns ctx.Err() and the record is not written. Once the writer has taken
// the record, Append waits for the write and fsync to finish, so that its
// answer is exact.
func (l *FileLog) Append(ctx context.Context, typ string, body any) (Record, error) {
	if err := ctx.Err(); err != nil {
		return Record{}, err
	}
	if err := checkType(typ); err != nil {
		return Record{}, err
	}
	b, err := encodeBody(body, l.cfg.redactor)
	if err != nil {
		return Record{}, err
	}
	req := &request{typ: typ, body: b, done: make(chan struct{})}
	l.mu.Lock()
	switch {
	case l.closed:
		l.mu.Unlock()
		return Record{}, ErrClosed
	case l.failed != nil:
		l.mu.Unlock()
		return Record{}, l.failed
	}
	l.pending = append(l.pending, req)
	l.cond.Signal()
	l.mu.Unlock()

	return awaitAppend(ctx, &l.mu, &l.pending, req)
}

// run is the writer goroutine: it takes pending records in batches, seals,
// writes and syncs them, and answers their appenders.
func (l *FileLog) run() {
	defer close(l.exited)
	for {
		l.mu.Lock()
		for len(l.pending) == 0 && !l.closed {
			l.cond.Wait()
		}
		if len(l.pending) == 0 {
			l.mu.Unlock()
			return
		}
		batch := takeBatch(&l.pending, l.cfg.maxBatch, l.cfg.groupCommit)
		failed := l.failed
		l.mu.Unlock()

		if failed != nil {
			finish(batch, failed)
			continue
		}
		l.commit(batch)
	}
}

func finish(batch []*request, err error) {
	for _, r := range batch {
		r.err = err
		close(r.done)
	}
}

// commit seals, writes and syncs one batch. On failure it tries to cut the
// partial write off, marks the log failed and fails the batch.
func (l *FileLog) commit(batch []*request) {
	c := l.chain
	now := l.cfg.now()
	buf := l.buf[:0]
	for _, r := range batch {
		r.rec, l.scratch = c.seal(now, r.typ, r.body, l.scratch)
		buf = appendLine(buf, &r.rec)
	}
	_, err := l.f.Write(buf)
	if err == nil && l.cfg.fsync == FsyncAlways {
		err = l.f.Sync()
	}
	if cap(buf) <= 1<<20 {
		l.buf = buf
	} else {
		l.buf = nil
	}
	if err != nil {
		err = fmt.Errorf("audit: write %s (seq %d to %d): %w", l.path, batch[0].rec.Seq, c.seq, err)
		if terr := l.f.Truncate(l.size); terr != nil {
			err = errors.Join(err, fmt.Errorf("audit: truncate %s after failed write: %w", l.path, terr))
		}
		l.mu.Lock()
		l.failed = err
		l.mu.Unlock()
		l.cfg.logger.Error("audit log write failed; the log refuses appends until reopened",
			slog.String("path", l.path), slog.Any("err", err))
		for _, r := range batch {
			r.rec = Record{}
		}
		finish(batch, err)
		return
	}
	l.chain = c
	l.size += int64(len(buf))
	l.batches++
	l.mu.Lock()
	l.headSeq, l.head = c.seq, c.head
	l.mu.Unlock()
	for _, r := range batch {
		close(r.done)
	}
}

// Close waits for records already appended to be written, syncs the file
// (even with FsyncNever) and closes it. Append after Close returns
// ErrClosed. Close may be called more than once; later calls return the
// first call's result.
func (l *FileLog) Close() error {
	l.closeOnce.Do(func() {
		l.mu.Lock()
		l.closed = true
		l.cond.Broadcast()
		l.mu.Unlock()
		<-l.exited
		var errs []error
		l.mu.Lock()
		failed := l.failed
		l.mu.Unlock()
		if failed == nil {
			if err := l.f.Sync(); err != nil {
				errs = append(errs, fmt.Errorf("audit: close %s: %w", l.path, err))
			}
		}
		if err := unlockFile(l.f); err != nil {
			errs = append(errs, fmt.Errorf("audit: close %s: unlock: %w", l.path, err))
		}
		if err := l.f.Close(); err != nil {
			errs = append(errs, fmt.Errorf("audit: close %s: %w", l.path, err))
		}
		l.closeErr = errors.Join(errs...)
	})
	return l.closeErr
}
