package savefile

import (
	"encoding/binary"
	"io"

	"github.com/purepcap/pcap/linktype"
)

// pcap magic numbers, as read in the file's own byte order.
const (
	magicMicro     = 0xa1b2c3d4 // microsecond time stamps
	magicNano      = 0xa1b23c4d // nanosecond time stamps
	magicKuznetzov = 0xa1b2cd34 // Alexey Kuznetzov's patch: 24-byte record header
)

const (
	pcapFileHeaderLen = 24
	pcapRecordLen     = 16
	pcapPatchedLen    = 24 // record header of 0xa1b2cd34 files
)

func swap32(v uint32) uint32 {
	return v>>24 | v>>8&0xff00 | v<<8&0xff0000 | v<<24
}

// openPcap checks for a pcap file header. It returns false, nil when the
// magic number is not a pcap one.
func (r *Reader) openPcap(magic []byte) (bool, error) {
	m := binary.LittleEndian.Uint32(magic)
	switch m {
	case magicMicro, magicNano, magicKuznetzov:
	default:
		m = swap32(m)
		switch m {
		case magicMicro, magicNano, magicKuznetzov:
			r.bigEndian = true
		default:
			return false, nil
		}
	}
	src := r.src
	if n := src.fill(pcapFileHeaderLen); n < pcapFileHeaderLen {
		if src.err != nil {
			return true, readError(src.err)
		}
		return true, truncatedf("truncated dump file; tried to read %d file header bytes, only got %d",
			pcapFileHeaderLen, n-4)
	}
	h := src.peek(pcapFileHeaderLen)
	src.pos += pcapFileHeaderLen
	bo := r.ByteOrder()
	r.major = bo.Uint16(h[4:])
	r.minor = bo.Uint16(h[6:])
	snaplen := bo.Uint32(h[16:])
	field := bo.Uint32(h[20:])

	if r.major < 2 {
		return true, errorf("archaic pcap savefile format")
	}
	if !(r.major == 2 && r.minor <= 4) && !(r.major == 543 && r.minor == 0) {
		return true, errorf("unsupported pcap savefile version %d.%d", r.major, r.minor)
	}
	r.format = FormatPcap
	r.linkType = linktype.Type(field & 0x03ffffff)
	r.ltExt = field & 0xfc000000
	r.snaplen = adjustSnaplen(r.linkType, snaplen)
	r.nanoFile = m == magicNano
	switch {
	case r.major == 543, r.minor < 3:
		r.lenSwapped = 1
	case r.minor == 3:
		r.lenSwapped = 2
	}
	r.hdrSize = pcapRecordLen
	if m == magicKuznetzov {
		r.hdrSize = pcapPatchedLen
		if r.linkType.DLT() == uint32(linktype.Ethernet) {
			if r.snaplen <= 1<<31-1-14 {
				r.snaplen += 14
			} else {
				r.snaplen = 1<<31 - 1
			}
		}
	}
	r.pseudoFixup = r.bigEndian && needsPseudoSwap(r.linkType)
	r.maxCaplen = uint32(r.linkType.MaxSnaplen())
	return true, nil
}

// adjustSnaplen applies libpcap's rule: a snapshot length of 0, or one
// that does not fit in an int, becomes the link type's maximum.
func adjustSnaplen(lt linktype.Type, snaplen uint32) int {
	if snaplen == 0 || snaplen > 1<<31-1 {
		return lt.MaxSnaplen()
	}
	return int(snaplen)
}

// nextPcap reads one pcap record.
func (r *Reader) nextPcap() ([]byte, CaptureInfo, error) {
	var ci CaptureInfo
	src := r.src
	hs := r.hdrSize
	if src.end-src.pos < hs {
		if n := src.fill(hs); n < hs {
			if src.err != nil {
				return nil, ci, readError(src.err)
			}
			if n == 0 {
				return nil, ci, io.EOF
			}
			return nil, ci, truncatedf("truncated dump file; tried to read %d header bytes, only got %d", hs, n)
		}
	}
	h := src.buf[src.pos : src.pos+16]
	var sec, frac, caplen, length uint32
	if r.bigEndian {
		sec = binary.BigEndian.Uint32(h[0:])
		frac = binary.BigEndian.Uint32(h[4:])
		caplen = binary.BigEndian.Uint32(h[8:])
		length = binary.BigEndian.Uint32(h[12:])
	} else {
		sec = binary.LittleEndian.Uint32(h[0:])
		frac = binary.LittleEndian.Uint32(h[4:])
		caplen = binary.LittleEndian.Uint32(h[8:])
		length = binary.LittleEndian.Uint32(h[12:])
	}
	src.pos += hs
	switch r.lenSwapped {
	case 1:
		caplen, length = length, caplen
	case 2:
		if caplen > length {
			caplen, length = length, caplen
		}
	}
	r.tsSec = uint64(sec)
	r.tsFrac = int64(int32(frac))

	snap := uint32(r.snaplen)
	if max := r.maxCaplen; caplen > max {
		if caplen > snap {
			return nil, ci, errorf("invalid packet capture length %d, bigger than snaplen of %d", caplen, r.snaplen)
		}
		return nil, ci, errorf("invalid packet capture length %d, bigger than maximum of %d", caplen, max)
	}
	var data []byte
	if caplen > snap {
		// libpcap keeps the first snaplen bytes and discards the rest.
		n := src.fill(int(caplen))
		if src.err != nil && n < int(caplen) {
			return nil, ci, readError(src.err)
		}
		if n < int(snap) {
			return nil, ci, truncatedf("truncated dump file; tried to read %d captured bytes, only got %d", snap, n)
		}
		if n < int(caplen) {
			return nil, ci, truncatedf("truncated dump file; tried to read %d captured bytes, only got %d", caplen, n)
		}
		data = src.buf[src.pos : src.pos+int(snap) : src.pos+int(snap)]
		src.pos += int(caplen)
		caplen = snap
	} else {
		c := int(caplen)
		if src.end-src.pos < c {
			if n := src.fill(c); n < c {
				if src.err != nil {
					return nil, ci, readError(src.err)
				}
				return nil, ci, truncatedf("truncated dump file; tried to read %d captured bytes, only got %d", caplen, n)
			}
		}
		data = src.buf[src.pos : src.pos+c : src.pos+c]
		src.pos += c
	}
	if r.pseudoFixup {
		r.scratch = append(r.scratch[:0], data...)
		data = r.scratch
		length = swapPseudoHeader(r.linkType, data, length)
	}
	ci.Timestamp = r.timestamp()
	ci.CaptureLength = int(caplen)
	ci.Length = int(length)
	return data, ci, nil
}
