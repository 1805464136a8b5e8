package bpf

import "unsafe"

// Decoded operations. Each classic opcode the VM accepts maps to one of
// these, and a packet load followed by a conditional jump on a constant is
// also fused into one operation (the jump stays in place for jumps that
// land on it).
const (
	opRetK uint8 = iota
	opRetA

	opLdW // A = packet word at k (k < fastLimit)
	opLdH
	opLdB
	opLdAbs // any other absolute load: ancillary data or a huge offset
	opLdWInd
	opLdHInd
	opLdBInd
	opLdLen
	opLdxLen
	opLdImm
	opLdxImm
	opLdMem
	opLdxMem
	opLdxMsh
	opSt
	opStx

	opJa
	opJaBack
	opJeqK
	opJgtK
	opJgeK
	opJsetK
	opJeqX
	opJgtX
	opJgeX
	opJsetX

	opAddK
	opSubK
	opMulK
	opDivK
	opModK
	opAndK
	opOrK
	opXorK
	opLshK
	opRshK
	opAddX
	opSubX
	opMulX
	opDivX
	opModX
	opAndX
	opOrX
	opXorX
	opLshX
	opRshX
	opNeg
	opTax
	opTxa

	// fused load + conditional jump: A = packet[k]; if A op k2 ...
	opLdWJeq
	opLdWJgt
	opLdWJge
	opLdWJset
	opLdHJeq
	opLdHJgt
	opLdHJge
	opLdHJset
	opLdBJeq
	opLdBJgt
	opLdBJge
	opLdBJset

	// fused indexed load + conditional jump: A = packet[X+k]; if A op k2 ...
	// (the test is in size: 0 jeq, 1 jgt, 2 jge, 3 jset)
	opLdWIndJ
	opLdHIndJ
	opLdBIndJ

	// "jeq #k jf L" where L is another "jeq #k2": two tests, one dispatch
	// (jf holds L; L's own jt and jf apply when the first test fails).
	opJeqJeq
	opLdHJeqJeq
	opLdBJeqJeq
)

// fastLimit bounds the offsets of the fast absolute loads, so that k+4 never
// overflows an int, even on 32-bit platforms.
const fastLimit = 1 << 30

// vmIns is one pre-decoded instruction. Jump targets are absolute indexes,
// with retFlag set on targets that are "ret #k" instructions.
type vmIns struct {
	op   uint8
	size uint8 // load size in bytes (opLdAbs), or the test of opLd*IndJ
	k    uint32
	k2   uint32 // compare constant of fused operations
	jt   uint32
	jf   uint32
}

// retFlag marks a jump target that is a "ret #k" instruction.
const retFlag = 1 << 31

// decode translates a validated program into the VM's form, in four
// passes: one operation per instruction, then the fusions, each a
// function of its own.
func decode(prog []Instruction) []vmIns {
	out := make([]vmIns, len(prog))
	for i, ins := range prog {
		out[i] = decodeIns(ins, uint32(i+1))
	}
	fuseLoadJumps(out)
	markReturns(out)
	chainJeqs(out)
	return out
}

// simpleOps maps the opcodes whose decoded operation depends on nothing
// else.
var simpleOps = map[uint16]uint8{
	ClassRET | RetK:            opRetK,
	ClassRET | RetA:            opRetA,
	ClassLD | SizeW | ModeIND:  opLdWInd,
	ClassLD | SizeH | ModeIND:  opLdHInd,
	ClassLD | SizeB | ModeIND:  opLdBInd,
	ClassLD | SizeW | ModeLEN:  opLdLen,
	ClassLDX | SizeW | ModeLEN: opLdxLen,
	ClassLD | ModeIMM:          opLdImm,
	ClassLDX | ModeIMM:         opLdxImm,
	ClassLD | ModeMEM:          opLdMem,
	ClassLDX | ModeMEM:         opLdxMem,
	ClassLDX | SizeB | ModeMSH: opLdxMsh,
	ClassST:                    opSt,
	ClassSTX:                   opStx,
	ClassMISC | MiscTAX:        opTax,
	ClassMISC | MiscTXA:        opTxa,
	ClassALU | ALUNeg:          opNeg,
}

var jumpOps = [4]uint8{opJeqK, opJgtK, opJgeK, opJsetK}

