package savefile

import (
	"bytes"
	"errors"
	"io"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/linktype"
)

// syncBuffer is a bytes.Buffer whose length can be read while a timer
// runs (the writers write from the caller's goroutine only).
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Len()
}

// TestWriterFlushesEverySecond: while packets arrive, a packet waits in
// the buffer about a second at most (the default), and Flush writes the
// rest when they stop.
func TestWriterFlushesEverySecond(t *testing.T) {
	var out syncBuffer
	w, err := NewWriter(&out, WriterOptions{LinkType: linktype.Ethernet})
	require.NoError(t, err)
	ci := CaptureInfo{Timestamp: time.Unix(1700000000, 0), CaptureLength: 60, Length: 60}
	require.NoError(t, w.WritePacket(ci, make([]byte, 60)))
	assert.Zero(t, out.Len(), "buffered")
	time.Sleep(DefaultFlushInterval + 100*time.Millisecond)
	require.NoError(t, w.WritePacket(ci, make([]byte, 60)))
	assert.Equal(t, pcapFileHeaderLen+2*(pcapRecordLen+60), out.Len(), "not flushed after a second")

	require.NoError(t, w.WritePacket(ci, make([]byte, 60)))
	assert.Equal(t, pcapFileHeaderLen+2*(pcapRecordLen+60), out.Len(), "flushed again at once")
	require.NoError(t, w.Flush())
	assert.Equal(t, pcapFileHeaderLen+3*(pcapRecordLen+60), out.Len())
}

// TestNGWriterFlushInterval: FlushInterval sets the time; negative turns
// timed flushes off.
func TestNGWriterFlushInterval(t *testing.T) {
	for _, interval := range []time.Duration{20 * time.Millisecond, -1} {
		var out syncBuffer
		w, err := NewNGWriter(&out, NGWriterOptions{FlushInterval: interval})
		require.NoError(t, err)
		_, err = w.AddInterface(Interface{LinkType: linktype.Ethernet})
		require.NoError(t, err)
		ci := CaptureInfo{Timestamp: time.Unix(1700000000, 0), CaptureLength: 60, Length: 60}
		for range 3 {
			require.NoError(t, w.WritePacket(ci, make([]byte, 60)))
			time.Sleep(40 * time.Millisecond)
		}
		if interval > 0 {
			assert.NotZero(t, out.Len(), "no timed flush")
		} else {
			assert.Zero(t, out.Len(), "flushed with timed flushes off")
		}
		require.NoError(t, w.Close())
	}
}

// fullFile is an in-memory file that holds at most limit bytes: a write
// past it writes what fits and fails with ENOSPC. It can be truncated, as
// an *os.File can.
type fullFile struct {
	data  []byte
	limit int
	fails int // failed writes
}

func (f *fullFile) Write(p []byte) (int, error) {
	n := min(len(p), f.limit-len(f.data))
	f.data = append(f.data, p[:n]...)
	if n < len(p) {
		f.fails++
		return n, syscall.ENOSPC
	}
	return n, nil
}

func (f *fullFile) Seek(offset int64, whence int) (int64, error) {
	if offset != 0 && whence != io.SeekStart {
		return 0, errors.New("unsupported seek")
	}
	if whence == io.SeekStart {
		return offset, nil
	}
	return int64(len(f.data)), nil
}

func (f *fullFile) Truncate(size int64) error {
	f.data = f.data[:size]
	return nil
}

// TestWriteErrorEndsAtWholeRecord fills a "disk" in the middle of a
// record, for both writers and for small and large packets (large ones
// bypass the buffer): the file must end with the last whole record, and
// every later call must return the same error without writing again.
func TestWriteErrorEndsAtWholeRecord(t *testing.T) {
	for _, size := range []int{100, 256<<10 - 4} { // the second bypasses the pcap buffer
		for _, format := range []string{"pcap", "pcapng"} {
			for _, limit := range []int{10, 1000, 5000, 400 << 10} {
				f := &fullFile{limit: limit}
				var w packetWriter
				var closeW func() error
				if format == "pcap" {
					pw, err := NewWriter(f, WriterOptions{LinkType: linktype.Ethernet, Snaplen: 1 << 20})
					require.NoError(t, err)
					w, closeW = pw, pw.Close
				} else {
					nw, err := NewNGWriter(f, NGWriterOptions{})
					require.NoError(t, err)
					_, err = nw.AddInterface(Interface{LinkType: linktype.Ethernet})
					require.NoError(t, err)
					w, closeW = nw, nw.Close
				}
				ci := CaptureInfo{Timestamp: time.Unix(1700000000, 0), CaptureLength: size, Length: size}
				var first error
				for i := 0; i < 5000 && first == nil; i++ {
					first = w.WritePacket(ci, make([]byte, size))
				}
				if first == nil {
					first = w.Flush()
				}
				require.ErrorIs(t, first, syscall.ENOSPC, "%s %d/%d", format, size, limit)
				fails := f.fails
				assert.Equal(t, first, w.WritePacket(ci, make([]byte, size)))
				assert.Equal(t, first, w.Flush())
				assert.Equal(t, first, closeW())
				assert.Equal(t, fails, f.fails, "wrote again after the error")

				n, err := readAll(f.data)
				if len(f.data) == 0 {
					continue // not even the file header fitted
				}
				require.NoError(t, err, "%s %d/%d: %d bytes left, %d packets", format, size, limit, len(f.data), n)
			}
		}
	}
}
