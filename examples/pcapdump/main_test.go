package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/purepcap/pcap/internal/testutil"
	"github.com/stretchr/testify/require"
)

// TestMain lets the test binary stand in for pcapdump (PCAPDUMP_TEST_MAIN=1,
// the arguments are pcapdump's) and for a UDP sender
// (PCAPDUMP_TEST_SEND="addr:port count size"), so that the tests can run
// them in a network namespace as separate processes without building.
func TestMain(m *testing.M) {
	if os.Getenv("PCAPDUMP_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:]))
	}
	if spec := os.Getenv("PCAPDUMP_TEST_SEND"); spec != "" {
		if err := sendDatagrams(spec); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// sendDatagrams sends count UDP datagrams of size bytes to addr:port, each
// starting with its sequence number, with an optional pause (a
// time.Duration) between them: "addr:port count size [pause]".
func sendDatagrams(spec string) error {
	f := strings.Fields(spec)
	if len(f) != 3 && len(f) != 4 {
		return fmt.Errorf("bad PCAPDUMP_TEST_SEND %q", spec)
	}
	count, _ := strconv.Atoi(f[1])
	size, _ := strconv.Atoi(f[2])
	var pause time.Duration
	if len(f) == 4 {
		pause, _ = time.ParseDuration(f[3])
	}
	c, err := net.Dial("udp4", f[0])
	if err != nil {
		return err
	}
	defer c.Close()
	buf := make([]byte, max(size, 4))
	for i := range count {
		buf[0], buf[1], buf[2], buf[3] = byte(i>>24), byte(i>>16), byte(i>>8), byte(i)
		if _, err := c.Write(buf); err != nil {
			return err
		}
		if pause > 0 {
			time.Sleep(pause)
		}
	}
	return nil
}

// runCaptured runs pcapdump with args and returns its exit status and
// standard output.
func runCaptured(t *testing.T, args ...string) (int, string) {
	t.Helper()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	saved := os.Stdout
	os.Stdout = w
	defer func() { os.Stdout = saved }()
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	status := run(args)
	os.Stdout = saved
	require.NoError(t, w.Close())
	return status, <-done
}

// TestDumpForSavefile checks that -r FILE -ddd prints the program for the
// file's link type and snaplen, as tcpdump does.
func TestDumpForSavefile(t *testing.T) {
	args := []string{"-r", "../../testdata/sample.pcap", "-ddd", "tcp port 80 or udp"}
	want, err := os.ReadFile("testdata/sample-ddd.golden")
	require.NoError(t, err)
	if tcpdump := testutil.OptionalTool(t, "tcpdump"); tcpdump != "" {
		out, err := exec.Command(tcpdump, args...).Output()
		require.NoError(t, err)
		require.Equal(t, string(want), string(out), "golden differs from tcpdump's output")
	}
	status, out := runCaptured(t, args...)
	require.Equal(t, 0, status)
	require.Equal(t, string(want), out)
}

// TestWriteErrorOnce checks issue 12's item 6 when reading a file: a write
// error (ENOSPC, from /dev/full) gives status 1 and one message. (tcpdump
// 4.99 ignores the error and exits 0.)
func TestWriteErrorOnce(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	cmd := exec.Command(os.Args[0], "-r", "../../testdata/sample.pcap", "-w", "/dev/full")
	cmd.Env = append(os.Environ(), "PCAPDUMP_TEST_MAIN=1")
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	require.True(t, errors.As(err, &ee), "%v", err)
	require.Equal(t, 1, ee.ExitCode())
	require.Equal(t, 1, strings.Count(string(out), "no space left on device"), "%s", out)
}
