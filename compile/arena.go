package compile

import (
	"sync"
	"unsafe"
)

// The generator allocates its condition nodes and statement lists in
// chunks, so that compiling a typical expression costs a few slices rather
// than an object per test. Nodes are never freed one by one: a chunk lives
// as long as something points into it.

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

// arena holds the generator's chunks.
type arena struct {
	blocks []block
	ands   []andCond
	ors    []orCond
	nots   []notCond
	vals   []arthVal
	buf    []stmt // statement lists, carved by stmts
}

func (g *gen) newBlock(s []stmt, op uint16, k uint32) *block {
	b := alloc(&g.mem.blocks)
	b.stmts, b.op, b.k = s, op, k
	return b
}

func (g *gen) and(a, b cond) cond {
	c := alloc(&g.mem.ands)
	c.a, c.b = a, b
	return c
}

func (g *gen) or(a, b cond) cond {
	c := alloc(&g.mem.ors)
	c.a, c.b = a, b
	return c
}

// newVal returns a new arithmetic value in the arena.
func (g *gen) newVal(s []stmt, reg int) *arthVal {
	v := alloc(&g.mem.vals)
	v.s, v.reg = s, reg
	return v
}

func (g *gen) not(x cond) cond {
	c := alloc(&g.mem.nots)
	c.c = x
	return c
}

// stmts returns an empty slice with room for n statements, carved from a
// shared buffer.
func (g *gen) stmts(n int) []stmt {
	if cap(g.mem.buf)-len(g.mem.buf) < n {
		size := 64
		if g.mem.buf != nil {
			size = 1024
		}
		g.mem.buf = make([]stmt, 0, max(size, n))
	}
	l := len(g.mem.buf)
	g.mem.buf = g.mem.buf[:l+n]
	return g.mem.buf[l : l : l+n]
}

// extend returns s with room for n more statements: s itself if it has
// the room, else a copy carved from the shared buffer.
func (g *gen) extend(s []stmt, n int) []stmt {
	if cap(s)-len(s) >= n {
		return s
	}
	return append(g.stmts(len(s)+n), s...)
}

// add appends more to s, growing it inside the shared buffer rather than
// on the heap.
func (g *gen) add(s []stmt, more ...stmt) []stmt {
	return append(g.extend(s, len(more)), more...)
}

// stmtList returns the statements s as a slice carved from the shared
// buffer.
func (g *gen) stmtList(s ...stmt) []stmt {
	return append(g.stmts(len(s)), s...)
}

// constBlock is libpcap's unconditional test: "ld #0; jeq #0" is true and
// "ld #1; jeq #0" false.
func (g *gen) constBlock(v bool) *block {
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
// parser is a local variable of compile: on the goroutine stack, the
// strings it keeps for each token cost no write barriers.
type compileState struct {
	g    gen
	e    emitter
	gmem arena
	pmem parserArena
}

var statePool = sync.Pool{New: func() any {
	s := new(compileState)
	s.g.mem = &s.gmem
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
	s.e = emitter{items: keep(s.e.items, keepMax), posBuf: keep(s.e.posBuf, keepMax)}
	statePool.Put(s)
}

// reset empties the generator's arena for the next compile.
func (a *arena) reset() {
	a.blocks = reuse(a.blocks, chunkMax)
	a.ands = reuse(a.ands, chunkMax)
	a.ors = reuse(a.ors, chunkMax)
	a.nots = reuse(a.nots, chunkMax)
	a.vals = reuse(a.vals, chunkMax)
	a.buf = keep(a.buf, keepMax)
}

// reset empties the parser's arena for the next compile.
func (a *parserArena) reset() {
	a.prims = reuse(a.prims, chunkMax)
	a.ands = reuse(a.ands, chunkMax)
	a.ors = reuse(a.ors, chunkMax)
	a.nots = reuse(a.nots, chunkMax)
	a.rels = reuse(a.rels, chunkMax)
	a.nums = reuse(a.nums, chunkMax)
	a.lens = reuse(a.lens, chunkMax)
	a.loads = reuse(a.loads, chunkMax)
	a.bins = reuse(a.bins, chunkMax)
	a.negs = reuse(a.negs, chunkMax)
}

// keepMax is the most items of a buffer a released state keeps.
const keepMax = 8192

// reuse empties a chunk for the next compile: its items are zeroed, since
// alloc hands them out as new, and one of more than limit items is
// dropped.
func reuse[T any](c []T, limit int) []T {
	if cap(c) > limit {
		return nil
	}
	clear(c)
	return c[:0]
}

// keep empties a buffer that is only ever appended to, so that its old
// items need no zeroing, for the next compile; one of more than limit
// items is dropped.
func keep[T any](c []T, limit int) []T {
	if cap(c) > limit {
		return nil
	}
	return c[:0]
}
