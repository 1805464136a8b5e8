package savefile

import (
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// noPopulate is set once the kernel has refused MADV_POPULATE_READ
// (before Linux 5.14); pages then fault in as they are read.
var noPopulate atomic.Bool

// prefault maps the pages of b in one system call, as MAP_POPULATE would
// for the whole file.
func prefault(b []byte) {
	if noPopulate.Load() {
		return
	}
	if err := unix.Madvise(b, unix.MADV_POPULATE_READ); err == unix.EINVAL {
		noPopulate.Store(true)
	}
}
