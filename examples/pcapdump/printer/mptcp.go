package printer

// The Multipath TCP option (RFC 6824, RFC 8684).

var mptcpSubtypes = [...]string{"capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail", "fast-close", "unknown"}

var mptcpAddrEcho = []tok{{0x6, "v0-ip6"}, {0x4, "v0-ip4"}, {0x1, "v1-echo"}, {0x0, "v1"}}

func (p *Printer) be64(off int) uint64 {
	return uint64(p.be32(off))<<32 | uint64(p.be32(off+4))
}

// mptcp prints the option at cp (its kind byte), len bytes long; false
// if it is malformed.
func (p *Printer) mptcp(cp, l, flags int) bool {
	p.proto = "mptcp"
	if l < 3 {
		return false
	}
	sub := min(p.u8(cp+2)>>4, 8)
	p.b(' ')
	p.ui(l)
	p.b(' ')
	p.s(mptcpSubtypes[sub])
	switch sub {
	case 0:
		return p.mptcpCapable(cp, l, flags)
	case 1:
		return p.mptcpJoin(cp, l, flags)
	case 2:
		return p.mptcpDSS(cp, l, flags)
	case 3:
		return p.mptcpAddAddr(cp, l)
	case 4:
		if l < 4 {
			return false
		}
		p.s(" id")
		for i := 0; i < l-3; i++ {
			p.b(' ')
			p.ui(p.u8(cp + 3 + i))
		}
	case 5:
		if l != 3 && l != 4 {
			return false
		}
		if p.u8(cp+2)&1 != 0 {
			p.s(" backup")
		} else {
			p.s(" non-backup")
		}
		if l == 4 {
			p.s(" id ")
			p.ui(p.u8(cp + 3))
		}
	case 6:
		if l != 12 {
			return false
		}
		p.s(" seq ")
		p.u(p.be64(cp + 4))
	case 7:
		if l != 12 {
			return false
		}
		p.s(" key 0x")
		p.x(p.be64(cp+4), 0)
	}
	return true
}

// mptcpCapable prints MP_CAPABLE: version, checksum flag and keys. False if it is malformed.
func (p *Printer) mptcpCapable(cp, l, flags int) bool {
	if !((l == 12 || l == 4) && flags&thSYN != 0) && !((l == 20 || l == 22) && flags&(thSYN|thACK) == thACK) {
		return false
	}
	v := p.u8(cp+2) & 0xf
	if v > 1 {
		p.s(" Unknown Version (")
		p.ui(v)
		p.b(')')
		return true
	}
	p.s(" v")
	p.ui(v)
	if p.u8(cp+3)&0x80 != 0 {
		p.s(" csum")
	}
	if l == 12 || l >= 20 {
		p.s(" {0x")
		p.x(p.be64(cp+4), 0)
		if l >= 20 {
			p.s(",0x")
			p.x(p.be64(cp+12), 0)
		}
		p.b('}')
	}
	return true
}

// mptcpJoin prints MP_JOIN in its SYN, SYN/ACK and ACK forms. False if it is malformed.
func (p *Printer) mptcpJoin(cp, l, flags int) bool {
	if !(l == 12 && flags&thSYN != 0) && !(l == 16 && flags&(thSYN|thACK) == thSYN|thACK) && !(l == 24 && flags&thACK != 0) {
		return false
	}
	if l != 24 {
		if p.u8(cp+2)&1 != 0 {
			p.s(" backup")
		}
		p.s(" id ")
		p.ui(p.u8(cp + 3))
	}
	switch l {
	case 12:
		p.s(" token 0x")
		p.x(uint64(p.be32(cp+4)), 0)
		p.s(" nonce 0x")
		p.x(uint64(p.be32(cp+8)), 0)
	case 16:
		p.s(" hmac 0x")
		p.x(p.be64(cp+4), 0)
		p.s(" nonce 0x")
		p.x(uint64(p.be32(cp+12)), 0)
	case 24:
		p.s(" hmac 0x")
		for i := 0; i < 20; i++ {
			p.hexByte(byte(p.u8(cp + 4 + i)))
		}
	}
	return true
}

// mptcpDSS prints DSS: data FIN, data ack and the data sequence mapping. False if it is malformed.
func (p *Printer) mptcpDSS(cp, l, flags int) bool {
	if l < 4 || flags&thSYN != 0 {
		return false
	}
	f := p.u8(cp + 3)
	if f&0x10 != 0 {
		p.s(" fin")
	}
	o, n := cp+4, l-4
	ok := true
	if f&0x01 != 0 {
		p.s(" ack ")
		if o, n, ok = p.dssNumber(o, n, f&0x02 != 0); !ok {
			return false
		}
	}
	if f&0x04 != 0 {
		p.s(" seq ")
		if o, n, ok = p.dssNumber(o, n, f&0x08 != 0); !ok {
			return false
		}
		if n < 4 {
			return false
		}
		p.s(" subseq ")
		p.u(uint64(p.be32(o)))
		o, n = o+4, n-4
		if n < 2 {
			return false
		}
		p.s(" len ")
		p.ui(p.be16(o))
		o, n = o+2, n-2
		if n >= 2 {
			p.s(" csum 0x")
			p.x(uint64(p.be16(o)), 0)
			n -= 2
		}
	}
	if n != 0 {
		return false
	}
	return true
}

// mptcpAddAddr prints ADD_ADDR: address ID, address, port and HMAC. False if it is malformed.
func (p *Printer) mptcpAddAddr(cp, l int) bool {
	switch l {
	case 8, 10, 16, 18, 20, 22, 28, 30:
	default:
		return false
	}
	p.b(' ')
	if name, ok := lookup(mptcpAddrEcho, p.u8(cp+2)&0xf); ok {
		p.s(name)
	} else {
		p.s("[bad version/echo]")
	}
	p.s(" id ")
	p.ui(p.u8(cp + 3))
	// v4 or v6 address, then an optional port, then an optional hmac.
	v6, alen := l > 18, 4
	if v6 {
		alen = 16
	}
	p.b(' ')
	p.addrAt(cp+4, v6)
	rest := l - 4 - alen // 0, 2 (port), 8 (hmac) or 10 (both)
	o := cp + 4 + alen
	if rest == 2 || rest == 10 {
		p.b(':')
		p.ui(p.be16(o))
		o += 2
	}
	if rest >= 8 {
		p.s(" hmac 0x")
		p.x(p.be64(o), 0)
	}
	return true
}

// dssNumber prints a DSS data sequence number or ack, 8 bytes if wide
// else 4, at o with n bytes left; it returns the position after it.
func (p *Printer) dssNumber(o, n int, wide bool) (int, int, bool) {
	size := 4
	if wide {
		size = 8
	}
	if n < size {
		return o, n, false
	}
	if wide {
		p.u(p.be64(o))
	} else {
		p.u(uint64(p.be32(o)))
	}
	return o + size, n - size, true
}
