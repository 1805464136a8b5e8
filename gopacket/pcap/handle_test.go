package pcap_test

import (
	"errors"
	"io"
	"os"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/gopacket/pcap"
)

// A *Handle is what gopacket.NewPacketSource and friends take, unconverted.
var (
	_ gopacket.PacketDataSource         = (*pcap.Handle)(nil)
	_ gopacket.ZeroCopyPacketDataSource = (*pcap.Handle)(nil)
)

func TestOfflineHandle(t *testing.T) {
	h, err := pcap.OpenOffline(writeCapture(t, 3, layers.LinkTypeEthernet))
	require.NoError(t, err)
	defer h.Close()

	assert.Equal(t, layers.LinkTypeEthernet, h.LinkType())
	assert.Equal(t, 65536, h.SnapLen())
	assert.Equal(t, gopacket.TimestampResolutionNanosecond, h.Resolution())

	_, err = h.Stats()
	assert.EqualError(t, err, "Statistics aren't available from savefiles")
	assert.EqualError(t, h.WritePacketData([]byte{1}), "Sending packets isn't supported on savefiles")
	assert.EqualError(t, h.Error(), "Sending packets isn't supported on savefiles")

	dl, err := h.ListDataLinks()
	require.NoError(t, err)
	assert.Equal(t, []pcap.Datalink{{Name: "EN10MB", Description: "Ethernet"}}, dl)
	assert.NoError(t, h.SetLinkType(layers.LinkTypeEthernet))
	assert.Error(t, h.SetLinkType(layers.LinkTypeRaw))
	assert.EqualError(t, h.SetDirection(7), "Invalid direction: 7")

	data, ci, err := h.ZeroCopyReadPacketData()
	require.NoError(t, err)
	assert.Len(t, data, 60)
	assert.Equal(t, gopacket.CaptureInfo{Timestamp: time.Unix(1700000000, 0), CaptureLength: 60, Length: 60}, ci)

	require.NoError(t, h.SetBPFFilter("udp"))
	_, _, err = h.ReadPacketData()
	assert.Equal(t, io.EOF, err, "the filter drops the rest, then the file ends")
	_, _, err = h.ReadPacketData()
	assert.Equal(t, io.EOF, err)

	h.Close()
	_, _, err = h.ReadPacketData()
	assert.Equal(t, io.EOF, err, "reads after Close")
	h.Close()
}

func TestOpenOfflineErrors(t *testing.T) {
	_, err := pcap.OpenOffline("/nonexistent/file.pcap")
	assert.EqualError(t, err, "/nonexistent/file.pcap: No such file or directory")
	assert.ErrorIs(t, err, os.ErrNotExist)

	bad := writeFile(t, []byte{0xab, 0xad, 0x1d, 0xea})
	_, err = pcap.OpenOffline(bad)
	assert.EqualError(t, err, "unknown file format")

	empty := writeFile(t, nil)
	_, err = pcap.OpenOffline(empty)
	assert.EqualError(t, err, "truncated dump file; tried to read 4 file header bytes, only got 0")
}

func writeFile(t *testing.T, b []byte) string {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "file")
	require.NoError(t, err)
	_, err = f.Write(b)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	return f.Name()
}

// TestReadErrorIsFinal: a damaged savefile gives NextErrorReadError once,
// with the reason in Error, then io.EOF.
func TestReadErrorIsFinal(t *testing.T) {
	path := writeCapture(t, 2, layers.LinkTypeEthernet)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	// Second record: claim 100000 captured bytes, more than the snaplen.
	rec2 := 24 + 16 + 60
	b[rec2+8], b[rec2+9], b[rec2+10], b[rec2+11] = 0xa0, 0x86, 0x01, 0x00
	require.NoError(t, os.WriteFile(path, b, 0o644))

	h, err := pcap.OpenOffline(path)
	require.NoError(t, err)
	defer h.Close()
	_, _, err = h.ReadPacketData()
	require.NoError(t, err)
	_, _, err = h.ReadPacketData()
	assert.Equal(t, pcap.NextErrorReadError, err)
	assert.NotEmpty(t, h.Error().Error())
	_, _, err = h.ReadPacketData()
	assert.Equal(t, io.EOF, err)
}

func TestLinkTypeIsDLT(t *testing.T) {
	h, err := pcap.OpenOffline(writeCapture(t, 1, layers.LinkTypeRaw))
	require.NoError(t, err)
	defer h.Close()
	assert.Equal(t, layers.LinkType(12), h.LinkType(), "LINKTYPE_RAW is DLT_RAW, 12, as libpcap's pcap_datalink says")
	dl, err := h.ListDataLinks()
	require.NoError(t, err)
	assert.Equal(t, []pcap.Datalink{{Name: "RAW", Description: "Raw IP"}}, dl)
}

