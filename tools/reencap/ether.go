package main

// Synthetic Ethernet traffic: every shape the filter language can look at.

const syntheticFrames = 700

func (g *gen) mac() mac { return pick(g, macPool) }

// unicastMAC returns a pool address without the group bit.
func (g *gen) unicastMAC() mac {
	for {
		m := g.mac()
		if m[0]&1 == 0 {
			return m
		}
	}
}

func (g *gen) v4() [4]byte  { return ip4(pick(g, ip4Pool)) }
func (g *gen) v6() [16]byte { return ip6(pick(g, ip6Pool)) }
func (g *gen) port() uint16 {
	if g.chance(0.15) {
		return uint16(g.intn(65536))
	}
	return pick(g, portPool)
}

var tcpFlagSets = []byte{0x02, 0x12, 0x10, 0x18, 0x11, 0x04, 0x14, 0x01, 0x29, 0xc2, 0x3f, 0x00, 0x40, 0x80}

// l4 returns a transport payload for IP protocol proto.
func (g *gen) l4(proto byte, v6 bool) []byte {
	switch proto {
	case 6:
		var payload []byte
		if g.chance(0.2) {
			payload = []byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
		} else {
			payload = g.bytes(g.intn(40))
		}
		opt := 0
		if g.chance(0.4) {
			opt = g.intn(11)
		}
		return tcpSeg(g.port(), g.port(), pick(g, tcpFlagSets), opt, payload)
	case 17:
		p := g.bytes(g.intn(48))
		if len(p) > 10 && g.chance(0.5) {
			p[10] &^= 0x80
		}
		if g.chance(0.1) {
			p = make([]byte, 12) // udp[8:2] = 0
		}
		return udpDgram(g.port(), g.port(), p)
	case 1:
		types := []byte{8, 0, 3, 11, 5, 9, 10, 13, 14, 17, 18, 4, 12, 15, 16}
		t := pick(g, types)
		code := byte(0)
		if t == 3 {
			code = byte(g.intn(16))
		}
		return cat([]byte{t, code, 0, 0}, g.bytes(4+g.intn(28)))
	case 58:
		types := []byte{128, 129, 135, 136, 133, 134, 1, 2, 3, 4, 143, 130, 131, 132, 137, 139, 140, 160}
		return cat([]byte{pick(g, types), byte(g.intn(3)), 0, 0}, g.bytes(4+g.intn(28)))
	case 2:
		return cat([]byte{pick(g, []byte{0x11, 0x16, 0x17, 0x22, 0x12})}, g.bytes(7))
	case 132:
		return sctpPkt(g.port(), g.port(), byte(g.intn(16)))
	case 112: // VRRP (version 2 or 3) or CARP
		return cat([]byte{pick(g, []byte{0x21, 0x31, 0x21}), byte(g.intn(255)), 100, 1}, g.bytes(12))
	case 103: // PIM
		return cat([]byte{pick(g, []byte{0x20, 0x23, 0x21, 0x24})}, g.bytes(11))
	case 47: // GRE carrying IPv4
		return cat([]byte{0, 0, 8, 0}, ipv4(g.v4(), g.v4(), 17, udpDgram(g.port(), g.port(), g.bytes(8)), ip4opts{}))
	case 4:
		return ipv4(g.v4(), g.v4(), 6, tcpSeg(g.port(), g.port(), 0x02, 0, nil), ip4opts{})
	case 41:
		return ipv6(g.v6(), g.v6(), 17, udpDgram(g.port(), g.port(), g.bytes(6)), 64)
	}
	return g.bytes(8 + g.intn(24))
}

var ip4Protos = []byte{6, 6, 6, 17, 17, 17, 1, 1, 2, 132, 112, 103, 47, 50, 51, 9, 88, 89, 4, 41, 0, 255, 58}
var ip6Protos = []byte{6, 6, 17, 17, 58, 58, 132, 103, 112, 50, 51, 47, 4, 41, 59, 1, 89}

