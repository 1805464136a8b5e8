package compile_test

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/compile/internal/opt"
	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/linktype"
)

// Block lists compile to set searches (compile/internal/opt/chains.go and
// sets.go). These tests check that the programs mean what libpcap's mean on
// packets made to hit every member, its neighbours and non-members, over
// IPv4 (fragments and IP options included), IPv6, ARP and RARP, and on
// every truncated copy of them.

// minSetMembers is the shortest list the optimizer makes a set of.
const minSetMembers = opt.MinSetMembers

// setList joins n terms made by term with "or".
func setList(n int, term func(i int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = term(i)
	}
	return strings.Join(parts, " or ")
}

// setCase is a block-list expression and the values its packets use.
type setCase struct {
	name  string
	expr  string
	addrs []uint32 // IPv4 addresses to put in packets
	ports []uint16
}

func randAddr(r *rand.Rand) uint32 { return r.Uint32() }

// setCases returns block-list expressions with n members each.
func setCases(r *rand.Rand, n int) []setCase {
	addrs := make([]uint32, n)
	ports := make([]uint16, n)
	nets := make([]uint32, n)
	for i := range addrs {
		addrs[i] = randAddr(r)
		ports[i] = uint16(r.IntN(65536))
		nets[i] = r.Uint32() & 0xffffff00
	}
	// Adjacent members merge into ranges.
	for i := 0; i < n/3; i++ {
		addrs[i] = 0x0a000000 + uint32(i)
		ports[i] = uint16(1000 + i)
		nets[i] = 0xc0a80000 + uint32(i)<<8
	}
	ip := func(a uint32) string { return fmt.Sprintf("%d.%d.%d.%d", a>>24, a>>16&255, a>>8&255, a&255) }
	hosts := func(q string) string { return setList(n, func(i int) string { return q + " " + ip(addrs[i]) }) }
	portsOf := func(q string) string {
		return setList(n, func(i int) string { return fmt.Sprintf("%s %d", q, ports[i]) })
	}
	netsOf := func(q string) string {
		return setList(n, func(i int) string { return fmt.Sprintf("%s %s/24", q, ip(nets[i])) })
	}
	allAddrs := append(append([]uint32{}, addrs...), nets...)
	return []setCase{
		{"hosts", hosts("host"), addrs, ports},
		{"src hosts", hosts("src host"), addrs, ports},
		{"ip dst hosts", hosts("ip dst host"), addrs, ports},
		{"not hosts", "not (" + hosts("host") + ")", addrs, ports},
		{"ports", portsOf("port"), addrs, ports},
		{"src ports", portsOf("src port"), addrs, ports},
		{"tcp dst ports", portsOf("tcp dst port"), addrs, ports},
		{"nets", netsOf("net"), nets, ports},
		{"not src nets", "not (" + netsOf("src net") + ")", nets, ports},
		{"mixed", "(tcp or udp) and (" + portsOf("dst port") + ") and not (" + netsOf("src net") + ")", allAddrs, ports},
		{"hosts and ports", "(" + hosts("host") + ") and (" + portsOf("port") + ")", addrs, ports},
	}
}

