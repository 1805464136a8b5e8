package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

// multiIface is an interface of multiIfaceCapture: its link type and
// snaplen.
type multiIface struct {
	lt      linktype.Type
	snaplen int
}

// multiIfaceSections are the sections of multiIfaceCapture: interfaces of
// several link types, one link type twice with different snaplens, and a
// second section whose interface list starts again in another order.
var multiIfaceSections = [][]multiIface{
	{{linktype.Ethernet, 65535}, {linktype.Raw, 65535}, {linktype.Ethernet, 200}, {linktype.LinuxSLL, 65535}},
	{{linktype.Raw, 1000}, {linktype.LinuxSLL, 65535}, {linktype.Ethernet, 65535}},
}

// ipv4Packet returns an IPv4 packet, UDP to port 53 or TCP to port 80,
// whose payload marks it with tag.
func ipv4Packet(udp bool, tag byte) []byte {
	proto, l4 := byte(6), make([]byte, 20)
	l4[2], l4[3] = 0, 80
	l4[12] = 5 << 4
	if udp {
		proto, l4 = 17, make([]byte, 8)
		l4[2], l4[3] = 0, 53
		l4[5] = 8 + 4
	}
	p := []byte{0x45, 0, 0, byte(20 + len(l4) + 4), 0, 0, 0x40, 0, 64, proto, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}
	return append(append(p, l4...), tag, tag, tag, tag)
}

// framePacket wraps an IPv4 packet in lt's link-layer header.
func framePacket(lt linktype.Type, ip []byte) []byte {
	switch lt {
	case linktype.Ethernet:
		return append([]byte{2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0}, ip...)
	case linktype.LinuxSLL:
		return append([]byte{0, 0, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0, 8, 0}, ip...)
	}
	return ip
}

// taggedPacket is a packet of multiIfaceCapture: its section, interface
// and data, and whether "udp" matches it.
type taggedPacket struct {
	section, iface int
	data           []byte
	udp            bool
}

// multiIfaceCapture writes a pcapng file of multiIfaceSections to dir,
// with n packets on each interface (UDP and TCP in turn, the interfaces
// interleaved), and returns its name and packets in file order.
func multiIfaceCapture(t testing.TB, dir string, n int) (string, []taggedPacket) {
	t.Helper()
	var buf bytes.Buffer
	var pkts []taggedPacket
	ts := time.Unix(1700000000, 0)
	tag := byte(0)
	for s, ifs := range multiIfaceSections {
		w, err := savefile.NewNGWriter(&buf, savefile.NGWriterOptions{FlushInterval: -1})
		require.NoError(t, err)
		for _, in := range ifs {
			_, err := w.AddInterface(savefile.Interface{LinkType: in.lt, Snaplen: in.snaplen, TSResol: 9})
			require.NoError(t, err)
		}
		for i := range n {
			for id, in := range ifs {
				udp := (i+id)%2 == 0
				data := framePacket(in.lt, ipv4Packet(udp, tag))
				tag++
				ts = ts.Add(time.Millisecond)
				ci := savefile.CaptureInfo{Timestamp: ts, CaptureLength: len(data), Length: len(data), InterfaceIndex: id}
				require.NoError(t, w.WritePacket(ci, data))
				pkts = append(pkts, taggedPacket{section: s, iface: id, data: data, udp: udp})
			}
		}
		require.NoError(t, w.Close())
	}
	name := filepath.Join(dir, "multi.pcapng")
	require.NoError(t, os.WriteFile(name, buf.Bytes(), 0o644))
	return name, pkts
}

// openMultiIface opens a multiIfaceCapture of n packets per interface
// (closed when tb ends) and returns pcapdump's filters for "udp" on it.
func openMultiIface(tb testing.TB, n int) (*savefile.Reader, []taggedPacket, func([]byte, int) bool, *ifaceFilters) {
	tb.Helper()
	name, pkts := multiIfaceCapture(tb, tb.TempDir(), n)
	c := &config{expr: "udp", exprGiven: true, optimize: true}
	r, err := savefile.Open(name, savefile.ReaderOptions{})
	require.NoError(tb, err)
	tb.Cleanup(func() { r.Close() })
	match, err := packetFilter(c, r.LinkType(), r.Snaplen())
	require.NoError(tb, err)
	return r, pkts, match, newIfaceFilters(c, r.LinkType(), match)
}

