//go:build !linux

package main

import "time"

// cpuTime is only measured on Linux; elsewhere the CPU rows are omitted.
func cpuTime(thread bool) (time.Duration, bool) { return 0, false }
