package printer

// TCP.

// tcpKey names a connection as tcpdump's sequence tables do: the lower
// port's side first (IPv4 addresses use the first 4 bytes).
type tcpKey struct {
	src, dst [16]byte
	ports    uint32
	v6       bool
}

// tcpBase holds the initial sequence numbers of a connection, subtracted
// to print relative numbers.
type tcpBase struct{ seq, ack uint32 }

// bases returns what to subtract from a segment's sequence and
// acknowledgment numbers (and SACK blocks, which are in acknowledgment
// space); rev is the direction from the higher port.
func (b tcpBase) bases(rev bool) (seq, ack uint32) {
	if rev {
		return b.ack, b.seq
	}
	return b.seq, b.ack
}

var tcpOptionNames = []tok{
	{0, "eol"}, {1, "nop"}, {2, "mss"}, {3, "wscale"}, {4, "sackOK"}, {5, "sack"},
	{6, "echo"}, {7, "echoreply"}, {8, "TS"}, {11, "cc"}, {12, "ccnew"}, {13, ""},
	{19, "md5"}, {20, "scps"}, {28, "uto"}, {29, "tcp-ao"}, {30, "mptcp"},
	{34, "tfo"}, {254, "exp"},
}

const (
	thFIN = 0x01
	thSYN = 0x02
	thRST = 0x04
	thPSH = 0x08
	thACK = 0x10
	thURG = 0x20
	thECE = 0x40
	thCWR = 0x80
)

// ipEndpoints prints "src.sport > dst.dport" of the IP header at iph,
// leaving out ports that are negative.
func (p *Printer) ipEndpoints(iph, sport, dport int) {
	v6 := p.u8(iph)>>4 == 6
	src, dst := iph+12, iph+16
	if v6 {
		src, dst = iph+8, iph+24
	}
	p.addrAt(src, v6)
	p.port(sport)
	p.s(" > ")
	p.addrAt(dst, v6)
	p.port(dport)
}

func (p *Printer) addrAt(off int, v6 bool) {
	if v6 {
		p.addr6(off)
	} else {
		p.addr4(off)
	}
}

func (p *Printer) port(v int) {
	if v >= 0 {
		p.b('.')
		p.ui(v)
	}
}

// nextProto is the protocol field of the IP header at iph.
func (p *Printer) nextProto(iph int) int {
	if p.u8(iph)>>4 == 6 {
		return p.u8(iph + 6)
	}
	return p.u8(iph + 9)
}

// portPair prints "src.sport > dst.dport: " for a transport header whose
// IP header is at iph, or just the ports when the IP header's protocol
// is not proto (the transport follows extension headers).
func (p *Printer) portPair(iph, proto, sport, dport int) {
	if p.nextProto(iph) == proto {
		p.ipEndpoints(iph, sport, dport)
	} else {
		p.ui(sport)
		p.s(" > ")
		p.ui(dport)
	}
	p.s(": ")
}

// ipPairNoPorts prints "src > dst:" of the IP header at iph.
func (p *Printer) ipPairNoPorts(iph int) {
	p.ipEndpoints(iph, -1, -1)
	p.b(':')
}

// pseudoSum is the checksum sum of the IPv4 or IPv6 pseudo header.
func (p *Printer) pseudoSum(iph, proto, length int) uint32 {
	var s uint32
	if p.u8(iph)>>4 == 6 {
		p.need(iph, 40)
		dst := p.finalDst6(iph)
		s = sum16(s, p.data[iph+8:iph+24])
		s = sum16(s, p.data[dst:dst+16])
		s += uint32(length>>16) + uint32(length&0xffff)
	} else {
		p.need(iph, 20)
		s = sum16(s, p.data[iph+12:iph+20])
		s += uint32(length & 0xffff)
	}
	return s + uint32(proto)
}

