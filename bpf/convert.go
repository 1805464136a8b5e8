package bpf

import (
	"unsafe"

	xbpf "golang.org/x/net/bpf"
)

// ToRaw returns prog as golang.org/x/net/bpf raw instructions without
// copying: the result shares prog's memory (the two types have the same
// layout, so this is a free reinterpretation done with unsafe.Slice).
// Writes through either slice show in the other.
func ToRaw(prog []Instruction) []xbpf.RawInstruction {
	return reinterpret[xbpf.RawInstruction](prog)
}

// FromRaw returns raw as Instructions without copying; the result shares
// raw's memory.
func FromRaw(raw []xbpf.RawInstruction) []Instruction {
	return reinterpret[Instruction](raw)
}

// reinterpret returns s as a slice of To sharing s's memory. It is only
// for the instruction types whose layouts are proven equal at compile time
// (Instruction, xbpf.RawInstruction, unix.SockFilter); nil stays nil.
func reinterpret[To, From any](s []From) []To {
	if s == nil {
		return nil
	}
	return unsafe.Slice((*To)(unsafe.Pointer(unsafe.SliceData(s))), len(s))
}

// Assemble converts x/net/bpf's typed instructions to raw Instructions, with
// x/net/bpf's own assembler. The error is x/net/bpf's when an instruction
// does not assemble.
func Assemble(insns []xbpf.Instruction) ([]Instruction, error) {
	raw, err := xbpf.Assemble(insns)
	if err != nil {
		return nil, err
	}
	return FromRaw(raw), nil
}

// Disassemble converts prog to x/net/bpf's typed instructions. Instructions
// that x/net/bpf cannot decode stay xbpf.RawInstruction values, and ok is
// then false. x/net/bpf has no "ldx #pktlen" (0x81), so it also stays raw.
// x/net/bpf drops the unused k of instructions that take no constant.
func Disassemble(prog []Instruction) (insns []xbpf.Instruction, ok bool) {
	insns, ok = xbpf.Disassemble(ToRaw(prog))
	for i, ins := range prog {
		if ins.Op == ClassLDX|SizeW|ModeLEN {
			insns[i], ok = xbpf.RawInstruction(ins), false
		}
	}
	return insns, ok
}
