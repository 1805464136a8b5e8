package main

import (
	"encoding/binary"

	"github.com/purepcap/pcap/linktype"
)

// wlanHdr is an 802.11 MAC header and what the radiotap header must say
// about the frame.
type wlanHdr struct {
	b []byte
}

// wlanData returns a data-frame header carrying a frame from sa to da, with
// varied frame-control flags, distribution-system bits and QoS.
func (g *gen) wlanData(da, sa mac) wlanHdr {
	bssid := g.unicastMAC()
	sub := pick(g, []byte{0x08, 0x08, 0x88, 0x88, 0x18, 0x28, 0x98, 0xa8})
	flags := byte(g.intn(4)) // ToDS, FromDS
	if g.chance(0.2) {
		flags |= 0x08 // retry
	}
	if g.chance(0.1) {
		flags |= 0x10 // power management
	}
	if g.chance(0.1) {
		flags |= 0x20 // more data
	}
	if g.chance(0.05) {
		flags |= 0x40 // protected
	}
	if g.chance(0.05) {
		flags |= 0x04 // more fragments
	}
	if g.chance(0.06) {
		flags |= 0x80 // order (+HTC on QoS frames)
	}
	var a1, a2, a3 mac
	var a4 []byte
	switch flags & 3 {
	case 0:
		a1, a2, a3 = da, sa, bssid
	case 1:
		a1, a2, a3 = bssid, sa, da
	case 2:
		a1, a2, a3 = da, bssid, sa
	case 3:
		a1, a2, a3 = g.unicastMAC(), g.unicastMAC(), da
		a4 = sa[:]
	}
	h := cat([]byte{sub, flags}, be16(uint16(g.intn(400))), a1[:], a2[:], a3[:], be16(uint16(g.intn(65536))), a4)
	if sub&0x80 != 0 {
		h = append(h, byte(g.intn(8)), 0) // QoS control
		if flags&0x80 != 0 {
			h = append(h, g.bytes(4)...) // HT control
		}
	}
	return wlanHdr{h}
}

type rtField struct{ bit, align, size int }

var rtFields = []rtField{
	{0, 8, 8}, {1, 1, 1}, {2, 1, 1}, {3, 2, 4}, {4, 1, 2}, {5, 1, 1}, {6, 1, 1}, {7, 2, 2},
	{8, 2, 2}, {9, 2, 2}, {10, 1, 1}, {11, 1, 1}, {12, 1, 1}, {13, 1, 1}, {14, 2, 2},
	{15, 2, 2}, {16, 1, 1}, {17, 1, 1}, {19, 1, 3}, {20, 4, 8}, {21, 2, 12},
}

// radiotap returns a radiotap header with a random set of fields, and the
// value of its flags field (-1 if absent).
func (g *gen) radiotap() ([]byte, int) {
	var present uint32
	if !g.chance(0.1) {
		for _, f := range rtFields {
			if g.chance(0.35) {
				present |= 1 << f.bit
			}
		}
	}
	if g.chance(0.3) {
		present |= 1 << 1
	}
	words := []uint32{present}
	if g.chance(0.15) {
		words[0] |= 1 << 31
		words = append(words, 0)
		if g.chance(0.3) {
			words[1] |= 1 << 31
			words = append(words, 0)
		}
	}
	b := []byte{0, 0, 0, 0}
	for _, w := range words {
		b = binary.LittleEndian.AppendUint32(b, w)
	}
	flags := -1
	for _, f := range rtFields {
		if present&(1<<f.bit) == 0 {
			continue
		}
		for len(b)%f.align != 0 {
			b = append(b, 0)
		}
		v := g.bytes(f.size)
		if f.bit == 1 {
			v[0] = pick(g, []byte{0, 0, 0x10, 0x20, 0x30, 0x02, 0x12, 0x40, 0x50})
			flags = int(v[0])
		}
		b = append(b, v...)
	}
	binary.LittleEndian.PutUint16(b[2:], uint16(len(b)))
	return b, flags
}

