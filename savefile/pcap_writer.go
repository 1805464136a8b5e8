package savefile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/purepcap/pcap/linktype"
)

// WriterOptions describe the file a pcap Writer produces.
type WriterOptions struct {
	LinkType    linktype.Type // written as is; see linktype.Type.Savefile
	LinkTypeExt uint32        // upper six bits of the link-type field (FCS length and FCS-present bit)
	Snaplen     int           // 0 means linktype.DefaultSnaplen
	Nanosecond  bool          // nanosecond time stamps (magic 0xa1b23c4d)
}

// FCSBits returns the LinkTypeExt value announcing an FCS of n bytes on
// every packet (n even, at most 30), as libpcap's LT_FCS_DATALINK_EXT.
func FCSBits(n int) uint32 {
	return uint32(n/2&0xf)<<28 | 0x04000000
}

// Writer writes a pcap savefile exactly as libpcap's pcap_dump does on a
// little-endian host: a 24-byte file header with version 2.4, then a
// 16-byte record header and the captured bytes per packet. Writes are
// buffered; call Flush or Close at the end.
//
// A Writer is not safe for concurrent use.
type Writer struct {
	outBuf
	closer io.Closer // the file OpenAppend opened
	nano   bool
}

// NewWriter writes a pcap file header to w and returns a Writer for the
// packets that follow.
func NewWriter(w io.Writer, o WriterOptions) (*Writer, error) {
	wr := newWriter(w, o.Nanosecond)
	wr.header(o)
	return wr, nil
}

func newWriter(w io.Writer, nano bool) *Writer {
	return &Writer{outBuf: newOutBuf(w), nano: nano}
}

func (w *Writer) header(o WriterOptions) {
	h := w.buf[w.n : w.n+pcapFileHeaderLen]
	magic := uint32(magicMicro)
	if o.Nanosecond {
		magic = magicNano
	}
	snap := o.Snaplen
	if snap == 0 {
		snap = linktype.DefaultSnaplen
	}
	binary.LittleEndian.PutUint32(h[0:], magic)
	binary.LittleEndian.PutUint16(h[4:], 2)
	binary.LittleEndian.PutUint16(h[6:], 4)
	binary.LittleEndian.PutUint32(h[8:], 0)
	binary.LittleEndian.PutUint32(h[12:], 0)
	binary.LittleEndian.PutUint32(h[16:], uint32(snap))
	binary.LittleEndian.PutUint32(h[20:], uint32(o.LinkType)|o.LinkTypeExt)
	w.n += pcapFileHeaderLen
}

// OpenAppend opens the named pcap file for appending, as libpcap's
// pcap_dump_open_append does: a missing or empty file gets a header; an
// existing one must be a pcap file in this host's byte order (little
// endian), version 2.4, with the same time stamp precision, link-type
// field and snapshot length. Close flushes and closes the file.
func OpenAppend(name string, o WriterOptions) (*Writer, error) {
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
	w := newWriter(f, o.Nanosecond)
	w.closer = f
	if n == 0 {
		w.header(o)
		return w, nil
	}
	snap := o.Snaplen
	if snap == 0 {
		snap = linktype.DefaultSnaplen
	}
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
	case swap32(magicMicro), swap32(magicNano):
		msg = "different byte order, cannot append to file"
	case magicKuznetzov, swap32(magicKuznetzov), 0xa12b3c4d, 0x4d3c2ba1:
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
	if msg != "" {
		f.Close()
		return nil, fmt.Errorf("%s: %s", name, msg)
	}
	return w, nil
}

// WritePacket writes one packet: data is the captured bytes and ci.Length
// the length on the wire. The time stamp is truncated to the file's
// precision, as libpcap truncates it.
func (w *Writer) WritePacket(ci CaptureInfo, data []byte) error {
	sec := ci.Timestamp.Unix()
	frac := int64(ci.Timestamp.Nanosecond())
	if !w.nano {
		frac /= 1000
	}
	return w.WriteTimeval(sec, frac, ci.Length, data)
}

// WritePacketFrom writes the packet r has just returned (data and ci as
// ZeroCopyReadPacketData gave them) with its time stamp exactly as
// Reader.Timeval reports it at this Writer's precision, as tcpdump -w
// does.
func (w *Writer) WritePacketFrom(r *Reader, ci CaptureInfo, data []byte) error {
	sec, frac := r.Timeval(w.nano)
	return w.WriteTimeval(sec, frac, ci.Length, data)
}

// WriteTimeval writes one packet whose time stamp is given as libpcap's
// struct pcap_pkthdr holds it (see Reader.Timeval): seconds and a fraction
// in the file's unit, both stored as their low 32 bits.
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
		_, err := w.w.Write(data)
		if err != nil {
			w.err = err
		}
		return err
	}
	w.n += copy(w.buf[w.n:], data)
	return nil
}

// Flush writes any buffered data to the underlying writer.
func (w *Writer) Flush() error { return w.flush() }

// Close flushes the Writer and, for one made by OpenAppend, closes the
// file. It does not close the io.Writer given to NewWriter.
func (w *Writer) Close() error {
	err := w.Flush()
	if w.closer != nil {
		err = errors.Join(err, w.closer.Close())
		w.closer = nil
	}
	if w.err == nil {
		w.err = os.ErrClosed
	}
	return err
}
