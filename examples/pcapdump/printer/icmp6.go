package printer

// ICMPv6.

var icmp6TypeNames = []tok{
	{1, "destination unreachable"}, {2, "packet too big"}, {3, "time exceeded in-transit"},
	{4, "parameter problem"}, {128, "echo request"}, {129, "echo reply"},
	{130, "multicast listener query"}, {131, "multicast listener report"},
	{132, "multicast listener done"}, {133, "router solicitation"},
	{134, "router advertisement"}, {135, "neighbor solicitation"},
	{136, "neighbor advertisement"}, {137, "redirect"}, {138, "router renumbering"},
	{141, "inverse neighbor solicitation"}, {142, "inverse neighbor advertisement"},
	{143, "multicast listener report v2"}, {144, "ha discovery request"},
	{145, "ha discovery reply"}, {146, "mobile router solicitation"},
	{147, "mobile router advertisement"}, {139, "who-are-you request"},
	{140, "who-are-you reply"}, {201, "mtrace message"}, {200, "mtrace response"},
	{155, "RPL"},
}

var rplCodes = []tok{{0, "DODAG Information Solicitation"}, {1, "DODAG Information Object"},
	{2, "Destination Advertisement Object"}, {3, "Destination Advertisement Object Ack"}}

var ndNAFlags = []tok{{0x80, "router"}, {0x40, "solicited"}, {0x20, "override"}} // in the first byte of the flags

var ndRAFlags = []tok{{0x80, "managed"}, {0x40, "other stateful"}, {0x20, "home agent"}, {0x02, "ipv6 only"}}

var icmp6UnreachNames = []tok{
	{0, "unreachable route"}, {1, " unreachable prohibited"}, {2, "beyond scope"},
	{3, "unreachable address"}, {4, "unreachable port"},
}

func (p *Printer) icmp6(off, length, iph int, fragmented bool) {
	p.proto = "icmp6"
	if length == 0 {
		p.s("ICMP6, length 0 (invalid)")
		return
	}
	v := p.opt.Verbose
	if v > 0 && !fragmented && p.has(off, length) {
		p.icmp6Checksum(off, length, iph)
	}
	typ := p.u8(off)
	p.s("ICMP6, ")
	p.name(icmp6TypeNames, typ, "unknown icmp6 type (", ")")
	if v > 0 && (typ == 133 || typ == 134 || typ == 136 || typ == 135 || typ == 137 || typ == 145 || typ == 147) {
		p.s(", length ")
		p.ui(length)
	}
	code := p.u8(off + 1)
	oip := off + 8
	switch typ {
	case 1:
		if !p.icmp6Unreach(off, length, code) {
			return
		}
	case 2:
		p.s(", mtu ")
		p.u(uint64(p.be32(off + 4)))
	case 3:
		p.icmp6TimeExceeded(oip, code)
	case 4:
		if !p.icmp6ParamProblem(off, code) {
			p.trunc()
			return
		}
	case 128, 129:
		p.pair16(", id ", off+4, ", seq ")
	case 130:
		if length == 24 {
			p.mld6(off)
		} else if length >= 28 {
			p.s(" v2")
			p.mld2Query(off, length)
		} else {
			p.s(" unknown-version (len ")
			p.ui(length)
			p.s(") ")
		}
	case 131, 132:
		p.mld6(off)
	case 133, 134, 135, 136, 137:
		if !p.neighborDiscovery(off, length, typ) {
			p.trunc()
			return
		}
	case 155:
		// RPL: the message name (its -v details are not decoded).
		if code&0x80 != 0 {
			p.s(", (SEC) [worktodo]")
		} else {
			p.s(", (CLR)")
			p.name(rplCodes, code&0x7f, "RPL message, unknown code ", "")
		}
	case 141, 142, 138, 139, 140:
	case 143:
		if length < 8 {
			p.s(" [invalid len ")
			p.ui(length)
			p.b(']')
		} else {
			p.mld2Report(off, length)
		}
	case 144, 146:
		p.s(", id 0x")
		p.x(uint64(p.be16(off+4)), 4)
	case 145, 147:
		if v > 0 {
			p.s(", id 0x")
			p.x(uint64(p.be16(off+4)), 4)
		}
	default:
		p.s(", length ")
		p.ui(length)
		if v <= 1 {
			p.unknownData(off, length)
		}
		return
	}
	if v == 0 {
		p.s(", length ")
		p.ui(length)
	}
}

