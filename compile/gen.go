package compile

import (
	"context"
	"encoding/binary"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

const offsetNotSet = 0xffffffff

// offrel names the header a load offset is relative to.
type offrel int

const (
	orPacket offrel = iota
	orLinkHdr
	orPrevLinkHdr
	orLLC
	orPrevMPLSHdr
	orLinkPL
	orLinkPLNoSnap
	orLinkType
	orTranIPv4
	orTranIPv6
)

// absOffset is an offset from the start of the packet: a constant, plus
// the value of a scratch register when the header before it has a length
// known only at run time.
type absOffset struct {
	c        uint32
	variable bool
	reg      int // -1 until a register is assigned
}

// gen holds the code generator's state. Like libpcap's, it changes as
// primitives are generated in source order: "vlan", "mpls", "pppoes" and
// "geneve" move the offsets that everything after them uses.
type gen struct {
	opts Options
	res  Resolver

	// Host name lookups use ctx; when it is nil, the first lookup makes
	// one that times out after DefaultLookupTimeout, and cancel releases
	// it.
	ctx    context.Context
	cancel context.CancelFunc
	off    int // offset of the primitive being generated, for errors

	linktype, outerLinktype, prevLinktype linktype.Type

	offLinkHdr, offPrevLinkHdr, offOuterLinkHdr absOffset
	offLinkPL, offLinkType                      absOffset
	offNL, offNLNoSnap                          uint32

	labelDepth, vlanDepth int
	isGeneve              bool
	isVlanVLOffset        bool

	regUsed [bpf.MemWords]bool
	curReg  int
	labels  int32  // jump labels used inside blocks; the emitter continues from here
	mem     *arena // the compile state's
	size    int    // instructions generated so far (most of them)
	limit   int    // the most instructions size may reach: genLimit

	// noOptimize is set by primitives whose code libpcap's optimizer
	// would break; libpcap then skips optimizing altogether.
	noOptimize bool
}

func (g *gen) newLabel() int32 {
	g.labels++
	return g.labels
}

// lookupContext returns the context that bounds host name lookups.
func (g *gen) lookupContext() context.Context {
	if g.ctx == nil {
		g.ctx, g.cancel = context.WithTimeout(context.Background(), DefaultLookupTimeout)
	}
	return g.ctx
}

// releaseContext releases the context lookupContext made, if any.
func (g *gen) releaseContext() {
	if g.cancel != nil {
		g.cancel()
	}
}

// fail stops code generation with msg, at the primitive being generated.
func (g *gen) fail(msg string) { fail(g.off, msg) }

// initLinktype sets the offsets for the handle's link type and reports
// whether the compiler supports it.
func (g *gen) initLinktype(lt linktype.Type) bool {
	g.outerLinktype, g.prevLinktype, g.linktype = lt, lt, lt
	g.offLinkHdr = absOffset{reg: -1}
	g.offLinkPL = absOffset{reg: -1}
	g.offLinkType = absOffset{reg: -1}
	switch lt {
	case linktype.Ethernet:
		g.offLinkType.c, g.offLinkPL.c, g.offNL, g.offNLNoSnap = 12, 14, 0, 3
	case linktype.NetAnalyzer, linktype.NetAnalyzerTransparent:
		// Ethernet behind a 4-byte header, or behind that header and
		// the preamble and SFD.
		hdr := uint32(4)
		if lt == linktype.NetAnalyzerTransparent {
			hdr = 12
		}
		g.offLinkHdr.c = hdr
		g.offLinkType.c, g.offLinkPL.c, g.offNL, g.offNLNoSnap = hdr+12, hdr+14, 0, 3
	case linktype.Null, linktype.Loop:
		g.offLinkType.c, g.offLinkPL.c = 0, 4
	case linktype.Enc:
		g.offLinkType.c, g.offLinkPL.c = 0, 12
	case linktype.PFLog:
		// The header's length is in its first byte.
		g.offLinkPL.variable = true
	case linktype.PPP, linktype.CHDLC, linktype.PPPSerial, linktype.PPPPPPD:
		g.offLinkType.c, g.offLinkPL.c = 2, 4
	case linktype.PPPEther:
		g.offLinkType.c, g.offLinkPL.c = 6, 8
	case linktype.PPPBSDOS:
		g.offLinkType.c, g.offLinkPL.c = 5, 24
	case linktype.SymantecFirewall:
		g.offLinkType.c, g.offLinkPL.c = 6, 44
	case linktype.AppleIPOverIEEE1394:
		g.offLinkType.c, g.offLinkPL.c = 16, 18
	case linktype.SLIP, linktype.SLIPBSDOS:
		g.offLinkType.c, g.offLinkPL.c = offsetNotSet, 16
		if lt == linktype.SLIPBSDOS {
			g.offLinkPL.c = 24
		}
	case linktype.LTalk:
		g.offLinkType.c, g.offLinkPL.c = offsetNotSet, 0
	case linktype.FrameRelay:
		g.offLinkType.c, g.offLinkPL.c = offsetNotSet, 0
	case linktype.IPNet:
		g.offLinkType.c, g.offLinkPL.c, g.offNLNoSnap = 1, 24, offsetNotSet
	case linktype.ArcnetBSD, linktype.ArcnetLinux:
		g.offLinkType.c, g.offLinkPL.c = 2, 6
		if lt == linktype.ArcnetLinux {
			g.offLinkType.c, g.offLinkPL.c = 4, 8
		}
	case linktype.IEEE80211Radio, linktype.IEEE80211Prism, linktype.IEEE80211AVS, linktype.PPI:
		g.offLinkHdr.variable = true
		fallthrough
	case linktype.IEEE80211:
		g.offLinkType.c, g.offLinkPL.c, g.offLinkPL.variable = 24, 0, true
		g.offNL, g.offNLNoSnap = 8, 3
	case linktype.Raw, linktype.IPv4, linktype.IPv6:
		g.offLinkType.c, g.offLinkPL.c = offsetNotSet, 0
	case linktype.LinuxSLL:
		g.offLinkType.c, g.offLinkPL.c = 14, 16
	case linktype.LinuxSLL2:
		g.offLinkType.c, g.offLinkPL.c = 0, 20
	case linktype.SunATM:
		g.offLinkType.c, g.offLinkPL.c, g.offNL, g.offNLNoSnap = sunATMPayload, sunATMPayload, 8, 3
	case linktype.ATMRFC1483, linktype.ATMCLIP:
		g.offLinkType.c, g.offLinkPL.c, g.offNL, g.offNLNoSnap = 0, 0, 8, 3
	case linktype.BACnetMSTP:
		g.offLinkType.c, g.offLinkPL.c = offsetNotSet, offsetNotSet
		g.offNL, g.offNLNoSnap = offsetNotSet, offsetNotSet
	case linktype.FDDI, linktype.IEEE8025, linktype.IPOverFC:
		pl := llcMACHeaders[lt].pl
		g.offLinkType.c, g.offLinkPL.c, g.offNL, g.offNLNoSnap = pl, pl, 8, 3
	default:
		if j, ok := juniperPayload[lt]; ok {
			g.offLinkType.c, g.offLinkPL.c, g.offNL, g.offNLNoSnap = 4, j.pl, 0, j.nlNoSnap
			if j.pl == offsetNotSet {
				g.offNL = offsetNotSet
			}
			break
		}
		if !headerOnly(lt) {
			return false
		}
		g.offLinkType.c, g.offLinkPL.c = offsetNotSet, offsetNotSet
		g.offNL, g.offNLNoSnap = offsetNotSet, offsetNotSet
	}
	g.offOuterLinkHdr = g.offLinkHdr
	g.offPrevLinkHdr = g.offLinkHdr
	return true
}

// Scratch registers, handed out round-robin like libpcap's so that an
// expression needs as many as libpcap's code does.

func (g *gen) allocReg() int {
	for n := 0; n < bpf.MemWords; n++ {
		if !g.regUsed[g.curReg] {
			g.regUsed[g.curReg] = true
			return g.curReg
		}
		g.curReg = (g.curReg + 1) % bpf.MemWords
	}
	g.fail("too many registers needed to evaluate expression")
	return 0
}

func (g *gen) freeReg(r int) { g.regUsed[r] = false }

// varpart loads the variable part of off into X, or returns nil when off
// is constant.
func (g *gen) varpart(off *absOffset) []stmt {
	if !off.variable {
		return nil
	}
	if off.reg == -1 {
		off.reg = g.allocReg()
	}
	return g.stmtList(st(opLdxMem, uint32(off.reg)))
}

func (g *gen) loadAbsRel(off *absOffset, k uint32, size uint16) []stmt {
	if off.variable {
		if off.reg == -1 {
			off.reg = g.allocReg()
		}
		return append(g.stmts(3), st(opLdxMem, uint32(off.reg)), st(opLdInd|size, off.c+k))
	}
	return append(g.stmts(2), st(opLdAbs|size, off.c+k))
}

// loadA loads the field of the given size at offset k from header rel.
func (g *gen) loadA(rel offrel, k uint32, size uint16) []stmt {
	switch rel {
	case orPacket:
		return g.stmtList(st(opLdAbs|size, k))
	case orLinkHdr:
		return g.loadAbsRel(&g.offLinkHdr, k, size)
	case orPrevLinkHdr:
		return g.loadAbsRel(&g.offPrevLinkHdr, k, size)
	case orLLC:
		return g.loadAbsRel(&g.offLinkPL, k, size)
	case orPrevMPLSHdr:
		return g.loadAbsRel(&g.offLinkPL, g.offNL-4+k, size)
	case orLinkPL:
		return g.loadAbsRel(&g.offLinkPL, g.offNL+k, size)
	case orLinkPLNoSnap:
		return g.loadAbsRel(&g.offLinkPL, g.offNLNoSnap+k, size)
	case orLinkType:
		return g.loadAbsRel(&g.offLinkType, k, size)
	case orTranIPv4:
		s := g.loadxIPHdrLen(1)
		return append(s, st(opLdInd|size, g.offLinkPL.c+g.offNL+k))
	case orTranIPv6:
		return g.loadAbsRel(&g.offLinkPL, g.offNL+40+k, size)
	}
	panic("compile: bad offrel")
}

// loadxIPHdrLen loads the IPv4 header length into X, in a slice with room
// for extra more statements.
func (g *gen) loadxIPHdrLen(extra int) []stmt {
	if g.offLinkPL.variable {
		s := append(g.stmts(6+extra), g.varpart(&g.offLinkPL)...)
		return append(s,
			st(opLdInd|bpf.SizeB, g.offLinkPL.c+g.offNL),
			st(aluK(bpf.ALUAnd), 0xf),
			st(aluK(bpf.ALULsh), 2),
			st(aluX(bpf.ALUAdd), 0),
			st(opTax, 0))
	}
	return append(g.stmts(1+extra), st(opLdxMsh, g.offLinkPL.c+g.offNL))
}

// ncmp compares (field & mask) with v using jump test jtype; reverse
// negates the test, so that JGT, JGE and JEQ with reverse mean <=, < and
// !=. libpcap 1.10.3's gen_ncmp negates only JGT and JGE, so its "!=" on
// the MTP3 fields (sio, opc, dpc, sls and the h forms) and SunATM's vpi
// and vci tests equality: an outright bug, which we do not copy (the rest
// of the program is libpcap's; see libpcapNotEqualBug in the tests).
func (g *gen) ncmp(rel offrel, k uint32, size uint16, mask uint32, jtype uint16, reverse bool, v uint32) cond {
	s := g.loadA(rel, k, size)
	if mask != 0xffffffff {
		s = g.add(s, st(aluK(bpf.ALUAnd), mask))
	}
	g.size += len(s) + 1
	var c cond = g.newBlock(s, bpf.ClassJMP|jtype, v)
	if reverse {
		c = g.not(c)
	}
	return c
}

func (g *gen) cmp(rel offrel, k uint32, size uint16, v uint32) cond {
	return g.ncmp(rel, k, size, 0xffffffff, bpf.JumpJEQ, false, v)
}

func (g *gen) cmpGT(rel offrel, k uint32, size uint16, v uint32) cond {
	return g.ncmp(rel, k, size, 0xffffffff, bpf.JumpJGT, false, v)
}

func (g *gen) cmpGE(rel offrel, k uint32, size uint16, v uint32) cond {
	return g.ncmp(rel, k, size, 0xffffffff, bpf.JumpJGE, false, v)
}

func (g *gen) cmpLT(rel offrel, k uint32, size uint16, v uint32) cond {
	return g.ncmp(rel, k, size, 0xffffffff, bpf.JumpJGE, true, v)
}

func (g *gen) cmpLE(rel offrel, k uint32, size uint16, v uint32) cond {
	return g.ncmp(rel, k, size, 0xffffffff, bpf.JumpJGT, true, v)
}

func (g *gen) mcmp(rel offrel, k uint32, size uint16, v, mask uint32) cond {
	return g.ncmp(rel, k, size, mask, bpf.JumpJEQ, false, v)
}

// bcmp compares len(v) bytes at k with v, testing the last word first as
// libpcap does.
func (g *gen) bcmp(rel offrel, k uint32, v []byte) cond {
	var b cond
	size := uint32(len(v))
	add := func(c cond) {
		if b == noCond {
			b = c
		} else {
			b = g.and(b, c)
		}
	}
	for size >= 4 {
		add(g.cmp(rel, k+size-4, bpf.SizeW, binary.BigEndian.Uint32(v[size-4:])))
		size -= 4
	}
	for size >= 2 {
		add(g.cmp(rel, k+size-2, bpf.SizeH, uint32(binary.BigEndian.Uint16(v[size-2:]))))
		size -= 2
	}
	if size > 0 {
		add(g.cmp(rel, k, bpf.SizeB, uint32(v[0])))
	}
	return b
}

// jset tests bits of a byte of the link-layer header.
func (g *gen) jset(rel offrel, k uint32, size uint16, bits uint32) cond {
	return g.newBlock(g.loadA(rel, k, size), opJset, bits)
}

func (g *gen) uncond(result bool) cond { return g.constBlock(result) }

func (g *gen) trueCond() cond  { return g.uncond(true) }
func (g *gen) falseCond() cond { return g.uncond(false) }
