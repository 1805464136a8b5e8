package printer

import "github.com/purepcap/pcap/linktype"

// linkLayer prints the packet by its link type and records the link
// header length.
func (p *Printer) linkLayer(lt linktype.Type, length int) {
	switch lt {
	case linktype.Ethernet:
		p.llHdrLen = p.etherIf(0, length)
	case linktype.LinuxSLL:
		p.sll(length)
	case linktype.LinuxSLL2:
		p.sll2(length)
	case linktype.Null, linktype.Loop:
		p.null(length)
	case linktype.Raw, linktype.IPv4, linktype.IPv6:
		p.proto = "raw"
		if p.opt.Link {
			p.s("ip: ")
		}
		p.ipN(0, length)
	case linktype.PPP:
		p.pppIf(length)
	case linktype.CHDLC:
		p.proto = "chdlc"
		p.llHdrLen = p.chdlc(0, length)
	case linktype.IEEE80211:
		p.llHdrLen = p.ieee80211(0, length, p.end, 0)
	case linktype.IEEE80211Radio:
		p.llHdrLen = p.radiotap(length)
	case ltDSA:
		p.switchTagIf("dsa", length, dsaTag, 4)
	case ltEDSA:
		p.switchTagIf("edsa", length, edsaTag, 8)
	case ltBRCMTag:
		p.switchTagIf("brcm-tag", length, brcmTag, 4)
	case ltSLIP:
		p.slip(length)
	case ltVSOCK:
		p.vsock()
	case ltFRELAY:
		p.frIf(length)
	case ltIPOIB:
		p.ipoib(length)
	case ltIPNET:
		p.ipnet(length)
	case ltNFLOG:
		p.nflog(length)
	case ltBRCMPrepend:
		p.brcmPrepend(length)
	default:
		// tcpdump: "unsupported data link type"; pcapdump prints the
		// bytes.
		p.s("[unsupported link type ")
		p.ui(int(lt.DLT()))
		p.b(']')
		p.defaultPrint(0, p.end)
	}
}

// ipN prints an IPv4 or IPv6 packet by its version field.
func (p *Printer) ipN(off, length int) {
	if length < 1 {
		p.s("truncated-ip ")
		p.ui(length)
		return
	}
	switch v := p.u8(off) & 0xf0; v {
	case 0x40:
		p.ip(off, length)
	case 0x60:
		p.ip6(off, length)
	default:
		p.s("unknown ip ")
		p.ui(v >> 4)
	}
}

// Linux cooked capture.

var sllPkttypes = []tok{{0, "In"}, {1, "B"}, {2, "M"}, {3, "P"}, {4, "Out"}}

const (
	sllHdrLen  = 16
	sll2HdrLen = 20
)

// sllHeader prints the cooked header's -e fields after the direction.
func (p *Printer) sllHeader(halen, addr, protoOff, length int) {
	if halen == 6 {
		p.mac(addr)
		p.b(' ')
	}
	if p.opt.Quiet == 0 {
		t := p.be16(protoOff)
		if t <= maxEtherLen {
			switch t {
			case 1:
				p.s("802.3")
			case 4:
				p.s("802.2")
			default:
				p.s("ethertype Unknown ")
				p.hexParen(t, 4)
			}
		} else {
			p.s("ethertype ")
			p.ethertypeNamed(t, "Unknown")
		}
		p.lengthColon(length)
	}
}

func (p *Printer) sllDir(v int, width int) {
	name, ok := lookup(sllPkttypes, v)
	if !ok {
		name = "?"
	}
	if width < 0 {
		p.s(name)
		for n := len(name); n < -width; n++ {
			p.b(' ')
		}
	} else {
		for n := len(name); n < width; n++ {
			p.b(' ')
		}
		p.s(name)
	}
	p.b(' ')
}