// icmp6Checksum prints whether the message's checksum is correct.
func (p *Printer) icmp6Checksum(off, length, iph int) {
	field := uint16(p.be16(off + 2))
	s := p.pseudoSum(iph, protoICMPv6, length)
	if sum := fold(sum16(s, p.data[off:off+length])); sum != 0 {
		p.badSum4("icmp6", field, sum)
	} else {
		p.s("[icmp6 sum ok] ")
	}
}

// icmp6Unreach prints a destination unreachable message with code code;
// false if the line ends there.
func (p *Printer) icmp6Unreach(off, length, code int) bool {
	oip := off + 8
	p.s(", ")
	p.name(icmp6UnreachNames, code, "unknown unreach code (", ")")
	switch code {
	case 0, 1, 3:
		p.b(' ')
		p.addr6(oip + 24)
	case 2:
		p.b(' ')
		p.addr6(oip + 24)
		p.s(", source address ")
		p.addr6(oip + 8)
	case 4:
		uh, proto, ok := p.upperLayer6(oip)
		if !ok {
			p.trunc()
			return false
		}
		dport := p.be16(uh + 2)
		p.s(", ")
		p.addr6(oip + 24)
		p.unreachPort(proto, dport)
		if proto != protoTCP && proto != protoUDP {
			p.s(" unreachable")
		}
	default:
		if p.opt.Verbose <= 1 {
			p.unknownData(off, length)
			return false
		}
	}
	return true
}

// icmp6TimeExceeded prints a time exceeded message about the packet at
// oip.
func (p *Printer) icmp6TimeExceeded(oip, code int) {
	switch code {
	case 0:
		p.s(" for ")
		p.addr6(oip + 24)
	case 1:
		p.s(" (reassembly)")
	default:
		p.s(", unknown code (")
		p.ui(code)
		p.b(')')
	}
}

// icmp6ParamProblem prints a parameter problem message; false if the
// quoted packet's destination address is not captured.
func (p *Printer) icmp6ParamProblem(off, code int) bool {
	if !p.has(off+8+24, 16) {
		return false
	}
	names := [...]string{", erroneous - octet ", ", next header - octet ", ", option - octet ", ", incomplete header chain - octet "}
	if code < len(names) {
		p.s(names[code])
		p.u(uint64(p.be32(off + 4)))
	} else {
		p.s(", code-#")
		p.ui(code)
	}
	return true
}

func (p *Printer) mld6(off int) {
	if !p.has(off, 24) {
		return
	}
	p.s("max resp delay: ")
	p.ui(p.be16(off + 4))
	p.s(" addr: ")
	p.addr6(off + 8)
}

func (p *Printer) mld2Query(off, length int) {
	if length < 28 {
		p.s(" [invalid len ")
		p.ui(length)
		p.b(']')
		return
	}
	mrc := p.be16(off + 4)
	mrt := mrc
	if mrc >= 32768 {
		mrt = ((mrc & 0x0fff) | 0x1000) << (((mrc & 0x7000) >> 12) + 3)
	}
	v := p.opt.Verbose
	if v > 0 {
		p.s(" [max resp delay=")
		p.ui(mrt)
		p.b(']')
	}
	p.s(" [gaddr ")
	p.addr6(off + 8)
	if v > 0 {
		b24 := p.u8(off + 24)
		if b24&8 != 0 {
			p.s(" sflag")
		}
		if b24&7 != 0 {
			p.s(" robustness=")
			p.ui(b24 & 7)
		}
		q := p.u8(off + 25)
		if q >= 128 {
			q = ((q & 0x0f) | 0x10) << (((q & 0x70) >> 4) + 3)
		}
		p.s(" qqi=")
		p.ui(q)
	}
	if n := p.be16(off + 26); n > 0 {
		if length < 28+n*16 {
			p.s(" [invalid number of sources]")
		} else if v > 1 {
			p.s(" {")
			for i := 0; i < n; i++ {
				p.b(' ')
				p.addr6(off + 28 + 16*i)
			}
			p.s(" }")
		} else {
			p.s(", ")
			p.ui(n)
			p.s(" source(s)")
		}
	}
	p.b(']')
}

