package printer

// ICMP for IPv4.

var icmpTypeNames = []tok{
	{0, "echo reply"}, {4, "source quench"}, {8, "echo request"},
	{10, "router solicitation"}, {13, "time stamp request"}, {14, "time stamp reply"},
	{15, "information request"}, {16, "information reply"}, {17, "address mask request"},
}

// icmpUnreach holds the texts of the unreachable codes that name the
// destination with a fixed wording: prefix, address, suffix.
var icmpUnreach = map[int][2]string{
	0:  {"net ", " unreachable"},
	1:  {"host ", " unreachable"},
	4:  {"", " unreachable - need to frag"},
	5:  {"", " unreachable - source route failed"},
	6:  {"net ", " unreachable - unknown"},
	7:  {"host ", " unreachable - unknown"},
	8:  {"", " unreachable - source host isolated"},
	9:  {"net ", " unreachable - admin prohibited"},
	10: {"host ", " unreachable - admin prohibited"},
	11: {"net ", " unreachable - tos prohibited"},
	12: {"host ", " unreachable - tos prohibited"},
	13: {"host ", " unreachable - admin prohibited filter"},
	14: {"host ", " unreachable - host precedence violation"},
	15: {"host ", " unreachable - precedence cutoff"},
}

// rollback undoes what was printed since mark if the dissection is cut
// short, as tcpdump does for text it formats into a buffer first.
func (p *Printer) rollback(mark int) {
	if r := recover(); r != nil {
		p.buf = p.buf[:mark]
		panic(r)
	}
}

func (p *Printer) icmp(off, plen, iph int, fragmented bool) {
	p.proto = "icmp"
	typ, code := p.u8(off), p.u8(off+1)
	if !p.icmpText(off, typ, code) {
		p.trunc()
		return
	}
	p.s(", length ")
	p.ui(plen)
	if p.opt.Verbose > 0 && !fragmented && p.has(off, plen) {
		if sum := fold(sum16(0, p.data[off:off+plen])); sum != 0 {
			p.badSum(" (wrong icmp cksum ", uint16(p.be16(off+2)), sum, ")!)")
		}
	}
	if p.opt.Verbose > 0 && (typ == 3 || typ == 4 || typ == 5 || typ == 11 || typ == 12) {
		inner := off + 8
		p.s("\n\t")
		ilen := p.be16(inner + 2)
		saved := p.limit(inner, ilen)
		p.ip(inner, ilen)
		p.end = saved
	}
	p.proto = "icmp"
	if p.opt.Verbose > 0 && plen > 136 && (typ == 3 || typ == 11 || typ == 12) {
		p.icmpExtensions(off, plen)
	}
}

var icmpExtObjects = []tok{{1, "MPLS Stack Entry"}, {2, "Interface Identification"}}

// icmpExtensions prints the RFC 4884 multi-part extension of an ICMP
// error, which starts 128 bytes into the quoted datagram.
func (p *Printer) icmpExtensions(off, plen int) {
	if !p.has(off, 141) {
		p.trunc()
		return
	}
	ext := off + 136
	hlen := plen - 136
	if p.u8(off+5) == 0 && p.has(ext, hlen) && fold(sum16(0, p.data[ext:ext+hlen])) != 0 {
		return // no length and no valid checksum: no extension
	}
	v := p.u8(ext) >> 4
	p.s("\n\tICMP Multi-Part extension v")
	p.ui(v)
	if v != 2 {
		p.s(" packet not supported")
		return
	}
	if p.has(ext, hlen) {
		p.s(", checksum 0x")
		p.x(uint64(p.be16(ext+2)), 4)
		p.s(" (")
		if fold(sum16(0, p.data[ext:ext+hlen])) != 0 {
			p.s("in")
		}
		p.s("correct), length ")
		p.ui(hlen)
	}
	hlen -= 4
	obj := ext + 4
	for hlen > 4 {
		if !p.has(obj, 4) {
			p.trunc()
			return
		}
		tlen, class, ctype := p.be16(obj), p.u8(obj+2), p.u8(obj+3)
		obj += 4
		p.s("\n\t  ")
		p.s(tokOr(icmpExtObjects, class, "unknown"))
		p.s(" Object (")
		p.ui(class)
		p.s("), Class-Type: ")
		p.ui(ctype)
		p.s(", length ")
		p.ui(tlen)
		hlen -= 4
		if class == 0 || tlen < 4 {
			return
		}
		tlen -= 4
		if class == 1 && ctype == 1 {
			e := p.be32(obj)
			p.s("\n\t    label ")
			p.u(uint64(e >> 12))
			p.mplsEntryRest(e)
		} else {
			p.unknownDataIndent(obj, tlen, "\n\t    ")
		}
		if hlen < tlen {
			break
		}
		hlen -= tlen
		obj += tlen
	}
}

