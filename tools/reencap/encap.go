package main

import (
	"encoding/binary"

	"github.com/purepcap/pcap/linktype"
)

// ethFrame is an Ethernet frame split into its header fields; payload is
// what was captured after the type/length field and wire the length of
// that part on the wire.
type ethFrame struct {
	dst, src mac
	typ      uint16
	payload  []byte
	wire     int
}

func parseEthernet(p packet) (ethFrame, bool) {
	if len(p.data) < 14 {
		return ethFrame{}, false
	}
	var f ethFrame
	copy(f.dst[:], p.data[0:6])
	copy(f.src[:], p.data[6:12])
	f.typ = binary.BigEndian.Uint16(p.data[12:])
	f.payload = p.data[14:]
	f.wire = p.wire - 14
	return f, true
}

func isVLAN(t uint16) bool { return t == 0x8100 || t == 0x88a8 || t == 0x9100 }

// network strips VLAN tags and returns the innermost ethertype, its payload
// and the payload's wire length.
func (f ethFrame) network() (uint16, []byte, int) {
	t, b, w := f.typ, f.payload, f.wire
	for isVLAN(t) && len(b) >= 4 {
		t = binary.BigEndian.Uint16(b[2:])
		b, w = b[4:], w-4
	}
	return t, b, w
}

// ipInside strips MPLS labels and PPPoE session headers too, returning an
// IP packet if there is one.
func (f ethFrame) ipInside() (uint16, []byte, int, bool) {
	t, b, w := f.network()
	switch t {
	case 0x0800, 0x86dd:
		return t, b, w, true
	case 0x8847, 0x8848:
		for len(b) >= 4 {
			bottom := b[2]&1 != 0
			b, w = b[4:], w-4
			if bottom {
				break
			}
		}
	case 0x8864:
		if len(b) < 8 {
			return 0, nil, 0, false
		}
		switch binary.BigEndian.Uint16(b[6:]) {
		case 0x0021:
			t = 0x0800
		case 0x0057:
			t = 0x86dd
		default:
			return 0, nil, 0, false
		}
		return t, b[8:], w - 8, true
	default:
		return 0, nil, 0, false
	}
	if len(b) == 0 {
		return 0, nil, 0, false
	}
	switch b[0] >> 4 {
	case 4:
		return 0x0800, b, w, true
	case 6:
		return 0x86dd, b, w, true
	}
	return 0, nil, 0, false
}

func mk(hdr, body []byte, wire int) packet {
	return packet{cat(hdr, body), len(hdr) + wire}
}

// sllPacketType picks the Linux packet type a capture would show.
func (g *gen) sllPacketType(dst mac) uint16 {
	switch {
	case dst == mac{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}:
		return 1
	case dst[0]&1 != 0:
		return 2
	}
	return pick(g, []uint16{0, 0, 0, 3, 4, 4})
}

// sllProtocol is the protocol field Linux stores for an Ethernet frame.
func sllProtocol(f ethFrame) uint16 {
	if f.typ > 1500 {
		return f.typ
	}
	if len(f.payload) >= 2 && f.payload[0] == 0xff && f.payload[1] == 0xff {
		return 0x0001 // Novell 802.3
	}
	return 0x0004 // 802.2
}

func (g *gen) hatype() uint16 {
	if g.chance(0.85) {
		return 1
	}
	return pick(g, []uint16{772, 776, 778, 512, 65534, 801, 803})
}

func (g *gen) ifindex() uint32 { return pick(g, []uint32{1, 2, 2, 3, 7, 0x100}) }

func nullFamily(t uint16, g *gen) (uint32, bool) {
	switch t {
	case 0x0800:
		return 2, true
	case 0x86dd:
		return pick(g, []uint32{24, 28, 30, 10}), true
	}
	return 0, false
}

func pppProtoFor(t uint16) (uint16, bool) {
	switch t {
	case 0x0800:
		return 0x0021, true
	case 0x86dd:
		return 0x0057, true
	case 0x8847:
		return 0x0281, true
	case 0x8848:
		return 0x0283, true
	case 0x8137:
		return 0x002b, true
	case 0x809b:
		return 0x0029, true
	case 0x6003:
		return 0x0027, true
	}
	return 0, false
}