func (p *Printer) icmp6RouterAdvert(off int) {
	p.s("\n\thop limit ")
	p.ui(p.u8(off + 4))
	f := p.u8(off + 5)
	p.s(", Flags [")
	p.bits(ndRAFlags, f, ", ")
	p.s("], pref ")
	p.s([...]string{"medium", "high", "rsv", "low"}[(f&0x18)>>3])
	p.s(", router lifetime ")
	p.ui(p.be16(off + 6))
	p.s("s, reachable time ")
	p.u(uint64(p.be32(off + 8)))
	p.s("ms, retrans timer ")
	p.u(uint64(p.be32(off + 12)))
	p.s("ms")
}

// upperLayer6 finds the transport header inside the IPv6 packet at off
// quoted by an ICMPv6 error.
func (p *Printer) upperLayer6(off int) (int, int, bool) {
	if !p.has(off+6, 1) {
		return 0, 0, false
	}
	nh := p.u8(off + 6)
	hlen := 40
	for bp := off; bp < p.end; {
		bp += hlen
		switch nh {
		case protoUDP, protoTCP:
			if p.has(bp+2, 2) {
				return bp, nh, true
			}
			return 0, 0, false
		case 0, 60, 43:
			if !p.has(bp+1, 1) {
				return 0, 0, false
			}
			nh = p.u8(bp)
			hlen = (p.u8(bp+1) + 1) << 3
		case 44:
			if !p.has(bp+2, 2) || p.be16(bp+2)&0xfff8 != 0 {
				return 0, 0, false
			}
			nh = p.u8(bp)
			hlen = 8
		case 51:
			if !p.has(bp+1, 1) {
				return 0, 0, false
			}
			nh = p.u8(bp)
			hlen = (p.u8(bp+1) + 2) << 2
		default:
			return 0, 0, false
		}
	}
	return 0, 0, false
}

var mld2RecordNames = []tok{{1, "is_in"}, {2, "is_ex"}, {3, "to_in"}, {4, "to_ex"}, {5, "allow"}, {6, "block"}}

func (p *Printer) mld2Report(off, length int) {
	n := p.be16(off + 6)
	p.s(", ")
	p.ui(n)
	p.s(" group record(s)")
	if p.opt.Verbose == 0 {
		return
	}
	g := 8
	for i := 0; i < n; i++ {
		if length < g+20 {
			p.s(" [invalid number of groups]")
			return
		}
		p.s(" [gaddr ")
		p.addr6(off + g + 4)
		p.b(' ')
		t := p.u8(off + g)
		if name, ok := lookup(mld2RecordNames, t); ok {
			p.s(name)
		} else {
			p.s(" [v2-report-#")
			p.ui(t)
			p.b(']')
		}
		nsrcs := p.be16(off + g + 2)
		if length < g+20+nsrcs*16 {
			p.s(" [invalid number of sources ")
			p.ui(nsrcs)
			p.b(']')
			return
		}
		if p.opt.Verbose == 1 {
			p.s(", ")
			p.ui(nsrcs)
			p.s(" source(s)")
		} else {
			p.s(" {")
			for j := 0; j < nsrcs; j++ {
				p.b(' ')
				p.addr6(off + g + 20 + 16*j)
			}
			p.s(" }")
		}
		g += 20 + nsrcs*16
		p.b(']')
	}
}

// neighborDiscovery prints router and neighbor solicitations and
// advertisements and redirects, with their options when verbose; false if
// the options are truncated.
func (p *Printer) neighborDiscovery(off, length, typ int) bool {
	opts := 0 // offset of the options
	switch typ {
	case 133:
		opts = 8
	case 134:
		opts = 16
		if p.opt.Verbose > 0 {
			p.icmp6RouterAdvert(off)
		}
	case 135:
		opts = 24
		p.s(", who has ")
		p.addr6(off + 8)
	case 136:
		opts = 24
		p.s(", tgt is ")
		p.addr6(off + 8)
		if p.opt.Verbose > 0 {
			p.s(", Flags [")
			p.bits(ndNAFlags, p.u8(off+4), ", ")
			p.b(']')
		}
	case 137:
		opts = 40
		p.s(", ")
		p.addr6(off + 8)
		p.s(" to ")
		p.addr6(off + 24)
	}
	return p.opt.Verbose == 0 || p.ndOptions(off+opts, length-opts)
}