func (g *gen) ipv4Packet() []byte {
	proto := pick(g, ip4Protos)
	o := ip4opts{tos: pick(g, []byte{0, 0, 0xb8, 0x10, 0x02}), ttl: pick(g, []byte{64, 1, 255, 32, 128, 63}), id: uint16(g.intn(65536))}
	if g.chance(0.15) {
		o.optWords = 1 + g.intn(10)
	}
	if g.chance(0.1) {
		o.mf = true
	}
	if g.chance(0.12) {
		o.fragOff = uint16(1 + g.intn(400))
	}
	o.df = g.chance(0.3)
	if g.chance(0.03) {
		o.badLen = g.intn(100)
	}
	src, dst := g.v4(), g.v4()
	return ipv4(src, dst, proto, g.l4(proto, false), o)
}

func (g *gen) ipv6Packet() []byte {
	proto := pick(g, ip6Protos)
	payload := g.l4(proto, true)
	nh := proto
	// Extension header chain, innermost first.
	if g.chance(0.35) {
		n := 1 + g.intn(3)
		for i := 0; i < n; i++ {
			switch g.intn(5) {
			case 0:
				payload = cat(ip6ext(nh, g.intn(3)), payload)
				nh = 60
			case 1:
				payload = cat(ip6ext(nh, 2*g.intn(2)), payload)
				nh = 43
			case 2:
				off := uint16(0)
				if g.chance(0.5) {
					off = uint16(1 + g.intn(100))
				}
				payload = cat(ip6frag(nh, off, g.chance(0.5), uint32(g.intn(1<<20))), payload)
				nh = 44
			case 3:
				payload = cat(ip6ah(nh), payload)
				nh = 51
			case 4:
				if i == n-1 {
					payload = cat(ip6ext(nh, g.intn(2)), payload)
					nh = 0 // hop-by-hop must be first
				}
			}
		}
	}
	return ipv6(g.v6(), g.v6(), nh, payload, pick(g, []byte{64, 255, 1}))
}

func (g *gen) arpPacket(rarp bool) []byte {
	op := uint16(1 + g.intn(2))
	if rarp {
		op += 2
	}
	s, t := g.unicastMAC(), g.mac()
	sip, tip := g.v4(), g.v4()
	return cat([]byte{0, 1, 8, 0, 6, 4}, be16(op), s[:], sip[:], t[:], tip[:])
}

func decnetAddr(area, node int) []byte {
	v := uint16(area<<10 | node)
	return []byte{byte(v), byte(v >> 8)}
}

func (g *gen) decnetPacket() []byte {
	dst := decnetAddr(1+g.intn(2), 1+g.intn(3))
	src := decnetAddr(1+g.intn(2), 1+g.intn(3))
	var body []byte
	if g.chance(0.5) {
		body = cat([]byte{0x02}, dst, src, []byte{0})
	} else {
		body = cat([]byte{0x26, 0, 0, 0xaa, 0, 4, 0}, dst, []byte{0, 0, 0xaa, 0, 4, 0}, src, []byte{0, 0, 0})
	}
	if g.chance(0.4) {
		body = cat([]byte{0x81}, body)
	}
	n := len(body)
	return cat([]byte{byte(n), byte(n >> 8)}, body, g.bytes(8))
}

var isisPDUs = []byte{15, 16, 17, 18, 20, 24, 25, 26, 27, 1, 31}

func (g *gen) isoPayload() []byte {
	switch g.intn(4) {
	case 0:
		return cat([]byte{0x81, 30, 1, 20, 0x1c}, g.bytes(25))
	case 1:
		return cat([]byte{0x82, 10, 1, 0, byte(2 + g.intn(3))}, g.bytes(15))
	default:
		return cat([]byte{0x83, 27, 1, 0, pick(g, isisPDUs), 1, 0, 0}, g.bytes(30))
	}
}

