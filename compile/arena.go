package compile

import (
	"sync"
	"unsafe"
)

// The generator keeps its condition nodes and the statements of its blocks
// in chunked tables free of pointers (see cond). Syntax tree nodes and
// arithmetic values, which hold pointers, are allocated in chunks too, so
// that compiling a typical expression costs a few slices rather than an
// object per node. Nodes are never freed one by one: a chunk lives as long
// as something points into it.

// A chunk's first size is about chunkBytes; each new chunk doubles the
// number of items, up to chunkMax.
const (
	chunkBytes = 256
	chunkMax   = 1024
)

// alloc returns a pointer to a new zero T at the end of *chunk, starting a
// new chunk when it is full. Earlier pointers stay valid: a full chunk is
// replaced, never grown.
func alloc[T any](chunk *[]T) *T {
	if len(*chunk) == cap(*chunk) {
		var zero T
		first := max(chunkBytes/int(unsafe.Sizeof(zero)), 2)
		*chunk = make([]T, 0, min(max(2*cap(*chunk), first), chunkMax))
	}
	// Reslicing *chunk in place stores only its length: no write barrier.
	n := len(*chunk)
	*chunk = (*chunk)[:n+1]
	return &(*chunk)[n]
}

// arena holds the generator's memory.
type arena struct {
	// conds holds the condition nodes in chunks of condChunk, so that a
	// large tree is never copied to grow; ncond counts them, and cond 0
	// (noCond) is unused.
	conds [][]condNode
	ncond int32

	// chunks hold statement lists, carved from the last chunk by stmts.
	// A block names the chunk and place of its statements, which are
	// usually where its list was built.
	chunks [][]stmt
	vals   []arthVal
}

// condChunk is the number of nodes in a chunk of arena.conds, a power of
// two.
const condChunk = 256

// node returns the node of condition c. The pointer is valid until the
// arena is reset.
func (a *arena) node(c cond) *condNode {
	return &a.conds[uint32(c)/condChunk][uint32(c)%condChunk]
}

// newCond adds a zero node of the given kind to the table and returns its
// index and the node, for the caller to fill in field by field (which,
// unlike copying a whole node, never waits on the stores just made).
func (g *gen) newCond(kind condKind) (cond, *condNode) {
	a := g.mem
	if a.ncond == 0 {
		a.ncond = 1 // noCond
	}
	c := cond(a.ncond)
	if int(uint32(c)/condChunk) == len(a.conds) {
		a.conds = append(a.conds, make([]condNode, condChunk))
	}
	a.ncond++
	x := a.node(c)
	*x = condNode{kind: kind}
	return c, x
}

// newBlock returns a block that runs s, then jumps on op comparing with k.
// The block keeps s, as a slice would: s must not change afterwards.
func (g *gen) newBlock(s []stmt, op uint16, k uint32) cond {
	c, x := g.newCond(kindBlock)
	x.op, x.k = op, k
	g.place(x, s)
	return c
}

// place makes s the statements of block x: where s is, if that is in the
// chunk being carved, else a copy carved from it.
func (g *gen) place(x *condNode, s []stmt) {
	x.n = int32(len(s))
	if len(s) == 0 {
		x.chunk, x.off = 0, 0
		return
	}
	last := len(g.mem.chunks) - 1
	if last >= 0 {
		c := g.mem.chunks[last]
		size := unsafe.Sizeof(stmt{})
		d := uintptr(unsafe.Pointer(unsafe.SliceData(s))) - uintptr(unsafe.Pointer(unsafe.SliceData(c)))
		if d%size == 0 && d/size+uintptr(len(s)) <= uintptr(len(c)) {
			x.chunk, x.off = int32(last), int32(d/size)
			return
		}
	}
	s = append(g.stmts(len(s)), s...)
	g.place(x, s)
}

// stmtsOf returns the statements of block x, with no room to append.
func (a *arena) stmtsOf(x *condNode) []stmt {
	if x.n == 0 {
		return nil
	}
	return a.chunks[x.chunk][x.off : x.off+x.n : x.off+x.n]
}

// blockStmts returns the statements of block c. Appending to the result
// copies it; setStmts makes a change part of the block.
func (g *gen) blockStmts(c cond) []stmt { return g.mem.stmtsOf(g.mem.node(c)) }

// setStmts makes s the statements of block c, as newBlock does.
func (g *gen) setStmts(c cond, s []stmt) { g.place(g.mem.node(c), s) }

// appendStmts appends s to *dst. When *dst has room it stores only the new
// length, where append would store the whole slice header and so, while
// the garbage collector marks, pay a write barrier for its pointer.
func appendStmts(dst *[]stmt, s []stmt) {
	n := len(*dst)
	if cap(*dst)-n < len(s) {
		*dst = append(*dst, s...)
		return
	}
	*dst = (*dst)[:n+len(s)]
	copy((*dst)[n:], s)
}

func (g *gen) and(a, b cond) cond {
	c, x := g.newCond(kindAnd)
	x.a, x.b = a, b
	return c
}

func (g *gen) or(a, b cond) cond {
	c, x := g.newCond(kindOr)
	x.a, x.b = a, b
	return c
}

func (g *gen) not(a cond) cond {
	c, x := g.newCond(kindNot)
	x.a = a
	return c
}

