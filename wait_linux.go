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

// linkRecheck is how often a reader whose interface went down checks
// whether it went away altogether: the kernel reports that only once, as
// ENETDOWN, when the interface goes down on its way out.
const linkRecheck = 200 * time.Millisecond

// wait parks until the current slot is ready, the timeout expires, the
// socket reports an error or the handle is closed.
func (l *liveHandle) wait() error {
	if l.rd.gone != nil {
		return l.rd.gone
	}
	var deadline time.Time
	if l.rd.timeout > 0 {
		deadline = time.Now().Add(l.rd.timeout)
	}
	for {
		err := l.park(deadline)
		if !errors.Is(err, errRecheck) {
			return err
		}
		if err := l.recheckLink(); err != nil {
			return err
		}
	}
}

// errRecheck says that park woke up to see whether a downed interface is
// gone.
var errRecheck = errors.New("recheck the link")

// park waits once in the poller, until deadline (zero: none), or for
// linkRecheck at most while the interface is down.
func (l *liveHandle) park(deadline time.Time) error {
	d, recheck := deadline, false
	if l.rd.linkDown {
		if r := time.Now().Add(linkRecheck); d.IsZero() || r.Before(d) {
			d, recheck = r, true
		}
	}
	if !d.IsZero() || l.rd.deadlineSet {
		if err := l.sock.f.SetReadDeadline(d); err != nil {
			return l.opErr("read", "", l.sysErr("", err, nil))
		}
		l.rd.deadlineSet = !d.IsZero()
	}
	l.rd.sockErr = nil
	err := l.sock.rc.Read(l.rd.readyFn)
	switch {
	case err == nil && l.rd.sockErr != nil:
		return l.linkErr(l.rd.sockErr)
	case err == nil:
		// Packets may still come after the interface went down (the
		// kernel retires a partly filled block): only recheckLink finds
		// it up again.
		return nil
	case errors.Is(err, os.ErrDeadlineExceeded) && !l.closing.Load():
		if recheck {
			return errRecheck
		}
		return ErrTimeout
	}
	return l.opErr("read", "", l.sysErr("", err, nil))
}

// recheckLink looks up the device of a reader whose interface went down:
// an error if it is gone, nil (and waiting goes on) otherwise.
func (l *liveHandle) recheckLink() error {
	up, err := l.deviceState()
	if err != nil {
		return err
	}
	if up {
		l.rd.linkDown = false
	}
	return nil
}

// linkErr turns the socket error e into the read's error, in libpcap's
// words: ENETDOWN means the interface went down, or went away altogether
// (the kernel reports both alike, and only once), which the device's index
// tells apart. A device that went away stays gone: every later wait
// returns the same error. One that went down may come back up, and capture
// with it; until then, waits look up the device every linkRecheck, so that
// one deleted while down is reported too.
func (l *liveHandle) linkErr(e error) error {
	if e != unix.ENETDOWN {
		return l.opErr("read", "error condition on packet socket", os.NewSyscallError("SO_ERROR", e))
	}
	if _, err := l.deviceState(); err != nil {
		return err
	}
	l.rd.linkDown = true
	return l.opErr("read", "the interface went down", os.NewSyscallError("SO_ERROR", unix.ENETDOWN))
}

// deviceState looks the device up by name in the socket's namespace: an
// error (remembered in rd.gone) if it is gone or the name now belongs to
// another device, else whether it is up.
func (l *liveHandle) deviceState() (up bool, err error) {
	var ierr error
	cerr := l.control("SIOCGIFINDEX", func(fd int) error {
		ifr, err := unix.NewIfreq(l.dev.name)
		if err != nil {
			return err
		}
		if err = unix.IoctlIfreq(fd, unix.SIOCGIFINDEX, ifr); err == nil && int(ifr.Uint32()) != l.dev.ifindex {
			err = unix.ENODEV // the name now belongs to another device
		}
		if err == nil {
			err = unix.IoctlIfreq(fd, unix.SIOCGIFFLAGS, ifr)
			up = err == nil && ifr.Uint16()&unix.IFF_UP != 0
		}
		ierr = err
		return nil
	})
	if cerr != nil {
		return false, l.opErr("read", "", cerr)
	}
	if ierr == unix.ENODEV || ierr == unix.ENXIO {
		l.rd.gone = l.opErr("read", "the interface disappeared", os.NewSyscallError("SIOCGIFINDEX", unix.ENODEV))
		return false, l.rd.gone
	}
	return up, nil
}
