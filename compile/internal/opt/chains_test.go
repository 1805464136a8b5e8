package opt

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
)

// randomRun returns a program made of m copies of a random segment whose
// "jeq" tests get random constants in each copy (slots), followed by an
// accepting and a rejecting return. Segments jump within themselves, to
// their end, or to the returns; some read registers they did not write,
// and some slots' true branches stay in the segment, which the collapse
// must refuse.
func randomRun(r *rand.Rand, m int) []bpf.Instruction {
	l := 3 + r.IntN(10)
	type part struct {
		ins  bpf.Instruction
		abs  [2]int // -1: relative; 0: accept; 1: reject
		slot bool
	}
	seg := make([]part, l)
	// Usually one place after the run; sometimes both returns, which the
	// collapse must refuse.
	exit, exits := r.IntN(2), 1
	if r.IntN(4) == 0 {
		exits = 2
	}
	for i := range seg {
		kind := r.IntN(4)
		if i == 0 && r.IntN(4) > 0 {
			kind = 2 // most segments load A first
		}
		switch kind {
		case 0, 1:
			p := part{ins: bpf.Jump(OpJeq, uint32(r.IntN(8)), 0, 0), abs: [2]int{-1, -1}}
			if r.IntN(3) > 0 {
				p.slot = true
			}
			for j := range p.abs {
				if r.IntN(3) == 0 || p.slot && j == 0 {
					p.abs[j] = (exit + r.IntN(exits)) % 2
				} else {
					p.ins.Jt = uint8(r.IntN(l - i)) // within or to the end
					if j == 1 {
						p.ins.Jf = uint8(r.IntN(l - i))
					}
				}
			}
			seg[i] = p
		case 2:
			seg[i] = part{ins: bpf.Stmt(OpLdAbs|bpf.SizeB, uint32(r.IntN(16))), abs: [2]int{-2, -2}}
		default:
			ops := []uint16{OpLdxImm, OpTax, OpTxa, ALUK(bpf.ALUAnd), ALUK(bpf.ALUAdd), OpLdImm}
			seg[i] = part{ins: bpf.Stmt(ops[r.IntN(len(ops))], uint32(r.IntN(8))), abs: [2]int{-2, -2}}
		}
	}
	n := m*l + 2
	prog := make([]bpf.Instruction, 0, n)
	for c := 0; c < m; c++ {
		for _, p := range seg {
			ins := p.ins
			if p.slot {
				ins.K = uint32(r.IntN(32))
			}
			pc := len(prog)
			if p.abs[0] >= 0 {
				ins.Jt = uint8(min(255, n-2+p.abs[0]-pc-1))
			}
			if p.abs[1] >= 0 {
				ins.Jf = uint8(min(255, n-2+p.abs[1]-pc-1))
			}
			prog = append(prog, ins)
		}
	}
	return append(prog, bpf.Stmt(opRetK, 1), bpf.Stmt(opRetK, 0))
}

// TestRandomRunsMeanTheSame checks, on random runs, that the program with
// only its runs made sets gives the verdicts of the program as written
// wherever neither run ends early, and that the optimized program is
// valid. (libpcap's passes themselves, on random programs that are not
// generated code, do not always keep the meaning: that is not checked.)
func TestRandomRunsMeanTheSame(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	collapsed, compared := 0, 0
	pkt := make([]byte, 24)
	for i := 0; i < 400; i++ {
		prog := randomRun(r, 16+r.IntN(10))
		if _, err := bpf.NewVM(prog); err != nil {
			continue // a far jump clipped at 255
		}
		col, sets := collapseChains(prog)
		var plain []bpf.Instruction
		if len(sets) > 0 {
			plain = plainSets(col, sets)
			if plain == nil {
				// Only a program of a shape the passes never take.
				_, _, ok := buildCFG(prog, maxBlocks)
				require.False(t, ok, "collapsed but not laid out")
			} else {
				collapsed++
				if _, err := bpf.NewVM(plain); err != nil {
					t.Fatalf("%v:\n%s", err, bpf.Dump(plain, 1))
				}
			}
		}
		if opt, err := Optimize(prog, Options{}); err == nil {
			if _, err := bpf.NewVM(opt); err != nil {
				t.Fatalf("%v:\n%s", err, bpf.Dump(opt, 1))
			}
		}
		if plain == nil {
			continue
		}
		for range 300 {
			for j := range pkt {
				pkt[j] = byte(r.IntN(32))
			}
			cut := pkt[:8+r.IntN(17)]
			want, wo := bpf.Interpret(prog, cut, len(pkt), nil, nil)
			got, o := bpf.Interpret(plain, cut, len(pkt), nil, nil)
			if wo != bpf.Returned || o != bpf.Returned {
				continue
			}
			if got != want {
				t.Fatalf("%s\n->\n%s\npacket %x: got %d, want %d", bpf.Dump(prog, 1), bpf.Dump(plain, 1), cut, got, want)
			}
			compared++
		}
	}
	require.Greater(t, collapsed, 20)
	t.Logf("%d of 400 programs had runs; %d runs compared", collapsed, compared)
}
