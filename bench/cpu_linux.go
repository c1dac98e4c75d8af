package main

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user + system) used so far by the calling
// OS thread (thread true; lock the goroutine to its thread first) or by the
// whole process. On a shared machine it measures the work done, not the
// time spent waiting for a core.
func cpuTime(thread bool) (time.Duration, bool) {
	who := syscall.RUSAGE_SELF
	if thread {
		who = 1 // RUSAGE_THREAD
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
