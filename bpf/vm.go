package bpf

import "unsafe"

// maxBackJumps is how many backward jumps one run may take before the VM
// gives up and returns 0, which guarantees that every run ends. Later
// libpcap releases use the same limit; libpcap 1.10 has none.
const maxBackJumps = 64

// VM runs a classic BPF program over packets with the semantics of
// libpcap's userspace bpf_filter. It validates the program once, in NewVM,
// and then runs a pre-decoded form of it.
//
// A VM holds no per-run state, so one VM may be used by several goroutines
// at once.
type VM struct {
	prog []vmIns
}

// NewVM validates prog with Validate (libpcap's rules) and returns a VM that
// runs it. The VM keeps no reference to prog.
func NewVM(prog []Instruction) (*VM, error) {
	if err := Validate(prog); err != nil {
		return nil, err
	}
	return &VM{prog: decode(prog)}, nil
}

// Run runs the program over one packet and returns its verdict: the number
// of bytes to keep, 0 meaning "drop". pkt holds the captured bytes and
// wireLen the packet's length on the wire, which "ld #pktlen" reads.
//
// The semantics are libpcap's bpf_filter: a load past the end of pkt
// returns 0, as does a division or modulus by an X of 0; scratch memory
// starts zeroed on every run. Ancillary loads (absolute loads at
// SKFAdOff+...) return 0, as in libpcap's userspace filter; use RunMeta to
// give them per-packet data. Run does not allocate.
func (vm *VM) Run(pkt []byte, wireLen int) uint32 {
	v, _ := vm.run(pkt, wireLen, nil)
	return v
}

// RunMeta is Run with Linux per-packet metadata for ancillary loads. With a
// non-nil md, an absolute load (of any size) at SKFAdOff+Ad... reads the
// matching field of md, AdALUXorX computes A ^= X, and an absolute load at
// SKFLLOff+k reads packet byte k, as the Linux kernel does for packet
// sockets. Other negative offsets, and every ancillary load when md is nil,
// end the run with 0.
func (vm *VM) RunMeta(pkt []byte, wireLen int, md *Metadata) uint32 {
	v, _ := vm.run(pkt, wireLen, md)
	return v
}

// RunOutcome is RunMeta that also says how the run ended: Returned when a
// return instruction gave the verdict, otherwise why the run ended early
// with 0 (a load out of bounds, a division by zero, ...). Tests use it as
// the reference machine; it costs the same as RunMeta.
func (vm *VM) RunOutcome(pkt []byte, wireLen int, md *Metadata) (verdict uint32, outcome Outcome) {
	return vm.run(pkt, wireLen, md)
}

