package pcap

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// CaptureInfo describes one packet: its time stamp, captured and wire
// lengths. It is savefile's type, whose fields are exactly gopacket's, so
// gopacket.CaptureInfo(ci) converts it.
type CaptureInfo = savefile.CaptureInfo

// BlockForever, given as a read timeout, makes reads wait until a packet
// arrives. A timeout of 0 means the same, as in libpcap; other negative
// timeouts are refused (see SetTimeout).
const BlockForever time.Duration = -1

// ErrTimeout is returned by the read methods when the handle's read timeout
// expired before a packet arrived. It matches os.ErrDeadlineExceeded with
// errors.Is. Reading again is fine.
var ErrTimeout error = timeoutError{}

type timeoutError struct{}

func (timeoutError) Error() string        { return "pcap: read timeout expired" }
func (timeoutError) Timeout() bool        { return true }
func (timeoutError) Is(target error) bool { return target == os.ErrDeadlineExceeded }

// errUnsupported is wrapped by every live-capture error on systems other
// than Linux.
var errUnsupported = fmt.Errorf("live capture is not supported on %s", runtime.GOOS)

// Direction selects which packets a live handle returns.
type Direction int

// The directions of SetDirection, as in libpcap's pcap_direction_t.
const (
	DirectionInOut Direction = iota // both (the default)
	DirectionIn                     // received by the interface only
	DirectionOut                    // sent by the interface only
)

func (d Direction) String() string {
	switch d {
	case DirectionInOut:
		return "inout"
	case DirectionIn:
		return "in"
	case DirectionOut:
		return "out"
	}
	return fmt.Sprintf("Direction(%d)", int(d))
}

// TimestampPrecision is the resolution of the time stamps a handle returns.
type TimestampPrecision int

// Nanosecond precision is the default; Microsecond truncates time stamps to
// microseconds, as libpcap's default does.
const (
	Nanosecond TimestampPrecision = iota
	Microsecond
)

// Stats are a handle's packet counters, cumulative since it was opened.
// The names are gopacket's.
type Stats struct {
	PacketsReceived  int // packets that passed the kernel filter (libpcap's ps_recv)
	PacketsDropped   int // packets the kernel dropped for lack of ring space (ps_drop)
	PacketsIfDropped int // packets the interface dropped (ps_ifdrop)
}

// FanoutMode says how PACKET_FANOUT spreads packets over a group's handles.
type FanoutMode int

// The fanout modes (the kernel's PACKET_FANOUT_* values).
const (
	FanoutHash     FanoutMode = 0 // by flow hash: one flow stays on one handle
	FanoutLB       FanoutMode = 1 // round robin
	FanoutCPU      FanoutMode = 2 // by the CPU the packet arrived on
	FanoutRollover FanoutMode = 3 // fill one handle, then the next
)

// Handle is an open capture: a live interface, a savefile, or a dead
// handle used only to compile filters. Its methods must not be called
// concurrently, except Close, Stats and the Set* methods, which may be
// called while another goroutine reads.
type Handle struct {
	linkType  linktype.Type
	snaplen   int
	precision TimestampPrecision
	device    string

	closeOnce sync.Once
	closeErr  error
	closed    atomic.Bool // set by Close, which may race a reader

	// Offline handles.
	file   *os.File // opened by OpenOffline, closed by Close
	reader packetSource
	ci     CaptureInfo // what NextPacket points to, for offline handles

	// The filter as given (for the handle's link type). Live handles
	// keep the machine that runs it in liveHandle.cfg; offline handles in
	// vm, which SetBPFInstructionFilter may replace while a reader runs.
	filter []bpf.Instruction
	vm     atomic.Pointer[bpf.VM] // offline only; nil: no filter
	read   atomic.Int64           // offline: packets read from the file

	live *liveHandle // nil unless the handle captures live

	iterErr error // what ended the last Packets iteration
}

