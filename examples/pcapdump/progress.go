package main

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// progress shows how many packets a live capture has written to its -w
// file: "Got N" and a carriage return on the standard error, as tcpdump
// -v -w does. It writes only when the count has changed (and once at the
// start), at most once per interval.
type progress struct {
	n    atomic.Uint64
	stop chan struct{}
	done sync.WaitGroup
}

// startProgress starts showing the count on w every interval.
func startProgress(w io.Writer, interval time.Duration) *progress {
	p := &progress{stop: make(chan struct{})}
	p.done.Add(1)
	go func() {
		defer p.done.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		var last uint64
		first := true
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
			if n := p.n.Load(); first || n != last {
				fmt.Fprintf(w, "Got %d\r", n)
				first, last = false, n
			}
		}
	}()
	return p
}

// add counts one packet. A nil progress counts nothing.
func (p *progress) add() {
	if p != nil {
		p.n.Add(1)
	}
}

// end stops the display; nothing is written to it afterwards.
func (p *progress) end() {
	if p != nil {
		close(p.stop)
		p.done.Wait()
	}
}

// progressInterval says whether a live capture shows its progress, and
// how often: ten times a second when the standard error is a terminal
// and -w writes to a file (pcapdump's own addition), once a second with
// -v and -w as tcpdump does (unless --print prints the packets).
func progressInterval(c *config, stderrIsTerminal bool) (time.Duration, bool) {
	switch {
	case c.writeFile == "" || c.printWritten:
		return 0, false
	case stderrIsTerminal && c.writeFile != "-":
		return 100 * time.Millisecond, true
	case c.verbose > 0:
		return time.Second, true
	}
	return 0, false
}
