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
func (p *Printer) padLeft(v uint64, width int) {
	var tmp [20]byte
	d := strconv.AppendUint(tmp[:0], v, 10)
	for n := len(d); n < width; n++ {
		p.b(' ')
	}
	p.buf = append(p.buf, d...)
}

// zero2 appends v as two digits (%02u).
func (p *Printer) zero(v uint64, width int) {
	var tmp [20]byte
	d := strconv.AppendUint(tmp[:0], v, 10)
	for n := len(d); n < width; n++ {
		p.b('0')
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
