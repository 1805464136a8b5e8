package savefile

import (
	"encoding/binary"

	"github.com/purepcap/pcap/linktype"
)

// Some link types carry a pseudo-header in the byte order of the host that
// wrote the file. Reading a file of the other byte order, libpcap rewrites
// those fields into the reading host's order (little-endian here, as on
// every platform Go's linux/amd64 and arm64 ports run on), and tcpdump -w
// then writes the rewritten bytes. These functions do the same.

func needsPseudoSwap(lt linktype.Type) bool {
	switch lt.DLT() {
	case uint32(linktype.LinuxSLL), uint32(linktype.USBLinux), uint32(linktype.USBLinuxMmap), uint32(linktype.NFLog):
		return true
	}
	return false
}

// swapPseudoHeader rewrites the pseudo-header of a packet from a
// big-endian file in place and returns the (unchanged) wire length.
func swapPseudoHeader(lt linktype.Type, b []byte, length uint32) uint32 {
	switch lt.DLT() {
	case uint32(linktype.LinuxSLL):
		swapSLLCAN(b, length)
	case uint32(linktype.USBLinux):
		swapUSB(b, false)
	case uint32(linktype.USBLinuxMmap):
		swapUSB(b, true)
	case uint32(linktype.NFLog):
		swapNFLog(b, length)
	}
	return length
}

func rev16(b []byte) { b[0], b[1] = b[1], b[0] }
func rev32(b []byte) { b[0], b[1], b[2], b[3] = b[3], b[2], b[1], b[0] }
func rev64(b []byte) {
	for i := 0; i < 4; i++ {
		b[i], b[7-i] = b[7-i], b[i]
	}
}

// swapSLLCAN swaps the CAN ID of SocketCAN frames in Linux cooked captures.
func swapSLLCAN(b []byte, length uint32) {
	const sllLen = 16
	if len(b) < sllLen || length < sllLen {
		return
	}
	proto := binary.BigEndian.Uint16(b[14:])
	if proto != 0x000c && proto != 0x000d {
		return
	}
	if len(b) < sllLen+4 || length < sllLen+4 {
		return
	}
	rev32(b[sllLen:])
}

// swapUSB swaps the Linux USB header (48 bytes, or 64 when mmapped) and,
// for isochronous transfers in the 64-byte form, the descriptors after it.
func swapUSB(b []byte, long bool) {
	n := len(b)
	if n < 8 {
		return
	}
	rev64(b[0:])
	if n < 14 {
		return
	}
	rev16(b[12:])
	if n < 24 {
		return
	}
	rev64(b[16:])
	for off := 24; off < 40; off += 4 {
		if n < off+4 {
			return
		}
		rev32(b[off:])
	}
	iso := b[9] == 0 // URB_ISOCHRONOUS
	if iso {
		if n < 44 {
			return
		}
		rev32(b[40:])
		if n < 48 {
			return
		}
		rev32(b[44:])
	}
	if !long {
		return
	}
	for off := 48; off < 64; off += 4 {
		if n < off+4 {
			return
		}
		rev32(b[off:])
	}
	if !iso {
		return
	}
	ndesc := binary.LittleEndian.Uint32(b[60:])
	off := 64
	for i := uint32(0); i < ndesc; i++ {
		for k := 0; k < 3; k++ {
			if n < off+4 {
				return
			}
			rev32(b[off:])
			off += 4
		}
		off += 4
	}
}

// swapNFLog swaps the type and length of each NFLOG TLV.
func swapNFLog(b []byte, length uint32) {
	const hdrLen = 4
	caplen := uint32(len(b))
	if caplen < hdrLen || length < hdrLen || b[1] != 0 {
		return
	}
	caplen -= hdrLen
	length -= hdrLen
	p := b[hdrLen:]
	for caplen >= 4 {
		rev16(p[0:])
		rev16(p[2:])
		size := uint32(binary.LittleEndian.Uint16(p[0:])) // tlv_length comes first
		if size%4 != 0 {
			size += 4 - size%4
		}
		if size < 4 || caplen < size || length < size {
			return
		}
		caplen -= size
		length -= size
		p = p[size:]
	}
}