// tcp prints the TCP segment at off, length bytes long; iph is the offset
// of the IP header.
func (p *Printer) tcp(off, length, iph int, fragmented bool) {
	p.proto = "tcp"
	if !p.has(off+2, 2) {
		p.ipPairNoPorts(iph)
		p.trunc()
		return
	}
	sport, dport := p.be16(off), p.be16(off+2)
	p.portPair(iph, protoTCP, sport, dport)
	if !p.has(off, 20) {
		p.trunc()
		return
	}
	hlen := (p.u8(off+12) >> 4) * 4
	if hlen < 20 {
		p.s(" tcp ")
		p.u(uint64(uint32(length - hlen)))
		p.s(" [bad hdr length ")
		p.ui(hlen)
		p.s(" - too short, < 20]")
		return
	}
	seq, ack := p.be32(off+4), p.be32(off+8)
	win, urp := p.be16(off+14), p.be16(off+18)
	if p.opt.Quiet > 0 {
		p.s("tcp ")
		p.u(uint64(uint32(length - hlen)))
		if hlen > length {
			p.hdrTooLong(hlen, length)
		}
		return
	}
	flags := p.u8(off + 13)
	p.s("Flags [")
	if flags == 0 {
		p.s("none")
	}
	for i, c := range "FSRP.UEW" {
		if flags&(1<<i) != 0 {
			p.b(byte(c))
		}
	}
	p.b(']')
	var base tcpBase
	rev := false
	if !p.opt.Absolute && flags&thACK != 0 {
		base, rev, seq, ack = p.tcpRelative(iph, sport, dport, flags, seq, ack)
	}
	if hlen > length {
		p.hdrTooLong(hlen, length)
		return
	}
	if p.opt.Verbose > 0 && !p.opt.NoChecksum && !fragmented && p.has(off, length) {
		p.tcpChecksum(off, length, iph)
	}
	length -= hlen
	if p.opt.Verbose > 1 || length > 0 || flags&(thSYN|thFIN|thRST) != 0 {
		p.s(", seq ")
		p.u(uint64(seq))
		if length > 0 {
			p.b(':')
			p.u(uint64(seq + uint32(length)))
		}
	}
	if flags&thACK != 0 {
		p.s(", ack ")
		p.u(uint64(ack))
	}
	p.s(", win ")
	p.ui(win)
	if flags&thURG != 0 {
		p.s(", urg ")
		p.ui(urp)
	}
	if hlen > 20 {
		if !p.tcpOptions(off+20, hlen-20, flags, rev, base) {
			return
		}
	}
	p.s(", length ")
	p.ui(length)
	if length == 0 {
		return
	}
	hdr := (p.u8(off+12) >> 4) * 4
	if !p.has(off, hdr) {
		p.headerCut(off, hdr)
	}
	if flags&thRST != 0 && p.opt.Verbose > 0 {
		p.rstData(off+hdr, length)
		return
	}
	// Application-layer payloads are not decoded.
	if readsToEndTCP(sport, dport) && !p.has(off+hdr, length) {
		p.cutApp = true
	}
}

// tcpRelative looks up (or, on a SYN or a new connection, records) the
// connection's initial sequence numbers and returns them, the direction
// (true from the higher port) and seq and ack made relative to them.
func (p *Printer) tcpRelative(iph, sport, dport, flags int, seq, ack uint32) (tcpBase, bool, uint32, uint32) {
	v6 := p.u8(iph)>>4 == 6
	srcOff, dstOff, n := iph+12, iph+16, 4
	if v6 {
		srcOff, dstOff, n = iph+8, iph+24, 16
	}
	src, dst := p.data[srcOff:srcOff+n], p.data[dstOff:dstOff+n]
	rev := false
	if sport > dport {
		rev = true
	} else if sport == dport {
		rev = string(src) > string(dst)
	}
	ports := uint32(sport)<<16 | uint32(dport)
	if rev {
		src, dst = dst, src
		ports = uint32(dport)<<16 | uint32(sport)
	}
	k := tcpKey{ports: ports, v6: v6}
	copy(k.src[:], src)
	copy(k.dst[:], dst)
	b, found := p.tcpSeq[k]
	if !found || flags&thSYN != 0 {
		b = newBase(rev, seq, ack)
		p.tcpSeq[k] = b
	}
	if found && flags&thSYN == 0 {
		sb, ab := b.bases(rev)
		seq -= sb
		ack -= ab
	}
	return b, rev, seq, ack
}

