package bpf

import (
	"math/rand"
)

// genOptions steer randomProgram.
type genOptions struct {
	maxLen   int  // longest program
	backward bool // allow backward unconditional jumps
	sloppy   bool // sometimes break the validators' rules
}

var interestingK = []uint32{0, 1, 2, 3, 4, 7, 8, 12, 14, 16, 20, 23, 31, 32, 33, 0x800, 0x86dd, 0xff, 0xffff, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff}

func randomK(r *rand.Rand) uint32 {
	switch r.Intn(4) {
	case 0:
		return interestingK[r.Intn(len(interestingK))]
	case 1:
		return r.Uint32()
	default:
		return uint32(r.Intn(80))
	}
}

// randomProgram returns a random program, mostly valid unless o.sloppy.
func randomProgram(r *rand.Rand, o genOptions) []Instruction {
	ops := knownOps()
	n := 1 + r.Intn(o.maxLen)
	prog := make([]Instruction, n)
	for i := range prog {
		op := ops[r.Intn(len(ops))]
		if o.sloppy && r.Intn(30) == 0 {
			op = uint16(r.Intn(0x10000))
		}
		ins := Instruction{Op: op, K: randomK(r)}
		left := n - i - 1 // instructions after this one
		switch {
		case op == ClassLD|ModeMEM || op == ClassLDX|ModeMEM || op == ClassST || op == ClassSTX:
			ins.K = uint32(r.Intn(MemWords))
		case Opcode(op).Class() == ClassLD && Opcode(op).Mode() == ModeABS && r.Intn(6) == 0:
			ins.K = Ancillary(uint32(r.Intn(AdMax/4+1) * 4))
		case op == ClassALU|ALUDiv || op == ClassALU|ALUMod:
			if ins.K == 0 {
				ins.K = 3
			}
		case op == ClassALU|ALULsh || op == ClassALU|ALURsh:
			ins.K %= 32
		case op == ClassJMP|JumpJA:
			if left > 0 {
				ins.K = uint32(r.Intn(left))
			}
			if o.backward && i > 0 && r.Intn(3) == 0 {
				ins.K = uint32(-1 - r.Intn(i)) // back to an earlier instruction
			}
		case Opcode(op).IsConditionalJump():
			if left > 0 {
				ins.Jt = uint8(r.Intn(min(left, 256)))
				ins.Jf = uint8(r.Intn(min(left, 256)))
			}
		}
		if o.sloppy && r.Intn(25) == 0 {
			ins.K = randomK(r)
			ins.Jt, ins.Jf = uint8(r.Intn(256)), uint8(r.Intn(256))
		}
		prog[i] = ins
	}
	if !o.sloppy || r.Intn(10) != 0 {
		if r.Intn(2) == 0 {
			prog[n-1] = Stmt(ClassRET|RetA, 0)
		} else {
			prog[n-1] = Stmt(ClassRET|RetK, randomK(r))
		}
	}
	return prog
}

// testPackets returns small packets for random programs: empty, short,
// and packets with patterned bytes.
func testPackets(r *rand.Rand) []testPacket {
	var pkts []testPacket
	for _, n := range []int{0, 1, 2, 3, 4, 5, 13, 14, 15, 20, 33, 34, 54, 60, 64, 100, 128} {
		p := make([]byte, n)
		for i := range p {
			p[i] = byte(r.Intn(256))
			if r.Intn(3) == 0 {
				p[i] = byte(i)
			}
		}
		pkts = append(pkts, testPacket{data: p, wireLen: n + r.Intn(3)*100})
	}
	return pkts
}
