//go:build linux

package pcap

import (
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/purepcap/pcap/linktype"
)

// Ring layout. The kernel puts each packet's struct sockaddr_ll after its
// frame header, aligned; ringReserve is the headroom asked of the kernel in
// front of each packet, room for a cooked header and a reinserted VLAN tag.
const (
	vlanTagLen   = 4
	ringReserve  = sll2HdrLen + vlanTagLen
	sllOffsetV3  = (unix.SizeofTpacket3Hdr + unix.TPACKET_ALIGNMENT - 1) &^ (unix.TPACKET_ALIGNMENT - 1)
	sllOffsetV2  = (unix.SizeofTpacket2Hdr + unix.TPACKET_ALIGNMENT - 1) &^ (unix.TPACKET_ALIGNMENT - 1)
	sizeofSLL    = unix.SizeofSockaddrLinklayer
	blockHdrOff  = int(unsafe.Offsetof(unix.TpacketBlockDesc{}.Hdr)) // V3: the block header, after the descriptor's version fields
	minV3Blocks  = 4                                                 // V3 keeps at least this many blocks when it grows them
	maxV3Block   = 1 << 20
	ringMinSlots = 2
)

func tpacketAlign(n int) int {
	return (n + unix.TPACKET_ALIGNMENT - 1) &^ (unix.TPACKET_ALIGNMENT - 1)
}

// ring is the mapped receive ring and the reader's place in it. With
// TPACKET_V3 a slot is a block holding many packets; with TPACKET_V2
// (immediate mode) a slot is one packet's frame, and a block holds
// perBlock of them followed by gap unused bytes. The reader keeps the
// current slot's offset and advances it once per slot, so that the
// per-packet path does no division.
type ring struct {
	v3       bool
	mem      []byte
	mapping  *ringMapping
	slotSize int // block size (V3) or frame size (V2)
	nslots   int
	perBlock int // slots per block: 1 (V3) or frames per block (V2)
	gap      int // bytes of a block after its last slot
	off      int // where the slot being read starts in mem
	inBlock  int // the slot being read's index in its block
	held     bool
	pktOff   int // V3: offset of the next packet in the ring
	left     int // V3: packets left in the held block
}

// ringMapping unmaps the ring once, whoever gets there first: Close, the
// reader that finds the handle closed, or the Handle's cleanup.
type ringMapping struct {
	once sync.Once
	addr unsafe.Pointer
	size uintptr
}

func (m *ringMapping) release() {
	m.once.Do(func() { unix.MunmapPtr(m.addr, m.size) })
}

// ringGeometry is the shape of a ring: frames of frame bytes, laid out in
// nblocks blocks of block bytes.
type ringGeometry struct {
	frame, block, nblocks int
}

// newRingGeometry sizes the ring as libpcap does. With TPACKET_V3 a frame
// is a block of at least linktype.DefaultSnaplen bytes (room for one
// maximum-size packet, or many small ones), and there are as many as the
// buffer size needs, rounded up. With TPACKET_V2 a frame holds one
// snapshot; a block is the smallest power-of-two number of pages holding
// one. There are always at least two blocks.
func newRingGeometry(v3 bool, snaplen, bufSize, page int) ringGeometry {
	frame := linktype.DefaultSnaplen
	if !v3 {
		frame = tpacketAlign(tpacketAlign(sllOffsetV2+sizeofSLL+16) + ringReserve + snaplen)
	}
	block := page
	for block < frame {
		block <<= 1
	}
	if v3 {
		// Fewer, bigger blocks mean fewer wakeups; keep a few so the
		// kernel always has blocks to fill while one is read.
		for block < maxV3Block && bufSize/(2*block) >= minV3Blocks {
			block <<= 1
			frame = block
		}
	}
	nframes := (bufSize + frame - 1) / frame
	nblocks := max(nframes/(block/frame), ringMinSlots)
	return ringGeometry{frame: frame, block: block, nblocks: nblocks}
}

// setupRing creates and maps the receive ring: TPACKET_V3 blocks, or
// TPACKET_V2 frames in immediate mode (V3 hands packets over a block at a
// time).
func (l *liveHandle) setupRing(p *InactiveHandle) error {
	fd := l.sock.fd
	l.ring.v3 = !p.immediate
	version := unix.TPACKET_V3
	if !l.ring.v3 {
		version = unix.TPACKET_V2
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_VERSION, version); err != nil {
		return l.opErr("open", "can't use TPACKET_V"+strconv.Itoa(version+1), os.NewSyscallError("setsockopt PACKET_VERSION", err))
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_RESERVE, ringReserve); err != nil {
		return l.opErr("open", "", os.NewSyscallError("setsockopt PACKET_RESERVE", err))
	}
	g := newRingGeometry(l.ring.v3, p.snaplen, p.bufferSize, os.Getpagesize())
	for {
		err := l.requestRing(g)
		if err == unix.ENOMEM && g.nblocks > ringMinSlots {
			g.nblocks -= g.nblocks/20 + 1
			continue
		}
		if err != nil {
			return l.opErr("open", "can't create rx ring", os.NewSyscallError("setsockopt PACKET_RX_RING", err))
		}
		break
	}
	size := g.block * g.nblocks
	ptr, err := unix.MmapPtr(fd, 0, nil, uintptr(size), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		return l.opErr("open", "can't mmap rx ring", os.NewSyscallError("mmap", err))
	}
	l.ring.mapping = &ringMapping{addr: ptr, size: uintptr(size)}
	l.ring.layout(unsafe.Slice((*byte)(ptr), size), g)
	return nil
}

