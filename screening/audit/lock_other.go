//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package audit

import "os"

// lockFile is a no-op where flock(2) is not available: the caller must make
// sure only one FileLog writes a given file.
func lockFile(f *os.File) error { return nil }

func unlockFile(f *os.File) error { return nil }
