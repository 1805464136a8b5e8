//go:build linux

package pcap

import (
	"encoding/binary"
	"strconv"
	"unsafe"

	"golang.org/x/sys/unix"
)

// frame is one packet on the ring, as its TPACKET_V2 or V3 header
// describes it.
type frame struct {
	base      int // where the frame's header starts in the ring
	sllOff    int // where its struct sockaddr_ll starts, from base
	end       int // the end of the room the frame may use (block or frame end)
	mac       int // where the packet starts, from base
	caplen    int
	wire      int
	sec, nsec int64
	status    uint32 // tp_status
	tci, tpid uint16 // the VLAN tag the kernel took out of the packet
}

// vlanValid says whether the kernel took a VLAN tag out of the packet.
func (f *frame) vlanValid() bool {
	return f.tci != 0 || f.status&unix.TP_STATUS_VLAN_VALID != 0
}

// vlanTPID returns the tag's TPID: the one the kernel reported, else
// 802.1Q's.
func (f *frame) vlanTPID() uint16 {
	if f.tpid != 0 || f.status&unix.TP_STATUS_VLAN_TPID_VALID != 0 {
		return f.tpid
	}
	return unix.ETH_P_8021Q
}

// deliver turns one ring packet into what the caller sees: the direction
// check, the cooked header built in front of it, the userspace filter, the
// VLAN tag put back and the snapshot length applied. It returns nil data
// and no error for a packet that is not for the caller.
func (l *liveHandle) deliver(h *Handle, f *frame) ([]byte, error) {
	mem := l.ring.mem
	start := f.base + f.mac
	if f.mac < f.sllOff+sizeofSLL || start+f.caplen > f.end {
		return nil, l.opErr("read", "corrupted frame on kernel ring (mac offset "+
			strconv.Itoa(f.mac)+", caplen "+strconv.Itoa(f.caplen)+")", nil)
	}
	sll := (*unix.RawSockaddrLinklayer)(unsafe.Pointer(&mem[f.base+f.sllOff]))
	if !l.wanted(sll) {
		return nil, nil
	}
	cfg := l.cfg.Load()
	room := start - (f.base + f.sllOff + sizeofSLL)
	caplen, wire := f.caplen, f.wire
	if hl := cfg.hdrLen; hl != 0 {
		if room < hl {
			return nil, l.opErr("read", "cooked-mode frame doesn't have room for the header", nil)
		}
		start -= hl
		room -= hl
		putCookedHeader(mem[start:start+hl], sll)
		caplen += hl
		wire += hl
	}
	if cfg.vm != nil && (cfg.userOnly || l.userSlots.Load() > 0) && !l.userPass(cfg, mem[start:start+caplen], wire, f, sll) {
		return nil, nil
	}
	if vo := cfg.vlanOffset; vo >= 0 && f.vlanValid() && caplen >= vo && room >= vlanTagLen {
		start -= vlanTagLen
		insertVLAN(mem[start:start+vlanTagLen+vo], vo, f.vlanTPID(), f.tci)
		caplen += vlanTagLen
		wire += vlanTagLen
	}
	caplen = min(caplen, h.snaplen)
	l.rd.ci.Timestamp = h.stamp(f.sec, f.nsec)
	l.rd.ci.CaptureLength = caplen
	l.rd.ci.Length = wire
	return mem[start : start+caplen : start+caplen], nil
}

// wanted applies the direction, and libpcap's loopback rule: an outgoing
// packet on lo shows up again as incoming, so the outgoing copy is dropped.
func (l *liveHandle) wanted(sll *unix.RawSockaddrLinklayer) bool {
	d := Direction(l.dir.Load())
	if sll.Pkttype == unix.PACKET_OUTGOING {
		return int(sll.Ifindex) != l.dev.loIndex && d != DirectionIn
	}
	return d != DirectionOut
}

// putCookedHeader writes the LINUX_SLL (16 bytes) or LINUX_SLL2 (20 bytes)
// header for sll into hdr.
func putCookedHeader(hdr []byte, sll *unix.RawSockaddrLinklayer) {
	proto := (*[2]byte)(unsafe.Pointer(&sll.Protocol)) // network order
	if len(hdr) == sllHdrLen {
		binary.BigEndian.PutUint16(hdr[0:], uint16(sll.Pkttype))
		binary.BigEndian.PutUint16(hdr[2:], sll.Hatype)
		binary.BigEndian.PutUint16(hdr[4:], uint16(sll.Halen))
		copy(hdr[6:14], sll.Addr[:])
		hdr[14], hdr[15] = proto[0], proto[1]
		return
	}
	hdr[0], hdr[1] = proto[0], proto[1]
	hdr[2], hdr[3] = 0, 0
	binary.BigEndian.PutUint32(hdr[4:], uint32(sll.Ifindex))
	binary.BigEndian.PutUint16(hdr[8:], sll.Hatype)
	hdr[10] = sll.Pkttype
	hdr[11] = sll.Halen
	copy(hdr[12:20], sll.Addr[:])
}

// userPass runs the filter in userspace on pkt, with the ancillary data
// the kernel's filter would see.
func (l *liveHandle) userPass(cfg *rxConfig, pkt []byte, wire int, f *frame, sll *unix.RawSockaddrLinklayer) bool {
	md := &l.rd.meta
	md.VLANPresent = f.vlanValid()
	md.VLANTCI = f.tci
	md.VLANTPID = f.vlanTPID()
	md.PktType = sll.Pkttype
	md.IfIndex = uint32(sll.Ifindex)
	md.Protocol = htons(sll.Protocol)
	md.HAType = sll.Hatype
	return cfg.vm.RunMeta(pkt, wire, md) != 0
}

// insertVLAN puts the tag (tpid, tci) back at offset vo of the packet that
// starts vlanTagLen bytes into b, moving the vo bytes in front of it to the
// start of b.
func insertVLAN(b []byte, vo int, tpid, tci uint16) {
	copy(b[:vo], b[vlanTagLen:vlanTagLen+vo])
	binary.BigEndian.PutUint16(b[vo:], tpid)
	binary.BigEndian.PutUint16(b[vo+2:], tci)
}
