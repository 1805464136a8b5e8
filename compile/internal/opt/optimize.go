package compile

import (
	"fmt"

	"github.com/purepcap/pcap/bpf"
)

// The optimizer reproduces what libpcap's optimizer does to a program, so
// that packets, truncated ones included, get the verdicts of libpcap's
// optimized program: in BPF a load past the end of the packet ends the
// program with 0, so which loads remain, and in which order, decides the
// verdict on short packets. It runs on the graph of basic blocks parsed
// back from the generated program (opt_cfg.go):
//
//  1. rounds of block passes (value numbering with constant folding,
//     peephole rules, dead-store removal; opt_block.go, opt_value.go) and
//     branch passes (jump threading over dominating edges, or/and
//     pull-ups; opt_branch.go), until a round changes nothing;
//  2. rounds that also rewrite statements (removing loads of values
//     already in place, blocks whose statements do not matter), until a
//     round changes nothing;
//  3. merging identical blocks, skipping a root whose test no longer
//     matters, and the layout (opt_layout.go).

// maxOptBlocks bounds the size of the programs that get optimized (see
// also optBudget): the rounds of libpcap's algorithm cost more than linear
// time; libpcap itself takes minutes on programs of this size. Larger
// programs are returned as generated, cheaply: only their blocks are
// counted.
const maxOptBlocks = 25000

// optBudget bounds the work of the dominator-tree passes on large programs
// (in steps: blocks visited per round, candidate edges examined, pull-up
// steps; about 10 ns each), so that no program costs more than a few
// seconds (a 1000-host or-chain takes 2.7e8 steps); a program that needs
// more is returned as generated.
var optBudget = 300_000_000

// errOverBudget aborts an optimization that exceeds optBudget.
type errOverBudget struct{}

// maxOptRounds bounds the rounds of one optimizer loop (libpcap stops
// after 100 rounds that only move branches; this is a backstop).
const maxOptRounds = 1000

type optimizer struct {
	root   *oblock
	blocks []*oblock // by id
	edges  []*oedge  // by id
	levels []*oblock // first block of each level

	nodewords, edgewords int

	vtab  vtable
	vinfo []vinfo

	testsOf map[testKey]*testSet // see indexTests

	// Large programs: dominator trees instead of bit sets.
	useTrees          bool
	domTree, edomTree lifting
	testIdx           map[testKey2][]int32 // see indexTests2

	mark      uint32
	levelMark uint32 // mark of the blocks in the levels
	done      bool
	nonBranch bool // a round changed more than branch targets
	work      int  // steps done, see optBudget

	libpcapLayout bool // lay out embedded jumps as libpcap does, see optimizeLayout
}

// spend counts n steps of work and gives up past the budget.
func (o *optimizer) spend(n int) {
	if o.work += n; o.work > optBudget {
		panic(errOverBudget{})
	}
}

// optimize rewrites prog the way libpcap's optimizer does. It reports
// "expression rejects all packets" when the result would be a lone
// "ret #0", and libpcap's errors for constant division by zero and
// over-wide shifts. Programs of shapes libpcap never optimizes (jumps into
// statement lists, other than the VLAN metadata test of live Linux code,
// or backward jumps) and very large programs are returned unchanged; the
// caller does not call it at all where libpcap's code generator turns its
// optimizer off (protochain, geneve, 802.11 header length).
func optimize(prog []bpf.Instruction) (out []bpf.Instruction, err error) {
	return optimizeLayout(prog, false)
}

// optimizeLayout is optimize; with libpcapLayout it lays out the jumps
// among a block's statements (live Linux "vlan ID") as libpcap 1.10.3
// does, wrongly (see opt_layout.go), for the tests that show the
// difference.
func optimizeLayout(prog []bpf.Instruction, libpcapLayout bool) (out []bpf.Instruction, err error) {
	root, n, ok := buildCFG(prog, maxOptBlocks)
	if !ok || root == nil {
		return prog, nil
	}
	defer func() {
		if r := recover(); r != nil {
			switch r.(type) {
			case errOverBudget, errBadEmbedded:
				out, err = prog, nil
				return
			}
			e, ok := r.(optError)
			if !ok {
				panic(r)
			}
			out, err = nil, &Error{Msg: e.msg}
		}
	}()
	o := &optimizer{root: root, vinfo: make([]vinfo, 1, 64), libpcapLayout: libpcapLayout}
	o.blocks = make([]*oblock, 0, n)
	o.useTrees = n > treesOver
	o.numberBlocks()
	o.loop(false)
	o.loop(true)
	o.mergeBlocks()
	o.trace("after intern_blocks()")
	o.skipRoot()
	o.trace("after opt_root()")
	if o.root.s.op == bpf.ClassRET|bpf.RetK && o.root.s.k == 0 {
		return nil, &Error{Msg: "expression rejects all packets"}
	}
	return o.linearize(), nil
}

// loop runs rounds of the passes until one changes nothing, and returns
// the number of rounds.
func (o *optimizer) loop(doStmts bool) int {
	if optTrace != nil {
		o.trace(fmt.Sprintf("opt_loop(root, %d) begin", b2i(doStmts)))
	}
	branchOnly := 0
	for round := 0; round < maxOptRounds; round++ {
		o.done = true
		o.nonBranch = false
		o.findLevels()
		o.spend(len(o.blocks))
		if o.useTrees {
			o.findDomTrees()
			o.findUD()
		} else {
			o.findDom()
			o.findUD()
			o.findEdom()
		}
		o.optBlocks(doStmts)
		if optTrace != nil {
			o.trace(fmt.Sprintf("opt_loop(root, %d) bottom, done=%d", b2i(doStmts), b2i(o.done)))
		}
		if o.done {
			return round
		}
		if o.nonBranch {
			branchOnly = 0
		} else if branchOnly++; branchOnly >= 100 {
			return round
		}
	}
	return maxOptRounds
}

// optTrace, when set (by tests), receives the program after each round,
// labelled as libpcap's optimizer debugging output labels it.
var optTrace func(label string, prog []bpf.Instruction)

func (o *optimizer) trace(label string) {
	if optTrace != nil {
		optTrace(label, o.linearize())
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
