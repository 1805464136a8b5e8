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

func TestRunMetadata(t *testing.T) {
	md := &Metadata{Protocol: 0x0800, PktType: 4, IfIndex: 7, Mark: 9, Queue: 2, HAType: 1, RXHash: 0xabcdef01,
		CPU: 3, VLANTCI: 0x1064, VLANPresent: true, VLANTPID: 0x8100, PayOffset: 54, Random: 42}
	pkt := []byte{0xaa, 0xbb, 0xcc, 0xdd}
	for _, c := range []struct {
		ad   uint32
		want uint32
	}{
		{AdProtocol, 0x0800}, {AdPktType, 4}, {AdIfIndex, 7}, {AdMark, 9}, {AdQueue, 2}, {AdHAType, 1},
		{AdRXHash, 0xabcdef01}, {AdCPU, 3}, {AdVLANTag, 0x1064}, {AdVLANTagPresent, 1}, {AdVLANTPID, 0x8100},
		{AdPayOffset, 54}, {AdRandom, 42}, {AdNLAttr, 0}, {AdNLAttrNest, 0},
	} {
		for _, size := range []uint16{SizeW, SizeH, SizeB} {
			vm, err := NewVM([]Instruction{Stmt(ClassLD|size|ModeABS, Ancillary(c.ad)), Stmt(ClassRET|RetA, 0)})
			require.NoError(t, err)
			require.Equal(t, c.want, vm.RunMeta(pkt, 4, md), "ad %d size %#x", c.ad, size)
			require.Zero(t, vm.Run(pkt, 4), "without metadata, like libpcap")
		}
	}
	// A ^= X
	vm, err := NewVM([]Instruction{Stmt(ClassLD|ModeIMM, 0xf0), Stmt(ClassLDX|ModeIMM, 0x0f), Stmt(ClassLD|SizeW|ModeABS, Ancillary(AdALUXorX)), Stmt(ClassRET|RetA, 0)})
	require.NoError(t, err)
	require.Equal(t, uint32(0xff), vm.RunMeta(pkt, 4, md))
	require.Zero(t, vm.Run(pkt, 4))
	// Link-layer offset, unknown offsets.
	for _, c := range []struct {
		k    uint32
		want uint32
	}{
		{uint32(SKFLLOff&0xffffffff) + 1, 0xbbcc}, {uint32(SKFLLOff&0xffffffff) + 3, 0}, {uint32(SKFNetOff & 0xffffffff), 0},
		{Ancillary(2), 0}, {Ancillary(AdMax), 0}, {0x80000000, 0},
	} {
		vm, err := NewVM([]Instruction{Stmt(ClassLD|SizeH|ModeABS, c.k), Stmt(ClassRET|RetA, 0)})
		require.NoError(t, err)
		require.Equal(t, c.want, vm.RunMeta(pkt, 4, md), "k %#x", c.k)
	}
}

func TestRunSemantics(t *testing.T) {
	pkt := []byte{0x45, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06}
	ret := Stmt(ClassRET|RetA, 0)
	for _, c := range []struct {
		name string
		prog []Instruction
		want uint32
	}{
		{"pktlen is the wire length", []Instruction{Stmt(ClassLD|SizeW|ModeLEN, 0), ret}, 1500},
		{"ldx pktlen", []Instruction{Stmt(ClassLDX|SizeW|ModeLEN, 0), Stmt(ClassMISC|MiscTXA, 0), ret}, 1500},
		{"word load", []Instruction{Stmt(ClassLD|SizeW|ModeABS, 3), ret}, 0x03040506},
		{"word load past the end", []Instruction{Stmt(ClassLD|SizeW|ModeABS, 4), Stmt(ClassRET|RetK, 9)}, 0},
		{"msh", []Instruction{Stmt(ClassLDX|SizeB|ModeMSH, 0), Stmt(ClassMISC|MiscTXA, 0), ret}, 20},
		{"indexed", []Instruction{Stmt(ClassLDX|ModeIMM, 2), Stmt(ClassLD|SizeH|ModeIND, 1), ret}, 0x0304},
		{"indexed overflow", []Instruction{Stmt(ClassLDX|ModeIMM, 0xffffffff), Stmt(ClassLD|SizeB|ModeIND, 2), Stmt(ClassRET|RetK, 9)}, 0},
		{"div by X 0", []Instruction{Stmt(ClassLD|ModeIMM, 8), Stmt(ClassALU|ALUDiv|SrcX, 0), Stmt(ClassRET|RetK, 9)}, 0},
		{"mod by X 0", []Instruction{Stmt(ClassLD|ModeIMM, 8), Stmt(ClassALU|ALUMod|SrcX, 0), Stmt(ClassRET|RetK, 9)}, 0},
		{"lsh by X 40", []Instruction{Stmt(ClassLD|ModeIMM, 1), Stmt(ClassLDX|ModeIMM, 40), Stmt(ClassALU|ALULsh|SrcX, 0), ret}, 0},
		{"neg", []Instruction{Stmt(ClassLD|ModeIMM, 1), Stmt(ClassALU|ALUNeg, 0), ret}, 0xffffffff},
		{"scratch starts zeroed", []Instruction{Stmt(ClassLD|ModeMEM, 5), ret}, 0},
		{"backward jumps end", []Instruction{Stmt(ClassALU|ALUAdd|SrcK, 1), Stmt(ClassJMP|JumpJA, 0xfffffffe), ret}, 0},
		{"backward jumps", []Instruction{
			Stmt(ClassALU|ALUAdd|SrcK, 1), Jump(ClassJMP|JumpJGE|SrcK, 10, 1, 0), Stmt(ClassJMP|JumpJA, 0xfffffffd), ret}, 10},
	} {
		vm, err := NewVM(c.prog)
		require.NoError(t, err, c.name)
		require.Equal(t, c.want, vm.Run(pkt, 1500), c.name)
	}
	// Scratch memory does not leak from one run to the next.
	vm, err := NewVM([]Instruction{Stmt(ClassLD|ModeMEM, 0), Stmt(ClassST, 0), Stmt(ClassLD|ModeIMM, 7), Stmt(ClassST, 0), ret})
	require.NoError(t, err)
	require.Equal(t, uint32(7), vm.Run(nil, 0))
	vm2, err := NewVM([]Instruction{Stmt(ClassLD|ModeMEM, 0), ret})
	require.NoError(t, err)
	require.Zero(t, vm2.Run(nil, 0))
}

func TestRunDoesNotAllocate(t *testing.T) {
	vm, err := NewVM(mustParse(t, tcpPort80))
	require.NoError(t, err)
	pkt := httpPacket()
	md := &Metadata{}
	require.Zero(t, testing.AllocsPerRun(100, func() { vm.Run(pkt, len(pkt)); vm.RunMeta(pkt, len(pkt), md) }))
}
