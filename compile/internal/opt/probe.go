package opt

// The first round that rewrites statements follows a round that changed
// nothing, so it sees the graph, the statements and the liveness that round
// saw. When rewriting would only delete loads of values already in place,
// or turn loads of constant scratch words into immediate loads, every value
// keeps the number the round before gave it, and the round's outcome
// follows from what that round found. The probe records it there, and
// replay applies it without numbering the program again.

// probe is what the round before recorded of what rewriting would do.
type probe struct {
	edits     []stmtEdit // in the order rewriting would make them
	changed   bool       // an edit counts as a change
	renumbers bool       // rewriting would renumber a value: no replay
	stale     bool       // the round rewrote something without reporting it
}

// stmtEdit is a rewrite of one statement.
type stmtEdit struct {
	s  *ostmt
	op uint16
	k  uint32
}

// reset readies p for a new round.
func (p *probe) reset() {
	clear(p.edits)
	*p = probe{edits: p.edits[:0]}
}

// edit records that rewriting would make *s the statement op k.
func (p *probe) edit(s *ostmt, op uint16, k uint32) {
	p.edits = append(p.edits, stmtEdit{s, op, k})
}

// usable reports whether replay can stand for the next round, the round
// the probe watched having changed nothing.
func (p *probe) usable() bool { return !p.renumbers && !p.stale }

// replay is the first round that rewrites statements, from what the probe
// recorded in the round before, which changed nothing; it reports what the
// round changed.
func (o *optimizer) replay() (c change) {
	p := &o.probe
	for _, e := range p.edits {
		e.s.op, e.s.k = e.op, e.k
	}
	if p.changed {
		c = codeChanged
	}
	for i := o.root.level; i >= 0; i-- {
		for b := o.levels[i]; b != nil; b = b.link {
			if o.finishBlock(b, true) {
				c = codeChanged
			}
		}
	}
	return c
}
