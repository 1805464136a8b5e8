package savefile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"os"
	"strings"
	"time"
)

// NGWriterOptions fill the Section Header Block of a pcapng file.
type NGWriterOptions struct {
	Hardware string // shb_hardware
	OS       string // shb_os
	UserAppl string // shb_userappl
	Comments []string

	// FlushInterval is as in WriterOptions: 0 means
	// DefaultFlushInterval, a negative value no timed flushes.
	FlushInterval time.Duration
}

// NGWriter writes a pcapng file (one section, little-endian). Writes are
// buffered, flushed and made safe against write errors as a Writer's
// are: see Writer.
//
// An NGWriter is not safe for concurrent use: Flush too must be called
// from the goroutine that writes.
type NGWriter struct {
	outBuf
	ifaces []ngOutIface
	opt    []byte // scratch for building option lists
}

// ngOutIface is what the writer keeps of an interface to write its
// packets.
type ngOutIface struct {
	res     uint64 // units per second
	bin     bool
	shift   uint   // binary: log2(res)
	mult    uint64 // decimal: units per ns (res >= 1e9)
	div     uint64 // decimal: ns per unit (res < 1e9)
	offset  int64
	snaplen int // 0: no limit
}

// NewNGWriter writes a Section Header Block to w and returns a writer for
// the blocks that follow.
func NewNGWriter(w io.Writer, o NGWriterOptions) (*NGWriter, error) {
	if err := errors.Join(optTooLong(o.Comments...), optTooLong(o.Hardware, o.OS, o.UserAppl)); err != nil {
		return nil, err
	}
	nw := &NGWriter{outBuf: newOutBuf(w, o.FlushInterval)}
	nw.blocks = true
	nw.startTimer()
	var opts []byte
	for _, c := range o.Comments {
		opts = appendOpt(opts, OptComment, []byte(c))
	}
	opts = appendStrOpt(opts, OptSHBHardware, o.Hardware)
	opts = appendStrOpt(opts, OptSHBOS, o.OS)
	opts = appendStrOpt(opts, OptSHBUserAppl, o.UserAppl)
	opts = endOpts(opts)
	var fixed [16]byte
	binary.LittleEndian.PutUint32(fixed[0:], byteOrderMagic)
	binary.LittleEndian.PutUint16(fixed[4:], 1)
	binary.LittleEndian.PutUint16(fixed[6:], 0)
	binary.LittleEndian.PutUint64(fixed[8:], ^uint64(0)) // section length unknown
	return nw, nw.block(BlockSHB, fixed[:], nil, opts)
}

// maxOptLen is the longest option value pcapng can hold (its length field
// has 16 bits).
const maxOptLen = 0xffff

// optTooLong returns an error for the first value too long for an option.
// The methods check their options with it before building them, since
// appendOpt can't report an error.
func optTooLong[T string | []byte](vals ...T) error {
	for _, v := range vals {
		if len(v) > maxOptLen {
			return fmt.Errorf("pcapng option value of %d bytes is too long (at most %d)", len(v), maxOptLen)
		}
	}
	return nil
}

