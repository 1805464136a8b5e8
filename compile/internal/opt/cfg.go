package opt

import "github.com/purepcap/pcap/bpf"

// The optimizer works on a control-flow graph of basic blocks, the shape
// libpcap's optimizer works on. A block is a list of statements followed
// by one conditional jump (two out-edges) or a return (none). The graph is
// acyclic: classic BPF only jumps forward.

// Register numbers ("atoms") of the use/def and value-numbering passes:
// 0..15 are the scratch words M[0]..M[15], then A and X. atomAX stands for
// "both A and X" in use sets.
const (
	atomA  = 16
	atomX  = 17
	nAtoms = 18
	atomAX = 18
)

// opNop marks a deleted statement. Real opcodes fit in 8 bits.
const opNop = 0xffff

// valUnknown is the value number of a register whose content is unknown.
const valUnknown = 0

// ostmt is a statement. A conditional jump or "ja" among a block's
// statements (only the VLAN metadata test libpcap patches into a block
// does that) keeps its raw offsets in jt, jf and k.
type ostmt struct {
	op     uint16
	jt, jf uint8
	k      uint32
}

// oedge is an out-edge of a block: et (taken when the jump's condition
// holds) or ef. code is the jump opcode, negated for ef, as the jump
// threading pass compares edges by it.
type oedge struct {
	id   int
	code int32
	pred *oblock
	succ *oblock
	edom []uint64 // edges on every path from the root to this edge
	next *oedge   // next in-edge of succ
}

type oblock struct {
	id     int
	stmts  []ostmt
	s      ostmt // the final conditional jump or return
	et, ef oedge

	level int
	link  *oblock // next block of the same level
	dom   []uint64

	val      [nAtoms]uint32 // value numbers of the atoms on exit
	inA, inX uint32         // value numbers of A and X on entry
	oval     uint32         // value number of the jump's operand

	kill, inUse, outUse uint32 // atom sets
	// useIn is the atoms the block's own code reads before writing them;
	// with kill, it holds for the statements while udFresh.
	useIn   uint32
	udFresh bool

	inEdges *oedge
	mark    uint32

	// tgen is the generation of the test index whose slots tslot (the
	// block's test) and jslot (for "jeq", the true edges of tests of
	// the same A) are.
	tgen         uint32
	tslot, jslot int32

	offset         int // position in the output program
	longjt, longjf int // 1 if a "ja" trampoline is needed for that edge
}

func (s ostmt) opcode() bpf.Opcode { return bpf.Opcode(s.op) }

func (b *oblock) jt() *oblock { return b.et.succ }
func (b *oblock) jf() *oblock { return b.ef.succ }

func isCondJump(op uint16) bool { return bpf.Opcode(op).IsConditionalJump() }

// buildCFG parses a flat program laid out the way the code generator (and
// libpcap) lays out blocks: every block ends in a conditional jump or a
// return, and "ja" only appears as a trampoline for a far jump. It reports
// ok == false for any other shape (jumps into the middle of a block, as in
// code libpcap does not optimize), and the caller then leaves the program
// alone.
//
// When the program has more than maxBlocks blocks, buildCFG only counts
// them and returns a nil root.
func buildCFG(prog []bpf.Instruction, maxBlocks int) (root *oblock, nblocks int, ok bool) {
	return new(buffers).buildCFG(prog, maxBlocks)
}

// buildCFG is buildCFG in buf's storage.
func (buf *buffers) buildCFG(prog []bpf.Instruction, maxBlocks int) (root *oblock, nblocks int, ok bool) {
	n := len(prog)
	if n == 0 {
		return nil, 0, false
	}
	embedded := findEmbedded(prog)
	// Every block ends in the first conditional jump or return after its
	// start.
	nb := 0
	for pc, ins := range prog {
		if c := ins.Class(); (c == bpf.ClassRET || c == bpf.ClassJMP && ins.Op != OpJa) && (embedded == nil || !embedded[pc]) {
			nb++
		}
	}
	if nb > maxBlocks {
		return nil, nb, true
	}
	at, nb, ok := buf.makeBlocks(prog, embedded, nb)
	if !ok {
		return nil, 0, false
	}
	root, ok = linkBlocks(prog, at)
	return root, nb, ok
}

