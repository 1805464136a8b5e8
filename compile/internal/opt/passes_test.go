package opt

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
)

// Short names for hand-written programs.
func sI(op uint16, k uint32) bpf.Instruction { return bpf.Stmt(op, k) }
func jI(op uint16, k uint32, jt, jf uint8) bpf.Instruction {
	return bpf.Jump(op, k, jt, jf)
}

var (
	ldh   = func(k uint32) bpf.Instruction { return sI(OpLdAbs|bpf.SizeH, k) }
	ldw   = func(k uint32) bpf.Instruction { return sI(OpLdAbs|bpf.SizeW, k) }
	retK  = func(k uint32) bpf.Instruction { return sI(bpf.ClassRET|bpf.RetK, k) }
	jeqK  = func(k uint32, jt, jf uint8) bpf.Instruction { return jI(OpJeq, k, jt, jf) }
	accep = retK(262144)
	rej   = retK(0)
)

func TestBuildCFG(t *testing.T) {
	tests := []struct {
		name   string
		prog   []bpf.Instruction
		ok     bool
		blocks int
	}{
		{"one test", []bpf.Instruction{ldh(12), jeqK(0x800, 0, 1), accep, rej}, true, 3},
		{"return only", []bpf.Instruction{accep}, true, 1},
		{"far jump through a trampoline", []bpf.Instruction{ldh(12), jeqK(0x800, 0, 1), sI(OpJa, 1), sI(OpJa, 1), accep, rej}, true, 3},
		{"jump into a statement list", []bpf.Instruction{ldh(12), jeqK(0x800, 0, 1), ldh(14), ldh(16), jeqK(1, 0, 1), accep, rej}, false, 0},
		{"ja after statements", []bpf.Instruction{ldh(12), sI(OpJa, 0), accep}, false, 0},
		{"jump past the end", []bpf.Instruction{ldh(12), jeqK(0x800, 0, 5), accep, rej}, false, 0},
		{"no final instruction", []bpf.Instruction{ldh(12)}, false, 0},
		{"empty", nil, false, 0},
		{"scratch slot out of range", []bpf.Instruction{sI(OpSt, 16), accep}, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, n, ok := buildCFG(tt.prog, maxBlocks)
			require.Equal(t, tt.ok, ok)
			if ok {
				assert.NotNil(t, root)
				assert.Equal(t, tt.blocks, n)
			}
		})
	}
	t.Run("trampolines fold into edges", func(t *testing.T) {
		root, _, ok := buildCFG([]bpf.Instruction{ldh(12), jeqK(0x800, 0, 1), sI(OpJa, 1), sI(OpJa, 1), accep, rej}, maxBlocks)
		require.True(t, ok)
		assert.Equal(t, uint32(262144), root.jt().s.k)
		assert.Equal(t, uint32(0), root.jf().s.k)
	})
}

// evalBlock runs the statement pass over stmts with nothing known on entry
// and returns the statements left.
func evalBlock(t *testing.T, stmts []bpf.Instruction) (left []bpf.Instruction, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(*Error)
		}
	}()
	o := &values{}
	o.initVal()
	var val [nAtoms]uint32
	for _, ins := range stmts {
		s := ostmt{op: ins.Op, k: ins.K}
		o.evalStmt(&s, &val, rewrite)
		if s.op != opNop {
			left = append(left, bpf.Stmt(s.op, s.k))
		}
	}
	return left, nil
}

