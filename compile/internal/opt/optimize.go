// Package opt is the filter compiler's optimizer: it rewrites a classic BPF
// program the way libpcap 1.10's optimizer does, so that packets, truncated
// ones included, get the verdicts of libpcap's optimized program (in BPF a
// load past the end of the packet ends the program with 0, so which loads
// remain, and in which order, decides the verdict on short packets).
//
// Block lists ("host A or host B or ...", thousands of members) are
// made sets first (chains.go): each run of equal terms collapses into one
// term testing set membership, so libpcap's passes see a small program.
//
// The passes run on the graph of basic blocks, made straight from the code
// generator's labelled program (builder.go) or parsed back from a flat
// program (cfg.go), as a sequence of passes that each say whether they
// changed anything:
//
//  1. rounds of block passes (value numbering with constant folding,
//     peephole rules, dead-store removal; block.go, value.go) and branch
//     passes (jump threading over dominating edges, or/and pull-ups;
//     branch.go), until a round changes nothing;
//  2. rounds that also rewrite statements (removing loads of values
//     already in place, blocks whose statements do not matter), until a
//     round changes nothing; the first of them is usually replayed from
//     what the last round of step 1 recorded (probe.go);
//  3. merging identical blocks, skipping a root whose test no longer
//     matters, the set tests' binary searches (sets.go), and the layout
//     (layout.go).
//
// Dominance comes from bit sets (flow.go) or, for large programs, from
// dominator trees (domtree.go); both give the same answers. One value
// numbering serves all rounds, and a round keeps the levels, dominators
// and blocks' own liveness that nothing it changed affects.
package opt

import (
	"sync"

	"github.com/purepcap/pcap/bpf"
)

// Options tune an optimization. The zero value is what the compiler uses.
type Options struct {
	// Budget bounds the work spent on one program, in steps of about
	// 10 ns (blocks visited per round, candidate edges examined, pull-up
	// steps); a program that needs more is returned as generated. Zero
	// means DefaultBudget.
	Budget int
}

// DefaultBudget is the work budget of the zero Options: a few seconds at
// most (a 1000-host or-chain takes 2.7e8 steps).
const DefaultBudget = 300_000_000

// maxBlocks bounds the size of the programs that get optimized: the rounds
// of libpcap's algorithm cost more than linear time; libpcap itself takes
// minutes on programs of this size. Larger programs are returned as
// generated, cheaply: only their blocks are counted.
const maxBlocks = 25000

// maxRounds bounds the rounds of one optimizer loop (libpcap stops after
// 100 rounds that only move branches; this is a backstop).
const maxRounds = 1000

// treesOver is the number of blocks above which dominance comes from
// trees rather than bit sets.
const treesOver = 5000

// Error is an optimization that cannot finish. The errors libpcap's
// optimizer reports (constant division by zero, over-wide shifts, a
// program that rejects everything) reach the caller; the others (over
// budget, unlayable embedded jumps) make Optimize return the program as
// generated. Passes raise it with panic; Optimize recovers it.
type Error struct {
	Msg  string
	keep bool // give the program back as generated instead of failing
}

func (e *Error) Error() string { return e.Msg }

var (
	errDivZero    = &Error{Msg: "division by zero"}
	errModZero    = &Error{Msg: "modulus by zero"}
	errWideShift  = &Error{Msg: "shift by more than 31 bits"}
	errRejectsAll = &Error{Msg: "expression rejects all packets"}
	errOverBudget = &Error{Msg: "optimizer work budget exceeded", keep: true}
	errBadEmbed   = &Error{Msg: "embedded jump out of reach", keep: true}
)

// change says what a pass changed; rounds go on while they change
// something, and stop after 100 rounds that only move branches.
type change int8

const (
	unchanged     change = iota
	branchesMoved        // only jump targets
	codeChanged          // statements or tests
)

// optimizer is the state the passes share: the graph, the dominance
// answers, the value numbers of the current round, the index of the
// blocks' tests, the work spent, and storage to reuse.
type optimizer struct {
	graph
	dominance
	values
	tests testIndex
	budget
	buf buffers
	// probeReady says that the probe's record of the last round may
	// stand for the next one (probe.go).
	probeReady bool
	// scanEdom says that threadJump scans bit sets (decidedByScan).
	scanEdom bool
	// foreign says that the graph has blocks outside o's storage.
	foreign bool
	builder Builder
}

// optimizers holds optimizers whose storage a later optimization reuses.
var optimizers = sync.Pool{New: func() any { return new(optimizer) }}

// maxPooledBlocks bounds the graphs whose storage goes back to the pool.
const maxPooledBlocks = 4096

// release gives o back to the pool unless its storage is too large to
// keep. The graph's pointers lead into o's own storage (and a few small
// statement lists), and stay until the next optimization overwrites them,
// except where sets were found: those graphs' blocks are allocated apart,
// and are dropped so that the pool keeps none alive.
func (o *optimizer) release() {
	if len(o.blocks) > maxPooledBlocks || len(o.buf.at) > 4*maxPooledBlocks ||
		cap(o.buf.blocks) > maxPooledBlocks || len(o.builder.labelAt) > 4*maxPooledBlocks {
		return
	}
	if o.foreign {
		clear(o.blocks)
		clear(o.edges)
		clear(o.levels)
		clear(o.buf.blocks)
		clear(o.buf.order[:cap(o.buf.order)])
		clear(o.buf.rep[:cap(o.buf.rep)])
	}
	o.probe.reset()
	o.root = nil
	optimizers.Put(o)
}

