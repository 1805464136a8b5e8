package compile

import (
	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// "broadcast" and "multicast", at the link layer, IPv4 and IPv6.

var broadcastMAC = []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}

func (g *gen) broadcast(proto protoQual) cond {
	switch proto {
	case qDefault, pLink:
		if g.linktype == linktype.ArcnetBSD || g.linktype == linktype.ArcnetLinux {
			return g.arcnetHostOp(0x00, qDst)
		}
		if b := g.linkHost(broadcastMAC, qDst); b != noCond {
			return b
		}
		g.fail("not a broadcast link")
	case pIP:
		if g.opts.Netmask == NetmaskUnknown {
			g.fail("netmask not known, so 'ip broadcast' not supported")
		}
		b0 := g.linkTest(ethertypeIP)
		hostmask := ^g.opts.Netmask
		b1 := g.mcmp(orLinkPL, 16, bpf.SizeW, 0, hostmask)
		b2 := g.or(b1, g.mcmp(orLinkPL, 16, bpf.SizeW, hostmask, hostmask))
		return g.and(b0, b2)
	}
	g.fail("only link-layer/IP broadcast filters supported")
	return noCond
}

func (g *gen) multicast(proto protoQual) cond {
	const msg = "link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel"
	switch proto {
	case qDefault, pLink:
		switch g.linktype {
		case linktype.Ethernet, linktype.NetAnalyzer, linktype.NetAnalyzerTransparent:
			pre := g.prevLinkHdrCheck()
			b := g.jset(orLinkHdr, 0, bpf.SizeB, 1)
			if pre != noCond {
				b = g.and(pre, b)
			}
			return b
		case linktype.ArcnetBSD, linktype.ArcnetLinux:
			return g.arcnetHostOp(0x00, qDst)
		case linktype.IEEE80211, linktype.IEEE80211Radio, linktype.IEEE80211Prism, linktype.IEEE80211AVS, linktype.PPI:
			fc1 := func() cond { return g.jset(orLinkHdr, 1, bpf.SizeB, 0x01) }
			fc0 := func(bit uint32) cond { return g.jset(orLinkHdr, 0, bpf.SizeB, bit) }
			m := func(off uint32) cond { return g.jset(orLinkHdr, off, bpf.SizeB, 1) }
			b1 := fc1()
			b0 := g.and(b1, m(16))
			b2 := g.not(fc1())
			b0 = g.or(g.and(b2, m(4)), b0)
			b0 = g.and(fc0(0x08), b0)
			b2 = g.not(fc0(0x08))
			b0 = g.or(g.and(b2, m(4)), b0)
			return g.and(g.not(fc0(0x04)), b0)
		}
		if h, ok := llcMACHeaders[g.linktype]; ok {
			return g.jset(orLinkHdr, h.dst, bpf.SizeB, 1)
		}
	case pIP:
		b0 := g.linkTest(ethertypeIP)
		return g.and(b0, g.cmpGE(orLinkPL, 16, bpf.SizeB, 224))
	case pIPv6:
		b0 := g.linkTest(ethertypeIPv6)
		return g.and(b0, g.cmp(orLinkPL, 24, bpf.SizeB, 255))
	}
	g.fail(msg)
	return noCond
}
