package compile

import "github.com/purepcap/pcap/bpf"

// The code generator builds a tree of conditions. A block runs some
// statements and ends in a conditional jump; and/or/not combine blocks with
// short-circuit evaluation, the left operand first. Emission lays the tree
// out as jumping code (emit.go).

type cond interface{ isCond() }

// block runs stmts, then jumps on op (a ClassJMP opcode with its source
// bit) comparing A with k or X.
type block struct {
	stmts []stmt
	op    uint16
	k     uint32
}

type andCond struct{ a, b cond }
type orCond struct{ a, b cond }
type notCond struct{ c cond }

func (*block) isCond()   {}
func (*andCond) isCond() {}
func (*orCond) isCond()  {}
func (*notCond) isCond() {}

// stmt is one instruction of a block, or a label marker. Jumps inside a
// block's statements (the protochain walker, 802.11 header length, VLAN
// metadata) name their targets by label.
type stmt struct {
	ins    bpf.Instruction
	jt, jf int32 // target labels of a jump; jt alone for JA
	label  int32 // > 0: this is a label marker, not an instruction
}

func and(a, b cond) cond { return &andCond{a, b} }
func or(a, b cond) cond  { return &orCond{a, b} }
func not(c cond) cond    { return &notCond{c} }

// Opcode shorthands.
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
)

func aluK(op uint16) uint16 { return bpf.ClassALU | op | bpf.SrcK }
func aluX(op uint16) uint16 { return bpf.ClassALU | op | bpf.SrcX }

func st(op uint16, k uint32) stmt { return stmt{ins: bpf.Instruction{Op: op, K: k}} }

// headBlock returns the block that runs first when c is evaluated.
func headBlock(c cond) *block {
	for {
		switch x := c.(type) {
		case *block:
			return x
		case *andCond:
			c = x.a
		case *orCond:
			c = x.a
		case *notCond:
			c = x.c
		}
	}
}

// constBlock is libpcap's unconditional test: "ld #0; jeq #0" is true and
// "ld #1; jeq #0" false.
func constBlock(v bool) *block {
	k := uint32(1)
	if v {
		k = 0
	}
	return &block{stmts: []stmt{st(opLdImm, k)}, op: opJeq, k: 0}
}

// falseExitIsTrue reports whether following the false branch of every test
// from the start of c ends at c's true exit.
func falseExitIsTrue(c cond) bool {
	switch x := c.(type) {
	case *notCond:
		return !falseExitIsTrue(x.c)
	case *andCond:
		if !falseExitIsTrue(x.a) {
			return false
		}
		return falseExitIsTrue(x.b)
	case *orCond:
		if falseExitIsTrue(x.a) {
			return true
		}
		return falseExitIsTrue(x.b)
	}
	return false
}
