package bpf

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	xbpf "golang.org/x/net/bpf"
)

// Benchmarks of the VM against golang.org/x/net/bpf's VM, on libpcap's
// programs (testdata/bench/*.ddd, from tcpdump -ddd) over a mix of real and
// synthetic Ethernet packets (testdata/bench/packets.pcap). One op is one
// packet. bench/bpf/run.sh times libpcap's C bpf_filter on the same
// programs and packets.

const benchDir = "testdata/bench"

type benchProgram struct {
	name string
	prog []Instruction
}

func loadBench(b testing.TB) ([]benchProgram, []testPacket) {
	data, err := os.ReadFile(filepath.Join(benchDir, "programs.txt"))
	require.NoError(b, err)
	var progs []benchProgram
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		file, _, _ := strings.Cut(line, "\t")
		text, err := os.ReadFile(filepath.Join(benchDir, file))
		require.NoError(b, err)
		prog, err := ParseDDD(string(text))
		require.NoError(b, err)
		progs = append(progs, benchProgram{strings.TrimSuffix(file, ".ddd"), prog})
	}
	pkts, err := readTestPcap(filepath.Join(benchDir, "packets.pcap"))
	require.NoError(b, err)
	return progs, pkts
}

// ring hands out the benchmark packets in turn, endlessly.
type ring struct {
	pkts []testPacket
	j    int
}

func (r *ring) next() *testPacket {
	p := &r.pkts[r.j]
	if r.j++; r.j == len(r.pkts) {
		r.j = 0
	}
	return p
}

// bothMachines returns our VM and x/net/bpf's for prog.
func bothMachines(tb testing.TB, prog []Instruction) (*VM, *xbpf.VM) {
	vm, err := NewVM(prog)
	require.NoError(tb, err)
	insns, ok := Disassemble(prog)
	require.True(tb, ok)
	xvm, err := xbpf.NewVM(insns)
	require.NoError(tb, err)
	return vm, xvm
}

func BenchmarkVM(b *testing.B) {
	progs, pkts := loadBench(b)
	for _, p := range progs {
		vm, xvm := bothMachines(b, p.prog)
		b.Run(p.name+"/purepcap", func(b *testing.B) {
			b.ReportAllocs()
			r := ring{pkts: pkts}
			var sink uint32
			for i := 0; i < b.N; i++ {
				pkt := r.next()
				sink += vm.Run(pkt.data, pkt.wireLen)
			}
			_ = sink
		})
		b.Run(p.name+"/xnet", func(b *testing.B) {
			b.ReportAllocs()
			r := ring{pkts: pkts}
			var sink int
			for i := 0; i < b.N; i++ {
				n, _ := xvm.Run(r.next().data)
				sink += n
			}
			_ = sink
		})
	}
}

// TestBenchAgreesWithXNet checks that both machines agree on the benchmark
// inputs, so the benchmark compares equal work.
func TestBenchAgreesWithXNet(t *testing.T) {
	progs, pkts := loadBench(t)
	accepted := 0
	for _, p := range progs {
		vm, xvm := bothMachines(t, p.prog)
		for i, pkt := range pkts {
			want, err := xvm.Run(pkt.data)
			require.NoError(t, err)
			got := vm.Run(pkt.data, len(pkt.data))
			require.Equal(t, uint32(want), got, "%s packet %d", p.name, i)
			if got != 0 {
				accepted++
			}
		}
	}
	require.NotZero(t, accepted)
}

// TestBenchPackets regenerates testdata/bench/packets.pcap with -update: real
// packets of several kinds from the differential test's Ethernet captures,
// plus synthetic HTTP, DNS and VLAN packets that the programs accept.
func TestBenchPackets(t *testing.T) {
	if !*update {
		_, err := os.Stat(filepath.Join(benchDir, "packets.pcap"))
		require.NoError(t, err)
		return
	}
	real, err := readTestPcap(filepath.Join(machineDir, "EN10MB.pcap"))
	require.NoError(t, err)
	want := map[string]int{"tcp4": 6, "udp4": 4, "ip6": 2, "arp": 1}
	var pkts []testPacket
	for _, p := range real {
		if len(p.data) < 34 || len(p.data) > 1514 {
			continue
		}
		kind := ""
		switch binary.BigEndian.Uint16(p.data[12:]) {
		case 0x0800:
			switch p.data[23] {
			case 6:
				kind = "tcp4"
			case 17:
				kind = "udp4"
			}
		case 0x86dd:
			kind = "ip6"
		case 0x0806:
			kind = "arp"
		}
		if want[kind] > 0 {
			want[kind]--
			pkts = append(pkts, p)
		}
	}
	http := httpPacket()
	dns := httpPacket()
	dns[14+9] = 17
	dns[34+2], dns[34+3] = 0, 53
	host := httpPacket()
	host[34+2], host[34+3] = 0x1f, 0x90
	copy(host[14+16:], []byte{10, 0, 0, 1})
	vlan := append(append(append([]byte{}, http[:12]...), 0x81, 0x00, 0x00, 100), http[12:]...)
	ip6 := make([]byte, 14+40+20)
	copy(ip6, http[:12])
	ip6[12], ip6[13] = 0x86, 0xdd
	ip6[14] = 0x60
	ip6[14+6] = 6
	ip6[14+7] = 64
	ip6[14+40+3] = 80
	for _, p := range [][]byte{http, dns, host, vlan, ip6} {
		pkts = append(pkts, testPacket{data: p, wireLen: len(p)})
	}
	require.NoError(t, writeTestPcap(filepath.Join(benchDir, "packets.pcap"), 1, pkts))
}

// BenchmarkCorpus runs every Ethernet program of the differential test over
// every Ethernet packet; one op is one (program, packet) run. Programs that
// x/net/bpf refuses (backward jumps) are left out of both.
func BenchmarkCorpus(b *testing.B) {
	pkts, err := readTestPcap(filepath.Join(machineDir, "EN10MB.pcap"))
	require.NoError(b, err)
	var ours []*VM
	var theirs []*xbpf.VM
	for _, c := range readMachineCases(b) {
		if c.lt != "EN10MB" {
			continue
		}
		prog, err := ParseDDD(c.ddd)
		require.NoError(b, err)
		insns, ok := Disassemble(prog)
		require.True(b, ok)
		xvm, err := xbpf.NewVM(insns)
		if err != nil {
			continue
		}
		vm, err := NewVM(prog)
		require.NoError(b, err)
		ours, theirs = append(ours, vm), append(theirs, xvm)
	}
	b.Run("purepcap", func(b *testing.B) {
		b.ReportAllocs()
		p, k := 0, 0
		for i := 0; i < b.N; i++ {
			ours[p].Run(pkts[k].data, pkts[k].wireLen)
			if k++; k == len(pkts) {
				k = 0
				if p++; p == len(ours) {
					p = 0
				}
			}
		}
	})
	b.Run("xnet", func(b *testing.B) {
		b.ReportAllocs()
		p, k := 0, 0
		for i := 0; i < b.N; i++ {
			theirs[p].Run(pkts[k].data)
			if k++; k == len(pkts) {
				k = 0
				if p++; p == len(theirs) {
					p = 0
				}
			}
		}
	})
}
