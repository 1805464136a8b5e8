//go:build linux

package pcap

import (
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// The live handle is an AF_PACKET socket with a memory-mapped receive ring.
// Its code is split by topic:
//
//   - socket_linux.go: activation, step by step (resolve the device, choose
//     the link type, open the socket, attach the filter, bind);
//   - ring_linux.go: the ring's geometry, its slots, and the reader's walk
//     over them (next, wait);
//   - deliver_linux.go: one ring frame turned into what the caller sees
//     (cooked header, VLAN tag, userspace filter, direction);
//   - kfilter.go (portable): what the kernel's filter must look like;
//   - control_linux.go: filter changes, stats, direction, link type,
//     write, fanout and close;
//   - sys_linux.go: running syscalls on the socket and mapping their errors.

// liveHandle is an AF_PACKET socket with a memory-mapped receive ring.
type liveHandle struct {
	sock   packetSocket
	dev    deviceInfo
	ring   ring
	rd     readState
	counts counters

	ctl     sync.Mutex  // serializes the control operations (filter, link type, close)
	closing atomic.Bool // set first thing by Close
	dir     atomic.Int32

	// What the reader needs to know about filtering and framing, replaced
	// as a whole by the control operations while a reader runs.
	cfg       atomic.Pointer[rxConfig]
	userSlots atomic.Int32 // slots to filter in userspace after a filter change
}

// packetSocket is the handle's socket.
type packetSocket struct {
	f  *os.File
	rc syscall.RawConn
	fd int // valid until f is closed; use rc for calls that may race Close
}

// deviceInfo is what activation learned about the device.
type deviceInfo struct {
	name     string
	ifindex  int // 0 for "any"
	loIndex  int // the loopback device's index, for libpcap's lo rule
	arphrd   uint16
	cooked   bool            // SOCK_DGRAM: the handle builds the link header
	linkType linktype.Type   // as chosen at activation; cfg has the current one
	dlts     []linktype.Type // the link types the device offers, default first
}

// readState is the single reader's own state, touched by no one else.
type readState struct {
	timeout time.Duration
	sockErr error // what pollReady found on the socket
	gone    error // the device went away: what every wait returns
	// linkDown: the interface went down and has not come back, so waits
	// look it up now and then. deadlineSet: the socket has a deadline.
	linkDown, deadlineSet bool
	readyFn               func(uintptr) bool
	ci                    CaptureInfo // the packet the last read returned
	meta                  bpf.Metadata
	// inRead is true from the start of a read until the caller is done
	// with its data: the end of a copying read, or the next read for a
	// zero-copy one. Close leaves the ring mapped while it is set, and the
	// reader unmaps it when it sees the handle closing.
	inRead atomic.Bool
}

// counters are the cumulative statistics.
type counters struct {
	mu      sync.Mutex
	recv    uint64
	drop    uint64
	ifdrop0 uint64 // the interface's rx_dropped at activation
}

// rxConfig is the reader's view of the handle's settings.
type rxConfig struct {
	vm         *bpf.VM // nil: no filter
	userOnly   bool    // the kernel does not run vm: filter every packet
	linkType   linktype.Type
	hdrLen     int // cooked header length (0: not cooked)
	vlanOffset int // where a reinserted VLAN tag goes; -1: never
}

func (l *liveHandle) newConfig(vm *bpf.VM, userOnly bool, t linktype.Type) *rxConfig {
	c := &rxConfig{vm: vm, userOnly: userOnly, linkType: t, vlanOffset: -1}
	if l.dev.cooked {
		c.hdrLen = sllHdrLen
		if t == linktype.LinuxSLL2 {
			c.hdrLen = sll2HdrLen
		}
	}
	switch t {
	case linktype.Ethernet:
		c.vlanOffset = 12
	case linktype.LinuxSLL:
		c.vlanOffset = sllHdrLen - 2
	}
	return c
}

// opErr returns an opError for operation op on the handle's device.
func (l *liveHandle) opErr(op, msg string, err error) error {
	return &opError{op: op, dev: l.dev.name, msg: msg, err: err}
}