// InactiveHandle is a live handle being configured, as libpcap's pcap_create
// makes it. Set what differs from the defaults, then call Activate.
//
// Each setter checks its argument at once and returns an error for a
// value that has no meaning (a negative timeout other than BlockForever, a
// buffer size <= 0, an unknown precision or direction), leaving the
// setting as it was. Values libpcap adjusts rather than refuses are
// adjusted the same way, by the setter or at activation, as each setter
// says: a snapshot length out of range becomes the maximum, and a buffer
// too small for the ring's minimum is rounded up. What depends on the
// device (the link type, the filter) is checked by Activate.
type InactiveHandle struct {
	device     string
	snaplen    int
	promisc    bool
	timeout    time.Duration
	bufferSize int
	immediate  bool
	precision  TimestampPrecision
	direction  Direction
	linkType   linktype.Type // 0: the device's default
	filterExpr *string
	filterProg []bpf.Instruction
	optimize   bool
	done       bool
}

// NewInactiveHandle starts configuring a live capture on device ("any"
// captures on every interface). Nothing is opened until Activate.
func NewInactiveHandle(device string) (*InactiveHandle, error) {
	if device == "" {
		return nil, errors.New("pcap: no device name given")
	}
	return &InactiveHandle{
		device:     device,
		snaplen:    linktype.DefaultSnaplen,
		timeout:    BlockForever,
		bufferSize: 2 << 20,
		optimize:   true,
	}, nil
}

// SetSnapLen sets the most bytes of each packet to capture (default and
// maximum linktype.DefaultSnaplen). As in libpcap's pcap_activate, a value
// <= 0 or above the maximum means the maximum; it is never an error.
func (p *InactiveHandle) SetSnapLen(snaplen int) error {
	p.snaplen = snaplenOrMax(snaplen)
	return nil
}

// snaplenOrMax returns snaplen, or linktype.DefaultSnaplen, libpcap's
// maximum, for a value <= 0 or above it.
func snaplenOrMax(snaplen int) int {
	if snaplen <= 0 || snaplen > linktype.DefaultSnaplen {
		return linktype.DefaultSnaplen
	}
	return snaplen
}

// SetPromisc asks for promiscuous mode (default off; OpenLive passes its
// argument here).
func (p *InactiveHandle) SetPromisc(promisc bool) error { p.promisc = promisc; return nil }

// SetTimeout sets the read timeout: a read returns ErrTimeout when no packet
// has arrived for this long. BlockForever, or 0 as in libpcap, waits
// forever. Any other negative timeout is an error: libpcap takes it to mean
// non-blocking mode (its internal encoding of pcap_setnonblock leaking
// out), which this package does not have. Packets are handed over a ring
// block at a time; the timeout also bounds how long a packet may sit in a
// partly filled block, as in libpcap.
func (p *InactiveHandle) SetTimeout(timeout time.Duration) error {
	if timeout < 0 && timeout != BlockForever {
		return fmt.Errorf("pcap: invalid timeout %v (BlockForever or 0 waits forever)", timeout)
	}
	p.timeout = timeout
	return nil
}

// SetBufferSize sets the size of the kernel ring in bytes (default 2 MiB).
// A size <= 0 is an error (libpcap ignores it silently). Activate rounds
// the size up to whole ring blocks, and to at least two of them, as
// libpcap rounds it up to whole frames: SetBufferSize(1) gives the
// smallest ring, not an error.
func (p *InactiveHandle) SetBufferSize(bytes int) error {
	if bytes <= 0 {
		return fmt.Errorf("pcap: invalid buffer size %d", bytes)
	}
	p.bufferSize = bytes
	return nil
}

// SetImmediateMode makes each packet readable as soon as it arrives, rather
// than when a ring block fills or times out.
func (p *InactiveHandle) SetImmediateMode(immediate bool) error { p.immediate = immediate; return nil }

// SetTimestampPrecision chooses nanosecond (default) or microsecond time
// stamps.
func (p *InactiveHandle) SetTimestampPrecision(prec TimestampPrecision) error {
	if prec != Nanosecond && prec != Microsecond {
		return fmt.Errorf("pcap: invalid time stamp precision %d", prec)
	}
	p.precision = prec
	return nil
}

// SetDirection chooses which packets to capture; see Handle.SetDirection.
func (p *InactiveHandle) SetDirection(d Direction) error {
	if d < DirectionInOut || d > DirectionOut {
		return fmt.Errorf("pcap: invalid direction %d", d)
	}
	p.direction = d
	return nil
}

