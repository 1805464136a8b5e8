package compile_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
)

// runChecked runs prog over pkt as libpcap's bpf_filter does, with bpf's
// reference interpreter, and also reports whether the run ended early: a
// load past the end of the packet, a division by a zero X, or an
// ancillary load.
func runChecked(prog []bpf.Instruction, pkt []byte, wire int) (ret uint32, early bool) {
	v, o := bpf.Interpret(prog, pkt, wire, nil, nil)
	return v, o != bpf.Returned
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
