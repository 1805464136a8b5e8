package bpf

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

func TestSockFilterSharesMemory(t *testing.T) {
	prog := []Instruction{Stmt(ClassLD|SizeH|ModeABS, 12), Jump(ClassJMP|JumpJEQ|SrcK, 0x800, 1, 2), Stmt(ClassRET|RetK, 7)}
	sf := ToSockFilter(prog)
	require.Len(t, sf, 3)
	require.Equal(t, unix.SockFilter{Code: 0x15, Jt: 1, Jf: 2, K: 0x800}, sf[1])
	require.Equal(t, unsafe.Pointer(&prog[0]), unsafe.Pointer(&sf[0]), "no copy")
	sf[2].K = 9
	require.Equal(t, uint32(9), prog[2].K)
	back := FromSockFilter(sf)
	require.Equal(t, prog, back)
	back[0].Op = ClassLD | SizeB | ModeABS
	require.Equal(t, uint16(0x30), sf[0].Code)
	require.Nil(t, ToSockFilter(nil))
	require.Nil(t, FromSockFilter(nil))
}

func TestSockFprog(t *testing.T) {
	prog := make([]Instruction, MaxInstructions)
	prog[len(prog)-1] = Stmt(ClassRET|RetK, 1)
	fp, err := SockFprog(prog)
	require.NoError(t, err)
	require.Equal(t, uint16(MaxInstructions), fp.Len)
	require.Equal(t, unsafe.Pointer(&prog[0]), unsafe.Pointer(fp.Filter))
	for _, n := range []int{0, MaxInstructions + 1, 65536} {
		fp, err := SockFprog(make([]Instruction, n))
		require.Error(t, err, "%d instructions", n)
		require.Nil(t, fp)
	}
}