// run is the dispatch loop. It is one function, longer than the house
// limit, on purpose: each operation is a case of one switch on a dense
// byte, which Go compiles to a jump table, with the registers in local
// variables. Splitting the cases into functions (a table of handlers)
// would add an indirect call per instruction and cost the VM its speed.
// For the same reason the fused operations are separate cases that look
// alike (load, test, jump): each compiles to straight-line code with its
// size and test fixed, where one generic case would branch on both at run
// time. What they share is in small helpers that inline: the loads, the
// ALU rules (ALUOp.Apply), the jump targets and the jump tail.
func (vm *VM) run(pkt []byte, wireLen int, md *Metadata) (uint32, Outcome) {
	if len(vm.prog) == 0 {
		return 0, Invalid // the zero VM
	}
	var a, x uint32
	var mem [MemWords]uint32
	var ok, done bool
	var v uint32
	// Instructions are fetched without bounds checks: Validate proved that
	// every jump lands inside the program and that the last instruction
	// returns, so pc always indexes vm.prog.
	base := unsafe.Pointer(unsafe.SliceData(vm.prog))
	back := 0
	pc := uintptr(0)
	for {
		in := fetch(base, pc)
		pc++
		switch in.op {
		case opRetK:
			return in.k, Returned
		case opRetA:
			return a, Returned

		case opLdW:
			if a, ok = loadW(pkt, int(in.k)); !ok {
				return 0, OutOfBounds
			}
		case opLdH:
			if a, ok = loadH(pkt, int(in.k)); !ok {
				return 0, OutOfBounds
			}
		case opLdB:
			if a, ok = loadB(pkt, int(in.k)); !ok {
				return 0, OutOfBounds
			}
		case opLdAbs:
			v, o := loadAbs(pkt, in.k, in.size, a, x, md)
			if o != Returned {
				return 0, o
			}
			a = v
		case opLdWInd:
			if a, ok = loadWX(pkt, x, in.k); !ok {
				return 0, OutOfBounds
			}
		case opLdHInd:
			if a, ok = loadHX(pkt, x, in.k); !ok {
				return 0, OutOfBounds
			}
		case opLdBInd:
			if a, ok = loadBX(pkt, x, in.k); !ok {
				return 0, OutOfBounds
			}
		case opLdxMsh:
			b, ok := loadBX(pkt, 0, in.k) // any k: not bounded by fastLimit
			if !ok {
				return 0, OutOfBounds
			}
			x = (b & 0xf) << 2

		case opLdLen:
			a = uint32(wireLen)
		case opLdxLen:
			x = uint32(wireLen)
		case opLdImm:
			a = in.k
		case opLdxImm:
			x = in.k
		case opLdMem:
			a = mem[in.k&(MemWords-1)]
		case opLdxMem:
			x = mem[in.k&(MemWords-1)]
		case opSt:
			mem[in.k&(MemWords-1)] = a
		case opStx:
			mem[in.k&(MemWords-1)] = x

		case opJa:
			if pc, v, done = jump(base, in.jt); done {
				return v, Returned
			}
		case opJaBack:
			if back++; back > maxBackJumps {
				return 0, BackJumpLimit
			}
			if pc, v, done = jump(base, in.jt); done {
				return v, Returned
			}
		case opJeqK:
			if pc, v, done = jump(base, in.target(a == in.k)); done {
				return v, Returned
			}
		case opJgtK:
			if pc, v, done = jump(base, in.target(a > in.k)); done {
				return v, Returned
			}
		case opJgeK:
			if pc, v, done = jump(base, in.target(a >= in.k)); done {
				return v, Returned
			}
		case opJsetK:
			if pc, v, done = jump(base, in.target(a&in.k != 0)); done {
				return v, Returned
			}
		case opJeqX:
			if pc, v, done = jump(base, in.target(a == x)); done {
				return v, Returned
			}
		case opJgtX:
			if pc, v, done = jump(base, in.target(a > x)); done {
				return v, Returned
			}
		case opJgeX:
			if pc, v, done = jump(base, in.target(a >= x)); done {
				return v, Returned
			}
		case opJsetX:
			if pc, v, done = jump(base, in.target(a&x != 0)); done {
				return v, Returned
			}

		// The ALU operations, with the one set of rules (ALUOp.Apply,
		// inlined with a constant operation). Validate rejects
		// constant divisors of 0, so only an X of 0 fails.
		case opAddK:
			a, _ = ALUOp(ALUAdd).Apply(a, in.k)
		case opSubK:
			a, _ = ALUOp(ALUSub).Apply(a, in.k)
		case opMulK:
			a, _ = ALUOp(ALUMul).Apply(a, in.k)
		case opDivK:
			a, _ = ALUOp(ALUDiv).Apply(a, in.k)
		case opModK:
			a, _ = ALUOp(ALUMod).Apply(a, in.k)
		case opAndK:
			a, _ = ALUOp(ALUAnd).Apply(a, in.k)
		case opOrK:
			a, _ = ALUOp(ALUOr).Apply(a, in.k)
		case opXorK:
			a, _ = ALUOp(ALUXor).Apply(a, in.k)
		case opLshK:
			a, _ = ALUOp(ALULsh).Apply(a, in.k)
		case opRshK:
			a, _ = ALUOp(ALURsh).Apply(a, in.k)
		case opAddX:
			a, _ = ALUOp(ALUAdd).Apply(a, x)
		case opSubX:
			a, _ = ALUOp(ALUSub).Apply(a, x)
		case opMulX:
			a, _ = ALUOp(ALUMul).Apply(a, x)
		case opDivX:
			if a, ok = ALUOp(ALUDiv).Apply(a, x); !ok {
				return 0, DivisionByZero
			}
		case opModX:
			if a, ok = ALUOp(ALUMod).Apply(a, x); !ok {
				return 0, DivisionByZero
			}
		case opAndX:
			a, _ = ALUOp(ALUAnd).Apply(a, x)
		case opOrX:
			a, _ = ALUOp(ALUOr).Apply(a, x)
		case opXorX:
			a, _ = ALUOp(ALUXor).Apply(a, x)
		case opLshX:
			a, _ = ALUOp(ALULsh).Apply(a, x)
		case opRshX:
			a, _ = ALUOp(ALURsh).Apply(a, x)
		case opNeg:
			a, _ = ALUOp(ALUNeg).Apply(a, 0)
		case opTax:
			x = a
		case opTxa:
			a = x

		case opLdWJeq, opLdWJgt, opLdWJge, opLdWJset:
			if a, ok = loadW(pkt, int(in.k)); !ok {
				return 0, OutOfBounds
			}
			if pc, v, done = jump(base, in.target(compare(in.op-opLdWJeq, a, in.k2))); done {
				return v, Returned
			}
		case opLdHJeq:
			if a, ok = loadH(pkt, int(in.k)); !ok {
				return 0, OutOfBounds
			}
			if pc, v, done = jump(base, in.target(a == in.k2)); done {
				return v, Returned
			}
		case opLdHJgt, opLdHJge, opLdHJset:
			if a, ok = loadH(pkt, int(in.k)); !ok {
				return 0, OutOfBounds
			}
			if pc, v, done = jump(base, in.target(compare(in.op-opLdHJeq, a, in.k2))); done {
				return v, Returned
			}
		case opLdBJeq:
			if a, ok = loadB(pkt, int(in.k)); !ok {
				return 0, OutOfBounds
			}
			if pc, v, done = jump(base, in.target(a == in.k2)); done {
				return v, Returned
			}
		case opLdBJgt, opLdBJge, opLdBJset:
			if a, ok = loadB(pkt, int(in.k)); !ok {
				return 0, OutOfBounds
			}
			if pc, v, done = jump(base, in.target(compare(in.op-opLdBJeq, a, in.k2))); done {
				return v, Returned
			}
		case opLdWIndJ:
			if a, ok = loadWX(pkt, x, in.k); !ok {
				return 0, OutOfBounds
			}
			if pc, v, done = jump(base, in.target(compare(in.size, a, in.k2))); done {
				return v, Returned
			}
		case opLdHIndJ:
			if a, ok = loadHX(pkt, x, in.k); !ok {
				return 0, OutOfBounds
			}
			if pc, v, done = jump(base, in.target(compare(in.size, a, in.k2))); done {
				return v, Returned
			}
		case opLdBIndJ:
			if a, ok = loadBX(pkt, x, in.k); !ok {
				return 0, OutOfBounds
			}
			if pc, v, done = jump(base, in.target(compare(in.size, a, in.k2))); done {
				return v, Returned
			}
		case opJeqJeq:
			if pc, v, done = jump(base, in.jeqJeq(base, a, in.k)); done {
				return v, Returned
			}
		case opLdHJeqJeq:
			if a, ok = loadH(pkt, int(in.k)); !ok {
				return 0, OutOfBounds
			}
			if pc, v, done = jump(base, in.jeqJeq(base, a, in.k2)); done {
				return v, Returned
			}
		case opLdBJeqJeq:
			if a, ok = loadB(pkt, int(in.k)); !ok {
				return 0, OutOfBounds
			}
			if pc, v, done = jump(base, in.jeqJeq(base, a, in.k2)); done {
				return v, Returned
			}
		default:
			return 0, Invalid // not reached: decode only emits the operations above
		}
	}
}

