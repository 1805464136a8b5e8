package compile

import (
	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// 802.11 behind a radio header whose length the program reads at run
// time: radiotap, Prism or AVS, and PPI.

const (
	prismHeaderLen = 144        // a Prism header's fixed length
	avsCookieMask  = 0xfffff000 // the top of an AVS header's version word
	avsCookie      = 0x80211000
	ppiDLTIEEE1121 = 0x69000000 // DLT_IEEE802_11 in the PPI header's little-endian DLT field, loaded as a word
)

// isWLAN reports whether lt carries 802.11 frames the filter can look at.
// On PPI, libpcap 1.10 takes neither "vlan" nor the frame type and
// direction primitives.
func isWLAN(lt linktype.Type) bool {
	switch lt {
	case linktype.IEEE80211, linktype.IEEE80211Radio, linktype.IEEE80211Prism, linktype.IEEE80211AVS, linktype.PPI:
		return true
	}
	return false
}

// radioHeaderLen loads the length of the radio header in front of the
// 802.11 header into register r and X, for the outer link type.
func (g *gen) radioHeaderLen(r uint32) []stmt {
	var s []stmt
	switch g.outerLinktype {
	case linktype.IEEE80211Radio, linktype.PPI:
		// A 2-byte little-endian length at offset 2.
		s = g.stmtList(st(opLdAbs|bpf.SizeB, 3), st(aluK(bpf.ALULsh), 8), st(opTax, 0),
			st(opLdAbs|bpf.SizeB, 2), st(aluX(bpf.ALUOr), 0))
	case linktype.IEEE80211AVS:
		s = g.stmtList(st(opLdAbs|bpf.SizeW, 4))
	case linktype.IEEE80211Prism:
		// A Prism capture may hold AVS headers, which say their length;
		// Prism headers have a fixed one.
		lAVS, lPrism, lStore := g.newLabel(), g.newLabel(), g.newLabel()
		s = g.stmtList(st(opLdAbs|bpf.SizeW, 0), st(aluK(bpf.ALUAnd), avsCookieMask),
			stmt{ins: bpf.Instruction{Op: opJeq, K: avsCookie}, jt: lAVS, jf: lPrism},
			stmt{label: lAVS}, st(opLdAbs|bpf.SizeW, 4), stmt{ins: bpf.Instruction{Op: opJa}, jt: lStore},
			stmt{label: lPrism}, st(opLdImm, prismHeaderLen), stmt{label: lStore})
	default:
		return nil
	}
	return g.add(s, st(opSt, r), st(opTax, 0))
}

// ppiCheck is the test libpcap puts in front of every program for PPI
// captures, before the code that reads header lengths: the PPI header
// must say that an 802.11 frame follows. It goes on at label pass, or to
// the rejecting return at label reject. It is nil for other link types
// (libpcap looks at the link type after the whole filter was generated).
func (g *gen) ppiCheck(pass, reject int32) []stmt {
	if g.linktype != linktype.PPI {
		return nil
	}
	return []stmt{st(opLdAbs|bpf.SizeW, 4), {ins: bpf.Instruction{Op: opJeq, K: ppiDLTIEEE1121}, jt: pass, jf: reject},
		{label: pass}}
}
