//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
)

// These tests capture for real, as root, in a network namespace of their
// own: a veth pair pda <-> pdb, with 10.78.0.1 on pda and a static
// neighbour entry for 10.78.0.2 (pdb's MAC, no address), so datagrams sent
// to 10.78.0.2 leave through pda, where the capture listens. The namespace
// is deleted afterwards.

const (
	testDst    = "10.78.0.2:9999"
	testFilter = "udp port 9999"
)

// testNetns creates the namespace and returns its name.
func testNetns(t *testing.T) string {
	t.Helper()
	testutil.RequireNetns(t)
	ns := fmt.Sprintf("pdcli-%d-%d", os.Getpid(), time.Now().UnixNano()%1e6)
	sh := func(args ...string) string {
		out, err := exec.Command(args[0], args[1:]...).CombinedOutput()
		require.NoError(t, err, "%s: %s", strings.Join(args, " "), out)
		return string(out)
	}
	sh("ip", "netns", "add", ns)
	t.Cleanup(func() { exec.Command("ip", "netns", "del", ns).Run() })
	sh("ip", "netns", "exec", ns, "sh", "-c", "echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6; echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6")
	sh("ip", "-n", ns, "link", "add", "pda", "type", "veth", "peer", "name", "pdb")
	sh("ip", "-n", ns, "addr", "add", "10.78.0.1/24", "dev", "pda")
	sh("ip", "-n", ns, "link", "set", "pda", "up")
	sh("ip", "-n", ns, "link", "set", "pdb", "up")
	sh("ip", "-n", ns, "link", "set", "lo", "up")
	out := sh("ip", "-n", ns, "-o", "link", "show", "pdb")
	m := regexp.MustCompile(`link/ether ([0-9a-f:]+)`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	sh("ip", "-n", ns, "neigh", "replace", "10.78.0.2", "lladdr", m[1], "dev", "pda")
	return ns
}

// send sends count datagrams of size bytes to testDst from inside ns.
func send(t *testing.T, ns string, count, size int) {
	t.Helper()
	cmd := exec.Command("ip", "netns", "exec", ns, os.Args[0])
	cmd.Env = append(os.Environ(), fmt.Sprintf("PCAPDUMP_TEST_SEND=%s %d %d", testDst, count, size))
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
}

// capture is a capturing process: pcapdump (the test binary standing in
// for it) or tcpdump.
type capture struct {
	cmd    *exec.Cmd
	mu     sync.Mutex
	stderr bytes.Buffer
	stdout bytes.Buffer // read it only after the process has ended
	done   chan error
}

// startCapture runs pcapdump (tcpdump when ref) in ns with args and waits
// until it says it is listening.
func startCapture(t *testing.T, ns string, ref bool, args ...string) *capture {
	t.Helper()
	bin := os.Args[0]
	if ref {
		bin = testutil.Tool(t, "tcpdump")
	}
	c := &capture{done: make(chan error, 1)}
	c.cmd = exec.Command("ip", append([]string{"netns", "exec", ns, bin}, args...)...)
	c.cmd.Env = append(os.Environ(), "PCAPDUMP_TEST_MAIN=1")
	c.cmd.Stdout = &c.stdout
	pipe, err := c.cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, c.cmd.Start())
	t.Cleanup(func() { c.cmd.Process.Kill(); <-c.done; c.done <- nil })
	listening := make(chan struct{})
	go func() {
		// Read what comes as it comes: "Got N\r" ends in no newline.
		buf := make([]byte, 4096)
		once := sync.Once{}
		for {
			n, err := pipe.Read(buf)
			c.mu.Lock()
			c.stderr.Write(buf[:n])
			heard := strings.Contains(c.stderr.String(), "listening on")
			c.mu.Unlock()
			if heard {
				once.Do(func() { close(listening) })
			}
			if err != nil {
				break
			}
		}
		c.done <- c.cmd.Wait()
	}()
	select {
	case <-listening:
	case err := <-c.done:
		c.done <- err
		t.Fatalf("%s exited before listening: %v\n%s", bin, err, c.output())
	case <-time.After(20 * time.Second):
		t.Fatalf("%s did not start listening:\n%s", bin, c.output())
	}
	return c
}

func (c *capture) output() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stderr.String()
}

