//go:build linux

package pcap

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
)

// Sizes of the cooked headers the handle builds in front of packets from
// SOCK_DGRAM sockets.
const (
	sllHdrLen  = 16
	sll2HdrLen = 20
	vlanTagLen = 4
	// ringReserve is the headroom asked of the kernel in front of each
	// packet: room for a cooked header and a reinserted VLAN tag.
	ringReserve = sll2HdrLen + vlanTagLen
	arphrdNone  = 0xfffe
	// The offset of struct sockaddr_ll after each ring frame header.
	sllOffsetV3 = 48 // TPACKET_ALIGN(sizeof(struct tpacket3_hdr))
	sllOffsetV2 = 32 // TPACKET_ALIGN(sizeof(struct tpacket2_hdr))
	sizeofSLL   = 20
)

// liveHandle is an AF_PACKET socket with a memory-mapped receive ring.
type liveHandle struct {
	f    *os.File
	rc   syscall.RawConn
	fd   int // valid until f is closed; use rc for calls that may race Close
	dev  string
	ctl  sync.Mutex // serializes the control operations (filter, link type, close)
	stMu sync.Mutex // guards the cumulative counters

	ifindex  int
	loIndex  int
	arphrd   uint16
	cooked   bool
	linkType linktype.Type // as chosen at activation; cfg has the current one
	dlts     []linktype.Type
	timeout  time.Duration
	dir      atomic.Int32

	// The ring. With TPACKET_V3 a slot is a block holding many packets;
	// with TPACKET_V2 (immediate mode) a slot is one packet's frame.
	v3        bool
	ring      []byte
	slotSize  int // block size (V3) or frame size (V2)
	nslots    int
	blockSize int // V2: frames are laid out in blocks of this size
	perBlock  int // V2: frames per block
	cur       int // the slot being read
	held      bool
	pktOff    int // V3: offset of the next packet in the ring
	left      int // V3: packets left in the held block

	// What the reader needs to know about filtering and framing, replaced
	// as a whole by the control operations while a reader runs.
	cfg       atomic.Pointer[rxConfig]
	userSlots atomic.Int32 // slots to filter in userspace after a filter change

	woken   bool // pollReady has been called during this wait
	closing atomic.Bool
	readyFn func(uintptr) bool
	sockErr error
	ci      CaptureInfo // the packet the last read returned

	recv, drop, ifdrop0 uint64
	meta                bpf.Metadata
}

// rxConfig is the reader's view of the handle's settings.
type rxConfig struct {
	vm         *userFilter // nil: no filter
	userOnly   bool        // the kernel does not run vm: filter every packet
	linkType   linktype.Type
	hdrLen     int // cooked header length (0: not cooked)
	vlanOffset int // where a reinserted VLAN tag goes; -1: never
}

