package printer

// Ethernet II and 802.3 frames, with 802.1Q/802.1ad VLAN tags.

const (
	etherHdrLen        = 14
	maxEtherLen        = 1500 // type/length values up to this are 802.3 lengths
	ethertypeIPv4      = 0x0800
	ethertypeARP       = 0x0806
	ethertypeRARP      = 0x8035
	ethertypeIPv6      = 0x86dd
	ethertype8021Q     = 0x8100
	ethertype8021Q9100 = 0x9100
	ethertype8021QinQ  = 0x88a8
	ethertype8021Q9200 = 0x9200
)

// ethertypeNames is tcpdump's ethertype_values (first match wins).
var ethertypeNames = []tok{
	{0x0800, "IPv4"}, {0x8847, "MPLS unicast"}, {0x8848, "MPLS multicast"},
	{0x86dd, "IPv6"}, {0x8100, "802.1Q"}, {0x9100, "802.1Q-9100"},
	{0x88a8, "802.1Q-QinQ"}, {0x9200, "802.1Q-9200"}, {0x88e5, "802.1AE MACsec"},
	{0x0200, "PUP"}, {0x0806, "ARP"}, {0x8035, "Reverse ARP"},
	{0x0600, "NS"}, {0x0500, "Sprite"}, {0x1000, "Trail"}, {0x6001, "MOP DL"},
	{0x6002, "MOP RC"}, {0x6003, "DN"}, {0x6004, "LAT"}, {0x6007, "SCA"},
	{0x6558, "TEB"}, {0x8038, "Lanbridge"}, {0x803c, "DEC DNS"},
	{0x803e, "DEC DTS"}, {0x805b, "VEXP"}, {0x805c, "VPROD"},
	{0x809b, "Appletalk"}, {0x80f3, "Appletalk ARP"}, {0x8137, "IPX"},
	{0x880b, "PPP"}, {0x8808, "MPCP"}, {0x8809, "Slow Protocols"},
	{0x8863, "PPPoE D"}, {0x8864, "PPPoE S"}, {0x888e, "EAPOL"},
	{0x8899, "Realtek protocols"}, {0x886f, "MS NLB heartbeat"},
	{0x8870, "Jumbo"}, {0x894f, "NSH"}, {0x9000, "Loopback"}, {0xfefe, "OSI"},
	{0x00fe, "GRE-OSI"}, {0xabcd, "CFM (old)"}, {0x8902, "CFM"},
	{0x893a, "IEEE1905.1"}, {0x88cc, "LLDP"}, {0x88ca, "TIPC"},
	{0x0707, "GeoNet (old)"}, {0x8947, "GeoNet"}, {0x1111, "CALM FAST"},
	{0x88a2, "AoE"}, {0x88f7, "PTP"}, {0xd28b, "Arista Vendor Specific Protocol"},
}

// etherIf prints an Ethernet frame and returns its link header length.
func (p *Printer) etherIf(off, length int) int {
	p.proto = "ether"
	return p.ether(off, length, p.end-off)
}

// switchTagIf prints a frame with a switch tag of tagLen bytes after the
// MAC addresses.
func (p *Printer) switchTagIf(proto string, length int, tag switchTag, tagLen int) {
	p.proto = proto
	p.llHdrLen = p.etherTagged(0, length, p.end, tag, tagLen)
}

// ethertypeField prints the type as -e shows it: "ethertype IPv4
// (0x0800)", or with -q just the name.
func (p *Printer) ethertypeField(t int) {
	if p.opt.Quiet == 0 {
		p.s("ethertype ")
		p.ethertypeNamed(t, "Unknown")
		return
	}
	if name, ok := lookup(ethertypeNames, t); ok {
		p.s(name)
	} else {
		p.s("Unknown Ethertype ")
		p.hexParen(t, 4)
	}
}

func (p *Printer) etherAddrs(off int) {
	p.mac(off + 6)
	p.s(" > ")
	p.mac(off)
	p.s(", ")
}

func (p *Printer) vlanTCI(tci int) {
	p.s("vlan ")
	p.ui(tci & 0xfff)
	p.s(", p ")
	p.ui(tci >> 13)
	if tci&0x1000 != 0 {
		p.s(", DEI")
	}
}

// ether prints the frame at off (length bytes on the wire, caplen
// captured) and returns the length of the header it consumed.
func (p *Printer) ether(off, length, caplen int) int {
	return p.etherTagged(off, length, caplen, nil, 0)
}

