package compile_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
)

// Block lists too long for an unoptimized program: with Optimize the code
// generator may produce up to MaxOptimizeInputLen instructions, and
// MaxProgramLen bounds the optimizer's output.

// portList is "port 1 or port 2 ... or port n".
func portList(n int) string {
	return setList(n, func(i int) string { return "port " + strconv.Itoa(i+1) })
}

// compileMeasured compiles expr optimized for Ethernet and logs the time,
// length and bytes allocated.
func compileMeasured(t *testing.T, name, expr string) []bpf.Instruction {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	prog, err := compile.Compile(expr, linktype.Ethernet, compile.Options{Optimize: true})
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	require.NoError(t, err, name)
	t.Logf("%s: %v, %d instructions, %d MB allocated", name, elapsed.Round(time.Millisecond), len(prog), (after.TotalAlloc-before.TotalAlloc)>>20)
	// Generous against a loaded machine; the target is under a second.
	assert.Less(t, elapsed, 20*time.Second, name)
	require.LessOrEqual(t, len(prog), compile.MaxProgramLen, name)
	return prog
}

// TestBlockList20000Ports compiles 20,000 or-ed ports with the optimizer:
// libpcap and the unoptimized compile refuse it (more than MaxProgramLen
// instructions), the optimized program fits the kernel and means what the
// unoptimized programs mean. The reference for whole packets is the
// unoptimized programs (libpcap's code generator) of 1,000-port slices,
// or-ed; for truncated copies it is the optimized programs of those
// slices, or-ed, since optimized and unoptimized programs load the fields
// in different orders and so reject different truncated packets
// (TestSetsAgainstLibpcap relates the optimized set programs to libpcap's
// on truncated packets).
func TestBlockList20000Ports(t *testing.T) {
	const n, slice = 20000, 1000
	expr := portList(n)
	_, err := compile.Compile(expr, linktype.Ethernet, compile.Options{})
	require.Error(t, err)
	assert.Equal(t, "filter program too large (more than "+strconv.Itoa(compile.MaxProgramLen)+" instructions)", err.(*compile.Error).Msg)

	prog := compileMeasured(t, "20000 ports", expr)
	require.LessOrEqual(t, len(prog), bpf.MaxInstructions, "fits the kernel")
	ours := newSetRunner(prog)

	var whole, cut []setRunner
	for lo := 0; lo < n; lo += slice {
		e := setList(slice, func(i int) string { return "port " + strconv.Itoa(lo+i+1) })
		un, err := compile.Compile(e, linktype.Ethernet, compile.Options{})
		require.NoError(t, err)
		op, err := compile.Compile(e, linktype.Ethernet, compile.Options{Optimize: true})
		require.NoError(t, err)
		whole, cut = append(whole, newSetRunner(un)), append(cut, newSetRunner(op))
	}
	any := func(rs []setRunner, p []byte, wire int) uint32 {
		for _, r := range rs {
			if v := r.run(p, wire); v != 0 {
				return v
			}
		}
		return 0
	}

	r := rand.New(rand.NewPCG(20000, 1))
	c := setCase{name: "20000 ports", addrs: []uint32{0x0a000001, 0xc0a80101}}
	// Members, both ends of the list and its neighbours 0 and 20001..
	for _, p := range []uint16{1, 2, 9999, 19999, 20000, 20001, 20002, 0, 65535, 40000} {
		c.ports = append(c.ports, p)
	}
	for range 200 {
		c.ports = append(c.ports, uint16(1+r.IntN(n)))
	}
	pkts := setPackets(r, c, 400)
	accepted, runs := 0, 0
	for i, p := range pkts {
		want := any(whole, p, len(p))
		require.Equal(t, want, ours.run(p, len(p)), "packet %d %x", i, p)
		if want != 0 {
			accepted++
		}
		for k := len(p) - 1; k >= 0; k-- {
			require.Equal(t, any(cut, p[:k], len(p)), ours.run(p[:k], len(p)), "packet %d %x cut to %d", i, p, k)
			runs++
		}
	}
	assert.Greater(t, accepted, 20, "the packets hit members")
	assert.Less(t, accepted, len(pkts)-20, "and miss them")
	t.Logf("%d packets (%d accepted), %d truncated copies", len(pkts), accepted, runs)
}

// TestOptimizeInputBounded: with Optimize, a filter whose unoptimized
// program would exceed MaxOptimizeInputLen is refused during code
// generation, with the bound in the message; without, the bound is
// MaxProgramLen as before.
func TestOptimizeInputBounded(t *testing.T) {
	// 90,000 terms, some 30 instructions each.
	expr := "port 1" + strings.Repeat(" or 2", 90000)
	require.Less(t, len(expr), compile.MaxExprLen)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := compile.Compile(expr, linktype.Ethernet, compile.Options{Optimize: true})
	runtime.ReadMemStats(&after)
	t.Logf("refused in %v, %d MB allocated", time.Since(start).Round(time.Millisecond), (after.TotalAlloc-before.TotalAlloc)>>20)
	require.Error(t, err)
	assert.Equal(t, fmt.Sprintf("filter program too large (more than %d instructions before optimization)", compile.MaxOptimizeInputLen), err.(*compile.Error).Msg)
	assert.Equal(t, 4*compile.MaxProgramLen, compile.MaxOptimizeInputLen)
}

// TestLargeBlockListsFast compiles, optimizer on, the other large targets
// of the block-list work: (tcp or udp) with 300 dst ports and not 200 src
// nets (which fits the kernel), and 10,000 random src hosts.
func TestLargeBlockListsFast(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 300))
	mixed := "(tcp or udp) and (" +
		setList(300, func(int) string { return fmt.Sprintf("dst port %d", r.IntN(65536)) }) + ") and not (" +
		setList(200, func(int) string { return fmt.Sprintf("src net %d.%d.0.0/16", r.IntN(256), r.IntN(256)) }) + ")"
	hosts := setList(10000, func(int) string {
		return fmt.Sprintf("src host %d.%d.%d.%d", r.IntN(256), r.IntN(256), r.IntN(256), r.IntN(256))
	})
	prog := compileMeasured(t, "300 dst ports, not 200 src nets", mixed)
	assert.LessOrEqual(t, len(prog), bpf.MaxInstructions)
	// About 1.4 instructions a member: too long for the kernel, but far
	// below MaxProgramLen.
	prog = compileMeasured(t, "10000 src hosts", hosts)
	assert.LessOrEqual(t, len(prog), 4*10000)
}
