package printer

// Frame Relay (Q.922 address, then NLPID or a Cisco ethertype).

const ltFRELAY = 107

var nlpidNames = []tok{
	{0x00, "NULL"}, {0x08, "Q.933"}, {0x09, "LMI"}, {0x80, "SNAP"}, {0x81, "CLNP"},
	{0x82, "ES-IS"}, {0x83, "IS-IS"}, {0x84, "CONS"}, {0x85, "IDRP"}, {0xc1, "ISIS_SPB"},
	{0xb1, "FRF.15"}, {0xcc, "IPv4"}, {0xcf, "PPP"}, {0x8a, "X25 ES-IS"}, {0x8e, "IPv6"},
}

var frFlags = []tok{{0x02000000, "C!"}, {0x00020000, "DE"}, {0x00040000, "BECN"}, {0x00080000, "FECN"}, {0x00000002, "sdlcore"}}

// q922 parses a Q.922 address: 1 valid, 0 invalid, -1 truncated.
func (p *Printer) q922(off, length int) (ret, dlci, alen int, flags uint32) {
	if !p.has(off, 1) || length < 1 {
		return -1, 0, 0, 0
	}
	b0 := p.u8(off)
	if b0&1 != 0 {
		return 0, 0, 0, 0
	}
	if !p.has(off+1, 1) || length < 2 {
		return -1, 0, 0, 0
	}
	b1 := p.u8(off + 1)
	alen = 2
	dlci = (b0&0xfc)<<2 | (b1&0xf0)>>4
	flags = uint32(b0&0x02)<<24 | uint32(b1&0x0e)<<16
	if b1&1 != 0 {
		return 1, dlci, alen, flags
	}
	off += 2
	length -= 2
	if !p.has(off, 1) || length < 1 {
		return -1, 0, 0, 0
	}
	alen++
	if p.u8(off)&1 == 0 {
		dlci = dlci<<7 | p.u8(off)>>1
		alen++
		off++
		length--
	}
	if !p.has(off, 1) || length < 1 {
		return -1, 0, 0, 0
	}
	if p.u8(off)&1 == 0 {
		return 0, 0, 0, 0
	}
	flags |= uint32(p.u8(off) & 0x02)
	dlci = dlci<<6 | p.u8(off)>>2
	return 1, dlci, alen, flags
}

func (p *Printer) frHeader(length, alen, dlci int, flags uint32, nlpid int) {
	if p.opt.Quiet > 0 {
		p.s("Q.922, DLCI ")
		p.ui(dlci)
		p.s(", length ")
		p.ui(length)
		p.s(": ")
		return
	}
	p.s("Q.922, hdr-len ")
	p.ui(alen)
	p.s(", DLCI ")
	p.ui(dlci)
	p.s(", Flags [")
	p.bits(frFlags, int(flags), ", ")
	if nlpid <= 0xff {
		p.s("], NLPID ")
		p.named(nlpidNames, nlpid, "unknown", 2)
	} else {
		p.s("], cisco-ethertype ")
		p.ethertypeNamed(nlpid, "unknown")
	}
	p.lengthColon(length)
}

func (p *Printer) frIf(length int) {
	p.proto = "fr"
	if p.shortLink(4) {
		p.llHdrLen = p.fr(0, length)
	}
}

func (p *Printer) fr(off, length int) int {
	p.proto = "fr"
	ret, dlci, alen, flags := p.q922(off, length)
	if ret == -1 {
		p.trunc()
		return 0
	}
	if ret == 0 {
		p.s("Q.922, invalid address")
		return 0
	}
	p.need(off+alen, 1)
	if length < alen+1 {
		p.trunc()
		return 0
	}
	if p.u8(off+alen) != 3 && dlci != 0 {
		if !p.has(off+alen, 2) || length < alen+2 {
			p.s("UI ")
			p.x(uint64(p.u8(off+alen)), 2)
			p.s("! ")
		} else {
			et := p.be16(off + alen)
			if p.opt.Link {
				p.frHeader(length, alen, dlci, flags, et)
			}
			if p.ethertype(et, off+alen+2, length-alen-2, p.end-off-alen-2) {
				return alen + 2
			}
			p.s("UI ")
			p.x(uint64(p.u8(off+alen)), 2)
			p.s("! ")
		}
	}
	p.need(off+alen+1, 1)
	if length < alen+2 {
		p.trunc()
		return 0
	}
	var hdr int
	if p.u8(off+alen+1) == 0 {
		if alen != 3 {
			p.s("Pad! ")
		}
		hdr = alen + 3
	} else {
		if alen == 3 {
			p.s("No pad! ")
		}
		hdr = alen + 2
	}
	p.need(off+hdr-1, 1)
	if length < hdr {
		p.trunc()
		return 0
	}
	nlpid := p.u8(off + hdr - 1)
	if p.opt.Link {
		p.frHeader(length, alen, dlci, flags, nlpid)
	}
	switch nlpid {
	case 0xcc:
		p.ip(off+hdr, length-hdr)
	case 0x8e:
		p.ip6(off+hdr, length-hdr)
	case 0xcf:
		p.ppp(off+hdr, length-hdr)
	case 0x81, 0x82, 0x83, 0x08, 0xb1, 0x80:
		// OSI, Q.933, FRF.15 and SNAP payloads are not decoded.
	default:
		if !p.opt.Link {
			p.frHeader(length, alen, dlci, flags, nlpid)
		}
		if p.opt.Hex == 0 {
			p.dumpData(off+hdr, length-hdr)
		}
	}
	return hdr
}
