package pcap

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// TestKernelProgramCooked checks how a program for a cooked link type is
// rewritten for the kernel, which sees the packet without the cooked
// header: absolute loads of known header fields become ancillary loads,
// payload offsets shrink, and loads the kernel can't express (any other
// header byte, or a header offset plus X, whose sum may land anywhere) leave
// the program to userspace. The rewrite is pure, so it runs on every OS.
func TestKernelProgramCooked(t *testing.T) {
	ret := bpf.Stmt(bpf.ClassRET|bpf.RetA, 0)
	ldx := bpf.Stmt(bpf.ClassLDX|bpf.SizeW|bpf.ModeIMM, 2)
	for _, tc := range []struct {
		name string
		lt   linktype.Type
		load bpf.Instruction
		want uint32 // the load's K for the kernel
		ok   bool
	}{
		{"sll abs payload", linktype.LinuxSLL, bpf.Stmt(bpf.ClassLD|bpf.SizeH|bpf.ModeABS, 16), 0, true},
		{"sll abs pkttype", linktype.LinuxSLL, bpf.Stmt(bpf.ClassLD|bpf.SizeH|bpf.ModeABS, 0), bpf.Ancillary(bpf.AdPktType), true},
		{"sll abs protocol", linktype.LinuxSLL, bpf.Stmt(bpf.ClassLD|bpf.SizeH|bpf.ModeABS, 14), bpf.Ancillary(bpf.AdProtocol), true},
		{"sll abs address", linktype.LinuxSLL, bpf.Stmt(bpf.ClassLD|bpf.SizeB|bpf.ModeABS, 6), 0, false},
		{"sll ind payload", linktype.LinuxSLL, bpf.Stmt(bpf.ClassLD|bpf.SizeB|bpf.ModeIND, 20), 4, true},
		{"sll ind header 0", linktype.LinuxSLL, bpf.Stmt(bpf.ClassLD|bpf.SizeB|bpf.ModeIND, 0), 0, false},
		{"sll ind header 14", linktype.LinuxSLL, bpf.Stmt(bpf.ClassLD|bpf.SizeB|bpf.ModeIND, 14), 0, false},
		{"sll msh header", linktype.LinuxSLL, bpf.Stmt(bpf.ClassLDX|bpf.SizeB|bpf.ModeMSH, 0), 0, false},
		{"sll msh payload", linktype.LinuxSLL, bpf.Stmt(bpf.ClassLDX|bpf.SizeB|bpf.ModeMSH, 30), 14, true},
		{"sll ancillary kept", linktype.LinuxSLL, bpf.Stmt(bpf.ClassLD|bpf.SizeW|bpf.ModeABS, bpf.Ancillary(bpf.AdVLANTag)), bpf.Ancillary(bpf.AdVLANTag), true},
		{"sll immediate untouched", linktype.LinuxSLL, bpf.Stmt(bpf.ClassLD|bpf.ModeIMM, 3), 3, true},
		{"sll2 abs protocol", linktype.LinuxSLL2, bpf.Stmt(bpf.ClassLD|bpf.SizeH|bpf.ModeABS, 0), bpf.Ancillary(bpf.AdProtocol), true},
		{"sll2 abs ifindex", linktype.LinuxSLL2, bpf.Stmt(bpf.ClassLD|bpf.SizeW|bpf.ModeABS, 4), bpf.Ancillary(bpf.AdIfIndex), true},
		{"sll2 abs pkttype", linktype.LinuxSLL2, bpf.Stmt(bpf.ClassLD|bpf.SizeB|bpf.ModeABS, 10), bpf.Ancillary(bpf.AdPktType), true},
		{"sll2 abs hatype", linktype.LinuxSLL2, bpf.Stmt(bpf.ClassLD|bpf.SizeH|bpf.ModeABS, 8), 0, false},
		{"sll2 abs payload", linktype.LinuxSLL2, bpf.Stmt(bpf.ClassLD|bpf.SizeB|bpf.ModeABS, 29), 9, true},
		{"sll2 ind header 4", linktype.LinuxSLL2, bpf.Stmt(bpf.ClassLD|bpf.SizeB|bpf.ModeIND, 4), 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			prog := []bpf.Instruction{ldx, tc.load, ret}
			orig := append([]bpf.Instruction(nil), prog...)
			kprog, ok := kernelProgram(prog, tc.lt, true)
			require.Equal(t, tc.ok, ok, "kernel program %v", kprog)
			assert.Equal(t, orig, prog, "the caller's program is left alone")
			if ok {
				assert.Equal(t, tc.want, kprog[1].K)
			}
		})
	}
}

// TestKernelProgramRaw: on a raw socket the program goes to the kernel as
// it is, when the kernel would take it.
func TestKernelProgramRaw(t *testing.T) {
	ok := []bpf.Instruction{bpf.Stmt(bpf.ClassLD|bpf.SizeH|bpf.ModeABS, 12), bpf.Stmt(bpf.ClassRET|bpf.RetA, 0)}
	kprog, accepted := kernelProgram(ok, linktype.Ethernet, false)
	assert.True(t, accepted)
	assert.Equal(t, ok, kprog)

	long := make([]bpf.Instruction, bpf.MaxInstructions+1)
	for i := range long {
		long[i] = bpf.Stmt(bpf.ClassLD|bpf.ModeIMM, 1)
	}
	long[len(long)-1] = bpf.Stmt(bpf.ClassRET|bpf.RetA, 0)
	for _, cooked := range []bool{false, true} {
		_, accepted = kernelProgram(long, linktype.LinuxSLL, cooked)
		assert.False(t, accepted, "too long (cooked %v)", cooked)
		_, accepted = kernelProgram(long[len(long)-bpf.MaxInstructions:], linktype.LinuxSLL, cooked)
		assert.True(t, accepted, "exactly the limit (cooked %v)", cooked)
	}
	_, accepted = kernelProgram(nil, linktype.Ethernet, false)
	assert.False(t, accepted, "empty")
	backward := []bpf.Instruction{bpf.Stmt(bpf.ClassJMP|bpf.JumpJA, 0xffffffff), bpf.Stmt(bpf.ClassRET|bpf.RetA, 0)}
	_, accepted = kernelProgram(backward, linktype.Ethernet, false)
	assert.False(t, accepted, "backward jump")
}
