package savefile

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/purepcap/pcap/linktype"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
)

// writeAllBlocks writes a pcapng file using every NGWriter feature.
func writeAllBlocks(t *testing.T) ([]byte, []testutil.Packet) {
	var buf bytes.Buffer
	w, err := NewNGWriter(&buf, NGWriterOptions{Hardware: "hw", OS: "Linux", UserAppl: "purepcap test", Comments: []string{"section comment"}})
	require.NoError(t, err)
	ifs := []Interface{
		{LinkType: linktype.Ethernet, Snaplen: 65535, Name: "eth0", Description: "first", Filter: "tcp", OS: "Linux 6", Hardware: "nic", Speed: 1e9, FCSLength: 4, TSResol: 9, Comments: []string{"if comment"}},
		{LinkType: linktype.Ethernet, Snaplen: 65535, Name: "eth1", TSResol: 6},
		{LinkType: linktype.Ethernet, Snaplen: 65535, Name: "eth2", TSResol: 0x94, TSOffset: 1000},
		{LinkType: linktype.Ethernet, Snaplen: 65535, Name: "eth3", TSResol: 3, Options: []Option{{OptIfMACAddr, []byte{0, 1, 2, 3, 4, 5}}}},
	}
	for i, in := range ifs {
		id, err := w.AddInterface(in)
		require.NoError(t, err)
		require.Equal(t, i, id)
	}
	require.NoError(t, w.WriteNameRecords([]NameRecord{{Type: 1, Addr: []byte{127, 0, 0, 1}, Names: []string{"localhost", "lo"}}, {Type: 2, Addr: make([]byte, 16), Names: []string{"any6"}}}))
	require.NoError(t, w.WriteDecryptionSecret(DecryptionSecret{Type: 0x544c534b, Data: []byte("CLIENT_RANDOM 00 11\n")}))
	require.NoError(t, w.WriteCustomBlock(32473, []byte("custom data"), true))
	require.NoError(t, w.WriteCustomBlock(32473, []byte("private"), false))

	var want []testutil.Packet
	base := time.Unix(1700000000, 123456789)
	for i := 0; i < 8; i++ {
		iface := i % len(ifs)
		ts := base.Add(time.Duration(i) * time.Second)
		switch iface { // what each interface's resolution can hold
		case 1:
			ts = ts.Truncate(time.Microsecond)
		case 2: // 2^-20 s units
			ts = time.Unix(ts.Unix(), int64(129453+i)*1e9>>20)
		case 3:
			ts = ts.Truncate(time.Millisecond)
		}
		data := bytes.Repeat([]byte{byte(i)}, 60+i)
		ci := CaptureInfo{Timestamp: ts, CaptureLength: len(data), Length: 100 + i, InterfaceIndex: iface}
		if i%2 == 0 {
			require.NoError(t, w.WritePacket(ci, data))
		} else {
			po := PacketOptions{Flags: uint32(i%3) + 1, HasFlags: true, DropCount: uint64(i), HasDropCount: true,
				PacketID: 77, HasPacketID: true, Queue: 3, HasQueue: true, Hashes: [][]byte{{2, 1, 2, 3, 4}},
				Verdicts: [][]byte{{0, 9}}, Comments: []string{"packet comment"}}
			require.NoError(t, w.WritePacketOptions(ci, data, &po))
		}
		want = append(want, testutil.Packet{Timestamp: ts, Length: 100 + i, Data: data})
	}
	require.NoError(t, w.WriteStatistics(0, InterfaceStatistics{Timestamp: 5, IfRecv: 100, IfDrop: 1, StartTime: 7, Present: 1<<OptISBIfRecv | 1<<OptISBIfDrop | 1<<OptISBStartTime, Comments: []string{"stats"}}))
	require.NoError(t, w.Close())
	return buf.Bytes(), want
}