func TestDatalinkNames(t *testing.T) {
	for _, tc := range []struct {
		dlt        int
		name, desc string
	}{
		{0, "NULL", "BSD loopback"},
		{1, "EN10MB", "Ethernet"},
		{12, "RAW", "Raw IP"},
		{101, "", ""}, // LINKTYPE_RAW is no DLT on Linux
		{113, "LINUX_SLL", "Linux cooked v1"},
		{3, "", ""},
		{-1, "", ""},
		{2000, "", ""},
	} {
		assert.Equal(t, tc.name, pcap.DatalinkValToName(tc.dlt), "%d", tc.dlt)
		assert.Equal(t, tc.desc, pcap.DatalinkValToDescription(tc.dlt), "%d", tc.dlt)
	}
	for name, want := range map[string]int{"EN10MB": 1, "en10mb": 1, "DLT_EN10MB": -1, "RAW": 12, "LINUX_SLL2": 276, "foo": -1} {
		assert.Equal(t, want, pcap.DatalinkNameToVal(name), name)
	}
}

func TestTimestampSources(t *testing.T) {
	for i, name := range []string{"host", "host_lowprec", "host_hiprec", "adapter", "adapter_unsynced", "host_hiprec_unsynced"} {
		assert.Equal(t, name, pcap.TimestampSource(i).String())
		got, err := pcap.TimestampSourceFromString(name)
		require.NoError(t, err)
		assert.Equal(t, pcap.TimestampSource(i), got)
	}
	assert.Equal(t, "", pcap.TimestampSource(6).String())
	_, err := pcap.TimestampSourceFromString("foo")
	assert.Error(t, err)
	got, err := pcap.TimestampSourceFromString("HOST")
	require.NoError(t, err)
	assert.Equal(t, pcap.TimestampSource(0), got)
}

func TestInactiveHandleFeatures(t *testing.T) {
	ih, err := pcap.NewInactiveHandle("lo")
	require.NoError(t, err)
	defer ih.CleanUp()
	assert.Same(t, pcap.CannotSetRFMon, ih.SetRFMon(true))
	assert.Equal(t, []pcap.TimestampSource{0}, ih.SupportedTimestamps())
	assert.NoError(t, ih.SetTimestampSource(0))
	assert.NoError(t, ih.SetWantPktap(true))
}

func TestCompileBPFFilter(t *testing.T) {
	// tcpdump -dd -s 65535 ip (libpcap 1.10.3)
	prog, err := pcap.CompileBPFFilter(layers.LinkTypeEthernet, 65535, "ip")
	require.NoError(t, err)
	assert.Equal(t, []pcap.BPFInstruction{{0x28, 0, 0, 12}, {0x15, 0, 1, 0x800}, {0x6, 0, 0, 65535}, {0x6, 0, 0, 0}}, prog)
	// The link type is a DLT_* value: DLT_RAW is 12; 101, LINKTYPE_RAW, is none.
	p12, err := pcap.CompileBPFFilter(12, 65535, "ip")
	require.NoError(t, err)
	assert.Equal(t, []pcap.BPFInstruction{{0x30, 0, 0, 0}, {0x54, 0, 0, 0xf0}, {0x15, 0, 1, 0x40}, {0x6, 0, 0, 65535}, {0x6, 0, 0, 0}}, p12)
	_, err = pcap.CompileBPFFilter(layers.LinkTypeRaw, 65535, "ip")
	assert.EqualError(t, err, "unknown data link type 101")
	_, err = pcap.CompileBPFFilter(layers.LinkTypeEthernet, 0, "ip")
	assert.EqualError(t, err, "snaplen of 0 rejects all packets")

	b, err := pcap.NewBPF(layers.LinkTypeEthernet, 65535, "less 100")
	require.NoError(t, err)
	assert.Equal(t, "less 100", b.String())
	assert.True(t, b.Matches(gopacket.CaptureInfo{Length: 60}, make([]byte, 60)))
	assert.False(t, b.Matches(gopacket.CaptureInfo{Length: 1500}, make([]byte, 60)), "the wire length decides")
}

// TestReadTimeout: a live read that times out returns NextErrorTimeoutExpired.
func TestReadTimeout(t *testing.T) {
	h := openLoopback(t, 100*time.Millisecond)
	require.NoError(t, h.SetBPFFilter("ip proto 253"))
	start := time.Now()
	_, _, err := h.ReadPacketData()
	assert.Equal(t, pcap.NextErrorTimeoutExpired, err)
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.Equal(t, gopacket.TimestampResolutionMicrosecond, h.Resolution(), "OpenLive has microsecond time stamps")
	_, err = h.Stats()
	require.NoError(t, err, "Stats on a live handle")
	h.Close()
	_, err = h.Stats()
	assert.True(t, errors.Is(err, os.ErrClosed), "Stats after Close: %v", err)
}

// TestConstants: the values are libpcap's and gopacket's.
func TestConstants(t *testing.T) {
	assert.Equal(t, pcap.Direction(0), pcap.DirectionInOut)
	assert.Equal(t, pcap.Direction(1), pcap.DirectionIn)
	assert.Equal(t, pcap.Direction(2), pcap.DirectionOut)
	assert.Equal(t, -3, pcap.ErrNotActive)
	assert.Equal(t, 4096, pcap.MaxBpfInstructions)
	assert.Equal(t, -10*time.Millisecond, pcap.BlockForever)
	assert.Equal(t, "Timeout Expired", pcap.NextErrorTimeoutExpired.Error())
	assert.Equal(t, "Read Error", pcap.NextErrorReadError.Error())
	assert.Equal(t, "7", pcap.NextError(7).Error())
}