func (p *Printer) etherTagged(off, length, caplen int, tag switchTag, tagLen int) int {
	if length < caplen {
		p.s("[length ")
		p.ui(length)
		p.s(" < caplen ")
		p.ui(caplen)
		p.s("] (invalid)")
		return length
	}
	if caplen < etherHdrLen+tagLen {
		p.trunc()
		return caplen
	}
	start := off
	origLength := length
	if p.opt.Link {
		p.etherAddrs(start)
	}
	length, caplen, off, hdr := length-12, caplen-12, off+12, 12
	if tag != nil {
		tag(p, off)
	}
	length, caplen, off, hdr = length-tagLen, caplen-tagLen, off+tagLen, hdr+tagLen
recurse:
	t := p.be16(off)
	length, caplen, off, hdr = length-2, caplen-2, off+2, hdr+2
	printedLength := false
	if t == 0x88e5 {
		if p.opt.Link {
			p.ethertypeField(t)
			p.etherLength(origLength)
			printedLength = true
		}
		var ret int
		ret, off, length, caplen, hdr = p.macsec(off, length, caplen, hdr, start)
		switch {
		case ret == 0:
			p.defaultPrint(off, caplen)
			return hdr
		case ret > 0:
			return ret
		}
		if caplen < 2 {
			return hdr
		}
		t = p.be16(off)
		length, caplen, off, hdr = length-2, caplen-2, off+2, hdr+2
	}
	for t == ethertype8021Q || t == ethertype8021Q9100 || t == ethertype8021Q9200 || t == ethertype8021QinQ {
		if caplen < 4 {
			p.proto = "vlan"
			p.trunc()
			return hdr + caplen
		}
		if length < 4 {
			p.proto = "vlan"
			p.trunc()
			return hdr + length
		}
		if p.opt.Link {
			p.vlanField(t, off, origLength, printedLength)
			printedLength = true
		}
		t = p.be16(off + 2)
		off, length, caplen, hdr = off+4, length-4, caplen-4, hdr+4
	}
	if t <= maxEtherLen {
		return hdr + p.ether8023(t, off, length, caplen, start, printedLength)
	}
	if t == 0xd28b {
		if caplen < 2 || length < 2 {
			p.s("[|arista]")
			return hdr + min(caplen, length)
		}
		p.ethertypeField(t)
		p.etherLength(origLength)
		if n := p.arista(off); n > 0 {
			off, length, caplen, hdr = off+n, length-n, caplen-n, hdr+n
			goto recurse
		}
		p.defaultPrint(off, caplen)
		return hdr
	}
	p.etherPayload(t, off, length, caplen, start, origLength, printedLength)
	return hdr
}

// etherLength prints the frame's length as -e shows it.
func (p *Printer) etherLength(n int) {
	p.s(", length ")
	p.ui(n)
	p.s(": ")
}

// vlanField prints the VLAN tag at off (type t) as -e shows it, after the
// frame's length unless that is printed already.
func (p *Printer) vlanField(t, off, origLength int, printedLength bool) {
	tci := p.be16(off)
	p.ethertypeField(t)
	if !printedLength {
		p.etherLength(origLength)
	} else {
		p.s(", ")
	}
	p.vlanTCI(tci)
	p.s(", ")
}

// ether8023 prints an 802.3 frame's LLC payload at off whose length field
// is t, and returns the length of the headers it consumed.
func (p *Printer) ether8023(t, off, length, caplen, start int, printedLength bool) int {
	if t < length {
		length = t
		if caplen > length {
			caplen = length
		}
	}
	saved := p.limit(off, length)
	if p.opt.Link {
		p.s("802.3")
		if !printedLength {
			p.etherLength(length)
		}
	}
	n := p.llc(off, length, caplen, start)
	if n < 0 {
		p.defaultPrint(off, caplen)
		n = -n
	}
	p.end = saved
	return n
}

// etherPayload prints the payload of ethertype t at off, in hex when the
// type is not decoded (with the link header tcpdump then prints even
// without -e).
func (p *Printer) etherPayload(t, off, length, caplen, start, origLength int, printedLength bool) {
	if p.opt.Link {
		p.ethertypeField(t)
		if !printedLength {
			p.etherLength(origLength)
		} else {
			p.s(", ")
		}
	}
	if !p.ethertype(t, off, length, caplen) {
		if !p.opt.Link {
			p.etherAddrs(start)
			p.ethertypeField(t)
			p.etherLength(origLength)
		}
		p.defaultPrint(off, caplen)
	}
}

// ethertype prints the payload of an ethertype it decodes and reports
// whether it did.
func (p *Printer) ethertype(t, off, length, caplen int) bool {
	switch t {
	case ethertypeIPv4:
		p.ip(off, length)
	case ethertypeIPv6:
		p.ip6(off, length)
	case ethertypeARP, ethertypeRARP:
		p.arp(off, length, caplen)
	case 0x8847, 0x8848:
		p.mpls(off, length)
	case 0x8863, 0x8864, 0x3c12, 0x3c13: // PPPoE discovery and session (and 3Com's)
		p.pppoe(off, length)
	default:
		return false
	}
	return true
}

// llc prints an 802.2 LLC frame as far as pcapdump decodes it (SNAP and
// the IP SAP) and returns the header length, negative when the payload
// was not decoded.
func (p *Printer) llc(off, length, caplen, ether int) int {
	p.proto = "llc"
	if caplen < 3 || length < 3 {
		p.trunc()
		p.defaultPrint(off, caplen)
		return caplen
	}
	dsap, ssap, ctrl := p.u8(off)&^1, p.u8(off+1)&^1, p.u8(off+2)
	if ctrl&3 != 3 {
		return -4
	}
	switch {
	case dsap == 0xaa && ssap == 0xaa && ctrl == 3:
		if caplen < 8 || length < 8 {
			return -3
		}
		oui := int(p.be32(off+3) >> 8)
		t := p.be16(off + 6)
		if oui == 0 || oui == 0xf8 {
			if p.opt.Link {
				p.s("oui Ethernet (0x")
				p.x(uint64(oui), 6)
				p.s("), ")
				p.ethertypeField(t)
				p.s(", length ")
				p.ui(length)
				p.s(": ")
			}
			if p.ethertype(t, off+8, length-8, caplen-8) {
				return 8
			}
		}
		return -8
	case dsap == 0x06 && ssap == 0x06 && ctrl == 3:
		p.ip(off+3, length-3)
		return 3
	}
	return -3
}
