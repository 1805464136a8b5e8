package printer

// Linux vsock monitoring (LINKTYPE_VSOCK): the af_vsockmon header.

const ltVSOCK = 271

func (p *Printer) le64(off int) uint64 {
	return uint64(p.le32(off+4))<<32 | uint64(p.le32(off))
}

func (p *Printer) vsock() {
	p.proto = "vsock"
	caplen := p.end
	if !p.shortLink(32) {
		return
	}
	transport := p.le16(26)
	p.s(tokOr([]tok{{0, "UNKNOWN"}, {1, "NO_INFO"}, {2, "VIRTIO"}}, transport, ""))
	if _, ok := lookup([]tok{{0, ""}, {1, ""}, {2, ""}}, transport); !ok {
		p.s("Invalid transport (")
		p.ui(transport)
		p.b(')')
	}
	tsize := 0
	if transport == 2 {
		tsize = 44
	}
	short := false
	if p.opt.Verbose > 0 {
		if caplen < 32+tsize {
			short = true
		} else {
			if transport == 2 {
				h := 32
				p.s(" (len ")
				p.u(uint64(p.le32(h + 24)))
				p.s(", type ")
				if t := p.le16(h + 28); t == 1 {
					p.s("STREAM")
				} else {
					p.s("Invalid type (")
					p.ui(t)
					p.b(')')
				}
				op := p.le16(h + 30)
				p.s(", op ")
				if op <= 7 {
					p.s([...]string{"INVALID", "REQUEST", "RESPONSE", "RST", "SHUTDOWN", "RW", "CREDIT UPDATE", "CREDIT REQUEST"}[op])
				} else {
					p.s("Invalid op (")
					p.ui(op)
					p.b(')')
				}
				p.s(", flags ")
				p.x(uint64(p.le32(h+32)), 0)
				p.s(", buf_alloc ")
				p.u(uint64(p.le32(h + 36)))
				p.s(", fwd_cnt ")
				p.u(uint64(p.le32(h + 40)))
				p.b(')')
			}
			p.s("\n\t")
		}
	} else {
		p.b(' ')
	}
	p.u(p.le64(0))
	p.b('.')
	p.u(uint64(p.le32(16)))
	p.s(" > ")
	p.u(p.le64(8))
	p.b('.')
	p.u(uint64(p.le32(20)))
	p.b(' ')
	op := p.le16(24)
	if op <= 4 {
		p.s([...]string{"UNKNOWN", "CONNECT", "DISCONNECT", "CONTROL", "PAYLOAD"}[op])
	} else {
		p.s(" invalid op (")
		p.ui(op)
		p.b(')')
	}
	p.s(", length ")
	p.ui(caplen)
	if short {
		p.trunc()
		return
	}
	if p.opt.Verbose > 1 && op == 4 {
		if caplen > 32+tsize {
			p.b('\n')
			p.unknownDataIndent(32+tsize, caplen-32-tsize, "\t")
		} else {
			p.trunc()
		}
	}
}

// unknownDataIndent is tcpdump's print_unknown_data: the bytes in hex,
// as many as were captured.
func (p *Printer) unknownDataIndent(off, length int, indent string) {
	if off > p.end {
		p.s(indent)
		p.s("Dissector error: print_unknown_data called with pointer past end of packet")
		return
	}
	n := min(length, p.end-off)
	if n > 0 {
		p.hexIndent(p.data[off:off+n], indent)
	}
}

// dumpData is tcpdump's default printer called directly: hex and ASCII,
// ending the packet as truncated if fewer than length bytes were
// captured.
func (p *Printer) dumpData(off, length int) {
	n := min(length, p.end-off)
	if n > 0 {
		p.hexASCII(p.data[off:off+n], "\n\t")
	}
	if n < length {
		p.bail()
	}
}
