//go:build linux

package pcap

import (
	"os"
	"runtime"
	"slices"

	"golang.org/x/sys/unix"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// attachKernel puts prog, as the kernel must see it for link type t, on
// fd. It reports false when the kernel can't run it (too long, backward
// jumps, loads of cooked header fields it has no equivalent for): no
// kernel filter is attached then, and the caller filters in userspace.
func (l *liveHandle) attachKernel(fd int, prog []bpf.Instruction, t linktype.Type) bool {
	kprog, ok := kernelProgram(prog, t, l.dev.cooked)
	if ok && attachFilter(fd, kprog) != nil {
		ok = false
	}
	if !ok {
		detachFilter(fd)
	}
	return ok
}

func attachFilter(fd int, prog []bpf.Instruction) error {
	fp, err := bpf.SockFprog(prog)
	if err != nil {
		return err
	}
	return unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, fp)
}

func detachFilter(fd int) {
	_ = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_DETACH_FILTER, 0)
}

// setFilter replaces the handle's filter on an active socket. Packets
// already in the ring passed the old filter (or none), so the ring's slots
// are filtered again in userspace until they have all been read.
func (l *liveHandle) setFilter(h *Handle, prog []bpf.Instruction, vm *bpf.VM) error {
	l.ctl.Lock()
	defer l.ctl.Unlock()
	return l.setFilterLocked(h, prog, vm, l.cfg.Load().linkType)
}

func (l *liveHandle) setFilterLocked(h *Handle, prog []bpf.Instruction, vm *bpf.VM, t linktype.Type) error {
	userOnly := false
	err := l.control("setsockopt SO_ATTACH_FILTER", func(fd int) error {
		// Stop the flow while the filter changes, then drain what the
		// socket queued outside the ring.
		_ = attachFilter(fd, rejectAll)
		var b [1]byte
		for {
			if _, _, e := unix.Recvfrom(fd, b[:], unix.MSG_TRUNC|unix.MSG_DONTWAIT); e != nil {
				break
			}
		}
		if prog == nil {
			detachFilter(fd)
			return nil
		}
		userOnly = !l.attachKernel(fd, prog, t)
		return nil
	})
	if err != nil {
		return l.opErr("set filter", "", err)
	}
	// Everything already in the ring passed the old filter: filter it
	// again, slot by slot, until the reader has gone all the way round.
	l.userSlots.Store(int32(l.ring.nslots + 1))
	l.cfg.Store(l.newConfig(vm, userOnly, t))
	h.filter = prog
	return nil
}

// stats adds the kernel's counters, which it resets on every query, to the
// handle's.
func (l *liveHandle) stats() (Stats, error) {
	l.counts.mu.Lock()
	defer l.counts.mu.Unlock()
	var packets, drops uint32
	err := l.control("getsockopt PACKET_STATISTICS", func(fd int) error {
		if l.ring.v3 {
			s, err := unix.GetsockoptTpacketStatsV3(fd, unix.SOL_PACKET, unix.PACKET_STATISTICS)
			if err == nil {
				packets, drops = s.Packets, s.Drops
			}
			return err
		}
		s, err := unix.GetsockoptTpacketStats(fd, unix.SOL_PACKET, unix.PACKET_STATISTICS)
		if err == nil {
			packets, drops = s.Packets, s.Drops
		}
		return err
	})
	if err != nil {
		return Stats{}, l.opErr("stats", "", err)
	}
	c := &l.counts
	c.recv += uint64(packets)
	c.drop += uint64(drops)
	var ifdrop uint64
	if n := readIfDropped(l.dev.name); n >= c.ifdrop0 {
		ifdrop = n - c.ifdrop0
	}
	return Stats{PacketsReceived: int(c.recv), PacketsDropped: int(c.drop), PacketsIfDropped: int(ifdrop)}, nil
}

// close closes the socket, which wakes a reader parked in the poller, and
// unmaps the ring unless a reader is using it (rd.inRead): that reader
// unmaps it when it sees the handle closing, so a read racing Close never
// returns data the kernel did not deliver. Should the reader never come
// back, the ring is unmapped when the Handle is garbage.
func (l *liveHandle) close(h *Handle) error {
	l.ctl.Lock()
	defer l.ctl.Unlock()
	l.closing.Store(true)
	err := l.sock.f.Close()
	if m := l.ring.mapping; m != nil {
		if l.rd.inRead.Load() {
			runtime.AddCleanup(h, (*ringMapping).release, m)
		} else {
			m.release()
		}
	}
	if err != nil {
		return l.opErr("close", "", err)
	}
	return nil
}

func (l *liveHandle) setDirection(d Direction) error {
	l.dir.Store(int32(d))
	v := 0
	if d == DirectionIn {
		v = 1
	}
	// PACKET_IGNORE_OUTGOING only saves work (Linux 4.20 and later); the
	// reader checks the direction itself, so its failure doesn't matter.
	err := l.control("setsockopt PACKET_IGNORE_OUTGOING", func(fd int) error {
		_ = unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_IGNORE_OUTGOING, v)
		return nil
	})
	if err != nil {
		return l.opErr("set direction", "", err)
	}
	return nil
}

func (l *liveHandle) dataLinks() []linktype.Type {
	return slices.Clone(l.dev.dlts)
}

func (l *liveHandle) setLinkType(h *Handle, t linktype.Type) error {
	if !slices.Contains(l.dev.dlts, t) {
		return l.opErr("set link type", "link type "+t.String()+" is not supported by the device", nil)
	}
	l.ctl.Lock()
	defer l.ctl.Unlock()
	if l.closing.Load() {
		return l.opErr("set link type", "", os.ErrClosed)
	}
	if t == l.cfg.Load().linkType {
		return nil
	}
	// The filter was compiled for the old type: remove it.
	if err := l.setFilterLocked(h, nil, nil, t); err != nil {
		return err
	}
	h.linkType = t
	return nil
}

// write sends one frame.
func (l *liveHandle) write(data []byte) error {
	if l.dev.cooked {
		return l.opErr("write", "can't send on a cooked-mode socket", nil)
	}
	err := l.writeSock("write", func(fd int) error {
		_, err := unix.Write(fd, data)
		return err
	})
	if err != nil {
		return l.opErr("write", "", err)
	}
	return nil
}

func (l *liveHandle) setFanout(mode FanoutMode, id uint16) error {
	err := l.control("setsockopt PACKET_FANOUT", func(fd int) error {
		return unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_FANOUT, int(id)|int(mode)<<16)
	})
	if err != nil {
		return l.opErr("fanout", "", err)
	}
	return nil
}