func (l *liveHandle) newConfig(vm *userFilter, userOnly bool, t linktype.Type) *rxConfig {
	c := &rxConfig{vm: vm, userOnly: userOnly, linkType: t, vlanOffset: -1}
	if l.cooked {
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

func permissionHint(dev string, err error) error {
	if errors.Is(err, os.ErrPermission) {
		return fmt.Errorf("pcap: %s: you don't have permission to capture on that device (%w); live capture needs CAP_NET_RAW (run as root, or grant the program cap_net_raw with setcap)", dev, err)
	}
	return fmt.Errorf("pcap: %s: %w", dev, err)
}

func activate(h *Handle, p *InactiveHandle) (err error) {
	dev := p.device
	l := &liveHandle{dev: dev, timeout: p.timeout, fd: -1}
	l.dir.Store(int32(p.direction))

	// An ioctl socket resolves names in the caller's network namespace,
	// as the packet socket will.
	ctl, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return fmt.Errorf("pcap: %s: %w", dev, os.NewSyscallError("socket", err))
	}
	defer unix.Close(ctl)
	if dev != "any" {
		ifr, err := unix.NewIfreq(dev)
		if err != nil {
			return fmt.Errorf("pcap: %s: %w", dev, err)
		}
		if err := unix.IoctlIfreq(ctl, unix.SIOCGIFINDEX, ifr); err != nil {
			if err == unix.ENODEV {
				return fmt.Errorf("pcap: %s: no such device exists", dev)
			}
			return fmt.Errorf("pcap: %s: %w", dev, os.NewSyscallError("SIOCGIFINDEX", err))
		}
		l.ifindex = int(ifr.Uint32())
		if err := unix.IoctlIfreq(ctl, unix.SIOCGIFHWADDR, ifr); err != nil {
			return fmt.Errorf("pcap: %s: %w", dev, os.NewSyscallError("SIOCGIFHWADDR", err))
		}
		l.arphrd = ifr.Uint16()
	}
	if ifr, err := unix.NewIfreq("lo"); err == nil {
		if unix.IoctlIfreq(ctl, unix.SIOCGIFINDEX, ifr) == nil {
			l.loIndex = int(ifr.Uint32())
		}
	}
	l.chooseLinkType(p.linkType)
	if p.linkType != 0 && p.linkType != l.linkType {
		return fmt.Errorf("pcap: %s: link type %s is not supported by the device", dev, p.linkType)
	}

	sotype := unix.SOCK_RAW
	if l.cooked {
		sotype = unix.SOCK_DGRAM
	}
	fd, err := unix.Socket(unix.AF_PACKET, sotype|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return permissionHint(dev, os.NewSyscallError("socket", err))
	}
	l.fd = fd
	defer func() {
		if err != nil {
			if l.ring != nil {
				unix.MunmapPtr(unsafe.Pointer(&l.ring[0]), uintptr(len(l.ring)))
			}
			if l.f != nil {
				l.f.Close()
			} else {
				unix.Close(fd)
			}
		}
	}()
	if err := l.setupRing(p); err != nil {
		return err
	}
	h.live = l
	h.linkType = l.linkType
	l.cfg.Store(l.newConfig(nil, false, l.linkType))

	// Attach the filter before bind, so nothing unfiltered is queued.
	if p.filterExpr != nil || p.filterProg != nil {
		prog := p.filterProg
		if p.filterExpr != nil {
			prog, err = compile.Compile(*p.filterExpr, l.linkType, compile.Options{
				Snaplen: p.snaplen, Optimize: p.optimize, LiveLinux: true,
			})
			if err != nil {
				return fmt.Errorf("pcap: %w", err)
			}
		}
		if len(prog) > 0 {
			vm, err := newUserFilter(prog)
			if err != nil {
				return fmt.Errorf("pcap: set filter: %w", err)
			}
			h.filter = prog
			l.cfg.Store(l.newConfig(vm, !l.attachKernel(prog), l.linkType))
		}
	}
	if p.promisc && l.ifindex != 0 {
		mreq := unix.PacketMreq{Ifindex: int32(l.ifindex), Type: unix.PACKET_MR_PROMISC}
		if err := unix.SetsockoptPacketMreq(fd, unix.SOL_PACKET, unix.PACKET_ADD_MEMBERSHIP, &mreq); err != nil {
			return fmt.Errorf("pcap: %s: can't enter promiscuous mode: %w", dev, os.NewSyscallError("setsockopt", err))
		}
	}
	if p.direction == DirectionIn {
		_ = unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_IGNORE_OUTGOING, 1)
	}
	sa := &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: l.ifindex}
	if err := unix.Bind(fd, sa); err != nil {
		if err == unix.ENETDOWN {
			return fmt.Errorf("pcap: %s: that device is not up", dev)
		}
		return permissionHint(dev, os.NewSyscallError("bind", err))
	}
	if e, _ := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ERROR); e != 0 {
		return fmt.Errorf("pcap: %s: %w", dev, os.NewSyscallError("bind", syscall.Errno(e)))
	}
	l.ifdrop0 = readIfDropped(dev)

	l.f = os.NewFile(uintptr(fd), "packet:"+dev)
	if l.f == nil {
		return fmt.Errorf("pcap: %s: can't wrap socket", dev)
	}
	l.rc, err = l.f.SyscallConn()
	if err != nil {
		return fmt.Errorf("pcap: %s: %w", dev, err)
	}
	l.readyFn = l.pollReady
	return nil
}

