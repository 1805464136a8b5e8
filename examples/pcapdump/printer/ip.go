package printer

// IPv4.

const (
	protoICMP   = 1
	protoTCP    = 6
	protoUDP    = 17
	protoDCCP   = 33
	protoIPv6   = 41
	protoICMPv6 = 58
	protoSCTP   = 132
)

// ipprotoNames is tcpdump's ipproto_values.
var ipprotoNames = []tok{
	{0, "Options"}, {1, "ICMP"}, {2, "IGMP"}, {4, "IPIP"}, {6, "TCP"}, {8, "EGP"},
	{9, "IGRP"}, {17, "UDP"}, {33, "DCCP"}, {41, "IPv6"}, {43, "Routing"},
	{44, "Fragment"}, {46, "RSVP"}, {47, "GRE"}, {50, "ESP"}, {51, "AH"},
	{55, "Mobile IP"}, {58, "ICMPv6"}, {62, "Mobile IP (old)"}, {88, "EIGRP"},
	{89, "OSPF"}, {103, "PIM"}, {108, "Compressed IP"}, {112, "VRRP"}, {113, "PGM"},
	{132, "SCTP"}, {135, "Mobility"}, {143, "Ethernet"},
}

func protoName(v int) string {
	if n, ok := lookup(ipprotoNames, v); ok {
		return n
	}
	return "unknown"
}

var ipFragFlags = []tok{{0x2000, "+"}, {0x4000, "DF"}, {0x8000, "rsvd"}}

var ipOptionNames = []tok{
	{0, "EOL"}, {1, "NOP"}, {68, "timestamp"}, {130, "security"}, {7, "RR"},
	{137, "SSRR"}, {131, "LSRR"}, {148, "RA"}, {82, "traceroute"},
}

// ip prints the IPv4 packet at off, length bytes long on the wire.
func (p *Printer) ip(off, length int) {
	p.proto = "ip"
	if v := p.u8(off) >> 4; v != 4 {
		if v == 6 {
			p.s("IP6, wrong link-layer encapsulation")
		} else {
			p.s("IP")
			p.ui(v)
		}
		p.s(" (invalid)")
		return
	}
	if !p.opt.Link {
		p.s("IP ")
	}
	if !p.minHeader(off, length, 20, "truncated-ip ") {
		return
	}
	hlen := (p.u8(off) & 0xf) * 4
	if hlen < 20 {
		p.s("bad-hlen ")
		p.ui(hlen)
		return
	}
	ipLen := p.be16(off + 2)
	if length < ipLen {
		p.s("truncated-ip - ")
		p.ui(ipLen - length)
		p.s(" bytes missing! ")
	}
	if ipLen < hlen {
		p.s("bad-len ")
		p.ui(ipLen)
		return
	}
	saved := p.limit(off, ipLen)
	defer func() { p.end = saved }()
	length = ipLen - hlen
	frag := p.be16(off + 6)
	proto := p.u8(off + 9)
	if p.opt.Verbose > 0 {
		if p.ipVerbose(off, hlen, frag, proto) {
			return
		}
	}
	if frag&0x1fff == 0 {
		if proto != protoTCP && proto != protoUDP && proto != protoSCTP && proto != protoDCCP {
			p.ipAddrs(off)
		}
		if !p.has(off, hlen) {
			p.headerCut(off, hlen)
		}
		p.ipDemux(off+hlen, length, 4, frag&0x2000 != 0, proto, off)
		return
	}
	if p.opt.Quiet > 1 {
		return
	}
	p.addr4(off + 12)
	p.s(" > ")
	p.addr4(off + 16)
	p.s(": ip-proto-")
	p.ui(proto)
}

// ipAddrs prints "src > dst: ".
func (p *Printer) ipAddrs(off int) {
	p.addr4(off + 12)
	p.s(" > ")
	p.addr4(off + 16)
	p.s(": ")
}

// ipVerbose prints the -v parenthesis of an IPv4 header and the line
// break after it; true if truncated options ended the packet.
func (p *Printer) ipVerbose(off, hlen, frag, proto int) bool {
	tos := p.u8(off + 1)
	p.s("(tos 0x")
	p.x(uint64(tos), 0)
	switch tos & 3 {
	case 1:
		p.s(",ECT(1)")
	case 2:
		p.s(",ECT(0)")
	case 3:
		p.s(",CE")
	}
	if ttl := p.u8(off + 8); ttl >= 1 {
		p.s(", ttl ")
		p.ui(ttl)
	}
	p.s(", id ")
	p.ui(p.be16(off + 4))
	p.s(", offset ")
	p.ui((frag & 0x1fff) * 8)
	p.s(", flags [")
	p.bits(ipFragFlags, frag, ", ")
	p.s("], proto ")
	p.s(protoName(proto))
	p.s(" (")
	p.ui(proto)
	p.s("), length ")
	p.ui(p.be16(off + 2))
	truncOpt := false
	if hlen > 20 {
		p.s(", options (")
		if !p.ipOptions(off+20, hlen-20) {
			p.s(" [truncated-option]")
			truncOpt = true
		}
		p.b(')')
	}
	if !p.opt.NoChecksum && p.has(off, hlen) {
		if sum := fold(sum16(0, p.data[off:off+hlen])); sum != 0 {
			p.badSum(", bad cksum ", uint16(p.be16(off+10)), sum, ")!")
		}
	}
	p.s(")\n    ")
	if truncOpt {
		p.ipAddrs(off)
		p.trunc()
		return true
	}
	return false
}

