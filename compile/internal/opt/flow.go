package opt

import "github.com/purepcap/pcap/bpf"

// Graph analyses recomputed before each round of the optimizer: levels
// (longest distance to a return, which orders the acyclic graph),
// dominators, edge dominators, register liveness and in-edges.

func bitSet(s []uint64, i int)      { s[i>>6] |= 1 << (uint(i) & 63) }
func bitHas(s []uint64, i int) bool { return s[i>>6]&(1<<(uint(i)&63)) != 0 }
func bitAnd(dst, src []uint64) {
	for i := range dst {
		dst[i] &= src[i]
	}
}
func bitFill(s []uint64, v uint64) {
	for i := range s {
		s[i] = v
	}
}
func atomHas(set uint32, a int) bool { return set&(1<<uint(a)) != 0 }
func atomBit(a int) uint32           { return 1 << uint(a) }

// graph is the control-flow graph and its orderings.
type graph struct {
	root      *oblock
	blocks    []*oblock // by id
	edges     []*oedge  // by id
	levels    []*oblock // first block of each level
	mark      uint32    // last mark handed out for a walk
	levelMark uint32    // mark of the blocks in the levels
}

// dominance answers which blocks and edges dominate which, from the bit
// sets in the blocks and edges or, when useTrees, from the trees.
type dominance struct {
	useTrees          bool
	domTree, edomTree lifting
}

// numberBlocks numbers the blocks reachable from the root depth-first,
// true branch first, and gives each its edges' ids and edge sets.
func (o *optimizer) numberBlocks() {
	o.mark++
	o.numberFrom(o.root)
	n := len(o.blocks)
	nodewords, edgewords := n/64+1, 2*n/64+1
	var space []uint64
	if !o.useTrees {
		// findDom fills the sets.
		o.buf.space = grow(o.buf.space, n*nodewords+2*n*edgewords)
		space = o.buf.space
	}
	o.edges = grow(o.edges, 2*n) // set below
	o.levels = grow(o.levels, n) // cleared by findLevels
	for _, b := range o.blocks {
		if !o.useTrees {
			b.dom, space = space[:nodewords:nodewords], space[nodewords:]
			b.et.edom, space = space[:edgewords:edgewords], space[edgewords:]
			b.ef.edom, space = space[:edgewords:edgewords], space[edgewords:]
		}
		b.et.id, b.ef.id = b.id, n+b.id
		o.edges[b.et.id], o.edges[b.ef.id] = &b.et, &b.ef
		b.et.pred, b.ef.pred = b, b
	}
}

// numberFrom numbers the unmarked blocks reachable from b (numberBlocks).
func (o *optimizer) numberFrom(b *oblock) {
	if b == nil || b.mark == o.mark {
		return
	}
	b.mark = o.mark
	b.id = len(o.blocks)
	o.blocks = append(o.blocks, b)
	o.numberFrom(b.jt())
	o.numberFrom(b.jf())
}

// findLevels lists the reachable blocks by level; within a level the most
// recently finished block comes first.
func (o *optimizer) findLevels() {
	o.inEdgesKnown = false // their order follows the levels'
	clear(o.levels)
	o.mark++
	o.levelFrom(o.root)
	o.levelMark = o.mark
}

// levelFrom gives the unmarked blocks reachable from b their levels
// (findLevels).
func (o *optimizer) levelFrom(b *oblock) {
	if b.mark == o.mark {
		return
	}
	b.mark = o.mark
	b.link = nil
	level := 0
	if jt, jf := b.jt(), b.jf(); jt != nil {
		o.levelFrom(jt)
		o.levelFrom(jf)
		level = max(jt.level, jf.level) + 1
	}
	b.level = level
	b.link = o.levels[level]
	o.levels[level] = b
}

// findDom computes each block's dominators and each edge's dominating
// edges, in one pass down the levels.
func (o *optimizer) findDom() {
	// The blocks' dom and edom sets are o.buf.space, in one piece.
	n := len(o.blocks)
	bitFill(o.buf.space[:n*len(o.root.dom)+2*n*len(o.root.et.edom)], ^uint64(0))
	if len(o.root.dom) == 1 && len(o.root.et.edom) == 1 {
		o.findDomWord()
		return
	}
	bitFill(o.root.dom, 0)
	bitFill(o.root.et.edom, 0)
	bitFill(o.root.ef.edom, 0)
	for i := o.root.level; i >= 0; i-- {
		for b := o.levels[i]; b != nil; b = b.link {
			bitSet(b.dom, b.id)
			jt, jf := b.jt(), b.jf()
			if jt == nil {
				continue
			}
			bitAnd(jt.dom, b.dom)
			bitAnd(jf.dom, b.dom)
			bitSet(b.et.edom, b.et.id)
			bitAnd(jt.et.edom, b.et.edom)
			bitAnd(jt.ef.edom, b.et.edom)
			bitSet(b.ef.edom, b.ef.id)
			bitAnd(jf.et.edom, b.ef.edom)
			bitAnd(jf.ef.edom, b.ef.edom)
		}
	}
}

// findDomWord is findDom for programs whose sets fit in one word each,
// after the fill.
func (o *optimizer) findDomWord() {
	o.root.dom[0], o.root.et.edom[0], o.root.ef.edom[0] = 0, 0, 0
	for i := o.root.level; i >= 0; i-- {
		for b := o.levels[i]; b != nil; b = b.link {
			d := b.dom[0] | 1<<uint(b.id)
			b.dom[0] = d
			jt, jf := b.jt(), b.jf()
			if jt == nil {
				continue
			}
			jt.dom[0] &= d
			jf.dom[0] &= d
			et := b.et.edom[0] | 1<<uint(b.et.id)
			b.et.edom[0] = et
			jt.et.edom[0] &= et
			jt.ef.edom[0] &= et
			ef := b.ef.edom[0] | 1<<uint(b.ef.id)
			b.ef.edom[0] = ef
			jf.et.edom[0] &= ef
			jf.ef.edom[0] &= ef
		}
	}
}