// setPackets returns Ethernet frames whose addresses and ports are the
// members, their neighbours and random values.
func setPackets(r *rand.Rand, c setCase, count int) [][]byte {
	pick32 := func() uint32 {
		switch r.IntN(4) {
		case 0:
			return r.Uint32()
		case 1:
			return c.addrs[r.IntN(len(c.addrs))] + 1
		case 2:
			return c.addrs[r.IntN(len(c.addrs))] - 1
		}
		return c.addrs[r.IntN(len(c.addrs))] | uint32(r.IntN(2))*uint32(r.IntN(256))
	}
	pick16 := func() uint16 {
		p := c.ports[r.IntN(len(c.ports))]
		switch r.IntN(4) {
		case 0:
			return uint16(r.IntN(65536))
		case 1:
			return p + 1
		case 2:
			return p - 1
		}
		return p
	}
	protos := []byte{6, 17, 132, 1}
	var out [][]byte
	for len(out) < count {
		eth := make([]byte, 14, 128)
		proto := protos[r.IntN(len(protos))]
		var pkt []byte
		switch r.IntN(5) {
		case 0, 1: // IPv4, sometimes with options or a fragment
			binary.BigEndian.PutUint16(eth[12:], 0x0800)
			ihl := 5 + r.IntN(2)
			ipv4 := make([]byte, 4*ihl)
			ipv4[0] = byte(0x40 | ihl)
			switch r.IntN(4) {
			case 0:
				binary.BigEndian.PutUint16(ipv4[6:], uint16(1+r.IntN(100))) // later fragment
			case 1:
				binary.BigEndian.PutUint16(ipv4[6:], 0x2000) // first fragment
			}
			ipv4[9] = proto
			binary.BigEndian.PutUint32(ipv4[12:], pick32())
			binary.BigEndian.PutUint32(ipv4[16:], pick32())
			pkt = append(append(eth, ipv4...), l4(pick16(), pick16())...)
		case 2: // IPv6
			binary.BigEndian.PutUint16(eth[12:], 0x86dd)
			ipv6 := make([]byte, 40)
			ipv6[0] = 0x60
			ipv6[6] = proto
			for i := 8; i < 40; i++ {
				ipv6[i] = byte(r.IntN(256))
			}
			pkt = append(append(eth, ipv6...), l4(pick16(), pick16())...)
		default: // ARP or RARP
			et := uint16(0x0806)
			if r.IntN(2) == 0 {
				et = 0x8035
			}
			binary.BigEndian.PutUint16(eth[12:], et)
			arp := make([]byte, 28)
			binary.BigEndian.PutUint16(arp[0:], 1)
			binary.BigEndian.PutUint16(arp[2:], 0x0800)
			arp[4], arp[5] = 6, 4
			binary.BigEndian.PutUint32(arp[14:], pick32())
			binary.BigEndian.PutUint32(arp[24:], pick32())
			pkt = append(eth, arp...)
		}
		out = append(out, pkt)
	}
	return out
}

func l4(sport, dport uint16) []byte {
	b := make([]byte, 20)
	binary.BigEndian.PutUint16(b[0:], sport)
	binary.BigEndian.PutUint16(b[2:], dport)
	return b
}

// setRunner runs a program, with a VM where it validates (length limit)
// and bpf's reference interpreter otherwise.
type setRunner struct {
	prog []bpf.Instruction
	vm   *bpf.VM
}

func newSetRunner(prog []bpf.Instruction) setRunner {
	vm, err := bpf.NewVM(prog)
	if err != nil {
		vm = nil
	}
	return setRunner{prog, vm}
}

func (s setRunner) run(pkt []byte, wire int) uint32 {
	if s.vm != nil {
		return s.vm.Run(pkt, wire)
	}
	v, _ := bpf.Interpret(s.prog, pkt, wire, nil, nil)
	return v
}

// libpcapProgram returns tcpdump's optimized program for expr, or nil when
// tcpdump is not installed.
func libpcapProgram(t *testing.T, expr string) []bpf.Instruction {
	if testutil.OptionalTool(t, "tcpdump") == "" {
		return nil
	}
	out, err := exec.Command("tcpdump", "-ddd", "-y", "EN10MB", "--", expr).Output()
	require.NoError(t, err, expr)
	prog, err := bpf.ParseDDD(string(out))
	require.NoError(t, err)
	return prog
}

// checkSetCase compares ours with ref on every packet and every truncated
// copy, and returns the number of runs compared.
func checkSetCase(t *testing.T, c setCase, ours, ref []bpf.Instruction, pkts [][]byte, what string) int {
	a, b := newSetRunner(ours), newSetRunner(ref)
	runs := 0
	for _, p := range pkts {
		for n := len(p); n >= 0; n-- {
			want, got := b.run(p[:n], len(p)), a.run(p[:n], len(p))
			if want != got {
				t.Fatalf("%s (%d insns) vs %s (%d insns): packet %x cut to %d: got %d, want %d", c.name, len(ours), what, len(ref), p, n, got, want)
			}
			runs++
		}
	}
	return runs
}

