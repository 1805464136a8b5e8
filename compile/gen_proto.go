package compile

import (
	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// protoAbbrev is a bare protocol keyword: "tcp", "ip6", "arp", "l1", ...
// Each keyword is one of the tests in the tables below: a link-layer type,
// a protocol number inside another protocol, or a set of IS-IS PDU types.
func (g *gen) protoAbbrev(proto protoQual) cond {
	if int(proto) < len(protoAbbrevLink) && protoAbbrevLink[proto] != 0 {
		return g.linkTest(protoAbbrevLink[proto])
	}
	if int(proto) < len(protoAbbrevIn) && protoAbbrevIn[proto].num != 0 {
		in := protoAbbrevIn[proto]
		return g.proto(in.num, in.in, qDefault)
	}
	if int(proto) < len(protoAbbrevISIS) && protoAbbrevISIS[proto] != nil {
		return g.isisAny(protoAbbrevISIS[proto]...)
	}
	switch proto {
	case pLink:
		g.fail("link layer applied in wrong context")
	case pRadio:
		g.fail("'radio' is not a valid protocol type")
	}
	g.fail("unknown protocol")
	return noCond
}

// protoAbbrevLink holds the keywords that test the link-layer type: an
// Ethernet type or an 802.2 SAP (never 0).
var protoAbbrevLink = [...]uint32{
	pIP: ethertypeIP, pARP: ethertypeARP, pRARP: ethertypeRevARP,
	pATalk: ethertypeATalk, pAARP: ethertypeAARP, pDECnet: ethertypeDN,
	pSCA: ethertypeSCA, pLAT: ethertypeLAT, pMOPDL: ethertypeMOPDL,
	pMOPRC: ethertypeMOPRC, pIPv6: ethertypeIPv6, pISO: sapISONS,
	pSTP: sap8021D, pIPX: sapIPX, pNetBEUI: sapNetBEUI,
}

// protoAbbrevIn holds the keywords that are "[in] proto num" (num is never
// 0; in is qDefault for "IPv4 or IPv6").
var protoAbbrevIn = [...]struct {
	num uint32
	in  protoQual
}{
	pSCTP: {ipprotoSCTP, qDefault}, pTCP: {ipprotoTCP, qDefault},
	pUDP: {ipprotoUDP, qDefault}, pICMP: {1, pIP}, pIGMP: {2, pIP},
	pIGRP: {9, pIP}, pPIM: {103, qDefault}, pVRRP: {112, pIP},
	pCARP: {112, pIP}, pICMPv6: {58, pIPv6}, pAH: {51, qDefault},
	pESP: {50, qDefault}, pESIS: {isoESIS, pISO}, pISIS: {isoISIS, pISO},
	pCLNP: {isoCLNP, pISO},
}

// protoAbbrevISIS holds the IS-IS keywords and the PDU types each matches,
// in the order libpcap chains them.
var protoAbbrevISIS = [...][]uint32{
	pISISL1:   {15, 17, 18, 24, 26},
	pISISL2:   {16, 17, 20, 25, 27},
	pISISIIH:  {15, 16, 17},
	pISISLSP:  {18, 20},
	pISISSNP:  {24, 25, 26, 27},
	pISISCSNP: {24, 25},
	pISISPSNP: {26, 27},
}

// isisAny matches any of the IS-IS PDU types. libpcap chains them as
// t0 or t1, then puts each later one in front of the chain.
func (g *gen) isisAny(types ...uint32) cond {
	b := g.or(g.proto(types[0], pISIS, qDefault), g.proto(types[1], pISIS, qDefault))
	for _, t := range types[2:] {
		b = g.or(g.proto(t, pISIS, qDefault), b)
	}
	return b
}

var protoBogus = map[protoQual]string{
	pARP:    "arp does not encapsulate another protocol",
	pRARP:   "rarp does not encapsulate another protocol",
	pATalk:  "AppleTalk encapsulation is not specifiable",
	pDECnet: "DECNET encapsulation is not specifiable",
	pLAT:    "LAT does not encapsulate another protocol",
	pSCA:    "SCA does not encapsulate another protocol",
	pMOPRC:  "MOPRC does not encapsulate another protocol",
	pMOPDL:  "MOPDL does not encapsulate another protocol",
	pCLNP:   "'clnp proto' is not supported",
}

// proto is "[proto] proto N": protocol N carried in the given protocol.
func (g *gen) proto(v uint32, proto protoQual, dir dirQual) cond {
	if dir != qDefault {
		g.fail("direction applied to 'proto'")
	}
	switch proto {
	case qDefault:
		b0 := g.proto(v, pIP, dir)
		return g.or(b0, g.proto(v, pIPv6, dir))
	case pLink:
		return g.linkTest(v)
	case pIP:
		b0 := g.linkTest(ethertypeIP)
		return g.and(b0, g.cmp(orLinkPL, 9, bpf.SizeB, v))
	case pIPv6:
		b0 := g.linkTest(ethertypeIPv6)
		frag := g.cmp(orLinkPL, 6, bpf.SizeB, 44)
		b1 := g.and(frag, g.cmp(orLinkPL, 40, bpf.SizeB, v))
		b1 = g.or(g.cmp(orLinkPL, 6, bpf.SizeB, v), b1)
		return g.and(b0, b1)
	case pISO:
		if g.linktype == linktype.FrameRelay {
			// The NLPID is the protocol.
			return g.cmp(orLinkHdr, 2, bpf.SizeH, 0x03<<8|v)
		}
		if g.linktype == linktype.CHDLC {
			b0 := g.linkTest(sapISONS<<8 | sapISONS)
			return g.and(b0, g.cmp(orLinkPLNoSnap, 1, bpf.SizeB, v))
		}
		b0 := g.linkTest(sapISONS)
		return g.and(b0, g.cmp(orLinkPLNoSnap, 0, bpf.SizeB, v))
	case pISIS:
		b0 := g.proto(isoISIS, pISO, qDefault)
		return g.and(b0, g.cmp(orLinkPLNoSnap, 4, bpf.SizeB, v))
	}
	if msg, ok := protoBogus[proto]; ok {
		g.fail(msg)
	}
	g.fail("'" + protoNames[proto] + " proto' is bogus")
	return noCond
}

// protochain is "[ip|ip6] protochain N": follow IPv6 extension headers and
// AH headers looking for protocol N. Like libpcap's, the code loops with a
// backward jump. The Linux kernel refuses such programs, but libpcap's and
// this module's BPF machines run them (a live capture then filters in user
// space, as libpcap does).
func (g *gen) protochain(v uint32, proto protoQual) cond {
	reg2 := g.allocReg()
	switch proto {
	case pIP, pIPv6:
	case qDefault:
		b0 := g.protochain(v, pIP)
		return g.or(b0, g.protochain(v, pIPv6))
	default:
		g.fail("bad protocol applied for 'protochain'")
	}
	if g.offLinkPL.variable {
		g.fail("'protochain' not supported with variable length headers")
	}
	g.noOptimize = true
	nl := g.offLinkPL.c + g.offNL
	var b0 cond
	var s []stmt
	if proto == pIP {
		b0 = g.linkTest(ethertypeIP)
		s = g.add(s, st(opLdAbs|bpf.SizeB, nl+9), st(opLdxMsh, nl))
	} else {
		b0 = g.linkTest(ethertypeIPv6)
		s = g.add(s, st(opLdAbs|bpf.SizeB, nl+6), st(opLdxImm, 40))
	}
	again, end, ahcheck := g.newLabel(), g.newLabel(), g.newLabel()
	jeq := func(k uint32, jt, jf int32) stmt {
		return stmt{ins: bpf.Instruction{Op: opJeq, K: k}, jt: jt, jf: jf}
	}
	ja := func(to int32) stmt { return stmt{ins: bpf.Instruction{Op: opJa}, jt: to} }
	l1, l2 := g.newLabel(), g.newLabel()
	s = g.add(s, stmt{label: again}, jeq(v, end, l1), stmt{label: l1}, jeq(59, end, l2), stmt{label: l2})
	if proto == pIPv6 {
		// Hop-by-hop, destination options, routing and fragment headers:
		// the next header is at offset 0, the length in 8-byte units
		// (less one) at offset 1.
		advance, la, lb, lc := g.newLabel(), g.newLabel(), g.newLabel(), g.newLabel()
		s = g.add(s,
			jeq(0, advance, la), stmt{label: la},
			jeq(60, advance, lb), stmt{label: lb},
			jeq(43, advance, lc), stmt{label: lc},
			jeq(44, advance, ahcheck),
			stmt{label: advance},
			st(opLdInd|bpf.SizeB, nl),
			st(opSt, uint32(reg2)),
			st(opLdInd|bpf.SizeB, nl+1),
			st(aluK(bpf.ALUAdd), 1),
			st(aluK(bpf.ALUMul), 8),
			st(aluX(bpf.ALUAdd), 0),
			st(opTax, 0),
			st(opLdMem, uint32(reg2)),
			ja(again))
	} else {
		s = g.add(s, st(aluK(bpf.ALUAdd), 0))
	}
	// AH: the length is in 4-byte units less two. libpcap sets X to the
	// AH length alone, not to the offset past the header; kept as is.
	l3 := g.newLabel()
	s = g.add(s, stmt{label: ahcheck},
		jeq(51, l3, end), stmt{label: l3},
		st(opTxa, 0),
		st(opLdInd|bpf.SizeB, nl),
		st(opSt, uint32(reg2)),
		st(opTxa, 0),
		st(aluK(bpf.ALUAdd), 1),
		st(opTax, 0),
		st(opLdInd|bpf.SizeB, nl),
		st(aluK(bpf.ALUAdd), 2),
		st(aluK(bpf.ALUMul), 4),
		st(opTax, 0),
		st(opLdMem, uint32(reg2)),
		ja(again),
		stmt{label: end}, st(aluK(bpf.ALUAdd), 0))
	g.freeReg(reg2)
	return g.and(b0, g.newBlock(s, opJeq, v))
}
