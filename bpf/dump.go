package bpf

import (
	"fmt"
	"strconv"
	"strings"
)

// Dump returns prog as text, exactly as tcpdump prints it:
//
//   - level 1 (tcpdump -d): one "(000) ldh      [12]" line per instruction;
//   - level 2 (tcpdump -dd): C initializers, "{ 0x28, 0, 0, 0x0000000c },";
//   - level 3 (tcpdump -ddd): the instruction count, then "code jt jf k" per
//     line, in decimal.
//
// A level above 3 prints like 3 and one below 1 like 1, as libpcap's
// bpf_dump does. Every line ends in a newline. Opcodes that libpcap does not
// know print as "unimp" followed by the opcode, as libpcap prints them.
func Dump(prog []Instruction, level int) string {
	var b strings.Builder
	switch {
	case level > 2:
		b.WriteString(strconv.Itoa(len(prog)))
		b.WriteByte('\n')
		for _, ins := range prog {
			fmt.Fprintf(&b, "%d %d %d %d\n", ins.Op, ins.Jt, ins.Jf, ins.K)
		}
	case level == 2:
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

// image formats instruction ins at index n like libpcap's bpf_image.
func image(ins Instruction, n int) string {
	k := ins.K
	sk := strconv.Itoa(int(int32(k)))               // C's "%d" of a u_int
	hk := "#0x" + strconv.FormatUint(uint64(k), 16) // "#0x%x"
	var op, operand string
	switch ins.Op {
	default:
		op, operand = "unimp", "0x"+strconv.FormatUint(uint64(ins.Op), 16)
	case ClassRET | RetK:
		op, operand = "ret", "#"+sk
	case ClassRET | RetA:
		op = "ret"
	case ClassLD | SizeW | ModeABS:
		op, operand = "ld", absOperand(k)
	case ClassLD | SizeH | ModeABS:
		op, operand = "ldh", absOperand(k)
	case ClassLD | SizeB | ModeABS:
		op, operand = "ldb", absOperand(k)
	case ClassLD | SizeW | ModeLEN:
		op, operand = "ld", "#pktlen"
	case ClassLD | SizeW | ModeIND:
		op, operand = "ld", "[x + "+sk+"]"
	case ClassLD | SizeH | ModeIND:
		op, operand = "ldh", "[x + "+sk+"]"
	case ClassLD | SizeB | ModeIND:
		op, operand = "ldb", "[x + "+sk+"]"
	case ClassLD | ModeIMM:
		op, operand = "ld", hk
	case ClassLDX | ModeIMM:
		op, operand = "ldx", hk
	case ClassLDX | SizeB | ModeMSH:
		op, operand = "ldxb", "4*(["+sk+"]&0xf)"
	case ClassLD | ModeMEM:
		op, operand = "ld", "M["+sk+"]"
	case ClassLDX | ModeMEM:
		op, operand = "ldx", "M["+sk+"]"
	case ClassST:
		op, operand = "st", "M["+sk+"]"
	case ClassSTX:
		op, operand = "stx", "M["+sk+"]"
	case ClassJMP | JumpJA:
		op, operand = "ja", strconv.Itoa(int(int32(uint32(n)+1+k)))
	case ClassJMP | JumpJGT | SrcK:
		op, operand = "jgt", hk
	case ClassJMP | JumpJGE | SrcK:
		op, operand = "jge", hk
	case ClassJMP | JumpJEQ | SrcK:
		op, operand = "jeq", hk
	case ClassJMP | JumpJSET | SrcK:
		op, operand = "jset", hk
	case ClassJMP | JumpJGT | SrcX:
		op, operand = "jgt", "x"
	case ClassJMP | JumpJGE | SrcX:
		op, operand = "jge", "x"
	case ClassJMP | JumpJEQ | SrcX:
		op, operand = "jeq", "x"
	case ClassJMP | JumpJSET | SrcX:
		op, operand = "jset", "x"
	case ClassALU | ALUAdd | SrcX:
		op, operand = "add", "x"
	case ClassALU | ALUSub | SrcX:
		op, operand = "sub", "x"
	case ClassALU | ALUMul | SrcX:
		op, operand = "mul", "x"
	case ClassALU | ALUDiv | SrcX:
		op, operand = "div", "x"
	case ClassALU | ALUMod | SrcX:
		op, operand = "mod", "x"
	case ClassALU | ALUAnd | SrcX:
		op, operand = "and", "x"
	case ClassALU | ALUOr | SrcX:
		op, operand = "or", "x"
	case ClassALU | ALUXor | SrcX:
		op, operand = "xor", "x"
	case ClassALU | ALULsh | SrcX:
		op, operand = "lsh", "x"
	case ClassALU | ALURsh | SrcX:
		op, operand = "rsh", "x"
	case ClassALU | ALUAdd | SrcK:
		op, operand = "add", "#"+sk
	case ClassALU | ALUSub | SrcK:
		op, operand = "sub", "#"+sk
	case ClassALU | ALUMul | SrcK:
		op, operand = "mul", "#"+sk
	case ClassALU | ALUDiv | SrcK:
		op, operand = "div", "#"+sk
	case ClassALU | ALUMod | SrcK:
		op, operand = "mod", "#"+sk
	case ClassALU | ALUAnd | SrcK:
		op, operand = "and", hk
	case ClassALU | ALUOr | SrcK:
		op, operand = "or", hk
	case ClassALU | ALUXor | SrcK:
		op, operand = "xor", hk
	case ClassALU | ALULsh | SrcK:
		op, operand = "lsh", "#"+sk
	case ClassALU | ALURsh | SrcK:
		op, operand = "rsh", "#"+sk
	case ClassALU | ALUNeg:
		op = "neg"
	case ClassMISC | MiscTAX:
		op = "tax"
	case ClassMISC | MiscTXA:
		op = "txa"
	}
	if ins.Op&ClassMask == ClassJMP && ins.Op&JumpOpMask != JumpJA {
		return fmt.Sprintf("(%03d) %-8s %-16s jt %d\tjf %d", n, op, operand, n+1+int(ins.Jt), n+1+int(ins.Jf))
	}
	return fmt.Sprintf("(%03d) %-8s %s", n, op, operand)
}

// hex returns v as C's "0x%x" prints it.
func hex(v uint32) string { return "0x" + strconv.FormatUint(uint64(v), 16) }
