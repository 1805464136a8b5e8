package printer

// ICMPv6 neighbor discovery options, printed with -v.

var ndOptNames = []tok{
	{1, "source link-address"}, {2, "destination link-address"}, {3, "prefix info"},
	{4, "redirected header"}, {5, "mtu"}, {25, "rdnss"}, {31, "dnssl"},
	{7, "advertisement interval"}, {8, "homeagent information"}, {24, "route info"},
}

var ndPrefixFlags = []tok{{0x80, "onlink"}, {0x40, "auto"}, {0x20, "router"}}

var rtprefNames = [...]string{"medium", "high", "rsv", "low"}

func (p *Printer) lifetime(v uint32) {
	if v == 0xffffffff {
		p.s("infinity")
		return
	}
	p.u(uint64(v))
	p.b('s')
}

// ndOptions prints the options at cp (resid bytes); false if truncated.
func (p *Printer) ndOptions(bp, resid int) bool {
	cp := bp
	for cp < p.end {
		if !p.has(cp+1, 1) {
			return false
		}
		if resid <= 0 {
			return true
		}
		typ, l := p.u8(cp), p.u8(cp+1)
		if l == 0 || cp+l*8 > p.end {
			return false
		}
		p.s("\n\t  ")
		p.s(tokOr(ndOptNames, typ, "unknown"))
		p.s(" option (")
		p.ui(typ)
		p.s("), length ")
		p.ui(l * 8)
		p.s(" (")
		p.ui(l)
		p.s("): ")
		switch typ {
		case 1, 2:
			for i := 0; i < l*8-2; i++ {
				if i > 0 {
					p.b(':')
				}
				p.hexByte(byte(p.u8(cp + 2 + i)))
			}
		case 3:
			p.ndPrefixInfo(cp, l)
		case 4:
			p.unknownDataIndent(bp, l*8, "\n\t    ")
		case 5:
			p.b(' ')
			p.u(uint64(p.be32(cp + 4)))
			if l != 1 {
				p.s("bad option length")
			}
		case 25:
			p.s(" lifetime ")
			p.u(uint64(p.be32(cp + 4)))
			p.s("s,")
			for i := 0; i < (l-1)/2; i++ {
				p.s(" addr: ")
				p.addr6(cp + 8 + 16*i)
			}
		case 31:
			p.s(" lifetime ")
			p.u(uint64(p.be32(cp + 4)))
			p.s("s, domain(s):")
			d := cp + 8
			for d < cp+l*8 && p.u8(d) != 0 {
				p.b(' ')
				if d = p.dnsName(d); d < 0 {
					return false
				}
			}
		case 7:
			p.b(' ')
			p.u(uint64(p.be32(cp + 4)))
			p.s("ms")
		case 8:
			p.pair16(" preference ", cp+4, ", lifetime ")
		case 24:
			if !p.ndRouteInfo(cp, l) {
				return false
			}
		default:
			if p.opt.Verbose <= 1 {
				p.unknownDataIndent(cp+2, l*8-2, "\n\t  ")
				return true
			}
		}
		if p.opt.Verbose > 1 {
			p.unknownDataIndent(cp+2, l*8-2, "\n\t    ")
		}
		cp += l * 8
		resid -= l * 8
	}
	return true
}

// dnsName prints the uncompressed DNS name at off, each label followed
// by a dot, and returns the offset after it (-1 if it is malformed).
// ndPrefixInfo prints the prefix information option at cp, l units of 8
// bytes long.
func (p *Printer) ndPrefixInfo(cp, l int) {
	p.addr6(cp + 16)
	p.b('/')
	p.ui(p.u8(cp + 2))
	if l != 4 {
		p.s("badlen")
	}
	p.s(", Flags [")
	p.bits(ndPrefixFlags, p.u8(cp+3), ", ")
	p.s("], valid time ")
	p.lifetime(p.be32(cp + 4))
	p.s(", pref. time ")
	p.lifetime(p.be32(cp + 8))
}

// ndRouteInfo prints the route information option at cp, l units of 8
// bytes long; false if it is malformed or cut short.
func (p *Printer) ndRouteInfo(cp, l int) bool {
	if !p.has(cp+4, 4) {
		return false
	}
	var a [16]byte
	switch l {
	case 1:
	case 2:
		p.need(cp+8, 8)
		copy(a[:], p.data[cp+8:cp+16])
	case 3:
		p.need(cp+8, 16)
		copy(a[:], p.data[cp+8:cp+24])
	default:
		return false
	}
	p.b(' ')
	p.addr6Bytes(a[:])
	p.b('/')
	p.ui(p.u8(cp + 2))
	p.s(", pref=")
	p.s(rtprefNames[(p.u8(cp+3)&0x18)>>3])
	p.s(", lifetime=")
	p.lifetime(p.be32(cp + 4))
	return true
}

func (p *Printer) dnsName(off int) int {
	for {
		n := p.u8(off)
		off++
		if n == 0 {
			return off
		}
		if n&0xc0 != 0 {
			return -1
		}
		p.need(off, n)
		for i := 0; i < n; i++ {
			c := p.data[off+i]
			if c > 0x20 && c < 0x7f {
				p.b(c)
			} else {
				p.s("\\")
				p.zero(uint64(c), 3)
			}
		}
		p.b('.')
		off += n
	}
}
