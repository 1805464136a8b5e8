package opt

import (
	"math/bits"

	"github.com/purepcap/pcap/bpf"
)

// Per-block passes: value propagation into the block, statement
// simplification, the peephole rules and dead-store removal.

// optBlock computes b's exit values from its predecessors' and its
// statements, and simplifies b; mode says whether it rewrites statements
// (see evalMode). It reports whether it changed b.
func (o *values) optBlock(b *oblock, mode evalMode) (changed bool) {
	switch p := b.inEdges; {
	case p == nil:
		b.val = [nAtoms]uint32{}
	case o.atoms == atomBit(atomA)|atomBit(atomX):
		// Only A and X ever hold values: the other atoms are
		// valUnknown everywhere.
		a, x := p.pred.val[atomA], p.pred.val[atomX]
		for p = p.next; p != nil; p = p.next {
			if p.pred.val[atomA] != a {
				a = valUnknown
			}
			if p.pred.val[atomX] != x {
				x = valUnknown
			}
		}
		b.val[atomA], b.val[atomX] = a, x
	default:
		// Values agreed on by every predecessor survive the merge;
		// atoms outside o.atoms are valUnknown everywhere.
		b.val = p.pred.val
		for p = p.next; p != nil; p = p.next {
			pv := &p.pred.val
			for m := o.atoms; m != 0; m &= m - 1 {
				if i := bits.TrailingZeros32(m); b.val[i] != pv[i] {
					b.val[i] = valUnknown
				}
			}
		}
	}
	b.inA, b.inX = b.val[atomA], b.val[atomX]
	for i := range b.stmts {
		changed = o.evalStmt(&b.stmts[i], &b.val, mode) || changed
	}
	return o.finishBlock(b, mode == rewrite) || changed
}

// finishBlock simplifies b once its exit values are known: with doStmts,
// a block whose statements change nothing used later, or a return, loses
// its statements; otherwise the peephole rules and dead-store removal run.
// It reports whether it changed b.
func (o *values) finishBlock(b *oblock, doStmts bool) (changed bool) {
	if doStmts && ((b.outUse == 0 &&
		b.inA != valUnknown && b.val[atomA] == b.inA &&
		b.inX != valUnknown && b.val[atomX] == b.inX) ||
		b.s.opcode().Class() == bpf.ClassRET) {
		if b.stmts != nil {
			b.stmts = nil
			changed = true
		}
	} else {
		changed = o.peephole(b) || changed
		changed = deadStores(b) || changed
	}
	if b.s.opcode().Src() == bpf.SrcK {
		b.oval = o.konst(b.s.k)
	} else {
		b.oval = b.val[atomX]
	}
	b.et.code = int32(b.s.op)
	b.ef.code = -int32(b.s.op)
	if changed || doStmts {
		b.udFresh = false // rewriting is not always reported as a change
	}
	return changed
}

// nextOp returns the index of the first statement at or after i that is
// not a no-op, or -1.
func nextOp(stmts []ostmt, i int) int {
	for ; i < len(stmts); i++ {
		if stmts[i].op != opNop {
			return i
		}
	}
	return -1
}

