package compile

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// Short names for hand-written programs.
func sI(op uint16, k uint32) bpf.Instruction { return bpf.Stmt(op, k) }
func jI(op uint16, k uint32, jt, jf uint8) bpf.Instruction {
	return bpf.Jump(op, k, jt, jf)
}

var (
	ldh   = func(k uint32) bpf.Instruction { return sI(opLdAbs|bpf.SizeH, k) }
	ldw   = func(k uint32) bpf.Instruction { return sI(opLdAbs|bpf.SizeW, k) }
	retK  = func(k uint32) bpf.Instruction { return sI(bpf.ClassRET|bpf.RetK, k) }
	jeqK  = func(k uint32, jt, jf uint8) bpf.Instruction { return jI(opJeq, k, jt, jf) }
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
		{"far jump through a trampoline", []bpf.Instruction{ldh(12), jeqK(0x800, 0, 1), sI(opJa, 1), sI(opJa, 1), accep, rej}, true, 3},
		{"jump into a statement list", []bpf.Instruction{ldh(12), jeqK(0x800, 0, 1), ldh(14), ldh(16), jeqK(1, 0, 1), accep, rej}, false, 0},
		{"ja after statements", []bpf.Instruction{ldh(12), sI(opJa, 0), accep}, false, 0},
		{"jump past the end", []bpf.Instruction{ldh(12), jeqK(0x800, 0, 5), accep, rej}, false, 0},
		{"no final instruction", []bpf.Instruction{ldh(12)}, false, 0},
		{"empty", nil, false, 0},
		{"scratch slot out of range", []bpf.Instruction{sI(opSt, 16), accep}, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, n, ok := buildCFG(tt.prog, maxOptBlocks)
			require.Equal(t, tt.ok, ok)
			if ok {
				assert.NotNil(t, root)
				assert.Equal(t, tt.blocks, n)
			}
		})
	}
	t.Run("trampolines fold into edges", func(t *testing.T) {
		root, _, ok := buildCFG([]bpf.Instruction{ldh(12), jeqK(0x800, 0, 1), sI(opJa, 1), sI(opJa, 1), accep, rej}, maxOptBlocks)
		require.True(t, ok)
		assert.Equal(t, uint32(262144), root.jt().s.k)
		assert.Equal(t, uint32(0), root.jf().s.k)
	})
}

// TestRelayout checks that parsing generated programs into blocks and
// laying them out again keeps them as they were (up to the order of the
// return blocks, which libpcap's layout decides).
func TestRelayout(t *testing.T) {
	for _, expr := range []string{"ip", "tcp port 80 and host 10.0.0.1", "not ip", "host 10.0.0.1 or 10.0.0.2 or 10.0.0.3", "ip[0] & 0xf = 5"} {
		prog, err := Compile(expr, linktype.Ethernet, Options{})
		require.NoError(t, err)
		root, _, ok := buildCFG(prog, maxOptBlocks)
		require.True(t, ok, expr)
		o := &optimizer{root: root}
		o.numberBlocks()
		got := o.linearize()
		want, err := Compile(expr, linktype.Ethernet, Options{})
		require.NoError(t, err)
		assert.Equal(t, len(want), len(got), expr)
	}
}

