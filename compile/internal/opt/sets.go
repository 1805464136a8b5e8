package opt

import (
	"slices"

	"github.com/purepcap/pcap/bpf"
)

// Set tests (see chains.go) become binary searches once libpcap's passes
// are done: constants sorted, neighbours merged into ranges, "jgt" to
// halve the ranges and "jeq", or "jge" and "jgt", at the leaves, so a
// packet runs O(log n) tests. The set tests of one set share one search
// when the registers allow: each loads its number into X and enters the
// search, and where the tests went to different places, the search's
// outcome goes through a dispatch on that number ("txa; jeq #i").

// span is a range of set members, lo to hi in steps of the set's step.
type span struct{ lo, hi uint32 }

func spans(s set) []span {
	var out []span
	for _, v := range s.members {
		if n := len(out); n > 0 && out[n-1].hi+s.step == v && out[n-1].hi < v {
			out[n-1].hi = v
			continue
		}
		out = append(out, span{v, v})
	}
	return out
}

// Search shape: "jgt" halves the spans down to buckets of at most
// bucketSpans, tested one by one; a search of more than relaySpans spans
// reaches its outcomes through nearby relays (a copy of a return, or a
// "ja"), so that its leaves need no trampolines of their own.
const (
	bucketSpans = 4
	relaySpans  = 48
)

// searchBuilder makes the blocks of one search.
type searchBuilder struct {
	step    uint32
	in, out *oblock
	relays  bool
	slab    []oblock
}

func (sb *searchBuilder) block(op uint16, k uint32, jt, jf *oblock) *oblock {
	if len(sb.slab) == 0 {
		sb.slab = make([]oblock, 64)
	}
	b := &sb.slab[0]
	sb.slab = sb.slab[1:]
	b.s = ostmt{op: op, k: k}
	b.et.succ, b.ef.succ = jt, jf
	return b
}

// relay returns a block near its users that goes where to goes.
func (sb *searchBuilder) relay(to *oblock) *oblock {
	if to.s.op == opRetK && len(to.stmts) == 0 {
		return sb.block(opRetK, to.s.k, nil, nil)
	}
	return sb.block(OpJa, 0, to, to)
}

// build returns the search of sp, known to hold lo <= A <= hi when it
// starts.
func (sb *searchBuilder) build(sp []span, lo, hi uint32) *oblock {
	if sb.relays && len(sp) <= relaySpans {
		in, out := sb.in, sb.out
		sb.in, sb.out, sb.relays = sb.relay(in), sb.relay(out), false
		r := sb.build(sp, lo, hi)
		sb.in, sb.out, sb.relays = in, out, true
		return r
	}
	if len(sp) > bucketSpans {
		mid := len(sp) / 2
		cut := sp[mid-1].hi
		right := sb.build(sp[mid:], cut+sb.step, hi)
		left := sb.build(sp[:mid], lo, cut)
		return sb.block(OpJgt, cut, right, left)
	}
	// A bucket, in ascending order: A below a span is below the rest. The
	// masked values A can hold move in steps of sb.step, so the bounds A
	// is known to respect are tight.
	next := sb.out
	for i := len(sp) - 1; i >= 0; i-- {
		r := sp[i]
		first, last := i == 0, i == len(sp)-1
		if r.lo == r.hi && !(first && lo == r.lo && last && hi == r.hi) {
			next = sb.block(OpJeq, r.lo, sb.in, next)
			continue
		}
		t := sb.in
		if !last || hi > r.hi {
			t = sb.block(OpJgt, r.hi, next, sb.in)
		}
		if !first || lo < r.lo {
			t = sb.block(OpJge, r.lo, t, sb.out)
		}
		next = t
	}
	return next
}

// search returns the first block of a search of s going to in or out.
func (sb *searchBuilder) search(s set, in, out *oblock) *oblock {
	sp := spans(s)
	sb.step, sb.in, sb.out, sb.relays = s.step, in, out, len(sp) > relaySpans
	r := sb.build(sp, 0, ^(s.step - 1)) // a masked value is at most the mask
	if r == in || r == out {
		r = sb.block(OpJa, 0, r, r) // every value is or none is a member
	}
	return r
}

