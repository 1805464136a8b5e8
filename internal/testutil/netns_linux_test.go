package testutil

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fatalRecorder is a testing.TB whose Fatal only records its message,
// so that a test can see what InNS reports.
type fatalRecorder struct {
	testing.TB
	mu     sync.Mutex
	fatals []string
}

func (r *fatalRecorder) Fatal(args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fatals = append(r.fatals, fmt.Sprint(args...))
}

// TestInNS runs functions that return, panic, or end their goroutine
// (as t.FailNow does) in a namespace: InNS returns every time, and
// reports the last two as failures instead of hanging on the third.
func TestInNS(t *testing.T) {
	RequireNetns(t)
	ns := fmt.Sprintf("ppcap-%d-%d", os.Getpid(), nsCounter.Add(1))
	Run(t, "ip", "netns", "add", ns)
	t.Cleanup(func() { Run(t, "ip", "netns", "del", ns) })
	want, err := os.Stat("/run/netns/" + ns)
	require.NoError(t, err)

	tests := []struct {
		name  string
		fn    func()
		fatal string // in the reported failure; "" for none
	}{
		{"returns", func() {
			got, err := os.Stat("/proc/thread-self/ns/net")
			if err != nil || !os.SameFile(want, got) {
				panic(fmt.Sprintf("not in %s: %v", ns, err))
			}
		}, ""},
		{"panics", func() { panic("boom") }, "panic: boom"},
		{"goexit", func() { runtime.Goexit() }, "ended its goroutine"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &fatalRecorder{TB: t}
			done := make(chan struct{})
			go func() {
				defer close(done)
				InNS(rec, ns, tt.fn)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("InNS did not return")
			}
			if tt.fatal == "" {
				assert.Empty(t, rec.fatals)
				return
			}
			require.Len(t, rec.fatals, 1)
			assert.Contains(t, rec.fatals[0], tt.fatal)
		})
	}
}
