//go:build unix

package main

import (
	"os"
	"syscall"
)

// hup sends this process SIGHUP, as an operator would to reload the lists.
func hup() error { return syscall.Kill(os.Getpid(), syscall.SIGHUP) }