// newVal returns a new arithmetic value in the arena.
func (g *gen) newVal(s []stmt, reg int) *arthVal {
	v := alloc(&g.mem.vals)
	v.s, v.reg = s, reg
	return v
}

// stmts returns an empty slice with room for n statements, carved from the
// last chunk.
func (g *gen) stmts(n int) []stmt {
	last := len(g.mem.chunks) - 1
	if last < 0 || cap(g.mem.chunks[last])-len(g.mem.chunks[last]) < n {
		size := 64
		if last >= 0 {
			size = 1024
		}
		g.mem.chunks = append(g.mem.chunks, make([]stmt, 0, max(size, n)))
		last++
	}
	c := &g.mem.chunks[last]
	l := len(*c)
	*c = (*c)[:l+n]
	return (*c)[l : l : l+n]
}

// extend returns s with room for n more statements: s itself if it has
// the room, else a copy carved from the statement chunks.
func (g *gen) extend(s []stmt, n int) []stmt {
	if cap(s)-len(s) >= n {
		return s
	}
	return append(g.stmts(len(s)+n), s...)
}

// add appends more to s, growing it inside the statement chunks rather
// than on the heap.
func (g *gen) add(s []stmt, more ...stmt) []stmt {
	return append(g.extend(s, len(more)), more...)
}

// stmtList returns the statements s as a slice carved from the statement
// chunks.
func (g *gen) stmtList(s ...stmt) []stmt {
	return append(g.stmts(len(s)), s...)
}

// constBlock is libpcap's unconditional test: "ld #0; jeq #0" is true and
// "ld #1; jeq #0" false.
func (g *gen) constBlock(v bool) cond {
	k := uint32(1)
	if v {
		k = 0
	}
	return g.newBlock(g.stmtList(st(opLdImm, k)), opJeq, 0)
}

// compileState is what one compile needs besides its result and its
// parser: the generator, the arenas, and the emitter with its buffers.
// Compile takes one from statePool and gives it back, so that a typical
// compile reuses the chunks the previous one grew instead of allocating
// (and later collecting) them. The arenas live here rather than inside
// the generator and parser so that resetting those copies no chunks. The
// parser is a local variable of compile, on the goroutine stack, so there
// is no parser to reset.
type compileState struct {
	g    gen
	e    emitter
	gmem arena
	pmem parserArena
}

var statePool = sync.Pool{New: func() any {
	s := new(compileState)
	s.g.mem, s.e.mem = &s.gmem, &s.gmem
	return s
}}

// getState returns a compile state whose generator and emitter are zero
// apart from their empty arenas and buffers.
func getState() *compileState { return statePool.Get().(*compileState) }

// release releases the generator's lookup context, zeroes s, keeping the
// chunks and buffers that are not too large to hold on to, and returns it
// to the pool. Nothing of s may be used afterwards.
func (s *compileState) release() {
	s.g.releaseContext()
	s.g = gen{mem: &s.gmem}
	s.gmem.reset()
	s.pmem.reset()
	s.e.reset()
	statePool.Put(s)
}

// reset empties the emitter for the next compile; its arena stays.
func (e *emitter) reset() {
	keep(&e.items, keepMax)
	keep(&e.posBuf, keepMax)
	e.labels, e.n, e.limit = 0, 0, 0
}

// reset empties the generator's arena for the next compile. Of the
// statement chunks it keeps the last, the largest, if it is not too large.
func (a *arena) reset() {
	a.ncond = 0
	if len(a.conds) > 1 {
		clear(a.conds[1:])
		a.conds = a.conds[:1]
	}
	reuse(&a.vals, chunkMax)
	n := len(a.chunks)
	if n == 0 {
		return
	}
	if n > 1 {
		a.chunks[0] = a.chunks[n-1]
		clear(a.chunks[1:])
		a.chunks = a.chunks[:1]
	}
	keep(&a.chunks[0], keepMax)
	if a.chunks[0] == nil {
		a.chunks = a.chunks[:0]
	}
}

// reset empties the parser's arena for the next compile.
func (a *parserArena) reset() {
	reuse(&a.prims, chunkMax)
	reuse(&a.ands, chunkMax)
	reuse(&a.ors, chunkMax)
	reuse(&a.nots, chunkMax)
	reuse(&a.rels, chunkMax)
	reuse(&a.nums, chunkMax)
	reuse(&a.lens, chunkMax)
	reuse(&a.loads, chunkMax)
	reuse(&a.bins, chunkMax)
	reuse(&a.negs, chunkMax)
}

// keepMax is the most items of a buffer a released state keeps.
const keepMax = 8192

// reuse empties a chunk for the next compile: its items are zeroed, since
// alloc hands them out as new, and one of more than limit items is
// dropped.
func reuse[T any](c *[]T, limit int) {
	if cap(*c) <= limit {
		clear(*c)
	}
	keep(c, limit)
}

// keep empties a buffer that is only ever appended to, so that its old
// items need no zeroing, for the next compile; one of more than limit
// items is dropped. Emptying in place stores only the length: no write
// barrier.
func keep[T any](c *[]T, limit int) {
	if cap(*c) > limit {
		*c = nil
		return
	}
	*c = (*c)[:0]
}
