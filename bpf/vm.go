package bpf

import (
	"encoding/binary"
	"unsafe"
)

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

// maxBackJumps is how many backward jumps one run may take before the VM
// gives up and returns 0, which guarantees that every run ends. Later
// libpcap releases use the same limit; libpcap 1.10 has none.
const maxBackJumps = 64

// vmIns is one pre-decoded instruction. Jump targets are absolute indexes.
type vmIns struct {
	op   uint8
	size uint8 // load size in bytes (opLdAbs), or the test of opLd*IndJ
	k    uint32
	k2   uint32 // compare constant of fused operations
	jt   uint32
	jf   uint32
}

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

func decode(prog []Instruction) []vmIns {
	out := make([]vmIns, len(prog))
	for i, ins := range prog {
		d := vmIns{k: ins.K}
		next := uint32(i + 1)
		switch ins.Op {
		case ClassRET | RetK:
			d.op = opRetK
		case ClassRET | RetA:
			d.op = opRetA
		case ClassLD | SizeW | ModeABS, ClassLD | SizeH | ModeABS, ClassLD | SizeB | ModeABS:
			size := loadSize(ins.Op)
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
		case ClassLD | SizeW | ModeIND:
			d.op = opLdWInd
		case ClassLD | SizeH | ModeIND:
			d.op = opLdHInd
		case ClassLD | SizeB | ModeIND:
			d.op = opLdBInd
		case ClassLD | SizeW | ModeLEN:
			d.op = opLdLen
		case ClassLDX | SizeW | ModeLEN:
			d.op = opLdxLen
		case ClassLD | ModeIMM:
			d.op = opLdImm
		case ClassLDX | ModeIMM:
			d.op = opLdxImm
		case ClassLD | ModeMEM:
			d.op = opLdMem
		case ClassLDX | ModeMEM:
			d.op = opLdxMem
		case ClassLDX | SizeB | ModeMSH:
			d.op = opLdxMsh
		case ClassST:
			d.op = opSt
		case ClassSTX:
			d.op = opStx
		case ClassJMP | JumpJA:
			d.op = opJa
			d.jt = next + ins.K
			if int32(ins.K) < 0 {
				d.op = opJaBack
			}
		case ClassMISC | MiscTAX:
			d.op = opTax
		case ClassMISC | MiscTXA:
			d.op = opTxa
		case ClassALU | ALUNeg:
			d.op = opNeg
		default:
			switch ins.Op & ClassMask {
			case ClassJMP:
				d.op = jumpOps[(ins.Op&JumpOpMask)>>4-1]
				if ins.Op&SrcMask == SrcX {
					d.op += opJeqX - opJeqK
				}
				d.jt = next + uint32(ins.Jt)
				d.jf = next + uint32(ins.Jf)
			case ClassALU:
				d.op = aluOps[(ins.Op&ALUOpMask)>>4]
				if ins.Op&SrcMask == SrcX {
					d.op += opAddX - opAddK
				}
			}
		}
		out[i] = d
	}
	// Fuse "load packet; jump on constant" pairs.
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
	// A jump to "ret #k" returns k at once, saving a dispatch.
	for i := range out {
		d := &out[i]
		switch {
		case d.op == opJa || d.op == opJaBack:
			d.jt = markRet(out, d.jt)
		case d.op >= opJeqK && d.op <= opJsetX, d.op >= opLdWJeq:
			d.jt, d.jf = markRet(out, d.jt), markRet(out, d.jf)
		}
	}
	// Chain "jeq; jf to another jeq" pairs (after markRet, so that the
	// first jump's false target stays a plain index).
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
	return out
}

// retFlag marks a jump target that is a "ret #k" instruction.
const retFlag = 1 << 31

func markRet(prog []vmIns, target uint32) uint32 {
	if prog[target].op == opRetK {
		return target | retFlag
	}
	return target
}

// retValue returns the constant of the "ret #k" at marked target t.
func retValue(base unsafe.Pointer, t uint32) uint32 {
	return (*vmIns)(unsafe.Add(base, uintptr(t&^retFlag)*unsafe.Sizeof(vmIns{}))).k
}

var jumpOps = [4]uint8{opJeqK, opJgtK, opJgeK, opJsetK}

var aluOps = [11]uint8{opAddK, opSubK, opMulK, opDivK, opOrK, opAndK, opLshK, opRshK, 0, opModK, opXorK}

