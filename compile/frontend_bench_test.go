package compile

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/purepcap/pcap/linktype"
)

// frontEndExprs are typical short filters, the kind most users type.
var frontEndExprs = []string{
	"ip[9] = 47",
	"tcp and port 22",
	"host 10.0.0.1 and (udp or icmp)",
	"not vlan and ip",
	"ether[12:2] = 0x0800",
	"len = len",
	"icmp or icmp6",
	"src net 192.168.0.0/16 and dst port 22",
}

// BenchmarkFrontEnd times the front end alone (scanner, parser, code
// generator and emitter, no optimizer) on typical short expressions:
// the fixed cost of one Compile call.
func BenchmarkFrontEnd(b *testing.B) {
	for _, expr := range frontEndExprs {
		b.Run(expr, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Compile(expr, linktype.Ethernet, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestFrontEndAllocs checks that an unoptimized compile of a typical
// expression allocates only the program it returns. (A garbage collection
// that empties the state pool during the run adds a few allocations, hence
// the margin below 2.)
func TestFrontEndAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop states at random")
	}
	for _, expr := range frontEndExprs {
		allocs := testing.AllocsPerRun(200, func() {
			if _, err := Compile(expr, linktype.Ethernet, Options{}); err != nil {
				t.Fatal(err)
			}
		})
		assert.Less(t, allocs, 1.5, "allocations per compile of %q", expr)
	}
}
