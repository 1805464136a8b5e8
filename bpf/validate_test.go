package bpf

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidators(t *testing.T) {
	ret := Stmt(ClassRET|RetK, 0)
	retA := Stmt(ClassRET|RetA, 0)
	for _, c := range []struct {
		name       string
		prog       []Instruction
		user, kern int // index of the failing instruction, -2 when valid
		userReason string
		kernReason string
	}{
		{"empty", nil, -1, -1, "empty", "empty"},
		{"ret", []Instruction{ret}, -2, -2, "", ""},
		{"no final return", []Instruction{Stmt(ClassLD|ModeIMM, 1)}, 0, 0, "not a return", "not a return"},
		{"ret x", []Instruction{Stmt(ClassRET|RetX, 0)}, 0, 0, "unknown opcode", "unknown opcode"},
		{"unknown opcode", []Instruction{Stmt(ClassLD|SizeH|ModeIMM, 0), ret}, 0, 0, "unknown opcode 0x8", "unknown opcode"},
		{"high opcode bits", []Instruction{Stmt(0x100|ClassRET|RetK, 0)}, 0, 0, "unknown opcode", "unknown opcode"},
		{"scratch index", []Instruction{Stmt(ClassST, 16), ret}, 0, 0, "scratch memory index 16", "scratch memory index 16"},
		{"div by 0", []Instruction{Stmt(ClassALU|ALUDiv|SrcK, 0), ret}, 0, 0, "division by constant 0", "division"},
		{"mod by 0", []Instruction{Stmt(ClassALU|ALUMod|SrcK, 0), ret}, 0, 0, "modulus by constant 0", "modulus"},
		{"shift 32", []Instruction{Stmt(ClassALU|ALULsh|SrcK, 32), ret}, 0, 0, "shift by constant 32", "shift"},
		{"shift 31", []Instruction{Stmt(ClassALU|ALURsh|SrcK, 31), ret}, -2, -2, "", ""},
		{"jump past the end", []Instruction{Jump(ClassJMP|JumpJEQ|SrcK, 0, 0, 1), ret}, 0, 0, "out of range", "out of range"},
		{"ja past the end", []Instruction{Stmt(ClassJMP|JumpJA, 1), ret}, 0, 0, "out of range", "out of range"},
		{"ja backward", []Instruction{ret, Stmt(ClassJMP|JumpJA, 0xfffffffe), ret}, -2, 1, "", "backward"},
		{"ja to itself", []Instruction{Stmt(ClassJMP|JumpJA, 0xffffffff), ret}, 0, 0, "jump to itself", "backward"},
		{"ja before the start", []Instruction{Stmt(ClassJMP|JumpJA, 0xfffffffe), ret}, 0, 0, "out of range", "backward"},
		{"known ancillary", []Instruction{Stmt(ClassLD|SizeB|ModeABS, Ancillary(AdVLANTagPresent)), retA}, -2, -2, "", ""},
		{"unknown ancillary", []Instruction{Stmt(ClassLD|SizeB|ModeABS, Ancillary(AdMax)), retA}, -2, 0, "", "unknown ancillary offset 64"},
		{"misaligned ancillary", []Instruction{Stmt(ClassLD|SizeW|ModeABS, Ancillary(1)), retA}, -2, 0, "", "unknown ancillary offset 1"},
		{"net offset", []Instruction{Stmt(ClassLD|SizeW|ModeABS, uint32(SKFNetOff&0xffffffff)), retA}, -2, -2, "", ""},
		{"scratch read before write", []Instruction{Stmt(ClassLD|ModeMEM, 3), retA}, -2, 0, "", "M[3] may be read before it is written"},
		{"scratch written on one path only", []Instruction{
			Stmt(ClassLD|SizeB|ModeABS, 0), Jump(ClassJMP|JumpJEQ|SrcK, 1, 0, 1), Stmt(ClassST, 2), Stmt(ClassLDX|ModeMEM, 2), retA}, -2, 3, "", "M[2]"},
		{"scratch written on both paths", []Instruction{
			Stmt(ClassST, 2), Stmt(ClassLD|SizeB|ModeABS, 0), Jump(ClassJMP|JumpJEQ|SrcK, 1, 0, 1), Stmt(ClassST, 2), Stmt(ClassLDX|ModeMEM, 2), retA}, -2, -2, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			check := func(err error, index int, reason string) {
				t.Helper()
				if index == -2 {
					require.NoError(t, err)
					return
				}
				var ve *ValidationError
				require.True(t, errors.As(err, &ve), "want a *ValidationError, got %v", err)
				assert.Equal(t, index, ve.Index)
				assert.Contains(t, err.Error(), reason)
			}
			check(Validate(c.prog), c.user, c.userReason)
			check(ValidateKernel(c.prog), c.kern, c.kernReason)
			vm, err := NewVM(c.prog)
			if c.user == -2 {
				require.NoError(t, err)
				require.NotNil(t, vm)
			} else {
				require.Error(t, err)
				require.Nil(t, vm)
			}
		})
	}
	long := make([]Instruction, MaxInstructions+1)
	for i := range long {
		long[i] = ret
	}
	require.NoError(t, Validate(long))
	require.ErrorContains(t, ValidateKernel(long), "at most 4096")
	require.NoError(t, ValidateKernel(long[:MaxInstructions]))
	assert.Equal(t, "bpf: invalid instruction 3: x", (&ValidationError{Index: 3, Reason: "x"}).Error())
	assert.Equal(t, "bpf: invalid program: x", (&ValidationError{Index: -1, Reason: "x"}).Error())
}
