//go:build linux

package pcap

import (
	"encoding/binary"
	"strconv"
	"unsafe"

	"golang.org/x/sys/unix"
)

// frame is one packet's TPACKET_V3 or TPACKET_V2 header on the ring, read
// through accessors. It is two words, so it stays in registers on the hot
// path (a struct of the header's fields would not).
type frame struct {
	hdr unsafe.Pointer // *unix.Tpacket3Hdr or *unix.Tpacket2Hdr
	v3  bool
}

// lengths returns where the packet starts (from the header), and its
// captured and wire lengths.
func (f frame) lengths() (mac, caplen, wire int) {
	if f.v3 {
		h := (*unix.Tpacket3Hdr)(f.hdr)
		return int(h.Mac), int(h.Snaplen), int(h.Len)
	}
	h := (*unix.Tpacket2Hdr)(f.hdr)
	return int(h.Mac), int(h.Snaplen), int(h.Len)
}

// stamp returns the packet's time stamp.
func (f frame) stamp() (sec, nsec int64) {
	if f.v3 {
		h := (*unix.Tpacket3Hdr)(f.hdr)
		return int64(h.Sec), int64(h.Nsec)
	}
	h := (*unix.Tpacket2Hdr)(f.hdr)
	return int64(h.Sec), int64(h.Nsec)
}

// vlan returns the VLAN tag the kernel took out of the packet, if any.
func (f frame) vlan() vlanTag {
	if f.v3 {
		h := (*unix.Tpacket3Hdr)(f.hdr)
		return vlanTag{h.Status, uint16(h.Hv1.Vlan_tci), h.Hv1.Vlan_tpid}
	}
	h := (*unix.Tpacket2Hdr)(f.hdr)
	return vlanTag{h.Status, h.Vlan_tci, h.Vlan_tpid}
}

// vlanTag is a frame's tp_status and VLAN fields.
type vlanTag struct {
	status    uint32
	tci, tpid uint16
}

// valid says whether the kernel took a VLAN tag out of the packet.
func (v vlanTag) valid() bool {
	return v.tci != 0 || v.status&unix.TP_STATUS_VLAN_VALID != 0
}

// tpidOrDefault returns the tag's TPID: the one the kernel reported, else
// 802.1Q's.
func (v vlanTag) tpidOrDefault() uint16 {
	if v.tpid != 0 || v.status&unix.TP_STATUS_VLAN_TPID_VALID != 0 {
		return v.tpid
	}
	return unix.ETH_P_8021Q
}

// deliver turns one ring packet into what the caller sees: the direction
// check, the cooked header built in front of it, the userspace filter, the
// VLAN tag put back and the snapshot length applied. The frame's header
// starts at base in the ring, its sockaddr_ll at base+sllOff, and its
// packet must end before end. It returns nil data and no error for a
// packet that is not for the caller.
func (l *liveHandle) deliver(h *Handle, base, sllOff, end int, f frame) ([]byte, error) {
	mem := l.ring.mem
	mac, caplen, wire := f.lengths()
	start := base + mac
	if mac < sllOff+sizeofSLL || start+caplen > end {
		return nil, l.opErr("read", "corrupted frame on kernel ring (mac offset "+
			strconv.Itoa(mac)+", caplen "+strconv.Itoa(caplen)+")", nil)
	}
	sll := (*unix.RawSockaddrLinklayer)(unsafe.Pointer(&mem[base+sllOff]))
	if !l.wanted(sll) {
		return nil, nil
	}
	cfg := l.cfg.Load()
	room := start - (base + sllOff + sizeofSLL)
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
	if cfg.vm != nil && (cfg.userOnly || l.userSlots.Load() > 0) && !l.userPass(cfg, mem[start:start+caplen], wire, f.vlan(), sll) {
		return nil, nil
	}
	if vo := cfg.vlanOffset; vo >= 0 && caplen >= vo && room >= vlanTagLen {
		if vt := f.vlan(); vt.valid() {
			start -= vlanTagLen
			insertVLAN(mem[start:start+vlanTagLen+vo], vo, vt.tpidOrDefault(), vt.tci)
			caplen += vlanTagLen
			wire += vlanTagLen
		}
	}
	caplen = min(caplen, h.snaplen)
	l.rd.ci.Timestamp = h.stamp(f.stamp())
	l.rd.ci.CaptureLength = caplen
	l.rd.ci.Length = wire
	return mem[start : start+caplen : start+caplen], nil
}

// wanted applies the direction, and libpcap's loopback rule: an outgoing
// packet on lo shows up again as incoming, so the outgoing copy is dropped.
func (l *liveHandle) wanted(sll *unix.RawSockaddrLinklayer) bool {
	if sll.Pkttype == unix.PACKET_OUTGOING {
		return int(sll.Ifindex) != l.dev.loIndex && Direction(l.dir.Load()) != DirectionIn
	}
	return Direction(l.dir.Load()) != DirectionOut
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
func (l *liveHandle) userPass(cfg *rxConfig, pkt []byte, wire int, vt vlanTag, sll *unix.RawSockaddrLinklayer) bool {
	md := &l.rd.meta
	md.VLANPresent = vt.valid()
	md.VLANTCI = vt.tci
	md.VLANTPID = vt.tpidOrDefault()
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
