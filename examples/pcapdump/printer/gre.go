package printer

// GRE (RFC 2784, 2890) and the enhanced GRE of PPTP (RFC 2637).

const (
	greCP = 0x8000 // checksum present
	greRP = 0x4000 // routing present
	greKP = 0x2000 // key present
	greSP = 0x1000 // sequence number present
	gresP = 0x0800 // strict source route
	greAP = 0x0080 // acknowledgment present
)

var greFlagNames = []tok{{greCP, "checksum present"}, {greRP, "routing present"}, {greKP, "key present"},
	{greSP, "sequence# present"}, {gresP, "source routing present"}, {greAP, "ack present"}}

func (p *Printer) greFlags(flags int) {
	p.s(", Flags [")
	p.bits(greFlagNames, flags, ", ")
	p.b(']')
}

// greWalk is the state of a walk through a GRE header's optional fields:
// bp is the next field's offset, l the bytes left.
type greWalk struct {
	p     *Printer
	bp, l int
}

// take reports whether n more bytes are captured and inside the packet,
// printing the truncation mark when they are not.
func (w *greWalk) take(n int) bool {
	if !w.p.has(w.bp, n) || w.l < n {
		w.p.trunc()
		return false
	}
	return true
}

// field prints one optional field of size bytes: in decimal after label,
// or in hex when hex is set; mask keeps the low bits.
func (w *greWalk) field(size int, label string, hex bool, mask uint32, show bool) bool {
	p := w.p
	if !w.take(size) {
		return false
	}
	v := p.be32(w.bp)
	if size == 2 {
		v = uint32(p.be16(w.bp))
	}
	if show {
		p.s(label)
		if hex {
			p.x(uint64(v&mask), 0)
		} else {
			p.u(uint64(v & mask))
		}
	}
	w.l, w.bp = w.l-size, w.bp+size
	return true
}

// skipRoute skips the source route entries (they are not printed); false
// if they are cut short.
func (w *greWalk) skipRoute() bool {
	for {
		if !w.take(4) {
			return false
		}
		af, srelen := w.p.be16(w.bp), w.p.u8(w.bp+3)
		w.l, w.bp = w.l-4, w.bp+4
		if af == 0 && srelen == 0 {
			return true
		}
		if w.l < srelen {
			w.p.trunc()
			return false
		}
		w.l, w.bp = w.l-srelen, w.bp+srelen
	}
}

func (p *Printer) gre(off, length int) {
	p.proto = "gre"
	if !p.has(off, 2) || length < 2 {
		p.trunc()
		return
	}
	flags := p.be16(off)
	vers := flags & 7
	p.s("GREv")
	p.ui(vers)
	if vers > 1 {
		p.s(" ERROR: unknown-version")
		return
	}
	v := p.opt.Verbose > 0
	l, bp := length-2, off+2
	if vers == 1 && v {
		p.greFlags(flags)
	}
	if vers == 0 && v {
		p.greFlags(flags)
	}
	w := greWalk{p: p, bp: bp, l: l}
	if !w.take(2) {
		return
	}
	prot := p.be16(w.bp)
	w.l, w.bp = w.l-2, w.bp+2
	if vers == 1 {
		if flags&greKP != 0 && !w.field(4, ", call ", false, 0xffff, true) ||
			flags&greSP != 0 && !w.field(4, ", seq ", false, ^uint32(0), true) ||
			flags&greAP != 0 && !w.field(4, ", ack ", false, ^uint32(0), true) {
			return
		}
		if flags&greSP == 0 {
			p.s(", no-payload")
		}
	} else {
		if flags&(greCP|greRP) != 0 && (!w.field(2, ", sum 0x", true, 0xffff, v) || !w.field(2, ", off 0x", true, 0xffff, true)) ||
			flags&greKP != 0 && !w.field(4, ", key=0x", true, ^uint32(0), true) ||
			flags&greSP != 0 && !w.field(4, ", seq ", false, ^uint32(0), true) {
			return
		}
		if flags&greRP != 0 && !w.skipRoute() {
			return
		}
	}
	l, bp = w.l, w.bp
	if p.opt.Link {
		p.s(", proto ")
		p.ethertypeNamed(prot, "unknown")
	}
	p.s(", length ")
	p.ui(length)
	if vers == 1 && flags&greSP == 0 {
		return
	}
	if v {
		p.s("\n\t")
	} else {
		p.s(": ")
	}
	switch {
	case vers == 1 && prot == 0x880b:
		p.ppp(bp, l)
	case vers == 0 && prot == ethertypeIPv4:
		p.ip(bp, l)
	case vers == 0 && prot == ethertypeIPv6:
		p.ip6(bp, l)
	case vers == 0 && prot == 0x8847:
		p.mpls(bp, l)
	case vers == 0 && prot == 0x6558:
		p.proto = "ether"
		p.ether(bp, l, p.end-bp)
	default:
		p.s("gre-proto-0x")
		p.x(uint64(prot), 0)
	}
}