// icmpText prints "ICMP " and the type's text; on truncation nothing of
// it remains, and false means a length check failed (the caller marks
// the packet truncated and stops).
func (p *Printer) icmpText(off, typ, code int) bool {
	mark := len(p.buf)
	defer p.rollback(mark)
	p.s("ICMP ")
	inner := off + 8
	switch typ {
	case 0, 8:
		p.s("echo ")
		if typ == 8 {
			p.s("request")
		} else {
			p.s("reply")
		}
		p.pair16(", id ", off+4, ", seq ")
	case 3:
		if !p.icmpUnreachText(off, code, mark) {
			return false
		}
	case 5:
		p.icmpRedirect(off, code)
	case 9:
		if !p.icmpRouterAdvert(off, mark) {
			return false
		}
	case 11:
		if !p.hasOrUndo(mark, inner+16, 4) {
			return false
		}
		switch code {
		case 0:
			p.s("time exceeded in-transit")
		case 1:
			p.s("ip reassembly time exceeded")
		default:
			p.s("time exceeded-#")
			p.ui(code)
		}
	case 12:
		if code != 0 {
			p.s("parameter problem - code ")
			p.ui(code)
		} else {
			p.s("parameter problem - octet ")
			p.ui(p.u8(off + 4))
		}
	case 18:
		p.s("address mask is 0x")
		p.x(uint64(p.be32(off+8)), 8)
	case 13:
		p.pair16("time stamp query id ", off+4, " seq ")
	case 14:
		if !p.hasOrUndo(mark, off+16, 4) {
			return false
		}
		p.pair16("time stamp reply id ", off+4, " seq ")
		p.s(": org ")
		p.msTime(p.be32(off + 8))
		p.s(", recv ")
		p.msTime(p.be32(off + 12))
		p.s(", xmit ")
		p.msTime(p.be32(off + 16))
	default:
		if name, ok := lookup(icmpTypeNames, typ); ok {
			p.s(name)
		} else {
			p.s("type-#")
			p.ui(typ)
		}
	}
	return true
}

// hasOrUndo reports whether n bytes at o are captured; if not, it undoes
// what was printed since mark.
func (p *Printer) hasOrUndo(mark, o, n int) bool {
	if p.has(o, n) {
		return true
	}
	p.buf = p.buf[:mark]
	return false
}

// icmpUnreachText prints a destination unreachable message; false if the quoted
// header is not captured (what it printed is then undone).
func (p *Printer) icmpUnreachText(off, code, mark int) bool {
	inner := off + 8
	switch code {
	case 2:
		p.addr4(inner + 16)
		p.s(" protocol ")
		p.ui(p.u8(inner + 9))
		p.s(" unreachable")
	case 3:
		if !p.hasOrUndo(mark, inner+9, 1) {
			return false
		}
		hlen := (p.u8(inner) & 0xf) * 4
		dport := p.be16(inner + hlen + 2)
		proto := p.u8(inner + 9)
		p.addr4(inner + 16)
		p.unreachPort(proto, dport)
		p.s(" unreachable")
	case 4:
		mtu := p.be16(off + 6)
		p.addr4(inner + 16)
		p.s(" unreachable - need to frag")
		if mtu != 0 {
			p.s(" (mtu ")
			p.ui(mtu)
			p.b(')')
		}
	default:
		if t, ok := icmpUnreach[code]; ok {
			p.s(t[0])
			p.addr4(inner + 16)
			p.s(t[1])
		} else {
			p.addr4(inner + 16)
			p.s(" unreachable - #")
			p.ui(code)
		}
	}
	return true
}

// icmpRedirect prints a redirect message.
func (p *Printer) icmpRedirect(off, code int) {
	inner := off + 8
	switch code {
	case 0, 1, 2, 3:
		if code < 2 {
			p.s("redirect ")
		} else {
			p.s("redirect-tos ")
		}
		p.addr4(inner + 16)
		if code%2 == 0 {
			p.s(" to net ")
		} else {
			p.s(" to host ")
		}
		p.addr4(off + 4)
	default:
		p.s("redirect-#")
		p.ui(code)
		p.b(' ')
		p.addr4(inner + 16)
		p.s(" to ")
		p.addr4(off + 4)
	}
}

// icmpRouterAdvert prints a router advertisement; false if it is cut short (what
// it printed is then undone).
func (p *Printer) icmpRouterAdvert(off, mark int) bool {
	p.s("router advertisement")
	if !p.hasOrUndo(mark, off+4, 4) {
		return false
	}
	p.s(" lifetime ")
	lt := p.be16(off + 6)
	switch {
	case lt < 60:
		p.ui(lt)
	case lt < 3600:
		p.ui(lt / 60)
		p.b(':')
		p.zero(uint64(lt%60), 2)
	default:
		p.ui(lt / 3600)
		p.b(':')
		p.zero(uint64(lt%3600/60), 2)
		p.b(':')
		p.zero(uint64(lt%60), 2)
	}
	num := p.u8(off + 4)
	p.b(' ')
	p.ui(num)
	p.b(':')
	if size := p.u8(off + 5); size != 2 {
		p.s(" [size ")
		p.ui(size)
		p.b(']')
		return true
	}
	for a := off + 8; num > 0; num-- {
		if !p.hasOrUndo(mark, a, 8) {
			return false
		}
		p.s(" {")
		p.addr4(a)
		p.b(' ')
		p.u(uint64(p.be32(a + 4)))
		p.b('}')
		a += 8
	}
	return true
}

// msTime prints milliseconds since midnight as HH:MM:SS.mmm.
func (p *Printer) msTime(t uint32) {
	ms := t % 1000
	sec := t / 1000
	min := sec / 60
	sec -= min * 60
	hrs := min / 60
	min -= hrs * 60
	p.hms(uint64(hrs), uint64(min), uint64(sec))
	p.b('.')
	p.zero(uint64(ms), 3)
}

// unreachPort prints the port an ICMP or ICMPv6 port unreachable quotes.
func (p *Printer) unreachPort(proto, dport int) {
	switch proto {
	case protoTCP:
		p.s(" tcp port ")
	case protoUDP:
		p.s(" udp port ")
	default:
		p.s(" protocol ")
		p.ui(proto)
		p.s(" port ")
	}
	p.ui(dport)
}
