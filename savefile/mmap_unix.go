//go:build linux || darwin || freebsd

package savefile

import (
	"os"
	"syscall"
)

// maxMapped caps the files Open maps; larger ones are read instead.
const maxMapped = 1 << 40

// mapFile maps a regular file read-only and returns a source over it, or
// nil when the file cannot be mapped (not regular, empty, too large, or
// mmap fails); the caller then reads it instead.
func mapFile(f *os.File) *source {
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() == 0 || st.Size() > maxMapped || int64(int(st.Size())) != st.Size() {
		return nil
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, mmapFlags)
	if err != nil {
		return nil
	}
	return newMappedSource(b, func() error { return syscall.Munmap(b) })
}
