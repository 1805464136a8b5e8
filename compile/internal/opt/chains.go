package opt

import (
	"math/bits"
	"slices"

	"github.com/purepcap/pcap/bpf"
)

// Block lists ("host A or host B or ...", "port P or port Q or ...", "not
// (net N1 or net N2 ...)") generate the same code once per constant: a run
// of equal segments that differ only in the constants of some "jeq #k"
// tests (the slots), each segment falling through to the next when no slot
// matched. libpcap's passes take time that grows faster than the square of
// such a run. Before they start, collapseChains replaces a long run by its
// first segment, with each slot's "jeq #k" turned into a test of the value
// in A against the set of that slot's constants (opJin), and after they
// finish, expandSets compiles each set test into a binary search (sets.go).
//
// This keeps the program's meaning on every packet, truncated ones
// included, when each segment:
//   - is entered only at its start, and reads no register or scratch word
//     before writing it (its behaviour does not depend on the segments
//     before it);
//   - jumps only within itself, to its end (the next segment's start), or
//     to one place after the run, the same for every segment;
//   - has slots whose true branch goes to that place.
//
// The runs are found in the program's wide form, where jumps hold
// absolute targets and the "ja" trampolines of far jumps are gone, so that
// segments near and far from their targets look the same.
//
// A packet then takes the same path through every segment (the path does
// not depend on the constants) until a slot's constant matches or the path
// reaches the one place after the run; the segments either all get there
// or all go on to the next. So the run takes the packet where the first
// segment does when each slot tests membership in all the segments'
// constants, running the same loads in the same order until then. (With
// two places after the run, a packet that leaves the first segment for
// the other one would never meet the later segments' constants.)

// opJin is the set-membership test of a collapsed run: "jin #i" jumps if A
// is in sets[i]. Its jump code is one that classic BPF does not define, so
// no pass takes it for another test.
const opJin = bpf.ClassJMP | 0xf0

// minSetMembers is the smallest run collapsed into a set. Shorter lists
// keep libpcap's programs exactly.
const minSetMembers = 16

// set is the sorted, distinct constants of a set test, and the distance
// between consecutive values A can hold there (a masked value moves in
// steps of the mask's lowest bit).
type set struct {
	members []uint32
	step    uint32
}

// wins is an instruction of the wide form: a conditional jump holds its
// targets' positions.
type wins struct {
	op     uint16
	jt, jf int32
	k      uint32
}

func (w wins) opcode() bpf.Opcode { return bpf.Opcode(w.op) }

func (w wins) isJump() bool { return w.opcode().Class() == bpf.ClassJMP }

// toWide returns prog's wide form, or ok == false for a program of a shape
// the runs are not looked for in (jumps among statements, a "ja" that is
// not a trampoline).
func toWide(prog []bpf.Instruction) (w []wins, ok bool) {
	n := len(prog)
	if n == 0 || findEmbedded(prog) != nil {
		return nil, false
	}
	// at maps each position to its wide one; a "ja" to its final target's.
	at := make([]int32, n)
	m := int32(0)
	for pc, ins := range prog {
		at[pc] = m
		if ins.Op != OpJa {
			m++
		} else if pc > 0 && prog[pc-1].Class() != bpf.ClassJMP && prog[pc-1].Class() != bpf.ClassRET {
			return nil, false
		}
	}
	resolve := func(pc int) (int32, bool) {
		for steps := 0; pc < n && steps < n; steps++ {
			if prog[pc].Op != OpJa {
				return at[pc], true
			}
			if uint64(pc)+1+uint64(prog[pc].K) >= uint64(n) {
				return 0, false
			}
			pc += 1 + int(prog[pc].K)
		}
		return 0, false
	}
	w = make([]wins, 0, m)
	for pc, ins := range prog {
		if ins.Op == OpJa {
			continue
		}
		x := wins{op: ins.Op, k: ins.K}
		if x.isJump() {
			t, okT := resolve(pc + 1 + int(ins.Jt))
			f, okF := resolve(pc + 1 + int(ins.Jf))
			if !okT || !okF {
				return nil, false
			}
			x.jt, x.jf = t, f
		}
		w = append(w, x)
	}
	return w, true
}

// chainFinder looks for runs in one program's wide form.
type chainFinder struct {
	prog   []wins
	minSrc []int32 // lowest position jumping to each position, or len(prog)
}

// isSlotOp reports whether op may differ in its constant between segments.
func isSlotOp(op uint16) bool { return op == OpJeq }

