//go:build darwin || freebsd

package savefile

import "golang.org/x/sys/unix"

// prefault asks the kernel to read b in; these systems have no
// synchronous equivalent of Linux's MADV_POPULATE_READ.
func prefault(b []byte) { _ = unix.Madvise(b, unix.MADV_WILLNEED) }