// chooseLinkType picks the link type for the device's hardware type, as
// libpcap maps ARPHRD_* values, and whether the socket must be cooked.
func (l *liveHandle) chooseLinkType(want linktype.Type) {
	switch {
	case l.dev == "any":
		l.cooked = true
		l.dlts = []linktype.Type{linktype.LinuxSLL, linktype.LinuxSLL2}
	case l.arphrd == unix.ARPHRD_ETHER || l.arphrd == unix.ARPHRD_LOOPBACK:
		l.dlts = []linktype.Type{linktype.Ethernet}
	case l.arphrd == arphrdNone:
		l.dlts = []linktype.Type{linktype.Raw}
	default:
		l.cooked = true
		l.dlts = []linktype.Type{linktype.LinuxSLL, linktype.LinuxSLL2}
	}
	l.linkType = l.dlts[0]
	for _, t := range l.dlts {
		if t == want {
			l.linkType = t
		}
	}
}

// htons converts between host and network byte order (it is its own
// inverse): the kernel wants sll_protocol and gives sockaddr_ll's protocol
// in network order, stored in a host-order uint16.
func htons(v uint16) uint16 {
	var b [2]byte
	binary.BigEndian.PutUint16(b[:], v)
	return binary.NativeEndian.Uint16(b[:])
}

// setupRing creates and maps the receive ring: TPACKET_V3 blocks, or
// TPACKET_V2 frames in immediate mode (V3 hands packets over a block at a
// time).
func (l *liveHandle) setupRing(p *InactiveHandle) error {
	fd := l.fd
	l.v3 = !p.immediate
	version := unix.TPACKET_V3
	if !l.v3 {
		version = unix.TPACKET_V2
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_VERSION, version); err != nil {
		return fmt.Errorf("pcap: %s: can't use TPACKET_V%d: %w", l.dev, version+1, os.NewSyscallError("setsockopt", err))
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_RESERVE, ringReserve); err != nil {
		return fmt.Errorf("pcap: %s: %w", l.dev, os.NewSyscallError("setsockopt PACKET_RESERVE", err))
	}
	// Size the ring as libpcap does. With TPACKET_V3 a "frame" is a block
	// of 256 KiB (room for one maximum-size packet, or many small ones),
	// and there are as many as the buffer size needs, rounded up. With
	// TPACKET_V2 a frame holds one snapshot; a block is the smallest
	// power-of-two number of pages holding one.
	frame := linktype.DefaultSnaplen
	if !l.v3 {
		frame = tpacketAlign(tpacketAlign(sllOffsetV2+sizeofSLL+16) + ringReserve + p.snaplen)
	}
	page := os.Getpagesize()
	block := page
	for block < frame {
		block <<= 1
	}
	buf := p.bufferSize
	if l.v3 {
		// Fewer, bigger blocks mean fewer wakeups; keep at least four
		// so the kernel always has blocks to fill while one is read.
		for block < 1<<20 && buf/(2*block) >= 4 {
			block <<= 1
			frame = block
		}
	}
	nframes := (buf + frame - 1) / frame
	nblocks := nframes / (block / frame)
	if nblocks < 2 {
		nblocks = 2
	}
	for {
		var err error
		if l.v3 {
			tov := uint32(0) // the kernel's default
			if l.timeout > 0 {
				tov = uint32((l.timeout + time.Millisecond - 1) / time.Millisecond)
			}
			req := unix.TpacketReq3{
				Block_size:     uint32(block),
				Block_nr:       uint32(nblocks),
				Frame_size:     uint32(frame),
				Frame_nr:       uint32(block / frame * nblocks),
				Retire_blk_tov: tov,
			}
			err = unix.SetsockoptTpacketReq3(fd, unix.SOL_PACKET, unix.PACKET_RX_RING, &req)
		} else {
			req := unix.TpacketReq{
				Block_size: uint32(block),
				Block_nr:   uint32(nblocks),
				Frame_size: uint32(frame),
				Frame_nr:   uint32(block / frame * nblocks),
			}
			err = unix.SetsockoptTpacketReq(fd, unix.SOL_PACKET, unix.PACKET_RX_RING, &req)
		}
		if err == unix.ENOMEM && nblocks > 2 {
			nblocks -= nblocks/20 + 1
			continue
		}
		if err != nil {
			return fmt.Errorf("pcap: %s: can't create rx ring: %w", l.dev, os.NewSyscallError("setsockopt", err))
		}
		break
	}
	ptr, err := unix.MmapPtr(fd, 0, nil, uintptr(block*nblocks), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		return fmt.Errorf("pcap: %s: can't mmap rx ring: %w", l.dev, os.NewSyscallError("mmap", err))
	}
	l.ring = unsafe.Slice((*byte)(ptr), block*nblocks)
	l.blockSize = block
	if l.v3 {
		l.slotSize = block
		l.nslots = nblocks
	} else {
		l.slotSize = frame
		l.perBlock = block / frame
		l.nslots = l.perBlock * nblocks
	}
	return nil
}

