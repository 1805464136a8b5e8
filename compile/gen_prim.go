package compile

import "github.com/purepcap/pcap/bpf"

// node walks the syntax tree in source order, generating each primitive
// as libpcap would when its parser reduced it.
func (g *gen) node(n node) cond {
	switch x := n.(type) {
	case *andNode:
		l := g.node(x.l)
		return and(l, g.node(x.r))
	case *orNode:
		l := g.node(x.l)
		return or(l, g.node(x.r))
	case *notNode:
		return not(g.node(x.x))
	case *relNode:
		if x.c == nil {
			x.c = g.relCond(x)
		}
		return x.c
	case *primNode:
		if x.c == nil {
			g.off = x.off
			x.c = g.primCond(x)
		}
		return x.c
	}
	panic("compile: bad node")
}

func (g *gen) relCond(x *relNode) cond {
	a0 := g.arith(x.l)
	a1 := g.arith(x.r)
	g.off = x.off
	return g.relation(x.code, a0, a1, x.reversed)
}

func (g *gen) primCond(x *primNode) cond {
	c := g.prim(x)
	if g.size > MaxProgramLen {
		g.errorf("filter program too large (more than " + itoa(MaxProgramLen) + " instructions)")
	}
	return c
}

func (g *gen) prim(n *primNode) cond {
	q := n.q
	switch n.kind {
	case primName:
		return g.hostName(n.s, q)
	case primNum:
		return g.hostNum("", n.v, q, false)
	case primHID:
		switch q.addr {
		case qPort:
			g.errorf("'port' modifier applied to ip host")
		case qPortrange:
			g.errorf("'portrange' modifier applied to ip host")
		case qProto:
			g.errorf("'proto' modifier applied to ip host")
		case qProtochain:
			g.errorf("'protochain' modifier applied to ip host")
		}
		return g.hostNum(n.s, 0, q, true)
	case primHIDLen:
		return g.hostMask(n.s, "", n.v, q)
	case primHIDMask:
		return g.hostMask(n.s, n.s2, 0, q)
	case primHID6, primHID6Len:
		return g.host6Addr(n.s, n.v, q)
	case primEID:
		return g.etherAddr(n.s, q)
	case primAID:
		g.errorf("aid supported only on ARCnet")
	case primProtoAbbrev:
		return g.protoAbbrev(n.pq)
	case primBroadcast:
		return g.broadcast(n.pq)
	case primMulticast:
		return g.multicast(n.pq)
	case primLess:
		return not(&block{stmts: []stmt{st(opLdLen, 0)}, op: opJgt, k: n.v})
	case primGreater:
		return &block{stmts: []stmt{st(opLdLen, 0)}, op: opJge, k: n.v}
	case primByte:
		switch n.op {
		case '=':
			return g.cmp(orLinkHdr, n.v, bpf.SizeB, n.v2)
		case '<':
			return g.cmpLT(orLinkHdr, n.v, bpf.SizeB, n.v2)
		case '>':
			return g.cmpGT(orLinkHdr, n.v, bpf.SizeB, n.v2)
		case '|':
			return not(&block{stmts: []stmt{st(aluK(bpf.ALUOr), n.v2)}, op: opJeq})
		default:
			return not(&block{stmts: []stmt{st(aluK(bpf.ALUAnd), n.v2)}, op: opJeq})
		}
	case primInbound, primOutbound:
		return g.inbound(n.kind == primOutbound)
	case primIfindex:
		return g.ifindex(n.v)
	case primVLAN:
		return g.vlan(n.v, n.has)
	case primMPLS:
		return g.mpls(n.v, n.has)
	case primPPPoED:
		return g.linkTest(ethertypePPPoED)
	case primPPPoES:
		return g.pppoes(n.v, n.has)
	case primGeneve:
		return g.geneve(n.v, n.has)
	case primWlanType:
		if g.linktype != dltIEEE80211 && g.linktype != dltRadiotap {
			g.errorf("802.11 link-layer types supported only on 802.11")
		}
		return g.mcmp(orLinkHdr, 0, bpf.SizeB, n.v, n.v2)
	case primWlanDir:
		if g.linktype != dltIEEE80211 && g.linktype != dltRadiotap {
			g.errorf("frame direction supported only with 802.11 headers")
		}
		return g.mcmp(orLinkHdr, 1, bpf.SizeB, n.v, 0x03)
	case primLLC:
		return g.llcKind(n.s)
	}
	panic("compile: bad primitive")
}

