//go:build linux

package pcap

import (
	"errors"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// pollReady is the callback given to RawConn.Read: returning false parks
// the goroutine in the runtime poller until the socket is readable.
//
// Whenever the current slot is not ready, it also takes the socket's
// pending error, if any (the interface went down or away). It does so on
// every call, before parking as well as after each wake-up: the poller is
// edge-triggered, so an error whose wake-up was spent while the reader was
// busy with packets would otherwise never be seen.
func (l *liveHandle) pollReady(fd uintptr) bool {
	if l.ring.slotReady() {
		return true
	}
	if e, err := unix.GetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_ERROR); err == nil && e != 0 {
		l.rd.sockErr = syscall.Errno(e)
		return true
	}
	return false
}

// wait parks until the current slot is ready, the timeout expires, the
// socket reports an error or the handle is closed.
func (l *liveHandle) wait() error {
	if l.rd.gone != nil {
		return l.rd.gone
	}
	if l.rd.timeout > 0 {
		if err := l.sock.f.SetReadDeadline(time.Now().Add(l.rd.timeout)); err != nil {
			return l.opErr("read", "", l.sysErr("", err, nil))
		}
	}
	l.rd.sockErr = nil
	err := l.sock.rc.Read(l.rd.readyFn)
	if err != nil {
		if errors.Is(err, os.ErrDeadlineExceeded) && !l.closing.Load() {
			return ErrTimeout
		}
		return l.opErr("read", "", l.sysErr("", err, nil))
	}
	if l.rd.sockErr != nil {
		return l.linkErr(l.rd.sockErr)
	}
	return nil
}

// linkErr turns the socket error e into the read's error, in libpcap's
// words: ENETDOWN means the interface went down, or went away altogether
// (the kernel reports both alike), which the device's index tells apart.
// A device that went away stays gone: every later wait returns the same
// error. One that went down may come back up, and capture with it.
func (l *liveHandle) linkErr(e error) error {
	if e != unix.ENETDOWN {
		return l.opErr("read", "error condition on packet socket", os.NewSyscallError("SO_ERROR", e))
	}
	var ierr error
	cerr := l.control("SIOCGIFINDEX", func(fd int) error {
		ifr, err := unix.NewIfreq(l.dev.name)
		if err != nil {
			return err
		}
		if err = unix.IoctlIfreq(fd, unix.SIOCGIFINDEX, ifr); err == nil && int(ifr.Uint32()) != l.dev.ifindex {
			err = unix.ENODEV // the name now belongs to another device
		}
		ierr = err
		return nil
	})
	if cerr != nil {
		return l.opErr("read", "", cerr)
	}
	if ierr == unix.ENODEV {
		l.rd.gone = l.opErr("read", "the interface disappeared", os.NewSyscallError("SIOCGIFINDEX", unix.ENODEV))
		return l.rd.gone
	}
	return l.opErr("read", "the interface went down", os.NewSyscallError("SO_ERROR", unix.ENETDOWN))
}