// stop sends sig and waits for the process to end; it returns the exit
// error (nil for status 0).
func (c *capture) stop(t *testing.T, sig os.Signal) error {
	t.Helper()
	require.NoError(t, c.cmd.Process.Signal(sig))
	select {
	case err := <-c.done:
		c.done <- err
		return err
	case <-time.After(20 * time.Second):
		t.Fatalf("no exit after %v:\n%s", sig, c.output())
	}
	return nil
}

// tcpdumpCount reads a file with tcpdump and returns how many packets it
// read, failing the test when tcpdump reports an error (such as a
// truncated file).
func tcpdumpCount(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command(testutil.Tool(t, "tcpdump"), "-r", path, "--count").CombinedOutput()
	require.NoError(t, err, "tcpdump -r %s: %s", path, out)
	m := regexp.MustCompile(`(?m)^(\d+) packets?$`).FindStringSubmatch(string(out))
	require.NotNil(t, m, "%s", out)
	n, _ := strconv.Atoi(m[1])
	return n
}

var capturedRE = regexp.MustCompile(`(?m)^(\d+) packets? captured$`)

// TestSignalClosesFiles checks issue 9's acceptance 7: a live -w capture
// stopped by SIGINT or SIGTERM leaves every file complete, with and
// without rotation, pcap and pcapng: tcpdump reads each whole, and they
// hold the packets pcapdump says it captured.
func TestSignalClosesFiles(t *testing.T) {
	ns := testNetns(t)
	testutil.Tool(t, "tcpdump")
	for _, tt := range []struct {
		name string
		sig  syscall.Signal
		file string
		args []string
	}{
		{"pcap-Z-root-U-INT", syscall.SIGINT, "out.pcap", []string{"-Z", "root", "-U"}},
		{"pcap-C1-W3-TERM", syscall.SIGTERM, "out.pcap", []string{"-C", "1", "-W", "3"}},
		{"pcapng-TERM", syscall.SIGTERM, "out.pcapng", []string{}},
		{"pcapng-C1-INT", syscall.SIGINT, "out.pcapng", []string{"-C", "1"}},
		{"pcap-HUP", syscall.SIGHUP, "out.pcap", []string{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			args := append([]string{"-i", "pda", "-w", filepath.Join(dir, tt.file)}, tt.args...)
			c := startCapture(t, ns, false, append(args, testFilter)...)
			send(t, ns, 2500, 1000) // 2.5 MB: three -C 1 files
			time.Sleep(300 * time.Millisecond)
			require.NoError(t, c.stop(t, tt.sig), c.output())

			m := capturedRE.FindStringSubmatch(c.output())
			require.NotNil(t, m, c.output())
			captured, _ := strconv.Atoi(m[1])
			require.Greater(t, captured, 0)
			ents, err := os.ReadDir(dir)
			require.NoError(t, err)
			var files []string
			total := 0
			for _, e := range ents {
				files = append(files, e.Name())
				total += tcpdumpCount(t, filepath.Join(dir, e.Name()))
			}
			sort.Strings(files)
			if !slices.Contains(tt.args, "-C") {
				require.Equal(t, []string{tt.file}, files)
				require.Equal(t, captured, total)
			} else {
				require.Greater(t, len(files), 1, "no rotation happened")
				if captured*1000 < 3_000_000 {
					// Nothing was overwritten in the ring: all packets are there.
					require.Equal(t, captured, total)
				}
			}
		})
	}
}

// killNineSideBySide runs pcapdump and tcpdump -w on the same traffic,
// which traffic starts, and kills both with SIGKILL two seconds later. It
// returns the packets in each file (pcapdump's must end with a whole
// record) and how long after the start the kill came.
func killNineSideBySide(t *testing.T, traffic func(ns string)) (nOurs, nRef int, killed time.Duration) {
	t.Helper()
	ns := testNetns(t)
	testutil.Tool(t, "tcpdump")
	dir := t.TempDir()
	ours, ref := filepath.Join(dir, "ours.pcap"), filepath.Join(dir, "ref.pcap")
	c := startCapture(t, ns, false, "-i", "pda", "-w", ours, testFilter)
	r := startCapture(t, ns, true, "-Z", "root", "-i", "pda", "-w", ref, testFilter)
	start := time.Now()
	traffic(ns)
	time.Sleep(2*time.Second - time.Since(start))
	for _, p := range []*capture{c, r} {
		err := p.stop(t, syscall.SIGKILL)
		var ee *exec.ExitError
		require.True(t, errors.As(err, &ee), "%v", err)
	}
	killed = time.Since(start)
	nOurs, clean := countWhole(t, ours)
	require.True(t, clean, "pcapdump's file ends in a partial record")
	nRef, _ = countWhole(t, ref)
	return nOurs, nRef, killed
}