func tpacketAlign(n int) int { return (n + 15) &^ 15 }

func readIfDropped(dev string) uint64 {
	if dev == "any" {
		return 0
	}
	b, err := os.ReadFile("/sys/class/net/" + dev + "/statistics/rx_dropped")
	if err != nil {
		return 0
	}
	n, _ := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
	return n
}

// slotOffset returns where slot i starts in the ring.
func (l *liveHandle) slotOffset(i int) int {
	if l.v3 {
		return i * l.slotSize
	}
	return i/l.perBlock*l.blockSize + i%l.perBlock*l.slotSize
}

// statusWord returns the slot's status word: block_status in the V3 block
// descriptor (at offset 8), tp_status in the V2 frame header.
func (l *liveHandle) statusWord(i int) *uint32 {
	off := l.slotOffset(i)
	if l.v3 {
		off += 8
	}
	return (*uint32)(unsafe.Pointer(&l.ring[off]))
}

// slotReady says whether the current slot belongs to userspace.
func (l *liveHandle) slotReady() bool {
	return atomic.LoadUint32(l.statusWord(l.cur))&unix.TP_STATUS_USER != 0
}

// pollReady is the callback given to RawConn.Read: returning false parks
// the goroutine in the runtime poller until the socket is readable.
//
// The first call of a wait only looks at the ring. A later one runs after
// the poller reported the socket readable: if the slot is still not ready,
// the socket may have an error to report (the interface went away).
func (l *liveHandle) pollReady(fd uintptr) bool {
	if l.slotReady() {
		return true
	}
	if l.woken {
		if e, err := unix.GetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_ERROR); err == nil && e != 0 {
			l.sockErr = syscall.Errno(e)
			return true
		}
	}
	l.woken = true
	return false
}

// wait parks until the current slot is ready, the timeout expires or the
// handle is closed.
func (l *liveHandle) wait() error {
	if l.timeout > 0 {
		if err := l.f.SetReadDeadline(time.Now().Add(l.timeout)); err != nil {
			return l.closedErr(err)
		}
	}
	l.woken, l.sockErr = false, nil
	err := l.rc.Read(l.readyFn)
	if err != nil {
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return ErrTimeout
		}
		return l.closedErr(err)
	}
	if l.sockErr != nil {
		if l.sockErr == unix.ENETDOWN {
			return fmt.Errorf("pcap: %s: the interface went down", l.dev)
		}
		return fmt.Errorf("pcap: %s: %w", l.dev, os.NewSyscallError("read", l.sockErr))
	}
	return nil
}

// control runs f on the socket, as RawConn.Control does. After Close its
// error is os.ErrClosed (RawConn's own "use of closed file" matches
// nothing).
func (l *liveHandle) control(f func(fd uintptr)) error {
	err := l.rc.Control(f)
	if err != nil && l.closing.Load() {
		return os.ErrClosed
	}
	return err
}

func (l *liveHandle) closedErr(err error) error {
	if l.closing.Load() || errors.Is(err, os.ErrClosed) {
		return fmt.Errorf("pcap: read %s: %w", l.dev, os.ErrClosed)
	}
	return fmt.Errorf("pcap: read %s: %w", l.dev, err)
}

// release hands the held slot back to the kernel and moves to the next.
func (l *liveHandle) release() {
	atomic.StoreUint32(l.statusWord(l.cur), unix.TP_STATUS_KERNEL)
	l.held = false
	l.left = 0
	l.cur++
	if l.cur == l.nslots {
		l.cur = 0
	}
	if l.userSlots.Load() > 0 {
		l.userSlots.Add(-1)
	}
}

