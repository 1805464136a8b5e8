package compile

import (
	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// SunATM captures: a 4-byte pseudo-header (flags and protocol type, VPI,
// VCI) in front of an AAL5 PDU, which is LLC-encapsulated or, after
// "lane", LAN-emulated Ethernet. The ATM primitives (vpi, vci, lane, oam,
// metac, ...) test the pseudo-header and the signalling message type, as
// libpcap 1.10 does.

const (
	sunATMProto   = 0 // low 4 bits: protocol type
	sunATMVPI     = 1
	sunATMVCI     = 2
	sunATMPayload = 4
	atmMsgType    = 5 // Q.2931 message type, in the payload

	atmPTLANE = 1
	atmPTLLC  = 2

	leControl = 0xff00 // a LANE frame's first two bytes when it is an LE control frame
)

// Q.2931 message types.
const (
	atmCallProceed = 0x02
	atmConnect     = 0x07
	atmConnectAck  = 0x0f
	atmSetup       = 0x05
	atmRelease     = 0x4d
	atmReleaseDone = 0x5a
)

// atmField compares the pseudo-header's VPI or VCI with v using jump test
// code, negated when reverse, as in mtp3Field ("!=" is not-equal here,
// equality in libpcap 1.10.3).
func (g *gen) atmField(kw string, v uint32, code uint16, reverse bool) cond {
	if g.outerLinktype != linktype.SunATM {
		g.fail("'" + kw + "' supported only on raw ATM")
	}
	if kw == "vpi" {
		return g.ncmp(orLinkHdr, sunATMVPI, bpf.SizeB, 0xffffffff, code, reverse, v)
	}
	return g.ncmp(orLinkHdr, sunATMVCI, bpf.SizeH, 0xffffffff, code, reverse, v)
}

// atmProtoType tests the pseudo-header's protocol type.
func (g *gen) atmProtoType(pt uint32) cond {
	return g.mcmp(orLinkHdr, sunATMProto, bpf.SizeB, pt, 0x0f)
}

// atmCircuit tests for VPI 0 and the given VCI.
func (g *gen) atmCircuit(vci uint32) cond {
	b0 := g.cmp(orLinkHdr, sunATMVPI, bpf.SizeB, 0)
	return g.and(b0, g.cmp(orLinkHdr, sunATMVCI, bpf.SizeH, vci))
}

// atmMessages tests the signalling message type for any of types (at
// least two), in libpcap's order: the last one first, then back to the
// third, then the first two.
func (g *gen) atmMessages(types ...uint32) cond {
	msg := func(t uint32) cond { return g.cmp(orLinkHdr, sunATMPayload+atmMsgType, bpf.SizeB, t) }
	b := g.or(msg(types[0]), msg(types[1]))
	for _, t := range types[2:] {
		b = g.or(msg(t), b)
	}
	return b
}

// atmType is one of the ATM keywords without a value.
func (g *gen) atmType(kw string) cond {
	if g.outerLinktype != linktype.SunATM {
		g.fail("'" + atmMTPKeywords[kw].name + "' supported only on raw ATM")
	}
	switch kw {
	case "lane":
		b := g.atmProtoType(atmPTLANE)
		// What follows is Ethernet behind a 2-byte LE client ID.
		g.pushLinkHdr(linktype.Ethernet, false, sunATMPayload+2, -1)
		g.offLinkType = absOffset{c: g.offLinkHdr.c + 12, reg: -1}
		g.offLinkPL = absOffset{c: g.offLinkHdr.c + 14, reg: -1}
		g.offNL, g.offNLNoSnap = 0, 3
		return b
	case "oam", "oamf4":
		b1 := g.or(g.cmp(orLinkHdr, sunATMVCI, bpf.SizeH, 3), g.cmp(orLinkHdr, sunATMVCI, bpf.SizeH, 4))
		return g.and(g.cmp(orLinkHdr, sunATMVPI, bpf.SizeB, 0), b1)
	case "connectmsg":
		b := g.atmMessages(atmSetup, atmCallProceed, atmConnect, atmConnectAck, atmRelease, atmReleaseDone)
		return g.and(g.atmCircuit(5), b)
	case "metaconnect":
		b := g.atmMessages(atmSetup, atmCallProceed, atmConnect, atmRelease, atmReleaseDone)
		return g.and(g.atmCircuit(1), b)
	}
	vci := map[string]uint32{"metac": 1, "bcc": 2, "oamf4sc": 3, "oamf4ec": 4, "sc": 5, "ilmic": 16}[kw]
	return g.atmCircuit(vci)
}

// laneDataCheck is true when a LANE frame is data, not an LE control
// frame.
func (g *gen) laneDataCheck() cond {
	return g.not(g.cmp(orPrevLinkHdr, sunATMPayload, bpf.SizeH, leControl))
}
