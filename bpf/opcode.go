package bpf

// Opcode is the code field of an instruction, viewed through typed
// accessors: Class, Size, Mode, Src, ALUOp, JumpOp, RetSrc and MiscOp each
// return the bits of one field as a small named type. The accessors only
// mask bits; they do not check that the field means anything for the
// opcode's class (Known does).
//
// Instruction.Op stays a plain uint16 and the Class, Size, Mode, ... constants
// stay untyped, so that they combine with | into an opcode
// (ClassLD|SizeH|ModeABS) and compare with the accessors' results
// (op.Mode() == ModeABS) without conversions. Opcode(ins.Op), or
// ins.Opcode(), gives the typed view of a raw code.
type Opcode uint16

// Class is an instruction class (ClassLD ... ClassMISC).
type Class uint16

// Size is the load size of ClassLD and ClassLDX (SizeW, SizeH, SizeB).
type Size uint16

// Mode is the addressing mode of ClassLD and ClassLDX (ModeIMM ... ModeMSH).
type Mode uint16

// Src is the operand source of ClassALU and ClassJMP: SrcK or SrcX.
type Src uint16

// ALUOp is the operation of ClassALU (ALUAdd ... ALUXor).
type ALUOp uint16

// JumpOp is the test of ClassJMP (JumpJA ... JumpJSET).
type JumpOp uint16

// RetSrc is what ClassRET returns: RetK, RetX or RetA (libpcap's BPF_RVAL).
type RetSrc uint16

// MiscOp is the register transfer of ClassMISC: MiscTAX or MiscTXA.
type MiscOp uint16

// Class returns the instruction class, the low three bits.
func (op Opcode) Class() Class { return Class(op & ClassMask) }

// Size returns the load size bits (meaningful for ClassLD and ClassLDX).
func (op Opcode) Size() Size { return Size(op & SizeMask) }

// Mode returns the addressing mode bits (meaningful for ClassLD and ClassLDX).
func (op Opcode) Mode() Mode { return Mode(op & ModeMask) }

// Src returns the operand source bit (meaningful for ClassALU and ClassJMP).
func (op Opcode) Src() Src { return Src(op & SrcMask) }

// ALUOp returns the ALU operation bits (meaningful for ClassALU).
func (op Opcode) ALUOp() ALUOp { return ALUOp(op & ALUOpMask) }

// JumpOp returns the jump test bits (meaningful for ClassJMP).
func (op Opcode) JumpOp() JumpOp { return JumpOp(op & JumpOpMask) }

// RetSrc returns the return value bits (meaningful for ClassRET).
func (op Opcode) RetSrc() RetSrc { return RetSrc(op & RetMask) }

// MiscOp returns the register transfer bits (meaningful for ClassMISC).
func (op Opcode) MiscOp() MiscOp { return MiscOp(op & MiscOpMask) }

// IsConditionalJump reports whether op is a ClassJMP test other than JumpJA,
// that is, an instruction whose Jt and Jf are jump offsets.
func (op Opcode) IsConditionalJump() bool {
	return op.Class() == ClassJMP && op.JumpOp() != JumpJA
}

// Known reports whether op is one of the 49 opcodes that both libpcap's
// bpf_filter and the Linux kernel execute (the opcodes Validate accepts).
func (op Opcode) Known() bool {
	switch op {
	case ClassRET | RetK, ClassRET | RetA,
		ClassLD | SizeW | ModeABS, ClassLD | SizeH | ModeABS, ClassLD | SizeB | ModeABS,
		ClassLD | SizeW | ModeIND, ClassLD | SizeH | ModeIND, ClassLD | SizeB | ModeIND,
		ClassLD | SizeW | ModeLEN, ClassLDX | SizeW | ModeLEN,
		ClassLD | ModeIMM, ClassLDX | ModeIMM,
		ClassLD | ModeMEM, ClassLDX | ModeMEM,
		ClassLDX | SizeB | ModeMSH,
		ClassST, ClassSTX,
		ClassMISC | MiscTAX, ClassMISC | MiscTXA,
		ClassALU | ALUNeg,
		ClassJMP | JumpJA:
		return true
	}
	switch op.Class() {
	case ClassALU:
		return op&^(ALUOpMask|SrcMask|ClassMask) == 0 && op.ALUOp() != ALUNeg && op.ALUOp().Known()
	case ClassJMP:
		return op&^(JumpOpMask|SrcMask|ClassMask) == 0 && op.JumpOp() != JumpJA && op.JumpOp().Known()
	}
	return false
}

