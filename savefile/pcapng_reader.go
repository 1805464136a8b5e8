package savefile

import (
	"encoding/binary"
	"io"
	"math/bits"
	"time"

	"github.com/purepcap/pcap/linktype"
)

const (
	shbInsaneMax     = 1 << 20  // libpcap's limit for a section header
	initialMaxBlock  = 16 << 20 // libpcap's initial block size limit
	epbFixedLen      = 20
	maxNameRecords   = 1 << 20
	maxSecretsTotal  = 64 << 20
	blockOverheadLen = 12 // type, length, trailing length
)

// ngReader reads the blocks of a pcapng file.
type ngReader struct {
	input
	ifaces   []Interface // of the current section
	section  SectionHeader
	sections int
	maxBlock uint32
	firstDLT uint32 // libpcap's p->linktype: DLT of the first interface
	opening  bool   // still looking for the first IDB

	// the last packet
	pktBlock uint32
	pktOpts  []byte // raw options, valid until the next read
	pktDrops uint16 // PB drop count field
	pktIface int

	names   []NameRecord
	secrets []DecryptionSecret
	secSize int

	// the last packet's time stamp
	tsSec   uint64 // seconds
	tsUnits uint64 // fraction in units of tsRes
	tsRes   uint64 // interface resolution (units per second); 0 before the first packet
	tsBin   bool   // tsRes is a power of two
}

// openNG checks for a pcapng section header and reads up to the first
// interface description, as libpcap's pcap_ng_check_header does. It
// returns ok false when the file does not start with one.
func openNG(in input) (r *ngReader, ok bool, err error) {
	src := in.src
	if binary.LittleEndian.Uint32(src.peek(4)) != BlockSHB {
		return nil, false, nil
	}
	if n := src.fill(12); n < 12 {
		if src.err != nil {
			return nil, true, readError(src.err)
		}
		return nil, false, nil
	}
	h := src.peek(12)
	total := binary.LittleEndian.Uint32(h[4:])
	switch binary.LittleEndian.Uint32(h[8:]) {
	case byteOrderMagic:
	case bits.ReverseBytes32(byteOrderMagic):
		in.bigEndian = true
		total = bits.ReverseBytes32(total)
	default:
		return nil, false, nil
	}
	if total < 28 || total > shbInsaneMax {
		return nil, true, errorf("Section Header Block in pcapng dump file has invalid length %d < _%d_ < %d (BT_SHB_INSANE_MAX)",
			28, total, shbInsaneMax)
	}
	if n := src.fill(int(total)); n < int(total) {
		if src.err != nil {
			return nil, true, readError(src.err)
		}
		return nil, true, truncatedf("truncated pcapng dump file; tried to read %d bytes, only got %d", total-12, n-12)
	}
	body := src.buf[src.pos+8 : src.pos+int(total)-4]
	src.pos += int(total)
	r = &ngReader{input: in}
	r.major = r.u16(body[4:])
	r.minor = r.u16(body[6:])
	if !(r.major == 1 && (r.minor == 0 || r.minor == 2)) {
		return nil, true, errorf("unsupported pcapng savefile version %d.%d", r.major, r.minor)
	}
	r.maxBlock = initialMaxBlock
	r.section = r.parseSHB(body)
	r.sections = 1
	if err := r.firstInterface(); err != nil {
		return nil, true, err
	}
	return r, true, nil
}

// firstInterface reads the blocks up to the first Interface Description
// Block, whose link type and snapshot length the Reader reports.
func (r *ngReader) firstInterface() error {
	r.opening = true
	for len(r.ifaces) == 0 {
		body, btype, err := r.readBlock()
		if err == io.EOF {
			return errorf("the capture file has no Interface Description Blocks")
		}
		if err != nil {
			return err
		}
		switch btype {
		case BlockIDB:
			err = r.addInterface(body)
		case BlockEPB, BlockSPB, BlockPB:
			err = errorf("the capture file has a packet block before any Interface Description Blocks")
		case BlockSHB:
			if !r.opts.Libpcap {
				err = r.newSection(body)
			}
		default:
			r.otherBlock(btype, body)
		}
		if err != nil {
			return err
		}
	}
	r.opening = false
	first := r.ifaces[0]
	r.linkType = first.LinkType
	r.snaplen = first.Snaplen
	r.firstDLT = first.LinkType.DLT()
	return nil
}

