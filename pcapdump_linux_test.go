//go:build linux

package pcap

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
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

	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
)

var (
	pcapdumpOnce sync.Once
	pcapdumpBin  string
	pcapdumpErr  error
)

// pcapdumpPath builds examples/pcapdump once per test binary.
func pcapdumpPath(t testing.TB) string {
	t.Helper()
	pcapdumpOnce.Do(func() {
		dir, err := os.MkdirTemp("", "pcapdump-test")
		if err != nil {
			pcapdumpErr = err
			return
		}
		pcapdumpBin = filepath.Join(dir, "pcapdump")
		out, err := exec.Command("go", "build", "-o", pcapdumpBin, "./examples/pcapdump").CombinedOutput()
		if err != nil {
			pcapdumpErr = errors.New(string(out))
		}
	})
	require.NoError(t, pcapdumpErr)
	return pcapdumpBin
}

// requireCompiler skips tests whose filter expressions the compiler can't
// handle yet.
func requireCompiler(t testing.TB, exprs ...string) {
	t.Helper()
	for _, e := range exprs {
		if _, err := compile.Compile(e, linktype.Ethernet, compile.Options{LiveLinux: true}); err != nil {
			t.Skipf("the filter compiler can't compile %q yet: %v", e, err)
		}
	}
}

// pcapdumpRun is a pcapdump process capturing in a namespace.
type pcapdumpRun struct {
	cmd    *exec.Cmd
	stderr bytes.Buffer
	mu     sync.Mutex
	done   chan error
}

// startPcapdump runs pcapdump in namespace ns and waits until it says it
// is listening.
func startPcapdump(t testing.TB, ns string, args ...string) *pcapdumpRun {
	t.Helper()
	bin := pcapdumpPath(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	r := &pcapdumpRun{done: make(chan error, 1)}
	r.cmd = exec.CommandContext(ctx, "ip", append([]string{"netns", "exec", ns, bin}, args...)...)
	pipe, err := r.cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, r.cmd.Start())
	t.Cleanup(func() { r.cmd.Process.Kill(); <-r.done })
	listening := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			line := sc.Text()
			r.mu.Lock()
			r.stderr.WriteString(line + "\n")
			r.mu.Unlock()
			if strings.Contains(line, "listening on") {
				select {
				case listening <- line:
				default:
				}
			}
		}
		r.done <- r.cmd.Wait()
	}()
	select {
	case <-listening:
	case err := <-r.done:
		r.done <- err
		t.Fatalf("pcapdump exited before listening: %v\n%s", err, r.output())
	case <-time.After(30 * time.Second):
		t.Fatalf("pcapdump did not start listening:\n%s", r.output())
	}
	return r
}

func (r *pcapdumpRun) output() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stderr.String()
}

// wait waits for pcapdump to exit by itself and returns its stderr.
func (r *pcapdumpRun) wait(t testing.TB, timeout time.Duration) string {
	t.Helper()
	select {
	case err := <-r.done:
		r.done <- err
		require.NoError(t, err, r.output())
	case <-time.After(timeout):
		t.Fatalf("pcapdump did not finish:\n%s", r.output())
	}
	return r.output()
}

// stop sends SIGINT and waits for pcapdump to exit.
func (r *pcapdumpRun) stop(t testing.TB) string {
	t.Helper()
	return r.stopWith(t, os.Interrupt)
}

// stopWith sends sig and waits for pcapdump to exit.
func (r *pcapdumpRun) stopWith(t testing.TB, sig os.Signal) string {
	t.Helper()
	require.NoError(t, r.cmd.Process.Signal(sig))
	return r.wait(t, 30*time.Second)
}

var statsRE = regexp.MustCompile(`(?m)^\n?(\d+) packets? captured\n(\d+) packets? received by filter\n(\d+) packets? dropped by kernel\n`)

// parseStats returns tcpdump's three numbers from pcapdump's stderr.
func parseStats(t testing.TB, stderr string) (captured, received, dropped int) {
	t.Helper()
	m := statsRE.FindStringSubmatch(stderr)
	require.NotNil(t, m, "no statistics in:\n%s", stderr)
	captured, _ = strconv.Atoi(m[1])
	received, _ = strconv.Atoi(m[2])
	dropped, _ = strconv.Atoi(m[3])
	return
}