// TestKill9LosesLittle measures issue 12's crash safety: ~1000 datagrams,
// kill -9 two seconds later, side by side with tcpdump on the same
// traffic. pcapdump must lose at most tcpdump's loss + 10 packets, and its
// file must hold only whole records.
func TestKill9LosesLittle(t *testing.T) {
	const sent = 1000
	nOurs, nRef, _ := killNineSideBySide(t, func(ns string) { send(t, ns, sent, 100) })
	lostOurs, lostRef := sent-nOurs, sent-nRef
	t.Logf("kill -9 after %d datagrams: pcapdump lost %d, tcpdump lost %d", sent, lostOurs, lostRef)
	require.LessOrEqual(t, lostOurs, lostRef+10)
}

// TestLiveWriteErrorOnce checks issue 12's item 6 for a live capture: a
// write error (ENOSPC, from /dev/full) ends the capture with status 1 and
// is reported once.
func TestLiveWriteErrorOnce(t *testing.T) {
	ns := testNetns(t)
	c := startCapture(t, ns, false, "-i", "pda", "-w", "/dev/full", testFilter)
	send(t, ns, 100, 100)
	select {
	case err := <-c.done:
		c.done <- err
		var ee *exec.ExitError
		require.True(t, errors.As(err, &ee), "%v\n%s", err, c.output())
		require.Equal(t, 1, ee.ExitCode())
	case <-time.After(10 * time.Second):
		t.Fatalf("pcapdump went on after the write error:\n%s", c.output())
	}
	require.Equal(t, 1, strings.Count(c.output(), "no space left on device"), c.output())
}

// runIn runs pcapdump (tcpdump when ref) in ns to its end and returns its
// exit status, standard output and standard error.
func runIn(t *testing.T, ns string, ref bool, args ...string) (int, string, string) {
	t.Helper()
	bin := os.Args[0]
	if ref {
		bin = testutil.Tool(t, "tcpdump")
	}
	return runProcess(t, "ip", append([]string{"netns", "exec", ns, bin}, args...)...)
}

// TestListDataLinks compares -L with tcpdump's (4.99 prints the list on
// the standard error), on loopback and "any", and on a device that does
// not exist, and with devices given by number. (On an Ethernet device libpcap also offers DOCSIS, which the
// root package's ListDataLinks does not list.)
func TestListDataLinks(t *testing.T) {
	ns := testNetns(t)
	for _, args := range [][]string{
		{"-L", "-i", "lo"},
		{"--list-data-link-types", "-i", "any"},
		{"-L", "-i", "LO-INDEX"}, // a number is an index into -D's list, as in tcpdump
		{"-L", "-i", "99"},
		{"-L", "-i", "0"},
		{"-L", "-i", "no-such-dev"},
	} {
		wantStatus, wantOut, wantErr := runIn(t, ns, true, withLoIndex(t, ns, true, args)...)
		status, out, stderr := runIn(t, ns, false, withLoIndex(t, ns, false, args)...)
		require.Equal(t, wantStatus, status, "%q: %s", args, stderr)
		require.Equal(t, wantOut, out, "%q", args)
		if status == 0 {
			require.Equal(t, wantErr, stderr, "%q", args)
		}
	}
}

