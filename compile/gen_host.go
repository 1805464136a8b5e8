package compile

import (
	"encoding/binary"
	"net/netip"
	"strconv"
	"strings"

	"github.com/purepcap/pcap/bpf"
)

func (g *gen) addrDirErr(dir uint8, suffix string) {
	switch dir {
	case qAddr1, qAddr2, qAddr3, qAddr4:
		n := itoa(int(dir - qAddr1 + 1))
		g.errorf("'addr" + n + "' and 'address" + n + "' " + suffix)
	case qRA, qTA:
		name := "'ra' "
		if dir == qTA {
			name = "'ta' "
		}
		one := strings.Replace(suffix, "are not valid qualifiers", "is not a valid qualifier", 1)
		g.errorf(name + strings.Replace(one, "are only", "is only", 1))
	}
}

const notMACQual = "are not valid qualifiers for addresses other than 802.11 MAC addresses"

// hostOp tests an IPv4 address (with mask) at the source and/or
// destination offsets of a protocol's header.
func (g *gen) hostOp(addr, mask uint32, dir uint8, proto uint32, srcOff, dstOff uint32) cond {
	var off uint32
	switch dir {
	case qSrc:
		off = srcOff
	case qDst:
		off = dstOff
	case qAnd:
		b0 := g.hostOp(addr, mask, qSrc, proto, srcOff, dstOff)
		return and(b0, g.hostOp(addr, mask, qDst, proto, srcOff, dstOff))
	case qDefault, qOr:
		b0 := g.hostOp(addr, mask, qSrc, proto, srcOff, dstOff)
		return or(b0, g.hostOp(addr, mask, qDst, proto, srcOff, dstOff))
	default:
		g.addrDirErr(dir, notMACQual)
	}
	b0 := g.linkTest(proto)
	return and(b0, g.mcmp(orLinkPL, off, bpf.SizeW, addr, mask))
}

func (g *gen) hostOp6(addr, mask [16]byte, dir uint8, proto uint32, srcOff, dstOff uint32) cond {
	var off uint32
	switch dir {
	case qSrc:
		off = srcOff
	case qDst:
		off = dstOff
	case qAnd:
		b0 := g.hostOp6(addr, mask, qSrc, proto, srcOff, dstOff)
		return and(b0, g.hostOp6(addr, mask, qDst, proto, srcOff, dstOff))
	case qDefault, qOr:
		b0 := g.hostOp6(addr, mask, qSrc, proto, srcOff, dstOff)
		return or(b0, g.hostOp6(addr, mask, qDst, proto, srcOff, dstOff))
	default:
		g.addrDirErr(dir, notMACQual)
	}
	w := func(i int) (uint32, uint32) {
		return binary.BigEndian.Uint32(addr[4*i:]), binary.BigEndian.Uint32(mask[4*i:])
	}
	var b1 cond
	for i := 3; i >= 0; i-- {
		a, m := w(i)
		c := g.mcmp(orLinkPL, off+uint32(4*i), bpf.SizeW, a, m)
		if b1 == nil {
			b1 = c
		} else {
			b1 = and(c, b1)
		}
	}
	return and(g.linkTest(proto), b1)
}

