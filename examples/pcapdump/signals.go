package main

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
)

// stopSignals are the signals on which pcapdump stops capturing or
// reading and closes its output files whole, as tcpdump does: SIGINT,
// SIGTERM, and SIGHUP unless it was ignored when pcapdump started (under
// nohup).
var stopSignals = stopSignalList()

func stopSignalList() []os.Signal {
	sigs := []os.Signal{syscall.SIGINT, syscall.SIGTERM}
	if !signal.Ignored(syscall.SIGHUP) {
		sigs = append(sigs, syscall.SIGHUP)
	}
	return sigs
}

// signalStop is set when one of stopSignals arrives.
type signalStop struct {
	atomic.Bool
	sigc    chan os.Signal
	done    chan struct{} // closed by release
	stopped chan struct{} // closed when the signal arrives
}

// stopOnSignal catches stopSignals until release: instead of
// killing the process, they set the returned flag, which a reading loop
// checks before each packet.
func stopOnSignal() *signalStop {
	s := &signalStop{sigc: make(chan os.Signal, 1), done: make(chan struct{}), stopped: make(chan struct{})}
	signal.Notify(s.sigc, stopSignals...)
	go func() {
		select {
		case <-s.sigc:
			s.Store(true)
			close(s.stopped)
		case <-s.done:
		}
	}()
	return s
}

// Done returns a channel that is closed when the signal arrives.
func (s *signalStop) Done() <-chan struct{} { return s.stopped }

// release restores the default handling of the signals.
func (s *signalStop) release() {
	signal.Stop(s.sigc)
	close(s.done)
}

// errStopped is what a stoppableReader returns once the stop signal has
// come.
var errStopped = errors.New("stopped by a signal")

// stoppableReader reads r on a goroutine of its own, in 64 KiB chunks
// through two buffers, so that a read waiting for input (the standard
// input of -r -) ends with errStopped when stop is closed. The goroutine
// may stay blocked in r.Read after that; the process is about to exit.
type stoppableReader struct {
	chunks chan chunk
	free   chan []byte
	stop   <-chan struct{}
	cur    []byte // unread part of the current chunk
	buf    []byte // the current chunk's buffer, to hand back
	err    error  // r's error, after cur
}

type chunk struct {
	data, buf []byte
	err       error
}

func newStoppableReader(r io.Reader, stop <-chan struct{}) *stoppableReader {
	s := &stoppableReader{chunks: make(chan chunk), free: make(chan []byte, 2), stop: stop}
	s.free <- make([]byte, 64<<10)
	s.free <- make([]byte, 64<<10)
	go func() {
		for buf := range s.free {
			n, err := r.Read(buf)
			select {
			case s.chunks <- chunk{buf[:n], buf, err}:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return s
}

func (s *stoppableReader) Read(p []byte) (int, error) {
	for len(s.cur) == 0 {
		if s.err != nil {
			return 0, s.err
		}
		if s.buf != nil {
			s.free <- s.buf
			s.buf = nil
		}
		select {
		case c := <-s.chunks:
			s.cur, s.buf, s.err = c.data, c.buf, c.err
		case <-s.stop:
			return 0, errStopped
		}
	}
	n := copy(p, s.cur)
	s.cur = s.cur[n:]
	return n, nil
}