// TestLiveDumpMatchesTcpdump compares -d with an interface (the program
// for its link type, with the live handle's ancillary loads), the "data
// link type" line of -y and of "any" (LINUX_SLL2 unless -y says
// otherwise), and a bad filter on a live capture with tcpdump's.
func TestLiveDumpMatchesTcpdump(t *testing.T) {
	ns := testNetns(t)
	for _, args := range [][]string{
		{"-i", "any", "-d", "ip"},
		{"-i", "lo", "-dd", "tcp port 80"},
		{"-i", "any", "-y", "LINUX_SLL", "-ddd", "udp"},
		{"-i", "pda", "-d", "vlan 10 and ip"},
		{"-i", "pda", "-O", "-d", "vlan or arp"},
		{"-i", "any", "-d", "vlan"},
		{"-i", "lo", "-d", "nonsense"},
		{"-i", "lo", "-c", "1", "nonsense"},
	} {
		wantStatus, wantOut, wantErr := runIn(t, ns, true, args...)
		status, out, stderr := runIn(t, ns, false, args...)
		require.Equal(t, wantStatus, status, "%q: %s", args, stderr)
		require.Equal(t, wantOut, out, "%q", args)
		wantErr = strings.ReplaceAll(wantErr, "tcpdump: ", "pcapdump: ")
		if status != 0 {
			// The error; pcapdump compiles the filter before it says
			// which data link type it set, tcpdump after.
			wantErr, stderr = lastLine(wantErr), lastLine(stderr)
		}
		require.Equal(t, wantErr, stderr, "%q", args)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// withLoIndex replaces LO-INDEX in args with lo's number in the -D list
// of pcapdump (tcpdump when ref); the lists differ (tcpdump lists pseudo
// devices such as nflog and dbus).
func withLoIndex(t *testing.T, ns string, ref bool, args []string) []string {
	t.Helper()
	out := append([]string(nil), args...)
	for i, a := range out {
		if a == "LO-INDEX" {
			_, list, _ := runIn(t, ns, ref, "-D")
			m := regexp.MustCompile(`(?m)^(\d+)\.lo `).FindStringSubmatch(list)
			require.NotNil(t, m, list)
			out[i] = m[1]
		}
	}
	return out
}

// TestDropPrivileges checks -Z with a user other than root: the -w file
// is created by that user, as tcpdump creates it. (tcpdump keeps
// CAP_DAC_OVERRIDE through libcap-ng and so can also create files where
// the user could not; pcapdump drops everything, so the directory here is
// one the user can reach.)
func TestDropPrivileges(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("-Z needs root")
	}
	tcpdump := testutil.Tool(t, "tcpdump")
	dir, err := os.MkdirTemp("", "pcapdump-z")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	require.NoError(t, os.Chmod(dir, 0o1777))
	const in = "../../testdata/sample.pcap"
	for _, bin := range []string{tcpdump, os.Args[0]} {
		out := filepath.Join(dir, filepath.Base(bin))
		status, _, stderr := runProcess(t, bin, "-Z", "nobody", "-r", in, "-w", out)
		require.Equal(t, 0, status, stderr)
		st, err := os.Stat(out)
		require.NoError(t, err)
		require.NotEqual(t, uint32(0), st.Sys().(*syscall.Stat_t).Uid, "%s wrote as root", bin)
	}
	a, err := os.Stat(filepath.Join(dir, filepath.Base(tcpdump)))
	require.NoError(t, err)
	b, err := os.Stat(filepath.Join(dir, filepath.Base(os.Args[0])))
	require.NoError(t, err)
	require.Equal(t, a.Sys().(*syscall.Stat_t).Uid, b.Sys().(*syscall.Stat_t).Uid)
	require.Equal(t, a.Sys().(*syscall.Stat_t).Gid, b.Sys().(*syscall.Stat_t).Gid)
}

// TestTimeRotationStops checks -G with -W against tcpdump: with -W 2 the
// capture writes two files named through strftime, then stops by itself
// with status 0 and "Maximum file limit reached: 2".
func TestTimeRotationStops(t *testing.T) {
	ns := testNetns(t)
	testutil.Tool(t, "tcpdump")
	dir := t.TempDir()
	var caps []*capture
	for _, ref := range []bool{false, true} {
		sub := filepath.Join(dir, strconv.FormatBool(ref))
		require.NoError(t, os.Mkdir(sub, 0o755))
		args := []string{"-i", "pda", "-G", "1", "-W", "2", "-w", filepath.Join(sub, "g-%Y%m%d-%H%M%S.pcap"), testFilter}
		if ref {
			args = append([]string{"-Z", "root"}, args...)
		}
		caps = append(caps, startCapture(t, ns, ref, args...))
	}
	deadline := time.Now().Add(8 * time.Second)
	ended := func(c *capture) bool {
		select {
		case err := <-c.done:
			c.done <- err
			require.NoError(t, err, c.output())
			return true
		default:
			return false
		}
	}
	for !(ended(caps[0]) && ended(caps[1])) {
		require.True(t, time.Now().Before(deadline), "no stop after -W 2 files:\n%s\n%s", caps[0].output(), caps[1].output())
		send(t, ns, 5, 100)
		time.Sleep(100 * time.Millisecond)
	}
	nameRE := regexp.MustCompile(`^g-\d{8}-\d{6}\.pcap$`)
	for i, c := range caps {
		require.Contains(t, c.output(), "Maximum file limit reached: 2\n")
		ents, err := os.ReadDir(filepath.Join(dir, strconv.FormatBool(i == 1)))
		require.NoError(t, err)
		require.Len(t, ents, 2, c.output())
		for _, e := range ents {
			require.Regexp(t, nameRE, e.Name())
			tcpdumpCount(t, filepath.Join(dir, strconv.FormatBool(i == 1), e.Name()))
		}
	}
}

// TestLivePrintMatchesTcpdump captures the same datagrams with pcapdump
// and tcpdump side by side, printing (without and with -w and --print),
// and compares what they print (without time stamps) and write; with -v
// -w both show the "Got N" counter.
func TestLivePrintMatchesTcpdump(t *testing.T) {
	ns := testNetns(t)
	testutil.Tool(t, "tcpdump")
	dir := t.TempDir()
	var caps [2][2]*capture // [write][ref]
	for w, write := range []bool{false, true} {
		for r, ref := range []bool{false, true} {
			args := []string{"-t", "-n", "-i", "pda"}
			if ref {
				args = append([]string{"-Z", "root"}, args...)
			}
			if write {
				args = append(args, "--print", "-w", filepath.Join(dir, strconv.FormatBool(ref)))
			}
			caps[w][r] = startCapture(t, ns, ref, append(args, testFilter)...)
		}
	}
	// -v with -w: a "Got N" counter on the standard error, once a second.
	var counters [2]*capture
	for r, ref := range []bool{false, true} {
		args := []string{"-v", "-i", "pda", "-w", filepath.Join(dir, "v-"+strconv.FormatBool(ref)), testFilter}
		if ref {
			args = append([]string{"-Z", "root"}, args...)
		}
		counters[r] = startCapture(t, ns, ref, args...)
	}
	send(t, ns, 20, 100)
	// libpcap hands over a ring block when its 1 s timeout expires;
	// tcpdump drops what it holds when interrupted.
	time.Sleep(1500 * time.Millisecond)
	for _, c := range counters {
		// The counter ticks once a second from the start.
		require.Eventually(t, func() bool { return strings.Contains(c.output(), "Got 20\r") }, 10*time.Second, 50*time.Millisecond, "%s: %q", c.cmd.Args, c.output())
		require.NoError(t, c.stop(t, syscall.SIGINT), c.output())
	}
	for _, pair := range caps {
		for _, c := range pair {
			require.NoError(t, c.stop(t, syscall.SIGINT), c.output())
		}
		want, got := pair[1].stdout.String(), pair[0].stdout.String()
		require.Equal(t, 20, strings.Count(want, "UDP, length 100\n"), want)
		requireSameLines(t, want, got)
	}
	n, clean := countWhole(t, filepath.Join(dir, "false"))
	require.True(t, clean)
	require.Equal(t, 20, n)
}

// TestKill9UnderTrafficLosesAboutASecond kills pcapdump and tcpdump with
// -9 while datagrams still arrive (up to 1000 a second, the kill after
// two seconds). tcpdump loses what its 4 KiB stdio buffer and the kernel
// ring held. pcapdump's ring blocks last a tenth of a second with -w and
// its writer flushes when the next block arrives, so it may lose about
// that much more (measured: 75 to 106 packets at 800 a second); the bound
// is half a second of packets, well inside issue 12's "about a second".
func TestKill9UnderTrafficLosesAboutASecond(t *testing.T) {
	var sender *exec.Cmd
	var start time.Time
	nOurs, nRef, killed := killNineSideBySide(t, func(ns string) {
		sender = exec.Command("ip", "netns", "exec", ns, os.Args[0])
		sender.Env = append(os.Environ(), "PCAPDUMP_TEST_SEND="+testDst+" 2500 100 1ms")
		start = time.Now()
		require.NoError(t, sender.Start())
	})
	require.NoError(t, sender.Wait())
	sendTime := time.Since(start)
	// Datagrams sent before the kill, at the sender's average rate.
	sentBefore := int(2500 * killed.Seconds() / sendTime.Seconds())
	perSecond := int(2500 / sendTime.Seconds())
	t.Logf("kill -9 under traffic (%d datagrams/s, ~%d sent before the kill): pcapdump kept %d, tcpdump %d", perSecond, sentBefore, nOurs, nRef)
	require.Greater(t, nOurs, 0, "nothing was flushed before the kill")
	require.GreaterOrEqual(t, nOurs, nRef-perSecond/2, "pcapdump lost more than half a second beyond tcpdump")
}
