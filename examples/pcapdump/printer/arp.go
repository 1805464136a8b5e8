package printer

// ARP and RARP.

var arpOpNames = []tok{
	{1, "Request"}, {2, "Reply"}, {3, "Reverse Request"}, {4, "Reverse Reply"},
	{8, "Inverse Request"}, {9, "Inverse Reply"}, {10, "NACK Reply"},
}

var arpHrdNames = []tok{
	{1, "Ethernet"}, {6, "TokenRing"}, {7, "ArcNet"}, {15, "FrameRelay"}, {23, "Strip"},
	{24, "IEEE 1394"}, {19, "ATM"}, {32, "InfiniBand"},
}

func (p *Printer) arp(off, length, caplen int) {
	p.proto = "arp"
	p.need(off, 8)
	hrd, pro, op := p.be16(off), p.be16(off+2), p.be16(off+6)
	hln, pln := p.u8(off+4), p.u8(off+5)
	sha := off + 8
	spa := sha + hln
	tha := spa + pln
	tpa := tha + hln
	p.need(tpa, pln)
	if !p.opt.Link {
		p.s("ARP, ")
	}
	ipv4 := (pro == ethertypeIPv4 || pro == 0x1000) && pln == 4
	if !ipv4 || hln == 0 || p.opt.Verbose > 0 {
		p.name(arpHrdNames, hrd, "Unknown Hardware (", ")")
		p.s(" (len ")
		p.ui(hln)
		p.s("), ")
		if name, ok := lookup(ethertypeNames, pro); ok {
			p.s(name)
		} else {
			p.s("Unknown Protocol ")
			p.hexParen(pro, 4)
		}
		p.s(" (len ")
		p.ui(pln)
		p.b(')')
		if p.opt.Verbose == 0 {
			p.s(", length ")
			p.ui(length)
			return
		}
		p.s(", ")
	}
	p.name(arpOpNames, op, "Unknown (", ")")
	p.b(' ')
	protoAddr := func(a int) {
		switch {
		case pro != ethertypeIPv4 && pro != 0x1000:
			p.s("<wrong proto type>")
		case pln != 4:
			p.s("<wrong len>")
		default:
			p.addr4(a)
		}
	}
	switch op {
	case 1:
		p.s("who-has ")
		protoAddr(tpa)
		nonzero := false
		for i := 0; i < hln; i++ {
			if p.u8(tha+i) != 0 {
				nonzero = true
				break
			}
		}
		if nonzero {
			p.s(" (")
			p.linkAddr(tha, hln)
			p.b(')')
		}
		p.s(" tell ")
		protoAddr(spa)
	case 2:
		protoAddr(spa)
		p.s(" is-at ")
		p.linkAddr(sha, hln)
	case 3, 8:
		p.s("who-is ")
		p.linkAddr(tha, hln)
		p.s(" tell ")
		p.linkAddr(sha, hln)
	case 4:
		p.linkAddr(tha, hln)
		p.s(" at ")
		protoAddr(tpa)
	case 9:
		p.linkAddr(sha, hln)
		p.s(" at ")
		protoAddr(spa)
	default:
		// tcpdump dumps these even with -x, -X or -q.
		p.dumpData(off, min(caplen, p.end-off))
		return
	}
	p.s(", length ")
	p.ui(length)
}
