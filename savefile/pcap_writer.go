package savefile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"os"
	"time"

	"github.com/purepcap/pcap/linktype"
)

// WriterOptions describe the file a pcap Writer produces.
type WriterOptions struct {
	LinkType    linktype.Type // written as is; see linktype.Type.Savefile
	LinkTypeExt uint32        // upper six bits of the link-type field (FCS length and FCS-present bit)
	Snaplen     int           // 0 means linktype.DefaultSnaplen
	Nanosecond  bool          // nanosecond time stamps (magic 0xa1b23c4d)

	// FlushInterval is how long a written packet may stay buffered while
	// more packets arrive: the first packet written after it has passed
	// since the last flush flushes the buffer. 0 means
	// DefaultFlushInterval; a negative value turns timed flushes off.
	// When packets stop arriving, the caller flushes (see Flush).
	FlushInterval time.Duration
}

// FCSBits returns the LinkTypeExt value announcing an FCS of n bytes on
// every packet (n even, at most 30), as libpcap's LT_FCS_DATALINK_EXT.
func FCSBits(n int) uint32 {
	return uint32(n/2&0xf)<<28 | 0x04000000
}

// Writer writes a pcap savefile exactly as libpcap's pcap_dump does on a
// little-endian host: a 24-byte file header with version 2.4, then a
// 16-byte record header and the captured bytes per packet.
//
// Writes are buffered. The buffer is flushed when full, by Flush and
// Close, and by the first packet written once WriterOptions.FlushInterval
// (a second by default) has passed since the last flush; the caller
// flushes when packets stop arriving. A write method copies the packet
// before it returns, so the caller may reuse data at once; a call that
// flushes blocks in the io.Writer's Write.
//
// The first error writing to the output sticks: every later call returns
// it. If the output is an *os.File, or has Truncate and Seek methods
// like it, the Writer then cuts off any partly written record, so that
// the file ends with the last whole one.
//
// A Writer is not safe for concurrent use: Flush too must be called from
// the goroutine that writes.
type Writer struct {
	outBuf
	closer  io.Closer // the file OpenAppend opened
	nano    bool
	snaplen int
}

// NewWriter writes a pcap file header to w and returns a Writer for the
// packets that follow.
func NewWriter(w io.Writer, o WriterOptions) (*Writer, error) {
	if err := checkSnaplen(o.Snaplen); err != nil {
		return nil, err
	}
	wr := newWriter(w, o)
	wr.header(o)
	return wr, nil
}

// snaplen returns the snapshot length o asks for, the default for 0.
func (o WriterOptions) snaplen() int {
	if o.Snaplen == 0 {
		return linktype.DefaultSnaplen
	}
	return o.Snaplen
}

func newWriter(w io.Writer, o WriterOptions) *Writer {
	wr := &Writer{outBuf: newOutBuf(w, o.FlushInterval), nano: o.Nanosecond, snaplen: o.snaplen()}
	wr.startTimer()
	return wr
}

// checkSnaplen checks that a snapshot length fits the files' 32-bit field.
func checkSnaplen(snap int) error {
	if snap < 0 || uint64(snap) > math.MaxUint32 {
		return fmt.Errorf("snapshot length %d out of range", snap)
	}
	return nil
}

func (w *Writer) header(o WriterOptions) {
	h := w.buf[w.n : w.n+pcapFileHeaderLen]
	magic := uint32(magicMicro)
	if o.Nanosecond {
		magic = magicNano
	}
	snap := w.snaplen
	binary.LittleEndian.PutUint32(h[0:], magic)
	binary.LittleEndian.PutUint16(h[4:], 2)
	binary.LittleEndian.PutUint16(h[6:], 4)
	binary.LittleEndian.PutUint32(h[8:], 0)
	binary.LittleEndian.PutUint32(h[12:], 0)
	binary.LittleEndian.PutUint32(h[16:], uint32(snap))
	binary.LittleEndian.PutUint32(h[20:], uint32(o.LinkType)|o.LinkTypeExt)
	w.n += pcapFileHeaderLen
	w.head = pcapFileHeaderLen
}

// OpenAppend opens the named pcap file for appending, as libpcap's
// pcap_dump_open_append does: a missing or empty file gets a header; an
// existing one must be a pcap file in this host's byte order (little
// endian), version 2.4, with the same time stamp precision, link-type
// field and snapshot length. Close flushes and closes the file.
func OpenAppend(name string, o WriterOptions) (*Writer, error) {
	if err := checkSnaplen(o.Snaplen); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o666)
	if err != nil {
		return nil, err
	}
	var h [pcapFileHeaderLen]byte
	n, err := io.ReadFull(f, h[:])
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		f.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if n > 0 && n < pcapFileHeaderLen {
		f.Close()
		return nil, fmt.Errorf("%s: truncated pcap file header", name)
	}
	snap := o.snaplen()
	var msg string
	switch binary.LittleEndian.Uint32(h[:]) {
	case magicMicro:
		if o.Nanosecond {
			msg = "different time stamp precision, cannot append to file"
		}
	case magicNano:
		if !o.Nanosecond {
			msg = "different time stamp precision, cannot append to file"
		}
	case bits.ReverseBytes32(magicMicro), bits.ReverseBytes32(magicNano):
		msg = "different byte order, cannot append to file"
	case magicKuznetzov, bits.ReverseBytes32(magicKuznetzov), 0xa12b3c4d, 0x4d3c2ba1:
		msg = "not a pcap file to which we can append"
	default:
		msg = "not a pcap file"
	}
	if msg == "" {
		major, minor := binary.LittleEndian.Uint16(h[4:]), binary.LittleEndian.Uint16(h[6:])
		switch {
		case major != 2 || minor != 4:
			msg = fmt.Sprintf("version is %d.%d, cannot append to file", major, minor)
		case binary.LittleEndian.Uint32(h[20:]) != uint32(o.LinkType)|o.LinkTypeExt:
			msg = "different linktype, cannot append to file"
		case binary.LittleEndian.Uint32(h[16:]) != uint32(snap):
			msg = "different snaplen, cannot append to file"
		}
	}
	if msg != "" && n > 0 {
		f.Close()
		return nil, fmt.Errorf("%s: %s", name, msg)
	}
	w := newWriter(f, o)
	w.closer = f
	if n == 0 {
		w.header(o)
	}
	return w, nil
}

