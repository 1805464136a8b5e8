package printer

// PPP over Ethernet (RFC 2516): discovery packets with their tags, and
// session packets carrying PPP.

var pppoeCodes = []tok{{0x09, "PADI"}, {0x07, "PADO"}, {0x19, "PADR"}, {0x65, "PADS"}, {0xa7, "PADT"}, {0, ""}}

var pppoeTags = []tok{
	{0, "EOL"}, {0x0101, "Service-Name"}, {0x0102, "AC-Name"}, {0x0103, "Host-Uniq"},
	{0x0104, "AC-Cookie"}, {0x0105, "Vendor-Specific"}, {0x0110, "Relay-Session-ID"},
	{0x0120, "PPP-Max-Payload"}, {0x0201, "Service-Name-Error"}, {0x0202, "AC-System-Error"},
	{0x0203, "Generic-Error"},
}

func (p *Printer) pppoe(off, length int) {
	p.proto = "pppoe"
	if length < 6 {
		p.s(" (length ")
		p.ui(length)
		p.s(" < 6) (invalid)")
		return
	}
	length -= 6
	p.need(off, 6)
	ver, typ, code := p.u8(off)>>4, p.u8(off)&0xf, p.u8(off+1)
	sid, plen := p.be16(off+2), p.be16(off+4)
	if ver != 1 {
		p.s(" [ver ")
		p.ui(ver)
		p.b(']')
	}
	if typ != 1 {
		p.s(" [type ")
		p.ui(typ)
		p.b(']')
	}
	p.s("PPPoE ")
	p.nameHex(pppoeCodes, code, "PAD-")
	if code == 0x09 && plen > 1484-6 {
		p.s(" [len ")
		p.ui(plen)
		p.s("!]")
	}
	if plen > length {
		p.s(" [len ")
		p.ui(plen)
		p.s(" > ")
		p.ui(length)
		p.s("!]")
		plen = length
	}
	if sid != 0 {
		p.s(" [ses 0x")
		p.x(uint64(sid), 0)
		p.b(']')
	}
	payload := off + 6
	if code == 0 {
		p.b(' ')
		p.ppp(payload, plen)
		return
	}
	tag := 0xffff
	for t := payload; tag != 0 && t < payload+plen; {
		tag = p.be16(t)
		tlen := p.be16(t + 2)
		t += 4
		p.s(" [")
		p.nameHex(pppoeTags, tag, "TAG-0x")
		if tlen != 0 {
			p.need(t, tlen)
			p.pppoeTagValue(t, tlen)
		}
		p.b(']')
		t += tlen
	}
}

// pppoeTagValue prints a tag's value: as text when most of its first 79
// bytes are printable, else in upper-case hex.
func (p *Printer) pppoeTagValue(t, tlen int) {
	n := min(tlen, 79)
	printable := 0
	for _, c := range p.data[t : t+n] {
		if c >= 0x20 && c < 0x7f {
			printable++
		}
	}
	if printable > n-printable {
		p.s(" \"")
		for _, c := range p.data[t : t+n] {
			if c >= 0x20 && c < 0x7f {
				p.b(c)
			} else {
				p.b('.')
			}
		}
		p.b('"')
		return
	}
	p.s(" 0x")
	for _, c := range p.data[t : t+tlen] {
		p.b("0123456789ABCDEF"[c>>4])
		p.b("0123456789ABCDEF"[c&0xf])
	}
}