func (p *Printer) sll(length int) {
	p.proto = "sll"
	p.need(0, sllHdrLen)
	header := func(length int) {
		p.sllDir(p.be16(0), 3)
		p.sllHeader(p.be16(4), 6, 14, length)
	}
	if p.opt.Link {
		header(length)
	}
	p.sllPayload(sllHdrLen, length, p.be16(2), p.be16(14), func(n int) { header(n) })
}

func (p *Printer) sll2(length int) {
	p.proto = "sll2"
	p.need(0, sll2HdrLen)
	p.s(ifName(p.be32(4)))
	p.sllDir(p.u8(10), -3)
	header := func(length int) {
		p.s("ifindex ")
		p.u(uint64(p.be32(4)))
		p.b(' ')
		p.sllHeader(p.u8(11), 12, 0, length)
	}
	if p.opt.Link {
		header(length)
	}
	p.sllPayload(sll2HdrLen, length, p.be16(8), p.be16(0), func(n int) { header(n) })
}

// sllPayload prints what follows a cooked header of hdr bytes.
func (p *Printer) sllPayload(hdr, length, hatype, t int, header func(int)) {
	if hatype == 803 {
		p.llHdrLen = hdr + p.radiotapAt(hdr, length-hdr)
		return
	}
	off := hdr
	length -= hdr
	caplen := p.end - off
	for {
		if t <= maxEtherLen {
			if t == 4 {
				n := p.llc(off, length, caplen, -1)
				if n >= 0 {
					hdr += n
					break
				}
			}
			p.defaultPrint(off, caplen)
			break
		}
		if t == ethertype8021Q {
			if caplen < 4 {
				p.proto = "vlan"
				p.trunc()
				p.llHdrLen = hdr + caplen
				return
			}
			if p.opt.Link {
				p.vlanTCI(p.be16(off))
				p.s(", ")
			}
			t = p.be16(off + 2)
			if t <= maxEtherLen {
				t = 4
			}
			if p.opt.Quiet == 0 {
				p.s("ethertype ")
				p.s(tokOr(ethertypeNames, t, "Unknown"))
				p.s(", ")
			}
			off += 4
			length -= 4
			caplen -= 4
			hdr += 4
			continue
		}
		if !p.ethertype(t, off, length, caplen) {
			if !p.opt.Link {
				header(length + (off - hdr) + hdr)
			}
			p.defaultPrint(off, caplen)
		}
		break
	}
	p.llHdrLen = hdr
}

// BSD loopback.

var bsdAFNames = []tok{{2, "IPv4"}, {6, "NS"}, {7, "ISO"}, {16, "Appletalk"}, {23, "IPX"}, {24, "IPv6"}, {28, "IPv6"}, {30, "IPv6"}}

func (p *Printer) null(length int) {
	p.proto = "null"
	p.need(0, 4)
	p.llHdrLen = 4
	family := p.le32(0)
	if family&0xffff0000 != 0 {
		family = family>>24 | family>>8&0xff00 | family<<8&0xff0000 | family<<24
	}
	header := func(length int) {
		p.family(bsdAFNames, int(family), "AF ", "", "Unknown AF ", 0, length)
	}
	if p.opt.Link {
		header(length)
	}
	switch family {
	case 2:
		p.ip(4, length-4)
	case 24, 28, 30:
		p.ip6(4, length-4)
	default:
		if !p.opt.Link {
			header(length)
		}
		p.defaultPrint(4, p.end-4)
	}
}

// PPP and Cisco HDLC.