// readFile returns the link type and packets of a savefile, read with our
// own reader.
func readFile(t testing.TB, path string) (linktype.Type, [][]byte) {
	t.Helper()
	h, err := OpenOffline(path)
	require.NoError(t, err)
	defer h.Close()
	var pkts [][]byte
	for {
		data, _, err := h.ReadPacketData()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		pkts = append(pkts, data)
	}
	return h.LinkType(), pkts
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
func blast(t testing.TB, c *net.UDPConn, dst *net.UDPAddr, n, size int) {
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

// Acceptance 1: every one of 20,000 datagrams to port 9 is captured, and
// none of the traffic sent alongside; libpcap reads the file.
func TestPcapdumpCaptures20000(t *testing.T) {
	requireCompiler(t, "udp and dst port 9")
	v := newVethPair(t)
	out := filepath.Join(t.TempDir(), "f.pcap")
	r := startPcapdump(t, v.capNS, "-i", v.capIf, "-c", "20000", "-w", out, "udp and dst port 9")

	c9 := udpSender(t, v.peerNS, v.peerIP)
	other := udpSender(t, v.peerNS, v.peerIP)
	local := udpSender(t, v.capNS, v.capIP) // outbound traffic from the capture side
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
			other.WriteToUDP(b, &net.UDPAddr{IP: v.capIP, Port: 10})
			local.WriteToUDP(b, &net.UDPAddr{IP: v.peerIP, Port: 7})
			time.Sleep(100 * time.Microsecond)
		}
	}()
	blast(t, c9, &net.UDPAddr{IP: v.capIP, Port: 9}, 20000, 18)
	stderr := r.wait(t, time.Minute)
	close(stop)
	wg.Wait()

	captured, received, dropped := parseStats(t, stderr)
	assert.Equal(t, 20000, captured)
	assert.GreaterOrEqual(t, received, 20000)
	assert.Equal(t, 0, dropped)
	lt, pkts := readFile(t, out)
	assert.Equal(t, linktype.Ethernet, lt)
	require.Len(t, pkts, 20000)
	for i, p := range pkts {
		require.Equal(t, 9, udpDstPort(p), "packet %d", i)
		require.Equal(t, uint32(i), binary.BigEndian.Uint32(p[42:]), "packet %d out of order", i)
	}
	if tcpdump := referenceTool(t, "tcpdump"); tcpdump != "" {
		res, err := exec.Command(tcpdump, "-r", out, "--count").CombinedOutput()
		require.NoError(t, err, "%s", res)
		assert.Contains(t, string(res), "20000 packets")
	}
}

// referenceTool returns the path of a reference tool, or "" after logging
// that the check is skipped (failing instead when CI requires it).
func referenceTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("PUREPCAP_REQUIRE_REFERENCE") == "1" {
			t.Fatalf("%s is required (PUREPCAP_REQUIRE_REFERENCE=1) but not installed", name)
		}
		t.Logf("%s not installed: skipping the check against it", name)
		return ""
	}
	return p
}

