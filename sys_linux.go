//go:build linux

package pcap

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// Every syscall on an active socket goes through control or write, which
// run it through the socket's RawConn (so it can't race Close's release of
// the descriptor), retry EINTR, and map the outcome with sysErr.

// sysErr maps the outcome of a RawConn call (rcErr) and of the syscall it
// ran (err) to what the handle returns: os.ErrClosed once the handle is
// closing or closed, else the syscall error named by call.
func (l *liveHandle) sysErr(call string, rcErr, err error) error {
	switch {
	case l.closing.Load() || errors.Is(rcErr, os.ErrClosed):
		return os.ErrClosed
	case rcErr != nil:
		return rcErr
	case err != nil:
		return os.NewSyscallError(call, err)
	}
	return nil
}

// control runs f on the socket, retrying EINTR, as RawConn.Control does.
func (l *liveHandle) control(call string, f func(fd int) error) error {
	var err error
	rcErr := l.sock.rc.Control(func(fd uintptr) {
		for err = f(int(fd)); err == unix.EINTR; err = f(int(fd)) {
		}
	})
	return l.sysErr(call, rcErr, err)
}

// writeSock runs f on the socket until it stops failing with EINTR or EAGAIN,
// parking in the runtime poller until the socket is writable on EAGAIN.
func (l *liveHandle) writeSock(call string, f func(fd int) error) error {
	var err error
	rcErr := l.sock.rc.Write(func(fd uintptr) bool {
		for err = f(int(fd)); err == unix.EINTR; err = f(int(fd)) {
		}
		return err != unix.EAGAIN
	})
	return l.sysErr(call, rcErr, err)
}