func TestNGWriterBlocks(t *testing.T) {
	file, want := writeAllBlocks(t)
	r, err := NewReader(bytes.NewReader(file))
	require.NoError(t, err)
	sh := r.Section()
	assert.Equal(t, "hw", sh.Hardware)
	assert.Equal(t, "Linux", sh.OS)
	assert.Equal(t, "purepcap test", sh.UserAppl)
	assert.Equal(t, []string{"section comment"}, sh.Comments)

	var got []testutil.Packet
	for i := 0; ; i++ {
		data, ci, err := r.ReadPacketData()
		if err != nil {
			require.ErrorIs(t, err, io.EOF)
			break
		}
		assert.Equal(t, i%4, ci.InterfaceIndex)
		got = append(got, testutil.Packet{Timestamp: ci.Timestamp, Length: ci.Length, Data: data})
		po, err := r.PacketOptions()
		require.NoError(t, err)
		if i%2 == 1 {
			assert.Equal(t, uint32(i%3)+1, po.Flags)
			assert.True(t, po.HasDropCount)
			assert.Equal(t, uint64(i), po.DropCount)
			assert.Equal(t, uint64(77), po.PacketID)
			assert.Equal(t, uint32(3), po.Queue)
			assert.Equal(t, [][]byte{{2, 1, 2, 3, 4}}, po.Hashes)
			assert.Equal(t, [][]byte{{0, 9}}, po.Verdicts)
			assert.Equal(t, []string{"packet comment"}, po.Comments)
		} else {
			assert.Empty(t, po.Options)
		}
	}
	testutil.ComparePackets(t, "savefile", want, got, false)

	ifs := r.Interfaces()
	require.Len(t, ifs, 4)
	assert.Equal(t, "eth0", ifs[0].Name)
	assert.Equal(t, "first", ifs[0].Description)
	assert.Equal(t, "tcp", ifs[0].Filter)
	assert.Equal(t, "Linux 6", ifs[0].OS)
	assert.Equal(t, "nic", ifs[0].Hardware)
	assert.Equal(t, uint64(1e9), ifs[0].Speed)
	assert.Equal(t, 4, ifs[0].FCSLength)
	assert.Equal(t, byte(9), ifs[0].TSResol)
	assert.Equal(t, []string{"if comment"}, ifs[0].Comments)
	assert.Equal(t, byte(6), ifs[1].TSResol)
	assert.Equal(t, -1, ifs[1].FCSLength)
	assert.Equal(t, byte(0x94), ifs[2].TSResol)
	assert.Equal(t, int64(1000), ifs[2].TSOffset)
	assert.Contains(t, ifs[3].Options, Option{OptIfMACAddr, []byte{0, 1, 2, 3, 4, 5}})
	require.True(t, ifs[0].HasStats)
	assert.Equal(t, uint64(100), ifs[0].Stats.IfRecv)
	assert.Equal(t, uint64(1), ifs[0].Stats.IfDrop)
	assert.Equal(t, uint64(7), ifs[0].Stats.StartTime)
	assert.Equal(t, []string{"stats"}, ifs[0].Stats.Comments)
	assert.False(t, ifs[1].HasStats)

	require.Len(t, r.NameRecords(), 2)
	assert.Equal(t, []string{"localhost", "lo"}, r.NameRecords()[0].Names)
	assert.Equal(t, []byte{127, 0, 0, 1}, r.NameRecords()[0].Addr)
	require.Len(t, r.DecryptionSecrets(), 1)
	assert.Equal(t, "CLIENT_RANDOM 00 11\n", string(r.DecryptionSecrets()[0].Data))

	// libpcap (through tcpdump) and tshark read it back unchanged.
	if tcpdump := testutil.OptionalTool(t, "tcpdump"); tcpdump != "" {
		dir := t.TempDir()
		in, back := filepath.Join(dir, "all.pcapng"), filepath.Join(dir, "back.pcap")
		require.NoError(t, os.WriteFile(in, file, 0o644))
		out, err := exec.Command(tcpdump, "-Z", "root", "--time-stamp-precision=nano", "-r", in, "-w", back).CombinedOutput()
		require.NoError(t, err, "%s", out)
		testutil.ComparePackets(t, "tcpdump", want, packetsOf(t, mustRead(t, back)), false)

		tshark := testutil.Tool(t, "tshark")
		testutil.ComparePackets(t, "tshark", want, testutil.TsharkPackets(t, tshark, in), false)
		cmd := exec.Command(tshark, "-r", in, "-T", "fields", "-e", "frame.comment")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		comments, err := cmd.Output()
		require.NoError(t, err, "%s", stderr.String())
		assert.Equal(t, 4, strings.Count(string(comments), "packet comment"))
	}
}