// jump is the one jump tail: it returns the pc after a jump to target t,
// or, when t is marked retFlag, the k of the "ret #k" there, the verdict,
// and done. Each jump case calls it, inlined, and then returns or goes
// straight back to the dispatch; a goto to one shared tail instead runs 3%
// more instructions per packet (an extra jump per jump).
func jump(base unsafe.Pointer, t uint32) (pc uintptr, verdict uint32, done bool) {
	if t&retFlag != 0 {
		return 0, fetch(base, uintptr(t&^retFlag)).k, true
	}
	return uintptr(t), 0, false
}

// target returns in's jump target for a test that came out taken.
func (in *vmIns) target(taken bool) uint32 {
	t := in.jf
	if taken {
		t = in.jt
	}
	return t
}

// jeqJeq returns the target of a chained pair of tests: a == k jumps to
// in.jt, otherwise the second "jeq" at in.jf decides.
func (in *vmIns) jeqJeq(base unsafe.Pointer, a, k uint32) uint32 {
	t := in.jt
	if a != k {
		j := fetch(base, uintptr(in.jf))
		t = j.jf
		if a == j.k {
			t = j.jt
		}
	}
	return t
}

// compare applies conditional test t of a fused operation (0 jeq, 1 jgt,
// 2 jge, 3 jset): JumpOp.Test with the tests numbered densely, which
// compiles to fewer branches.
func compare(t uint8, a, k uint32) bool {
	switch t {
	case 0:
		return a == k
	case 1:
		return a > k
	case 2:
		return a >= k
	}
	return a&k != 0
}