// collapseChains returns prog's wide form with every run of at least
// minSetMembers equal segments collapsed, and the sets its set tests refer
// to; it returns no sets when there is no run.
func collapseChains(prog []bpf.Instruction) ([]wins, []set) {
	if !manyConstants(prog) {
		return nil, nil
	}
	w, ok := toWide(prog)
	if !ok {
		return nil, nil
	}
	var sets []set
	from := 0
	for {
		f := chainFinder{prog: w}
		s, l, m, last, ok := f.find(from)
		if !ok {
			return w, sets
		}
		w, sets = collapse(w, s, l, m, last, sets)
		from = s + l
	}
}

// manyConstants reports whether prog's "jeq #k" tests have at least
// minSetMembers different constants, as a run's slots do.
func manyConstants(prog []bpf.Instruction) bool {
	var c slotConstants
	for _, ins := range prog {
		if isSlotOp(ins.Op) && c.add(ins.K) {
			return true
		}
	}
	return false
}

// slotConstants counts the different constants of "jeq #k" tests, up to
// minSetMembers: fewer make no set.
type slotConstants struct {
	seen [minSetMembers]uint32
	n    int
}

// add counts k if it is new, and reports whether minSetMembers
// constants have been seen.
func (c *slotConstants) add(k uint32) (many bool) {
	if c.n == len(c.seen) {
		return true
	}
	for _, x := range c.seen[:c.n] {
		if x == k {
			return false
		}
	}
	c.seen[c.n] = k
	c.n++
	return c.n == len(c.seen)
}

// many reports whether minSetMembers constants have been seen.
func (c *slotConstants) many() bool { return c.n == len(c.seen) }

// find returns the first run starting at or after from: its start s, its
// segment length l and its number of segments m.
func (f *chainFinder) find(from int) (s, l, m int, last int32, ok bool) {
	prog := f.prog
	n := len(prog)
	const w = 4 // instructions hashed together to find repeats
	if n-from < 2*w {
		return 0, 0, 0, 0, false
	}
	f.minSrc = make([]int32, n+1)
	for i := range f.minSrc {
		f.minSrc[i] = int32(n)
	}
	for pc := n - 1; pc >= 0; pc-- {
		if x := prog[pc]; x.isJump() {
			f.minSrc[x.jt] = int32(pc)
			f.minSrc[x.jf] = int32(pc)
		}
	}
	// seenAt: open addressing from window hashes to their last position.
	type slot struct {
		h   uint64
		pos int32 // position + 1; 0: free
	}
	seenAt := make([]slot, 1<<bits.Len(uint(2*n)))
	mask := uint64(len(seenAt) - 1)
	var tried map[int]int // segment length -> end of the run tried
	for p := from; p+w <= n; p++ {
		h := uint64(0)
		for i := p; i < p+w; i++ {
			h = h*0x100000001b3 ^ sig(prog[i])
		}
		i := (h ^ h>>29) * 0x9e3779b97f4a7c15 >> 32 & mask
		for seenAt[i].pos != 0 && seenAt[i].h != h {
			i = (i + 1) & mask
		}
		prev, seen := seenAt[i].pos-1, seenAt[i].pos != 0
		seenAt[i] = slot{h, int32(p) + 1}
		if !seen {
			continue
		}
		l := p - int(prev)
		a := int(prev)
		if a < tried[l] {
			continue
		}
		q := a
		for q+l < n && f.match(q, q+l) {
			q++
		}
		if tried == nil {
			tried = make(map[int]int)
		}
		tried[l] = q
		if q-a < (minSetMembers-1)*l {
			continue
		}
		for s := a; s < a+l; s++ {
			// The last segment may differ in where it goes at its end.
			m := (q+l-s)/l + 1
			if m-1 < minSetMembers {
				break
			}
			if last, ok := f.valid(s, l, m); ok {
				return s, l, m, last, true
			}
			if last, ok := f.valid(s, l, m-1); ok {
				return s, l, m - 1, last, true
			}
		}
	}
	return 0, 0, 0, 0, false
}

// sig identifies an instruction up to the constant of a slot and its
// jump targets.
func sig(x wins) uint64 {
	if x.isJump() {
		return uint64(x.op) << 32
	}
	return uint64(x.op)<<32 | uint64(x.k)
}

