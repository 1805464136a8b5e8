package compile

import (
	"testing"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
	"github.com/stretchr/testify/require"
)

// TestStateReuse compiles expressions between others that leave the
// pooled compile state in every shape (large chunks, a syntax error and a
// code generation error mid-way) and checks the programs never change.
func TestStateReuse(t *testing.T) {
	exprs := []string{"ip", "tcp port 80 and host 10.0.0.1", "ether host aa:bb:cc:dd:ee:ff or ip6 net fe80::/10", "udp[8:2] > 3 and not icmp"}
	between := []string{hostChain(3000), "tcp and (", "ip proto 300", "host 1.2.3.4 and port 70000", "vlan and ip6 protochain 6"}
	for _, optimize := range []bool{false, true} {
		opts := Options{Optimize: optimize}
		want := make([]string, len(exprs))
		for i, e := range exprs {
			prog, err := Compile(e, linktype.Ethernet, opts)
			require.NoError(t, err, e)
			want[i] = bpf.Dump(prog, 1)
		}
		for _, b := range between {
			_, _ = Compile(b, linktype.Ethernet, opts)
			for i, e := range exprs {
				prog, err := Compile(e, linktype.Ethernet, opts)
				require.NoError(t, err, e)
				require.Equal(t, want[i], bpf.Dump(prog, 1), "%q after %.40q", e, b)
			}
		}
	}
}
