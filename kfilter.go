package pcap

import (
	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// Sizes of the cooked headers a live handle builds in front of packets
// from SOCK_DGRAM sockets (the "any" device and link types the kernel has
// no header for).
const (
	sllHdrLen  = 16
	sll2HdrLen = 20
)

// cookedField is one cooked-header field the kernel can read as ancillary
// data, at its offset in the header userspace sees.
type cookedField struct {
	off uint32
	ad  uint32 // bpf.Ad* constant
}

// cookedFields lists, per cooked link type, the header length and the
// fields a kernel filter can still read (as ancillary loads); a load of
// any other header byte can't run in the kernel.
var cookedFields = map[linktype.Type]struct {
	hdrLen uint32
	fields []cookedField
}{
	linktype.LinuxSLL: {sllHdrLen, []cookedField{
		{0, bpf.AdPktType},
		{14, bpf.AdProtocol},
	}},
	linktype.LinuxSLL2: {sll2HdrLen, []cookedField{
		{0, bpf.AdProtocol},
		{4, bpf.AdIfIndex},
		{10, bpf.AdPktType},
	}},
}

// kernelAccepts reports whether the Linux kernel would attach prog
// (bpf.ValidateKernel: 1 to bpf.MaxInstructions instructions, forward
// jumps only, as libpcap's protochain loops backward, and the kernel's
// other checks).
func kernelAccepts(prog []bpf.Instruction) bool {
	return bpf.ValidateKernel(prog) == nil
}

// kernelProgram returns prog as the kernel must see it on a socket of link
// type t, cooked or not, and whether the kernel can run it at all. A
// cooked program is a rewritten copy; prog is never modified.
func kernelProgram(prog []bpf.Instruction, t linktype.Type, cooked bool) ([]bpf.Instruction, bool) {
	if !cooked {
		return prog, kernelAccepts(prog)
	}
	out := append([]bpf.Instruction(nil), prog...)
	for i := range out {
		ins := &out[i]
		if cls := ins.Class(); cls != bpf.ClassLD && cls != bpf.ClassLDX {
			continue
		}
		mode := ins.Mode()
		if mode != bpf.ModeABS && mode != bpf.ModeIND && mode != bpf.ModeMSH {
			continue
		}
		k, ok := fixCookedOffset(ins.K, t, mode == bpf.ModeABS)
		if !ok {
			return nil, false
		}
		ins.K = k
	}
	return out, kernelAccepts(out)
}

// fixCookedOffset rewrites the offset k of a packet load for a SOCK_DGRAM
// socket, where the kernel's packet starts after the cooked header that
// userspace sees: payload offsets shrink by the header length, and the
// header fields the kernel knows become ancillary loads. Only absolute
// loads (abs) can become ancillary: an indexed load or ldx msh with an
// offset inside the header may land anywhere. It reports false for the
// loads it can't rewrite.
func fixCookedOffset(k uint32, t linktype.Type, abs bool) (uint32, bool) {
	if k >= uint32(bpf.SKFAdOff&0xffffffff) {
		return k, true // already ancillary (or another negative offset)
	}
	c, ok := cookedFields[t]
	if !ok {
		return 0, false
	}
	if k >= c.hdrLen {
		return k - c.hdrLen, true
	}
	if abs {
		for _, f := range c.fields {
			if f.off == k {
				return bpf.Ancillary(f.ad), true
			}
		}
	}
	return 0, false
}

// rejectAll is the program libpcap calls the total filter.
var rejectAll = []bpf.Instruction{bpf.Stmt(bpf.ClassRET|bpf.RetK, 0)}