// ipOptions prints IPv4 options; false if they are truncated.
func (p *Printer) ipOptions(off, length int) bool {
	sep := ""
	for length > 0 {
		p.s(sep)
		sep = ","
		code := p.u8(off)
		if name, ok := lookup(ipOptionNames, code); ok {
			p.s(name)
		} else {
			p.s("unknown ")
			p.ui(code)
		}
		optLen := 1
		if code != 0 && code != 1 {
			optLen = p.u8(off + 1)
			if optLen < 2 {
				p.badLength(" ", optLen)
				return true
			}
		}
		if optLen > length {
			p.badLength(" ", optLen)
			return true
		}
		if !p.has(off, optLen) {
			return false
		}
		switch code {
		case 0:
			return true
		case 68:
			if !p.ipTimestamps(off, optLen) {
				return false
			}
		case 7, 137, 131:
			if !p.ipRoute(off, optLen) {
				return false
			}
		case 148:
			if optLen < 4 {
				p.badLength(" ", optLen)
				break
			}
			if v := p.be16(off + 2); v != 0 {
				p.s(" value ")
				p.ui(v)
			}
		}
		off += optLen
		length -= optLen
	}
	return true
}

func (p *Printer) ipRoute(off, length int) bool {
	if length < 3 {
		p.badLength(" ", length)
		return true
	}
	if (length+1)&3 != 0 {
		p.badLength(" ", length)
	}
	ptr := uint32(p.u8(off+2)) - 1
	if ptr < 3 || (ptr+1)&3 != 0 || ptr > uint32(length)+1 {
		p.s(" [bad ptr ")
		p.ui(p.u8(off + 2))
		p.b(']')
	}
	for l := 3; l < length; l += 4 {
		if !p.has(off+l, 4) {
			return false
		}
		p.b(' ')
		p.addr4(off + l)
		if ptr > uint32(l) {
			p.b(',')
		}
	}
	return true
}

func (p *Printer) ipTimestamps(off, length int) bool {
	if length < 4 {
		p.badLength("", length)
		return true
	}
	p.s(" TS{")
	flags := p.u8(off + 3)
	hop := 8
	if flags&0xf == 0 {
		hop = 4
	}
	if (length-4)&(hop-1) != 0 {
		p.badLength("", length)
	}
	ptr := uint32(p.u8(off+2)) - 1
	l := uint32(0)
	if ptr < 4 || (ptr-4)&uint32(hop-1) != 0 || ptr > uint32(length)+1 {
		p.s("[bad ptr ")
		p.ui(p.u8(off + 2))
		p.b(']')
	}
	bad := false
	switch flags & 0xf {
	case 0:
		p.s("TSONLY")
	case 1:
		p.s("TS+ADDR")
	case 3:
		p.s("PRESPEC")
	default:
		p.s("[bad ts type ")
		p.ui(flags & 0xf)
		p.b(']')
		bad = true
	}
	if !bad {
		typ := " "
		for l = 4; l < uint32(length); l += uint32(hop) {
			if ptr == l {
				typ = " ^ "
			}
			if !p.has(off+int(l), hop) {
				return false
			}
			p.s(typ)
			p.u(uint64(p.be32(off + int(l) + hop - 4)))
			p.b('@')
			if hop == 8 {
				p.addr4(off + int(l))
			}
			typ = " "
		}
	}
	if ptr == l {
		p.s(" ^ ")
	}
	if flags>>4 != 0 {
		p.s(" [")
		p.ui(flags >> 4)
		p.s(" hops not recorded]} ")
	} else {
		p.b('}')
	}
	return true
}

// ipDemux prints the payload of an IPv4 or IPv6 packet by its protocol.
// iph is the offset of the IP header.
func (p *Printer) ipDemux(off, length, ver int, fragmented bool, proto, iph int) {
	for proto == 51 { // AH: print it, then what it protects
		if !p.has(off, 1) {
			p.proto = "ah"
			p.trunc()
			return
		}
		proto = p.u8(off)
		n := p.ah(off)
		off += n
		length -= n
	}
	switch proto {
	case 50:
		p.esp(off, length)
	case protoTCP:
		p.tcp(off, length, iph, fragmented)
	case protoUDP:
		p.udp(off, length, iph, fragmented)
	case protoICMP:
		if ver == 4 {
			p.icmp(off, length, iph, fragmented)
		} else {
			p.s("[ICMP requires IPv4] (invalid)")
		}
	case protoICMPv6:
		if ver == 6 {
			p.icmp6(off, length, iph, fragmented)
		} else {
			p.s("[ICMPv6 requires IPv6] (invalid)")
		}
	case 4:
		p.ip(off, length)
	case 47:
		p.gre(off, length)
	case protoIPv6:
		p.ip6(off, length)
	case 59:
		p.s("no next header")
	case 143:
		if ver == 6 {
			p.proto = "ether"
			p.ether(off, length, p.end-off)
		} else {
			p.s("[Ethernet requires IPv6] (invalid)")
		}
	default:
		p.s(" ip-proto-")
		p.ui(proto)
		p.b(' ')
		p.ui(length)
	}
}
