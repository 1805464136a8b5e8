package printer

import "strconv"

// Output helpers: each appends to the packet's line without allocating.

const hexDigits = "0123456789abcdef"

func (p *Printer) s(s string) { p.buf = append(p.buf, s...) }
func (p *Printer) b(c byte)   { p.buf = append(p.buf, c) }

// u appends v in decimal (%u).
func (p *Printer) u(v uint64) { p.buf = strconv.AppendUint(p.buf, v, 10) }

// d appends v in decimal (%d).
func (p *Printer) d(v int64) { p.buf = strconv.AppendInt(p.buf, v, 10) }

// ui appends a non-negative int in decimal.
func (p *Printer) ui(v int) { p.buf = strconv.AppendInt(p.buf, int64(v), 10) }

// x appends v in lower-case hex, at least width digits (%0*x).
func (p *Printer) x(v uint64, width int) {
	var tmp [16]byte
	i := len(tmp)
	for v != 0 || i == len(tmp) {
		i--
		tmp[i] = hexDigits[v&0xf]
		v >>= 4
	}
	for n := len(tmp) - i; n < width; n++ {
		p.b('0')
	}
	p.buf = append(p.buf, tmp[i:]...)
}

// padLeft appends v in decimal right-aligned in width columns (%*u).
func (p *Printer) padLeft(v uint64, width int) { p.padded(v, width, ' ') }

// zero appends v in decimal, zero-padded to width digits (%0*u).
func (p *Printer) zero(v uint64, width int) { p.padded(v, width, '0') }

func (p *Printer) padded(v uint64, width int, pad byte) {
	var tmp [20]byte
	d := strconv.AppendUint(tmp[:0], v, 10)
	for n := len(d); n < width; n++ {
		p.b(pad)
	}
	p.buf = append(p.buf, d...)
}

// addr4 appends the IPv4 address at off, dotted (ipaddr_string with -n).
func (p *Printer) addr4(off int) {
	p.need(off, 4)
	p.ip4Bytes(p.data[off : off+4])
}

func (p *Printer) ip4Bytes(a []byte) {
	for i := 0; i < 4; i++ {
		if i > 0 {
			p.b('.')
		}
		p.u(uint64(a[i]))
	}
}

// addr6 appends the IPv6 address at off as tcpdump writes it: the longest
// run of two or more zero words (the first of equals) becomes "::", and
// an IPv4-compatible or -mapped address ends in dotted quad.
func (p *Printer) addr6(off int) {
	p.need(off, 16)
	p.addr6Bytes(p.data[off : off+16])
}

func (p *Printer) addr6Bytes(a []byte) {
	var w [8]uint16
	for i := range w {
		w[i] = uint16(a[2*i])<<8 | uint16(a[2*i+1])
	}
	bestBase, bestLen, curBase, curLen := -1, 0, -1, 0
	for i := 0; i < 8; i++ {
		if w[i] == 0 {
			if curBase == -1 {
				curBase, curLen = i, 1
			} else {
				curLen++
			}
		} else if curBase != -1 {
			if bestBase == -1 || curLen > bestLen {
				bestBase, bestLen = curBase, curLen
			}
			curBase = -1
		}
	}
	if curBase != -1 && (bestBase == -1 || curLen > bestLen) {
		bestBase, bestLen = curBase, curLen
	}
	if bestBase != -1 && bestLen < 2 {
		bestBase = -1
	}
	for i := 0; i < 8; i++ {
		if bestBase != -1 && i >= bestBase && i < bestBase+bestLen {
			if i == bestBase {
				p.b(':')
			}
			continue
		}
		if i != 0 {
			p.b(':')
		}
		if i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff)) {
			p.ip4Bytes(a[12:16])
			break
		}
		p.x(uint64(w[i]), 0)
	}
	if bestBase != -1 && bestBase+bestLen == 8 {
		p.b(':')
	}
}

// mac appends the 6-byte MAC address at off (etheraddr_string with -n).
func (p *Printer) mac(off int) {
	p.need(off, 6)
	for i := 0; i < 6; i++ {
		if i > 0 {
			p.b(':')
		}
		c := p.data[off+i]
		p.b(hexDigits[c>>4])
		p.b(hexDigits[c&0xf])
	}
}

// linkAddr appends a link-layer address of n bytes as tcpdump's
// linkaddr_string does: 6 bytes as a MAC, others as colon-separated hex.
func (p *Printer) linkAddr(off, n int) {
	if n == 6 {
		p.mac(off)
		return
	}
	p.need(off, n)
	if n == 0 {
		p.s("<empty>")
		return
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			p.b(':')
		}
		c := p.data[off+i]
		p.b(hexDigits[c>>4])
		p.b(hexDigits[c&0xf])
	}
}

// tok is one entry of a value-to-name table (tcpdump's struct tok).
type tok struct {
	v    int
	name string
}

func lookup(t []tok, v int) (string, bool) {
	for _, e := range t {
		if e.v == v {
			return e.name, true
		}
	}
	return "", false
}

