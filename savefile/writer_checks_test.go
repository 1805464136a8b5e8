package savefile

import (
	"bytes"
	"encoding/binary"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/linktype"
)

// packetWriter is what both writers offer for one packet.
type packetWriter interface {
	WritePacket(CaptureInfo, []byte) error
	Flush() error
}

// newTestWriters returns makers of a pcap and a pcapng writer with
// snapshot length snap, each with the buffer it writes to, the headers
// already flushed.
func newTestWriters(t *testing.T, snap int) map[string]func() (packetWriter, *bytes.Buffer) {
	return map[string]func() (packetWriter, *bytes.Buffer){
		"pcap": func() (packetWriter, *bytes.Buffer) {
			var buf bytes.Buffer
			w, err := NewWriter(&buf, WriterOptions{LinkType: linktype.Ethernet, Snaplen: snap, Nanosecond: true})
			require.NoError(t, err)
			require.NoError(t, w.Flush())
			return w, &buf
		},
		"pcapng": func() (packetWriter, *bytes.Buffer) {
			var buf bytes.Buffer
			w, err := NewNGWriter(&buf, NGWriterOptions{})
			require.NoError(t, err)
			_, err = w.AddInterface(Interface{LinkType: linktype.Ethernet, Snaplen: snap})
			require.NoError(t, err)
			require.NoError(t, w.Flush())
			return w, &buf
		},
	}
}

// TestWritePacketChecksLengths: a packet whose lengths disagree, or that
// is longer than the snapshot length, is refused with an error naming the
// wrong length, and nothing is written.
func TestWritePacketChecksLengths(t *testing.T) {
	ts := time.Unix(1700000000, 5000)
	tests := []struct {
		name            string
		caplen, wire, n int
		want            string // in the error; "" for none
	}{
		{"capture length not the data", 50, 20, 10, "capture length 50 does not match the 10 bytes"},
		{"wire below capture", 10, 5, 10, "wire length 5 is less than the capture length 10"},
		{"above snaplen", 200, 200, 200, "capture length 200 exceeds the snapshot length 96"},
		{"at snaplen", 96, 1500, 96, ""},
		{"consistent", 60, 60, 60, ""},
	}
	for format, newW := range newTestWriters(t, 96) {
		for _, tt := range tests {
			t.Run(format+"/"+tt.name, func(t *testing.T) {
				w, buf := newW()
				before := buf.Len()
				ci := CaptureInfo{Timestamp: ts, CaptureLength: tt.caplen, Length: tt.wire}
				err := w.WritePacket(ci, make([]byte, tt.n))
				require.NoError(t, w.Flush())
				if tt.want == "" {
					require.NoError(t, err)
					assert.Greater(t, buf.Len(), before)
					return
				}
				require.ErrorContains(t, err, tt.want)
				assert.Equal(t, before, buf.Len(), "a refused packet was written")
				// The error is not sticky: the next good packet is written.
				require.NoError(t, w.WritePacket(CaptureInfo{Timestamp: ts, CaptureLength: 1, Length: 1}, []byte{1}))
			})
		}
	}
}

// TestWriteTimevalCopiesAsIs: the libpcap-exact path that pcapdump -w
// uses writes a damaged record (wire length below capture length, data
// beyond the snapshot length) as it is, as libpcap's pcap_dump does.
func TestWriteTimevalCopiesAsIs(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewWriter(&buf, WriterOptions{LinkType: linktype.Ethernet, Snaplen: 8})
	require.NoError(t, err)
	require.NoError(t, w.WriteTimeval(1, 2, 5, make([]byte, 10)))
	require.NoError(t, w.Close())
	rec := buf.Bytes()[pcapFileHeaderLen:]
	require.Len(t, rec, pcapRecordLen+10)
	assert.Equal(t, le32(1, 2, 10, 5), rec[:pcapRecordLen])
}

