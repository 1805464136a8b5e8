package printer

// UDP. Payloads are not decoded: every datagram prints as tcpdump -q
// prints it, "UDP, length N".

func (p *Printer) udp(off, length, iph int, fragmented bool) {
	p.proto = "udp"
	if !p.has(off+2, 2) {
		p.udpAddrs(iph, -1, -1)
		p.trunc()
		return
	}
	sport, dport := p.be16(off), p.be16(off+2)
	if length < 8 {
		p.udpAddrs(iph, sport, dport)
		p.s("truncated-udp ")
		p.ui(length)
		return
	}
	if !p.has(off+4, 2) {
		p.udpAddrs(iph, sport, dport)
		p.trunc()
		return
	}
	ulen := p.be16(off + 4)
	if ulen == 0 && length > 65535 {
		ulen = length
	}
	if ulen < 8 {
		p.udpAddrs(iph, sport, dport)
		p.s("truncated-udplength ")
		p.ui(ulen)
		return
	}
	ulen -= 8
	length -= 8
	if ulen < length {
		length = ulen
	}
	if off+8 > p.end {
		p.udpAddrs(iph, sport, dport)
		p.trunc()
		return
	}
	p.udpAddrs(iph, sport, dport)
	if p.opt.Verbose > 0 && !p.opt.NoChecksum && !fragmented {
		v6 := p.u8(iph)>>4 == 6
		if !v6 && p.opt.Verbose > 1 {
			field := uint16(p.be16(off + 6))
			if field == 0 {
				p.s("[no cksum] ")
			} else if p.has(off+8, length) {
				p.udpSum(off, length, iph, field)
			}
		} else if v6 && p.has(off+8, length) {
			p.udpSum(off, length, iph, uint16(p.be16(off+6)))
		}
	}
	if p.opt.Quiet == 0 && readsToEndUDP(sport, dport) && !p.has(off+8, length) {
		p.cutApp = true
	}
	p.s("UDP, ")
	if ulen > length && !fragmented {
		p.s("bad length ")
		p.ui(ulen)
		p.s(" > ")
		p.ui(length)
		return
	}
	p.s("length ")
	p.ui(ulen)
}

func (p *Printer) udpSum(off, length, iph int, field uint16) {
	s := p.pseudoSum(iph, protoUDP, length+8)
	sum := fold(sum16(s, p.data[off:off+8+length]))
	if sum != 0 {
		p.badSum4("udp", field, sum)
	} else {
		p.s("[udp sum ok] ")
	}
}

// udpAddrs is tcpdump's udpipaddr_print: addresses and ports, or only
// addresses when the ports are not captured (sport -1).
func (p *Printer) udpAddrs(iph, sport, dport int) {
	if p.nextProto(iph) == protoUDP {
		p.ipEndpoints(iph, sport, dport)
		p.s(": ")
	} else if sport != -1 {
		p.portPair(iph, protoUDP, sport, dport)
	}
}
