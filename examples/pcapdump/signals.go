package main

import (
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
)

// stopSignals are the signals on which pcapdump stops capturing or
// reading and closes its output files whole, as tcpdump does.
var stopSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM}

// signalStop is set when SIGINT or SIGTERM arrives.
type signalStop struct {
	atomic.Bool
	sigc chan os.Signal
	done chan struct{}
}

// stopOnSignal catches SIGINT and SIGTERM until release: instead of
// killing the process, they set the returned flag, which a reading loop
// checks before each packet.
func stopOnSignal() *signalStop {
	s := &signalStop{sigc: make(chan os.Signal, 1), done: make(chan struct{})}
	signal.Notify(s.sigc, stopSignals...)
	go func() {
		select {
		case <-s.sigc:
			s.Store(true)
		case <-s.done:
		}
	}()
	return s
}

// release restores the default handling of the signals.
func (s *signalStop) release() {
	signal.Stop(s.sigc)
	close(s.done)
}
