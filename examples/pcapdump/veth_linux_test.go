//go:build linux

package main

// Live captures on a veth pair between two network namespaces the tests
// create (internal/testutil.NewVeth), run as root: what pcapdump captures,
// promiscuous mode, -Q, -i any, -D and a VLAN filter, checked against
// tcpdump where it is installed. (These tests lived in the root package;
// they run the command, so they live with it.)

import (
	"bytes"
	"encoding/binary"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	pcap "github.com/purepcap/pcap"
	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/internal/testutil/testcap"
	"github.com/purepcap/pcap/linktype"
)

// startPcapdump runs pcapdump in namespace ns and waits until it says it
// is listening.
func startPcapdump(t *testing.T, ns string, args ...string) *capture {
	t.Helper()
	return startCapture(t, ns, false, args...)
}

// pcapdumpIn runs pcapdump in namespace ns to its end and returns its
// output.
func pcapdumpIn(t *testing.T, ns string, args ...string) string {
	t.Helper()
	cmd := exec.Command("ip", append([]string{"netns", "exec", ns, os.Args[0]}, args...)...)
	cmd.Env = append(os.Environ(), "PCAPDUMP_TEST_MAIN=1")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "pcapdump %v: %s", args, out)
	return string(out)
}

// wait waits for pcapdump to exit by itself, with status 0, and returns
// its stderr.
func (c *capture) wait(t *testing.T, timeout time.Duration) string {
	t.Helper()
	select {
	case err := <-c.done:
		c.done <- err
		require.NoError(t, err, c.output())
	case <-time.After(timeout):
		t.Fatalf("pcapdump did not finish:\n%s", c.output())
	}
	return c.output()
}

// stopWith sends sig, waits for pcapdump to exit with status 0 and returns
// its stderr.
func (c *capture) stopWith(t *testing.T, sig os.Signal) string {
	t.Helper()
	require.NoError(t, c.stop(t, sig), c.output())
	return c.output()
}

var statsRE = regexp.MustCompile(`(?m)^\n?(\d+) packets? captured\n(\d+) packets? received by filter\n(\d+) packets? dropped by kernel\n`)

// parseStats returns tcpdump's three numbers from pcapdump's stderr.
func parseStats(t *testing.T, stderr string) (captured, received, dropped int) {
	t.Helper()
	m := statsRE.FindStringSubmatch(stderr)
	require.NotNil(t, m, "no statistics in:\n%s", stderr)
	captured, _ = strconv.Atoi(m[1])
	received, _ = strconv.Atoi(m[2])
	dropped, _ = strconv.Atoi(m[3])
	return
}

// readCapture returns the link type and packets of a savefile.
func readCapture(t *testing.T, path string) (linktype.Type, [][]byte) {
	t.Helper()
	lt, pkts, err := testcap.Read(path)
	require.NoError(t, err)
	var out [][]byte
	for _, p := range pkts {
		out = append(out, p.Data)
	}
	return lt, out
}

// ipv4Src returns the IPv4 source of an Ethernet frame, or nil.
func ipv4Src(pkt []byte) net.IP {
	if len(pkt) < 34 || binary.BigEndian.Uint16(pkt[12:]) != 0x0800 {
		return nil
	}
	return net.IP(pkt[26:30])
}

// blast sends n UDP datagrams of size bytes to dst from socket c, pausing
// now and then so that the capture keeps up.
func blast(t *testing.T, c *net.UDPConn, dst *net.UDPAddr, n, size int) {
	t.Helper()
	payload := make([]byte, size)
	for i := 0; i < n; i++ {
		binary.BigEndian.PutUint32(payload, uint32(i))
		if _, err := c.WriteToUDP(payload, dst); err != nil {
			t.Errorf("send: %v", err)
			return
		}
		if i%200 == 199 {
			time.Sleep(time.Millisecond)
		}
	}
}

