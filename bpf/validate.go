package bpf

import "fmt"

// ValidationError says which instruction made a program invalid, and why.
type ValidationError struct {
	Index  int    // index of the offending instruction; -1 for the whole program
	Reason string // what is wrong, in lowercase
}

func (e *ValidationError) Error() string {
	if e.Index < 0 {
		return "bpf: invalid program: " + e.Reason
	}
	return fmt.Sprintf("bpf: invalid instruction %d: %s", e.Index, e.Reason)
}

func invalid(i int, format string, args ...any) *ValidationError {
	return &ValidationError{Index: i, Reason: fmt.Sprintf(format, args...)}
}

// checkOperand applies the checks that both validators make on a single
// known instruction: scratch index, constant division and shift.
func checkOperand(i int, ins Instruction) error {
	switch ins.Op {
	case ClassLD | ModeMEM, ClassLDX | ModeMEM, ClassST, ClassSTX:
		if ins.K >= MemWords {
			return invalid(i, "scratch memory index %d out of range [0,%d)", ins.K, MemWords)
		}
	case ClassALU | ALUDiv | SrcK:
		if ins.K == 0 {
			return invalid(i, "division by constant 0")
		}
	case ClassALU | ALUMod | SrcK:
		if ins.K == 0 {
			return invalid(i, "modulus by constant 0")
		}
	case ClassALU | ALULsh | SrcK, ClassALU | ALURsh | SrcK:
		if ins.K >= 32 {
			return invalid(i, "shift by constant %d (at most 31)", ins.K)
		}
	}
	return nil
}

// Validate checks prog with libpcap's rules for programs run in userspace
// (bpf_validate): the program is not empty, every opcode is one that
// libpcap's bpf_filter executes, scratch indexes are below 16, there is no
// constant division or modulus by 0, every jump lands inside the program and
// the last instruction is a return.
//
// Like libpcap, Validate accepts backward unconditional jumps (libpcap
// compiles "protochain" with them), but not one that jumps to itself. Where
// libpcap 1.10 is laxer, Validate follows the stricter rules of later libpcap
// releases: it rejects opcodes that libpcap 1.10's bpf_filter would abort on
// (bpf_validate only looks at some opcode bits) and constant shifts by 32 or
// more, whose result in C is undefined.
//
// A program that passes Validate runs in a VM without error. The error, if
// any, is a *ValidationError.
func Validate(prog []Instruction) error {
	n := len(prog)
	if n == 0 {
		return invalid(-1, "empty program")
	}
	for i, ins := range prog {
		if !ins.Opcode().Known() {
			return invalid(i, "unknown opcode %#x", ins.Op)
		}
		if err := checkOperand(i, ins); err != nil {
			return err
		}
		if ins.Op == ClassJMP|JumpJA {
			// libpcap computes the target with 32-bit unsigned
			// arithmetic, so a negative k is a backward jump.
			target := uint32(i) + 1 + ins.K
			if uint64(target) >= uint64(n) {
				return invalid(i, "jump target %d out of range", int32(target))
			}
			if ins.K == 0xffffffff {
				return invalid(i, "jump to itself")
			}
		} else if ins.Opcode().IsConditionalJump() {
			if i+1+int(ins.Jt) >= n || i+1+int(ins.Jf) >= n {
				return invalid(i, "jump target out of range (jt %d, jf %d, program length %d)", i+1+int(ins.Jt), i+1+int(ins.Jf), n)
			}
		}
	}
	if prog[n-1].Class() != ClassRET {
		return invalid(n-1, "last instruction is not a return")
	}
	return nil
}

// ValidateKernel checks prog with the rules of the Linux kernel's
// classic-BPF checker, which a program must pass to be attached to a socket
// (SO_ATTACH_FILTER): 1 to 4096 instructions; only the 49 opcodes the kernel
// knows; scratch indexes below 16; no constant division or modulus by 0;
// constant shifts below 32; jumps only forward and inside the program; an
// absolute load at a negative offset k >= SKFAdOff only for a known
// ancillary field; the last instruction a return; and every scratch slot
// stored before it is loaded, by the kernel's (conservative) flow analysis.
//
// The error, if any, is a *ValidationError.
func ValidateKernel(prog []Instruction) error {
	n := len(prog)
	if n == 0 {
		return invalid(-1, "empty program")
	}
	if n > MaxInstructions {
		return invalid(-1, "%d instructions, the kernel allows at most %d", n, MaxInstructions)
	}
	for i, ins := range prog {
		if !ins.Opcode().Known() {
			return invalid(i, "unknown opcode %#x", ins.Op)
		}
		if err := checkOperand(i, ins); err != nil {
			return err
		}
		switch {
		case ins.Op == ClassJMP|JumpJA:
			if uint64(ins.K) >= uint64(n-i-1) {
				return invalid(i, "jump offset %d out of range (backward jumps are not allowed)", ins.K)
			}
		case ins.Opcode().IsConditionalJump():
			if i+1+int(ins.Jt) >= n || i+1+int(ins.Jf) >= n {
				return invalid(i, "jump target out of range (jt %d, jf %d, program length %d)", i+1+int(ins.Jt), i+1+int(ins.Jf), n)
			}
		case ins.Class() == ClassLD && ins.Mode() == ModeABS:
			if ins.K >= Ancillary(0) {
				ad := ins.K - Ancillary(0)
				if _, ok := (&Metadata{}).ancillary(ad); !ok && ad != AdALUXorX {
					return invalid(i, "unknown ancillary offset %d", ad)
				}
			}
		}
	}
	if op := prog[n-1].Op; op != ClassRET|RetK && op != ClassRET|RetA {
		return invalid(n-1, "last instruction is not a return")
	}
	return checkScratch(prog)
}

// checkScratch mirrors the kernel's check that no scratch slot is read
// before it is written. It walks the program once, in order, carrying the
// set of slots known written; a jump narrows the set at its targets and the
// instruction after a jump starts from the set its incoming jumps agree on.
func checkScratch(prog []Instruction) error {
	masks := make([]uint16, len(prog))
	for i := range masks {
		masks[i] = 0xffff
	}
	var valid uint16
	for i, ins := range prog {
		valid &= masks[i]
		switch {
		case ins.Op == ClassST || ins.Op == ClassSTX:
			valid |= 1 << ins.K
		case ins.Op == ClassLD|ModeMEM || ins.Op == ClassLDX|ModeMEM:
			if valid&(1<<ins.K) == 0 {
				return invalid(i, "scratch memory M[%d] may be read before it is written", ins.K)
			}
		case ins.Op == ClassJMP|JumpJA:
			masks[i+1+int(ins.K)] &= valid
			valid = 0xffff
		case ins.Opcode().IsConditionalJump():
			masks[i+1+int(ins.Jt)] &= valid
			masks[i+1+int(ins.Jf)] &= valid
			valid = 0xffff
		}
	}
	return nil
}
