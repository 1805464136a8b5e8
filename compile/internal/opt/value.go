package opt

import "github.com/purepcap/pcap/bpf"

// Value numbering. Every value a statement computes gets a number; the
// same operation on the same operand numbers gets the same number anywhere
// in the program (packet data never changes while a filter runs), so two
// loads of the same packet bytes, or of the same constant, are known to be
// equal. Number 0 (valUnknown) stands for an unknown value.

type vkey struct {
	op     uint16
	v0, v1 uint32
}

type vinfo struct {
	isConst bool
	k       uint32
}

// vtable maps operations to value numbers: open addressing, and a
// generation number instead of clearing between rounds.
type vtable struct {
	slots []vslot
	gen   uint32
	n     int
}

type vslot struct {
	key vkey
	gen uint32
	val uint32
}

func (t *vtable) reset() {
	t.n = 0
	if t.gen++; t.gen == 0 {
		// Slots of the generation wrapped to would look in use.
		clear(t.slots)
		t.gen = 1
	}
	if t.slots == nil {
		t.slots = make([]vslot, 64)
	}
}

func (k vkey) hash() uint32 {
	h := uint32(k.op)*0x9e3779b1 ^ k.v0*0x85ebca77 ^ k.v1*0xc2b2ae3d
	return h ^ h>>15
}

// lookup returns the slot of key: either holding it, or free for it.
func (t *vtable) lookup(key vkey) *vslot {
	mask := uint32(len(t.slots) - 1)
	for i := key.hash() & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.gen != t.gen || s.key == key {
			return s
		}
	}
}

func (t *vtable) grow() {
	old := t.slots
	t.slots = make([]vslot, 2*len(old))
	for _, s := range old {
		if s.gen == t.gen {
			*t.lookup(s.key) = s
		}
	}
}

// values numbers the values of an optimization.
type values struct {
	vtab  vtable
	vinfo []vinfo // by value number; 0 is valUnknown
	probe probe
	// atoms are A, X and the scratch words the program stores into: the
	// atoms that ever hold known values.
	atoms uint32
	// levelsKnown, domKnown and inEdgesKnown say that the levels, the
	// dominance answers and the in-edges are those of the graph as it is:
	// no jump was relinked since they were found.
	levelsKnown, domKnown, inEdgesKnown bool
}

func (o *values) initVal() {
	o.vtab.reset()
	if o.vinfo == nil {
		o.vinfo = make([]vinfo, 1, 64)
	}
	o.vinfo = o.vinfo[:1] // value 0: unknown
}

// value returns the number of the value op computes from v0 and v1.
func (o *values) value(op uint16, v0, v1 uint32) uint32 {
	t := &o.vtab
	if t.slots == nil {
		t.reset()
	}
	key := vkey{op, v0, v1}
	mask := uint32(len(t.slots) - 1)
	for i := key.hash() & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.gen != t.gen {
			return o.newValue(s, key)
		}
		if s.key == key {
			return s.val
		}
	}
}

// newValue numbers key's value in s, its free slot.
func (o *values) newValue(s *vslot, key vkey) uint32 {
	v := uint32(len(o.vinfo))
	info := vinfo{}
	if key.op == OpLdImm || key.op == OpLdxImm {
		info = vinfo{true, key.v0}
	}
	o.vinfo = append(o.vinfo, info)
	*s = vslot{key, o.vtab.gen, v}
	if o.vtab.n++; 2*o.vtab.n > len(o.vtab.slots) {
		o.vtab.grow()
	}
	return v
}

// relinked notes that a jump target changed: the levels and dominance
// must be found again.
func (o *values) relinked() { o.levelsKnown, o.domKnown, o.inEdgesKnown = false, false, false }

// konst returns the value number of the constant k.
func (o *values) konst(k uint32) uint32 { return o.value(OpLdImm, k, 0) }

func (o *values) isConst(v uint32) bool   { return o.vinfo[v].isConst }
func (o *values) constOf(v uint32) uint32 { return o.vinfo[v].k }

// evalMode says what evalStmt does besides numbering values.
type evalMode uint8