// packetWriter opens a handle on the peer end, for injecting frames.
func packetWriter(t *testing.T, v *testutil.Veth) *pcap.Handle {
	t.Helper()
	p, err := pcap.NewInactiveHandle(v.PeerIf)
	require.NoError(t, err)
	require.NoError(t, p.SetBufferSize(64<<10))
	// Receive nothing: this handle only sends.
	require.NoError(t, p.SetBPFInstructionFilter([]bpf.Instruction{bpf.Stmt(bpf.ClassRET|bpf.RetK, 0)}))
	var h *pcap.Handle
	testutil.InNS(t, v.PeerNS, func() { h, err = p.Activate() })
	require.NoError(t, err)
	t.Cleanup(func() { h.Close() })
	return h
}

var foreignMAC = net.HardwareAddr{0x02, 0x00, 0x5e, 0x10, 0x20, 0x30}

// sendForeignFrames writes n UDP frames addressed to foreignMAC from the
// peer end with an AF_PACKET socket.
func sendForeignFrames(t *testing.T, v *testutil.Veth, n int) {
	t.Helper()
	w := packetWriter(t, v)
	for i := 0; i < n; i++ {
		require.NoError(t, w.WritePacketData(testutil.UDPFrame(foreignMAC, v.PeerMAC, v.PeerIP, v.CapIP, 9999, nil, 0)))
	}
}

// Acceptance 1: every one of 20,000 datagrams to port 9 is captured, and
// none of the traffic sent alongside; libpcap reads the file.
func TestPcapdumpCaptures20000(t *testing.T) {
	v := testutil.NewVeth(t)
	out := filepath.Join(t.TempDir(), "f.pcap")
	r := startPcapdump(t, v.CapNS, "-i", v.CapIf, "-c", "20000", "-w", out, "udp and dst port 9")

	c9 := testutil.UDPSender(t, v.PeerNS, v.PeerIP)
	other := testutil.UDPSender(t, v.PeerNS, v.PeerIP)
	local := testutil.UDPSender(t, v.CapNS, v.CapIP) // outbound traffic from the capture side
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the other traffic: port 10 inbound, port 7 outbound
		defer wg.Done()
		b := make([]byte, 32)
		for {
			select {
			case <-stop:
				return
			default:
			}
			other.WriteToUDP(b, &net.UDPAddr{IP: v.CapIP, Port: 10})
			local.WriteToUDP(b, &net.UDPAddr{IP: v.PeerIP, Port: 7})
			time.Sleep(100 * time.Microsecond)
		}
	}()
	blast(t, c9, &net.UDPAddr{IP: v.CapIP, Port: 9}, 20000, 18)
	stderr := r.wait(t, time.Minute)
	close(stop)
	wg.Wait()

	captured, received, dropped := parseStats(t, stderr)
	assert.Equal(t, 20000, captured)
	assert.GreaterOrEqual(t, received, 20000)
	assert.Equal(t, 0, dropped)
	lt, pkts := readCapture(t, out)
	assert.Equal(t, linktype.Ethernet, lt)
	require.Len(t, pkts, 20000)
	for i, p := range pkts {
		require.Equal(t, 9, testutil.UDPDstPort(p), "packet %d", i)
		require.Equal(t, uint32(i), binary.BigEndian.Uint32(p[42:]), "packet %d out of order", i)
	}
	if tcpdump := testutil.OptionalTool(t, "tcpdump"); tcpdump != "" {
		res, err := exec.Command(tcpdump, "-r", out, "--count").CombinedOutput()
		require.NoError(t, err, "%s", res)
		assert.Contains(t, string(res), "20000 packets")
	}
}

