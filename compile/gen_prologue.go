package compile

import (
	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// The prologue: code that runs before the filter proper to compute header
// lengths known only at run time (radiotap, 802.11, VLAN in metadata).

// prologue computes the variable header lengths the program uses, before
// anything else runs: the radiotap header length and the 802.11 header
// length (24 bytes, 2 more for QoS data, rounded up to 4 when the radio
// header says the driver padded it).
func (g *gen) prologue(next int32) []stmt {
	if g.offLinkPL.reg != -1 && g.offLinkHdr.variable && g.offLinkHdr.reg == -1 {
		g.offLinkHdr.reg = g.allocReg()
	}
	var s []stmt
	if g.outerLinktype == linktype.IEEE80211Prism {
		// libpcap turns its optimizer off for Prism captures whether or
		// not the program reads the header length, whose code jumps.
		g.noOptimize = true
	}
	if g.offLinkHdr.reg != -1 {
		s = g.radioHeaderLen(uint32(g.offLinkHdr.reg))
	}
	switch g.outerLinktype {
	case linktype.PFLog:
		if g.offLinkPL.reg != -1 {
			s = g.pflogPrologue()
		}
	case linktype.IEEE80211, linktype.IEEE80211Radio, linktype.IEEE80211Prism, linktype.IEEE80211AVS, linktype.PPI:
		if g.offLinkPL.reg == -1 {
			break
		}
		pl := uint32(g.offLinkPL.reg)
		g.noOptimize = true
		if s == nil {
			s = g.stmtList(st(opLdxImm, g.offOuterLinkHdr.c))
		}
		jset := func(k uint32, jt, jf int32) stmt {
			return stmt{ins: bpf.Instruction{Op: opJset, K: k}, jt: jt, jf: jf}
		}
		lData, lQoS, lNoQoS := g.newLabel(), g.newLabel(), g.newLabel()
		lQoSAdd := g.newLabel()
		s = g.add(s, st(opTxa, 0), st(aluK(bpf.ALUAdd), 24), st(opSt, pl),
			st(opLdInd|bpf.SizeB, 0),
			jset(0x08, lData, next), stmt{label: lData},
			jset(0x04, next, lQoS), stmt{label: lQoS},
			jset(0x80, lQoSAdd, lNoQoS), stmt{label: lQoSAdd},
			st(opLdMem, pl), st(aluK(bpf.ALUAdd), 2), st(opSt, pl))
		// libpcap looks at the current link type here, which an
		// encapsulation (pppoes, geneve) may have changed.
		if g.linktype == linktype.IEEE80211Radio {
			lFlags, lTSFT, lNoTSFT, lRound, lExt := g.newLabel(), g.newLabel(), g.newLabel(), g.newLabel(), g.newLabel()
			s = g.add(s, stmt{label: lNoQoS},
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
			s = g.add(s, stmt{label: lNoQoS})
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
