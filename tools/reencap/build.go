package main

import (
	"encoding/binary"
	"math/rand/v2"
	"net/netip"
)

// gen holds the deterministic random source of the generator.
type gen struct {
	r *rand.Rand
}

func newGen(seed uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, 0x5eed))}
}

func (g *gen) intn(n int) int { return g.r.IntN(n) }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) bytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(g.r.Uint32())
	}
	return b
}

func pick[T any](g *gen, xs []T) T { return xs[g.intn(len(xs))] }

type mac [6]byte

func mustMAC(s string) mac {
	var m mac
	var j int
	for i := 0; i < len(s) && j < 6; i += 3 {
		m[j] = hexByte(s[i:i+2]) & 0xff
		j++
	}
	return m
}

func hexByte(s string) byte {
	var v byte
	for _, c := range []byte(s) {
		v <<= 4
		switch {
		case c >= '0' && c <= '9':
			v |= c - '0'
		case c >= 'a' && c <= 'f':
			v |= c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v |= c - 'A' + 10
		}
	}
	return v
}

// Address and port pools: the values the filter corpus mentions plus a few
// neighbours, so filters match some packets and miss others.
var (
	macPool = []mac{
		mustMAC("00:1f:29:da:2d:79"), mustMAC("00:e0:f9:cc:18:00"), mustMAC("ff:ff:ff:ff:ff:ff"),
		mustMAC("01:00:5e:00:00:05"), mustMAC("33:33:00:00:00:01"), mustMAC("02:42:ac:11:00:02"),
		mustMAC("00:11:22:33:44:55"), mustMAC("01:80:c2:00:00:00"), mustMAC("09:00:2b:00:00:0f"),
		mustMAC("ab:00:00:03:00:00"), mustMAC("00:1f:29:da:2d:7a"), mustMAC("08:00:27:12:34:56"),
	}
	ip4Pool = []string{
		"10.0.0.1", "10.0.0.2", "10.0.0.20", "131.151.32.21", "131.151.1.5", "192.168.1.1",
		"192.168.1.100", "10.1.1.7", "224.0.0.5", "224.0.0.251", "239.255.255.250",
		"255.255.255.255", "10.255.255.255", "172.16.3.4", "127.0.0.1", "0.0.0.0", "10.0.0.3",
		"192.168.1.255", "131.151.32.22",
	}
	ip6Pool = []string{
		"fe80::1", "fe80::e091:f5ff:fecc:7abd", "::1", "2001:db8::1", "2001:db8::2", "ff02::1",
		"ff02::1:ff00:1", "10::5", "ff05::2", "fe80::2", "2001:db8:1::20", "::",
	}
	portPool = []uint16{
		22, 53, 80, 443, 179, 6633, 1985, 9899, 67, 68, 123, 6081, 4789, 6000, 6500, 7000, 7010,
		7021, 30000, 40000, 65535, 1023, 1024, 0, 8080, 161, 520, 5353, 1, 7022, 5999,
	}
)

func ip4(s string) [4]byte  { return netip.MustParseAddr(s).As4() }
func ip6(s string) [16]byte { return netip.MustParseAddr(s).As16() }

func be16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
func be32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// ethernet builds an Ethernet II (or 802.3 when typ <= 1500) frame.
func ethernet(dst, src mac, typ uint16, payload []byte) []byte {
	return cat(dst[:], src[:], be16(typ), payload)
}

// vlanTag returns an 802.1Q tag body: TCI then the inner type.
func vlanTag(pcp, vid int, inner uint16) []byte {
	return cat(be16(uint16(pcp<<13|vid&0xfff)), be16(inner))
}

// mplsEntry returns one label stack entry.
func mplsEntry(label uint32, tc int, bottom bool, ttl byte) []byte {
	v := label<<12 | uint32(tc&7)<<9 | uint32(ttl)
	if bottom {
		v |= 1 << 8
	}
	return be32(v)
}