// match reports whether the instructions at a and b = a+l can be the same
// instruction of two consecutive segments.
func (f *chainFinder) match(a, b int) bool {
	x, y := f.prog[a], f.prog[b]
	if x.op != y.op || (x.k != y.k && !isSlotOp(x.op)) {
		return false
	}
	if !x.isJump() {
		return true
	}
	l := int32(b - a)
	return (y.jt == x.jt+l || y.jt == x.jt) && (y.jf == x.jf+l || y.jf == x.jf)
}

// valid reports whether the m segments of length l from s form a run that
// may be collapsed (see above), and where the last segment goes when it
// reaches its end: the run's end, or a place after it (the last term of a
// list usually jumps straight to the list's outcome).
func (f *chainFinder) valid(s, l, m int) (last int32, ok bool) {
	prog := f.prog
	end := s + m*l
	if end > len(prog) {
		return 0, false
	}
	for t := s + 1; t < end; t++ {
		if int(f.minSrc[t]) < s {
			return 0, false // entered from before the run, not at its start
		}
	}
	slots := 0
	last = -1
	exit := int32(-1)
	for pc := s; pc < s+l; pc++ {
		x := prog[pc]
		for i := 1; i < m; i++ {
			// The same instructions, up to the slots' constants.
			if y := prog[pc+i*l]; y.op != x.op || y.k != x.k && !isSlotOp(x.op) {
				return 0, false
			}
		}
		if !x.isJump() {
			continue
		}
		slot := false
		for i := 1; i < m && isSlotOp(x.op); i++ {
			slot = slot || prog[pc+i*l].k != x.k
		}
		inT, okT := f.exit(int(x.jt), s, l, end)
		inE, okE := f.exit(int(x.jf), s, l, end)
		if !okT || !okE || slot && inT || !inT && !oneExit(&exit, x.jt) || !inE && !oneExit(&exit, x.jf) {
			return 0, false
		}
		if slot {
			slots++
		}
		for i := 1; i < m; i++ {
			// Targets must be placed alike in every segment.
			y, d := prog[pc+i*l], int32(i*l)
			lastSeg := i == m-1
			if !sameTarget(x.jt, y.jt, inT, d, lastSeg, int32(s+l), int32(end), &last) ||
				!sameTarget(x.jf, y.jf, inE, d, lastSeg, int32(s+l), int32(end), &last) {
				return 0, false
			}
		}
	}
	if last < 0 {
		last = int32(end)
	}
	return last, slots > 0 && readsNothing(prog[s:s+l], s)
}

// oneExit reports whether t is the one place after the run that a segment
// jumps to, noting it in *exit at the first call.
func oneExit(exit *int32, t int32) bool {
	if *exit < 0 {
		*exit = t
	}
	return *exit == t
}

// sameTarget reports whether y, the target of an instruction of a later
// segment (d positions on), corresponds to x, that of the first segment's
// (in: within it or its end at segEnd). The last segment may go from its
// end to one place *last after the run's end instead.
func sameTarget(x, y int32, in bool, d int32, lastSeg bool, segEnd, end int32, last *int32) bool {
	if !in {
		return y == x
	}
	if !lastSeg || x != segEnd {
		return y == x+d
	}
	if y < end {
		return false
	}
	if *last < 0 {
		*last = y
	}
	return *last == y
}

// exit classifies a jump target of the segment at base: within it or its
// end (in), or after the run (out); anything else is not ok.
func (f *chainFinder) exit(t, base, l, end int) (in, ok bool) {
	if t > base && t <= base+l {
		return true, true
	}
	return false, t >= end && t < len(f.prog)
}

// readsNothing reports whether seg, placed at base and run from its start,
// never reads a register or scratch word it has not written first.
func readsNothing(seg []wins, base int) bool {
	n := len(seg)
	live := make([]uint32, n+1)
	at := func(t int32) uint32 {
		if i := int(t) - base; i < n {
			return live[i]
		}
		return 0
	}
	for pc := n - 1; pc >= 0; pc-- {
		x := seg[pc]
		s := ostmt{op: x.op, k: x.k}
		var out uint32
		switch x.opcode().Class() {
		case bpf.ClassRET:
		case bpf.ClassJMP:
			out = at(x.jt) | at(x.jf)
		default:
			out = live[pc+1]
			if d := atomDef(s); d >= 0 {
				out &^= atomBit(d)
			}
		}
		switch u := atomUse(s); {
		case u == atomAX:
			out |= atomBit(atomA) | atomBit(atomX)
		case u >= 0:
			out |= atomBit(u)
		}
		live[pc] = out
	}
	return live[0] == 0
}

