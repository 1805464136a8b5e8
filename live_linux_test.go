//go:build linux

package pcap

import (
	"encoding/binary"
	"net"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// udpDstPort9 is "udp and dst port 9" on Ethernet, written by hand (no
// fragments check needed for the test's traffic).
var udpDstPort9 = []bpf.Instruction{
	bpf.Stmt(bpf.ClassLD|bpf.SizeH|bpf.ModeABS, 12),
	bpf.Jump(bpf.ClassJMP|bpf.JumpJEQ|bpf.SrcK, 0x0800, 0, 6),
	bpf.Stmt(bpf.ClassLD|bpf.SizeB|bpf.ModeABS, 23),
	bpf.Jump(bpf.ClassJMP|bpf.JumpJEQ|bpf.SrcK, 17, 0, 4),
	bpf.Stmt(bpf.ClassLDX|bpf.SizeB|bpf.ModeMSH, 14),
	bpf.Stmt(bpf.ClassLD|bpf.SizeH|bpf.ModeIND, 16),
	bpf.Jump(bpf.ClassJMP|bpf.JumpJEQ|bpf.SrcK, 9, 0, 1),
	bpf.Stmt(bpf.ClassRET|bpf.RetK, 262144),
	bpf.Stmt(bpf.ClassRET|bpf.RetK, 0),
}

func udpDstPort(pkt []byte) int {
	if len(pkt) < 14+20+4 || binary.BigEndian.Uint16(pkt[12:]) != 0x0800 || pkt[23] != 17 {
		return -1
	}
	ihl := int(pkt[14]&0xf) * 4
	return int(binary.BigEndian.Uint16(pkt[14+ihl+2:]))
}

func TestLiveRawFilter(t *testing.T) {
	v := newVethPair(t)
	p, err := NewInactiveHandle(v.capIf)
	require.NoError(t, err)
	require.NoError(t, p.SetTimeout(200*time.Millisecond))
	require.NoError(t, p.SetBPFInstructionFilter(udpDstPort9))
	h := openIn(t, v.capNS, p)
	assert.Equal(t, linktype.Ethernet, h.LinkType())

	c := udpSender(t, v.peerNS, v.peerIP)
	for i := 0; i < 50; i++ {
		for _, port := range []int{9, 10} {
			_, err := c.WriteToUDP([]byte("hello"), &net.UDPAddr{IP: v.capIP, Port: port})
			require.NoError(t, err)
		}
	}
	got := 0
	for got < 50 {
		data, ci, err := h.ZeroCopyReadPacketData()
		require.NoError(t, err)
		require.Equal(t, 9, udpDstPort(data), "%x", data)
		require.Equal(t, len(data), ci.CaptureLength)
		got++
	}
	_, _, err = h.ZeroCopyReadPacketData()
	require.ErrorIs(t, err, ErrTimeout)
	st, err := h.Stats()
	require.NoError(t, err)
	assert.Equal(t, 50, st.PacketsReceived)
}