// expandSets replaces the set tests of the graph by searches, one per
// group of tests that can share one (see groupSetTests).
func (o *optimizer) expandSets(sets []set) {
	o.findLevels()
	o.findUD()
	var sb searchBuilder
	scratch := o.freeScratch()
	for _, g := range o.groupSetTests(scratch) {
		s := sets[g[0].s.k]
		if len(g) == 1 {
			enter(g[0], sb.search(s, g[0].jt(), g[0].jf()))
			continue
		}
		o.shareSearch(&sb, s, g, scratch)
	}
}

// enter makes b end with the first test of search r.
func enter(b, r *oblock) {
	b.s = r.s
	b.et.succ, b.ef.succ = r.et.succ, r.ef.succ
}

// groupSetTests groups the set tests of the graph, root first, so that the
// tests of a group share a search: tests of the same set whose registers
// allow it (shareable), as long as no path leads from a group's outcome
// back to a test of the same group, directly or through other groups, as
// a program cannot loop.
func (o *optimizer) groupSetTests(scratch int) [][]*oblock {
	var tests []*oblock
	for _, b := range o.blocks {
		if b.mark == o.levelMark && b.s.op == opJin {
			tests = append(tests, b)
		}
	}
	slices.SortStableFunc(tests, func(x, y *oblock) int { return y.level - x.level })
	idx := make(map[*oblock]int, len(tests))
	for i, b := range tests {
		idx[b] = i
	}
	// reach[i][j]: test j is reachable from test i's successors.
	reach := make([][]bool, len(tests))
	for i, b := range tests {
		reach[i] = make([]bool, len(tests))
		o.mark++
		var walk func(x *oblock)
		walk = func(x *oblock) {
			if x == nil || x.mark == o.mark {
				return
			}
			x.mark = o.mark
			if j, ok := idx[x]; ok {
				reach[i][j] = true
			}
			walk(x.jt())
			walk(x.jf())
		}
		walk(b.jt())
		walk(b.jf())
	}
	o.levelMark = 0 // the marks of the levels are gone
	group := make([]int, len(tests))
	var groups [][]int
	for i, b := range tests {
		group[i] = -1
		for gi, g := range groups {
			if tests[g[0]].s.k != b.s.k || !shareable(tests, append(g[:len(g):len(g)], i), scratch) {
				continue
			}
			group[i] = gi
			if acyclic(groups, group, reach, i) {
				groups[gi] = append(g, i)
				break
			}
			group[i] = -1
		}
		if group[i] < 0 {
			group[i] = len(groups)
			groups = append(groups, []int{i})
		}
	}
	out := make([][]*oblock, len(groups))
	for gi, g := range groups {
		for _, i := range g {
			out[gi] = append(out[gi], tests[i])
		}
	}
	return out
}

// acyclic reports whether the groups, with test i added to group[i], leave
// no path from a group's outcomes back into it.
func acyclic(groups [][]int, group []int, reach [][]bool, i int) bool {
	n := len(groups)
	edge := make([][]bool, n)
	for x := range edge {
		edge[x] = make([]bool, n)
	}
	for u := 0; u <= i; u++ {
		for v := 0; v <= i; v++ {
			if reach[u][v] {
				edge[group[u]][group[v]] = true
			}
		}
	}
	state := make([]int8, n) // 0 new, 1 on the stack, 2 done
	var visit func(x int) bool
	visit = func(x int) bool {
		if state[x] != 0 {
			return state[x] == 2
		}
		state[x] = 1
		for y := range n {
			if edge[x][y] && !visit(y) {
				return false
			}
		}
		state[x] = 2
		return true
	}
	for x := range n {
		if !visit(x) {
			return false
		}
	}
	return true
}