var broadcastMAC = []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}

func (g *gen) broadcast(proto uint8) cond {
	switch proto {
	case qDefault, pLink:
		switch g.linktype {
		case dltEN10MB:
			pre := g.prevLinkHdrCheck()
			b := g.etherHostOp(broadcastMAC, qDst)
			if pre != nil {
				b = and(pre, b)
			}
			return b
		case dltIEEE80211, dltRadiotap:
			return g.wlanHostOp(broadcastMAC, qDst)
		}
		g.errorf("not a broadcast link")
	case pIP:
		if g.opts.Netmask == NetmaskUnknown {
			g.errorf("netmask not known, so 'ip broadcast' not supported")
		}
		b0 := g.linkTest(ethertypeIP)
		hostmask := ^g.opts.Netmask
		b1 := g.mcmp(orLinkPL, 16, bpf.SizeW, 0, hostmask)
		b2 := or(b1, g.mcmp(orLinkPL, 16, bpf.SizeW, hostmask, hostmask))
		return and(b0, b2)
	}
	g.errorf("only link-layer/IP broadcast filters supported")
	return nil
}

func (g *gen) multicast(proto uint8) cond {
	const msg = "link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel"
	switch proto {
	case qDefault, pLink:
		switch g.linktype {
		case dltEN10MB:
			pre := g.prevLinkHdrCheck()
			b := g.jset(orLinkHdr, 0, bpf.SizeB, 1)
			if pre != nil {
				b = and(pre, b)
			}
			return b
		case dltIEEE80211, dltRadiotap:
			fc1 := func() cond { return g.jset(orLinkHdr, 1, bpf.SizeB, 0x01) }
			fc0 := func(bit uint32) cond { return g.jset(orLinkHdr, 0, bpf.SizeB, bit) }
			m := func(off uint32) cond { return g.jset(orLinkHdr, off, bpf.SizeB, 1) }
			b1 := fc1()
			b0 := and(b1, m(16))
			b2 := not(fc1())
			b0 = or(and(b2, m(4)), b0)
			b0 = and(fc0(0x08), b0)
			b2 = not(fc0(0x08))
			b0 = or(and(b2, m(4)), b0)
			return and(not(fc0(0x04)), b0)
		}
	case pIP:
		b0 := g.linkTest(ethertypeIP)
		return and(b0, g.cmpGE(orLinkPL, 16, bpf.SizeB, 224))
	case pIPv6:
		b0 := g.linkTest(ethertypeIPv6)
		return and(b0, g.cmp(orLinkPL, 24, bpf.SizeB, 255))
	}
	g.errorf(msg)
	return nil
}

func (g *gen) inbound(outbound bool) cond {
	var b cond
	switch g.linktype {
	case dltLinuxSLL:
		b = g.cmp(orLinkHdr, 0, bpf.SizeH, sllOutgoing)
	case dltLinuxSLL2:
		b = g.cmp(orLinkHdr, 10, bpf.SizeB, sllOutgoing)
	default:
		if g.opts.Savefile {
			g.errorf("inbound/outbound not supported on " + linkDesc(g.linktype) + " when reading savefiles")
		}
		b = g.cmp(orLinkHdr, bpf.Ancillary(bpf.AdPktType), bpf.SizeH, packetOutgoing)
	}
	if !outbound {
		b = not(b)
	}
	return b
}

