package printer

// IPv6 and its extension headers.

func (p *Printer) ip6Addrs(off int) {
	p.addr6(off + 8)
	p.s(" > ")
	p.addr6(off + 24)
	p.s(": ")
}

// ip6 prints the IPv6 packet at off, length bytes long on the wire.
func (p *Printer) ip6(off, length int) {
	p.proto = "ip6"
	if !p.minHeader(off, length, 40, "truncated-ip6 ") {
		return
	}
	if !p.opt.Link {
		p.s("IP6 ")
	}
	if v := p.u8(off) >> 4; v != 6 {
		p.s("version error: ")
		p.ui(v)
		p.s(" != 6")
		return
	}
	payloadLen := p.be16(off + 4)
	var l int
	if payloadLen != 0 {
		l = payloadLen + 40
		p.ip6Missing(l, length)
	} else {
		l = length + 40
	}
	nh := p.u8(off + 6)
	if p.opt.Verbose > 0 {
		p.ip6Verbose(off, nh, payloadLen)
	}
	saved := p.limit(off, l)
	defer func() { p.end = saved }()
	cp := off
	advance := 40
	total := 0
	fragmented := false
	foundExt, foundJumbo, foundHBH := false, false, false
	ph := 255
	for cp < p.end && advance > 0 {
		if l < advance {
			p.trunc()
			return
		}
		cp += advance
		l -= advance
		total += advance
		if cp == off+40 && nh != protoTCP && nh != protoUDP && nh != protoDCCP && nh != protoSCTP {
			p.ip6Addrs(off)
		}
		switch nh {
		case 0: // hop-by-hop options
			var ok bool
			if advance, ok = p.ip6HopByHop(cp, foundHBH, ph, &foundJumbo, &payloadLen); !ok {
				return
			}
			foundExt, foundHBH = true, true
			nh = p.u8(cp)
		case 60: // destination options
			var ok bool
			advance, ok = p.ip6Opts(cp, false, nil, nil)
			if !ok {
				return
			}
			foundExt = true
			nh = p.u8(cp)
		case 44: // fragment
			if !p.frag6(off, cp) {
				return
			}
			advance = 8
			foundExt = true
			nh = p.u8(cp)
			fragmented = true
		case 135, 62: // mobility: not decoded
			p.s("mobility")
			return
		case 43: // routing
			if !p.has(cp, 1) {
				p.trunc()
				return
			}
			p.proto = "rt6"
			var ok bool
			advance, ok = p.rt6(cp)
			if !ok {
				return
			}
			foundExt = true
			nh = p.u8(cp)
		default:
			if foundJumbo || payloadLen == 0 {
				var ok bool
				if l, ok = p.ip6UpperLen(off, length, total, payloadLen, saved, foundJumbo, foundExt); !ok {
					return
				}
			}
			p.ipDemux(cp, l, 6, fragmented, nh, off)
			return
		}
		ph = nh
		p.proto = "ip6"
	}
}

// ip6Opts prints a hop-by-hop (hbh) or destination options header and
// returns its length; false when printing must stop.
// ip6Verbose prints the fixed header's fields that -v shows.
func (p *Printer) ip6Verbose(off, nh, payloadLen int) {
	flow := p.be32(off)
	p.b('(')
	if flow&0x0ff00000 != 0 {
		p.s("class 0x")
		p.x(uint64(flow&0x0ff00000>>20), 2)
		p.s(", ")
	}
	if flow&0x000fffff != 0 {
		p.s("flowlabel 0x")
		p.x(uint64(flow&0x000fffff), 5)
		p.s(", ")
	}
	p.s("hlim ")
	p.ui(p.u8(off + 7))
	p.s(", next-header ")
	p.s(protoName(nh))
	p.s(" (")
	p.ui(nh)
	p.s(") payload length: ")
	p.ui(payloadLen)
	p.s(") ")
}

// ip6HopByHop prints the hop-by-hop options header at cp, which must be
// the first and only one (ph is the previous header, 255 for the fixed
// header); it returns the header's length, false if the line ends.
func (p *Printer) ip6HopByHop(cp int, found bool, ph int, foundJumbo *bool, payloadLen *int) (int, bool) {
	if found {
		p.s("[The Hop-by-Hop Options header was already found] (invalid)")
		return 0, false
	}
	if ph != 255 {
		p.s("[The Hop-by-Hop Options header don't follow the IPv6 header] (invalid)")
		return 0, false
	}
	advance, ok := p.ip6Opts(cp, true, foundJumbo, payloadLen)
	if *payloadLen == 0 && !*foundJumbo {
		p.s("[No valid Jumbo Payload Hop-by-Hop option found] (invalid)")
		return 0, false
	}
	return advance, ok
}

// frag6 prints the fragment header at cp of the packet at off; false if
// the line ends there (a later fragment, or nothing after the header).
func (p *Printer) frag6(off, cp int) bool {
	p.proto = "frag6"
	offlg := p.be16(cp + 2)
	fraglen := 40 + p.be16(off+4) - (cp - off) - 8
	if p.opt.Verbose > 0 {
		p.s("frag (0x")
		p.x(uint64(p.be32(cp+4)), 8)
		p.b(':')
	} else {
		p.s("frag (")
	}
	p.ui(offlg & 0xfff8)
	p.b('|')
	p.ui(fraglen)
	p.b(')')
	if offlg&0xfff8 != 0 {
		return false
	}
	p.b(' ')
	return p.end > cp+8
}