// readBlock reads one whole block and returns its body (between the
// length field and the trailing length). At the end of the file it
// returns io.EOF.
func (r *ngReader) readBlock() ([]byte, uint32, error) {
	src := r.src
	if src.end-src.pos < 8 {
		if n := src.fill(8); n < 8 {
			if src.err != nil {
				return nil, 0, readError(src.err)
			}
			if n == 0 {
				return nil, 0, io.EOF
			}
			return nil, 0, truncatedf("truncated pcapng dump file; tried to read 8 bytes, only got %d", n)
		}
	}
	h := src.buf[src.pos : src.pos+8]
	btype := r.u32(h)
	if btype == BlockSHB && !r.opts.Libpcap {
		// A new section may change byte order: its magic decides.
		if src.fill(12) >= 12 {
			switch binary.LittleEndian.Uint32(src.buf[src.pos+8:]) {
			case byteOrderMagic:
				r.bigEndian = false
			case bits.ReverseBytes32(byteOrderMagic):
				r.bigEndian = true
			}
		}
		h = src.buf[src.pos : src.pos+8]
	}
	total := r.u32(h[4:])
	if total < blockOverheadLen {
		return nil, 0, errorf("block in pcapng dump file has a length of %d < %d", total, blockOverheadLen)
	}
	if total%4 != 0 {
		return nil, 0, errorf("block in pcapng dump file has a length of %d that is not a multiple of 4", total)
	}
	if total > r.maxBlock {
		return nil, 0, errorf("pcapng block size %d > maximum %d", total, r.maxBlock)
	}
	t := int(total)
	if src.end-src.pos < t {
		if n := src.fill(t); n < t {
			if src.err != nil {
				return nil, 0, readError(src.err)
			}
			return nil, 0, truncatedf("truncated pcapng dump file; tried to read %d bytes, only got %d", t-8, n-8)
		}
	}
	b := src.buf[src.pos : src.pos+t : src.pos+t]
	src.pos += t
	if r.u32(b[t-4:]) != total {
		return nil, 0, errorf("block total length in header and trailer don't match")
	}
	return b[8 : t-4], btype, nil
}

func tooShort(btype uint32) error {
	return errorf("block of type %d in pcapng dump file is too short", btype)
}

// options iterates over the options in b, calling f for each until
// opt_endofopt or the end. It reports a block that is cut short.
func (r *ngReader) options(btype uint32, b []byte, f func(code uint16, val []byte) error) error {
	for len(b) > 0 {
		if len(b) < 4 {
			return tooShort(btype)
		}
		code := r.u16(b)
		n := int(r.u16(b[2:]))
		padded := (n + 3) &^ 3
		if len(b)-4 < padded {
			return tooShort(btype)
		}
		val := b[4 : 4+n : 4+n]
		b = b[4+padded:]
		if err := f(code, val); err != nil {
			return err
		}
		if code == OptEndOfOpt {
			return nil
		}
	}
	return nil
}

// optionList is options for a block whose options are all kept: it
// skips opt_endofopt, and appends a copy of each other option to *all
// before calling f with it.
func (r *ngReader) optionList(btype uint32, b []byte, all *[]Option, f func(code uint16, val []byte)) error {
	return r.options(btype, b, func(code uint16, val []byte) error {
		if code != OptEndOfOpt {
			*all = append(*all, Option{code, clone(val)})
			f(code, val)
		}
		return nil
	})
}

func (r *ngReader) parseSHB(body []byte) SectionHeader {
	sh := SectionHeader{Major: r.u16(body[4:]), Minor: r.u16(body[6:]), SectionLength: int64(r.u64(body[8:]))}
	// libpcap ignores section header options; so do errors in them.
	_ = r.optionList(BlockSHB, body[16:], &sh.Options, func(code uint16, val []byte) {
		switch code {
		case OptComment:
			sh.Comments = append(sh.Comments, string(val))
		case OptSHBHardware:
			sh.Hardware = string(val)
		case OptSHBOS:
			sh.OS = string(val)
		case OptSHBUserAppl:
			sh.UserAppl = string(val)
		}
	})
	return sh
}

func clone(b []byte) []byte { return append([]byte(nil), b...) }

// newSection handles a Section Header Block after the first.
func (r *ngReader) newSection(body []byte) error {
	if len(body) < 16 {
		return tooShort(BlockSHB)
	}
	switch r.u32(body) {
	case byteOrderMagic:
	case bits.ReverseBytes32(byteOrderMagic):
		return errorf("the file has sections with different byte orders")
	default:
		return errorf("the file has a section with a bad byte order magic field")
	}
	if major := r.u16(body[4:]); major != 1 {
		return errorf("unknown pcapng savefile major version number %d", major)
	}
	r.section = r.parseSHB(body)
	r.sections++
	r.ifaces = r.ifaces[:0:0]
	return nil
}

