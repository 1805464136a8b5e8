package savefile

import (
	"io"
	"os"
)

const (
	initialBufSize = 64 << 10 // first buffer; most test captures fit
	readChunk      = 1 << 20  // buffer size once a file proves large
)

// source buffers a savefile so that records can be handed out as slices
// of one large buffer (or of a memory-mapped file) without copying. It
// grows its buffer only as data actually arrives, so a forged length
// cannot make it allocate more than about twice the bytes the file holds.
type source struct {
	r        io.Reader
	buf      []byte
	pos, end int
	eof      bool  // r has reported io.EOF (or the buffer is a whole file)
	err      error // sticky read error other than io.EOF
	total    int64 // bytes read from r so far
	unmap    func() error

	// A mapped file: buf is the whole mapping, and end is the end of the
	// window prepared for reading (see fillMapped).
	mapped   bool
	window   int // size of the next window
	released int // the pages before this offset have been released
}

func newSource(r io.Reader) *source {
	return &source{r: r, buf: make([]byte, initialBufSize)}
}

// Windows of a mapped file: the first, firstWindow, is small so that
// opening reads little; each next one is twice as large, up to maxWindow,
// which caps the file pages a Reader keeps resident: about two windows.
// Variables for tests.
var (
	firstWindow = 64 << 10
	maxWindow   = 8 << 20
)

// newMappedSource serves a file mapped at b. It touches none of it: fill
// prepares one window at a time.
func newMappedSource(b []byte, unmap func() error) *source {
	return &source{buf: b, eof: true, unmap: unmap, mapped: true, window: firstWindow}
}

// avail returns the number of buffered, unconsumed bytes.
func (s *source) avail() int { return s.end - s.pos }

// fill tries to buffer at least n bytes past pos. It returns how many are
// buffered; fewer than n means the input ended (or failed, see s.err).
func (s *source) fill(n int) int {
	if s.mapped {
		return s.fillMapped(n)
	}
	empty := 0
	for s.end-s.pos < n && !s.eof && s.err == nil {
		if s.end == len(s.buf) {
			s.makeRoom(n)
		}
		m, err := s.r.Read(s.buf[s.end:])
		s.end += m
		s.total += int64(m)
		switch {
		case err == io.EOF:
			s.eof = true
		case err != nil:
			s.err = err
		case m == 0:
			if empty++; empty >= 100 {
				s.err = io.ErrNoProgress
			}
		}
	}
	return s.end - s.pos
}

// fillMapped moves the window of a mapped file so that it holds at least
// n bytes past pos (fewer at the end of the file) and at least one window
// more. It faults in the new part, starts reading ahead the part after
// it, and releases the pages before pos, so that a Reader keeps about two
// windows of the file resident however large it is.
func (s *source) fillMapped(n int) int {
	size := len(s.buf)
	page := os.Getpagesize()
	end := s.end
	if end < s.pos {
		end = s.pos
	}
	want := s.pos + n
	if want < 0 || want > size { // overflow: n is a forged length
		want = size
	}
	if want > end {
		end = want
	}
	end = (end + s.window + page - 1) &^ (page - 1)
	if end > size || end < 0 {
		end = size
	}
	ahead := end + s.window
	if ahead > size || ahead < 0 {
		ahead = size
	}
	adviseWindow(s.buf[s.end:end], s.buf[end:ahead])
	s.end = end
	if s.window < maxWindow {
		s.window *= 2
	}
	if rel := s.pos &^ (page - 1); rel > s.released {
		releaseMapped(s.buf[s.released:rel])
		s.released = rel
	}
	return s.end - s.pos
}

// makeRoom moves the unconsumed bytes to the front of the buffer and grows
// it when they fill it or when the file has turned out to be large.
func (s *source) makeRoom(n int) {
	live := s.end - s.pos
	size := len(s.buf)
	if s.total > int64(size) && size < readChunk {
		size = readChunk
	}
	for live >= size || (n > size && live*2 >= size) {
		size *= 2
	}
	if size != len(s.buf) {
		nb := make([]byte, size)
		copy(nb, s.buf[s.pos:s.end])
		s.buf = nb
	} else {
		copy(s.buf, s.buf[s.pos:s.end])
	}
	s.pos, s.end = 0, live
}

// peek returns the next n buffered bytes without consuming them; the
// caller must have checked fill(n) >= n.
func (s *source) peek(n int) []byte { return s.buf[s.pos : s.pos+n : s.pos+n] }

func (s *source) close() error {
	if s.unmap != nil {
		u := s.unmap
		s.unmap = nil
		s.buf = nil
		s.pos, s.end = 0, 0
		s.mapped = false
		return u()
	}
	return nil
}
