package opt

import (
	"encoding/binary"
	"strconv"

	"github.com/purepcap/pcap/bpf"
)

// Final passes: merging identical blocks, skipping a root whose test no
// longer matters, and laying the graph out as a flat program.

// mergeBlocks makes all edges to identical blocks (same statements, same
// final instruction, same successors after merging) go to the one with the
// highest id. Successors are merged before their predecessors, so one pass
// bottom-up reaches the fixed point of merging pairs repeatedly.
func (o *optimizer) mergeBlocks() {
	o.mark++
	o.buf.order = o.buf.order[:0]
	o.postorder(o.root)
	order := o.buf.order
	// Only the classes of the blocks in order are read.
	o.buf.class = grow(o.buf.class, len(o.blocks))
	class := o.buf.class
	rep := o.buf.rep[:0]
	var classes map[string]int32
	if len(order) > mergeByMapOver {
		classes = make(map[string]int32, len(order))
	}
	var key []byte
	for _, b := range order {
		c := int32(-1)
		if classes != nil {
			key = blockKey(key[:0], b, class)
			if k, ok := classes[string(key)]; ok {
				c = k
			} else {
				classes[string(key)] = int32(len(rep))
			}
		} else {
			for k, r := range rep {
				if sameBlock(b, r, class) {
					c = int32(k)
					break
				}
			}
		}
		if c < 0 {
			c = int32(len(rep))
			rep = append(rep, b)
		}
		if b.id > rep[c].id {
			rep[c] = b
		}
		class[b.id] = c
	}
	o.buf.rep = rep
	for _, b := range order {
		if b.jt() != nil {
			b.et.succ = rep[class[b.jt().id]]
			b.ef.succ = rep[class[b.jf().id]]
		}
	}
}

// postorder appends the unmarked blocks reachable from b to o.buf.order,
// each after its successors (true branch first).
func (o *optimizer) postorder(b *oblock) {
	if b.mark == o.mark {
		return
	}
	b.mark = o.mark
	if b.s.opcode().Class() != bpf.ClassRET {
		o.postorder(b.jt())
		o.postorder(b.jf())
	}
	o.buf.order = append(o.buf.order, b)
}

// mergeByMapOver is the number of blocks above which mergeBlocks finds
// identical blocks through a map rather than by comparing with each.
const mergeByMapOver = 64

// sameBlock reports whether a and b are identical given the classes of
// their successors.
func sameBlock(a, b *oblock, class []int32) bool {
	if a.s != b.s || (a.jt() == nil) != (b.jt() == nil) {
		return false
	}
	if a.jt() != nil && (class[a.jt().id] != class[b.jt().id] || class[a.jf().id] != class[b.jf().id]) {
		return false
	}
	x, y := a.stmts, b.stmts
	for {
		for len(x) > 0 && x[0].op == opNop {
			x = x[1:]
		}
		for len(y) > 0 && y[0].op == opNop {
			y = y[1:]
		}
		if len(x) == 0 || len(y) == 0 {
			return len(x) == len(y)
		}
		if x[0] != y[0] {
			return false
		}
		x, y = x[1:], y[1:]
	}
}

// blockKey appends to dst what identifies b for merging: its final
// instruction, its successors' classes and its live statements.
func blockKey(dst []byte, b *oblock, class []int32) []byte {
	put := func(v uint32) { dst = binary.LittleEndian.AppendUint32(dst, v) }
	put(uint32(b.s.op))
	put(b.s.k)
	for _, succ := range [2]*oblock{b.jt(), b.jf()} {
		if succ == nil {
			put(^uint32(0))
		} else {
			put(uint32(class[succ.id]))
		}
	}
	for _, s := range b.stmts {
		if s.op != opNop {
			put(uint32(s.op) | uint32(s.jt)<<16 | uint32(s.jf)<<24)
			put(s.k)
		}
	}
	return dst
}

