package opt

import "github.com/purepcap/pcap/bpf"

// Builder makes the graph straight from the code generator's program
// before its labels become offsets, saving the flat program and parsing it
// back (buildCFG). The compiler feeds it the program in order: label
// markers, statements, and final instructions whose targets are labels.
//
// It takes the programs buildCFG takes that have no "ja" and no sets, and
// gives them the same graph. For any other program, Optimize reports
// ok == false, and the caller optimizes the flat program with Optimize
// instead.
type Builder struct {
	o       *optimizer
	labelAt []int32       // the block each label marks; -1 for none yet
	targets []target      // each block's jump targets, as labels
	first   int           // the current block's first statement, or -1
	bad     bool          // not a program the builder takes
	consts  slotConstants // a program with many may have sets (chains.go)
}

// target is a block's jump targets, as labels (0 for a return).
type target struct{ jt, jf int32 }

// NewBuilder returns a Builder for a program whose labels are numbered
// from 1 to labels.
func NewBuilder(labels int) *Builder {
	o := optimizers.Get().(*optimizer)
	b := &o.builder
	b.o = o
	b.labelAt = grow(b.labelAt, labels+1)
	for i := range b.labelAt {
		b.labelAt[i] = -1
	}
	b.targets = b.targets[:0]
	b.first = -1
	b.bad = false
	b.consts = slotConstants{}
	o.buf.blocks = o.buf.blocks[:0]
	o.buf.stmts = o.buf.stmts[:0]
	o.buf.atoms = atomBit(atomA) | atomBit(atomX)
	return b
}

// Refused reports whether b already knows that it does not take the
// program: the caller may stop feeding it.
func (b *Builder) Refused() bool { return b.bad || b.consts.many() }

// Label marks the next instruction as the target of jumps to label l.
func (b *Builder) Label(l int32) {
	if b.first >= 0 || l <= 0 || int(l) >= len(b.labelAt) {
		// A jump into a statement list.
		b.bad = true
		return
	}
	b.labelAt[l] = int32(len(b.o.buf.blocks))
}

// Stmt adds statement ins to the current block.
func (b *Builder) Stmt(ins bpf.Instruction) {
	if !okStmt(ins) {
		b.bad = true
		return
	}
	buf := &b.o.buf
	if b.first < 0 {
		b.first = len(buf.stmts)
	}
	if isStore(ins.Op) {
		buf.atoms |= atomBit(int(ins.K))
	}
	buf.stmts = append(buf.stmts, ostmt{op: ins.Op, k: ins.K})
}

// Jump ends the current block with the conditional jump ins, to label jt
// when its condition holds and to jf otherwise.
func (b *Builder) Jump(ins bpf.Instruction, jt, jf int32) {
	switch ins.Op &^ bpf.SrcX {
	case OpJeq, OpJgt, OpJge, OpJset:
	default:
		b.bad = true // "ja", or not a jump
		return
	}
	if isSlotOp(ins.Op) {
		b.consts.add(ins.K)
	}
	b.end(ins, target{jt, jf})
}

// Return ends the current block with the return ins.
func (b *Builder) Return(ins bpf.Instruction) {
	if ins.Op != opRetK {
		b.bad = true
		return
	}
	b.end(ins, target{})
}

// end ends the current block with ins.
func (b *Builder) end(ins bpf.Instruction, t target) {
	buf := &b.o.buf
	n := len(buf.blocks)
	if n < cap(buf.blocks) {
		buf.blocks = buf.blocks[:n+1]
	} else {
		buf.blocks = append(buf.blocks, oblock{})
	}
	blk := &buf.blocks[n]
	*blk = oblock{s: ostmt{op: ins.Op, k: ins.K}}
	if b.first >= 0 {
		blk.stmts = buf.stmts[b.first:len(buf.stmts):len(buf.stmts)]
		b.first = -1
	}
	b.targets = append(b.targets, t)
}

// Optimize optimizes the program fed to b, as Optimize does with the zero
// Options; flat returns the program as generated, for when the optimizer
// gives it back. ok is false when b does not take the program (see
// Builder). b must not be used afterwards.
func (b *Builder) Optimize(flat func() []bpf.Instruction) (prog []bpf.Instruction, ok bool, err error) {
	o := b.o
	defer o.release()
	root, ok := b.link()
	if !ok {
		return nil, false, nil
	}
	o.foreign = false
	// Statement lists made before their storage grew keep the storage
	// they were made in.
	prog, err = o.run(root, len(o.buf.blocks), Options{}, hooks{layout: embeddedJumps}, nil, flat)
	return prog, true, err
}

// link sets the blocks' successors and returns the root, or ok == false.
func (b *Builder) link() (root *oblock, ok bool) {
	blocks := b.o.buf.blocks
	if b.Refused() || b.first >= 0 || len(blocks) == 0 || len(blocks) > maxBlocks {
		return nil, false
	}
	for i, t := range b.targets {
		if t.jt == 0 {
			continue
		}
		jt, jf := b.blockOf(t.jt), b.blockOf(t.jf)
		if jt == nil || jf == nil {
			return nil, false
		}
		blocks[i].et.succ, blocks[i].ef.succ = jt, jf
	}
	return &blocks[0], true
}

// blockOf returns the block label l marks, or nil.
func (b *Builder) blockOf(l int32) *oblock {
	if l <= 0 || int(l) >= len(b.labelAt) {
		return nil
	}
	i := b.labelAt[l]
	if i < 0 || int(i) >= len(b.o.buf.blocks) {
		return nil
	}
	return &b.o.buf.blocks[i]
}