// TestNGWriterSnaplen: Interface.Snaplen is what the IDB says, and what
// the writer holds packets to.
func TestNGWriterSnaplen(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewNGWriter(&buf, NGWriterOptions{})
	require.NoError(t, err)
	id, err := w.AddInterface(Interface{LinkType: linktype.Ethernet, Snaplen: 96})
	require.NoError(t, err)
	ci := CaptureInfo{Timestamp: time.Unix(1700000000, 0), CaptureLength: 200, Length: 200, InterfaceIndex: id}
	require.ErrorContains(t, w.WritePacket(ci, make([]byte, 200)), "exceeds the snapshot length 96")
	ci.CaptureLength = 96
	require.NoError(t, w.WritePacket(ci, make([]byte, 96)))
	require.NoError(t, w.Close())

	r, err := NewReader(&buf)
	require.NoError(t, err)
	assert.Equal(t, 96, r.Snaplen())
	assert.Equal(t, 96, r.Interfaces()[0].Snaplen)
	n, err := readAllFrom(r)
	require.NoError(t, err)
	assert.Equal(t, 1, n)

	_, err = w.AddInterface(Interface{LinkType: linktype.Ethernet, Snaplen: -1})
	require.Error(t, err)
}

func readAllFrom(r *Reader) (int, error) {
	n := 0
	for range r.Packets() {
		n++
	}
	return n, r.Err()
}

// TestNGWriterTimeOutOfRange: a time stamp the interface's 64-bit count
// of units cannot hold is an error, not a wrapped count that reads back
// as another time.
func TestNGWriterTimeOutOfRange(t *testing.T) {
	y2023 := time.Date(2023, 5, 1, 12, 0, 0, 123456789, time.UTC)
	tests := []struct {
		name   string
		resol  byte
		offset int64
		ts     time.Time
		ok     bool
	}{
		{"ns 2023", 9, 0, y2023, true},
		{"2^-30 2023", 0x80 | 30, 0, y2023, true},
		{"us 2023", 6, 0, y2023, true},
		{"10^-11 2023", 11, 0, y2023, false},
		{"10^-19 2023", 19, 0, y2023, false},
		{"10^-19 near offset", 19, 1682942400, y2023, true},
		{"2^-40 2023", 0x80 | 40, 0, y2023, false},
		{"before 1970", 9, 0, time.Unix(-1, 0), false},
		{"before offset", 6, 1000, time.Unix(999, 999999000), false},
		{"at offset", 6, 1000, time.Unix(1000, 0), true},
		{"ns year 2600", 9, 0, time.Date(2600, 1, 1, 0, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewNGWriter(&buf, NGWriterOptions{})
			require.NoError(t, err)
			_, err = w.AddInterface(Interface{LinkType: linktype.Ethernet, TSResol: tt.resol, TSOffset: tt.offset})
			require.NoError(t, err)
			err = w.WritePacket(CaptureInfo{Timestamp: tt.ts, CaptureLength: 1, Length: 1}, []byte{0})
			require.NoError(t, w.Close())
			if !tt.ok {
				require.ErrorContains(t, err, "does not fit")
				return
			}
			require.NoError(t, err)
			r, err := NewReader(&buf)
			require.NoError(t, err)
			_, ci, err := r.ReadPacketData()
			require.NoError(t, err)
			assert.WithinDuration(t, tt.ts, ci.Timestamp, time.Microsecond)
		})
	}
}

// TestNGWriterRefusesResolution: resolutions too fine for 64 bits.
func TestNGWriterRefusesResolution(t *testing.T) {
	w, err := NewNGWriter(io.Discard, NGWriterOptions{})
	require.NoError(t, err)
	for _, res := range []byte{20, 0x80 | 64, 0xff} {
		_, err := w.AddInterface(Interface{LinkType: linktype.Ethernet, TSResol: res})
		require.Error(t, err, "if_tsresol %#x", res)
	}
}