var pppNames = []tok{
	{0x0021, "IP"}, {0x0023, "OSI"}, {0x0025, "NS"}, {0x0027, "DECNET"}, {0x0029, "APPLE"},
	{0x002b, "IPX"}, {0x002d, "VJC IP"}, {0x002f, "VJNC IP"}, {0x0031, "BRPDU"},
	{0x0033, "STII"}, {0x0035, "VINES"}, {0x0281, "MPLS"}, {0x0283, "MPLS"},
	{0x00fd, "Compressed"}, {0x003d, "MLPPP"}, {0x0057, "IP6"}, {0x0201, "HELLO"},
	{0x0231, "LUXCOM"}, {0x0233, "SNS"}, {0x8021, "IPCP"}, {0x8023, "OSICP"},
	{0x8025, "NSCP"}, {0x8027, "DECNETCP"}, {0x8029, "APPLECP"}, {0x802b, "IPXCP"},
	{0x8033, "STIICP"}, {0x8035, "VINESCP"}, {0x8057, "IP6CP"}, {0x8281, "MPLSCP"},
	{0xc021, "LCP"}, {0xc023, "PAP"}, {0xc025, "LQM"}, {0xc223, "CHAP"}, {0xc227, "EAP"},
	{0xc027, "SPAP"}, {0xc123, "Old-SPAP"}, {0xc02b, "BACP"}, {0xc02d, "BAP"},
	{0xc03d, "MLPPP-CP"}, {0x80fd, "CCP"},
}

func (p *Printer) pppIf(length int) {
	p.proto = "ppp"
	if p.shortLink(4) {
		p.ppp(0, length)
	}
}

func (p *Printer) ppp(off, length int) int {
	p.proto = "ppp"
	olen := length
	hdr := 0
	if length < 2 {
		p.trunc()
		return 0
	}
	switch p.be16(off) {
	case 0x0003:
		if p.opt.Link {
			p.s("In  ")
		}
		off, length, hdr = off+2, length-2, hdr+2
	case 0x0103:
		if p.opt.Link {
			p.s("Out ")
		}
		off, length, hdr = off+2, length-2, hdr+2
	case 0xff03:
		off, length, hdr = off+2, length-2, hdr+2
	}
	if length < 2 {
		p.trunc()
		return 0
	}
	var proto int
	if p.u8(off)%2 != 0 {
		proto = p.u8(off)
		off, length, hdr = off+1, length-1, hdr+1
	} else {
		proto = p.be16(off)
		off, length, hdr = off+2, length-2, hdr+2
	}
	name, known := lookup(pppNames, proto)
	if p.opt.Link {
		if !known {
			name = "unknown"
		}
		p.s(name)
		p.s(" (0x")
		p.x(uint64(proto), 4)
		p.s("), length ")
		p.ui(olen)
		if !known {
			return hdr
		}
		p.s(": ")
	}
	switch proto {
	case 0x0800, 0x002f, 0x0021:
		p.ip(off, length)
	case 0x86dd, 0x0057:
		p.ip6(off, length)
	case 0x00fd:
		p.s("compressed PPP data")
	case 0x0281, 0x0283:
		p.mpls(off, length)
	default:
		if known {
			p.s(name)
			p.b(' ')
		} else {
			p.s("unknown PPP protocol (0x")
			p.x(uint64(proto), 4)
			p.s(") ")
		}
		p.unknownData(off, length)
	}
	return hdr
}

// unknownData is tcpdump's print_unknown_data indented by "\n\t".
func (p *Printer) unknownData(off, length int) {
	if length > 0 {
		p.unknownDataIndent(off, length, "\n\t")
	}
}

var chdlcCast = []tok{{0x0f, "unicast"}, {0x8f, "bcast"}}

func (p *Printer) chdlc(off, length int) int {
	p.proto = "chdlc"
	if length < 4 {
		p.trunc()
		return p.end - off
	}
	proto := p.be16(off + 2)
	if p.opt.Link {
		c := p.u8(off)
		if name, ok := lookup(chdlcCast, c); ok {
			p.s(name)
		} else {
			p.s("0x")
			p.x(uint64(c), 2)
		}
		p.s(", ethertype ")
		p.ethertypeNamed(proto, "Unknown")
		p.lengthColon(length)
	}
	switch proto {
	case ethertypeIPv4:
		p.ip(off+4, length-4)
	case ethertypeIPv6:
		p.ip6(off+4, length-4)
	case 0x8847, 0x8848:
		p.mpls(off+4, length-4)
	default:
		if !p.opt.Link {
			p.s("unknown CHDLC protocol (0x")
			p.x(uint64(proto), 4)
			p.b(')')
		}
	}
	return 4
}