// Opcode returns the typed view of ins.Op.
func (ins Instruction) Opcode() Opcode { return Opcode(ins.Op) }

// Class returns the instruction class (ClassLD ... ClassMISC).
func (ins Instruction) Class() Class { return Opcode(ins.Op).Class() }

// Size returns the load size of a ClassLD or ClassLDX instruction.
func (ins Instruction) Size() Size { return Opcode(ins.Op).Size() }

// Mode returns the addressing mode of a ClassLD or ClassLDX instruction.
func (ins Instruction) Mode() Mode { return Opcode(ins.Op).Mode() }

// Src returns the operand source of a ClassALU or ClassJMP instruction.
func (ins Instruction) Src() Src { return Opcode(ins.Op).Src() }

// ALUOp returns the operation of a ClassALU instruction.
func (ins Instruction) ALUOp() ALUOp { return Opcode(ins.Op).ALUOp() }

// JumpOp returns the test of a ClassJMP instruction.
func (ins Instruction) JumpOp() JumpOp { return Opcode(ins.Op).JumpOp() }

// RetSrc returns what a ClassRET instruction returns.
func (ins Instruction) RetSrc() RetSrc { return Opcode(ins.Op).RetSrc() }

// MiscOp returns the register transfer of a ClassMISC instruction.
func (ins Instruction) MiscOp() MiscOp { return Opcode(ins.Op).MiscOp() }

// Bytes returns the number of bytes a load of size s reads: 4, 2 or 1, and
// 0 for the undefined size bits 0x18.
func (s Size) Bytes() int {
	switch s {
	case SizeW:
		return 4
	case SizeH:
		return 2
	case SizeB:
		return 1
	}
	return 0
}

// Known reports whether a is one of the eleven ALU operations.
func (a ALUOp) Known() bool { return a <= ALUXor }

// Known reports whether j is one of the five jump tests.
func (j JumpOp) Known() bool { return j <= JumpJSET }

var (
	classNames  = [...]string{"ld", "ldx", "st", "stx", "alu", "jmp", "ret", "misc"}
	sizeNames   = [...]string{"w", "h", "b"}
	modeNames   = [...]string{"imm", "abs", "ind", "mem", "len", "msh"}
	aluNames    = [...]string{"add", "sub", "mul", "div", "or", "and", "lsh", "rsh", "neg", "mod", "xor"}
	jumpNames   = [...]string{"ja", "jeq", "jgt", "jge", "jset"}
	retSrcNames = [...]string{"k", "x", "a"}
)

// name returns names[i] or, past the table, "?" followed by the raw bits
// in hex.
func name(names []string, i int, bits uint16) string {
	if i < len(names) {
		return names[i]
	}
	return "?" + hex(uint32(bits))
}

// String returns the class's name in lowercase, as in BPF_LD: "ld", "ldx",
// "st", "stx", "alu", "jmp", "ret" or "misc".
func (c Class) String() string { return classNames[c&ClassMask] }

// String returns "w", "h", "b", or "?0x18" for the undefined size.
func (s Size) String() string { return name(sizeNames[:], int(s>>3), uint16(s)) }

// String returns "imm", "abs", "ind", "mem", "len" or "msh", or "?" and
// the bits for the undefined modes.
func (m Mode) String() string { return name(modeNames[:], int(m>>5), uint16(m)) }

// String returns "k" or "x".
func (s Src) String() string {
	if s == SrcX {
		return "x"
	}
	return "k"
}

// String returns the operation's name as libpcap prints it ("add", "lsh",
// "neg", ...), or "?" and the bits for an unknown operation.
func (a ALUOp) String() string { return name(aluNames[:], int(a>>4), uint16(a)) }

// String returns the test's mnemonic ("ja", "jeq", "jgt", "jge", "jset"),
// or "?" and the bits for an unknown test.
func (j JumpOp) String() string { return name(jumpNames[:], int(j>>4), uint16(j)) }

// String returns "k", "x" or "a", or "?0x18" for the undefined bits.
func (r RetSrc) String() string { return name(retSrcNames[:], int(r>>3), uint16(r)) }

// String returns "tax", "txa", or "?" and the bits for other values.
func (m MiscOp) String() string {
	switch m {
	case MiscTAX:
		return "tax"
	case MiscTXA:
		return "txa"
	}
	return "?" + hex(uint32(m))
}