// TestTSResolZeroRoundTrips: an IDB with if_tsresol 0 (seconds) read from
// a file and given to AddInterface keeps its resolution; the zero
// Interface still means nanoseconds.
func TestTSResolZeroRoundTrips(t *testing.T) {
	opt := binary.LittleEndian.AppendUint16(nil, OptIfTSResol)
	opt = binary.LittleEndian.AppendUint16(opt, 1)
	opt = append(opt, 0, 0, 0, 0, 0, 0, 0, 0) // value 0, padding, opt_endofopt
	idb := ngBlock(BlockIDB, append(le32(1, 65535), opt...))
	epb := ngBlock(BlockEPB, le32(0, 0, 1700000000, 1, 1, 0xaa))
	file := append(append(ngSHB(), idb...), epb...)

	copyFile := func(file []byte) ([]byte, Interface) {
		r, err := NewReader(bytes.NewReader(file))
		require.NoError(t, err)
		in := r.Interfaces()[0]
		var out bytes.Buffer
		w, err := NewNGWriter(&out, NGWriterOptions{})
		require.NoError(t, err)
		_, err = w.AddInterface(in)
		require.NoError(t, err)
		data, ci, err := r.ReadPacketData()
		require.NoError(t, err)
		assert.Equal(t, time.Unix(1700000000, 0), ci.Timestamp)
		require.NoError(t, w.WritePacket(ci, data))
		require.NoError(t, w.Close())
		return out.Bytes(), in
	}
	once, in := copyFile(file)
	assert.Equal(t, byte(0), in.TSResol)
	twice, in := copyFile(once)
	assert.Equal(t, byte(0), in.TSResol, "if_tsresol 0 became %d", in.TSResol)
	assert.Equal(t, once, twice)

	// The zero Interface: nanoseconds.
	var out bytes.Buffer
	w, err := NewNGWriter(&out, NGWriterOptions{})
	require.NoError(t, err)
	_, err = w.AddInterface(Interface{LinkType: linktype.Ethernet})
	require.NoError(t, err)
	require.NoError(t, w.Close())
	r, err := NewReader(&out)
	require.NoError(t, err)
	assert.Equal(t, byte(9), r.Interfaces()[0].TSResol)
}

// TestWriterTimeOutOfRange: pcap's 32-bit seconds.
func TestWriterTimeOutOfRange(t *testing.T) {
	w, err := NewWriter(io.Discard, WriterOptions{LinkType: linktype.Ethernet})
	require.NoError(t, err)
	for _, ts := range []time.Time{time.Unix(-1, 0), time.Unix(1<<32, 0)} {
		require.ErrorContains(t, w.WritePacket(CaptureInfo{Timestamp: ts, CaptureLength: 1, Length: 1}, []byte{0}), "does not fit", "%v", ts)
	}
	require.NoError(t, w.WritePacket(CaptureInfo{Timestamp: time.Unix(1<<32-1, 0), CaptureLength: 1, Length: 1}, []byte{0}))
}

// TestNGWriterBinaryResolutionRoundsDown: at a binary resolution coarser
// than nanoseconds a time stamp is written as the last unit at or before
// it, as at a decimal one, never a later time (1.5 s at 2^0 s units is 1
// s, not 2 s); a time read back from such a file is written unchanged.
func TestNGWriterBinaryResolutionRoundsDown(t *testing.T) {
	base := time.Unix(1700000000, 0)
	tests := []struct {
		name  string
		resol byte
		ts    time.Time
		want  time.Time
	}{
		{"2^0 half second", 0x80, base.Add(500 * time.Millisecond), base},
		{"2^0 last ns", 0x80, base.Add(time.Second - 1), base},
		{"2^0 whole", 0x80, base, base},
		{"2^-1 0.7 s", 0x81, base.Add(700 * time.Millisecond), base.Add(500 * time.Millisecond)},
		{"2^-10 read back", 0x8a, time.Unix(1700000000, 5*1e9>>10), time.Unix(1700000000, 5*1e9>>10)},
		{"2^-10 between", 0x8a, time.Unix(1700000000, 5*1e9>>10+100), time.Unix(1700000000, 5*1e9>>10)},
		{"2^-30 any ns", 0x80 | 30, time.Unix(1700000000, 123456789), time.Unix(1700000000, 123456789)},
		// finer than 2^-34 s, units*1e9 does not fit 64 bits
		{"2^-40 any ns", 0x80 | 40, time.Unix(1000, 999999999), time.Unix(1000, 999999999)},
		{"2^-63 any ns", 0x80 | 63, time.Unix(0, 987654321), time.Unix(0, 987654321)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewNGWriter(&buf, NGWriterOptions{})
			require.NoError(t, err)
			_, err = w.AddInterface(Interface{LinkType: linktype.Ethernet, TSResol: tt.resol})
			require.NoError(t, err)
			require.NoError(t, w.WritePacket(CaptureInfo{Timestamp: tt.ts, CaptureLength: 1, Length: 1}, []byte{0}))
			require.NoError(t, w.Close())
			r, err := NewReader(&buf)
			require.NoError(t, err)
			_, ci, err := r.ReadPacketData()
			require.NoError(t, err)
			assert.Equal(t, tt.want.UnixNano(), ci.Timestamp.UnixNano(), "read back %v", ci.Timestamp)
		})
	}
}
