package savefile

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/linktype"
)

// TestWriterSize checks that Size is the size of the file written so far,
// buffered bytes included, for both writers, with packets that go through
// the buffer and one too big for it.
func TestWriterSize(t *testing.T) {
	ts := time.Unix(1700000000, 0)
	sizes := []int{60, 1500, writeBufSize + 100, 0, 9000}
	t.Run("pcap", func(t *testing.T) {
		var buf bytes.Buffer
		w, err := NewWriter(&buf, WriterOptions{LinkType: linktype.Ethernet, Snaplen: 1 << 20})
		require.NoError(t, err)
		require.EqualValues(t, pcapFileHeaderLen, w.Size())
		want := int64(pcapFileHeaderLen)
		for _, n := range sizes {
			pkt := make([]byte, n)
			require.NoError(t, w.WritePacket(CaptureInfo{Timestamp: ts, CaptureLength: n, Length: n}, pkt))
			want += int64(pcapRecordLen + n)
			require.Equal(t, want, w.Size())
		}
		require.NoError(t, w.Close())
		require.EqualValues(t, buf.Len(), w.Size())
	})
	t.Run("pcapng", func(t *testing.T) {
		var buf bytes.Buffer
		w, err := NewNGWriter(&buf, NGWriterOptions{})
		require.NoError(t, err)
		_, err = w.AddInterface(Interface{LinkType: linktype.Ethernet, TSResol: 9})
		require.NoError(t, err)
		for _, n := range sizes {
			pkt := make([]byte, n)
			require.NoError(t, w.WritePacket(CaptureInfo{Timestamp: ts, CaptureLength: n, Length: n}, pkt))
			require.NoError(t, w.WritePacketOptions(CaptureInfo{Timestamp: ts, CaptureLength: n, Length: n}, pkt, &PacketOptions{Comments: []string{"c"}}))
			size := w.Size()
			require.NoError(t, w.Flush())
			require.EqualValues(t, buf.Len(), size, "size before the flush")
		}
		require.NoError(t, w.Close())
		require.EqualValues(t, buf.Len(), w.Size())
	})
}