// SetLinkType chooses one of the device's link types (see
// Handle.ListDataLinks); for "any", LinuxSLL2 instead of LinuxSLL.
func (p *InactiveHandle) SetLinkType(t linktype.Type) error { p.linkType = t; return nil }

// SetBPFFilter sets a filter expression that Activate compiles for the
// device's link type and attaches to the socket before it is bound, so no
// packet that fails the filter is ever captured.
func (p *InactiveHandle) SetBPFFilter(expr string) error { p.filterExpr = &expr; return nil }

// SetBPFInstructionFilter is SetBPFFilter with a compiled program.
func (p *InactiveHandle) SetBPFInstructionFilter(prog []bpf.Instruction) error {
	p.filterProg = append([]bpf.Instruction(nil), prog...)
	p.filterExpr = nil
	return nil
}

// Activate opens the capture. The InactiveHandle can't be activated twice.
func (p *InactiveHandle) Activate() (*Handle, error) {
	if p.done {
		return nil, errors.New("pcap: handle already activated")
	}
	p.done = true
	h := &Handle{snaplen: p.snaplen, precision: p.precision, device: p.device}
	if err := activate(h, p); err != nil {
		return nil, err
	}
	return h, nil
}

// CleanUp releases an InactiveHandle that was not activated (gopacket's
// name). It does nothing otherwise.
func (p *InactiveHandle) CleanUp() { p.done = true }

// OpenLive opens device for live capture, as libpcap's pcap_open_live:
// snaplen bytes of each packet (<= 0: the maximum), promiscuous mode if
// promisc, and the read timeout of SetTimeout, whose error it returns for
// an invalid timeout.
func OpenLive(device string, snaplen int32, promisc bool, timeout time.Duration) (*Handle, error) {
	p, err := NewInactiveHandle(device)
	if err != nil {
		return nil, err
	}
	_ = p.SetSnapLen(int(snaplen))
	_ = p.SetPromisc(promisc)
	if err := p.SetTimeout(timeout); err != nil {
		return nil, err
	}
	return p.Activate()
}

// LinkType returns the handle's link-layer header type.
func (h *Handle) LinkType() linktype.Type { return h.linkType }

// SnapLen returns the handle's snapshot length.
func (h *Handle) SnapLen() int { return h.snaplen }

// Device returns the name of the device a live handle captures on, or "".
func (h *Handle) Device() string { return h.device }

// ZeroCopyReadPacketData returns the next packet. The data slice points into
// the handle's buffer (for live handles, into the kernel ring) and is valid
// only until the next read; copy what must outlive that. A Close from
// another goroutine does not pull it from under the caller: a live
// handle's ring stays mapped until the reader's next read, which fails
// with os.ErrClosed (or until the Handle is garbage). It returns
// ErrTimeout when the read timeout expires, io.EOF at the end of a
// savefile, and an error matching os.ErrClosed after Close.
func (h *Handle) ZeroCopyReadPacketData() (data []byte, ci CaptureInfo, err error) {
	if l := h.live; l != nil {
		data, err := l.next(h)
		return data, l.rd.ci, err
	}
	return h.nextOffline()
}

// NextPacket is libpcap's pcap_next_ex: it returns the next packet and a
// pointer to its description, both valid only until the next read
// (the data as for ZeroCopyReadPacketData). It copies nothing, so it is
// the fastest way to read.
func (h *Handle) NextPacket() (data []byte, ci *CaptureInfo, err error) {
	if l := h.live; l != nil {
		data, err = l.next(h)
		return data, &l.rd.ci, err
	}
	data, h.ci, err = h.nextOffline()
	return data, &h.ci, err
}

// ReadPacketData returns the next packet in a newly allocated slice that
// the caller owns.
func (h *Handle) ReadPacketData() (data []byte, ci CaptureInfo, err error) {
	data, ci, err = h.ReadPacketDataInto(nil)
	if err != nil {
		return nil, ci, err
	}
	return data, ci, nil
}

// ReadPacketDataInto copies the next packet into buf, growing it only when
// it is too small, and returns the filled slice (buf[:n] or a larger
// replacement). Reusing the returned slice makes reading free of
// allocations.
func (h *Handle) ReadPacketDataInto(buf []byte) (data []byte, ci CaptureInfo, err error) {
	d, ci, err := h.ZeroCopyReadPacketData()
	data = append(buf[:0], d...)
	if h.live != nil {
		h.live.readDone()
	}
	return data, ci, err
}

