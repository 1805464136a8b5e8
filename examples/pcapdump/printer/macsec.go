package printer

// IEEE 802.1AE MACsec: the SecTAG after the MACsec ethertype.

// macsec prints the SecTAG at off. ret is 0 for an encrypted payload
// (dumped by the caller), positive for a header length to return at
// once, negative when the frame continues with an ethertype; the other
// results are the updated offset, lengths and header length.
func (p *Printer) macsec(off, length, caplen, hdr, ether int) (ret, noff, nlength, ncaplen, nhdr int) {
	saved := p.proto
	defer func() { p.proto = saved }()
	p.proto = "macsec"
	if caplen < 6 || length < 6 {
		p.trunc()
		return hdr + caplen, off, length, caplen, hdr
	}
	tci := p.u8(off)
	tagLen := 6
	if tci&0x20 != 0 {
		tagLen = 14
		if caplen < 14 || length < 14 {
			p.trunc()
			return hdr + caplen, off, length, caplen, hdr
		}
	}
	sl := p.u8(off + 1)
	if sl&^0x3f != 0 || tci&0x80 != 0 {
		p.s(" (invalid)")
		return hdr + caplen, off, length, caplen, hdr
	}
	sl &= 0x3f
	header := func() {
		p.s("an ")
		p.ui(tci & 3)
		p.s(", pn ")
		p.u(uint64(p.be32(off + 2)))
		p.s(", flags ")
		f := tci & 0x7c
		if f == 0 {
			p.s("none")
		}
		for _, e := range [...]struct {
			bit  int
			name byte
		}{{0x08, 'E'}, {0x04, 'C'}, {0x40, 'S'}, {0x10, 'B'}, {0x20, 'I'}} {
			if f&e.bit != 0 {
				p.b(e.name)
			}
		}
		if sl != 0 {
			p.s(", sl ")
			p.ui(sl)
		}
		if tci&0x20 != 0 {
			p.s(", sci ")
			p.x(p.be64(off+6), 16)
		}
		p.s(", ")
	}
	if p.opt.Link {
		header()
	}
	tag := off
	off += tagLen
	hdr += tagLen
	length -= tagLen
	caplen -= tagLen
	if tci&0x0c != 0 {
		if !p.opt.Link {
			if ether >= 0 {
				p.mac(ether + 6)
				p.s(" > ")
				p.mac(ether)
				p.b(' ')
			}
			p.s("802.1AE MACsec, ")
			off, tag = tag, off
			header()
			off, tag = tag, off
		}
		return 0, off, length, caplen, hdr
	}
	if length < 16 || caplen < 16 {
		p.trunc()
		return hdr + caplen, off, length, caplen, hdr
	}
	p.end -= 16
	length -= 16
	caplen -= 16
	if sl != 0 {
		if sl > length || sl > caplen {
			p.trunc()
			return hdr + caplen, off, length, caplen, hdr
		}
		length = min(length, sl)
		caplen = min(caplen, sl)
	}
	return -1, off, length, caplen, hdr
}
