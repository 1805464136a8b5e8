package savefile

import (
	"bytes"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/linktype"
)

// bigBlockPacket is a packet of bigBlocks: its length and whether it is
// written with options.
type bigBlockPacket struct {
	n    int
	opts bool
}

// bigBlocks mixes packets that fit the buffer with blocks of several MB,
// with and without options, of lengths that need padding or not.
var bigBlocks = []bigBlockPacket{
	{60, false}, {5<<20 + 3, false}, {1500, true}, {6 << 20, true},
	{writeBufSize, false}, {3<<20 + 1, true}, {100, false},
}

// writeBigBlocks writes bigBlocks to w, checking after each block that
// Size counts it and, unless keep is false, that w's buffer is back to its
// usual size. It returns the packets written.
func writeBigBlocks(t *testing.T, w *NGWriter, out *bytes.Buffer, keep bool) [][]byte {
	t.Helper()
	_, err := w.AddInterface(Interface{LinkType: linktype.DBus, TSResol: 9}) // D-Bus: up to 128 MB a packet
	require.NoError(t, err)
	var pkts [][]byte
	for i, p := range bigBlocks {
		data := make([]byte, p.n)
		for j := range data {
			data[j] = byte(i + j*7)
		}
		ci := CaptureInfo{Timestamp: time.Unix(1700000000, int64(i)), CaptureLength: p.n, Length: p.n + 1}
		if p.opts {
			require.NoError(t, w.WritePacketOptions(ci, data, &PacketOptions{Comments: []string{fmt.Sprint("packet ", i)}, HasFlags: true, Flags: 1}))
		} else {
			require.NoError(t, w.WritePacket(ci, data))
		}
		pkts = append(pkts, data)
		if keep {
			assert.Len(t, w.buf, writeBufSize, "packet %d: buffer length", i)
			assert.Equal(t, writeBufSize, cap(w.buf), "packet %d: buffer capacity", i)
		}
		size := w.Size()
		require.NoError(t, w.Flush())
		assert.EqualValues(t, out.Len(), size, "packet %d: Size", i)
	}
	require.NoError(t, w.WriteCustomBlock(32473, make([]byte, 2<<20+2), true))
	if keep {
		assert.Len(t, w.buf, writeBufSize, "custom block: buffer length")
	}
	require.NoError(t, w.Close())
	assert.EqualValues(t, out.Len(), w.Size())
	return pkts
}

// TestNGWriterBigBlockKeepsBuffer writes blocks of several MB: the writer
// keeps its usual buffer, and the file is byte for byte what a writer
// with a buffer big enough for every block writes, and reads back.
func TestNGWriterBigBlockKeepsBuffer(t *testing.T) {
	var got, want bytes.Buffer
	w, err := NewNGWriter(&got, NGWriterOptions{FlushInterval: -1})
	require.NoError(t, err)
	pkts := writeBigBlocks(t, w, &got, true)

	ref, err := NewNGWriter(&want, NGWriterOptions{FlushInterval: -1})
	require.NoError(t, err)
	big := make([]byte, 16<<20) // every block goes through the buffer
	copy(big, ref.buf[:ref.n])
	ref.buf = big
	writeBigBlocks(t, ref, &want, false)
	require.True(t, bytes.Equal(want.Bytes(), got.Bytes()), "the bytes differ from the buffered writer's")

	r, err := NewReader(bytes.NewReader(got.Bytes()))
	require.NoError(t, err)
	i := 0
	for data, ci := range r.Packets() {
		require.Less(t, i, len(pkts))
		assert.True(t, bytes.Equal(pkts[i], data), "packet %d", i)
		assert.Equal(t, len(pkts[i])+1, ci.Length, "packet %d", i)
		i++
	}
	require.NoError(t, r.Err())
	assert.Equal(t, len(pkts), i)
}

// TestNGWriterBigBlockWriteError fills the disk at every part of a big
// block written past the buffer (header, data, padding, options, trailing
// length): the file ends at the block before it.
func TestNGWriterBigBlockWriteError(t *testing.T) {
	const n = 1<<20 + 1 // 3 bytes of padding
	var ok bytes.Buffer
	w, err := NewNGWriter(&ok, NGWriterOptions{FlushInterval: -1})
	require.NoError(t, err)
	_, err = w.AddInterface(Interface{LinkType: linktype.Ethernet})
	require.NoError(t, err)
	ci := CaptureInfo{Timestamp: time.Unix(1700000000, 0), CaptureLength: 60, Length: 60}
	require.NoError(t, w.WritePacket(ci, make([]byte, 60)))
	require.NoError(t, w.Flush())
	before := ok.Len()
	po := &PacketOptions{Comments: []string{"big"}}
	ci.CaptureLength, ci.Length = n, n
	require.NoError(t, w.WritePacketOptions(ci, make([]byte, n), po))
	require.NoError(t, w.Close())
	total := ok.Len() - before
	for _, cut := range []int{0, 3, 12, 28, 28 + 1000, 28 + n, 28 + n + 2, 28 + n + 3 + 5, total - 2} {
		f := &fullFile{limit: before + cut}
		w, err := NewNGWriter(f, NGWriterOptions{FlushInterval: -1})
		require.NoError(t, err)
		_, err = w.AddInterface(Interface{LinkType: linktype.Ethernet})
		require.NoError(t, err)
		ci := CaptureInfo{Timestamp: time.Unix(1700000000, 0), CaptureLength: 60, Length: 60}
		require.NoError(t, w.WritePacket(ci, make([]byte, 60)))
		ci.CaptureLength, ci.Length = n, n
		err = w.WritePacketOptions(ci, make([]byte, n), po)
		require.ErrorIs(t, err, syscall.ENOSPC, "cut at %d", cut)
		assert.Equal(t, ok.Bytes()[:before], f.data, "cut at %d: the file ends at the last whole block", cut)
		assert.EqualValues(t, before, w.Size(), "cut at %d", cut)
		assert.Len(t, w.buf, writeBufSize, "cut at %d", cut)
	}
}
