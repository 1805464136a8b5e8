package compile

import "github.com/purepcap/pcap/bpf"

// "port" and "portrange" over TCP, UDP and SCTP, on IPv4 and IPv6.

func (g *gen) ipFragOK() cond {
	return g.not(g.jset(orLinkPL, 6, bpf.SizeH, 0x1fff))
}

// portFamily is "port" or "portrange" over one IP version: atom tests the
// port field at an offset in the transport header, for TCP, UDP and SCTP
// (in libpcap's order) unless ipproto names one protocol. msg ends the
// error for a direction the primitive does not take.
func (g *gen) portFamily(v6 bool, ipproto int, dir dirQual, msg dirMsg, atom func(rel offrel, off uint32) cond) cond {
	ethertype, protoOff, tran := uint32(ethertypeIP), uint32(9), orTranIPv4
	if v6 {
		ethertype, protoOff, tran = ethertypeIPv6, 6, orTranIPv6
	}
	op := func(proto uint32) cond {
		b0 := g.cmp(orLinkPL, protoOff, bpf.SizeB, proto)
		if !v6 {
			b0 = g.and(b0, g.ipFragOK())
		}
		b1 := g.dirCombine(dir,
			func() cond { return atom(tran, 0) },
			func() cond { return atom(tran, 2) }, msg)
		return g.and(b0, b1)
	}
	b0 := g.linkTest(ethertype)
	var b1 cond
	if ipproto == protoUndef {
		b1 = g.or(op(ipprotoTCP), op(ipprotoUDP))
		b1 = g.or(op(ipprotoSCTP), b1)
	} else {
		b1 = op(uint32(ipproto))
	}
	return g.and(b0, b1)
}

func (g *gen) rangeAtom(rel offrel, off, v1, v2 uint32) cond {
	if v1 > v2 {
		v1, v2 = v2, v1
	}
	b1 := g.cmpGE(rel, off, bpf.SizeH, v1)
	return g.and(b1, g.cmpLE(rel, off, bpf.SizeH, v2))
}

// port is "port N" over IPv4, or over IPv6 if v6.
func (g *gen) port(v6 bool, port uint32, ipproto int, dir dirQual) cond {
	return g.portFamily(v6, ipproto, dir, dirMsgPorts, func(rel offrel, off uint32) cond {
		return g.cmp(rel, off, bpf.SizeH, port)
	})
}

// portBoth is "port N": IPv4 or IPv6, the IPv6 test first.
func (g *gen) portBoth(port uint32, ipproto int, dir dirQual) cond {
	b := g.port(false, port, ipproto, dir)
	return g.or(g.port(true, port, ipproto, dir), b)
}

// portrangeBoth is "portrange N-M", as portBoth.
func (g *gen) portrangeBoth(p1, p2 uint32, ipproto int, dir dirQual) cond {
	atom := func(rel offrel, off uint32) cond { return g.rangeAtom(rel, off, p1, p2) }
	b := g.portFamily(false, ipproto, dir, dirMsgPortRanges, atom)
	return g.or(g.portFamily(true, ipproto, dir, dirMsgPortRanges, atom), b)
}
