package savefile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"time"
)

// writeBufSize is the initial output buffer of the pcap and pcapng writers.
const writeBufSize = 256 << 10

// DefaultFlushInterval is how often, at the least, the writers flush while
// packets arrive, unless their options say otherwise.
const DefaultFlushInterval = time.Second

// outBuf is the buffered output the pcap and pcapng writers share. It
// holds only whole records (pcap: a file header, then record headers with
// their data; pcapng: blocks), and it flushes them when full, when the
// caller says so, and on the first record written after the flush interval
// has passed since the last flush.
//
// The first write error sticks: every later call returns it. When the
// error leaves part of a record in the output, and the output can be
// truncated (see truncater), the partial record is cut off, so the file
// ends at the last whole record.
type outBuf struct {
	w    io.Writer
	buf  []byte
	n    int   // bytes buffered in buf
	done int64 // bytes of whole records that reached w
	err  error

	head   int  // a pcap file header of this many bytes starts buf
	blocks bool // pcapng: each record is a block, its length at offset 4

	interval time.Duration // 0: no timed flushes
	timer    *time.Timer   // sets due after interval
	due      atomic.Bool   // a timed flush is due
}

func newOutBuf(w io.Writer, interval time.Duration) outBuf {
	if interval == 0 {
		interval = DefaultFlushInterval
	}
	if interval < 0 {
		interval = 0
	}
	return outBuf{w: w, buf: make([]byte, writeBufSize), interval: interval}
}

// startTimer arms the timed flush; o must not move afterwards.
func (o *outBuf) startTimer() {
	if o.interval > 0 {
		o.timer = time.AfterFunc(o.interval, func() { o.due.Store(true) })
	}
}

// stopTimer disarms the timed flush for good.
func (o *outBuf) stopTimer() {
	if o.timer != nil {
		o.timer.Stop()
		o.timer = nil
	}
}

// tick flushes if the interval has passed; the writers call it after each
// record. It costs an atomic load unless a flush is due.
func (o *outBuf) tick() error {
	if o.due.Load() {
		return o.timedFlush()
	}
	return nil
}

func (o *outBuf) timedFlush() error {
	o.due.Store(false)
	err := o.flush()
	if o.timer != nil && err == nil {
		o.timer.Reset(o.interval)
	}
	return err
}

// flush writes the buffered bytes to w.
func (o *outBuf) flush() error {
	if o.err != nil {
		return o.err
	}
	if o.n == 0 {
		return nil
	}
	m, err := o.w.Write(o.buf[:o.n])
	if err == nil && m < o.n {
		err = io.ErrShortWrite
	}
	if err != nil {
		whole := o.wholeRecords(m)
		o.done += int64(whole)
		o.fail(err, int64(m-whole))
		return o.err
	}
	o.done += int64(o.n)
	o.n, o.head = 0, 0
	return nil
}

// size returns how many bytes the writer has taken: those that reached w
// and those still buffered.
func (o *outBuf) size() int64 { return o.done + int64(o.n) }

// writeDirect writes data, a further part of a record whose first hdr
// bytes have reached w (flushed, or written directly before), straight to
// w. On an error the whole record is cut off.
func (o *outBuf) writeDirect(hdr int, data []byte) error {
	m, err := o.w.Write(data)
	if err == nil && m < len(data) {
		err = io.ErrShortWrite
	}
	if err != nil {
		o.done -= int64(hdr) // flushed with the buffer, now cut off
		o.fail(err, int64(hdr+m))
		return o.err
	}
	o.done += int64(len(data))
	return nil
}

// wholeRecords returns how many of the first m buffered bytes are whole
// records.
func (o *outBuf) wholeRecords(m int) int {
	p := 0
	if o.head > 0 {
		if m < o.head {
			return 0
		}
		p = o.head
	}
	for {
		var size int
		switch {
		case o.blocks && p+8 <= o.n:
			size = int(binary.LittleEndian.Uint32(o.buf[p+4:]))
		case !o.blocks && p+pcapRecordLen <= o.n:
			size = pcapRecordLen + int(binary.LittleEndian.Uint32(o.buf[p+8:]))
		default:
			return p
		}
		if size <= 0 || p+size > m {
			return p
		}
		p += size
	}
}

// truncater is an output whose end can be cut off: *os.File is one.
type truncater interface {
	Truncate(size int64) error
	Seek(offset int64, whence int) (int64, error)
}

// fail makes err sticky, after cutting the partial bytes of a record off
// the end of the output when it can be truncated.
func (o *outBuf) fail(err error, partial int64) {
	o.n, o.head = 0, 0
	o.stopTimer()
	if t, ok := o.w.(truncater); ok && partial > 0 {
		// An output that cannot seek (a pipe) cannot be truncated either:
		// that is not worth a second error.
		if end, serr := t.Seek(0, io.SeekCurrent); serr == nil && end >= partial {
			serr = t.Truncate(end - partial)
			if serr == nil {
				_, serr = t.Seek(end-partial, io.SeekStart)
			}
			if serr != nil {
				err = errors.Join(err, fmt.Errorf("removing a partly written record: %w", serr))
			}
		}
	}
	o.err = err
}

// close flushes, stops the timer, and makes later writes fail with
// os.ErrClosed (or the sticky error).
func (o *outBuf) close(closed error) error {
	err := o.flush()
	o.stopTimer()
	if o.err == nil {
		o.err = closed
	}
	return err
}
