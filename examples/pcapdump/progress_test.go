package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// lockedBuffer is a bytes.Buffer safe for the progress goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestProgress(t *testing.T) {
	var out lockedBuffer
	p := startProgress(&out, 5*time.Millisecond)
	require.Eventually(t, func() bool { return out.String() == "Got 0\r" }, time.Second, time.Millisecond)
	time.Sleep(20 * time.Millisecond) // no change: nothing more is written
	require.Equal(t, "Got 0\r", out.String())
	for range 3 {
		p.add()
	}
	require.Eventually(t, func() bool { return strings.HasSuffix(out.String(), "Got 3\r") }, time.Second, time.Millisecond)
	p.end()
	final := out.String()
	p2 := (*progress)(nil)
	p2.add() // a nil progress counts nothing and does not panic
	p2.end()
	time.Sleep(20 * time.Millisecond)
	require.Equal(t, final, out.String(), "written after end")
}

func TestProgressInterval(t *testing.T) {
	for _, tt := range []struct {
		c    config
		tty  bool
		want time.Duration
		ok   bool
	}{
		{config{writeFile: "f"}, true, 100 * time.Millisecond, true},
		{config{writeFile: "f"}, false, 0, false},
		{config{writeFile: "f", verbose: 1}, false, time.Second, true},
		{config{writeFile: "-"}, true, 0, false},
		{config{writeFile: "f", printWritten: true, verbose: 1}, true, 0, false},
		{config{}, true, 0, false},
	} {
		got, ok := progressInterval(&tt.c, tt.tty)
		require.Equal(t, tt.ok, ok, "%+v", tt)
		require.Equal(t, tt.want, got, "%+v", tt)
	}
}

func TestReadTimeout(t *testing.T) {
	require.Equal(t, 100*time.Millisecond, readTimeout(&config{}, true))
	require.Equal(t, 100*time.Millisecond, readTimeout(&config{lineBuffered: true}, false))
	require.Equal(t, time.Second, readTimeout(&config{}, false))
	require.Equal(t, 100*time.Millisecond, readTimeout(&config{writeFile: "f"}, false))
	require.Equal(t, 100*time.Millisecond, readTimeout(&config{writeFile: "f", printWritten: true}, true))
	require.Equal(t, time.Second, readTimeout(&config{countOnly: true}, false))
}
