package bpf

import (
	xbpf "golang.org/x/net/bpf"
)

// Instruction is one classic BPF instruction in its raw form. It is
// field-identical to the kernel's struct sock_filter and to
// golang.org/x/net/bpf.RawInstruction, so the two convert with a plain
// conversion: xbpf.RawInstruction(ins).
type Instruction struct {
	Op uint16 // opcode: class | size/op | mode/source
	Jt uint8  // jump offset if the test is true
	Jf uint8  // jump offset if the test is false
	K  uint32 // constant operand
}

// Stmt returns a non-jump instruction.
func Stmt(op uint16, k uint32) Instruction { return Instruction{Op: op, K: k} }

// Jump returns a conditional jump instruction.
func Jump(op uint16, k uint32, jt, jf uint8) Instruction {
	return Instruction{Op: op, Jt: jt, Jf: jf, K: k}
}

// Compile-time proof that the two raw forms stay convertible: the conversion
// needs identical field types, so the layouts agree too, which ToRaw and
// FromRaw rely on.
var _ = xbpf.RawInstruction(Instruction{})
