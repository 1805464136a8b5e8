package printer

// Less common link types whose payload is IP: IP over InfiniBand, Solaris
// ipnet, Linux NFLOG and Ethernet behind a Broadcom switch tag.

const (
	ltIPNET       = 226
	ltNFLOG       = 239
	ltIPOIB       = 242
	ltBRCMPrepend = 282
)

var (
	ipnetFamilies = []tok{{2, "IPv4"}, {26, "IPv6"}}
	nflogFamilies = []tok{{2, "IPv4"}, {10, "IPv6"}}
)

func (p *Printer) ipoib(length int) {
	p.proto = "ipoib"
	caplen := p.end
	if caplen < 44 || length < 44 {
		p.trunc()
		p.llHdrLen = min(caplen, length)
		return
	}
	header := func(length int) {
		p.s(", ethertype ")
		t := p.be16(40)
		if p.opt.Quiet == 0 {
			p.ethertypeNamed(t, "Unknown")
		} else {
			p.s(tokOr(ethertypeNames, t, "Unknown"))
		}
		p.lengthColon(length)
	}
	if p.opt.Link {
		p.s("IPOIB")
		header(length)
	}
	p.llHdrLen = 44
	if !p.ethertype(p.be16(40), 44, length-44, caplen-44) {
		if !p.opt.Link {
			header(length)
		}
		p.defaultPrint(44, caplen-44)
	}
}

func (p *Printer) ipnet(length int) {
	p.proto = "ipnet"
	p.need(0, 24)
	p.llHdrLen = 24
	family := p.u8(1)
	header := func(length int) {
		p.u(uint64(p.be32(16)))
		p.s(" > ")
		p.u(uint64(p.be32(20)))
		p.family(ipnetFamilies, family, ", family ", ", ", ", Unknown Ethertype ", 4, length)
	}
	if p.opt.Link {
		header(length)
	}
	switch family {
	case 2:
		p.ip(24, length-24)
	case 26:
		p.ip6(24, length-24)
	default:
		if !p.opt.Link {
			header(length)
		}
		p.defaultPrint(24, p.end-24)
	}
}

func (p *Printer) nflog(length int) {
	p.proto = "nflog"
	caplen := p.end
	if !p.shortLink(4) {
		return
	}
	if v := p.u8(1); v != 0 {
		p.s("version ")
		p.ui(v)
		p.s(" (unknown)")
		return
	}
	family := p.u8(0)
	header := func(length int) {
		p.s("version ")
		p.ui(p.u8(1))
		p.s(", resource ID ")
		p.ui(p.be16(2))
		p.family(nflogFamilies, family, ", family ", ", ", ", Unknown NFLOG ", 2, length)
	}
	if p.opt.Link {
		header(length)
	}
	off := 4
	length -= 4
	caplen -= 4
	for length > 0 {
		if caplen < 4 {
			p.trunc()
			p.llHdrLen = off
			return
		}
		size := p.le16(off)
		if size%4 != 0 {
			size += 4 - size%4
		}
		if size < 4 || caplen < size {
			p.trunc()
			p.llHdrLen = off
			return
		}
		if p.le16(off+2) == 9 { // NFULA_PAYLOAD
			off += 4
			length -= 4
			caplen -= 4
			break
		}
		off += size
		length -= size
		caplen -= size
	}
	switch family {
	case 2:
		p.ip(off, length)
	case 10:
		p.ip6(off, length)
	default:
		if !p.opt.Link {
			header(length + 4)
		}
		p.defaultPrint(off, caplen)
	}
	p.llHdrLen = off
}

func (p *Printer) brcmPrepend(length int) {
	p.proto = "brcm-tag-prepend"
	p.need(0, 4)
	p.llHdrLen = 4
	if p.opt.Link {
		brcmTag(p, 0)
	}
	p.proto = "ether"
	p.llHdrLen += p.ether(4, length-4, p.end-4)
}

func brcmRC(v int) string {
	if name, ok := lookup([]tok{{1, "mirror"}, {2, "MAC learning"}, {4, "switching"}, {8, "prot term"}, {16, "prot snoop"}, {32, "exception"}}, v); ok {
		return name
	}
	return "reserved"
}

const ltSLIP = 8

// slip prints a BSD/OS SLIP packet: a 16-byte pseudo header (direction,
// then the compression header) before the IP packet. Van Jacobson
// compressed headers are not decoded.
func (p *Printer) slip(length int) {
	p.proto = "slip"
	p.need(0, 16)
	p.llHdrLen = 16
	length -= 16
	if p.opt.Link {
		dir := p.u8(0)
		switch dir {
		case 0:
			p.s("I ")
		case 1:
			p.s("O ")
		default:
			p.s("Invalid direction ")
			p.ui(dir)
			p.b(' ')
		}
		switch c := p.u8(1); {
		case c&0xf0 == 0x40:
			p.s("ip ")
			p.ui(length + 16)
			p.s(": ")
		case c&0xf0 == 0x70:
			p.s("utcp ")
			p.ui(p.u8(1 + 9))
			p.s(": ")
		case dir > 1:
		case c&0x80 == 0:
			p.s("slip-")
			p.ui(c)
			p.s("!: ")
		}
	}
	switch v := p.u8(16) >> 4; v {
	case 4:
		p.ip(16, length)
	case 6:
		p.ip6(16, length)
	default:
		p.s("ip v")
		p.ui(v)
	}
}
