package bpf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// A tiny classic-pcap reader and writer for the tests' packet goldens, so
// that bpf's tests do not depend on the savefile package.

type testPacket struct {
	data    []byte
	wireLen int
}

func readTestPcap(path string) ([]testPacket, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) < 24 {
		return nil, errors.New("short pcap header")
	}
	var bo binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0xa1b2c3d4, 0xa1b23c4d:
		bo = binary.LittleEndian
	case 0xd4c3b2a1, 0x4d3cb2a1:
		bo = binary.BigEndian
	default:
		return nil, fmt.Errorf("%s: not a classic pcap file", path)
	}
	var pkts []testPacket
	for off := 24; off < len(b); {
		if len(b)-off < 16 {
			return nil, fmt.Errorf("%s: short record header", path)
		}
		caplen := int(bo.Uint32(b[off+8:]))
		wire := int(bo.Uint32(b[off+12:]))
		off += 16
		if caplen > len(b)-off {
			return nil, fmt.Errorf("%s: short record", path)
		}
		pkts = append(pkts, testPacket{data: b[off : off+caplen : off+caplen], wireLen: wire})
		off += caplen
	}
	return pkts, nil
}

func writeTestPcap(path string, linkType uint32, pkts []testPacket) error {
	snap := 262144
	hdr := make([]byte, 24)
	binary.LittleEndian.PutUint32(hdr[0:], 0xa1b2c3d4)
	binary.LittleEndian.PutUint16(hdr[4:], 2)
	binary.LittleEndian.PutUint16(hdr[6:], 4)
	binary.LittleEndian.PutUint32(hdr[16:], uint32(snap))
	binary.LittleEndian.PutUint32(hdr[20:], linkType)
	out := hdr
	for i, p := range pkts {
		var rec [16]byte
		binary.LittleEndian.PutUint32(rec[0:], uint32(i))
		binary.LittleEndian.PutUint32(rec[8:], uint32(len(p.data)))
		binary.LittleEndian.PutUint32(rec[12:], uint32(p.wireLen))
		out = append(out, rec[:]...)
		out = append(out, p.data...)
	}
	return os.WriteFile(path, out, 0o644)
}

func pcapLinkType(path string) (uint32, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	if len(b) < 24 {
		return 0, errors.New("short pcap header")
	}
	if binary.LittleEndian.Uint32(b) == 0xa1b2c3d4 || binary.LittleEndian.Uint32(b) == 0xa1b23c4d {
		return binary.LittleEndian.Uint32(b[20:]) & 0x0fffffff, nil
	}
	return binary.BigEndian.Uint32(b[20:]) & 0x0fffffff, nil
}