// TestIfaceFilters checks the filters of a pcapng input's interfaces: each
// interface of each section gets the filter of its own link type, compiled
// once for that link type, and a new section starts a new list.
func TestIfaceFilters(t *testing.T) {
	r, pkts, _, f := openMultiIface(t, 3)
	for i, p := range pkts {
		data, ci, err := r.ZeroCopyReadPacketData()
		require.NoError(t, err)
		require.Equal(t, p.data, data, "packet %d", i)
		ok, err := f.match(r, &ci, data)
		require.NoError(t, err)
		assert.Equal(t, p.udp, ok, "packet %d (section %d, interface %d)", i, p.section, p.iface)
		assert.Equal(t, r.Sections(), f.sections, "packet %d", i)
		assert.Len(t, f.ifaces, len(multiIfaceSections[p.section]), "packet %d: one filter slot per interface of the section", i)
	}
	_, _, err := r.ZeroCopyReadPacketData()
	require.Equal(t, io.EOF, err)
	assert.Len(t, f.byType, 3, "one compiled filter per link type")
	for id, in := range multiIfaceSections[1] {
		require.NotNil(t, f.ifaces[id])
		assert.Equal(t, f.byType[in.lt](pkts[0].data, 0), f.ifaces[id](pkts[0].data, 0), "interface %d has its link type's filter", id)
	}

	// The per-packet path allocates nothing.
	data, ci := pkts[len(pkts)-1].data, savefile.CaptureInfo{InterfaceIndex: len(multiIfaceSections[1]) - 1, Length: len(pkts[len(pkts)-1].data)}
	allocs := testing.AllocsPerRun(100, func() { f.match(r, &ci, data) })
	assert.Zero(t, allocs)
}

// TestRewritePcapngFiltered runs pcapdump -r IN.pcapng -w OUT.pcapng udp on
// a capture of two sections whose interfaces differ in link type: OUT
// holds exactly the UDP packets, in order, and, where tcpdump is
// installed, for each interface the packets tcpdump -r -w keeps of that
// interface's packets alone (tcpdump cannot read the mixed file).
func TestRewritePcapngFiltered(t *testing.T) {
	dir := t.TempDir()
	in, pkts := multiIfaceCapture(t, dir, 4)
	out := filepath.Join(dir, "out.pcapng")
	msg, err := pcapdumpCmd("-r", in, "-w", out, "udp").CombinedOutput()
	require.NoError(t, err, "%s", msg)

	r, err := savefile.Open(out, savefile.ReaderOptions{})
	require.NoError(t, err)
	defer r.Close()
	var got [][]byte
	for data := range r.Packets() {
		got = append(got, bytes.Clone(data))
	}
	require.NoError(t, r.Err())
	var want [][]byte
	for _, p := range pkts {
		if p.udp {
			want = append(want, p.data)
		}
	}
	assert.Equal(t, want, got)

	tcpdump := testutil.OptionalTool(t, "tcpdump")
	if tcpdump == "" {
		return
	}
	var tcpWant [][]byte
	for s, ifs := range multiIfaceSections {
		for id, ifc := range ifs {
			one := filepath.Join(dir, "one.pcap")
			f, err := os.Create(one)
			require.NoError(t, err)
			w, err := savefile.NewWriter(f, savefile.WriterOptions{LinkType: ifc.lt, Snaplen: ifc.snaplen})
			require.NoError(t, err)
			for _, p := range pkts {
				if p.section == s && p.iface == id {
					require.NoError(t, w.WritePacket(savefile.CaptureInfo{Timestamp: time.Unix(1, 0), CaptureLength: len(p.data), Length: len(p.data)}, p.data))
				}
			}
			require.NoError(t, w.Close())
			require.NoError(t, f.Close())
			kept := filepath.Join(dir, "kept.pcap")
			msg, err := exec.Command(tcpdump, "-Z", "root", "-r", one, "-w", kept, "udp").CombinedOutput()
			require.NoError(t, err, "%s", msg)
			for _, p := range packetsOf(t, readFile(t, kept), true) {
				tcpWant = append(tcpWant, p.Data)
			}
		}
	}
	// tcpdump's packets come interface by interface: compare as sets
	// (every packet is distinct).
	assert.ElementsMatch(t, tcpWant, got)
}

// BenchmarkIfaceFilters measures the per-packet filter choice and run of
// pcapdump -r IN.pcapng -w OUT.pcapng with a filter, over the interfaces
// of the last section of multiIfaceCapture.
func BenchmarkIfaceFilters(b *testing.B) {
	r, pkts, match, filters := openMultiIface(b, 8)
	for range r.Packets() {
	}
	require.NoError(b, r.Err())
	var cis []savefile.CaptureInfo
	var datas [][]byte
	for _, p := range pkts {
		if p.section == len(multiIfaceSections)-1 {
			cis = append(cis, savefile.CaptureInfo{InterfaceIndex: p.iface, Length: len(p.data), CaptureLength: len(p.data)})
			datas = append(datas, p.data)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := range b.N {
		k := i % len(cis)
		ok, err := offlineMatch(r, true, match, filters, &cis[k], datas[k])
		if err != nil {
			b.Fatal(err)
		}
		if ok {
			n++
		}
	}
	if n == 0 {
		b.Fatal("no packet matched")
	}
}