// evalBlock runs the statement pass over stmts with nothing known on entry
// and returns the statements left.
func evalBlock(t *testing.T, stmts []bpf.Instruction) (left []bpf.Instruction, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &Error{Msg: r.(optError).msg}
		}
	}()
	o := &optimizer{vinfo: make([]vinfo, 1)}
	var val [nAtoms]uint32
	for _, ins := range stmts {
		s := ostmt{op: ins.Op, k: ins.K}
		o.evalStmt(&s, &val, true)
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
		{"fold constants", []bpf.Instruction{sI(opLdImm, 3), sI(aluK(bpf.ALUAdd), 4)}, []bpf.Instruction{sI(opLdImm, 3), sI(opLdImm, 7)}, ""},
		{"and #0 is a constant", []bpf.Instruction{ldh(12), sI(aluK(bpf.ALUAnd), 0)}, []bpf.Instruction{ldh(12), sI(opLdImm, 0)}, ""},
		{"add #0 goes", []bpf.Instruction{ldh(12), sI(aluK(bpf.ALUAdd), 0)}, []bpf.Instruction{ldh(12)}, ""},
		{"indexed load through a known X", []bpf.Instruction{sI(opLdxImm, 2), sI(opLdInd|bpf.SizeB, 10)}, []bpf.Instruction{sI(opLdxImm, 2), sI(opLdAbs|bpf.SizeB, 12)}, ""},
		{"reload of the same packet bytes", []bpf.Instruction{ldh(12), ldh(12)}, []bpf.Instruction{ldh(12)}, ""},
		{"different sizes differ", []bpf.Instruction{ldh(12), ldw(12)}, []bpf.Instruction{ldh(12), ldw(12)}, ""},
		{"scratch holding a constant", []bpf.Instruction{sI(opLdImm, 1), sI(opSt, 0), sI(opLdMem, 0)}, []bpf.Instruction{sI(opLdImm, 1), sI(opSt, 0)}, ""},
		{"constant X folds into the operation", []bpf.Instruction{ldh(12), sI(opLdxImm, 3), sI(aluX(bpf.ALUMul), 0)}, []bpf.Instruction{ldh(12), sI(opLdxImm, 3), sI(aluK(bpf.ALUMul), 3)}, ""},
		{"zero divided by X", []bpf.Instruction{ldh(12), sI(opTax, 0), sI(opLdImm, 0), sI(aluX(bpf.ALUDiv), 0)}, []bpf.Instruction{ldh(12), sI(opTax, 0), sI(opLdImm, 0)}, ""},
		{"negation of a constant", []bpf.Instruction{sI(opLdImm, 1), sI(bpf.ClassALU|bpf.ALUNeg, 0)}, []bpf.Instruction{sI(opLdImm, 1), sI(opLdImm, 0xffffffff)}, ""},
		{"division by zero", []bpf.Instruction{ldh(12), sI(aluK(bpf.ALUDiv), 0)}, nil, "division by zero"},
		{"modulus by a zero X", []bpf.Instruction{sI(opLdImm, 1), sI(opLdxImm, 0), sI(aluX(bpf.ALUMod), 0)}, nil, "modulus by zero"},
		{"shift by a wide X", []bpf.Instruction{ldh(12), sI(opLdxImm, 40), sI(aluX(bpf.ALULsh), 0)}, nil, "shift by more than 31 bits"},
		{"wide constant shift folds to zero", []bpf.Instruction{sI(opLdImm, 1), sI(aluK(bpf.ALULsh), 40)}, []bpf.Instruction{sI(opLdImm, 1), sI(opLdImm, 0)}, ""},
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
	o := &optimizer{vinfo: make([]vinfo, 1)}
	o.optBlock(b, false)
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
		{"store then load into X", []bpf.Instruction{ldh(12), sI(opSt, 1), sI(opLdxMem, 1)}, jeqK(1, 0, 0), all,
			[]bpf.Instruction{ldh(12), sI(opSt, 1), sI(opTax, 1)}, jeqK(1, 0, 0), false},
		{"constant through X", []bpf.Instruction{sI(opLdImm, 5), sI(opTax, 0)}, jeqK(1, 0, 0), all,
			[]bpf.Instruction{sI(opLdxImm, 5), sI(opTxa, 0)}, jeqK(1, 0, 0), false},
		{"sub folds into jeq", []bpf.Instruction{ldh(12), sI(aluK(bpf.ALUSub), 3)}, jeqK(4, 0, 0), 0,
			[]bpf.Instruction{ldh(12)}, jeqK(7, 0, 0), false},
		{"and before jeq #0 becomes jset", []bpf.Instruction{ldh(12), sI(aluK(bpf.ALUAnd), 0xf0)}, jeqK(0, 0, 0), 0,
			[]bpf.Instruction{ldh(12)}, jI(opJset, 0xf0, 0, 0), true},
		{"constant index into an indexed load", []bpf.Instruction{sI(opLdImm, 2), sI(opLdxMsh, 14), sI(aluX(bpf.ALUAdd), 0), sI(opTax, 0), sI(opLdInd|bpf.SizeB, 0)}, jeqK(1, 0, 0), 0,
			[]bpf.Instruction{sI(opLdxMsh, 14), sI(opLdInd|bpf.SizeB, 2)}, jeqK(1, 0, 0), false},
		{"overwritten load goes", []bpf.Instruction{ldh(12), ldh(14)}, jeqK(1, 0, 0), 0,
			[]bpf.Instruction{ldh(14)}, jeqK(1, 0, 0), false},
		{"unused store goes", []bpf.Instruction{ldh(12), sI(opSt, 3)}, jeqK(1, 0, 0), 0,
			[]bpf.Instruction{ldh(12)}, jeqK(1, 0, 0), false},
		{"used store stays", []bpf.Instruction{ldh(12), sI(opSt, 3)}, jeqK(1, 0, 0), atomBit(3),
			[]bpf.Instruction{ldh(12), sI(opSt, 3)}, jeqK(1, 0, 0), false},
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
		b := oneBlock([]bpf.Instruction{sI(opLdImm, 7)}, jI(opJgt, 3, 0, 0), 0)
		assert.Same(t, b.jt(), b.jf())
		assert.Equal(t, uint32(1), b.jt().s.k)
	})
	t.Run("jset #0 never", func(t *testing.T) {
		b := oneBlock([]bpf.Instruction{ldh(12)}, jI(opJset, 0, 0, 0), atomBit(atomA))
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
			got, err := optimize(tt.in)
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

// TestOrPullup checks that comparisons of one value are grouped ahead of
// another value's: "host a or b" tests the source address against both
// before loading the destination address, as libpcap's program does.
func TestOrPullup(t *testing.T) {
	prog, err := Compile("ip host 10.0.0.1 or 10.0.0.2", linktype.Ethernet, Options{Optimize: true})
	require.NoError(t, err)
	assert.Equal(t, `(000) ldh      [12]
(001) jeq      #0x800           jt 2	jf 9
(002) ld       [26]
(003) jeq      #0xa000001       jt 8	jf 4
(004) jeq      #0xa000002       jt 8	jf 5
(005) ld       [30]
(006) jeq      #0xa000001       jt 8	jf 7
(007) jeq      #0xa000002       jt 8	jf 9
(008) ret      #262144
(009) ret      #0
`, bpf.Dump(prog, 1))
}

// TestLongJumps checks that far jumps get trampolines and the program
// stays valid.
func TestLongJumps(t *testing.T) {
	prog, err := Compile(hostChain(150), linktype.Ethernet, Options{Optimize: true})
	require.NoError(t, err)
	_, err = bpf.NewVM(prog)
	require.NoError(t, err)
	hasJa := false
	for _, ins := range prog {
		hasJa = hasJa || ins.Op == opJa
	}
	assert.True(t, hasJa)
}

// TestOptimizeLargePrograms checks that programs with more blocks than the
// optimizer takes on come back unchanged.
func TestOptimizeLargePrograms(t *testing.T) {
	prog, err := Compile(hostChain(2200), linktype.Ethernet, Options{})
	require.NoError(t, err)
	_, n, ok := buildCFG(prog, maxOptBlocks)
	require.True(t, ok)
	require.Greater(t, n, maxOptBlocks)
	got, err := optimize(prog)
	require.NoError(t, err)
	assert.Equal(t, prog, got)
}

// TestDominatorTreesMatchBitSets checks that the dominator trees used for
// large programs give the same programs as the bit sets.
func TestDominatorTreesMatchBitSets(t *testing.T) {
	defer func(v int) { treesOver = v }(treesOver)
	run := func(prog []bpf.Instruction, trees bool) string {
		treesOver = 1 << 30
		if trees {
			treesOver = 0
		}
		out, err := optimize(prog)
		if err != nil {
			return "error: " + err.Error()
		}
		return bpf.Dump(out, 1)
	}
	var progs [][]bpf.Instruction
	for _, c := range readOptimizedGolden(t) {
		lt, _ := linktype.Parse(c.lt)
		if prog, err := Compile(c.expr, lt, Options{Resolver: testResolver{}}); err == nil {
			progs = append(progs, prog)
		}
	}
	for _, n := range []int{20, 150} {
		prog, err := Compile(hostChain(n), linktype.Ethernet, Options{})
		require.NoError(t, err)
		progs = append(progs, prog)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 500; i++ {
		progs = append(progs, randomProgram(r))
	}
	for _, prog := range progs {
		require.Equal(t, run(prog, false), run(prog, true), bpf.Dump(prog, 1))
	}
}

// TestOptimizeBudget checks that an optimization running over its budget
// gives the program back unchanged.
func TestOptimizeBudget(t *testing.T) {
	defer func(v int) { optBudget = v }(optBudget)
	prog, err := Compile(hostChain(300), linktype.Ethernet, Options{})
	require.NoError(t, err)
	optBudget = 100000
	got, err := optimize(prog)
	require.NoError(t, err)
	assert.Equal(t, prog, got)
	optBudget = math.MaxInt
	got, err = optimize(prog)
	require.NoError(t, err)
	assert.Less(t, len(got), len(prog)/3)
}
