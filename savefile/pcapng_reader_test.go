package savefile

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/linktype"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPcapNGLibraryMode reads files that libpcap rejects part way through
// (mixed link types, a section in the other byte order) in the default
// mode, where each packet carries its interface.
func TestPcapNGLibraryMode(t *testing.T) {
	r, err := NewReader(bytes.NewReader(mustRead(t, "testdata/crafted/ng-mixed-linktypes.pcapng")))
	require.NoError(t, err)
	var ifaces []int
	for {
		_, ci, err := r.ReadPacketData()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		ifaces = append(ifaces, ci.InterfaceIndex)
	}
	assert.Equal(t, []int{0, 1}, ifaces)
	require.Len(t, r.Interfaces(), 2)
	assert.Equal(t, linktype.Ethernet, r.Interfaces()[0].LinkType)
	assert.Equal(t, linktype.LinuxSLL, r.Interfaces()[1].LinkType)

	r, err = NewReader(bytes.NewReader(mustRead(t, "testdata/crafted/ng-two-sections-mixed-order.pcapng")))
	require.NoError(t, err)
	n := 0
	for range r.Packets() {
		n++
	}
	require.NoError(t, r.Err())
	assert.Equal(t, 2, n)
	assert.Equal(t, 2, r.Sections())
	assert.Equal(t, "BigEndian", r.ByteOrder().String())

	_, err = NewReaderOptions(bytes.NewReader(mustRead(t, "testdata/crafted/ng-two-sections-mixed-order.pcapng")), ReaderOptions{Libpcap: true})
	require.NoError(t, err)
}

// TestPcapNGTimestamps checks the time stamp conversions of each
// resolution, in the CaptureInfo and as libpcap reports them.
func TestPcapNGTimestamps(t *testing.T) {
	tests := []struct {
		file        string
		ts          time.Time
		micro, nano int64 // Timeval fractions
	}{
		{"ng-tsresol-nano.pcapng", time.Unix(1234567891, 234567891), 234567, 234567891},
		{"ng-tsresol-milli.pcapng", time.Unix(1234567891, 234000000), 234000, 234000000},
		{"ng-tsresol-bin20.pcapng", time.Unix(1600000000, 741745948), 741745, 741745948},
		{"ng-tsoffset.pcapng", time.Unix(1000001, 5000), 5, 5000},
		{"ng-basic.pcapng", time.Unix(1, 5000), 5, 5000},
	}
	for _, tt := range tests {
		r, err := NewReader(bytes.NewReader(mustRead(t, "testdata/crafted/"+tt.file)))
		require.NoError(t, err, tt.file)
		_, ci, err := r.ReadPacketData()
		require.NoError(t, err, tt.file)
		assert.True(t, tt.ts.Equal(ci.Timestamp), "%s: %v, want %v", tt.file, ci.Timestamp, tt.ts)
		_, frac := r.Timeval(false)
		assert.Equal(t, tt.micro, frac, tt.file)
		_, frac = r.Timeval(true)
		assert.Equal(t, tt.nano, frac, tt.file)
	}
}

func TestTimevalBeforeFirstPacket(t *testing.T) {
	for _, f := range []string{"testdata/crafted/ng-basic.pcapng", filepath.Join(testutil.CapturesDir(t), "kday2.pcap")} {
		r, err := NewReader(bytes.NewReader(mustRead(t, f)))
		require.NoError(t, err)
		sec, frac := r.Timeval(true)
		assert.Zero(t, sec+frac)
		po, err := r.PacketOptions()
		require.NoError(t, err)
		assert.Empty(t, po.Options)
	}
}

// TestPacketOptionsOnlyForLastPacket checks that PacketOptions does not
// parse the memory of a packet it no longer has: after a failed read
// (the buffer may hold other bytes) it returns no options, and after
// Close (a mapping is gone) os.ErrClosed instead of a SIGSEGV.
func TestPacketOptionsOnlyForLastPacket(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewNGWriter(&buf, NGWriterOptions{})
	require.NoError(t, err)
	_, err = w.AddInterface(Interface{LinkType: linktype.Ethernet})
	require.NoError(t, err)
	ci := CaptureInfo{Timestamp: time.Unix(1700000000, 0), CaptureLength: 60, Length: 60}
	require.NoError(t, w.WritePacketOptions(ci, make([]byte, 60), &PacketOptions{Comments: []string{"hello"}}))
	require.NoError(t, w.Close())
	file := buf.Bytes()

	t.Run("after a failed read", func(t *testing.T) {
		// a second packet block cut short after its header
		b := append(bytes.Clone(file), 6, 0, 0, 0, 64, 0, 0, 0)
		r, err := NewReader(bytes.NewReader(b))
		require.NoError(t, err)
		_, _, err = r.ReadPacketData()
		require.NoError(t, err)
		po, err := r.PacketOptions()
		require.NoError(t, err)
		require.Equal(t, []string{"hello"}, po.Comments)
		_, _, err = r.ReadPacketData()
		require.Error(t, err)
		po, err = r.PacketOptions()
		require.NoError(t, err)
		assert.Empty(t, po.Comments)
		assert.Empty(t, po.Options)
	})
	t.Run("after Close", func(t *testing.T) {
		name := filepath.Join(t.TempDir(), "opts.pcapng")
		require.NoError(t, os.WriteFile(name, file, 0o644))
		r, err := Open(name, ReaderOptions{})
		require.NoError(t, err)
		_, _, err = r.ReadPacketData()
		require.NoError(t, err)
		require.NoError(t, r.Close())
		_, err = r.PacketOptions()
		require.ErrorIs(t, err, os.ErrClosed)
	})
}

// TestErrAfterClose: Err is nil when reading ended at the end of the file
// or because of Close, as pcap.Handle.Err is, and the read error
// otherwise.
func TestErrAfterClose(t *testing.T) {
	file := mustRead(t, "testdata/crafted/ng-mixed-linktypes.pcapng")
	tests := []struct {
		name    string
		file    []byte
		close   bool // Close inside the loop, after the first packet
		wantErr bool
	}{
		{"end of file", file, false, false},
		{"closed", file, true, false},
		{"truncated", file[:len(file)-3], false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewReader(bytes.NewReader(tt.file))
			require.NoError(t, err)
			n := 0
			for range r.Packets() {
				if n++; tt.close {
					require.NoError(t, r.Close())
				}
			}
			if tt.close {
				assert.Equal(t, 1, n)
			} else {
				assert.Positive(t, n)
			}
			if tt.wantErr {
				assert.Error(t, r.Err())
			} else {
				assert.NoError(t, r.Err())
			}
		})
	}
}