// next returns the next packet, zero-copy from the ring; l.ci describes
// it. The reader takes no lock: Close swaps the ring's pages for empty ones
// rather than unmapping them under a running reader.
func (l *liveHandle) next(h *Handle) ([]byte, error) {
	for {
		if l.closing.Load() {
			return nil, fmt.Errorf("pcap: read %s: %w", l.dev, os.ErrClosed)
		}
		if l.held {
			if l.left > 0 {
				data, err := l.nextInBlock(h)
				if data != nil || err != nil {
					return data, err
				}
				continue
			}
			l.release()
		}
		if l.slotReady() {
			l.held = true
			base := l.slotOffset(l.cur)
			if l.v3 {
				bh := (*unix.TpacketHdrV1)(unsafe.Pointer(&l.ring[base+8]))
				l.left = int(bh.Num_pkts)
				l.pktOff = base + int(bh.Offset_to_first_pkt)
				continue
			}
			hdr := (*unix.Tpacket2Hdr)(unsafe.Pointer(&l.ring[base]))
			data, err := l.deliver(h, base, sllOffsetV2, base+l.slotSize, int(hdr.Mac), int(hdr.Snaplen), int(hdr.Len),
				int64(hdr.Sec), int64(hdr.Nsec), hdr.Status, hdr.Vlan_tci, hdr.Vlan_tpid)
			if data != nil || err != nil {
				return data, err
			}
			continue
		}
		if err := l.wait(); err != nil {
			return nil, err
		}
	}
}

// nextInBlock takes the next packet of the held V3 block. It returns nil
// data and no error for a packet that the direction or a userspace filter
// drops.
func (l *liveHandle) nextInBlock(h *Handle) ([]byte, error) {
	base := l.pktOff
	blockEnd := l.slotOffset(l.cur) + l.slotSize
	if base < 0 || base+sllOffsetV3+sizeofSLL > blockEnd {
		return nil, fmt.Errorf("pcap: %s: corrupted ring block", l.dev)
	}
	hdr := (*unix.Tpacket3Hdr)(unsafe.Pointer(&l.ring[base]))
	l.left--
	l.pktOff = base + int(hdr.Next_offset)
	return l.deliver(h, base, sllOffsetV3, blockEnd, int(hdr.Mac), int(hdr.Snaplen), int(hdr.Len),
		int64(hdr.Sec), int64(hdr.Nsec), hdr.Status, uint16(hdr.Hv1.Vlan_tci), hdr.Hv1.Vlan_tpid)
}

// deliver turns one ring packet into what the caller sees: the cooked
// header built in front of it, the userspace filter, the direction check,
// the VLAN tag put back and the snapshot length applied.
func (l *liveHandle) deliver(h *Handle, base, sllOff, end, mac, caplen, wire int,
	sec, nsec int64, status uint32, tci, tpid uint16) ([]byte, error) {
	start := base + mac
	if mac < sllOff+sizeofSLL || start+caplen > end {
		return nil, fmt.Errorf("pcap: %s: corrupted frame on kernel ring (mac offset %d, caplen %d)", l.dev, mac, caplen)
	}
	sll := (*unix.RawSockaddrLinklayer)(unsafe.Pointer(&l.ring[base+sllOff]))
	// Direction, and libpcap's loopback rule: an outgoing packet on lo
	// shows up again as incoming, so the outgoing copy is dropped.
	if sll.Pkttype == unix.PACKET_OUTGOING {
		if int(sll.Ifindex) == l.loIndex || Direction(l.dir.Load()) == DirectionIn {
			return nil, nil
		}
	} else if Direction(l.dir.Load()) == DirectionOut {
		return nil, nil
	}
	cfg := l.cfg.Load()
	room := start - (base + sllOff + sizeofSLL)
	if hl := cfg.hdrLen; hl != 0 {
		if room < hl {
			return nil, fmt.Errorf("pcap: %s: cooked-mode frame doesn't have room for the header", l.dev)
		}
		start -= hl
		room -= hl
		hdr := l.ring[start : start+hl]
		proto := (*[2]byte)(unsafe.Pointer(&sll.Protocol))
		if hl == sllHdrLen {
			binary.BigEndian.PutUint16(hdr[0:], uint16(sll.Pkttype))
			binary.BigEndian.PutUint16(hdr[2:], sll.Hatype)
			binary.BigEndian.PutUint16(hdr[4:], uint16(sll.Halen))
			copy(hdr[6:14], sll.Addr[:])
			hdr[14], hdr[15] = proto[0], proto[1]
		} else {
			hdr[0], hdr[1] = proto[0], proto[1]
			hdr[2], hdr[3] = 0, 0
			binary.BigEndian.PutUint32(hdr[4:], uint32(sll.Ifindex))
			binary.BigEndian.PutUint16(hdr[8:], sll.Hatype)
			hdr[10] = sll.Pkttype
			hdr[11] = sll.Halen
			copy(hdr[12:20], sll.Addr[:])
		}
		caplen += hl
		wire += hl
	}
	vlanValid := tci != 0 || status&unix.TP_STATUS_VLAN_VALID != 0
	if cfg.vm != nil && (cfg.userOnly || l.userSlots.Load() > 0) {
		md := &l.meta
		md.VLANPresent = vlanValid
		md.VLANTCI = tci
		md.VLANTPID = unix.ETH_P_8021Q
		if tpid != 0 || status&unix.TP_STATUS_VLAN_TPID_VALID != 0 {
			md.VLANTPID = tpid
		}
		md.PktType = sll.Pkttype
		md.IfIndex = uint32(sll.Ifindex)
		md.Protocol = htons(sll.Protocol)
		md.HAType = sll.Hatype
		if cfg.vm.run(l.ring[start:start+caplen], wire, md) == 0 {
			return nil, nil
		}
	}
	if vo := cfg.vlanOffset; vlanValid && vo >= 0 && caplen >= vo && room >= vlanTagLen {
		if tpid == 0 && status&unix.TP_STATUS_VLAN_TPID_VALID == 0 {
			tpid = unix.ETH_P_8021Q
		}
		start -= vlanTagLen
		copy(l.ring[start:start+vo], l.ring[start+vlanTagLen:start+vlanTagLen+vo])
		tag := l.ring[start+vo : start+vo+vlanTagLen]
		binary.BigEndian.PutUint16(tag[0:], tpid)
		binary.BigEndian.PutUint16(tag[2:], tci)
		caplen += vlanTagLen
		wire += vlanTagLen
	}
	if caplen > h.snaplen {
		caplen = h.snaplen
	}
	l.ci.Timestamp = h.stamp(sec, nsec)
	l.ci.CaptureLength = caplen
	l.ci.Length = wire
	return l.ring[start : start+caplen : start+caplen], nil
}

