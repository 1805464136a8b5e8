package bpf

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// tcpPort80 is libpcap's program for "tcp port 80" on Ethernet.
const tcpPort80 = `20
40 0 0 12
21 0 6 34525
48 0 0 20
21 0 15 6
40 0 0 54
21 12 0 80
40 0 0 56
21 10 11 80
21 0 10 2048
48 0 0 23
21 0 8 6
40 0 0 20
69 6 0 8191
177 0 0 14
72 0 0 14
21 2 0 80
72 0 0 16
21 0 1 80
6 0 0 262144
6 0 0 0
`

func mustParse(t testing.TB, text string) []Instruction {
	t.Helper()
	prog, err := ParseDDD(text)
	require.NoError(t, err)
	return prog
}

func TestRunTCPPort80(t *testing.T) {
	vm, err := NewVM(mustParse(t, tcpPort80))
	require.NoError(t, err)
	pkt := httpPacket()
	require.Equal(t, uint32(262144), vm.Run(pkt, len(pkt)))
	pkt[37] = 81 // destination port 81
	require.Equal(t, uint32(0), vm.Run(pkt, len(pkt)))
	require.Equal(t, uint32(0), vm.Run(pkt[:30], len(pkt)), "truncated packet")
}

// httpPacket returns an Ethernet/IPv4/TCP packet from port 1234 to port 80.
func httpPacket() []byte {
	pkt := make([]byte, 14+20+20+10)
	copy(pkt[0:], []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0x00})
	ip := pkt[14:]
	ip[0] = 0x45
	ip[2], ip[3] = 0, byte(len(ip))
	ip[8] = 64
	ip[9] = 6
	copy(ip[12:], []byte{10, 0, 0, 1, 10, 0, 0, 2})
	tcp := ip[20:]
	tcp[0], tcp[1] = 0x04, 0xd2
	tcp[2], tcp[3] = 0, 80
	tcp[12] = 5 << 4
	return pkt
}