// skipRoot makes the first block whose test matters the root, keeping the
// old root's statements. A return as root needs no statements.
func (o *optimizer) skipRoot() {
	b := o.root
	s := b.stmts
	b.stmts = nil
	for b.s.opcode().Class() == bpf.ClassJMP && b.jt() == b.jf() {
		b = b.jt()
	}
	if len(b.stmts) > 0 {
		s = append(append([]ostmt(nil), s...), b.stmts...)
	}
	b.stmts = s
	if b.s.opcode().Class() == bpf.ClassRET {
		b.stmts = nil
	}
	b.udFresh = false
	o.root = b
}

// Jumps among a block's statements (the VLAN metadata test libpcap's
// live Linux code patches into a block) keep the distances they had in the
// generated program, counted in list positions, deleted statements
// included. The layout turns them into distances between the statements
// that remain: a target that was deleted becomes the next statement that
// remains, or the block's final jump (deleting, say, "and #0xfff; jeq #0"
// into "jset #0xfff" moves the "and" into the final jump).
//
// libpcap 1.10.3 counts the targets among the first slen list positions
// (slen = statements that remain), deleted ones included, so a deleted
// statement between a jump and its target shifts the target by one, and a
// target past those positions is "no destination found" (an error). Its
// "ja" keeps its distance as generated. optimizeLayout(prog, true) reproduces
// that, for the tests that show the difference.
//
// An embedded jump that cannot be laid out (a target outside the block:
// not code the generator makes; or out of reach) aborts with errBadEmbed,
// and the program is then returned as generated.

// layoutFunc sets the offsets of the jumps among stmts, emitted from out[0]
// on (deleted statements skipped).
type layoutFunc func(stmts []ostmt, out []bpf.Instruction)

// embeddedJumps lays out the jumps among stmts, emitted from out[0] on
// (deleted statements skipped), the way libpcap should: with the
// distances between the statements that remain.
func embeddedJumps(stmts []ostmt, out []bpf.Instruction) {
	// at[i] is the emitted index of the first remaining statement at list
	// position >= i; the final jump is at index slen.
	at := make([]int, len(stmts)+1)
	n := 0
	for i, s := range stmts {
		at[i] = n
		if s.op != opNop {
			n++
		}
	}
	at[len(stmts)] = n
	to := func(p, dist, e int) int {
		t := p + 1 + dist
		if t > len(stmts) || at[t]-e-1 > 255 {
			panic(errBadEmbed)
		}
		return at[t] - e - 1
	}
	for p, s := range stmts {
		if s.op == opNop || s.opcode().Class() != bpf.ClassJMP {
			continue
		}
		e := at[p]
		if s.op == OpJa {
			out[e].K = uint32(to(p, int(s.k), e))
			continue
		}
		out[e].Jt = uint8(to(p, int(s.jt), e))
		out[e].Jf = uint8(to(p, int(s.jf), e))
	}
}

// libpcapEmbeddedJumps lays out the jumps among stmts as libpcap 1.10.3
// does: conditional jumps but the one second to last by libpcapEmbeddedJump,
// "ja" with its distance as generated.
func libpcapEmbeddedJumps(stmts []ostmt, out []bpf.Instruction) {
	slen := liveLen(stmts)
	off := 0
	for p, s := range stmts {
		if s.op == opNop {
			continue
		}
		if isCondJump(s.op) && off != slen-2 {
			out[off].Jt, out[off].Jf = libpcapEmbeddedJump(p, off, slen, s)
		}
		off++
	}
}

// libpcapEmbeddedJump returns the offsets libpcap 1.10.3 gives a
// conditional jump among a block's statements, at position p of the list
// and emitted as the off-th statement of slen (see above), or fails as
// libpcap does.
func libpcapEmbeddedJump(p, off, slen int, s ostmt) (jt, jf uint8) {
	t, f := p+1+int(s.jt), p+1+int(s.jf)
	for i := 0; i < slen; i++ {
		if (i == t || i == f) && uint(i-off-1) >= 256 {
			panic(&Error{Msg: "out-of-range jump for block-local relative jump: off=" + strconv.Itoa(off)})
		}
	}
	if t >= slen || f >= slen {
		panic(&Error{Msg: "no destination found for block-local relative jump: off=" + strconv.Itoa(off)})
	}
	return uint8(t - off - 1), uint8(f - off - 1)
}

