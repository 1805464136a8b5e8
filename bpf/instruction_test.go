package bpf

import (
	"testing"

	"github.com/stretchr/testify/require"
	xbpf "golang.org/x/net/bpf"
)

func TestInstructionConvertsToRaw(t *testing.T) {
	ins := Jump(ClassJMP|JumpJEQ|SrcK, 0x800, 1, 2)
	raw := xbpf.RawInstruction(ins)
	require.Equal(t, xbpf.RawInstruction{Op: 0x15, Jt: 1, Jf: 2, K: 0x800}, raw)
	require.Equal(t, ins, Instruction(raw))
}
