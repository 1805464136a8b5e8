package opt

import "github.com/purepcap/pcap/bpf"

// MinSetMembers is the shortest block list the optimizer makes a set of
// (chains.go), for tests that build lists on either side of it.
const MinSetMembers = minSetMembers

// TestHooks are switches for tests only; the compiler calls Optimize.
type TestHooks struct {
	// LibpcapLayout lays out the jumps among a block's statements (live
	// Linux "vlan ID") as libpcap 1.10.3 does, wrongly (see layout.go),
	// to show the difference.
	LibpcapLayout bool
	// Trees makes dominance come from trees whatever the program's size
	// (true) or from bit sets (false), instead of choosing by size.
	Trees *bool
	// NoReplay runs the first round that rewrites statements in full
	// instead of replaying it from the round before (probe.go).
	NoReplay bool
}

// OptimizeWithHooks is Optimize with test switches.
func OptimizeWithHooks(prog []bpf.Instruction, opts Options, t TestHooks) ([]bpf.Instruction, error) {
	h := hooks{layout: embeddedJumps, noReplay: t.NoReplay}
	if t.LibpcapLayout {
		h.layout = libpcapEmbeddedJumps
	}
	if t.Trees != nil {
		h.treesOver = 1 << 30
		if *t.Trees {
			h.treesOver = -1
		}
	}
	return optimize(prog, opts, h)
}
