package savefile

import (
	"io"
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
}

func newSource(r io.Reader) *source {
	return &source{r: r, buf: make([]byte, initialBufSize)}
}

// newMappedSource serves a whole file that is already in memory.
func newMappedSource(b []byte, unmap func() error) *source {
	return &source{buf: b, end: len(b), eof: true, unmap: unmap}
}

// avail returns the number of buffered, unconsumed bytes.
func (s *source) avail() int { return s.end - s.pos }

// fill tries to buffer at least n bytes past pos. It returns how many are
// buffered; fewer than n means the input ended (or failed, see s.err).
func (s *source) fill(n int) int {
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
		return u()
	}
	return nil
}
