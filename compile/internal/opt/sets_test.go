package opt

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
)

func TestSpans(t *testing.T) {
	assert.Equal(t, []span{{1, 3}, {5, 5}, {7, 8}}, spans(set{members: []uint32{1, 2, 3, 5, 7, 8}, step: 1}))
	// /24 networks: neighbours are 256 apart.
	assert.Equal(t, []span{{0x0a000000, 0x0a000200}, {0x0a000400, 0x0a000400}},
		spans(set{members: []uint32{0x0a000000, 0x0a000100, 0x0a000200, 0x0a000400}, step: 0x100}))
	// No wrap past the top.
	assert.Equal(t, []span{{0, 0}, {0xffffffff, 0xffffffff}}, spans(set{members: []uint32{0, 0xffffffff}, step: 1}))
}

// searchProgram lays out a search of s returning 1 for members, 0 else.
func searchProgram(s set) []bpf.Instruction {
	var sb searchBuilder
	in := sb.block(opRetK, 1, nil, nil)
	out := sb.block(opRetK, 0, nil, nil)
	root := sb.search(s, in, out)
	o := &optimizer{graph: graph{root: root}}
	return o.linearize(embeddedJumps)
}

// TestSearch checks searches against membership, for sets of every shape:
// singletons, ranges, masked values, the whole value space.
func TestSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	for i := 0; i < 300; i++ {
		step := uint32(1)
		if r.IntN(3) == 0 {
			step = 1 << (8 * uint(1+r.IntN(3)))
		}
		n := 1 + r.IntN(200)
		in := map[uint32]bool{}
		var members []uint32
		base := r.Uint32() / step * step
		for range n {
			v := base + uint32(r.IntN(3*n))*step
			if r.IntN(4) == 0 {
				v = r.Uint32() / step * step
			}
			if !in[v] {
				in[v] = true
				members = append(members, v)
			}
		}
		s := set{members: members, step: step}
		slices.Sort(s.members)
		prog := searchProgram(s)
		vm, err := bpf.NewVM(append([]bpf.Instruction{{Op: OpLdAbs | bpf.SizeW}}, prog...))
		require.NoError(t, err)
		pkt := make([]byte, 4)
		try := func(v uint32) {
			if v%step != 0 {
				return // masked values only
			}
			pkt[0], pkt[1], pkt[2], pkt[3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
			if got := vm.Run(pkt, 4) == 1; got != in[v] {
				t.Fatalf("%d members, step %#x: %#x: got %v\n%s", len(members), step, v, got, bpf.Dump(prog, 1))
			}
		}
		for _, m := range members {
			try(m)
			try(m + step)
			try(m - step)
		}
		for range 50 {
			try(r.Uint32() / step * step)
		}
		require.LessOrEqual(t, len(prog), 2*len(members)+4+len(members)/8)
	}
	// Every value a member: the search is a plain jump.
	all := searchProgram(set{members: []uint32{0, 1 << 31}, step: 1 << 31})
	assert.Equal(t, bpf.Dump([]bpf.Instruction{{Op: OpJa}, {Op: opRetK, K: 1}}, 1), bpf.Dump(all, 1))
}
