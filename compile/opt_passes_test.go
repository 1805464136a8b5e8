package compile

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile/internal/opt"
	"github.com/purepcap/pcap/linktype"
)

// TestOrPullup checks that comparisons of one value are grouped ahead of
// another value's: "host a or b" tests the source address against both
// before loading the destination address, as libpcap's program does.
func TestOrPullup(t *testing.T) {
	prog, err := Compile("ip host 10.0.0.1 or 10.0.0.2", linktype.Ethernet, Options{Optimize: true})
	require.NoError(t, err)
	assert.Equal(t, `(000) ldh      [12]
(001) jeq      #0x800           jt 2	jf 9
(002) ld       [26]
(003) jeq      #0xa000001       jt 8	jf 4
(004) jeq      #0xa000002       jt 8	jf 5
(005) ld       [30]
(006) jeq      #0xa000001       jt 8	jf 7
(007) jeq      #0xa000002       jt 8	jf 9
(008) ret      #262144
(009) ret      #0
`, bpf.Dump(prog, 1))
}

// byteChain returns n or-ed tests of different IPv4 header bytes: a long
// list that is no set.
func byteChain(n int) string {
	terms := make([]string, n)
	for i := range terms {
		terms[i] = fmt.Sprintf("ip[%d] = %d", i, i%256)
	}
	return strings.Join(terms, " or ")
}

// TestLongJumps checks that far jumps get trampolines and the program
// stays valid.
func TestLongJumps(t *testing.T) {
	prog, err := Compile(byteChain(150), linktype.Ethernet, Options{Optimize: true})
	require.NoError(t, err)
	_, err = bpf.NewVM(prog)
	require.NoError(t, err)
	hasJa := false
	for _, ins := range prog {
		hasJa = hasJa || ins.Op == opJa
	}
	assert.True(t, hasJa)
}

// TestOptimizeLargePrograms checks that programs with more blocks than the
// optimizer takes on come back unchanged.
func TestOptimizeLargePrograms(t *testing.T) {
	prog, err := Compile(byteChain(13000), linktype.Ethernet, Options{})
	require.NoError(t, err)
	got, err := optimize(prog)
	require.NoError(t, err)
	assert.Equal(t, prog, got)
}

// hookPrograms returns programs to optimize with and without a test hook:
// the optimized goldens' expressions, long chains, and random programs.
func hookPrograms(t *testing.T, random int) [][]bpf.Instruction {
	var progs [][]bpf.Instruction
	for _, c := range readOptimizedGolden(t) {
		lt, _ := linktype.Parse(c.lt)
		if prog, err := Compile(c.expr, lt, Options{Resolver: testResolver{}}); err == nil {
			progs = append(progs, prog)
		}
	}
	for _, n := range []int{20, 150} {
		for _, expr := range []string{hostChain(n), byteChain(n)} {
			prog, err := Compile(expr, linktype.Ethernet, Options{})
			require.NoError(t, err)
			progs = append(progs, prog)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < random; i++ {
		progs = append(progs, randomProgram(r))
	}
	return progs
}

// optimizeHooked optimizes prog with test hooks h, and returns the program
// dumped, or the error.
func optimizeHooked(prog []bpf.Instruction, h opt.TestHooks) string {
	out, err := opt.OptimizeWithHooks(prog, opt.Options{}, h)
	if err != nil {
		return "error: " + err.Error()
	}
	return bpf.Dump(out, 1)
}

// TestDominatorTreesMatchBitSets checks that the dominator trees used for
// large programs give the same programs as the bit sets.
func TestDominatorTreesMatchBitSets(t *testing.T) {
	yes, no := true, false
	for _, prog := range hookPrograms(t, 500) {
		require.Equal(t, optimizeHooked(prog, opt.TestHooks{Trees: &no}), optimizeHooked(prog, opt.TestHooks{Trees: &yes}), bpf.Dump(prog, 1))
	}
}

// TestReplayMatchesFullRound checks that the first round rewriting
// statements, replayed from what the round before it recorded, leaves the
// program that running it in full leaves.
func TestReplayMatchesFullRound(t *testing.T) {
	for _, prog := range hookPrograms(t, 3000) {
		require.Equal(t, optimizeHooked(prog, opt.TestHooks{NoReplay: true}), optimizeHooked(prog, opt.TestHooks{}), bpf.Dump(prog, 1))
	}
}

// TestOptimizeBudget checks that an optimization running over its budget
// gives the program back unchanged, or, where lists became sets, as the
// sets make it, without libpcap's passes: small enough for the kernel.
func TestOptimizeBudget(t *testing.T) {
	prog, err := Compile(byteChain(300), linktype.Ethernet, Options{})
	require.NoError(t, err)
	got, err := opt.Optimize(prog, opt.Options{Budget: 10000})
	require.NoError(t, err)
	assert.Equal(t, prog, got)
	got, err = opt.Optimize(prog, opt.Options{Budget: math.MaxInt})
	require.NoError(t, err)
	assert.Less(t, len(got), len(prog)/2)

	prog, err = Compile(hostChain(1000)+" or "+byteChain(300), linktype.Ethernet, Options{})
	require.NoError(t, err)
	got, err = opt.Optimize(prog, opt.Options{Budget: 10000})
	require.NoError(t, err)
	assert.Less(t, len(got), len(prog)/3)
	vm, err := bpf.NewVM(got)
	require.NoError(t, err)
	// 10.0.0.7 is in the list.
	pkt := make([]byte, 60)
	pkt[12], pkt[13], pkt[14] = 0x08, 0x00, 0x45
	copy(pkt[26:], []byte{10, 0, 0, 7})
	assert.NotZero(t, vm.Run(pkt, len(pkt)))
	pkt[28] = 200 // 10.0.200.7 is not
	assert.Zero(t, vm.Run(pkt, len(pkt)))
}