func TestEvalStmt(t *testing.T) {
	tests := []struct {
		name    string
		in, out []bpf.Instruction
		err     string
	}{
		{"fold constants", []bpf.Instruction{sI(OpLdImm, 3), sI(ALUK(bpf.ALUAdd), 4)}, []bpf.Instruction{sI(OpLdImm, 3), sI(OpLdImm, 7)}, ""},
		{"and #0 is a constant", []bpf.Instruction{ldh(12), sI(ALUK(bpf.ALUAnd), 0)}, []bpf.Instruction{ldh(12), sI(OpLdImm, 0)}, ""},
		{"add #0 goes", []bpf.Instruction{ldh(12), sI(ALUK(bpf.ALUAdd), 0)}, []bpf.Instruction{ldh(12)}, ""},
		{"indexed load through a known X", []bpf.Instruction{sI(OpLdxImm, 2), sI(OpLdInd|bpf.SizeB, 10)}, []bpf.Instruction{sI(OpLdxImm, 2), sI(OpLdAbs|bpf.SizeB, 12)}, ""},
		{"reload of the same packet bytes", []bpf.Instruction{ldh(12), ldh(12)}, []bpf.Instruction{ldh(12)}, ""},
		{"different sizes differ", []bpf.Instruction{ldh(12), ldw(12)}, []bpf.Instruction{ldh(12), ldw(12)}, ""},
		{"scratch holding a constant", []bpf.Instruction{sI(OpLdImm, 1), sI(OpSt, 0), sI(OpLdMem, 0)}, []bpf.Instruction{sI(OpLdImm, 1), sI(OpSt, 0)}, ""},
		{"constant X folds into the operation", []bpf.Instruction{ldh(12), sI(OpLdxImm, 3), sI(ALUX(bpf.ALUMul), 0)}, []bpf.Instruction{ldh(12), sI(OpLdxImm, 3), sI(ALUK(bpf.ALUMul), 3)}, ""},
		{"zero divided by X", []bpf.Instruction{ldh(12), sI(OpTax, 0), sI(OpLdImm, 0), sI(ALUX(bpf.ALUDiv), 0)}, []bpf.Instruction{ldh(12), sI(OpTax, 0), sI(OpLdImm, 0)}, ""},
		{"negation of a constant", []bpf.Instruction{sI(OpLdImm, 1), sI(bpf.ClassALU|bpf.ALUNeg, 0)}, []bpf.Instruction{sI(OpLdImm, 1), sI(OpLdImm, 0xffffffff)}, ""},
		{"division by zero", []bpf.Instruction{ldh(12), sI(ALUK(bpf.ALUDiv), 0)}, nil, "division by zero"},
		{"modulus by a zero X", []bpf.Instruction{sI(OpLdImm, 1), sI(OpLdxImm, 0), sI(ALUX(bpf.ALUMod), 0)}, nil, "modulus by zero"},
		{"shift by a wide X", []bpf.Instruction{ldh(12), sI(OpLdxImm, 40), sI(ALUX(bpf.ALULsh), 0)}, nil, "shift by more than 31 bits"},
		{"wide constant shift folds to zero", []bpf.Instruction{sI(OpLdImm, 1), sI(ALUK(bpf.ALULsh), 40)}, []bpf.Instruction{sI(OpLdImm, 1), sI(OpLdImm, 0)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := evalBlock(t, tt.in)
			if tt.err != "" {
				require.Error(t, err)
				assert.Equal(t, tt.err, err.(*Error).Msg)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.out, got)
		})
	}
}

// oneBlock builds a block ending in jump, with two return successors, and
// runs the block pass over it with the given atoms live on exit.
func oneBlock(stmts []bpf.Instruction, jump bpf.Instruction, outUse uint32) *oblock {
	acc := &oblock{s: ostmt{op: bpf.ClassRET | bpf.RetK, k: 1}}
	rej := &oblock{s: ostmt{op: bpf.ClassRET | bpf.RetK, k: 0}}
	b := &oblock{s: ostmt{op: jump.Op, k: jump.K}}
	for _, ins := range stmts {
		b.stmts = append(b.stmts, ostmt{op: ins.Op, k: ins.K})
	}
	b.et.succ, b.ef.succ = acc, rej
	b.outUse = outUse
	o := &values{}
	o.initVal()
	o.optBlock(b, numberOnly)
	return b
}

func live(b *oblock) []bpf.Instruction {
	var out []bpf.Instruction
	for _, s := range b.stmts {
		if s.op != opNop {
			out = append(out, bpf.Stmt(s.op, s.k))
		}
	}
	return out
}

