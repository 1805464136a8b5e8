package compile

import (
	"testing"

	"github.com/purepcap/pcap/bpf"
)

// OptimizeLibpcapLayout is optimizeLayout with libpcap 1.10.3's layout of
// the jumps among a block's statements, for the external tests.
func OptimizeLibpcapLayout(prog []bpf.Instruction) ([]bpf.Instruction, error) {
	return optimizeLayout(prog, true)
}

// CheckLiveVLANFrames checks that expr's optimized live Ethernet program
// gives the unoptimized program's verdicts on liveVLANFrames.
func CheckLiveVLANFrames(t *testing.T, expr string) {
	checkLiveFrames(t, expr, liveVLANFrames())
}
