package printer

// Internet checksums (RFC 1071), as tcpdump verifies them with -v.

// sum16 adds b to the running one's-complement sum s as 16-bit words.
// An odd final byte is padded with zero (b must be the last piece when
// its length is odd).
func sum16(s uint32, b []byte) uint32 {
	n := len(b) &^ 1
	for i := 0; i < n; i += 2 {
		s += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)&1 != 0 {
		s += uint32(b[len(b)-1]) << 8
	}
	return s
}

// fold returns the one's complement of the folded sum: 0 when a packet
// including its checksum field is correct.
func fold(s uint32) uint16 {
	for s>>16 != 0 {
		s = s&0xffff + s>>16
	}
	return ^uint16(s)
}

// shouldBe is tcpdump's in_cksum_shouldbe: the value the checksum field
// should hold, from the field and the sum computed over the data with it.
func shouldBe(field, computed uint16) uint16 {
	s := uint32(field) + uint32(computed)
	s = s&0xffff + s>>16
	s = s&0xffff + s>>16
	return uint16(s)
}