// attachKernel puts prog on the socket, adjusted for a cooked socket. It
// reports false when the kernel can't run it (too long, backward jumps,
// loads of cooked header fields it has no equivalent for): the caller then
// filters in userspace, with no kernel filter attached.
func (l *liveHandle) attachKernel(prog []bpf.Instruction) bool {
	kprog, ok := l.kernelProgram(prog, l.linkType)
	if ok {
		err := attachFilter(l.fd, kprog)
		if err == nil {
			return true
		}
	}
	detachFilter(l.fd)
	return false
}

// kernelProgram returns prog as the kernel must see it.
func (l *liveHandle) kernelProgram(prog []bpf.Instruction, t linktype.Type) ([]bpf.Instruction, bool) {
	if len(prog) > bpf.MaxInstructions {
		return nil, false
	}
	if !l.cooked {
		return prog, kernelAccepts(prog)
	}
	out := append([]bpf.Instruction(nil), prog...)
	for i := range out {
		ins := &out[i]
		cls := ins.Op & bpf.ClassMask
		if cls != bpf.ClassLD && cls != bpf.ClassLDX {
			continue
		}
		mode := ins.Op & bpf.ModeMask
		if mode != bpf.ModeABS && mode != bpf.ModeIND && mode != bpf.ModeMSH {
			continue
		}
		if !fixCookedOffset(ins, t, mode == bpf.ModeABS) {
			return nil, false
		}
	}
	return out, kernelAccepts(out)
}