// peephole applies local rewrites to b's statements and its final jump,
// and reports whether it changed anything.
func (o *values) peephole(b *oblock) (changed bool) {
	st := b.stmts
	if len(st) == 0 {
		return false
	}
	last := 0
	for i := 0; ; {
		s := nextOp(st, i)
		if s < 0 {
			break
		}
		next := nextOp(st, s+1)
		if next < 0 {
			break
		}
		last = next
		i = next
		// st M[k]; ldx M[k]  ->  st M[k]; tax
		if st[s].op == OpSt && st[next].op == OpLdxMem && st[s].k == st[next].k {
			changed = true
			st[next].op = OpTax
		}
		// ld #k; tax  ->  ldx #k; txa
		if st[s].op == OpLdImm && st[next].op == OpTax {
			st[s].op = OpLdxImm
			st[next].op = OpTxa
			changed = true
		}
		// ld #k; [ldxms]; add x; tax; ld [x+j]  ->  [ldxms]; ld [x+k+j]
		if st[s].op == OpLdImm {
			if atomHas(b.outUse, atomX) {
				continue
			}
			add := next
			if st[next].op == OpLdxMsh {
				add = nextOp(st, next+1)
			}
			if add < 0 || st[add].op != ALUX(bpf.ALUAdd) {
				continue
			}
			tax := nextOp(st, add+1)
			if tax < 0 || st[tax].op != OpTax {
				continue
			}
			ild := nextOp(st, tax+1)
			if ild < 0 || st[ild].opcode().Class() != bpf.ClassLD || st[ild].opcode().Mode() != bpf.ModeIND {
				continue
			}
			st[ild].k += st[s].k
			st[s].op = opNop
			st[add].op = opNop
			st[tax].op = opNop
			changed = true
		}
	}
	// An arithmetic step feeding "jeq" whose result is not used later can
	// move into the comparison.
	if b.s.op == OpJeq && !atomHas(b.outUse, atomA) {
		switch st[last].op {
		case ALUX(bpf.ALUSub):
			if v := b.val[atomX]; o.isConst(v) {
				// sub x; jeq #y  ->  jeq #(y+x)
				b.s.k += o.constOf(v)
				st[last].op = opNop
				changed = true
			} else if b.s.k == 0 {
				// sub x; jeq #0  ->  jeq x
				st[last].op = opNop
				b.s.op = OpJeq | bpf.SrcX
				changed = true
			}
		case ALUK(bpf.ALUSub):
			// sub #x; jeq #y  ->  jeq #(y+x)
			st[last].op = opNop
			b.s.k += st[last].k
			changed = true
		case ALUK(bpf.ALUAnd):
			if b.s.k == 0 {
				// and #k; jeq #0  ->  jset #k with the branches swapped
				b.s.k = st[last].k
				b.s.op = OpJset
				st[last].op = opNop
				changed = true
				b.et.succ, b.ef.succ = b.ef.succ, b.et.succ
				o.relinked()
			}
		}
	}
	return o.foldJump(b) || changed
}

// foldJump decides b's jump when its outcome is known, and reports whether
// that counts as a change.
func (o *values) foldJump(b *oblock) (changed bool) {
	// These rewrites do not count as changes (as in libpcap), but they
	// change the graph the probe saw.
	if b.s.op == OpJset {
		if b.s.k == 0 && b.et.succ != b.ef.succ {
			b.et.succ = b.ef.succ
			o.probe.stale = true
			o.relinked()
		}
		if b.s.k == 0xffffffff && b.ef.succ != b.et.succ {
			b.ef.succ = b.et.succ
			o.probe.stale = true
			o.relinked()
		}
	}
	if v := b.val[atomX]; o.isConst(v) && b.s.opcode().Src() == bpf.SrcX {
		b.s.op &^= bpf.SrcX
		b.s.k = o.constOf(v)
		o.probe.stale = true
		b.udFresh = false
	}
	v := b.val[atomA]
	if !o.isConst(v) || b.s.opcode().Src() != bpf.SrcK {
		return false
	}
	jop := b.s.opcode().JumpOp()
	if jop == bpf.JumpJA || b.s.op == opJin {
		return false
	}
	taken := jop.Test(o.constOf(v), b.s.k)
	changed = b.jf() != b.jt()
	if !changed {
		return false
	}
	if taken {
		b.ef.succ = b.et.succ
	} else {
		b.et.succ = b.ef.succ
	}
	o.relinked()
	return true
}

// deadStores removes statements whose result is overwritten before any
// use within the block, or not used at all after it, and reports whether
// it removed any.
func deadStores(b *oblock) (changed bool) {
	if len(b.stmts) == 0 {
		// The final jump or return writes no atom.
		return false
	}
	// last holds 1 + the index of the statement that last wrote each
	// atom in pending, the atoms written and not read since.
	var last [nAtoms]int32
	var pending uint32
	for i := range b.stmts {
		s := &b.stmts[i]
		if s.op == opNop {
			continue
		}
		pending &^= atomUseMask(*s)
		if a := atomDef(*s); a >= 0 {
			if pending&atomBit(a) != 0 {
				changed = true
				b.stmts[last[a]-1].op = opNop
			}
			last[a] = int32(i + 1)
			pending |= atomBit(a)
		}
	}
	pending &^= atomUseMask(b.s)
	for dead := pending &^ b.outUse; dead != 0; dead &= dead - 1 {
		// libpcap 1.10 keeps the value number of the removed
		// statement's result (later versions forget it).
		b.stmts[last[bits.TrailingZeros32(dead)]-1].op = opNop
		changed = true
	}
	return changed
}