var llcControls = []byte{0x03, 0x03, 0x13, 0x63, 0x73, 0x43, 0x0f, 0x6f, 0xe3, 0xaf, 0x87, 0x01, 0x05, 0x09, 0x00, 0x02, 0x0e}

// llcPayload returns an 802.2 LLC frame body for an 802.3 length frame.
func (g *gen) llcPayload() []byte {
	switch g.intn(12) {
	case 0:
		return cat([]byte{0x42, 0x42, 0x03}, []byte{0, 0, 0, 0}, g.bytes(31)) // STP
	case 1:
		return cat([]byte{0xf0, 0xf0, 0x03}, g.bytes(20)) // NetBEUI
	case 2:
		return cat([]byte{0xe0, 0xe0, 0x03, 0xff, 0xff, 0, 30}, g.bytes(23)) // IPX over 802.2
	case 3:
		return cat([]byte{0xff, 0xff, 0, 30, 0, 4}, g.bytes(24)) // Novell raw 802.3
	case 4, 5:
		return cat([]byte{0xfe, 0xfe, 0x03}, g.isoPayload())
	case 6:
		return cat([]byte{0xaa, 0xaa, 0x03, 0x08, 0x00, 0x07, 0x80, 0x9b}, g.bytes(20)) // AppleTalk
	case 7:
		return cat([]byte{0xaa, 0xaa, 0x03, 0, 0, 0, 0x80, 0xf3}, g.bytes(28)) // AARP
	case 8:
		return cat([]byte{0xaa, 0xaa, 0x03, 0, 0, 0, 0x08, 0x00}, g.ipv4Packet()) // SNAP IPv4
	case 9:
		return cat([]byte{0xaa, 0xaa, 0x03, 0, 0, 0x0c, 0x20, 0x00}, g.bytes(20)) // CDP
	default:
		saps := []byte{0x42, 0xaa, 0xe0, 0xf0, 0xfe, 0x06, 0x04, 0x00, 0x80, 0x7e}
		c := pick(g, llcControls)
		b := []byte{pick(g, saps), pick(g, saps) | byte(g.intn(2)), c}
		if c&1 == 0 || c&3 == 1 {
			b = append(b, byte(g.intn(256)))
		}
		return cat(b, g.bytes(g.intn(30)))
	}
}

// network returns an ethertype and its payload.
func (g *gen) network() (uint16, []byte) {
	switch k := g.intn(100); {
	case k < 38:
		return 0x0800, g.ipv4Packet()
	case k < 62:
		return 0x86dd, g.ipv6Packet()
	case k < 67:
		return 0x0806, g.arpPacket(false)
	case k < 69:
		return 0x8035, g.arpPacket(true)
	case k < 73:
		return 0x6003, g.decnetPacket()
	case k < 82:
		p := g.llcPayload()
		return uint16(len(p)), p
	default:
		types := []uint16{0x88cc, 0x888e, 0x88f7, 0x8137, 0x6004, 0x6007, 0x6001, 0x6002, 0x809b, 0x80f3,
			0x8863, 0x88e5, 0x22f0, 0x0842, 0x9000, 0x0801, 0x0600, 0x05dc, 0x05ff, 0xffff}
		t := pick(g, types)
		if t == 0x8863 {
			return t, cat([]byte{0x11, pick(g, []byte{0x09, 0x07, 0x19, 0x65, 0xa7}), 0, 0}, be16(4), []byte{1, 1, 0, 0})
		}
		return t, g.bytes(20 + g.intn(30))
	}
}

var vlanIDs = []int{0, 1, 100, 200, 1213, 4094, 5, 2, 4095}
var mplsLabels = []uint32{16, 100, 1024, 0, 3, 1048575, 299, 2}
var pppoeSessions = []uint16{0x27, 1, 0x1234, 0xffff, 0}

// ipOnly returns an IPv4 or IPv6 packet and its ethertype.
func (g *gen) ipOnly() (uint16, []byte) {
	if g.chance(0.6) {
		return 0x0800, g.ipv4Packet()
	}
	return 0x86dd, g.ipv6Packet()
}