var hostProtoErr = map[uint8]string{
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
func (g *gen) host(addr, mask uint32, proto, dir, typ uint8) cond {
	typestr := "host"
	if typ == qNet {
		typestr = "net"
	}
	switch proto {
	case qDefault:
		b0 := g.host(addr, mask, pIP, dir, typ)
		if g.labelDepth == 0 {
			b1 := or(b0, g.host(addr, mask, pARP, dir, typ))
			b0 = or(b1, g.host(addr, mask, pRARP, dir, typ))
		}
		return b0
	case pLink:
		g.errorf("link-layer modifier applied to " + typestr)
	case pIP:
		return g.hostOp(addr, mask, dir, ethertypeIP, 12, 16)
	case pRARP:
		return g.hostOp(addr, mask, dir, ethertypeRevARP, 14, 24)
	case pARP:
		return g.hostOp(addr, mask, dir, ethertypeARP, 14, 24)
	case pDECnet:
		return g.dnHostOp(addr, dir)
	case pIPv6:
		g.errorf("'ip6' modifier applied to ip host")
	}
	if msg, ok := hostProtoErr[proto]; ok {
		g.errorf(msg)
	}
	g.errorf("'" + protoNames[proto] + "' modifier applied to " + typestr)
	return nil
}

func (g *gen) host6(addr, mask [16]byte, proto, dir, typ uint8) cond {
	typestr := "host"
	if typ == qNet {
		typestr = "net"
	}
	switch proto {
	case qDefault, pIPv6:
		return g.hostOp6(addr, mask, dir, ethertypeIPv6, 8, 24)
	case pLink:
		g.errorf("link-layer modifier applied to ip6 " + typestr)
	case pATalk:
		g.errorf("AppleTalk modifier applied to ip6 " + typestr)
	}
	g.errorf("'" + protoNames[proto] + "' modifier applied to ip6 " + typestr)
	return nil
}

// dnHostOp tests a DECnet address in the long and short routing headers.
func (g *gen) dnHostOp(addr uint32, dir uint8) cond {
	var offSH, offLH uint32
	switch dir {
	case qDst:
		offSH, offLH = 1, 7
	case qSrc:
		offSH, offLH = 3, 15
	case qAnd:
		b0 := g.dnHostOp(addr, qSrc)
		return and(b0, g.dnHostOp(addr, qDst))
	case qDefault, qOr:
		b0 := g.dnHostOp(addr, qSrc)
		return or(b0, g.dnHostOp(addr, qDst))
	default:
		g.addrDirErr(dir, notMACQual)
	}
	// libpcap compares the address in host byte order (little-endian here).
	a := uint32(swap16(uint16(addr)))
	b0 := g.linkTest(ethertypeDN)
	tmp := g.mcmp(orLinkPL, 2, bpf.SizeH, uint32(swap16(0x0681)), uint32(swap16(0x07ff)))
	b1 := and(tmp, g.cmp(orLinkPL, 2+1+offLH, bpf.SizeH, a))
	tmp = g.mcmp(orLinkPL, 2, bpf.SizeB, 0x06, 0x07)
	b2 := and(tmp, g.cmp(orLinkPL, 2+offLH, bpf.SizeH, a))
	b1 = or(b2, b1)
	tmp = g.mcmp(orLinkPL, 2, bpf.SizeH, uint32(swap16(0x0281)), uint32(swap16(0x07ff)))
	b2 = and(tmp, g.cmp(orLinkPL, 2+1+offSH, bpf.SizeH, a))
	b1 = or(b2, b1)
	tmp = g.mcmp(orLinkPL, 2, bpf.SizeB, 0x02, 0x07)
	b2 = and(tmp, g.cmp(orLinkPL, 2+offSH, bpf.SizeH, a))
	b1 = or(b2, b1)
	return and(b0, b1)
}

func swap16(v uint16) uint16 {
	if hostLittleEndian() {
		return v>>8 | v<<8
	}
	return v
}

// MAC addresses.

const onlyWlan = "are only supported on 802.11 with 802.11 headers"

func (g *gen) etherHostOp(mac []byte, dir uint8) cond {
	switch dir {
	case qSrc:
		return g.bcmp(orLinkHdr, 6, mac)
	case qDst:
		return g.bcmp(orLinkHdr, 0, mac)
	case qAnd:
		b0 := g.etherHostOp(mac, qSrc)
		return and(b0, g.etherHostOp(mac, qDst))
	case qDefault, qOr:
		b0 := g.etherHostOp(mac, qSrc)
		return or(b0, g.etherHostOp(mac, qDst))
	}
	g.addrDirErr(dir, onlyWlan)
	return nil
}

// wlanHostOp tests an 802.11 address; where the source and destination
// are depends on the frame type and the DS bits.
func (g *gen) wlanHostOp(mac []byte, dir uint8) cond {
	fc1 := func(bit uint32) cond { return g.jset(orLinkHdr, 1, bpf.SizeB, bit) }
	fc0 := func(bit uint32) cond { return g.jset(orLinkHdr, 0, bpf.SizeB, bit) }
	addr := func(off uint32) cond { return g.bcmp(orLinkHdr, off, mac) }
	notCtl := func() cond { return not(g.mcmp(orLinkHdr, 0, bpf.SizeB, 0x04, 0x0c)) }
	switch dir {
	case qSrc, qDst:
		var b0 cond
		if dir == qSrc {
			// Data frames: the source is addr4, addr3 or addr2 by the DS bits.
			b1 := fc1(0x01)
			b0 = and(b1, addr(24))
			b2 := not(fc1(0x01))
			b0 = or(and(b2, addr(16)), b0)
			b0 = and(fc1(0x02), b0)
			b2 = not(fc1(0x02))
			b0 = or(and(b2, addr(10)), b0)
		} else {
			b1 := fc1(0x01)
			b0 = and(b1, addr(16))
			b2 := not(fc1(0x01))
			b0 = or(and(b2, addr(4)), b0)
		}
		b0 = and(fc0(0x08), b0)
		b2 := not(fc0(0x08))
		if dir == qSrc {
			b0 = or(and(b2, addr(10)), b0)
		} else {
			b0 = or(and(b2, addr(4)), b0)
		}
		return and(not(fc0(0x04)), b0)
	case qAnd:
		b0 := g.wlanHostOp(mac, qSrc)
		return and(b0, g.wlanHostOp(mac, qDst))
	case qDefault, qOr:
		b0 := g.wlanHostOp(mac, qSrc)
		return or(b0, g.wlanHostOp(mac, qDst))
	case qAddr1:
		return addr(4)
	case qAddr2, qTA:
		b0 := notCtl()
		b1 := not(g.mcmp(orLinkHdr, 0, bpf.SizeB, 0xc0, 0xf0))
		b2 := not(g.mcmp(orLinkHdr, 0, bpf.SizeB, 0xd0, 0xf0))
		b2 = or(b0, and(b1, b2))
		if dir == qTA {
			b2 = and(fc0(0x08), b2)
		}
		return and(b2, addr(10))
	case qAddr3:
		b0 := notCtl()
		return and(b0, addr(16))
	case qAddr4:
		b0 := g.mcmp(orLinkHdr, 1, bpf.SizeB, 0x03, 0x03)
		return and(b0, addr(24))
	case qRA:
		b1 := fc0(0x08)
		return and(b1, addr(4))
	}
	return nil
}

// linkHost tests a MAC address on the current link type.
func (g *gen) linkHost(mac []byte, dir uint8) cond {
	switch g.linktype {
	case dltEN10MB:
		pre := g.prevLinkHdrCheck()
		b := g.etherHostOp(mac, dir)
		if pre != nil {
			b = and(pre, b)
		}
		return b
	case dltIEEE80211, dltRadiotap:
		return g.wlanHostOp(mac, dir)
	}
	return nil
}

// parseMAC converts the MAC address forms the scanner accepts.
func parseMAC(s string) []byte {
	mac := make([]byte, 0, 6)
	for i := 0; i < len(s) && len(mac) < 6; {
		if s[i] == ':' || s[i] == '.' || s[i] == '-' {
			i++
		}
		d := hexVal(s[i])
		i++
		if i < len(s) && isHex(s[i]) {
			d = d<<4 | hexVal(s[i])
			i++
		}
		mac = append(mac, d)
	}
	for len(mac) < 6 {
		mac = append(mac, 0)
	}
	return mac
}

func hexVal(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// atoin parses a dotted IPv4 address of 1 to 4 decimal parts, returning the
// value (parts packed to the right) and the number of bits given, or -1.
func atoin(s string) (uint32, int) {
	var addr uint32
	n := 0
	for {
		var v uint32
		for len(s) > 0 && s[0] != '.' {
			if v > 25 {
				return 0, -1
			}
			v = v*10 + uint32(s[0]-'0')
			s = s[1:]
		}
		if v > 255 {
			return 0, -1
		}
		addr = addr<<8 | v
		n += 8
		if s == "" {
			return addr, n
		}
		s = s[1:]
	}
}

// atodn parses a DECnet address area.node.
func atodn(s string) (uint32, bool) {
	a, b, ok := strings.Cut(s, ".")
	if !ok {
		return 0, false
	}
	area, err1 := strconv.Atoi(leadingInt(a))
	node, err2 := strconv.Atoi(leadingInt(b))
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return uint32(area<<10)&0176000 | uint32(node)&01777, true
}

func leadingInt(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// The address primitives: gen_ncode, gen_mcode, gen_scode and friends.

// hostNum handles a number or dotted address with qualifiers.
func (g *gen) hostNum(s string, v uint32, q qual, isHID bool) cond {
	proto, dir := q.proto, q.dir
	vlen := 32
	if isHID {
		if proto == pDECnet {
			dn, ok := atodn(s)
			if !ok {
				g.errorf("malformed decnet address '" + s + "'")
			}
			v = dn
		} else {
			a, n := atoin(s)
			if n < 0 {
				g.errorf("invalid IPv4 address '" + s + "'")
			}
			v, vlen = a, n
		}
	}
	switch q.addr {
	case qDefault, qHost, qNet:
		if proto == pDECnet {
			return g.host(v, 0, proto, dir, q.addr)
		}
		if proto == pLink {
			g.errorf("illegal link layer address")
		}
		mask := uint32(0xffffffff)
		if !isHID && q.addr == qNet {
			for v != 0 && v&0xff000000 == 0 {
				v <<= 8
				mask <<= 8
			}
		} else {
			v <<= 32 - vlen
			mask <<= 32 - vlen
		}
		return g.host(v, mask, proto, dir, q.addr)
	case qPort, qPortrange:
		what := "port"
		if q.addr == qPortrange {
			what = "portrange"
		}
		ipproto := protoUndef
		switch proto {
		case pUDP:
			ipproto = ipprotoUDP
		case pTCP:
			ipproto = ipprotoTCP
		case pSCTP:
			ipproto = ipprotoSCTP
		case qDefault:
		default:
			g.errorf("illegal qualifier of '" + what + "'")
		}
		if v > 65535 {
			g.errorf("illegal port number " + strconv.FormatUint(uint64(v), 10) + " > 65535")
		}
		if q.addr == qPort {
			return g.portBoth(v, ipproto, dir)
		}
		return g.portrangeBoth(v, v, ipproto, dir)
	case qGateway:
		g.errorf("'gateway' requires a name")
	case qProto:
		return g.proto(v, proto, dir)
	case qProtochain:
		return g.protochain(v, proto)
	}
	g.errorf(syntaxGenMsg)
	return nil
}

const syntaxGenMsg = "syntax error in filter expression"

// hostMask handles a.b.c.d/len and a.b.c.d mask e.f.g.h.
func (g *gen) hostMask(s1, s2 string, masklen uint32, q qual) cond {
	n, nlen := atoin(s1)
	if nlen < 0 {
		g.errorf("invalid IPv4 address '" + s1 + "'")
	}
	n <<= 32 - nlen
	var m uint32
	if s2 != "" {
		mv, mlen := atoin(s2)
		if mlen < 0 {
			g.errorf("invalid IPv4 address '" + s2 + "'")
		}
		m = mv << (32 - mlen)
		if n&^m != 0 {
			g.errorf("non-network bits set in \"" + s1 + " mask " + s2 + "\"")
		}
	} else {
		if masklen > 32 {
			g.errorf("mask length must be <= 32")
		}
		if masklen != 0 {
			m = 0xffffffff << (32 - masklen)
		}
		if n&^m != 0 {
			g.errorf("non-network bits set in \"" + s1 + "/" + strconv.FormatUint(uint64(masklen), 10) + "\"")
		}
	}
	if q.addr != qNet {
		g.errorf("Mask syntax for networks only")
	}
	return g.host(n, m, q.proto, q.dir, q.addr)
}

// host6Addr handles an IPv6 address with an optional prefix length.
func (g *gen) host6Addr(s string, masklen uint32, q qual) cond {
	a, err := netip.ParseAddr(s)
	if err != nil {
		g.errorf("invalid ip6 address " + s)
	}
	if masklen > 128 {
		g.errorf("mask length must be <= 128")
	}
	addr := a.As16()
	var mask [16]byte
	for i := uint32(0); i < masklen/8; i++ {
		mask[i] = 0xff
	}
	if masklen%8 != 0 {
		mask[masklen/8] = byte(0xff << (8 - masklen%8))
	}
	for i := range addr {
		if addr[i]&^mask[i] != 0 {
			g.errorf("non-network bits set in \"" + s + "/" + strconv.FormatUint(uint64(masklen), 10) + "\"")
		}
	}
	switch q.addr {
	case qDefault, qHost:
		if masklen != 128 {
			g.errorf("Mask syntax for networks only")
		}
		fallthrough
	case qNet:
		return g.host6(addr, mask, q.proto, q.dir, q.addr)
	}
	g.errorf("invalid qualifier against IPv6 address")
	return nil
}

// etherAddr handles a MAC address literal.
func (g *gen) etherAddr(s string, q qual) cond {
	if (q.addr == qHost || q.addr == qDefault) && q.proto == pLink {
		if b := g.linkHost(parseMAC(s), q.dir); b != nil {
			return b
		}
		g.errorf("ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel")
	}
	g.errorf("ethernet address used in non-ether expression")
	return nil
}