// Acceptance 2: the device is promiscuous while pcapdump captures, unless
// -p is given, and not afterwards.
func TestPcapdumpPromisc(t *testing.T) {
	v := testutil.NewVeth(t)
	for _, tc := range []struct {
		args []string
		want int
	}{{nil, 1}, {[]string{"-p"}, 0}} {
		require.Equal(t, 0, testutil.Promiscuity(t, v.CapNS, v.CapIf))
		out := filepath.Join(t.TempDir(), "f.pcap")
		r := startPcapdump(t, v.CapNS, append(tc.args, "-i", v.CapIf, "-w", out)...)
		assert.Equal(t, tc.want, testutil.Promiscuity(t, v.CapNS, v.CapIf), "args %v", tc.args)
		// Frames to a foreign MAC are seen only in promiscuous mode.
		sendForeignFrames(t, v, 5)
		time.Sleep(1500 * time.Millisecond) // the 1 s ring block timeout hands them over
		stderr := r.stopWith(t, syscall.SIGTERM)
		captured, received, _ := parseStats(t, stderr)
		assert.GreaterOrEqual(t, received, captured)
		_, pkts := readCapture(t, out)
		foreign := 0
		for _, p := range pkts {
			if len(p) >= 6 && bytes.Equal(p[:6], foreignMAC) {
				foreign++
			}
		}
		if tc.want == 1 {
			assert.Equal(t, 5, foreign, "promiscuous capture sees frames to other hosts")
		}
		assert.Equal(t, 0, testutil.Promiscuity(t, v.CapNS, v.CapIf))
	}
}

// Acceptance 3: -Q in sees only what arrives, -Q out only what leaves.
func TestPcapdumpDirection(t *testing.T) {
	v := testutil.NewVeth(t)
	in := testutil.UDPSender(t, v.PeerNS, v.PeerIP)
	outc := testutil.UDPSender(t, v.CapNS, v.CapIP)
	for _, dir := range []string{"in", "out", "inout"} {
		out := filepath.Join(t.TempDir(), "f.pcap")
		r := startPcapdump(t, v.CapNS, "-Q", dir, "-i", v.CapIf, "-w", out)
		for i := 0; i < 20; i++ {
			in.WriteToUDP([]byte("in"), &net.UDPAddr{IP: v.CapIP, Port: 5000})
			outc.WriteToUDP([]byte("out"), &net.UDPAddr{IP: v.PeerIP, Port: 5001})
		}
		time.Sleep(1500 * time.Millisecond) // the 1 s ring block timeout hands them over
		r.stopWith(t, os.Interrupt)
		_, pkts := readCapture(t, out)
		var nin, nout int
		for _, p := range pkts {
			switch src := ipv4Src(p); {
			case src.Equal(v.PeerIP):
				nin++
			case src.Equal(v.CapIP):
				nout++
			}
		}
		switch dir {
		case "in":
			assert.GreaterOrEqual(t, nin, 20)
			assert.Equal(t, 0, nout)
		case "out":
			assert.Equal(t, 0, nin)
			assert.GreaterOrEqual(t, nout, 20)
		default:
			assert.GreaterOrEqual(t, nin, 20)
			assert.GreaterOrEqual(t, nout, 20)
		}
	}
}

// Acceptance 5: -i any captures as LINUX_SLL, with the cooked header.
func TestPcapdumpAny(t *testing.T) {
	v := testutil.NewVeth(t)
	out := filepath.Join(t.TempDir(), "f.pcap")
	// Without -y, the second cooked format, as tcpdump 4.99 asks for it.
	r := startPcapdump(t, v.CapNS, "-i", "any", "-c", "10", "-w", out)
	assert.Contains(t, r.output(), "pcapdump: data link type LINUX_SLL2\n")
	assert.Contains(t, r.output(), "listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes")
	c := testutil.UDPSender(t, v.PeerNS, v.PeerIP)
	for i := 0; i < 10; i++ {
		c.WriteToUDP([]byte("x"), &net.UDPAddr{IP: v.CapIP, Port: 5000})
	}
	r.wait(t, 30*time.Second)
	lt, pkts := readCapture(t, out)
	assert.Equal(t, linktype.LinuxSLL2, lt)
	require.Len(t, pkts, 10)
	for _, p := range pkts {
		assert.Equal(t, uint16(0x0800), binary.BigEndian.Uint16(p[0:]), "protocol in the SLL2 header")
		assert.Equal(t, uint8(0x45), p[20], "IPv4 header after the SLL2 header")
	}

	// -y LINUX_SLL selects the first cooked format.
	r = startPcapdump(t, v.CapNS, "-i", "any", "-y", "LINUX_SLL", "-c", "10", "-w", out)
	assert.Contains(t, r.output(), "link-type LINUX_SLL (Linux cooked v1)")
	for i := 0; i < 10; i++ {
		c.WriteToUDP([]byte("x"), &net.UDPAddr{IP: v.CapIP, Port: 5000})
	}
	r.wait(t, 30*time.Second)
	lt, pkts = readCapture(t, out)
	assert.Equal(t, linktype.LinuxSLL, lt)
	require.Len(t, pkts, 10)
	for _, p := range pkts {
		require.GreaterOrEqual(t, len(p), 16+20)
		assert.Equal(t, uint16(0x0800), binary.BigEndian.Uint16(p[14:]), "protocol in the SLL header")
		assert.Equal(t, uint8(0x45), p[16], "IPv4 header after the SLL header")
	}
}