func (g *gen) mplsStack(inner []byte) []byte {
	n := 1 + g.intn(3)
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, mplsEntry(pick(g, mplsLabels), g.intn(8), i == n-1, byte(g.intn(256)))...)
	}
	return cat(b, inner)
}

func pppProto(etype uint16) uint16 {
	if etype == 0x86dd {
		return 0x0057
	}
	return 0x0021
}

func (g *gen) pppoeSession(etype uint16, payload []byte) []byte {
	proto := pppProto(etype)
	if g.chance(0.1) {
		proto = pick(g, []uint16{0xc021, 0x8021, 0x8057, 0x0281})
	}
	body := cat(be16(proto), payload)
	return cat([]byte{0x11, 0}, be16(pick(g, pppoeSessions)), be16(uint16(len(body))), body)
}

func (g *gen) geneve() []byte {
	opt := g.intn(4)
	proto := uint16(0x6558)
	if g.chance(0.2) {
		proto = 0x0800
	}
	vni := pick(g, []uint32{10, 0, 1, 5000, 0xffffff})
	h := cat([]byte{byte(opt), 0}, be16(proto), []byte{byte(vni >> 16), byte(vni >> 8), byte(vni), 0}, make([]byte, 4*opt))
	var inner []byte
	if proto == 0x0800 {
		inner = g.ipv4Packet()
	} else {
		t, p := g.ipOnly()
		if g.chance(0.2) {
			t, p = g.network()
		}
		inner = ethernet(g.unicastMAC(), g.unicastMAC(), t, p)
	}
	dport := uint16(6081)
	if g.chance(0.1) {
		dport = 6082
	}
	u := udpDgram(g.port(), dport, cat(h, inner))
	return ipv4(g.v4(), g.v4(), 17, u, ip4opts{})
}

func (g *gen) vxlan() []byte {
	inner := ethernet(g.unicastMAC(), g.unicastMAC(), 0x0800, g.ipv4Packet())
	u := udpDgram(g.port(), 4789, cat([]byte{8, 0, 0, 0, 0, 0, 10, 0}, inner))
	return ipv4(g.v4(), g.v4(), 17, u, ip4opts{})
}

