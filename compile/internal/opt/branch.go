package opt

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
			o.relinked()
		}
	}
	// Look for a dominating edge, lowest id first, whose test decides
	// the successor's. Only edges testing the same value with the same
	// opcode against the same operand, and the true edges of "jeq #k" on
	// the same value, can (foldEdge), so only those are tried.
	for ep.succ.jt() != nil {
		var target *oblock
		if o.scanEdom {
			target = o.decidedByScan(ep)
		} else {
			target = o.decided(ep)
		}
		if target == nil {
			return c
		}
		c = max(c, branchesMoved)
		ep.succ = target
		o.relinked()
	}
	return c
}

// decided returns the block edge ep may go to instead of its successor,
// as the first dominating edge that decides the successor's test says,
// or nil.
func (o *optimizer) decided(ep *oedge) *oblock {
	child := ep.succ
	t := &o.tests
	var a, b int32 = -1, -1
	if child.tgen == t.gen {
		// The child's own test is indexed: its slots hold the lists.
		a = t.slots[child.tslot].thead
		if child.s.op == OpJeq {
			b = t.slots[child.jslot].thead
		}
	} else {
		a = t.lookup(testKey{child.val[atomA], child.s.op, child.oval, false})
		if child.s.op == OpJeq {
			b = t.lookup(testKey{aval: child.val[atomA], op: OpJeq, jeqTrue: true})
		}
	}
	for a >= 0 || b >= 0 {
		var k int32
		switch {
		case b < 0 || a >= 0 && t.entries[a].id < t.entries[b].id:
			k, a = t.entries[a].id, t.entries[a].next
		case a < 0 || t.entries[b].id < t.entries[a].id:
			k, b = t.entries[b].id, t.entries[b].next
		default:
			k, a, b = t.entries[a].id, t.entries[a].next, t.entries[b].next
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

// decidedByScan is decided for small programs: it tries ep's dominating
// edges in their bit set, lowest id first, without the test index.
func (o *optimizer) decidedByScan(ep *oedge) *oblock {
	child := ep.succ
	for i, w := range ep.edom {
		for ; w != 0; w &= w - 1 {
			o.spend(1)
			k := i<<6 | bits.TrailingZeros64(w)
			target := foldEdge(child, o.edges[k])
			if target != nil && !useConflict(ep.pred, target) {
				return target
			}
		}
	}
	return nil
}

// scanEdomUpTo is the number of blocks up to which threadJump scans the
// dominating edges' bit sets rather than building the test index.
const scanEdomUpTo = 256

// testKey identifies the edges that can decide a block's test (see
// threadJump): by the value in A, the opcode and the operand's value, or,
// for the true edges of "jeq #k", by the value in A alone.
type testKey struct {
	aval    uint32
	op      uint16
	oval    uint32
	jeqTrue bool
}

// hash mixes the fields of k.
func (k testKey) hash() uint32 {
	h := k.aval*0x9e3779b1 ^ uint32(k.op)*0x85ebca77 ^ k.oval*0xc2b2ae3d
	if k.jeqTrue {
		h ^= 0x27d4eb2f
	}
	return h ^ h>>15
}

// testEntry is an edge that can decide tests of one testKey, linked to
// the key's next edge (by increasing id; -1 ends the list).
type testEntry struct {
	id, next int32
}

// testSlot is a testKey's slot in testIndex's hash table: the first and
// last of its true edges' and false edges' entries (-1 for none); it is
// in use when gen is the index's.
type testSlot struct {
	key          testKey
	thead, ttail int32
	fhead, ftail int32
	gen          uint32
}

// testIndex lists edges by testKey, each key's by increasing edge id, in
// an open-addressing hash table; its storage is reused from round to
// round (a new generation empties the table without clearing it).
type testIndex struct {
	entries []testEntry
	slots   []testSlot
	used    []int32 // the slots in use, in no particular order
	gen     uint32
}

// reset empties t for about n keys.
func (t *testIndex) reset(n int) {
	t.entries = t.entries[:0]
	t.used = t.used[:0]
	size := 16
	for size < 2*n {
		size *= 2
	}
	if t.gen == ^uint32(0) {
		t.slots, t.gen = nil, 0
	}
	if len(t.slots) < size {
		// A fresh table; gen goes on, so no block's tgen from an
		// earlier round names a slot of it.
		t.slots = make([]testSlot, size)
	}
	t.gen++
}

// slot returns the slot of key and its index, making it if it is new.
func (t *testIndex) slot(key testKey) (*testSlot, int32) {
	mask := uint32(len(t.slots) - 1)
	for i := key.hash() & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.gen != t.gen || s.key == key {
			if s.gen != t.gen {
				*s = testSlot{key: key, thead: -1, ttail: -1, fhead: -1, ftail: -1, gen: t.gen}
				t.used = append(t.used, int32(i))
			}
			return s, int32(i)
		}
	}
}

// appendTo links a new entry for edge id at the end of the list from
// *head to *tail.
func (t *testIndex) appendTo(head, tail *int32, id int32) {
	n := int32(len(t.entries))
	t.entries = append(t.entries, testEntry{id: id, next: -1})
	if *head < 0 {
		*head = n
	} else {
		t.entries[*tail].next = n
	}
	*tail = n
}

// link joins each key's false edges' list to its true edges' list: true
// edges have the ids of their blocks, false edges those plus the number
// of blocks, so the joined list is in increasing id order.
func (t *testIndex) link() {
	for _, i := range t.used {
		s := &t.slots[i]
		switch {
		case s.thead < 0:
			s.thead = s.fhead
		case s.fhead >= 0:
			t.entries[s.ttail].next = s.fhead
		}
	}
}

// lookup returns the first entry of key, or -1.
func (t *testIndex) lookup(key testKey) int32 {
	mask := uint32(len(t.slots) - 1)
	for i := key.hash() & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.gen != t.gen {
			return -1
		}
		if s.key == key {
			return s.thead
		}
	}
}

// indexTests lists the out-edges of the blocks of the levels by testKey,
// blocks in id order.
func (o *optimizer) indexTests() {
	t := &o.tests
	t.reset(2 * len(o.blocks))
	for _, b := range o.blocks {
		if b.mark != o.levelMark || b.jt() == nil {
			continue
		}
		s, i := t.slot(testKey{b.val[atomA], b.s.op, b.oval, false})
		t.appendTo(&s.thead, &s.ttail, int32(b.et.id))
		t.appendTo(&s.fhead, &s.ftail, int32(b.ef.id))
		b.tgen, b.tslot = t.gen, i
		if b.s.op == OpJeq {
			s, i := t.slot(testKey{aval: b.val[atomA], op: OpJeq, jeqTrue: true})
			t.appendTo(&s.thead, &s.ttail, int32(b.et.id))
			b.jslot = i
		}
	}
	t.link()
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
	o.relinked()
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
	maxlevel := o.root.level
	if !o.inEdgesKnown {
		o.findInedges()
	}
	mode := rewrite
	if !doStmts {
		mode = probeRewrites
		o.probe.reset()
	}
	for i := maxlevel; i >= 0; i-- {
		for p := o.levels[i]; p != nil; p = p.link {
			if o.optBlock(p, mode) {
				c = codeChanged
			}
		}
	}
	if doStmts {
		return c
	}
	o.scanEdom = !o.useTrees && len(o.blocks) <= scanEdomUpTo
	if !o.scanEdom {
		o.indexTests()
	}
	for i := 1; i <= maxlevel; i++ {
		for p := o.levels[i]; p != nil; p = p.link {
			c = max(c, o.threadJump(&p.et), o.threadJump(&p.ef))
		}
	}
	if !o.inEdgesKnown {
		o.findInedges()
	}
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