// appendOpt appends one option; len(val) must be at most maxOptLen.
func appendOpt(b []byte, code uint16, val []byte) []byte {
	b = binary.LittleEndian.AppendUint16(b, code)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(val)))
	b = append(b, val...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func appendStrOpt(b []byte, code uint16, s string) []byte {
	if s == "" {
		return b
	}
	return appendOpt(b, code, []byte(s))
}

func endOpts(b []byte) []byte {
	if len(b) == 0 {
		return b
	}
	return append(b, 0, 0, 0, 0)
}

func pad4(n int) int { return (n + 3) &^ 3 }

// block writes one block: fixed part, data (padded), options.
func (w *NGWriter) block(btype uint32, fixed, data, opts []byte) error {
	if w.err != nil {
		return w.err
	}
	total := 12 + len(fixed) + pad4(len(data)) + len(opts)
	if uint64(total) > 1<<32-4 {
		return errors.New("pcapng block too large")
	}
	if len(w.buf)-w.n < total {
		if err := w.Flush(); err != nil {
			return err
		}
		if total > len(w.buf) {
			return w.bigBlock(btype, total, fixed, data, opts)
		}
	}
	b := w.buf[w.n : w.n+total]
	binary.LittleEndian.PutUint32(b[0:], btype)
	binary.LittleEndian.PutUint32(b[4:], uint32(total))
	p := 8 + copy(b[8:], fixed)
	p += copy(b[p:], data)
	for i := len(data); i%4 != 0; i++ {
		b[p] = 0
		p++
	}
	p += copy(b[p:], opts)
	binary.LittleEndian.PutUint32(b[p:], uint32(total))
	w.n += total
	return w.tick()
}

// bigBlock writes a block too big for the buffer, which is empty: its
// header and fixed part go through the buffer, the rest straight to the
// output, so that the buffer keeps its size. A write error leaves no part
// of the block in the output (see outBuf.writeDirect).
func (w *NGWriter) bigBlock(btype uint32, total int, fixed, data, opts []byte) error {
	hdr := 8 + len(fixed)
	b := w.buf[:hdr]
	binary.LittleEndian.PutUint32(b[0:], btype)
	binary.LittleEndian.PutUint32(b[4:], uint32(total))
	copy(b[8:], fixed)
	w.n = hdr
	if err := w.flush(); err != nil {
		return err
	}
	var tail [8]byte // padding of data, and the trailing length
	pad := pad4(len(data)) - len(data)
	binary.LittleEndian.PutUint32(tail[pad:], uint32(total))
	parts := [...][]byte{data, tail[:pad], opts, tail[pad : pad+4]}
	if len(opts) == 0 {
		parts[1], parts[3] = nil, tail[:pad+4]
	}
	written := hdr
	for _, p := range parts {
		if len(p) == 0 {
			continue
		}
		if err := w.writeDirect(written, p); err != nil {
			return err
		}
		written += len(p)
	}
	return w.tick()
}

// AddInterface writes an Interface Description Block and returns the
// interface's index, which CaptureInfo.InterfaceIndex names in
// WritePacket. It writes LinkType, Snaplen (0 means no limit), and the
// options set in Name, Description, Filter (with FilterType), OS,
// Hardware, Speed, FCSLength (when > 0), TSResol and TSOffset, Comments,
// and any other option in Options whose code is none of those.
//
// The time stamp resolution is TSResol when HasTSResol is set or TSResol
// is not 0, else nanoseconds (if_tsresol 9); if_tsresol is written when
// HasTSResol is set or the resolution is not the default microseconds.
// AddInterface takes every resolution a Reader reads, 10^0 to 10^-19 s
// and 2^0 to 2^-63 s, so that any interface read can be copied. A time
// stamp is a 64-bit count of units since if_tsoffset: down to
// nanoseconds (if_tsresol 9, or 0x9e for 2^-30) that count lasts past the
// year 2500, but at finer resolutions it does not (10^-10: 58 years;
// 10^-19: 1.8 seconds), and WritePacket refuses time stamps it cannot
// hold.
func (w *NGWriter) AddInterface(in Interface) (int, error) {
	res := in.TSResol
	if res == 0 && !in.HasTSResol {
		res = 9
	}
	snap := in.Snaplen
	if snap == 0 {
		snap = int(in.RawSnaplen)
	}
	oi, err := newOutIface(res, in.TSOffset, snap)
	err = errors.Join(err, checkSnaplen(snap), optTooLong(in.Comments...), optTooLong(in.Name, in.Description, in.OS, in.Hardware))
	if len(in.Filter) >= maxOptLen { // the filter type byte comes first
		err = errors.Join(err, optTooLong(in.Filter+" "))
	}
	for _, op := range in.Options {
		err = errors.Join(err, optTooLong(op.Value))
	}
	if err != nil {
		return 0, err
	}
	var fixed [8]byte
	binary.LittleEndian.PutUint16(fixed[0:], uint16(in.LinkType))
	binary.LittleEndian.PutUint32(fixed[4:], uint32(snap))
	if err := w.block(BlockIDB, fixed[:], nil, idbOptions(&in, res)); err != nil {
		return 0, err
	}
	w.ifaces = append(w.ifaces, oi)
	return len(w.ifaces) - 1, nil
}

// newOutIface checks an if_tsresol byte and prepares the conversion of
// time stamps to its units.
func newOutIface(res byte, offset int64, snaplen int) (ngOutIface, error) {
	oi := ngOutIface{offset: offset, snaplen: snaplen}
	if res&0x80 != 0 {
		if res&0x7f > 63 {
			return oi, fmt.Errorf("if_tsresol 2^-%d is too fine (at most 2^-63)", res&0x7f)
		}
		oi.bin, oi.shift, oi.res = true, uint(res&0x7f), 1<<(res&0x7f)
		return oi, nil
	}
	if res > 19 {
		return oi, fmt.Errorf("if_tsresol 10^-%d is too fine (at most 10^-19)", res)
	}
	oi.res = 1
	for i := byte(0); i < res; i++ {
		oi.res *= 10
	}
	if oi.res >= 1e9 {
		oi.mult = oi.res / 1e9
	} else {
		oi.div = 1e9 / oi.res
	}
	return oi, nil
}

// idbOptions builds the option list of an IDB for in, with resolution res.
func idbOptions(in *Interface, res byte) []byte {
	var o []byte
	for _, c := range in.Comments {
		o = appendOpt(o, OptComment, []byte(c))
	}
	o = appendStrOpt(o, OptIfName, in.Name)
	o = appendStrOpt(o, OptIfDescription, in.Description)
	if in.Speed != 0 {
		o = appendOpt(o, OptIfSpeed, binary.LittleEndian.AppendUint64(nil, in.Speed))
	}
	if res != 6 || in.HasTSResol {
		o = appendOpt(o, OptIfTSResol, []byte{res})
	}
	if in.Filter != "" {
		o = appendOpt(o, OptIfFilter, append([]byte{in.FilterType}, in.Filter...))
	}
	o = appendStrOpt(o, OptIfOS, in.OS)
	if in.FCSLength > 0 {
		o = appendOpt(o, OptIfFCSLen, []byte{byte(in.FCSLength)})
	}
	if in.TSOffset != 0 {
		o = appendOpt(o, OptIfTSOffset, binary.LittleEndian.AppendUint64(nil, uint64(in.TSOffset)))
	}
	o = appendStrOpt(o, OptIfHardware, in.Hardware)
	for _, op := range in.Options {
		switch op.Code {
		case OptEndOfOpt, OptComment, OptIfName, OptIfDescription, OptIfSpeed, OptIfTSResol,
			OptIfFilter, OptIfOS, OptIfFCSLen, OptIfTSOffset, OptIfHardware:
			continue
		}
		o = appendOpt(o, op.Code, op.Value)
	}
	return endOpts(o)
}

// units converts a time to the interface's time stamp units. It reports
// false when the time is before the interface's if_tsoffset (1970 by
// default) or too late for 64 bits of units.
func (oi *ngOutIface) units(t time.Time) (uint64, bool) {
	sec, ns := t.Unix(), uint64(t.Nanosecond())
	if sec < oi.offset || (oi.offset < 0 && sec-oi.offset < 0) { // the second: overflow
		return 0, false
	}
	hi, whole := bits.Mul64(uint64(sec-oi.offset), oi.res)
	var frac uint64
	switch {
	case oi.bin:
		// The last unit that a reader, converting back to nanoseconds
		// and rounding down, takes for ns or earlier: the greatest u
		// with u*1e9/res < ns+1, that is ((ns+1)*res - 1) / 1e9. A time
		// read from a file so comes back exactly, and no time is moved
		// later (into the next second, at 2^0).
		fhi, flo := bits.Mul64(ns+1, oi.res)
		flo, b := bits.Sub64(flo, 1, 0)
		frac, _ = bits.Div64(fhi-b, flo, 1e9) // fhi < 1e9: ns+1 <= 1e9
	case oi.mult != 0:
		frac = ns * oi.mult // < 1e9 * 1e10
	default:
		frac = ns / oi.div
	}
	u, carry := bits.Add64(whole, frac, 0)
	return u, hi == 0 && carry == 0
}

// epbFixed builds the fixed part of an EPB. With check, it refuses
// inconsistent lengths and a packet above the interface's snapshot length.
func (w *NGWriter) epbFixed(ci CaptureInfo, data []byte, check bool) ([20]byte, error) {
	var f [20]byte
	if ci.InterfaceIndex < 0 || ci.InterfaceIndex >= len(w.ifaces) {
		return f, fmt.Errorf("no interface %d", ci.InterfaceIndex)
	}
	oi := &w.ifaces[ci.InterfaceIndex]
	if check {
		if !lengthsOK(ci.CaptureLength, ci.Length, len(data), oi.snaplen) {
			return f, lengthError(ci.CaptureLength, ci.Length, len(data), oi.snaplen)
		}
	} else if uint64(len(data)) > math.MaxUint32 || uint64(ci.Length) > math.MaxUint32 {
		return f, fmt.Errorf("packet lengths %d and %d out of range", len(data), ci.Length)
	}
	t, ok := oi.units(ci.Timestamp)
	if !ok {
		return f, fmt.Errorf("time stamp %v does not fit interface %d (resolution %d units/s, offset %d s)",
			ci.Timestamp, ci.InterfaceIndex, oi.res, oi.offset)
	}
	binary.LittleEndian.PutUint32(f[0:], uint32(ci.InterfaceIndex))
	binary.LittleEndian.PutUint32(f[4:], uint32(t>>32))
	binary.LittleEndian.PutUint32(f[8:], uint32(t))
	binary.LittleEndian.PutUint32(f[12:], uint32(len(data)))
	binary.LittleEndian.PutUint32(f[16:], uint32(ci.Length))
	return f, nil
}

// WritePacket writes an Enhanced Packet Block for interface
// ci.InterfaceIndex with ci's time stamp and wire length. It returns an
// error, and writes nothing, for an interface not added, when
// ci.CaptureLength is not len(data), when ci.Length is less than it, when
// it exceeds the interface's snapshot length (unless that is 0), or when
// the time stamp does not fit the interface (see AddInterface).
func (w *NGWriter) WritePacket(ci CaptureInfo, data []byte) error {
	return w.writeEPB(ci, data, nil, true)
}

// WritePacketOptions is WritePacket with options: flags, drop count,
// packet id, queue, hashes, verdicts and comments (Options is ignored).
func (w *NGWriter) WritePacketOptions(ci CaptureInfo, data []byte, po *PacketOptions) error {
	return w.writeEPB(ci, data, po, true)
}

// CopyPacket writes a packet read from another file as it is: its
// captured bytes data, wire length ci.Length and options po (nil for
// none) go into an Enhanced Packet Block without WritePacket's checks of
// the lengths, so that a damaged record (a wire length below the capture
// length) is copied rather than refused. ci.CaptureLength is not used.
// The time stamp must still fit the interface.
func (w *NGWriter) CopyPacket(ci CaptureInfo, data []byte, po *PacketOptions) error {
	return w.writeEPB(ci, data, po, false)
}

func (w *NGWriter) writeEPB(ci CaptureInfo, data []byte, po *PacketOptions, check bool) error {
	f, err := w.epbFixed(ci, data, check)
	if err != nil {
		return err
	}
	if po == nil {
		return w.block(BlockEPB, f[:], data, nil)
	}
	if err := errors.Join(optTooLong(po.Comments...), optTooLong(po.Hashes...), optTooLong(po.Verdicts...)); err != nil {
		return err
	}
	o := w.opt[:0]
	for _, c := range po.Comments {
		o = appendOpt(o, OptComment, []byte(c))
	}
	if po.HasFlags {
		o = appendOpt(o, OptEPBFlags, binary.LittleEndian.AppendUint32(nil, po.Flags))
	}
	for _, h := range po.Hashes {
		o = appendOpt(o, OptEPBHash, h)
	}
	if po.HasDropCount {
		o = appendOpt(o, OptEPBDropCount, binary.LittleEndian.AppendUint64(nil, po.DropCount))
	}
	if po.HasPacketID {
		o = appendOpt(o, OptEPBPacketID, binary.LittleEndian.AppendUint64(nil, po.PacketID))
	}
	if po.HasQueue {
		o = appendOpt(o, OptEPBQueue, binary.LittleEndian.AppendUint32(nil, po.Queue))
	}
	for _, v := range po.Verdicts {
		o = appendOpt(o, OptEPBVerdict, v)
	}
	o = endOpts(o)
	w.opt = o
	return w.block(BlockEPB, f[:], data, o)
}

// WriteStatistics writes an Interface Statistics Block for interface
// iface. Only the counters whose bit is set in st.Present are written
// (bit n for option code n); st.Timestamp is in the interface's units.
func (w *NGWriter) WriteStatistics(iface int, st InterfaceStatistics) error {
	if iface < 0 || iface >= len(w.ifaces) {
		return fmt.Errorf("no interface %d", iface)
	}
	if err := optTooLong(st.Comments...); err != nil {
		return err
	}
	var fixed [12]byte
	binary.LittleEndian.PutUint32(fixed[0:], uint32(iface))
	binary.LittleEndian.PutUint32(fixed[4:], uint32(st.Timestamp>>32))
	binary.LittleEndian.PutUint32(fixed[8:], uint32(st.Timestamp))
	var o []byte
	for _, c := range st.Comments {
		o = appendOpt(o, OptComment, []byte(c))
	}
	for i, p := range st.counters() {
		code, v := uint16(i)+OptISBStartTime, *p
		if st.Present&(1<<code) == 0 {
			continue
		}
		var b [8]byte
		if code == OptISBStartTime || code == OptISBEndTime {
			binary.LittleEndian.PutUint32(b[0:], uint32(v>>32))
			binary.LittleEndian.PutUint32(b[4:], uint32(v))
		} else {
			binary.LittleEndian.PutUint64(b[:], v)
		}
		o = appendOpt(o, code, b[:])
	}
	return w.block(BlockISB, fixed[:], nil, endOpts(o))
}

// WriteNameRecords writes a Name Resolution Block with the given records.
// It writes nothing and returns an error for a record readers would
// misread: type 0 (which ends the list, dropping the records after it),
// an IPv4 or IPv6 record whose address is not 4 or 16 bytes or that has no
// name, and a name containing a NUL byte (which would split it in two).
func (w *NGWriter) WriteNameRecords(recs []NameRecord) error {
	var b []byte
	for _, rec := range recs {
		if err := checkNameRecord(rec); err != nil {
			return err
		}
		val := append([]byte(nil), rec.Addr...)
		for _, n := range rec.Names {
			val = append(append(val, n...), 0)
		}
		if len(val) > maxOptLen {
			return errors.New("name record too long")
		}
		b = appendOpt(b, rec.Type, val)
	}
	b = append(b, 0, 0, 0, 0)
	return w.block(BlockNRB, nil, nil, b)
}

// checkNameRecord says why rec cannot be written as it is, if it cannot.
func checkNameRecord(rec NameRecord) error {
	addrLen := 0 // of the types whose address length the format fixes
	switch rec.Type {
	case 1:
		addrLen = 4
	case 2:
		addrLen = 16
	}
	switch {
	case rec.Type == 0:
		return errors.New("name record of type 0 (the end of the list)")
	case addrLen != 0 && len(rec.Addr) != addrLen:
		return fmt.Errorf("name record of type %d with a %d-byte address (want %d)", rec.Type, len(rec.Addr), addrLen)
	case addrLen != 0 && len(rec.Names) == 0:
		return fmt.Errorf("name record of type %d without a name", rec.Type)
	}
	for _, n := range rec.Names {
		if strings.IndexByte(n, 0) >= 0 {
			return fmt.Errorf("name %q in a name record contains a NUL byte", n)
		}
	}
	return nil
}

// WriteDecryptionSecret writes a Decryption Secrets Block.
func (w *NGWriter) WriteDecryptionSecret(s DecryptionSecret) error {
	var fixed [8]byte
	binary.LittleEndian.PutUint32(fixed[0:], s.Type)
	binary.LittleEndian.PutUint32(fixed[4:], uint32(len(s.Data)))
	return w.block(BlockDSB, fixed[:], s.Data, nil)
}

// WriteCustomBlock writes a custom block for the private enterprise
// number pen. Readers may copy it to other files only when copyable.
func (w *NGWriter) WriteCustomBlock(pen uint32, data []byte, copyable bool) error {
	var fixed [4]byte
	binary.LittleEndian.PutUint32(fixed[:], pen)
	bt := BlockCustom
	if !copyable {
		bt = BlockCustomNoCp
	}
	return w.block(bt, fixed[:], data, nil)
}

// Flush writes any buffered data to the underlying writer: see
// Writer.Flush.
func (w *NGWriter) Flush() error { return w.flush() }

// Size returns the size of the file written so far, buffered blocks
// included: see Writer.Size.
func (w *NGWriter) Size() int64 { return w.size() }

// Close flushes the writer. It does not close the underlying io.Writer.
func (w *NGWriter) Close() error { return w.close(os.ErrClosed) }
