package compile

import (
	"strconv"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// Encapsulations. Each of these moves the offsets that later primitives
// use, in the order the primitives appear in the expression.

func (g *gen) vlanTPIDTest() cond {
	b := g.or(g.linkTest(ethertype8021Q), g.linkTest(ethertype8021AD))
	return g.or(b, g.linkTest(ethertypeQinQ))
}

// vlanVIDTest is a block that tests the VLAN ID.
func (g *gen) vlanVIDTest(vid uint32) cond {
	if vid > 0x0fff {
		g.fail("VLAN tag " + strconv.Itoa(int(vid)) + " greater than maximum 4095")
	}
	return g.mcmp(orLinkPL, 0, bpf.SizeH, vid, 0x0fff)
}

func (g *gen) vlan(vid uint32, has bool) cond {
	if g.labelDepth > 0 {
		g.fail("no VLAN match after MPLS")
	}
	var b cond
	switch g.linktype {
	case linktype.Ethernet, linktype.NetAnalyzer, linktype.NetAnalyzerTransparent:
		if g.opts.LiveLinux && g.vlanDepth == 0 && !g.offLinkHdr.variable &&
			g.offLinkHdr.c == g.offOuterLinkHdr.c {
			b = g.vlanAncillary(vid, has)
		} else {
			b = g.vlanInPacket(vid, has)
		}
	case linktype.IEEE80211, linktype.IEEE80211Radio, linktype.IEEE80211Prism, linktype.IEEE80211AVS:
		b = g.vlanInPacket(vid, has)
	default:
		g.fail("no VLAN support for " + linkDesc(g.linktype))
	}
	g.vlanDepth++
	return b
}

// vlanInPacket matches a VLAN tag in the packet data and moves the
// offsets past it.
func (g *gen) vlanInPacket(vid uint32, has bool) cond {
	b := g.vlanTPIDTest()
	if has {
		b = g.and(b, g.vlanVIDTest(vid))
	}
	g.offLinkPL.c += 4
	g.offLinkType.c += 4
	return b
}

// vloffsetAdd makes off variable and adds v to its register.
func (g *gen) vloffsetAdd(off *absOffset, v uint32) []stmt {
	off.variable = true
	if off.reg == -1 {
		off.reg = g.allocReg()
	}
	r := uint32(off.reg)
	return g.stmtList(st(opLdMem, r), st(aluK(bpf.ALUAdd), v), st(opSt, r))
}

// vlanAncillary matches a VLAN tag the way a live Linux socket needs: the
// kernel may have moved the outer tag into packet metadata, so the test
// accepts either the metadata flag or a tag in the packet; in the latter
// case the offsets move by 4 at run time.
func (g *gen) vlanAncillary(vid uint32, has bool) cond {
	present := func() stmt { return st(opLdAbs|bpf.SizeB, bpf.Ancillary(bpf.AdVLANTagPresent)) }
	b0 := cond(g.newBlock(g.stmtList(present()), opJeq, 1))
	tpid := g.vlanTPIDTest()
	var vidTest cond
	if has {
		vidTest = g.vlanVIDTest(vid)
	}
	g.isVlanVLOffset = true
	pre := g.vloffsetAdd(&g.offLinkPL, 4)
	pre = g.add(pre, g.vloffsetAdd(&g.offLinkType, 4)...)
	head := g.mem.headBlock(tpid)
	g.setStmts(head, g.add(pre, g.blockStmts(head)...))
	b := g.or(b0, tpid)
	if has {
		lTag, lPkt, lLast := g.newLabel(), g.newLabel(), g.newLabel()
		orig := g.blockStmts(vidTest)
		s := g.stmtList(present(), stmt{ins: bpf.Instruction{Op: opJeq, K: 1}, jt: lTag, jf: lPkt},
			stmt{label: lTag}, st(opLdAbs|bpf.SizeB, bpf.Ancillary(bpf.AdVLANTag)),
			stmt{ins: bpf.Instruction{Op: opJa}, jt: lLast}, stmt{label: lPkt})
		s = g.add(s, orig[:len(orig)-1]...)
		s = g.add(s, stmt{label: lLast}, orig[len(orig)-1])
		g.setStmts(vidTest, s)
		b = g.and(b, vidTest)
	}
	return b
}

func (g *gen) mpls(label uint32, has bool) cond {
	var b0 cond
	if g.labelDepth > 0 {
		b0 = g.mcmp(orPrevMPLSHdr, 2, bpf.SizeB, 0, 0x01)
	} else {
		switch g.linktype {
		case linktype.CHDLC, linktype.Ethernet, linktype.NetAnalyzer, linktype.NetAnalyzerTransparent:
			b0 = g.linkTest(ethertypeMPLS)
		case linktype.PPP:
			b0 = g.linkTest(pppMPLSUnicast)
		default:
			g.fail("no MPLS support for " + linkDesc(g.linktype))
		}
	}
	if has {
		if label > 0xfffff {
			g.fail("MPLS label " + strconv.Itoa(int(label)) + " greater than maximum 1048575")
		}
		b0 = g.and(b0, g.mcmp(orLinkPL, 0, bpf.SizeW, label<<12, 0xfffff000))
	}
	g.offNLNoSnap += 4
	g.offNL += 4
	g.labelDepth++
	return b0
}

func (g *gen) pppoes(sess uint32, has bool) cond {
	b0 := g.linkTest(ethertypePPPoES)
	if has {
		if sess > 0xffff {
			g.fail("PPPoE session number " + strconv.Itoa(int(sess)) + " greater than maximum 65535")
		}
		b0 = g.and(b0, g.mcmp(orLinkPL, 0, bpf.SizeW, sess, 0x0000ffff))
	}
	// The PPP header starts 6 bytes into the PPPoE payload.
	g.pushLinkHdr(linktype.PPP, g.offLinkPL.variable, g.offLinkPL.c+g.offNL+6, g.offLinkPL.reg)
	g.offLinkType = g.offLinkHdr
	g.offLinkPL.c = g.offLinkHdr.c + 2
	g.offNL, g.offNLNoSnap = 0, 0
	return b0
}

func (g *gen) pushLinkHdr(lt linktype.Type, variable bool, c uint32, reg int) {
	g.prevLinktype = g.linktype
	g.offPrevLinkHdr = g.offLinkHdr
	g.linktype = lt
	g.offLinkHdr = absOffset{c: c, variable: variable, reg: reg}
	g.isGeneve = false
}

// geneve matches Geneve (UDP port 6081) and moves the offsets to the
// encapsulated frame, whose start is computed at run time.
func (g *gen) geneve(vni uint32, has bool) cond {
	check := func(v6 bool, rel offrel) cond {
		b := g.and(g.port(v6, geneveUDPPort, ipprotoUDP, qDst), g.mcmp(rel, 8, bpf.SizeB, 0, 0xc0))
		if has {
			if vni > 0xffffff {
				g.fail("Geneve VNI " + strconv.Itoa(int(vni)) + " greater than maximum 16777215")
			}
			b = g.and(b, g.mcmp(rel, 12, bpf.SizeW, vni<<8, 0xffffff00))
		}
		return b
	}
	// IPv4: leave the IP header length in A.
	b4 := check(false, orTranIPv4)
	s := append(g.loadxIPHdrLen(1), st(opTxa, 0))
	b4 = g.and(b4, g.newBlock(s, opJeq|bpf.SrcX, 0))
	// IPv6: the fixed header length.
	b6 := check(true, orTranIPv6)
	if s6 := g.varpart(&g.offLinkPL); s6 != nil {
		s = g.add(s6, st(opLdImm, 40), st(aluX(bpf.ALUAdd), 0))
	} else {
		s = g.stmtList(st(opLdImm, 40))
	}
	s = g.add(s, st(opTax, 0))
	b6 = g.and(b6, g.newBlock(s, opJeq|bpf.SrcX, 0))
	b0 := g.or(b4, b6)

	// A holds the offset of the UDP header from the network header.
	s = g.stmtList(st(aluK(bpf.ALUAdd), g.offLinkPL.c+g.offNL+8), st(opTax, 0), st(aluK(bpf.ALUAdd), 2))
	g.offLinkType = absOffset{variable: true, reg: g.allocReg()}
	s = g.add(s, st(opSt, uint32(g.offLinkType.reg)),
		st(opLdInd|bpf.SizeB, 0), st(aluK(bpf.ALUAnd), 0x3f), st(aluK(bpf.ALUMul), 4),
		st(aluK(bpf.ALUAdd), 8), st(aluX(bpf.ALUAdd), 0))
	g.pushLinkHdr(linktype.Ethernet, true, 0, g.allocReg())
	g.noOptimize = true
	lTEB, lStore := g.newLabel(), g.newLabel()
	s = g.add(s, st(opSt, uint32(g.offLinkHdr.reg)),
		st(opLdInd|bpf.SizeH, 2),
		st(opLdxMem, uint32(g.offLinkHdr.reg)),
		stmt{ins: bpf.Instruction{Op: opJeq, K: ethertypeTEB}, jt: lTEB, jf: lStore},
		stmt{label: lTEB},
		st(opTxa, 0), st(aluK(bpf.ALUAdd), 12), st(opSt, uint32(g.offLinkType.reg)),
		st(aluK(bpf.ALUAdd), 2), st(opTax, 0))
	g.offLinkPL = absOffset{variable: true, reg: g.allocReg()}
	s = g.add(s, stmt{label: lStore}, st(opStx, uint32(g.offLinkPL.reg)))
	g.offNL = 0
	t := g.trueCond()
	g.setStmts(t, g.add(s, g.blockStmts(t)...))
	g.isGeneve = true
	return g.and(b0, t)
}

// geneveLinkCheck is true when the Geneve payload is an Ethernet frame.
func (g *gen) geneveLinkCheck() cond {
	s := []stmt{st(opLdMem, uint32(g.offLinkHdr.reg)), st(opLdxMem, uint32(g.offLinkPL.reg))}
	return g.not(g.newBlock(s, opJeq|bpf.SrcX, 0))
}
