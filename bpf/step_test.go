package bpf

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestALUApply(t *testing.T) {
	for _, c := range []struct {
		op   ALUOp
		a, v uint32
		want uint32
		ok   bool
	}{
		{ALUAdd, 0xffffffff, 2, 1, true},
		{ALUSub, 1, 2, 0xffffffff, true},
		{ALUMul, 0x10000, 0x10000, 0, true},
		{ALUDiv, 7, 2, 3, true},
		{ALUDiv, 7, 0, 0, false},
		{ALUMod, 7, 4, 3, true},
		{ALUMod, 7, 0, 0, false},
		{ALUAnd, 0xf0f0, 0xff00, 0xf000, true},
		{ALUOr, 0xf0, 0x0f, 0xff, true},
		{ALUXor, 0xff, 0x0f, 0xf0, true},
		{ALULsh, 1, 31, 0x80000000, true},
		{ALULsh, 1, 32, 0, true}, // not 1<<(32&31)
		{ALULsh, 1, 33, 0, true},
		{ALURsh, 0x80000000, 31, 1, true},
		{ALURsh, 0x80000000, 32, 0, true},
		{ALURsh, 0xffffffff, 0xffffffff, 0, true},
		{ALUNeg, 1, 99, 0xffffffff, true},
		{0xb0, 1, 1, 0, false},
	} {
		got, ok := c.op.Apply(c.a, c.v)
		require.Equal(t, c.ok, ok, "%v(%#x, %#x)", c.op, c.a, c.v)
		require.Equal(t, c.want, got, "%v(%#x, %#x)", c.op, c.a, c.v)
	}
}

func TestJumpTest(t *testing.T) {
	require.True(t, JumpOp(JumpJA).Test(1, 2))
	require.True(t, JumpOp(JumpJEQ).Test(5, 5))
	require.False(t, JumpOp(JumpJEQ).Test(5, 6))
	require.True(t, JumpOp(JumpJGT).Test(0x80000000, 1), "unsigned")
	require.False(t, JumpOp(JumpJGT).Test(5, 5))
	require.True(t, JumpOp(JumpJGE).Test(5, 5))
	require.True(t, JumpOp(JumpJSET).Test(6, 2))
	require.False(t, JumpOp(JumpJSET).Test(6, 1))
	require.False(t, JumpOp(0x50).Test(1, 1))
}

func TestOutcomes(t *testing.T) {
	md := &Metadata{}
	for _, c := range []struct {
		name string
		prog []Instruction
		md   *Metadata
		want Outcome
	}{
		{"ret", []Instruction{Stmt(ClassRET|RetK, 7)}, nil, Returned},
		{"short", []Instruction{Stmt(ClassLD|SizeW|ModeABS, 2), Stmt(ClassRET|RetA, 0)}, nil, OutOfBounds},
		{"div x", []Instruction{Stmt(ClassALU|ALUDiv|SrcX, 0), Stmt(ClassRET|RetA, 0)}, nil, DivisionByZero},
		{"anc no md", []Instruction{Stmt(ClassLD|SizeW|ModeABS, Ancillary(AdMark)), Stmt(ClassRET|RetA, 0)}, nil, Unsupported},
		{"net off", []Instruction{Stmt(ClassLD|SizeB|ModeABS, uint32(SKFNetOff&0xffffffff)), Stmt(ClassRET|RetA, 0)}, md, Unsupported},
		{"loop", []Instruction{Stmt(ClassLD|ModeIMM, 0), Stmt(ClassJMP|JumpJA, 0xfffffffe), Stmt(ClassRET|RetA, 0)}, nil, BackJumpLimit},
	} {
		vm, err := NewVM(c.prog)
		require.NoError(t, err, c.name)
		pkt := []byte{1, 2, 3}
		_, o := vm.RunOutcome(pkt, 3, c.md)
		require.Equal(t, c.want, o, c.name)
		_, o = Interpret(c.prog, pkt, 3, c.md, nil)
		require.Equal(t, c.want, o, c.name)
	}
	require.Equal(t, "out of bounds", OutOfBounds.String())
}

func TestInterpretInvalid(t *testing.T) {
	for _, prog := range [][]Instruction{
		nil,
		{Stmt(0xffff, 0)},
		{Stmt(ClassST, 16), Stmt(ClassRET|RetA, 0)},
		{Stmt(ClassLD|ModeMEM, 99), Stmt(ClassRET|RetA, 0)},
		{Jump(ClassJMP|JumpJEQ, 0, 9, 9), Stmt(ClassRET|RetA, 0)},
		{Stmt(ClassJMP|JumpJA, 5), Stmt(ClassRET|RetA, 0)},
		{Stmt(ClassLD|ModeIMM, 1)}, // falls off the end
	} {
		v, o := Interpret(prog, nil, 0, nil, nil)
		require.Equal(t, Invalid, o, "%v", prog)
		require.Zero(t, v)
	}
}

func TestInterpretTrace(t *testing.T) {
	prog := mustParse(t, tcpPort80)
	pkt := httpPacket()
	var pcs []int
	var last State
	v, o := Interpret(prog, pkt, len(pkt), nil, func(s *State) {
		pcs = append(pcs, s.PC)
		last = *s
	})
	require.Equal(t, Returned, o)
	require.Equal(t, uint32(262144), v)
	// IPv4: ldh [12], jeq #0x86dd, jeq #0x800, ldb [23], jeq #6, ldh [20],
	// jset #0x1fff, ldxb, ldh [x+14], jeq #80 (source 1234: no),
	// ldh [x+16], jeq #80, ret.
	require.Equal(t, []int{0, 1, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18}, pcs)
	require.Equal(t, uint32(80), last.A)
	require.Equal(t, uint32(20), last.X)
}

// TestVMAgreesWithInterpret runs random programs (with backward jumps,
// ancillary loads, sometimes invalid) through the VM and the step
// interpreter, with and without metadata: verdict and outcome agree for
// every program Validate accepts, and Interpret never panics on others.
func TestVMAgreesWithInterpret(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	pkts := testPackets(r)
	md := &Metadata{Protocol: 0x800, PktType: 4, VLANPresent: true, VLANTCI: 5, IfIndex: 2, Random: 9}
	n := 1000
	if testing.Short() {
		n = 200
	}
	valid := 0
	for i := 0; i < n; i++ {
		prog := randomProgram(r, genOptions{maxLen: 30, backward: true, sloppy: i%4 == 0})
		vm, err := NewVM(prog)
		for _, p := range pkts {
			for _, m := range []*Metadata{nil, md} {
				iv, io := Interpret(prog, p.data, p.wireLen, m, nil)
				if err != nil {
					continue
				}
				vv, vo := vm.RunOutcome(p.data, p.wireLen, m)
				require.Equal(t, io, vo, "program %v packet %x", prog, p.data)
				require.Equal(t, iv, vv, "program %v packet %x", prog, p.data)
				require.NotEqual(t, Invalid, io)
			}
		}
		if err == nil {
			valid++
		}
	}
	require.Greater(t, valid, n/2)
}