// WritePacket writes one packet: data is the captured bytes, ci.Length the
// length on the wire. The time stamp is truncated to the file's
// precision, as libpcap truncates it. It returns an error, and writes
// nothing, when ci.CaptureLength is not len(data), when ci.Length is less
// than it, when it exceeds the file's snapshot length, or when the time
// stamp is outside the years 1970 to 2106 that the file's 32-bit seconds
// hold.
func (w *Writer) WritePacket(ci CaptureInfo, data []byte) error {
	if !lengthsOK(ci.CaptureLength, ci.Length, len(data), w.snaplen) {
		return lengthError(ci.CaptureLength, ci.Length, len(data), w.snaplen)
	}
	sec := ci.Timestamp.Unix()
	if sec < 0 || sec > math.MaxUint32 {
		return fmt.Errorf("time stamp %v does not fit a pcap file", ci.Timestamp)
	}
	frac := int64(ci.Timestamp.Nanosecond())
	if !w.nano {
		frac /= 1000
	}
	return w.WriteTimeval(sec, frac, ci.Length, data)
}

// WritePacketFrom writes the packet r has just returned (data and ci as
// ZeroCopyReadPacketData gave them) with its time stamp exactly as
// Reader.Timeval reports it at this Writer's precision, as tcpdump -w
// does. Like WriteTimeval it copies the record as it is, without
// WritePacket's checks.
func (w *Writer) WritePacketFrom(r *Reader, ci CaptureInfo, data []byte) error {
	sec, frac := r.Timeval(w.nano)
	return w.WriteTimeval(sec, frac, ci.Length, data)
}

// WriteTimeval writes one packet whose time stamp is given as libpcap's
// struct pcap_pkthdr holds it (see Reader.Timeval): seconds and a fraction
// in the file's unit, both stored as their low 32 bits. It is the
// lower-level method for copying files exactly as libpcap's pcap_dump
// does: it checks nothing, so a record of a damaged file (a wire length
// below the capture length, data beyond the snapshot length) is written
// as it is. Use WritePacket for packets of your own.
func (w *Writer) WriteTimeval(sec, frac int64, length int, data []byte) error {
	if w.err != nil {
		return w.err
	}
	need := pcapRecordLen + len(data)
	if len(w.buf)-w.n < need {
		if err := w.flush(); err != nil {
			return err
		}
	}
	h := w.buf[w.n : w.n+pcapRecordLen]
	binary.LittleEndian.PutUint32(h[0:], uint32(sec))
	binary.LittleEndian.PutUint32(h[4:], uint32(frac))
	binary.LittleEndian.PutUint32(h[8:], uint32(len(data)))
	binary.LittleEndian.PutUint32(h[12:], uint32(length))
	w.n += pcapRecordLen
	if len(data) > len(w.buf)-w.n {
		if err := w.flush(); err != nil {
			return err
		}
		if err := w.writeDirect(pcapRecordLen, data); err != nil {
			return err
		}
		return w.tick()
	}
	w.n += copy(w.buf[w.n:], data)
	return w.tick()
}

// lengthsOK reports whether a packet's lengths agree with each other and
// with the snapshot length (0: none); lengthError says what is wrong when
// they do not. lengthsOK is small enough to inline into the writers'
// per-packet path.
func lengthsOK(caplen, wire, n, snaplen int) bool {
	return caplen == n && wire >= n && (snaplen == 0 || n <= snaplen) && uint64(wire) <= math.MaxUint32
}

// lengthError says which of a packet's lengths is wrong: its capture
// length caplen, wire length wire, n data bytes, for a snapshot length
// snaplen (0: none).
func lengthError(caplen, wire, n, snaplen int) error {
	switch {
	case caplen != n:
		return fmt.Errorf("capture length %d does not match the %d bytes of data", caplen, n)
	case wire < caplen:
		return fmt.Errorf("wire length %d is less than the capture length %d", wire, caplen)
	case snaplen > 0 && caplen > snaplen:
		return fmt.Errorf("capture length %d exceeds the snapshot length %d", caplen, snaplen)
	}
	return fmt.Errorf("wire length %d out of range", wire)
}

// Flush writes any buffered data to the underlying writer. Call it when
// packets stop arriving (WritePacket flushes on its own while they
// arrive), or after each packet to write packets as they come (as
// tcpdump -U does).
func (w *Writer) Flush() error { return w.flush() }

// Size returns the size of the file the Writer has written so far, the
// bytes it still buffers included, as libpcap's pcap_dump_ftell does (for
// a Writer made by OpenAppend, the bytes the file already had are not
// counted). After a write error it is the size of the whole records that
// reached the file.
func (w *Writer) Size() int64 { return w.size() }

// Close flushes the Writer and, for one made by OpenAppend, closes the
// file. It does not close the io.Writer given to NewWriter.
func (w *Writer) Close() error {
	err := w.close(os.ErrClosed)
	if w.closer != nil {
		err = errors.Join(err, w.closer.Close())
		w.closer = nil
	}
	return err
}