// fixCookedOffset rewrites a packet load for a SOCK_DGRAM socket, where the
// kernel's packet starts after the cooked header that userspace sees:
// payload offsets shrink by the header length, and the header fields the
// kernel knows become ancillary loads. Only absolute loads (abs) can become
// ancillary: an indexed load or ldx msh with an offset inside the header
// may land anywhere. It reports false for the loads it can't rewrite.
func fixCookedOffset(ins *bpf.Instruction, t linktype.Type, abs bool) bool {
	if ins.K >= uint32(bpf.SKFAdOff&0xffffffff) {
		return true // already ancillary (or another negative offset)
	}
	hl := uint32(sllHdrLen)
	if t == linktype.LinuxSLL2 {
		hl = sll2HdrLen
	}
	if !abs && ins.K < hl {
		return false
	}
	if t == linktype.LinuxSLL2 {
		switch {
		case ins.K >= sll2HdrLen:
			ins.K -= sll2HdrLen
		case ins.K == 0:
			ins.K = bpf.Ancillary(bpf.AdProtocol)
		case ins.K == 4:
			ins.K = bpf.Ancillary(bpf.AdIfIndex)
		case ins.K == 10:
			ins.K = bpf.Ancillary(bpf.AdPktType)
		default:
			return false
		}
		return true
	}
	switch {
	case ins.K >= sllHdrLen:
		ins.K -= sllHdrLen
	case ins.K == 0:
		ins.K = bpf.Ancillary(bpf.AdPktType)
	case ins.K == 14:
		ins.K = bpf.Ancillary(bpf.AdProtocol)
	default:
		return false
	}
	return true
}

func attachFilter(fd int, prog []bpf.Instruction) error {
	if len(prog) == 0 {
		return errors.New("empty program")
	}
	fp := unix.SockFprog{
		Len:    uint16(len(prog)),
		Filter: (*unix.SockFilter)(unsafe.Pointer(&prog[0])),
	}
	return unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fp)
}

func detachFilter(fd int) {
	_ = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_DETACH_FILTER, 0)
}

// rejectAll is the program libpcap calls the total filter.
var rejectAll = []bpf.Instruction{bpf.Stmt(bpf.ClassRET|bpf.RetK, 0)}

// setFilter replaces the handle's filter on an active socket. Packets
// already in the ring passed the old filter (or none), so the ring's slots
// are filtered again in userspace until they have all been read.
func (l *liveHandle) setFilter(h *Handle, prog []bpf.Instruction, vm *userFilter) error {
	l.ctl.Lock()
	defer l.ctl.Unlock()
	return l.setFilterLocked(h, prog, vm, l.cfg.Load().linkType)
}

func (l *liveHandle) setFilterLocked(h *Handle, prog []bpf.Instruction, vm *userFilter, t linktype.Type) error {
	if l.closing.Load() {
		return fmt.Errorf("pcap: set filter: %w", os.ErrClosed)
	}
	userOnly := false
	cerr := l.control(func(fd uintptr) {
		// Stop the flow while the filter changes, then drain what the
		// socket queued outside the ring.
		_ = attachFilter(int(fd), rejectAll)
		var b [1]byte
		for {
			if _, _, e := unix.Recvfrom(int(fd), b[:], unix.MSG_TRUNC|unix.MSG_DONTWAIT); e != nil {
				break
			}
		}
		if prog == nil {
			detachFilter(int(fd))
			return
		}
		kprog, ok := l.kernelProgram(prog, t)
		if ok {
			if e := attachFilter(int(fd), kprog); e != nil {
				ok = false
			}
		}
		if !ok {
			detachFilter(int(fd))
		}
		userOnly = !ok
	})
	if cerr != nil {
		return fmt.Errorf("pcap: set filter: %w", cerr)
	}
	// Everything already in the ring passed the old filter: filter it
	// again, slot by slot, until the reader has gone all the way round.
	l.userSlots.Store(int32(l.nslots + 1))
	l.cfg.Store(l.newConfig(vm, userOnly, t))
	h.filter = prog
	return nil
}

func (l *liveHandle) stats() (Stats, error) {
	l.stMu.Lock()
	defer l.stMu.Unlock()
	var ks unix.TpacketStatsV3
	var gerr error
	err := l.control(func(fd uintptr) {
		if l.v3 {
			var s *unix.TpacketStatsV3
			s, gerr = unix.GetsockoptTpacketStatsV3(int(fd), unix.SOL_PACKET, unix.PACKET_STATISTICS)
			if s != nil {
				ks = *s
			}
		} else {
			var s *unix.TpacketStats
			s, gerr = unix.GetsockoptTpacketStats(int(fd), unix.SOL_PACKET, unix.PACKET_STATISTICS)
			if s != nil {
				ks.Packets, ks.Drops = s.Packets, s.Drops
			}
		}
	})
	if err != nil {
		return Stats{}, fmt.Errorf("pcap: stats: %w", err)
	}
	if gerr != nil {
		return Stats{}, fmt.Errorf("pcap: stats: %w", os.NewSyscallError("getsockopt", gerr))
	}
	l.recv += uint64(ks.Packets)
	l.drop += uint64(ks.Drops)
	var ifdrop uint64
	if n := readIfDropped(l.dev); n >= l.ifdrop0 {
		ifdrop = n - l.ifdrop0
	}
	return Stats{PacketsReceived: int(l.recv), PacketsDropped: int(l.drop), PacketsIfDropped: int(ifdrop)}, nil
}

