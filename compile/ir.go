package compile

import (
	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile/internal/opt"
)

// The code generator builds a tree of conditions. A block runs some
// statements and ends in a conditional jump; and/or/not combine blocks with
// short-circuit evaluation, the left operand first. Emission lays the tree
// out as jumping code (emit.go).

// cond is a condition: the index of its node in the generator's node table
// (arena.node). The table and the statements of its blocks hold no
// pointers, so building the tree and recycling its memory cost the garbage
// collector nothing: no write barriers, nothing to scan.
type cond int32

// noCond is the absent condition.
const noCond cond = 0

// condKind says what a condNode is.
type condKind uint8

const (
	kindBlock condKind = iota + 1 // runs statements, then jumps
	kindAnd
	kindOr
	kindNot
)

// condNode is one node of the condition tree. A block runs the statements
// arena.chunks[chunk][off:off+n], then jumps on op (a ClassJMP opcode with
// its source bit) comparing A with k or X. And and or combine a and b; not
// negates a.
type condNode struct {
	kind          condKind
	op            uint16
	k             uint32
	a, b          cond
	chunk, off, n int32
}

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
func (a *arena) headBlock(c cond) cond {
	for a.node(c).kind != kindBlock {
		c = a.node(c).a
	}
	return c
}

// falseExitIsTrue reports whether following the false branch of every test
// from the start of c ends at c's true exit.
func (a *arena) falseExitIsTrue(c cond) bool {
	x := a.node(c)
	switch x.kind {
	case kindNot:
		return !a.falseExitIsTrue(x.a)
	case kindAnd:
		if !a.falseExitIsTrue(x.a) {
			return false
		}
		return a.falseExitIsTrue(x.b)
	case kindOr:
		if a.falseExitIsTrue(x.a) {
			return true
		}
		return a.falseExitIsTrue(x.b)
	}
	return false
}