// bits prints the names in t of the bits set in v, in t's order, joined
// by sep, or "none" (tcpdump's bittok2str).
func (p *Printer) bits(t []tok, v int, sep string) {
	n := 0
	for _, e := range t {
		if v&e.v != 0 {
			if n > 0 {
				p.s(sep)
			}
			p.s(e.name)
			n++
		}
	}
	if n == 0 {
		p.s("none")
	}
}

// name prints the name of v in t, or else pre, v in decimal and post
// (tcpdump's tok2str with a "...%u..." default).
func (p *Printer) name(t []tok, v int, pre, post string) {
	if n, ok := lookup(t, v); ok {
		p.s(n)
		return
	}
	p.s(pre)
	p.ui(v)
	p.s(post)
}

// nameHex prints the name of v in t, or else pre and v in hex without
// leading zeros (tcpdump's tok2str with a "...%x" default).
func (p *Printer) nameHex(t []tok, v int, pre string) {
	if n, ok := lookup(t, v); ok {
		p.s(n)
		return
	}
	p.s(pre)
	p.x(uint64(v), 0)
}

// named prints "name (0x%0*x)": a name from t (def when v is not in it)
// and the value in hex.
func (p *Printer) named(t []tok, v int, def string, width int) {
	p.s(tokOr(t, v, def))
	p.b(' ')
	p.hexParen(v, width)
}

// hexParen prints "(0x%0*x)".
func (p *Printer) hexParen(v, width int) {
	p.s("(0x")
	p.x(uint64(v), width)
	p.b(')')
}

// lengthColon prints ", length N: ".
func (p *Printer) lengthColon(n int) {
	p.s(", length ")
	p.ui(n)
	p.s(": ")
}

// hms prints HH:MM:SS of a count of seconds.
func (p *Printer) hms(h, m, s uint64) {
	p.zero(h, 2)
	p.b(':')
	p.zero(m, 2)
	p.b(':')
	p.zero(s, 2)
}

// badSum prints pre, the checksum field, "(->", what it should be and post,
// in unpadded hex: tcpdump's "bad cksum %x (->%x)!" forms.
func (p *Printer) badSum(pre string, field, sum uint16, post string) {
	p.s(pre)
	p.x(uint64(field), 0)
	p.s(" (->")
	p.x(uint64(shouldBe(field, sum)), 0)
	p.s(post)
}

// badSum4 prints tcpdump's "[bad NAME cksum 0x%04x -> 0x%04x!] ".
func (p *Printer) badSum4(what string, field, sum uint16) {
	p.s("[bad ")
	p.s(what)
	p.s(" cksum 0x")
	p.x(uint64(field), 4)
	p.s(" -> 0x")
	p.x(uint64(shouldBe(field, sum)), 4)
	p.s("!] ")
}

// headerCut prints tcpdump's note that a header is longer than what was
// captured, and ends the packet as truncated.
func (p *Printer) headerCut(off, hlen int) {
	p.s(" [remaining caplen(")
	p.ui(p.end - off)
	p.s(") < header length(")
	p.ui(hlen)
	p.s(")]")
	p.bail()
}

// badLength prints " [bad length N]" (lead is " " or "").
func (p *Printer) badLength(lead string, n int) {
	p.s(lead)
	p.s("[bad length ")
	p.ui(n)
	p.b(']')
}

// pair16 prints a, the 16-bit value at off, b and the one at off+2:
// fields such as ", id %u, seq %u".
func (p *Printer) pair16(a string, off int, b string) {
	p.s(a)
	p.ui(p.be16(off))
	p.s(b)
	p.ui(p.be16(off + 2))
}

// ethertypeNamed prints "NAME (0x%04x)" of an ethertype, def when unknown.
func (p *Printer) ethertypeNamed(t int, def string) { p.named(ethertypeNames, t, def, 4) }

// minHeader ends a network header that is not captured (as tcpdump's soft
// length check) or shorter than n: "truncated-ip N".
func (p *Printer) minHeader(off, length, n int, what string) bool {
	if !p.has(off, n) {
		p.trunc()
		return false
	}
	if length < n {
		p.s(what)
		p.ui(length)
		return false
	}
	return true
}

// family prints an address family or protocol field of a link header as
// tcpdump does: "<long>NAME (v)" normally, "<short>NAME" with -q, and the
// unknown forms otherwise; then ", length N: ".
func (p *Printer) family(t []tok, v int, long, short, unknownQ string, hexQ int, length int) {
	name, ok := lookup(t, v)
	switch {
	case p.opt.Quiet == 0:
		if !ok {
			name = "Unknown"
		}
		p.s(long)
		p.s(name)
		p.s(" (")
		p.ui(v)
		p.b(')')
	case ok:
		p.s(short)
		p.s(name)
	case hexQ > 0:
		p.s(unknownQ)
		p.s("(0x")
		p.x(uint64(v), hexQ)
		p.b(')')
	default:
		p.s(unknownQ)
		p.ui(v)
	}
	p.lengthColon(length)
}

// shortLink ends a packet shorter than its n-byte link header, dumping
// the captured bytes as the header; false if it is short.
func (p *Printer) shortLink(n int) bool {
	if p.end < n {
		p.trunc()
		p.llHdrLen = p.end
		return false
	}
	p.llHdrLen = n
	return true
}