// close closes the socket and releases the ring. A reader parked in the
// poller wakes at once. A reader still running on the ring (Close called
// from another goroutine) must not fault, so the ring's pages are replaced
// by empty anonymous memory instead of being unmapped; that placeholder is
// unmapped when the Handle is garbage.
func (l *liveHandle) close(h *Handle) error {
	l.ctl.Lock()
	defer l.ctl.Unlock()
	l.closing.Store(true)
	err := l.f.Close() // wakes and waits out a reader parked in the poller
	if l.ring != nil {
		addr, size := unsafe.Pointer(&l.ring[0]), uintptr(len(l.ring))
		_, e := unix.MmapPtr(-1, 0, addr, size, unix.PROT_READ|unix.PROT_WRITE,
			unix.MAP_FIXED|unix.MAP_PRIVATE|unix.MAP_ANONYMOUS|unix.MAP_NORESERVE)
		if e != nil {
			// Can't swap: unmap; a concurrent reader would fault, but
			// keeping the ring would leak it.
			unix.MunmapPtr(addr, size)
		} else {
			runtime.AddCleanup(h, func(p unsafe.Pointer) { unix.MunmapPtr(p, size) }, addr)
		}
		// The reader keeps l.ring: it now points at the placeholder.
	}
	if err != nil {
		return fmt.Errorf("pcap: close %s: %w", l.dev, err)
	}
	return nil
}

func (l *liveHandle) setDirection(d Direction) error {
	l.dir.Store(int32(d))
	v := 0
	if d == DirectionIn {
		v = 1
	}
	// PACKET_IGNORE_OUTGOING only saves work (Linux 4.20 and later); the
	// reader checks the direction itself, so its failure doesn't matter.
	err := l.control(func(fd uintptr) {
		_ = unix.SetsockoptInt(int(fd), unix.SOL_PACKET, unix.PACKET_IGNORE_OUTGOING, v)
	})
	if err != nil {
		return fmt.Errorf("pcap: %s: set direction: %w", l.dev, err)
	}
	return nil
}

func (l *liveHandle) dataLinks() []linktype.Type {
	return append([]linktype.Type(nil), l.dlts...)
}

func (l *liveHandle) setLinkType(h *Handle, t linktype.Type) error {
	found := false
	for _, d := range l.dlts {
		found = found || d == t
	}
	if !found {
		return fmt.Errorf("pcap: %s: link type %s is not supported by the device", l.dev, t)
	}
	l.ctl.Lock()
	defer l.ctl.Unlock()
	if t == l.cfg.Load().linkType {
		return nil
	}
	// The filter was compiled for the old type: remove it.
	if err := l.setFilterLocked(h, nil, nil, t); err != nil {
		return err
	}
	h.linkType = t
	return nil
}

func (l *liveHandle) write(data []byte) error {
	if l.cooked {
		return fmt.Errorf("pcap: %s: can't send on a cooked-mode socket", l.dev)
	}
	var werr error
	err := l.rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), data)
		return werr != unix.EAGAIN
	})
	if err == nil {
		err = os.NewSyscallError("write", werr)
	} else if l.closing.Load() {
		err = os.ErrClosed
	}
	if err != nil {
		return fmt.Errorf("pcap: send on %s: %w", l.dev, err)
	}
	return nil
}

func (l *liveHandle) setFanout(mode FanoutMode, id uint16) error {
	var serr error
	err := l.control(func(fd uintptr) {
		serr = unix.SetsockoptInt(int(fd), unix.SOL_PACKET, unix.PACKET_FANOUT, int(id)|int(mode)<<16)
	})
	if err == nil && serr != nil {
		err = os.NewSyscallError("setsockopt PACKET_FANOUT", serr)
	}
	if err != nil {
		return fmt.Errorf("pcap: %s: fanout: %w", l.dev, err)
	}
	return nil
}
