package compile_test

// Values the random expressions draw from: addresses, ports, VLAN IDs,
// MPLS labels and header bytes found in the test captures, so that many
// random expressions match some packets.

import (
	"encoding/binary"
	"fmt"
	"net/netip"

	"github.com/purepcap/pcap/linktype"
)

// diffTraffic holds values seen in one capture, with repetition, in packet
// order (so drawing is deterministic and frequent values come up often).
type diffTraffic struct {
	macs     []string
	ip4      []netip.Addr
	ip6      []netip.Addr
	ports    []int
	vlans    []int
	labels   []int
	sessions []int
	protos   []int
	ifindex  []int
	// layers maps a protocol name usable in proto[...] to sample headers
	// (from the start of that layer to the end of the capture).
	layers map[string][][]byte
}

func (tr *diffTraffic) addLayer(name string, b []byte) {
	if len(b) > 0 {
		tr.layers[name] = append(tr.layers[name], b)
	}
}

func diffMACString(b []byte) string {
	return fmt.Sprintf("%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5])
}

// diffScanTraffic decodes each packet of c as far as it can.
func diffScanTraffic(c *diffCapture) *diffTraffic {
	tr := &diffTraffic{layers: map[string][][]byte{}}
	for _, p := range c.packets {
		tr.scan(c.lt, p.data)
	}
	return tr
}

func (tr *diffTraffic) scan(lt linktype.Type, b []byte) {
	tr.addLayer("link", b)
	be := binary.BigEndian
	switch lt {
	case linktype.Ethernet:
		if len(b) < 14 {
			return
		}
		tr.macs = append(tr.macs, diffMACString(b[0:]), diffMACString(b[6:]))
		tr.ethertype(be.Uint16(b[12:]), b[14:])
	case linktype.LinuxSLL:
		if len(b) < 16 {
			return
		}
		if be.Uint16(b[4:]) == 6 {
			tr.macs = append(tr.macs, diffMACString(b[6:]))
		}
		tr.ethertype(be.Uint16(b[14:]), b[16:])
	case linktype.LinuxSLL2:
		if len(b) < 20 {
			return
		}
		tr.ifindex = append(tr.ifindex, int(be.Uint32(b[4:])))
		tr.ethertype(be.Uint16(b[0:]), b[20:])
	case linktype.Raw, linktype.IPv4, linktype.IPv6:
		tr.ipAny(b)
	case linktype.Null, linktype.Loop:
		if len(b) >= 4 {
			tr.ipAny(b[4:])
		}
	case linktype.PPP:
		if len(b) >= 2 && b[0] == 0xff && b[1] == 0x03 {
			b = b[2:]
		}
		if len(b) >= 2 {
			tr.ppp(be.Uint16(b), b[2:])
		}
	case linktype.CHDLC:
		if len(b) >= 4 {
			tr.ethertype(be.Uint16(b[2:]), b[4:])
		}
	case linktype.IEEE80211:
		tr.wlan(b)
	case linktype.IEEE80211Radio:
		if len(b) >= 4 {
			n := int(binary.LittleEndian.Uint16(b[2:]))
			tr.addLayer("radio", b)
			if n <= len(b) {
				tr.wlan(b[n:])
			}
		}
	}
}

func (tr *diffTraffic) wlan(b []byte) {
	tr.addLayer("wlan", b)
	if len(b) < 10 {
		return
	}
	tr.macs = append(tr.macs, diffMACString(b[4:]))
	for _, off := range []int{10, 16} {
		if len(b) >= off+6 {
			tr.macs = append(tr.macs, diffMACString(b[off:]))
		}
	}
	if b[0]&0x0c != 0x08 { // not data
		return
	}
	n := 24
	if b[1]&3 == 3 {
		n = 30
	}
	if b[0]&0x80 != 0 {
		n += 2
	}
	if len(b) >= n+8 && b[n] == 0xaa && b[n+1] == 0xaa {
		tr.ethertype(binary.BigEndian.Uint16(b[n+6:]), b[n+8:])
	}
}

func (tr *diffTraffic) ppp(proto uint16, b []byte) {
	switch proto {
	case 0x0021, 0x0057:
		tr.ipAny(b)
	case 0x0281, 0x0283:
		tr.ethertype(0x8847, b)
	}
}

func (tr *diffTraffic) ethertype(t uint16, b []byte) {
	be := binary.BigEndian
	for depth := 0; depth < 8; depth++ {
		switch t {
		case 0x8100, 0x88a8, 0x9100:
			if len(b) < 4 {
				return
			}
			tr.vlans = append(tr.vlans, int(be.Uint16(b)&0xfff))
			t, b = be.Uint16(b[2:]), b[4:]
			continue
		case 0x8847, 0x8848:
			for len(b) >= 4 {
				v := be.Uint32(b)
				tr.labels = append(tr.labels, int(v>>12))
				b = b[4:]
				if v&0x100 != 0 {
					break
				}
			}
			tr.ipAny(b)
		case 0x8863, 0x8864:
			if len(b) >= 6 {
				tr.sessions = append(tr.sessions, int(be.Uint16(b[2:])))
			}
			if t == 0x8864 && len(b) >= 8 {
				tr.ppp(be.Uint16(b[6:]), b[8:])
			}
		case 0x0800, 0x86dd:
			tr.ipAny(b)
		case 0x0806, 0x8035:
			tr.addLayer("arp", b)
			if len(b) >= 28 {
				tr.macs = append(tr.macs, diffMACString(b[8:]))
				a, _ := netip.AddrFromSlice(b[14:18])
				tr.ip4 = append(tr.ip4, a)
			}
		}
		return
	}
}

func (tr *diffTraffic) ipAny(b []byte) {
	if len(b) == 0 {
		return
	}
	switch b[0] >> 4 {
	case 4:
		tr.ipv4(b)
	case 6:
		tr.ipv6(b)
	}
}

// addrPair returns the source and destination addresses of an IP header:
// size bytes each, from off.
func addrPair(b []byte, off, size int) []netip.Addr {
	src, _ := netip.AddrFromSlice(b[off : off+size])
	dst, _ := netip.AddrFromSlice(b[off+size : off+2*size])
	return []netip.Addr{src, dst}
}

func (tr *diffTraffic) ipv4(b []byte) {
	tr.addLayer("ip", b)
	if len(b) < 20 {
		return
	}
	tr.ip4 = append(tr.ip4, addrPair(b, 12, 4)...)
	tr.protos = append(tr.protos, int(b[9]))
	hl := int(b[0]&0xf) * 4
	if binary.BigEndian.Uint16(b[6:])&0x1fff != 0 || hl < 20 || hl > len(b) {
		return
	}
	tr.transport(int(b[9]), b[hl:])
}

func (tr *diffTraffic) ipv6(b []byte) {
	tr.addLayer("ip6", b)
	if len(b) < 40 {
		return
	}
	tr.ip6 = append(tr.ip6, addrPair(b, 8, 16)...)
	nh, rest := int(b[6]), b[40:]
	for i := 0; i < 6 && len(rest) >= 8; i++ {
		switch nh {
		case 0, 43, 60:
			nh, rest = int(rest[0]), rest[min(len(rest), 8*(int(rest[1])+1)):]
			continue
		case 44:
			nh, rest = int(rest[0]), rest[8:]
			continue
		case 51:
			nh, rest = int(rest[0]), rest[min(len(rest), 4*(int(rest[1])+2)):]
			continue
		}
		break
	}
	tr.protos = append(tr.protos, nh)
	if nh == 58 {
		tr.addLayer("icmp6", rest)
	}
	tr.transport(nh, rest)
}

func (tr *diffTraffic) transport(proto int, b []byte) {
	names := map[int]string{1: "icmp", 2: "igmp", 6: "tcp", 17: "udp", 132: "sctp", 103: "pim", 112: "vrrp", 9: "igrp"}
	if n, ok := names[proto]; ok {
		tr.addLayer(n, b)
	}
	if (proto == 6 || proto == 17 || proto == 132) && len(b) >= 4 {
		be := binary.BigEndian
		tr.ports = append(tr.ports, int(be.Uint16(b)), int(be.Uint16(b[2:])))
	}
}