// layout sets the ring's slots over mem, a ring of geometry g (its block
// bytes times its nblocks), and puts the reader at the first slot.
func (r *ring) layout(mem []byte, g ringGeometry) {
	r.mem = mem
	if r.v3 {
		r.slotSize, r.perBlock = g.block, 1
	} else {
		r.slotSize, r.perBlock = g.frame, g.block/g.frame
	}
	r.nslots = r.perBlock * g.nblocks
	r.gap = g.block - r.perBlock*r.slotSize
	r.off, r.inBlock = 0, 0
}

// requestRing asks the kernel for a ring of geometry g (PACKET_RX_RING).
func (l *liveHandle) requestRing(g ringGeometry) error {
	fd := l.sock.fd
	nframes := uint32(g.block / g.frame * g.nblocks)
	if !l.ring.v3 {
		req := unix.TpacketReq{
			Block_size: uint32(g.block), Block_nr: uint32(g.nblocks),
			Frame_size: uint32(g.frame), Frame_nr: nframes,
		}
		return unix.SetsockoptTpacketReq(fd, unix.SOL_PACKET, unix.PACKET_RX_RING, &req)
	}
	tov := uint32(0) // the kernel's default
	if t := l.rd.timeout; t > 0 {
		tov = uint32((t + time.Millisecond - 1) / time.Millisecond)
	}
	req := unix.TpacketReq3{
		Block_size: uint32(g.block), Block_nr: uint32(g.nblocks),
		Frame_size: uint32(g.frame), Frame_nr: nframes,
		Retire_blk_tov: tov,
	}
	return unix.SetsockoptTpacketReq3(fd, unix.SOL_PACKET, unix.PACKET_RX_RING, &req)
}

// readIfDropped returns the interface's rx_dropped counter from sysfs, 0
// when it has none.
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

// statusWord returns the current slot's status word: block_status in the
// V3 block header, tp_status in the V2 frame header.
func (r *ring) statusWord() *uint32 {
	off := r.off
	if r.v3 {
		off += blockHdrOff
	}
	return (*uint32)(unsafe.Pointer(&r.mem[off]))
}

// slotReady says whether the current slot belongs to userspace.
func (r *ring) slotReady() bool {
	return atomic.LoadUint32(r.statusWord())&unix.TP_STATUS_USER != 0
}

// advance moves the reader to the next slot: the next frame of the block,
// past the block's gap to the next block, or back to the start of the
// ring after its last slot.
func (r *ring) advance() {
	r.off += r.slotSize
	r.inBlock++
	if r.inBlock == r.perBlock {
		r.inBlock = 0
		r.off += r.gap
		if r.off == len(r.mem) {
			r.off = 0
		}
	}
}

// release hands the held slot back to the kernel and moves to the next.
func (l *liveHandle) release() {
	r := &l.ring
	atomic.StoreUint32(r.statusWord(), unix.TP_STATUS_KERNEL)
	r.held = false
	r.left = 0
	r.advance()
	if l.userSlots.Load() > 0 {
		l.userSlots.Add(-1)
	}
}

// next returns the next packet, zero-copy from the ring; l.rd.ci describes
// it. The reader takes no lock. It marks itself in a read (rd.inRead) so
// that Close leaves the ring mapped under it; a read that finds the handle
// closing unmaps the ring and fails with os.ErrClosed.
func (l *liveHandle) next(h *Handle) ([]byte, error) {
	if !l.rd.inRead.Load() {
		l.rd.inRead.Store(true)
	}
	r := &l.ring
	for {
		if l.closing.Load() {
			return nil, l.closedRead(l.opErr("read", "", os.ErrClosed))
		}
		if r.held {
			if r.left > 0 {
				data, err := l.nextInBlock(h)
				if data != nil || err != nil {
					return data, err
				}
				continue
			}
			l.release()
		}
		if r.slotReady() {
			r.held = true
			base := r.off
			if r.v3 {
				bh := (*unix.TpacketHdrV1)(unsafe.Pointer(&r.mem[base+blockHdrOff]))
				r.left = int(bh.Num_pkts)
				r.pktOff = base + int(bh.Offset_to_first_pkt)
				continue
			}
			f := frame{unsafe.Pointer(&r.mem[base]), false}
			data, err := l.deliver(h, base, sllOffsetV2, base+r.slotSize, f)
			if data != nil || err != nil {
				return data, err
			}
			continue
		}
		if err := l.wait(); err != nil {
			if l.closing.Load() {
				return nil, l.closedRead(err)
			}
			return nil, err
		}
	}
}

// closedRead ends a read that found the handle closing: the reader is
// done with the ring, which it unmaps (Close left that to it), and fails
// with err.
func (l *liveHandle) closedRead(err error) error {
	l.rd.inRead.Store(false)
	l.ring.mapping.release()
	return err
}

// readDone ends a copying read: the caller no longer uses the ring's
// data, so a Close that came meanwhile may unmap it (or already left that
// to this reader).
func (l *liveHandle) readDone() {
	l.rd.inRead.Store(false)
	if l.closing.Load() {
		l.ring.mapping.release()
	}
}

// nextInBlock takes the next packet of the held V3 block. It returns nil
// data and no error for a packet that the direction or a userspace filter
// drops.
func (l *liveHandle) nextInBlock(h *Handle) ([]byte, error) {
	r := &l.ring
	base := r.pktOff
	blockEnd := r.off + r.slotSize
	if base < 0 || base+sllOffsetV3+sizeofSLL > blockEnd {
		return nil, l.opErr("read", "corrupted ring block", nil)
	}
	hdr := (*unix.Tpacket3Hdr)(unsafe.Pointer(&r.mem[base]))
	r.left--
	r.pktOff = base + int(hdr.Next_offset)
	return l.deliver(h, base, sllOffsetV3, blockEnd, frame{unsafe.Pointer(hdr), true})
}
