package opt

import "math/bits"

// Large programs answer the dominance questions of the branch passes from
// dominator trees instead of the bit sets of opt_flow.go, whose size and
// per-round cost grow with the square of the program. The answers are the
// same: a block's dominators are its ancestors in the block dominator
// tree, an edge's dominating edges its ancestors in the edge tree, and
// blocks (and edges of blocks) outside the levels count as dominated by
// everything, as their all-ones bit sets do.

// lifting is a forest with binary-lifting ancestor tables (for nearest
// common ancestors while it is built) and depth-first intervals (for
// ancestor tests once it is complete).
type lifting struct {
	depth     []int32
	up        [][]int32 // up[j][x]: the 2^j-th ancestor of x, or -1
	pre, post []int32
	kids      []int32 // scratch: children by parent, see number
	start     []int32
}

func (l *lifting) init(n int) {
	levels := bits.Len(uint(n)) + 1
	if len(l.up) != levels || len(l.depth) != n {
		l.depth = make([]int32, n)
		l.up = make([][]int32, levels)
		for j := range l.up {
			l.up[j] = make([]int32, n)
		}
	}
	for j := range l.up {
		for i := range l.up[j] {
			l.up[j][i] = -1
		}
	}
}

// set makes p (or nothing, -1) the parent of x; p's ancestors must be set.
func (l *lifting) set(x int, p int32) {
	l.up[0][x] = p
	if p < 0 {
		l.depth[x] = 0
	} else {
		l.depth[x] = l.depth[p] + 1
	}
	for j := 1; j < len(l.up); j++ {
		if a := l.up[j-1][x]; a >= 0 {
			l.up[j][x] = l.up[j-1][a]
		} else {
			l.up[j][x] = -1
		}
	}
}

// lift returns the ancestor of x d generations up.
func (l *lifting) lift(x int32, d int32) int32 {
	for j := 0; d > 0 && x >= 0; j++ {
		if d&1 != 0 {
			x = l.up[j][x]
		}
		d >>= 1
	}
	return x
}

// lca returns the nearest common ancestor of a and b, or -1.
func (l *lifting) lca(a, b int32) int32 {
	if a < 0 || b < 0 {
		return -1
	}
	if l.depth[a] > l.depth[b] {
		a, b = b, a
	}
	b = l.lift(b, l.depth[b]-l.depth[a])
	if a == b {
		return a
	}
	for j := len(l.up) - 1; j >= 0; j-- {
		if l.up[j][a] != l.up[j][b] {
			a, b = l.up[j][a], l.up[j][b]
		}
	}
	return l.up[0][a]
}

// number gives the nodes depth-first intervals: a is an ancestor of x
// when x's interval lies within a's.
func (l *lifting) number() {
	n := len(l.depth)
	if len(l.pre) != n {
		l.pre, l.post = make([]int32, n), make([]int32, n)
		l.kids, l.start = make([]int32, n), make([]int32, n+2)
	}
	clear(l.start)
	parent := l.up[0]
	for x := 0; x < n; x++ {
		l.start[parent[x]+2]++ // roots (parent -1) first
	}
	for i := 1; i < len(l.start); i++ {
		l.start[i] += l.start[i-1]
	}
	for x := 0; x < n; x++ {
		p := parent[x] + 1
		l.kids[l.start[p]] = int32(x)
		l.start[p]++
	}
	// Now the children of p (p+1 in start) are kids[start[p] : start[p+1]].
	children := func(p int32) []int32 {
		lo := int32(0)
		if p+1 > 0 {
			lo = l.start[p]
		}
		return l.kids[lo:l.start[p+1]]
	}
	clock := int32(0)
	type frame struct {
		x    int32
		next int
	}
	var stack []frame
	for _, r := range children(-1) {
		stack = append(stack[:0], frame{r, 0})
		l.pre[r] = clock
		clock++
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			kids := children(f.x)
			if f.next < len(kids) {
				c := kids[f.next]
				f.next++
				l.pre[c] = clock
				clock++
				stack = append(stack, frame{c, 0})
				continue
			}
			l.post[f.x] = clock
			clock++
			stack = stack[:len(stack)-1]
		}
	}
}

// isAncestor reports whether a is x or an ancestor of x.
func (l *lifting) isAncestor(a, x int32) bool {
	return l.pre[a] <= l.pre[x] && l.post[x] <= l.post[a]
}

// findDomTrees builds both trees from the levels and the in-edges.
func (o *optimizer) findDomTrees() {
	o.findInedges()
	o.domTree.init(len(o.blocks))
	o.edomTree.init(len(o.edges))
	for i := o.root.level; i >= 0; i-- {
		for b := o.levels[i]; b != nil; b = b.link {
			// A block's dominators: itself and those common to all
			// its predecessors. An edge's dominating edges: itself and
			// those common to all edges into its block.
			idom, iedom := int32(-1), int32(-1)
			if b != o.root {
				first := true
				for e := b.inEdges; e != nil; e = e.next {
					if first {
						idom, iedom = int32(e.pred.id), int32(e.id)
						first = false
						continue
					}
					idom = o.domTree.lca(idom, int32(e.pred.id))
					iedom = o.edomTree.lca(iedom, int32(e.id))
				}
			}
			o.domTree.set(b.id, idom)
			o.edomTree.set(b.et.id, iedom)
			o.edomTree.set(b.ef.id, iedom)
		}
	}
	o.domTree.number()
	o.edomTree.number()
}

// dominates reports whether block a is among block d's dominators.
func (o *optimizer) dominates(a, d *oblock) bool {
	if !o.useTrees {
		return bitHas(d.dom, a.id)
	}
	if d.mark != o.levelMark {
		return true
	}
	return a.mark == o.levelMark && o.domTree.isAncestor(int32(a.id), int32(d.id))
}

// edgeDominates reports whether edge k is among edge e's dominating edges.
func (o *optimizer) edgeDominates(k int, e *oedge) bool {
	if !o.useTrees {
		return bitHas(e.edom, k)
	}
	if e.pred.mark != o.levelMark {
		return true
	}
	return o.edges[k].pred.mark == o.levelMark && o.edomTree.isAncestor(int32(k), int32(e.id))
}
