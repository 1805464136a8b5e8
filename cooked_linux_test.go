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
// the program to userspace.
func TestKernelProgramCooked(t *testing.T) {
	l := &liveHandle{cooked: true}
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
		{"sll2 ind header 4", linktype.LinuxSLL2, bpf.Stmt(bpf.ClassLD|bpf.SizeB|bpf.ModeIND, 4), 0, false},
		{"sll2 abs ifindex", linktype.LinuxSLL2, bpf.Stmt(bpf.ClassLD|bpf.SizeW|bpf.ModeABS, 4), bpf.Ancillary(bpf.AdIfIndex), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kprog, ok := l.kernelProgram([]bpf.Instruction{ldx, tc.load, ret}, tc.lt)
			require.Equal(t, tc.ok, ok, "kernel program %v", kprog)
			if ok {
				assert.Equal(t, tc.want, kprog[1].K)
			}
		})
	}
}
