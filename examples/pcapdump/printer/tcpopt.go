package printer

// TCP options.

// tcpOptWalk is the state of one walk through a segment's TCP options.
type tcpOptWalk struct {
	p       *Printer
	cp      int  // offset of the current option's data
	hlen    int  // option bytes left after the current option's kind and length
	datalen int  // data length of the current option as tcpdump counts it
	ch      byte // separator printed before the next option, 0 before the first
	truncd  bool // a length check failed on captured bytes: " [|tcp]>"
}

// bad prints "[bad opt]" (unless the option was cut short by the capture)
// and returns false, ending the options.
func (w *tcpOptWalk) bad() bool {
	if w.truncd {
		return false
	}
	w.p.s("[bad opt]")
	if w.ch != 0 {
		w.p.b(']')
	}
	return false
}

// lencheck reports whether n bytes of the option's data are inside the
// options and captured; it prints the truncation mark when they are not
// captured.
func (w *tcpOptWalk) lencheck(n int) bool {
	if n > w.hlen {
		return false
	}
	if !w.p.has(w.cp, n) {
		w.p.trunc()
		if w.ch != 0 {
			w.p.b('>')
		}
		w.truncd = true
		return false
	}
	return true
}

// hexBytes prints lead and the option's bytes from the from'th on in hex,
// checking each as tcpdump does.
func (w *tcpOptWalk) hexBytes(lead string, from int) bool {
	w.p.s(lead)
	for i := from; i < w.datalen; i++ {
		if !w.lencheck(i + 1) {
			return false
		}
		w.p.hexByte(byte(w.p.u8(w.cp + i)))
	}
	return true
}

// tcpOptions prints ", options [...]"; false if a bad option ended the
// line (tcpdump then prints nothing more for the segment).
func (p *Printer) tcpOptions(cp, hlen, flags int, rev bool, base tcpBase) bool {
	p.s(", options [")
	w := tcpOptWalk{p: p, cp: cp, hlen: hlen}
	for w.hlen > 0 {
		if w.ch != 0 {
			p.b(w.ch)
		}
		opt := p.u8(w.cp)
		w.cp++
		var l int
		if opt == 0 || opt == 1 {
			l = 1
		} else {
			l = p.u8(w.cp)
			w.cp++
			if l < 2 || l > w.hlen {
				return w.bad()
			}
			w.hlen--
		}
		w.hlen--
		w.datalen = 0
		if name, ok := lookup(tcpOptionNames, opt); ok {
			p.s(name)
		} else {
			p.s("unknown-")
			p.ui(opt)
		}
		if !w.option(opt, l, flags, rev, base) {
			return w.bad()
		}
		w.cp += w.datalen
		w.hlen -= w.datalen
		w.datalen++
		if opt != 0 && opt != 1 {
			w.datalen++
		}
		if w.datalen != l {
			p.s("[len ")
			p.ui(l)
			p.b(']')
		}
		w.ch = ','
		if opt == 0 {
			break
		}
	}
	p.b(']')
	return true
}

// option prints the data of one option of kind opt and total length l
// after its name, setting w.datalen; false for a bad option.
func (w *tcpOptWalk) option(opt, l, flags int, rev bool, base tcpBase) bool {
	p := w.p
	switch opt {
	case 0, 1, 4: // eol, nop, sackOK
		return true
	case 2, 3, 6, 7, 11, 12, 13: // mss, wscale, echo, echoreply, cc*
		return w.number(opt)
	case 5:
		return w.sack(l, rev, base)
	case 8:
		w.datalen = 8
		if !w.lencheck(8) {
			return false
		}
		p.s(" val ")
		p.u(uint64(p.be32(w.cp)))
		p.s(" ecr ")
		p.u(uint64(p.be32(w.cp + 4)))
	case 19:
		w.datalen = 16
		if !w.lencheck(16) {
			return false
		}
		p.s(" can't check - ")
		for i := 0; i < 16; i++ {
			p.hexByte(byte(p.u8(w.cp + i)))
		}
	case 20:
		w.datalen = 2
		if !w.lencheck(2) {
			return false
		}
		p.s(" cap ")
		p.x(uint64(p.u8(w.cp)), 2)
		p.s(" id ")
		p.ui(p.u8(w.cp + 1))
	case 28:
		return w.userTimeout()
	case 29:
		return w.authOption(l)
	case 30:
		w.datalen = l - 2
		if !w.lencheck(w.datalen) {
			return false
		}
		saved := p.limit(w.cp-2, l)
		ok := p.mptcp(w.cp-2, l, flags)
		p.end = saved
		p.proto = "tcp"
		return ok
	case 34, 254:
		return w.fastOpen(opt, l)
	default:
		w.datalen = l - 2
		if w.datalen > 0 && !w.hexBytes(" 0x", 0) {
			return false
		}
	}
	return true
}

