package pcap

import "github.com/purepcap/pcap/bpf"

// kernelAccepts reports whether the Linux kernel would attach prog: at most
// 4096 instructions, forward jumps only (libpcap's protochain loops
// backward) and the kernel's other checks.
func kernelAccepts(prog []bpf.Instruction) bool {
	return len(prog) > 0 && len(prog) <= bpf.MaxInstructions && bpf.ValidateKernel(prog) == nil
}