type ip4opts struct {
	tos      byte
	ttl      byte
	id       uint16
	df, mf   bool
	fragOff  uint16 // in 8-byte units
	optWords int    // extra 32-bit words of options
	badLen   int    // if non-zero, total-length field value
}

func ipv4(src, dst [4]byte, proto byte, payload []byte, o ip4opts) []byte {
	ihl := 5 + o.optWords
	h := make([]byte, ihl*4)
	h[0] = 0x40 | byte(ihl)
	h[1] = o.tos
	binary.BigEndian.PutUint16(h[2:], uint16(len(h)+len(payload)))
	if o.badLen != 0 {
		binary.BigEndian.PutUint16(h[2:], uint16(o.badLen))
	}
	binary.BigEndian.PutUint16(h[4:], o.id)
	f := o.fragOff & 0x1fff
	if o.df {
		f |= 0x4000
	}
	if o.mf {
		f |= 0x2000
	}
	binary.BigEndian.PutUint16(h[6:], f)
	h[8] = o.ttl
	if h[8] == 0 {
		h[8] = 64
	}
	h[9] = proto
	copy(h[12:], src[:])
	copy(h[16:], dst[:])
	for i := 20; i < len(h); i++ {
		h[i] = 1 // NOP options
	}
	var sum uint32
	for i := 0; i < len(h); i += 2 {
		sum += uint32(binary.BigEndian.Uint16(h[i:]))
	}
	for sum > 0xffff {
		sum = sum&0xffff + sum>>16
	}
	binary.BigEndian.PutUint16(h[10:], ^uint16(sum))
	return cat(h, payload)
}

func ipv6(src, dst [16]byte, nh byte, payload []byte, hlim byte) []byte {
	h := make([]byte, 40)
	h[0] = 0x60
	h[1] = 0x01
	binary.BigEndian.PutUint16(h[4:], uint16(len(payload)))
	h[6] = nh
	h[7] = hlim
	copy(h[8:], src[:])
	copy(h[24:], dst[:])
	return cat(h, payload)
}

// ip6ext returns a generic extension header (hop-by-hop, routing, dstopts)
// of 8*(hdrLen+1) bytes.
func ip6ext(nh byte, hdrLen int) []byte {
	b := make([]byte, 8*(hdrLen+1))
	b[0] = nh
	b[1] = byte(hdrLen)
	b[2] = 1 // PadN
	b[3] = byte(len(b) - 4)
	return b
}

func ip6frag(nh byte, off uint16, more bool, id uint32) []byte {
	v := off << 3
	if more {
		v |= 1
	}
	return cat([]byte{nh, 0}, be16(v), be32(id))
}

func ip6ah(nh byte) []byte {
	b := make([]byte, 24)
	b[0] = nh
	b[1] = 4 // (24/4)-2
	binary.BigEndian.PutUint32(b[4:], 0x1000)
	return b
}

func tcpSeg(sport, dport uint16, flags byte, optWords int, payload []byte) []byte {
	h := make([]byte, 20+4*optWords)
	binary.BigEndian.PutUint16(h[0:], sport)
	binary.BigEndian.PutUint16(h[2:], dport)
	binary.BigEndian.PutUint32(h[4:], 0x01020304)
	binary.BigEndian.PutUint32(h[8:], 0x0a0b0c0d)
	h[12] = byte((5 + optWords) << 4)
	h[13] = flags
	binary.BigEndian.PutUint16(h[14:], 65535)
	for i := 20; i < len(h); i++ {
		h[i] = 1
	}
	return cat(h, payload)
}

func udpDgram(sport, dport uint16, payload []byte) []byte {
	return cat(be16(sport), be16(dport), be16(uint16(8+len(payload))), []byte{0, 0}, payload)
}

func sctpPkt(sport, dport uint16, chunkType byte) []byte {
	return cat(be16(sport), be16(dport), be32(0x11223344), be32(0), []byte{chunkType, 0}, be16(8), be32(0))
}