// TestSetsAgainstLibpcap checks the set programs of 20- and 60-member
// lists against libpcap's optimized programs on every truncated copy of
// the packets, and those of 300-member lists against the unoptimized
// programs on whole packets. (libpcap's optimizer takes seconds to minutes
// on 300 members; its unoptimized program is no reference for truncated
// packets, as the optimizer reorders loads: "host A or host B" tests both
// source addresses before it loads the destination, and so does the set.)
func TestSetsAgainstLibpcap(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 20))
	sizes := []int{20, 60, 300}
	if testing.Short() {
		sizes = sizes[:1]
	}
	runs, cases := 0, 0
	for _, n := range sizes {
		for _, c := range setCases(r, n) {
			ours, err := compile.Compile(c.expr, linktype.Ethernet, compile.Options{Optimize: true})
			require.NoError(t, err, c.name)
			un, err := compile.Compile(c.expr, linktype.Ethernet, compile.Options{})
			require.NoError(t, err, c.name)
			require.True(t, slices.ContainsFunc(ours, func(ins bpf.Instruction) bool { return ins.Op == bpf.ClassJMP|bpf.JumpJGT }),
				"%s (%d members): no search", c.name, n)
			pkts := setPackets(r, c, 300)
			if n <= 60 {
				if ref := libpcapProgram(t, c.expr); ref != nil {
					runs += checkSetCase(t, c, ours, ref, pkts, "libpcap")
				}
			}
			a, b := newSetRunner(ours), newSetRunner(un)
			for _, p := range pkts {
				require.Equal(t, b.run(p, len(p)), a.run(p, len(p)), "%s: %x", c.name, p)
			}
			cases++
		}
	}
	t.Logf("%d set cases, %d packet runs compared with libpcap", cases, runs)
}

// TestSetsFitTheKernel checks the sizes the block lists compile to: a
// thousand members fit in the kernel's 4096 instructions, and a program
// grows by no more than about 4 instructions per member.
func TestSetsFitTheKernel(t *testing.T) {
	r := rand.New(rand.NewPCG(30, 40))
	for _, c := range setCases(r, 1000) {
		prog, err := compile.Compile(c.expr, linktype.Ethernet, compile.Options{Optimize: true})
		require.NoError(t, err, c.name)
		require.LessOrEqual(t, len(prog), bpf.MaxInstructions, c.name)
		_, err = bpf.NewVM(prog)
		require.NoError(t, err, c.name)
	}
}

// blockListExprs are the block lists of the benchmark, by name.
func blockListExprs(r *rand.Rand, n int) map[string]string {
	ip := func() string { return fmt.Sprintf("%d.%d.%d.%d", r.IntN(256), r.IntN(256), r.IntN(256), r.IntN(256)) }
	return map[string]string{
		"hosts":      setList(n, func(int) string { return "host " + ip() }),
		"src-hosts":  setList(n, func(int) string { return "src host " + ip() }),
		"ports":      setList(n, func(i int) string { return fmt.Sprintf("port %d", 1+i%65535) }),
		"rand-ports": setList(n, func(int) string { return fmt.Sprintf("port %d", r.IntN(65536)) }),
	}
}

// BenchmarkBlockList shows how compile time (optimizer on) and program
// length (insns/op) grow with the size of a block list.
func BenchmarkBlockList(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10000} {
		exprs := blockListExprs(rand.New(rand.NewPCG(uint64(n), 1)), n)
		for _, name := range []string{"hosts", "src-hosts", "ports", "rand-ports"} {
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				var prog []bpf.Instruction
				for b.Loop() {
					var err error
					if prog, err = compile.Compile(exprs[name], linktype.Ethernet, compile.Options{Optimize: true}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(len(prog)), "insns")
			})
		}
	}
}