// makeBlocks makes the blocks of prog, at most nb, indexed by the position
// of their first instruction: a block starts at 0 and after each final
// instruction, except where a "ja" trampoline stands. It returns the
// number of blocks, or ok == false for a program of a shape the passes do
// not take (other than jumps into statement lists, which linkBlocks finds).
func (buf *buffers) makeBlocks(prog []bpf.Instruction, embedded []bool, nb int) (at []*oblock, made int, ok bool) {
	atoms := atomBit(atomA) | atomBit(atomX)
	n := len(prog)
	buf.at = reuse(buf.at, n)
	if cap(buf.blocks) < nb {
		buf.blocks = make([]oblock, nb)
	}
	if cap(buf.stmts) < n {
		buf.stmts = make([]ostmt, 0, n)
	}
	at, blocks, stmts := buf.at, buf.blocks[:nb], buf.stmts[:0]
	for pc := 0; pc < n; pc++ {
		if prog[pc].Op == OpJa {
			// A trampoline: linkBlocks follows it.
			if uint64(pc)+1+uint64(prog[pc].K) >= uint64(n) {
				return nil, 0, false
			}
			continue
		}
		start, first := pc, len(stmts)
		for ; ; pc++ {
			if pc == n {
				return nil, 0, false
			}
			ins := prog[pc]
			if embedded != nil && embedded[pc] {
				stmts = append(stmts, ostmt{op: ins.Op, jt: ins.Jt, jf: ins.Jf, k: ins.K})
				continue
			}
			if c := ins.Class(); c == bpf.ClassRET || c == bpf.ClassJMP {
				break
			}
			if !okStmt(ins) {
				return nil, 0, false
			}
			if isStore(ins.Op) {
				atoms |= atomBit(int(ins.K))
			}
			stmts = append(stmts, ostmt{op: ins.Op, k: ins.K})
		}
		if !okEnd(prog, pc) {
			return nil, 0, false
		}
		b := &blocks[made]
		made++
		*b = oblock{s: ostmt{op: prog[pc].Op, k: prog[pc].K}}
		if len(stmts) > first {
			b.stmts = stmts[first:len(stmts):len(stmts)]
		}
		at[start] = b
	}
	buf.stmts = stmts
	buf.atoms = atoms
	return at, made, true
}

// okEnd reports whether prog[pc], the end of a block, is a conditional
// jump the passes understand with both targets in prog, or a return of a
// constant (libpcap's passes assume those: a block ending in "ret a" would
// lose the statements computing A).
func okEnd(prog []bpf.Instruction, pc int) bool {
	ins := prog[pc]
	if ins.Class() == bpf.ClassRET {
		return ins.Op == bpf.ClassRET|bpf.RetK
	}
	switch ins.Op &^ bpf.SrcX {
	case OpJeq, OpJgt, OpJge, OpJset, opJin:
		return pc+1+int(max(ins.Jt, ins.Jf)) < len(prog)
	}
	return false // "ja" after statements, or an unknown jump
}

// linkBlocks sets the blocks' successors and returns the root.
func linkBlocks(prog []bpf.Instruction, at []*oblock) (root *oblock, ok bool) {
	n := len(prog)
	// resolve follows "ja" trampolines to the block they lead to.
	resolve := func(pc int) *oblock {
		for steps := 0; steps < n; steps++ {
			if at[pc] != nil {
				return at[pc]
			}
			ins := prog[pc]
			if ins.Op != OpJa {
				return nil
			}
			pc += 1 + int(ins.K)
		}
		return nil
	}
	for pc, b := range at {
		if b == nil || !isCondJump(b.s.op) {
			continue
		}
		end := pc + len(b.stmts)
		ins := prog[end]
		b.et.succ = resolve(end + 1 + int(ins.Jt))
		b.ef.succ = resolve(end + 1 + int(ins.Jf))
		if b.et.succ == nil || b.ef.succ == nil {
			return nil, false
		}
	}
	root = resolve(0)
	return root, root != nil
}

