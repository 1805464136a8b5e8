package bpf

import (
	"testing"

	"github.com/stretchr/testify/require"
	xbpf "golang.org/x/net/bpf"
)

func TestRawConversionSharesMemory(t *testing.T) {
	prog := mustParse(t, tcpPort80)
	raw := ToRaw(prog)
	require.Len(t, raw, len(prog))
	for i := range prog {
		require.Equal(t, xbpf.RawInstruction(prog[i]), raw[i])
	}
	raw[0].K = 99
	require.Equal(t, uint32(99), prog[0].K, "no copy")
	back := FromRaw(raw)
	require.Equal(t, &prog[0], &back[0])
	require.Nil(t, ToRaw(nil))
	require.Nil(t, FromRaw(nil))
	require.Empty(t, ToRaw([]Instruction{}))
}

func TestTypedConversionRoundTrip(t *testing.T) {
	for _, text := range []string{tcpPort80} {
		prog := mustParse(t, text)
		insns, ok := Disassemble(prog)
		require.True(t, ok)
		back, err := Assemble(insns)
		require.NoError(t, err)
		require.Equal(t, prog, back)
	}
	// Every known opcode survives the trip through x/net/bpf's types.
	var all []Instruction
	for _, op := range knownOps() {
		if op == ClassLDX|SizeW|ModeLEN {
			continue // x/net/bpf has no such instruction
		}
		ins := Instruction{Op: op, K: 3}
		if usesX(op) {
			ins.K = 0 // x/net/bpf keeps no k where the operand is X
		}
		if op == ClassLD|ModeMEM || op == ClassLDX|ModeMEM || op == ClassST || op == ClassSTX {
			ins.K = 5
		}
		if Opcode(op).IsConditionalJump() {
			ins.Jt, ins.Jf = 1, 2
		}
		all = append(all, ins)
	}
	insns, ok := Disassemble(all)
	require.True(t, ok)
	back, err := Assemble(insns)
	require.NoError(t, err)
	require.Equal(t, all, back)
	ldxLen := []Instruction{Stmt(ClassLDX|SizeW|ModeLEN, 0)}
	insns, ok = Disassemble(ldxLen)
	require.False(t, ok)
	back, err = Assemble(insns)
	require.NoError(t, err)
	require.Equal(t, ldxLen, back)
	_, err = Assemble([]xbpf.Instruction{xbpf.LoadScratch{Dst: xbpf.RegA, N: 16}})
	require.Error(t, err)
}

// usesX reports whether op takes no constant operand.
func usesX(op uint16) bool {
	switch Opcode(op).Class() {
	case ClassALU, ClassJMP:
		return Opcode(op).Src() == SrcX || op == ClassALU|ALUNeg
	case ClassRET:
		return op == ClassRET|RetA
	case ClassMISC:
		return true
	}
	return op == ClassLD|SizeW|ModeLEN
}