// wlanWrap completes an 802.11 frame: radiotap header (for the radio link
// type), padding, body and FCS.
func (g *gen) wlanWrap(lt linktype.Type, h wlanHdr, body []byte, wire int) packet {
	var rt []byte
	flags := -1
	if lt == linktype.IEEE80211Radio {
		rt, flags = g.radiotap()
	}
	hdr := h.b
	if flags >= 0 && flags&0x20 != 0 {
		for len(hdr)%4 != 0 {
			hdr = append(hdr, 0)
		}
	}
	p := mk(cat(rt, hdr), body, wire)
	if (flags >= 0 && flags&0x10 != 0) || (lt == linktype.IEEE80211 && g.chance(0.05)) {
		if len(p.data) == p.wire {
			p.data = append(p.data, g.bytes(4)...)
		}
		p.wire += 4
	}
	return p
}

var mgmtSubtypes = []byte{0x00, 0x10, 0x20, 0x30, 0x40, 0x50, 0x80, 0x80, 0x90, 0xa0, 0xb0, 0xc0, 0xd0, 0xe0, 0x60, 0xf0}
var ctlSubtypes = []byte{0xa4, 0xb4, 0xc4, 0xd4, 0xe4, 0xf4, 0x84, 0x94, 0x74, 0x54, 0x44, 0x64}

// wlanExtras returns management, control, null-data and reserved frames.
func (g *gen) wlanExtras(lt linktype.Type) []packet {
	var ps []packet
	for i := 0; i < 160; i++ {
		st := pick(g, mgmtSubtypes)
		flags := byte(0)
		if g.chance(0.2) {
			flags = byte(g.intn(256))
		}
		da := g.mac()
		if st == 0x80 || st == 0x40 {
			da = mustMAC("ff:ff:ff:ff:ff:ff")
		}
		sa, bssid := g.unicastMAC(), g.unicastMAC()
		h := cat([]byte{st, flags}, be16(0), da[:], sa[:], bssid[:], be16(uint16(g.intn(65536))))
		body := g.bytes(g.intn(48))
		ps = append(ps, g.wlanWrap(lt, wlanHdr{h}, body, len(body)))
	}
	for i := 0; i < 100; i++ {
		st := pick(g, ctlSubtypes)
		ra, ta := g.mac(), g.unicastMAC()
		flags := byte(0)
		if g.chance(0.2) {
			flags = byte(g.intn(256))
		}
		var h []byte
		switch st {
		case 0xc4, 0xd4:
			h = cat([]byte{st, flags}, be16(44), ra[:])
		case 0x84, 0x94:
			h = cat([]byte{st, flags}, be16(44), ra[:], ta[:], g.bytes(4+g.intn(8)))
		default:
			h = cat([]byte{st, flags}, be16(44), ra[:], ta[:])
		}
		ps = append(ps, g.wlanWrap(lt, wlanHdr{h}, nil, 0))
	}
	for i := 0; i < 60; i++ {
		// Malformed: data frames cut inside the MAC header, and (for the
		// radio link type) radiotap lengths that are too small, too large
		// or point into the middle of the frame.
		h := g.wlanData(g.mac(), g.unicastMAC()).b
		body := cat([]byte{0xaa, 0xaa, 0x03, 0, 0, 0, 0x08, 0x00}, g.ipv4Packet())
		f := cat(h, body)
		if lt == linktype.IEEE80211Radio {
			rt, _ := g.radiotap()
			switch g.intn(4) {
			case 0:
				rt[2], rt[3] = 0xff, 0xff
			case 1:
				rt[2], rt[3] = byte(g.intn(8)), 0
			case 2:
				n := len(rt) + 2 + g.intn(30)
				rt[2], rt[3] = byte(n), byte(n>>8)
			}
			f = cat(rt, f)
		}
		cut := len(f)
		if g.chance(0.7) {
			cut = 1 + g.intn(min(len(f)-1, 40+len(h)))
		}
		ps = append(ps, packet{f[:cut], len(f)})
	}
	for i := 0; i < 40; i++ {
		// Null data, QoS null and reserved types, with random DS bits.
		st := pick(g, []byte{0x48, 0xc8, 0x0c, 0x1c, 0x4c, 0x68, 0xe8})
		a1, a2, a3 := g.mac(), g.unicastMAC(), g.unicastMAC()
		h := cat([]byte{st, byte(g.intn(4))}, be16(0), a1[:], a2[:], a3[:], be16(0))
		if st&0x80 != 0 {
			h = append(h, 0, 0)
		}
		body := g.bytes(g.intn(12))
		ps = append(ps, g.wlanWrap(lt, wlanHdr{h}, body, len(body)))
	}
	return ps
}
