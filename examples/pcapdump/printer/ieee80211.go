package printer

// IEEE 802.11, with and without a radiotap header. pcapdump does not
// decode radiotap fields or management and control frames; it finds the
// header lengths (so -x and -X dump what tcpdump dumps) and prints the
// LLC/SNAP payload of data frames.

const (
	radiotapFlagFCS     = 0x10
	radiotapFlagDataPad = 0x20
)

// radiotap prints a LINKTYPE_IEEE802_11_RADIO packet.
func (p *Printer) radiotap(length int) int {
	return p.radiotapAt(0, length)
}

// radiotapAt prints a radiotap header at off and the 802.11 frame after
// it; it returns the length of both headers.
func (p *Printer) radiotapAt(off, length int) int {
	p.proto = "radiotap"
	caplen := p.end - off
	if caplen < 8 {
		p.trunc()
		return caplen
	}
	n := p.le16(off + 2)
	if caplen < n {
		p.trunc()
		return caplen
	}
	// The present bitmaps, then the fields in bit order: TSFT (8 bytes,
	// aligned to 8) and Flags (1 byte) come first.
	pos := off + 4
	present := p.le32(pos)
	for w := present; w&(1<<31) != 0; {
		pos += 4
		if pos+4 > off+n {
			p.trunc()
			return caplen
		}
		w = p.le32(pos)
	}
	pos += 4
	flags := 0
	if present&1 != 0 {
		pos = off + (pos-off+7)&^7
		pos += 8
	}
	if present&2 != 0 && pos < off+n {
		flags = p.u8(pos)
	}
	fcs := 0
	if flags&radiotapFlagFCS != 0 {
		fcs = 4
	}
	pad := flags&radiotapFlagDataPad != 0
	return n + p.ieee80211At(off+n, length-n, caplen-n, pad, fcs)
}

// ieee80211 prints an 802.11 frame without radiotap header.
func (p *Printer) ieee80211(off, length, caplen int, fcs int) int {
	return p.ieee80211At(off, length, caplen, false, fcs)
}

// ieee80211At prints an 802.11 frame at off and returns its header length
// (with the LLC header of a decoded data frame).
func (p *Printer) ieee80211At(off, length, caplen int, pad bool, fcs int) int {
	p.proto = "802.11"
	orig := caplen
	if length < fcs {
		p.trunc()
		return caplen
	}
	length -= fcs
	if caplen > length {
		cut := caplen - length
		caplen -= cut
		p.end -= cut
	}
	if caplen < 2 {
		p.trunc()
		return orig
	}
	fc := p.le16(off)
	typ, sub := fc>>2&3, fc>>4&0xf
	var hdr int
	switch typ {
	case 0:
		hdr = 24
	case 1:
		switch sub {
		case 7:
			hdr = 10 + 20 // control wrapper
		case 8:
			hdr = 20 // BAR
		case 9:
			hdr = 16 // BA
		case 10, 11, 14, 15:
			hdr = 16 // PS-Poll, RTS, CF-End, CF-End+Ack
		case 12, 13:
			hdr = 10 // CTS, ACK
		default:
			p.s("unknown 802.11 ctrl frame subtype (")
			p.ui(sub)
			p.b(')')
			return 0
		}
	case 2:
		hdr = 24
		if fc&0x300 == 0x300 {
			hdr = 30
		}
		if sub&8 != 0 {
			hdr += 2
		}
	default:
		p.s("unknown 802.11 frame type (")
		p.ui(typ)
		p.b(')')
		return 0
	}
	if pad {
		hdr = (hdr + 3) &^ 3
	}
	if caplen < hdr {
		p.trunc()
		return hdr
	}
	if typ != 2 {
		return hdr
	}
	if sub&4 != 0 { // no data
		return hdr
	}
	if fc&0x4000 != 0 { // protected
		p.s("Data")
		return hdr
	}
	n := p.llc(off+hdr, length-hdr, caplen-hdr, -1)
	if n < 0 {
		p.defaultPrint(off+hdr, caplen-hdr)
		n = -n
	}
	return hdr + n
}