// shareable reports whether the tests g may share a search: a dispatch
// takes A, so where the tests go to different places A must not be read
// there; X holds the test's number, saved in the scratch word if read.
func shareable(tests []*oblock, g []int, scratch int) bool {
	in, out, needX := outcomes(tests, g)
	for _, i := range g {
		b := tests[i]
		if in == nil && atomHas(b.jt().inUse, atomA) || out == nil && atomHas(b.jf().inUse, atomA) {
			return false
		}
	}
	return !needX || scratch >= 0
}

// outcomes returns the one place the tests g go to when true (or nil if
// they differ), the same when false, and whether a place they go to reads X.
func outcomes(tests []*oblock, g []int) (in, out *oblock, needX bool) {
	in, out = tests[g[0]].jt(), tests[g[0]].jf()
	for _, i := range g {
		b := tests[i]
		if b.jt() != in {
			in = nil
		}
		if b.jf() != out {
			out = nil
		}
		needX = needX || atomHas(b.jt().inUse, atomX) || atomHas(b.jf().inUse, atomX)
	}
	return in, out, needX
}

// shareSearch makes the set tests g of set s share one search: each test
// loads its number into X (saving X in the scratch word if a successor
// reads it), and a dispatch on that number ("txa; jeq #i") takes the
// search's outcome where that test went.
func (o *optimizer) shareSearch(sb *searchBuilder, s set, g []*oblock, scratch int) {
	all := make([]int, len(g))
	for i := range all {
		all[i] = i
	}
	in, out, needX := outcomes(g, all)
	var restore []ostmt
	if needX && (in == nil || out == nil) {
		restore = []ostmt{{op: OpLdxMem, k: uint32(scratch)}}
	}
	pick := func(common *oblock, succ func(*oblock) *oblock) *oblock {
		if common == nil {
			return dispatch(sb, g, succ, restore)
		}
		if restore != nil && atomHas(common.inUse, atomX) {
			b := sb.block(OpJa, 0, common, common)
			b.stmts = restore
			return b
		}
		return common
	}
	r := sb.search(s, pick(in, (*oblock).jt), pick(out, (*oblock).jf))
	for i, b := range g {
		if in != nil && out != nil {
			enter(b, r) // no dispatch: the number is not needed
			continue
		}
		st := b.stmts[:len(b.stmts):len(b.stmts)]
		if restore != nil {
			st = append(st, ostmt{op: OpStx, k: restore[0].k})
		}
		b.stmts = append(st, ostmt{op: OpLdxImm, k: uint32(i)})
		enter(b, r)
	}
}

// freeScratch returns a scratch word no statement uses, or -1.
func (o *optimizer) freeScratch() int {
	var used uint32
	for _, b := range o.blocks {
		if b.mark != o.levelMark {
			continue
		}
		for _, st := range b.stmts {
			switch st.op {
			case OpLdMem, OpLdxMem, OpSt, OpStx:
				used |= 1 << (st.k & 15)
			}
		}
	}
	for r := range bpf.MemWords {
		if used&(1<<r) == 0 {
			return r
		}
	}
	return -1
}

// dispatch returns blocks that go, with the number i in X, where g[i]'s
// successor succ went, running restore first.
func dispatch(sb *searchBuilder, g []*oblock, succ func(*oblock) *oblock, restore []ostmt) *oblock {
	next := succ(g[len(g)-1])
	for i := len(g) - 2; i >= 0; i-- {
		next = sb.block(OpJeq, uint32(i), succ(g[i]), next)
	}
	next.stmts = append([]ostmt{{op: OpTxa}}, restore...)
	return next
}

// plainSets lays out w, whose runs collapseChains collapsed into the set
// tests of sets, with searches for them and no other change.
func plainSets(w []wins, sets []set) []bpf.Instruction {
	root, _, ok := wideCFG(w)
	if !ok {
		return nil
	}
	o := &optimizer{graph: graph{root: root}}
	o.useTrees = true
	o.numberBlocks()
	o.expandSets(sets)
	return o.linearize(embeddedJumps)
}