// TestSetsOnCaptures checks lists of the addresses and ports seen in the
// Ethernet capture against libpcap's optimized programs, on its packets
// and their first 80 truncated copies.
func TestSetsOnCaptures(t *testing.T) {
	c := diffCaptures(t)[linktype.Ethernet]
	var addrs []uint32
	var ports []uint16
	seenA, seenP := map[uint32]bool{}, map[uint16]bool{}
	for _, p := range c.packets {
		d := p.data
		if len(d) < 38 || binary.BigEndian.Uint16(d[12:]) != 0x0800 {
			continue
		}
		for _, a := range []uint32{binary.BigEndian.Uint32(d[26:]), binary.BigEndian.Uint32(d[30:])} {
			if !seenA[a] {
				seenA[a] = true
				addrs = append(addrs, a)
			}
		}
		if off := 14 + 4*int(d[14]&0xf); (d[23] == 6 || d[23] == 17) && len(d) >= off+4 {
			for _, q := range []uint16{binary.BigEndian.Uint16(d[off:]), binary.BigEndian.Uint16(d[off+2:])} {
				if !seenP[q] {
					seenP[q] = true
					ports = append(ports, q)
				}
			}
		}
	}
	require.GreaterOrEqual(t, len(addrs), 2*minSetMembers)
	require.GreaterOrEqual(t, len(ports), 2*minSetMembers)
	addrs, ports = addrs[:min(len(addrs), 40)], ports[:min(len(ports), 40)]
	ip := func(a uint32) string { return fmt.Sprintf("%d.%d.%d.%d", a>>24, a>>16&255, a>>8&255, a&255) }
	// Every other one, so that some packets match and some do not.
	half := func(n int, term func(i int) string) string {
		return setList(n/2, func(i int) string { return term(2 * i) })
	}
	exprs := []string{
		half(len(addrs), func(i int) string { return "host " + ip(addrs[i]) }),
		half(len(addrs), func(i int) string { return "src host " + ip(addrs[i]) }),
		half(len(ports), func(i int) string { return fmt.Sprintf("port %d", ports[i]) }),
		"not (" + half(len(ports), func(i int) string { return fmt.Sprintf("tcp dst port %d", ports[i]) }) + ")",
	}
	runs := 0
	for _, expr := range exprs {
		ours, err := compile.Compile(expr, linktype.Ethernet, compile.Options{Optimize: true})
		require.NoError(t, err)
		ref := libpcapProgram(t, expr)
		if ref == nil {
			t.Skip("tcpdump not installed")
		}
		a, b := newSetRunner(ours), newSetRunner(ref)
		for i, p := range c.packets {
			for n := len(p.data); n >= 0 && n >= len(p.data)-80; n-- {
				want, got := b.run(p.data[:n], p.wire), a.run(p.data[:n], p.wire)
				require.Equal(t, want, got, "%.60s: packet %d cut to %d", expr, i, n)
				runs++
			}
		}
	}
	t.Logf("%d packet runs compared with libpcap", runs)
}

// BenchmarkBlockListTargets compiles, optimizer on, the block lists whose
// targets issue 10 sets (each under a second; up to 1,000 members within
// the kernel's 4096 instructions).
func BenchmarkBlockListTargets(b *testing.B) {
	r := rand.New(rand.NewPCG(99, 1))
	ip := func() string { return fmt.Sprintf("%d.%d.%d.%d", r.IntN(256), r.IntN(256), r.IntN(256), r.IntN(256)) }
	hosts := func(n int) string {
		return setList(n, func(i int) string { return fmt.Sprintf("host 10.0.%d.%d", i/256, i%256) })
	}
	targets := []struct{ name, expr string }{
		{"300-hosts", hosts(300)},
		{"1000-ports-1..1000", setList(1000, func(i int) string { return fmt.Sprintf("port %d", i+1) })},
		{"1000-random-ports", setList(1000, func(int) string { return fmt.Sprintf("port %d", r.IntN(65536)) })},
		{"2000-random-hosts", setList(2000, func(int) string { return "host " + ip() })},
		{"mixed-300-ports-200-nets", "(tcp or udp) and (" +
			setList(300, func(int) string { return fmt.Sprintf("dst port %d", r.IntN(65536)) }) + ") and not (" +
			setList(200, func(int) string { return fmt.Sprintf("src net %d.%d.0.0/16", r.IntN(256), r.IntN(256)) }) + ")"},
		{"10000-random-src-hosts", setList(10000, func(int) string { return "src host " + ip() })},
	}
	for _, tc := range targets {
		b.Run(tc.name, func(b *testing.B) {
			var prog []bpf.Instruction
			for b.Loop() {
				var err error
				if prog, err = compile.Compile(tc.expr, linktype.Ethernet, compile.Options{Optimize: true}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(prog)), "insns")
		})
	}
}
