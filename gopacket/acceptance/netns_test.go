package acceptance

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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

	cmd := exec.Command("ip", "netns", "exec", nsA, pcapdump, "-i", "vA", "-c", "3", "-promisc=false", "udp and dst port 9999")
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	done := make(chan error, 1)
	started := make(chan struct{})
	var log strings.Builder
	go func() {
		sc := bufio.NewScanner(stderr)
		once := false
		for sc.Scan() {
			log.WriteString(sc.Text() + "\n")
			if !once && strings.Contains(sc.Text(), "Starting to read packets") {
				once = true
				close(started)
			}
		}
		done <- cmd.Wait()
	}()
	select {
	case <-started:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("pcapdump did not start capturing: %s", log.String())
	}

	// Datagrams to a port the filter takes and to one it rejects, until
	// pcapdump has its three.
	send := func(port int, payload string) {
		script := fmt.Sprintf("printf %%s %s > /dev/udp/10.201.0.1/%d", payload, port)
		_ = exec.Command("ip", "netns", "exec", nsB, "bash", "-c", script).Run()
	}
	deadline := time.After(15 * time.Second)
	var exitErr error
loop:
	for i := 0; ; i++ {
		send(9998, "rejected")
		send(9999, fmt.Sprintf("wanted%02d", i))
		select {
		case exitErr = <-done:
			break loop
		case <-time.After(100 * time.Millisecond):
		case <-deadline:
			_ = cmd.Process.Kill()
			t.Fatalf("pcapdump did not get 3 packets in 15s\nstdout: %s\nstderr: %s", stdout.String(), log.String())
		}
	}
	require.NoError(t, exitErr, "pcapdump: %s", log.String())
	out := stdout.String()
	assert.Equal(t, 3, strings.Count(out, "PACKET: "), out)
	assert.Equal(t, 3, strings.Count(out, "DstPort=9999"), out)
	assert.NotContains(t, out, "DstPort=9998", "a datagram the filter rejects was captured")
	t.Logf("gopacket's pcapdump (drop-in) captured over veth:\n%s", out)
}