// tcpChecksum prints the segment's checksum and whether it is correct.
func (p *Printer) tcpChecksum(off, length, iph int) {
	s := p.pseudoSum(iph, protoTCP, length)
	sum := fold(sum16(s, p.data[off:off+length]))
	field := uint16(p.be16(off + 16))
	p.s(", cksum 0x")
	p.x(uint64(field), 4)
	if sum != 0 {
		p.s(" (incorrect -> 0x")
		p.x(uint64(shouldBe(field, sum)), 4)
		p.b(')')
	} else {
		p.s(" (correct)")
	}
}

func newBase(rev bool, seq, ack uint32) tcpBase {
	if rev {
		return tcpBase{seq: ack - 1, ack: seq}
	}
	return tcpBase{seq: seq, ack: ack - 1}
}

func (p *Printer) tcpFastOpen(cp, datalen int, exp bool) {
	if exp {
		p.s("tfo")
	}
	switch {
	case datalen == 0:
		p.s(" cookiereq")
	case datalen%2 != 0 || datalen < 4 || datalen > 16:
		p.s(" (invalid)")
	default:
		p.s(" cookie ")
		for i := 0; i < datalen; i++ {
			p.hexByte(byte(p.u8(cp + i)))
		}
	}
}

// finalDst6 returns the offset of the address an IPv6 packet is finally
// for: the last hop of a routing header, or the header's destination.
// Checksums cover it (tcpdump's ip6_finddst).
func (p *Printer) finalDst6(iph int) int {
	dst := iph + 24
	cp, advance := iph, 40
	nh := p.u8(iph + 6)
	for cp < p.end {
		cp += advance
		switch nh {
		case 0, 60, 62, 135:
			advance = (p.u8(cp+1) + 1) << 3
			nh = p.u8(cp)
		case 44:
			advance = 8
			nh = p.u8(cp)
		case 43:
			if !p.has(cp, 4) {
				return dst
			}
			l := p.u8(cp + 1)
			switch p.u8(cp + 2) {
			case 0, 2:
				if l%2 == 1 {
					return dst
				}
				for i, a := 0, cp+8; i < l/2; i, a = i+1, a+16 {
					if !p.has(a, 16) {
						return dst
					}
					dst = a
				}
			case 4:
				if l%2 == 1 || !p.has(cp+8, 16) {
					return dst
				}
				dst = cp + 8
			}
			return dst
		default:
			return dst
		}
	}
	return dst
}

func (p *Printer) hdrTooLong(hlen, length int) {
	p.s(" [bad hdr length ")
	p.ui(hlen)
	p.s(" - too long, > ")
	p.ui(length)
	p.b(']')
}

// rstData prints the text a reset carries, at most 30 bytes, as -v does.
func (p *Printer) rstData(off, length int) {
	p.s(" [RST")
	if length > 30 {
		length = 30
		p.b('+')
	}
	p.b(' ')
	for i := 0; i < length && off+i < p.end; i++ {
		p.printChar(p.data[off+i])
	}
	p.b(']')
}

// printChar prints a byte as tcpdump's fn_print_char: "M-" for the high
// bit, "^" and the control letter for control characters.
func (p *Printer) printChar(c byte) {
	if c >= 0x80 {
		c &= 0x7f
		p.s("M-")
	}
	if c < 0x20 || c == 0x7f {
		c ^= 0x40
		p.b('^')
	}
	p.b(c)
}
