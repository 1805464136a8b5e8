package bpf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpcodeAccessors(t *testing.T) {
	for _, c := range []struct {
		op   uint16
		want string // class size mode src alu jump ret misc
	}{
		{ClassLD | SizeH | ModeABS, "ld h abs x mul jgt x ?0x28"},
		{ClassLDX | SizeB | ModeMSH, "ldx b msh k ?0xb0 ?0xb0 a ?0xb0"},
		{ClassALU | ALULsh | SrcX, "alu h mem x lsh ?0x60 x ?0x68"},
		{ClassJMP | JumpJSET | SrcK, "jmp w ind k or jset k ?0x40"},
		{ClassRET | RetA, "ret b imm k sub jeq a ?0x10"},
		{ClassMISC | MiscTXA, "misc w len k neg ?0x80 k txa"},
		{0xffff, "misc ?0x18 ?0xe0 x ?0xf0 ?0xf0 ?0x18 ?0xf8"},
	} {
		ins := Instruction{Op: c.op}
		got := fmt.Sprint(ins.Class(), ins.Size(), ins.Mode(), ins.Src(), ins.ALUOp(), ins.JumpOp(), ins.RetSrc(), ins.MiscOp())
		assert.Equal(t, c.want, got, "op %#x", c.op)
		op := ins.Opcode()
		assert.Equal(t, c.want, fmt.Sprint(op.Class(), op.Size(), op.Mode(), op.Src(), op.ALUOp(), op.JumpOp(), op.RetSrc(), op.MiscOp()))
	}
	// Accessors and constants compare without conversions.
	ins := Stmt(ClassLD|SizeH|ModeABS, 12)
	require.True(t, ins.Class() == ClassLD && ins.Size() == SizeH && ins.Mode() == ModeABS)
	require.Equal(t, 2, ins.Size().Bytes())
	require.Equal(t, "ldh ldxb jset tax st ret unimp unimp", fmt.Sprint(Opcode(0x28), Opcode(0xb1), Opcode(0x45), Opcode(0x07), Opcode(0x02), Opcode(0x16), Opcode(0x81), Opcode(0x08)))
	require.Equal(t, []int{4, 2, 1, 0}, []int{Size(SizeW).Bytes(), Size(SizeH).Bytes(), Size(SizeB).Bytes(), Size(SizeMask).Bytes()})
}

// TestOpcodeKnown checks Known against the disassembler's independent
// table (whose output the goldens check against libpcap): an opcode is
// known exactly when it does not print as "unimp", except "ldx #pktlen"
// (0x81), which libpcap 1.10 executes but does not print.
func TestOpcodeKnown(t *testing.T) {
	n := 0
	for op := 0; op <= 0xffff; op++ {
		got := Opcode(op).Known()
		printed := !strings.HasPrefix(Instruction{Op: uint16(op)}.String(), "unimp") || op == ClassLDX|SizeW|ModeLEN
		require.Equal(t, printed, got, "op %#x", op)
		if got {
			n++
		}
	}
	require.Equal(t, 49, n)
}

func TestIsConditionalJump(t *testing.T) {
	require.True(t, Opcode(ClassJMP|JumpJEQ|SrcX).IsConditionalJump())
	require.True(t, Opcode(ClassJMP|JumpJSET).IsConditionalJump())
	require.False(t, Opcode(ClassJMP|JumpJA).IsConditionalJump())
	require.False(t, Opcode(ClassALU|ALUAnd).IsConditionalJump())
}