// addInterface parses an Interface Description Block.
func (r *ngReader) addInterface(body []byte) error {
	if len(body) < 8 {
		return tooShort(BlockIDB)
	}
	lt := linktype.Type(r.u16(body))
	raw := r.u32(body[4:])
	if r.opts.Libpcap && !r.opening {
		if r.firstDLT != uint32(lt) {
			return errorf("an interface has a type %d different from the type of the first interface", lt)
		}
		if adjustSnaplen(linktype.Type(r.firstDLT), raw) != r.snaplen {
			return errorf("an interface has a snapshot length %d different from the snapshot length of the first interface", raw)
		}
	}
	if len(r.ifaces) >= r.opts.MaxInterfaces {
		return errorf("pcapng section has more than %d interfaces", r.opts.MaxInterfaces)
	}
	in := Interface{
		LinkType:   lt,
		RawSnaplen: raw,
		Snaplen:    adjustSnaplen(lt, raw),
		FCSLength:  -1,
		TSResol:    6,
		tsRes:      1000000,
	}
	var seen idbSeen
	err := r.options(BlockIDB, body[8:], func(code uint16, val []byte) error {
		return r.idbOption(&in, &seen, code, val)
	})
	if err != nil {
		return err
	}
	if m := uint32(28 + lt.MaxSnaplen() + 131072 + 4); m > r.maxBlock && (r.opening || !r.opts.Libpcap) {
		r.maxBlock = m
	}
	r.ifaces = append(r.ifaces, in)
	return nil
}

// idbSeen records the IDB options that may appear only once.
type idbSeen struct{ res, off bool }

// idbOption applies one IDB option to in.
func (r *ngReader) idbOption(in *Interface, seen *idbSeen, code uint16, val []byte) error {
	switch code {
	case OptEndOfOpt:
		if len(val) != 0 {
			return errorf("Interface Description Block has opt_endofopt option with length %d != 0", len(val))
		}
		return nil
	case OptIfTSResol:
		if err := onceOption("if_tsresol", val, 1, &seen.res); err != nil {
			return err
		}
		if err := in.setTSResol(val[0]); err != nil {
			return err
		}
	case OptIfTSOffset:
		if err := onceOption("if_tsoffset", val, 8, &seen.off); err != nil {
			return err
		}
		in.TSOffset = int64(r.u64(val))
	case OptComment:
		in.Comments = append(in.Comments, string(val))
	case OptIfName:
		in.Name = string(val)
	case OptIfDescription:
		in.Description = string(val)
	case OptIfFilter:
		if len(val) > 0 {
			in.FilterType = val[0]
			in.Filter = string(val[1:])
		}
	case OptIfOS:
		in.OS = string(val)
	case OptIfHardware:
		in.Hardware = string(val)
	case OptIfFCSLen:
		if len(val) == 1 {
			in.FCSLength = int(val[0])
		}
	case OptIfSpeed:
		if len(val) == 8 {
			in.Speed = r.u64(val)
		}
	}
	in.Options = append(in.Options, Option{code, clone(val)})
	return nil
}

// onceOption checks an IDB option that may appear once, with a value of
// size bytes.
func onceOption(name string, val []byte, size int, seen *bool) error {
	if len(val) != size {
		return errorf("Interface Description Block has %s option with length %d != %d", name, len(val), size)
	}
	if *seen {
		return errorf("Interface Description Block has more than one %s option", name)
	}
	*seen = true
	return nil
}

// setTSResol sets the resolution from an if_tsresol byte, within the
// limits libpcap reads: 10^-19 and 2^-63.
func (in *Interface) setTSResol(v byte) error {
	if v&0x80 != 0 {
		if v&0x7f > 63 {
			return errorf("Interface Description Block if_tsresol option resolution 2^-%d is too high", v&0x7f)
		}
		in.tsBin = true
		in.tsRes = 1 << (v & 0x7f)
	} else {
		if v > 19 {
			return errorf("Interface Description Block if_tsresol option resolution 10^-%d is too high", v)
		}
		in.tsRes = 1
		for i := byte(0); i < v; i++ {
			in.tsRes *= 10
		}
	}
	in.TSResol, in.HasTSResol = v, true
	return nil
}

// otherBlock records the content of ISB, NRB and DSB blocks; anything
// else (custom and unknown blocks) is skipped. Malformed content is
// ignored, as libpcap ignores these blocks entirely.
func (r *ngReader) otherBlock(btype uint32, body []byte) {
	switch btype {
	case BlockISB:
		r.parseISB(body)
	case BlockNRB:
		r.parseNRB(body)
	case BlockDSB:
		if len(body) < 8 || r.secSize > maxSecretsTotal {
			return
		}
		n := r.u32(body[4:])
		if uint64(n) > uint64(len(body)-8) {
			return
		}
		r.secrets = append(r.secrets, DecryptionSecret{Type: r.u32(body), Data: clone(body[8 : 8+n])})
		r.secSize += int(n)
	}
}

