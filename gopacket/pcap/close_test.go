package pcap_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/gopacket/pcap"
)

// closeLoopLimit is how soon after Close a PacketSource loop must end.
const closeLoopLimit = time.Second

// writeCapture writes n Ethernet frames of 60 bytes to a pcap file.
func writeCapture(t testing.TB, n int, lt layers.LinkType) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "capture.pcap")
	f, err := os.Create(path)
	require.NoError(t, err)
	defer f.Close()
	w := pcapgo.NewWriter(f)
	require.NoError(t, w.WriteFileHeader(65536, lt))
	frame := make([]byte, 60)
	copy(frame[12:], []byte{0x08, 0x00, 0x45})
	for i := range n {
		ci := gopacket.CaptureInfo{Timestamp: time.Unix(1700000000, int64(i)*1000), CaptureLength: len(frame), Length: len(frame)}
		require.NoError(t, w.WritePacket(ci, frame))
	}
	return path
}

// packetLoop runs a gopacket PacketSource loop over h, closing h after the
// first packet if closeAfterFirst, and reports how many packets it saw and
// when the loop ended.
func packetLoop(h *pcap.Handle, closeAfterFirst bool) (count chan int, ended chan time.Time) {
	count, ended = make(chan int, 1), make(chan time.Time, 1)
	go func() {
		n := 0
		for range gopacket.NewPacketSource(h, h.LinkType()).Packets() {
			n++
			if n == 1 && closeAfterFirst {
				h.Close()
			}
		}
		ended <- time.Now()
		count <- n
	}()
	return count, ended
}

// TestPacketSourceEndsAfterCloseOffline: gopacket's PacketSource stops only
// on io.EOF (and a few others), so a read after Close must return io.EOF.
func TestPacketSourceEndsAfterCloseOffline(t *testing.T) {
	const packets = 100000
	h, err := pcap.OpenOffline(writeCapture(t, packets, layers.LinkTypeEthernet))
	require.NoError(t, err)
	start := time.Now()
	count, ended := packetLoop(h, true)
	select {
	case end := <-ended:
		n := <-count
		t.Logf("offline loop ended %v after Close, having seen %d of %d packets", end.Sub(start), n, packets)
		assert.Less(t, n, packets, "Close did not stop the loop: it read the whole file")
	case <-time.After(closeLoopLimit):
		t.Fatalf("PacketSource loop still running %v after Close", closeLoopLimit)
	}
}

// TestPacketSourceEndsAfterCloseLive closes a live handle that sees no
// packets, blocking forever or with a read timeout, under a PacketSource loop.
func TestPacketSourceEndsAfterCloseLive(t *testing.T) {
	for _, timeout := range []time.Duration{pcap.BlockForever, 50 * time.Millisecond} {
		t.Run(timeout.String(), func(t *testing.T) {
			h := openLoopback(t, timeout)
			require.NoError(t, h.SetBPFFilter("ip proto 253"))
			_, ended := packetLoop(h, false)
			time.Sleep(200 * time.Millisecond)
			closed := time.Now()
			h.Close()
			select {
			case end := <-ended:
				t.Logf("live loop (timeout %v) ended %v after Close", timeout, end.Sub(closed))
			case <-time.After(closeLoopLimit):
				t.Fatalf("PacketSource loop still running %v after Close", closeLoopLimit)
			}
		})
	}
}

// openLoopback opens lo live, or skips the test where that is impossible.
func openLoopback(t *testing.T, timeout time.Duration) *pcap.Handle {
	t.Helper()
	h, err := pcap.OpenLive("lo", 65535, false, timeout)
	if err != nil {
		if os.Getenv("PUREPCAP_REQUIRE_REFERENCE") != "" && os.Geteuid() == 0 && isLinux {
			require.NoError(t, err)
		}
		t.Skipf("cannot capture on lo (needs Linux and CAP_NET_RAW): %v", err)
	}
	t.Cleanup(h.Close)
	return h
}
