package pcap

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	root "github.com/purepcap/pcap"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
)

// BlockForever, given as a timeout to OpenLive or SetTimeout, makes reads
// wait until a packet arrives. Any timeout <= 0 means the same.
const BlockForever = -time.Millisecond * 10

// Handle is an open capture, of a live device or a savefile. It wraps a
// *pcap.Handle of the root package.
//
// Reads are serialized, so several goroutines may read one Handle; Close,
// Stats and the Set methods may be called while another goroutine reads.
type Handle struct {
	h           *root.Handle
	offline     bool
	device      string
	deviceIndex int  // gopacket's CaptureInfo.InterfaceIndex: the device's, 0 offline
	micro       bool // time stamps have microsecond resolution (OpenLive)

	mu   sync.Mutex  // serializes reads
	stop atomic.Bool // set by Close and by a savefile's read error

	errMu   sync.Mutex
	lastErr string // what Error returns
}

// newHandle wraps h; deviceIndex is the device's interface index (0
// offline), which every packet's CaptureInfo.InterfaceIndex carries.
func newHandle(h *root.Handle, offline bool, device string, deviceIndex int) *Handle {
	return &Handle{h: h, offline: offline, device: device, deviceIndex: deviceIndex}
}

// interfaceIndex returns device's interface index, or 0 if it has none
// ("any").
func interfaceIndex(device string) int {
	if ifc, err := net.InterfaceByName(device); err == nil {
		return ifc.Index
	}
	return 0
}

// OpenLive opens device for live capture: snaplen bytes of each packet
// (<= 0 or more than the maximum: the maximum), promiscuous mode if promisc,
// and the read timeout of SetTimeout. As in gopacket, its time stamps have
// microsecond resolution; use an InactiveHandle for nanoseconds.
func OpenLive(device string, snaplen int32, promisc bool, timeout time.Duration) (handle *Handle, _ error) {
	ih, err := root.NewInactiveHandle(device)
	if err != nil {
		return nil, err
	}
	if snaplen <= 0 || snaplen > linktype.DefaultSnaplen {
		snaplen = linktype.DefaultSnaplen // as libpcap does
	}
	_ = ih.SetSnapLen(int(snaplen))
	_ = ih.SetPromisc(promisc)
	_ = ih.SetTimeout(rootTimeout(timeout))
	_ = ih.SetTimestampPrecision(root.Microsecond)
	h, err := ih.Activate()
	if err != nil {
		return nil, err
	}
	p := newHandle(h, false, device, interfaceIndex(device))
	p.micro = true
	return p, nil
}

// rootTimeout turns gopacket's timeout into the root package's: gopacket
// waits forever for any timeout <= 0 (BlockForever is -10ms).
func rootTimeout(t time.Duration) time.Duration {
	if t <= 0 {
		return root.BlockForever
	}
	if t < time.Millisecond {
		return time.Millisecond // libpcap's timeout is in whole milliseconds
	}
	return t
}

// OpenOffline opens a pcap or pcapng savefile ("-" is standard input).
// Time stamps keep the file's resolution, up to nanoseconds. Errors have
// libpcap's texts, such as "unknown file format".
func OpenOffline(file string) (handle *Handle, err error) {
	h, err := root.OpenOffline(file)
	if err != nil {
		return nil, asLibpcap(err)
	}
	return newHandle(h, true, "", 0), nil
}

// OpenOfflineFile reads a pcap or pcapng savefile from file, from its
// current offset. The file stays the caller's: Close does not close it.
func OpenOfflineFile(file *os.File) (handle *Handle, err error) {
	if file == nil {
		return nil, errors.New("nil file")
	}
	h, err := root.OpenOfflineReader(file)
	if err != nil {
		return nil, asLibpcap(err)
	}
	return newHandle(h, true, "", 0), nil
}

// ReadPacketData returns the next packet in a newly allocated slice that the
// caller owns. It returns io.EOF at the end of a savefile and after Close,
// NextErrorTimeoutExpired when a live handle's read timeout expires, and
// NextErrorReadError when reading failed (Error says why); after a read
// error on a savefile, reads return io.EOF.
func (p *Handle) ReadPacketData() (data []byte, ci gopacket.CaptureInfo, err error) {
	data, ci, err = p.ZeroCopyReadPacketData()
	if err != nil {
		return nil, ci, err
	}
	return append(make([]byte, 0, len(data)), data...), ci, nil
}

// ZeroCopyReadPacketData is ReadPacketData without the copy: the data slice
// belongs to the handle and is valid only until the next read or Close.
func (p *Handle) ZeroCopyReadPacketData() (data []byte, ci gopacket.CaptureInfo, err error) {
	if p.stop.Load() {
		return nil, ci, io.EOF
	}
	p.mu.Lock()
	data, rci, err := p.h.ZeroCopyReadPacketData()
	p.mu.Unlock()
	if err != nil {
		return nil, ci, p.readError(err)
	}
	ci = gopacket.CaptureInfo(rci)
	ci.InterfaceIndex = p.deviceIndex
	return data, ci, nil
}

