package compile_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
)

// runChecked runs prog over pkt as libpcap's bpf_filter does and also
// reports whether the run ended early: a load past the end of the packet,
// a division by a zero X, or an ancillary load.
func runChecked(prog []bpf.Instruction, pkt []byte, wire int) (ret uint32, early bool) {
	var a, x uint32
	var mem [16]uint32
	load := func(k uint32, size uint16) (uint32, bool) {
		n := uint32(4)
		switch size {
		case bpf.SizeH:
			n = 2
		case bpf.SizeB:
			n = 1
		}
		if uint64(k)+uint64(n) > uint64(len(pkt)) {
			return 0, false
		}
		var v uint32
		for i := uint32(0); i < n; i++ {
			v = v<<8 | uint32(pkt[k+i])
		}
		return v, true
	}
	for pc := 0; pc < len(prog); pc++ {
		ins := prog[pc]
		op := ins.Op
		switch op & bpf.ClassMask {
		case bpf.ClassLD, bpf.ClassLDX:
			var v uint32
			switch op & bpf.ModeMask {
			case bpf.ModeIMM:
				v = ins.K
			case bpf.ModeLEN:
				v = uint32(wire)
			case bpf.ModeMEM:
				v = mem[ins.K]
			case bpf.ModeABS, bpf.ModeIND:
				k := ins.K
				if op&bpf.ModeMask == bpf.ModeIND {
					k += x
				}
				var ok bool
				if v, ok = load(k, op&bpf.SizeMask); !ok {
					return 0, true
				}
			case bpf.ModeMSH:
				b, ok := load(ins.K, bpf.SizeB)
				if !ok {
					return 0, true
				}
				v = 4 * (b & 0xf)
			}
			if op&bpf.ClassMask == bpf.ClassLD {
				a = v
			} else {
				x = v
			}
		case bpf.ClassST:
			mem[ins.K] = a
		case bpf.ClassSTX:
			mem[ins.K] = x
		case bpf.ClassALU:
			v := ins.K
			if op&bpf.SrcMask == bpf.SrcX {
				v = x
			}
			switch op & bpf.ALUOpMask {
			case bpf.ALUAdd:
				a += v
			case bpf.ALUSub:
				a -= v
			case bpf.ALUMul:
				a *= v
			case bpf.ALUDiv, bpf.ALUMod:
				if v == 0 {
					return 0, true
				}
				if op&bpf.ALUOpMask == bpf.ALUDiv {
					a /= v
				} else {
					a %= v
				}
			case bpf.ALUAnd:
				a &= v
			case bpf.ALUOr:
				a |= v
			case bpf.ALUXor:
				a ^= v
			case bpf.ALULsh:
				a <<= v & 31
			case bpf.ALURsh:
				a >>= v & 31
			case bpf.ALUNeg:
				a = -a
			}
		case bpf.ClassJMP:
			if op&bpf.JumpOpMask == bpf.JumpJA {
				pc += int(ins.K)
				continue
			}
			v := ins.K
			if op&bpf.SrcMask == bpf.SrcX {
				v = x
			}
			var c bool
			switch op & bpf.JumpOpMask {
			case bpf.JumpJEQ:
				c = a == v
			case bpf.JumpJGT:
				c = a > v
			case bpf.JumpJGE:
				c = a >= v
			case bpf.JumpJSET:
				c = a&v != 0
			}
			if c {
				pc += int(ins.Jt)
			} else {
				pc += int(ins.Jf)
			}
		case bpf.ClassRET:
			if op&bpf.RetMask == bpf.RetA {
				return a, false
			}
			return ins.K, false
		case bpf.ClassMISC:
			if op&bpf.MiscOpMask == bpf.MiscTAX {
				x = a
			} else {
				a = x
			}
		}
	}
	return 0, true
}

// TestOptimizedMeansTheSame checks, over random expressions and the
// captures of every link type (each packet as captured and padded to 4096
// bytes), that the optimized program gives the unoptimized program's
// verdict whenever neither run ends early. (Where one does, the optimizer
// may legitimately differ: it drops, reorders and hoists loads, as
// libpcap's does.) "expression rejects all packets" must only be reported
// for programs that reject every packet.
func TestOptimizedMeansTheSame(t *testing.T) {
	caps := diffCaptures(t)
	cases := diffRandomCases(77, 600, caps)
	checked := 0
	for _, c := range cases {
		un, err := compile.Compile(c.expr, c.lt, compile.Options{})
		if err != nil {
			continue
		}
		opt, oerr := compile.Compile(c.expr, c.lt, compile.Options{Optimize: true})
		var ce *compile.Error
		if oerr != nil {
			require.True(t, errors.As(oerr, &ce), "%v: %v", c, oerr)
		} else {
			_, verr := bpf.NewVM(opt)
			require.NoError(t, verr, "%v: optimized program invalid", c)
		}
		padded := make([]byte, 4096)
		for i, p := range caps[c.lt].packets {
			long := p.data
			if len(p.data) < len(padded) {
				clear(padded)
				copy(padded, p.data)
				long = padded
			}
			for _, pkt := range [][]byte{p.data, long} {
				want, early := runChecked(un, pkt, max(p.wire, len(pkt)))
				if early {
					continue
				}
				if oerr != nil {
					require.Zero(t, want, "%v: %v, but packet %d accepted", c, oerr, i)
					continue
				}
				got, optEarly := runChecked(opt, pkt, max(p.wire, len(pkt)))
				if optEarly {
					// libpcap's optimizer may hoist a load above the test
					// that guarded it (IPV6 "!0 = icmp6[27]" loads [67]
					// before checking the next header), so the optimized
					// run can end early where the unoptimized one did not.
					continue
				}
				require.Equal(t, want, got, "%v: packet %d (len %d)", c, i, len(pkt))
				checked++
			}
		}
	}
	t.Logf("%d cases, %d packet runs compared", len(cases), checked)
}
