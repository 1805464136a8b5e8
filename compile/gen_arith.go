package compile

import (
	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// arthVal is a computed arithmetic value: statements that leave it in
// scratch register reg, and the protocol tests its packet loads need.
type arthVal struct {
	s   []stmt
	reg int
	b   cond
}

// arith returns the code of a, generating it (and its operands) the first
// time.
func (g *gen) arith(a arith) *arthVal {
	switch x := a.(type) {
	case *numArith:
		if x.val == nil {
			r := g.allocReg()
			x.val = g.newVal(g.stmtList(st(opLdImm, x.v), st(opSt, uint32(r))), r)
		}
		return x.val
	case *lenArith:
		if x.val == nil {
			r := g.allocReg()
			x.val = g.newVal(g.stmtList(st(opLdLen, 0), st(opSt, uint32(r))), r)
		}
		return x.val
	case *loadArith:
		if x.val == nil {
			inst := g.arith(x.idx)
			g.off = x.off
			x.val = g.load(x.proto, inst, x.size)
		}
		return x.val
	case *binArith:
		if x.val == nil {
			a0 := g.arith(x.l)
			a1 := g.arith(x.r)
			g.off = x.off
			x.val = g.binop(x.op, a0, a1)
		}
		return x.val
	case *negArith:
		if x.val == nil {
			v := g.arith(x.x)
			v.s = append(g.extend(v.s, 3), st(opLdMem, uint32(v.reg)), st(bpf.ClassALU|bpf.ALUNeg, 0), st(opSt, uint32(v.reg)))
			x.val = v
		}
		return x.val
	}
	panic("compile: bad arith node")
}

// isImm reports whether v's first statement loads the constant k, which is
// how libpcap spots a constant divisor or shift count.
func firstImm(v *arthVal) (uint32, bool) {
	if len(v.s) > 0 && v.s[0].label == 0 && v.s[0].ins.Op == opLdImm {
		return v.s[0].ins.K, true
	}
	return 0, false
}

func (g *gen) binop(op uint16, a0, a1 *arthVal) *arthVal {
	if k, ok := firstImm(a1); ok {
		switch {
		case op == bpf.ALUDiv && k == 0:
			g.fail("division by zero")
		case op == bpf.ALUMod && k == 0:
			g.fail("modulus by zero")
		case (op == bpf.ALULsh || op == bpf.ALURsh) && k > 31:
			g.fail("shift by more than 31 bits")
		}
	}
	res := g.newVal(nil, 0)
	s := append(g.extend(a0.s, len(a1.s)+4), a1.s...)
	s = append(s, st(opLdxMem, uint32(a1.reg)), st(opLdMem, uint32(a0.reg)), st(aluX(op), 0))
	g.freeReg(a0.reg)
	g.freeReg(a1.reg)
	r := g.allocReg()
	s = append(s, st(opSt, uint32(r)))
	// The right operand's protocol tests are dropped, as in libpcap.
	res.s, res.reg, res.b = s, r, a0.b
	return res
}

// load is proto[inst:size].
func (g *gen) load(proto protoQual, inst *arthVal, size uint32) *arthVal {
	regno := g.allocReg()
	g.freeReg(inst.reg)
	var sz uint16
	switch size {
	case 1:
		sz = bpf.SizeB
	case 2:
		sz = bpf.SizeH
	case 4:
		sz = bpf.SizeW
	default:
		g.fail("data size must be 1, 2, or 4")
	}
	idxToX := func(off *absOffset) []stmt {
		if s := g.varpart(off); s != nil {
			return append(g.extend(s, 3), st(opLdMem, uint32(inst.reg)), st(aluX(bpf.ALUAdd), 0), st(opTax, 0))
		}
		return g.stmtList(st(opLdxMem, uint32(inst.reg)))
	}
	switch proto {
	case pRadio:
		switch g.linktype {
		case linktype.IEEE80211Radio, linktype.IEEE80211Prism, linktype.IEEE80211AVS:
		default:
			g.fail("radio information not present in capture")
		}
		inst.s = append(g.extend(inst.s, 3), st(opLdxMem, uint32(inst.reg)), st(opLdInd|sz, 0))
	case pLink:
		s := idxToX(&g.offLinkHdr)
		inst.s = append(append(g.extend(inst.s, len(s)+2), s...), st(opLdInd|sz, g.offLinkHdr.c))
	case pIP, pARP, pRARP, pATalk, pDECnet, pSCA, pLAT, pMOPRC, pMOPDL, pIPv6:
		s := idxToX(&g.offLinkPL)
		inst.s = append(append(g.extend(inst.s, len(s)+2), s...), st(opLdInd|sz, g.offLinkPL.c+g.offNL))
		b := g.protoAbbrev(proto)
		if inst.b != noCond {
			b = g.and(inst.b, b)
		}
		inst.b = b
	case pSCTP, pTCP, pUDP, pICMP, pIGMP, pIGRP, pPIM, pVRRP, pCARP:
		s := g.loadxIPHdrLen(4)
		s = append(s, st(opLdMem, uint32(inst.reg)), st(aluX(bpf.ALUAdd), 0), st(opTax, 0),
			st(opLdInd|sz, g.offLinkPL.c+g.offNL))
		inst.s = append(g.extend(inst.s, len(s)+1), s...)
		frag := g.ipFragOK()
		b := g.and(g.protoAbbrev(proto), frag)
		if inst.b != noCond {
			b = g.and(inst.b, b)
		}
		inst.b = g.and(g.protoAbbrev(pIP), b)
	case pICMPv6:
		b := g.protoAbbrev(pIPv6)
		if inst.b != noCond {
			b = g.and(inst.b, b)
		}
		b = g.and(b, g.cmp(orLinkPL, 6, bpf.SizeB, 58))
		inst.b = b
		s := idxToX(&g.offLinkPL)
		inst.s = append(append(g.extend(inst.s, len(s)+2), s...), st(opLdInd|sz, g.offLinkPL.c+g.offNL+40))
	default:
		g.fail("unsupported index operation")
	}
	inst.reg = regno
	inst.s = append(g.extend(inst.s, 1), st(opSt, uint32(regno)))
	return inst
}

// relation compares two values: code is JEQ, JGT or JGE.
func (g *gen) relation(code uint16, a0, a1 *arthVal, reversed bool) cond {
	s := append(g.extend(a0.s, len(a1.s)+3), a1.s...)
	s = append(s, st(opLdxMem, uint32(a1.reg)), st(opLdMem, uint32(a0.reg)))
	var c cond
	if code == bpf.JumpJEQ {
		s = append(s, st(aluX(bpf.ALUSub), 0))
		c = g.newBlock(s, opJeq, 0)
	} else {
		c = g.newBlock(s, bpf.ClassJMP|code|bpf.SrcX, 0)
	}
	if reversed {
		c = g.not(c)
	}
	g.freeReg(a0.reg)
	g.freeReg(a1.reg)
	if tmp := g.andMaybe(a0.b, a1.b); tmp != noCond {
		c = g.and(tmp, c)
	}
	return c
}

func (g *gen) andMaybe(a, b cond) cond {
	switch {
	case a != noCond && b != noCond:
		return g.and(a, b)
	case a != noCond:
		return a
	}
	return b
}
