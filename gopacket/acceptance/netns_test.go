package acceptance

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLivePcapdumpInNetns runs gopacket's pcapdump example, built against
// the drop-in, on one end of a veth pair between two network namespaces the
// test creates, with a filter, and sends it datagrams from the other end:
// it must print the three it was asked for, and none the filter rejects.
func TestLivePcapdumpInNetns(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("network namespaces are Linux's")
	}
	if os.Geteuid() != 0 {
		t.Skip("creating network namespaces needs root")
	}
	for _, tool := range []string{"ip", "bash"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("needs %s: %v", tool, err)
		}
	}
	e := examples(t)
	pcapdump := filepath.Join(e.build(t, "dropin", runtime.GOOS, runtime.GOARCH, false, "pcapdump"), "pcapdump")

	nsA := fmt.Sprintf("ppgp%da", os.Getpid())
	nsB := fmt.Sprintf("ppgp%db", os.Getpid())
	run := func(args ...string) {
		t.Helper()
		out, err := exec.Command(args[0], args[1:]...).CombinedOutput()
		require.NoError(t, err, "%s: %s", strings.Join(args, " "), out)
	}
	run("ip", "netns", "add", nsA)
	t.Cleanup(func() { _ = exec.Command("ip", "netns", "del", nsA).Run() })
	run("ip", "netns", "add", nsB)
	t.Cleanup(func() { _ = exec.Command("ip", "netns", "del", nsB).Run() })
	run("ip", "-n", nsA, "link", "add", "vA", "type", "veth", "peer", "name", "vB", "netns", nsB)
	run("ip", "-n", nsA, "addr", "add", "10.201.0.1/24", "dev", "vA")
	run("ip", "-n", nsB, "addr", "add", "10.201.0.2/24", "dev", "vB")
	run("ip", "-n", nsA, "link", "set", "vA", "up")
	run("ip", "-n", nsB, "link", "set", "vB", "up")

	// The drop-in's build, and libpcap's where cgo can build it, capture
	// side by side.
	caps := []*capture{startCapture(t, "drop-in", pcapdump, nsA)}
	if orig, err := e.tryBuild("orig", runtime.GOOS, runtime.GOARCH, true, "pcapdump"); err == nil {
		caps = append(caps, startCapture(t, "libpcap", filepath.Join(orig, "pcapdump"), nsA))
	} else if os.Getenv("PUREPCAP_REQUIRE_REFERENCE") != "" {
		require.NoError(t, err)
	} else {
		t.Logf("no cgo build of gopacket/pcap to compare with: %v", err)
	}
	for _, c := range caps {
		select {
		case <-c.started:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s pcapdump did not start capturing: %s", c.name, c.log.String())
		}
	}

	// Datagrams to a port the filter takes and to one it rejects, until
	// every pcapdump has its three.
	send := func(port int, payload string) {
		script := fmt.Sprintf("printf %%s %s > /dev/udp/10.201.0.1/%d", payload, port)
		_ = exec.Command("ip", "netns", "exec", nsB, "bash", "-c", script).Run()
	}
	deadline := time.Now().Add(15 * time.Second)
	for i := 0; ; i++ {
		send(9998, "rejected")
		send(9999, fmt.Sprintf("wanted%02d", i))
		time.Sleep(100 * time.Millisecond)
		running := 0
		for _, c := range caps {
			if !c.exited() {
				running++
			}
		}
		if running == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("pcapdump did not get 3 packets in 15s")
		}
	}
	for _, c := range caps {
		require.NoError(t, c.err, "%s pcapdump: %s", c.name, c.log.String())
	}
	out := caps[0].stdout.String()
	assert.Equal(t, 3, strings.Count(out, "PACKET: "), out)
	assert.Equal(t, 3, strings.Count(out, "DstPort=9999"), out)
	assert.NotContains(t, out, "DstPort=9998", "a datagram the filter rejects was captured")
	if len(caps) == 2 {
		// Each socket stamps its own copy of a packet, so only the time
		// stamps may differ.
		want := packetTime.ReplaceAllString(caps[1].stdout.String(), "@ TIME")
		got := packetTime.ReplaceAllString(out, "@ TIME")
		assert.Equal(t, want, got, "the drop-in's pcapdump printed other packets than libpcap's")
		t.Logf("live capture over veth identical to libpcap's but for time stamps; libpcap's %q, the drop-in's %q",
			packetTime.FindAllString(caps[1].stdout.String(), -1), packetTime.FindAllString(out, -1))
	}
	t.Logf("gopacket's pcapdump (drop-in) captured over veth:\n%s", out)
}

// packetTime is the time stamp on pcapdump's "PACKET:" lines.
var packetTime = regexp.MustCompile(`@ \d{4}-\d\d-\d\d [^\n]*`)

// capture is a pcapdump example capturing in a network namespace.
type capture struct {
	name    string
	stdout  bytes.Buffer
	log     strings.Builder // standard error
	started chan struct{}   // closed when it says it reads packets
	done    chan struct{}   // closed when it exited; err is then set
	err     error
}

// startCapture runs exe (a build of gopacket's pcapdump) on vA in ns, for
// three datagrams to port 9999.
func startCapture(t *testing.T, name, exe, ns string) *capture {
	t.Helper()
	c := &capture{name: name, started: make(chan struct{}), done: make(chan struct{})}
	cmd := exec.Command("ip", "netns", "exec", ns, exe, "-i", "vA", "-c", "3", "-promisc=false", "udp and dst port 9999")
	cmd.Stdout = &c.stdout
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		select {
		case <-c.done:
		default:
			_ = cmd.Process.Kill()
			<-c.done
		}
	})
	go func() {
		sc := bufio.NewScanner(stderr)
		once := false
		for sc.Scan() {
			c.log.WriteString(sc.Text() + "\n")
			if !once && strings.Contains(sc.Text(), "Starting to read packets") {
				once = true
				close(c.started)
			}
		}
		c.err = cmd.Wait()
		close(c.done)
	}()
	return c
}

func (c *capture) exited() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}