func loadSize(op uint16) uint8 {
	switch op & SizeMask {
	case SizeW:
		return 4
	case SizeH:
		return 2
	}
	return 1
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

func (vm *VM) run(pkt []byte, wireLen int, md *Metadata) (uint32, Outcome) {
	if len(vm.prog) == 0 {
		return 0, Invalid // the zero VM
	}
	var a, x uint32
	var mem [MemWords]uint32
	// Instructions are fetched without bounds checks: Validate proved that
	// every jump lands inside the program and that the last instruction
	// returns, so pc always indexes vm.prog.
	base := unsafe.Pointer(unsafe.SliceData(vm.prog))
	back := 0
	pc := uintptr(0)
	for {
		in := (*vmIns)(unsafe.Add(base, pc*unsafe.Sizeof(vmIns{})))
		pc++
		switch in.op {
		case opRetK:
			return in.k, Returned
		case opRetA:
			return a, Returned

		case opLdW:
			k := int(in.k)
			if k+4 > len(pkt) {
				return 0, OutOfBounds
			}
			p := pkt[k : k+4]
			a = uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3])
		case opLdH:
			k := int(in.k)
			if k+2 > len(pkt) {
				return 0, OutOfBounds
			}
			p := pkt[k : k+2]
			a = uint32(p[0])<<8 | uint32(p[1])
		case opLdB:
			k := int(in.k)
			if k >= len(pkt) {
				return 0, OutOfBounds
			}
			a = uint32(pkt[k])
		case opLdAbs:
			v, o := loadAbs(pkt, in.k, in.size, a, x, md)
			if o != Returned {
				return 0, o
			}
			a = v

		case opLdWInd:
			k := uint64(x) + uint64(in.k)
			if k+4 > uint64(len(pkt)) {
				return 0, OutOfBounds
			}
			p := pkt[k : k+4]
			a = uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3])
		case opLdHInd:
			k := uint64(x) + uint64(in.k)
			if k+2 > uint64(len(pkt)) {
				return 0, OutOfBounds
			}
			p := pkt[k : k+2]
			a = uint32(p[0])<<8 | uint32(p[1])
		case opLdBInd:
			k := uint64(x) + uint64(in.k)
			if k >= uint64(len(pkt)) {
				return 0, OutOfBounds
			}
			a = uint32(pkt[k])
		case opLdxMsh:
			k := uint64(in.k)
			if k >= uint64(len(pkt)) {
				return 0, OutOfBounds
			}
			x = uint32(pkt[k]&0xf) << 2

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
			if in.jt&retFlag != 0 {
				return retValue(base, in.jt), Returned
			}
			pc = uintptr(in.jt)
		case opJaBack:
			back++
			if back > maxBackJumps {
				return 0, BackJumpLimit
			}
			if in.jt&retFlag != 0 {
				return retValue(base, in.jt), Returned
			}
			pc = uintptr(in.jt)
		case opJeqK:
			t := in.jf
			if a == in.k {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opJgtK:
			t := in.jf
			if a > in.k {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opJgeK:
			t := in.jf
			if a >= in.k {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opJsetK:
			t := in.jf
			if a&in.k != 0 {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opJeqX:
			t := in.jf
			if a == x {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opJgtX:
			t := in.jf
			if a > x {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opJgeX:
			t := in.jf
			if a >= x {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opJsetX:
			t := in.jf
			if a&x != 0 {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)

		case opAddK:
			a += in.k
		case opSubK:
			a -= in.k
		case opMulK:
			a *= in.k
		case opDivK:
			a /= in.k // Validate rejects k == 0
		case opModK:
			a %= in.k
		case opAndK:
			a &= in.k
		case opOrK:
			a |= in.k
		case opXorK:
			a ^= in.k
		case opLshK:
			a <<= in.k
		case opRshK:
			a >>= in.k
		case opAddX:
			a += x
		case opSubX:
			a -= x
		case opMulX:
			a *= x
		case opDivX:
			if x == 0 {
				return 0, DivisionByZero
			}
			a /= x
		case opModX:
			if x == 0 {
				return 0, DivisionByZero
			}
			a %= x
		case opAndX:
			a &= x
		case opOrX:
			a |= x
		case opXorX:
			a ^= x
		case opLshX:
			a <<= x // 0 when x >= 32, as in libpcap
		case opRshX:
			a >>= x
		case opNeg:
			a = -a
		case opTax:
			x = a
		case opTxa:
			a = x

		case opLdWJeq, opLdWJgt, opLdWJge, opLdWJset:
			k := int(in.k)
			if k+4 > len(pkt) {
				return 0, OutOfBounds
			}
			p := pkt[k : k+4]
			a = uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3])
			t := in.jf
			if compare(in.op-opLdWJeq, a, in.k2) {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opLdHJeq:
			k := int(in.k)
			if k+2 > len(pkt) {
				return 0, OutOfBounds
			}
			p := pkt[k : k+2]
			a = uint32(p[0])<<8 | uint32(p[1])
			t := in.jf
			if a == in.k2 {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opLdHJgt, opLdHJge, opLdHJset:
			k := int(in.k)
			if k+2 > len(pkt) {
				return 0, OutOfBounds
			}
			p := pkt[k : k+2]
			a = uint32(p[0])<<8 | uint32(p[1])
			t := in.jf
			if compare(in.op-opLdHJeq, a, in.k2) {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opLdBJeq:
			k := int(in.k)
			if k >= len(pkt) {
				return 0, OutOfBounds
			}
			a = uint32(pkt[k])
			t := in.jf
			if a == in.k2 {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opLdBJgt, opLdBJge, opLdBJset:
			k := int(in.k)
			if k >= len(pkt) {
				return 0, OutOfBounds
			}
			a = uint32(pkt[k])
			t := in.jf
			if compare(in.op-opLdBJeq, a, in.k2) {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opLdWIndJ:
			k := uint64(x) + uint64(in.k)
			if k+4 > uint64(len(pkt)) {
				return 0, OutOfBounds
			}
			p := pkt[k : k+4]
			a = uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3])
			t := in.jf
			if compare(in.size, a, in.k2) {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opLdHIndJ:
			k := uint64(x) + uint64(in.k)
			if k+2 > uint64(len(pkt)) {
				return 0, OutOfBounds
			}
			p := pkt[k : k+2]
			a = uint32(p[0])<<8 | uint32(p[1])
			t := in.jf
			if compare(in.size, a, in.k2) {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opLdBIndJ:
			k := uint64(x) + uint64(in.k)
			if k >= uint64(len(pkt)) {
				return 0, OutOfBounds
			}
			a = uint32(pkt[k])
			t := in.jf
			if compare(in.size, a, in.k2) {
				t = in.jt
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opJeqJeq:
			t := in.jt
			if a != in.k {
				j := (*vmIns)(unsafe.Add(base, uintptr(in.jf)*unsafe.Sizeof(vmIns{})))
				t = j.jf
				if a == j.k {
					t = j.jt
				}
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opLdHJeqJeq:
			k := int(in.k)
			if k+2 > len(pkt) {
				return 0, OutOfBounds
			}
			p := pkt[k : k+2]
			a = uint32(p[0])<<8 | uint32(p[1])
			t := in.jt
			if a != in.k2 {
				j := (*vmIns)(unsafe.Add(base, uintptr(in.jf)*unsafe.Sizeof(vmIns{})))
				t = j.jf
				if a == j.k {
					t = j.jt
				}
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		case opLdBJeqJeq:
			k := int(in.k)
			if k >= len(pkt) {
				return 0, OutOfBounds
			}
			a = uint32(pkt[k])
			t := in.jt
			if a != in.k2 {
				j := (*vmIns)(unsafe.Add(base, uintptr(in.jf)*unsafe.Sizeof(vmIns{})))
				t = j.jf
				if a == j.k {
					t = j.jt
				}
			}
			if t&retFlag != 0 {
				return retValue(base, t), Returned
			}
			pc = uintptr(t)
		default:
			return 0, Invalid // not reached: decode only emits the operations above
		}
	}
}

// compare applies conditional test t (0 jeq, 1 jgt, 2 jge, 3 jset).
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

// loadAbs performs an absolute load of size bytes at k, with the Linux
// negative offsets when md is given: ancillary fields, A ^= X
// (AdALUXorX) and link-layer offsets (SKFLLOff). Without md, or for other
// negative offsets, it is a plain packet load, failing for any k past the
// packet.
func loadAbs(pkt []byte, k uint32, size uint8, a, x uint32, md *Metadata) (uint32, Outcome) {
	if md != nil {
		switch {
		case k >= Ancillary(0):
			ad := k - Ancillary(0)
			if ad == AdALUXorX {
				return a ^ x, Returned
			}
			if ad%4 != 0 {
				return 0, Unsupported
			}
			if v, ok := md.ancillary(ad); ok {
				return v, Returned
			}
			return 0, Unsupported
		case k >= uint32(SKFLLOff&0xffffffff) && k < uint32(SKFNetOff&0xffffffff):
			k -= uint32(SKFLLOff & 0xffffffff)
			return loadPacket(pkt, uint64(k), size)
		case k >= uint32(SKFNetOff&0xffffffff):
			return 0, Unsupported // the network header offset is unknown here
		}
	}
	if v, o := loadPacket(pkt, uint64(k), size); o == Returned || k < uint32(SKFLLOff&0xffffffff) {
		return v, o
	}
	return 0, Unsupported
}

// loadPacket returns the big-endian value of size (1, 2 or 4) bytes at
// offset k of pkt, or OutOfBounds.
func loadPacket(pkt []byte, k uint64, size uint8) (uint32, Outcome) {
	if k+uint64(size) > uint64(len(pkt)) {
		return 0, OutOfBounds
	}
	p := pkt[k:]
	switch size {
	case 4:
		return binary.BigEndian.Uint32(p), Returned
	case 2:
		return uint32(binary.BigEndian.Uint16(p)), Returned
	}
	return uint32(p[0]), Returned
}
