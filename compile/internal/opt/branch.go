package opt

import (
	"cmp"
	"slices"
)

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
	if sense && code == OpJeq {
		// A equals another constant, so it cannot equal child's.
		return child.jf()
	}
	return nil
}

// threadJump makes edge ep skip blocks whose outcome is already known,
// and reports what it changed.
func (o *optimizer) threadJump(ep *oedge) (c change) {
	if ep.succ.jt() == nil {
		return unchanged
	}
	if ep.succ.jt() == ep.succ.jf() {
		// Both ways lead to the same block: go there directly unless a
		// value the block computes is used later.
		if !useConflict(ep.pred, ep.succ.jt()) {
			c = codeChanged
			ep.succ = ep.succ.jt()
		}
	}
	// Look for a dominating edge, lowest id first, whose test decides
	// the successor's. Only edges testing the same value with the same
	// opcode against the same operand, and the true edges of "jeq #k" on
	// the same value, can (foldEdge), so only those are tried.
	for ep.succ.jt() != nil {
		target := o.decided(ep)
		if target == nil {
			return c
		}
		c = max(c, branchesMoved)
		ep.succ = target
	}
	return c
}

// decided returns the block edge ep may go to instead of its successor,
// as the first dominating edge that decides the successor's test says,
// or nil.
func (o *optimizer) decided(ep *oedge) *oblock {
	child := ep.succ
	a := o.tests.lookup(testKey{child.val[atomA], child.s.op, child.oval, false})
	var b []testEntry
	if child.s.op == OpJeq {
		b = o.tests.lookup(testKey{aval: child.val[atomA], op: OpJeq, jeqTrue: true})
	}
	for len(a) > 0 || len(b) > 0 {
		var k int32
		switch {
		case len(b) == 0 || len(a) > 0 && a[0].id < b[0].id:
			k, a = a[0].id, a[1:]
		case len(a) == 0 || b[0].id < a[0].id:
			k, b = b[0].id, b[1:]
		default:
			k, a, b = a[0].id, a[1:], b[1:]
		}
		o.spend(1)
		if !o.edgeDominates(int(k), ep) {
			continue
		}
		target := foldEdge(child, o.edges[k])
		if target != nil && !useConflict(ep.pred, target) {
			return target
		}
	}
	return nil
}

// testKey identifies the edges that can decide a block's test (see
// threadJump): by the value in A, the opcode and the operand's value, or,
// for the true edges of "jeq #k", by the value in A alone.
type testKey struct {
	aval    uint32
	op      uint16
	oval    uint32
	jeqTrue bool
}

func (k testKey) cmp(l testKey) int {
	switch {
	case k.aval != l.aval:
		return cmp.Compare(k.aval, l.aval)
	case k.op != l.op:
		return cmp.Compare(k.op, l.op)
	case k.oval != l.oval:
		return cmp.Compare(k.oval, l.oval)
	case k.jeqTrue != l.jeqTrue:
		if k.jeqTrue {
			return 1
		}
		return -1
	}
	return 0
}

// testEntry is an edge and the test it can decide.
type testEntry struct {
	key testKey
	id  int32
}

// testIndex lists edges by testKey, then by increasing edge id; its
// storage is reused from round to round.
type testIndex struct{ entries []testEntry }

// lookup returns the entries of key.
func (t *testIndex) lookup(key testKey) []testEntry {
	e := t.entries
	i, _ := slices.BinarySearchFunc(e, key, func(x testEntry, k testKey) int { return x.key.cmp(k) })
	j := i
	for j < len(e) && e[j].key == key {
		j++
	}
	return e[i:j]
}

// indexTests lists the out-edges of the blocks of the levels by testKey.
func (o *optimizer) indexTests() {
	e := o.tests.entries[:0]
	if e == nil {
		e = make([]testEntry, 0, 3*len(o.blocks))
	}
	for _, b := range o.blocks {
		if b.mark != o.levelMark || b.jt() == nil {
			continue
		}
		e = append(e,
			testEntry{testKey{b.val[atomA], b.s.op, b.oval, false}, int32(b.et.id)},
			testEntry{testKey{b.val[atomA], b.s.op, b.oval, false}, int32(b.ef.id)})
		if b.s.op == OpJeq {
			e = append(e, testEntry{testKey{aval: b.val[atomA], op: OpJeq, jeqTrue: true}, int32(b.et.id)})
		}
	}
	slices.SortFunc(e, func(x, y testEntry) int {
		if c := x.key.cmp(y.key); c != 0 {
			return c
		}
		return cmp.Compare(x.id, y.id)
	})
	o.tests.entries = e
}

// pullup moves a later test of the same value as b's predecessors' up
// the chain that starts at b: with or (orChain), along false branches that
// share b's true successor; with and, along true branches that share b's
// false successor. It reports whether it moved one.
func (o *optimizer) pullup(b *oblock, orChain bool) bool {
	ep := b.inEdges
	if ep == nil {
		return false
	}
	val := ep.pred.val[atomA]
	for ep = ep.next; ep != nil; ep = ep.next {
		if val != ep.pred.val[atomA] {
			return false
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
			return false
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
			return false
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
	return true
}

// optBlocks runs one round of the block passes, then (unless rewriting
// statements) the branch passes, and reports what the round changed.
func (o *optimizer) optBlocks(doStmts bool) (c change) {
	o.initVal()
	maxlevel := o.root.level
	o.findInedges()
	for i := maxlevel; i >= 0; i-- {
		for p := o.levels[i]; p != nil; p = p.link {
			if o.optBlock(p, doStmts) {
				c = codeChanged
			}
		}
	}
	if doStmts {
		return c
	}
	o.indexTests()
	for i := 1; i <= maxlevel; i++ {
		for p := o.levels[i]; p != nil; p = p.link {
			c = max(c, o.threadJump(&p.et), o.threadJump(&p.ef))
		}
	}
	o.findInedges()
	for i := 1; i <= maxlevel; i++ {
		for p := o.levels[i]; p != nil; p = p.link {
			if o.pullup(p, true) {
				c = max(c, branchesMoved)
			}
			if o.pullup(p, false) {
				c = max(c, branchesMoved)
			}
		}
	}
	return c
}
