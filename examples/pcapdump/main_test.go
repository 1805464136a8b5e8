package main

import (
	"io"
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/require"
)

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
	if _, err := exec.LookPath("tcpdump"); err == nil {
		out, err := exec.Command("tcpdump", args...).Output()
		require.NoError(t, err)
		require.Equal(t, string(want), string(out), "golden differs from tcpdump's output")
	}
	status, out := runCaptured(t, args...)
	require.Equal(t, 0, status)
	require.Equal(t, string(want), out)
}
