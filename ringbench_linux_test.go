//go:build linux

package pcap

import (
	"encoding/binary"
	"sync/atomic"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/purepcap/pcap/linktype"
)

// fakeRingV3 builds a one-block TPACKET_V3 ring in memory holding n
// copies of frame, laid out as the kernel lays them out.
func fakeRingV3(frame []byte, n int) (*liveHandle, []byte) {
	const blockSize = 1 << 20
	mem := make([]byte, blockSize)
	off := unix.SizeofTpacket3Hdr // after the block descriptor (48 bytes, as the header)
	first := off
	mac := tpacketAlign(sllOffsetV3+sizeofSLL+16) + ringReserve + 2 // as the kernel computes it for Ethernet
	for i := 0; i < n; i++ {
		next := tpacketAlign(mac + len(frame))
		h := mem[off:]
		if i < n-1 {
			binary.LittleEndian.PutUint32(h[0:], uint32(next))
		}
		binary.LittleEndian.PutUint32(h[4:], 1700000000)
		binary.LittleEndian.PutUint32(h[8:], 123456789)
		binary.LittleEndian.PutUint32(h[12:], uint32(len(frame)))
		binary.LittleEndian.PutUint32(h[16:], uint32(len(frame)))
		binary.LittleEndian.PutUint32(h[20:], unix.TP_STATUS_USER)
		binary.LittleEndian.PutUint16(h[24:], uint16(mac))
		binary.LittleEndian.PutUint16(h[26:], uint16(mac+14))
		putFakeSLL(h[sllOffsetV3:])
		copy(h[mac:], frame)
		off += next
	}
	binary.LittleEndian.PutUint32(mem[8:], unix.TP_STATUS_USER)
	binary.LittleEndian.PutUint32(mem[12:], uint32(n))
	binary.LittleEndian.PutUint32(mem[16:], uint32(first))
	return fakeHandle(true, mem, ringGeometry{frame: blockSize, block: blockSize, nblocks: 1}), mem
}

// fakeHandle returns a live handle on Ethernet, without a socket, reading
// mem as a ring of geometry g.
func fakeHandle(v3 bool, mem []byte, g ringGeometry) *liveHandle {
	l := &liveHandle{
		ring: ring{v3: v3},
		dev:  deviceInfo{linkType: linktype.Ethernet, name: "fake", loIndex: 1},
	}
	l.ring.layout(mem, g)
	l.cfg.Store(l.newConfig(nil, false, linktype.Ethernet))
	return l
}

// BenchmarkRingRead measures the userspace cost of taking one packet from
// a TPACKET_V3 block (no kernel involved): 0 allocations per packet.
func BenchmarkRingRead(b *testing.B) {
	frame := make([]byte, 106)
	const n = 4000
	l, ring := fakeRingV3(frame, n)
	h := &Handle{live: l, snaplen: linktype.DefaultSnaplen, linkType: linktype.Ethernet}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%n == 0 {
			// Hand the block back to "userspace" again.
			l.ring.held, l.ring.left = false, 0
			binary.LittleEndian.PutUint32(ring[8:], unix.TP_STATUS_USER)
		}
		data, _, err := h.ZeroCopyReadPacketData()
		if err != nil || len(data) != len(frame) {
			b.Fatal(err, len(data))
		}
	}
}

// putFakeSLL writes the sockaddr_ll of a packet to this host into b.
func putFakeSLL(b []byte) {
	binary.LittleEndian.PutUint16(b[0:], unix.AF_PACKET)
	b[10] = unix.PACKET_HOST
}

// BenchmarkRingReadV2 measures the userspace cost of taking one packet
// from a TPACKET_V2 ring (immediate mode; no kernel involved), going round
// a ring of 64 frames laid out two to a block: 0 allocations per packet.
func BenchmarkRingReadV2(b *testing.B) {
	const snaplen = 1500
	g := newRingGeometry(false, snaplen, 1, 4096)
	g.nblocks = 32
	mem := make([]byte, g.block*g.nblocks)
	l := fakeHandle(false, mem, g)
	offs := fakeSlotOffsets(g)
	pkt := make([]byte, 106)
	for _, off := range offs {
		putFakeFrameV2(mem[off:off+g.frame], pkt)
	}
	h := &Handle{live: l, snaplen: linktype.DefaultSnaplen, linkType: linktype.Ethernet}
	status := func(i int) *uint32 { return (*uint32)(unsafe.Pointer(&mem[offs[i]])) }
	b.ReportAllocs()
	b.ResetTimer()
	prev := len(offs) - 1
	for i := 0; i < b.N; i++ {
		data, _, err := h.ZeroCopyReadPacketData()
		if err != nil || len(data) != len(pkt) {
			b.Fatal(err, len(data))
		}
		// The read released the frame before this one: give it back.
		*status(prev) = unix.TP_STATUS_USER
		if prev++; prev == len(offs) {
			prev = 0
		}
	}
}

// fakeSlotOffsets returns where each frame of a TPACKET_V2 ring of
// geometry g starts, as the kernel finds them: frame i is frame
// i%perBlock of block i/perBlock.
func fakeSlotOffsets(g ringGeometry) []int {
	perBlock := g.block / g.frame
	offs := make([]int, perBlock*g.nblocks)
	for i := range offs {
		offs[i] = i/perBlock*g.block + i%perBlock*g.frame
	}
	return offs
}

// putFakeFrameV2 writes into frame a TPACKET_V2 frame holding pkt, handed
// to userspace, laid out as the kernel lays it out for Ethernet.
func putFakeFrameV2(frame, pkt []byte) {
	mac := tpacketAlign(sllOffsetV2+sizeofSLL+16) + ringReserve + 2
	h := (*unix.Tpacket2Hdr)(unsafe.Pointer(&frame[0]))
	*h = unix.Tpacket2Hdr{
		Len: uint32(len(pkt)), Snaplen: uint32(len(pkt)),
		Mac: uint16(mac), Net: uint16(mac + 14),
		Sec: 1700000000, Nsec: 123456789,
	}
	putFakeSLL(frame[sllOffsetV2:])
	copy(frame[mac:], pkt)
	atomic.StoreUint32(&h.Status, unix.TP_STATUS_USER)
}
