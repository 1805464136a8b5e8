package compile

import (
	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile/internal/opt"
)

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

// Opcode shorthands, the optimizer's.
const (
	opLdAbs  = opt.OpLdAbs
	opLdInd  = opt.OpLdInd
	opLdImm  = opt.OpLdImm
	opLdMem  = opt.OpLdMem
	opLdLen  = opt.OpLdLen
	opLdxImm = opt.OpLdxImm
	opLdxMem = opt.OpLdxMem
	opLdxMsh = opt.OpLdxMsh
	opSt     = opt.OpSt
	opStx    = opt.OpStx
	opTax    = opt.OpTax
	opTxa    = opt.OpTxa
	opJa     = opt.OpJa
	opJeq    = opt.OpJeq
	opJgt    = opt.OpJgt
	opJge    = opt.OpJge
	opJset   = opt.OpJset
)

func aluK(op uint16) uint16 { return opt.ALUK(op) }
func aluX(op uint16) uint16 { return opt.ALUX(op) }

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
