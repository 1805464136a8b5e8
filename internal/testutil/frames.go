package testutil

import (
	"encoding/binary"
	"net"
)

// UDPFrame builds an Ethernet/IPv4/UDP frame from port 40000 to dport
// (payload "payload!" when nil), with one VLAN tag (tpid, vid[0]) when
// tpid is not 0. The UDP checksum is 0 (none).
func UDPFrame(dst, src net.HardwareAddr, sip, dip net.IP, dport int, payload []byte, tpid uint16, vid ...uint16) []byte {
	if payload == nil {
		payload = []byte("payload!")
	}
	b := make([]byte, 0, 64+len(payload))
	b = append(b, dst...)
	b = append(b, src...)
	if tpid != 0 {
		b = binary.BigEndian.AppendUint16(b, tpid)
		b = binary.BigEndian.AppendUint16(b, vid[0])
	}
	b = binary.BigEndian.AppendUint16(b, 0x0800)
	ip := make([]byte, 20)
	ip[0] = 0x45
	binary.BigEndian.PutUint16(ip[2:], uint16(20+8+len(payload)))
	ip[8] = 64
	ip[9] = 17
	copy(ip[12:], sip.To4())
	copy(ip[16:], dip.To4())
	var sum uint32
	for i := 0; i < 20; i += 2 {
		sum += uint32(binary.BigEndian.Uint16(ip[i:]))
	}
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	binary.BigEndian.PutUint16(ip[10:], ^uint16(sum))
	b = append(b, ip...)
	b = binary.BigEndian.AppendUint16(b, 40000)
	b = binary.BigEndian.AppendUint16(b, uint16(dport))
	b = binary.BigEndian.AppendUint16(b, uint16(8+len(payload)))
	b = binary.BigEndian.AppendUint16(b, 0)
	return append(b, payload...)
}

// UDPDstPort returns the UDP destination port of an Ethernet/IPv4 frame,
// or -1 (also for a frame cut short or with a bad IP header length).
func UDPDstPort(pkt []byte) int {
	if len(pkt) < 14+20 || binary.BigEndian.Uint16(pkt[12:]) != 0x0800 || pkt[23] != 17 {
		return -1
	}
	ihl := int(pkt[14]&0xf) * 4
	if ihl < 20 || len(pkt) < 14+ihl+4 {
		return -1
	}
	return int(binary.BigEndian.Uint16(pkt[14+ihl+2:]))
}