// encap returns the copies of f in link type lt (none if f has no
// counterpart there).
func (g *gen) encap(lt linktype.Type, f ethFrame) []packet {
	switch lt {
	case linktype.LinuxSLL:
		h := cat(be16(g.sllPacketType(f.dst)), be16(g.hatype()), be16(6), f.src[:], []byte{0, 0}, be16(sllProtocol(f)))
		if g.chance(0.05) {
			h = cat(be16(g.sllPacketType(f.dst)), be16(g.hatype()), be16(uint16(g.intn(9))), g.bytes(8), be16(sllProtocol(f)))
		}
		return []packet{mk(h, f.payload, f.wire)}
	case linktype.LinuxSLL2:
		h := cat(be16(sllProtocol(f)), []byte{0, 0}, be32(g.ifindex()), be16(g.hatype()),
			[]byte{byte(g.sllPacketType(f.dst)), 6}, f.src[:], []byte{0, 0})
		return []packet{mk(h, f.payload, f.wire)}
	case linktype.Raw, linktype.IPv4, linktype.IPv6:
		t, b, w, ok := f.ipInside()
		if !ok || (lt == linktype.IPv4 && t != 0x0800) || (lt == linktype.IPv6 && t != 0x86dd) {
			return nil
		}
		return []packet{mk(nil, b, w)}
	case linktype.Null, linktype.Loop:
		t, b, w, ok := f.ipInside()
		if !ok {
			return nil
		}
		fam, _ := nullFamily(t, g)
		var h []byte
		if lt == linktype.Loop || g.chance(0.1) {
			h = be32(fam)
		} else {
			h = binary.LittleEndian.AppendUint32(nil, fam)
		}
		return []packet{mk(h, b, w)}
	case linktype.PPP:
		t, b, w := f.network()
		var proto uint16
		if t == 0x8864 && len(b) >= 8 {
			proto, b, w = binary.BigEndian.Uint16(b[6:]), b[8:], w-8
		} else if t <= 1500 && len(b) >= 3 && b[0] == 0xfe {
			proto, b, w = 0x0023, b[3:], w-3
		} else {
			var ok bool
			if proto, ok = pppProtoFor(t); !ok {
				return nil
			}
		}
		h := cat([]byte{0xff, 0x03}, be16(proto))
		if g.chance(0.08) {
			h = be16(proto)
		}
		return []packet{mk(h, b, w)}
	case linktype.CHDLC:
		t, b, w := f.network()
		if t <= 1500 {
			if len(b) >= 3 && b[0] == 0xfe {
				t, b, w = 0xfefe, b[3:], w-3
			} else {
				return nil
			}
		}
		addr := byte(0x0f)
		if f.dst[0]&1 != 0 {
			addr = 0x8f
		}
		return []packet{mk([]byte{addr, 0, byte(t >> 8), byte(t)}, b, w)}
	case linktype.IEEE80211, linktype.IEEE80211Radio:
		body, w := f.payload, f.wire
		if f.typ > 1500 {
			snap := []byte{0xaa, 0xaa, 0x03, 0, 0, 0, byte(f.typ >> 8), byte(f.typ)}
			if f.typ == 0x809b {
				snap[3], snap[4], snap[5] = 0x08, 0x00, 0x07
			}
			body, w = cat(snap, body), w+8
		}
		return []packet{g.wlanWrap(lt, g.wlanData(f.dst, f.src), body, w)}
	}
	return nil
}

// extra returns link-type specific frames that have no Ethernet original:
// runts, other protocols, odd header values.
func (g *gen) extra(lt linktype.Type) []packet {
	var ps []packet
	hdrLen := map[linktype.Type]int{
		linktype.LinuxSLL: 16, linktype.LinuxSLL2: 20, linktype.Raw: 20, linktype.IPv4: 20, linktype.IPv6: 40,
		linktype.Null: 4, linktype.Loop: 4, linktype.PPP: 4, linktype.CHDLC: 4,
		linktype.IEEE80211: 24, linktype.IEEE80211Radio: 32,
	}[lt]
	for n := 0; n <= hdrLen+4; n++ {
		ps = append(ps, packet{g.bytes(n), n + g.intn(2)*40})
	}
	switch lt {
	case linktype.LinuxSLL, linktype.LinuxSLL2:
		ps = append(ps, g.sllExtras(lt)...)
	case linktype.Raw, linktype.IPv4, linktype.IPv6:
		ps = append(ps, g.rawExtras(lt)...)
	case linktype.Null, linktype.Loop:
		ps = append(ps, g.nullExtras(lt)...)
	case linktype.PPP:
		ps = append(ps, g.pppExtras()...)
	case linktype.CHDLC:
		ps = append(ps, g.chdlcExtras()...)
	case linktype.IEEE80211, linktype.IEEE80211Radio:
		ps = append(ps, g.wlanExtras(lt)...)
	}
	return ps
}