func (r *ngReader) parseISB(body []byte) {
	if len(body) < 12 {
		return
	}
	id := r.u32(body)
	if uint64(id) >= uint64(len(r.ifaces)) {
		return
	}
	st := InterfaceStatistics{Timestamp: uint64(r.u32(body[4:]))<<32 | uint64(r.u32(body[8:]))}
	_ = r.options(BlockISB, body[12:], func(code uint16, val []byte) error {
		if code == OptComment {
			st.Comments = append(st.Comments, string(val))
			return nil
		}
		if len(val) != 8 || code < OptISBStartTime || code > OptISBUsrDeliv {
			return nil
		}
		v := r.u64(val)
		if code == OptISBStartTime || code == OptISBEndTime {
			v = uint64(r.u32(val))<<32 | uint64(r.u32(val[4:]))
		}
		st.Present |= 1 << code
		*st.counters()[code-OptISBStartTime] = v
		return nil
	})
	r.ifaces[id].Stats = st
	r.ifaces[id].HasStats = true
}

func (r *ngReader) parseNRB(b []byte) {
	for len(b) >= 4 && len(r.names) < maxNameRecords {
		typ := r.u16(b)
		n := int(r.u16(b[2:]))
		padded := (n + 3) &^ 3
		if typ == 0 || len(b)-4 < padded {
			return
		}
		val := b[4 : 4+n]
		b = b[4+padded:]
		alen := 0
		switch typ {
		case 1:
			alen = 4
		case 2:
			alen = 16
		}
		if len(val) < alen {
			continue
		}
		rec := NameRecord{Type: typ, Addr: clone(val[:alen])}
		for _, name := range splitNUL(val[alen:]) {
			rec.Names = append(rec.Names, name)
		}
		r.names = append(r.names, rec)
	}
}

func splitNUL(b []byte) []string {
	var out []string
	start := 0
	for i, c := range b {
		if c == 0 {
			if i > start {
				out = append(out, string(b[start:i]))
			}
			start = i + 1
		}
	}
	if start < len(b) {
		out = append(out, string(b[start:]))
	}
	return out
}

// forgetPacket drops the last packet's options, which point into the
// source's buffer: after a failed read or Close that memory may hold
// other bytes, or be unmapped.
func (r *ngReader) forgetPacket() {
	r.pktBlock, r.pktOpts, r.pktDrops = 0, nil, 0
}

// next reads blocks up to the next packet.
func (r *ngReader) next(ci *CaptureInfo) ([]byte, error) {
	r.forgetPacket()
	for {
		body, btype, err := r.readBlock()
		if err != nil {
			return nil, err
		}
		switch btype {
		case BlockEPB, BlockPB, BlockSPB:
			return r.packet(btype, body, ci)
		case BlockIDB:
			err = r.addInterface(body)
		case BlockSHB:
			err = r.newSection(body)
		default:
			r.otherBlock(btype, body)
		}
		if err != nil {
			return nil, err
		}
	}
}

// packet decodes the body of an EPB, PB or SPB into its data and ci.
func (r *ngReader) packet(btype uint32, body []byte, ci *CaptureInfo) ([]byte, error) {
	var iface, caplen, length uint32
	var t uint64
	var rest []byte
	switch btype {
	case BlockEPB, BlockPB:
		if len(body) < epbFixedLen { // a PB's fixed part is as long
			return nil, tooShort(btype)
		}
		if btype == BlockEPB {
			iface = r.u32(body)
		} else {
			iface = uint32(r.u16(body))
			r.pktDrops = r.u16(body[2:])
		}
		t = uint64(r.u32(body[4:]))<<32 | uint64(r.u32(body[8:]))
		caplen = r.u32(body[12:])
		length = r.u32(body[16:])
		rest = body[epbFixedLen:]
	default: // BlockSPB
		if len(body) < 4 {
			return nil, tooShort(btype)
		}
		length = r.u32(body)
		caplen = length
		snap := uint32(r.snaplen)
		if len(r.ifaces) > 0 && !r.opts.Libpcap {
			snap = uint32(r.ifaces[0].Snaplen)
		}
		if caplen > snap {
			caplen = snap
		}
		rest = body[4:]
	}
	if uint64(iface) >= uint64(len(r.ifaces)) {
		return nil, errorf("a packet arrived on interface %d, but there's no Interface Description Block for that interface", iface)
	}
	in := &r.ifaces[iface]
	if caplen > uint32(in.Snaplen) {
		return nil, errorf("invalid packet capture length %d, bigger than snaplen of %d", caplen, in.Snaplen)
	}
	r.setTime(in, t)
	if uint64(len(rest)) < uint64(caplen) {
		return nil, tooShort(btype)
	}
	data := rest[:caplen:caplen]
	r.pktBlock = btype
	r.pktIface = int(iface)
	r.pktOpts = nil
	if btype != BlockSPB {
		if p := (int(caplen) + 3) &^ 3; p <= len(rest) {
			r.pktOpts = rest[p:]
		}
	}
	if r.bigEndian && needsPseudoSwap(in.LinkType) {
		data, length = r.swapPseudo(in.LinkType, data, length)
	}
	ci.Timestamp = r.timestamp()
	ci.CaptureLength = int(caplen)
	ci.Length = int(length)
	ci.InterfaceIndex = int(iface)
	return data, nil
}