var aluOps = [11]uint8{opAddK, opSubK, opMulK, opDivK, opOrK, opAndK, opLshK, opRshK, 0, opModK, opXorK}

// decodeIns translates one validated instruction; next is the index of
// the instruction after it.
func decodeIns(ins Instruction, next uint32) vmIns {
	d := vmIns{k: ins.K}
	op := ins.Opcode()
	if o, ok := simpleOps[ins.Op]; ok {
		d.op = o
		return d
	}
	switch op.Class() {
	case ClassLD: // the absolute loads
		size := uint8(op.Size().Bytes())
		switch {
		case ins.K >= fastLimit:
			d.op, d.size = opLdAbs, size
		case size == 4:
			d.op = opLdW
		case size == 2:
			d.op = opLdH
		default:
			d.op = opLdB
		}
	case ClassJMP:
		if op.JumpOp() == JumpJA {
			d.op, d.jt = opJa, next+ins.K
			if int32(ins.K) < 0 {
				d.op = opJaBack
			}
			return d
		}
		d.op = jumpOps[op.JumpOp()>>4-1]
		if op.Src() == SrcX {
			d.op += opJeqX - opJeqK
		}
		d.jt, d.jf = next+uint32(ins.Jt), next+uint32(ins.Jf)
	case ClassALU:
		d.op = aluOps[op.ALUOp()>>4]
		if op.Src() == SrcX {
			d.op += opAddX - opAddK
		}
	}
	return d
}

// fuseLoadJumps fuses "load packet; jump on constant" pairs into one
// operation. The jump stays in place, for jumps that land on it.
func fuseLoadJumps(out []vmIns) {
	for i := 0; i+1 < len(out); i++ {
		ld, j := &out[i], out[i+1]
		if j.op < opJeqK || j.op > opJsetK {
			continue
		}
		test := j.op - opJeqK
		switch ld.op {
		case opLdW:
			ld.op = opLdWJeq + test
		case opLdH:
			ld.op = opLdHJeq + test
		case opLdB:
			ld.op = opLdBJeq + test
		case opLdWInd:
			ld.op, ld.size = opLdWIndJ, test
		case opLdHInd:
			ld.op, ld.size = opLdHIndJ, test
		case opLdBInd:
			ld.op, ld.size = opLdBIndJ, test
		default:
			continue
		}
		ld.k2, ld.jt, ld.jf = j.k, j.jt, j.jf
	}
}

// isJump reports whether decoded operation op jumps through jt (and, but
// for opJa and opJaBack, jf).
func isJump(op uint8) bool {
	return op == opJa || op == opJaBack || op >= opJeqK && op <= opJsetX || op >= opLdWJeq
}

// markReturns sets retFlag on jump targets that are "ret #k", so that the
// VM returns k at once, saving a dispatch.
func markReturns(out []vmIns) {
	mark := func(target uint32) uint32 {
		if out[target].op == opRetK {
			return target | retFlag
		}
		return target
	}
	for i := range out {
		d := &out[i]
		if isJump(d.op) {
			d.jt = mark(d.jt)
			if d.op != opJa && d.op != opJaBack {
				d.jf = mark(d.jf)
			}
		}
	}
}

// chainJeqs turns "jeq #k, jf to another jeq #k2" into one dispatch. It
// runs after markReturns, so that the first jump's false target stays a
// plain index when it is a jeq.
func chainJeqs(out []vmIns) {
	for i := range out {
		d := &out[i]
		if d.op != opJeqK && d.op != opLdHJeq && d.op != opLdBJeq {
			continue
		}
		if d.jf&retFlag != 0 || out[d.jf].op != opJeqK {
			continue
		}
		switch d.op {
		case opJeqK:
			d.op = opJeqJeq
		case opLdHJeq:
			d.op = opLdHJeqJeq
		case opLdBJeq:
			d.op = opLdBJeqJeq
		}
	}
}

// fetch returns the decoded instruction at index i of the program starting
// at base, without a bounds check: Validate and decode only make jump
// targets inside the program, and the last instruction returns.
func fetch(base unsafe.Pointer, i uintptr) *vmIns {
	return (*vmIns)(unsafe.Add(base, i*unsafe.Sizeof(vmIns{})))
}
