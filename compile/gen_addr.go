package compile

import (
	"net/netip"
	"strconv"
)

// Primitives whose operand is a literal address or number (libpcap's
// gen_ncode, gen_mcode, gen_mcode6 and gen_ecode): "host 10.0.0.1",
// "net 10.0.0.0/8", "port 22", "proto 6", "ether host 0:1:2:3:4:5".
// Names are in gen_names.go.

// hostNum handles a number or dotted address with qualifiers.
func (g *gen) hostNum(s string, v uint32, q qual, isHID bool) cond {
	proto, dir := q.proto, q.dir
	vlen := 32
	if isHID {
		if proto == pDECnet {
			dn, ok := atodn(s)
			if !ok {
				g.fail("malformed decnet address '" + s + "'")
			}
			v = dn
		} else {
			a, n := atoin(s)
			if n < 0 {
				g.fail("invalid IPv4 address '" + s + "'")
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
			g.fail("illegal link layer address")
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
			g.fail("illegal qualifier of '" + what + "'")
		}
		if v > 65535 {
			g.fail("illegal port number " + strconv.FormatUint(uint64(v), 10) + " > 65535")
		}
		if q.addr == qPort {
			return g.portBoth(v, ipproto, dir)
		}
		return g.portrangeBoth(v, v, ipproto, dir)
	case qGateway:
		g.fail("'gateway' requires a name")
	case qProto:
		return g.proto(v, proto, dir)
	case qProtochain:
		return g.protochain(v, proto)
	}
	g.fail(syntaxGenMsg)
	return noCond
}

const syntaxGenMsg = "syntax error in filter expression"

// hostMask handles a.b.c.d/len and a.b.c.d mask e.f.g.h.
func (g *gen) hostMask(s1, s2 string, masklen uint32, q qual) cond {
	n, nlen := atoin(s1)
	if nlen < 0 {
		g.fail("invalid IPv4 address '" + s1 + "'")
	}
	n <<= 32 - nlen
	var m uint32
	if s2 != "" {
		mv, mlen := atoin(s2)
		if mlen < 0 {
			g.fail("invalid IPv4 address '" + s2 + "'")
		}
		m = mv << (32 - mlen)
		if n&^m != 0 {
			g.fail("non-network bits set in \"" + s1 + " mask " + s2 + "\"")
		}
	} else {
		if masklen > 32 {
			g.fail("mask length must be <= 32")
		}
		if masklen != 0 {
			m = 0xffffffff << (32 - masklen)
		}
		if n&^m != 0 {
			g.fail("non-network bits set in \"" + s1 + "/" + strconv.FormatUint(uint64(masklen), 10) + "\"")
		}
	}
	if q.addr != qNet {
		g.fail("Mask syntax for networks only")
	}
	return g.host(n, m, q.proto, q.dir, q.addr)
}

// host6Addr handles an IPv6 address with an optional prefix length.
func (g *gen) host6Addr(s string, masklen uint32, q qual) cond {
	a, err := netip.ParseAddr(s)
	if err != nil {
		g.fail("invalid ip6 address " + s)
	}
	if masklen > 128 {
		g.fail("mask length must be <= 128")
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
			g.fail("non-network bits set in \"" + s + "/" + strconv.FormatUint(uint64(masklen), 10) + "\"")
		}
	}
	switch q.addr {
	case qDefault, qHost:
		if masklen != 128 {
			g.fail("Mask syntax for networks only")
		}
		fallthrough
	case qNet:
		return g.host6(addr, mask, q.proto, q.dir, q.addr)
	}
	g.fail("invalid qualifier against IPv6 address")
	return noCond
}

// etherAddr handles a MAC address literal.
func (g *gen) etherAddr(s string, q qual) cond {
	if (q.addr == qHost || q.addr == qDefault) && q.proto == pLink {
		mac := parseMAC(s)
		if b := g.linkHost(mac[:], q.dir); b != noCond {
			return b
		}
		g.fail("ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel")
	}
	g.fail("ethernet address used in non-ether expression")
	return noCond
}
