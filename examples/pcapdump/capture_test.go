package main

import (
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// This file builds a small capture of transport-level traffic (ARP, TCP
// with options and payload, UDP, ICMP echo, IPv6 UDP), with correct
// checksums and on ports tcpdump has no application printer for, so that
// tcpdump's output of every packet is what pcapdump's printer covers.

var (
	macA = []byte{0x02, 0, 0, 0, 0, 0x0a}
	macB = []byte{0x02, 0, 0, 0, 0, 0x0b}
	ipA  = []byte{10, 9, 0, 1}
	ipB  = []byte{10, 9, 0, 2}
	ip6A = []byte{0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
	ip6B = []byte{0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}
)

// inetChecksum is the Internet checksum (RFC 1071) of the parts laid end
// to end.
func inetChecksum(parts ...[]byte) uint16 {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	if len(b)%2 == 1 {
		b = append(b, 0)
	}
	var s uint32
	for len(b) > 0 {
		s += uint32(binary.BigEndian.Uint16(b))
		b = b[2:]
	}
	s = s>>16 + s&0xffff
	s += s >> 16
	return ^uint16(s)
}

func ether(dst, src []byte, etype uint16, payload []byte) []byte {
	b := append(append(append([]byte{}, dst...), src...), byte(etype>>8), byte(etype))
	return append(b, payload...)
}

func ipv4(src, dst []byte, proto byte, id uint16, payload []byte) []byte {
	h := make([]byte, 20)
	h[0], h[8], h[9] = 0x45, 64, proto
	binary.BigEndian.PutUint16(h[2:], uint16(20+len(payload)))
	binary.BigEndian.PutUint16(h[4:], id)
	h[6] = 0x40 // DF
	copy(h[12:], src)
	copy(h[16:], dst)
	binary.BigEndian.PutUint16(h[10:], inetChecksum(h))
	return append(h, payload...)
}

// transport fills in the checksum at csumOff of a TCP or UDP segment,
// over the IPv4 or IPv6 pseudo-header.
func transport(src, dst []byte, proto byte, seg []byte, csumOff int) []byte {
	n := len(seg)
	pseudo := []byte{0, proto, byte(n >> 8), byte(n)}
	binary.BigEndian.PutUint16(seg[csumOff:], inetChecksum(src, dst, pseudo, seg))
	return seg
}

func tcp(src, dst []byte, sport, dport uint16, seq, ack uint32, flags byte, opts, payload []byte) []byte {
	h := make([]byte, 20+len(opts))
	binary.BigEndian.PutUint16(h[0:], sport)
	binary.BigEndian.PutUint16(h[2:], dport)
	binary.BigEndian.PutUint32(h[4:], seq)
	binary.BigEndian.PutUint32(h[8:], ack)
	h[12] = byte(len(h)/4) << 4
	h[13] = flags
	binary.BigEndian.PutUint16(h[14:], 64240)
	copy(h[20:], opts)
	return transport(src, dst, 6, append(h, payload...), 16)
}

func udp(src, dst []byte, sport, dport uint16, payload []byte) []byte {
	h := make([]byte, 8)
	binary.BigEndian.PutUint16(h[0:], sport)
	binary.BigEndian.PutUint16(h[2:], dport)
	binary.BigEndian.PutUint16(h[4:], uint16(8+len(payload)))
	return transport(src, dst, 17, append(h, payload...), 6)
}

func icmpEcho(typ byte, id, seq uint16, payload []byte) []byte {
	h := []byte{typ, 0, 0, 0, byte(id >> 8), byte(id), byte(seq >> 8), byte(seq)}
	b := append(h, payload...)
	binary.BigEndian.PutUint16(b[2:], inetChecksum(b))
	return b
}

func ipv6(src, dst []byte, next byte, payload []byte) []byte {
	h := make([]byte, 40)
	h[0], h[6], h[7] = 0x60, next, 64
	binary.BigEndian.PutUint16(h[4:], uint16(len(payload)))
	copy(h[8:], src)
	copy(h[24:], dst)
	return append(h, payload...)
}

func arp(op uint16, sha, spa, tha, tpa []byte) []byte {
	b := []byte{0, 1, 8, 0, 6, 4, byte(op >> 8), byte(op)}
	b = append(append(append(append(append(b, sha...), spa...), tha...), tpa...), make([]byte, 18)...)
	return b
}

// transportPackets returns the frames of the capture, in order.
func transportPackets() [][]byte {
	text := []byte("GET-like text that is no protocol tcpdump knows\r\n")
	synOpts := []byte{2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7}
	tsOpts := func(v, e uint32) []byte {
		o := []byte{1, 1, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0}
		binary.BigEndian.PutUint32(o[4:], v)
		binary.BigEndian.PutUint32(o[8:], e)
		return o
	}
	const (
		syn = 0x02
		ack = 0x10
		psh = 0x08
		fin = 0x01
	)
	mac := func(ip []byte) []byte {
		if ip[3] == 1 {
			return macA
		}
		return macB
	}
	v4 := func(src, dst []byte, id uint16, proto byte, p []byte) []byte {
		return ether(mac(dst), mac(src), 0x0800, ipv4(src, dst, proto, id, p))
	}
	return [][]byte{
		ether([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, macA, 0x0806, arp(1, macA, ipA, make([]byte, 6), ipB)),
		ether(macA, macB, 0x0806, arp(2, macB, ipB, macA, ipA)),
		v4(ipA, ipB, 1, 6, tcp(ipA, ipB, 40000, 40001, 1000, 0, syn, synOpts, nil)),
		v4(ipB, ipA, 7, 6, tcp(ipB, ipA, 40001, 40000, 5000, 1001, syn|ack, synOpts, nil)),
		v4(ipA, ipB, 2, 6, tcp(ipA, ipB, 40000, 40001, 1001, 5001, ack, tsOpts(2, 1), nil)),
		v4(ipA, ipB, 3, 6, tcp(ipA, ipB, 40000, 40001, 1001, 5001, psh|ack, tsOpts(3, 1), text)),
		v4(ipB, ipA, 8, 6, tcp(ipB, ipA, 40001, 40000, 5001, 1001+uint32(len(text)), ack, tsOpts(4, 3), nil)),
		v4(ipA, ipB, 4, 17, udp(ipA, ipB, 40002, 40003, text[:20])),
		v4(ipA, ipB, 5, 1, icmpEcho(8, 77, 1, text[:16])),
		v4(ipB, ipA, 9, 1, icmpEcho(0, 77, 1, text[:16])),
		ether(macB, macA, 0x86dd, ipv6(ip6A, ip6B, 17, udp(ip6A, ip6B, 40004, 40005, text[:12]))),
		v4(ipA, ipB, 6, 6, tcp(ipA, ipB, 40000, 40001, 1001+uint32(len(text)), 5001, fin|ack, tsOpts(5, 4), nil)),
	}
}

// writeCapture writes an Ethernet pcap file (nanosecond time stamps with
// nano) of the packets add is given by fill.
func writeCapture(t *testing.T, path string, nano bool, fill func(add func(ts time.Time, pkt []byte, wire int))) {
	t.Helper()
	f, err := os.Create(path)
	require.NoError(t, err)
	defer f.Close()
	w, err := savefile.NewWriter(f, savefile.WriterOptions{LinkType: linktype.Ethernet, Nanosecond: nano})
	require.NoError(t, err)
	fill(func(ts time.Time, pkt []byte, wire int) {
		require.NoError(t, w.WritePacket(savefile.CaptureInfo{Timestamp: ts, CaptureLength: len(pkt), Length: wire}, pkt))
	})
	require.NoError(t, w.Close())
}

// transportCapture writes the capture (nanosecond time stamps with nano)
// and returns its path.
func transportCapture(t *testing.T, dir string, nano bool) string {
	t.Helper()
	path := filepath.Join(dir, "transport.pcap")
	writeCapture(t, path, nano, func(add func(time.Time, []byte, int)) {
		ts := time.Unix(1765000000, 123456789)
		for i, p := range transportPackets() {
			ts = ts.Add(time.Duration(i*37+1) * 1234567 * time.Nanosecond)
			add(ts, p, len(p))
		}
	})
	return path
}

// countWhole counts the whole records of a savefile and says whether it
// ends in a partial one (or is cut inside its header).
func countWhole(t *testing.T, path string) (n int, clean bool) {
	t.Helper()
	r, err := savefile.Open(path, savefile.ReaderOptions{})
	if err != nil {
		return 0, false
	}
	defer r.Close()
	for {
		_, _, err := r.ZeroCopyReadPacketData()
		if err == io.EOF {
			return n, true
		}
		if err != nil {
			return n, false
		}
		n++
	}
}
