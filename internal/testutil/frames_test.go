package testutil

import (
	"net"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestUDPDstPort reads the port of built frames, and -1 without a panic
// from frames whose IP header length points past their end.
func TestUDPDstPort(t *testing.T) {
	mac := net.HardwareAddr{2, 0, 0, 0, 0, 1}
	frame := UDPFrame(mac, mac, net.IPv4(10, 0, 0, 1), net.IPv4(10, 0, 0, 2), 9, nil, 0)
	withOptions := append([]byte(nil), frame[:14+20+4]...)
	withOptions[14] = 0x4f // 60-byte header: the UDP header is past the end
	badIHL := append([]byte(nil), frame...)
	badIHL[14] = 0x41 // 4-byte header
	tests := []struct {
		name  string
		frame []byte
		want  int
	}{
		{"udp", frame, 9},
		{"vlan tag", UDPFrame(mac, mac, net.IPv4(10, 0, 0, 1), net.IPv4(10, 0, 0, 2), 7, nil, 0x8100, 5), -1},
		{"cut short", frame[:30], -1},
		{"options past the end", withOptions, -1},
		{"header length below 20", badIHL, -1},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, UDPDstPort(tt.frame), tt.name)
	}
}
