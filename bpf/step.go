package bpf

// Outcome says how a run of a program ended. Every outcome other than
// Returned gives the verdict 0, as libpcap's bpf_filter returns 0 there.
type Outcome uint8

const (
	// Returned: a return instruction ended the run; its value is the
	// verdict.
	Returned Outcome = iota
	// OutOfBounds: a load past the captured bytes.
	OutOfBounds
	// DivisionByZero: a division or modulus by 0 (an X of 0, or a
	// constant 0 in a program that was not validated).
	DivisionByZero
	// Unsupported: a load at a Linux negative offset that has no data
	// here (no Metadata, an unknown ancillary field, SKFNetOff).
	Unsupported
	// BackJumpLimit: the run took more backward jumps than the machine
	// allows (64, as later libpcap releases).
	BackJumpLimit
	// Invalid: an instruction that Validate rejects (unknown opcode,
	// scratch index out of range, a jump or pc outside the program).
	// Only State.Step and Interpret meet these; a VM runs validated
	// programs only.
	Invalid
)

var outcomeNames = [...]string{"returned", "out of bounds", "division by zero", "unsupported load", "backward jump limit", "invalid instruction"}

// String returns a short lowercase description, such as "out of bounds".
func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return "outcome " + hex(uint32(o))
}

// State is the machine state of a program run one instruction at a time
// with Step: the next instruction's index, the registers, the scratch
// memory and the number of backward jumps taken so far. The zero State is
// the start of a run.
type State struct {
	PC        int              // index of the next instruction
	A, X      uint32           // accumulator and index register
	M         [MemWords]uint32 // scratch memory
	BackJumps int              // backward jumps taken
}

// Step runs instruction s.PC of prog over packet pkt (wire length wireLen,
// metadata md or nil, as for VM.RunMeta) and updates s. When the run ends
// (a return, or one of the other outcomes), done is true and verdict and
// outcome say how; s.PC then still indexes the last instruction run.
//
// Step is the reference semantics of the machine, written for clarity: one
// instruction per call, on the raw program, with the same rules as the VM
// (ALUOp.Apply, JumpOp.Test and the VM's load helpers). It checks every
// instruction as it goes, so prog need not be validated, and never panics.
// A VM gives the same verdict and outcome as stepping to the end, for
// every program that Validate accepts; tests compare the two.
func (s *State) Step(prog []Instruction, pkt []byte, wireLen int, md *Metadata) (verdict uint32, outcome Outcome, done bool) {
	if s.PC < 0 || s.PC >= len(prog) {
		return 0, Invalid, true
	}
	ins := prog[s.PC]
	op := ins.Opcode()
	if !op.Known() {
		return 0, Invalid, true
	}
	next := s.PC + 1
	switch op.Class() {
	case ClassRET:
		if op.RetSrc() == RetA {
			return s.A, Returned, true
		}
		return ins.K, Returned, true
	case ClassLD, ClassLDX, ClassST, ClassSTX, ClassMISC:
		if o := s.move(ins, pkt, wireLen, md); o != Returned {
			return 0, o, true
		}
	case ClassALU:
		v := ins.K
		if op.Src() == SrcX {
			v = s.X
		}
		a, ok := op.ALUOp().Apply(s.A, v)
		if !ok {
			return 0, DivisionByZero, true
		}
		s.A = a
	case ClassJMP:
		if op.JumpOp() == JumpJA {
			if int32(ins.K) < 0 {
				if s.BackJumps++; s.BackJumps > maxBackJumps {
					return 0, BackJumpLimit, true
				}
			}
			next = int(int32(uint32(next) + ins.K))
			break
		}
		v := ins.K
		if op.Src() == SrcX {
			v = s.X
		}
		if op.JumpOp().Test(s.A, v) {
			next += int(ins.Jt)
		} else {
			next += int(ins.Jf)
		}
	}
	if next < 0 || next >= len(prog) {
		return 0, Invalid, true
	}
	s.PC = next
	return 0, Returned, false
}

// move runs a load, store or register transfer. It returns Returned when
// the run goes on, and the reason otherwise.
func (s *State) move(ins Instruction, pkt []byte, wireLen int, md *Metadata) Outcome {
	op := ins.Opcode()
	switch op.Class() {
	case ClassMISC:
		if op.MiscOp() == MiscTAX {
			s.X = s.A
		} else {
			s.A = s.X
		}
		return Returned
	case ClassST, ClassSTX:
		if ins.K >= MemWords {
			return Invalid
		}
		if op.Class() == ClassST {
			s.M[ins.K] = s.A
		} else {
			s.M[ins.K] = s.X
		}
		return Returned
	}
	v, o := s.load(ins, pkt, wireLen, md)
	if o != Returned {
		return o
	}
	if op.Class() == ClassLD {
		s.A = v
	} else {
		s.X = v
	}
	return Returned
}

// load returns the value that load instruction ins (of a known opcode)
// reads.
func (s *State) load(ins Instruction, pkt []byte, wireLen int, md *Metadata) (uint32, Outcome) {
	size := uint8(ins.Size().Bytes())
	switch ins.Mode() {
	case ModeIMM:
		return ins.K, Returned
	case ModeLEN:
		return uint32(wireLen), Returned
	case ModeMEM:
		if ins.K >= MemWords {
			return 0, Invalid
		}
		return s.M[ins.K], Returned
	case ModeABS:
		return loadAbs(pkt, ins.K, size, s.A, s.X, md)
	case ModeIND:
		return loadPacket(pkt, s.X, ins.K, size)
	}
	b, o := loadPacket(pkt, 0, ins.K, 1) // ModeMSH
	return (b & 0xf) << 2, o
}

// Interpret runs prog over one packet from the zero State with Step, until
// the run ends, and returns the verdict and the outcome. If trace is not
// nil, it is called before each instruction with the state about to run
// it (trace must not keep the pointer). It is the reference interpreter for
// tests and debugging; use a VM to filter packets.
func Interpret(prog []Instruction, pkt []byte, wireLen int, md *Metadata, trace func(*State)) (uint32, Outcome) {
	var s State
	for {
		if trace != nil {
			trace(&s)
		}
		if v, o, done := s.Step(prog, pkt, wireLen, md); done {
			return v, o
		}
	}
}