const (
	// numberOnly numbers the values.
	numberOnly evalMode = iota
	// probeRewrites numbers the values and records in the probe what
	// rewriting would do to the statements (see probe).
	probeRewrites
	// rewrite numbers the values and simplifies the statements.
	rewrite
)

// rewriting reports whether evalStmt rewrites in mode, at a statement that
// rewriting would change in a way that changes its value's number. The
// probe cannot replay such a rewrite, so in probeRewrites it notes that,
// and evalStmt goes on numbering.
func (o *values) rewriting(mode evalMode) bool {
	if mode == probeRewrites {
		o.probe.renumbers = true
	}
	return mode == rewrite
}

// store records that s leaves value v in *dst. When rewriting and *dst
// already holds v, s is redundant and becomes a no-op.
func (o *values) store(s *ostmt, dst *uint32, v uint32, mode evalMode) {
	if v != valUnknown && *dst == v {
		switch mode {
		case rewrite:
			s.op = opNop
			return
		case probeRewrites:
			o.probe.edit(s, opNop, s.k)
		}
	}
	*dst = v
}

// loadMem is evalStmt for s, a load of scratch memory holding value v into
// *dst: when rewriting and v is a constant, s becomes the immediate load
// imm of it, and loadMem reports that it changed s.
func (o *values) loadMem(s *ostmt, dst *uint32, v uint32, imm uint16, mode evalMode) (changed bool) {
	if o.isConst(v) {
		switch mode {
		case rewrite:
			s.op, s.k = imm, o.constOf(v)
			changed = true
		case probeRewrites:
			// The value keeps its number: a replayable rewrite.
			o.probe.edit(s, imm, o.constOf(v))
			o.probe.changed = true
		}
	}
	o.store(s, dst, v, mode)
	return changed
}

// foldALU replaces s, an ALU operation on two constants, by a load of the
// result, with bpf's ALU rules.
func (o *values) foldALU(s *ostmt, v0, v1 uint32) {
	op := s.opcode().ALUOp()
	a, ok := op.Apply(o.constOf(v0), o.constOf(v1))
	if !ok {
		if op == bpf.ALUMod {
			panic(errModZero)
		}
		panic(errDivZero)
	}
	s.op, s.k = OpLdImm, a
}

// evalStmt runs s symbolically over the atoms' value numbers in val. In
// mode rewrite, it also simplifies s: constant folding, loads of values already
// in place become no-ops, indexed loads through a known X become absolute.
// It reports whether it made a change that counts as one for the rounds
// (a load of a value already in place becoming a no-op does not, as in
// libpcap).
func (o *values) evalStmt(s *ostmt, val *[nAtoms]uint32, mode evalMode) (changed bool) {
	switch s.op {
	case OpLdAbs | bpf.SizeW, OpLdAbs | bpf.SizeH, OpLdAbs | bpf.SizeB:
		o.store(s, &val[atomA], o.value(s.op, s.k, 0), mode)

	case OpLdInd | bpf.SizeW, OpLdInd | bpf.SizeH, OpLdInd | bpf.SizeB:
		v := val[atomX]
		if o.isConst(v) && o.rewriting(mode) {
			s.op = OpLdAbs | uint16(s.opcode().Size())
			s.k += o.constOf(v)
			v = o.value(s.op, s.k, 0)
			changed = true
		} else {
			v = o.value(s.op, s.k, v)
		}
		o.store(s, &val[atomA], v, mode)

	case OpLdLen:
		o.store(s, &val[atomA], o.value(s.op, 0, 0), mode)

	case OpLdImm:
		o.store(s, &val[atomA], o.konst(s.k), mode)

	case OpLdxImm:
		o.store(s, &val[atomX], o.konst(s.k), mode)

	case OpLdxMsh:
		o.store(s, &val[atomX], o.value(s.op, s.k, 0), mode)

	case bpf.ClassALU | bpf.ALUNeg:
		if o.isConst(val[atomA]) && o.rewriting(mode) {
			s.op = OpLdImm
			s.k = -o.constOf(val[atomA])
			val[atomA] = o.konst(s.k)
		} else {
			val[atomA] = o.value(s.op, val[atomA], 0)
		}

	case ALUK(bpf.ALUAdd), ALUK(bpf.ALUSub), ALUK(bpf.ALUMul), ALUK(bpf.ALUDiv), ALUK(bpf.ALUMod),
		ALUK(bpf.ALUAnd), ALUK(bpf.ALUOr), ALUK(bpf.ALUXor), ALUK(bpf.ALULsh), ALUK(bpf.ALURsh):
		return o.evalALUK(s, val, mode)

	case ALUX(bpf.ALUAdd), ALUX(bpf.ALUSub), ALUX(bpf.ALUMul), ALUX(bpf.ALUDiv), ALUX(bpf.ALUMod),
		ALUX(bpf.ALUAnd), ALUX(bpf.ALUOr), ALUX(bpf.ALUXor), ALUX(bpf.ALULsh), ALUX(bpf.ALURsh):
		return o.evalALUX(s, val, mode)

	case OpTxa:
		o.store(s, &val[atomA], val[atomX], mode)

	case OpLdMem:
		changed = o.loadMem(s, &val[atomA], val[s.k], OpLdImm, mode)

	case OpTax:
		o.store(s, &val[atomX], val[atomA], mode)

	case OpLdxMem:
		changed = o.loadMem(s, &val[atomX], val[s.k], OpLdxImm, mode)

	case OpSt:
		o.store(s, &val[s.k], val[atomA], mode)

	case OpStx:
		o.store(s, &val[s.k], val[atomX], mode)
	}
	return changed
}

