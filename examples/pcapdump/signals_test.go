package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestStoppableReader(t *testing.T) {
	pr, pw := io.Pipe()
	stop := make(chan struct{})
	s := newStoppableReader(pr, stop)
	go pw.Write([]byte("hello, world"))
	buf := make([]byte, 5)
	var got []byte
	for len(got) < 12 {
		n, err := s.Read(buf)
		require.NoError(t, err)
		got = append(got, buf[:n]...)
	}
	require.Equal(t, "hello, world", string(got))
	done := make(chan error, 1)
	go func() { _, err := s.Read(buf); done <- err }() // waits: nothing more to read
	time.Sleep(10 * time.Millisecond)
	close(stop)
	select {
	case err := <-done:
		require.ErrorIs(t, err, errStopped)
	case <-time.After(5 * time.Second):
		t.Fatal("Read did not end on stop")
	}
	pw.Close()

	// Without a stop, the source's end comes through after its data.
	s = newStoppableReader(bytes.NewReader([]byte("abc")), make(chan struct{}))
	b, err := io.ReadAll(s)
	require.NoError(t, err)
	require.Equal(t, "abc", string(b))
}

// TestStdinInterrupted checks that SIGINT ends "-r -" while it waits for
// input on a pipe, and that the -w file then holds every packet read.
func TestStdinInterrupted(t *testing.T) {
	dir := t.TempDir()
	in, err := os.ReadFile(transportCapture(t, dir, false))
	require.NoError(t, err)
	out := filepath.Join(dir, "out.pcap")
	cmd := exec.Command(os.Args[0], "-r", "-", "-w", out)
	cmd.Env = append(os.Environ(), "PCAPDUMP_TEST_MAIN=1")
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	_, err = stdin.Write(in) // the whole capture, and the pipe stays open
	require.NoError(t, err)
	time.Sleep(300 * time.Millisecond)
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		require.NoError(t, err, stderr.String())
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("pcapdump -r - went on waiting after SIGINT")
	}
	stdin.Close()
	n, clean := countWhole(t, out)
	require.True(t, clean)
	require.Equal(t, len(transportPackets()), n)
}
