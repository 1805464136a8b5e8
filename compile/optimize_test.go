package compile

import (
	"strings"
	"testing"

	"github.com/purepcap/pcap/linktype"
)

func hostChain(n int) string {
	var sb strings.Builder
	sb.WriteString("host 10.0.0.1")
	for i := 1; i < n; i++ {
		sb.WriteString(" or 10.0.")
		sb.WriteString(itoa(i / 256))
		sb.WriteString(".")
		sb.WriteString(itoa(i % 256))
	}
	return sb.String()
}

func BenchmarkCompileOptimized(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Compile("tcp port 80 and host 10.0.0.1", linktype.Ethernet, Options{Optimize: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileOptimizedSize shows how compile time with the optimizer
// grows with the length of a host or-chain: faster than linearly, as with
// libpcap, up to the optimizer's limits (see opt.DefaultBudget and the block limit;
// 3000 hosts are past them and compile unoptimized).
func BenchmarkCompileOptimizedSize(b *testing.B) {
	for _, n := range []int{10, 30, 100, 300, 3000} {
		expr := hostChain(n)
		b.Run(itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Compile(expr, linktype.Ethernet, Options{Optimize: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkOptimizeChain100(b *testing.B) { benchOptimize(b, hostChain(100)) }

func BenchmarkOptimizeTypical(b *testing.B) { benchOptimize(b, "tcp port 80 and host 10.0.0.1") }

// benchOptimize measures optimizing the unoptimized program of expr.
func benchOptimize(b *testing.B, expr string) {
	prog, err := Compile(expr, linktype.Ethernet, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := optimize(prog); err != nil {
			b.Fatal(err)
		}
	}
}
