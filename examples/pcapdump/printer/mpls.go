package printer

// MPLS label stacks, followed by the IP packet they carry.

var mplsLabelNames = [...]string{"IPv4 explicit NULL", "router alert", "IPv6 explicit NULL",
	"implicit NULL", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd",
	"rsvd", "rsvd", "rsvd"}

func (p *Printer) mpls(off, length int) {
	p.proto = "mpls"
	p.s("MPLS")
	v := p.opt.Verbose > 0
	depth := 0
	var entry uint32
	for {
		if length < 4 {
			p.s(" (invalid)")
			p.need(off, length)
			return
		}
		entry = p.be32(off)
		if depth > 0 && v {
			p.s("\n\t")
		} else {
			p.b(' ')
		}
		label := entry >> 12
		p.s("(label ")
		p.u(uint64(label))
		depth++
		if v && label < uint32(len(mplsLabelNames)) {
			p.s(" (")
			p.s(mplsLabelNames[label])
			p.b(')')
		}
		p.mplsEntryRest(entry)
		p.b(')')
		off += 4
		length -= 4
		if entry&0x100 != 0 {
			break
		}
	}
	ver := 0
	switch entry >> 12 {
	case 0, 3:
		ver = 4
	case 2:
		ver = 6
	default:
		if length < 1 {
			return
		}
		switch first := p.u8(off); {
		case first >= 0x45 && first <= 0x4f:
			ver = 4
		case first >= 0x60 && first <= 0x6f:
			ver = 6
		case first >= 0x81 && first <= 0x83:
			ver = 1 // OSI, not decoded
		}
	}
	if ver == 0 {
		p.defaultPrint(off, length)
		return
	}
	if v {
		p.s("\n\t")
	} else {
		p.b(' ')
	}
	switch ver {
	case 4:
		p.ip(off, length)
	case 6:
		p.ip6(off, length)
	}
}

// mplsEntryRest prints what follows the label of an MPLS label stack entry:
// ", tc N", ", [S]" at the bottom of the stack, and ", ttl N".
func (p *Printer) mplsEntryRest(entry uint32) {
	p.s(", tc ")
	p.u(uint64(entry >> 9 & 7))
	if entry&0x100 != 0 {
		p.s(", [S]")
	}
	p.s(", ttl ")
	p.u(uint64(entry & 0xff))
}
