package compile

import "math/bits"

// Branch passes: jump threading over dominating edges, and the or/and
// pull-ups that regroup chains of comparisons of the same value.

// useConflict reports whether an atom live on exit from succ holds a
// different value there than on exit from b.
func useConflict(b, succ *oblock) bool {
	use := succ.outUse
	if use == 0 {
		return false
	}
	for a := 0; a < nAtoms; a++ {
		if atomHas(use, a) && b.val[a] != succ.val[a] {
			return true
		}
	}
	return false
}

// foldEdge returns the successor of child that control must take when it
// arrives through edge ep's test (which dominates child), or nil if the
// outcome of child's test is not implied.
func foldEdge(child *oblock, ep *oedge) *oblock {
	code, sense := ep.code, true
	if code < 0 {
		code, sense = -code, false
	}
	if int32(child.s.op) != code {
		return nil
	}
	if child.val[atomA] != ep.pred.val[atomA] {
		return nil
	}
	if child.oval == ep.pred.oval {
		// The same test of the same value.
		if sense {
			return child.jt()
		}
		return child.jf()
	}
	if sense && code == opJeq {
		// A equals another constant, so it cannot equal child's.
		return child.jf()
	}
	return nil
}

// threadJump makes edge ep skip blocks whose outcome is already known.
func (o *optimizer) threadJump(ep *oedge) {
	if ep.succ.jt() == nil {
		return
	}
	if ep.succ.jt() == ep.succ.jf() {
		// Both ways lead to the same block: go there directly unless a
		// value the block computes is used later.
		if !useConflict(ep.pred, ep.succ.jt()) {
			o.nonBranch = true
			o.done = false
			ep.succ = ep.succ.jt()
		}
	}
	// Look for a dominating edge, lowest id first, whose test decides
	// the successor's. Only edges testing the same value with the same
	// opcode can (foldEdge), so only those are tried.
top:
	child := ep.succ
	try := func(k int) bool {
		if k >= len(o.edges) {
			return false
		}
		target := foldEdge(child, o.edges[k])
		if target == nil || useConflict(ep.pred, target) {
			return false
		}
		o.done = false
		ep.succ = target
		return true
	}
	if o.useTrees {
		// The candidates: edges making the same test of the same value
		// against the same operand, and true edges of "jeq #k" on the
		// same value; by increasing id.
		a := o.testIdx[testKey2{child.val[atomA], child.s.op, child.oval, false}]
		var b []int32
		if child.s.op == opJeq {
			b = o.testIdx[testKey2{aval: child.val[atomA], op: opJeq, jeqTrue: true}]
		}
		for len(a) > 0 || len(b) > 0 {
			var k int32
			switch {
			case len(b) == 0 || len(a) > 0 && a[0] < b[0]:
				k, a = a[0], a[1:]
			case len(a) == 0 || b[0] < a[0]:
				k, b = b[0], b[1:]
			default:
				k, a, b = a[0], a[1:], b[1:]
			}
			o.spend(1)
			if o.edgeDominates(int(k), ep) && try(int(k)) {
				if ep.succ.jt() != nil {
					goto top
				}
				return
			}
		}
		return
	}
	edges := ep.edom // small programs: try every dominating edge
	if o.testsOf != nil {
		ts := o.testsOf[testKey{child.val[atomA], child.s.op}]
		if ts == nil {
			return
		}
		edges = ts.bits
		if edges == nil {
			for _, k := range ts.ids {
				if bitHas(ep.edom, int(k)) && try(int(k)) {
					if ep.succ.jt() != nil {
						goto top
					}
					return
				}
			}
			return
		}
	}
	for i, w := range edges {
		x := w & ep.edom[i]
		for x != 0 {
			k := bits.TrailingZeros64(x)
			x &^= 1 << uint(k)
			if try(i*64 + k) {
				if ep.succ.jt() != nil {
					goto top
				}
				return
			}
		}
	}
}

// indexTestsOver is the number of blocks above which jump threading
// indexes the blocks' tests rather than trying every dominating edge.
const indexTestsOver = 64

// testSet lists edges by increasing id; for long lists also as a bit set.
type testSet struct {
	ids  []int32
	bits []uint64
}

// testKey identifies what a block's jump tests: the value in A and the
// jump opcode.
type testKey struct {
	aval uint32
	op   uint16
}

