package compile

import "github.com/purepcap/pcap/bpf"

// Final passes: merging identical blocks, skipping a root whose test no
// longer matters, and laying the graph out as a flat program.

// mergeBlocks points every edge to an identical block at a higher id to
// that block instead, until no more blocks merge.
func (o *optimizer) mergeBlocks() {
	for {
		for _, b := range o.blocks {
			b.link = nil
		}
		o.mark++
		var walk func(b *oblock)
		walk = func(b *oblock) {
			if b.mark == o.mark {
				return
			}
			b.mark = o.mark
			if b.s.op&bpf.ClassMask != bpf.ClassRET {
				walk(b.jt())
				walk(b.jf())
			}
		}
		walk(o.root)
		n := len(o.blocks)
		for i := n - 2; i >= 0; i-- {
			bi := o.blocks[i]
			if bi.mark != o.mark {
				continue
			}
			for j := i + 1; j < n; j++ {
				bj := o.blocks[j]
				if bj.mark == o.mark && sameBlock(bi, bj) {
					if bj.link != nil {
						bi.link = bj.link
					} else {
						bi.link = bj
					}
					break
				}
			}
		}
		done := true
		for _, p := range o.blocks {
			if p.jt() == nil {
				continue
			}
			if p.jt().link != nil {
				done = false
				p.et.succ = p.jt().link
			}
			if p.jf().link != nil {
				done = false
				p.ef.succ = p.jf().link
			}
		}
		if done {
			return
		}
	}
}

func sameBlock(a, b *oblock) bool {
	if a.s != b.s || a.jt() != b.jt() || a.jf() != b.jf() {
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

// skipRoot makes the first block whose test matters the root, keeping the
// old root's statements. A return as root needs no statements.
func (o *optimizer) skipRoot() {
	b := o.root
	s := b.stmts
	b.stmts = nil
	for b.s.op&bpf.ClassMask == bpf.ClassJMP && b.jt() == b.jf() {
		b = b.jt()
	}
	if len(b.stmts) > 0 {
		s = append(append([]ostmt(nil), s...), b.stmts...)
	}
	b.stmts = s
	if b.s.op&bpf.ClassMask == bpf.ClassRET {
		b.stmts = nil
	}
	o.root = b
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
func (o *optimizer) linearize() []bpf.Instruction {
	for {
		o.mark++
		n := 0
		var count func(b *oblock)
		count = func(b *oblock) {
			if b == nil || b.mark == o.mark {
				return
			}
			b.mark = o.mark
			count(b.jt())
			count(b.jf())
			n += liveLen(b.stmts) + 1 + b.longjt + b.longjf
		}
		count(o.root)
		out := make([]bpf.Instruction, n)
		tail := n
		o.mark++
		var place func(b *oblock) bool
		place = func(b *oblock) bool {
			if b == nil || b.mark == o.mark {
				return true
			}
			b.mark = o.mark
			if !place(b.jf()) || !place(b.jt()) {
				return false
			}
			slen := liveLen(b.stmts)
			tail -= slen + 1 + b.longjt + b.longjf
			b.offset = tail
			dst := tail
			for _, s := range b.stmts {
				if s.op != opNop {
					out[dst] = bpf.Instruction{Op: s.op, K: s.k}
					dst++
				}
			}
			out[dst] = bpf.Instruction{Op: b.s.op, K: b.s.k}
			if b.jt() == nil {
				return true
			}
			extra := 0
			off := b.jt().offset - (b.offset + slen) - 1
			if off >= 256 {
				if b.longjt == 0 {
					b.longjt++
					return false
				}
				out[dst].Jt = uint8(extra)
				extra++
				out[dst+extra] = bpf.Instruction{Op: opJa, K: uint32(off - extra)}
			} else {
				out[dst].Jt = uint8(off)
			}
			off = b.jf().offset - (b.offset + slen) - 1
			if off >= 256 {
				if b.longjf == 0 {
					b.longjf++
					return false
				}
				out[dst].Jf = uint8(extra)
				extra++
				out[dst+extra] = bpf.Instruction{Op: opJa, K: uint32(off - extra)}
			} else {
				out[dst].Jf = uint8(off)
			}
			return true
		}
		if place(o.root) {
			return out
		}
	}
}
