package compile

import (
	"strconv"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// SS7 MTP2 and MTP3 fields (the fisu, lssu, msu, sio, opc, dpc and sls
// primitives and their "h" forms for high-speed links) on the link types
// that carry MTP2 frames: where libpcap 1.10 finds them. Those link types
// have no protocol field; their link tests fail as for the header-only
// types.

// mtpHSLShift is how much further on the h forms' MTP3 fields are.
const mtpHSLShift = 3

// mtp2Offsets says where the length indicator (of a normal and of a
// high-speed link) and the MTP3 fields are.
type mtp2Offsets struct{ li, liHSL, sio, opc, dpc, sls uint32 }

var mtp2Headers = map[linktype.Type]mtp2Offsets{
	linktype.MTP2:         {2, 4, 3, 4, 4, 7},
	linktype.MTP2WithPHdr: {6, 8, 7, 8, 8, 11}, // behind a 4-byte pseudo-header
	linktype.ERF:          {22, 24, 23, 24, 24, 27},
}

// mtp2Type is fisu, lssu, msu and their h forms: the signal unit type by
// its length indicator.
func (g *gen) mtp2Type(kw string) cond {
	h, ok := mtp2Headers[g.linktype]
	if !ok {
		k := atmMTPKeywords[kw]
		g.fail("'" + k.name + "' supported only on " + k.needs)
	}
	// between is lo < LI <= hi, tested as libpcap tests it.
	between := func(off uint32, size uint16, mask, lo, hi uint32) cond {
		b1 := g.ncmp(orPacket, off, size, mask, bpf.JumpJGT, false, lo)
		b0 := g.ncmp(orPacket, off, size, mask, bpf.JumpJGT, true, hi)
		return g.and(b1, b0)
	}
	switch kw {
	case "fisu":
		return g.ncmp(orPacket, h.li, bpf.SizeB, 0x3f, bpf.JumpJEQ, false, 0)
	case "lssu", "lsu":
		return between(h.li, bpf.SizeB, 0x3f, 0, 2)
	case "msu":
		return g.ncmp(orPacket, h.li, bpf.SizeB, 0x3f, bpf.JumpJGT, false, 2)
	case "hfisu":
		return g.ncmp(orPacket, h.liHSL, bpf.SizeH, 0xff80, bpf.JumpJEQ, false, 0)
	case "hlssu":
		return between(h.liHSL, bpf.SizeH, 0xff80, 0, 0x0100)
	default: // hmsu
		return g.ncmp(orPacket, h.liHSL, bpf.SizeH, 0xff80, bpf.JumpJGT, false, 0x0100)
	}
}

// mtp3Field compares an MTP3 routing label field with v using jump test
// code, negated when reverse ("<=", "<", "!="). libpcap 1.10.3 negates
// only the greater-than tests, so its "sio != 3" means "sio = 3"; ours
// means not-equal (see ncmp).
func (g *gen) mtp3Field(kw string, v uint32, code uint16, reverse bool) cond {
	k := atmMTPKeywords[kw]
	h, ok := mtp2Headers[g.linktype]
	if !ok {
		g.fail("'" + k.name + "' supported only on " + k.needs)
	}
	var shift uint32
	if kw[0] == 'h' {
		shift = mtpHSLShift
	}
	tooBig := func(max uint32) {
		if v > max {
			g.fail(k.name + " value " + strconv.FormatUint(uint64(v), 10) + " too big; max value = " + strconv.FormatUint(uint64(max), 10))
		}
	}
	switch k.name {
	case "sio":
		tooBig(255)
		return g.ncmp(orPacket, h.sio+shift, bpf.SizeB, 0xffffffff, code, reverse, v)
	case "opc":
		// A 14-bit point code as the routing label stores it.
		tooBig(16383)
		v = v&0x3c00>>10 + v&0x03fc<<6 + v&0x0003<<22
		return g.ncmp(orPacket, h.opc+shift, bpf.SizeW, 0x00c0ff0f, code, reverse, v)
	case "dpc":
		tooBig(16383)
		v = v&0x00ff<<24 + v&0x3f00<<8
		return g.ncmp(orPacket, h.dpc+shift, bpf.SizeW, 0xff3f0000, code, reverse, v)
	default: // sls
		tooBig(15)
		return g.ncmp(orPacket, h.sls+shift, bpf.SizeB, 0xf0, code, reverse, v<<4)
	}
}
