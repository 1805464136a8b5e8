package savefile

import (
	"encoding/binary"
	"io"
	"math/bits"
	"time"

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

// lenOrder says whether the record header of an old pcap file has its
// two length fields swapped (versions before 2.3 put the wire length
// first; 2.3 files come both ways).
type lenOrder uint8

const (
	lenNormal       lenOrder = iota // caplen, then wire length
	lenSwapped                      // wire length, then caplen
	lenMaybeSwapped                 // swapped when caplen > wire length
)

// pcapReader reads the records of a classic pcap file.
type pcapReader struct {
	input
	ltExt       uint32 // upper 6 bits of the link-type field
	nano        bool   // nanosecond time stamps
	hdrSize     int    // 16, or 24 for the 0xa1b2cd34 variant
	lens        lenOrder
	pseudoFixup bool   // swapped file of a type whose pseudo-header libpcap swaps
	maxCaplen   uint32 // libpcap's sanity limit for the link type

	// the last packet's time stamp fields, raw, so that Timeval can
	// reproduce libpcap
	tsSec  uint32
	tsFrac int32
}

// pcapMagic reports whether m (read little-endian) is a pcap magic number,
// and whether the file is big-endian.
func pcapMagic(m uint32) (magic uint32, bigEndian, ok bool) {
	switch m {
	case magicMicro, magicNano, magicKuznetzov:
		return m, false, true
	}
	switch m = bits.ReverseBytes32(m); m {
	case magicMicro, magicNano, magicKuznetzov:
		return m, true, true
	}
	return 0, false, false
}

// openPcap reads a pcap file header. It returns ok false when the magic
// number is not a pcap one.
func openPcap(in input, magic []byte) (r *pcapReader, ok bool, err error) {
	m, big, ok := pcapMagic(binary.LittleEndian.Uint32(magic))
	if !ok {
		return nil, false, nil
	}
	r = &pcapReader{input: in}
	r.bigEndian = big
	src := r.src
	if n := src.fill(pcapFileHeaderLen); n < pcapFileHeaderLen {
		if src.err != nil {
			return nil, true, readError(src.err)
		}
		return nil, true, truncatedf("truncated dump file; tried to read %d file header bytes, only got %d",
			pcapFileHeaderLen, n-4)
	}
	h := src.peek(pcapFileHeaderLen)
	src.pos += pcapFileHeaderLen
	r.major = r.u16(h[4:])
	r.minor = r.u16(h[6:])
	snaplen := r.u32(h[16:])
	field := r.u32(h[20:])

	if r.major < 2 {
		return nil, true, errorf("archaic pcap savefile format")
	}
	if !(r.major == 2 && r.minor <= 4) && !(r.major == 543 && r.minor == 0) {
		return nil, true, errorf("unsupported pcap savefile version %d.%d", r.major, r.minor)
	}
	r.linkType = linktype.Type(field & 0x03ffffff)
	r.ltExt = field & 0xfc000000
	r.snaplen = adjustSnaplen(r.linkType, snaplen)
	r.nano = m == magicNano
	switch {
	case r.major == 543, r.minor < 3:
		r.lens = lenSwapped
	case r.minor == 3:
		r.lens = lenMaybeSwapped
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
	return r, true, nil
}

// adjustSnaplen applies libpcap's rule: a snapshot length of 0, or one
// that does not fit in an int, becomes the link type's maximum.
func adjustSnaplen(lt linktype.Type, snaplen uint32) int {
	if snaplen == 0 || snaplen > 1<<31-1 {
		return lt.MaxSnaplen()
	}
	return int(snaplen)
}

// next reads one pcap record.
func (r *pcapReader) next(ci *CaptureInfo) ([]byte, error) {
	src := r.src
	hs := r.hdrSize
	if src.end-src.pos < hs {
		if n := src.fill(hs); n < hs {
			if src.err != nil {
				return nil, readError(src.err)
			}
			if n == 0 {
				return nil, io.EOF
			}
			return nil, truncatedf("truncated dump file; tried to read %d header bytes, only got %d", hs, n)
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
	switch r.lens {
	case lenSwapped:
		caplen, length = length, caplen
	case lenMaybeSwapped:
		if caplen > length {
			caplen, length = length, caplen
		}
	}
	r.tsSec = sec
	r.tsFrac = int32(frac)
	data, caplen, err := r.data(caplen)
	if err != nil {
		return nil, err
	}
	if r.pseudoFixup {
		data, length = r.swapPseudo(r.linkType, data, length)
	}
	ci.Timestamp = r.timestamp()
	ci.CaptureLength = int(caplen)
	ci.Length = int(length)
	return data, nil
}

// data returns the captured bytes of a record whose header says caplen,
// and the capture length libpcap reports for it.
func (r *pcapReader) data(caplen uint32) ([]byte, uint32, error) {
	src := r.src
	snap := uint32(r.snaplen)
	if max := r.maxCaplen; caplen > max {
		if caplen > snap {
			return nil, 0, errorf("invalid packet capture length %d, bigger than snaplen of %d", caplen, r.snaplen)
		}
		return nil, 0, errorf("invalid packet capture length %d, bigger than maximum of %d", caplen, max)
	}
	if caplen > snap {
		// libpcap keeps the first snaplen bytes and discards the rest.
		n := src.fill(int(caplen))
		if src.err != nil && n < int(caplen) {
			return nil, 0, readError(src.err)
		}
		if n < int(snap) {
			return nil, 0, truncatedf("truncated dump file; tried to read %d captured bytes, only got %d", snap, n)
		}
		if n < int(caplen) {
			return nil, 0, truncatedf("truncated dump file; tried to read %d captured bytes, only got %d", caplen, n)
		}
		data := src.buf[src.pos : src.pos+int(snap) : src.pos+int(snap)]
		src.pos += int(caplen)
		return data, snap, nil
	}
	c := int(caplen)
	if src.end-src.pos < c {
		if n := src.fill(c); n < c {
			if src.err != nil {
				return nil, 0, readError(src.err)
			}
			return nil, 0, truncatedf("truncated dump file; tried to read %d captured bytes, only got %d", caplen, n)
		}
	}
	data := src.buf[src.pos : src.pos+c : src.pos+c]
	src.pos += c
	return data, caplen, nil
}

// timeval is Reader.Timeval for pcap.
func (r *pcapReader) timeval(nano bool) (sec, frac int64) {
	sec, frac = int64(r.tsSec), int64(r.tsFrac)
	switch {
	case nano && !r.nano:
		frac *= 1000
	case !nano && r.nano:
		frac /= 1000
	}
	return sec, frac
}

// timestamp builds the CaptureInfo time from the raw fields. Both fields
// are unsigned here, unlike in libpcap's timeval.
func (r *pcapReader) timestamp() time.Time {
	ns := int64(uint32(r.tsFrac))
	if !r.nano {
		ns *= 1000
	}
	return time.Unix(int64(r.tsSec), ns)
}