func liveLen(stmts []ostmt) int {
	n := 0
	for _, s := range stmts {
		if s.op != opNop {
			n++
		}
	}
	return n
}

// linearize lays the graph out: each block before the blocks it jumps to,
// a far conditional jump going through a "ja" placed right after it.
// layout places the jumps among a block's statements.
func (o *optimizer) linearize(layout layoutFunc) []bpf.Instruction {
	for {
		o.mark++
		n := o.countFrom(o.root)
		p := placer{o: o, out: make([]bpf.Instruction, n), tail: n, layout: layout}
		o.mark++
		p.place(o.root)
		if !p.retry {
			return p.out
		}
	}
}

// countFrom returns the number of instructions of the unmarked blocks
// reachable from b, trampolines included.
func (o *optimizer) countFrom(b *oblock) int {
	if b == nil || b.mark == o.mark {
		return 0
	}
	b.mark = o.mark
	return o.countFrom(b.jt()) + o.countFrom(b.jf()) + liveLen(b.stmts) + 1 + b.longjt + b.longjf
}

// placer is one layout pass of linearize: blocks are placed from the end
// of out backwards, successors first.
type placer struct {
	o      *optimizer
	out    []bpf.Instruction
	tail   int  // where the blocks placed so far start
	retry  bool // a far jump found needs a trampoline: lay out again
	layout layoutFunc
}

// place places the unmarked blocks reachable from b, b last. A far jump
// found needs a trampoline, which moves everything placed after it: it is
// noted, and the layout done again. Jumps only get longer as trampolines
// are added, so noting every far jump of a pass at once ends at the same
// layout as one at a time.
func (p *placer) place(b *oblock) {
	if b == nil || b.mark == p.o.mark {
		return
	}
	b.mark = p.o.mark
	p.place(b.jf())
	p.place(b.jt())
	slen := liveLen(b.stmts)
	p.tail -= slen + 1 + b.longjt + b.longjf
	b.offset = p.tail
	out := p.out
	dst := p.tail
	embedded := false
	for _, s := range b.stmts {
		if s.op == opNop {
			continue
		}
		out[dst] = bpf.Instruction{Op: s.op, K: s.k}
		embedded = embedded || s.opcode().Class() == bpf.ClassJMP
		dst++
	}
	if embedded {
		p.layout(b.stmts, out[p.tail:dst])
	}
	out[dst] = bpf.Instruction{Op: b.s.op, K: b.s.k}
	if b.jt() == nil {
		return
	}
	if b.s.op == OpJa {
		// A relay of a search (sets.go): no reach limit.
		out[dst].K = uint32(b.jt().offset - (b.offset + slen) - 1)
		return
	}
	offT := b.jt().offset - (b.offset + slen) - 1
	offF := b.jf().offset - (b.offset + slen) - 1
	if offT >= 256 && b.longjt == 0 {
		b.longjt = 1
		p.retry = true
	}
	if offF >= 256 && b.longjf == 0 {
		b.longjf = 1
		p.retry = true
	}
	if p.retry {
		return // this pass's output is thrown away
	}
	extra := 0
	out[dst].Jt = farJump(out, dst, &extra, offT)
	out[dst].Jf = farJump(out, dst, &extra, offF)
}

// farJump returns the offset for a conditional jump at out[dst] to a
// target off instructions after it: off itself, or, when that is too far,
// the offset of a "ja" to the target placed after the jump and the extra
// trampolines placed so far, which it counts.
func farJump(out []bpf.Instruction, dst int, extra *int, off int) uint8 {
	if off < 256 {
		return uint8(off)
	}
	j := *extra
	*extra++
	out[dst+*extra] = bpf.Instruction{Op: OpJa, K: uint32(off - *extra)}
	return uint8(j)
}