// frame returns one synthetic Ethernet frame.
func (g *gen) frame() packet {
	dst, src := g.mac(), g.unicastMAC()
	if g.chance(0.1) {
		src = g.mac()
	}
	var data []byte
	switch k := g.intn(100); {
	case k < 50:
		t, p := g.network()
		data = ethernet(dst, src, t, p)
	case k < 60:
		t, p := g.network()
		tpid := uint16(0x8100)
		if g.chance(0.1) {
			tpid = pick(g, []uint16{0x88a8, 0x9100})
		}
		data = ethernet(dst, src, tpid, cat(vlanTag(g.intn(8), pick(g, vlanIDs), t), p))
	case k < 66:
		t, p := g.network()
		outer := pick(g, []uint16{0x88a8, 0x8100, 0x9100})
		tags := cat(vlanTag(0, pick(g, vlanIDs), 0x8100), vlanTag(0, pick(g, vlanIDs), t))
		if g.chance(0.2) {
			tags = cat(vlanTag(0, pick(g, vlanIDs), 0x8100), tags[:2], be16(0x8100), vlanTag(0, pick(g, vlanIDs), t))
		}
		data = ethernet(dst, src, outer, cat(tags, p))
	case k < 74:
		_, p := g.ipOnly()
		et := uint16(0x8847)
		if g.chance(0.15) {
			et = 0x8848
		}
		data = ethernet(dst, src, et, g.mplsStack(p))
	case k < 81:
		t, p := g.ipOnly()
		data = ethernet(dst, src, 0x8864, g.pppoeSession(t, p))
	case k < 84:
		_, p := g.ipOnly()
		data = ethernet(dst, src, 0x8100, cat(vlanTag(0, pick(g, vlanIDs), 0x8847), g.mplsStack(p)))
	case k < 87:
		t, p := g.ipOnly()
		data = ethernet(dst, src, 0x8100, cat(vlanTag(0, pick(g, vlanIDs), 0x8864), g.pppoeSession(t, p)))
	case k < 93:
		data = ethernet(dst, src, 0x0800, g.geneve())
	case k < 95:
		data = ethernet(dst, src, 0x0800, g.vxlan())
	case k < 96:
		// MPLS pseudowires: Ethernet (with or without a control word) or
		// something that is not IP after the bottom label.
		t, p := g.network()
		inner := ethernet(g.unicastMAC(), g.unicastMAC(), t, p)
		switch g.intn(3) {
		case 0:
			inner = cat([]byte{0, 0, 0, 0}, inner)
		case 1:
			inner = g.bytes(20 + g.intn(20))
		}
		data = ethernet(dst, src, 0x8847, cat(mplsEntry(pick(g, mplsLabels), 0, true, 64), inner))
	case k < 97:
		// Geneve carrying a VLAN-tagged frame.
		t, p := g.ipOnly()
		inner := ethernet(g.unicastMAC(), g.unicastMAC(), 0x8100, cat(vlanTag(0, pick(g, vlanIDs), t), p))
		u := udpDgram(g.port(), 6081, cat([]byte{0, 0, 0x65, 0x58, 0, 0, 10, 0}, inner))
		data = ethernet(dst, src, 0x0800, ipv4(g.v4(), g.v4(), 17, u, ip4opts{}))
	default:
		// MPLS over PPPoE and other rarities.
		_, p := g.ipOnly()
		body := cat(be16(0x0281), g.mplsStack(p))
		data = ethernet(dst, src, 0x8864, cat([]byte{0x11, 0}, be16(0x27), be16(uint16(len(body))), body))
	}
	p := packet{data: data, wire: len(data)}
	if len(data) < 60 && g.chance(0.5) {
		// Ethernet padding to the minimum frame size.
		p.data = append(p.data, make([]byte, 60-len(data))...)
		p.wire = len(p.data)
	}
	if g.chance(0.08) {
		// Truncated by the snapshot length.
		p.data = p.data[:1+g.intn(len(p.data)-1)]
	}
	return p
}

