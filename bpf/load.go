package bpf

import "encoding/binary"

// The machine's packet loads. A load that does not fit in the packet
// fails, and the run then ends with 0, as in libpcap's bpf_filter. The
// absolute loads take an int offset (the VM's fast ones are below
// fastLimit); the indexed ones (suffix X) take X and k and add them in 64
// bits, so that X+k never wraps. Each form is the one for which the
// compiler checks the bounds once.

// loadW returns the big-endian 32-bit word at offset k of pkt.
func loadW(pkt []byte, k int) (uint32, bool) {
	if k+4 > len(pkt) {
		return 0, false
	}
	return binary.BigEndian.Uint32(pkt[k : k+4]), true
}

// loadH returns the big-endian 16-bit half word at offset k of pkt.
func loadH(pkt []byte, k int) (uint32, bool) {
	if k+2 > len(pkt) {
		return 0, false
	}
	return uint32(binary.BigEndian.Uint16(pkt[k : k+2])), true
}

// loadB returns the byte at offset k of pkt.
func loadB(pkt []byte, k int) (uint32, bool) {
	if k >= len(pkt) {
		return 0, false
	}
	return uint32(pkt[k]), true
}

// loadWX returns the big-endian 32-bit word at offset x+k of pkt.
func loadWX(pkt []byte, x, k uint32) (uint32, bool) {
	i := uint64(x) + uint64(k)
	if i+4 > uint64(len(pkt)) {
		return 0, false
	}
	return binary.BigEndian.Uint32(pkt[i : i+4]), true
}

// loadHX returns the big-endian 16-bit half word at offset x+k of pkt.
func loadHX(pkt []byte, x, k uint32) (uint32, bool) {
	i := uint64(x) + uint64(k)
	if i+2 > uint64(len(pkt)) {
		return 0, false
	}
	return uint32(binary.BigEndian.Uint16(pkt[i : i+2])), true
}

// loadBX returns the byte at offset x+k of pkt.
func loadBX(pkt []byte, x, k uint32) (uint32, bool) {
	i := uint64(x) + uint64(k)
	if i >= uint64(len(pkt)) {
		return 0, false
	}
	return uint32(pkt[i]), true
}

// loadPacket returns the size-byte (4, 2 or 1) value at offset x+k of pkt
// (added in 64 bits), or OutOfBounds.
func loadPacket(pkt []byte, x, k uint32, size uint8) (uint32, Outcome) {
	var v uint32
	var ok bool
	switch size {
	case 4:
		v, ok = loadWX(pkt, x, k)
	case 2:
		v, ok = loadHX(pkt, x, k)
	default:
		v, ok = loadBX(pkt, x, k)
	}
	if !ok {
		return 0, OutOfBounds
	}
	return v, Returned
}

// loadAbs performs an absolute load of size bytes at k, with the Linux
// negative offsets when md is given: ancillary fields, A ^= X
// (AdALUXorX) and link-layer offsets (SKFLLOff). Without md, or for other
// negative offsets, the load has no data (Unsupported); any other k is a
// plain packet load.
func loadAbs(pkt []byte, k uint32, size uint8, a, x uint32, md *Metadata) (uint32, Outcome) {
	const llOff, netOff = uint32(SKFLLOff & 0xffffffff), uint32(SKFNetOff & 0xffffffff)
	switch {
	case k < llOff:
		return loadPacket(pkt, 0, k, size)
	case md == nil:
		return 0, Unsupported
	case k >= Ancillary(0):
		ad := k - Ancillary(0)
		if ad == AdALUXorX {
			return a ^ x, Returned
		}
		if v, ok := md.ancillary(ad); ok && ad%4 == 0 {
			return v, Returned
		}
		return 0, Unsupported
	case k < netOff:
		return loadPacket(pkt, 0, k-llOff, size)
	}
	return 0, Unsupported // the network header offset is unknown here
}