// TestNGWriterOptionTooLong checks that a value too long for an option's
// 16-bit length is an error, not a wrapped length field that corrupts the
// file.
func TestNGWriterOptionTooLong(t *testing.T) {
	long := strings.Repeat("x", 0x10000)
	_, err := NewNGWriter(io.Discard, NGWriterOptions{Comments: []string{long}})
	require.Error(t, err)
	_, err = NewNGWriter(io.Discard, NGWriterOptions{Hardware: long})
	require.Error(t, err)

	var buf bytes.Buffer
	w, err := NewNGWriter(&buf, NGWriterOptions{})
	require.NoError(t, err)
	for _, in := range []Interface{
		{LinkType: linktype.Ethernet, Name: long},
		{LinkType: linktype.Ethernet, Filter: long[1:]}, // plus the filter type byte
		{LinkType: linktype.Ethernet, Comments: []string{long}},
		{LinkType: linktype.Ethernet, Options: []Option{{OptIfMACAddr, []byte(long)}}},
	} {
		_, err := w.AddInterface(in)
		require.Error(t, err)
	}
	id, err := w.AddInterface(Interface{LinkType: linktype.Ethernet, Name: long[:0xffff]})
	require.NoError(t, err, "the longest value that fits")
	ci := CaptureInfo{Timestamp: time.Unix(1700000000, 0), CaptureLength: 1, Length: 1, InterfaceIndex: id}
	require.Error(t, w.WritePacketOptions(ci, []byte{0}, &PacketOptions{Comments: []string{long}}))
	require.Error(t, w.WritePacketOptions(ci, []byte{0}, &PacketOptions{Hashes: [][]byte{[]byte(long)}}))
	require.Error(t, w.WriteStatistics(id, InterfaceStatistics{Comments: []string{long}}))
	require.NoError(t, w.WritePacket(ci, []byte{0}))
	require.NoError(t, w.Close())

	// What was written reads back.
	r, err := NewReader(&buf)
	require.NoError(t, err)
	_, _, err = r.ReadPacketData()
	require.NoError(t, err)
	assert.Equal(t, long[:0xffff], r.Interfaces()[id].Name)
}

// TestWriteNameRecordsChecksRecords checks that records a reader would
// misread are refused and nothing is written.
func TestWriteNameRecordsChecksRecords(t *testing.T) {
	for _, tc := range []struct {
		rec  NameRecord
		want string
	}{
		{NameRecord{Type: 0, Addr: []byte{1, 2, 3, 4}, Names: []string{"a"}}, "type 0"},
		{NameRecord{Type: 1, Addr: []byte{1, 2, 3}, Names: []string{"a"}}, "3-byte address (want 4)"},
		{NameRecord{Type: 2, Addr: make([]byte, 4), Names: []string{"a"}}, "4-byte address (want 16)"},
		{NameRecord{Type: 1, Addr: []byte{1, 2, 3, 4}}, "without a name"},
		{NameRecord{Type: 1, Addr: []byte{1, 2, 3, 4}, Names: []string{"a\x00b"}}, "NUL byte"},
	} {
		var buf bytes.Buffer
		w, err := NewNGWriter(&buf, NGWriterOptions{})
		require.NoError(t, err)
		require.NoError(t, w.Flush())
		n := buf.Len()
		ok := NameRecord{Type: 1, Addr: []byte{10, 0, 0, 1}, Names: []string{"host"}}
		err = w.WriteNameRecords([]NameRecord{ok, tc.rec})
		require.ErrorContains(t, err, tc.want)
		require.NoError(t, w.Flush())
		require.Equal(t, n, buf.Len(), "bytes written for a refused block")
	}
	// A record of another type keeps its address as given.
	var buf bytes.Buffer
	w, err := NewNGWriter(&buf, NGWriterOptions{})
	require.NoError(t, err)
	require.NoError(t, w.WriteNameRecords([]NameRecord{{Type: 9, Addr: []byte{1, 2, 3}, Names: []string{"x"}}}))
}
