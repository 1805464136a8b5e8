package compile

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
)

// randomProgram returns a valid program of random statements and forward
// jumps, not necessarily one a code generator would produce.
func randomProgram(r *rand.Rand) []bpf.Instruction {
	stmts := []uint16{
		opLdAbs | bpf.SizeW, opLdAbs | bpf.SizeH, opLdAbs | bpf.SizeB, opLdInd | bpf.SizeB, opLdInd | bpf.SizeH,
		opLdImm, opLdxImm, opLdLen, opLdxMsh, opTax, opTxa, opLdMem, opLdxMem, opSt, opStx,
		aluK(bpf.ALUAdd), aluK(bpf.ALUSub), aluK(bpf.ALUAnd), aluK(bpf.ALUMul), aluK(bpf.ALUDiv), aluK(bpf.ALULsh),
		aluX(bpf.ALUAdd), aluX(bpf.ALUOr), aluX(bpf.ALUDiv), aluX(bpf.ALURsh), bpf.ClassALU | bpf.ALUNeg,
	}
	jumps := []uint16{opJeq, opJgt, opJge, opJset, opJeq | bpf.SrcX}
	n := 4 + r.IntN(60)
	prog := make([]bpf.Instruction, n)
	prog[n-1] = bpf.Stmt(bpf.ClassRET|bpf.RetK, 0)
	prog[n-2] = bpf.Stmt(bpf.ClassRET|bpf.RetK, 262144)
	for i := 0; i < n-2; i++ {
		if r.IntN(3) == 0 {
			room := n - i - 2
			prog[i] = bpf.Jump(jumps[r.IntN(len(jumps))], uint32(r.IntN(4)), uint8(r.IntN(min(room, 256))), uint8(r.IntN(min(room, 256))))
			continue
		}
		op := stmts[r.IntN(len(stmts))]
		k := uint32(r.IntN(64))
		switch op {
		case opLdMem, opLdxMem, opSt, opStx:
			k %= 16
		case aluK(bpf.ALUDiv), aluK(bpf.ALULsh):
			k = k%31 + 1
		}
		prog[i] = bpf.Stmt(op, k)
	}
	return prog
}

// TestOptimizeArbitraryPrograms checks that optimize never panics and
// only returns valid programs or *Error values, whatever its input.
func TestOptimizeArbitraryPrograms(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 3000; i++ {
		prog := randomProgram(r)
		out, err := optimize(prog)
		if err != nil {
			require.IsType(t, &Error{}, err)
			require.Nil(t, out)
			continue
		}
		_, verr := bpf.NewVM(out)
		require.NoError(t, verr, "%s\n->\n%s", bpf.Dump(prog, 1), bpf.Dump(out, 1))
	}
}
