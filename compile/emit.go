package compile

import (
	"strconv"

	"github.com/purepcap/pcap/bpf"
)

// emitter lays out a condition tree as a flat program. Jump targets are
// labels until the end; a conditional jump whose target is more than 255
// instructions away goes through an inserted "ja".
type emitter struct {
	mem    *arena // the generator's, which holds the conditions
	items  []stmt
	labels int32
	n      int   // instructions emitted so far
	limit  int   // the most instructions to emit: genLimit
	posBuf []int // label positions, kept for the next finish
}

// pending is a condition still to emit, after its label: the right
// operand of an and/or whose left operand is being emitted.
type pending struct {
	c           cond
	label, t, f int32
}

// MaxProgramLen bounds the programs Compile produces: a filter that needs
// more instructions than this (not counting the jumps inserted to reach far
// targets) is refused with an error rather than built. No kernel accepts
// such programs, and their size would be the attacker's choice.
//
// With Options.Optimize the bound applies to the optimized program; the
// code generator may then produce up to MaxOptimizeInputLen instructions
// for the optimizer to shrink (20,000 or-ed ports take some 920,000
// before and a few dozen after).
const MaxProgramLen = 1 << 19

// MaxOptimizeInputLen bounds the program the code generator produces for
// the optimizer when Options.Optimize is set, in instructions (not
// counting inserted far jumps). It is four times MaxProgramLen: large
// enough for block lists of tens of thousands of members, small enough
// that an attacker-chosen expression costs a bounded amount of memory (a
// few hundred MB at most; the expression itself is at most MaxExprLen).
const MaxOptimizeInputLen = 4 * MaxProgramLen

// genLimit is the most instructions the code generator may produce for
// opts: MaxOptimizeInputLen when optimizing, else MaxProgramLen.
func genLimit(opts Options) int {
	if opts.Optimize {
		return MaxOptimizeInputLen
	}
	return MaxProgramLen
}

// tooLarge fails with the error for a program of more than limit
// instructions: libpcap's wording, with limit, for MaxProgramLen; for
// MaxOptimizeInputLen the message says that the bound is the optimizer's
// input.
func tooLarge(off, limit int) {
	msg := "filter program too large (more than " + strconv.Itoa(limit) + " instructions)"
	if limit != MaxProgramLen {
		msg = "filter program too large (more than " + strconv.Itoa(limit) + " instructions before optimization)"
	}
	fail(off, msg)
}

func (e *emitter) newLabel() int32 {
	e.labels++
	return e.labels
}

func (e *emitter) place(l int32) { e.items = append(e.items, stmt{label: l}) }

func (e *emitter) count(n int) {
	e.n += n
	if e.n > e.limit {
		tooLarge(0, e.limit)
	}
}

// cond emits c so that control reaches label t when c holds and label f
// otherwise. The left operand of and/or is evaluated first.
//
// It walks the tree without recursion, so that neither the long
// left-nested chains "a or b or c ..." produce nor deeply nested right
// operands use much of the goroutine stack.
func (e *emitter) cond(c cond, t, f int32) {
	var todo todoStack
	todo.push(pending{c, 0, t, f})
	for todo.n > 0 {
		r := todo.pop()
		if r.label != 0 {
			e.place(r.label)
		}
		c, t, f := r.c, r.t, r.f
	spine:
		for {
			x := e.mem.node(c)
			switch x.kind {
			case kindBlock:
				e.count(int(x.n) + 1)
				appendStmts(&e.items, e.mem.stmtsOf(x))
				e.items = append(e.items, stmt{ins: bpf.Instruction{Op: x.op, K: x.k}, jt: t, jf: f})
				break spine
			case kindNot:
				c, t, f = x.a, f, t
			case kindAnd:
				mid := e.newLabel()
				todo.push(pending{x.b, mid, t, f})
				c, t = x.a, mid
			case kindOr:
				mid := e.newLabel()
				todo.push(pending{x.b, mid, t, f})
				c, f = x.a, mid
			}
		}
	}
}

// todoStack is the emitter's stack of conditions still to emit, a local
// variable of cond whose first entries are an array in it.
type todoStack struct {
	near [16]pending
	far  []pending // the entries after near's
	n    int
}

func (s *todoStack) push(p pending) {
	if s.n < len(s.near) {
		s.near[s.n] = p
	} else {
		s.far = append(s.far, p)
	}
	s.n++
}

func (s *todoStack) pop() pending {
	s.n--
	if s.n < len(s.near) {
		return s.near[s.n]
	}
	p := s.far[len(s.far)-1]
	s.far = s.far[:len(s.far)-1]
	return p
}

// positions maps each label to the index of the instruction it precedes,
// reusing buf if it is large enough, and counts the instructions.
func (e *emitter) positions(items []stmt, buf []int) ([]int, int) {
	pos := buf[:0]
	if cap(pos) < int(e.labels)+1 {
		pos = make([]int, e.labels+1)
	}
	pos = pos[:e.labels+1]
	n := 0
	for _, it := range items {
		if it.label > 0 {
			pos[it.label] = n
		} else {
			n++
		}
	}
	return pos, n
}

// finish resolves labels into relative offsets and returns the program.
func (e *emitter) finish() []bpf.Instruction {
	items := e.items
	pos := e.posBuf
	var n int
	for {
		pos, n = e.positions(items, pos)
		if n <= 256 {
			break // no jump can be more than 255 instructions long
		}
		var out []stmt
		pc := 0
		for i, it := range items {
			if it.label > 0 {
				if out != nil {
					out = append(out, it)
				}
				continue
			}
			op := it.ins.Op
			if op&bpf.ClassMask == bpf.ClassJMP && op&bpf.JumpOpMask != bpf.JumpJA {
				tFar := pos[it.jt]-pc-1 > 255
				fFar := pos[it.jf]-pc-1 > 255
				if tFar || fFar {
					if out == nil {
						out = make([]stmt, 0, len(items)+len(items)/4)
						out = append(out, items[:i]...)
					}
					jump := it
					var tramps []stmt
					if tFar {
						l := e.newLabel()
						tramps = append(tramps, stmt{label: l}, stmt{ins: bpf.Instruction{Op: opJa}, jt: it.jt})
						jump.jt = l
					}
					if fFar {
						l := e.newLabel()
						tramps = append(tramps, stmt{label: l}, stmt{ins: bpf.Instruction{Op: opJa}, jt: it.jf})
						jump.jf = l
					}
					out = append(out, jump)
					out = append(out, tramps...)
					pc++
					continue
				}
			}
			if out != nil {
				out = append(out, it)
			}
			pc++
		}
		if out == nil {
			break
		}
		items = out
	}
	e.posBuf = pos
	prog := make([]bpf.Instruction, n)
	pc := 0
	for _, it := range items {
		if it.label > 0 {
			continue
		}
		ins := it.ins
		if ins.Op&bpf.ClassMask == bpf.ClassJMP {
			if ins.Op&bpf.JumpOpMask == bpf.JumpJA {
				if it.jt > 0 {
					ins.K = uint32(pos[it.jt] - pc - 1)
				}
			} else {
				ins.Jt = uint8(pos[it.jt] - pc - 1)
				ins.Jf = uint8(pos[it.jf] - pc - 1)
			}
		}
		prog[pc] = ins
		pc++
	}
	return prog
}
