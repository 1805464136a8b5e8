package printer

import "time"

// Switch tags between the MAC addresses and the type (Marvell DSA/EDSA,
// Broadcom) and Arista's time stamp header.

const (
	ltBRCMTag = 281
	ltDSA     = 284
	ltEDSA    = 285
)

// switchTag prints the tag at off of a link type with switch tags and
// returns the tag length (0 for plain Ethernet).
type switchTag func(p *Printer, off int)

func dsaTag(p *Printer, off int) {
	if p.opt.Link {
		p.s("Marvell DSA ")
	} else {
		p.s("DSA ")
	}
	p.dsaCommon(off)
}

func edsaTag(p *Printer, off int) {
	et := p.be16(off)
	if p.opt.Link {
		p.s("Marvell EDSA ethertype 0x")
		p.x(uint64(et), 4)
		p.s(" (")
		p.s(tokOr(ethertypeNames, et, "Unknown"))
		p.s("), rsvd ")
		p.ui(p.u8(off + 2))
		p.b(' ')
		p.ui(p.u8(off + 3))
		p.s(", ")
	} else {
		p.s("EDSA 0x")
		p.x(uint64(et), 4)
		p.s(", ")
	}
	p.dsaCommon(off + 4)
}

func (p *Printer) dsaCommon(off int) {
	b0, b1, b2, b3 := p.u8(off), p.u8(off+1), p.u8(off+2), p.u8(off+3)
	mode := b0 >> 6
	tagged := b0&0x20 != 0
	dev, port := b0&0x1f, b1>>3
	trunk := b1&4 != 0 // the Rx sniff bit in To Sniffer mode
	vid := (b2&0x0f)<<8 | b3
	either := func(c bool, a, b string) string {
		if c {
			return a
		}
		return b
	}
	if !p.opt.Link {
		switch mode {
		case 3:
			p.devPort("Forward "+either(trunk, "trunk ", "port "), dev, ".", port, ", ")
		case 1:
			p.devPort("CPU > port ", dev, ".", port, ", ")
		case 0:
			p.devPort("port ", dev, ".", port, " > CPU, ")
		case 2:
			p.devPort("port ", dev, ".", port, either(trunk, " > Rx Sniffer, ", " > Tx Sniffer, "))
		}
		p.s("VLAN ")
		p.ui(vid)
		p.s(either(tagged, "t, ", "u, "))
		return
	}
	p.s("mode ")
	p.s([...]string{"To CPU", "From CPU", "To Sniffer", "Forward"}[mode])
	p.s(", ")
	switch mode {
	case 3:
		p.devPort("dev ", dev, either(trunk, ", trunk ", ", port "), port, ", ")
	case 1:
		p.devPort("target dev ", dev, ", port ", port, ", ")
	case 0:
		p.devPort("source dev ", dev, ", port ", port, ", code ")
		p.s(tokOr(dsaCodes, (b1&6)>>1<<1|(b2&0x10)>>4, "reserved"))
		p.s(", ")
	case 2:
		p.devPort("source dev ", dev, ", port ", port, either(trunk, ", ingress sniff, ", ", egress sniff, "))
	}
	p.s(either(tagged, "tagged, ", "untagged, "))
	if b1&1 != 0 {
		p.s("CFI, ")
	}
	p.s("VID ")
	p.ui(vid)
	p.s(", FPri ")
	p.ui(b2 >> 5)
	p.s(", ")
}

var dsaCodes = []tok{{0, "BPDU (MGMT) Trap"}, {1, "Frame2Reg"}, {2, "IGMP/MLD Trap"}, {3, "Policy Trap"}, {4, "ARP Mirror"}, {5, "Policy Mirror"}}

// devPort prints pre, dev, mid, port and post.
func (p *Printer) devPort(pre string, dev int, mid string, port int, post string) {
	p.s(pre)
	p.ui(dev)
	p.s(mid)
	p.ui(port)
	p.s(post)
}

func brcmTag(p *Printer, off int) {
	tag0, tag1 := p.u8(off), p.u8(off+1)
	p.s("BRCM tag OP: ")
	if tag0 != 0 {
		p.s("IG")
	} else {
		p.s("EG")
	}
	if tag0&(1<<5) != 0 {
		p.s(", TC: ")
		p.ui(tag1 >> 2 & 7)
		p.s(", TE: ")
		p.s([...]string{"None", "Untag", "Header", "Reserved"}[tag1&3])
		p.s(", TS: ")
		p.ui(tag1 >> 7)
		p.s(", DST map: 0x")
		p.x(uint64(p.be16(off+2)&0x1ff), 4)
	} else {
		p.s(", CID: ")
		p.ui(tag1)
		p.s(", RC: ")
		p.s(brcmRC(p.u8(off + 2)))
		p.s(", TC: ")
		p.ui(p.u8(off+3) >> 5 & 7)
		p.s(", port: ")
		p.ui(p.u8(off+3) & 0x1f)
	}
	p.s(", ")
}

// arista prints Arista's header after its ethertype and returns its
// length, or -1 when it is not a time stamp header.
func (p *Printer) arista(off int) int {
	p.proto = "arista"
	sub := p.be16(off)
	p.s("SubType ")
	if sub == 1 {
		p.s("Timestamp")
	} else {
		p.s("Unknown")
	}
	p.s(" (0x")
	p.x(uint64(sub), 4)
	p.s("), ")
	if sub != 1 {
		return -1
	}
	scale := p.u8(off + 2)
	p.s("Timescale ")
	p.s(tokOr([]tok{{0, "TAI"}, {1, "UTC"}}, scale, "Unknown"))
	p.s(" (")
	p.ui(scale)
	p.s("), ")
	format, hw := p.u8(off+3)>>4, p.u8(off+3)&0xf
	p.s("Format ")
	p.s(tokOr([]tok{{1, "64-bit"}, {2, "48-bit"}}, format, "Unknown"))
	p.s(" (")
	p.ui(format)
	p.s("), HwInfo ")
	p.s(tokOr([]tok{{0, "R/R2"}, {1, "R3"}}, hw, "Unknown"))
	p.s(" (")
	p.ui(hw)
	p.s("), Timestamp ")
	n := 4
	switch format {
	case 1:
		sec, ns := uint64(p.be32(off+4)), p.be32(off+8)
		sec += uint64(ns / 1e9)
		ns %= 1e9
		p.wallClock(time.Unix(int64(sec), 0).UTC(), true)
		p.b('.')
		p.zero(uint64(ns), 9)
		n += 8
	case 2:
		sec, ns := uint64(p.be16(off+4)), p.be32(off+6)
		sec += uint64(ns / 1e9)
		ns %= 1e9
		p.u(sec)
		p.b('.')
		p.zero(uint64(ns), 9)
		n += 6
	default:
		return -1
	}
	p.s(": ")
	return n
}

func tokOr(t []tok, v int, def string) string {
	if name, ok := lookup(t, v); ok {
		return name
	}
	return def
}
