package bpf

import (
	"fmt"
	"strconv"
	"strings"
)

// DumpFormat selects one of the text forms in which tcpdump prints a
// program. Its value is the number of d's in tcpdump's flag, so a command
// line that counts -d flags can convert the count: DumpFormat(n).
type DumpFormat int

const (
	// DumpReadable is tcpdump -d: one "(000) ldh      [12]" line per
	// instruction.
	DumpReadable DumpFormat = 1
	// DumpC is tcpdump -dd: a C initializer per instruction,
	// "{ 0x28, 0, 0, 0x0000000c },".
	DumpC DumpFormat = 2
	// DumpDecimal is tcpdump -ddd: the instruction count, then
	// "code jt jf k" per line, in decimal. ParseDDD reads it back.
	DumpDecimal DumpFormat = 3
)

// Dump returns prog as text in format f, exactly as tcpdump prints it.
// A format above DumpDecimal prints like DumpDecimal and one below
// DumpReadable like DumpReadable, as libpcap's bpf_dump does with its
// level. Every line ends in a newline. Opcodes that libpcap does not know
// print as "unimp" followed by the opcode, as libpcap prints them.
func Dump(prog []Instruction, f DumpFormat) string {
	var b strings.Builder
	switch {
	case f >= DumpDecimal:
		b.WriteString(strconv.Itoa(len(prog)))
		b.WriteByte('\n')
		for _, ins := range prog {
			fmt.Fprintf(&b, "%d %d %d %d\n", ins.Op, ins.Jt, ins.Jf, ins.K)
		}
	case f == DumpC:
		for _, ins := range prog {
			fmt.Fprintf(&b, "{ 0x%x, %d, %d, 0x%08x },\n", ins.Op, ins.Jt, ins.Jf, ins.K)
		}
	default:
		for i, ins := range prog {
			b.WriteString(image(ins, i))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// String returns the instruction as tcpdump -d would print it as the first
// instruction of a program, without the "(000) " index: "ldh      [12]".
// Jump targets are therefore printed as if the instruction were at index 0.
func (ins Instruction) String() string {
	s := image(ins, 0)
	return strings.TrimRight(s[len("(000) "):], " ")
}

// String returns the opcode's mnemonic as libpcap prints it ("ldh", "jeq",
// "ldxb", "tax", ...), or "unimp" for an opcode that libpcap does not
// print (every opcode that is not Known, and "ldx #pktlen", 0x81, which
// libpcap 1.10 runs but does not print).
func (op Opcode) String() string {
	if !op.Known() || op == ClassLDX|SizeW|ModeLEN {
		return "unimp"
	}
	switch op.Class() {
	case ClassLD, ClassLDX:
		return op.Class().String() + [...]string{"", "h", "b"}[op.Size()>>3]
	case ClassALU:
		return op.ALUOp().String()
	case ClassJMP:
		return op.JumpOp().String()
	case ClassMISC:
		return op.MiscOp().String()
	}
	return op.Class().String() // st, stx, ret
}

// ancNames are libpcap's names for the Linux ancillary offsets, indexed by
// offset/4.
var ancNames = [AdMax / 4]string{
	"proto", "type", "ifidx", "nla", "nlan", "mark", "queue", "hatype",
	"rxhash", "cpu", "xor_x", "vlan_tci", "vlanp", "poff", "random", "vlan_tpid",
}

func absOperand(k uint32) string {
	if k >= Ancillary(0) && k < Ancillary(AdMax) && (k-Ancillary(0))%4 == 0 {
		return "[" + ancNames[(k-Ancillary(0))/4] + "]"
	}
	return "[" + strconv.Itoa(int(int32(k))) + "]"
}

// operand returns the operand of instruction ins at index n as libpcap's
// bpf_image prints it. ins's opcode must not print as "unimp".
func operand(ins Instruction, n int) string {
	k := ins.K
	sk := strconv.Itoa(int(int32(k))) // C's "%d" of a u_int
	op := ins.Opcode()
	switch op.Class() {
	case ClassRET:
		if op.RetSrc() == RetA {
			return ""
		}
		return "#" + sk
	case ClassLD, ClassLDX:
		switch op.Mode() {
		case ModeABS:
			return absOperand(k)
		case ModeLEN:
			return "#pktlen"
		case ModeIND:
			return "[x + " + sk + "]"
		case ModeIMM:
			return "#" + hex(k)
		case ModeMSH:
			return "4*([" + sk + "]&0xf)"
		}
		return "M[" + sk + "]" // ModeMEM
	case ClassST, ClassSTX:
		return "M[" + sk + "]"
	case ClassJMP:
		if op.JumpOp() == JumpJA {
			return strconv.Itoa(int(int32(uint32(n) + 1 + k)))
		}
	case ClassALU:
		switch {
		case op.ALUOp() == ALUNeg:
			return ""
		case op.Src() == SrcX:
			return "x"
		case op.ALUOp() != ALUAnd && op.ALUOp() != ALUOr && op.ALUOp() != ALUXor:
			return "#" + sk
		}
	case ClassMISC:
		return ""
	}
	// Conditional jumps, and the logical ALU operations on k.
	if op.Src() == SrcX {
		return "x"
	}
	return "#" + hex(k)
}

// image formats instruction ins at index n like libpcap's bpf_image.
func image(ins Instruction, n int) string {
	op := ins.Opcode()
	name := op.String()
	var arg string
	if name == "unimp" {
		arg = hex(uint32(ins.Op))
	} else {
		arg = operand(ins, n)
	}
	if op.IsConditionalJump() { // also for unknown tests, as in libpcap
		return fmt.Sprintf("(%03d) %-8s %-16s jt %d\tjf %d", n, name, arg, n+1+int(ins.Jt), n+1+int(ins.Jf))
	}
	return fmt.Sprintf("(%03d) %-8s %s", n, name, arg)
}

// hex returns v as C's "0x%x" prints it.
func hex(v uint32) string { return "0x" + strconv.FormatUint(uint64(v), 16) }