func TestPeepholeAndDeadStores(t *testing.T) {
	all := uint32(1<<nAtoms - 1)
	tests := []struct {
		name     string
		in       []bpf.Instruction
		jump     bpf.Instruction
		outUse   uint32
		out      []bpf.Instruction
		wantJump bpf.Instruction
		swapped  bool
	}{
		{"store then load into X", []bpf.Instruction{ldh(12), sI(OpSt, 1), sI(OpLdxMem, 1)}, jeqK(1, 0, 0), all,
			[]bpf.Instruction{ldh(12), sI(OpSt, 1), sI(OpTax, 1)}, jeqK(1, 0, 0), false},
		{"constant through X", []bpf.Instruction{sI(OpLdImm, 5), sI(OpTax, 0)}, jeqK(1, 0, 0), all,
			[]bpf.Instruction{sI(OpLdxImm, 5), sI(OpTxa, 0)}, jeqK(1, 0, 0), false},
		{"sub folds into jeq", []bpf.Instruction{ldh(12), sI(ALUK(bpf.ALUSub), 3)}, jeqK(4, 0, 0), 0,
			[]bpf.Instruction{ldh(12)}, jeqK(7, 0, 0), false},
		{"and before jeq #0 becomes jset", []bpf.Instruction{ldh(12), sI(ALUK(bpf.ALUAnd), 0xf0)}, jeqK(0, 0, 0), 0,
			[]bpf.Instruction{ldh(12)}, jI(OpJset, 0xf0, 0, 0), true},
		{"constant index into an indexed load", []bpf.Instruction{sI(OpLdImm, 2), sI(OpLdxMsh, 14), sI(ALUX(bpf.ALUAdd), 0), sI(OpTax, 0), sI(OpLdInd|bpf.SizeB, 0)}, jeqK(1, 0, 0), 0,
			[]bpf.Instruction{sI(OpLdxMsh, 14), sI(OpLdInd|bpf.SizeB, 2)}, jeqK(1, 0, 0), false},
		{"overwritten load goes", []bpf.Instruction{ldh(12), ldh(14)}, jeqK(1, 0, 0), 0,
			[]bpf.Instruction{ldh(14)}, jeqK(1, 0, 0), false},
		{"unused store goes", []bpf.Instruction{ldh(12), sI(OpSt, 3)}, jeqK(1, 0, 0), 0,
			[]bpf.Instruction{ldh(12)}, jeqK(1, 0, 0), false},
		{"used store stays", []bpf.Instruction{ldh(12), sI(OpSt, 3)}, jeqK(1, 0, 0), atomBit(3),
			[]bpf.Instruction{ldh(12), sI(OpSt, 3)}, jeqK(1, 0, 0), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := oneBlock(tt.in, tt.jump, tt.outUse)
			assert.Equal(t, tt.out, live(b))
			assert.Equal(t, ostmt{op: tt.wantJump.Op, k: tt.wantJump.K}, b.s)
			if tt.swapped {
				assert.Equal(t, uint32(0), b.jt().s.k, "branches swapped")
				assert.Equal(t, uint32(1), b.jf().s.k, "branches swapped")
			}
		})
	}
	t.Run("known outcome", func(t *testing.T) {
		b := oneBlock([]bpf.Instruction{sI(OpLdImm, 7)}, jI(OpJgt, 3, 0, 0), 0)
		assert.Same(t, b.jt(), b.jf())
		assert.Equal(t, uint32(1), b.jt().s.k)
	})
	t.Run("jset #0 never", func(t *testing.T) {
		b := oneBlock([]bpf.Instruction{ldh(12)}, jI(OpJset, 0, 0, 0), atomBit(atomA))
		assert.Same(t, b.jt(), b.jf())
		assert.Equal(t, uint32(0), b.jt().s.k)
	})
}

func TestOptimizePrograms(t *testing.T) {
	tests := []struct {
		name    string
		in, out []bpf.Instruction
		err     string
	}{
		{"implied test skipped",
			[]bpf.Instruction{ldh(12), jeqK(0x800, 0, 3), ldh(12), jeqK(0x800, 0, 1), accep, rej},
			[]bpf.Instruction{ldh(12), jeqK(0x800, 0, 1), accep, rej}, ""},
		{"both ways to the same place",
			[]bpf.Instruction{ldh(12), jeqK(0x800, 0, 0), accep},
			[]bpf.Instruction{accep}, ""},
		{"excluded by an earlier equality",
			[]bpf.Instruction{ldh(12), jeqK(0x800, 0, 3), ldh(12), jeqK(0x86dd, 0, 1), accep, rej},
			nil, "expression rejects all packets"},
		{"identical blocks merge, the root's loads stay",
			[]bpf.Instruction{ldh(12), jeqK(0x800, 0, 2), ldh(20), jeqK(6, 2, 3), ldh(20), jeqK(6, 0, 1), accep, rej},
			[]bpf.Instruction{ldh(12), ldh(20), jeqK(6, 0, 1), accep, rej}, ""},
		{"unknown shapes left alone",
			[]bpf.Instruction{ldh(12), jeqK(0x800, 0, 1), ldh(14), ldh(16), jeqK(1, 0, 1), accep, rej},
			[]bpf.Instruction{ldh(12), jeqK(0x800, 0, 1), ldh(14), ldh(16), jeqK(1, 0, 1), accep, rej}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Optimize(tt.in, Options{})
			if tt.err != "" {
				require.Error(t, err)
				assert.Equal(t, tt.err, err.(*Error).Msg)
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, bpf.Dump(tt.out, 1), bpf.Dump(got, 1))
		})
	}
}

// TestRelayout checks that parsing programs into blocks and laying them
// out again keeps them as they were.
func TestRelayout(t *testing.T) {
	for _, prog := range [][]bpf.Instruction{
		{ldh(12), jeqK(0x800, 0, 1), accep, rej},
		{ldh(12), jeqK(0x800, 0, 3), ldh(20), jeqK(6, 0, 1), accep, rej},
		{ldh(12), jeqK(0x800, 0, 4), ldw(26), jeqK(1, 1, 0), jeqK(2, 0, 1), accep, rej},
	} {
		root, _, ok := buildCFG(prog, maxBlocks)
		require.True(t, ok)
		o := &optimizer{graph: graph{root: root}}
		o.numberBlocks()
		assert.Equal(t, bpf.Dump(prog, 1), bpf.Dump(o.linearize(embeddedJumps), 1))
	}
}