// readError maps a read error of the root package to gopacket's.
func (p *Handle) readError(err error) error {
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, os.ErrClosed):
		return io.EOF
	case errors.Is(err, root.ErrTimeout):
		return NextErrorTimeoutExpired
	}
	p.setError(asLibpcap(err).Error())
	if p.offline {
		// libpcap can't go on after a damaged record; gopacket then
		// reports io.EOF, as for the end of the file.
		p.stop.Store(true)
	}
	return NextErrorReadError
}

func (p *Handle) setError(msg string) {
	p.errMu.Lock()
	p.lastErr = msg
	p.errMu.Unlock()
}

// Close closes the handle. A goroutine blocked reading a live handle
// returns io.EOF. Close may be called more than once, from any goroutine.
func (p *Handle) Close() {
	p.stop.Store(true)
	_ = p.h.Close()
}

// Error returns the last error of a read or of an operation that reported
// only a status, as libpcap's pcap_geterr (an empty text if there was none).
func (p *Handle) Error() error {
	p.errMu.Lock()
	defer p.errMu.Unlock()
	return errors.New(p.lastErr)
}

// Stats returns a live handle's counters, cumulative since it was opened.
// It fails on savefiles, with libpcap's text.
func (p *Handle) Stats() (stat *Stats, err error) {
	if p.offline {
		return nil, errStatsSavefile
	}
	s, err := p.h.Stats()
	if err != nil {
		return nil, err
	}
	return &Stats{PacketsReceived: s.PacketsReceived, PacketsDropped: s.PacketsDropped, PacketsIfDropped: s.PacketsIfDropped}, nil
}

// WritePacketData sends a complete link-layer frame out of a live handle's
// device. Empty frames and savefiles are refused with libpcap's texts.
func (p *Handle) WritePacketData(data []byte) (err error) {
	switch {
	case len(data) == 0:
		err = errInjectEmpty
	case p.offline:
		err = errInjectSavefile
	default:
		err = p.h.WritePacketData(data)
	}
	if err != nil {
		p.setError(err.Error())
	}
	return err
}

// LinkType returns the handle's link-layer header type as libpcap's
// pcap_datalink does: a DLT_* value (LINKTYPE_RAW, 101, is DLT_RAW, 12).
func (p *Handle) LinkType() layers.LinkType {
	return layers.LinkType(p.h.LinkType().DLT())
}

// SetLinkType switches a live handle to another of its ListDataLinks, given
// as a DLT_* value. A savefile has one: its own.
func (p *Handle) SetLinkType(dlt layers.LinkType) error {
	if p.offline {
		if dlt == p.LinkType() {
			return nil
		}
		return fmt.Errorf("DLT %d is not one of the DLTs supported by this device", int(dlt))
	}
	return p.h.SetLinkType(fromDLT(int(dlt)))
}

// ListDataLinks lists the link types the handle can capture with; the first
// is the default.
func (p *Handle) ListDataLinks() (datalinks []Datalink, err error) {
	types, err := p.h.ListDataLinks()
	if err != nil {
		return nil, err
	}
	for _, t := range types {
		dlt := int(t.DLT())
		datalinks = append(datalinks, Datalink{Name: DatalinkValToName(dlt), Description: DatalinkValToDescription(dlt)})
	}
	return datalinks, nil
}

// SnapLen returns the snapshot length.
func (p *Handle) SnapLen() int {
	return p.h.SnapLen()
}

// Resolution returns the resolution of the handle's time stamps:
// microseconds for OpenLive, nanoseconds otherwise.
func (p *Handle) Resolution() gopacket.TimestampResolution {
	if p.micro {
		return gopacket.TimestampResolutionMicrosecond
	}
	return gopacket.TimestampResolutionNanosecond
}

// Direction selects which packets a live handle returns (Handle.SetDirection).
type Direction uint8

// The directions, libpcap's pcap_direction_t values.
const (
	DirectionIn    = Direction(root.DirectionIn)
	DirectionOut   = Direction(root.DirectionOut)
	DirectionInOut = Direction(root.DirectionInOut)
)

// SetDirection chooses which packets a live handle returns: those received
// by the device, those it sent, or both.
func (p *Handle) SetDirection(direction Direction) error {
	if direction != DirectionIn && direction != DirectionOut && direction != DirectionInOut {
		return fmt.Errorf("Invalid direction: %v", direction)
	}
	return p.h.SetDirection(root.Direction(direction))
}

// netmask is the netmask gopacket compiles with: the device's IPv4 netmask
// for a live handle that has one, unknown otherwise.
func (p *Handle) netmask() uint32 {
	if !p.offline {
		if _, mask, err := root.LookupNet(p.device); err == nil {
			return mask
		}
	}
	return compile.NetmaskUnknown
}