// setTime splits a packet's time stamp t, in units of in's resolution,
// into seconds and a fraction.
func (r *ngReader) setTime(in *Interface, t uint64) {
	r.tsRes, r.tsBin = in.tsRes, in.tsBin
	switch in.tsRes { // constant divisors for the common cases
	case 1000000:
		r.tsSec, r.tsUnits = t/1000000, t%1000000
	case 1000000000:
		r.tsSec, r.tsUnits = t/1000000000, t%1000000000
	default:
		r.tsSec, r.tsUnits = t/in.tsRes, t%in.tsRes
	}
	r.tsSec += uint64(in.TSOffset)
}

// timeval is Reader.Timeval for pcapng.
func (r *ngReader) timeval(nano bool) (sec, frac int64) {
	if r.tsRes == 0 { // no packet read yet
		return 0, 0
	}
	return int64(r.tsSec), int64(int32(ngScale(r.tsUnits, r.tsRes, r.tsBin, nano)))
}

// timestamp builds the CaptureInfo time from the last packet's fields.
// Unlike Timeval it does not keep libpcap's arithmetic where that
// overflows: at a binary resolution finer than 2^-34 s a fraction times
// 10^9 needs more than 64 bits, so it is computed in 128.
func (r *ngReader) timestamp() time.Time {
	if r.tsBin && r.tsRes > 1<<34 {
		hi, lo := bits.Mul64(r.tsUnits, 1e9)
		ns, _ := bits.Div64(hi, lo, r.tsRes) // hi < tsRes: tsUnits < tsRes
		return time.Unix(int64(r.tsSec), int64(ns))
	}
	return time.Unix(int64(r.tsSec), int64(ngScale(r.tsUnits, r.tsRes, r.tsBin, true)))
}

// ngScale converts a fraction in units of res to micro- or nanoseconds
// with libpcap's 64-bit unsigned arithmetic.
func ngScale(units, res uint64, bin, nano bool) uint64 {
	user := uint64(1000000)
	if nano {
		user = 1000000000
	}
	// The common resolutions, with constant divisors.
	switch {
	case res == 1000000 && nano:
		return units * 1000
	case res == 1000000000 && !nano:
		return units / 1000
	}
	switch {
	case res == user:
		return units
	case bin:
		return units * user / res
	case res > user:
		return units / (res / user)
	default:
		return units * (user / res)
	}
}

// packetOptions is Reader.PacketOptions for pcapng.
func (r *ngReader) packetOptions() (PacketOptions, error) {
	var po PacketOptions
	if r.pktBlock == BlockPB {
		po.DropCount, po.HasDropCount = uint64(r.pktDrops), true
	}
	err := r.optionList(r.pktBlock, r.pktOpts, &po.Options, func(code uint16, val []byte) {
		switch code {
		case OptComment:
			po.Comments = append(po.Comments, string(val))
		case OptEPBFlags:
			if len(val) == 4 {
				po.Flags, po.HasFlags = r.u32(val), true
			}
		case OptEPBHash:
			po.Hashes = append(po.Hashes, clone(val))
		case OptEPBDropCount:
			if len(val) == 8 {
				po.DropCount, po.HasDropCount = r.u64(val), true
			}
		case OptEPBPacketID:
			if len(val) == 8 {
				po.PacketID, po.HasPacketID = r.u64(val), true
			}
		case OptEPBQueue:
			if len(val) == 4 {
				po.Queue, po.HasQueue = r.u32(val), true
			}
		case OptEPBVerdict:
			po.Verdicts = append(po.Verdicts, clone(val))
		}
	})
	return po, err
}