// ip6Missing says how many bytes of an IPv6 packet of l bytes are
// missing from the length bytes at hand.
func (p *Printer) ip6Missing(l, length int) {
	if length < l {
		p.s("truncated-ip6 - ")
		p.ui(l - length)
		p.s(" bytes missing!")
	}
}

// ip6UpperLen returns the upper layer's length when the payload length
// field is 0: in a jumbogram of payloadLen bytes, else (after no extension
// header) 0. total is the headers' length; the packet's end is limited
// accordingly (never past saved). False if the line ends.
func (p *Printer) ip6UpperLen(off, length, total, payloadLen, saved int, jumbo, foundExt bool) (int, bool) {
	l := 40
	if jumbo {
		l = payloadLen + 40
		if l < total {
			p.trunc()
			return 0, false
		}
		p.ip6Missing(l, length)
	} else if foundExt {
		p.trunc()
		return 0, false
	}
	p.end = min(saved, off+l)
	return l - total, true
}

func (p *Printer) ip6Opts(off int, hbh bool, foundJumbo *bool, payloadLen *int) (int, bool) {
	if hbh {
		p.proto = "hbhopt"
	} else {
		p.proto = "dstopt"
	}
	n := (p.u8(off+1) + 1) << 3
	if !p.has(off, n) {
		p.trunc()
		return 0, false
	}
	if hbh {
		p.s("HBH ")
	} else {
		p.s("DSTOPT ")
		if p.opt.Verbose == 0 {
			return n, true
		}
	}
	if !p.ip6OptList(off+2, n-2, foundJumbo, payloadLen) {
		p.trunc()
		return 0, false
	}
	return n, true
}

func (p *Printer) ip6OptList(off, length int, foundJumbop *bool, payloadLen *int) bool {
	if length == 0 {
		return true
	}
	v := p.opt.Verbose > 0
	seenJumbo := false
	optLen := 0
	for i := 0; i < length; i += optLen {
		t := p.u8(off + i)
		if t == 0 {
			optLen = 1
		} else {
			if i+1 >= length {
				return false
			}
			optLen = p.u8(off+i+1) + 2
		}
		if i+optLen > length {
			return false
		}
		switch t {
		case 0:
			if v {
				p.s("(pad1)")
			}
		case 1:
			if length-i < 2 {
				p.s("(padn: trunc)")
				return false
			}
			if v {
				p.s("(padn)")
			}
		case 5:
			if !p.fixedOpt("rtalert", length-i, off+i, 4) {
				return false
			}
			if v {
				p.s("(rtalert: 0x")
				p.x(uint64(p.be16(off+i+2)), 4)
				p.s(") ")
			}
		case 0xc2:
			if !p.fixedOpt("jumbo", length-i, off+i, 6) {
				return false
			}
			jl := p.be32(off + i + 2)
			note := ""
			switch {
			case seenJumbo:
				note = " - already seen"
			case payloadLen == nil:
				seenJumbo = true
				note = " - not a hop-by-hop option"
			case *payloadLen != 0:
				seenJumbo = true
				note = " - payload len != 0"
			case jl < 65536:
				seenJumbo = true
				note = " - < 65536"
			default:
				seenJumbo = true
				*foundJumbop = true
				*payloadLen = int(jl)
			}
			if v {
				p.s("(jumbo: ")
				p.u(uint64(jl))
				p.s(note)
				p.s(") ")
			}
		default:
			if length-i < 2 {
				p.s("(type ")
				p.ui(t)
				p.s(": trunc)")
				return false
			}
			if v {
				p.s("(opt_type 0x")
				p.x(uint64(t), 2)
				p.s(": len=")
				p.ui(p.u8(off + i + 1))
				p.b(')')
			}
		}
	}
	if v {
		p.b(' ')
	}
	return true
}

// rt6 prints a routing header and returns its length.
func (p *Printer) rt6(off int) (int, bool) {
	p.s("RT6")
	l := p.u8(off + 1)
	p.s(" (len=")
	p.ui(l)
	typ := p.u8(off + 2)
	p.s(", type=")
	p.ui(typ)
	if typ == 0 {
		p.s(" [Deprecated]")
	}
	p.s(", segleft=")
	p.ui(p.u8(off + 3))
	switch typ {
	case 0, 2:
		if rsv := p.be32(off + 4); rsv != 0 || p.opt.Verbose > 0 {
			p.s(", rsv=0x")
			p.x(uint64(rsv), 0)
		}
	case 4:
		p.s(", last-entry=")
		p.ui(p.u8(off + 4))
		if f := p.u8(off + 5); f != 0 || p.opt.Verbose > 0 {
			p.s(", flags=0x")
			p.x(uint64(f), 0)
		}
		p.s(", tag=")
		p.x(uint64(p.be16(off+6)), 0)
	default:
		p.s(" (unknown type) (invalid)")
		return 0, false
	}
	if l%2 == 1 {
		p.s(" (invalid length ")
		p.ui(l)
		p.s(") (invalid)")
		return 0, false
	}
	for i := 0; i < l/2; i++ {
		p.s(", [")
		p.ui(i)
		p.b(']')
		p.addr6(off + 8 + 16*i)
	}
	p.s(") ")
	return (l + 1) << 3, true
}

// fixedOpt checks an IPv6 option of a fixed size at off with left bytes
// left in its header, printing tcpdump's complaint when it does not fit.
func (p *Printer) fixedOpt(name string, left, off, size int) bool {
	if left < size {
		p.b('(')
		p.s(name)
		p.s(": trunc)")
		return false
	}
	if l := p.u8(off + 1); l != size-2 {
		p.b('(')
		p.s(name)
		p.s(": invalid len ")
		p.ui(l)
		p.b(')')
		return false
	}
	return true
}
