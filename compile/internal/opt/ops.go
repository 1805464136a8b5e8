package opt

import "github.com/purepcap/pcap/bpf"

// Opcodes the passes match on.
const (
	opLdAbs  = bpf.ClassLD | bpf.ModeABS
	opLdInd  = bpf.ClassLD | bpf.ModeIND
	opLdImm  = bpf.ClassLD | bpf.ModeIMM
	opLdMem  = bpf.ClassLD | bpf.ModeMEM
	opLdLen  = bpf.ClassLD | bpf.ModeLEN | bpf.SizeW
	opLdxImm = bpf.ClassLDX | bpf.ModeIMM
	opLdxMem = bpf.ClassLDX | bpf.ModeMEM
	opLdxMsh = bpf.ClassLDX | bpf.ModeMSH | bpf.SizeB
	opSt     = bpf.ClassST
	opStx    = bpf.ClassSTX
	opTax    = bpf.ClassMISC | bpf.MiscTAX
	opTxa    = bpf.ClassMISC | bpf.MiscTXA
	opJa     = bpf.ClassJMP | bpf.JumpJA
	opJeq    = bpf.ClassJMP | bpf.JumpJEQ
	opJgt    = bpf.ClassJMP | bpf.JumpJGT
	opJge    = bpf.ClassJMP | bpf.JumpJGE
	opJset   = bpf.ClassJMP | bpf.JumpJSET
	opRetK   = bpf.ClassRET | bpf.RetK
)

func aluK(op uint16) uint16 { return bpf.ClassALU | op | bpf.SrcK }
func aluX(op uint16) uint16 { return bpf.ClassALU | op | bpf.SrcX }