// buffers is storage an optimization reuses, from a pool, for the graph
// and its analyses.
type buffers struct {
	// atoms are the atoms the blocks made last write (values.atoms).
	atoms  uint32
	at     []*oblock
	blocks []oblock
	stmts  []ostmt
	space  []uint64 // bit sets
	order  []*oblock
	rep    []*oblock // mergeBlocks' representative of each class
	class  []int32
}

// reuse returns n zero values in s's storage if it has room.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// grow returns n values in s's storage if it has room, not cleared: for
// callers that set every one.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// findEmbedded marks the jumps of the VLAN metadata test that libpcap's
// live Linux code patches into a block's statements ("ldb [vlanp]; jeq #1
// jt 0 jf 2; ldb [vlan_tci]; ja k", k leading to a later statement of the
// same block). libpcap's optimizer runs over them as plain statements.
// It returns nil when there are none.
func findEmbedded(prog []bpf.Instruction) []bool {
	var marks []bool
	present, tag := bpf.Ancillary(bpf.AdVLANTagPresent), bpf.Ancillary(bpf.AdVLANTag)
	for pc := 0; pc+4 < len(prog); pc++ {
		if prog[pc] != (bpf.Instruction{Op: OpLdAbs | bpf.SizeB, K: present}) ||
			prog[pc+1] != (bpf.Instruction{Op: OpJeq, Jt: 0, Jf: 2, K: 1}) ||
			prog[pc+2] != (bpf.Instruction{Op: OpLdAbs | bpf.SizeB, K: tag}) ||
			prog[pc+3].Op != OpJa {
			continue
		}
		// The "ja" must land on a statement before the block's end, with
		// only statements in between.
		t := uint64(pc) + 4 + uint64(prog[pc+3].K)
		if t >= uint64(len(prog)) {
			continue
		}
		ok := true
		for i := pc + 4; i <= int(t); i++ {
			if c := prog[i].Class(); c == bpf.ClassJMP || c == bpf.ClassRET {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if marks == nil {
			marks = make([]bool, len(prog))
		}
		marks[pc+1], marks[pc+3] = true, true
	}
	return marks
}

// isStore reports whether op writes scratch memory.
func isStore(op uint16) bool { return op == OpSt || op == OpStx }

// okStmt reports whether ins is a statement the passes understand.
func okStmt(ins bpf.Instruction) bool {
	switch ins.Op {
	case OpLdAbs | bpf.SizeW, OpLdAbs | bpf.SizeH, OpLdAbs | bpf.SizeB,
		OpLdInd | bpf.SizeW, OpLdInd | bpf.SizeH, OpLdInd | bpf.SizeB,
		OpLdImm, OpLdxImm, OpLdLen, OpLdxMsh, OpTax, OpTxa,
		bpf.ClassALU | bpf.ALUNeg:
		return true
	case OpLdMem, OpLdxMem, OpSt, OpStx:
		return ins.K < 16
	}
	if ins.Class() == bpf.ClassALU {
		switch ins.Op &^ bpf.SrcX {
		case ALUK(bpf.ALUAdd), ALUK(bpf.ALUSub), ALUK(bpf.ALUMul), ALUK(bpf.ALUDiv),
			ALUK(bpf.ALUMod), ALUK(bpf.ALUAnd), ALUK(bpf.ALUOr), ALUK(bpf.ALUXor),
			ALUK(bpf.ALULsh), ALUK(bpf.ALURsh):
			return true
		}
	}
	return false
}