// atomTables hold atomUse's and atomDef's answers by opcode, computed
// once by classifyUse and classifyDef; atomK stands for the statement's
// constant (a scratch word). useMask holds atomUseMask's, but 0 where the
// answer depends on the constant.
var atomTables = func() (t struct {
	use, def [256]int8
	useMask  [256]uint32
}) {
	for op := range 256 {
		s := ostmt{op: uint16(op), k: atomK}
		t.use[op], t.def[op] = int8(classifyUse(s)), int8(classifyDef(s))
		switch a := t.use[op]; a {
		case -1, atomK:
		case atomAX:
			t.useMask[op] = atomBit(atomA) | atomBit(atomX)
		default:
			t.useMask[op] = atomBit(int(a))
		}
	}
	return t
}()

// atomK is the constant classifyUse and classifyDef see when filling
// atomTables: no atom's number, so an answer equal to it means "s.k".
const atomK = 31

// atomUse returns the atom s reads, atomAX for both A and X, or -1.
func atomUse(s ostmt) int { return atomOf(&atomTables.use, s) }

// atomDef returns the atom s writes, or -1.
func atomDef(s ostmt) int { return atomOf(&atomTables.def, s) }

// atomOf is s's answer in table, atomTables.use or atomTables.def.
func atomOf(table *[256]int8, s ostmt) int {
	if s.op > 0xff {
		return -1 // opNop
	}
	if a := table[s.op]; a != atomK {
		return int(a)
	}
	return int(s.k)
}

// atomUseMask returns the set of atoms s reads.
func atomUseMask(s ostmt) uint32 {
	if s.op > 0xff {
		return 0 // opNop
	}
	if atomTables.use[s.op] == atomK {
		return atomBit(int(s.k & 15)) // a scratch word: okStmt checked k
	}
	return atomTables.useMask[s.op]
}

// classifyUse is atomUse without the table.
func classifyUse(s ostmt) int {
	if s.op == opNop {
		return -1
	}
	switch s.opcode().Class() {
	case bpf.ClassRET:
		switch s.opcode().RetSrc() {
		case bpf.RetA:
			return atomA
		case bpf.RetX:
			return atomX
		}
		return -1
	case bpf.ClassLD, bpf.ClassLDX:
		switch s.opcode().Mode() {
		case bpf.ModeIND:
			return atomX
		case bpf.ModeMEM:
			return int(s.k)
		}
		return -1
	case bpf.ClassST:
		return atomA
	case bpf.ClassSTX:
		return atomX
	case bpf.ClassJMP, bpf.ClassALU:
		if s.opcode().Src() == bpf.SrcX {
			return atomAX
		}
		return atomA
	}
	// ClassMISC
	if s.opcode().MiscOp() == bpf.MiscTXA {
		return atomX
	}
	return atomA
}

// classifyDef is atomDef without the table.
func classifyDef(s ostmt) int {
	if s.op == opNop {
		return -1
	}
	switch s.opcode().Class() {
	case bpf.ClassLD, bpf.ClassALU:
		return atomA
	case bpf.ClassLDX:
		return atomX
	case bpf.ClassST, bpf.ClassSTX:
		return int(s.k)
	case bpf.ClassMISC:
		if s.opcode().MiscOp() == bpf.MiscTAX {
			return atomX
		}
		return atomA
	}
	return -1
}

// localUD computes the atoms b reads before writing them (useIn) and those
// it writes before reading them (kill); they hold until b's statements or
// final instruction change (finishBlock, foldJump, skipRoot clear
// udFresh).
func localUD(b *oblock) {
	var def, use, kill uint32
	for _, s := range b.stmts {
		if s.op == opNop {
			continue
		}
		use |= atomUseMask(s) &^ def
		if a := atomDef(s); a >= 0 {
			bit := atomBit(a)
			if use&bit == 0 {
				kill |= bit
			}
			def |= bit
		}
	}
	if b.s.opcode().Class() == bpf.ClassJMP {
		use |= atomUseMask(b.s) &^ def
	}
	b.kill, b.useIn, b.udFresh = kill, use, true
}

// findUD computes which atoms are live on exit from each block.
func (o *optimizer) findUD() {
	maxlevel := o.root.level
	for i := maxlevel; i >= 0; i-- {
		for p := o.levels[i]; p != nil; p = p.link {
			if !p.udFresh {
				localUD(p)
			}
			p.inUse, p.outUse = p.useIn, 0
		}
	}
	for i := 1; i <= maxlevel; i++ {
		for p := o.levels[i]; p != nil; p = p.link {
			p.outUse |= p.jt().inUse | p.jf().inUse
			p.inUse |= p.outUse &^ p.kill
		}
	}
}

// findInedges links each block's in-edges, from the blocks of the levels.
func (o *optimizer) findInedges() {
	o.inEdgesKnown = true
	for _, b := range o.blocks {
		b.inEdges = nil
	}
	for level := o.root.level; level > 0; level-- {
		for b := o.levels[level]; b != nil; b = b.link {
			b.et.next, b.jt().inEdges = b.jt().inEdges, &b.et
			b.ef.next, b.jf().inEdges = b.jf().inEdges, &b.ef
		}
	}
}
