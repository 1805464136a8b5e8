package pcap_test

import (
	"io"
	"testing"

	"github.com/gopacket/gopacket/layers"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/gopacket/pcap"
)

// BenchmarkZeroCopyReadPacketData reads a savefile through the drop-in: the
// layer over the root package adds no allocation per packet.
func BenchmarkZeroCopyReadPacketData(b *testing.B) {
	path := writeCapture(b, 10000, layers.LinkTypeEthernet)
	h, err := pcap.OpenOffline(path)
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := h.ZeroCopyReadPacketData(); err == io.EOF {
			b.StopTimer()
			h.Close()
			h, err = pcap.OpenOffline(path)
			require.NoError(b, err)
			b.StartTimer()
		}
	}
	h.Close()
}
