package compile

import (
	"errors"
	"testing"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile/internal/opt"
)

// LibpcapNotEqualBug is libpcapNotEqualBug, for the external tests.
func LibpcapNotEqualBug(lt, expr string) bool { return libpcapNotEqualBug(lt, expr) }

// OptimizeLibpcapLayout optimizes prog with libpcap 1.10.3's layout of the
// jumps among a block's statements, for the external tests.
func OptimizeLibpcapLayout(prog []bpf.Instruction) ([]bpf.Instruction, error) {
	return optimizeLibpcapLayout(prog)
}

// optimizeLibpcapLayout is optimize with libpcap 1.10.3's (wrong) layout of
// the jumps among a block's statements, through the optimizer's test hook.
func optimizeLibpcapLayout(prog []bpf.Instruction) ([]bpf.Instruction, error) {
	out, err := opt.OptimizeWithHooks(prog, opt.Options{}, opt.TestHooks{LibpcapLayout: true})
	if oe := (*opt.Error)(nil); errors.As(err, &oe) {
		return nil, &Error{Msg: oe.Msg}
	}
	return out, err
}

// OptimizeFromItems sets whether the optimizer may start from the emitted
// items (optimizeFromItems), and returns a function that restores it.
func OptimizeFromItems(on bool) (restore func()) {
	was := optimizeFromItems
	optimizeFromItems = on
	return func() { optimizeFromItems = was }
}

// CheckLiveVLANFrames checks that expr's optimized live Ethernet program
// gives the unoptimized program's verdicts on liveVLANFrames.
func CheckLiveVLANFrames(t *testing.T, expr string) {
	checkLiveFrames(t, expr, liveVLANFrames())
}
