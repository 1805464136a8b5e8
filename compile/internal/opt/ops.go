package opt

import "github.com/purepcap/pcap/bpf"

// Opcodes the passes match on, also the compiler's shorthands.
const (
	OpLdAbs  = bpf.ClassLD | bpf.ModeABS
	OpLdInd  = bpf.ClassLD | bpf.ModeIND
	OpLdImm  = bpf.ClassLD | bpf.ModeIMM
	OpLdMem  = bpf.ClassLD | bpf.ModeMEM
	OpLdLen  = bpf.ClassLD | bpf.ModeLEN | bpf.SizeW
	OpLdxImm = bpf.ClassLDX | bpf.ModeIMM
	OpLdxMem = bpf.ClassLDX | bpf.ModeMEM
	OpLdxMsh = bpf.ClassLDX | bpf.ModeMSH | bpf.SizeB
	OpSt     = bpf.ClassST
	OpStx    = bpf.ClassSTX
	OpTax    = bpf.ClassMISC | bpf.MiscTAX
	OpTxa    = bpf.ClassMISC | bpf.MiscTXA
	OpJa     = bpf.ClassJMP | bpf.JumpJA
	OpJeq    = bpf.ClassJMP | bpf.JumpJEQ
	OpJgt    = bpf.ClassJMP | bpf.JumpJGT
	OpJge    = bpf.ClassJMP | bpf.JumpJGE
	OpJset   = bpf.ClassJMP | bpf.JumpJSET
	opRetK   = bpf.ClassRET | bpf.RetK
)

// ALUK returns the opcode of ALU operation op with a constant operand.
func ALUK(op uint16) uint16 { return bpf.ClassALU | op | bpf.SrcK }

// ALUX returns the opcode of ALU operation op with X as operand.
func ALUX(op uint16) uint16 { return bpf.ClassALU | op | bpf.SrcX }
