package compile

import (
	"encoding/binary"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// hostOp tests an IPv4 address (with mask) at the source and/or
// destination offsets of a protocol's header.
func (g *gen) hostOp(addr, mask uint32, dir dirQual, proto uint32, srcOff, dstOff uint32) cond {
	at := func(off uint32) func() cond {
		return func() cond {
			b0 := g.linkTest(proto)
			return g.and(b0, g.mcmp(orLinkPL, off, bpf.SizeW, addr, mask))
		}
	}
	return g.dirCombine(dir, at(srcOff), at(dstOff), dirMsgAddr)
}

// hostOp6 is hostOp for an IPv6 address, compared a word at a time from
// the last word.
func (g *gen) hostOp6(addr, mask [16]byte, dir dirQual, proto uint32, srcOff, dstOff uint32) cond {
	at := func(off uint32) func() cond {
		return func() cond {
			var b1 cond
			for i := 3; i >= 0; i-- {
				a, m := binary.BigEndian.Uint32(addr[4*i:]), binary.BigEndian.Uint32(mask[4*i:])
				c := g.mcmp(orLinkPL, off+uint32(4*i), bpf.SizeW, a, m)
				if b1 == noCond {
					b1 = c
				} else {
					b1 = g.and(c, b1)
				}
			}
			return g.and(g.linkTest(proto), b1)
		}
	}
	return g.dirCombine(dir, at(srcOff), at(dstOff), dirMsgAddr)
}

var hostProtoErr = map[protoQual]string{
	pATalk: "AppleTalk host filtering not implemented",
	pLAT:   "LAT host filtering not implemented",
	pSCA:   "SCA host filtering not implemented",
	pMOPRC: "MOPRC host filtering not implemented",
	pMOPDL: "MOPDL host filtering not implemented",
	pAARP:  "AARP host filtering not implemented",
	pISO:   "ISO host filtering not implemented",
	pIPX:   "IPX host filtering not implemented",
}

// host is an IPv4 host or network for the given protocol qualifier.
func (g *gen) host(addr, mask uint32, proto protoQual, dir dirQual, typ addrQual) cond {
	typestr := "host"
	if typ == qNet {
		typestr = "net"
	}
	switch proto {
	case qDefault:
		b0 := g.host(addr, mask, pIP, dir, typ)
		if g.labelDepth == 0 {
			b1 := g.or(b0, g.host(addr, mask, pARP, dir, typ))
			b0 = g.or(b1, g.host(addr, mask, pRARP, dir, typ))
		}
		return b0
	case pLink:
		g.fail("link-layer modifier applied to " + typestr)
	case pIP:
		return g.hostOp(addr, mask, dir, ethertypeIP, 12, 16)
	case pRARP:
		return g.hostOp(addr, mask, dir, ethertypeRevARP, 14, 24)
	case pARP:
		return g.hostOp(addr, mask, dir, ethertypeARP, 14, 24)
	case pDECnet:
		return g.dnHostOp(addr, dir)
	case pIPv6:
		g.fail("'ip6' modifier applied to ip host")
	}
	if msg, ok := hostProtoErr[proto]; ok {
		g.fail(msg)
	}
	g.fail("'" + protoNames[proto] + "' modifier applied to " + typestr)
	return noCond
}

func (g *gen) host6(addr, mask [16]byte, proto protoQual, dir dirQual, typ addrQual) cond {
	typestr := "host"
	if typ == qNet {
		typestr = "net"
	}
	switch proto {
	case qDefault, pIPv6:
		return g.hostOp6(addr, mask, dir, ethertypeIPv6, 8, 24)
	case pLink:
		g.fail("link-layer modifier applied to ip6 " + typestr)
	case pATalk:
		g.fail("AppleTalk modifier applied to ip6 " + typestr)
	}
	g.fail("'" + protoNames[proto] + "' modifier applied to ip6 " + typestr)
	return noCond
}

// dnHostOp tests a DECnet address in the long and short routing headers.
func (g *gen) dnHostOp(addr uint32, dir dirQual) cond {
	at := func(offSH, offLH uint32) func() cond {
		return func() cond { return g.dnHostAt(addr, offSH, offLH) }
	}
	return g.dirCombine(dir, at(3, 15), at(1, 7), dirMsgAddr)
}

// dnHostAt tests a DECnet address at the given offsets of the short and
// long routing headers.
func (g *gen) dnHostAt(addr, offSH, offLH uint32) cond {
	// libpcap compares the address in host byte order (little-endian here).
	a := uint32(swap16(uint16(addr)))
	b0 := g.linkTest(ethertypeDN)
	tmp := g.mcmp(orLinkPL, 2, bpf.SizeH, uint32(swap16(0x0681)), uint32(swap16(0x07ff)))
	b1 := g.and(tmp, g.cmp(orLinkPL, 2+1+offLH, bpf.SizeH, a))
	tmp = g.mcmp(orLinkPL, 2, bpf.SizeB, 0x06, 0x07)
	b2 := g.and(tmp, g.cmp(orLinkPL, 2+offLH, bpf.SizeH, a))
	b1 = g.or(b2, b1)
	tmp = g.mcmp(orLinkPL, 2, bpf.SizeH, uint32(swap16(0x0281)), uint32(swap16(0x07ff)))
	b2 = g.and(tmp, g.cmp(orLinkPL, 2+1+offSH, bpf.SizeH, a))
	b1 = g.or(b2, b1)
	tmp = g.mcmp(orLinkPL, 2, bpf.SizeB, 0x02, 0x07)
	b2 = g.and(tmp, g.cmp(orLinkPL, 2+offSH, bpf.SizeH, a))
	b1 = g.or(b2, b1)
	return g.and(b0, b1)
}

func swap16(v uint16) uint16 {
	if hostLittleEndian() {
		return v>>8 | v<<8
	}
	return v
}

// MAC addresses.

func (g *gen) etherHostOp(mac []byte, dir dirQual) cond {
	return g.macHostOp(mac, dir, 6, 0, dirMsgMAC)
}

// wlanHostOp tests an 802.11 address; where the source and destination
// are depends on the frame type and the DS bits.
func (g *gen) wlanHostOp(mac []byte, dir dirQual) cond {
	fc1 := func(bit uint32) cond { return g.jset(orLinkHdr, 1, bpf.SizeB, bit) }
	fc0 := func(bit uint32) cond { return g.jset(orLinkHdr, 0, bpf.SizeB, bit) }
	addr := func(off uint32) cond { return g.bcmp(orLinkHdr, off, mac) }
	notCtl := func() cond { return g.not(g.mcmp(orLinkHdr, 0, bpf.SizeB, 0x04, 0x0c)) }
	switch dir {
	case qSrc, qDst:
		var b0 cond
		if dir == qSrc {
			// Data frames: the source is addr4, addr3 or addr2 by the DS bits.
			b1 := fc1(0x01)
			b0 = g.and(b1, addr(24))
			b2 := g.not(fc1(0x01))
			b0 = g.or(g.and(b2, addr(16)), b0)
			b0 = g.and(fc1(0x02), b0)
			b2 = g.not(fc1(0x02))
			b0 = g.or(g.and(b2, addr(10)), b0)
		} else {
			b1 := fc1(0x01)
			b0 = g.and(b1, addr(16))
			b2 := g.not(fc1(0x01))
			b0 = g.or(g.and(b2, addr(4)), b0)
		}
		b0 = g.and(fc0(0x08), b0)
		b2 := g.not(fc0(0x08))
		if dir == qSrc {
			b0 = g.or(g.and(b2, addr(10)), b0)
		} else {
			b0 = g.or(g.and(b2, addr(4)), b0)
		}
		return g.and(g.not(fc0(0x04)), b0)
	case qAnd:
		b0 := g.wlanHostOp(mac, qSrc)
		return g.and(b0, g.wlanHostOp(mac, qDst))
	case qDefault, qOr:
		b0 := g.wlanHostOp(mac, qSrc)
		return g.or(b0, g.wlanHostOp(mac, qDst))
	case qAddr1:
		return addr(4)
	case qAddr2, qTA:
		b0 := notCtl()
		b1 := g.not(g.mcmp(orLinkHdr, 0, bpf.SizeB, 0xc0, 0xf0))
		b2 := g.not(g.mcmp(orLinkHdr, 0, bpf.SizeB, 0xd0, 0xf0))
		b2 = g.or(b0, g.and(b1, b2))
		if dir == qTA {
			b2 = g.and(fc0(0x08), b2)
		}
		return g.and(b2, addr(10))
	case qAddr3:
		b0 := notCtl()
		return g.and(b0, addr(16))
	case qAddr4:
		b0 := g.mcmp(orLinkHdr, 1, bpf.SizeB, 0x03, 0x03)
		return g.and(b0, addr(24))
	case qRA:
		b1 := fc0(0x08)
		return g.and(b1, addr(4))
	}
	return noCond
}

// linkHost tests a MAC address on the current link type.
func (g *gen) linkHost(mac []byte, dir dirQual) cond {
	switch g.linktype {
	case linktype.Ethernet, linktype.NetAnalyzer, linktype.NetAnalyzerTransparent:
		pre := g.prevLinkHdrCheck()
		b := g.etherHostOp(mac, dir)
		if pre != noCond {
			b = g.and(pre, b)
		}
		return b
	case linktype.IEEE80211, linktype.IEEE80211Radio, linktype.IEEE80211Prism, linktype.IEEE80211AVS, linktype.PPI:
		return g.wlanHostOp(mac, dir)
	}
	if h, ok := llcMACHeaders[g.linktype]; ok {
		return g.macHostOp(mac, dir, h.src, h.dst, dirMsgLLCMAC)
	}
	return noCond
}

// arcnetHostOp tests an ARCnet address: the source is the first byte of
// the header, the destination the second.
func (g *gen) arcnetHostOp(a byte, dir dirQual) cond {
	return g.dirCombine(dir,
		func() cond { return g.cmp(orLinkHdr, 0, bpf.SizeB, uint32(a)) },
		func() cond { return g.cmp(orLinkHdr, 1, bpf.SizeB, uint32(a)) }, dirMsgMAC)
}

// arcnetAddr handles an ARCnet address literal ($xx).
func (g *gen) arcnetAddr(s string, q qual) cond {
	if g.linktype != linktype.ArcnetBSD && g.linktype != linktype.ArcnetLinux {
		g.fail("aid supported only on ARCnet")
	}
	if (q.addr == qHost || q.addr == qDefault) && q.proto == pLink {
		return g.arcnetHostOp(arcnetAddrByte(s), q.dir)
	}
	g.fail("ARCnet address used in non-arc expression")
	return noCond
}

// arcnetAddrByte is the address byte libpcap 1.10 makes of "$x...": it
// converts the text as a MAC address including the '$', whose digit value
// comes out as 0xed, so the byte is 0xd0 plus the first hex digit; later
// digits are ignored.
func arcnetAddrByte(s string) byte {
	return 0xd0 | hexVal(s[1])
}