// specials are hand-made frames the corpus names explicitly.
func (g *gen) specials() []packet {
	m1, m2 := mustMAC("00:1f:29:da:2d:79"), mustMAC("00:e0:f9:cc:18:00")
	bc := mustMAC("ff:ff:ff:ff:ff:ff")
	a, b := ip4("10.0.0.1"), ip4("10.0.0.20")
	var out [][]byte
	add := func(f []byte) { out = append(out, f) }
	add(ethernet(m1, m2, 0x0800, ipv4(a, b, 6, tcpSeg(40000, 80, 0x18, 3, []byte("GET /index.html HTTP/1.0\r\n")), ip4opts{})))
	add(ethernet(m2, m1, 0x0800, ipv4(b, a, 1, []byte{3, 4, 0, 0, 0, 0, 5, 0xdc}, ip4opts{})))
	add(ethernet(m2, m1, 0x0800, ipv4(b, a, 1, []byte{8, 0, 0, 0, 0, 1, 0, 1}, ip4opts{})))
	add(ethernet(m2, m1, 0x0800, ipv4(a, ip4("10.255.255.255"), 17, udpDgram(137, 137, g.bytes(20)), ip4opts{})))
	add(ethernet(bc, m1, 0x0800, ipv4(a, ip4("255.255.255.255"), 17, udpDgram(68, 67, g.bytes(40)), ip4opts{})))
	add(ethernet(m2, m1, 0x0800, ipv4(a, ip4("224.0.0.1"), 2, []byte{0x11, 0x64, 0, 0, 0, 0, 0, 0}, ip4opts{ttl: 1})))
	add(ethernet(m2, m1, 0x86dd, ipv6(ip6("fe80::1"), ip6("ff02::1:ff00:1"), 58, []byte{135, 0, 0, 0, 0, 0, 0, 0}, 255)))
	add(ethernet(m2, m1, 0x86dd, ipv6(ip6("::1"), ip6("fe80::e091:f5ff:fecc:7abd"), 58, []byte{128, 0, 0, 0, 0, 1, 0, 1}, 64)))
	add(ethernet(m2, m1, 0x86dd, ipv6(ip6("fe80::1"), ip6("ff02::1"), 0, cat(ip6ext(58, 0), []byte{143, 0, 0, 0, 0, 0, 0, 0}), 1)))
	add(ethernet(m1, m2, 0x8100, cat(vlanTag(0, 1213, 0x0800), ipv4(a, b, 17, udpDgram(53, 53, g.bytes(12)), ip4opts{}))))
	add(ethernet(m1, m2, 0x8100, cat(vlanTag(0, 100, 0x8100), vlanTag(0, 200, 0x0800), ipv4(a, b, 6, tcpSeg(22, 1024, 0x10, 0, nil), ip4opts{}))))
	add(ethernet(m1, m2, 0x8100, cat(vlanTag(0, 1, 0x0800), ipv4(a, b, 17, udpDgram(1985, 1985, g.bytes(20)), ip4opts{}))))
	add(ethernet(m1, m2, 0x8847, cat(mplsEntry(1024, 0, false, 64), mplsEntry(16, 0, true, 64), ipv4(a, b, 6, tcpSeg(179, 30000, 0x18, 0, nil), ip4opts{}))))
	add(ethernet(m1, m2, 0x8847, cat(mplsEntry(100, 0, true, 64), ipv4(a, b, 17, udpDgram(7000, 7010, nil), ip4opts{}))))
	add(ethernet(m1, m2, 0x8864, cat([]byte{0x11, 0}, be16(0x27), be16(40), be16(0x0021), ipv4(a, b, 6, tcpSeg(22, 6633, 2, 0, nil), ip4opts{}))))
	add(ethernet(bc, m2, 0x8863, []byte{0x11, 0x09, 0, 0, 0, 4, 1, 1, 0, 0}))
	add(ethernet(m1, m2, 0x0800, ipv4(a, b, 17, udpDgram(1234, 6081, cat([]byte{0, 0, 0x65, 0x58, 0, 0, 10, 0}, ethernet(m2, m1, 0x0800, ipv4(b, a, 6, tcpSeg(80, 40000, 0x12, 0, nil), ip4opts{})))), ip4opts{})))
	add(ethernet(mustMAC("01:80:c2:00:00:00"), m2, 38, cat([]byte{0x42, 0x42, 0x03, 0, 0, 0, 0}, g.bytes(31))))
	add(ethernet(mustMAC("09:00:2b:00:00:0f"), m2, 0x6003, cat([]byte{8, 0, 0x81, 0x02}, decnetAddr(1, 2), decnetAddr(1, 3), []byte{0, 0, 0})))
	add(ethernet(mustMAC("09:00:2b:00:00:0f"), m2, 0x6003, cat([]byte{7, 0, 0x02}, decnetAddr(1, 3), decnetAddr(1, 2), []byte{0, 0, 0})))
	add(ethernet(m1, m2, 0x0806, g.arpPacket(false)))
	add(ethernet(m1, m2, 0x86dd, ipv6(ip6("2001:db8::1"), ip6("10::5"), 44, cat(ip6frag(6, 0, true, 7), tcpSeg(22, 1023, 2, 0, nil)), 64)))
	add(ethernet(m1, m2, 0x86dd, ipv6(ip6("2001:db8::1"), ip6("10::5"), 44, cat(ip6frag(6, 10, false, 7), g.bytes(20)), 64)))
	add(ethernet(m1, m2, 0x0800, ipv4(a, b, 6, g.bytes(20), ip4opts{fragOff: 100})))
	add(ethernet(m1, m2, 0x0800, ipv4(a, b, 17, udpDgram(53, 5353, g.bytes(20)), ip4opts{mf: true})))
	c20 := ip4("10.0.0.20")
	add(ethernet(m1, m2, 0x0800, ipv4(c20, c20, 17, udpDgram(5353, 5353, g.bytes(10)), ip4opts{})))
	add(ethernet(m1, m2, 0x0800, ipv4(a, b, 6, tcpSeg(22, 40000, 0x18, 0, g.bytes(12)), ip4opts{})))
	add(ethernet(m2, m1, 0x0800, ipv4(b, a, 6, tcpSeg(40000, 22, 0x10, 0, nil), ip4opts{})))
	add(ethernet(m1, m2, 0x0800, ipv4(a, b, 132, sctpPkt(9899, 9899, 1), ip4opts{})))
	add(ethernet(m1, m2, 0x0800, ipv4(a, b, 132, sctpPkt(30000, 9899, 3), ip4opts{})))
	add(ethernet(m1, m2, 0x86dd, ipv6(ip6("2001:db8::1"), ip6("2001:db8::2"), 6, tcpSeg(22, 40000, 0x12, 0, nil), 64)))
	add(ethernet(m2, m1, 0x86dd, ipv6(ip6("2001:db8::2"), ip6("2001:db8::1"), 6, tcpSeg(40000, 22, 0x02, 0, nil), 64)))
	add(ethernet(m1, m2, 0x0800, ipv4(a, ip4("224.0.0.2"), 17, udpDgram(1985, 1985, g.bytes(20)), ip4opts{ttl: 1})))
	for _, ctl := range []byte{0x01, 0x05, 0x09, 0x00, 0x03, 0x63, 0xaf, 0xe3} {
		p := []byte{0x04, 0x04, ctl}
		if ctl&3 != 3 {
			p = append(p, 0x10)
		}
		add(ethernet(m1, m2, uint16(len(p)+10), cat(p, g.bytes(10))))
	}
	// Long but well-formed IPv6 extension header chains: protochain walks
	// them with one backward jump per header. libpcap 1.10 allows any number,
	// later versions (and our VM) stop after 64 per packet, counted over all
	// the protochain primitives of an expression; chains of at most 16 keep
	// expressions with up to four of them clear of that difference.
	for _, n := range []int{9, 10, 11, 12, 13, 15, 16} {
		l4, nh := tcpSeg(40000, 22, 0x02, 0, nil), byte(6)
		if n%2 == 1 {
			l4, nh = udpDgram(5353, 53, g.bytes(8)), 17
		}
		for i := 0; i < n; i++ {
			kind := []byte{60, 60, 43, 44}[i%4]
			switch kind {
			case 44:
				l4 = cat(ip6frag(nh, 0, false, uint32(i)), l4)
			default:
				l4 = cat(ip6ext(nh, 0), l4)
			}
			nh = kind
		}
		add(ethernet(m1, m2, 0x86dd, ipv6(ip6("2001:db8::1"), ip6("2001:db8::2"), nh, l4, 64)))
	}
	var ps []packet
	for _, f := range out {
		ps = append(ps, packet{f, len(f)})
	}
	// Runts and header-only frames.
	for n := 0; n <= 16; n++ {
		ps = append(ps, packet{g.bytes(n), n})
	}
	for _, n := range []int{14, 16, 18, 22, 23, 33, 34, 36, 38, 54} {
		f := out[0]
		ps = append(ps, packet{append([]byte(nil), f[:n]...), len(f)})
	}
	return ps
}

func (g *gen) ethernetTraffic() []packet {
	ps := g.specials()
	for i := 0; i < syntheticFrames; i++ {
		ps = append(ps, g.frame())
	}
	return ps
}