// sllExtras returns Linux cooked frames with random packet types,
// hardware types and protocols.
func (g *gen) sllExtras(lt linktype.Type) []packet {
	var ps []packet
	for i := 0; i < 40; i++ {
		t, p := g.network()
		f := ethFrame{dst: g.mac(), src: g.unicastMAC(), typ: t, payload: p, wire: len(p)}
		if g.chance(0.3) {
			f.typ = pick(g, []uint16{0x0003, 0x000c, 0x0005, 0x0010, 0x00f5, 0x0019})
		}
		if lt == linktype.LinuxSLL {
			h := cat(be16(uint16(g.intn(8))), be16(g.hatype()), be16(uint16(g.intn(9))), g.bytes(8), be16(f.typ))
			ps = append(ps, mk(h, p, len(p)))
		} else {
			h := cat(be16(f.typ), []byte{0, 0}, be32(g.ifindex()), be16(g.hatype()),
				[]byte{byte(g.intn(8)), byte(g.intn(9))}, g.bytes(8))
			ps = append(ps, mk(h, p, len(p)))
		}
	}
	return ps
}

// rawExtras returns raw IP packets of every version number (and, for
// IPv6, more IPv6 traffic).
func (g *gen) rawExtras(lt linktype.Type) []packet {
	var ps []packet
	for i := 0; i < 20; i++ {
		p := g.bytes(20 + g.intn(40))
		p[0] = byte(g.intn(16))<<4 | p[0]&0x0f
		ps = append(ps, packet{p, len(p)})
	}
	if lt == linktype.IPv6 {
		// The Ethernet traffic has fewer IPv6 packets than IPv4 ones.
		for i := 0; i < 250; i++ {
			p := g.ipv6Packet()
			ps = append(ps, packet{p, len(p)})
		}
	}
	return ps
}

// nullExtras returns loopback frames of many address families in both
// byte orders.
func (g *gen) nullExtras(lt linktype.Type) []packet {
	var ps []packet
	for i := 0; i < 40; i++ {
		fam := pick(g, []uint32{2, 24, 28, 30, 10, 7, 23, 16, 0, 17, 26})
		var h []byte
		if lt == linktype.Loop || g.chance(0.3) {
			h = be32(fam)
		} else {
			h = binary.LittleEndian.AppendUint32(nil, fam)
		}
		var p []byte
		switch fam {
		case 2:
			p = g.ipv4Packet()
		case 24, 28, 30, 10:
			p = g.ipv6Packet()
		case 7:
			p = g.isoPayload()
		default:
			p = g.bytes(30)
		}
		ps = append(ps, mk(h, p, len(p)))
	}
	return ps
}

// pppExtras returns PPP frames of control and network protocols, with and
// without address and control.
func (g *gen) pppExtras() []packet {
	var ps []packet
	for i := 0; i < 40; i++ {
		proto := pick(g, []uint16{0xc021, 0x8021, 0x8057, 0xc223, 0xc023, 0x80fd, 0x003d, 0x002d, 0x002f, 0x0031, 0x0021, 0x0057, 0x0023})
		p := g.payloadFor(proto, 0x0021, 0x0057, 0x0023, 20)
		h := cat([]byte{0xff, 0x03}, be16(proto))
		if g.chance(0.3) {
			h = be16(proto)
		}
		ps = append(ps, mk(h, p, len(p)))
	}
	return ps
}

// payloadFor returns a payload for protocol number proto: an IPv4 packet
// for ip4, an IPv6 packet for ip6, an OSI payload for iso, else n random
// bytes.
func (g *gen) payloadFor(proto, ip4, ip6, iso uint16, n int) []byte {
	switch proto {
	case ip4:
		return g.ipv4Packet()
	case ip6:
		return g.ipv6Packet()
	case iso:
		return g.isoPayload()
	}
	return g.bytes(n)
}

// chdlcExtras returns Cisco HDLC frames of several protocols.
func (g *gen) chdlcExtras() []packet {
	var ps []packet
	for i := 0; i < 30; i++ {
		t := pick(g, []uint16{0x8035, 0x2000, 0x0800, 0x86dd, 0xfefe, 0x6558, 0x0806})
		p := g.payloadFor(t, 0x0800, 0x86dd, 0xfefe, 24)
		ps = append(ps, mk([]byte{pick(g, []byte{0x0f, 0x8f}), 0, byte(t >> 8), byte(t)}, p, len(p)))
	}
	return ps
}