// indexTests lists, for each testKey, the out-edges of the blocks of the
// levels that make that test, by increasing edge id.
func (o *optimizer) indexTests() {
	if o.testsOf == nil {
		o.testsOf = make(map[testKey]*testSet)
	} else {
		clear(o.testsOf)
	}
	for pass := 0; pass < 2; pass++ {
		for _, b := range o.blocks {
			if b.mark != o.levelMark || b.jt() == nil {
				continue
			}
			e := &b.et
			if pass == 1 {
				e = &b.ef
			}
			key := testKey{b.val[atomA], b.s.op}
			ts := o.testsOf[key]
			if ts == nil {
				ts = &testSet{}
				o.testsOf[key] = ts
			}
			ts.ids = append(ts.ids, int32(e.id))
		}
	}
	for _, ts := range o.testsOf {
		if len(ts.ids) > 2*o.edgewords {
			ts.bits = make([]uint64, o.edgewords)
			for _, k := range ts.ids {
				bitSet(ts.bits, int(k))
			}
		}
	}
}

// pullup moves a later test of the same value as b's predecessors' up
// the chain that starts at b: with or (orChain), along false branches that
// share b's true successor; with and, along true branches that share b's
// false successor.
func (o *optimizer) pullup(b *oblock, orChain bool) {
	ep := b.inEdges
	if ep == nil {
		return
	}
	val := ep.pred.val[atomA]
	for ep = ep.next; ep != nil; ep = ep.next {
		if val != ep.pred.val[atomA] {
			return
		}
	}
	// along returns the link of x followed by the chain; common returns
	// the successor every block of the chain must share.
	along := func(x *oblock) **oblock {
		if orChain {
			return &x.ef.succ
		}
		return &x.et.succ
	}
	common := func(x *oblock) *oblock {
		if orChain {
			return x.jt()
		}
		return x.jf()
	}
	first := b.inEdges.pred
	var diffp **oblock
	if first.jt() == b {
		diffp = &first.et.succ
	} else {
		diffp = &first.ef.succ
	}
	atTop := true
	for {
		d := *diffp
		if d == nil || common(d) != common(b) || !o.dominates(b, d) {
			return
		}
		if d.val[atomA] != val {
			break
		}
		diffp = along(d)
		atTop = false
		o.spend(1)
	}
	samep := along(*diffp)
	for {
		s := *samep
		if s == nil || common(s) != common(b) || !o.dominates(b, s) {
			return
		}
		if s.val[atomA] == val {
			break
		}
		samep = along(s)
		o.spend(1)
	}
	pull := *samep
	*samep = *along(pull)
	*along(pull) = *diffp
	if atTop {
		for ep := b.inEdges; ep != nil; ep = ep.next {
			if ep.pred.jt() == b {
				ep.pred.et.succ = pull
			} else {
				ep.pred.ef.succ = pull
			}
		}
	} else {
		*diffp = pull
	}
	o.done = false
}

// optBlocks runs one round of the block passes, then (unless rewriting
// statements) the branch passes.
func (o *optimizer) optBlocks(doStmts bool) {
	o.initVal()
	maxlevel := o.root.level
	o.findInedges()
	for i := maxlevel; i >= 0; i-- {
		for p := o.levels[i]; p != nil; p = p.link {
			o.optBlock(p, doStmts)
		}
	}
	if doStmts {
		return
	}
	if o.useTrees {
		o.indexTests2()
	} else if len(o.blocks) > indexTestsOver {
		o.indexTests()
	}
	for i := 1; i <= maxlevel; i++ {
		for p := o.levels[i]; p != nil; p = p.link {
			o.threadJump(&p.et)
			o.threadJump(&p.ef)
		}
	}
	o.findInedges()
	for i := 1; i <= maxlevel; i++ {
		for p := o.levels[i]; p != nil; p = p.link {
			o.pullup(p, true)
			o.pullup(p, false)
		}
	}
}

// testKey2 identifies the edges that can decide a block's test (see
// threadJump): by the value in A, the opcode and the operand's value, or,
// for the true edges of "jeq #k", by the value in A alone.
type testKey2 struct {
	aval    uint32
	op      uint16
	oval    uint32
	jeqTrue bool
}

// indexTests2 lists the out-edges of the blocks of the levels by testKey2,
// by increasing edge id.
func (o *optimizer) indexTests2() {
	if o.testIdx == nil {
		o.testIdx = make(map[testKey2][]int32)
	} else {
		for k, v := range o.testIdx {
			o.testIdx[k] = v[:0]
		}
	}
	for pass := 0; pass < 2; pass++ {
		for _, b := range o.blocks {
			if b.mark != o.levelMark || b.jt() == nil {
				continue
			}
			e := &b.et
			if pass == 1 {
				e = &b.ef
			}
			key := testKey2{b.val[atomA], b.s.op, b.oval, false}
			o.testIdx[key] = append(o.testIdx[key], int32(e.id))
			if pass == 0 && b.s.op == opJeq {
				key = testKey2{aval: b.val[atomA], op: opJeq, jeqTrue: true}
				o.testIdx[key] = append(o.testIdx[key], int32(e.id))
			}
		}
	}
}