// -D lists the namespace's devices as tcpdump -D does: same order, same
// flags and descriptions (tcpdump also lists non-network capture sources,
// such as D-Bus, that pcapdump does not offer).
func TestPcapdumpListDevices(t *testing.T) {
	v := testutil.NewVeth(t)
	// More kinds of device: a veth pair that is down, and a tun device
	// (ARPHRD_NONE, point-to-point).
	testutil.Run(t, "ip", "-n", v.CapNS, "link", "add", "pxa0", "type", "veth", "peer", "name", "pxb0")
	testutil.Run(t, "ip", "-n", v.CapNS, "tuntap", "add", "dev", "ptun0", "mode", "tun")
	ours := pcapdumpIn(t, v.CapNS, "-D")
	tcpdump := testutil.OptionalTool(t, "tcpdump")
	if tcpdump == "" {
		assert.Contains(t, ours, v.CapIf+" [Up, Running, Connected]")
		return
	}
	theirs := testutil.Run(t, "ip", "netns", "exec", v.CapNS, tcpdump, "-D")
	strip := func(out string) []string {
		var lines []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			_, rest, _ := strings.Cut(l, ".")
			lines = append(lines, rest)
		}
		return lines
	}
	o, th := strip(ours), strip(theirs)
	names := map[string]bool{}
	for _, l := range o {
		names[strings.Fields(l)[0]] = true
	}
	var filtered []string
	for _, l := range th {
		if names[strings.Fields(l)[0]] {
			filtered = append(filtered, l)
		}
	}
	assert.Equal(t, filtered, o)
}

// Acceptance 4, with the filter: "vlan 42 and udp" matches the tagged
// traffic in the kernel, and the file gets the tag.
func TestPcapdumpVLAN(t *testing.T) {
	v := testutil.NewVeth(t)
	out := filepath.Join(t.TempDir(), "f.pcap")
	r := startPcapdump(t, v.CapNS, "-i", v.CapIf, "-c", "10", "-w", out, "vlan 42 and udp")
	w := packetWriter(t, v)
	c := testutil.UDPSender(t, v.PeerNS, v.PeerIP)
	var frames [][]byte
	for i := 0; i < 10; i++ {
		c.WriteToUDP([]byte("untagged"), &net.UDPAddr{IP: v.CapIP, Port: 9})
		require.NoError(t, w.WritePacketData(testutil.UDPFrame(v.CapMAC, v.PeerMAC, v.PeerIP, v.CapIP, 9, nil, 0x8100, 43)))
		f := testutil.UDPFrame(v.CapMAC, v.PeerMAC, v.PeerIP, v.CapIP, 9, []byte{byte(i)}, 0x8100, 42)
		frames = append(frames, f)
		require.NoError(t, w.WritePacketData(f))
	}
	r.wait(t, 30*time.Second)
	_, pkts := readCapture(t, out)
	assert.Equal(t, frames, pkts)
}
