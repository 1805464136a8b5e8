//go:build linux || darwin || freebsd

package savefile

import (
	"os"

	"golang.org/x/sys/unix"
)

// maxMapped caps the files Open maps; larger ones are read instead.
const maxMapped = 1 << 40

// mapFile maps a regular file read-only and returns a source over it, or
// nil when the file cannot be mapped (not regular, empty, too large, or
// mmap fails); the caller then reads it instead. Mapping reads nothing:
// the source brings the file in a window at a time (see fillMapped).
func mapFile(f *os.File) *source {
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() == 0 || st.Size() > maxMapped || int64(int(st.Size())) != st.Size() {
		return nil
	}
	b, err := unix.Mmap(int(f.Fd()), 0, int(st.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		return nil
	}
	_ = unix.Madvise(b, unix.MADV_SEQUENTIAL) // a hint: readahead
	return newMappedSource(b, func() error { return unix.Munmap(b) })
}

// adviseWindow prepares the next window of a mapping: it faults in
// cur, the bytes about to be read, so that reading them takes no page
// faults, and starts reading ahead, the window after it. It is best
// effort: without it pages fault in as they are read.
func adviseWindow(cur, ahead []byte) {
	if len(cur) > 0 {
		prefault(cur)
	}
	if len(ahead) > 0 {
		_ = unix.Madvise(ahead, unix.MADV_WILLNEED)
	}
}

// releaseMapped drops the pages of b, which the reader has passed, from
// the process's resident set. The file's data stay in the page cache, and
// a slice of b that is still read simply faults its page in again, so
// releasing never invalidates what the Reader handed out.
func releaseMapped(b []byte) {
	_ = unix.Madvise(b, unix.MADV_DONTNEED)
}