// evalALUK is evalStmt for an ALU operation with a constant operand.
func (o *values) evalALUK(s *ostmt, val *[nAtoms]uint32, mode evalMode) bool {
	op := s.opcode().ALUOp()
	if s.k == 0 && zeroOperandRewrites(op) && o.rewriting(mode) {
		switch op {
		case bpf.ALUAdd, bpf.ALULsh, bpf.ALURsh, bpf.ALUOr, bpf.ALUXor:
			s.op = opNop
		case bpf.ALUMul, bpf.ALUAnd:
			s.op = OpLdImm
			val[atomA] = o.konst(s.k)
		case bpf.ALUDiv:
			panic(errDivZero)
		case bpf.ALUMod:
			panic(errModZero)
		}
		return false
	}
	if o.isConst(val[atomA]) && o.rewriting(mode) {
		o.foldALU(s, val[atomA], o.konst(s.k))
		val[atomA] = o.konst(s.k)
		return true
	}
	val[atomA] = o.value(s.op, val[atomA], o.konst(s.k))
	return false
}

// zeroOperandRewrites reports whether rewriting changes an ALU operation
// op with the constant operand 0 (or fails on it).
func zeroOperandRewrites(op bpf.ALUOp) bool {
	switch op {
	case bpf.ALUAdd, bpf.ALULsh, bpf.ALURsh, bpf.ALUOr, bpf.ALUXor,
		bpf.ALUMul, bpf.ALUAnd, bpf.ALUDiv, bpf.ALUMod:
		return true
	}
	return false
}

// evalALUX is evalStmt for an ALU operation with X as operand.
func (o *values) evalALUX(s *ostmt, val *[nAtoms]uint32, mode evalMode) bool {
	op := s.opcode().ALUOp()
	if o.isConst(val[atomX]) && o.rewriting(mode) {
		if o.isConst(val[atomA]) {
			o.foldALU(s, val[atomA], val[atomX])
			val[atomA] = o.konst(s.k)
			return true
		}
		s.op = ALUK(uint16(op))
		s.k = o.constOf(val[atomX])
		if (op == bpf.ALULsh || op == bpf.ALURsh) && s.k > 31 {
			panic(errWideShift)
		}
		val[atomA] = o.value(s.op, val[atomA], o.konst(s.k))
		return true
	}
	if o.isConst(val[atomA]) && o.constOf(val[atomA]) == 0 && zeroOperandRewrites(op) && o.rewriting(mode) {
		switch op {
		case bpf.ALUAdd, bpf.ALUOr, bpf.ALUXor:
			s.op = OpTxa
			o.store(s, &val[atomA], val[atomX], mode)
		default:
			s.op, s.k = OpLdImm, 0
			o.store(s, &val[atomA], o.konst(0), mode)
		}
		return false
	}
	val[atomA] = o.value(s.op, val[atomA], val[atomX])
	return false
}
