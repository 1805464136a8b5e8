package savefile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"

	"github.com/purepcap/pcap/linktype"
)

// Format is the kind of savefile a Reader reads.
type Format int

// The savefile formats.
const (
	FormatPcap   Format = iota + 1 // classic libpcap format
	FormatPcapNG                   // pcapng
)

// String returns "pcap" or "pcapng".
func (f Format) String() string {
	switch f {
	case FormatPcap:
		return "pcap"
	case FormatPcapNG:
		return "pcapng"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ErrUnknownFormat is returned by NewReader when the input is neither a
// pcap nor a pcapng file. Its text is libpcap's.
var ErrUnknownFormat = errors.New("unknown file format")

// formatError is an error in the content of a savefile. Its text is
// libpcap's wording for the same problem, so that a program can report it
// exactly as tcpdump does.
type formatError struct {
	msg       string
	truncated bool
}

// Error returns libpcap's message.
func (e *formatError) Error() string { return e.msg }

// Unwrap lets errors.Is(err, io.ErrUnexpectedEOF) detect truncated files.
func (e *formatError) Unwrap() error {
	if e.truncated {
		return io.ErrUnexpectedEOF
	}
	return nil
}

func errorf(format string, args ...any) error {
	return &formatError{msg: fmt.Sprintf(format, args...)}
}

func truncatedf(format string, args ...any) error {
	return &formatError{msg: fmt.Sprintf(format, args...), truncated: true}
}

func readError(err error) error {
	return fmt.Errorf("error reading dump file: %w", err)
}

// DefaultMaxInterfaces is the default cap on the interfaces of one pcapng
// section (libpcap has none; real captures have a handful).
const DefaultMaxInterfaces = 10000

// ReaderOptions adjust how a Reader interprets a file.
type ReaderOptions struct {
	// Libpcap makes pcapng reading fail, as libpcap 1.10 does, when an
	// interface has a link type or snapshot length different from the
	// first interface's, or when a later section changes byte order.
	// Without it, each packet simply carries its interface.
	Libpcap bool

	// MaxInterfaces caps the interfaces of one pcapng section; 0 means
	// DefaultMaxInterfaces. A file with more is rejected rather than
	// read into memory.
	MaxInterfaces int
}

// Reader reads packets from a pcap or pcapng savefile. Behind it is one
// reader per format (pcapReader, ngReader); exactly one is set.
//
// A Reader is not safe for concurrent use.
type Reader struct {
	in   *input      // the shared state of pcap or ng
	pcap *pcapReader // set for a pcap file
	ng   *ngReader   // set for a pcapng file
	done error       // sticky terminal error (io.EOF after the last packet)
}

// input is what both format readers share: the buffered file, its byte
// order, and the link type and snapshot length reported for the file (the
// pcap header's, or the first pcapng interface's).
type input struct {
	src          *source
	opts         ReaderOptions
	bigEndian    bool // of the file (of the current section for pcapng)
	linkType     linktype.Type
	snaplen      int
	major, minor uint16
	scratch      []byte // packet copy for pseudo-header rewriting
}

func (in *input) u16(b []byte) uint16 {
	if in.bigEndian {
		return binary.BigEndian.Uint16(b)
	}
	return binary.LittleEndian.Uint16(b)
}

func (in *input) u32(b []byte) uint32 {
	if in.bigEndian {
		return binary.BigEndian.Uint32(b)
	}
	return binary.LittleEndian.Uint32(b)
}

func (in *input) u64(b []byte) uint64 {
	if in.bigEndian {
		return binary.BigEndian.Uint64(b)
	}
	return binary.LittleEndian.Uint64(b)
}

// swapPseudo copies a packet of a big-endian file to the scratch buffer
// and rewrites its pseudo-header into little-endian order, as libpcap
// does (see pseudo.go).
func (in *input) swapPseudo(lt linktype.Type, data []byte, length uint32) ([]byte, uint32) {
	in.scratch = append(in.scratch[:0], data...)
	return in.scratch, swapPseudoHeader(lt, in.scratch, length)
}

// NewReader reads the file header of a pcap or pcapng savefile from r and
// returns a Reader positioned at the first packet. For pcapng it reads up
// to the first Interface Description Block, as libpcap does.
func NewReader(r io.Reader) (*Reader, error) {
	return NewReaderOptions(r, ReaderOptions{})
}

// NewReaderOptions is NewReader with options.
func NewReaderOptions(r io.Reader, opts ReaderOptions) (*Reader, error) {
	return newReader(newSource(r), opts)
}

// Open opens the named savefile for reading. Where the platform allows it
// (Linux, macOS, FreeBSD) a regular file is memory-mapped, so
// ZeroCopyReadPacketData hands out slices of the mapping; Close releases
// it. Open reads only the file header (for pcapng, up to the first
// interface): the Reader then brings the file in a window at a time, at
// most a few MiB, faulting in the window ahead and releasing the pages it
// has passed, so its resident memory stays bounded on files of any size.
// The mapping covers the file as it was when opened; a file that other
// programs truncate while it is open can crash the process (SIGBUS), so
// read such files with NewReader instead.
func Open(name string, opts ReaderOptions) (*Reader, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if src := mapFile(f); src != nil {
		f.Close()
		rd, err := newReader(src, opts)
		if err != nil {
			src.close()
			return nil, err
		}
		return rd, nil
	}
	src := newSource(f)
	src.unmap = f.Close
	rd, err := newReader(src, opts)
	if err != nil {
		f.Close()
		return nil, err
	}
	return rd, nil
}

// Close releases the resources of a Reader made by Open (the mapping or
// the file). Slices that ZeroCopyReadPacketData or Packets returned must
// not be used afterwards: for a mapped file the memory is gone, and
// reading it crashes the process. Close is a no-op for Readers made by
// NewReader, which never close the io.Reader they were given; later
// reads return os.ErrClosed.
func (r *Reader) Close() error {
	r.done = os.ErrClosed
	if r.ng != nil {
		r.ng.forgetPacket() // its options may lie in the mapping
	}
	return r.in.src.close()
}

func newReader(src *source, opts ReaderOptions) (*Reader, error) {
	if opts.MaxInterfaces <= 0 {
		opts.MaxInterfaces = DefaultMaxInterfaces
	}
	n := src.fill(4)
	if src.err != nil {
		return nil, readError(src.err)
	}
	if n < 4 {
		return nil, truncatedf("truncated dump file; tried to read 4 file header bytes, only got %d", n)
	}
	in := input{src: src, opts: opts}
	if p, ok, err := openPcap(in, src.peek(4)); ok {
		if err != nil {
			return nil, err
		}
		return &Reader{in: &p.input, pcap: p}, nil
	}
	ng, ok, err := openNG(in)
	switch {
	case err != nil:
		return nil, err
	case !ok:
		return nil, ErrUnknownFormat
	}
	return &Reader{in: &ng.input, ng: ng}, nil
}

// Format reports whether the file is pcap or pcapng.
func (r *Reader) Format() Format {
	if r.pcap != nil {
		return FormatPcap
	}
	return FormatPcapNG
}

// LinkType returns the file's link-layer header type: the pcap header's
// link-type field without its upper six bits (FCS length and FCS-present
// bit; see LinkTypeExt), or the first pcapng interface's. Bits 16-25 of
// the pcap field are reserved and should be zero; like libpcap 1.10 the
// Reader keeps them in the link type, which then names no known type.
func (r *Reader) LinkType() linktype.Type { return r.in.linkType }

// LinkTypeExt returns the upper six bits of a pcap file's link-type field
// (FCS length and FCS-present bit) as they appear in the field; 0 for
// pcapng.
func (r *Reader) LinkTypeExt() uint32 {
	if r.pcap == nil {
		return 0
	}
	return r.pcap.ltExt
}

// FCSLength returns the FCS length, in bytes, that a pcap file's
// link-type field announces, and whether it announces one.
func (r *Reader) FCSLength() (int, bool) {
	ext := r.LinkTypeExt()
	if ext&0x04000000 == 0 {
		return 0, false
	}
	return int(ext>>28) * 2, true
}

// Snaplen returns the snapshot length as libpcap reports it: the file's
// value, or libpcap's maximum for the link type when the file's is 0 or
// above 2^31-1 (plus 14 for Ethernet in 0xa1b2cd34 files).
func (r *Reader) Snaplen() int { return r.in.snaplen }

// Version returns the file's format version (2.4 for most pcap files,
// 1.0 for pcapng).
func (r *Reader) Version() (major, minor int) { return int(r.in.major), int(r.in.minor) }

// NanosecondFile reports whether a pcap file stores nanosecond time
// stamps (magic 0xa1b23c4d). It is false for pcapng.
func (r *Reader) NanosecondFile() bool { return r.pcap != nil && r.pcap.nano }

// ByteOrder returns the byte order of the file (of the current section
// for pcapng).
func (r *Reader) ByteOrder() binary.ByteOrder {
	if r.in.bigEndian {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// ZeroCopyReadPacketData returns the next packet. The data slice points
// into the Reader's buffer (or the file mapping) and is valid only until
// the next call on the Reader; it must not be modified. At the end of the
// file it returns io.EOF. After an error every later call returns it too.
func (r *Reader) ZeroCopyReadPacketData() (data []byte, ci CaptureInfo, err error) {
	if r.done != nil {
		return nil, ci, r.done
	}
	if r.pcap != nil {
		data, err = r.pcap.next(&ci)
	} else {
		data, err = r.ng.next(&ci)
	}
	if err != nil {
		r.done = err
	}
	return data, ci, err
}

// ReadPacketData returns the next packet in a newly allocated slice that
// the caller owns. At the end of the file it returns io.EOF.
func (r *Reader) ReadPacketData() (data []byte, ci CaptureInfo, err error) {
	d, ci, err := r.ZeroCopyReadPacketData()
	if err != nil {
		return nil, ci, err
	}
	data = make([]byte, len(d))
	copy(data, d)
	return data, ci, nil
}

// ReadPacketDataInto is ReadPacketData into the caller's buffer: it
// appends the packet to buf[:0], growing it only when it is too small, and
// returns the result. Reusing the returned slice makes reading free of
// allocations once the buffer has grown to the largest packet.
func (r *Reader) ReadPacketDataInto(buf []byte) (data []byte, ci CaptureInfo, err error) {
	d, ci, err := r.ZeroCopyReadPacketData()
	if err != nil {
		return buf[:0], ci, err
	}
	return append(buf[:0], d...), ci, nil
}

// Packets returns an iterator over the remaining packets. The slices are
// zero-copy: each is valid only until the iteration continues. Iteration
// stops at the end of the file or at the first read error, without
// yielding it; call Err afterwards to tell which.
func (r *Reader) Packets() iter.Seq2[[]byte, CaptureInfo] {
	return func(yield func([]byte, CaptureInfo) bool) {
		for {
			data, ci, err := r.ZeroCopyReadPacketData()
			if err != nil {
				return
			}
			if !yield(data, ci) {
				return
			}
		}
	}
}

// Err returns the error that ended reading, or nil if reading ended at
// the end of the file or because of Close (or has not ended), as
// pcap.Handle.Err does. Use it after Packets.
func (r *Reader) Err() error {
	if r.done == io.EOF || r.done == os.ErrClosed {
		return nil
	}
	return r.done
}

// Timeval returns the last packet's time stamp as libpcap 1.10 puts it in
// struct pcap_pkthdr when the file is opened with microsecond (nano
// false) or nanosecond precision: seconds and a fraction in that unit.
// Unlike CaptureInfo.Timestamp it keeps out-of-range fractions found in
// damaged files and libpcap's integer arithmetic, so a writer given these
// values reproduces tcpdump -w byte for byte.
func (r *Reader) Timeval(nano bool) (sec, frac int64) {
	if r.pcap != nil {
		return r.pcap.timeval(nano)
	}
	return r.ng.timeval(nano)
}

// Section returns the header of the current pcapng section (zero for
// pcap).
func (r *Reader) Section() SectionHeader {
	if r.ng == nil {
		return SectionHeader{}
	}
	return r.ng.section
}

// Sections returns how many pcapng sections have been read so far (0 for
// pcap).
func (r *Reader) Sections() int {
	if r.ng == nil {
		return 0
	}
	return r.ng.sections
}

// Interfaces returns the interfaces of the current pcapng section, in IDB
// order (a packet's CaptureInfo.InterfaceIndex indexes it), with the
// latest statistics seen for each. The slice must not be modified; a new
// section replaces it. It is empty for pcap files.
func (r *Reader) Interfaces() []Interface {
	if r.ng == nil {
		return nil
	}
	return r.ng.ifaces
}

// NameRecords returns the Name Resolution Block records read so far.
func (r *Reader) NameRecords() []NameRecord {
	if r.ng == nil {
		return nil
	}
	return r.ng.names
}

// DecryptionSecrets returns the Decryption Secrets Blocks read so far.
func (r *Reader) DecryptionSecrets() []DecryptionSecret {
	if r.ng == nil {
		return nil
	}
	return r.ng.secrets
}

// PacketOptions parses the options of the last packet read (from an
// Enhanced Packet Block, or the drop count of a Packet Block). It
// allocates; the fast read paths never call it. It returns no options for
// pcap files, or when the last read failed, and os.ErrClosed after Close.
func (r *Reader) PacketOptions() (PacketOptions, error) {
	if r.done == os.ErrClosed {
		return PacketOptions{}, os.ErrClosed
	}
	if r.ng == nil {
		return PacketOptions{}, nil
	}
	return r.ng.packetOptions()
}