func (g *gen) ifindex(idx uint32) cond {
	if g.linktype == dltLinuxSLL2 {
		return g.cmp(orLinkHdr, 4, bpf.SizeW, idx)
	}
	if g.opts.Savefile {
		g.errorf("ifindex not supported on " + linkDesc(g.linktype) + " when reading savefiles")
	}
	return g.cmp(orLinkHdr, bpf.Ancillary(bpf.AdIfIndex), bpf.SizeW, idx)
}

// prologue computes the variable header lengths the program uses, before
// anything else runs: the radiotap header length and the 802.11 header
// length (24 bytes, 2 more for QoS data, rounded up to 4 when the radio
// header says the driver padded it).
func (g *gen) prologue(next int32) []stmt {
	if g.offLinkPL.reg != -1 && g.offLinkHdr.variable && g.offLinkHdr.reg == -1 {
		g.offLinkHdr.reg = g.allocReg()
	}
	var s []stmt
	if g.outerLinktype == dltRadiotap && g.offLinkHdr.reg != -1 {
		r := uint32(g.offLinkHdr.reg)
		s = []stmt{st(opLdAbs|bpf.SizeB, 3), st(aluK(bpf.ALULsh), 8), st(opTax, 0),
			st(opLdAbs|bpf.SizeB, 2), st(aluX(bpf.ALUOr), 0), st(opSt, r), st(opTax, 0)}
	}
	switch g.outerLinktype {
	case dltIEEE80211, dltRadiotap:
		if g.offLinkPL.reg == -1 {
			break
		}
		pl := uint32(g.offLinkPL.reg)
		g.noOptimize = true
		if s == nil {
			s = []stmt{st(opLdxImm, g.offOuterLinkHdr.c)}
		}
		jset := func(k uint32, jt, jf int32) stmt {
			return stmt{ins: bpf.Instruction{Op: opJset, K: k}, jt: jt, jf: jf}
		}
		lData, lQoS, lNoQoS := g.newLabel(), g.newLabel(), g.newLabel()
		lQoSAdd := g.newLabel()
		s = append(s, st(opTxa, 0), st(aluK(bpf.ALUAdd), 24), st(opSt, pl),
			st(opLdInd|bpf.SizeB, 0),
			jset(0x08, lData, next), stmt{label: lData},
			jset(0x04, next, lQoS), stmt{label: lQoS},
			jset(0x80, lQoSAdd, lNoQoS), stmt{label: lQoSAdd},
			st(opLdMem, pl), st(aluK(bpf.ALUAdd), 2), st(opSt, pl))
		// libpcap looks at the current link type here, which an
		// encapsulation (pppoes, geneve) may have changed.
		if g.linktype == dltRadiotap {
			lFlags, lTSFT, lNoTSFT, lRound, lExt := g.newLabel(), g.newLabel(), g.newLabel(), g.newLabel(), g.newLabel()
			s = append(s, stmt{label: lNoQoS},
				st(opLdAbs|bpf.SizeW, 4),
				jset(0x02000000, lExt, next), stmt{label: lExt},
				jset(0x80, next, lFlags), stmt{label: lFlags},
				jset(0x01000000, lTSFT, lNoTSFT), stmt{label: lTSFT},
				st(opLdAbs|bpf.SizeB, 16),
				jset(0x20, lRound, next), stmt{label: lNoTSFT},
				st(opLdAbs|bpf.SizeB, 8),
				jset(0x20, lRound, next), stmt{label: lRound},
				st(opLdMem, pl), st(aluK(bpf.ALUAdd), 3), st(aluK(bpf.ALUAnd), 0xfffffffc), st(opSt, pl))
		} else {
			// Non-QoS data frames go straight on.
			s = append(s, stmt{label: lNoQoS})
		}
	}
	if s == nil && g.isVlanVLOffset {
		if g.offLinkPL.reg == -1 {
			g.offLinkPL.reg = g.allocReg()
		}
		if g.offLinkType.reg == -1 {
			g.offLinkType.reg = g.allocReg()
		}
		s = []stmt{st(opLdImm, 0), st(opSt, uint32(g.offLinkPL.reg)), st(opSt, uint32(g.offLinkType.reg))}
	}
	return s
}
