package compile

import (
	"encoding/binary"
	"strconv"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// linkTest returns a test for link-layer protocol proto (an Ethertype, or
// an 802.2 SAP when proto <= 1500) on the current link type.
func (g *gen) linkTest(proto uint32) cond {
	if g.labelDepth > 0 {
		return g.mplsLinkTest(proto)
	}
	switch g.linktype {
	case linktype.Ethernet, linktype.NetAnalyzer, linktype.NetAnalyzerTransparent:
		var pre cond
		if !g.isGeneve {
			pre = g.prevLinkHdrCheck()
		}
		b := g.etherLinkTest(proto)
		if pre != noCond {
			b = g.and(pre, b)
		}
		return b
	case linktype.CHDLC:
		if proto == sapISONS {
			proto = proto<<8 | sapISONS
		}
		return g.cmp(orLinkType, 0, bpf.SizeH, proto)
	case linktype.IEEE80211, linktype.IEEE80211Radio, linktype.IEEE80211Prism, linktype.IEEE80211AVS, linktype.PPI:
		return g.and(g.wlanDataFrame(), g.llcLinkTest(proto))
	case linktype.LinuxSLL:
		return g.sllLinkTest(proto)
	case linktype.Raw, linktype.SLIP, linktype.SLIPBSDOS:
		switch proto {
		case ethertypeIP:
			return g.mcmp(orLinkHdr, 0, bpf.SizeB, 0x40, 0xf0)
		case ethertypeIPv6:
			return g.mcmp(orLinkHdr, 0, bpf.SizeB, 0x60, 0xf0)
		}
		return g.falseCond()
	case linktype.IPv4:
		return g.uncond(proto == ethertypeIP)
	case linktype.IPv6:
		return g.uncond(proto == ethertypeIPv6)
	case linktype.PPP, linktype.PPPSerial, linktype.PPPPPPD, linktype.PPPEther:
		return g.cmp(orLinkType, 0, bpf.SizeH, ethertypeToPPP(proto))
	case linktype.PPPBSDOS:
		return g.pppBSDOSLinkTest(proto)
	case linktype.FrameRelay:
		return g.frameRelayLinkTest(proto)
	case linktype.IPNet:
		return g.ipnetLinkTest(proto)
	case linktype.ArcnetBSD, linktype.ArcnetLinux:
		return g.arcnetLinkTest(proto)
	case linktype.LTalk:
		return g.uncond(proto == ethertypeATalk)
	case linktype.PFLog:
		return g.pflogLinkTest(proto)
	case linktype.FDDI, linktype.IEEE8025, linktype.IPOverFC, linktype.ATMRFC1483, linktype.ATMCLIP:
		return g.llcLinkTest(proto)
	case linktype.BACnetMSTP:
		return g.bacnetLinkTest()
	case linktype.SunATM:
		b0 := g.atmProtoType(atmPTLLC)
		return g.and(b0, g.llcLinkTest(proto))
	}
	if _, ok := juniperPayload[g.linktype]; ok {
		return g.mcmp(orLinkHdr, 0, bpf.SizeW, 0x4d474300, 0xffffff00)
	}
	switch g.linktype {
	case linktype.Null, linktype.Loop, linktype.Enc:
		switch proto {
		case ethertypeIP:
			return g.loopbackTest(2)
		case ethertypeIPv6:
			if g.opts.Savefile {
				// The BSDs disagree on AF_INET6; a savefile may come from
				// any of them.
				b := g.or(g.loopbackTest(24), g.loopbackTest(28))
				return g.or(g.loopbackTest(30), b)
			}
			return g.loopbackTest(10)
		}
		return g.falseCond()
	}
	if g.offLinkType.c != offsetNotSet {
		return g.cmp(orLinkType, 0, bpf.SizeH, proto)
	}
	g.fail(linkFilterName(g.linktype) + " link-layer type filtering not implemented")
	return noCond
}

// loopbackTest compares the 4-byte address family of a NULL or LOOP
// header. NULL stores it in the capturing host's byte order.
func (g *gen) loopbackTest(af uint32) cond {
	if g.linktype != linktype.Loop && hostLittleEndian() {
		af = af>>24 | af>>8&0xff00 | af<<8&0xff0000 | af<<24
	}
	return g.cmp(orLinkHdr, 0, bpf.SizeW, af)
}

func hostLittleEndian() bool {
	var b [2]byte
	binary.NativeEndian.PutUint16(b[:], 1)
	return b[0] == 1
}

func ethertypeToPPP(proto uint32) uint32 {
	switch proto {
	case ethertypeIP:
		return 0x0021
	case ethertypeIPv6:
		return 0x0057
	case ethertypeDN:
		return 0x0027
	case ethertypeATalk:
		return 0x0029
	case ethertypeNS:
		return 0x0025
	case sapISONS:
		return 0x0023
	case sap8021D:
		return 0x0031
	case sapIPX:
		return 0x002b
	}
	return proto
}

// etherLinkTest handles Ethernet II types and 802.3/802.2 SAPs.
func (g *gen) etherLinkTest(proto uint32) cond {
	is8023 := func() cond { return g.not(g.cmpGT(orLinkType, 0, bpf.SizeH, ethermtu)) }
	switch proto {
	case sapISONS, sapIP, sapNetBEUI:
		b0 := is8023()
		return g.and(b0, g.cmp(orLLC, 0, bpf.SizeH, proto<<8|proto))
	case sapIPX:
		b := g.or(g.cmp(orLLC, 0, bpf.SizeB, sapIPX), g.cmp(orLLC, 0, bpf.SizeH, 0xffff))
		b = g.or(g.snap(0x000000, ethertypeIPX), b)
		b = g.and(is8023(), b)
		return g.or(g.cmp(orLinkType, 0, bpf.SizeH, ethertypeIPX), b)
	case ethertypeATalk, ethertypeAARP:
		b0 := is8023()
		b := g.and(b0, g.appleTalkSnap(proto))
		return g.or(g.cmp(orLinkType, 0, bpf.SizeH, proto), b)
	}
	if proto <= ethermtu {
		b0 := is8023()
		return g.and(b0, g.cmp(orLinkType, 2, bpf.SizeB, proto))
	}
	return g.cmp(orLinkType, 0, bpf.SizeH, proto)
}

// sllLinkTest handles Linux cooked v1 headers.
func (g *gen) sllLinkTest(proto uint32) cond {
	switch proto {
	case sapISONS, sapIP, sapNetBEUI:
		b0 := g.cmp(orLinkType, 0, bpf.SizeH, sllP8022)
		return g.and(b0, g.cmp(orLLC, 0, bpf.SizeH, proto<<8|proto))
	case sapIPX:
		b := g.or(g.cmp(orLLC, 0, bpf.SizeB, sapIPX), g.snap(0x000000, ethertypeIPX))
		b = g.and(g.cmp(orLinkType, 0, bpf.SizeH, sllP8022), b)
		b = g.or(g.cmp(orLinkType, 0, bpf.SizeH, sllP8023), b)
		return g.or(g.cmp(orLinkType, 0, bpf.SizeH, ethertypeIPX), b)
	case ethertypeATalk, ethertypeAARP:
		b0 := g.cmp(orLinkType, 0, bpf.SizeH, sllP8022)
		b := g.and(b0, g.appleTalkSnap(proto))
		return g.or(g.cmp(orLinkType, 0, bpf.SizeH, proto), b)
	}
	if proto <= ethermtu {
		b0 := g.cmp(orLinkType, 0, bpf.SizeH, sllP8022)
		return g.and(b0, g.cmp(orLinkHdr, g.offLinkPL.c, bpf.SizeB, proto))
	}
	return g.cmp(orLinkType, 0, bpf.SizeH, proto)
}

// llcLinkTest handles 802.2 headers (802.11 payloads).
func (g *gen) llcLinkTest(proto uint32) cond {
	switch proto {
	case sapIP, sapISONS, sapNetBEUI:
		return g.cmp(orLLC, 0, bpf.SizeH, proto<<8|proto)
	case sapIPX:
		return g.cmp(orLLC, 0, bpf.SizeB, sapIPX)
	case ethertypeATalk:
		return g.snap(0x080007, ethertypeATalk)
	}
	if proto <= ethermtu {
		return g.cmp(orLLC, 0, bpf.SizeB, proto)
	}
	return g.cmp(orLLC, 6, bpf.SizeH, proto)
}

// appleTalkSnap tests for the SNAP header of AppleTalk (proto is
// ethertypeATalk) or of AARP (any other): Apple's OUI for the first, the
// zero OUI for the second.
func (g *gen) appleTalkSnap(proto uint32) cond {
	if proto == ethertypeATalk {
		return g.snap(0x080007, ethertypeATalk)
	}
	return g.snap(0x000000, ethertypeAARP)
}

// snap tests for an 802.2 SNAP header with the given OUI and type.
func (g *gen) snap(org, ptype uint32) cond {
	b := []byte{0xaa, 0xaa, 0x03, byte(org >> 16), byte(org >> 8), byte(org), byte(ptype >> 8), byte(ptype)}
	return g.bcmp(orLLC, 0, b)
}

// wlanDataFrame tests that an 802.11 frame is a data frame.
func (g *gen) wlanDataFrame() cond {
	b0 := g.jset(orLinkHdr, 0, bpf.SizeB, 0x08)
	b1 := g.not(g.jset(orLinkHdr, 0, bpf.SizeB, 0x04))
	return g.and(b1, b0)
}

func (g *gen) mplsLinkTest(proto uint32) cond {
	switch proto {
	case ethertypeIP:
		b0 := g.mcmp(orLinkPL, 0xfffffffe, bpf.SizeB, 0x01, 0x01)
		return g.and(b0, g.mcmp(orLinkPL, 0, bpf.SizeB, 0x40, 0xf0))
	case ethertypeIPv6:
		b0 := g.mcmp(orLinkPL, 0xfffffffe, bpf.SizeB, 0x01, 0x01)
		return g.and(b0, g.mcmp(orLinkPL, 0, bpf.SizeB, 0x60, 0xf0))
	}
	g.fail("unsupported protocol over mpls")
	return noCond
}

// prevLinkHdrCheck is the extra test some encapsulations need before
// looking at an inner link-layer header; nil when none is needed.
func (g *gen) prevLinkHdrCheck() cond {
	if g.isGeneve {
		return g.geneveLinkCheck()
	}
	if g.prevLinktype == linktype.SunATM {
		return g.laneDataCheck()
	}
	return noCond
}

// llcTest is "llc": the frame has an 802.2 LLC header.
func (g *gen) llcTest() cond {
	switch g.linktype {
	case linktype.Ethernet:
		b0 := g.not(g.cmpGT(orLinkType, 0, bpf.SizeH, ethermtu))
		b1 := g.not(g.cmp(orLLC, 0, bpf.SizeH, 0xffff))
		return g.and(b0, b1)
	case linktype.IEEE80211, linktype.IEEE80211Radio, linktype.IEEE80211Prism, linktype.IEEE80211AVS, linktype.PPI:
		return g.wlanDataFrame()
	case linktype.SunATM:
		return g.atmProtoType(atmPTLLC)
	case linktype.FDDI, linktype.IEEE8025, linktype.ATMRFC1483:
		// libpcap does not check that the frame is an LLC frame.
		return g.trueCond()
	}
	g.fail("'llc' not supported for " + linkDesc(g.linktype))
	return noCond
}

func (g *gen) llcKind(kind string) cond {
	if kind == "" {
		return g.llcTest()
	}
	// libpcap checks the name before the link type.
	_, isS := lookupName(llcSSubtypes, kind)
	_, isU := lookupName(llcUSubtypes, kind)
	if !isS && !isU && !eqFold(kind, "i") && !eqFold(kind, "s") && !eqFold(kind, "u") {
		g.fail("unknown LLC type name \"" + kind + "\"")
	}
	b0 := g.llcTest()
	switch {
	case eqFold(kind, "i"):
		return g.and(b0, g.not(g.jset(orLLC, 2, bpf.SizeB, 0x01)))
	case eqFold(kind, "s"):
		return g.and(b0, g.mcmp(orLLC, 2, bpf.SizeB, 0x01, 0x03))
	case eqFold(kind, "u"):
		return g.and(b0, g.mcmp(orLLC, 2, bpf.SizeB, 0x03, 0x03))
	}
	if v, ok := lookupName(llcSSubtypes, kind); ok {
		return g.and(b0, g.mcmp(orLLC, 2, bpf.SizeB, v, 0x0f))
	}
	if v, ok := lookupName(llcUSubtypes, kind); ok {
		return g.and(b0, g.mcmp(orLLC, 2, bpf.SizeB, v, 0xef))
	}
	g.fail("unknown LLC type name \"" + kind + "\"")
	return noCond
}

func eqFold(a, b string) bool {
	_, ok := lookupName([]nameVal{{a, 0}}, b)
	return ok
}

// linkDesc describes a link type for error messages, as libpcap does.
func linkDesc(lt linktype.Type) string {
	if d := lt.Description(); d != "" {
		return d
	}
	return "DLT " + strconv.FormatUint(uint64(lt.DLT()), 10)
}

func (g *gen) inbound(outbound bool) cond {
	var b cond
	if _, ok := juniperPayload[g.linktype]; ok {
		// The low bit of the flags byte is set for packets received.
		return g.mcmp(orLinkHdr, 3, bpf.SizeB, boolUint(!outbound), 0x01)
	}
	switch g.linktype {
	case linktype.SLIP:
		return g.slipDirection(outbound)
	case linktype.PPPPPPD:
		return g.cmp(orLinkHdr, 0, bpf.SizeB, boolUint(outbound))
	case linktype.PFLog:
		return g.pflogDirection(outbound)
	case linktype.IPNet:
		if outbound {
			return g.cmp(orLinkHdr, 2, bpf.SizeH, 1)
		}
		return g.cmp(orLinkHdr, 2, bpf.SizeH, 2)
	case linktype.LinuxSLL:
		b = g.cmp(orLinkHdr, 0, bpf.SizeH, sllOutgoing)
	case linktype.LinuxSLL2:
		b = g.cmp(orLinkHdr, 10, bpf.SizeB, sllOutgoing)
	default:
		if g.opts.Savefile {
			g.fail("inbound/outbound not supported on " + linkDesc(g.linktype) + " when reading savefiles")
		}
		b = g.cmp(orLinkHdr, bpf.Ancillary(bpf.AdPktType), bpf.SizeH, packetOutgoing)
	}
	if !outbound {
		b = g.not(b)
	}
	return b
}

func (g *gen) ifindex(idx uint32) cond {
	if g.linktype == linktype.LinuxSLL2 {
		return g.cmp(orLinkHdr, 4, bpf.SizeW, idx)
	}
	if g.opts.Savefile {
		g.fail("ifindex not supported on " + linkDesc(g.linktype) + " when reading savefiles")
	}
	return g.cmp(orLinkHdr, bpf.Ancillary(bpf.AdIfIndex), bpf.SizeW, idx)
}

// frameRelayLinkTest tests the NLPID after a 2-byte Q.922 address and
// the UI control byte, for the protocols that have one.
func (g *gen) frameRelayLinkTest(proto uint32) cond {
	nlpid := func(id uint32) cond { return g.cmp(orLinkHdr, 2, bpf.SizeH, 0x03<<8|id) }
	switch proto {
	case ethertypeIP:
		return nlpid(0xcc)
	case ethertypeIPv6:
		return nlpid(0x8e)
	case sapISONS:
		b0, b1, b2 := nlpid(isoCLNP), nlpid(isoESIS), nlpid(isoISIS)
		b2 = g.or(b1, b2)
		return g.or(b0, b2)
	}
	return g.falseCond()
}

// ipnetLinkTest tests the address family of a Solaris ipnet header.
func (g *gen) ipnetLinkTest(proto uint32) cond {
	return g.linkTypeByte(proto, ipnetFamilies)
}

var ipnetFamilies = map[uint32][]uint32{ethertypeIP: {2}, ethertypeIPv6: {26}}

// arcnetLinkTest tests the ARCnet protocol byte; IP and ARP have an old
// value as well as the current one.
func (g *gen) arcnetLinkTest(proto uint32) cond {
	return g.linkTypeByte(proto, arcnetProtocols)
}

var arcnetProtocols = map[uint32][]uint32{
	ethertypeIP: {0xd4, 0xf0}, ethertypeIPv6: {0xc4}, ethertypeARP: {0xd5, 0xf1},
	ethertypeRevARP: {0xd6}, ethertypeATalk: {0xdd},
}

// linkTypeByte tests the byte at the link-type offset against the codes
// of proto in codes, the first "or" each later one; it is false when
// proto has none.
func (g *gen) linkTypeByte(proto uint32, codes map[uint32][]uint32) cond {
	c := codes[proto]
	if len(c) == 0 {
		return g.falseCond()
	}
	b := g.cmp(orLinkType, 0, bpf.SizeB, c[0])
	for _, v := range c[1:] {
		b = g.or(b, g.cmp(orLinkType, 0, bpf.SizeB, v))
	}
	return b
}

// pppBSDOSLinkTest is the PPP test of BSD/OS PPP headers, where IP may
// also be Van Jacobson compressed TCP.
func (g *gen) pppBSDOSLinkTest(proto uint32) cond {
	if proto == ethertypeIP {
		b0 := g.cmp(orLinkType, 0, bpf.SizeH, 0x0021)
		b1 := g.cmp(orLinkType, 0, bpf.SizeH, 0x002d)
		b1 = g.or(b0, b1)
		b0 = g.cmp(orLinkType, 0, bpf.SizeH, 0x002f)
		return g.or(b1, b0)
	}
	return g.cmp(orLinkType, 0, bpf.SizeH, ethertypeToPPP(proto))
}

// slipDirection is "inbound" or "outbound" on SLIP: link[0] == 0 for
// packets received, its negation for packets sent, generated as libpcap's
// compiler evaluates it, the right operand first.
func (g *gen) slipDirection(outbound bool) cond {
	a1 := g.arith(&numArith{})
	a0 := g.arith(&loadArith{proto: pLink, idx: &numArith{}, size: 1})
	return g.relation(bpf.JumpJEQ, a0, a1, outbound)
}

func boolUint(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}