// Packets returns an iterator over the handle's packets, as
// savefile.Reader.Packets does. The data slices are zero-copy: each is valid
// only until the iteration continues. Read timeouts are skipped. The
// iteration stops at the end of a savefile, after Close, or at the first
// other read error, without yielding it; call Err afterwards to tell which.
func (h *Handle) Packets() iter.Seq2[[]byte, CaptureInfo] {
	return func(yield func([]byte, CaptureInfo) bool) {
		h.iterErr = nil
		for {
			data, ci, err := h.ZeroCopyReadPacketData()
			if err != nil {
				if errors.Is(err, ErrTimeout) {
					continue
				}
				if !errors.Is(err, io.EOF) && !errors.Is(err, os.ErrClosed) {
					h.iterErr = err
				}
				return
			}
			if !yield(data, ci) {
				return
			}
		}
	}
}

// Err returns the error that ended the last Packets iteration, or nil if
// it ended at the end of a savefile, because of Close, or because the loop
// body stopped it.
func (h *Handle) Err() error { return h.iterErr }

// Close releases the handle. For a live handle it wakes any goroutine
// blocked in a read, which then returns an error matching os.ErrClosed; a
// read racing Close either returns a packet the kernel delivered or fails
// the same way, never anything else. Zero-copy data a reader holds stays
// valid until its next read. Close is safe to call more than once and from
// any goroutine.
func (h *Handle) Close() error {
	h.closeOnce.Do(func() {
		if h.live != nil {
			h.closeErr = h.live.close(h)
		}
		if h.file != nil {
			if err := h.file.Close(); err != nil && h.closeErr == nil {
				h.closeErr = err
			}
		}
		h.closed.Store(true)
	})
	return h.closeErr
}

// Stats returns the handle's counters, cumulative since it was opened (the
// kernel resets its own on every query; the handle adds them up). For a
// savefile, PacketsReceived counts the packets read so far.
func (h *Handle) Stats() (*Stats, error) {
	if h.live != nil {
		s, err := h.live.stats()
		if err != nil {
			return nil, err
		}
		return &s, nil
	}
	return &Stats{PacketsReceived: int(h.read.Load())}, nil
}

// SetDirection chooses which packets a live handle returns: those received
// by the interface, those it sent, or both.
func (h *Handle) SetDirection(d Direction) error {
	if d < DirectionInOut || d > DirectionOut {
		return fmt.Errorf("pcap: invalid direction %d", d)
	}
	if h.live == nil {
		return errors.New("pcap: setting direction is not supported on savefiles")
	}
	return h.live.setDirection(d)
}

// ListDataLinks returns the link types the handle can capture with; the
// first is the default.
func (h *Handle) ListDataLinks() ([]linktype.Type, error) {
	if h.live == nil {
		return []linktype.Type{h.linkType}, nil
	}
	return h.live.dataLinks(), nil
}

// SetLinkType switches a live handle to another of its ListDataLinks. It
// removes the current filter, which was compiled for the old type.
func (h *Handle) SetLinkType(t linktype.Type) error {
	if h.live == nil {
		if t == h.linkType {
			return nil
		}
		return errors.New("pcap: can't change the link type of a savefile")
	}
	return h.live.setLinkType(h, t)
}

// WritePacketData sends a complete link-layer frame out of a live handle's
// interface.
func (h *Handle) WritePacketData(data []byte) error {
	if h.live == nil {
		return errors.New("pcap: can't send packets on a savefile handle")
	}
	return h.live.write(data)
}

// SetFanout joins a live handle to fanout group id (shared by every socket
// of the same process that joins it on the same interface), so the kernel
// spreads the interface's packets over the group's handles by mode.
func (h *Handle) SetFanout(mode FanoutMode, id uint16) error {
	if h.live == nil {
		return errors.New("pcap: fanout needs a live handle")
	}
	return h.live.setFanout(mode, id)
}

func (h *Handle) stamp(sec, nsec int64) time.Time {
	if h.precision == Microsecond {
		nsec -= nsec % 1000
	}
	return time.Unix(sec, nsec)
}