// number prints the single number of mss, wscale, echo, echoreply and the
// cc options.
func (w *tcpOptWalk) number(opt int) bool {
	p := w.p
	switch opt {
	case 2:
		w.datalen = 2
	case 3:
		w.datalen = 1
	default:
		w.datalen = 4
	}
	if !w.lencheck(w.datalen) {
		return false
	}
	p.b(' ')
	switch w.datalen {
	case 1:
		p.ui(p.u8(w.cp))
	case 2:
		p.ui(p.be16(w.cp))
	default:
		p.u(uint64(p.be32(w.cp)))
	}
	return true
}

// sack prints the blocks of a SACK option relative to the connection's
// acknowledgment base.
func (w *tcpOptWalk) sack(l int, rev bool, base tcpBase) bool {
	p := w.p
	w.datalen = l - 2
	if w.datalen%8 != 0 {
		p.s(" invalid sack")
		return true
	}
	p.b(' ')
	p.ui(w.datalen / 8)
	p.b(' ')
	for i := 0; i < w.datalen; i += 8 {
		if !w.lencheck(i + 4) {
			return false
		}
		s := p.be32(w.cp + i)
		if !w.lencheck(i + 8) {
			return false
		}
		e := p.be32(w.cp + i + 4)
		_, ab := base.bases(rev)
		s -= ab
		e -= ab
		p.b('{')
		p.u(uint64(s))
		p.b(':')
		p.u(uint64(e))
		p.b('}')
	}
	return true
}

// userTimeout prints the user timeout option's raw value and the timeout
// in seconds.
func (w *tcpOptWalk) userTimeout() bool {
	p := w.p
	w.datalen = 2
	if !w.lencheck(2) {
		return false
	}
	v := p.be16(w.cp)
	p.s(" 0x")
	p.x(uint64(v), 0)
	if v&1 != 0 {
		v = (v >> 1) * 60
	} else {
		v >>= 1
	}
	p.b(' ')
	p.ui(v)
	return true
}

// authOption prints the TCP-AO option: key IDs and the MAC.
func (w *tcpOptWalk) authOption(l int) bool {
	p := w.p
	w.datalen = l - 2
	if w.datalen < 2 {
		p.s(" (invalid)")
		return true
	}
	if !w.lencheck(1) {
		return false
	}
	p.s(" keyid ")
	p.ui(p.u8(w.cp))
	if !w.lencheck(2) {
		return false
	}
	p.s(" rnextkeyid ")
	p.ui(p.u8(w.cp + 1))
	return w.datalen <= 2 || w.hexBytes(" mac 0x", 2)
}

// fastOpen prints the TCP Fast Open option, kind 34 or the experimental
// kind 254 (whose other uses print their magic number).
func (w *tcpOptWalk) fastOpen(opt, l int) bool {
	p := w.p
	w.datalen = l - 2
	if !w.lencheck(w.datalen) {
		return false
	}
	if opt == 34 {
		p.b(' ')
		p.tcpFastOpen(w.cp, w.datalen, false)
		return true
	}
	if w.datalen < 2 {
		return false
	}
	magic := p.be16(w.cp)
	p.b('-')
	if magic == 0xf989 {
		p.tcpFastOpen(w.cp+2, w.datalen-2, true)
	} else {
		p.x(uint64(magic), 4)
	}
	return true
}
