package opt_test

import (
	"testing"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/compile/internal/opt"
	"github.com/purepcap/pcap/linktype"
)

// BenchmarkOptimizeSmall times the optimizer alone on typical small
// filters, the fixed cost per program that dominates compiling them.
func BenchmarkOptimizeSmall(b *testing.B) {
	exprs := []string{
		"host 10.0.0.1",
		"tcp port 80",
		"tcp and (port 80 or port 443)",
		"not arp and not (udp port 53)",
		"src net 192.168.0.0/16 and dst port 22",
		"ip6 and tcp and port 443 or tcp[tcpflags] & tcp-syn != 0",
		"vlan and host 10.1.2.3",
		"icmp or icmp6",
	}
	progs := make([][]bpf.Instruction, len(exprs))
	for i, e := range exprs {
		p, err := compile.Compile(e, linktype.Ethernet, compile.Options{})
		if err != nil {
			b.Fatal(e, err)
		}
		if _, err := opt.Optimize(p, opt.Options{}); err != nil {
			b.Fatal(e, err)
		}
		progs[i] = p
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range progs {
			if _, err := opt.Optimize(p, opt.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