// promiscuity returns the device's promiscuity count as ip -d shows it.
func promiscuity(t testing.TB, ns, ifc string) int {
	t.Helper()
	out := run(t, "ip", "-n", ns, "-d", "link", "show", ifc)
	m := regexp.MustCompile(`promiscuity (\d+)`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	n, _ := strconv.Atoi(m[1])
	return n
}

// Acceptance 2: the device is promiscuous while pcapdump captures, unless
// -p is given, and not afterwards.
func TestPcapdumpPromisc(t *testing.T) {
	v := newVethPair(t)
	for _, tc := range []struct {
		args []string
		want int
	}{{nil, 1}, {[]string{"-p"}, 0}} {
		require.Equal(t, 0, promiscuity(t, v.capNS, v.capIf))
		out := filepath.Join(t.TempDir(), "f.pcap")
		r := startPcapdump(t, v.capNS, append(tc.args, "-i", v.capIf, "-w", out)...)
		assert.Equal(t, tc.want, promiscuity(t, v.capNS, v.capIf), "args %v", tc.args)
		// Frames to a foreign MAC are seen only in promiscuous mode.
		sendForeignFrames(t, v, 5)
		time.Sleep(1500 * time.Millisecond) // the 1 s ring block timeout hands them over
		stderr := r.stopWith(t, syscall.SIGTERM)
		captured, received, _ := parseStats(t, stderr)
		assert.GreaterOrEqual(t, received, captured)
		_, pkts := readFile(t, out)
		foreign := 0
		for _, p := range pkts {
			if len(p) >= 6 && bytes.Equal(p[:6], foreignMAC) {
				foreign++
			}
		}
		if tc.want == 1 {
			assert.Equal(t, 5, foreign, "promiscuous capture sees frames to other hosts")
		}
		assert.Equal(t, 0, promiscuity(t, v.capNS, v.capIf))
	}
}

var foreignMAC = net.HardwareAddr{0x02, 0x00, 0x5e, 0x10, 0x20, 0x30}

// sendForeignFrames writes n UDP frames addressed to foreignMAC from the
// peer end with an AF_PACKET socket.
func sendForeignFrames(t testing.TB, v *vethPair, n int) {
	t.Helper()
	w := packetWriter(t, v)
	for i := 0; i < n; i++ {
		require.NoError(t, w.WritePacketData(udpFrame(foreignMAC, v.peerMAC, v.peerIP, v.capIP, 9999, nil, 0)))
	}
}

// Acceptance 3: -Q in sees only what arrives, -Q out only what leaves.
func TestPcapdumpDirection(t *testing.T) {
	v := newVethPair(t)
	in := udpSender(t, v.peerNS, v.peerIP)
	outc := udpSender(t, v.capNS, v.capIP)
	for _, dir := range []string{"in", "out", "inout"} {
		out := filepath.Join(t.TempDir(), "f.pcap")
		r := startPcapdump(t, v.capNS, "-Q", dir, "-i", v.capIf, "-w", out)
		for i := 0; i < 20; i++ {
			in.WriteToUDP([]byte("in"), &net.UDPAddr{IP: v.capIP, Port: 5000})
			outc.WriteToUDP([]byte("out"), &net.UDPAddr{IP: v.peerIP, Port: 5001})
		}
		time.Sleep(1500 * time.Millisecond) // the 1 s ring block timeout hands them over
		r.stop(t)
		_, pkts := readFile(t, out)
		var nin, nout int
		for _, p := range pkts {
			switch src := ipv4Src(p); {
			case src.Equal(v.peerIP):
				nin++
			case src.Equal(v.capIP):
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
	v := newVethPair(t)
	out := filepath.Join(t.TempDir(), "f.pcap")
	r := startPcapdump(t, v.capNS, "-i", "any", "-c", "10", "-w", out)
	assert.Contains(t, r.output(), "listening on any, link-type LINUX_SLL (Linux cooked v1), snapshot length 262144 bytes")
	c := udpSender(t, v.peerNS, v.peerIP)
	for i := 0; i < 10; i++ {
		c.WriteToUDP([]byte("x"), &net.UDPAddr{IP: v.capIP, Port: 5000})
	}
	r.wait(t, 30*time.Second)
	lt, pkts := readFile(t, out)
	assert.Equal(t, linktype.LinuxSLL, lt)
	require.Len(t, pkts, 10)
	for _, p := range pkts {
		require.GreaterOrEqual(t, len(p), 16+20)
		assert.Equal(t, uint16(0x0800), binary.BigEndian.Uint16(p[14:]), "protocol in the SLL header")
		assert.Equal(t, uint8(0x45), p[16], "IPv4 header after the SLL header")
	}

	// -y LINUX_SLL2 selects the second cooked format.
	r = startPcapdump(t, v.capNS, "-i", "any", "-y", "LINUX_SLL2", "-c", "10", "-w", out)
	assert.Contains(t, r.output(), "link-type LINUX_SLL2 (Linux cooked v2)")
	for i := 0; i < 10; i++ {
		c.WriteToUDP([]byte("x"), &net.UDPAddr{IP: v.capIP, Port: 5000})
	}
	r.wait(t, 30*time.Second)
	lt, pkts = readFile(t, out)
	assert.Equal(t, linktype.LinuxSLL2, lt)
	require.Len(t, pkts, 10)
	for _, p := range pkts {
		assert.Equal(t, uint16(0x0800), binary.BigEndian.Uint16(p[0:]), "protocol in the SLL2 header")
		assert.Equal(t, uint8(0x45), p[20], "IPv4 header after the SLL2 header")
	}
}

// -D lists the namespace's devices as tcpdump -D does: same order, same
// flags and descriptions (tcpdump also lists non-network capture sources,
// such as D-Bus, that pcapdump does not offer).
func TestPcapdumpListDevices(t *testing.T) {
	v := newVethPair(t)
	// More kinds of device: a veth pair that is down, and a tun device
	// (ARPHRD_NONE, point-to-point).
	run(t, "ip", "-n", v.capNS, "link", "add", "pxa0", "type", "veth", "peer", "name", "pxb0")
	run(t, "ip", "-n", v.capNS, "tuntap", "add", "dev", "ptun0", "mode", "tun")
	bin := pcapdumpPath(t)
	ours := run(t, "ip", "netns", "exec", v.capNS, bin, "-D")
	tcpdump := referenceTool(t, "tcpdump")
	if tcpdump == "" {
		assert.Contains(t, ours, v.capIf+" [Up, Running, Connected]")
		return
	}
	theirs := run(t, "ip", "netns", "exec", v.capNS, tcpdump, "-D")
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

// FindAllDevs reports addresses with their netmask, broadcast and
// point-to-point destination.
func TestFindAllDevsAddresses(t *testing.T) {
	v := newVethPair(t)
	run(t, "ip", "-n", v.capNS, "addr", "add", "10.79.0.1/16", "brd", "+", "dev", v.capIf)
	run(t, "ip", "-n", v.capNS, "tuntap", "add", "dev", "ptun1", "mode", "tun")
	run(t, "ip", "-n", v.capNS, "link", "set", "ptun1", "up")
	run(t, "ip", "-n", v.capNS, "addr", "add", "10.80.0.1", "peer", "10.80.0.2", "dev", "ptun1")
	var devs []Interface
	var err error
	inNS(t, v.capNS, func() { devs, err = FindAllDevs() })
	require.NoError(t, err)
	byName := map[string]Interface{}
	for _, d := range devs {
		byName[d.Name] = d
	}
	c := byName[v.capIf]
	assert.Equal(t, FlagUp|FlagRunning|ConnectionConnected, c.Flags)
	var bcast, plain bool
	for _, a := range c.Addresses {
		switch a.IP.String() {
		case "10.79.0.1":
			bcast = true
			assert.Equal(t, "ffff0000", a.Netmask.String())
			assert.Equal(t, "10.79.255.255", a.Broadaddr.String())
		case "10.77.0.1":
			plain = true
			assert.Equal(t, "ffffff00", a.Netmask.String())
			assert.Nil(t, a.Broadaddr)
		}
	}
	assert.True(t, bcast && plain, "%+v", c.Addresses)
	d := byName["ptun1"]
	require.Len(t, d.Addresses, 1)
	assert.Equal(t, "10.80.0.1", d.Addresses[0].IP.String())
	assert.Equal(t, "10.80.0.2", d.Addresses[0].P2P.String())
	assert.Equal(t, "ffffffff", d.Addresses[0].Netmask.String())
	// The order: connected devices first, then any, then loopback.
	var order []string
	for _, d := range devs {
		order = append(order, d.Name)
	}
	assert.Less(t, indexOf(order, v.capIf), indexOf(order, "any"))
	assert.Less(t, indexOf(order, "any"), indexOf(order, "lo"))
	var dev string
	inNS(t, v.capNS, func() { dev, err = LookupDev() })
	require.NoError(t, err)
	assert.NotEqual(t, "lo", dev)
	var n, m uint32
	inNS(t, v.capNS, func() { n, m, err = LookupNet(v.capIf) })
	require.NoError(t, err)
	assert.Equal(t, uint32(0x0a4d0000), n)
	assert.Equal(t, uint32(0xffffff00), m)
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}