// collapse replaces the m segments of length l from s by the first, its
// slots turned into set tests appended to sets, its end going to last.
func collapse(prog []wins, s, l, m int, last int32, sets []set) ([]wins, []set) {
	cut := int32((m - 1) * l)
	end := int32(s + m*l)
	segEnd := int32(s + l)
	out := make([]wins, 0, len(prog)-int(cut))
	byTuple := make(map[string]int)
	for pc := 0; pc < len(prog); pc++ {
		if pc >= s+l && pc < int(end) {
			continue
		}
		x := prog[pc]
		if x.isJump() {
			inSeg := pc >= s && pc < s+l
			for _, t := range []*int32{&x.jt, &x.jf} {
				if inSeg && *t == segEnd {
					*t = last
				}
				if *t >= end {
					*t -= cut
				}
			}
		}
		if pc >= s && pc < s+l && isSlotOp(x.op) {
			if idx, ok := slotSet(prog, pc, l, m, byTuple, &sets); ok {
				x.op, x.k = opJin, uint32(idx)
			}
		}
		out = append(out, x)
	}
	return out, sets
}

// slotSet returns the index of the set of the slot at pc (in the first
// segment), adding it to sets if no other slot has the same constants.
// ok is false for an instruction whose constant is the same everywhere.
func slotSet(prog []wins, pc, l, m int, byTuple map[string]int, sets *[]set) (idx int, ok bool) {
	key := make([]byte, 0, 4*m)
	vals := make([]uint32, 0, m)
	same := true
	for i := 0; i < m; i++ {
		k := prog[pc+i*l].k
		same = same && k == prog[pc].k
		key = append(key, byte(k), byte(k>>8), byte(k>>16), byte(k>>24))
		vals = append(vals, k)
	}
	if same {
		return 0, false
	}
	if idx, ok := byTuple[string(key)]; ok {
		return idx, true
	}
	slices.Sort(vals)
	vals = slices.Compact(vals)
	step := uint32(1)
	if pc > 0 {
		if p := prog[pc-1]; p.op == ALUK(bpf.ALUAnd) && p.k != 0 && bits.OnesCount32(^p.k+1) == 1 {
			step = ^p.k + 1
		}
	}
	*sets = append(*sets, set{members: vals, step: step})
	byTuple[string(key)] = len(*sets) - 1
	return len(*sets) - 1, true
}

// wideCFG makes the graph of a wide program, as buildCFG does of a flat
// one.
func wideCFG(w []wins) (root *oblock, nblocks int, ok bool) {
	n := len(w)
	leader := make([]bool, n+1)
	leader[0] = true
	for pc, x := range w {
		switch x.opcode().Class() {
		case bpf.ClassJMP:
			switch x.op &^ bpf.SrcX {
			case OpJeq, OpJgt, OpJge, OpJset, opJin:
			default:
				return nil, 0, false
			}
			leader[x.jt], leader[x.jf], leader[pc+1] = true, true, true
		case bpf.ClassRET:
			if x.op != opRetK {
				return nil, 0, false
			}
			leader[pc+1] = true
		default:
			if !okStmt(bpf.Instruction{Op: x.op, K: x.k}) || pc+1 == n {
				return nil, 0, false
			}
		}
	}
	for pc := 1; pc < n; pc++ {
		if c := w[pc-1].opcode().Class(); leader[pc] && c != bpf.ClassJMP && c != bpf.ClassRET {
			return nil, 0, false
		}
	}
	nb := 0
	for _, l := range leader[:n] {
		if l {
			nb++
		}
	}
	at := make([]*oblock, n)
	blocks := make([]oblock, 0, nb)
	stmts := make([]ostmt, 0, n)
	for pc := 0; pc < n; pc++ {
		if !leader[pc] {
			continue
		}
		blocks = append(blocks, oblock{})
		end := pc
		for end < n && !w[end].isJump() && w[end].opcode().Class() != bpf.ClassRET {
			end++
		}
		first := len(stmts)
		for _, x := range w[pc:end] {
			stmts = append(stmts, ostmt{op: x.op, k: x.k})
		}
		b := &blocks[len(blocks)-1]
		if end > pc {
			b.stmts = stmts[first:len(stmts):len(stmts)]
		}
		b.s = ostmt{op: w[end].op, k: w[end].k}
		at[pc] = b
		pc = end
	}
	for pc, b := range at {
		if b != nil && b.s.opcode().Class() == bpf.ClassJMP {
			x := w[pc+len(b.stmts)]
			b.et.succ, b.ef.succ = at[x.jt], at[x.jf]
		}
	}
	return at[0], len(blocks), true
}