// budget counts work steps.
type budget struct{ work, limit int }

// spend counts n steps of work and gives up past the limit.
func (b *budget) spend(n int) {
	if b.work += n; b.work > b.limit {
		panic(errOverBudget)
	}
}

// Optimize rewrites prog the way libpcap's optimizer does. It fails with
// *Error "expression rejects all packets" when the result would be a lone
// "ret #0", and with libpcap's errors for constant division by zero and
// over-wide shifts. Programs of shapes libpcap never optimizes (jumps into
// statement lists, other than the VLAN metadata test of live Linux code,
// or backward jumps) and very large programs are returned unchanged; the
// caller does not call it at all where libpcap's code generator turns its
// optimizer off (protochain, geneve, 802.11 header length). prog is not
// modified; the result may share its backing array when unchanged.
func Optimize(prog []bpf.Instruction, opts Options) ([]bpf.Instruction, error) {
	return optimize(prog, opts, hooks{layout: embeddedJumps})
}

// hooks are what tests may vary; see OptimizeWithHooks.
type hooks struct {
	layout    layoutFunc
	treesOver int // 0: treesOver
	noReplay  bool
}

func optimize(prog []bpf.Instruction, opts Options, h hooks) (out []bpf.Instruction, err error) {
	o := optimizers.Get().(*optimizer)
	defer o.release()
	col, sets := collapseChains(prog)
	o.foreign = len(sets) > 0
	var root *oblock
	var n int
	ok := false
	if len(sets) > 0 {
		root, n, ok = wideCFG(col)
		if n > maxBlocks {
			root = nil
		}
		o.buf.atoms = 1<<nAtoms - 1 // not looked for: merging all is always right
	} else {
		root, n, ok = o.buf.buildCFG(prog, maxBlocks)
	}
	if !ok || root == nil {
		return unoptimized(prog, col, sets), nil
	}
	return o.run(root, n, opts, h, sets, func() []bpf.Instruction { return unoptimized(prog, col, sets) })
}

// run optimizes the graph from root, of n blocks, whose set tests refer to
// sets; asGenerated returns the program to give back when an optimization
// cannot finish (*Error with keep).
func (o *optimizer) run(root *oblock, n int, opts Options, h hooks, sets []set, asGenerated func() []bpf.Instruction) (out []bpf.Instruction, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			if e.keep {
				out, err = asGenerated(), nil
				return
			}
			out, err = nil, e
		}
	}()
	o.root = root
	o.work, o.limit = 0, opts.Budget
	if o.limit <= 0 {
		o.limit = DefaultBudget
	}
	if h.treesOver == 0 {
		h.treesOver = treesOver
	}
	o.blocks = o.blocks[:0]
	o.useTrees = n > h.treesOver
	o.atoms = o.buf.atoms
	o.numberBlocks()
	o.relinked()
	// One numbering serves all rounds: a value's number depends only on
	// the operation and its operands' numbers, so numbers kept from an
	// earlier round mean what a fresh numbering's would.
	o.initVal()
	o.loop(false)
	if h.noReplay {
		o.probeReady = false
	}
	o.loop(true)
	o.mergeBlocks()
	o.skipRoot()
	if o.root.s.op == opRetK && o.root.s.k == 0 {
		return nil, errRejectsAll
	}
	if len(sets) > 0 {
		o.expandSets(sets)
	}
	return o.linearize(h.layout), nil
}

// unoptimized returns the program to give back when the passes cannot run
// on col, prog with its runs collapsed into sets: prog itself, or, when
// there are sets, col with searches for them.
func unoptimized(prog []bpf.Instruction, col []wins, sets []set) []bpf.Instruction {
	if len(sets) > 0 {
		if out := plainSets(col, sets); out != nil {
			return out
		}
	}
	return prog
}

// loop runs rounds of the passes until one changes nothing.
func (o *optimizer) loop(doStmts bool) {
	branchOnly := 0
	replay := doStmts && o.probeReady
	o.probeReady = false
	for range maxRounds {
		var c change
		o.spend(len(o.blocks))
		if replay {
			// The first rewriting round, from what the probe saw in the
			// last round of the loop before (probe.go).
			c, replay = o.replay(), false
		} else {
			c = o.round(doStmts)
		}
		switch c {
		case unchanged:
			o.probeReady = !doStmts && o.probe.usable()
			return
		case codeChanged:
			branchOnly = 0
		case branchesMoved:
			if branchOnly++; branchOnly >= 100 {
				return
			}
		}
	}
}

// round recomputes the analyses and runs one round of the passes.
func (o *optimizer) round(doStmts bool) change {
	if !o.levelsKnown {
		o.findLevels()
		o.levelsKnown = true
	}
	// Only the branch passes ask about dominance, and rounds that
	// rewrite statements run none.
	switch {
	case doStmts || o.domKnown:
	case o.useTrees:
		o.findDomTrees()
	default:
		o.findDom()
	}
	o.domKnown = !doStmts
	o.findUD()
	return o.optBlocks(doStmts)
}
